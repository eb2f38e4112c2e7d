/**
 * Node-only helpers around the host-free reader: reading a workbook from a path with the size checked
 * before the file is loaded.
 */
import fs from "fs";
import { readVi } from "../i18n/cli";
import { READ_LIMITS, readWorkbookFile, ReadOutcome, ReadFailCode } from "./read";

export type PathReadOutcome = ReadOutcome | { ok: false; reason: string; code: ReadFailCode | "not-found" };

/** Reads an .xlsx file from disk. Never throws. */
export function readWorkbookPath(path: string): PathReadOutcome {
  let size: number;
  try {
    const st = fs.statSync(path);
    if (!st.isFile()) return { ok: false, code: "not-found", reason: readVi.notFound(path) };
    size = st.size;
  } catch {
    return { ok: false, code: "not-found", reason: readVi.notFound(path) };
  }
  if (size > READ_LIMITS.maxFileBytes) {
    return { ok: false, code: "too-large", reason: readVi.tooLarge(readVi.tooLargeFile(READ_LIMITS.maxFileBytes / (1024 * 1024))) };
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch {
    return { ok: false, code: "not-found", reason: readVi.cannotOpen(path) };
  }
  return readWorkbookFile(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path);
}

/**
 * Node-only helpers around the host-free reader: reading a workbook from a path with the size checked
 * before the file is loaded.
 */
import fs from "fs";
import zlib from "zlib";
import { readVi } from "../i18n/cli";
import { READ_LIMITS, readWorkbookFile, ReadOutcome, ReadFailCode } from "./read";

/** Node's zlib, stopped at the declared size (maxOutputLength) so a lying part cannot grow memory. */
export function zlibInflater(data: Uint8Array, size: number): Uint8Array {
  const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** readWorkbookFile with Node's native inflater. */
export function readWorkbookBytes(buf: Uint8Array, name?: string): ReadOutcome {
  return readWorkbookFile(buf, name, { inflater: zlibInflater });
}

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
    return {
      ok: false,
      code: "too-large",
      reason: readVi.tooLarge(readVi.tooLargeFile(READ_LIMITS.maxFileBytes / (1024 * 1024))),
    };
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch {
    return { ok: false, code: "not-found", reason: readVi.cannotOpen(path) };
  }
  return readWorkbookBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path);
}

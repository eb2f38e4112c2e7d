/**
 * Consolidation from .xlsx bytes, usable in the browser (task pane) and in node: each file is read
 * (direct zip parts, no ExcelJS), placed and validated, and only its Report is kept, so the memory held
 * grows with the figures, not with the workbooks. Yields to the event loop between files so the pane
 * stays responsive.
 */
import { consolidate, ConsolidateOptions, Consolidation, UnitInput } from "../engine/consolidate";
import { readReport } from "../engine/reader";
import { validate } from "../engine/validate";
import type { Period } from "../engine/types";
import { readWorkbookFile } from "./read";

export interface FileInput {
  name: string;
  bytes: Uint8Array;
  receivedAt?: Date;
}

/**
 * Reads one file into a UnitInput (never throws). With `period` (the period consolidated), a workbook keeping
 * sheets of several periods is read for that period's sheets only.
 */
export function readUnitFile(name: string, bytes: Uint8Array, receivedAt?: Date, period?: Period): UnitInput {
  try {
    const r = readWorkbookFile(bytes, name);
    if (!r.ok) return { file: name, read: { ok: false, reason: r.reason }, receivedAt };
    const report = readReport(r.sheets, { settings: r.settings, period });
    let findings: ReturnType<typeof validate> = [];
    try {
      findings = validate(report);
    } catch {
      findings = [];
    }
    // drop what is not needed for the roll-up, so a thousand reports stay small
    report.unplaced = report.unplaced.slice(0, 50);
    return { file: name, read: { ok: true, report, findings }, receivedAt };
  } catch (e) {
    return { file: name, read: { ok: false, reason: e instanceof Error ? e.message : String(e) }, receivedAt };
  }
}

const tick = (): Promise<void> => new Promise((res) => setTimeout(res, 0));

/** Reads the files one after another and consolidates them. */
export async function consolidateFiles(
  files: FileInput[],
  o: ConsolidateOptions,
  onProgress?: (done: number, total: number, name: string) => void
): Promise<Consolidation> {
  const inputs: UnitInput[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    inputs.push(readUnitFile(f.name, f.bytes, f.receivedAt, o.period));
    try {
      onProgress?.(i + 1, files.length, f.name);
    } catch {
      /* a failing progress callback must not stop the consolidation */
    }
    await tick();
  }
  return consolidate(inputs, o);
}

/**
 * Consolidation from .xlsx bytes, usable in the browser (task pane) and in node: each file is read
 * (direct zip parts, no ExcelJS), placed and validated, and only its Report is kept, so the memory held
 * grows with the figures, not with the workbooks. Yields to the event loop between files so the pane
 * stays responsive.
 */
import { consolidate, ConsolidateOptions, Consolidation, UnitInput } from "../engine/consolidate";
import { readReport } from "../engine/reader";
import type { Period, Report } from "../engine/types";
import { validateReport, ValidateOptions } from "../engine/validate";
import { consolidateText as T } from "../i18n/consolidate";
import { readWorkbookFile } from "./read";

export interface FileInput {
  name: string;
  bytes: Uint8Array;
  receivedAt?: Date;
}

/**
 * Reads one file into a UnitInput. A file the reader cannot open is "unreadable" with its reason; a check
 * that did not run to the end (a defect) is kept as `complete: false`, which consolidation marks
 * "not checked" (never "ok" with no findings). With `period` (the period consolidated), a workbook keeping
 * sheets of several periods is read for that period's sheets only.
 */
export function readUnitFile(
  name: string,
  bytes: Uint8Array,
  receivedAt?: Date,
  period?: Period,
  opts: ValidateOptions = {}
): UnitInput {
  let report: Report;
  try {
    const r = readWorkbookFile(bytes, name);
    if (!r.ok) return { file: name, read: { ok: false, reason: r.reason }, receivedAt };
    report = readReport(r.sheets, { settings: r.settings, period });
  } catch (e) {
    // a defect of the file reader (its own failures come back as ok: false): shown, and logged for support
    console.error("[Báo cáo CCHC] reading", name, e);
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { file: name, read: { ok: false, reason: T.readerDefect(detail) }, receivedAt };
  }
  const outcome = validateReport(report, opts);
  // drop what is not needed for the roll-up, so a thousand reports stay small
  report.unplaced = report.unplaced.slice(0, 50);
  return { file: name, read: { ok: true, report, findings: outcome.findings, complete: outcome.complete }, receivedAt };
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
    } catch (e) {
      // a failing progress display must not stop the consolidation; it is a defect, so it is logged
      console.error("[Báo cáo CCHC] progress callback failed", e);
    }
    await tick();
  }
  return consolidate(inputs, o);
}

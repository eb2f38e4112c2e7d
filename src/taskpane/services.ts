/**
 * The engine functions the pane calls, in one place (pure, host-free): layout of the forms, reading a
 * report from grids, validation and the pre-send fingerprint.
 */
import { APP_VERSION, SETTINGS_KEYS, WorkbookSettings } from "../engine/conventions";
import { fingerprint, checkStamp } from "../engine/fingerprint";
import { buildFormsWorkbook } from "../engine/layout";
import { readReport } from "../engine/reader";
import type { WorkbookSpec } from "../engine/sheet-spec";
import type { Finding, GridSheet, Report, Stamp } from "../engine/types";
import { validate } from "../engine/validate";

export { APP_VERSION, SETTINGS_KEYS };

export function layoutFor(forms: number[], s: WorkbookSettings): WorkbookSpec {
  return buildFormsWorkbook(forms, { level: s.level, version: s.version, period: s.period, unit: s.unit });
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
}

/** Reads and validates; never throws (a defect reads as an empty report). */
export function check(grids: GridSheet[], settings: Record<string, string>): CheckResult {
  const report = readReport(grids, { settings });
  return { report, findings: validate(report) };
}

export function makeStamp(report: Report, now: Date = new Date()): Stamp {
  return { at: now.toISOString(), by: `Báo cáo CCHC ${APP_VERSION}`, fingerprint: fingerprint(report) };
}

export { checkStamp };

// ---------------------------------------------------------------- consolidation (src/engine/consolidate.ts)

export interface ConsolidateInput {
  name: string;
  bytes: Uint8Array;
}
export interface ConsolidateOutput {
  spec: WorkbookSpec;
  units: { unit: string; file?: string; status: string; message?: string; progress?: number }[];
}
export type ConsolidateFn = (
  files: ConsolidateInput[],
  opts: {
    settings: WorkbookSettings;
    expectedUnits: string[];
    onProgress: (file: string, fraction: number) => void;
  },
) => Promise<ConsolidateOutput>;

/** Undefined until the consolidation engine is wired in; the tab then says so plainly. */
export const consolidateFiles: ConsolidateFn | undefined = undefined;

/**
 * The engine functions the pane calls, in one place (pure, host-free): layout of the forms, reading a
 * report from grids, validation and the pre-send fingerprint.
 */
import { APP_VERSION, SETTINGS_KEYS, WorkbookSettings } from "../engine/conventions";
import { checkStamp } from "../engine/fingerprint";
import { buildFormsWorkbook } from "../engine/layout";
import { readReport } from "../engine/reader";
import type { WorkbookSpec } from "../engine/sheet-spec";
import type { Finding, GridSheet, Report, Stamp } from "../engine/types";
import { validateReport } from "../engine/validate";
import { stampFor } from "../engine/presend";
import type { Consolidation } from "../engine/consolidate";
import { totalValues } from "../engine/consolidate";
import type { OwnRow } from "./logic";
import { buildConsolidatedSheet, planSheetReplacement } from "../engine/consolidate-layout";
import { consolidateFiles as readAndConsolidate } from "../xlsx/consolidate-files";
import { statusLabels } from "../i18n/consolidate";

export { APP_VERSION, SETTINGS_KEYS };

export function layoutFor(forms: number[], s: WorkbookSettings): WorkbookSpec {
  return buildFormsWorkbook(forms, { level: s.level, version: s.version, period: s.period, unit: s.unit });
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  /** False when reading or a check stopped on a defect (its "check-failed" findings say which). */
  complete: boolean;
}

/** Reads and validates; a defect of a reader step or a rule is a "check-failed" finding, never silence. */
export function check(grids: GridSheet[], settings: Record<string, string>): CheckResult {
  const report = readReport(grids, { settings });
  const { findings, complete } = validateReport(report);
  return { report, findings, complete };
}

/** The "ready to send" stamp; throws StampRefused unless presendVerdict(r.report, r) is "ready". */
export function makeStamp(r: CheckResult, now: Date = new Date()): Stamp {
  return stampFor(r.report, r, `Báo cáo CCHC ${APP_VERSION}`, now);
}

export { checkStamp };

// ---------------------------------------------------------------- consolidation (src/engine/consolidate.ts)

export interface ConsolidateInput {
  name: string;
  bytes: Uint8Array;
}
export interface UnitRow {
  unit: string;
  file?: string;
  /** ok | warning | error | missing | pending | reading */
  status: string;
  message?: string;
  progress?: number;
}
export interface ConsolidateOutput {
  spec: WorkbookSpec;
  units: UnitRow[];
  counted: number;
  /** Computed totals by indicator id (what the unit's own forms receive on request). */
  totals: Map<string, number>;
  /** Value rows the consolidating unit fills itself. */
  own: OwnRow[];
}
export type ConsolidateFn = (
  files: ConsolidateInput[],
  opts: {
    settings: WorkbookSettings;
    expectedUnits: string[];
    /** Existing sheets (name and F1 text) so that a user's sheet is never replaced. */
    existing: { name: string; f1: unknown }[];
    onProgress: (file: string, fraction: number) => void;
  }
) => Promise<ConsolidateOutput>;

/** One row per file (and per expected unit with no file) for the pane's status table. */
export function unitRows(c: Consolidation): UnitRow[] {
  const rows: UnitRow[] = c.units.map((u) => {
    const label = statusLabels[u.status] ?? u.status;
    // a unit whose check did not complete is never shown as fine, counted or not
    const status =
      !u.counted || u.status === "not-checked"
        ? "error"
        : u.errors > 0 || u.warnings > 0 || u.late?.late
          ? "warning"
          : "ok";
    const notes = [u.counted ? `${label} (${u.errors} lỗi, ${u.warnings} cảnh báo)` : label, ...u.messages];
    return { unit: u.unit, file: u.file, status, message: notes.join(" "), progress: 1 };
  });
  for (const m of c.missing) rows.push({ unit: m, status: "missing" });
  return rows;
}

/**
 * Reads the units' files (one by one, with progress), consolidates them for the consolidating unit of the
 * remembered settings and lays out the Tổng hợp tab. Only that tab is written: the unit's own forms are
 * filled later, only on the user's request (planFill), and a user's sheet whose name collides is kept (the new tab takes a free name).
 */
export const consolidateFiles: ConsolidateFn = async (files, opts) => {
  const c = await readAndConsolidate(
    files.map((f) => ({ name: f.name, bytes: f.bytes })),
    {
      level: opts.settings.level,
      version: opts.settings.version,
      period: opts.settings.period,
      unit: opts.settings.unit,
      expected: opts.expectedUnits,
    },
    (_done, _total, name) => opts.onProgress(name, 1)
  );
  const sheet = buildConsolidatedSheet(c);
  const plan = planSheetReplacement(opts.existing, [sheet]);
  const name = plan.names.get(sheet.name) ?? sheet.name;
  const spec: WorkbookSpec = { sheets: [{ ...sheet, name }] };
  const own = c.rows
    .filter((t) => c.own.includes(t.indicatorId))
    .map((t) => ({ indicatorId: t.indicatorId, form: t.form, code: t.code }));
  return { spec, units: unitRows(c), counted: c.counted.length, totals: totalValues(c), own };
};

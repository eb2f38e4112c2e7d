/**
 * Test helpers: units' reports made like the add-in makes them (layout + figures, turned into the plain
 * grids a host hands the reader) and small hand-built reports.
 */
import { buildFormsWorkbook } from "../../src/spec/layout";
import { specToGrid } from "../../src/engine/formula-results";
import { fillForms } from "../../src/spec/consolidate-layout";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import type { Finding, GridSheet, GridValue, Level, Period, Report } from "../../src/engine/types";
import type { UnitInput } from "../../src/engine/consolidate";

export { specToGrid };

export function workbookToGrids(wb: WorkbookSpec): { sheets: GridSheet[]; settings?: Record<string, string> } {
  return { sheets: wb.sheets.map(specToGrid), settings: wb.settings };
}

/** A unit's report as written by the add-in with these figures (id → number or text such as "-"). */
export function addinReport(
  level: Level,
  version: string,
  period: Period,
  unit: string,
  values: Record<string, number | string>
): Report {
  const wb = buildFormsWorkbook([], { level, version, period, unit });
  fillForms(wb, new Map(Object.entries(values)));
  const g = workbookToGrids(wb);
  return readReport(g.sheets, { settings: g.settings });
}

export function unitInput(file: string, report: Report, receivedAt?: Date): UnitInput {
  let findings: Finding[] = [];
  findings = validate(report);
  return { file, read: { ok: true, report, findings }, receivedAt };
}

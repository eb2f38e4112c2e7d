/**
 * Inserting the forms, for every shell: check what the user gave, lay the chosen forms out for the
 * unit's level, period and edition, find the sheets that are already there (the shell asks keep or
 * replace), write, and say what was done. The settings travel with the layout (WorkbookSpec.settings,
 * through the one serializer), so the workbook remembers them.
 */
import { FORM_NUMBERS } from "../catalog";
import type { WorkbookSettings } from "../engine/conventions";
import { buildFormsWorkbook } from "../spec/layout";
import { isValidYear } from "../engine/settings";
import type { WorkbookSpec } from "../engine/sheet-spec";
import { excelVi } from "../i18n/excel";
import { pane } from "../i18n/pane";
import type { ExcelHost, WriteResult } from "./host";

/** The forms laid out for the settings (all seven when `forms` is empty). */
export function layoutFor(forms: number[], s: WorkbookSettings, extra: { reportNo?: string } = {}): WorkbookSpec {
  return buildFormsWorkbook(forms, {
    level: s.level,
    version: s.version,
    period: s.period,
    unit: s.unit,
    reportNo: extra.reportNo,
  });
}

/** Every form number, in order. */
export function allForms(): number[] {
  return [...FORM_NUMBERS];
}

/** The year typed in a text box, when it is four digits from 2000 to 2100. */
export function yearFromText(text: string): number | undefined {
  const t = text.trim();
  const y = Number(t);
  return /^\d{4}$/.test(t) && isValidYear(y) ? y : undefined;
}

/** Names of the sheets a workbook spec would write that the workbook already has. */
export function existingOf(spec: WorkbookSpec, existingNames: string[]): string[] {
  const have = new Set(existingNames.map((n) => n.toLowerCase()));
  return spec.sheets.map((s) => s.name).filter((n) => have.has(n.toLowerCase()));
}

export type InsertProblem = "unit" | "year" | "forms";

/** What is wrong with the user's choice, with its Vietnamese line; undefined when it can be inserted. */
export function insertProblem(
  forms: number[],
  s: WorkbookSettings,
  yearText: string
): { field: InsertProblem; message: string } | undefined {
  if (!s.unit.trim()) return { field: "unit", message: pane.insert.unitRequired };
  if (yearFromText(yearText) === undefined) return { field: "year", message: pane.insert.yearInvalid };
  if (forms.length === 0) return { field: "forms", message: pane.insert.noFormSelected };
  return undefined;
}

export interface InsertPlan {
  spec: WorkbookSpec;
  /** Sheets already there (by name, or by our metadata for one of the chosen forms): ask before writing. */
  clash: string[];
}

/** Lays the forms out and finds what they would collide with; writes nothing. */
export async function planInsert(host: ExcelHost, forms: number[], s: WorkbookSettings): Promise<InsertPlan> {
  const spec = layoutFor(forms, { ...s, unit: s.unit.trim() });
  const sheets = await host.listSheets();
  const clash = existingOf(
    spec,
    sheets.map((x) => x.name)
  );
  for (const x of sheets) {
    const m = x.meta;
    if (m && m.kind === "form" && m.form !== undefined && forms.indexOf(m.form) >= 0 && clash.indexOf(x.name) < 0)
      clash.push(x.name);
  }
  return { spec, clash };
}

export interface InsertOutcome {
  result: WriteResult;
  intent: "success" | "warning";
  lines: string[];
}

/** What a write did, in the user's words (pages written, kept, features this Excel lacks). */
export function describeWrite(r: WriteResult): InsertOutcome {
  const lines = [r.written.length ? pane.insert.resultWritten(r.written) : pane.insert.resultNone];
  if (r.kept.length) lines.push(pane.insert.resultKept(r.kept));
  for (const k of r.skippedFeatures)
    lines.push(excelVi.skipped[k as keyof typeof excelVi.skipped] || pane.insert.resultSkipped([k]));
  return { result: r, intent: r.skippedFeatures.length ? "warning" : "success", lines };
}

/** Writes the planned forms; existing sheets are kept unless the user chose to replace them. */
export async function insertForms(
  host: ExcelHost,
  spec: WorkbookSpec,
  existing: "keep" | "replace"
): Promise<InsertOutcome> {
  return describeWrite(await host.writeWorkbook(spec, { existing }));
}

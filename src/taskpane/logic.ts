/**
 * The pane's decisions as pure functions (no React, no Office): remembered settings, grouping of
 * findings, which sheets to re-read after an edit, which fix a finding offers, the stamp.
 */
import { DEFAULT_VERSION, FORM_NUMBERS, isLevel, VERSION_IDS } from "../catalog";
import { a1 as cellA1, parseCell } from "../engine/a1";
import { decodeMeta, SheetMeta, WorkbookSettings } from "../engine/conventions";
import type { CellSpec, WorkbookSpec } from "../engine/sheet-spec";
import type { Finding, GridSheet, PeriodKind, Report, Stamp } from "../engine/types";

export const PERIOD_KINDS: PeriodKind[] = ["Q1", "6T", "Q3", "N"];

export function defaultSettings(now: Date = new Date()): WorkbookSettings {
  return { level: "tinh", period: { kind: "N", year: now.getFullYear() }, unit: "", version: DEFAULT_VERSION };
}

export function isValidYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= 2000 && y <= 2100;
}

/** Settings remembered in the workbook; undefined when absent or damaged (never throws). */
export function parseSettings(json: string | undefined): WorkbookSettings | undefined {
  if (!json) return undefined;
  let o: unknown;
  try {
    o = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!o || typeof o !== "object") return undefined;
  const s = o as Record<string, unknown>;
  const p = s.period as Record<string, unknown> | undefined;
  if (typeof s.level !== "string" || !isLevel(s.level)) return undefined;
  if (!p || typeof p !== "object" || !PERIOD_KINDS.includes(p.kind as PeriodKind) || !isValidYear(p.year))
    return undefined;
  const version = typeof s.version === "string" && VERSION_IDS.includes(s.version) ? s.version : DEFAULT_VERSION;
  const unit = typeof s.unit === "string" ? s.unit.slice(0, 200) : "";
  return { level: s.level, period: { kind: p.kind as PeriodKind, year: p.year as number }, unit, version };
}

export function serializeSettings(s: WorkbookSettings): string {
  return JSON.stringify({
    level: s.level,
    period: { kind: s.period.kind, year: s.period.year },
    unit: s.unit,
    version: s.version,
  });
}

export function parseStamp(json: string | undefined): Stamp | undefined {
  if (!json) return undefined;
  try {
    const o = JSON.parse(json);
    if (o && typeof o.at === "string" && typeof o.by === "string" && typeof o.fingerprint === "string")
      return o as Stamp;
  } catch {
    /* a damaged stamp reads as none */
  }
  return undefined;
}

/** Names of the sheets a workbook spec would write that the workbook already has. */
export function existingOf(spec: WorkbookSpec, existingNames: string[]): string[] {
  const have = new Set(existingNames.map((n) => n.toLowerCase()));
  return spec.sheets.map((s) => s.name).filter((n) => have.has(n.toLowerCase()));
}

export interface FindingGroup {
  form: number;
  errors: number;
  warnings: number;
  /** Errors first, then warnings; within each, in row order of the form. */
  items: Finding[];
}

function codeKey(code: string): number[] {
  return code.split(".").map((x) => Number(x) || 0);
}

function compareCodes(a: string, b: string): number {
  const x = codeKey(a);
  const y = codeKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Findings grouped by form (forms in order), errors before warnings. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const byForm = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byForm.get(f.form) ?? [];
    list.push(f);
    byForm.set(f.form, list);
  }
  return [...byForm.keys()]
    .sort((a, b) => a - b)
    .map((form) => {
      const items = byForm.get(form)!.slice();
      items.sort((a, b) =>
        a.severity === b.severity ? compareCodes(a.code, b.code) : a.severity === "error" ? -1 : 1
      );
      return {
        form,
        items,
        errors: items.filter((f) => f.severity === "error").length,
        warnings: items.filter((f) => f.severity === "warning").length,
      };
    });
}

export function countFindings(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) f.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}

/** The metadata of a grid sheet (F1), if it is one of ours. */
export function gridMeta(g: GridSheet): SheetMeta | undefined {
  const origin = g.origin ?? { row: 1, col: 1 };
  const r = 1 - origin.row;
  const c = 6 - origin.col;
  if (r < 0 || c < 0) return undefined;
  return decodeMeta(g.values[r]?.[c]);
}

/**
 * The sheets to re-read after a batch of change events: only sheets that hold a form (known from the
 * last read), each once. Edits elsewhere (notes, other tabs) cost nothing.
 */
export function sheetsToReread(events: { sheet: string }[], formSheets: Iterable<string>): string[] {
  const known = new Set(formSheets);
  const out: string[] = [];
  for (const e of events) if (known.has(e.sheet) && !out.includes(e.sheet)) out.push(e.sheet);
  return out;
}

/** Replaces the cached grids of the re-read sheets, keeping the others. */
export function mergeGrids(cache: GridSheet[], fresh: GridSheet[], reread: string[]): GridSheet[] {
  const freshBy = new Map(fresh.map((g) => [g.name, g]));
  const out = cache.filter((g) => !reread.includes(g.name) || freshBy.has(g.name)).map((g) => freshBy.get(g.name) ?? g);
  for (const g of fresh) if (!cache.some((c) => c.name === g.name)) out.push(g);
  return out;
}

/** "D12" → { row: 12, col: 4 }; undefined for anything else. */
export function parseA1(a1: string): { row: number; col: number } | undefined {
  return parseCell(a1);
}

/** The cell the layout writes at sheet!a1, if the spec has that sheet. */
export function layoutCell(spec: WorkbookSpec | undefined, sheet: string, a1: string): CellSpec | undefined {
  if (!spec) return undefined;
  const s = spec.sheets.find((x) => x.name === sheet);
  const p = parseA1(a1);
  if (!s || !p) return undefined;
  return s.cells[p.row - 1]?.[p.col - 1] ?? undefined;
}

export type Fix = { kind: "number"; value: number } | { kind: "formula"; formula: string };

/** The current formula of a cell in a grid (null when it holds a constant). */
function gridFormula(grids: GridSheet[], sheet: string, a1: string): string | null | undefined {
  const g = grids.find((x) => x.name === sheet);
  const p = parseA1(a1);
  if (!g || !p) return undefined;
  const o = g.origin ?? { row: 1, col: 1 };
  const f = g.formulas?.[p.row - o.row]?.[p.col - o.col];
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/**
 * The one-click fix a finding offers, where the fix is unambiguous:
 * - text where a number belongs and the text reads as a number → write that number;
 * - a cell the layout fills with a formula (a ratio) whose formula was typed over → write the formula back.
 * Anything else is for the user to decide.
 */
export function fixFor(
  f: Finding,
  report: Report | undefined,
  spec: WorkbookSpec | undefined,
  grids: GridSheet[]
): Fix | undefined {
  if (!f.sheet || !f.cell) return undefined;
  if (f.rule === "text-number") {
    const v = report?.entries.get(f.indicator)?.value;
    if (v && typeof v.number === "number" && Number.isFinite(v.number)) return { kind: "number", value: v.number };
    return undefined;
  }
  const laid = layoutCell(spec, f.sheet, f.cell);
  if (laid && laid.t === "f") {
    const current = gridFormula(grids, f.sheet, f.cell);
    if (current === null) return { kind: "formula", formula: laid.f };
  }
  return undefined;
}

export function fixToCell(fix: Fix): CellSpec {
  return fix.kind === "number" ? { t: "n", v: fix.value } : { t: "f", f: fix.formula };
}

/** The forms a workbook spec covers (for messages). */
export function allForms(): number[] {
  return [...FORM_NUMBERS];
}

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** Expected units from the textarea: one a line, trimmed, blanks and duplicates dropped. */
export function parseExpectedUnits(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && !out.some((x) => x.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

/** Calls fn with everything pushed during the last `ms` of quiet (trailing debounce). */
export function createBatcher<T>(ms: number, fn: (items: T[]) => void) {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    push(item: T) {
      items.push(item);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const batch = items;
        items = [];
        fn(batch);
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      items = [];
    },
  };
}

// ---------------------------------------------------------------- filling the unit's own forms from totals

/** One value cell the fill would set (sheet-qualified, for a single ExcelHost.writeCells call). */
export interface FillCell {
  sheet: string;
  a1: string;
  cell: CellSpec;
  indicatorId: string;
}
/** A value cell the user already typed that differs from the total: kept unless the user overwrites it. */
export interface FillConflict extends FillCell {
  code: string;
  form: number;
  /** What the cell holds now, as shown. */
  typed: string;
  total: number;
}
export interface OwnRow {
  indicatorId: string;
  form: number;
  code: string;
}
export interface FillPlan {
  write: FillCell[];
  conflicts: FillConflict[];
  /** Rows the consolidating unit fills itself (rule "own"/"none"), left open. */
  own: OwnRow[];
}

/**
 * Which value cells of the unit's own forms receive which total. Only empty cells are written; a cell
 * with a formula (ratios) is never touched; a typed cell that differs is a conflict; a typed cell equal
 * to the total needs nothing. Rows not on the forms (no cell found) are skipped.
 */
export function planFill(report: Report, totals: Map<string, number>, own: OwnRow[]): FillPlan {
  const write: FillCell[] = [];
  const conflicts: FillConflict[] = [];
  for (const [id, total] of totals) {
    if (!Number.isFinite(total)) continue;
    const e = report.entries.get(id);
    if (!e || !e.ref || e.formula) continue;
    const a1 = cellA1(e.ref);
    const cell: CellSpec = { t: "n", v: total };
    const raw = e.value.raw;
    const empty = e.value.state === "missing" && (raw === null || (typeof raw === "string" && raw.trim() === ""));
    if (empty) write.push({ sheet: e.ref.sheet, a1, cell, indicatorId: id });
    else if (!(e.value.state === "value" && e.value.number === total))
      conflicts.push({
        sheet: e.ref.sheet,
        a1,
        cell,
        indicatorId: id,
        form: Number(/^bm(\d+):/.exec(id)?.[1] ?? 0),
        code: e.printedCode ?? id.replace(/^bm\d+:/, ""),
        typed: String(raw ?? ""),
        total,
      });
  }
  const ownOpen = own.filter((o) => {
    const e = report.entries.get(o.indicatorId);
    return !e || !e.formula;
  });
  return { write, conflicts, own: ownOpen };
}

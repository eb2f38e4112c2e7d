/**
 * The one-click fixes a finding offers, for every shell, where the fix is unambiguous:
 * - text where a number belongs and the text reads as a number → write that number;
 * - a cell the layout fills with a formula (a ratio) whose formula was typed over → write the formula back.
 * Anything else is for the user to decide.
 */
import type { WorkbookSettings } from "../engine/conventions";
import { colLetters } from "../engine/a1";
import type { CellSpec, WorkbookSpec } from "../engine/sheet-spec";
import type { Finding, GridSheet, Report } from "../engine/types";
import type { CheckResult, CheckSession } from "./check-session";
import type { ExcelHost } from "./host";
import { layoutFor } from "./insert";

export type Fix = { kind: "number"; value: number } | { kind: "formula"; formula: string };

/**
 * Row and column of an A1 cell within a block of rows that starts at `origin`; undefined when outside.
 * (Positions are matched through the engine's column letters: no A1 parser of its own here.)
 */
function at<T>(
  rows: (T[] | undefined)[],
  cell: string,
  origin = { row: 1, col: 1 }
): { r: number; c: number } | undefined {
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(cell.replace(/\$/g, "").trim());
  if (!m) return undefined;
  const r = Number(m[2]) - origin.row;
  const row = rows[r];
  if (!row) return undefined;
  const letters = m[1].toUpperCase();
  for (let c = 0; c < row.length; c++) if (colLetters(c + origin.col) === letters) return { r, c };
  return undefined;
}

/** The cell the layout writes at sheet!a1, if the spec has that sheet. */
export function layoutCell(spec: WorkbookSpec | undefined, sheet: string, a1: string): CellSpec | undefined {
  if (!spec) return undefined;
  const s = spec.sheets.find((x) => x.name === sheet);
  if (!s) return undefined;
  const p = at(s.cells, a1);
  return p ? (s.cells[p.r][p.c] ?? undefined) : undefined;
}

/** The current formula of a cell in a grid (null when it holds a constant). */
function gridFormula(grids: GridSheet[], sheet: string, a1: string): string | null | undefined {
  const g = grids.find((x) => x.name === sheet);
  if (!g) return undefined;
  const p = at(g.formulas ?? g.values, a1, g.origin);
  const f = p ? g.formulas?.[p.r]?.[p.c] : undefined;
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

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

/**
 * The layout the forms of a checked report were written with (what a formula fix restores): the report's
 * own metadata first, the shell's settings for what it lacks; undefined without forms.
 */
export function layoutOfReport(r: CheckResult | undefined, s: WorkbookSettings): WorkbookSpec | undefined {
  if (!r || r.report.forms.length === 0) return undefined;
  const m = r.report.meta;
  try {
    return layoutFor(r.report.forms, {
      level: m.level ?? s.level,
      period: m.period ?? s.period,
      unit: m.unit ?? s.unit,
      version: m.version ?? s.version,
    });
  } catch (e) {
    // a report whose metadata names no known edition offers no formula fix
    void e;
    return undefined;
  }
}

/** Writes the fix into its cell and re-checks that sheet through the session. */
export async function applyFix(host: ExcelHost, session: CheckSession, f: Finding, fix: Fix): Promise<CheckResult> {
  if (!f.sheet || !f.cell) throw new Error("finding without a cell");
  await host.writeCells(f.sheet, [{ a1: f.cell, cell: fixToCell(fix) }]);
  return session.reread([f.sheet], "fix");
}

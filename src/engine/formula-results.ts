/**
 * The values of a spec's formula cells, computed host-free with the engine's own safe evaluator over the
 * spec's cells, so that the .xlsx file carries each formula's result: e-mail previews, phone viewers and
 * readers that do not recalculate show the figure instead of a blank. Excel recalculates on open anyway.
 */
import { FormulaEvaluator } from "./formula";
import type { FormulaResult, SheetSpec, WorkbookSpec } from "./sheet-spec";
import type { GridSheet, GridValue } from "./types";

/** A spec sheet as the grid a host would read back (formula cells without their results). */
export function specToGrid(s: SheetSpec): GridSheet {
  return {
    name: s.name,
    values: s.cells.map((row) => row.map((c) => (c === null || c === undefined || c.t === "f" ? null : c.v))),
    formulas: s.cells.map((row) => row.map((c) => (c && c.t === "f" ? c.f : null))),
  };
}

function asResult(v: GridValue | undefined): FormulaResult | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
  return v;
}

/**
 * The workbook with every formula cell's `result` set to what the formula gives over the workbook's own
 * cells (a new spec; the input is not changed). A formula the evaluator does not support keeps no result.
 */
export function withFormulaResults(wb: WorkbookSpec): WorkbookSpec {
  const ev = new FormulaEvaluator(wb.sheets.map(specToGrid));
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (!s.cells.some((row) => row.some((c) => c && c.t === "f"))) return s;
      return {
        ...s,
        cells: s.cells.map((row, r) =>
          row.map((c, k) => {
            if (!c || c.t !== "f") return c;
            const result = asResult(ev.cell(s.name, r + 1, k + 1));
            return result === undefined ? { t: "f", f: c.f } : { t: "f", f: c.f, result };
          })
        ),
      };
    }),
  };
}

/**
 * What the reader took from a file: every figure placed on an indicator, with the cell it came from, in the
 * order a person reads the forms (form, then sheet and row). `cchc validate --json` / `--show` and the pane's
 * "Số liệu đã đọc" list show it, so a user (and a test) can see which figure was read from which cell.
 */
import { catalog, indicatorById, labelFor, printedCode } from "../catalog";
import { a1 } from "./a1";
import type { Report, ValueState } from "./types";

export interface ValueRead {
  form: number;
  /** The STT as printed in the file, else the edition's own. */
  code: string;
  indicator: string;
  /** The label as printed in the file, else the catalog's. */
  label: string;
  /** As the engine keeps it: value (zero included), na, missing, text, error. */
  state: ValueState;
  /** The number for state "value", else null. */
  value: number | null;
  /** What the cell held. */
  raw: string | number | boolean | null;
  sheet: string | null;
  cell: string | null;
  /** The cell's formula, where it has one. */
  formula?: string;
}

const catalogOrder = new Map(catalog.indicators.map((i, k) => [i.id, k]));

/** The figures a report holds, form by form, in reading order. */
export function valuesRead(report: Report): ValueRead[] {
  const level = report.meta.level ?? "tinh";
  const out: { read: ValueRead; order: number; row: number }[] = [];
  for (const e of report.entries.values()) {
    const ind = indicatorById(e.indicatorId);
    if (!ind) continue;
    const v = e.value;
    const r: ValueRead = {
      form: ind.form,
      code: e.printedCode ?? printedCode(ind, level),
      indicator: ind.id,
      label: e.printedLabel ?? labelFor(ind, level),
      state: v.state,
      value: v.state === "value" && typeof v.number === "number" ? v.number : null,
      raw: v.raw,
      sheet: e.ref?.sheet ?? null,
      cell: e.ref ? a1(e.ref) : null,
    };
    if (e.formula) r.formula = e.formula;
    out.push({ read: r, order: catalogOrder.get(ind.id) ?? 0, row: e.ref?.row ?? Number.MAX_SAFE_INTEGER });
  }
  out.sort(
    (a, b) =>
      a.read.form - b.read.form ||
      (a.read.sheet === b.read.sheet ? 0 : (a.read.sheet ?? "") < (b.read.sheet ?? "") ? -1 : 1) ||
      a.row - b.row ||
      a.order - b.order
  );
  return out.map((x) => x.read);
}

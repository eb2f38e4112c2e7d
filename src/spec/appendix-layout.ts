/**
 * The "Phụ lục" sheet of a consolidation, as a host-free SheetSpec: units as rows, numbered columns with
 * their column formulas printed under the header ("(5)=(4)/(3)"), live formulas for every rate (each unit's
 * from its own cells, the Σ row's from the Σ parts) and for the Σ row (SUM of the unit rows), rates below the
 * overall rate shaded by a conditional format, then the units to watch. Landscape A4, one page wide, the
 * header rows repeated on every page. Column F is the hidden metadata column, as on every sheet the project
 * writes.
 */
import { appendixText as T } from "../i18n/appendix";
import { Appendix, WatchItem } from "../engine/appendix";
import { COL } from "../engine/conventions";
import type { Consolidation } from "../engine/consolidate";
import { consolidatedMeta } from "./consolidate-layout";
import { formatVi } from "../engine/numbers";
import { periodLabel } from "../i18n/findings";
import { colLetters } from "../engine/a1";
import type { CellSpec, SheetSpec } from "../engine/sheet-spec";
import { fitRowHeights } from "../engine/text-fit";

export const APPENDIX_GROUP_ROW = 4;
export const APPENDIX_LABEL_ROW = 5;
export const APPENDIX_NUMBER_ROW = 6;
export const APPENDIX_FIRST_ROW = 7;

const txt = (v: string): CellSpec => ({ t: "s", v });
const num = (v: number): CellSpec => ({ t: "n", v });

/** Sheet column (1-based) of the k-th data column (0-based), stepping over the hidden column F. */
export function appendixColumn(k: number): number {
  const c = 3 + k;
  return c >= COL.id ? c + 1 : c;
}

/** The units to watch as Vietnamese lines. */
export function watchLines(items: WatchItem[]): string[] {
  return items.map((w) => {
    switch (w.kind) {
      case "low-rate":
        return T.lowRate(w.unit, w.label, formatVi(w.value), formatVi(w.total));
      case "errors":
        return T.withErrors(w.unit, w.errors);
      case "not-counted":
        return T.notCounted(w.unit, T.state[w.state] ?? w.state);
      default:
        return T.missing(w.unit);
    }
  });
}

export function buildAppendixSheet(c: Consolidation, a: Appendix): SheetSpec {
  const nData = a.columns.length;
  const noteCol = appendixColumn(nData);
  const ncol = noteCol;
  const L = colLetters;
  const blank = (): CellSpec[] => new Array(ncol).fill(null);
  const cells: CellSpec[][] = [];
  const styles: SheetSpec["styles"] = [];
  const merges: string[] = [];
  const colOf = new Map(a.columns.map((col, k) => [col.key, appendixColumn(k)]));

  const r1 = blank();
  r1[0] = txt(T.title(c.unit, periodLabel(c.period)));
  r1[COL.id - 1] = txt(consolidatedMeta(c));
  const counted = a.units.filter((u) => u.state === "counted").length;
  const r2 = blank();
  r2[0] = txt(T.subtitle(counted, a.units.length));
  cells.push(r1, r2, blank());
  // the title is merged up to the hidden metadata column only: a merge across F1 would drop the metadata (a merged
  // range keeps its first cell's value), and without it the sheet is not known as the project's when the
  // consolidation is written again into the same file
  merges.push(`A1:${L(COL.id - 1)}1`, `A2:${L(ncol)}2`);
  styles.push(
    { range: "A1", style: { bold: true, fontSize: 13, wrap: true } },
    { range: "A2", style: { italic: true, wrap: true } }
  );

  // header: groups, labels, numbers with the column formulas
  const g = blank();
  const l = blank();
  const n = blank();
  g[0] = txt(T.stt);
  g[1] = txt(T.unit);
  n[0] = txt(T.colNumber(1));
  n[1] = txt(T.colNumber(2));
  merges.push(`A${APPENDIX_GROUP_ROW}:A${APPENDIX_LABEL_ROW}`, `B${APPENDIX_GROUP_ROW}:B${APPENDIX_LABEL_ROW}`);
  const printedNo = new Map<string, number>();
  a.columns.forEach((col, k) => printedNo.set(col.key, k + 3));
  let k = 0;
  while (k < nData) {
    const group = a.columns[k].group;
    let end = k;
    while (end + 1 < nData && a.columns[end + 1].group === group) end++;
    const c0 = appendixColumn(k);
    const c1 = appendixColumn(end);
    g[c0 - 1] = txt(group.title);
    if (c1 > c0) merges.push(`${L(c0)}${APPENDIX_GROUP_ROW}:${L(c1)}${APPENDIX_GROUP_ROW}`);
    k = end + 1;
  }
  a.columns.forEach((col) => {
    const c0 = colOf.get(col.key)!;
    l[c0 - 1] = txt(col.label);
    n[c0 - 1] = txt(
      col.kind === "rate"
        ? T.rateNumber(printedNo.get(col.key)!, printedNo.get(col.numerator!)!, printedNo.get(col.denominator!)!)
        : T.colNumber(printedNo.get(col.key)!)
    );
  });
  g[noteCol - 1] = txt(T.note);
  n[noteCol - 1] = txt(T.colNumber(nData + 3));
  merges.push(`${L(noteCol)}${APPENDIX_GROUP_ROW}:${L(noteCol)}${APPENDIX_LABEL_ROW}`);
  cells.push(g, l, n);
  styles.push({
    range: `A${APPENDIX_GROUP_ROW}:${L(ncol)}${APPENDIX_NUMBER_ROW}`,
    style: { bold: true, wrap: true, hAlign: "center", vAlign: "center", border: true, fill: "#D9E1F2" },
  });
  styles.push({
    range: `A${APPENDIX_NUMBER_ROW}:${L(ncol)}${APPENDIX_NUMBER_ROW}`,
    style: { italic: true, bold: false },
  });

  // unit rows
  const first = APPENDIX_FIRST_ROW;
  const last = first + a.units.length - 1;
  const totalRow = last + 1;
  const rateFormula = (row: number, numKey: string, denKey: string): string => {
    const nn = `${L(colOf.get(numKey)!)}${row}`;
    const dd = `${L(colOf.get(denKey)!)}${row}`;
    return `=IF(AND(ISNUMBER(${nn}),ISNUMBER(${dd}),${dd}<>0),ROUND(${nn}/${dd}*100,2),"")`;
  };
  a.units.forEach((u, i) => {
    const row = first + i;
    const x = blank();
    x[0] = num(i + 1);
    x[1] = txt(u.unit);
    for (const col of a.columns) {
      const cc = colOf.get(col.key)! - 1;
      if (col.kind === "figure") {
        const v = u.values[col.key];
        if (v !== null && v !== undefined) x[cc] = num(v);
      } else if (u.state === "counted") x[cc] = { t: "f", f: rateFormula(row, col.numerator!, col.denominator!) };
    }
    const notes: string[] = [];
    if (u.state !== "counted") notes.push(T.state[u.state] ?? u.state);
    if (u.incomplete.length > 0)
      notes.push(T.incomplete(u.incomplete.map((key) => a.columns.find((col) => col.key === key)!.label).join(", ")));
    if (u.state === "counted" && u.errors > 0) notes.push(T.errors(u.errors));
    if (notes.length > 0) x[noteCol - 1] = txt(notes.join("; "));
    cells.push(x);
  });

  // Σ row
  const t = blank();
  t[1] = txt(T.total);
  for (const col of a.columns) {
    const cc = colOf.get(col.key)!;
    t[cc - 1] =
      col.kind === "figure"
        ? a.units.length > 0
          ? { t: "f", f: `=SUM(${L(cc)}${first}:${L(cc)}${last})` }
          : null
        : { t: "f", f: rateFormula(totalRow, col.numerator!, col.denominator!) };
  }
  cells.push(t);
  styles.push({ range: `A${first}:${L(ncol)}${totalRow}`, style: { border: true, vAlign: "center" } });
  styles.push({ range: `B${first}:B${totalRow}`, style: { wrap: true } });
  styles.push({ range: `${L(noteCol)}${first}:${L(noteCol)}${totalRow}`, style: { wrap: true } });
  styles.push({ range: `A${first}:A${totalRow}`, style: { hAlign: "center" } });
  styles.push({ range: `A${totalRow}:${L(ncol)}${totalRow}`, style: { bold: true, fill: "#F2F2F2" } });
  const conditionalFormats: SheetSpec["conditionalFormats"] = [];
  for (const col of a.columns) {
    const cc = L(colOf.get(col.key)!);
    styles.push({
      range: `${cc}${first}:${cc}${totalRow}`,
      style: { numFmt: col.kind === "rate" ? "0.00" : "#,##0", hAlign: "right" },
    });
    // a rate below the overall rate is shaded (a native conditional format, live as figures change)
    if (col.kind === "rate" && a.units.length > 0)
      conditionalFormats.push({
        range: `${cc}${first}:${cc}${last}`,
        formula: `=AND(ISNUMBER(${cc}${first}),ISNUMBER(${cc}$${totalRow}),${cc}${first}<${cc}$${totalRow})`,
        fill: "#FCE4D6",
        fontColor: "#9C0006",
      });
  }

  // the units to watch, under the table
  cells.push(blank());
  const head = blank();
  head[1] = txt(T.watchTitle);
  cells.push(head);
  styles.push({ range: `B${cells.length}`, style: { bold: true } });
  const lines = watchLines(a.watch);
  for (const line of lines.length > 0 ? lines : [T.watchNone]) {
    const x = blank();
    x[1] = txt(line);
    cells.push(x);
    merges.push(`B${cells.length}:${L(ncol)}${cells.length}`);
    styles.push({ range: `B${cells.length}`, style: { wrap: true, vAlign: "top" } });
  }

  // a native bar chart of each unit's on-time and online rates, under the list (the Office.js adapter draws it)
  const charted = a.columns.filter(
    (col) => col.kind === "rate" && (col.key === "onTimeRate" || col.key === "onlineRate")
  );
  const charts: SheetSpec["charts"] = [];
  if (a.units.length > 0 && charted.length > 0) {
    const top = cells.length + 2;
    charts.push({
      type: "bar",
      title: T.chartTitle,
      categories: `B${first}:B${last}`,
      series: charted.map((col) => ({
        name: col.label,
        values: `${L(colOf.get(col.key)!)}${first}:${L(colOf.get(col.key)!)}${last}`,
      })),
      from: `B${top}`,
      to: `${L(ncol)}${top + Math.max(15, Math.ceil(a.units.length * 1.2))}`,
    });
  }

  const columns: SheetSpec["columns"] = [];
  for (let i = 1; i <= ncol; i++) {
    if (i === 1) columns.push({ width: 5 });
    else if (i === 2) columns.push({ width: 26 });
    else if (i === COL.id) columns.push({ width: 4, hidden: true });
    else if (i === noteCol) columns.push({ width: 22 });
    else columns.push({ width: 11 });
  }
  const sheet: SheetSpec = {
    name: T.sheetName,
    columns,
    cells,
    styles,
    merges,
    validations: [],
    conditionalFormats,
    protect: false,
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `$${APPENDIX_GROUP_ROW}:$${APPENDIX_NUMBER_ROW}`,
      fitToWidth: true,
    },
    freezeRows: APPENDIX_NUMBER_ROW,
    tabColor: "#548235",
    charts,
  };
  // every row as tall as its wrapped text (unit names, header labels, the lines to watch)
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

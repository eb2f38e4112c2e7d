/**
 * What a consolidation writes, as host-free SheetSpecs:
 * - the "Tổng hợp" tab: one row per indicator of the consolidating edition (STT, label, unit, the total,
 *   an editable override column, the hidden id, the rule in Vietnamese, flags), one column per counted
 *   unit; totals are Excel formulas over the unit columns where the rule sums, ratio rows are formulas
 *   over the summed part rows, enum rows carry the value. Unit names and notes are text cells (never
 *   formulas, even when they start with "=").
 * - the consolidating unit's own Biểu mẫu 1–7 (the layout engineer's forms) with the computed totals in
 *   the value cells; the rows the unit fills itself stay open.
 */
import { formInfo } from "../catalog/index";
import {
  consolidateText as T,
  ruleLabels,
  statusLabels,
  totalFlag,
  totalFlags,
  unitMessages,
} from "../i18n/consolidate";
import type { Consolidation, TotalRow, UnitCell } from "../engine/consolidate";
import { totalValues } from "../engine/consolidate";
import {
  APP_VERSION,
  COL,
  CONS_COL,
  CONS_FIRST_ROW,
  CONS_HEADER_ROW,
  CONS_PREV_COL,
  consFirstUnit,
  decodeMeta,
  encodeMeta,
  SETTINGS_SHEET,
} from "../engine/conventions";
import { buildAppendix } from "../engine/appendix";
import { buildAppendixSheet } from "./appendix-layout";
import { buildFormsWorkbook } from "./layout";
import { periodCode } from "../engine/period";
import { periodLabel, readerNote } from "../i18n/findings";
import { colLetters } from "../engine/a1";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../engine/sheet-spec";
import { columnPoints, fitRowHeights } from "../engine/text-fit";
import type { PreviousColumn, PreviousOutcome } from "../engine/previous-consolidation";
import { previousConsolidationText as PT } from "../i18n/previous";

// the Tổng hợp tab's columns and rows live in engine/conventions (the reader of a previous consolidation needs them)
export { CONS_COL, CONS_FIRST_ROW, CONS_HEADER_ROW, CONS_PREV_COL, consFirstUnit } from "../engine/conventions";

const txt = (v: unknown): CellSpec => ({ t: "s", v: String(v ?? "") });
/** Fill of a total (and its flag) that lacks some unit's figure. */
export const INCOMPLETE_FILL = "#F8CBAD";
const num = (v: number): CellSpec => ({ t: "n", v });

function unitCell(c: UnitCell | undefined): CellSpec {
  if (!c) return null;
  switch (c.k) {
    case "n":
      return num(c.v);
    case "na":
      return txt(c.text || "-");
    case "text":
      return txt(c.text);
    default:
      return null;
  }
}

/** F1 of every sheet a consolidation writes (Tổng hợp, Phụ lục, Tình trạng tệp): whose, which period, which edition. */
export function consolidatedMeta(c: Consolidation, firstUnit?: number): string {
  return encodeMeta({
    kind: "consolidated",
    version: c.version,
    level: c.level,
    unit: c.unit,
    period: periodCode(c.period),
    app: APP_VERSION,
    ...(firstUnit !== undefined && firstUnit !== CONS_COL.firstUnit ? { firstUnit } : {}),
  });
}

/** The Tổng hợp tab; with `prev`, the previous period's figure and the change beside the total. */
export function buildConsolidatedSheet(c: Consolidation, prev?: PreviousColumn): SheetSpec {
  const nUnits = c.counted.length;
  const fu = consFirstUnit(prev !== undefined);
  const lastFixed = fu - 1;
  const ncol = fu - 1 + Math.max(nUnits, 1);
  const blank = (): CellSpec[] => new Array(ncol).fill(null);
  const cells: CellSpec[][] = [];
  const styles: SheetSpec["styles"] = [];
  const L = (col: number) => colLetters(col);
  const firstU = L(fu);
  const lastU = L(fu + Math.max(nUnits, 1) - 1);

  const r1 = blank();
  r1[0] = txt(T.title(c.unit, periodLabel(c.period)));
  r1[CONS_COL.id - 1] = txt(consolidatedMeta(c, fu));
  const r2 = blank();
  r2[0] = txt(T.subtitle(nUnits, c.units.length));
  const r3 = blank();
  if (prev) r3[0] = txt(PT.note(periodLabel(prev.period), prev.file, prev.unit));
  cells.push(r1, r2, r3);
  const h = blank();
  h[CONS_COL.code - 1] = txt(T.head.code);
  h[CONS_COL.label - 1] = txt(T.head.label);
  h[CONS_COL.unit - 1] = txt(T.head.unit);
  h[CONS_COL.total - 1] = txt(T.head.total);
  h[CONS_COL.override - 1] = txt(T.head.override);
  h[CONS_COL.rule - 1] = txt(T.head.rule);
  h[CONS_COL.flags - 1] = txt(T.head.flags);
  if (prev) {
    h[CONS_PREV_COL.previous - 1] = txt(PT.headPrevious(periodLabel(prev.period)));
    h[CONS_PREV_COL.change - 1] = txt(T.head.change);
    h[CONS_PREV_COL.changePct - 1] = txt(T.head.changePct);
  }
  c.counted.forEach((ui, k) => (h[fu - 1 + k] = txt(c.units[ui].unit)));
  cells.push(h);
  styles.push(
    { range: "A1:E1", style: { bold: true, fontSize: 13, wrap: true, vAlign: "center" } },
    { range: "A2:E2", style: { italic: true, wrap: true, vAlign: "top" } },
    ...(prev ? [{ range: "A3:E3", style: { italic: true, wrap: true, vAlign: "top" as const } }] : []),
    {
      range: `A${CONS_HEADER_ROW}:${L(ncol)}${CONS_HEADER_ROW}`,
      style: { bold: true, wrap: true, hAlign: "center", vAlign: "center", border: true, fill: "#D9E1F2" },
    }
  );

  // row numbers first, so ratio formulas can point at their part rows
  const rowOf = new Map<string, number>();
  let r = CONS_FIRST_ROW;
  let lastForm = 0;
  for (const t of c.rows) {
    if (t.form !== lastForm) {
      r++;
      lastForm = t.form;
    }
    rowOf.set(t.indicatorId, r++);
  }
  lastForm = 0;
  for (const t of c.rows) {
    if (t.form !== lastForm) {
      const s = blank();
      s[CONS_COL.label - 1] = txt(T.formHeader(t.form, formInfo(t.form).title));
      styles.push({
        range: `A${cells.length + 1}:${L(lastFixed)}${cells.length + 1}`,
        style: { bold: true, fill: "#F2F2F2" },
      });
      cells.push(s);
      lastForm = t.form;
    }
    const row = cells.length + 1;
    const x = blank();
    x[CONS_COL.code - 1] = txt(t.code);
    x[CONS_COL.label - 1] = txt(t.label);
    x[CONS_COL.unit - 1] = t.unit ? txt(t.unit) : null;
    x[CONS_COL.id - 1] = txt(t.indicatorId);
    if (t.kind !== "section") {
      x[CONS_COL.rule - 1] = txt(ruleLabels[t.rule]);
      if (t.flags.length) x[CONS_COL.flags - 1] = txt(totalFlags(t).join("; "));
      x[CONS_COL.total - 1] = totalCell(t, row, rowOf, firstU, lastU, nUnits);
      t.cells.forEach((uc, k) => (x[fu - 1 + k] = unitCell(uc)));
      if (prev) previousCells(x, t, row, prev, styles);
      styles.push({ range: `E${row}`, style: { locked: false, fill: "#FFF2CC" } });
      if (t.kind === "percent") styles.push({ range: `D${row}:E${row}`, style: { numFmt: "0.00" } });
      // a total that lacks some unit's figure is never shown as the plain total: marked, the flag names the units
      if (t.incomplete.length > 0)
        styles.push(
          { range: `D${row}`, style: { fill: INCOMPLETE_FILL } },
          { range: `H${row}`, style: { fill: INCOMPLETE_FILL, bold: true } }
        );
    } else {
      styles.push({ range: `A${row}:${L(lastFixed)}${row}`, style: { bold: true } });
    }
    cells.push(x);
  }
  const lastTableRow = cells.length;
  // borders on the fixed columns only: styling every unit cell of a thousand-unit tab costs hundreds of MB in the writer
  styles.push({
    range: `A${CONS_HEADER_ROW}:${L(lastFixed)}${lastTableRow}`,
    style: { border: true, vAlign: "center" },
  });
  styles.push({ range: `B${CONS_FIRST_ROW}:C${lastTableRow}`, style: { wrap: true } });
  styles.push({ range: `G${CONS_FIRST_ROW}:H${lastTableRow}`, style: { wrap: true } });

  // pad every row to the width
  for (const row of cells) while (row.length < ncol) row.push(null);

  const columns: SheetSpec["columns"] = [];
  const widths = [8, 60, 12, 14, 14, 12, 26, 30, ...(prev ? [14, 12, 12] : [])];
  for (let i = 0; i < ncol; i++)
    columns.push(i < widths.length ? { width: widths[i], hidden: i === CONS_COL.id - 1 || undefined } : { width: 14 });
  for (const col of columns) if (col.hidden === undefined) delete col.hidden;

  // Shrunk to the width of one landscape page while that keeps the text readable (a handful of units);
  // a wider tab is shrunk as far and printed on pages side by side, each repeating the code and label.
  const pagesWide = printPagesWide(columns);
  const sheet: SheetSpec = {
    name: T.sheetName,
    columns,
    cells,
    styles,
    // the title and the subtitle wrap over the fixed columns (not over F, which holds the metadata)
    merges: ["A1:E1", "A2:E2", ...(prev ? ["A3:E3"] : [])],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `$${CONS_HEADER_ROW}:$${CONS_HEADER_ROW}`,
      ...(pagesWide > 1 ? { titleColumns: "$A:$B", pagesWide } : {}),
      fitToWidth: true,
    },
    freezeRows: CONS_HEADER_ROW,
    tabColor: "#2F75B5",
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** Fill of the previous period's column. */
const PREVIOUS_FILL = "#EDEDED";

/**
 * The previous figure (a number), the change (live: this period's "Điều chỉnh" when typed, else the total,
 * minus the previous figure; rates in points) and the change in % of the previous figure (counts and money).
 * Enum and text rows get the previous value only; a row with no previous figure stays blank.
 */
function previousCells(x: CellSpec[], t: TotalRow, row: number, prev: PreviousColumn, styles: SheetSpec["styles"]) {
  const v = prev.values.get(t.indicatorId);
  const P = colLetters(CONS_PREV_COL.previous);
  const J = colLetters(CONS_PREV_COL.change);
  const K = colLetters(CONS_PREV_COL.changePct);
  styles.push({ range: `${P}${row}`, style: { fill: PREVIOUS_FILL } });
  if (v === undefined) return;
  x[CONS_PREV_COL.previous - 1] = num(v);
  const numeric = t.kind === "count" || t.kind === "money" || t.kind === "percent";
  if (!numeric) return;
  const [D, E] = [colLetters(CONS_COL.total), colLetters(CONS_COL.override)];
  x[CONS_PREV_COL.change - 1] = {
    t: "f",
    f: `=IF(ISNUMBER(${P}${row}),IF(ISNUMBER(${E}${row}),ROUND(${E}${row}-${P}${row},2),IF(ISNUMBER(${D}${row}),ROUND(${D}${row}-${P}${row},2),"")),"")`,
  };
  if (t.kind === "percent") styles.push({ range: `${P}${row}:${J}${row}`, style: { numFmt: "0.00" } });
  else {
    x[CONS_PREV_COL.changePct - 1] = {
      t: "f",
      f: `=IF(AND(ISNUMBER(${J}${row}),ISNUMBER(${P}${row})),IF(${P}${row}=0,"",ROUND(${J}${row}/${P}${row}*100,2)),"")`,
    };
    styles.push({ range: `${K}${row}`, style: { numFmt: "0.00" } });
  }
}

/**
 * The landscape pages side by side the Tổng hợp tab needs at the smallest readable scale, when every page
 * after the first repeats columns A:B.
 */
export function printPagesWide(columns: SheetSpec["columns"]): number {
  const pts = columns.map((col) => (col.hidden ? 0 : columnPoints(col.width)));
  const total = pts.reduce((a, b) => a + b, 0);
  const page = LANDSCAPE_PRINTABLE_PT / MIN_PRINT_SCALE;
  if (total <= page) return 1;
  const titles = pts[CONS_COL.code - 1] + pts[CONS_COL.label - 1];
  return 1 + Math.ceil((total - page) / (page - titles));
}

/** Printable width of a landscape A4 page with the writers' 0.5" side margins, in points. */
const LANDSCAPE_PRINTABLE_PT = 841.89 - 72;
/** The smallest scale the Tổng hợp tab is shrunk to so that it fits the page's width. */
const MIN_PRINT_SCALE = 0.55;

/** Sheet name of the files' status, the units' notes, the missing units and the rows to fill by hand. */
export const STATUS_SHEET_NAME = T.statusSheetName;

/**
 * The second tab: each file's status, the units' notes, the units that sent nothing and the rows the
 * consolidating unit fills itself. Narrow on purpose (one row per file, not per unit column). Column F
 * is kept free (hidden; F1 holds the metadata, as on every sheet the project writes).
 */
export function buildConsolidationStatusSheet(c: Consolidation, previous?: PreviousOutcome): SheetSpec {
  const ncol = 7;
  const blank = (): CellSpec[] => new Array(ncol).fill(null);
  const cells: CellSpec[][] = [];
  const styles: SheetSpec["styles"] = [];
  // logical columns 0..5 → A..E, G (F is the hidden metadata column)
  const put = (values: (string | number)[]): CellSpec[] => {
    const row = blank();
    values.forEach((v, i) => {
      if (v !== "") row[i < COL.id - 1 ? i : i + 1] = typeof v === "number" ? num(v) : txt(v);
    });
    return row;
  };
  const merges: string[] = ["A1:E1"];
  const r1 = put([T.statusTitle(c.unit, periodLabel(c.period))]);
  r1[COL.id - 1] = txt(consolidatedMeta(c));
  cells.push(r1);
  styles.push({ range: "A1:E1", style: { bold: true, fontSize: 13, wrap: true } });
  const section = (title: string, head: string[], lines: (string | number)[][]) => {
    cells.push(blank());
    cells.push(put([title]));
    styles.push({ range: `A${cells.length}:E${cells.length}`, style: { bold: true } });
    merges.push(`A${cells.length}:E${cells.length}`);
    if (head.length) {
      cells.push(put(head));
      styles.push({ range: `A${cells.length}:G${cells.length}`, style: { bold: true, fill: "#D9E1F2" } });
    }
    for (const l of lines) cells.push(put(l));
  };
  section(
    T.filesTitle,
    [...T.filesHead],
    c.units.map((u) => [u.file, u.unit, statusLabels[u.status], u.errors, u.warnings, unitMessages(u).join(" ")])
  );
  if (c.missing.length > 0)
    section(
      T.missingTitle,
      [],
      c.missing.map((m) => [m])
    );
  // long texts (a note, an indicator's label) go to the wide column G, the short ones to A–C
  const [noteUnit, noteForm, noteCode, noteText] = T.notesHead;
  if (c.notes.length > 0)
    section(
      T.notesTitle,
      [noteUnit, noteForm, noteCode, "", "", noteText],
      c.notes.map((n) => [n.unit, String(n.form), n.code, "", "", n.said ? readerNote(n.said) : (n.text ?? "")])
    );
  if (previous) {
    // long lines go over A–E, merged and wrapped, as the section titles do
    const lines: string[] = [];
    if (!previous.ok) lines.push(previous.message);
    else {
      const p = previous.column;
      lines.push(PT.used(p.file, periodLabel(p.period), p.unit));
      if (p.otherUnit) lines.push(PT.otherUnit(p.otherUnit, c.unit));
      for (const m of p.merged) lines.push(PT.merged(m.unit, m.from));
      if (p.noPrevious.length > 0) lines.push(PT.noPrevious(p.noPrevious));
    }
    section(PT.sectionTitle, [], []);
    for (const l of lines) {
      cells.push(put([l]));
      merges.push(`A${cells.length}:E${cells.length}`);
    }
    if (previous.ok && previous.column.missingNow.length > 0) {
      section(PT.missingNowTitle, [], []);
      for (const u of previous.column.missingNow) {
        cells.push(put([PT.missingNow(u)]));
        merges.push(`A${cells.length}:E${cells.length}`);
      }
      styles.push({
        range: `A${cells.length - previous.column.missingNow.length + 1}:E${cells.length}`,
        style: { fill: INCOMPLETE_FILL },
      });
    }
  }
  const ownRows = c.rows.filter((t) => c.own.includes(t.indicatorId));
  if (ownRows.length > 0)
    section(
      T.ownTitle,
      [noteForm, noteCode, "", "", "", T.head.label],
      ownRows.map((t) => [String(t.form), t.code, "", "", "", t.label])
    );
  styles.push({ range: `A2:G${cells.length}`, style: { wrap: true, vAlign: "top" } });
  const sheet: SheetSpec = {
    name: STATUS_SHEET_NAME,
    columns: [
      { width: 30 },
      { width: 30 },
      { width: 18 },
      { width: 10 },
      { width: 10 },
      { width: 4, hidden: true },
      { width: 70 },
    ],
    cells,
    styles,
    merges,
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

function totalCell(
  t: TotalRow,
  row: number,
  rowOf: Map<string, number>,
  firstU: string,
  lastU: string,
  nUnits: number
): CellSpec {
  switch (t.rule) {
    case "sum":
      return nUnits > 0 && t.present > 0 ? { t: "f", f: `=SUM(${firstU}${row}:${lastU}${row})` } : null;
    case "ratio": {
      const n = t.parts && rowOf.get(t.parts.numerator);
      const d = t.parts && rowOf.get(t.parts.denominator);
      if (!n || !d) return null;
      return { t: "f", f: `=IF(AND(ISNUMBER(D${n}),ISNUMBER(D${d}),D${d}<>0),ROUND(D${n}/D${d}*100,2),"")` };
    }
    case "any":
    case "survey-mode":
      return t.value === null ? null : num(t.value);
    default:
      return null;
  }
}

/**
 * The consolidating unit's own Biểu mẫu 1–7 with the computed totals in the value cells (rows with a
 * formula, i.e. ratios, keep it; rows the unit fills itself stay open).
 */
export function buildConsolidatedForms(c: Consolidation): WorkbookSpec {
  const wb = buildFormsWorkbook([], { level: c.level, version: c.version, period: c.period, unit: c.unit });
  fillForms(wb, totalValues(c));
  markIncomplete(wb, c);
  return wb;
}

/** Writes the "Chưa đủ …" flag in the Ghi chú cell of each incomplete total that was filled in (never over a note). */
function markIncomplete(wb: WorkbookSpec, c: Consolidation): void {
  const filled = totalValues(c);
  const flagOf = new Map(
    c.rows
      .filter((r) => r.incomplete.length > 0 && filled.has(r.indicatorId))
      .map((r) => [r.indicatorId, totalFlag(r.flags[0])])
  );
  if (flagOf.size === 0) return;
  for (const sh of wb.sheets)
    for (const row of sh.cells) {
      const id = row[COL.id - 1];
      if (!id || id.t !== "s") continue;
      const flag = flagOf.get(id.v);
      if (flag === undefined || row[COL.note - 1]) continue;
      row[COL.note - 1] = txt(flag);
    }
}

/** Sets column D of every form row whose hidden F cell holds an indicator id with a value (never over a formula). */
export function fillForms(wb: WorkbookSpec, values: Map<string, number | string>): void {
  for (const sh of wb.sheets) {
    for (const row of sh.cells) {
      const id = row[COL.id - 1];
      if (!id || id.t !== "s") continue;
      const v = values.get(id.v);
      if (v === undefined) continue;
      const cur = row[COL.value - 1];
      if (cur && cur.t === "f") continue;
      row[COL.value - 1] = typeof v === "number" ? { t: "n", v } : { t: "s", v };
    }
  }
}

/**
 * The Tổng hợp tab, the per-unit appendix (units in the order of `expected`), the files' status tab and the
 * filled forms, as one workbook; with `previous`, the Tổng hợp tab carries the previous period's columns and
 * the status tab says what was compared (or why not) and which units reported before and are missing now.
 */
export function buildConsolidatedWorkbook(
  c: Consolidation,
  expected: string[] = [],
  previous?: PreviousOutcome
): WorkbookSpec {
  const forms = buildConsolidatedForms(c);
  return {
    sheets: [
      buildConsolidatedSheet(c, previous?.ok ? previous.column : undefined),
      buildAppendixSheet(c, buildAppendix(c, expected)),
      buildConsolidationStatusSheet(c, previous),
      ...forms.sheets,
    ],
    settings: forms.settings,
  };
}

/**
 * Re-running guard: which existing sheets a new consolidation may replace. A sheet is replaced only when
 * it carries this project's metadata (or is the settings sheet); a user's sheet with a colliding name is
 * kept and the incoming sheet gets a free name ("Tổng hợp (2)").
 */
export function planSheetReplacement(
  existing: { name: string; f1: unknown }[],
  incoming: SheetSpec[]
): { replace: string[]; keep: string[]; names: Map<string, string> } {
  const ours = new Set(existing.filter((e) => e.name === SETTINGS_SHEET || decodeMeta(e.f1)).map((e) => e.name));
  const keep = existing.filter((e) => !ours.has(e.name)).map((e) => e.name);
  const taken = new Set(keep.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  const replace: string[] = [];
  for (const s of incoming) {
    let name = s.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${s.name.slice(0, 26)} (${k})`;
    taken.add(name.toLowerCase());
    names.set(s.name, name);
    if (ours.has(name)) replace.push(name);
  }
  return { replace, keep, names };
}

/**
 * The layout of Biểu mẫu 1–7 as the official appendix prints them, as a host-free SheetSpec.
 * Both adapters (Office.js and .xlsx) turn the same spec into cells, so a form inserted by the add-in
 * and one written by `cchc new` are identical, and the reader finds every row by the id in hidden column F.
 *
 * Rows 1–4 title block, row 5 blank, rows 6–7 the two-row header, from row 8 one row per indicator.
 */
import {
  formInfo,
  formRows,
  Indicator,
  isValueRow,
  labelFor,
  Level,
  printedCode,
  relationsIn,
  unitFor,
} from "../catalog";
import { APP_VERSION, COL_LETTER, encodeMeta, SETTINGS_KEYS, WorkbookSettings } from "../engine/conventions";
import { periodCode, periodWindow, viDate } from "../engine/period";
import { serializeSettings } from "../engine/settings";
import type { CellSpec, ConditionalFormatEntry, SheetSpec, ValidationEntry, WorkbookSpec } from "../engine/sheet-spec";
import type { Period } from "../engine/types";
import { fitRowHeights } from "../engine/text-fit";
import { layoutVi } from "../i18n/layout";
import { periodHeader } from "../i18n/findings";

/** The line under a form's title: period and counting window ("Kỳ báo cáo: Quý I năm 2023 (số liệu tính từ …)"). */
export function periodHeaderText(p: Period): string {
  const w = periodWindow(p);
  return periodHeader(p, viDate(w.from), viDate(w.to));
}
export interface LayoutOptions {
  level: Level;
  version: string;
  period: Period;
  unit: string;
  reportNo?: string;
}

/** First row of the header and the first indicator row. */
export const HEADER_ROW = 6;
export const FIRST_DATA_ROW = 8;
export const WIDTHS = [7, 60, 14, 12, 24, 12];

export const COLORS = {
  headerFill: "#D9E1F2",
  sectionFill: "#F2F2F2",
  errorFill: "#FFC7CE",
  errorFont: "#9C0006",
  warnFill: "#FFEB9C",
  warnFont: "#9C5700",
} as const;

export const NUM_FMT = { count: "#,##0", money: "#,##0.##", percent: "0.00", enum: "0", text: "@" } as const;

/** A unit name longer than this is cut (it is printed in the title and kept in every sheet's metadata). */
export const UNIT_MAX_CHARS = 500;

function cleanUnit(unit: string): string {
  const u = String(unit ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (u.length <= UNIT_MAX_CHARS) return u;
  const c = u.charCodeAt(UNIT_MAX_CHARS - 1);
  return u.slice(0, c >= 0xd800 && c <= 0xdbff ? UNIT_MAX_CHARS - 1 : UNIT_MAX_CHARS);
}

/** Upper bound for money entries (the validation rule needs one). */
const MONEY_MAX = 1e15;

const D = COL_LETTER.value;

function txt(v: string): CellSpec {
  return { t: "s", v };
}

/** The depth of a printed code: "1" → 0, "1.2" → 1, "1.2.3" → 2. */
function depth(code: string): number {
  return code.split(".").length - 1;
}

/** How each value row's D cell is filled: a live ratio formula, or an entry cell. */
function ratioFormula(ind: Indicator, o: LayoutOptions, rowOf: Map<string, number>): string | undefined {
  const ratio = relationsIn(ind, o.level, o.version).ratio;
  if (!ratio) return undefined;
  const n = rowOf.get(ratio.numerator);
  const d = rowOf.get(ratio.denominator);
  if (n === undefined || d === undefined) return undefined;
  const num = `${D}${n}`;
  const den = `${D}${d}`;
  return `=IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}=0,"",ROUND(${num}/${den}*100,2)),"")`;
}

function validationFor(ind: Indicator, cell: string): ValidationEntry | undefined {
  const v = layoutVi.validation;
  switch (ind.kind) {
    case "count":
      return { range: cell, rule: { type: "whole", min: 0 }, error: { title: v.countTitle, message: v.countError } };
    case "percent":
      return {
        range: cell,
        rule: { type: "decimal", min: 0, max: 100 },
        error: { title: v.percentTitle, message: v.percentError },
      };
    case "money":
      return {
        range: cell,
        rule: { type: "decimal", min: 0, max: MONEY_MAX },
        error: { title: v.moneyTitle, message: v.moneyError },
      };
    case "enum": {
      const codes = (ind.enum ?? []).map((e) => String(e.code));
      const pairs = [...(ind.enum ?? [])].sort((a, b) => a.code - b.code);
      return {
        range: cell,
        rule: { type: "list", values: codes.sort() },
        prompt: { title: v.enumTitle, message: v.enumPrompt(pairs) },
        error: { title: v.invalidTitle, message: v.enumError(codes.join(", ")) },
      };
    }
    default:
      return undefined;
  }
}

function numFmtFor(ind: Indicator): string | undefined {
  switch (ind.kind) {
    case "count":
      return NUM_FMT.count;
    case "money":
      return NUM_FMT.money;
    case "percent":
      return NUM_FMT.percent;
    case "enum":
      return NUM_FMT.enum;
    case "text":
      return NUM_FMT.text;
    default:
      return undefined;
  }
}

function isNum(cell: string): string {
  return `ISNUMBER(${cell})`;
}

/**
 * Conditional formats that mark contradictions in Excel itself, from the relations the checker applies in
 * this edition (relationsIn: a total's parts that exist on this level's form).
 */
function conditionalFormatsFor(
  ind: Indicator,
  o: LayoutOptions,
  row: number,
  rowOf: Map<string, number>
): ConditionalFormatEntry[] {
  const out: ConditionalFormatEntry[] = [];
  const rel = relationsIn(ind, o.level, o.version);
  const me = `${D}${row}`;
  const cellsOf = (ids: string[] | undefined) => {
    if (!ids || ids.length === 0) return undefined;
    const rows = ids.map((id) => rowOf.get(id));
    if (rows.some((r) => r === undefined)) return undefined;
    return rows.map((r) => `${D}${r}`);
  };
  // a total that differs from the sum of its parts (only when all parts are numbers)
  const parts = cellsOf(rel.sumOf);
  if (parts) {
    const formula = `=AND(${[me, ...parts].map(isNum).join(",")},ROUND(${me}-(${parts.join("+")}),6)<>0)`;
    const weak = rel.sumStrength === "weak";
    out.push({
      range: me,
      formula,
      fill: weak ? COLORS.warnFill : COLORS.errorFill,
      fontColor: weak ? COLORS.warnFont : COLORS.errorFont,
    });
  }
  // a part above its whole
  for (const w of rel.atMost) {
    const wr = rowOf.get(w);
    if (wr === undefined) continue;
    const whole = `${D}${wr}`;
    out.push({
      range: me,
      formula: `=AND(${isNum(me)},${isNum(whole)},${me}>${whole})`,
      fill: COLORS.errorFill,
      fontColor: COLORS.errorFont,
    });
  }
  // a whole below the sum of its parts
  const least = cellsOf(rel.atLeastSumOf);
  if (least) {
    const formula = `=AND(${[me, ...least].map(isNum).join(",")},${me}<${least.join("+")})`;
    out.push({ range: me, formula, fill: COLORS.errorFill, fontColor: COLORS.errorFont });
  }
  // a percentage outside 0–100
  if (ind.kind === "percent") {
    out.push({
      range: me,
      formula: `=AND(${isNum(me)},OR(${me}<0,${me}>100))`,
      fill: COLORS.errorFill,
      fontColor: COLORS.errorFont,
    });
  }
  return out;
}

/** One form as a sheet, laid out like the official appendix. */
export function buildFormSheet(form: number, opts: LayoutOptions): SheetSpec {
  const o: LayoutOptions = {
    ...opts,
    unit: cleanUnit(opts.unit),
    reportNo: opts.reportNo ? cleanUnit(opts.reportNo) : undefined,
  };
  const info = formInfo(form);
  const rows = formRows(form, o.level, o.version);
  const ncol = WIDTHS.length;
  const blank = (): CellSpec[] => new Array(ncol).fill(null);
  const cells: CellSpec[][] = [];
  const styles: SheetSpec["styles"] = [];
  const validations: ValidationEntry[] = [];
  const conditionalFormats: ConditionalFormatEntry[] = [];
  const lastRow = FIRST_DATA_ROW + rows.length - 1;

  // ---------------------------------------------------------------- title block
  const r1 = blank();
  r1[0] = txt(o.unit.toLocaleUpperCase("vi"));
  r1[3] = txt(layoutVi.formBadge(form));
  r1[5] = txt(
    encodeMeta({
      kind: "form",
      form,
      version: o.version,
      level: o.level,
      unit: o.unit,
      period: periodCode(o.period),
      app: APP_VERSION,
    })
  );
  const r2 = blank();
  r2[0] = txt(layoutVi.issuedWith(o.reportNo));
  const r3 = blank();
  r3[0] = txt(info.title);
  const r4 = blank();
  r4[0] = txt(periodHeaderText(o.period));
  cells.push(r1, r2, r3, r4, blank());
  styles.push(
    { range: "A1:C1", style: { bold: true, hAlign: "left", vAlign: "center", wrap: true } },
    { range: "D1:E1", style: { bold: true, hAlign: "right", vAlign: "center" } },
    { range: "A2:E2", style: { italic: true, hAlign: "center", wrap: true } },
    { range: "A3:E3", style: { bold: true, hAlign: "center", vAlign: "center", wrap: true, fontSize: 13 } },
    { range: "A4:E4", style: { italic: true, hAlign: "center", wrap: true } }
  );

  // ---------------------------------------------------------------- header (rows 6–7)
  const h = layoutVi.header;
  const h6 = blank();
  const h7 = blank();
  h6[0] = txt(h.stt);
  h6[1] = txt(h.indicator);
  h6[2] = txt(h.result);
  h6[4] = txt(h.note);
  h7[2] = txt(h.unit);
  h7[3] = txt(h.value);
  cells.push(h6, h7);
  styles.push({
    range: `A${HEADER_ROW}:E${HEADER_ROW + 1}`,
    style: { bold: true, hAlign: "center", vAlign: "center", wrap: true, border: true, fill: COLORS.headerFill },
  });

  // ---------------------------------------------------------------- indicator rows
  const rowOf = new Map<string, number>();
  rows.forEach((ind, k) => rowOf.set(ind.id, FIRST_DATA_ROW + k));
  rows.forEach((ind, k) => {
    const row = FIRST_DATA_ROW + k;
    const code = printedCode(ind, o.level);
    const r = blank();
    r[0] = txt(code + ".");
    r[1] = txt(labelFor(ind, o.level));
    const unit = unitFor(ind, o.level);
    r[2] = unit ? txt(unit) : null;
    r[5] = txt(ind.id);
    const dcell = `${D}${row}`;
    const ecell = `${COL_LETTER.note}${row}`;
    const indent = depth(code);
    if (!isValueRow(ind)) {
      styles.push({ range: `A${row}:E${row}`, style: { bold: true, fill: COLORS.sectionFill } });
    } else {
      const f = ratioFormula(ind, o, rowOf);
      const fmt = numFmtFor(ind);
      if (f) {
        r[3] = { t: "f", f };
        styles.push({ range: dcell, style: { numFmt: fmt, locked: true, hAlign: "right" } });
      } else {
        styles.push({ range: dcell, style: { numFmt: fmt, locked: false, hAlign: "right" } });
        const v = validationFor(ind, dcell);
        if (v) validations.push(v);
      }
      conditionalFormats.push(...conditionalFormatsFor(ind, o, row, rowOf));
    }
    styles.push({ range: `A${row}`, style: { hAlign: "center", numFmt: "@" } });
    styles.push({ range: `B${row}`, style: { wrap: true, indent: indent > 0 ? indent : undefined } });
    styles.push({ range: `C${row}`, style: { hAlign: "center", wrap: true } });
    styles.push({ range: ecell, style: { locked: false, wrap: true, numFmt: "@" } });
    cells.push(r);
  });
  if (rows.length > 0) {
    styles.push({ range: `A${FIRST_DATA_ROW}:E${lastRow}`, style: { border: true, vAlign: "center" } });
  }

  const sheet: SheetSpec = {
    name: layoutVi.sheetName(form),
    columns: WIDTHS.map((width, i) => (i === ncol - 1 ? { width, hidden: true } : { width })),
    cells,
    rowHeights: { 3: 33 },
    styles,
    merges: ["A1:C1", "D1:E1", "A2:E2", "A3:E3", "A4:E4", "A6:A7", "B6:B7", "C6:D6", "E6:E7"],
    validations,
    conditionalFormats,
    protect: true,
    print: {
      orientation: "portrait",
      paper: "A4",
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW + 1}`,
      fitToWidth: true,
      printArea: `A1:E${Math.max(lastRow, HEADER_ROW + 1)}`,
    },
    freezeRows: HEADER_ROW + 1,
  };
  // every row as tall as its wrapped label (or note, or title) needs, so that nothing prints over the next row
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The chosen forms (all seven when the list is empty) as one workbook, with the settings remembered. */
export function buildFormsWorkbook(forms: number[], o: LayoutOptions): WorkbookSpec {
  const list = forms.length > 0 ? [...new Set(forms)].sort((a, b) => a - b) : [1, 2, 3, 4, 5, 6, 7];
  const settings: WorkbookSettings = { level: o.level, period: o.period, unit: cleanUnit(o.unit), version: o.version };
  return {
    sheets: list.map((f) => buildFormSheet(f, o)),
    settings: { [SETTINGS_KEYS.settings]: serializeSettings(settings) },
  };
}

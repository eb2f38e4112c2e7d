/**
 * The host-free description of what to write into a workbook. The engine builds it (forms, the
 * consolidated tab); the Office.js adapter (src/excel) and the .xlsx adapter (src/xlsx) each turn it
 * into cells, so a form inserted by the add-in and one written by `cchc new` are the same.
 * Ranges are A1 strings relative to the sheet ("A1:E1", "D9").
 */

/** A cell: text (always written as text, never as a formula), a number, or a formula ("=..."). */
export type CellSpec =
  | { t: "s"; v: string }
  | { t: "n"; v: number }
  /** `result`: the value the formula gives over the spec's own cells (formula-results.ts), cached in the file. */
  | { t: "f"; f: string; result?: FormulaResult }
  | null;

/** A formula's computed value: a number, a text ("" for the blank an IF gives), a truth value or an error. */
export type FormulaResult = number | string | boolean | { error: string };

/**
 * The font every cell is written in unless its style says otherwise (the .xlsx writer names it; the
 * Office.js writer keeps the workbook's own font, Calibri 11 by default, which is narrower). Row heights
 * for wrapped text (text-fit.ts) are computed for it.
 */
export const SPEC_FONT = { name: "Times New Roman", size: 12 } as const;

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Indent level of the text (Excel's "Increase indent"), 0–15. */
  indent?: number;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  /** Thin borders around every cell of the range. */
  border?: boolean;
  numFmt?: string;
  /** false = open for entry when the sheet is protected. Cells are locked by default. */
  locked?: boolean;
}

export type ValidationSpec =
  | { type: "whole"; min: number; max?: number }
  | { type: "decimal"; min: number; max: number }
  | { type: "list"; values: string[] };

export interface ValidationEntry {
  range: string;
  rule: ValidationSpec;
  /** Shown when the cell is selected (Vietnamese). */
  prompt?: { title: string; message: string };
  /** Shown when a value breaks the rule (Vietnamese). Validation warns, it does not block (style "warning"). */
  error: { title: string; message: string };
}

export interface ConditionalFormatEntry {
  range: string;
  /** Excel formula relative to the top-left cell of range, e.g. "=AND(ISNUMBER(D10),D10>D9)". */
  formula: string;
  fill: string;
  fontColor?: string;
}

/**
 * A native chart (written by the Office.js adapter; ExcelJS cannot write charts, so the .xlsx writer leaves it
 * out). "bar": horizontal clustered bars, one bar per category, one colour per series.
 */
export interface ChartSpec {
  type: "bar";
  title: string;
  /** The category labels, one column ("B7:B30"). */
  categories: string;
  /** Each series: its name and its values, one column as long as the categories. */
  series: { name: string; values: string }[];
  /** The cells the chart covers: top-left and bottom-right. */
  from: string;
  to: string;
}

export interface SheetSpec {
  name: string;
  /** Column widths in characters; hidden columns carry machine-readable ids. */
  columns: { width: number; hidden?: boolean }[];
  /** Rows from row 1, each as long as `columns` (null = empty). */
  cells: CellSpec[][];
  /** Row heights in points (1-based row → height); the builders fit them to wrapped text (text-fit.ts). */
  rowHeights?: Record<number, number>;
  styles: { range: string; style: StyleSpec }[];
  merges: string[];
  validations: ValidationEntry[];
  conditionalFormats: ConditionalFormatEntry[];
  /** Protect the sheet without a password (entry cells carry locked: false). */
  protect: boolean;
  print: {
    orientation: "portrait" | "landscape";
    paper: "A4";
    /** Rows repeated at the top of each printed page, e.g. "$7:$8". */
    titleRows?: string;
    /** Columns repeated at the left of each printed page when the sheet is wider than one, e.g. "$A:$B". */
    titleColumns?: string;
    fitToWidth: boolean;
    /** With fitToWidth: the pages side by side the width is shrunk to (default 1). */
    pagesWide?: number;
    printArea?: string;
  };
  freezeRows?: number;
  tabColor?: string;
  charts?: ChartSpec[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Workbook-level key/values kept in a very hidden sheet (settings, stamp). */
  settings?: Record<string, string>;
}

/**
 * Host-independent types shared by the engine and both adapters (Office.js and .xlsx).
 * Nothing here imports a host: a report is read from plain grids and findings point back at cells.
 */
import type { Level } from "../catalog/schema";
import type { FindingArgs, ReaderNote } from "./messages";
export type { Level };

// ---------------------------------------------------------------- periods

/** Công văn 581/BNV-CCHC: quý I, 6 tháng, quý III (not cumulative), năm. */
export type PeriodKind = "Q1" | "6T" | "Q3" | "N";
export interface Period {
  kind: PeriodKind;
  year: number;
}

// ---------------------------------------------------------------- values

/**
 * A figure as read from a cell, with the four states kept apart:
 * value (a number, zero included: `number === 0` tells zero apart), not applicable ("-", "x", a reason),
 * missing (blank), and text where a number belongs (a finding, not a crash).
 */
export type ValueState = "value" | "na" | "missing" | "text" | "error";
export interface ParsedValue {
  state: ValueState;
  /** Set when state is "value". */
  number?: number;
  /** What the cell held. */
  raw: string | number | boolean | null;
  /** The number was typed as text ("99,75%", "1.946" in a text cell): readable but should be a number. */
  typedAsText?: boolean;
  /** The text carried a percent sign. */
  percentSign?: boolean;
  /** "1,234" or "1.234" with three digits after one separator: read by the Vietnamese convention, flagged. */
  ambiguous?: boolean;
  /** The number was typed with its unit ("25 văn bản"): the unit as typed. */
  unit?: string;
  /** An enum row's word ("Có", "Chưa", "Hoàn thành") or "Không phát sinh" read as a code or zero: the word typed. */
  word?: string;
  /**
   * How the figure was read where the reading is a choice the user should see (an information, never an error):
   * "comma-thousands" = "3,222" in a count read as 3222 (en-US grouping); "word" = a yes/no word mapped to the row's
   * code ("x" -> Có); "zero-word" = "Không phát sinh" read as 0; "money-unit" = đồng / tỷ đồng converted to triệu đồng.
   */
  reading?: "comma-thousands" | "word" | "zero-word" | "money-unit";
  /** For state "na": the reason given ("Không thuộc chuyên môn"); for "error": the Excel error ("#DIV/0!"). */
  text?: string;
}

// ---------------------------------------------------------------- grids (what a host reads)

/** A cell value as a host gives it: Office.js Range.values, or an .xlsx cell's value / cached result. */
export type GridValue = string | number | boolean | null | { error: string };

/** One worksheet's used range as plain arrays. Rows and columns are 1-based in `origin`. */
export interface GridSheet {
  name: string;
  values: GridValue[][];
  /** Formula text ("=SUM(D10:D12)") where the cell has one, else null; same shape as values. */
  formulas?: (string | null)[][];
  /** Top-left cell of `values` (default row 1, column 1). */
  origin?: { row: number; col: number };
  hidden?: boolean;
  hiddenRows?: number[];
  /** The print header/footer texts (left, centre, right sections apart, formatting codes removed), when the host gives them. */
  headerFooter?: string[];
  /** Merged ranges (1-based, inclusive), where the host knows them: the figure sits in the top-left cell only. */
  merges?: { r0: number; c0: number; r1: number; c1: number }[];
}

export interface CellRef {
  sheet: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

// ---------------------------------------------------------------- reports

/** Where the unit's name was read: the pane's settings, the add-in's metadata, or the hand-made sheet's text. */
export type UnitSource =
  "settings" | "metadata" | "letterhead" | "label" | "appendix" | "headerFooter" | "title" | "fileName";

export interface ReportMeta {
  /** The unit's name, written the usual way ("UBND xã Tân Lập") when read from a hand-made sheet. */
  unit?: string;
  /** The unit's name as written in the file ("UBND XÃ TÂN LẬP", two letterhead lines joined by " / "). */
  unitRaw?: string;
  unitSource?: UnitSource;
  level?: Level;
  period?: Period;
  version?: string;
  /** Where the forms came from: written by this add-in (metadata found) or laid out by hand. */
  source: "addin" | "handmade";
}

export interface ReportEntry {
  indicatorId: string;
  value: ParsedValue;
  /** The value cell the figure was read from. */
  ref?: CellRef;
  /** The cell holds a formula (a ratio recalculated by Excel). */
  formula?: string;
  /** STT and label as printed in the file. */
  printedCode?: string;
  printedLabel?: string;
  note?: string;
  /**
   * Hand-made table whose value column was a guess between candidates no header word settled: the column used,
   * its header and the other candidates (set on the first row read from that table only).
   */
  column?: { header: string; others: string[] };
  /** The value cell lies under a merged range ("D10:D12") whose figure belongs to the range's first row. */
  merged?: string;
  /** What the reader noted on the row (a formula it could not evaluate), worded at the edge (i18n readerNote). */
  readNote?: ReaderNote;
}

export interface UnplacedRow {
  sheet: string;
  row: number;
  form?: number;
  code?: string;
  label?: string;
  /** Why (worded at the edge: i18n readerNote). */
  reason: ReaderNote;
}

export interface Stamp {
  at: string;
  by: string;
  fingerprint: string;
}

/** A reader step that failed (a defect of the add-in, not of the file): what was read after it is missing. */
export interface ReadFailure {
  step: string;
  /** The error's message and stack, for a support request. */
  message: string;
  stack?: string;
}

export interface Report {
  meta: ReportMeta;
  /** Forms found in the file. */
  forms: number[];
  entries: Map<string, ReportEntry>;
  unplaced: UnplacedRow[];
  stamp?: Stamp;
  /** Hand-made sheets not read because they hold another period's figures (last quarter's sheet kept beside). */
  setAside?: { sheet: string; period?: Period; reason: ReaderNote }[];
  /** Set when reading stopped on a defect: the report is partial and must not be taken as checked. */
  readFailures?: ReadFailure[];
}

// ---------------------------------------------------------------- findings

export const RULE_IDS = [
  "ratio-mismatch",
  "zero-denominator",
  "sum-mismatch",
  "part-exceeds-whole",
  "not-a-number",
  "text-number",
  "negative",
  "not-integer",
  "percent-out-of-range",
  "enum-invalid",
  "missing",
  "previous-decrease",
  "previous-sum",
  "previous-jump",
  "previous-swing",
  "previous-skipped",
  /** A check (a rule, a row's type check, a reader step) failed on a defect of the add-in. */
  "check-failed",
  /** How a figure was read where the writing allows two readings ("3,222" in a count): information. */
  "interpreted",
  /** A hand-made table with two candidate value columns and no header word to settle which one is the period's. */
  "value-column",
  /** A value cell merged down over several rows: the rows beneath read as blank. */
  "merged-cell",
] as const;
export type RuleId = (typeof RULE_IDS)[number];
/** "info" tells how something was read; it is never counted as an error and never blocks anything. */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  form: number;
  /** Printed STT of the row the finding is about. */
  code: string;
  /** Indicator id. */
  indicator: string;
  rule: RuleId;
  severity: Severity;
  /** What the finding says, as data; src/i18n words it (findingMessage), the engine never does. */
  args: FindingArgs;
  expected?: number | string | null;
  actual?: number | string | null;
  /** The value cell of the row, A1. */
  sheet?: string;
  cell?: string;
  /** For "check-failed": the technical details (which check, the error and its stack) to send to support. */
  support?: string;
}

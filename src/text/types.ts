/**
 * Types of the report-text cross-check: a Word report read as blocks (paragraphs and tables), its
 * paragraphs with their number and section, the figures found in them, the ties of figures to indicators
 * and the findings. Host-free: nothing here knows about Word, mammoth or the file system.
 */
import type { GridValue } from "../engine/types";

/** A table cell's text; `span` repeats it over merged columns. */
export type TableRow = string[];

/** What the .docx adapter gives: paragraphs and tables in document order. */
export type Block = { kind: "p"; text: string } | { kind: "table"; rows: TableRow[] };

/** A paragraph of the body with where it stands. */
export interface TextParagraph {
  /** 1-based, counting the body's paragraphs (table rows of body tables count as paragraphs). */
  number: number;
  text: string;
  /** The form (1–7) whose section the paragraph stands in; 0 outside sections I…VII (evaluation, plans). */
  section: number;
  /** A heading (I., 1., a)) rather than running text. */
  heading: boolean;
}

export type FigureKind = "count" | "percent" | "money" | "fraction";

/** One figure as written in a paragraph. */
export interface TextFigure {
  paragraph: number;
  /** Character offsets of the figure (and its unit) in the paragraph text. */
  start: number;
  end: number;
  /** As written: "3.147/3.225", "99,75%", "3.523.681.000 đồng". */
  raw: string;
  kind: FigureKind;
  /** The number (the numerator of a fraction; money in triệu đồng). */
  value: number;
  /** The denominator of a fraction. */
  den?: number;
  /** Decimals written (52.20 → 2, 3,1 → 1, 22 → 0). */
  decimals: number;
  /** The unit word written right after it ("hồ sơ", "TTHC"), normalised; "" when none. */
  unit: string;
  /** Money as written, in đồng, with its written unit ("đồng", "triệu đồng", "tỷ đồng"). */
  money?: { dong: number; unit: string };
  /** "trên 10,9 tỷ đồng": an approximate figure, never compared for equality. */
  approx?: boolean;
}

export type TieRole = "direct" | "denominator" | "rate" | "sum";

/** A figure tied to an indicator. */
export interface Tie {
  figure: TextFigure;
  indicator: string;
  /** The concept of text-words.json that matched. */
  concept: string;
  role: TieRole;
  /** The value the text gives for the indicator (a sum of parts for role "sum"). */
  value: number;
  /** 0…1: how sure the tie is (phrase, unit, section, level all agree → close to 1). */
  confidence: number;
  /** The sentence the figure stands in. */
  quote: string;
}

export const TEXT_RULE_IDS = ["text-mismatch", "text-ratio", "text-rounding", "text-form-blank", "text-unit"] as const;
export type TextRuleId = (typeof TEXT_RULE_IDS)[number];
export type TextSeverity = "error" | "warning" | "info";

export interface TextFinding {
  form: number;
  code: string;
  indicator: string;
  rule: TextRuleId;
  severity: TextSeverity;
  /** Vietnamese, with both figures. */
  message: string;
  quote: string;
  paragraph: number;
  textValue: number | null;
  formValue: number | null;
  sheet: string | null;
  cell: string | null;
}

/** A docx table turned into a sheet for the existing reader. */
export interface TableSheet {
  name: string;
  values: GridValue[][];
}

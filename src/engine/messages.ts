/**
 * What the engine says, as data: a finding, an unplaced row, a sheet set aside or an earlier report refused
 * carries a key and its arguments, never Vietnamese. The words are made at the edge by src/i18n
 * (`findingMessage`, `readerNote`, `refusalMessage`), which declares the same shapes structurally without
 * importing the engine; the callers that word them (src/app, src/spec, the shells) are where TypeScript checks
 * that the two agree. Figures arrive formatted the Vietnamese way (formatVi: 1.946; 96,56), so the words need
 * no number code.
 */
import type { Period } from "./types";

/** What a finding says (Finding.args). `key` picks the wording; a rule may have several (ratio-mismatch: two). */
export type FindingArgs =
  // relation rules
  | {
      key: "ratioMismatch";
      actual: string;
      expected: string;
      numCode: string;
      num: string;
      denCode: string;
      den: string;
    }
  | { key: "ratioAsFraction"; actual: string; expected: string }
  | { key: "zeroDenominator"; actual: string; denCode: string }
  | { key: "sumMismatch"; actual: string; expected: string; codes: string }
  | { key: "partExceedsWhole"; actual: string; wholeCode: string; whole: string }
  | { key: "wholeBelowParts"; actual: string; codes: string; parts: string }
  // a row's type
  | { key: "notANumber"; text: string }
  | { key: "excelError"; text: string }
  | { key: "textNumber"; text: string; n: string }
  | { key: "negative"; actual: string }
  | { key: "notInteger"; actual: string }
  | { key: "percentOutOfRange"; actual: string }
  | { key: "enumInvalid"; actual: string; allowed: string }
  | { key: "missing" }
  // how a figure was read
  | { key: "commaThousands"; text: string; n: string }
  | { key: "wordRead"; text: string; label: string; code: string }
  | { key: "zeroWord"; text: string }
  | { key: "moneyUnit"; text: string; n: string }
  | { key: "valueColumn"; col: string; header: string; others: string[] }
  | { key: "mergedCell"; range: string }
  // a check that did not run to its end; `check` is the failed rule's id (RuleId) or "type" for a row's type check
  | { key: "checkFailed"; code: string; check: string }
  | { key: "rulesFailed" }
  | { key: "readFailed" }
  // against earlier reports (previous.ts)
  | {
      key: "flowDecrease" | "cumulativeDecrease" | "jump";
      code: string;
      cur: string;
      prev: string;
      current: Period;
      earlier: Period;
      file: string;
    }
  | {
      key: "swing";
      code: string;
      cur: string;
      prev: string;
      current: Period;
      earlier: Period;
      file: string;
      lastYear: boolean;
      diff: string;
    }
  | {
      key: "previousSum";
      code: string;
      cur: string;
      half: string;
      q3: string;
      both: string;
      halfFile: string;
      q3File: string;
      year: number;
    }
  | { key: "previousSkipped"; n: number; file: string; earlier: Period };

/** Why the reader left a row unplaced (UnplacedRow.why), a sheet aside (setAside.why), or what it noted on an entry. */
export type ReaderNote =
  | { key: "noMatch"; form: number }
  | { key: "duplicate"; code: string; row: number }
  | { key: "noForm" }
  | { key: "unknownId"; id: string }
  | { key: "formulaNotEvaluated"; formula: string }
  /** A sheet's period: a full period, or only its kind when the sheet names no year ("Quý I"). */
  | { key: "otherPeriod"; sheet?: Period | { kind: Period["kind"] }; read?: Period };

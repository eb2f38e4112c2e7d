/**
 * What the engine says, as data: a finding, an unplaced row, a sheet set aside or an earlier report refused
 * carries a key and its arguments, never Vietnamese. The words are made at the edge by src/i18n
 * (`findingMessage`, `readerNote`, `refusalMessage`), which declares the same shapes structurally without
 * importing the engine; the callers that word them (src/app, src/spec, the shells) are where TypeScript checks
 * that the two agree. Figures arrive formatted the Vietnamese way (formatVi: 1.946; 96,56), so the words need
 * no number code.
 */
import type { Level, Period } from "./types";

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
  /** A row of a unit's other version, carried onto this version's row: the codes it came from. */
  | { key: "mappedFrom"; codes: string[] }
  | { key: "otherPeriod"; sheet?: Period | { kind: Period["kind"] }; read?: Period };

/** Why a counted unit's figure is not in a total (TotalRow.incomplete). */
export type IncompleteReason = "unread" | "blank" | "no-form" | "unmapped";

/** What a consolidation says of a unit's file (UnitResult.messages), worded at the edge (i18n unitMessage). */
export type UnitMessage =
  /** Already in Vietnamese: the reason the adapter that read the file gave for not reading it. */
  | { key: "asRead"; text: string }
  | { key: "nothing" | "noFigures" | "unknownPeriod" | "notRead" | "notChecked" }
  | { key: "late"; days: number; deadline: string }
  | { key: "noUnitName"; file: string }
  | { key: "missingForms"; forms: string }
  | { key: "wrongLevel"; got?: Level; allowed: Level[] }
  | { key: "wrongPeriod"; got: Period; want: Period }
  /** got / want: the catalog's names of the two versions. */
  | { key: "otherVersion"; got: string; want: string; unmapped: number; first: string[] }
  | { key: "nameOfOtherLevel"; name: string; level: Level }
  | { key: "duplicateOf" | "replacedBy" | "replaces" | "sameNameOtherFigures" | "sameFigures"; file: string }
  | { key: "resentKeepFirst"; file: string; dated: boolean }
  | { key: "unreadFigures"; n: number; first: { form: number; code: string; text: string }[] };

/** A total's notes (TotalRow.flags), worded at the edge (i18n totalFlag). */
export type TotalFlag =
  | { key: "incomplete"; groups: { reason: IncompleteReason; units: string[] }[] }
  | { key: "naUnits"; n: number }
  | { key: "zeroDenominator" }
  | { key: "yesCount"; n: number; total: number }
  | { key: "codeCount"; code: number; label: string; n: number };

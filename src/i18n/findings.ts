/**
 * The Vietnamese of what the engine says as data (issue 9, "messages at the edge"): a finding's `args`, an
 * earlier report's refusal, the reader's notes. i18n imports nothing: the shapes below are declared here, the same
 * as the engine's (src/engine/messages.ts) structurally, and every caller that words an engine value (src/app,
 * src/spec, the shells) is where TypeScript checks that the two agree. A key the engine adds and this file does
 * not know fails to compile there; test/i18n/findings.test.ts words every rule id of the engine and the catalog.
 */
import { checkNames, findingText, periodText, readerText } from "./engine";
import { consolidateText } from "./consolidate";
import { previousText, PreviousSumArgs } from "./previous";

type PeriodKind = "Q1" | "6T" | "Q3" | "N";
export interface PeriodLike {
  kind: PeriodKind;
  year: number;
}

interface PreviousArgs {
  code: string;
  cur: string;
  prev: string;
  current: PeriodLike;
  earlier: PeriodLike;
  file: string;
}

/** What a finding says (the engine's FindingArgs). Figures arrive formatted (formatVi). */
export type FindingWords =
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
  | { key: "notANumber"; text: string }
  | { key: "excelError"; text: string }
  | { key: "textNumber"; text: string; n: string }
  | { key: "negative"; actual: string }
  | { key: "notInteger"; actual: string }
  | { key: "percentOutOfRange"; actual: string }
  | { key: "enumInvalid"; actual: string; allowed: string }
  | { key: "missing" }
  | { key: "commaThousands"; text: string; n: string }
  | { key: "wordRead"; text: string; label: string; code: string }
  | { key: "zeroWord"; text: string }
  | { key: "moneyUnit"; text: string; n: string }
  | { key: "valueColumn"; col: string; header: string; others: string[] }
  | { key: "mergedCell"; range: string }
  | { key: "checkFailed"; code: string; check: string }
  | { key: "rulesFailed" }
  | { key: "readFailed" }
  | ({ key: "flowDecrease" | "cumulativeDecrease" | "jump" } & PreviousArgs)
  | ({ key: "swing"; lastYear: boolean; diff: string } & PreviousArgs)
  | ({ key: "previousSum" } & PreviousSumArgs)
  | { key: "previousSkipped"; n: number; file: string; earlier: PeriodLike };

/**
 * The wordings of each rule id (the engine's RULE_IDS and the catalog's rules): which `args.key` a finding of that
 * rule may carry. test/i18n/findings.test.ts asserts that every rule id has its words here and that every finding
 * the engine makes carries one of its rule's keys, so a rule added without words fails.
 */
export const RULE_WORDS: Readonly<Record<string, readonly FindingWords["key"][]>> = {
  "ratio-mismatch": ["ratioMismatch", "ratioAsFraction"],
  "zero-denominator": ["zeroDenominator"],
  "sum-mismatch": ["sumMismatch"],
  "part-exceeds-whole": ["partExceedsWhole", "wholeBelowParts"],
  "not-a-number": ["notANumber", "excelError"],
  "text-number": ["textNumber"],
  negative: ["negative"],
  "not-integer": ["notInteger"],
  "percent-out-of-range": ["percentOutOfRange"],
  "enum-invalid": ["enumInvalid"],
  missing: ["missing"],
  "previous-decrease": ["flowDecrease", "cumulativeDecrease"],
  "previous-sum": ["previousSum"],
  "previous-jump": ["jump"],
  "previous-swing": ["swing"],
  "previous-skipped": ["previousSkipped"],
  "check-failed": ["checkFailed", "rulesFailed", "readFailed"],
  interpreted: ["commaThousands", "wordRead", "zeroWord", "moneyUnit"],
  "value-column": ["valueColumn"],
  "merged-cell": ["mergedCell"],
};

/** The Vietnamese message of a finding. */
export function findingMessage(f: { args: FindingWords }): string {
  const a = f.args;
  const F = findingText;
  switch (a.key) {
    case "ratioMismatch":
      return F.ratioMismatch(a.actual, a.expected, a.numCode, a.num, a.denCode, a.den);
    case "ratioAsFraction":
      return F.ratioAsFraction(a.actual, a.expected);
    case "zeroDenominator":
      return F.zeroDenominator(a.actual, a.denCode);
    case "sumMismatch":
      return F.sumMismatch(a.actual, a.expected, a.codes);
    case "partExceedsWhole":
      return F.partExceedsWhole(a.actual, a.wholeCode, a.whole);
    case "wholeBelowParts":
      return F.wholeBelowParts(a.actual, a.codes, a.parts);
    case "notANumber":
      return F.notANumber(a.text);
    case "excelError":
      return F.excelError(a.text);
    case "textNumber":
      return F.textNumber(a.text, a.n);
    case "negative":
      return F.negative(a.actual);
    case "notInteger":
      return F.notInteger(a.actual);
    case "percentOutOfRange":
      return F.percentOutOfRange(a.actual);
    case "enumInvalid":
      return F.enumInvalid(a.actual, a.allowed);
    case "missing":
      return F.missing();
    case "commaThousands":
      return F.commaThousands(a.text, a.n);
    case "wordRead":
      return F.wordRead(a.text, a.label, a.code);
    case "zeroWord":
      return F.zeroWord(a.text);
    case "moneyUnit":
      return F.moneyUnit(a.text, a.n);
    case "valueColumn":
      return F.valueColumn(a.col, a.header, a.others);
    case "mergedCell":
      return F.mergedCell(a.range);
    case "checkFailed":
      return F.checkFailed(a.code, (checkNames as Record<string, string>)[a.check] ?? a.check);
    case "rulesFailed":
      return F.rulesFailed();
    case "readFailed":
      return F.readFailed();
    case "flowDecrease":
    case "cumulativeDecrease":
    case "jump":
    case "swing": {
      const words = {
        ...a,
        curLabel: periodLabel(a.current),
        earlierLabel: periodLabel(a.earlier),
      };
      return a.key === "swing"
        ? previousText.swing({ ...words, lastYear: a.lastYear, diff: a.diff })
        : previousText[a.key](words);
    }
    case "previousSum":
      return previousText.sum(a);
    case "previousSkipped":
      return previousText.skipped(a.n, a.file, periodLabel(a.earlier));
  }
}

/** "Quý I năm 2024", "6 tháng đầu năm 2024", "Năm 2024". */
export function periodLabel(p: PeriodLike): string {
  return periodText.label(p.kind, p.year);
}

/** The form header's period line, with the data window's dates (dd/mm/yyyy). */
export function periodHeader(p: PeriodLike, from: string, to: string): string {
  return periodText.header(periodLabel(p), from, to);
}

interface RefusalMeta {
  unit?: string;
  level?: string;
  period?: PeriodLike;
}

/** Why an earlier report given with --previous was not compared (the engine's Comparison). */
export function refusalMessage(c: {
  file: string;
  reason?: string;
  refused?: { earlier: RefusalMeta; current: RefusalMeta };
}): string | undefined {
  if (!c.reason || !c.refused) return undefined;
  return previousText.refused(c.reason, c.file, c.refused.earlier, c.refused.current);
}

/** What the reader says of a row it left unplaced, a sheet it set aside, or an entry (the engine's ReaderNote). */
export type ReaderWords =
  | { key: "noMatch"; form: number }
  | { key: "duplicate"; code: string; row: number }
  | { key: "noForm" }
  | { key: "unknownId"; id: string }
  | { key: "formulaNotEvaluated"; formula: string }
  | { key: "mappedFrom"; codes: string[] }
  | { key: "otherPeriod"; sheet?: PeriodLike | { kind: PeriodKind }; read?: PeriodLike };

export function readerNote(n: ReaderWords): string {
  switch (n.key) {
    case "noMatch":
      return readerText.noMatch(n.form);
    case "duplicate":
      return readerText.duplicate(n.code, n.row);
    case "noForm":
      return readerText.noForm();
    case "unknownId":
      return readerText.unknownId(n.id);
    case "formulaNotEvaluated":
      return readerText.formulaNotEvaluated(n.formula);
    case "mappedFrom":
      return consolidateText.mappedFrom(n.codes);
    case "otherPeriod": {
      const s = n.sheet;
      const label = !s ? "" : "year" in s ? periodLabel(s) : periodText.kindLabel(s.kind);
      return readerText.otherPeriod(label, n.read ? periodLabel(n.read) : undefined);
    }
  }
}

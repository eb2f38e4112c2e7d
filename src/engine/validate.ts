/**
 * Checks a report: type rules per row (kind of the figure) and the edition's relation rules
 * (rules.ts). Every finding names the form, printed STT, indicator, rule, severity, what it says as data
 * (`args`, worded in Vietnamese at the edge: i18n findingMessage) with the expected and actual figures, and the
 * value cell. Missing or not-applicable
 * inputs skip a relation (never guess zero).
 *
 * Each check runs on its own: a rule (or a row's type check) that throws on a defect of the add-in
 * becomes a "check-failed" finding (severity error, naming the row and the rule, the error's message and
 * stack in `support`, also handed to the logger) and the other checks still run. A reader step that failed
 * (report.readFailures) is a "check-failed" finding too. `validateReport` says whether the check ran to its
 * end (`complete`) and how many rules ran, so that pre-send never stamps a file whose check did not finish.
 */
import {
  catalog,
  DEFAULT_VERSION,
  indicatorById,
  Indicator,
  inEdition,
  isValueRow,
  Level,
  printedCode,
} from "../catalog";
import { formatVi, percentOf, sumDec } from "./numbers";
import { a1, colLetters } from "./a1";
import { RuleDef, rulesFor } from "./rules";
import type { FindingArgs } from "./messages";
import type { Finding, Report, ReportEntry, RuleId } from "./types";

/** One check that did not run to its end. */
export interface CheckFailure {
  /** The rule's id (rules.ts), "type:<indicator>" for a row's type check, "read:<step>" for a reader step. */
  check: string;
  form: number;
  indicator: string;
  error: string;
  stack?: string;
}

/** What a validation did, besides its findings. */
export interface ValidationOutcome {
  /** Sorted by form, then row, errors first within a row; "check-failed" findings included. */
  findings: Finding[];
  /** True when the file was read to its end and every check ran to its end. */
  complete: boolean;
  /** Relation rules of the report's edition that apply to its forms. */
  rulesApplicable: number;
  /** Of those, the rules that ran to their end (held, made a finding, or skipped for a missing figure). */
  rulesRun: number;
  /** Rows of the catalog that were type-checked, and how many of them were. */
  entriesApplicable: number;
  entriesChecked: number;
  failures: CheckFailure[];
}

/** Receives the "check-failed" finding and the support details of a failed check (default: console.error). */
export type CheckLogger = (finding: Finding, failure: CheckFailure) => void;

export interface ValidateOptions {
  logger?: CheckLogger;
}

const defaultLogger: CheckLogger = (_finding, failure) => {
  console.error(`[Báo cáo CCHC] check failed: ${failure.check}\n${failure.stack ?? failure.error}`);
};

function errorParts(e: unknown): { error: string; stack?: string } {
  if (e instanceof Error) return { error: `${e.name}: ${e.message}`, stack: e.stack };
  return { error: String(e) };
}

function supportOf(f: CheckFailure): string {
  return [`check: ${f.check}`, `form: ${f.form}`, `indicator: ${f.indicator}`, `error: ${f.error}`, f.stack ?? ""]
    .filter(Boolean)
    .join("\n");
}

const EPS = 1e-9;
const RATIO_TOLERANCE = 0.01;

const catalogIndex = new Map(catalog.indicators.map((i, k) => [i.id, k]));

interface Ctx {
  report: Report;
  level: Level;
  version: string;
}

function codeOf(ctx: Ctx, id: string): string {
  const e = ctx.report.entries.get(id);
  if (e?.printedCode) return e.printedCode;
  const i = indicatorById(id);
  return i ? printedCode(i, ctx.level) : id;
}

function num(ctx: Ctx, id: string): number | undefined {
  const v = ctx.report.entries.get(id)?.value;
  return v && v.state === "value" && typeof v.number === "number" && Number.isFinite(v.number) ? v.number : undefined;
}

function finding(
  ctx: Ctx,
  ind: Indicator,
  rule: RuleId,
  severity: Finding["severity"],
  args: FindingArgs,
  expected: Finding["expected"],
  actual: Finding["actual"]
): Finding {
  return findingAt(ctx.report, ctx.level, ind, rule, severity, args, expected, actual);
}

/** A finding about one row of a report: its printed STT (the file's, else the level's) and its value cell. */
export function findingAt(
  report: Report,
  level: Level,
  ind: Indicator,
  rule: RuleId,
  severity: Finding["severity"],
  args: FindingArgs,
  expected: Finding["expected"],
  actual: Finding["actual"]
): Finding {
  const e = report.entries.get(ind.id);
  const f: Finding = {
    form: ind.form,
    code: e?.printedCode ?? printedCode(ind, level),
    indicator: ind.id,
    rule,
    severity,
    args,
    expected,
    actual,
  };
  if (e?.ref) {
    f.sheet = e.ref.sheet;
    f.cell = a1(e.ref);
  }
  return f;
}

function rawText(e: ReportEntry): string {
  const r = e.value.raw;
  return r === null || r === undefined ? "" : String(r).trim();
}

/** Type rules for one row. */
function typeFindings(ctx: Ctx, e: ReportEntry, ind: Indicator, out: Finding[]): void {
  if (!isValueRow(ind)) return;
  const v = e.value;
  if (e.column && e.ref) {
    const args: FindingArgs = {
      key: "valueColumn",
      col: colLetters(e.ref.col),
      header: e.column.header,
      others: e.column.others,
    };
    out.push(finding(ctx, ind, "value-column", "warning", args, null, e.column.header));
  }
  if (e.merged) {
    out.push(finding(ctx, ind, "merged-cell", "warning", { key: "mergedCell", range: e.merged }, null, e.merged));
    if (v.state === "missing") return; // the merged-cell warning says why the cell is blank
  }
  if (v.reading) {
    const text = rawText(e);
    const n = typeof v.number === "number" ? v.number : undefined;
    const label = n !== undefined ? ind.enum?.find((c) => c.code === n)?.label : undefined;
    const args: FindingArgs =
      v.reading === "comma-thousands"
        ? { key: "commaThousands", text, n: formatVi(n ?? 0) }
        : v.reading === "money-unit"
          ? { key: "moneyUnit", text, n: formatVi(n ?? 0) }
          : v.reading === "word" && label !== undefined
            ? { key: "wordRead", text, label, code: formatVi(n ?? 0) }
            : { key: "zeroWord", text };
    out.push(finding(ctx, ind, "interpreted", "info", args, n ?? null, text));
  }
  switch (v.state) {
    case "text":
      out.push(
        finding(
          ctx,
          ind,
          "not-a-number",
          "error",
          { key: "notANumber", text: v.text ?? rawText(e) },
          null,
          v.text ?? rawText(e)
        )
      );
      return;
    case "error":
      out.push(
        finding(
          ctx,
          ind,
          "not-a-number",
          "error",
          { key: "excelError", text: v.text ?? rawText(e) },
          null,
          v.text ?? rawText(e)
        )
      );
      return;
    case "missing":
      // a formula left blank (its inputs are blank) is not something to type in
      if (e.formula && !e.note && !e.readNote) return;
      if (inEdition(ind, ctx.level, ctx.version))
        out.push(finding(ctx, ind, "missing", "warning", { key: "missing" }, null, null));
      return;
    case "na":
      return;
    default:
      break;
  }
  const n = v.number;
  if (typeof n !== "number" || !Number.isFinite(n)) return;
  const shown = formatVi(n);
  if ((ind.kind === "count" || ind.kind === "money") && n < 0) {
    out.push(finding(ctx, ind, "negative", "error", { key: "negative", actual: shown }, 0, n));
  }
  if (ind.kind === "count" && !Number.isInteger(n)) {
    out.push(finding(ctx, ind, "not-integer", "error", { key: "notInteger", actual: shown }, Math.round(n), n));
  }
  if (ind.kind === "percent" && (n < 0 || n > 100)) {
    out.push(
      finding(
        ctx,
        ind,
        "percent-out-of-range",
        "error",
        { key: "percentOutOfRange", actual: shown },
        n < 0 ? 0 : 100,
        n
      )
    );
  }
  if (ind.kind === "enum" && ind.enum && !ind.enum.some((c) => c.code === n)) {
    const allowed = ind.enum.map((c) => `${c.label} = ${c.code}`).join("; ");
    out.push(
      finding(
        ctx,
        ind,
        "enum-invalid",
        "error",
        { key: "enumInvalid", actual: shown, allowed },
        ind.enum.map((c) => c.code).join(", "),
        n
      )
    );
  }
  if (v.typedAsText) {
    const text = rawText(e);
    out.push(finding(ctx, ind, "text-number", "warning", { key: "textNumber", text, n: shown }, n, text));
  }
}

/** One relation rule; undefined when it holds or cannot be checked. */
function applyRule(ctx: Ctx, r: RuleDef): Finding | undefined {
  const target = indicatorById(r.target);
  if (!target) return undefined;
  const left = r.left.map((id) => num(ctx, id));
  if (left.some((x) => x === undefined)) return undefined;
  const rightAll = r.right.map((id) => num(ctx, id));
  let right: number[];
  if (r.missingStrategy === "skip-if-any-missing") {
    if (rightAll.some((x) => x === undefined)) return undefined;
    right = rightAll as number[];
  } else {
    right = rightAll.filter((x): x is number => x !== undefined);
    if (right.length === 0) return undefined;
  }
  const l = sumDec(left as number[]);
  switch (r.operator) {
    case "==": {
      const s = sumDec(right);
      if (Math.abs(l - s) <= EPS) return undefined;
      const codes = r.right.map((id) => codeOf(ctx, id)).join(" + ");
      return finding(
        ctx,
        target,
        r.rule,
        r.severity,
        { key: "sumMismatch", actual: formatVi(l), expected: formatVi(s), codes },
        s,
        l
      );
    }
    case "<=": {
      const s = sumDec(right);
      if (l <= s + EPS) return undefined;
      const codes = r.right.map((id) => codeOf(ctx, id)).join(" + ");
      return finding(
        ctx,
        target,
        r.rule,
        r.severity,
        { key: "partExceedsWhole", actual: formatVi(l), wholeCode: codes, whole: formatVi(s) },
        s,
        l
      );
    }
    case ">=": {
      const s = sumDec(right);
      if (l + EPS >= s) return undefined;
      const present = r.right.filter((id) => num(ctx, id) !== undefined);
      const codes = present.map((id) => codeOf(ctx, id)).join(" + ");
      return finding(
        ctx,
        target,
        r.rule,
        r.severity,
        { key: "wholeBelowParts", actual: formatVi(l), codes, parts: formatVi(s) },
        s,
        l
      );
    }
    case "ratio": {
      const [numr, den] = right;
      if (den === 0) return undefined; // zero-denominator rule
      const expected = percentOf(numr, den, 2);
      if (expected === null) return undefined;
      if (Math.abs(l - expected) <= RATIO_TOLERANCE + EPS) return undefined;
      const [numId, denId] = r.right;
      if (Math.abs(l) <= 1 && Math.abs(l * 100 - expected) <= RATIO_TOLERANCE + EPS) {
        // 0,9656 for 96,56%: a fraction where a percentage belongs
        return finding(
          ctx,
          target,
          r.rule,
          "warning",
          { key: "ratioAsFraction", actual: formatVi(l), expected: formatVi(expected, 2) },
          expected,
          l
        );
      }
      const args: FindingArgs = {
        key: "ratioMismatch",
        actual: formatVi(l),
        expected: formatVi(expected, 2),
        numCode: codeOf(ctx, numId),
        num: formatVi(numr),
        denCode: codeOf(ctx, denId),
        den: formatVi(den),
      };
      return finding(ctx, target, r.rule, r.severity, args, expected, l);
    }
    case "den-nonzero": {
      const [den] = right;
      if (den !== 0) return undefined;
      return finding(
        ctx,
        target,
        r.rule,
        r.severity,
        { key: "zeroDenominator", actual: formatVi(l), denCode: codeOf(ctx, r.right[0]) },
        null,
        l
      );
    }
  }
  return undefined;
}

const RULE_ORDER: Record<RuleId, number> = {
  "not-a-number": 0,
  negative: 1,
  "not-integer": 2,
  "percent-out-of-range": 3,
  "enum-invalid": 4,
  "sum-mismatch": 5,
  "ratio-mismatch": 6,
  "part-exceeds-whole": 7,
  "zero-denominator": 8,
  "text-number": 9,
  missing: 10,
  "previous-decrease": 11,
  "previous-sum": 12,
  "previous-jump": 13,
  "previous-swing": 14,
  "previous-skipped": 15,
  "check-failed": -1,
  "value-column": 16,
  "merged-cell": 17,
  interpreted: 18,
};

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a report: its findings (sorted by form, then row, errors first within a row) and whether the
 * check ran to its end. A check that throws is a "check-failed" finding, never silence.
 */
export function validateReport(report: Report, opts: ValidateOptions = {}): ValidationOutcome {
  const log = opts.logger ?? defaultLogger;
  const out: Finding[] = [];
  const failures: CheckFailure[] = [];
  const ctx: Ctx = { report, level: report.meta.level ?? "tinh", version: report.meta.version ?? DEFAULT_VERSION };
  const failed = (check: string, ind: Indicator | undefined, form: number, rule: string, e: unknown) => {
    const failure: CheckFailure = { check, form, indicator: ind?.id ?? "", ...errorParts(e) };
    failures.push(failure);
    const code = ind ? codeOf(ctx, ind.id) : "";
    const args: FindingArgs = ind ? { key: "checkFailed", code, check: rule } : { key: "rulesFailed" };
    const f: Finding = ind
      ? finding(ctx, ind, "check-failed", "error", args, null, null)
      : { form, code, indicator: "", rule: "check-failed", severity: "error", args };
    delete f.expected;
    delete f.actual;
    f.support = supportOf(failure);
    out.push(f);
    log(f, failure);
  };

  for (const rf of Array.isArray(report.readFailures) ? report.readFailures : []) {
    const failure: CheckFailure = {
      check: `read:${rf.step}`,
      form: 0,
      indicator: "",
      error: rf.message,
      stack: rf.stack,
    };
    failures.push(failure);
    const f: Finding = {
      form: 0,
      code: "",
      indicator: "",
      rule: "check-failed",
      severity: "error",
      args: { key: "readFailed" },
      support: supportOf(failure),
    };
    out.push(f);
    log(f, failure);
  }

  let entriesApplicable = 0;
  let entriesChecked = 0;
  for (const e of report.entries.values()) {
    const ind = indicatorById(e.indicatorId);
    if (!ind) continue;
    entriesApplicable++;
    try {
      typeFindings(ctx, e, ind, out);
      entriesChecked++;
    } catch (err) {
      failed(`type:${ind.id}`, ind, ind.form, "type", err);
    }
  }

  let rules: RuleDef[] = [];
  try {
    rules = applicableRules(report);
  } catch (err) {
    failed("rules", undefined, 0, "", err);
  }
  let rulesApplicable = 0;
  let rulesRun = 0;
  for (const r of rules) {
    rulesApplicable++;
    try {
      const f = applyRule(ctx, r);
      if (f) out.push(f);
      rulesRun++;
    } catch (err) {
      failed(r.id, indicatorById(r.target), r.form, r.rule, err);
    }
  }

  const rowOf = (f: Finding): number => {
    const e = report.entries.get(f.indicator);
    return e?.ref ? e.ref.row : 1e9 + (catalogIndex.get(f.indicator) ?? 0);
  };
  const sheetOf = (f: Finding): string => report.entries.get(f.indicator)?.ref?.sheet ?? "";
  out.sort(
    (a, b) =>
      a.form - b.form ||
      (sheetOf(a) === sheetOf(b) ? 0 : sheetOf(a) < sheetOf(b) ? -1 : 1) ||
      rowOf(a) - rowOf(b) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      RULE_ORDER[a.rule] - RULE_ORDER[b.rule]
  );
  return {
    findings: out,
    complete: failures.length === 0,
    rulesApplicable,
    rulesRun,
    entriesApplicable,
    entriesChecked,
    failures,
  };
}

/** The relation rules of the report's edition that apply to the forms it has (all forms when it lists none). */
export function applicableRules(report: Report): RuleDef[] {
  const forms = new Set(report.forms);
  return rulesFor(report.meta.level ?? "tinh", report.meta.version ?? DEFAULT_VERSION).filter(
    (r) => forms.size === 0 || forms.has(r.form)
  );
}

/** The findings of validateReport (for the callers that only list them). */
export function validate(report: Report, opts: ValidateOptions = {}): Finding[] {
  return validateReport(report, opts).findings;
}

/** Counts by severity, for summaries; information ("info") is neither an error nor a warning. */
export function countFindings(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Checks a report: type rules per row (kind of the figure) and the edition's relation rules
 * (rules.ts). Every finding names the form, printed STT, indicator, rule, severity, a Vietnamese
 * message with the expected and actual figures, and the value cell. Missing or not-applicable
 * inputs skip a relation (never guess zero). Pure; never throws.
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
import { findingText } from "../i18n/engine";
import { formatVi, percentOf, sumDec } from "./numbers";
import { a1 } from "./a1";
import { RuleDef, rulesFor } from "./rules";
import type { Finding, Report, ReportEntry, RuleId } from "./types";

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
  message: string,
  expected: Finding["expected"],
  actual: Finding["actual"]
): Finding {
  const e = ctx.report.entries.get(ind.id);
  const f: Finding = {
    form: ind.form,
    code: codeOf(ctx, ind.id),
    indicator: ind.id,
    rule,
    severity,
    message,
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
  switch (v.state) {
    case "text":
      out.push(
        finding(
          ctx,
          ind,
          "not-a-number",
          "error",
          findingText.notANumber(v.text ?? rawText(e)),
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
          findingText.excelError(v.text ?? rawText(e)),
          null,
          v.text ?? rawText(e)
        )
      );
      return;
    case "missing":
      // a formula left blank (its inputs are blank) is not something to type in
      if (e.formula && !e.note) return;
      if (inEdition(ind, ctx.level, ctx.version))
        out.push(finding(ctx, ind, "missing", "warning", findingText.missing(), null, null));
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
    out.push(finding(ctx, ind, "negative", "error", findingText.negative(shown), 0, n));
  }
  if (ind.kind === "count" && !Number.isInteger(n)) {
    out.push(finding(ctx, ind, "not-integer", "error", findingText.notInteger(shown), Math.round(n), n));
  }
  if (ind.kind === "percent" && (n < 0 || n > 100)) {
    out.push(
      finding(ctx, ind, "percent-out-of-range", "error", findingText.percentOutOfRange(shown), n < 0 ? 0 : 100, n)
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
        findingText.enumInvalid(shown, allowed),
        ind.enum.map((c) => c.code).join(", "),
        n
      )
    );
  }
  if (v.typedAsText) {
    const text = rawText(e);
    out.push(finding(ctx, ind, "text-number", "warning", findingText.textNumber(text, shown), n, text));
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
      return finding(ctx, target, r.rule, r.severity, findingText.sumMismatch(formatVi(l), formatVi(s), codes), s, l);
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
        findingText.partExceedsWhole(formatVi(l), codes, formatVi(s)),
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
        findingText.wholeBelowParts(formatVi(l), codes, formatVi(s)),
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
          findingText.ratioAsFraction(formatVi(l), formatVi(expected, 2)),
          expected,
          l
        );
      }
      const msg = findingText.ratioMismatch(
        formatVi(l),
        formatVi(expected, 2),
        codeOf(ctx, numId),
        formatVi(numr),
        codeOf(ctx, denId),
        formatVi(den)
      );
      return finding(ctx, target, r.rule, r.severity, msg, expected, l);
    }
    case "den-nonzero": {
      const [den] = right;
      if (den !== 0) return undefined;
      return finding(
        ctx,
        target,
        r.rule,
        r.severity,
        findingText.zeroDenominator(formatVi(l), codeOf(ctx, r.right[0])),
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
};

/** Checks a report and returns its findings sorted by form, then row, errors first within a row. */
export function validate(report: Report): Finding[] {
  const out: Finding[] = [];
  try {
    const ctx: Ctx = { report, level: report.meta.level ?? "tinh", version: report.meta.version ?? DEFAULT_VERSION };
    for (const e of report.entries.values()) {
      const ind = indicatorById(e.indicatorId);
      if (ind) typeFindings(ctx, e, ind, out);
    }
    const forms = new Set(report.forms);
    for (const r of rulesFor(ctx.level, ctx.version)) {
      if (forms.size > 0 && !forms.has(r.form)) continue;
      const f = applyRule(ctx, r);
      if (f) out.push(f);
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
        (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
        RULE_ORDER[a.rule] - RULE_ORDER[b.rule]
    );
  } catch {
    /* a defect in a rule must not hide the findings already made */
  }
  return out;
}

/** Counts by severity, for summaries. */
export function countFindings(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

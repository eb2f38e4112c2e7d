/**
 * Validation rules as data, derived once per edition (level, version) from the catalog's relations
 * (like DHIS2 validation rules: left side, operator, right side, what to do when a figure is missing).
 * Type rules (negative, not an integer, percent range, enum codes, text) depend only on an indicator's
 * kind and are applied directly in validate.ts.
 */
import { DEFAULT_VERSION, FORM_NUMBERS, formRows, Level, relationsIn } from "../catalog";
import type { RuleId, Severity } from "./types";

/**
 * - "==": sum(left) equals sum(right);
 * - "<=" / ">=": sum(left) compared with sum(right);
 * - "ratio": left[0] is a percentage that must equal right[0] / right[1] × 100 (rounded half up to 2 places);
 * - "den-nonzero": left[0] (a percentage) may only hold a number when right[0] (its denominator) is not 0.
 */
export type RuleOperator = "==" | "<=" | ">=" | "ratio" | "den-nonzero";

/**
 * - skip-if-any-missing: any figure missing or not applicable -> the rule is not checked (never guess zero);
 * - never-skip: checked with the figures present on the right side (their sum is a lower bound of the
 *   whole, counts being non-negative); the left side must still be present.
 */
export type MissingStrategy = "skip-if-any-missing" | "never-skip";

export interface RuleDef {
  id: string;
  rule: RuleId;
  severity: Severity;
  form: number;
  /** The indicator whose row a finding points at. */
  target: string;
  left: string[];
  operator: RuleOperator;
  right: string[];
  missingStrategy: MissingStrategy;
}

const cache = new Map<string, RuleDef[]>();

/** The relation rules of one edition, in printed order of their target rows. */
export function rulesFor(level: Level, version: string = DEFAULT_VERSION): RuleDef[] {
  const key = `${level}|${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: RuleDef[] = [];
  const seen = new Set<string>();
  const add = (r: RuleDef) => {
    const k = `${r.rule}|${r.target}|${r.operator}|${r.left.join(",")}|${r.right.join(",")}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };
  for (const form of FORM_NUMBERS) {
    for (const i of formRows(form, level, version)) {
      const rel = relationsIn(i, level, version);
      if (rel.ratio) {
        const right = [rel.ratio.numerator, rel.ratio.denominator];
        add({
          id: `ratio:${i.id}`,
          rule: "ratio-mismatch",
          severity: "error",
          form,
          target: i.id,
          left: [i.id],
          operator: "ratio",
          right,
          missingStrategy: "skip-if-any-missing",
        });
        add({
          id: `zero-den:${i.id}`,
          rule: "zero-denominator",
          severity: "warning",
          form,
          target: i.id,
          left: [i.id],
          operator: "den-nonzero",
          right: [rel.ratio.denominator],
          missingStrategy: "skip-if-any-missing",
        });
      }
      if (rel.sumOf) {
        const severity: Severity = rel.sumStrength === "weak" ? "warning" : "error";
        add({
          id: `sum:${i.id}`,
          rule: "sum-mismatch",
          severity,
          form,
          target: i.id,
          left: [i.id],
          operator: "==",
          right: rel.sumOf,
          missingStrategy: "skip-if-any-missing",
        });
        // each part of a total cannot exceed it
        for (const p of rel.sumOf) {
          add({
            id: `part:${p}<=${i.id}`,
            rule: "part-exceeds-whole",
            severity,
            form,
            target: p,
            left: [p],
            operator: "<=",
            right: [i.id],
            missingStrategy: "skip-if-any-missing",
          });
        }
      }
      for (const w of rel.atMost) {
        add({
          id: `part:${i.id}<=${w}`,
          rule: "part-exceeds-whole",
          severity: "error",
          form,
          target: i.id,
          left: [i.id],
          operator: "<=",
          right: [w],
          missingStrategy: "skip-if-any-missing",
        });
      }
      if (rel.atLeastSumOf) {
        add({
          id: `least:${i.id}`,
          rule: "part-exceeds-whole",
          severity: "error",
          form,
          target: i.id,
          left: [i.id],
          operator: ">=",
          right: rel.atLeastSumOf,
          missingStrategy: "never-skip",
        });
      }
    }
  }
  cache.set(key, out);
  return out;
}

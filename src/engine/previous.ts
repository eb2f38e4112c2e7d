/**
 * A report checked against the same unit's earlier reports (Công văn 581/BNV-CCHC windows):
 * quý I (15/12–14/3) and 6 tháng (15/12–14/6) lie inside năm (15/12–14/12); quý III (15/6–14/9) lies inside
 * năm and does not overlap 6 tháng. Which rows compare how comes from each row's nature over time
 * (src/catalog/nature.json); the windows come from periodWindow, so containment is computed, not listed.
 *
 * - previous-decrease (error): a flow in a window that contains an earlier report's window is smaller than
 *   it; a cumulative figure decreases through the year.
 * - previous-sum (error): an additive flow in năm is smaller than 6 tháng + quý III when both are given.
 * - previous-jump (warning): a stock changes by more than the relative and the absolute thresholds.
 * - previous-swing (warning): a rate moves by more than the threshold in points between reports of one
 *   year; against the same period of the previous year, info.
 * - previous-skipped (info, once per earlier file): rows left out because a figure is blank, not applicable
 *   or not a number in either report — a missing value is never read as zero.
 * Files that cannot be compared (another unit, another level, the same or a later period, another year) are
 * refused with a reason; the report's own checks are not affected.
 */
import { indicatorById, Indicator, printedCode } from "../catalog";
import { natureFile, natureOf } from "../catalog/nature";
import { formatVi } from "./numbers";
import { findingAt } from "./validate";
import { periodWindow } from "./period";
import type { FindingArgs } from "./messages";
import type { Finding, Period, Report, ReportEntry, RuleId, Severity } from "./types";
import { foldName } from "./consolidate";
import type { EarlierFigures } from "./settings";

export interface EarlierReport {
  /** The file name, for messages. */
  file: string;
  report: Report;
}

export type RefusalReason = "no-period" | "other-unit" | "other-level" | "same-period" | "later-period" | "other-year";

export interface Comparison {
  file: string;
  period?: Period;
  unit?: string;
  /** True when the file took part in the checks. */
  used: boolean;
  /** Why it did not (used = false). */
  reason?: RefusalReason;
  /** The periods and units the refusal names (worded at the edge: i18n refusalMessage). */
  refused?: { earlier: RefusalMeta; current: RefusalMeta };
}

/** What a refusal names of each report. */
export interface RefusalMeta {
  unit?: string;
  level?: string;
  period?: Period;
}

export interface PreviousResult {
  findings: Finding[];
  comparisons: Comparison[];
}

/** Folded unit name for comparing: no accents, case or "UBND"/"Ủy ban nhân dân" prefix. */
export function unitKey(s: string | undefined): string {
  return foldName(String(s ?? "")).replace(/^(ubnd|uy ban nhan dan)\s+/, "");
}

function contains(outer: Period, inner: Period): boolean {
  const o = periodWindow(outer);
  const i = periodWindow(inner);
  return o.from <= i.from && i.to <= o.to && !(o.from === i.from && o.to === i.to);
}

function endsBefore(a: Period, b: Period): boolean {
  return periodWindow(a).to < periodWindow(b).to;
}

function sameYear(a: Period, b: Period): boolean {
  return a.year === b.year;
}

/** Why an earlier file cannot be compared with the current report, if it cannot. */
function refusal(cur: Report, e: Report): RefusalReason | undefined {
  const p = cur.meta.period;
  const q = e.meta.period;
  if (!p || !q) return "no-period";
  if (cur.meta.unit && e.meta.unit && unitKey(cur.meta.unit) !== unitKey(e.meta.unit)) return "other-unit";
  if (cur.meta.level && e.meta.level && cur.meta.level !== e.meta.level) return "other-level";
  if (p.kind === q.kind && p.year === q.year) return "same-period";
  if (!endsBefore(q, p)) return "later-period";
  if (!sameYear(p, q) && !(p.kind === q.kind && q.year === p.year - 1)) return "other-year";
  return undefined;
}

interface Fig {
  n?: number;
  /** The row is there but holds no number (blank, "-", text). */
  blank: boolean;
}

function fig(r: Report, id: string): Fig | undefined {
  const e = r.entries.get(id);
  if (!e) return undefined;
  const v = e.value;
  if (v.state === "value" && typeof v.number === "number" && Number.isFinite(v.number))
    return { n: v.number, blank: false };
  return { blank: true };
}

function makeFinding(
  cur: Report,
  ind: Indicator,
  rule: RuleId,
  severity: Severity,
  args: FindingArgs,
  expected: number | null,
  actual: number | null
): Finding {
  return findingAt(cur, cur.meta.level ?? "tinh", ind, rule, severity, args, expected, actual);
}

/** Checks `current` against the earlier reports it can be compared with. */
export function compareWithEarlier(current: Report, earlier: EarlierReport[]): PreviousResult {
  const findings: Finding[] = [];
  const comparisons: Comparison[] = [];
  const usable: EarlierReport[] = [];
  for (const e of earlier) {
    const reason = refusal(current, e.report);
    const c: Comparison = { file: e.file, period: e.report.meta.period, unit: e.report.meta.unit, used: !reason };
    if (reason) {
      c.reason = reason;
      const meta = (r: Report): RefusalMeta => ({ unit: r.meta.unit, level: r.meta.level, period: r.meta.period });
      c.refused = { earlier: meta(e.report), current: meta(current) };
    } else usable.push(e);
    comparisons.push(c);
  }
  const p = current.meta.period;
  if (!p || usable.length === 0) return { findings, comparisons };
  const th = natureFile().thresholds;
  const pq = (e: EarlierReport) => e.report.meta.period!;
  // Which earlier report each kind of row is compared with, so that one slip is said once:
  // flows against every earlier window inside this one that no other given window contains (năm: 6 tháng and
  // quý III, not also quý I); cumulative figures, stocks and rates against the latest report of the same year;
  // rates also against the same period of the previous year (info).
  const inYear = usable.filter((e) => pq(e).year === p.year);
  const nested = inYear.filter((e) => contains(p, pq(e)));
  const flowRefs = new Set(nested.filter((e) => !nested.some((f) => f !== e && contains(pq(f), pq(e)))));
  const latest = inYear.reduce<EarlierReport | undefined>(
    (m, e) => (!m || endsBefore(pq(m), pq(e)) ? e : m),
    undefined
  );
  const lastYear = usable.find((e) => pq(e).year === p.year - 1);

  for (const e of usable) {
    const q = pq(e);
    const isLastYear = e === lastYear;
    const isLatest = e === latest;
    const isFlowRef = flowRefs.has(e);
    let skipped = 0;
    for (const id of current.entries.keys()) {
      const ind = indicatorById(id);
      const nat = natureOf(id);
      if (!ind || !nat) continue;
      const compared =
        nat.nature === "flow"
          ? isFlowRef
          : nat.nature === "ratio"
            ? isLatest || isLastYear
            : nat.nature === "cumulative" || nat.nature === "stock"
              ? isLatest
              : false;
      if (!compared) continue;
      const a = fig(current, id);
      const b = fig(e.report, id);
      if (!a || !b) continue; // the row is not in both reports: nothing to compare
      if (a.n === undefined || b.n === undefined) {
        skipped++;
        continue;
      }
      const args = {
        code: printedCode(ind, current.meta.level ?? "tinh"),
        cur: formatVi(a.n),
        prev: formatVi(b.n),
        current: p,
        earlier: q,
        file: e.file,
      };
      if (nat.nature === "flow" && a.n < b.n)
        findings.push(
          makeFinding(current, ind, "previous-decrease", "error", { key: "flowDecrease", ...args }, b.n, a.n)
        );
      else if (nat.nature === "cumulative" && a.n < b.n)
        findings.push(
          makeFinding(current, ind, "previous-decrease", "error", { key: "cumulativeDecrease", ...args }, b.n, a.n)
        );
      else if (nat.nature === "stock") {
        const change = Math.abs(a.n - b.n);
        const abs = ind.kind === "money" ? th.jump.absolute.money : th.jump.absolute.count;
        if (change > abs && change > th.jump.relative * Math.abs(b.n))
          findings.push(makeFinding(current, ind, "previous-jump", "warning", { key: "jump", ...args }, b.n, a.n));
      } else if (nat.nature === "ratio" && Math.abs(a.n - b.n) > th.swing.points)
        findings.push(
          makeFinding(
            current,
            ind,
            "previous-swing",
            isLastYear ? "info" : "warning",
            {
              key: "swing",
              ...args,
              lastYear: isLastYear,
              diff: formatVi(Math.round(Math.abs(a.n - b.n) * 100) / 100),
            },
            b.n,
            a.n
          )
        );
    }
    if (skipped > 0)
      findings.push({
        form: 0,
        code: "",
        indicator: "",
        rule: "previous-skipped",
        severity: "info",
        args: { key: "previousSkipped", n: skipped, file: e.file, earlier: q },
        expected: null,
        actual: null,
      });
  }

  // năm >= 6 tháng + quý III, for additive flows, when both earlier reports of the year are given
  if (p.kind === "N") {
    const half = usable.find((e) => e.report.meta.period!.kind === "6T" && e.report.meta.period!.year === p.year);
    const q3 = usable.find((e) => e.report.meta.period!.kind === "Q3" && e.report.meta.period!.year === p.year);
    if (half && q3)
      for (const id of current.entries.keys()) {
        const ind = indicatorById(id);
        const nat = natureOf(id);
        if (!ind || nat?.nature !== "flow" || nat.additive === false) continue;
        const a = fig(current, id)?.n;
        const h = fig(half.report, id)?.n;
        const t = fig(q3.report, id)?.n;
        if (a === undefined || h === undefined || t === undefined) continue;
        // the sum rule says more than the single-window rule: drop a decrease already said for this row
        if (a < h + t) {
          for (let k = findings.length - 1; k >= 0; k--)
            if (findings[k].indicator === id && findings[k].rule === "previous-decrease") findings.splice(k, 1);
          findings.push(
            makeFinding(
              current,
              ind,
              "previous-sum",
              "error",
              {
                key: "previousSum",
                code: printedCode(ind, current.meta.level ?? "tinh"),
                cur: formatVi(a),
                half: formatVi(h),
                q3: formatVi(t),
                both: formatVi(h + t),
                halfFile: half.file,
                q3File: q3.file,
                year: p.year,
              },
              h + t,
              a
            )
          );
        }
      }
  }
  return { findings, comparisons };
}

// ---------------------------------------------------------------- remembered between sessions

/**
 * The figures of an earlier report worth remembering for later comparisons (the rows that compare over
 * time: flows, cumulative figures, stocks, rates), compactly; undefined when the report has no period.
 */
export function earlierFigures(file: string, report: Report): EarlierFigures | undefined {
  const period = report.meta.period;
  if (!period) return undefined;
  const values: Record<string, number> = {};
  const blank: string[] = [];
  for (const [id, e] of report.entries) {
    const nat = natureOf(id)?.nature;
    if (nat !== "flow" && nat !== "cumulative" && nat !== "stock" && nat !== "ratio") continue;
    const f = fig(report, id);
    if (f?.n !== undefined) values[id] = f.n;
    else if (e) blank.push(id);
  }
  return {
    file,
    ...(report.meta.unit ? { unit: report.meta.unit } : {}),
    ...(report.meta.level ? { level: report.meta.level } : {}),
    period,
    values,
    blank,
  };
}

/** A remembered earlier report as compareWithEarlier takes it (its figures, never a blank read as zero). */
export function earlierReport(f: EarlierFigures): EarlierReport {
  const entries = new Map<string, ReportEntry>();
  for (const [id, n] of Object.entries(f.values))
    entries.set(id, { indicatorId: id, value: { state: "value", number: n, raw: n } });
  for (const id of f.blank) entries.set(id, { indicatorId: id, value: { state: "missing", raw: null } });
  return {
    file: f.file,
    report: {
      meta: { unit: f.unit, level: f.level, period: f.period, source: "addin" },
      forms: [],
      entries,
      unplaced: [],
    },
  };
}

// ---------------------------------------------------------------- carrying stock figures forward

/** Why an earlier report cannot pre-fill the next period's forms. */
export type CarryRefusal = "no-period" | "other-unit" | "other-level" | "not-earlier";

/**
 * Whether `prev` may pre-fill the forms of `next` (the unit, level and period the new forms are for): the
 * same unit and level, a period that ends before the new one's (last year's năm before this year's quý I).
 */
export function carryRefusal(
  next: { unit?: string; level?: string; period?: Period },
  prev: Report
): CarryRefusal | undefined {
  const q = prev.meta.period;
  if (!q || !next.period) return "no-period";
  if (next.unit && prev.meta.unit && unitKey(next.unit) !== unitKey(prev.meta.unit)) return "other-unit";
  if (next.level && prev.meta.level && next.level !== prev.meta.level) return "other-level";
  if (!endsBefore(q, next.period)) return "not-earlier";
  return undefined;
}

/**
 * The figures of an earlier report that may stand in the next period's forms until the user types others:
 * the stock rows (a state at the cut-off: staff, procedures in force, units, systems connected) that hold a
 * number. Flows, cumulative figures and rates belong to their own period and are never carried.
 */
export function carryValues(prev: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of prev.entries.keys()) {
    if (natureOf(id)?.nature !== "stock") continue;
    const f = fig(prev, id);
    if (f?.n !== undefined) out.set(id, f.n);
  }
  return out;
}

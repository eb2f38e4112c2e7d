/**
 * No error swallowed: a rule, a row's type check or a reader step that throws is a "check-failed" finding
 * (severity error, naming the row and the rule, support details logged and kept on the finding); the other
 * checks still run; the outcome says the check did not complete, and pre-send refuses to stamp.
 * The defects are planted: a rule whose definition lost its right side (a TypeError when applied), a figure
 * whose read throws, a grid row whose read throws.
 */
import { readReport } from "../../src/engine/reader";
import * as rules from "../../src/engine/rules";
import { CheckFailure, validate, validateReport } from "../../src/engine/validate";
import { canStamp, presendVerdict, stampFor, StampRefused } from "../../src/engine/presend";
import type { Finding, GridSheet, Report, ReportEntry } from "../../src/engine/types";
import { check } from "../../src/app/check-session";
import { makeStamp } from "../../src/app/presend";
import { seedGrids } from "./seed-grids";
import { findingMessage } from "../../src/i18n/findings";

const BREAK = (x: rules.RuleDef): rules.RuleDef => ({ ...x, right: undefined as unknown as string[] });

/** Plants a defect in the rules matching `which` (validate sees them through rulesFor). */
function breakRules(which: (r: rules.RuleDef) => boolean): void {
  const real = rules.rulesFor;
  jest
    .spyOn(rules, "rulesFor")
    .mockImplementation((level, version) => real(level, version).map((x) => (which(x) ? BREAK(x) : x)));
}

const key = (f: Finding) => `${f.form}/${f.code}/${f.rule}/${f.severity}`;

afterEach(() => jest.restoreAllMocks());

describe("a rule that throws", () => {
  test("is a check-failed finding at its row; every other rule still runs and finds what it found", () => {
    const grids = seedGrids("004", "one-sheet");
    const before = validate(readReport(grids));
    // the seed's real slip: 1.4.3 = 157 above its total 1.4 = 139 (part-exceeds-whole)
    expect(before.some((f) => f.form === 3 && f.code === "1.4.3" && f.rule === "part-exceeds-whole")).toBe(true);

    breakRules((r) => r.operator === "<=" && r.form === 3 && r.target === "bm3:1.4.3");
    const logged: { finding: Finding; failure: CheckFailure }[] = [];
    const o = validateReport(readReport(grids), { logger: (finding, failure) => logged.push({ finding, failure }) });

    const failed = o.findings.filter((f) => f.rule === "check-failed");
    expect(failed).toHaveLength(1);
    const f = failed[0];
    expect(f).toMatchObject({ form: 3, code: "1.4.3", indicator: "bm3:1.4.3", severity: "error" });
    expect(findingMessage(f)).toBe(
      "Không kiểm tra được chỉ tiêu 1.4.3 (quy tắc thành phần không vượt quá tổng): lỗi của phần bổ trợ — hãy gửi chi tiết hỗ trợ."
    );
    expect(f.cell).toMatch(/^D\d+$/);
    expect(f.support).toContain("check: part:bm3:1.4.3<=bm3:1.4");
    expect(f.support).toMatch(/TypeError/);
    expect(f.support).toMatch(/at .*validate/); // the stack
    expect(logged).toHaveLength(1);
    expect(logged[0].finding).toBe(f);
    expect(logged[0].failure.stack).toMatch(/applyRule/);

    // the other findings are all still there: only the broken rule's own finding is replaced
    const after = o.findings.filter((x) => x.rule !== "check-failed").map(key);
    expect(after).toEqual(before.map(key).filter((k) => k !== "3/1.4.3/part-exceeds-whole/error"));
    expect(o.complete).toBe(false);
    expect(o.rulesRun).toBe(o.rulesApplicable - 1);
    expect(o.failures.map((x) => x.check)).toEqual(["part:bm3:1.4.3<=bm3:1.4"]);
  });

  test("the default logger is console.error, with the stack", () => {
    breakRules((r) => r.operator === "ratio");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const o = validateReport(readReport(seedGrids("002", "sheet-per-form")));
    const n = o.findings.filter((f) => f.rule === "check-failed").length;
    expect(n).toBeGreaterThan(0);
    expect(spy).toHaveBeenCalledTimes(n);
    // the engine words nothing: the failed check's id and the stack
    expect(String(spy.mock.calls[0][0])).toMatch(/check failed: ratio:[\s\S]*TypeError/);
    // what every shell calls (app check()) logs the Vietnamese message, then the stack
    spy.mockClear();
    const c = check(seedGrids("002", "sheet-per-form"), {});
    expect(spy).toHaveBeenCalledTimes(c.findings.filter((f) => f.rule === "check-failed").length);
    expect(String(spy.mock.calls[0][0])).toMatch(/Không kiểm tra được chỉ tiêu[\s\S]*TypeError/);
  });

  test("a report with no defect is complete and every rule of its edition ran", () => {
    const r = readReport(seedGrids("000", "one-sheet"));
    const o = validateReport(r, {
      logger: () => {
        throw new Error("nothing to log");
      },
    });
    expect(o.complete).toBe(true);
    expect(o.failures).toEqual([]);
    const forms = new Set(r.forms);
    const applicable = rules.rulesFor(r.meta.level!, r.meta.version).filter((x) => forms.has(x.form)).length;
    expect(applicable).toBeGreaterThan(10);
    expect(o.rulesApplicable).toBe(applicable);
    expect(o.rulesRun).toBe(applicable);
    expect(o.entriesChecked).toBe(o.entriesApplicable);
    expect(o.entriesChecked).toBe(r.entries.size);
  });
});

describe("a row's type check that throws", () => {
  test("is a check-failed finding for that row; the other rows are still checked", () => {
    const entries = new Map<string, ReportEntry>();
    entries.set("bm1:2.1", { indicatorId: "bm1:2.1", value: { state: "value", number: -3, raw: -3 } });
    const broken: ReportEntry = { indicatorId: "bm1:2.2", value: { state: "value", number: 1, raw: 1 } };
    Object.defineProperty(broken, "value", {
      get() {
        throw new TypeError("défaut simulé");
      },
    });
    entries.set("bm1:2.2", broken);
    const r: Report = { meta: { source: "addin", level: "tinh" }, forms: [1], entries, unplaced: [] };
    const o = validateReport(r, { logger: () => undefined });
    const typeFailure = o.findings.find(
      (f) => f.rule === "check-failed" && f.support?.includes("check: type:bm1:2.2")
    )!;
    expect(typeFailure).toMatchObject({ indicator: "bm1:2.2", code: "2.2", severity: "error" });
    expect(findingMessage(typeFailure)).toBe(
      "Không kiểm tra được chỉ tiêu 2.2 (quy tắc kiểu số liệu): lỗi của phần bổ trợ — hãy gửi chi tiết hỗ trợ."
    );
    // the relation rules that read the broken figure fail on their own too, each reported
    expect(o.failures.every((f) => f.error === "TypeError: défaut simulé")).toBe(true);
    expect(o.failures.filter((f) => !f.check.startsWith("type:")).length).toBe(o.rulesApplicable - o.rulesRun);
    expect(o.findings.some((f) => f.indicator === "bm1:2.1" && f.rule === "negative")).toBe(true);
    expect(o.entriesApplicable).toBe(2);
    expect(o.entriesChecked).toBe(1);
    expect(o.complete).toBe(false);
  });
});

describe("a reader step that throws", () => {
  function brokenSheet(): GridSheet {
    const row: GridSheet["values"][number] = [];
    Object.defineProperty(row, 0, {
      get() {
        throw new TypeError("défaut simulé");
      },
    });
    Object.defineProperty(row, "length", { value: 6 });
    return { name: "Biểu mẫu 9", values: [row] };
  }

  test("is recorded on the report, kept with what was read before, and is a check-failed finding", () => {
    const good = seedGrids("000", "one-sheet");
    const r = readReport([...good, brokenSheet()]);
    expect(r.readFailures).toHaveLength(1);
    expect(r.readFailures![0].message).toMatch(/^TypeError: défaut simulé/);
    expect(r.readFailures![0].stack).toMatch(/reader/);
    const o = validateReport(r, { logger: () => undefined });
    const failed = o.findings.filter((f) => f.rule === "check-failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ form: 0, severity: "error" });
    expect(findingMessage(failed[0])).toMatch(/^Không đọc hết được tệp: lỗi của phần bổ trợ/);
    expect(failed[0].support).toContain("défaut simulé");
    expect(o.complete).toBe(false);
    // a clean read has no failure list at all
    expect(readReport(good).readFailures).toBeUndefined();
  });
});

describe("pre-send", () => {
  const report = (forms: number[] = [1]): Report => ({
    meta: { source: "addin" },
    forms,
    entries: new Map(),
    unplaced: [],
  });
  const warning: Finding = {
    form: 1,
    code: "2",
    indicator: "bm1:2",
    rule: "missing",
    severity: "warning",
    args: { key: "missing" },
  };
  const error: Finding = { ...warning, rule: "negative", severity: "error" };
  const failed: Finding = { ...warning, rule: "check-failed", severity: "error" };

  test("verdicts", () => {
    expect(presendVerdict(report(), { findings: [warning], complete: true })).toEqual({ kind: "ready", warnings: 1 });
    expect(presendVerdict(report(), { findings: [error], complete: true })).toEqual({
      kind: "not-ready",
      errors: 1,
      warnings: 0,
    });
    expect(presendVerdict(report([]), { findings: [], complete: true })).toEqual({ kind: "no-forms" });
    // an incomplete check wins over everything, even with no error finding at all
    expect(presendVerdict(report(), { findings: [], complete: false }).kind).toBe("check-incomplete");
    expect(presendVerdict(report(), { findings: [failed], complete: true }).kind).toBe("check-incomplete");
    const partial = report();
    partial.readFailures = [{ step: "readReport", message: "x" }];
    expect(presendVerdict(partial, { findings: [], complete: true }).kind).toBe("check-incomplete");
    expect(presendVerdict(report([]), { findings: [], complete: false }).kind).toBe("check-incomplete");
  });

  test("stampFor refuses any report whose verdict is not ready", () => {
    const now = new Date("2026-03-31T10:00:00Z");
    const ok = stampFor(report(), { findings: [warning], complete: true }, "t", now);
    expect(ok).toMatchObject({ at: "2026-03-31T10:00:00.000Z", by: "t" });
    expect(ok.fingerprint.length).toBeGreaterThan(0);
    expect(() => stampFor(report(), { findings: [], complete: false }, "t", now)).toThrow(StampRefused);
    expect(() => stampFor(report(), { findings: [error], complete: true }, "t", now)).toThrow(StampRefused);
    expect(canStamp(report(), { findings: [], complete: false })).toBe(false);
    expect(canStamp(report(), { findings: [], complete: true })).toBe(true);
  });

  test("the pane's check and stamp: a throwing rule shows a finding and blocks the stamp", () => {
    const grids = seedGrids("000", "one-sheet");
    const clean = check(grids, {});
    expect(clean.complete).toBe(true);
    // the seed's one real slip (7/6.3) aside, every rule holds: drop it to have a report ready to send
    const ready = { ...clean, findings: clean.findings.filter((f) => f.severity !== "error") };
    expect(() => makeStamp(ready)).not.toThrow();

    breakRules((r) => r.operator === "<=");
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = check(grids, {});
    expect(broken.complete).toBe(false);
    const failed = broken.findings.filter((f) => f.rule === "check-failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.severity === "error" && !!f.support)).toBe(true);
    expect(presendVerdict(broken.report, broken).kind).toBe("check-incomplete");
    // even with the errors filtered out, the incomplete check refuses the stamp
    const hidden = {
      ...broken,
      findings: broken.findings.filter((f) => f.rule !== "check-failed" && f.severity !== "error"),
    };
    expect(() => makeStamp(hidden)).toThrow(StampRefused);
  });
});

/**
 * Bad figures typed into a form the add-in wrote: each ends in the rule a civil servant should see, on
 * the right cell, with a one-line Vietnamese message; nothing throws.
 *
 * The forms come from the layout builder (province, default version) and are read as a host would read
 * them (text, numbers, formulas without cached results); only the value cell under test is changed.
 */
import { DEFAULT_VERSION } from "../../src/catalog";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { Finding, GridSheet, GridValue, RuleId } from "../../src/engine/types";
import { validate } from "../../src/engine/validate";
import { cloneGrid, rowOfId, setValue, workbookToGrids } from "./corpus";
import { findingMessage } from "../../src/i18n/findings";

const BASE = workbookToGrids(
  buildFormsWorkbook([1, 2], { level: "tinh", version: DEFAULT_VERSION, period: { kind: "Q1", year: 2023 }, unit: "UBND tỉnh Thử nghiệm" })
);
const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function sheetWith(id: string): GridSheet {
  const s = BASE.find((g) => rowOfId(g, id) >= 0);
  if (!s) throw new Error(`no sheet for ${id}`);
  return s;
}

/** Findings for the report read from the base forms with `values` typed in. */
function check(values: Record<string, GridValue>): { findings: Finding[]; grids: GridSheet[] } {
  const grids = BASE.map(cloneGrid);
  for (const [id, v] of Object.entries(values)) {
    const s = grids.find((g) => rowOfId(g, id) >= 0)!;
    setValue(s, id, v);
  }
  const report = readReport(grids);
  return { findings: validate(report), grids };
}

function rulesOn(findings: Finding[], id: string): RuleId[] {
  return findings.filter((f) => f.indicator === id).map((f) => f.rule);
}

function expectWellFormed(f: Finding, id: string) {
  expect(findingMessage(f).trim().length).toBeGreaterThan(0);
  expect(findingMessage(f)).not.toMatch(/[\r\n]/);
  expect(findingMessage(f)).toMatch(VI_DIACRITIC);
  expect(findingMessage(f)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  expect(findingMessage(f)).not.toMatch(/undefined|NaN|Infinity|\[object/);
  // the finding points at the value cell (column D) of the indicator's row
  const s = sheetWith(id);
  expect(f.sheet).toBe(s.name);
  expect(f.cell).toBe(`D${rowOfId(s, id) + 1}`);
}

interface FigureCase {
  name: string;
  values: Record<string, GridValue>;
  target: string;
  /** Rules that must be reported on `target`. */
  rules: RuleId[];
  /** Rules that must not be. */
  not?: RuleId[];
}

const NBSP = "\u00a0";

const CASES: FigureCase[] = [
  { name: "negative count", values: { "bm1:1": -3 }, target: "bm1:1", rules: ["negative"] },
  { name: "negative count typed as text", values: { "bm1:1": "-3" }, target: "bm1:1", rules: ["negative", "text-number"] },
  { name: "decimal in a count", values: { "bm1:1": 2.5 }, target: "bm1:1", rules: ["not-integer"], not: ["negative"] },
  { name: "decimal comma in a count (\"2,5\")", values: { "bm1:1": "2,5" }, target: "bm1:1", rules: ["not-integer", "text-number"] },
  // "1,234" in a count (issue 8): a count has no fraction, so it is the en-US thousands writing 1234, told as an information
  { name: "\"1,234\" in a count", values: { "bm1:1": "1,234" }, target: "bm1:1", rules: ["interpreted", "text-number"], not: ["not-integer"] },
  // "1.234" is 1234 with a thousands dot: readable, but typed as text
  { name: "\"1.234\" in a count", values: { "bm1:1": "1.234" }, target: "bm1:1", rules: ["text-number"], not: ["not-integer", "not-a-number"] },
  { name: "number typed as text", values: { "bm1:1": "56" }, target: "bm1:1", rules: ["text-number"], not: ["not-a-number"] },
  { name: "NBSP thousands \"1 946\"", values: { "bm1:1": `1${NBSP}946` }, target: "bm1:1", rules: ["text-number"], not: ["not-a-number", "not-integer"] },
  { name: "full-width digits \"１２３\"", values: { "bm1:1": "\uff11\uff12\uff13" }, target: "bm1:1", rules: ["text-number"], not: ["not-a-number"] },
  { name: "a date typed where a count belongs", values: { "bm1:1": "15/03/2023" }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "a boolean where a count belongs", values: { "bm1:1": true }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "#DIV/0! from a formula", values: { "bm1:1": { error: "#DIV/0!" } }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "#REF! from a formula", values: { "bm1:1": { error: "#REF!" } }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "#REF! typed as text", values: { "bm1:1": "#REF!" }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "NaN from a host", values: { "bm1:1": NaN }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "Infinity from a host", values: { "bm1:1": Infinity }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "words where a count belongs", values: { "bm1:1": "khoảng 10 văn bản" }, target: "bm1:1", rules: ["not-a-number"] },
  { name: "percent above 100", values: { "bm1:2": 150 }, target: "bm1:2", rules: ["percent-out-of-range"] },
  { name: "percent above 100 typed \"150%\"", values: { "bm1:2": "150%" }, target: "bm1:2", rules: ["percent-out-of-range", "text-number"] },
  { name: "negative percent", values: { "bm1:2": -5 }, target: "bm1:2", rules: ["percent-out-of-range"] },
  // 9 of 10 tasks done is 90 %; "0,9" is the fraction, flagged by the ratio rule
  { name: "\"0,9\" for 90 %", values: { "bm1:2": "0,9", "bm1:2.1": 10, "bm1:2.2": 9 }, target: "bm1:2", rules: ["ratio-mismatch", "text-number"] },
  { name: "0.9 for 90 %", values: { "bm1:2": 0.9, "bm1:2.1": 10, "bm1:2.2": 9 }, target: "bm1:2", rules: ["ratio-mismatch"] },
  { name: "ratio that does not match its parts", values: { "bm1:2": 50, "bm1:2.1": 10, "bm1:2.2": 9 }, target: "bm1:2", rules: ["ratio-mismatch"] },
  { name: "ratio over a zero denominator", values: { "bm1:2": 50, "bm1:2.1": 0, "bm1:2.2": 0 }, target: "bm1:2", rules: ["zero-denominator"] },
  { name: "part above its whole", values: { "bm1:2.1": 5, "bm1:2.2": 9 }, target: "bm1:2.2", rules: ["part-exceeds-whole"] },
  { name: "enum code outside the list", values: { "bm1:6": 5 }, target: "bm1:6", rules: ["enum-invalid"] },
  { name: "decimal enum code", values: { "bm1:6": 0.5 }, target: "bm1:6", rules: ["enum-invalid"] },
  { name: "very large number in a total", values: { "bm2:1": 1e20, "bm2:1.1": 1, "bm2:1.2": 2, "bm2:1.3": 3 }, target: "bm2:1", rules: ["sum-mismatch"], not: ["not-a-number"] },
];

describe("bad figures end in the right rule on the right cell", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const { findings } = check(c.values);
    const rules = rulesOn(findings, c.target);
    for (const r of c.rules) expect(rules).toContain(r);
    for (const r of c.not ?? []) expect(rules).not.toContain(r);
    for (const f of findings.filter((x) => x.indicator === c.target)) expectWellFormed(f, c.target);
  });

  test("the untouched form carries no error (the cases above are caused by the figures)", () => {
    const { findings } = check({});
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a very large total is shown in Vietnamese notation, not as 1e+20", () => {
    const { findings } = check({ "bm2:1": 1e20, "bm2:1.1": 1, "bm2:1.2": 2, "bm2:1.3": 3 });
    const f = findings.find((x) => x.indicator === "bm2:1" && x.rule === "sum-mismatch")!;
    expect(findingMessage(f)).toContain("100" + ".000".repeat(6));
    expect(findingMessage(f)).not.toMatch(/e\+/i);
  });

  test("the figure read from \"0,9\", \"1 946\" and \"１２３\" is the number the user meant", () => {
    const grids = BASE.map(cloneGrid);
    setValue(grids[0], "bm1:2", "0,9");
    setValue(grids[0], "bm1:1", `1${NBSP}946`);
    setValue(grids[0], "bm1:2.1", "\uff11\uff12\uff13");
    const r = readReport(grids);
    expect(r.entries.get("bm1:2")?.value.number).toBeCloseTo(0.9, 12);
    expect(r.entries.get("bm1:1")?.value.number).toBe(1946);
    expect(r.entries.get("bm1:2.1")?.value.number).toBe(123);
  });
});

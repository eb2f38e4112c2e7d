/**
 * Every finding the engine can make is worded (issue 9, "messages at the edge"): the engine says what it found as
 * data (`rule`, `args`), src/i18n/findings.ts turns it into Vietnamese. A rule id of the engine or the catalog
 * without words, or a finding whose key its rule does not list, fails here.
 */
import { LEVELS, VERSION_IDS } from "../../src/catalog";
import { check } from "../../src/app/check-session";
import { readReport } from "../../src/engine/reader";
import { rulesFor } from "../../src/engine/rules";
import { RULE_IDS } from "../../src/engine/types";
import type { FindingArgs } from "../../src/engine/messages";
import { validate } from "../../src/engine/validate";
import { findingMessage, RULE_WORDS } from "../../src/i18n/findings";
import { seedGrids } from "../engine/seed-grids";

const VI = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const Q3: FindingArgs & { key: "jump" } = {
  key: "jump",
  code: "1.1",
  cur: "12",
  prev: "3",
  current: { kind: "N", year: 2023 },
  earlier: { kind: "Q3", year: 2023 },
  file: "q3.xlsx",
};

/** One example of every wording; the mapped type makes TypeScript demand a sample for every key of the engine. */
const SAMPLES: { [K in FindingArgs["key"]]: FindingArgs & { key: K } } = {
  ratioMismatch: {
    key: "ratioMismatch",
    actual: "90",
    expected: "96,56",
    numCode: "1.1",
    num: "28",
    denCode: "1",
    den: "29",
  },
  ratioAsFraction: { key: "ratioAsFraction", actual: "0,97", expected: "96,56" },
  zeroDenominator: { key: "zeroDenominator", actual: "50", denCode: "1" },
  sumMismatch: { key: "sumMismatch", actual: "157", expected: "139", codes: "1.1 + 1.2" },
  partExceedsWhole: { key: "partExceedsWhole", actual: "157", wholeCode: "1", whole: "139" },
  wholeBelowParts: { key: "wholeBelowParts", actual: "10", codes: "1.1 + 1.2", parts: "12" },
  notANumber: { key: "notANumber", text: "khoảng 200" },
  excelError: { key: "excelError", text: "#REF!" },
  textNumber: { key: "textNumber", text: "1.946", n: "1.946" },
  negative: { key: "negative", actual: "-3" },
  notInteger: { key: "notInteger", actual: "2,5" },
  percentOutOfRange: { key: "percentOutOfRange", actual: "130" },
  enumInvalid: { key: "enumInvalid", actual: "7", allowed: "Có = 1; Không = 0" },
  missing: { key: "missing" },
  commaThousands: { key: "commaThousands", text: "3,222", n: "3.222" },
  wordRead: { key: "wordRead", text: "x", label: "Có", code: "1" },
  zeroWord: { key: "zeroWord", text: "Không phát sinh" },
  moneyUnit: { key: "moneyUnit", text: "2 tỷ đồng", n: "2.000" },
  valueColumn: { key: "valueColumn", col: "D", header: "Số liệu", others: ["Kỳ trước"] },
  mergedCell: { key: "mergedCell", range: "D4:D5" },
  checkFailed: { key: "checkFailed", code: "1.4.3", check: "part-exceeds-whole" },
  rulesFailed: { key: "rulesFailed" },
  readFailed: { key: "readFailed" },
  flowDecrease: { ...Q3, key: "flowDecrease" },
  cumulativeDecrease: { ...Q3, key: "cumulativeDecrease" },
  jump: Q3,
  swing: { ...Q3, key: "swing", lastYear: false, diff: "25" },
  previousSum: {
    key: "previousSum",
    code: "1.1",
    cur: "10",
    half: "6",
    q3: "7",
    both: "13",
    halfFile: "6t.xlsx",
    q3File: "q3.xlsx",
    year: 2023,
  },
  previousSkipped: { key: "previousSkipped", n: 3, file: "q3.xlsx", earlier: { kind: "Q3", year: 2023 } },
};

/** Every rule id there is: the engine's list and the rules the catalog's relations make, for every edition. */
const ruleIds = new Set<string>([
  ...RULE_IDS,
  ...LEVELS.flatMap((l) => VERSION_IDS.flatMap((v) => rulesFor(l, v).map((r) => r.rule))),
]);

test.each([...ruleIds])("rule %s has its words, and each is a Vietnamese sentence", (rule) => {
  const keys = RULE_WORDS[rule];
  expect([rule, keys?.length ?? 0]).toEqual([rule, expect.any(Number)]);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const m = findingMessage({ args: SAMPLES[key] });
    expect(m).toMatch(VI);
    expect(m).not.toMatch(/undefined|NaN|\[object/);
  }
});

test("every wording belongs to a rule", () => {
  const listed = new Set(Object.values(RULE_WORDS).flat());
  expect(Object.keys(SAMPLES).filter((k) => !listed.has(k as FindingArgs["key"]))).toEqual([]);
});

test("the figures and codes of a finding appear in its words", () => {
  expect(findingMessage({ args: SAMPLES.ratioMismatch })).toBe(
    "Tỷ lệ ghi 90% nhưng tính từ chỉ tiêu 1.1 và 1 (28/29) phải là 96,56%."
  );
  expect(findingMessage({ args: SAMPLES.jump })).toBe(
    "Chỉ tiêu 1.1 thay đổi bất thường: 3 ở Quý III năm 2023 (tệp q3.xlsx) thành 12 ở Năm 2023; kiểm tra lại."
  );
  expect(findingMessage({ args: SAMPLES.checkFailed })).toContain("(quy tắc thành phần không vượt quá tổng)");
});

test("the findings the engine makes on real reports carry a key of their rule, and check() words them", () => {
  const seen = new Set<string>();
  for (const seed of ["000", "002", "004"] as const) {
    const grids = seedGrids(seed, "sheet-per-form");
    for (const f of validate(readReport(grids))) {
      expect([f.rule, RULE_WORDS[f.rule]?.includes(f.args.key)]).toEqual([f.rule, true]);
      seen.add(f.rule);
    }
    for (const f of check(grids, {}).findings) expect(f.message).toBe(findingMessage(f));
  }
  expect(seen.size).toBeGreaterThan(2);
});

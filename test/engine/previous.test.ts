/**
 * A report checked against the same unit's earlier reports (src/engine/previous.ts): a year report against
 * its 6-month and Q3 reports, on add-in-made and on hand-made files. Figures come from the catalog's
 * relations (consistentFigures), so the reports agree with themselves; slips are planted on top.
 */
import { catalog, formRows, isValueRow, labelFor, Level, printedCode } from "../../src/catalog";
import { checkNatureFile, natureFile, natureOf } from "../../src/catalog/nature";
import natureRaw from "../../src/catalog/nature.json";
import { parsePeriod } from "../../src/engine/period";
import { compareWithEarlier } from "../../src/engine/previous";
import { readReport } from "../../src/engine/reader";
import type { GridSheet, Report } from "../../src/engine/types";
import { addinReport } from "../consolidate/helpers";
import { consistentFigures } from "../support/figures";
import { findingMessage, refusalMessage } from "../../src/i18n/findings";

const V = "v2022-muc-do";
const UNIT = "UBND xã Tân Lập";

function figures(
  level: Level,
  base: number,
  override: Record<string, number | string> = {}
): Record<string, number | string> {
  const f: Record<string, number | string> = Object.fromEntries(consistentFigures(level, V, base));
  return { ...f, ...override };
}

function addin(period: string, values: Record<string, number | string>, unit = UNIT, level: Level = "xa"): Report {
  return addinReport(level, V, parsePeriod(period)!, unit, values);
}

/**
 * A later report of the same year that agrees with an earlier one: flows grow by `added` (a window that
 * contains the earlier one; `added` alone for a disjoint one), stocks and cumulative figures stay, rates
 * follow their parts (the add-in's formulas) and are left out, enums stay.
 */
function later(
  earlier: Record<string, number | string>,
  added: Record<string, number | string> | undefined,
  nested: boolean
) {
  const out: Record<string, number | string> = {};
  for (const [id, v] of Object.entries(earlier)) {
    const nat = natureOf(id)?.nature;
    if (nat === "ratio") continue;
    if (nat === "flow" && added) out[id] = (nested ? (v as number) : 0) + (added[id] as number);
    else out[id] = v;
  }
  return out;
}

const rulesOf = (r: { findings: { rule: string; indicator: string; severity: string }[] }) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.indicator}`)
    .sort();

describe("nature over time, as data", () => {
  test("every value row has one nature, sections none, and the check refuses a gap", () => {
    const values = catalog.indicators.filter(isValueRow);
    for (const i of values) expect(natureOf(i.id)).toBeDefined();
    expect(Object.keys(natureFile().rows)).toHaveLength(values.length);
    const broken = JSON.parse(JSON.stringify(natureRaw));
    delete broken.rows["bm3:3.3.1"];
    expect(() => checkNatureFile(broken)).toThrow(/bm3:3.3.1 has no nature/);
    const wrong = JSON.parse(JSON.stringify(natureRaw));
    wrong.rows["bm3:3.3"] = { nature: "flow" };
    expect(() => checkNatureFile(wrong)).toThrow(/percent/);
  });
});

describe("a year report against its 6-month and Q3 reports (add-in-made)", () => {
  const half = later(figures("xa", 20), undefined, true);
  const q3 = later(half, figures("xa", 10), false);
  const yearOk = later(half, figures("xa", 10), true);

  test("rows that agree raise nothing", () => {
    const r = compareWithEarlier(addin("N-2023", yearOk), [
      { file: "6t.xlsx", report: addin("6T-2023", half) },
      { file: "q3.xlsx", report: addin("Q3-2023", q3) },
    ]);
    expect(r.comparisons.map((c) => c.used)).toEqual([true, true]);
    expect(rulesOf(r)).toEqual([]);
  });

  test("planted slips are found at their rows: a flow below 6 tháng + quý III, a cumulative that fell, a stock that doubled", () => {
    const slips = {
      ...yearOk,
      "bm3:3.3.1": (half["bm3:3.3.1"] as number) + (q3["bm3:3.3.1"] as number) - 5,
      "bm1:2.2": (half["bm1:2.2"] as number) - 1,
      "bm4:2.2": (half["bm4:2.2"] as number) * 2 + 10,
    };
    const r = compareWithEarlier(addin("N-2023", slips), [
      { file: "6t.xlsx", report: addin("6T-2023", half) },
      { file: "q3.xlsx", report: addin("Q3-2023", q3) },
    ]);
    expect(rulesOf(r)).toEqual(["previous-decrease bm1:2.2", "previous-jump bm4:2.2", "previous-sum bm3:3.3.1"].sort());
    const sum = r.findings.find((f) => f.rule === "previous-sum")!;
    expect(sum.severity).toBe("error");
    expect(findingMessage(sum)).toContain("6t.xlsx");
    expect(findingMessage(sum)).toContain("q3.xlsx");
    expect(sum.cell).toMatch(/^D\d+$/);
    expect(sum.expected).toBe((half["bm3:3.3.1"] as number) + (q3["bm3:3.3.1"] as number));
    const jump = r.findings.find((f) => f.rule === "previous-jump")!;
    expect(jump.severity).toBe("warning");
    // a stock is compared with the latest earlier report of the year, here quý III
    expect(findingMessage(jump)).toContain("Quý III năm 2023");
    expect(findingMessage(jump)).toContain("q3.xlsx");
    expect(findingMessage(jump)).toContain("Năm 2023");
  });

  test("a flow smaller than the 6-month figure it contains is an error; quý III alone (disjoint) is not compared that way", () => {
    const year = { ...yearOk, "bm1:1": (half["bm1:1"] as number) - 3 };
    const r = compareWithEarlier(addin("N-2023", year), [{ file: "6t.xlsx", report: addin("6T-2023", half) }]);
    expect(rulesOf(r)).toEqual(["previous-decrease bm1:1"]);
    // 6 tháng vs quý III: disjoint windows, a smaller flow is normal
    const r2 = compareWithEarlier(addin("Q3-2023", q3), [{ file: "6t.xlsx", report: addin("6T-2023", half) }]);
    expect(rulesOf(r2).filter((x) => x.startsWith("previous-decrease"))).toEqual([]);
  });

  test("a blank is never read as zero: the row is skipped and the list says so once", () => {
    const year = { ...yearOk };
    delete year["bm3:3.3.1"];
    const earlier = { ...half };
    delete earlier["bm1:1"];
    const r = compareWithEarlier(addin("N-2023", year), [{ file: "6t.xlsx", report: addin("6T-2023", earlier) }]);
    expect(rulesOf(r)).toEqual([]);
    const skipped = r.findings.filter((f) => f.rule === "previous-skipped");
    expect(skipped).toHaveLength(1);
    expect(findingMessage(skipped[0])).toMatch(/^\d+ chỉ tiêu/);
    expect(findingMessage(skipped[0])).toContain("không được coi là số 0");
  });

  test("a rate moving by more than 20 points in one year is a warning; against last year's same period, info", () => {
    const base = later(figures("xa", 20), undefined, true);
    const low = { ...base, "bm4:1.2": 40 };
    const high = { ...later(base, figures("xa", 5), true), "bm4:1.2": 95 };
    const r = compareWithEarlier(addin("6T-2023", high), [{ file: "q1.xlsx", report: addin("Q1-2023", low) }]);
    expect(r.findings.filter((f) => f.rule === "previous-swing").map((f) => [f.indicator, f.severity])).toEqual([
      ["bm4:1.2", "warning"],
    ]);
    const r2 = compareWithEarlier(addin("6T-2023", high), [{ file: "6t-2022.xlsx", report: addin("6T-2022", low) }]);
    expect(r2.comparisons[0].used).toBe(true);
    expect(r2.findings.filter((f) => f.rule === "previous-swing").map((f) => [f.indicator, f.severity])).toEqual([
      ["bm4:1.2", "info"],
    ]);
    // last year's same period: flows are not compared (another window)
    expect(rulesOf(r2).filter((x) => !x.startsWith("previous-swing"))).toEqual([]);
  });

  test("files that cannot be compared are refused with the reason", () => {
    const cur = addin("6T-2023", later(half, figures("xa", 3), true));
    const r = compareWithEarlier(cur, [
      { file: "khac.xlsx", report: addin("Q1-2023", half, "UBND xã Hòa Bình") },
      { file: "cung-ky.xlsx", report: addin("6T-2023", half) },
      { file: "sau.xlsx", report: addin("N-2023", half) },
      { file: "huyen.xlsx", report: addin("Q1-2023", figures("huyen", 20), UNIT, "huyen") },
      { file: "2021.xlsx", report: addin("Q1-2021", half) },
      { file: "dung.xlsx", report: addin("Q1-2023", half, "Ủy ban nhân dân xã TÂN LẬP") },
    ]);
    expect(r.comparisons.map((c) => [c.file, c.used, c.reason ?? null])).toEqual([
      ["khac.xlsx", false, "other-unit"],
      ["cung-ky.xlsx", false, "same-period"],
      ["sau.xlsx", false, "later-period"],
      ["huyen.xlsx", false, "other-level"],
      ["2021.xlsx", false, "other-year"],
      ["dung.xlsx", true, null],
    ]);
    expect(refusalMessage(r.comparisons[0])).toContain("UBND xã Hòa Bình");
    expect(refusalMessage(r.comparisons[2])).toContain("Năm 2023");
  });
});

describe("hand-made files", () => {
  /** Biểu mẫu 3 of a commune typed by hand, with the appendix line naming the unit and the period title. */
  function handmade(periodTitle: string, values: Record<string, number | string>): Report {
    const rows: (string | number | null)[][] = [
      ["(Kèm theo Báo cáo số 12/BC-UBND của UBND xã Tân Lập)", null, null, null],
      [`THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH ${periodTitle}`, null, null, null],
      ["Biểu mẫu 3", null, null, null],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
    ];
    for (const i of formRows(3, "xa", V))
      rows.push([printedCode(i, "xa"), labelFor(i, "xa"), i.unit, (values[i.id] as number | undefined) ?? null]);
    const sheet: GridSheet = { name: "Sheet1", values: rows };
    return readReport([sheet]);
  }

  test("a year report typed by hand against its hand-made 6-month and Q3 reports", () => {
    const half = later(figures("xa", 20), undefined, true);
    const q3 = later(half, figures("xa", 10), false);
    const year = later(half, figures("xa", 10), true);
    year["bm3:3.3.2"] = (half["bm3:3.3.2"] as number) + (q3["bm3:3.3.2"] as number) - 1;
    const cur = handmade("NĂM 2023", year);
    expect(cur.meta.period).toEqual({ kind: "N", year: 2023 });
    expect(cur.meta.unit).toBe("UBND xã Tân Lập");
    const r = compareWithEarlier(cur, [
      { file: "6t.xlsx", report: handmade("6 THÁNG ĐẦU NĂM 2023", half) },
      { file: "q3.xlsx", report: handmade("QUÝ III NĂM 2023", q3) },
    ]);
    expect(r.comparisons.map((c) => c.used)).toEqual([true, true]);
    expect(rulesOf(r)).toEqual(["previous-sum bm3:3.3.2"]);
  });
});

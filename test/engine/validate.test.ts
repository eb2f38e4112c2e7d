import { readReport } from "../../src/engine/reader";
import { rulesFor } from "../../src/engine/rules";
import { countFindings, validate } from "../../src/engine/validate";
import type { Finding, GridValue } from "../../src/engine/types";
import { formRows, relationsIn } from "../../src/catalog";
import { SEED_FIGURES } from "../fixtures/seeds/figures";
import { seedGrids } from "./seed-grids";
import { findingMessage } from "../../src/i18n/findings";

function seedValue(seed: "000" | "002" | "004", form: number, code: string): number {
  const f = SEED_FIGURES[seed].find((x) => x.form === form && x.printedCode === code)!;
  return Number(f.value.replace(/\./g, "").replace(",", ".").replace("%", ""));
}

/** A one-form hand-made sheet: rows of [STT, label, value]. */
function form(n: number, rows: [string, string, GridValue][], opts: { settingsLevel?: string } = {}) {
  const values: GridValue[][] = [[`Biểu mẫu ${n}`], ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"]];
  for (const [c, l, v] of rows) values.push([c, l, null, v]);
  const settings = opts.settingsLevel ? { settings: JSON.stringify({ level: opts.settingsLevel, version: "v2022-muc-do" }) } : undefined;
  return validate(readReport([{ name: "Sheet1", values }], { settings }));
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe("validate: acceptance on the seeds", () => {
  test("002 Biểu mẫu 1: 2 = 100 while 2.2 = 5 of 2.1 = 41 -> ratio-mismatch expecting 12,20", () => {
    const fs = validate(readReport(seedGrids("002", "sheet-per-form")));
    const num = seedValue("002", 1, "2.2.");
    const den = seedValue("002", 1, "2.1.");
    const exact = (num / den) * 100; // 12.195...
    const f = fs.find((x) => x.form === 1 && x.code === "2" && x.rule === "ratio-mismatch")!;
    expect(f).toBeDefined();
    expect(f.severity).toBe("error");
    expect(f.indicator).toBe("bm1:2");
    expect(f.expected).toBeCloseTo(Math.round(exact * 100) / 100, 10);
    expect(f.actual).toBe(seedValue("002", 1, "2."));
    expect(findingMessage(f)).toContain("12,20");
    expect(findingMessage(f)).toContain("100");
    expect(f.sheet).toBe("Biểu mẫu 1");
    expect(f.cell).toMatch(/^D\d+$/);
  });

  test("004 Biểu mẫu 3: 1.4.3 = 157 above its total 1.4 = 139", () => {
    const fs = validate(readReport(seedGrids("004", "one-sheet")));
    const f = fs.find((x) => x.form === 3 && x.code === "1.4.3" && x.rule === "part-exceeds-whole")!;
    expect(f).toBeDefined();
    expect(f.severity).toBe("error");
    expect(f.actual).toBe(157);
    expect(f.expected).toBe(139);
    expect(findingMessage(f)).toContain("157");
    expect(findingMessage(f)).toContain("139");
    // the total row sees it as a broken sum
    const s = fs.find((x) => x.form === 3 && x.code === "1.4" && x.rule === "sum-mismatch")!;
    expect(s).toMatchObject({ expected: 157, actual: 139, severity: "error" });
  });

  test("000: no error on rows whose arithmetic holds", () => {
    const fs = validate(readReport(seedGrids("000", "one-sheet")));
    // 1.946 = 1.558 + 256 + 132 and 96,56 = 41.192 / 42.660
    expect(seedValue("000", 3, "1.4.")).toBe(seedValue("000", 3, "1.4.1.") + seedValue("000", 3, "1.4.2.") + seedValue("000", 3, "1.4.3."));
    const bad = fs.filter((f) => f.severity === "error" && f.form === 3);
    expect(bad).toEqual([]);
    for (const code of ["1.4", "1.4.1", "1.4.2", "1.4.3", "3.1", "3.2", "3.3", "3.4"]) {
      expect(fs.filter((f) => f.code === code && f.form === 3 && f.severity === "error")).toEqual([]);
    }
    // the one real slip of the seed: 7/6.3 says 100% where 1.297/1.341 gives 96,72%
    const errors = fs.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.form}/${f.code}/${f.rule}`)).toEqual(["7/6.3/ratio-mismatch"]);
  });

  test("the same findings whatever the layout", () => {
    for (const seed of ["000", "002", "004"] as const) {
      const a = validate(readReport(seedGrids(seed, "one-sheet"))).map((f) => `${f.form}/${f.code}/${f.rule}/${f.severity}`);
      const b = validate(readReport(seedGrids(seed, "sheet-per-form"))).map((f) => `${f.form}/${f.code}/${f.rule}/${f.severity}`);
      expect(b).toEqual(a);
    }
  });
});

describe("validate: type rules", () => {
  test("count: negative and not an integer", () => {
    const fs = form(1, [
      ["2.1.", "Số nhiệm vụ đề ra trong kế hoạch", -3],
      ["2.2.", "Số nhiệm vụ đã hoàn thành", 2.5],
    ]);
    expect(only(fs, "negative")[0]).toMatchObject({ code: "2.1", severity: "error", actual: -3, expected: 0 });
    expect(findingMessage(only(fs, "negative")[0])).toContain("-3");
    expect(only(fs, "not-integer")[0]).toMatchObject({ code: "2.2", severity: "error", actual: 2.5 });
    expect(findingMessage(only(fs, "not-integer")[0])).toContain("2,5");
  });

  test("percent out of range, enum codes, text where a number belongs, Excel errors", () => {
    const fs = form(1, [
      ["3.3.", "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra", 130],
      ["6.", "Khảo sát sự hài lòng của người dân, tổ chức", 3],
      ["6.1.", "Số lượng phiếu khảo sát", "khoảng 200 phiếu"],
      ["6.2.", "Hình thức khảo sát", { error: "#REF!" }],
    ]);
    expect(only(fs, "percent-out-of-range")[0]).toMatchObject({ code: "3.3", actual: 130, expected: 100 });
    expect(findingMessage(only(fs, "percent-out-of-range")[0])).toContain("130");
    expect(only(fs, "enum-invalid")[0]).toMatchObject({ code: "6", actual: 3, severity: "error" });
    const nan = only(fs, "not-a-number");
    expect(nan.map((f) => f.code)).toEqual(["6.1", "6.2"]);
    expect(findingMessage(nan[0])).toContain("khoảng 200 phiếu");
    expect(findingMessage(nan[1])).toContain("#REF!");
  });

  test("numbers typed as text warn; blanks warn as missing; not applicable is fine", () => {
    const fs = form(1, [
      ["1.", "Số văn bản chỉ đạo CCHC đã ban hành", "1.234"],
      ["2.1.", "Số nhiệm vụ đề ra trong kế hoạch", null],
      ["2.2.", "Số nhiệm vụ đã hoàn thành", "-"],
    ]);
    expect(only(fs, "text-number")[0]).toMatchObject({ code: "1", severity: "warning", expected: 1234, actual: "1.234" });
    expect(only(fs, "missing").map((f) => f.code)).toEqual(["2.1"]);
    expect(only(fs, "missing")[0].severity).toBe("warning");
    expect(fs.filter((f) => f.code === "2.2")).toEqual([]);
  });
});

describe("validate: relations", () => {
  test("ratio: agrees within 0,01 of the half-up rounded value; missing parts skip", () => {
    // 3523 / 4000 = 88,075% -> 88,08
    const ok = form(6, [
      ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", 88.08],
      ["1.1.", "Kế hoạch được giao", 4000],
      ["1.2.", "Đã thực hiện", 3523],
    ]);
    expect(only(ok, "ratio-mismatch")).toEqual([]);
    const off = form(6, [
      ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", 88.06],
      ["1.1.", "Kế hoạch được giao", 4000],
      ["1.2.", "Đã thực hiện", 3523],
    ]);
    expect(only(off, "ratio-mismatch")[0]).toMatchObject({ expected: 88.08, actual: 88.06 });
    const skip = form(6, [
      ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", 50],
      ["1.1.", "Kế hoạch được giao", 4000],
      ["1.2.", "Đã thực hiện", null],
    ]);
    expect(only(skip, "ratio-mismatch")).toEqual([]);
    const na = form(6, [
      ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", 50],
      ["1.1.", "Kế hoạch được giao", "-"],
      ["1.2.", "Đã thực hiện", 3],
    ]);
    expect(only(na, "ratio-mismatch")).toEqual([]);
  });

  test("a fraction written where a percentage belongs is a warning that says so", () => {
    const fs = form(6, [
      ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", 0.8808],
      ["1.1.", "Kế hoạch được giao", 4000],
      ["1.2.", "Đã thực hiện", 3523],
    ]);
    const f = only(fs, "ratio-mismatch")[0];
    expect(f.severity).toBe("warning");
    expect(findingMessage(f)).toContain("88,08");
  });

  test("zero denominator with a filled ratio", () => {
    const fs = form(1, [
      ["3.3.", "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra", "100%"],
      ["3.3.1.", "Số vấn đề phát hiện qua kiểm tra", 0],
      ["3.3.2.", "Số vấn đề phát hiện đã xử lý xong", 0],
    ]);
    expect(only(fs, "zero-denominator")[0]).toMatchObject({ code: "3.3", actual: 100, severity: "warning" });
    expect(only(fs, "ratio-mismatch")).toEqual([]);
  });

  test("weak sums are warnings; atLeastSumOf checks the parts present", () => {
    const weak = form(5, [
      ["4.", "Số lượng cán bộ, công chức, viên chức bị kỷ luật (cả về Đảng và chính quyền).", 1],
      ["4.1.", "Số lãnh đạo cấp tỉnh bị kỷ luật.", 1],
      ["4.2.", "Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật.", 1],
      ["4.3.", "Số lãnh đạo cấp phòng thuộc sở, ngành và UBND cấp huyện bị kỷ luật.", 0],
      ["4.4.", "Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật.", 0],
    ], { settingsLevel: "tinh" });
    const s = only(weak, "sum-mismatch")[0];
    expect(s).toMatchObject({ code: "4", severity: "warning", expected: 2, actual: 1 });
    const tasks = form(1, [
      ["5.1.", "Tổng số nhiệm vụ được giao", 10],
      ["5.2.", "Số nhiệm vụ đã hoàn thành đúng hạn", 8],
      ["5.3.", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", 4],
      ["5.4.", "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", null],
    ], { settingsLevel: "tinh" });
    const p = only(tasks, "part-exceeds-whole")[0];
    expect(p).toMatchObject({ code: "5.1", expected: 12, actual: 10, severity: "error" });
  });

  test("rules are data derived from the catalog, one set per edition", () => {
    const rules = rulesFor("xa", "v2022-muc-do");
    expect(rulesFor("xa", "v2022-muc-do")).toBe(rules);
    const sum = rules.find((r) => r.id === "sum:bm3:1.4")!;
    // at commune level only 1.4.3 remains of 1.4 = 1.4.1 + 1.4.2 + 1.4.3
    expect(sum).toMatchObject({ rule: "sum-mismatch", operator: "==", left: ["bm3:1.4"], right: ["bm3:1.4.3"], missingStrategy: "skip-if-any-missing" });
    // every ratio of the edition has a rule
    for (let f = 1; f <= 7; f++)
      for (const i of formRows(f, "tinh", "v2022-muc-do")) {
        if (relationsIn(i, "tinh", "v2022-muc-do").ratio) expect(rulesFor("tinh", "v2022-muc-do").some((r) => r.id === `ratio:${i.id}`)).toBe(true);
      }
  });

  test("sorted by form, then row, errors first within a row", () => {
    const fs = validate(readReport(seedGrids("004", "one-sheet", { values: { "3:1.4.3.": "157,5", "1:2.1.": -1 } })));
    for (let k = 1; k < fs.length; k++) {
      const a = fs[k - 1];
      const b = fs[k];
      expect(a.form <= b.form).toBe(true);
      if (a.form === b.form && a.cell === b.cell && a.severity !== b.severity) expect(a.severity).toBe("error");
    }
    const row = fs.filter((f) => f.form === 3 && f.code === "1.4.3");
    expect(row.length).toBeGreaterThan(1);
    expect(row[0].severity).toBe("error");
    expect(row[row.length - 1].rule).toBe("text-number");
    expect(countFindings(fs).errors).toBeGreaterThan(0);
  });

  test("never throws", () => {
    expect(() => validate({ meta: { source: "handmade" }, forms: [], entries: new Map(), unplaced: [] })).not.toThrow();
    expect(() => validate({ meta: { source: "handmade", level: "xa" }, forms: [9], entries: new Map([["bm1:1", { indicatorId: "bm1:1", value: { state: "value", raw: 1 } }]]), unplaced: [] })).not.toThrow();
  });
});

/**
 * Figures in running text as people type them, and what is not a figure (dates, document numbers,
 * years, "mức độ 3, 4", footnote marks glued to words).
 */
import { findFigures } from "../../src/text/figures";

const one = (s: string) => {
  const f = findFigures(s, 1);
  expect(f).toHaveLength(1);
  return f[0];
};

describe("Vietnamese numbers in text", () => {
  test.each([
    ["đã giải quyết 1.946 TTHC", 1946, "count", 0, "tthc"],
    ["chiếm tỷ lệ 96,56%", 96.56, "percent", 2, ""],
    ["đạt 99,75 %", 99.75, "percent", 2, ""],
    ["đã xử lý: 143 đạt 52.20%", 52.2, "percent", 2, ""],
    ["ban hành 01 văn bản", 1, "count", 0, "văn bản"],
    ["đạt 3,1% so với kế hoạch", 3.1, "percent", 1, ""],
    ["tổng số 166.447 hồ sơ", 166447, "count", 0, "hồ sơ"],
  ])("%s", (text, value, kind, decimals, unit) => {
    const f = findFigures(text, 1).filter((x) => x.value === value);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ value, kind, decimals, unit });
  });

  test("fractions keep both parts", () => {
    expect(one("hoàn thành 12/56 nhiệm vụ")).toMatchObject({ kind: "fraction", value: 12, den: 56, unit: "nhiệm vụ" });
    expect(one("trước hạn 3.147/3.225 hồ sơ")).toMatchObject({
      kind: "fraction",
      value: 3147,
      den: 3225,
      unit: "hồ sơ",
    });
  });

  test("money is read in triệu đồng, with what was written kept", () => {
    expect(one("giải ngân: 3.523.681.000 đồng")).toMatchObject({
      kind: "money",
      value: 3523.681,
      money: { dong: 3523681000, unit: "đồng" },
    });
    expect(one("là 676.847 triệu đồng")).toMatchObject({ kind: "money", value: 676847 });
    const t = one("thu trên 10,9 tỷ đồng");
    expect(t).toMatchObject({ kind: "money", value: 10900, approx: true });
  });

  test("a rate in brackets after a count is its own figure", () => {
    const f = findFigures("trả trước và đúng hạn 166.369 hồ sơ (tỷ lệ 99,95%)", 1);
    expect(f.map((x) => [x.value, x.kind])).toEqual([
      [166369, "count"],
      [99.95, "percent"],
    ]);
  });

  test.each([
    "ngày 15/12/2022",
    "Kế hoạch số 44/KH-UBND",
    "Nghị định số 34/2016/NĐ-CP",
    "năm 2023",
    "giai đoạn 2022-2025",
    "trên địa bàn tỉnh11.",
    "mức độ 3,4",
    "mức độ 3 và 4",
    "ISO 9001:2015",
    "dòng 3.3.2",
  ])("not a figure: %s", (text) => {
    expect(findFigures(text, 1)).toEqual([]);
  });
});

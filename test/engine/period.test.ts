import { findPeriod, lateness, parsePeriod, periodCode, periodWindow } from "../../src/engine/period";
import { periodLabel } from "../../src/i18n/findings";
import { periodHeaderText } from "../../src/spec/layout";

describe("periods (Công văn 581/BNV-CCHC)", () => {
  test.each([
    ["Q1-2023", "Q1", 2023],
    ["6T-2023", "6T", 2023],
    ["Q3-2024", "Q3", 2024],
    ["N-2023", "N", 2023],
    ["quý I 2023", "Q1", 2023],
    ["Quý I/2023", "Q1", 2023],
    ["Quý I năm 2023", "Q1", 2023],
    ["quý III năm 2023", "Q3", 2023],
    ["6 tháng đầu năm 2023", "6T", 2023],
    ["06 THÁNG ĐẦU NĂM 2023", "6T", 2023],
    ["năm 2023", "N", 2023],
    ["Năm 2023", "N", 2023],
  ])("%s", (text, kind, year) => {
    expect(parsePeriod(text)).toEqual({ kind, year });
  });

  test("rejects what is not a period of the system", () => {
    expect(parsePeriod("Q2-2023")).toBeUndefined();
    expect(parsePeriod("quý II năm 2023")).toBeUndefined();
    expect(parsePeriod("9 tháng đầu năm 2023")).toBeUndefined();
    expect(parsePeriod("")).toBeUndefined();
    expect(parsePeriod(42 as unknown as string)).toBeUndefined();
    expect(parsePeriod("Q1-99999")).toBeUndefined();
  });

  test("finds the period inside a title line", () => {
    expect(findPeriod("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2023")).toEqual({ kind: "6T", year: 2023 });
    expect(findPeriod("Thông kê kết quả thực hiện công tác CHCC năm 2023")).toEqual({ kind: "N", year: 2023 });
  });

  test("code and label", () => {
    expect(periodCode({ kind: "6T", year: 2023 })).toBe("6T-2023");
    expect(periodLabel({ kind: "Q1", year: 2023 })).toBe("Quý I năm 2023");
    expect(periodLabel({ kind: "Q3", year: 2023 })).toBe("Quý III năm 2023");
    expect(periodLabel({ kind: "6T", year: 2023 })).toBe("6 tháng đầu năm 2023");
    expect(periodLabel({ kind: "N", year: 2023 })).toBe("Năm 2023");
    for (const code of ["Q1-2023", "6T-2023", "Q3-2023", "N-2023"]) {
      const p = parsePeriod(code)!;
      expect(periodCode(p)).toBe(code);
      expect(parsePeriod(periodLabel(p))).toEqual(p);
    }
  });

  test("windows and deadlines", () => {
    expect(periodWindow({ kind: "Q1", year: 2023 })).toEqual({ from: "2022-12-15", to: "2023-03-14", deadline: "2023-03-20" });
    expect(periodWindow({ kind: "6T", year: 2023 })).toEqual({ from: "2022-12-15", to: "2023-06-14", deadline: "2023-06-20" });
    expect(periodWindow({ kind: "Q3", year: 2023 })).toEqual({ from: "2023-06-15", to: "2023-09-14", deadline: "2023-09-20" });
    expect(periodWindow({ kind: "N", year: 2023 })).toEqual({ from: "2022-12-15", to: "2023-12-14", deadline: "2023-12-20" });
    expect(periodHeaderText({ kind: "Q1", year: 2023 })).toContain("15/12/2022");
    expect(periodHeaderText({ kind: "Q1", year: 2023 })).toContain("14/3/2023");
  });

  test("lateness", () => {
    // seed 000 was dated 16/3/2023 for Q1: on time
    expect(lateness({ kind: "Q1", year: 2023 }, "2023-03-16")).toEqual({ deadline: "2023-03-20", daysLate: 0, late: false });
    expect(lateness({ kind: "Q1", year: 2023 }, "23/3/2023")).toEqual({ deadline: "2023-03-20", daysLate: 3, late: true });
    expect(lateness({ kind: "N", year: 2023 }, "2024-01-02")?.daysLate).toBe(13);
    expect(lateness({ kind: "N", year: 2023 }, "hôm qua")).toBeUndefined();
  });
});

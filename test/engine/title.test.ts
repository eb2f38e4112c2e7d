/**
 * title.ts on its own: unit names written the usual way, labels, appendix and title lines, narrative text,
 * file names, print header/footer codes, periods of sheets, choice of the sheets of one period.
 */
import fc from "fast-check";
import {
  choosePeriodSheets,
  findUnit,
  headerFooterSections,
  isTitleLike,
  normalizeUnit,
  periodFromLines,
  sheetPeriod,
  unitFromFileName,
  unitFromLabel,
  unitFromTitle,
} from "../../src/engine/title";
import { findPeriod, periodHint } from "../../src/engine/period";
import type { GridSheet } from "../../src/engine/types";
import { formTable, row } from "./handmade-titles";

describe("normalizeUnit", () => {
  test.each([
    ["UBND XÃ TÂN LẬP", "UBND xã Tân Lập"],
    ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "UBND xã Tân Lập"],
    ["Ủy ban nhân dân phường Phú Cường", "UBND phường Phú Cường"],
    ["UBND THÀNH PHỐ THỦ DẦU MỘT", "UBND thành phố Thủ Dầu Một"],
    ["UBND THỊ XÃ BẾN CÁT", "UBND thị xã Bến Cát"],
    ["UBND PHƯỜNG 1", "UBND phường 1"],
    ["xã Tân Lập", "UBND xã Tân Lập"],
    ["UBND tỉnh", "UBND tỉnh"],
    ["SỞ NỘI VỤ", "Sở Nội vụ"],
    ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH BÌNH DƯƠNG", "Sở Tài nguyên và Môi trường tỉnh Bình Dương"],
    ["SỞ CÔNG THƯƠNG", "Sở Công Thương"],
    ["PHÒNG NỘI VỤ", "Phòng Nội vụ"],
    ["VĂN PHÒNG UBND TỈNH BÌNH DƯƠNG", "Văn phòng UBND tỉnh Bình Dương"],
    ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Ban Quản lý các khu công nghiệp"],
    ["Sở Nội vụ tỉnh Bình Dương", "Sở Nội vụ tỉnh Bình Dương"],
    ["UBND XÃ TÂN LẬP".normalize("NFD"), "UBND xã Tân Lập"],
  ])("%s -> %s", (raw, unit) => {
    expect(normalizeUnit(raw)).toBe(unit);
  });

  test.each([
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/BC-UBND",
    "UBND huyện Tân Châu về cải cách",
    "Ban hành kèm theo Báo cáo số 35",
    "Phòng chống tham nhũng",
    "Số liệu",
    "",
  ])("not a unit: %s", (t) => {
    expect(normalizeUnit(t)).toBeUndefined();
  });
});

describe("labels", () => {
  test("the name in the cell or the next one", () => {
    expect(unitFromLabel("Đơn vị báo cáo: UBND xã Tân Lập")).toEqual({
      unit: "UBND xã Tân Lập",
      raw: "UBND xã Tân Lập",
    });
    expect(unitFromLabel("Đơn vị báo cáo:", "Xã Tân Lập")).toEqual({ unit: "UBND xã Tân Lập", raw: "Xã Tân Lập" });
    expect(unitFromLabel("Tên đơn vị", "UBND XÃ TÂN LẬP")?.unit).toBe("UBND xã Tân Lập");
    expect(unitFromLabel("Đơn vị báo cáo: Công an tỉnh Bình Dương")?.unit).toBe("Công an tỉnh Bình Dương");
  });
  test("not the unit", () => {
    expect(unitFromLabel("Đơn vị tính: %")).toBeUndefined();
    expect(unitFromLabel("Đơn vị: người")).toBeUndefined();
    expect(unitFromLabel("Đơn vị nhận báo cáo: UBND huyện Tân Châu")).toBeUndefined();
    expect(unitFromLabel("Đơn vị báo cáo: ..............")).toBeUndefined();
    expect(unitFromLabel("Đơn vị báo cáo:")).toBeUndefined();
  });
});

describe("appendix and title lines, narrative text", () => {
  test("the unit at the end of a title-like line", () => {
    expect(
      unitFromTitle("(Ban hành kèm theo Báo cáo số 35/BC-SNV ngày 16 tháng 3 năm 2023 của Sở Nội vụ tỉnh Bình Dương)")
    ).toBe("Sở Nội vụ tỉnh Bình Dương");
    expect(unitFromTitle("BÁO CÁO KẾT QUẢ CCHC 6 THÁNG ĐẦU NĂM 2023 CỦA UBND XÃ TÂN LẬP")).toBe("UBND xã Tân Lập");
    expect(unitFromTitle("Báo cáo kết quả CCHC của UBND xã Tân Lập năm 2023")).toBe("UBND xã Tân Lập");
  });
  test("never from a sentence", () => {
    expect(
      unitFromTitle(
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 5/1/2023 của UBND huyện Tân Châu về cải cách hành chính năm 2023."
      )
    ).toBeUndefined();
    expect(unitFromTitle("UBND huyện Tân Châu về cải cách hành chính năm 2023.")).toBeUndefined();
    expect(unitFromTitle("Kết quả đạt được của UBND huyện Tân Châu về cải cách hành chính")).toBeUndefined();
    expect(isTitleLike("Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện Tân Châu")).toBe(false);
    expect(isTitleLike("II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2023")).toBe(false);
    expect(isTitleLike("BÁO CÁO KẾT QUẢ CCHC QUÝ I NĂM 2023")).toBe(true);
  });
});

describe("unitFromFileName", () => {
  test.each([
    ["xa-tan-lap_6T2023.xlsx", "xã Tan Lap"],
    ["BC CCHC xã Tân Lập 6 tháng.xlsx", "xã Tân Lập"],
    ["C:\\Users\\a\\UBND_phuong_Phu_Cuong_Q1.xlsx", "UBND phường Phu Cuong"],
    ["/tmp/thi tran Tan Chau - bao cao.xlsx", "thị trấn Tan Chau"],
    ["Biểu mẫu CCHC xã Phú An phụ lục.xlsx", "xã Phú An"],
  ])("%s -> %s", (name, unit) => {
    expect(unitFromFileName(name)).toBe(unit);
  });
  test.each(["bao cao.xlsx", "6T2023.xlsx", "Biểu mẫu 1.xlsx", ""])("nothing in %s", (name) => {
    expect(unitFromFileName(name)).toBeUndefined();
  });
});

describe("headerFooterSections", () => {
  test("sections, font and colour codes, fields", () => {
    expect(headerFooterSections('&L&"Times New Roman,Bold"&12UBND XÃ TÂN LẬP&C&KFF0000Báo cáo&RTrang &P/&N')).toEqual([
      "UBND XÃ TÂN LẬP",
      "Báo cáo",
      "Trang /",
    ]);
    expect(headerFooterSections("A && B")).toEqual(["A & B"]);
    expect(headerFooterSections("&C&D &T")).toEqual([]);
    expect(headerFooterSections("")).toEqual([]);
  });
  test("a unit named in a header", () => {
    const sh: GridSheet = { name: "x", values: [], headerFooter: ["Trang 1", "UBND XÃ TÂN LẬP - Báo cáo CCHC"] };
    expect(findUnit([sh])).toMatchObject({ unit: "UBND xã Tân Lập", raw: "UBND XÃ TÂN LẬP", source: "headerFooter" });
  });
});

describe("periods", () => {
  test.each([
    ["từ 15/12/2022 đến 14/6/2023", "6T", 2023],
    ["15/12/2022 – 14/3/2023", "Q1", 2023],
    ["15/6/2023 đến 14/9/2023", "Q3", 2023],
    ["15/12/2022 đến 14/12/2023", "N", 2023],
    ["01/01/2023 đến 30/06/2023", "6T", 2023],
    ["từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 3 năm 2023", "Q1", 2023],
    ["NĂM 2023 (SỐ LIỆU 6 THÁNG ĐẦU NĂM)", "6T", 2023],
    ["Báo cáo năm 2023 (số liệu quý I)", "Q1", 2023],
    ["6 tháng năm 2023", "6T", 2023],
  ])("findPeriod %s", (text, kind, year) => {
    expect(findPeriod(text)).toEqual({ kind, year });
  });
  test.each([
    "Tân Lập, ngày 10 tháng 6 năm 2023",
    "ngày 16/3/2023",
    "từ 15/12/2022 đến 14/9/2023",
    "9 tháng đầu năm 2023",
    "6 tháng cuối năm 2023",
    "NĂM 2023 (số liệu 9 tháng)",
  ])("no period: %s", (text) => {
    expect(findPeriod(text)).toBeUndefined();
  });
  test("sheet names", () => {
    expect(periodHint("BM quy 1")).toEqual({ kind: "Q1" });
    expect(periodHint("6 thang 2023")).toEqual({ kind: "6T", year: 2023 });
    expect(periodHint("Q3-2023")).toEqual({ kind: "Q3", year: 2023 });
    expect(periodHint("Biểu mẫu 6")).toBeUndefined();
    expect(periodHint("Sheet1")).toBeUndefined();
  });
  test("a precision line refines a year-only title", () => {
    expect(periodFromLines(["BÁO CÁO CCHC NĂM 2023", "(Số liệu từ 15/12/2022 đến 14/6/2023)"])).toEqual({
      kind: "6T",
      year: 2023,
    });
    expect(periodFromLines(["BÁO CÁO CCHC NĂM 2023", "(Số liệu 6 tháng đầu năm)"])).toEqual({ kind: "6T", year: 2023 });
    expect(periodFromLines(["BÁO CÁO CCHC QUÝ I NĂM 2023", "Tân Lập, ngày 16 tháng 3 năm 2023"])).toEqual({
      kind: "Q1",
      year: 2023,
    });
  });
  test("the sheet's name refines a year-only title", () => {
    expect(sheetPeriod({ name: "Quý I", values: [["BÁO CÁO CCHC NĂM 2023"]] })).toEqual({ kind: "Q1", year: 2023 });
    expect(sheetPeriod({ name: "Quý I", values: [["BÁO CÁO CCHC 6 THÁNG ĐẦU NĂM 2023"]] })).toEqual({
      kind: "6T",
      year: 2023,
    });
  });
  test("choosePeriodSheets: kind-only names compared without a year", () => {
    const a: GridSheet = { name: "Quý I", values: formTable() };
    const b: GridSheet = { name: "6 tháng", values: formTable() };
    const c = choosePeriodSheets([a, b]);
    expect(c.read).toEqual([b]);
    expect(c.aside.map((x) => x.sheet)).toEqual([a]);
    expect(c.period).toBeUndefined();
    // a sheet without a table does not decide
    const cover: GridSheet = { name: "Bìa", values: [["BÁO CÁO QUÝ III NĂM 2023"]] };
    expect(choosePeriodSheets([cover, b]).read).toEqual([cover, b]);
    expect(choosePeriodSheets([cover, { name: "x", values: [row({ 1: "STT", 2: "Chỉ tiêu" })] }]).period).toEqual({
      kind: "Q3",
      year: 2023,
    });
  });
});

describe("never throws", () => {
  test("arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        normalizeUnit(a);
        unitFromTitle(a);
        unitFromLabel(a, b);
        unitFromFileName(a);
        headerFooterSections(a);
        isTitleLike(a);
        findUnit([{ name: b, values: [[a, b], [b]], headerFooter: [a] }]);
        choosePeriodSheets([{ name: a, values: [[b]] }]);
      }),
      { numRuns: 300 }
    );
  });
});

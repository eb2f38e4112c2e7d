/**
 * The unit and the period of hand-made files read through readReport on sheets that also hold forms: the corpus of
 * test/engine/handmade-titles.ts (letterheads, labels, appendix and title lines, every way of writing the period),
 * narrative text that must give nothing, and workbooks keeping last quarter's sheet beside this period's.
 */
import { readReport } from "../../src/engine/reader";
import type { GridSheet } from "../../src/engine/types";
import {
  formTable,
  handmadeSheet,
  merged,
  MOTTO,
  MOTTO2,
  NARRATIVE,
  PERIOD_CASES,
  row,
  UNIT_CASES,
  wordTextSheet,
} from "./handmade-titles";
import { readerNote } from "../../src/i18n/findings";

describe("the unit of a hand-made sheet", () => {
  test("the corpus holds at least fifteen ways of naming the unit", () => {
    expect(UNIT_CASES.length).toBeGreaterThanOrEqual(15);
  });

  test.each(UNIT_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const r = readReport([handmadeSheet("Biểu mẫu", c.top, { level: c.level ?? "xa" }, c.origin)]);
    expect(r.meta.unit).toBe(c.unit);
    expect(r.meta.unitRaw).toBe(c.raw);
    expect(r.meta.unitSource).toBe(c.source);
    // the whole sheet was read: its forms are there
    expect(r.forms).toEqual([1, 3]);
    expect(r.entries.size).toBeGreaterThan(10);
  });

  test("nothing names the unit: unit and source stay unset", () => {
    const r = readReport([
      handmadeSheet("Sheet1", [
        row({ 1: "BÁO CÁO KẾT QUẢ CCHC QUÝ I NĂM 2023" }),
        row({ 1: "Tân Lập, ngày 10 tháng 3 năm 2023" }),
      ]),
    ]);
    expect(r.meta.unit).toBeUndefined();
    expect(r.meta.unitSource).toBeUndefined();
    expect(r.meta.period).toEqual({ kind: "Q1", year: 2023 });
  });

  test("the addressee and the receiving unit are never the unit", () => {
    const r = readReport([
      handmadeSheet("Sheet1", [
        row({ 1: "Kính gửi: UBND huyện Tân Châu" }),
        row({ 1: "Đơn vị nhận báo cáo: UBND huyện Tân Châu" }),
        row({ 1: "Đơn vị tính: %" }),
      ]),
    ]);
    expect(r.meta.unit).toBeUndefined();
  });

  test.each(NARRATIVE.map((n) => [n]))("a narrative sentence gives no unit or period: %s", (n) => {
    const r = readReport([handmadeSheet("Sheet1", [row({ 1: n })])]);
    expect(r.meta.unit).toBeUndefined();
    expect(r.meta.period).toBeUndefined();
    expect(r.forms).toEqual([1, 3]);
  });

  test("the label outranks the letterhead line above the title; both agree in practice", () => {
    const r = readReport([
      handmadeSheet("Sheet1", [
        row({ 1: "UBND HUYỆN TÂN CHÂU", 4: MOTTO }),
        row({ 4: MOTTO2 }),
        row({ 1: "Đơn vị báo cáo: UBND xã Tân Lập" }),
      ]),
    ]);
    expect(r.meta).toMatchObject({ unit: "UBND xã Tân Lập", unitSource: "label" });
  });

  test("text below the forms' header never names the unit", () => {
    const sh = handmadeSheet("Sheet1", []);
    sh.values.push(row({ 2: "UBND XÃ TÂN LẬP" }), row({ 1: "Đơn vị báo cáo: UBND xã Tân Lập" }));
    expect(readReport([sh]).meta.unit).toBeUndefined();
  });

  test("the add-in's settings keep their name and say where it came from", () => {
    const sh = handmadeSheet("Sheet1", [row({ 1: "UBND XÃ TÂN LẬP" })]);
    const r = readReport([sh], { settings: { settings: JSON.stringify({ unit: "Xã Tân Lập (tên trong cài đặt)" }) } });
    expect(r.meta).toMatchObject({ unit: "Xã Tân Lập (tên trong cài đặt)", unitSource: "settings" });
  });
});

describe("the Word report pasted on a first sheet", () => {
  test("its sentences never give the unit or the period; the form sheet's letterhead does", () => {
    const forms = handmadeSheet("BM", [
      row({ 1: "ỦY BAN NHÂN DÂN", 4: MOTTO }),
      row({ 1: "XÃ TÂN LẬP", 4: MOTTO2 }),
      row({ 1: "SỐ LIỆU 6 THÁNG ĐẦU NĂM 2023" }),
    ]);
    const r = readReport([wordTextSheet(), forms]);
    expect(r.meta.unit).toBe("UBND xã Tân Lập");
    expect(r.meta.unitSource).toBe("letterhead");
    expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
  });

  test("two communes whose texts share a sentence are two units", () => {
    const a = readReport([wordTextSheet(), handmadeSheet("BM", [row({ 1: "UBND XÃ TÂN LẬP" })])]);
    const b = readReport([wordTextSheet(), handmadeSheet("BM", [row({ 1: "UBND XÃ TÂN THÀNH" })])]);
    expect(a.meta.unit).toBe("UBND xã Tân Lập");
    expect(b.meta.unit).toBe("UBND xã Tân Thành");
  });

  test("with no letterhead anywhere, no unit rather than the district of a sentence", () => {
    const r = readReport([wordTextSheet(), handmadeSheet("BM", [])]);
    expect(r.meta.unit).toBeUndefined();
    // the numbered heading "II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2023" is the body, not the title
    expect(r.meta.period).toBeUndefined();
  });

  test("the Word report's own title names the period", () => {
    const r = readReport([
      wordTextSheet("Báo cáo", "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023"),
      handmadeSheet("BM", []),
    ]);
    expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
  });
});

describe("the period of a hand-made sheet", () => {
  test("the corpus holds at least twelve ways of writing the period", () => {
    expect(PERIOD_CASES.filter((c) => c.period).length).toBeGreaterThanOrEqual(12);
  });

  test.each(PERIOD_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const r = readReport([handmadeSheet(c.sheet ?? "Biểu mẫu", c.top)]);
    expect(r.meta.period).toEqual(c.period);
    expect(r.forms).toEqual([1, 3]);
  });
});

describe("a workbook keeping sheets of several periods", () => {
  const q1 = () =>
    handmadeSheet(
      "Quý I",
      [row({ 1: "UBND XÃ TÂN LẬP", 4: MOTTO }), row({ 1: "BÁO CÁO SỐ LIỆU CCHC QUÝ I NĂM 2023" })],
      {
        forms: [1, 2, 3, 4, 5, 6, 7],
        value: () => 1,
      }
    );
  const h1 = () =>
    handmadeSheet(
      "6 tháng",
      [row({ 1: "UBND XÃ TÂN LẬP", 4: MOTTO }), row({ 1: "BÁO CÁO SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2023" })],
      {
        forms: [1, 2, 3, 4, 5, 6, 7],
        value: () => 2,
      }
    );
  const values = (r: ReturnType<typeof readReport>) => new Set([...r.entries.values()].map((e) => e.value.number));

  test("validation reads the latest period's sheet and lists the old one", () => {
    for (const sheets of [
      [q1(), h1()],
      [h1(), q1()],
    ]) {
      const r = readReport(sheets);
      expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
      expect(r.meta.level).toBe("xa");
      expect(values(r)).toEqual(new Set([2]));
      expect(r.entries.size).toBeGreaterThan(30);
      expect(r.entries.size).toBe(readReport([h1()]).entries.size);
      expect(r.unplaced.filter((u) => u.sheet === "Quý I")).toEqual([]);
      expect(r.setAside).toEqual([{ sheet: "Quý I", period: { kind: "Q1", year: 2023 }, reason: expect.any(Object) }]);
      expect(readerNote(r.setAside![0].reason)).toContain("Quý I năm 2023");
      expect(readerNote(r.setAside![0].reason)).toContain("6 tháng đầu năm 2023");
    }
  });

  test("consolidation reads the period asked for", () => {
    const r = readReport([q1(), h1()], { period: { kind: "Q1", year: 2023 } });
    expect(r.meta.period).toEqual({ kind: "Q1", year: 2023 });
    expect(values(r)).toEqual(new Set([1]));
    expect(r.setAside?.map((s) => s.sheet)).toEqual(["6 tháng"]);
    expect(r.meta.level).toBe("xa");
  });

  test("a period no sheet holds: the latest is read, so the report's period shows the mismatch", () => {
    const r = readReport([q1(), h1()], { period: { kind: "N", year: 2023 } });
    expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
  });

  test("periods from the sheets' names, the year from the other sheet", () => {
    const a: GridSheet = { name: "BM quy 1", values: formTable({ forms: [1, 2, 3, 4, 5, 6, 7], value: () => 1 }) };
    const b: GridSheet = { name: "6 thang 2023", values: formTable({ forms: [1, 2, 3, 4, 5, 6, 7], value: () => 2 }) };
    const r = readReport([a, b]);
    expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
    expect(values(r)).toEqual(new Set([2]));
    expect(r.setAside).toEqual([{ sheet: "BM quy 1", period: { kind: "Q1", year: 2023 }, reason: expect.any(Object) }]);
    expect(readerNote(r.setAside![0].reason)).toEqual(expect.any(String));
  });

  test("sheets naming no period of their own are read with the chosen period's", () => {
    const cover: GridSheet = { name: "Bìa", values: [["UBND XÃ TÂN LẬP"], ["BÁO CÁO CCHC 6 THÁNG ĐẦU NĂM 2023"]] };
    const plain: GridSheet = { name: "Biểu mẫu 7", values: formTable({ forms: [7], value: () => 2 }) };
    const r = readReport([cover, q1(), plain, h1()]);
    expect(r.forms).toContain(7);
    expect(r.setAside?.map((s) => s.sheet)).toEqual(["Quý I"]);
    expect(r.meta.unit).toBe("UBND xã Tân Lập");
  });

  test("one period only: nothing set aside", () => {
    const r = readReport([h1()]);
    expect(r.setAside).toBeUndefined();
  });

  test("a merged title repeated across the row still dates the sheet", () => {
    const old = handmadeSheet("Sheet2", [merged("BÁO CÁO CCHC QUÝ I NĂM 2023", 1, 5)], {
      forms: [1, 2, 3, 4, 5, 6, 7],
      value: () => 1,
    });
    const r = readReport([old, h1()]);
    expect(r.setAside?.map((s) => s.sheet)).toEqual(["Sheet2"]);
  });
});

import { formRows, printedCode, rowByPrintedCode } from "../../src/catalog";
import { encodeMeta, SETTINGS_SHEET } from "../../src/engine/conventions";
import { readReport, unitFromTitle } from "../../src/engine/reader";
import { a1 } from "../../src/engine/a1";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { isTemplateCode, SEED_EDITION, SEED_FIGURES, SeedId } from "../fixtures/seeds/figures";
import { seedGrids } from "./seed-grids";
import { readerNote } from "../../src/i18n/findings";

const SEEDS: SeedId[] = ["000", "002", "004"];

/** The indicator each template row of a seed belongs to, by its printed STT in the seed's edition. */
function expectedIds(seed: SeedId): Map<string, string> {
  const { level, version } = SEED_EDITION[seed];
  const m = new Map<string, string>();
  for (const f of SEED_FIGURES[seed]) {
    if (!isTemplateCode(f.printedCode)) continue;
    const ind = rowByPrintedCode(f.form, level, version, f.printedCode);
    if (ind) m.set(`${f.form}:${f.printedCode}`, ind.id);
  }
  return m;
}

describe("readReport on hand-made seed appendices", () => {
  for (const seed of SEEDS) {
    for (const layout of ["one-sheet", "sheet-per-form"] as const) {
      test(`${seed} ${layout}: every printed row lands on its indicator, edition detected`, () => {
        const report = readReport(seedGrids(seed, layout));
        expect(report.meta.source).toBe("handmade");
        expect(report.meta.level).toBe(SEED_EDITION[seed].level);
        expect(report.meta.version).toBe(SEED_EDITION[seed].version);
        expect(report.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
        const expected = expectedIds(seed);
        const wrong: string[] = [];
        for (const [key, id] of expected) {
          const e = report.entries.get(id);
          const [, code] = key.split(":");
          if (!e || e.printedCode !== code.replace(/\.$/, "")) wrong.push(`${key} -> ${id} got ${e?.printedCode}`);
        }
        expect(wrong).toEqual([]);
        expect(report.entries.size).toBe(expected.size);
        // only rows that are not template rows may stay unplaced
        for (const u of report.unplaced) expect(isTemplateCode(u.code ?? "")).toBe(false);
      });
    }
  }

  test("000: values read with their Vietnamese notation", () => {
    const r = readReport(seedGrids("000", "one-sheet", { allText: true }));
    expect(r.entries.get("bm3:1.4")!.value.number).toBe(1946);
    expect(r.entries.get("bm3:3.1")!.value.number).toBe(96.56);
    expect(r.entries.get("bm3:3.2")!.value.number).toBe(99.75);
    expect(r.entries.get("bm3:3.2")!.value.percentSign).toBe(true);
    expect(r.entries.get("bm3:1.3")!.value.number).toBe(9);
    expect(r.entries.get("bm2:1.2")!.value.state).toBe("na");
    expect(r.entries.get("bm2:1")!.value.state).toBe("missing");
    expect(r.entries.get("bm6:1.1")!.value.number).toBe(21782939);
  });

  test("004: renumbered rows (BM1 after 4, BM7 section 6 from 6.4) and title-only forms", () => {
    const r = readReport(seedGrids("004", "sheet-per-form"));
    expect(r.entries.get("bm1:5.1")!.printedCode).toBe("4.1");
    expect(r.entries.get("bm1:5.1")!.value.number).toBe(68);
    expect(r.entries.get("bm7:6.1@v2022-muc-do")!.printedCode).toBe("6.4");
    expect(r.entries.get("bm4:1.2")!.value.number).toBe(100);
    expect(r.entries.get("bm3:1.4.3")!.value.number).toBe(157);
    expect(r.meta.period).toEqual({ kind: "N", year: 2023 });
  });

  test("002: period and unit from the title lines", () => {
    const r = readReport(seedGrids("002", "one-sheet"));
    expect(r.meta.period).toEqual({ kind: "6T", year: 2023 });
    expect(r.meta.unit).toBe("UBND tỉnh");
    expect(readReport(seedGrids("000", "sheet-per-form")).meta.unit).toBe("Sở Nội vụ tỉnh Bình Dương");
    expect(unitFromTitle("(Ban hành kèm theo Báo cáo số 89/BC-BDT ngày 12/6/2023 của Ban Dân tộc)")).toBe("Ban Dân tộc");
    expect(unitFromTitle("(Kèm theo Báo cáo số /BC-UBND ngày 15/12/2023)")).toBeUndefined();
  });

  test("the value column is found from its header even when moved", () => {
    const r = readReport(seedGrids("000", "one-sheet", { columns: { code: 1, label: 2, unit: 4, value: 3, note: 6 } }));
    expect(r.entries.get("bm3:1.4.1")!.value.number).toBe(1558);
    expect(r.entries.get("bm3:1.4.1")!.ref).toEqual({ sheet: "Phụ lục", row: r.entries.get("bm3:1.4.1")!.ref!.row, col: 3 });
    const r2 = readReport(seedGrids("004", "sheet-per-form", { columns: { code: 2, label: 3, unit: 5, value: 7, note: 8 }, valueHeader: "Kết quả" }));
    expect(r2.entries.get("bm6:1.2")!.value.number).toBe(3523);
    expect(a1(r2.entries.get("bm6:1.2")!.ref!)).toMatch(/^G\d+$/);
  });

  test("rows missing, STT without trailing dot, unknown rows reported as unplaced", () => {
    const sheet: GridSheet = {
      name: "Sheet1",
      values: [
        ["BIỂU MẪU 3", null, null, null],
        ["Cải cách thủ tục hành chính", null, null, null],
        ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"],
        ["1.4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", 139],
        ["1.4.3", "Số TTHC cấp xã", "Thủ tục", 157],
        ["9.9", "Số cuộc họp giao ban tuần", "Cuộc", 12],
      ],
    };
    const r = readReport([sheet]);
    expect(r.forms).toEqual([3]);
    expect(r.entries.get("bm3:1.4")!.value.number).toBe(139);
    expect(r.entries.get("bm3:1.4.3")!.ref).toEqual({ sheet: "Sheet1", row: 5, col: 4 });
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]).toMatchObject({ sheet: "Sheet1", row: 6, form: 3, code: "9.9" });
    expect(readerNote(r.unplaced[0].reason)).toContain("Biểu mẫu 3");
  });

  test("a sheet without any heading: the form is guessed from its rows", () => {
    const sheet: GridSheet = {
      name: "Dữ liệu",
      values: [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["1.1", "Kế hoạch được giao", "Triệu đồng", 4000],
        ["1.2", "Đã thực hiện", "Triệu đồng", 3523],
      ],
    };
    const r = readReport([sheet]);
    expect(r.forms).toEqual([6]);
    expect(r.entries.get("bm6:1.1")!.value.number).toBe(4000);
  });

  test("formula cells: cached value used; missing cache evaluated; unknown function reads as missing with a note", () => {
    const values: GridValue[][] = [
      ["Biểu mẫu 1"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"],
      ["2.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", null],
      ["2.1.", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 41],
      ["2.2.", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 5],
      ["3.3.", "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra", "%", 50],
      ["6.1.", "Số lượng phiếu khảo sát", "Số lượng", null],
    ];
    const formulas: (string | null)[][] = values.map((r) => r.map(() => null));
    formulas[2][3] = "=ROUND(D5/D4*100,2)";
    formulas[5][3] = "=D4";
    formulas[6][3] = "=VLOOKUP(1,A1:B2,2)";
    const r = readReport([{ name: "BM1", values, formulas }]);
    expect(r.entries.get("bm1:2")!.value.number).toBe(12.2);
    expect(r.entries.get("bm1:2")!.formula).toBe("=ROUND(D5/D4*100,2)");
    expect(r.entries.get("bm1:3.3")!.value.number).toBe(50);
    expect(r.entries.get("bm1:6.1")!.value.state).toBe("missing");
    expect(readerNote(r.entries.get("bm1:6.1")!.readNote!)).toContain("VLOOKUP");
  });

  test("sheets written by the add-in: metadata and hidden ids give the exact mapping", () => {
    const rows = formRows(3, "xa", "v2022-muc-do");
    const values: GridValue[][] = [[null, null, null, null, null, encodeMeta({ kind: "form", form: 3, version: "v2022-muc-do", level: "xa", unit: "UBND xã A", period: "N-2023", app: "0.1.0" })]];
    rows.forEach((i, k) => values.push([printedCode(i, "xa"), "nhãn đã sửa " + k, i.unit, k, null, i.id]));
    values.push(["", "", "", 5, null, "bm9:1"]);
    const r = readReport([{ name: "Biểu mẫu 3", values }]);
    expect(r.meta).toMatchObject({ source: "addin", level: "xa", version: "v2022-muc-do", unit: "UBND xã A", period: { kind: "N", year: 2023 } });
    expect(r.entries.size).toBe(rows.length);
    rows.forEach((i, k) => expect(r.entries.get(i.id)!.value.number).toBe(k));
    expect(r.unplaced).toHaveLength(1);
    expect(readerNote(r.unplaced[0].reason)).toContain("bm9:1");
  });

  test("settings and stamp are read from the settings sheet", () => {
    const settings: GridSheet = {
      name: SETTINGS_SHEET,
      values: [
        ["settings", JSON.stringify({ level: "xa", period: { kind: "Q1", year: 2024 }, unit: "Xã B", version: "v2022-muc-do" })],
        ["stamp", JSON.stringify({ at: "2024-03-18", by: "A", fingerprint: "abc" })],
      ],
    };
    const r = readReport([...seedGrids("004", "one-sheet"), settings]);
    expect(r.meta.unit).toBe("Xã B");
    expect(r.meta.level).toBe("xa");
    expect(r.stamp?.fingerprint).toBe("abc");
  });

  test("renumbered rows are placed by their label when the STT points elsewhere", () => {
    // a provincial Biểu mẫu 1 where the user deleted section 4 and renumbered the rest
    const rows: [string, string, GridValue][] = [
      ["1.", "Số văn bản chỉ đạo CCHC đã ban hành", 9],
      ["4.", "Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao", null],
      ["4.1.", "Tổng số nhiệm vụ được giao", 9],
      ["4.2.", "Số nhiệm vụ đã hoàn thành đúng hạn", 7],
      ["5.", "Khảo sát sự hài lòng của người dân, tổ chức", 1],
      ["5.1.", "Số lượng phiếu khảo sát", 6530],
      ["6.", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp", 1],
    ];
    const values: GridValue[][] = [["Biểu mẫu 1"], ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"], ...rows.map(([c, l, v]) => [c, l, null, v])];
    const r = readReport([{ name: "S", values }], { settings: { settings: JSON.stringify({ level: "tinh", version: "v2022-muc-do" }) } });
    expect(r.meta.level).toBe("tinh");
    expect(r.entries.get("bm1:5.1")!.value.number).toBe(9);
    expect(r.entries.get("bm1:5.1")!.printedCode).toBe("4.1");
    expect(r.entries.get("bm1:5.2")!.value.number).toBe(7);
    expect(r.entries.get("bm1:6.1")!.value.number).toBe(6530);
    expect(r.entries.get("bm1:7")!.printedCode).toBe("6");
    expect(r.entries.has("bm1:4.1")).toBe(false);
    expect(r.unplaced).toEqual([]);
  });

  test("a hidden hand-made copy is not read twice", () => {
    const [sheet] = seedGrids("004", "one-sheet");
    const old = { ...sheet, name: "Bản cũ", hidden: true, values: sheet.values.map((r) => r.map((v) => (typeof v === "number" ? v + 1 : v))) };
    const r = readReport([sheet, old]);
    expect(r.unplaced).toEqual([]);
    expect(r.entries.get("bm3:1.4.3")!.value.number).toBe(157);
    expect(readReport([old]).entries.get("bm3:1.4.3")!.value.number).toBe(158);
  });

  test("never throws on junk", () => {
    expect(() => readReport([])).not.toThrow();
    expect(() => readReport(null as never)).not.toThrow();
    expect(() => readReport([{ name: "x", values: [[{ error: "#REF!" }, true, 1e308, "=1+"], []] }])).not.toThrow();
    expect(readReport([{ name: "x", values: [] }]).entries.size).toBe(0);
  });
});

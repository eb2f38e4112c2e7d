/**
 * Issue 8 (items 3, 4, 5, 7): the right column, row and figure in hand-made files. Every case of the corpus in
 * handmade-rows.ts is read and checked: each typed figure lands where the case says (indicator, value, cell) or its
 * row is listed unplaced; no figure of another column is read; the findings are exactly the expected ones.
 */
import ExcelJS from "exceljs";
import { readReport } from "../../src/engine/reader";
import { readWorkbookFile } from "../../src/xlsx/read";
import { a1 } from "../../src/engine/a1";
import { countFindings, validate } from "../../src/engine/validate";
import { parseValue } from "../../src/engine/values";
import { indicatorById } from "../../src/catalog";
import type { GridSheet } from "../../src/engine/types";
import { HANDMADE_CASES, sheetOf } from "./handmade-rows";
import { findingMessage, readerNote } from "../../src/i18n/findings";

function cellText(sh: GridSheet, a1ref: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1ref)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sh.values[Number(m[2]) - 1]?.[col - 1] ?? null;
}

describe("hand-made commune files: column, row and figure (issue 8)", () => {
  for (const c of HANDMADE_CASES) {
    test(c.name, () => {
      const report = readReport(c.sheets);
      expect(report.meta.level).toBe(c.level);
      const sh = c.sheets[0];

      // every expected landing, with its value, from its cell
      const got = [...report.entries.values()].filter((e) => e.ref);
      for (const l of c.landings) {
        const e = report.entries.get(l.id);
        expect({ id: l.id, cell: e?.ref ? a1(e.ref) : undefined }).toEqual({ id: l.id, cell: l.cell });
        if (typeof l.value === "number") expect(e!.value.number).toBeCloseTo(l.value, 9);
        else expect(e!.value.state).toBe(l.value);
      }
      // nothing else read from a cell holding a figure (a misplaced or wrong-column figure would show here)
      const landed = new Set(c.landings.map((l) => l.cell));
      for (const e of got) {
        const cell = a1(e.ref!);
        const v = cellText(sh, cell);
        if (v !== null && v !== "")
          expect({ cell, id: e.indicatorId, landed: landed.has(cell) }).toEqual({
            cell,
            id: e.indicatorId,
            landed: true,
          });
      }
      // every typed figure is accounted for: landed, deliberately ignored (other period), or its row unplaced
      const unplacedRows = new Set(report.unplaced.map((u) => u.row));
      for (const u of c.unplaced ?? []) {
        const hit = report.unplaced.find((x) => x.row === u.row);
        expect(hit ? readerNote(hit.reason) : `row ${u.row} not listed unplaced`).toContain(u.says);
      }
      const ignored = new Set(c.ignored ?? []);
      for (let r = c.dataFrom; r <= sh.values.length; r++)
        for (const col of c.valueCols) {
          const cell = a1({ row: r, col });
          const v = cellText(sh, cell);
          if (v === null || v === "") continue;
          // a header repeated for the next form ("STT | Chỉ tiêu | … | Số liệu") carries no figure
          if (sh.values[r - 1][0] === "STT") continue;
          const ok =
            landed.has(cell) ||
            ignored.has(cell) ||
            (unplacedRows.has(r) && (c.unplaced ?? []).some((u) => u.row === r));
          expect({ cell, accounted: ok }).toEqual({ cell, accounted: true });
        }

      // exactly the findings the file deserves: no false error, no silence
      const findings = validate(report);
      const seen = findings.map((f) => `${f.rule}/${f.severity}@${f.cell}`).sort();
      expect(seen).toEqual(c.findings.map((f) => `${f.rule}/${f.severity}@${f.cell}`).sort());
      for (const want of c.findings)
        for (const w of want.says ?? []) {
          const f = findings.find((x) => x.rule === want.rule && x.cell === want.cell)!;
          expect(findingMessage(f)).toContain(w);
        }
      expect(countFindings(findings).errors).toBe(0);
    });
  }
});

describe("value column", () => {
  const rows = (d: string, e: string) =>
    sheetOf("BM3", [
      ["UBND XÃ AN BÌNH"],
      ["Biểu mẫu 3"],
      ["STT", "Chỉ tiêu", "Đơn vị tính", d, e, "Ghi chú"],
      ["1.2", "Số TTHC công bố mới", "Thủ tục", 4, 6, "ghi chú"],
    ]);

  test.each([
    ["Kế hoạch", "Thực hiện", 6],
    ["Thực hiện", "Kế hoạch", 4],
    ["Cùng kỳ năm trước", "Số liệu kỳ báo cáo", 6],
    ["Số liệu", "So sánh cùng kỳ (%)", 4],
    ["Tăng/giảm", "Kết quả", 6],
    ["Kỳ báo cáo", "Năm trước", 4],
    ["Kỳ trước", "Số liệu", 6],
    ["Số liệu", "Kế hoạch", 4],
  ])('"%s | %s": the figure of this period is read', (d, e, want) => {
    const r = readReport([rows(d, e)]);
    expect(r.entries.get("bm3:1.2")!.value.number).toBe(want);
    expect(validate(r).filter((f) => f.rule === "value-column")).toEqual([]);
  });

  test("two columns no word settles: a warning names the column used, once per table", () => {
    const r = readReport([
      sheetOf("BM3", [
        ["Biểu mẫu 3"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Số liệu"],
        ["1.2", "Số TTHC công bố mới", "Thủ tục", 4, 6],
        ["1.3", "Số TTHC bãi bỏ, thay thế", "Thủ tục", 1, 3],
      ]),
    ]);
    expect(r.entries.get("bm3:1.2")!.value.number).toBe(4);
    const w = validate(r).filter((f) => f.rule === "value-column");
    expect(w.map((f) => [f.severity, f.cell])).toEqual([["warning", "D3"]]);
    expect(findingMessage(w[0])).toContain("cột D «Số liệu»");
  });

  test('"Số lượng | Tỷ lệ": counts from the first, percentages from the second, no warning', () => {
    const r = readReport([
      sheetOf("BM3", [
        ["Biểu mẫu 3"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Tỷ lệ"],
        ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", null, 98],
        ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 50, null],
        ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", 49, null],
      ]),
    ]);
    expect(r.entries.get("bm3:3.3")!.value.number).toBe(98);
    expect(a1(r.entries.get("bm3:3.3")!.ref!)).toBe("E3");
    expect(r.entries.get("bm3:3.3.1")!.value.number).toBe(50);
    expect(validate(r)).toEqual([]);
  });
});

describe("rows", () => {
  test("a commune file with a few province rows stays a commune file; its title decides over them", () => {
    const rows = [
      ["UBND XÃ HÒA BÌNH"],
      ["Biểu mẫu 3"],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
      ["1.4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", 150],
      ["1.4.1", "Số TTHC cấp tỉnh", "Thủ tục", 0],
      ["1.4.2", "Số TTHC cấp huyện", "Thủ tục", 0],
      ["1.4.3", "Số TTHC cấp xã", "Thủ tục", 150],
      ["3.1", "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn", "%", 0],
    ];
    const r = readReport([sheetOf("BM3", rows)]);
    expect(r.meta.level).toBe("xa");
    expect(r.entries.get("bm3:1.4.3")!.value.number).toBe(150);
    // rows of other levels' forms go there only because their labels say "cấp tỉnh", "cấp huyện", "sở, ngành"
    expect(r.entries.get("bm3:1.4.1")!.printedLabel).toBe("Số TTHC cấp tỉnh");
    expect(r.entries.get("bm3:3.1")!.printedCode).toBe("3.1");
    // the same rows under a province's title read as a province report
    expect(readReport([sheetOf("BM3", [["UBND TỈNH HẢI DƯƠNG"], ...rows.slice(1)])]).meta.level).toBe("tinh");
  });

  test("a row of another level without a level word in its label is listed, not forced", () => {
    const r = readReport([
      sheetOf("BM1", [
        ["UBND XÃ HÒA BÌNH"],
        ["Biểu mẫu 1"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 3],
        ["4.1", "Số cơ quan, đơn vị được thanh tra", "Cơ quan, đơn vị", 2],
      ]),
    ]);
    expect(r.meta.level).toBe("xa");
    expect(r.entries.has("bm1:4.1")).toBe(false);
    expect(r.unplaced.map((u) => u.row)).toEqual([5]);
  });

  test('a data row whose label starts with "Số lượng" is data, with or without an STT', () => {
    const r = readReport([
      sheetOf("BM1", [
        ["Biểu mẫu 1"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Ghi chú", "Số liệu"],
        ["3", "Kiểm tra CCHC"],
        [null, "Số lượng UBND cấp xã đã kiểm tra", "Đơn vị", null, 5],
        ["b", "Số lượng vấn đề phát hiện qua kiểm tra", "Đơn vị", null, 2],
      ]),
    ]);
    // the value column stays E (a row taken for a header would have moved it)
    expect(r.entries.get("bm1:3.2")!.value.number).toBe(5);
    expect(r.entries.get("bm1:3.3.1")!.value.number).toBe(2);
  });

  test("the column numbers printed under a header are not a data row", () => {
    const r = readReport([
      sheetOf("BM3", [
        ["Biểu mẫu 3"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["1.2", "Số TTHC công bố mới", "Thủ tục", 4],
      ]),
    ]);
    expect(r.unplaced).toEqual([]);
    expect(r.entries.get("bm3:1.2")!.value.number).toBe(4);
  });
});

describe("figures", () => {
  const count = indicatorById("bm3:3.3.1")!;
  test('"3,222" in a count is 3222 (en-US thousands), told; "3,5" stays the decimal 3,5 and is not an integer', () => {
    expect(parseValue("3,222", "count", count)).toMatchObject({
      state: "value",
      number: 3222,
      reading: "comma-thousands",
    });
    expect(parseValue("3,5", "count", count).number).toBe(3.5);
    expect(parseValue("3,222", "percent").number).toBeCloseTo(3.222, 10);
    expect(parseValue("3,222", "money").number).toBeCloseTo(3.222, 10);
  });

  test("the district on-time rate is not 108 % because of an en-US count", () => {
    const r = readReport([
      sheetOf("BM3", [
        ["Biểu mẫu 3"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", 100],
        ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "3,222"],
        ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "3,222"],
      ]),
    ]);
    const f = validate(r);
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
    expect(f.filter((x) => x.rule === "interpreted").map((x) => [x.severity, x.cell])).toEqual([
      ["info", "D4"],
      ["info", "D5"],
    ]);
    expect(countFindings(f)).toEqual({ errors: 0, warnings: 2, infos: 2 });
  });

  test("a unit is stripped only when it is the row's kind of unit", () => {
    expect(parseValue("25 văn bản", "count", indicatorById("bm1:1")).number).toBe(25);
    expect(parseValue("3 cuộc", "count").number).toBe(3);
    expect(parseValue("98,5 %", "percent").number).toBe(98.5);
    expect(parseValue("25 văn bản").state).toBe("text");
    expect(parseValue("25 con gà", "count").state).toBe("text");
    expect(parseValue("3.523.681.000 đồng", "money")).toMatchObject({ number: 3523.681, reading: "money-unit" });
    expect(parseValue("2 tỷ đồng", "money").number).toBe(2000);
    expect(parseValue("12 triệu", "money").number).toBe(12);
  });

  test("words of enum and yes/no rows; Không phát sinh is zero in a count, not applicable in a rate", () => {
    const yes = indicatorById("bm1:6")!;
    const lgsp = indicatorById("bm7:4")!;
    const mesh = indicatorById("bm7:2")!;
    expect(parseValue("Có", "enum", yes).number).toBe(1);
    expect(parseValue("không", "enum", yes).number).toBe(0);
    expect(parseValue("X", "enum", yes)).toMatchObject({ number: 1, reading: "word" });
    expect(parseValue("Đang làm", "enum", lgsp).number).toBe(1);
    expect(parseValue("Đã hoàn thành", "enum", lgsp).number).toBe(2);
    expect(parseValue("Chưa", "enum", lgsp).number).toBe(0);
    expect(parseValue("2 cấp", "enum", mesh).number).toBe(1);
    expect(parseValue("Chưa có", "enum", mesh).number).toBe(0);
    expect(parseValue("Có (1)", "enum", yes).number).toBe(1);
    // "Có" cannot say which of 2 cấp / 3 cấp: not guessed
    expect(parseValue("Có", "enum", mesh).state).toBe("text");
    expect(parseValue("Không phát sinh", "count").number).toBe(0);
    expect(parseValue("Không phát sinh", "percent").state).toBe("na");
    expect(parseValue("Không thuộc thẩm quyền", "count").state).toBe("na");
    expect(parseValue("Không thuộc chuyên môn", "count").state).toBe("na");
  });
});

describe("merged value cells in an .xlsx file", () => {
  test("the figure is the first row's; the row beneath is blank and its warning names the range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("BM3");
    ws.addRow(["UBND XÃ NAM HỒNG"]);
    ws.addRow(["Biểu mẫu 3"]);
    ws.addRow(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"]);
    ws.addRow(["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 3225]);
    ws.addRow(["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", null]);
    ws.mergeCells("D4:D5");
    const read = readWorkbookFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    if (!read.ok) throw new Error(read.reason);
    const r = readReport(read.sheets);
    expect(r.entries.get("bm3:3.3.1")!.value.number).toBe(3225);
    expect(r.entries.get("bm3:3.3.2")!.value.state).toBe("missing");
    const f = validate(r);
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([["merged-cell", "warning", "D5"]]);
    expect(findingMessage(f[0])).toContain("D4:D5");
  });
});

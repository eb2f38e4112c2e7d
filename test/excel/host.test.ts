/**
 * The Office.js adapter against an in-memory Excel (test/standin/excel.ts, the one the browser tests load too) that queues commands until sync, enforces
 * load-before-read, ExcelApi versions, sheet protection and Excel's text coercion, and fires change events.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, ExcelHostError, escapeText, widthToPoints } from "../../src/excel/host";
import { encodeMeta, SETTINGS_SHEET, SheetMeta, decodeMeta } from "../../src/engine/conventions";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import { excelVi } from "../../src/i18n/excel";
import { FakeWorkbook } from "../standin/excel";

const supportsUpTo = (n: number) => (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) <= n && v.startsWith("1.");

function hostFor(wb: FakeWorkbook, extra: Record<string, unknown> = {}) {
  return createExcelHost({ run: wb.run, isSetSupported: supportsUpTo(wb.apiVersion), settleMs: 60, ...extra });
}

const meta = (form: number): SheetMeta => ({ kind: "form", form, version: "v1", level: "xa", unit: "Xã A", period: "N-2023", app: "0.1.0" });

/** A small form-like sheet built by hand: title, header, two indicator rows, a ratio formula. */
function smallSheet(name: string, form: number): SheetSpec {
  const s = (v: string) => ({ t: "s" as const, v });
  return {
    name,
    columns: [{ width: 7 }, { width: 40 }, { width: 10 }, { width: 12 }, { width: 20 }, { width: 10, hidden: true }],
    cells: [
      [s(`Biểu mẫu ${form}`), null, null, null, null, s(encodeMeta(meta(form)))],
      [s("STT"), s("Chỉ tiêu"), s("Đơn vị tính"), s("Số liệu"), s("Ghi chú"), null],
      [s("1.1"), s("Số văn bản ban hành"), s("Văn bản"), { t: "n", v: 12 }, s("=không phải công thức"), s(`bm${form}:1.1`)],
      [s("1.2"), s("Trong đó: đúng hạn"), s("Văn bản"), null, s("-"), s(`bm${form}:1.2`)],
      [s("1.3"), s("Tỷ lệ"), s("%"), { t: "f", f: "=IF(D3=0,\"\",D4/D3*100)" }, s("@ghi chú"), s(`bm${form}:1.3`)],
    ],
    rowHeights: { 1: 30 },
    styles: [
      { range: "A1:E1", style: { bold: true, fontSize: 13, hAlign: "center" } },
      { range: "A2:E2", style: { bold: true, fill: "#D9E1F2", border: true, wrap: true } },
      { range: "D3:D4", style: { numFmt: "#,##0", locked: false } },
      { range: "D5", style: { numFmt: "0.00" } },
      { range: "E3:E5", style: { locked: false } },
    ],
    merges: ["A1:E1"],
    validations: [
      { range: "D3:D4", rule: { type: "whole", min: 0 }, error: { title: "Số liệu", message: "Nhập số nguyên không âm." } },
    ],
    conditionalFormats: [{ range: "D4", formula: "=AND(ISNUMBER(D4),D4>D3)", fill: "#FFC7CE", fontColor: "#9C0006" }],
    protect: true,
    print: { orientation: "portrait", paper: "A4", titleRows: "$2:$2", fitToWidth: true, printArea: "A1:E5" },
    freezeRows: 2,
    tabColor: "#217346",
  };
}

const spec = (...forms: number[]): WorkbookSpec => ({
  sheets: forms.map((f) => smallSheet(`Biểu mẫu ${f}`, f)),
  settings: { settings: JSON.stringify({ level: "xa" }) },
});

function freshWorkbook(api = 17) {
  const wb = new FakeWorkbook(api);
  wb.addSheet("Sheet1");
  return wb;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the fake itself must be able to fail

describe("fake Excel sanity", () => {
  it("turns unescaped formula-like text into formulas and numeric text into numbers, like Excel", async () => {
    const wb = freshWorkbook();
    await wb.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.formulas = [["=abc", "1.1", "'=abc"]];
      await ctx.sync();
    });
    expect(wb.cell("Sheet1", "A1")?.formula).toBe("=abc");
    expect(wb.value("Sheet1", "B1")).toBe(1.1);
    expect(wb.value("Sheet1", "C1")).toBe("=abc");
    expect(wb.cell("Sheet1", "C1")?.formula).toBeUndefined();
  });

  it("throws when a property is read before load and sync", async () => {
    const wb = freshWorkbook();
    await expect(
      wb.run(async (ctx: any) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name");
        return ws.items.length;
      }),
    ).rejects.toThrow(/not available/);
  });
});

// ---------------------------------------------------------------- capabilities

describe("capabilities", () => {
  afterEach(() => {
    delete (globalThis as any).Office;
    delete (globalThis as any).Excel;
  });

  it("reads the highest ExcelApi set through the global Office object (office-addin-mock)", () => {
    const supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]);
    (globalThis as any).Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && supported.has(v) } },
    });
    const caps = createExcelHost().capabilities();
    expect(caps).toEqual({
      apiVersion: "1.7",
      supported: true,
      dataValidation: false,
      pageLayout: false,
      indentLevel: false,
      customProperties: false,
      triggerSource: false,
    });
  });

  it("reports every feature on 1.14 and nothing outside Excel", () => {
    const c = createExcelHost({ run: async () => undefined, isSetSupported: supportsUpTo(14) }).capabilities();
    expect(c).toMatchObject({ apiVersion: "1.14", supported: true, dataValidation: true, pageLayout: true, customProperties: true, triggerSource: true });
    const none = createExcelHost({
      run: async () => undefined,
      isSetSupported: () => {
        throw new Error("Office is not defined");
      },
    }).capabilities();
    expect(none).toMatchObject({ apiVersion: "0", supported: false });
  });

  it("works through the global Excel.run when no run is injected", async () => {
    const wb = freshWorkbook();
    (globalThis as any).Excel = { run: wb.run };
    (globalThis as any).Office = new OfficeMockObject({ context: { requirements: { isSetSupported: supportsUpTo(17) } } });
    const list = await createExcelHost().listSheets();
    expect(list).toEqual([{ name: "Sheet1", visibility: "Visible" }]);
  });
});

// ---------------------------------------------------------------- writing

describe("writeWorkbook", () => {
  it("writes cells as 2D blocks with text kept as text, in 4 syncs", async () => {
    const wb = freshWorkbook();
    const res = await hostFor(wb).writeWorkbook(spec(1, 2), { existing: "keep" });
    expect(res.written).toEqual(["Biểu mẫu 1", "Biểu mẫu 2"]);
    expect(res.kept).toEqual([]);
    expect(res.skippedFeatures).toEqual([]);
    expect(res.syncs).toBe(wb.syncLog.length);
    expect(res.syncs).toBeLessThanOrEqual(4);
    expect(wb.unsynced).toBe(0);

    const S = "Biểu mẫu 1";
    expect(wb.value(S, "A3")).toBe("1.1"); // a code, not the number 1.1
    expect(wb.cell(S, "A3")?.nf).toBe("@");
    expect(wb.value(S, "D3")).toBe(12);
    expect(wb.cell(S, "D3")?.nf).toBe("#,##0");
    expect(wb.cell(S, "D4")?.value).toBeUndefined();
    expect(wb.cell(S, "D4")?.nf).toBe("#,##0");
    expect(wb.cell(S, "D5")?.formula).toBe('=IF(D3=0,"",D4/D3*100)');
    expect(wb.cell(S, "D5")?.nf).toBe("0.00");
    // Text beginning with = + - @ can never become a formula.
    expect(wb.value(S, "E3")).toBe("=không phải công thức");
    expect(wb.cell(S, "E3")?.formula).toBeUndefined();
    expect(wb.value(S, "E4")).toBe("-");
    expect(wb.value(S, "E5")).toBe("@ghi chú");
    expect(wb.cell(S, "E5")?.formula).toBeUndefined();
    expect(decodeMeta(wb.value(S, "F1"))).toEqual(meta(1));

    // The cell block went in as one formulas array, not cell by cell.
    const formulaWrites = wb.syncLog.flatMap((l) => l.descs).filter((d) => d === "Range.formulas" || d === "Range.values");
    expect(formulaWrites.length).toBe(2 + 1); // two sheets + the settings block
  });

  it("applies formats, merges, widths, hidden id column, freeze, protection, validation and print setup", async () => {
    const wb = freshWorkbook();
    await hostFor(wb).writeWorkbook(spec(3), { existing: "keep" });
    const sh = wb.sheet("Biểu mẫu 3")!;
    expect(sh.merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 5 }]);
    expect(sh.colWidths.get(2)).toBeCloseTo((40 * 7 + 5) * 0.75, 2);
    expect(sh.colWidths.get(2)).toBe(widthToPoints(40));
    expect([...sh.hiddenCols]).toEqual([6]);
    expect(sh.rowHeights.get(1)).toBe(30);
    expect(sh.freezeRows).toBe(2);
    expect(sh.tabColor).toBe("#217346");
    expect(wb.cell("Biểu mẫu 3", "A1")).toMatchObject({ bold: true, size: 13, hAlign: "Center" });
    expect(wb.cell("Biểu mẫu 3", "B2")).toMatchObject({ bold: true, fill: "#D9E1F2", wrap: true });
    expect(wb.cell("Biểu mẫu 3", "B2")!.borders).toMatchObject({ EdgeTop: "Continuous", EdgeBottom: "Continuous", InsideVertical: "Continuous" });
    expect(wb.cell("Biểu mẫu 3", "B2")!.borders.InsideHorizontal).toBeUndefined(); // one row: no inside horizontal
    expect(sh.protected).toBe(true);
    expect(wb.cell("Biểu mẫu 3", "D3")!.locked).toBe(false);
    expect(wb.cell("Biểu mẫu 3", "E4")!.locked).toBe(false);
    expect(wb.cell("Biểu mẫu 3", "B3")!.locked).toBe(true);
    expect(sh.conditionalFormats).toEqual([
      { type: "Custom", range: "D4", formula: "=AND(ISNUMBER(D4),D4>D3)", fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
    expect(sh.validations).toHaveLength(1);
    expect(sh.validations[0]).toMatchObject({
      range: "D3:D4",
      rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      errorAlert: { showAlert: true, style: "Warning", title: "Số liệu" },
    });
    expect(sh.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4", titleRows: "$2:$2", printArea: "A1:E5" });
    expect(sh.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(wb.active?.name).toBe("Biểu mẫu 3");
  });

  it("keeps settings in the very hidden settings sheet, merged with what was there", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeSettings({ stamp: "{\"at\":\"x\"}", other: "=1+1" });
    await host.writeWorkbook(spec(1), { existing: "keep" });
    const st = wb.sheet(SETTINGS_SHEET)!;
    expect(st.visibility).toBe("VeryHidden");
    const { settings, sheets } = await host.readSheets();
    expect(settings).toEqual({ stamp: "{\"at\":\"x\"}", other: "=1+1", settings: JSON.stringify({ level: "xa" }) });
    expect(wb.cell(SETTINGS_SHEET, "B2")?.formula).toBeUndefined();
    expect(sheets.map((s) => s.name)).not.toContain(SETTINGS_SHEET);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["Sheet1", "Biểu mẫu 1"]);
  });

  it("does not duplicate or overwrite on a second insert with keep", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1, 2), { existing: "keep" });
    wb.userEdit("Biểu mẫu 1", "D4", 7);
    const before = wb.sheets.length;
    const res = await host.writeWorkbook(spec(1, 2), { existing: "keep" });
    expect(res.written).toEqual([]);
    expect(res.kept).toEqual(["Biểu mẫu 1", "Biểu mẫu 2"]);
    expect(wb.sheets.length).toBe(before);
    expect(wb.value("Biểu mẫu 1", "D4")).toBe(7);
  });

  it("recognises a renamed form by its F1 metadata", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(4), { existing: "keep" });
    wb.sheet("Biểu mẫu 4")!.name = "BM4 của tôi";
    const res = await host.writeWorkbook(spec(4), { existing: "keep" });
    expect(res.kept).toEqual(["BM4 của tôi"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "BM4 của tôi", SETTINGS_SHEET]);
    const list = await host.listSheets();
    expect(list.find((s) => s.name === "BM4 của tôi")?.meta?.form).toBe(4);
  });

  it("keeps a user's own sheet that happens to have the same name", async () => {
    const wb = freshWorkbook();
    wb.addSheet("Biểu mẫu 5");
    wb.setRaw("Biểu mẫu 5", "B2", { value: "của người dùng" });
    const res = await hostFor(wb).writeWorkbook(spec(5, 6), { existing: "keep" });
    expect(res.kept).toEqual(["Biểu mẫu 5"]);
    expect(res.written).toEqual(["Biểu mẫu 6"]);
    expect(wb.value("Biểu mẫu 5", "B2")).toBe("của người dùng");
  });

  it("replaces in place when asked, without leaving temporary sheets", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1, 2), { existing: "keep" });
    wb.addSheet("Ghi chép");
    wb.userEdit("Biểu mẫu 1", "D4", 9);
    const order = wb.sheets.map((s) => s.name);
    const res = await host.writeWorkbook(spec(1), { existing: "replace" });
    expect(res.written).toEqual(["Biểu mẫu 1"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(wb.value("Biểu mẫu 1", "D4")).toBeUndefined();
    expect(wb.value("Biểu mẫu 1", "D3")).toBe(12);
    expect(wb.sheet("Biểu mẫu 1")!.protected).toBe(true);
    expect(res.syncs).toBeLessThanOrEqual(4);
  });

  it("replaces several forms and keeps the workbook's sheet order", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1, 2, 3), { existing: "keep" });
    wb.addSheet("Ghi chép");
    const order = wb.sheets.map((s) => s.name);
    wb.userEdit("Biểu mẫu 3", "D4", 4);
    const res = await host.writeWorkbook(spec(1, 2, 3), { existing: "replace" });
    expect(res.written).toEqual(["Biểu mẫu 1", "Biểu mẫu 2", "Biểu mẫu 3"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(order);
    expect(wb.value("Biểu mẫu 3", "D4")).toBeUndefined();
  });

  it("on ExcelApi 1.7 skips data validation and print setup with a note, and still protects", async () => {
    const wb = freshWorkbook(7);
    const res = await hostFor(wb).writeWorkbook(spec(1, 2, 3), { existing: "keep" });
    expect(res.skippedFeatures.sort()).toEqual(["dataValidation", "pageLayout"]);
    for (const k of res.skippedFeatures) expect(excelVi.skipped[k]).toMatch(/Excel/);
    expect(res.syncs).toBeLessThanOrEqual(4);
    const sh = wb.sheet("Biểu mẫu 2")!;
    expect(sh.validations).toEqual([]);
    expect(sh.pageLayout).toEqual({});
    expect(sh.protected).toBe(true);
    expect(sh.freezeRows).toBe(2);
    // nothing newer than 1.7 was even sent
    expect(wb.syncLog.flatMap((l) => l.descs).some((d) => d.startsWith("DataValidation") || d.startsWith("PageLayout"))).toBe(false);
  });

  it("when one optional feature fails, applies the others and names the one skipped", async () => {
    const wb = freshWorkbook();
    wb.failOn = (d) => (d === "PageLayout.zoom" ? "GeneralException" : undefined);
    const res = await hostFor(wb).writeWorkbook(spec(1), { existing: "keep" });
    expect(res.skippedFeatures).toEqual(["pageLayout"]);
    const sh = wb.sheet("Biểu mẫu 1")!;
    expect(sh.validations).toHaveLength(1);
    expect(sh.validations[0].rule).toBeDefined();
    expect(sh.protected).toBe(true);
  });

  it("rejects a bad spec with a Vietnamese message before touching the workbook", async () => {
    const wb = freshWorkbook();
    const bad = spec(1);
    bad.sheets[0].name = "Biểu/mẫu";
    await expect(hostFor(wb).writeWorkbook(bad, { existing: "keep" })).rejects.toThrow(excelVi.errors.badSheetName("Biểu/mẫu"));
    const dup = spec(1, 1);
    await expect(hostFor(wb).writeWorkbook(dup, { existing: "keep" })).rejects.toBeInstanceOf(ExcelHostError);
    const badRange = spec(1);
    badRange.sheets[0].merges.push("A1:");
    await expect(hostFor(wb).writeWorkbook(badRange, { existing: "keep" })).rejects.toThrow(/Vùng ô không hợp lệ/);
    expect(wb.syncLog).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("turns Office errors into one Vietnamese line", async () => {
    const wb = freshWorkbook();
    wb.failOn = (d) => (d === "Range.formulas" ? "InvalidOperationInCellEditMode" : undefined);
    await expect(hostFor(wb).writeWorkbook(spec(1), { existing: "keep" })).rejects.toThrow(excelVi.errors.cellEditMode);
  });

  it("splits the core writes into several syncs when the payload is large, each under 5 MB", async () => {
    const wb = freshWorkbook();
    const big = spec(1, 2, 3);
    for (const s of big.sheets) for (let i = 0; i < 3000; i++) s.cells.push([{ t: "s", v: `${i}` }, { t: "s", v: "x".repeat(200) }, null, { t: "n", v: i }, null, null]);
    const one = JSON.stringify(big.sheets[0].cells).length;
    const res = await hostFor(wb, { maxBatchChars: Math.round(one * 1.5) }).writeWorkbook(big, { existing: "keep" });
    expect(res.written).toHaveLength(3);
    expect(res.syncs).toBe(2 + 3 + 1); // list, F1, one core batch per sheet, optional features
    for (const l of wb.syncLog) expect(l.chars).toBeLessThan(5 * 1024 * 1024);
    expect(wb.value("Biểu mẫu 3", "A3005")).toBe("2999");
  });
});

// ---------------------------------------------------------------- reading

describe("readSheets", () => {
  it("returns values, formulas, origin, hidden sheets and hidden rows", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    wb.addSheet("Tay", "Hidden");
    wb.setRaw("Tay", "C3", { value: "1,5" });
    wb.setRaw("Tay", "D4", { error: "#DIV/0!", formula: "=1/0" });
    wb.setRaw("Tay", "C5", { value: 2 });
    wb.sheet("Tay")!.hiddenRows.add(4);
    const { sheets } = await host.readSheets(["Biểu mẫu 1", "tay", "Không có"]);
    expect(sheets.map((s) => s.name)).toEqual(["Biểu mẫu 1", "Tay"]);
    const f = sheets[0];
    expect(f.origin).toEqual({ row: 1, col: 1 });
    expect(f.values[2][0]).toBe("1.1");
    expect(f.values[2][3]).toBe(12);
    expect(f.values[2][4]).toBe("=không phải công thức");
    expect(f.formulas![2][4]).toBeNull(); // text that looks like a formula is not one
    expect(f.formulas![4][3]).toBe('=IF(D3=0,"",D4/D3*100)');
    expect(f.values[3][3]).toBeNull();
    expect(f.hidden).toBeUndefined();
    const t = sheets[1];
    expect(t.hidden).toBe(true);
    expect(t.origin).toEqual({ row: 3, col: 3 });
    expect(t.values).toEqual([
      ["1,5", null],
      [null, { error: "#DIV/0!" }],
      [2, null],
    ]);
    expect(t.hiddenRows).toEqual([4]);
  });

  it("returns an empty grid for an empty sheet and no settings when there are none", async () => {
    const wb = freshWorkbook();
    const r = await hostFor(wb).readSheets();
    expect(r).toEqual({ sheets: [{ name: "Sheet1", values: [] }], settings: {} });
  });
});

// ---------------------------------------------------------------- cells and selection

describe("writeCells and selectCell", () => {
  it("writes only the cells asked for, text as text", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    wb.userEdit("Biểu mẫu 1", "E4", "ghi chú của tôi");
    await host.writeCells("Biểu mẫu 1", [
      { a1: "D4", cell: { t: "n", v: 5 } },
      { a1: "E3", cell: { t: "s", v: "=1+1" } },
      { a1: "E5", cell: { t: "s", v: "1.5" } },
    ]);
    expect(wb.value("Biểu mẫu 1", "D4")).toBe(5);
    expect(wb.value("Biểu mẫu 1", "E3")).toBe("=1+1");
    expect(wb.cell("Biểu mẫu 1", "E3")?.formula).toBeUndefined();
    expect(wb.value("Biểu mẫu 1", "E5")).toBe("1.5");
    expect(wb.value("Biểu mẫu 1", "E4")).toBe("ghi chú của tôi");
    expect(wb.value("Biểu mẫu 1", "D3")).toBe(12);
    await host.writeCells("Biểu mẫu 1", [{ a1: "D4", cell: null }]);
    expect(wb.value("Biểu mẫu 1", "D4")).toBeUndefined();
  });

  it("rejects bad addresses and missing sheets without writing anything", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    const n = wb.syncLog.length;
    await expect(host.writeCells("Biểu mẫu 1", [{ a1: "D4", cell: { t: "n", v: 1 } }, { a1: "D4:D5", cell: { t: "n", v: 1 } }])).rejects.toThrow(
      excelVi.errors.badAddress("D4:D5"),
    );
    expect(wb.syncLog.length).toBe(n);
    expect(wb.value("Biểu mẫu 1", "D4")).toBeUndefined();
    await expect(host.writeCells("Không có", [{ a1: "A1", cell: { t: "n", v: 1 } }])).rejects.toThrow(excelVi.errors.noSheet("Không có"));
    await expect(host.writeCells(SETTINGS_SHEET, [{ a1: "A1", cell: { t: "n", v: 1 } }])).rejects.toThrow(excelVi.errors.noSheet(SETTINGS_SHEET));
  });

  it("writes cells of several sheets in one call and two syncs; a missing target sheet writes nothing", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1, 2), { existing: "keep" });
    const names = ["Biểu mẫu 1", "Biểu mẫu 2"];
    const n = wb.syncLog.length;
    await host.writeCells(names[0], [
      { a1: "D4", cell: { t: "n", v: 7 } },
      { a1: "D4", cell: { t: "n", v: 8 }, sheet: names[1] },
    ]);
    expect(wb.syncLog.length - n).toBe(2);
    expect(wb.value(names[0], "D4")).toBe(7);
    expect(wb.value(names[1], "D4")).toBe(8);
    await expect(
      host.writeCells(names[0], [
        { a1: "D4", cell: { t: "n", v: 1 } },
        { a1: "D4", cell: { t: "n", v: 1 }, sheet: "Không có" },
      ]),
    ).rejects.toThrow(excelVi.errors.noSheet("Không có"));
    expect(wb.value(names[0], "D4")).toBe(7);
  });

  it("explains a locked cell of a protected sheet in Vietnamese", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    await expect(host.writeCells("Biểu mẫu 1", [{ a1: "B3", cell: { t: "s", v: "x" } }])).rejects.toThrow(excelVi.errors.protectedSheet);
    expect(wb.value("Biểu mẫu 1", "B3")).toBe("Số văn bản ban hành");
  });

  it("selects a cell, and refuses hidden or missing sheets and bad addresses", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    await host.selectCell("Sheet1", "B7");
    expect(wb.active?.name).toBe("Sheet1");
    expect(wb.selected).toBe("Sheet1!B7");
    await host.selectCell("biểu mẫu 1", "D4");
    expect(wb.selected).toBe("Biểu mẫu 1!D4");
    wb.addSheet("Ẩn", "Hidden");
    await expect(host.selectCell("Ẩn", "A1")).rejects.toThrow(excelVi.errors.hiddenSheet("Ẩn"));
    await expect(host.selectCell("Không có", "A1")).rejects.toThrow(excelVi.errors.noSheet("Không có"));
    await expect(host.selectCell("Sheet1", "ZZZZ1")).rejects.toThrow(excelVi.errors.badAddress("ZZZZ1"));
  });
});

// ---------------------------------------------------------------- events

describe("onChange", () => {
  for (const api of [7, 14]) {
    it(`reports user edits and ignores the add-in's own writes (ExcelApi 1.${api})`, async () => {
      const wb = freshWorkbook(api);
      const host = hostFor(wb);
      await host.writeWorkbook(spec(1), { existing: "keep" });
      await sleep(80); // past the settle time of that insert
      const seen: { sheet: string; address: string }[] = [];
      const stop = await host.onChange((e) => seen.push(e));
      await host.writeCells("Biểu mẫu 1", [{ a1: "D4", cell: { t: "n", v: 3 } }]);
      await sleep(30);
      expect(seen).toEqual([]);
      await sleep(80);
      wb.userEdit("Biểu mẫu 1", "D3", 20);
      await sleep(30);
      expect(seen).toEqual([{ sheet: "Biểu mẫu 1", address: "D3" }]);
      await stop();
      expect(wb.handlerCount()).toBe(0);
      wb.userEdit("Biểu mẫu 1", "D3", 21);
      await sleep(30);
      expect(seen).toHaveLength(1);
    });
  }

  it("on ExcelApi 1.7 also watches sheets added later", async () => {
    const wb = freshWorkbook(7);
    const host = hostFor(wb);
    const seen: string[] = [];
    const stop = await host.onChange((e) => seen.push(`${e.sheet}!${e.address}`));
    await host.writeWorkbook(spec(2), { existing: "keep" });
    await sleep(100);
    wb.userEdit("Biểu mẫu 2", "D4", 1);
    wb.userEdit("Sheet1", "A1", 1);
    await sleep(30);
    expect(seen.sort()).toEqual(["Biểu mẫu 2!D4", "Sheet1!A1"]);
    await stop();
    expect(wb.handlerCount()).toBe(0);
  });

  it("with triggerSource (1.14) does not swallow a user's edit made right after an own write", async () => {
    const wb = freshWorkbook(14);
    const host = hostFor(wb, { settleMs: 10_000 });
    await host.writeWorkbook(spec(1), { existing: "keep" });
    const seen: string[] = [];
    const stop = await host.onChange((e) => seen.push(e.address));
    wb.userEdit("Biểu mẫu 1", "D4", 2);
    await sleep(30);
    expect(seen).toEqual(["D4"]);
    await stop();
  });
});

describe("escapeText", () => {
  it("prefixes exactly the texts Excel would not keep as typed", () => {
    expect(["=A1", "+1", "-x", "@x", "'q", "abc", "1.1", ""].map(escapeText)).toEqual(["'=A1", "'+1", "'-x", "'@x", "''q", "abc", "1.1", ""]);
  });
});

describe("readSheets with an empty name list", () => {
  it("reads only the settings (what the ribbon command does)", async () => {
    const wb = freshWorkbook();
    const host = hostFor(wb);
    await host.writeWorkbook(spec(1), { existing: "keep" });
    const r = await host.readSheets([]);
    expect(r.sheets).toEqual([]);
    expect(r.settings).toEqual({ settings: JSON.stringify({ level: "xa" }) });
  });
});

describe("readSheets on a large sheet", () => {
  it("fetches the used range in slices under the cell budget and puts them back in order", async () => {
    const wb = freshWorkbook();
    const s = wb.sheet("Sheet1")!;
    for (let r = 2; r <= 101; r++) for (let c = 2; c <= 11; c++) wb.setRaw("Sheet1", `${String.fromCharCode(64 + c)}${r}`, { value: r * 100 + c });
    wb.setRaw("Sheet1", "C50", { value: 1, formula: "=1" });
    s.hiddenRows.add(60);
    const host = hostFor(wb, { readCellBudget: 250 });
    const { sheets } = await host.readSheets();
    const g = sheets[0];
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toHaveLength(100);
    g.values.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(i + 2 === 50 && j === 1 ? 1 : (i + 2) * 100 + (j + 2))));
    expect(g.formulas![48][1]).toBe("=1");
    expect(g.formulas![48][0]).toBeNull();
    expect(g.hiddenRows).toEqual([60]);
    // 100 rows x 10 columns at 250 cells a request: 4 value requests after the list and the sizes.
    const valueReads = wb.syncLog.filter((l) => l.descs.includes("Range.load")).length;
    expect(wb.syncLog.length).toBe(2 + 4);
    expect(valueReads).toBe(5);
  });
});

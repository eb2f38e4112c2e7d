/**
 * The in-memory workbook the page works on: forms written from the spec come back as `cchc new`'s, an opened
 * hand-made file keeps its own sheets and formatting through the round trip with one fix applied, the
 * original bytes are never changed, and what ExcelJS cannot carry (pictures, charts) is named before saving.
 */
import ExcelJS from "exceljs";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { parsePeriod } from "../../src/engine/period";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { MemoryWorkbook } from "../../src/xlsx/memory-host";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";

const opts = { level: "xa" as const, version: "v2022-muc-do", period: parsePeriod("6T-2025")!, unit: "UBND xã Tân Phú" };

test("forms written into an empty workbook save as the same file cchc new writes", async () => {
  const spec = buildFormsWorkbook([1, 3, 7], opts);
  const wb = MemoryWorkbook.empty();
  const r = await wb.writeWorkbook(spec, { existing: "keep" });
  expect(r.written).toEqual(spec.sheets.map((s) => s.name));
  const mine = readWorkbookFile(await wb.toXlsx());
  const cli = readWorkbookFile(await writeWorkbook(spec));
  if (!mine.ok || !cli.ok) throw new Error("unreadable");
  const a = readReport(mine.sheets, { settings: mine.settings });
  const b = readReport(cli.sheets, { settings: cli.settings });
  expect(a.meta).toEqual(b.meta);
  expect([...a.entries.keys()]).toEqual([...b.entries.keys()]);
  // inserting again keeps what is there
  const again = await wb.writeWorkbook(spec, { existing: "keep" });
  expect(again.written).toEqual([]);
  expect(again.kept).toHaveLength(spec.sheets.length);
});

async function handmade(withPicture: boolean): Promise<Uint8Array> {
  const x = new ExcelJS.Workbook();
  const notes = x.addWorksheet("Ghi chú của tôi");
  notes.getCell("A1").value = "Số liệu gửi huyện trước ngày 20";
  notes.getCell("A1").font = { bold: true, color: { argb: "FFC00000" } };
  const ws = x.addWorksheet("Biểu mẫu 3");
  ws.getCell("A1").value = "Biểu mẫu 3";
  ws.getRow(3).values = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"];
  ws.getRow(4).values = ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", 100];
  ws.getRow(5).values = ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "1.946"];
  ws.getRow(6).values = ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", 1900];
  if (withPicture) {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    const id = x.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    notes.addImage(id, "C3:D6");
  }
  return new Uint8Array(await x.xlsx.writeBuffer());
}

test("an opened file: the user's sheet and formatting kept, a fix applied, the original bytes unchanged", async () => {
  const bytes = await handmade(false);
  const copy = Uint8Array.from(bytes);
  const o = MemoryWorkbook.open(bytes, "xa.xlsx");
  if (!o.ok) throw new Error(o.reason);
  const wb = o.wb;
  expect(wb.lostOnSave()).toEqual([]);
  const read = await wb.readSheets();
  const report = readReport(read.sheets, { settings: read.settings });
  const textNumber = validate(report).find((f) => f.rule === "text-number");
  expect(textNumber?.cell).toBe("D5");
  let heard = 0;
  await wb.onChange(() => heard++);
  await wb.writeCells("Biểu mẫu 3", [{ a1: "D5", cell: { t: "n", v: 1946 } }]);
  expect(heard).toBe(1);
  const after = readReport((await wb.readSheets()).sheets);
  expect(validate(after).find((f) => f.rule === "text-number")).toBeUndefined();

  const saved = await wb.toXlsx();
  expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(saved as unknown as ArrayBuffer);
  expect(back.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Ghi chú của tôi", "Biểu mẫu 3"]));
  const a1 = back.getWorksheet("Ghi chú của tôi")!.getCell("A1");
  expect(a1.value).toBe("Số liệu gửi huyện trước ngày 20");
  expect(a1.font?.bold).toBe(true);
  expect(back.getWorksheet("Biểu mẫu 3")!.getCell("D5").value).toBe(1946);
});

test("a file with a picture: the loss is named before saving", async () => {
  const o = MemoryWorkbook.open(await handmade(true), "xa.xlsx");
  if (!o.ok) throw new Error(o.reason);
  expect(o.wb.lostOnSave()).toEqual(["pictures"]);
});

test("a file that is not a workbook gives the reader's Vietnamese reason", () => {
  const o = MemoryWorkbook.open(new TextEncoder().encode("không phải tệp Excel"), "x.xlsx");
  expect(o.ok).toBe(false);
  if (!o.ok) expect(o.reason).toMatch(/[àáảãạăâđêôơư]/);
});

test("it is an ExcelHost of its own: file capabilities, the selected cell told to the page with the rows around it", async () => {
  const spec = buildFormsWorkbook([3], opts);
  const wb = MemoryWorkbook.empty();
  await wb.writeWorkbook(spec, { existing: "keep" });
  const host: import("../../src/app/host").ExcelHost = wb;
  expect(host.capabilities()).toMatchObject({ apiVersion: "0", supported: true, dataValidation: true });
  const seen: string[] = [];
  const off = wb.onSelect((at) => seen.push(`${at.sheet}!${at.a1}`));
  await wb.writeCells("Biểu mẫu 3", [
    { a1: "D20", cell: { t: "n", v: 1946 } },
    { a1: "D21", cell: { t: "n", v: 1900 } },
  ]);
  await host.selectCell("Biểu mẫu 3", "D20");
  expect(seen).toEqual(["Biểu mẫu 3!D20"]);
  const near = wb.around("Biểu mẫu 3", "D20", { before: 1, after: 1, cols: 5 })!;
  expect(near.rows).toEqual([19, 20, 21]);
  expect(near.cols).toEqual([1, 2, 3, 4, 5]);
  expect(near.values[1][3]).toBe(1946);
  expect(String(near.values[1][0])).toMatch(/^3\.3\.1/);
  expect(near.formulas[0][3]).toMatch(/^=/); // 3.3, the ratio above, is a formula
  expect(near.values[0][3]).toBeCloseTo((1900 / 1946) * 100, 2); // shown with what it computes, as Excel shows it
  off();
  await host.selectCell("Biểu mẫu 3", "D21");
  expect(seen).toHaveLength(1);
  expect(wb.around("Không có", "D1", { before: 1, after: 1, cols: 5 })).toBeUndefined();
});

test("it knows whether something changed since the copy was last saved (the page asks before throwing it away)", async () => {
  const o = MemoryWorkbook.open(await handmade(false), "xa.xlsx");
  if (!o.ok) throw new Error(o.reason);
  const wb = o.wb;
  expect(wb.unsaved()).toBe(false);
  const settings = (await wb.readSheets()).settings;
  await wb.writeSettings({ ...settings }); // the same values again: nothing changed
  expect(wb.unsaved()).toBe(false);
  const sheet = (await wb.listSheets())[0].name;
  await wb.writeCells(sheet, [{ a1: "D20", cell: { t: "n", v: 1946 } }]);
  expect(wb.unsaved()).toBe(true);
  await wb.toXlsx();
  expect(wb.unsaved()).toBe(true); // bytes made are not yet the user's copy
  wb.markSaved();
  expect(wb.unsaved()).toBe(false);
  await wb.writeSettings({ stamp: "x" });
  expect(wb.unsaved()).toBe(true);
});

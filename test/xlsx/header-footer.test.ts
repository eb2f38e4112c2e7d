/**
 * The print header/footer of a real .xlsx (written by ExcelJS) reaches the grids, and names the unit of a
 * hand-made file whose sheets carry no letterhead.
 */
import ExcelJS from "exceljs";
import { readReport } from "../../src/engine/reader";
import { readWorkbookFile } from "../../src/xlsx/read";
import { formTable } from "../engine/handmade-titles";

async function workbook(header: string, footer: string, title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("6 tháng");
  const rows = [...(title ? [[title], []] : []), ...formTable({ forms: [1, 3] })];
  rows.forEach((r, k) => r.forEach((v, c) => v !== null && (ws.getCell(k + 1, c + 1).value = v as ExcelJS.CellValue)));
  ws.headerFooter = { oddHeader: header, oddFooter: footer };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("print header and footer", () => {
  test("sections apart, formatting codes and fields removed", async () => {
    const r = readWorkbookFile(
      await workbook('&L&"Times New Roman,Bold"&12UBND XÃ TÂN LẬP&R&KFF0000Biểu số liệu CCHC', "&CTrang &P/&N &&")
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheets[0].headerFooter).toEqual(["UBND XÃ TÂN LẬP", "Biểu số liệu CCHC", "Trang / &"]);
  });

  test("the header names the unit; the title line names the period", async () => {
    const r = readWorkbookFile(
      await workbook("&LUBND XÃ TÂN LẬP&RTrang &P", "&C&D", "BÁO CÁO SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2023")
    );
    if (!r.ok) throw new Error(r.reason);
    const rep = readReport(r.sheets, { settings: r.settings });
    expect(rep.meta).toMatchObject({
      unit: "UBND xã Tân Lập",
      unitRaw: "UBND XÃ TÂN LẬP",
      unitSource: "headerFooter",
      period: { kind: "6T", year: 2023 },
    });
    expect(rep.forms).toEqual([1, 3]);
  });

  test("a footer 'Đơn vị: …' names the unit too; a page number alone names none", async () => {
    const a = readWorkbookFile(await workbook("&CBáo cáo CCHC", "&LĐơn vị: UBND phường Phú Cường&RTrang &P"));
    const b = readWorkbookFile(await workbook("&CTrang &P", "&L&F"));
    if (!a.ok || !b.ok) throw new Error("not read");
    expect(readReport(a.sheets).meta).toMatchObject({ unit: "UBND phường Phú Cường", unitSource: "headerFooter" });
    expect(b.sheets[0].headerFooter).toEqual(["Trang"]);
    expect(readReport(b.sheets).meta.unit).toBeUndefined();
  });
});

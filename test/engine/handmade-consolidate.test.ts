/**
 * End to end through .xlsx files (ExcelJS writes them): communes naming themselves by letterhead, label or
 * appendix line are matched to the expected list, and a workbook keeping last quarter's sheet beside this
 * period's is counted with this period's figures instead of being refused.
 */
import ExcelJS from "exceljs";
import { DEFAULT_VERSION } from "../../src/catalog";
import { totalValues } from "../../src/engine/consolidate";
import type { GridSheet, Period } from "../../src/engine/types";
import { consolidateFiles } from "../../src/xlsx/consolidate-files";
import { handmadeSheet, MOTTO, MOTTO2, row } from "./handmade-titles";

const FORMS = [1, 2, 3, 4, 5, 6, 7];

async function xlsx(sheets: GridSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    sh.values.forEach((r, k) =>
      r.forEach((v, c) => v !== null && (ws.getCell(k + 1, c + 1).value = v as ExcelJS.CellValue))
    );
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const q1 = (value: number) =>
  handmadeSheet(
    "Quý I",
    [row({ 1: "Đơn vị báo cáo: UBND xã Tân Lập" }), row({ 1: "BIỂU THỐNG KÊ SỐ LIỆU CCHC QUÝ I NĂM 2023" })],
    {
      forms: FORMS,
      value: () => value,
    }
  );
const h1 = (top: ReturnType<typeof row>[], value: number) =>
  handmadeSheet("6 tháng", [...top, row({ 1: "BIỂU THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2023" })], {
    forms: FORMS,
    value: () => value,
  });

async function run(period: Period) {
  const files = [
    { name: "tan-lap.xlsx", bytes: await xlsx([q1(1), h1([row({ 1: "Đơn vị báo cáo: UBND xã Tân Lập" })], 2)]) },
    {
      name: "b.xlsx",
      bytes: await xlsx([h1([row({ 1: "ỦY BAN NHÂN DÂN", 4: MOTTO }), row({ 1: "XÃ AN BÌNH", 4: MOTTO2 })], 10)]),
    },
    {
      name: "c.xlsx",
      bytes: await xlsx([h1([row({ 1: "(Kèm theo Báo cáo số 3/BC-UBND ngày 12/6/2023 của UBND xã Phú An)" })], 100)]),
    },
  ];
  return consolidateFiles(files, {
    level: "huyen",
    version: DEFAULT_VERSION,
    period,
    unit: "UBND huyện Tân Châu",
    expected: ["UBND xã Tân Lập", "UBND xã An Bình", "UBND xã Phú An"],
  });
}

describe("consolidating hand-made files", () => {
  test("every commune is recognised; the old quarter's sheet takes no part", async () => {
    const c = await run({ kind: "6T", year: 2023 });
    expect(c.units.map((u) => [u.unit, u.status, u.counted])).toEqual([
      ["UBND xã Tân Lập", "ok", true],
      ["UBND xã An Bình", "ok", true],
      ["UBND xã Phú An", "ok", true],
    ]);
    expect(c.missing).toEqual([]);
    // a summed row: 2 + 10 + 100 (the quarter's 1 is not in it)
    const totals = [...totalValues(c).values()];
    expect(totals).toContain(112);
    expect(totals).not.toContain(113);
  }, 60_000);

  test("consolidating the quarter reads the quarter's sheet of the same file", async () => {
    const c = await run({ kind: "Q1", year: 2023 });
    expect(c.units[0]).toMatchObject({
      unit: "UBND xã Tân Lập",
      status: "ok",
      counted: true,
      period: { kind: "Q1", year: 2023 },
    });
    expect(c.units[1].status).toBe("wrong-period");
  }, 60_000);
});

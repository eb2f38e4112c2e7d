/**
 * How the consolidation tabs are set up for printing, in the spec and through both writers: the Tổng hợp
 * tab fits one landscape page's width for a handful of units, or several pages side by side repeating the
 * code and label for many; every row has a height fitted to its text (the unit names in the header wrap).
 */
import ExcelJS from "exceljs";
import { consolidate } from "../../src/engine/consolidate";
import {
  buildConsolidatedSheet,
  buildConsolidatedWorkbook,
  CONS_HEADER_ROW,
  printPagesWide,
} from "../../src/spec/consolidate-layout";
import { columnPoints, linesHeight, wrapLines } from "../../src/engine/text-fit";
import { createExcelHost } from "../../src/excel/host";
import { writeWorkbook } from "../../src/xlsx/write";
import { FakeWorkbook } from "../standin/excel";
import { addinReport, unitInput } from "../consolidate/helpers";

jest.setTimeout(60_000);

const PERIOD = { kind: "N" as const, year: 2023 };
const V = "v2023-dvctt";

function make(n: number, name = (k: number) => `UBND xã Thạnh Đông ${k + 1}`) {
  const units = Array.from({ length: n }, (_, k) =>
    unitInput(`xa-${k}.xlsx`, addinReport("xa", V, PERIOD, name(k), { "bm3:3.3.1": 10 + k, "bm3:3.3.2": 5 + k }))
  );
  return consolidate(units, { level: "huyen", version: V, period: PERIOD, unit: "UBND huyện Tân Châu" });
}

describe("printing the Tổng hợp tab", () => {
  test("a handful of units: one page wide, no repeated columns", () => {
    const s = buildConsolidatedSheet(make(4));
    expect(s.print).toEqual(expect.objectContaining({ orientation: "landscape", fitToWidth: true }));
    expect(s.print.pagesWide ?? 1).toBe(1);
    expect(s.print.titleColumns).toBeUndefined();
  });

  test("many units: pages side by side at a readable scale, each repeating A:B", () => {
    const s = buildConsolidatedSheet(make(20));
    const pages = printPagesWide(s.columns);
    expect(s.print.pagesWide).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    expect(s.print.titleColumns).toBe("$A:$B");
    // the scale that many pages give stays at or above 55 %
    const widths = s.columns.map((c) => (c.hidden ? 0 : columnPoints(c.width)));
    const total = widths.reduce((a, b) => a + b, 0) + (pages - 1) * (widths[0] + widths[1]);
    expect((pages * (841.89 - 72)) / total).toBeGreaterThanOrEqual(0.55);
    // and one page fewer would not
    expect(((pages - 1) * (841.89 - 72)) / (total - widths[0] - widths[1])).toBeLessThan(0.55);
  });

  test("the header row is as tall as the longest wrapped unit name", () => {
    const long = (k: number) => `Ủy ban nhân dân xã Thạnh Đông thuộc huyện Tân Châu tỉnh Tây Ninh số ${k + 1}`;
    const s = buildConsolidatedSheet(make(3, long));
    const lines = wrapLines(long(0), columnPoints(14) - 6, { size: 12, bold: true });
    expect(lines).toBeGreaterThan(3);
    expect(s.rowHeights![CONS_HEADER_ROW]).toBeGreaterThanOrEqual(linesHeight(lines, 12));
  });

  test("the .xlsx carries the row heights, the pages wide and the repeated columns", async () => {
    const spec = buildConsolidatedWorkbook(make(20));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(spec.sheets[0].name)!;
    expect(ws.pageSetup.printTitlesColumn).toBe("A:B");
    expect(ws.pageSetup.fitToWidth).toBe(spec.sheets[0].print.pagesWide);
    for (const sh of spec.sheets) {
      const x = wb.getWorksheet(sh.name)!;
      const heights = Object.entries(sh.rowHeights ?? {});
      expect(heights.length).toBeGreaterThan(3);
      for (const [r, h] of heights) expect([sh.name, r, x.getRow(Number(r)).height]).toEqual([sh.name, r, h]);
    }
  });

  test("through Office.js: heights and repeated columns set, no extra sync", async () => {
    const spec = buildConsolidatedWorkbook(make(20));
    const wb = new FakeWorkbook(17);
    wb.addSheet("Sheet1");
    const host = createExcelHost({ run: wb.run, isSetSupported: () => true, settleMs: 0 });
    const res = await host.writeWorkbook(spec, { existing: "replace" });
    expect(res.skippedFeatures).toEqual([]);
    const tab = wb.sheet(spec.sheets[0].name)!;
    expect(tab.pageLayout.titleColumns).toBe("$A:$B");
    expect(tab.pageLayout.zoom).toEqual({
      horizontalFitToPages: spec.sheets[0].print.pagesWide,
      verticalFitToPages: 0,
    });
    for (const sh of spec.sheets)
      for (const [r, h] of Object.entries(sh.rowHeights ?? {}))
        expect([sh.name, r, wb.sheet(sh.name)!.rowHeights.get(Number(r))]).toEqual([sh.name, r, h]);
    // the heights go with the cells: no sync carries row heights without cells
    for (const l of wb.syncLog)
      if (l.descs.includes("RangeFormat.rowHeight")) expect(l.descs).toContain("Range.formulas");
  });
});

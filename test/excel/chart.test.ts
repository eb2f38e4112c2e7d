/**
 * The per-unit appendix written through the Office.js adapter draws a native bar chart of each unit's on-time
 * and online rates (ChartCollection.add, ExcelApi 1.1; the second series 1.7), queued with the rest of the
 * sheet: the same number of context.sync() calls as the sheet without its chart.
 */
import { buildAppendix } from "../../src/engine/appendix";
import { APPENDIX_FIRST_ROW, buildAppendixSheet } from "../../src/spec/appendix-layout";
import { consolidate } from "../../src/engine/consolidate";
import { parsePeriod } from "../../src/engine/period";
import { createExcelHost } from "../../src/excel/host";
import { addinReport, unitInput } from "../consolidate/helpers";
import { FakeWorkbook } from "../standin/excel";

const P = parsePeriod("6T-2023")!;
const names = Array.from({ length: 24 }, (_, k) => `UBND xã Số ${k + 1}`);

function appendixSheet() {
  const inputs = names.map((u, k) =>
    unitInput(
      `f${k}.xlsx`,
      addinReport("xa", "v2022-muc-do", P, u, {
        "bm3:3.3.1": 100 + k,
        "bm3:3.3.2": 90 + k,
        "bm7:6.4.1@v2022-muc-do": 200,
        "bm7:6.4.2@v2022-muc-do": 100 + k,
      })
    )
  );
  const c = consolidate(inputs, { level: "huyen", version: "v2022-muc-do", period: P, unit: "UBND huyện Tân Châu", expected: names });
  return buildAppendixSheet(c, buildAppendix(c, names));
}

async function write(sheet: ReturnType<typeof appendixSheet>) {
  const wb = new FakeWorkbook(17);
  wb.addSheet("Sheet1");
  const host = createExcelHost({ run: wb.run, isSetSupported: () => true, settleMs: 0 });
  const res = await host.writeWorkbook({ sheets: [sheet] }, { existing: "keep" });
  return { wb, res };
}

test("the appendix's bar chart: both rates per unit, named series, under the table, no extra sync", async () => {
  const sheet = appendixSheet();
  expect(sheet.charts).toHaveLength(1);
  const { wb, res } = await write(sheet);
  const last = APPENDIX_FIRST_ROW + names.length - 1;
  const charts = wb.sheets.find((s) => s.name === sheet.name)!.charts;
  expect(charts).toHaveLength(1);
  const ch = charts[0];
  expect(ch.type).toBe("BarClustered");
  expect(ch.title).toMatch(/đúng hạn/);
  expect(ch.series.map((s) => s.name)).toEqual(["Tỷ lệ đúng hạn (%)", "Tỷ lệ trực tuyến (%)"]);
  for (const s of ch.series) {
    expect(s.categories).toBe(`B${APPENDIX_FIRST_ROW}:B${last}`);
    expect(s.values).toMatch(new RegExp(`^[A-Z]+${APPENDIX_FIRST_ROW}:[A-Z]+${last}$`));
  }
  // the chart sits under the table and the list of units to watch
  expect(Number(ch.position![0].slice(1))).toBeGreaterThan(last + 2);

  const plain = await write({ ...sheet, charts: [] });
  expect(plain.wb.sheets.find((s) => s.name === sheet.name)!.charts).toEqual([]);
  expect(res.syncs).toBe(plain.res.syncs);
});

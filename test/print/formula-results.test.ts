/**
 * Formula cells carry their result in the .xlsx (e-mail previews and phone viewers do not recalculate):
 * an empty form's ratios carry the formula's own blank, a filled form's ratios the ratio of the figures,
 * the Tổng hợp tab's totals the consolidation's own totals. Read back by our reader and by ExcelJS.
 */
import ExcelJS from "exceljs";
import { formRows, isValueRow, relationsIn } from "../../src/catalog";
import { consolidate } from "../../src/engine/consolidate";
import { buildConsolidatedWorkbook, CONS_COL, fillForms } from "../../src/spec/consolidate-layout";
import { withFormulaResults } from "../../src/engine/formula-results";
import { buildFormsWorkbook, FIRST_DATA_ROW } from "../../src/spec/layout";
import type { WorkbookSpec } from "../../src/engine/sheet-spec";
import { readWorkbookBytes } from "../../src/xlsx/node";
import { writeWorkbook } from "../../src/xlsx/write";
import { addinReport, unitInput } from "../consolidate/helpers";

const PERIOD = { kind: "N" as const, year: 2023 };
const V = "v2023-dvctt";
const OPTS = { level: "xa" as const, version: V, period: PERIOD, unit: "UBND xã Tân Phú" };

/** Every ratio row of the commune's forms: sheet, row, numerator and denominator ids. */
function ratioRows() {
  const out: { sheet: string; row: number; id: string; numerator: string; denominator: string }[] = [];
  for (let f = 1; f <= 7; f++)
    formRows(f, "xa", V).forEach((ind, k) => {
      const r = relationsIn(ind, "xa", V).ratio;
      if (isValueRow(ind) && r) out.push({ sheet: `Biểu mẫu ${f}`, row: FIRST_DATA_ROW + k, id: ind.id, ...r });
    });
  return out;
}

async function both(spec: WorkbookSpec) {
  const buf = await writeWorkbook(spec);
  const ours = readWorkbookBytes(buf);
  if (!ours.ok) throw new Error(ours.reason);
  const xl = new ExcelJS.Workbook();
  await xl.xlsx.load(buf as unknown as ArrayBuffer);
  return {
    ours: (sheet: string, row: number, col: number) => {
      const s = ours.sheets.find((x) => x.name === sheet)!;
      return { v: s.values[row - 1]?.[col - 1] ?? null, f: s.formulas?.[row - 1]?.[col - 1] ?? null };
    },
    exceljs: (sheet: string, row: number, col: number) =>
      xl.getWorksheet(sheet)!.getCell(row, col).value as ExcelJS.CellFormulaValue,
  };
}

describe("formula cells carry their result", () => {
  const ratios = ratioRows();

  test("the commune's forms have ratio formulas", () => {
    expect(ratios.length).toBeGreaterThanOrEqual(3);
  });

  test("an empty form: each ratio carries the formula's own blank", async () => {
    const r = await both(buildFormsWorkbook([], OPTS));
    for (const x of ratios) {
      expect([x.id, r.ours(x.sheet, x.row, 4)]).toEqual([x.id, { v: "", f: expect.stringMatching(/^=IF\(/) }]);
      const v = r.exceljs(x.sheet, x.row, 4);
      expect([x.id, typeof v.formula, v.result ?? ""]).toEqual([x.id, "string", ""]);
    }
  });

  test("a filled form: each ratio carries numerator / denominator × 100, rounded to 2 places; blank on a zero denominator", async () => {
    const wb = buildFormsWorkbook([], OPTS);
    const figures = new Map<string, number>();
    ratios.forEach((x, i) => {
      figures.set(x.numerator, 7 + i);
      figures.set(x.denominator, i === 0 ? 0 : 9 + 2 * i);
    });
    fillForms(wb, figures);
    const r = await both(wb);
    ratios.forEach((x) => {
      const n = figures.get(x.numerator)!;
      const d = figures.get(x.denominator)!;
      const want = d === 0 ? "" : Math.round((n / d) * 100 * 100) / 100;
      expect([x.id, r.ours(x.sheet, x.row, 4).v]).toEqual([x.id, want]);
      expect([x.id, r.exceljs(x.sheet, x.row, 4).result ?? ""]).toEqual([x.id, want]);
    });
  });

  test("the Tổng hợp tab: each total carries the consolidation's own total", async () => {
    const units = [1, 2, 3].map((k) => {
      const values: Record<string, number | string> = {};
      for (let f = 1; f <= 7; f++)
        for (const ind of formRows(f, "xa", V))
          if (isValueRow(ind) && ind.kind === "count" && !relationsIn(ind, "xa", V).ratio)
            values[ind.id] = (k * 37 + ind.id.length * 11) % 97;
      return unitInput(`xa-${k}.xlsx`, addinReport("xa", V, PERIOD, `UBND xã ${k}`, values));
    });
    const c = consolidate(units, { level: "huyen", version: V, period: PERIOD, unit: "UBND huyện Tân Châu" });
    const spec = buildConsolidatedWorkbook(c);
    const tab = spec.sheets[0];
    const r = await both(spec);
    let sums = 0;
    let ratioTotals = 0;
    tab.cells.forEach((row, i) => {
      const cell = row[CONS_COL.total - 1];
      if (!cell || cell.t !== "f") return;
      const id = (row[CONS_COL.id - 1] as { v: string }).v;
      const t = c.rows.find((x) => x.indicatorId === id)!;
      const want = t.value === null ? "" : t.value;
      expect([id, r.ours(tab.name, i + 1, CONS_COL.total).v]).toEqual([id, want]);
      expect([id, r.exceljs(tab.name, i + 1, CONS_COL.total).result ?? ""]).toEqual([id, want]);
      if (t.rule === "sum") sums++;
      if (t.rule === "ratio" && t.value !== null) ratioTotals++;
    });
    expect(sums).toBeGreaterThan(10);
    expect(ratioTotals).toBeGreaterThan(0);
  });

  test("the spec is not changed; a formula the evaluator does not know keeps no result", () => {
    const wb: WorkbookSpec = {
      sheets: [
        {
          name: "S",
          columns: [{ width: 10 }, { width: 10 }],
          cells: [
            [
              { t: "n", v: 2 },
              { t: "f", f: "=A1*3" },
            ],
            [
              { t: "f", f: '=WEBSERVICE("http://x")' },
              { t: "f", f: "=A1/0" },
            ],
          ],
          styles: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          protect: false,
          print: { orientation: "portrait", paper: "A4", fitToWidth: true },
        },
      ],
    };
    const out = withFormulaResults(wb);
    expect(out.sheets[0].cells[0][1]).toEqual({ t: "f", f: "=A1*3", result: 6 });
    expect(out.sheets[0].cells[1][0]).toEqual({ t: "f", f: '=WEBSERVICE("http://x")' });
    expect(out.sheets[0].cells[1][1]).toEqual({ t: "f", f: "=A1/0", result: { error: "#DIV/0!" } });
    expect(wb.sheets[0].cells[0][1]).toEqual({ t: "f", f: "=A1*3" });
  });
});

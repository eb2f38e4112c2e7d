/**
 * The per-unit appendix (Phụ lục) of a consolidation: units as rows in the order of the expected list, units
 * that sent nothing marked, live formulas for every rate and for the Σ row. The written .xlsx is recomputed
 * by LibreOffice headless (a real spreadsheet client, formulas recalculated on load) and its Σ row must equal
 * the consolidation's totals, its rates the ratio of the summed parts.
 */
import ExcelJS from "exceljs";
import { appendixData } from "../../src/catalog/appendix";
import { buildAppendix } from "../../src/engine/appendix";
import { APPENDIX_FIRST_ROW, appendixColumn, buildAppendixSheet, watchLines } from "../../src/spec/appendix-layout";
import { consolidate, totalValues, UnitInput } from "../../src/engine/consolidate";
import { buildConsolidatedWorkbook } from "../../src/spec/consolidate-layout";
import { parsePeriod } from "../../src/engine/period";
import { writeWorkbook } from "../../src/xlsx/write";
import { convertWithLibreOffice } from "../support/libreoffice";
import { addinReport, unitInput } from "./helpers";

const V = "v2022-muc-do";
const PERIOD = parsePeriod("6T-2023")!;

/** Commune k's figures: settled, on time, received, online, plan, disbursed, staff — varied, consistent. */
function communeValues(k: number): Record<string, number> {
  const settled = 100 + ((k * 37) % 400);
  const onTime = settled - (k % 7) * 3;
  const received = settled + 10 + (k % 5);
  const online = Math.floor(received * (0.3 + (k % 10) / 20));
  const plan = 1000 + k * 50;
  return {
    "bm3:3.3.1": settled,
    "bm3:3.3.2": onTime,
    "bm7:6.4.1@v2022-muc-do": received,
    "bm7:6.4.2@v2022-muc-do": online,
    "bm6:1.1": plan,
    "bm6:1.2": Math.floor(plan * (0.2 + (k % 8) / 10)),
    "bm4:2.1": 20 + (k % 4),
    "bm4:2.2": 19 + (k % 4),
  };
}

function units(n: number): { inputs: UnitInput[]; names: string[] } {
  const names = Array.from({ length: n }, (_, k) => `UBND xã Số ${k + 1}`);
  // files arrive in another order than the expected list
  const order = names.map((_, k) => (k * 7) % n);
  const inputs = [...new Set(order)].map((k) => unitInput(`xa-${k + 1}.xlsx`, addinReport("xa", V, PERIOD, names[k], communeValues(k))));
  return { inputs, names };
}

async function recomputed(n: number, missing: number[]) {
  const { inputs, names } = units(n);
  const kept = inputs.filter((u) => u.read.ok && !missing.some((m) => u.read.ok && names[m] === u.read.report.meta.unit));
  const c = consolidate(kept, { level: "huyen", version: V, period: PERIOD, unit: "UBND huyện Tân Châu", expected: names });
  const wb = buildConsolidatedWorkbook(c, names);
  const bytes = await writeWorkbook(wb);
  const lo = convertWithLibreOffice(new Map([["tong-hop.xlsx", bytes]]), "xlsx").get("tong-hop.xlsx")!;
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(lo as unknown as ArrayBuffer);
  return { c, names, ws: x.getWorksheet("Phụ lục")!, appendix: buildAppendix(c, names) };
}

const valueOf = (cell: ExcelJS.Cell): number | string | null => {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: number | string }).result ?? null;
  return (v as number | string | null) ?? null;
};

describe.each([
  [24, [3, 17]],
  [100, [0, 42, 99]],
])("%i communes, %j missing", (n, missing) => {
  let r: Awaited<ReturnType<typeof recomputed>>;
  beforeAll(async () => {
    r = await recomputed(n, missing);
  }, 240_000);

  test("units in the order of the expected list, the missing ones marked", () => {
    for (let k = 0; k < n; k++) {
      const row = r.ws.getRow(APPENDIX_FIRST_ROW + k);
      expect(row.getCell(2).value).toBe(r.names[k]);
      const note = String(row.getCell(appendixColumn(r.appendix.columns.length)).value ?? "");
      if (missing.includes(k)) expect(note).toBe("Chưa nộp");
      else expect(note).not.toContain("Chưa nộp");
    }
  });

  test("LibreOffice's Σ row equals the consolidation's totals, and its rates the ratio of the summed parts", () => {
    const totals = totalValues(r.c);
    const totalRow = r.ws.getRow(APPENDIX_FIRST_ROW + n);
    expect(totalRow.getCell(2).value).toBe("Tổng cộng");
    const at = (key: string) => valueOf(totalRow.getCell(appendixColumn(r.appendix.columns.findIndex((c) => c.key === key))));
    for (const col of r.appendix.columns) {
      if (col.kind === "figure") {
        const want = col.rows.reduce((s, id) => s + (totals.get(id) ?? 0), 0);
        expect([col.key, at(col.key)]).toEqual([col.key, want]);
      } else {
        const num = at(col.numerator!) as number;
        const den = at(col.denominator!) as number;
        expect([col.key, at(col.key)]).toEqual([col.key, Math.round((num / den) * 10000) / 100]);
      }
    }
    // and every unit's rate is its own parts' ratio, computed by LibreOffice from the live formula
    for (let k = 0; k < n; k++) {
      if (missing.includes(k)) continue;
      const v = communeValues(k);
      const row = r.ws.getRow(APPENDIX_FIRST_ROW + k);
      const rateCol = appendixColumn(r.appendix.columns.findIndex((c) => c.key === "onTimeRate"));
      expect(valueOf(row.getCell(rateCol))).toBe(Math.round((v["bm3:3.3.2"] / v["bm3:3.3.1"]) * 10000) / 100);
    }
  });
});

test("the units to watch: lowest on each key rate below the overall rate, and the missing ones", () => {
  const { inputs, names } = units(12);
  const kept = inputs.filter((u) => u.read.ok && u.read.report.meta.unit !== names[5]);
  const c = consolidate(kept, { level: "huyen", version: V, period: PERIOD, unit: "UBND huyện Tân Châu", expected: names });
  const a = buildAppendix(c, names);
  const watchedRates = appendixData().groups.filter((g) => g.rate?.watch).length;
  const low = a.watch.filter((w) => w.kind === "low-rate");
  expect(low.length).toBeGreaterThan(0);
  expect(low.length).toBeLessThanOrEqual(3 * watchedRates);
  for (const w of low) if (w.kind === "low-rate") expect(w.value).toBeLessThan(w.total);
  // the lowest on-time rate is named first for its rate
  const onTime = names
    .map((u, k) => ({ u, k }))
    .filter(({ k }) => k !== 5)
    .map(({ u, k }) => ({ u, r: Math.round((communeValues(k)["bm3:3.3.2"] / communeValues(k)["bm3:3.3.1"]) * 10000) / 100 }))
    .sort((x, y) => x.r - y.r);
  expect(low.find((w) => w.kind === "low-rate" && w.rate === "onTimeRate")?.unit).toBe(onTime[0].u);
  expect(a.watch).toContainEqual({ kind: "missing", unit: names[5] });
  const lines = watchLines(a.watch);
  expect(lines.some((l) => l.includes(names[5]) && l.includes("chưa nộp"))).toBe(true);
  // the sheet lists them under the table
  const sheet = buildAppendixSheet(c, a);
  const texts = sheet.cells.flat().filter((x) => x && x.t === "s").map((x) => (x as { v: string }).v);
  for (const l of lines) expect(texts).toContain(l);
});

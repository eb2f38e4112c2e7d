/**
 * A consolidation compared with the previous period's: the previous Tổng hợp tab read back, three old
 * communes that became one new commune (2025 reform) carried onto it through the "old → new" list, a unit
 * that reported before and is missing now named, rates recomputed from the previous parts.
 */
import { consolidate } from "../../src/engine/consolidate";
import { buildConsolidatedSheet } from "../../src/spec/consolidate-layout";
import { parsePeriod } from "../../src/engine/period";
import {
  comparePrevious,
  parseUnitsMap,
  previousTotals,
  readPreviousConsolidation,
} from "../../src/engine/previous-consolidation";
import { addinReport, specToGrid, unitInput } from "./helpers";

const V = "v2022-muc-do";
const figs = (k: number): Record<string, number> => ({
  "bm3:3.3.1": 100 * k,
  "bm3:3.3.2": 90 * k,
  "bm4:2.2": 10 + k,
});

function consolidation(period: string, units: [string, number][]) {
  const p = parsePeriod(period)!;
  return consolidate(
    units.map(([u, k], i) => unitInput(`f${i}.xlsx`, addinReport("xa", V, p, u, figs(k)))),
    { level: "huyen", version: V, period: p, unit: "UBND huyện Tân Châu" }
  );
}

test("three old communes merged into one: the new unit's previous figure is their sum; a unit gone is flagged", () => {
  const before = consolidation("6T-2024", [
    ["Xã An Bình", 1],
    ["Xã An Lập", 2],
    ["Xã An Điền", 3],
    ["Xã Định Hiệp", 4],
    ["Xã Long Tân", 5],
  ]);
  const prev = readPreviousConsolidation([specToGrid(buildConsolidatedSheet(before))]);
  expect(prev).toBeDefined();
  expect(prev!.period).toEqual({ kind: "6T", year: 2024 });
  expect(prev!.units.get("Xã An Lập")!.get("bm3:3.3.1")).toBe(200);

  const now = consolidation("6T-2025", [
    ["Xã Tân Lập", 7],
    ["Xã Định Hiệp", 4],
  ]);
  const { map, bad } = parseUnitsMap(
    "# xã cũ → xã mới\nxã an bình → Xã Tân Lập\nXã An Lập -> Xã Tân Lập\nXã An Điền\tXã Tân Lập\n\nmột dòng hỏng\n"
  );
  expect(bad).toEqual(["một dòng hỏng"]);
  const cmp = comparePrevious(now, prev!, map);
  expect(cmp.byUnit.get("Xã Tân Lập")!.values.get("bm3:3.3.1")).toBe(100 + 200 + 300);
  expect(cmp.byUnit.get("Xã Tân Lập")!.from.sort()).toEqual(["Xã An Bình", "Xã An Lập", "Xã An Điền"].sort());
  expect(cmp.byUnit.get("Xã Định Hiệp")!.values.get("bm4:2.2")).toBe(14);
  expect(cmp.missingNow).toEqual(["Xã Long Tân"]);
  const totals = previousTotals(now, prev!, cmp);
  // like for like: the units counted now, Long Tân left out
  expect(totals.get("bm3:3.3.1")).toBe(100 + 200 + 300 + 400);
  expect(totals.get("bm3:3.3.2")).toBe(90 + 180 + 270 + 360);
  expect(totals.get("bm3:3.3")).toBe(90);
});

test("without a map, units keep their names; a file with no Tổng hợp tab gives none", () => {
  const before = consolidation("Q1-2025", [
    ["Xã A", 1],
    ["Xã B", 2],
  ]);
  const prev = readPreviousConsolidation([specToGrid(buildConsolidatedSheet(before))])!;
  const now = consolidation("6T-2025", [
    ["XÃ A", 3],
    ["Xã C", 1],
  ]);
  const cmp = comparePrevious(now, prev);
  expect([...cmp.byUnit.keys()]).toEqual(["XÃ A"]);
  expect(cmp.missingNow).toEqual(["Xã B"]);
  expect(readPreviousConsolidation([{ name: "Sheet1", values: [["STT", "Chỉ tiêu"]] }])).toBeUndefined();
});

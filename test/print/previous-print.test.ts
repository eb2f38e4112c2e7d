/**
 * The Tổng hợp tab compared with the previous period, printed and recalculated by LibreOffice headless: the
 * three comparison columns ("Kỳ trước", "Thay đổi", "Thay đổi (%)") between the fixed columns and the units
 * print with no text over text, on A4 landscape pages, and LibreOffice's own results of the change formulas
 * equal the previous figures' differences. A page is rendered to PNG (test-artifacts/print-previous/) to look at.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { consolidate, Consolidation } from "../../src/engine/consolidate";
import { buildConsolidatedWorkbook, CONS_COL, CONS_PREV_COL } from "../../src/spec/consolidate-layout";
import { comparePreviousPeriod } from "../../src/app/consolidate";
import { parseUnitsMap, PreviousOutcome } from "../../src/engine/previous-consolidation";
import { readWorkbookBytes } from "../../src/xlsx/node";
import { writeWorkbook } from "../../src/xlsx/write";
import { addinReport, unitInput } from "../consolidate/helpers";
import { consistentFigures } from "../support/figures";
import { convertWithLibreOffice } from "../support/libreoffice";
import { convertToPdf, isA4, overlaps, pdfPages, pageSizes } from "./pdf";

jest.setTimeout(240_000);

const OUT = path.resolve(__dirname, "../../test-artifacts/print-previous");
const V = "v2023-dvctt";

function district(period: { kind: "6T" | "N"; year: number }, units: [string, number][]): Consolidation {
  return consolidate(
    units.map(([u, base], k) =>
      unitInput(`xa-${k}.xlsx`, addinReport("xa", V, period, u, Object.fromEntries(consistentFigures("xa", V, base))))
    ),
    { level: "huyen", version: V, period, unit: "UBND huyện Tân Châu" }
  );
}

let file: string;
let now: Consolidation;
let prev: PreviousOutcome;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const before = district({ kind: "N", year: 2024 }, [
    ["UBND xã Thạnh Đông", 11],
    ["UBND xã Thạnh Tây", 12],
    ["UBND xã Thạnh Bắc", 13],
    ["UBND xã Suối Dây", 20],
    ["UBND xã Tân Hòa", 30],
  ]);
  // last period's consolidation as a real file, read back as the CLI and the pane read it
  const back = readWorkbookBytes(await writeWorkbook(buildConsolidatedWorkbook(before)));
  if (!back.ok) throw new Error(back.reason);
  now = district({ kind: "6T", year: 2025 }, [
    ["UBND xã Thạnh Đông mới sau sắp xếp đơn vị hành chính năm 2025", 40],
    ["UBND xã Suối Dây", 22],
  ]);
  const map = parseUnitsMap(
    ["Thạnh Đông", "Thạnh Tây", "Thạnh Bắc"]
      .map((x) => `UBND xã ${x} → UBND xã Thạnh Đông mới sau sắp xếp đơn vị hành chính năm 2025`)
      .join("\n")
  ).map;
  prev = comparePreviousPeriod(now, "tong-hop-nam-2024.xlsx", { ok: true, sheets: back.sheets }, map);
  file = path.join(OUT, "tong-hop-ky-truoc.xlsx");
  fs.writeFileSync(file, await writeWorkbook(buildConsolidatedWorkbook(now, [], prev)));
});

test("compared with last year: printed with no text over text, A4 landscape first, a page to look at", () => {
  expect(prev.ok).toBe(true);
  const [pdf] = convertToPdf([file], OUT, path.join(OUT, "profile"));
  const pages = pdfPages(pdf);
  const sizes = pageSizes(pdf);
  expect(sizes.every(isA4)).toBe(true);
  expect(sizes[0].width).toBeGreaterThan(sizes[0].height);
  const text = pages.map((p) => p.lines.map((l) => l.text).join("\n"));
  const first = text.findIndex((t) => t.includes("Kỳ trước"));
  expect(first).toBe(0);
  expect(text[0]).toContain("Thay đổi (%)");
  expect(text.some((t) => t.includes("SO VỚI KỲ TRƯỚC"))).toBe(true);
  const bad = pages.flatMap((p, i) => overlaps(p).map(([a, b]) => `page ${i + 1}: "${a.text}" over "${b.text}"`));
  expect(bad).toEqual([]);
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", pdf, path.join(OUT, "tong-hop-ky-truoc")]);
  expect(fs.readdirSync(OUT).some((f) => /^tong-hop-ky-truoc-0*1\.png$/.test(f))).toBe(true);
});

test("LibreOffice's own results of the change formulas are this period minus the previous figure", () => {
  const lo = convertWithLibreOffice(new Map([["t.xlsx", fs.readFileSync(file)]]), "xlsx").get("t.xlsx")!;
  const r = readWorkbookBytes(lo);
  if (!r.ok) throw new Error(r.reason);
  const tab = r.sheets.find((s) => s.name === "Tổng hợp")!;
  const col = prev.ok ? prev.column : undefined;
  let checked = 0;
  for (const row of tab.values) {
    const id = row[CONS_COL.id - 1];
    const p = typeof id === "string" ? col!.values.get(id) : undefined;
    const total = row[CONS_COL.total - 1];
    if (p === undefined || typeof total !== "number") continue;
    expect([id, row[CONS_PREV_COL.previous - 1]]).toEqual([id, p]);
    expect([id, row[CONS_PREV_COL.change - 1]]).toEqual([id, Math.round((total - p) * 100) / 100]);
    const pct = row[CONS_PREV_COL.changePct - 1];
    if (typeof pct === "number") expect([id, pct]).toEqual([id, Math.round(((total - p) / p) * 10000) / 100]);
    checked++;
  }
  expect(checked).toBeGreaterThan(20);
});

/**
 * Carry forward, on request only: the previous report's stock figures (staff, procedures in force, units,
 * systems connected) go into the EMPTY value cells of the next period's forms, each listed with its sheet,
 * cell, value and file; flows, cumulative figures and rates never; a typed figure is never overwritten; a file
 * of another unit or of a later period is refused with the reason. Through `cchc new --carry-from` and the
 * app's carryForward against the in-memory workbook.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { carryForward, planCarry } from "../../src/app/previous";
import type { ExcelHost } from "../../src/app/host";
import { check } from "../../src/app/check-session";
import { natureOf } from "../../src/catalog/nature";
import { a1 } from "../../src/engine/a1";
import { fillForms } from "../../src/spec/consolidate-layout";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { parsePeriod } from "../../src/engine/period";
import { readUnitFile } from "../../src/xlsx/consolidate-files";
import { MemoryWorkbook } from "../../src/xlsx/memory-host";
import { readWorkbookPath } from "../../src/xlsx/node";
import { writeWorkbook } from "../../src/xlsx/write";
import { cchc } from "../support/cli";
import { consistentFigures } from "../support/figures";

const V = "v2022-muc-do";
const UNIT = "UBND xã Tân Lập";
let dir: string;
let prevFile: string;

const prevFigures = () => {
  const m = new Map<string, number>();
  for (const [id, v] of consistentFigures("xa", V, 12)) if (natureOf(id)?.nature !== "ratio") m.set(id, v);
  return m;
};
const stocks = () => [...prevFigures().keys()].filter((id) => natureOf(id)?.nature === "stock");

async function report(file: string, period: string, unit = UNIT) {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period: parsePeriod(period)!, unit });
  fillForms(wb, prevFigures());
  fs.writeFileSync(file, await writeWorkbook(wb));
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-carry-"));
  prevFile = await report(path.join(dir, "nam-2024.xlsx"), "N-2024");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const newArgs = (out: string, ...more: string[]) => [
  "new",
  "-o",
  out,
  "--level",
  "xa",
  "--period",
  "Q1-2025",
  "--unit",
  UNIT,
  "--version",
  V,
  ...more,
];

test("cchc new --carry-from: last year's stock figures in the new forms, each listed; nothing else carried", async () => {
  const out = path.join(dir, "quy-1-2025.xlsx");
  const r = await cchc(...newArgs(out, "--carry-from", prevFile));
  expect(r.code).toBe(0);
  const read = readWorkbookPath(out);
  if (!read.ok) throw new Error(read.reason);
  const rep = check(read.sheets, read.settings).report;
  const want = prevFigures();
  const carried = [...rep.entries].filter(([, e]) => e.value.state === "value" && !e.formula).map(([id]) => id);
  expect(carried.sort()).toEqual(stocks().sort());
  expect(carried.length).toBeGreaterThan(10);
  for (const id of carried) {
    const e = rep.entries.get(id)!;
    expect([id, e.value.number]).toEqual([id, want.get(id)]);
    // listed with sheet, cell, value and file
    expect(r.out).toContain(`${e.ref!.sheet}!${a1(e.ref!)} (chỉ tiêu ${e.printedCode}): `);
  }
  expect(r.out.split("\n").filter((l) => l.endsWith("lấy từ tệp nam-2024.xlsx"))).toHaveLength(carried.length);
  // a flow of last year is not this quarter's
  expect(rep.entries.get("bm3:3.3.1")!.value.state).toBe("missing");
});

test("cchc new --carry-from another unit's or a later report: refused with the reason, no file written", async () => {
  const other = await report(path.join(dir, "khac.xlsx"), "N-2024", "UBND xã Hòa Bình");
  const later = await report(path.join(dir, "6t-2025.xlsx"), "6T-2025");
  for (const [file, message] of [
    [other, /đó là báo cáo của UBND xã Hòa Bình, không phải của UBND xã Tân Lập/],
    [later, /6 tháng đầu năm 2025 không phải kỳ trước của Quý I năm 2025/],
    [path.join(dir, "khong-co.xlsx"), /^Không điền sẵn từ tệp khong-co\.xlsx/],
  ] as const) {
    const out = path.join(dir, `refused-${path.basename(file)}`);
    const r = await cchc(...newArgs(out, "--carry-from", file));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  }
});

test("in the workbook: only empty cells are filled, a typed figure is kept and listed", async () => {
  const wb = MemoryWorkbook.empty();
  const host: ExcelHost = wb;
  const settings = { level: "xa" as const, version: V, period: parsePeriod("Q1-2025")!, unit: UNIT };
  await host.writeWorkbook(buildFormsWorkbook([], settings), { existing: "keep" });
  // the user already typed this quarter's staff figure
  const before = check((await host.readSheets()).sheets, {}).report;
  const staff = before.entries.get("bm4:2.2")!.ref!;
  await host.writeCells(staff.sheet, [{ a1: a1(staff), cell: { t: "n", v: 3 } }]);

  const plan = await carryForward(
    host,
    settings,
    { name: "nam-2024.xlsx", bytes: fs.readFileSync(prevFile) },
    readUnitFile
  );
  expect(plan.refused).toBeUndefined();
  expect(plan.kept).toEqual([{ sheet: staff.sheet, a1: a1(staff), code: "2.2", typed: "3" }]);
  expect(plan.write.map((c) => c.indicatorId).sort()).toEqual(
    stocks()
      .filter((id) => id !== "bm4:2.2")
      .sort()
  );
  for (const c of plan.write) expect(c.from).toBe("nam-2024.xlsx");
  const after = check((await host.readSheets()).sheets, {}).report;
  expect(after.entries.get("bm4:2.2")!.value.number).toBe(3);
  for (const c of plan.write)
    expect([c.indicatorId, after.entries.get(c.indicatorId)!.value.number]).toEqual([c.indicatorId, c.value]);
  expect(plan.lines.some((l) => l.includes("giữ số đã nhập 3"))).toBe(true);

  // asked again: every stock cell is filled or typed now, nothing is written
  const writes = jest.spyOn(host, "writeCells");
  const again = await carryForward(
    host,
    settings,
    { name: "nam-2024.xlsx", bytes: fs.readFileSync(prevFile) },
    readUnitFile
  );
  expect(again.write).toEqual([]);
  expect(writes).not.toHaveBeenCalled();
  // an unreadable file: the reason, nothing else
  const bad = planCarry(after, settings, readUnitFile("x.xlsx", new Uint8Array([1])));
  expect(bad.refused).toMatch(/^Không điền sẵn từ tệp x\.xlsx: /);
});

/**
 * `cchc consolidate` end to end on real .xlsx files: two written by the add-in's writer, one hand-made
 * (seed 004 typed as a user would, UBND xã Chi Lăng Nam), a corrupt file, a duplicate and a file of the
 * wrong period. The written workbook is read back: the district's forms carry the totals and validate
 * clean, and the Tổng hợp tab keeps unit names as text.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { fillForms } from "../../src/spec/consolidate-layout";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { decodeMeta } from "../../src/engine/conventions";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { runConsolidate } from "../../src/cli/consolidate";
import { consolidateFiles } from "../../src/xlsx/consolidate-files";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";

import type { Period } from "../../src/engine/types";

const N2023: Period = { kind: "N", year: 2023 };
const V = "v2022-muc-do";
let dir: string;

async function addinFile(
  name: string,
  unit: string,
  values: Record<string, number | string>,
  period: Period = N2023
): Promise<string> {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period, unit });
  fillForms(wb, new Map(Object.entries(values)));
  const f = path.join(dir, name);
  fs.writeFileSync(f, await writeWorkbook(wb));
  return f;
}

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const so = jest.spyOn(process.stdout, "write").mockImplementation((s: unknown) => ((out += String(s)), true));
  const se = jest.spyOn(process.stderr, "write").mockImplementation((s: unknown) => ((err += String(s)), true));
  try {
    const code = await runConsolidate(args);
    return { code, out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cons-"));
  const a = await addinFile("an-binh.xlsx", "=UBND xã An Bình", {
    "bm3:3.3.1": 1200,
    "bm3:3.3.2": 1150,
    "bm4:2.1": 18,
    "bm1:6": 0,
  });
  const b = await addinFile("binh-minh.xlsx", "UBND xã Bình Minh", {
    "bm3:3.3.1": 800,
    "bm3:3.3.2": 790,
    "bm4:2.1": 22,
    "bm1:6": 1,
    "bm1:6.1": 150,
  });
  // seed 004 has no unit name in its cells: the name comes from the file name
  const c = path.join(dir, "UBND xã Chi Lăng Nam.xlsx");
  fs.writeFileSync(c, await makeSeedWorkbook("004", "sheet-per-form"));
  const bad = path.join(dir, "hong.xlsx");
  fs.writeFileSync(bad, Buffer.from("PK\u0003\u0004 not really a zip"));
  const dup = await addinFile("binh-minh-gui-lai.xlsx", "UBND XÃ BÌNH MINH", { "bm3:3.3.1": 5 });
  const q1 = await addinFile("cao-thang.xlsx", "UBND xã Cao Thắng", { "bm3:3.3.1": 7 }, { kind: "Q1", year: 2023 });
  files = [a, b, c, bad, dup, q1];
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--json: statuses, missing units and totals by the district's printed codes; the output is written", async () => {
  const out = path.join(dir, "tong-hop.xlsx");
  const expect_ = path.join(dir, "ds.txt");
  fs.writeFileSync(expect_, "UBND xã An Bình\nUBND xã Bình Minh\n# comment\nUBND xã Hồng Quang\n");
  const r = await capture([
    ...files,
    "-o",
    out,
    "--level",
    "huyen",
    "--period",
    "N-2023",
    "--unit",
    "UBND huyện Thanh Miện",
    "--expect",
    expect_,
    "--json",
  ]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(j.units.map((u: { status: string }) => u.status)).toEqual([
    "ok",
    "ok",
    "ok",
    "unreadable",
    "duplicate",
    "wrong-period",
  ]);
  expect(j.units[0]).toEqual({
    file: files[0],
    unit: "=UBND xã An Bình",
    status: "ok",
    errors: 0,
    warnings: expect.any(Number),
    messages: expect.any(Array),
  });
  // "=UBND xã An Bình" folds to the expected "UBND xã An Bình"
  expect(j.missing).toEqual(["UBND xã Hồng Quang"]);
  // seed 004: 3.3.1 = 3.225, 3.3.2 = 3.225, 4 2.1 = 20, survey ballots 3.225
  expect(j.totals["3:3.3.1"]).toBe(1200 + 800 + 3225);
  expect(j.totals["3:3.3.2"]).toBe(1150 + 790 + 3225);
  expect(j.totals["3:3.3"]).toBe(98.85);
  expect(j.totals["4:2.1"]).toBe(60);
  expect(j.totals["1:5.1"]).toBe(150 + 3225);
  expect(j.totals["1:1"]).toBeNull();

  const rd = readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "tong-hop.xlsx");
  if (!rd.ok) throw new Error(rd.reason);
  const tab = rd.sheets.find((s) => s.name === "Tổng hợp")!;
  expect(decodeMeta(tab.values[0][5])).toMatchObject({ kind: "consolidated", level: "huyen" });
  expect(tab.values[3]).toContain("=UBND xã An Bình");
  expect(tab.formulas?.[3]?.some((f) => f)).toBeFalsy();
  const report = readReport(rd.sheets, { settings: rd.settings });
  expect(report.meta).toMatchObject({ level: "huyen", unit: "UBND huyện Thanh Miện", period: N2023 });
  expect(report.entries.get("bm3:3.3.1")!.value.number).toBe(5225);
  expect(report.entries.get("bm3:3.3")!.value.number).toBe(98.85);
  expect(validate(report).filter((f) => f.severity === "error")).toEqual([]);
}, 60000);

test("--json and the Tổng hợp tab: a total lacking a unit's unreadable figure names the unit", async () => {
  const a = await addinFile("xa-a.xlsx", "UBND xã A", { "bm3:3.3.1": 1200, "bm3:3.3.2": 1150 });
  const b = await addinFile("xa-b.xlsx", "UBND xã B", { "bm3:3.3.1": "abc", "bm3:3.3.2": 790 });
  const out = path.join(dir, "tong-hop-abc.xlsx");
  const r = await capture([a, b, "-o", out, "--level", "huyen", "--period", "N-2023", "--unit", "H", "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(j.totals["3:3.3.1"]).toBe(1200);
  expect(j.incomplete["3:3.3.1"]).toEqual(["UBND xã B"]);
  expect(j.incomplete["3:3.3"]).toEqual(["UBND xã B"]);
  expect(j.incomplete["3:3.3.2"]).toBeUndefined();
  expect(j.units[1].unread).toEqual([{ form: 3, code: "3.3.1", text: "abc" }]);
  expect(j.units[1].messages.join(" ")).toMatch(/Không đọc được 1 số: Biểu mẫu 3 dòng 3.3.1 \("abc"\)/);
  const rd = readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "tong-hop-abc.xlsx");
  if (!rd.ok) throw new Error(rd.reason);
  const tab = rd.sheets.find((s) => s.name === "Tổng hợp")!;
  const line = tab.values.find((v) => v[5] === "bm3:3.3.1")!;
  expect(line[7]).toBe("Chưa đủ 1 đơn vị: UBND xã B (không đọc được số)");
}, 60000);

test("exit 2 and nothing written when no file can be consolidated; bad arguments give one Vietnamese line", async () => {
  const out = path.join(dir, "khong.xlsx");
  const r = await capture([files[3], files[5], "-o", out, "--level", "huyen", "--period", "N-2023", "--unit", "H"]);
  expect(r.code).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
  expect(r.err).toMatch(/Không có tệp nào tổng hợp được/);
  const bad = await capture([files[0], "-o", out, "--level", "xa", "--period", "N-2023", "--unit", "H"]);
  expect(bad.code).toBe(2);
  expect(bad.err.split("\n")[0]).toBe('Cấp "xa" không tổng hợp được (chọn tinh hoặc huyen).');
  const p = await capture([files[0], "-o", out, "--level", "huyen", "--period", "quý 5", "--unit", "H"]);
  expect(p.err).toMatch(/Kỳ báo cáo "quý 5" không hợp lệ/);
});

test("never overwrites a workbook holding the user's own sheets", async () => {
  const user = path.join(dir, "cua-toi.xlsx");
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chép").getCell("A1").value = "của tôi";
  await wb.xlsx.writeFile(user);
  const before = fs.readFileSync(user);
  const r = await capture([files[0], "-o", user, "--level", "huyen", "--period", "N-2023", "--unit", "H"]);
  expect(r.code).toBe(2);
  expect(fs.readFileSync(user).equals(before)).toBe(true);
});

test("consolidating again into the file it wrote replaces it (every sheet it wrote, Phụ lục included, is known as its own)", async () => {
  const out = path.join(dir, "lan-hai.xlsx");
  const args = [files[0], files[1], "-o", out, "--level", "huyen", "--period", "N-2023", "--unit", "H"];
  expect((await capture(args)).code).toBe(0);
  const first = readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "lan-hai.xlsx");
  if (!first.ok) throw new Error(first.reason);
  const unknown = first.sheets.filter((s) => s.name !== "_CCHC" && !decodeMeta(s.values?.[0]?.[5])).map((s) => s.name);
  expect(unknown).toEqual([]);
  const again = await capture(args);
  expect(again.err).toBe("");
  expect(again.code).toBe(0);
});

test("consolidateFiles (pane): progress per file and the same totals", async () => {
  const seen: string[] = [];
  const c = await consolidateFiles(
    files.slice(0, 3).map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) })),
    { level: "huyen", version: V, period: N2023, unit: "H" },
    (done, total, name) => seen.push(`${done}/${total} ${name}`)
  );
  expect(seen).toEqual(["1/3 an-binh.xlsx", "2/3 binh-minh.xlsx", "3/3 UBND xã Chi Lăng Nam.xlsx"]);
  expect(c.rows.find((r) => r.indicatorId === "bm3:3.3.1")!.value).toBe(5225);
});

/**
 * A consolidation compared with the previous period, on real .xlsx files, through `cchc consolidate
 * --previous … --units-map …` and through the app's consolidateFiles (what the pane calls): last year's
 * district consolidation had five communes; three of them (An Bình, An Lập, An Điền) became Xã Tân Lập, one
 * kept its name and one (Long Tân) sends nothing now. The new unit's previous figure is the three old ones'
 * sum, the change is a live formula, the unit gone is flagged, and files that cannot serve as the previous
 * period are refused in one line while the consolidation still runs.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { runConsolidate } from "../../src/cli/consolidate";
import { consolidateFiles } from "../../src/app/consolidate";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { CONS_COL, CONS_HEADER_ROW, CONS_PREV_COL, consFirstUnit, fillForms } from "../../src/spec/consolidate-layout";
import { evaluateFormula } from "../../src/engine/formula";
import { parsePeriod } from "../../src/engine/period";
import type { GridSheet } from "../../src/engine/types";
import { readUnitFile } from "../../src/xlsx/consolidate-files";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";

jest.setTimeout(60_000);

/** `cchc consolidate …` in-process, its stdout and stderr captured (it writes to the process streams). */
async function cchc(...cmdline: string[]): Promise<{ code: number; out: string; err: string }> {
  const [cmd, ...argv] = cmdline;
  expect(cmd).toBe("consolidate");
  let out = "";
  let err = "";
  const so = jest.spyOn(process.stdout, "write").mockImplementation((s: unknown) => ((out += String(s)), true));
  const se = jest.spyOn(process.stderr, "write").mockImplementation((s: unknown) => ((err += String(s)), true));
  try {
    return { code: await runConsolidate(argv), out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

const V = "v2022-muc-do";
let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);

/** A commune's report as the add-in writes it: files settled (3.3.1), on time (3.3.2), staff (4:2.2). */
async function commune(sub: string, period: string, unit: string, k: number): Promise<string> {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period: parsePeriod(period)!, unit });
  fillForms(
    wb,
    new Map<string, number>([
      ["bm3:3.3.1", 100 * k],
      ["bm3:3.3.2", 90 * k],
      ["bm4:2.2", 10 + k],
    ])
  );
  fs.mkdirSync(at(sub), { recursive: true });
  const f = at(sub, `${unit}.xlsx`);
  fs.writeFileSync(f, await writeWorkbook(wb));
  return f;
}

function sheets(file: string): GridSheet[] {
  const r = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  if (!r.ok) throw new Error(r.reason);
  return r.sheets;
}
const cellAt = (sh: GridSheet, row: number, col: number) => sh.values[row - 1]?.[col - 1] ?? null;
const rowOf = (sh: GridSheet, id: string) => sh.values.findIndex((r) => r[CONS_COL.id - 1] === id) + 1;
const tab = (file: string, name = "Tổng hợp") => sheets(file).find((s) => s.name === name)!;

let before: string[];
let now: string[];
let prevFile: string;
let mapFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-prevcons-"));
  before = [];
  for (const [u, k] of [
    ["Xã An Bình", 1],
    ["Xã An Lập", 2],
    ["Xã An Điền", 3],
    ["Xã Định Hiệp", 4],
    ["Xã Long Tân", 5],
  ] as const)
    before.push(await commune("2024", "6T-2024", u, k));
  now = [await commune("2025", "6T-2025", "UBND xã Tân Lập", 7), await commune("2025", "6T-2025", "Xã Định Hiệp", 4)];
  prevFile = at("tong-hop-6t-2024.xlsx");
  const r = await cchc(
    "consolidate",
    ...before,
    "-o",
    prevFile,
    "--level",
    "huyen",
    "--period",
    "6T-2024",
    "--unit",
    "UBND huyện Tân Châu"
  );
  expect(r.code).toBe(0);
  mapFile = at("xa-cu-moi.txt");
  fs.writeFileSync(
    mapFile,
    "# xã cũ → xã mới\nUBND xã An Bình → UBND xã Tân Lập\nXã An Lập -> Xã Tân Lập\nxã an điền\tXã Tân Lập\n"
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const args = (out: string, ...more: string[]) => [
  "consolidate",
  ...now,
  "-o",
  out,
  "--level",
  "huyen",
  "--period",
  "6T-2025",
  "--unit",
  "UBND huyện Tân Châu",
  ...more,
];

describe("cchc consolidate --previous", () => {
  test("three old communes merged into one: the new unit's previous figure is their sum; the unit gone is flagged", async () => {
    const out = at("tong-hop-6t-2025.xlsx");
    const r = await cchc(...args(out, "--previous", prevFile, "--units-map", mapFile, "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.previous.used).toBe(true);
    expect(j.previous.period).toBe("6T-2024");
    // like for like: the units counted now (Tân Lập = An Bình + An Lập + An Điền, and Định Hiệp); Long Tân left out
    expect(j.previous.totals["3:3.3.1"]).toBe(100 + 200 + 300 + 400);
    expect(j.previous.totals["3:3.3"]).toBe(90);
    expect(j.previous.merged).toEqual([{ unit: "UBND xã Tân Lập", from: ["Xã An Bình", "Xã An Lập", "Xã An Điền"] }]);
    expect(j.previous.missingNow).toEqual(["Xã Long Tân"]);

    const t = tab(out);
    expect(String(cellAt(t, CONS_HEADER_ROW, CONS_PREV_COL.previous))).toBe("Kỳ trước (6 tháng đầu năm 2024)");
    expect(cellAt(t, CONS_HEADER_ROW, CONS_PREV_COL.change)).toBe("Thay đổi");
    // the unit columns moved right of the comparison columns
    expect(cellAt(t, CONS_HEADER_ROW, consFirstUnit(true))).toBe("UBND xã Tân Lập");
    const row = rowOf(t, "bm3:3.3.1");
    expect(cellAt(t, row, CONS_COL.total)).toBe(700 + 400);
    expect(cellAt(t, row, CONS_PREV_COL.previous)).toBe(1000);
    // the change is a live formula (its cached result is in the file)
    expect(t.formulas![row - 1][CONS_PREV_COL.change - 1]).toMatch(/^=IF\(ISNUMBER\(I\d+\)/);
    expect(cellAt(t, row, CONS_PREV_COL.change)).toBe(100);
    expect(cellAt(t, row, CONS_PREV_COL.changePct)).toBe(10);
    // a rate: previous from the previous parts, change in points, no % of a %
    const rate = rowOf(t, "bm3:3.3");
    expect(cellAt(t, rate, CONS_PREV_COL.previous)).toBe(90);
    expect(cellAt(t, rate, CONS_PREV_COL.change)).toBe(0);
    expect(cellAt(t, rate, CONS_PREV_COL.changePct)).toBeNull();

    // a corrected total typed in "Điều chỉnh" is what the change compares
    const grid: GridSheet = { ...t, values: t.values.map((r) => [...r]) };
    grid.values[row - 1][CONS_COL.override - 1] = 1200;
    grid.values[row - 1][CONS_PREV_COL.change - 1] = null;
    expect(evaluateFormula(t.formulas![row - 1][CONS_PREV_COL.change - 1]!, grid)).toBe(200);

    // the status tab names the merger and the unit that reported before and sends nothing now
    const status = tab(out, "Tình trạng tệp").values.flat().map(String);
    expect(status).toContain("SO VỚI KỲ TRƯỚC");
    expect(status.some((s) => /^UBND xã Tân Lập: số kỳ trước cộng từ Xã An Bình, Xã An Lập, Xã An Điền/.test(s))).toBe(
      true
    );
    expect(status.some((s) => s.startsWith("Xã Long Tân: có trong tổng hợp kỳ trước"))).toBe(true);

    // the text output says the same
    const plain = await cchc(...args(at("plain.xlsx"), "--previous", prevFile, "--units-map", mapFile));
    expect(plain.code).toBe(0);
    expect(plain.out).toContain("Xã Long Tân: có trong tổng hợp kỳ trước");
  });

  test("without the units list the old communes are units gone and the new one has no previous figure", async () => {
    const out = at("no-map.xlsx");
    const r = await cchc(...args(out, "--previous", prevFile, "--json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.previous.totals["3:3.3.1"]).toBe(400);
    expect(j.previous.missingNow.sort()).toEqual(["Xã An Bình", "Xã An Lập", "Xã An Điền", "Xã Long Tân"].sort());
    expect(j.previous.noPrevious).toEqual(["UBND xã Tân Lập"]);
  });

  test("a file that cannot be the previous period: one line, and the consolidation runs without the columns", async () => {
    const later = at("tong-hop-n-2025.xlsx");
    const year = [await commune("n2025", "N-2025", "UBND xã Tân Lập", 9)];
    const l = await cchc(
      "consolidate",
      ...year,
      "-o",
      later,
      "--level",
      "huyen",
      "--period",
      "N-2025",
      "--unit",
      "UBND huyện Tân Châu"
    );
    expect(l.code).toBe(0);
    const cases: [string, string, RegExp][] = [
      [before[0], "not-consolidation", /không có trang "Tổng hợp"/],
      [later, "later-period", /là tổng hợp Năm 2025, không phải kỳ trước của 6 tháng đầu năm 2025/],
      [at("khong-co.xlsx"), "unreadable", /^Không đọc được tệp kỳ trước khong-co\.xlsx/],
    ];
    for (const [file, reason, message] of cases) {
      const out = at(`refused-${reason}.xlsx`);
      const r = await cchc(...args(out, "--previous", file, "--json"));
      expect([reason, r.code]).toEqual([reason, 0]);
      const j = JSON.parse(r.out);
      expect(j.previous).toEqual(expect.objectContaining({ used: false, reason }));
      expect(j.previous.message).toMatch(message);
      expect(j.previous.message).toMatch(/vẫn tổng hợp, không có cột kỳ trước\.$/i);
      expect(j.totals["3:3.3.1"]).toBe(1100);
      const t = tab(out);
      expect(cellAt(t, CONS_HEADER_ROW, CONS_COL.firstUnit)).toBe("UBND xã Tân Lập");
      expect(tab(out, "Tình trạng tệp").values.flat()).toContain(j.previous.message);
      const text = await cchc(...args(at(`refused-${reason}-text.xlsx`), "--previous", file));
      expect(text.err.split("\n").filter((s) => s === j.previous.message)).toHaveLength(1);
    }
    // the same period and another level
    const same = await cchc(...args(at("same.xlsx"), "--previous", at("plain.xlsx"), "--json"));
    expect(JSON.parse(same.out).previous.reason).toBe("same-period");
    const prov = at("tinh.xlsx");
    expect(
      (
        await cchc(
          "consolidate",
          ...before,
          "-o",
          prov,
          "--level",
          "tinh",
          "--period",
          "6T-2024",
          "--unit",
          "UBND tỉnh Tây Ninh"
        )
      ).code
    ).toBe(0);
    const lvl = await cchc(...args(at("lvl.xlsx"), "--previous", prov, "--json"));
    expect(JSON.parse(lvl.out).previous).toEqual(
      expect.objectContaining({
        reason: "other-level",
        message: expect.stringMatching(/cấp tỉnh, kỳ này tổng hợp cấp huyện/),
      })
    );
  });

  test("a Tổng hợp that was itself compared with its previous period serves as the next one's previous period", async () => {
    // tong-hop-6t-2025.xlsx (first test) carries Kỳ trước / Thay đổi columns before its unit columns
    const year = [await commune("n2025b", "N-2025", "UBND xã Tân Lập", 9)];
    const r = await cchc(
      "consolidate",
      ...year,
      "-o",
      at("tong-hop-n-2025-b.xlsx"),
      "--level",
      "huyen",
      "--period",
      "N-2025",
      "--unit",
      "UBND huyện Tân Châu",
      "--previous",
      at("tong-hop-6t-2025.xlsx"),
      "--json"
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.previous.used).toBe(true);
    expect(j.previous.totals["3:3.3.1"]).toBe(700);
    expect(j.previous.missingNow).toEqual(["Xã Định Hiệp"]);
  });

  test("a units list that cannot be read changes nothing (exit 2, no output)", async () => {
    const bad = at("hong.txt");
    fs.writeFileSync(bad, "Xã An Bình → Xã Tân Lập\nXã An Bình → Xã Định Hiệp\nchỉ một tên\n");
    const out = at("never.xlsx");
    const r = await cchc(...args(out, "--previous", prevFile, "--units-map", bad));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2 dòng không đọc được .*"Xã An Bình → Xã Định Hiệp", "chỉ một tên"/);
    expect(fs.existsSync(out)).toBe(false);
    const alone = await cchc(...args(out, "--units-map", mapFile));
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/--units-map chỉ dùng cùng --previous/);
    const missing = await cchc(...args(out, "--previous", prevFile, "--units-map", at("khong-co.txt")));
    expect(missing.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("the app's consolidateFiles (the pane's Tổng hợp tab)", () => {
  const bytes = (f: string) => new Uint8Array(fs.readFileSync(f));
  const settings = {
    level: "huyen" as const,
    version: V,
    period: parsePeriod("6T-2025")!,
    unit: "UBND huyện Tân Châu",
  };
  const run = (previous?: { name: string; bytes: Uint8Array }, unitsMap?: string) =>
    consolidateFiles(
      now.map((f) => ({ name: path.basename(f), bytes: bytes(f) })),
      {
        settings,
        expectedUnits: [],
        existing: [],
        onProgress: () => undefined,
        readUnit: readUnitFile,
        ...(previous ? { previous: { file: previous, readSheets: readWorkbookFile, unitsMap } } : {}),
      }
    );

  test("the previous column sums the merged communes; the unit gone is a status row", async () => {
    const out = await run({ name: "tong-hop-6t-2024.xlsx", bytes: bytes(prevFile) }, fs.readFileSync(mapFile, "utf8"));
    const t = out.spec.sheets[0];
    const row = t.cells.findIndex(
      (r) => JSON.stringify(r[CONS_COL.id - 1]) === JSON.stringify({ t: "s", v: "bm3:3.3.1" })
    );
    expect(t.cells[row][CONS_PREV_COL.previous - 1]).toEqual({ t: "n", v: 1000 });
    expect(t.cells[row][CONS_PREV_COL.change - 1]?.t).toBe("f");
    expect(out.previous?.ok && out.previous.column.merged[0].from.length).toBe(3);
    expect(out.units.filter((u) => u.status === "gone").map((u) => u.unit)).toEqual(["Xã Long Tân"]);
    expect(out.previousLines[0]).toMatch(/^Đã so sánh với Tổng hợp 6 tháng đầu năm 2024 của UBND huyện Tân Châu/);
  });

  test("a commune file as the previous period: refused in one line, the Tổng hợp tab as without it", async () => {
    const out = await run({ name: "xa.xlsx", bytes: bytes(before[0]) });
    const plain = await run();
    expect(out.previous?.ok).toBe(false);
    expect(out.previousLines).toHaveLength(1);
    expect(out.spec.sheets[0].cells).toEqual(plain.spec.sheets[0].cells);
  });

  test("a units list that cannot be read: refused before anything is read", async () => {
    await expect(run({ name: "p.xlsx", bytes: bytes(prevFile) }, "một dòng hỏng")).rejects.toThrow(
      /1 dòng không đọc được/
    );
  });
});

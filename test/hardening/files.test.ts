/**
 * Bad files: each corpus case ends in its code and a one-line Vietnamese reason, fast and without
 * inflating a bomb; `cchc validate` exits 2 with that reason on stderr; a consolidation batch goes on
 * past every bad file and still counts the good ones.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fillForms } from "../../src/spec/consolidate-layout";
import { totalValues } from "../../src/engine/consolidate";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { main } from "../../src/cli/main";
import { consolidateFiles } from "../../src/xlsx/consolidate-files";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { BIG_COLS, BIG_ROWS, FILE_CASES, FileCase, seedXlsx } from "./corpus";
import { unitMessages } from "../../src/i18n/consolidate";

jest.setTimeout(120_000);

const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const ERROR_CASES = FILE_CASES.filter((c) => !c.expect.includes("ok"));

/** A reason a civil servant can read: one line, Vietnamese, no stack trace or JavaScript words. */
function expectUserReason(reason: unknown) {
  expect(typeof reason).toBe("string");
  const s = String(reason);
  expect(s.trim().length).toBeGreaterThan(10);
  expect(s.length).toBeLessThan(400);
  expect(s).not.toMatch(/[\r\n]/);
  expect(s).toMatch(VI_DIACRITIC);
  expect(s).not.toMatch(/\bat .+:\d+|\.(ts|js):\d+|Error:|TypeError|RangeError|undefined|null|NaN|\[object/);
}

const bytes = new Map<string, Uint8Array>();
beforeAll(async () => {
  for (const c of FILE_CASES) bytes.set(c.id, await c.make());
});

async function read(c: FileCase) {
  const t0 = Date.now();
  const r = await readWorkbookFile(bytes.get(c.id)!, c.file);
  return { r, ms: Date.now() - t0 };
}

describe("readWorkbookFile on the corpus", () => {
  test.each(ERROR_CASES.map((c) => [c.id, c] as const))("%s: refused with its code and a Vietnamese reason", async (_, c) => {
    const rss0 = process.memoryUsage().rss;
    const { r, ms } = await read(c);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(c.expect).toContain(r.code);
    expectUserReason(r.reason);
    // refusing is quick and does not inflate what it refuses (the real bomb is 500 MB uncompressed)
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(300 * 1024 * 1024);
  });

  test("the refusal does not depend on the file name (a .xlsx name on an .xls, no name at all)", async () => {
    for (const c of ERROR_CASES) {
      const r = await readWorkbookFile(bytes.get(c.id)!);
      expect([c.id, r.ok]).toEqual([c.id, false]);
      if (!r.ok) expect([c.id, c.expect.includes(r.code)]).toEqual([c.id, true]);
    }
  });

  test("different problems get different reasons", async () => {
    const reasons = new Map<string, string>();
    for (const id of ["xls", "encrypted", "ods", "pdf", "empty-file", "bomb-real"]) {
      const c = FILE_CASES.find((x) => x.id === id)!;
      const r = await readWorkbookFile(bytes.get(id)!, c.file);
      if (!r.ok) reasons.set(id, r.reason);
    }
    expect(new Set(reasons.values()).size).toBe(reasons.size);
  });

  test("xlsm: the figures are read, the macro project is not a sheet and runs nothing", async () => {
    const c = FILE_CASES.find((x) => x.id === "xlsm")!;
    const { r } = await read(c);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheets.map((s) => s.name)).not.toContain("VBA");
    const rep = readReport(r.sheets, { settings: r.settings });
    expect(rep.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // seed 000 as printed: Biểu mẫu 1 row 1 "9", Biểu mẫu 3 row 1.4 "1.946"
    expect(rep.entries.get("bm1:1")?.value.number).toBe(9);
    expect(rep.entries.get("bm3:1.4")?.value.number).toBe(1946);
  });

  test.each(FILE_CASES.filter((c) => c.then === "no-form").map((c) => c.id))("%s: no form found, nothing invented", async (id) => {
    const c = FILE_CASES.find((x) => x.id === id)!;
    const { r } = await read(c);
    if (!r.ok) {
      expect(c.expect).toContain(r.code);
      expectUserReason(r.reason);
      return;
    }
    const rep = readReport(r.sheets, { settings: r.settings });
    expect(rep.forms).toEqual([]);
    expect(rep.entries.size).toBe(0);
  });

  test(`big sheet: ${BIG_ROWS * BIG_COLS} cells read (or refused as too large) in reasonable time`, async () => {
    const c = FILE_CASES.find((x) => x.id === "big-sheet")!;
    const { r, ms } = await read(c);
    // eslint-disable-next-line no-console
    console.log(`big sheet (${BIG_ROWS * BIG_COLS} cells): ${r.ok ? "read" : "refused (" + r.code + ")"} in ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
    if (!r.ok) {
      expect(r.code).toBe("too-large");
      expectUserReason(r.reason);
      return;
    }
    const sh = r.sheets[0];
    const o = sh.origin ?? { row: 1, col: 1 };
    expect(sh.values[BIG_ROWS - o.row]?.[BIG_COLS - o.col]).toBe(BIG_ROWS * 1000 + BIG_COLS);
    // searching it for forms is timed in the next test
  });

  test("a 200,000-cell sheet without a form is read and searched for forms within 5 s", async () => {
    const c = FILE_CASES.find((x) => x.id === "big-sheet")!;
    const t0 = Date.now();
    const r = await readWorkbookFile(bytes.get(c.id)!, c.file);
    const t1 = Date.now();
    const rep = r.ok ? readReport(r.sheets, { settings: r.settings }) : undefined;
    const t2 = Date.now();
    // eslint-disable-next-line no-console
    console.log(`big sheet: file read ${t1 - t0} ms, forms searched ${t2 - t1} ms`);
    expect(rep?.forms ?? []).toEqual([]);
    expect(t2 - t0).toBeLessThan(5_000);
  });

  test("a sheet with a merged cell over two value cells: the covered row gets no figure", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await seedXlsx()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let r21 = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value).trim() === "2.1." && String(row.getCell(2).value).startsWith("Số nhiệm vụ đề ra")) r21 = n;
    });
    expect(r21).toBeGreaterThan(0);
    ws.mergeCells(r21, 4, r21 + 1, 4); // D(2.1):D(2.2), keeps 56 from the seed in the top cell
    const r = await readWorkbookFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "gop-o.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rep = readReport(r.sheets);
    expect(rep.entries.get("bm1:2.1")?.value.number).toBe(56);
    expect(rep.entries.get("bm1:2.2")?.value.state).not.toBe("value");
  });

  test("a date, a boolean and formula errors in value cells of a real file end in not-a-number, never a figure", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await seedXlsx()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rowOf = (code: string, label: string) => {
      let n = 0;
      ws.eachRow((row, k) => {
        if (!n && String(row.getCell(1).value).trim() === code && String(row.getCell(2).value).startsWith(label)) n = k;
      });
      expect([code, n > 0]).toEqual([code, true]);
      return n;
    };
    const cases: [string, string, string, ExcelJS.CellValue][] = [
      ["bm1:1", "1.", "Số văn bản chỉ đạo", new Date(Date.UTC(2023, 2, 15))],
      ["bm1:2.1", "2.1.", "Số nhiệm vụ đề ra", true],
      ["bm1:2.2", "2.2.", "Số nhiệm vụ đã hoàn thành", { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue],
      ["bm1:5.1", "5.1.", "Tổng số nhiệm vụ được giao", { formula: "#REF!+1", result: { error: "#REF!" } } as ExcelJS.CellValue],
    ];
    for (const [, code, label, v] of cases) {
      const cell = ws.getCell(rowOf(code, label), 4);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }
    const r = await readWorkbookFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "sai-kieu.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rep = readReport(r.sheets);
    const findings = validate(rep);
    const wrong = cases
      .map(([id]) => id)
      .filter((id) => rep.entries.get(id)?.value.state === "value" || !findings.some((f) => f.indicator === id && f.rule === "not-a-number"))
      .map((id) => `${id}: ${JSON.stringify(rep.entries.get(id)?.value)}`);
    expect(wrong).toEqual([]);
  });

  test("a hidden row is reported as hidden and its figure still read", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await seedXlsx()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let r11 = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value).trim() === "1." && String(row.getCell(2).value).startsWith("Số văn bản chỉ đạo")) r11 = n;
    });
    ws.getRow(r11).hidden = true;
    const r = await readWorkbookFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "an-dong.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheets[0].hiddenRows ?? []).toContain(r11);
    expect(readReport(r.sheets).entries.get("bm1:1")?.value.number).toBe(9);
  });
});

// ------------------------------------------------------------------ the CLI

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const so = jest.spyOn(process.stdout, "write").mockImplementation((s: unknown) => ((out += String(s)), true));
  const se = jest.spyOn(process.stderr, "write").mockImplementation((s: unknown) => ((err += String(s)), true));
  const log = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void (out += a.join(" ") + "\n"));
  const cerr = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void (err += a.join(" ") + "\n"));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    so.mockRestore();
    se.mockRestore();
    log.mockRestore();
    cerr.mockRestore();
  }
}

let dir: string;
const paths = new Map<string, string>();
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-hardening-"));
  for (const c of FILE_CASES) {
    const sub = path.join(dir, c.id);
    fs.mkdirSync(sub);
    const p = path.join(sub, c.file);
    fs.writeFileSync(p, bytes.get(c.id)!);
    paths.set(c.id, p);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cchc validate on the corpus", () => {
  test.each(ERROR_CASES.map((c) => [c.id, c] as const))("%s: exit 2, the reason on stderr", async (id, c) => {
    const direct = await readWorkbookFile(bytes.get(id)!, c.file);
    const { code, err } = await cli(["validate", paths.get(id)!]);
    expect(code).toBe(2);
    expect(err.trim().length).toBeGreaterThan(0);
    expect(err).toMatch(VI_DIACRITIC);
    if (!direct.ok) expect(err).toContain(direct.reason);
    expect(err).not.toMatch(/\bat .+:\d+|\.(ts|js):\d+|TypeError|RangeError/);
  });

  test("--json on an unreadable file still exits 2 and keeps stdout parseable or empty", async () => {
    const { code, out, err } = await cli(["validate", paths.get("pdf")!, "--json"]);
    expect(code).toBe(2);
    if (out.trim()) expect(() => JSON.parse(out)).not.toThrow();
    else expect(err).toMatch(VI_DIACRITIC);
  });

  test("a missing file: exit 2 with a Vietnamese reason", async () => {
    const { code, err } = await cli(["validate", path.join(dir, "khong-co.xlsx")]);
    expect(code).toBe(2);
    expect(err).toMatch(VI_DIACRITIC);
  });

  test("a directory given as the file: exit 2 with a Vietnamese reason", async () => {
    const { code, err } = await cli(["validate", dir]);
    expect(code).toBe(2);
    expect(err).toMatch(VI_DIACRITIC);
  });

  test.each(FILE_CASES.filter((c) => c.then === "no-form").map((c) => c.id))("%s: a readable file without a form exits 2 with a Vietnamese reason", async (id) => {
    const { code, err } = await cli(["validate", paths.get(id)!]);
    expect(code).toBe(2);
    expectUserReason(err.trim().split("\n")[0]);
  });

  test("the macro-enabled report is checked like any other (exit 0 or 1, never 2)", async () => {
    const { code } = await cli(["validate", paths.get("xlsm")!]);
    expect([0, 1]).toContain(code);
  });
});

// ------------------------------------------------------------------ consolidation goes on

describe("consolidation goes on past bad files", () => {
  const period = { kind: "N" as const, year: 2024 };
  const version = "v2022-muc-do";

  async function unitFile(unit: string, values: Record<string, number>): Promise<Uint8Array> {
    const wb = buildFormsWorkbook([], { level: "xa", version, period, unit });
    fillForms(wb, new Map(Object.entries(values)));
    return new Uint8Array(await writeWorkbook(wb));
  }

  test("every bad file is listed as unreadable with its Vietnamese reason; the good ones are counted and summed", async () => {
    const good = [
      { name: "xa-an-binh.xlsx", bytes: await unitFile("UBND xã An Bình", { "bm1:1": 3, "bm1:2.1": 10, "bm1:2.2": 9 }) },
      { name: "xa-binh-minh.xlsx", bytes: await unitFile("UBND xã Bình Minh", { "bm1:1": 4, "bm1:2.1": 20, "bm1:2.2": 11 }) },
    ];
    const bad = ERROR_CASES.map((c) => ({ name: `${c.id}-${c.file}`, bytes: bytes.get(c.id)! }));
    // bad files first, between and after the good ones
    const files = [bad[0], good[0], ...bad.slice(1, 6), good[1], ...bad.slice(6)];
    const c = await consolidateFiles(files, { level: "huyen", version, period, unit: "UBND huyện Thử" });
    expect(c.units.length).toBe(files.length);
    for (const b of bad) {
      const u = c.units.find((x) => x.file === b.name)!;
      expect([b.name, u.status, u.counted]).toEqual([b.name, "unreadable", false]);
      expectUserReason(unitMessages(u)[0]);
    }
    expect(c.counted.map((i) => c.units[i].unit).sort()).toEqual(["UBND xã An Bình", "UBND xã Bình Minh"]);
    const row = c.rows.find((r) => r.indicatorId === "bm1:1");
    if (row && row.rule === "sum") expect(totalValues(c).get("bm1:1")).toBe(3 + 4);
  });

  test("cchc consolidate on the whole corpus plus two good files: exit 0, output written and readable, bad files named", async () => {
    const g1 = path.join(dir, "xa-an-binh.xlsx");
    const g2 = path.join(dir, "xa-binh-minh.xlsx");
    fs.writeFileSync(g1, await unitFile("UBND xã An Bình", { "bm1:1": 3 }));
    fs.writeFileSync(g2, await unitFile("UBND xã Bình Minh", { "bm1:1": 4 }));
    const badPaths = ERROR_CASES.map((c) => paths.get(c.id)!);
    const out = path.join(dir, "tong-hop.xlsx");
    const args = ["consolidate", badPaths[0], g1, ...badPaths.slice(1), g2, "-o", out, "--level", "huyen", "--period", "N-2024", "--unit", "UBND huyện Thử", "--json"];
    const { code, out: stdout } = await cli(args);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { units: { file: string; status: string }[] };
    for (const p of badPaths) expect([p, json.units.find((u) => u.file === p)?.status]).toEqual([p, "unreadable"]);
    expect(json.units.filter((u) => u.status === "ok").map((u) => u.file).sort()).toEqual([g1, g2].sort());
    const r = await readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "tong-hop.xlsx");
    expect(r.ok).toBe(true);
  });

  test("cchc consolidate with only bad files: exit 2, each file's reason on stderr, no output file", async () => {
    const out = path.join(dir, "khong-ghi.xlsx");
    const picks = ["xls", "encrypted", "bomb-real", "truncated"];
    const { code, err } = await cli(["consolidate", ...picks.map((id) => paths.get(id)!), "-o", out, "--level", "huyen", "--period", "N-2024", "--unit", "UBND huyện Thử"]);
    expect(code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    for (const id of picks) {
      const c = FILE_CASES.find((x) => x.id === id)!;
      const direct = await readWorkbookFile(bytes.get(id)!, c.file);
      if (!direct.ok) expect(err).toContain(direct.reason);
    }
  });
});

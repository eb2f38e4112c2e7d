/**
 * Hostile text (formula injection, DDE, 40,000-char strings, control characters) written through the
 * writer, the form layout and consolidation: it stays text (no <f> in those cells), the file stays a valid
 * workbook (XML 1.0, Excel's 32,767 characters per cell) and reads back with ExcelJS and with our reader.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_VERSION } from "../../src/catalog";
import { consolidate, UnitInput } from "../../src/engine/consolidate";
import { buildConsolidatedWorkbook } from "../../src/spec/consolidate-layout";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import { validate } from "../../src/engine/validate";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbookFile } from "../../src/xlsx/read";
import { EXCEL_MAX_CELL_CHARS, HOSTILE_TEXTS, rowOfId, setValue, workbookToGrids, XML_FORBIDDEN } from "./corpus";

/** Letters of the hostile texts that must survive (the visible part of each). */
const PAYLOAD_MARKERS = ["HYPERLINK", "cmd|", "SUM(1+1)", "SUM(A1:A9)", "1+1"];

function a1(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/** Addresses of the cells the spec itself asks to be formulas, per sheet name (31-char cut as written). */
function specFormulas(spec: WorkbookSpec): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const sh of spec.sheets) {
    const set = new Set<string>();
    sh.cells.forEach((row, r) => row.forEach((c, k) => c && c.t === "f" && set.add(a1(r + 1, k + 1))));
    m.set(sh.name.slice(0, 31), set);
  }
  return m;
}

/** Problems in the written file's XML parts: characters XML 1.0 forbids, <f> elements carrying a payload. */
function xmlProblems(buf: Uint8Array): string[] {
  const out: string[] = [];
  const parts = unzipSync(buf);
  for (const [name, data] of Object.entries(parts)) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const xml = strFromU8(data);
    const bad = XML_FORBIDDEN.exec(xml);
    if (bad) out.push(`${name}: raw U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}`);
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
      for (const p of PAYLOAD_MARKERS) if (m[1].includes(p)) out.push(`${name}: formula ${m[1].slice(0, 60)}`);
    }
  }
  return out;
}

async function loadExcelJS(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

/** Cells read back as formulas that the spec did not ask for, and cells above Excel's length limit. */
function cellProblems(spec: WorkbookSpec, wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const allowed = specFormulas(spec);
  wb.eachSheet((ws) => {
    const ok = allowed.get(ws.name) ?? new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // a merged cell shows its master's value
        if ((cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula) && !ok.has(cell.address)) out.push(`${ws.name}!${cell.address}: formula ${cell.formula}`);
        const t = typeof cell.value === "string" ? cell.value : cell.text;
        if ((t ?? "").length > EXCEL_MAX_CELL_CHARS) out.push(`${ws.name}!${cell.address}: ${t.length} characters (Excel allows ${EXCEL_MAX_CELL_CHARS})`);
      })
    );
  });
  return out;
}

/** Everything above, for one written file. */
async function checkWritten(spec: WorkbookSpec, buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await loadExcelJS(buf);
  expect([...xmlProblems(buf), ...cellProblems(spec, wb)]).toEqual([]);
  return wb;
}

function textSheet(name: string, texts: string[]): SheetSpec {
  return {
    name,
    columns: [{ width: 30 }, { width: 30 }],
    cells: texts.map((t) => [{ t: "s", v: t }, { t: "s", v: "ghi chú: " + t }]),
    styles: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
  };
}

describe("writeWorkbook: text cells stay text", () => {
  const spec: WorkbookSpec = { sheets: [textSheet("Văn bản", HOSTILE_TEXTS.map((h) => h.text))], settings: { settings: HOSTILE_TEXTS[1].text } };
  let buf: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buf = new Uint8Array(await writeWorkbook(spec));
    wb = await loadExcelJS(buf);
  });

  test("valid XML and no <f> carrying a payload", () => {
    expect(xmlProblems(buf)).toEqual([]);
  });

  test("no formula cell, and no cell above Excel's 32,767 characters", () => {
    expect(cellProblems(spec, wb)).toEqual([]);
  });

  test.each(HOSTILE_TEXTS.filter((h) => h.id !== "huge" && h.id !== "control").map((h) => [h.id, h.text]))("%s reads back as the same text", (_, text) => {
    const ws = wb.getWorksheet("Văn bản")!;
    const i = HOSTILE_TEXTS.findIndex((h) => h.text === text) + 1;
    expect(ws.getCell(i, 1).value).toBe(text);
  });

  test("a 40,000-character text is kept up to Excel's limit, not dropped", () => {
    const ws = wb.getWorksheet("Văn bản")!;
    const i = HOSTILE_TEXTS.findIndex((h) => h.id === "huge") + 1;
    const v = String(ws.getCell(i, 1).value ?? "");
    expect(v.length).toBeGreaterThan(1000);
    expect(v.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(HOSTILE_TEXTS[i - 1].text.startsWith(v.slice(0, 1000))).toBe(true);
  });

  test("control characters do not break the file; the words around them survive", () => {
    const ws = wb.getWorksheet("Văn bản")!;
    const i = HOSTILE_TEXTS.findIndex((h) => h.id === "control") + 1;
    const v = String(ws.getCell(i, 1).value ?? "");
    expect(v).toContain("Đơn vị");
    expect(v).toContain("có ký tự điều khiển");
  });

  test("our reader reads the file back, text as text", async () => {
    const r = await readWorkbookFile(buf, "van-ban.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sh = r.sheets.find((s) => s.name === "Văn bản")!;
    expect(sh.values[0][0]).toBe(HOSTILE_TEXTS[0].text);
    expect(sh.values[1][0]).toBe(HOSTILE_TEXTS[1].text);
    for (const row of sh.formulas ?? []) for (const f of row) expect(f ?? null).toBeNull();
  });
});

describe("form layout: a hostile unit name stays text", () => {
  test.each(HOSTILE_TEXTS.map((h) => [h.id, h.text]))("unit name %s", async (id, text) => {
    const spec = buildFormsWorkbook([1, 2], { level: "tinh", version: DEFAULT_VERSION, period: { kind: "Q1", year: 2023 }, unit: text });
    const buf = new Uint8Array(await writeWorkbook(spec));
    await checkWritten(spec, buf);
    const r = await readWorkbookFile(buf, "bieu-mau.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rep = readReport(r.sheets, { settings: r.settings });
    // the forms are still recognised as the add-in's (metadata not broken by the name)
    expect(rep.forms).toEqual([1, 2]);
    expect(rep.meta.source).toBe("addin");
    if (id !== "huge" && id !== "control") expect([text, text.trim()]).toContain(rep.meta.unit);
  });
});

describe("consolidation: hostile unit names, notes and text figures stay text", () => {
  const period = { kind: "N" as const, year: 2024 };
  const version = DEFAULT_VERSION;

  function unit(name: string, note: string, textFigure: string, k: number): UnitInput {
    const spec = buildFormsWorkbook([], { level: "xa", version, period, unit: name });
    const grids = workbookToGrids(spec);
    const bm1 = grids.find((g) => rowOfId(g, "bm1:1") >= 0)!;
    setValue(bm1, "bm1:1", 3 + k);
    setValue(bm1, "bm1:2.1", textFigure);
    bm1.values[rowOfId(bm1, "bm1:1")][4] = note;
    const report = readReport(grids);
    return { file: `${k}-${name.slice(0, 20)}.xlsx`, read: { ok: true, report, findings: validate(report) } };
  }

  test("the consolidated workbook carries no injected formula and reads back", async () => {
    const inputs = HOSTILE_TEXTS.map((h, k) => unit(h.text, h.text, h.text, k));
    inputs.push({ file: '=HYPERLINK("http://x","hỏng").xlsx', read: { ok: false, reason: "=cmd|' /C calc'!A0" } });
    const c = consolidate(inputs, { level: "huyen", version, period, unit: '=HYPERLINK("http://x","Huyện")', expected: ["@SUM(1+1)", "-2+3"] });
    expect(c.counted.length).toBeGreaterThan(0);
    const spec = buildConsolidatedWorkbook(c);
    const buf = new Uint8Array(await writeWorkbook(spec));
    await checkWritten(spec, buf);
    const r = await readWorkbookFile(buf, "tong-hop.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // every hostile text that fits a cell is found somewhere as a plain text value
    const texts = new Set<string>();
    for (const s of r.sheets) for (const row of s.values) for (const v of row) if (typeof v === "string") texts.add(v);
    for (const h of HOSTILE_TEXTS.filter((x) => x.id !== "huge" && x.id !== "control")) {
      expect([h.id, [...texts].some((t) => t.includes(h.text.trim()))]).toEqual([h.id, true]);
    }
  });
});

describe("cchc new: a hostile --unit stays text", () => {
  test.each(HOSTILE_TEXTS.filter((h) => h.id !== "control").map((h) => [h.id, h.text]))("--unit %s", async (id, text) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-new-"));
    const out = path.join(dir, "bieu-mau.xlsx");
    let err = "";
    const so = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const se = jest.spyOn(process.stderr, "write").mockImplementation((s: unknown) => ((err += String(s)), true));
    let code: number;
    try {
      code = await main(["new", "-o", out, "--level", "xa", "--period", "N-2024", `--unit=${text}`]);
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
    if (code !== 0) {
      // refusing a unit name is fine with a Vietnamese message
      expect(err).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    const buf = new Uint8Array(fs.readFileSync(out));
    expect(xmlProblems(buf)).toEqual([]);
    const r = readWorkbookFile(buf, "bieu-mau.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const s of r.sheets) for (const row of s.formulas ?? []) for (const f of row) if (f) for (const p of PAYLOAD_MARKERS) expect([s.name, f]).not.toEqual([s.name, expect.stringContaining(p)]);
    const rep = readReport(r.sheets, { settings: r.settings });
    expect(rep.meta.source).toBe("addin");
    if (id !== "huge") expect(rep.meta.unit).toBe(text.replace(/\s+/g, " ").trim());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

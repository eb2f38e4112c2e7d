/**
 * Hostile text through the Office.js adapter (src/excel/host.ts) against the in-memory Excel of
 * test/standin/excel.ts (the one in-memory Excel, shared with the browser tests), which coerces entry as Excel does ("=…", "+…", "-…", "@…" become formulas unless
 * escaped): forms with a hostile unit name, the consolidated tab with hostile unit names and notes, and single
 * cells typed by the pane all stay text; the only formulas in the workbook are the ones the spec asks for.
 */
import { DEFAULT_VERSION } from "../../src/catalog";
import { consolidate, UnitInput } from "../../src/engine/consolidate";
import { buildConsolidatedSheet } from "../../src/spec/consolidate-layout";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { WorkbookSpec } from "../../src/engine/sheet-spec";
import { validate } from "../../src/engine/validate";
import { createExcelHost, ExcelHostError } from "../../src/excel/host";
import { FakeWorkbook } from "../standin/excel";
import { HOSTILE_TEXTS, rowOfId, setValue, workbookToGrids } from "./corpus";

const VI_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const PAYLOAD_MARKERS = ["HYPERLINK", "cmd|", "SUM(1+1)", "SUM(A1:A9)", "1+1"];

function a1(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

function host(wb: FakeWorkbook) {
  return createExcelHost({ run: wb.run, isSetSupported: (set, v) => set === "ExcelApi" && v.startsWith("1.") && Number(v.split(".")[1]) <= wb.apiVersion, settleMs: 20 });
}

function fresh(): FakeWorkbook {
  const wb = new FakeWorkbook(17);
  wb.addSheet("Sheet1");
  return wb;
}

/** Formula cells in the fake workbook that the spec did not ask for, or that carry a payload. */
function injected(wb: FakeWorkbook, spec: WorkbookSpec): string[] {
  const allowed = new Map<string, Set<string>>();
  for (const sh of spec.sheets) {
    const set = new Set<string>();
    sh.cells.forEach((row, r) => row.forEach((c, k) => c && c.t === "f" && set.add(a1(r + 1, k + 1))));
    allowed.set(sh.name, set);
  }
  const out: string[] = [];
  for (const sh of wb.sheets) {
    for (const [key, cell] of sh.cells) {
      if (!cell.formula) continue;
      // the fake keys cells by "row,col"
      const m = /^(\d+),(\d+)$/.exec(key);
      const addr = m ? a1(Number(m[1]), Number(m[2])) : key;
      const ok = allowed.get(sh.name);
      if (!ok || !ok.has(addr)) out.push(`${sh.name}!${addr}: ${cell.formula}`);
      else for (const p of PAYLOAD_MARKERS) if (cell.formula.includes(p)) out.push(`${sh.name}!${addr}: ${cell.formula}`);
    }
  }
  return out;
}

describe("Office.js adapter: hostile unit names stay text", () => {
  test.each(HOSTILE_TEXTS.map((h) => [h.id, h.text]))("forms written with unit name %s", async (id, text) => {
    const wb = fresh();
    const spec = buildFormsWorkbook([1, 2], { level: "tinh", version: DEFAULT_VERSION, period: { kind: "Q1", year: 2023 }, unit: text });
    const h = host(wb);
    let failed: unknown;
    try {
      await h.writeWorkbook(spec, { existing: "keep" });
    } catch (e) {
      failed = e;
    }
    if (failed) {
      // refusing is acceptable only with the adapter's one-line Vietnamese error
      expect(failed).toBeInstanceOf(ExcelHostError);
      expect((failed as Error).message).toMatch(VI_DIACRITIC);
      expect((failed as Error).message).not.toMatch(/[\r\n]/);
      return;
    }
    expect(injected(wb, spec)).toEqual([]);
    const { sheets, settings } = await h.readSheets();
    const rep = readReport(sheets, { settings });
    expect(rep.forms).toEqual([1, 2]);
    expect(rep.meta.source).toBe("addin");
    if (id !== "huge" && id !== "control") expect(rep.meta.unit).toBe(text.replace(/\s+/g, " ").trim());
  });

  test("text cells typed by the pane (writeCells) stay text", async () => {
    const wb = fresh();
    const h = host(wb);
    const spec = buildFormsWorkbook([1], { level: "tinh", version: DEFAULT_VERSION, period: { kind: "Q1", year: 2023 }, unit: "Sở Nội vụ" });
    await h.writeWorkbook(spec, { existing: "keep" });
    const sheet = spec.sheets[0].name;
    const cells = HOSTILE_TEXTS.filter((x) => x.id !== "huge").map((x, k) => ({ a1: `E${8 + k}`, cell: { t: "s" as const, v: x.text } }));
    await h.writeCells(sheet, cells);
    expect(injected(wb, spec)).toEqual([]);
    const { sheets } = await h.readSheets([sheet]);
    const g = sheets.find((s) => s.name === sheet)!;
    cells.forEach((c, k) => {
      const v = g.values[8 + k - 1]?.[4];
      expect([c.a1, typeof v]).toEqual([c.a1, "string"]);
    });
  });
});

describe("Office.js adapter: the consolidated tab with hostile names and notes", () => {
  test("no injected formula, and the tab reads back", async () => {
    const period = { kind: "N" as const, year: 2024 };
    const inputs: UnitInput[] = HOSTILE_TEXTS.map((h, k) => {
      const grids = workbookToGrids(buildFormsWorkbook([], { level: "xa", version: DEFAULT_VERSION, period, unit: h.text }));
      const bm1 = grids.find((g) => rowOfId(g, "bm1:1") >= 0)!;
      setValue(bm1, "bm1:1", k + 1);
      bm1.values[rowOfId(bm1, "bm1:1")][4] = h.text;
      const report = readReport(grids);
      return { file: `don-vi-${k}.xlsx`, read: { ok: true, report, findings: validate(report) } };
    });
    const c = consolidate(inputs, { level: "huyen", version: DEFAULT_VERSION, period, unit: "=cmd|' /C calc'!A0" });
    const spec: WorkbookSpec = { sheets: [buildConsolidatedSheet(c)] };
    const wb = fresh();
    const h = host(wb);
    let failed: unknown;
    try {
      await h.writeWorkbook(spec, { existing: "keep" });
    } catch (e) {
      failed = e;
    }
    expect(failed).toBeUndefined();
    expect(injected(wb, spec)).toEqual([]);
    const { sheets } = await h.readSheets();
    expect(sheets.some((s) => s.name === spec.sheets[0].name)).toBe(true);
  });
});

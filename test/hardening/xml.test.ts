/**
 * Hostile workbook internals: entity bombs in the XML, odd cell types and values the hand-written scanner
 * must survive (shared-string index out of range, 1e999, NaN, inline and rich strings, errors, booleans),
 * external links, and formulas without cached results built to exhaust the formula evaluator.
 */
import ExcelJS from "exceljs";
import { strToU8 } from "fflate";
import { DEFAULT_VERSION } from "../../src/catalog";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { GridSheet } from "../../src/engine/types";
import { validate } from "../../src/engine/validate";
import { readWorkbookFile } from "../../src/xlsx/read";
import { cloneGrid, patchZip, rowOfId, setValue, workbookToGrids } from "./corpus";

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

async function base(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").addRow(["a", 1]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function valueAt(s: GridSheet, row: number, col: number) {
  const o = s.origin ?? { row: 1, col: 1 };
  return s.values[row - o.row]?.[col - o.col] ?? null;
}

describe("XML the reader must not trust", () => {
  test("an entity bomb (billion laughs) in sharedStrings.xml is not expanded", async () => {
    let dtd = '<!ENTITY l0 "hahahahahahahahahaha">';
    for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const sst = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [${dtd}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>`;
    const buf = patchZip(await base(), { "xl/sharedStrings.xml": strToU8(sst) });
    const t0 = Date.now();
    const r = readWorkbookFile(buf, "cuoi.xlsx");
    expect(Date.now() - t0).toBeLessThan(2000);
    if (!r.ok) {
      expect(["corrupt", "not-xlsx", "too-large"]).toContain(r.code);
      return;
    }
    const v = valueAt(r.sheets[0], 1, 1);
    expect(String(v ?? "").length).toBeLessThan(1000); // 10^9 × 20 characters if expanded
  });

  test("an external entity (file:///etc/passwd) is never fetched or inlined", async () => {
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>';
    const r = readWorkbookFile(patchZip(await base(), { "xl/sharedStrings.xml": strToU8(sst) }), "xxe.xlsx");
    if (!r.ok) return;
    expect(String(valueAt(r.sheets[0], 1, 1) ?? "")).not.toMatch(/root:/);
  });

  test("odd cells: shared-string index out of range, 1e999, NaN, inline and rich strings, errors, booleans, no r attribute", async () => {
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>99999</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>abc</v></c></row>',
      '<row r="2"><c r="A2"><v>1e999</v></c><c r="B2"><v>NaN</v></c><c r="C2"><v>-1e999</v></c><c r="D2"><v>0x1F</v></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>=cmd|\' /C calc\'!A0</t></is></c><c r="B3" t="inlineStr"><is><r><t>Số </t></r><r><t>liệu</t></r></is></c></row>',
      '<row r="4"><c r="A4" t="e"><v>#DIV/0!</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="str"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" t="d"><v>2023-03-15T00:00:00Z</v></c></row>',
      '<row r="5"><c><v>5</v></c><c><v>6</v></c></row>',
      '<row r="6"><c r="ZZZZ6"><v>1</v></c><c r="A0"><v>2</v></c><c r="B-3"><v>3</v></c></row>',
    ];
    const buf = patchZip(await base(), { "xl/worksheets/sheet1.xml": strToU8(SHEET_HEAD + rows.join("") + SHEET_TAIL) });
    const r = readWorkbookFile(buf, "la.xlsx");
    if (!r.ok) {
      expect(["corrupt", "too-large"]).toContain(r.code);
      return;
    }
    const s = r.sheets[0];
    const problems: string[] = [];
    // a column past XFD (16,384) is not a cell Excel can have: it must not widen the grid
    const width = Math.max(...s.values.map((row) => row?.length ?? 0));
    if (width > 16384) problems.push(`grid ${width} columns wide (a cell past XFD was kept)`);
    for (const row of s.values) {
      for (const v of row ?? []) {
        const ok = v === null || v === undefined || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) || (typeof v === "object" && typeof v.error === "string");
        if (!ok) problems.push(`value ${String(v)}`);
      }
    }
    if (valueAt(s, 3, 1) !== "=cmd|' /C calc'!A0") problems.push(`inline string read as ${JSON.stringify(valueAt(s, 3, 1))}`);
    if (valueAt(s, 3, 2) !== "Số liệu") problems.push(`rich inline string read as ${JSON.stringify(valueAt(s, 3, 2))}`);
    const t0 = Date.now();
    const n = readReport(r.sheets).entries.size;
    const ms = Date.now() - t0;
    if (n !== 0) problems.push(`${n} indicators placed from junk`);
    if (ms > 3000) problems.push(`readReport took ${ms} ms`);
    expect(problems).toEqual([]);
  });

  test("an external workbook link and a WEBSERVICE formula: the cached value is used, nothing is fetched", async () => {
    const rows = [
      '<row r="1"><c r="A1"><f>[1]Sheet1!A1</f><v>7</v></c><c r="B1" t="str"><f>WEBSERVICE("http://127.0.0.1:9/x")</f><v>ok</v></c></row>',
      '<row r="2"><c r="A2"><f>HYPERLINK("http://127.0.0.1:9/","x")</f></c></row>',
    ];
    const buf = patchZip(await base(), { "xl/worksheets/sheet1.xml": strToU8(SHEET_HEAD + rows.join("") + SHEET_TAIL) });
    const r = readWorkbookFile(buf, "lien-ket.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(valueAt(r.sheets[0], 1, 1)).toBe(7);
    expect(readReport(r.sheets).entries.size).toBe(0);
  });
});

// ------------------------------------------------------------------ formula bombs (no cached results)

const FORMS = workbookToGrids(buildFormsWorkbook([1], { level: "tinh", version: DEFAULT_VERSION, period: { kind: "Q1", year: 2023 }, unit: "Sở Nội vụ" }));

/** Form 1 with bm1:1 = 9 and bm1:2.1 / bm1:2.2 = 56 / 12, and `formula` (no cached value) in bm1:5.1. */
function withFormula(formula: string): GridSheet[] {
  const g = FORMS.map(cloneGrid);
  setValue(g[0], "bm1:1", 9);
  setValue(g[0], "bm1:2.1", 56);
  setValue(g[0], "bm1:2.2", 12);
  const r = rowOfId(g[0], "bm1:5.1");
  g[0].values[r][3] = null;
  g[0].formulas![r][3] = formula;
  return g;
}

describe("formulas built to exhaust the evaluator", () => {
  const cases: [string, string][] = [
    ["a sum over the whole sheet", "=SUM(A1:XFD1048576)"],
    ["nested sums over whole columns", "=SUM(A:A)*SUM(B:B)*SUM(C:C)*SUM(D:D)*SUM(E:E)"],
    ["100,000 nested brackets", "=" + "(".repeat(100_000) + "1" + ")".repeat(100_000)],
    ["a self reference", "=D" + String(0)],
    ["an unknown function", "=WEBSERVICE(\"http://127.0.0.1:9/\")"],
    ["INDIRECT", "=INDIRECT(\"D9\")"],
    ["a 200,000-term sum", "=" + Array.from({ length: 200_000 }, () => "1").join("+")],
  ];
  test.each(cases)("%s: read quickly, the other figures kept", (_, f) => {
    const grids = withFormula(f.replace("=D0", `=D${rowOfId(FORMS[0], "bm1:5.1") + 1}`));
    const t0 = Date.now();
    const rep = readReport(grids);
    const findings = validate(rep);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(rep.entries.get("bm1:1")?.value.number).toBe(9);
    expect(rep.entries.get("bm1:2.1")?.value.number).toBe(56);
    expect(rep.entries.get("bm1:2.2")?.value.number).toBe(12);
    // the ratio bm1:2 is still computed from its parts by the layout's formula: 12 / 56 × 100 rounded to 2 places
    expect(rep.entries.get("bm1:2")?.value.number).toBeCloseTo(Math.round((12 / 56) * 100 * 100) / 100, 10);
    expect(Array.isArray(findings)).toBe(true);
  });

  test("a chain of 50,000 cells each referring to the previous one", () => {
    const grids = withFormula("=H50000");
    const extra: GridSheet = {
      name: grids[0].name,
      values: [],
      formulas: [],
    };
    // column H of the same sheet: H1 = 1, Hk = H(k-1) + 1
    const g = grids[0];
    for (let k = 1; k <= 50_000; k++) {
      while (g.values.length < k) g.values.push([]);
      while (g.formulas!.length < k) g.formulas!.push([]);
      g.values[k - 1][7] = k === 1 ? 1 : null;
      g.formulas![k - 1][7] = k === 1 ? null : `=H${k - 1}+1`;
    }
    void extra;
    const t0 = Date.now();
    const rep = readReport(grids);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(rep.entries.get("bm1:1")?.value.number).toBe(9);
    const v = rep.entries.get("bm1:5.1")?.value;
    // either evaluated to 50,000 or left unevaluated (missing) — never a wrong number
    if (v?.state === "value") expect(v.number).toBe(50_000);
  });
});

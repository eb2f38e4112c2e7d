/**
 * The layout written by writeWorkbook and read back by readWorkbookFile (and by ExcelJS), on real files in
 * a temp dir: values, formulas, the hidden id column, metadata, settings, validations, protection, page setup.
 * Expectations come from the catalog and the task's layout rules, not from the writer's output.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import { formInfo, formRows, Indicator, labelFor, LEVELS, printedCode, unitFor, VERSION_IDS } from "../../src/catalog";
import { decodeMeta, SETTINGS_SHEET } from "../../src/engine/conventions";
import { buildFormSheet, buildFormsWorkbook, FIRST_DATA_ROW, periodHeaderText } from "../../src/spec/layout";
import type { GridSheet } from "../../src/engine/types";
import { readWorkbookPath } from "../../src/xlsx/node";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";

const OPTS = { level: "tinh" as const, version: VERSION_IDS[0], period: { kind: "6T" as const, year: 2023 }, unit: "Sở Nội vụ tỉnh Bình Dương" };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-xlsx-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeTo(name: string, spec = buildFormsWorkbook([], OPTS)): Promise<string> {
  const p = path.join(dir, name);
  fs.writeFileSync(p, await writeWorkbook(spec));
  return p;
}

function cell(sh: GridSheet, row: number, col: number) {
  return sh.values[row - 1]?.[col - 1] ?? null;
}

function xmlParts(p: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(p)));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k.endsWith(".xml") || k.endsWith(".rels")) out[k] = strFromU8(v);
  return out;
}

/** The expected live ratio formula, transcribed from the task's rule. */
function expectedRatio(num: number, den: number): string {
  return `=IF(AND(ISNUMBER(D${num}),ISNUMBER(D${den})),IF(D${den}=0,"",ROUND(D${num}/D${den}*100,2)),"")`;
}

describe("write → read round trip", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeTo("all.xlsx");
  });

  test("every form sheet comes back with its title block, header and one row per indicator", () => {
    const r = readWorkbookPath(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheets.map((s) => s.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Biểu mẫu ${n}`));
    for (let form = 1; form <= 7; form++) {
      const sh = r.sheets[form - 1];
      expect(sh.hidden).toBe(false);
      expect(cell(sh, 1, 1)).toBe(OPTS.unit.toLocaleUpperCase("vi"));
      expect(cell(sh, 1, 4)).toBe(`Biểu mẫu ${form}`);
      expect(String(cell(sh, 2, 1))).toMatch(/^\(Ban hành kèm theo Báo cáo số/);
      expect(cell(sh, 3, 1)).toBe(formInfo(form).title);
      expect(cell(sh, 4, 1)).toBe(periodHeaderText(OPTS.period));
      expect([cell(sh, 6, 1), cell(sh, 6, 2), cell(sh, 6, 3), cell(sh, 6, 5), cell(sh, 7, 3), cell(sh, 7, 4)]).toEqual([
        "STT",
        "Chỉ tiêu thống kê",
        "Kết quả thống kê",
        "Ghi chú",
        "Đơn vị tính",
        "Số liệu",
      ]);
      const meta = decodeMeta(cell(sh, 1, 6));
      expect(meta).toEqual(expect.objectContaining({ kind: "form", form, level: "tinh", version: OPTS.version, unit: OPTS.unit, period: "6T-2023" }));
      const rows = formRows(form, "tinh", OPTS.version);
      expect(sh.values.length).toBe(FIRST_DATA_ROW + rows.length - 1);
      rows.forEach((ind, k) => {
        const row = FIRST_DATA_ROW + k;
        expect([ind.id, cell(sh, row, 1), cell(sh, row, 2), cell(sh, row, 3) ?? "", cell(sh, row, 6)]).toEqual([
          ind.id,
          printedCode(ind, "tinh") + ".",
          labelFor(ind, "tinh"),
          unitFor(ind, "tinh"),
          ind.id,
        ]);
      });
    }
  });

  test("ratio rows carry the live formula over their parts' rows; other value cells are empty for entry", () => {
    const r = readWorkbookPath(file);
    if (!r.ok) throw new Error(r.reason);
    let formulas = 0;
    for (let form = 1; form <= 7; form++) {
      const sh = r.sheets[form - 1];
      const rows = formRows(form, "tinh", OPTS.version);
      const rowOf = new Map(rows.map((i, k) => [i.id, FIRST_DATA_ROW + k]));
      rows.forEach((ind: Indicator, k) => {
        const row = FIRST_DATA_ROW + k;
        const f = sh.formulas?.[row - 1]?.[3] ?? null;
        const n = ind.ratio && rowOf.get(ind.ratio.numerator);
        const d = ind.ratio && rowOf.get(ind.ratio.denominator);
        if (n && d) {
          expect([ind.id, f]).toEqual([ind.id, expectedRatio(n, d)]);
          // with its cached result: on an empty form, the formula's own blank (its parts are not numbers)
          expect([ind.id, cell(sh, row, 4)]).toEqual([ind.id, ""]);
          formulas++;
        } else {
          expect([ind.id, f]).toEqual([ind.id, null]);
          expect([ind.id, cell(sh, row, 4)]).toEqual([ind.id, null]);
        }
      });
    }
    // Biểu mẫu 1 alone has 2 = 2.2/2.1 and 3.3 = 3.3.2/3.3.1 on the provincial form
    expect(formulas).toBeGreaterThanOrEqual(2);
  });

  test("settings are kept in the very hidden settings sheet, not among the sheets", () => {
    const r = readWorkbookPath(file);
    if (!r.ok) throw new Error(r.reason);
    expect(r.sheets.some((s) => s.name === SETTINGS_SHEET)).toBe(false);
    expect(JSON.parse(r.settings.settings)).toEqual({ level: "tinh", period: OPTS.period, unit: OPTS.unit, version: OPTS.version });
    const xml = xmlParts(file)["xl/workbook.xml"];
    expect(xml).toMatch(new RegExp(`<sheet [^>]*name="${SETTINGS_SHEET}"[^>]*state="veryHidden"`));
  });

  test("the written XML has the hidden id column, validations, protection without password, page setup and frozen header", () => {
    const parts = xmlParts(file);
    const s1 = parts["xl/worksheets/sheet1.xml"];
    expect(s1).toMatch(/<col min="6" max="6"[^>]*hidden="1"/);
    expect(s1).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(s1).not.toMatch(/hashValue|password=/);
    expect(s1).toMatch(/<pane [^>]*ySplit="7"[^>]*state="frozen"/);
    expect(s1).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="portrait"/);
    expect(s1).toMatch(/fitToWidth="1"/);
    expect(s1).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(parts["xl/workbook.xml"]).toMatch(/_xlnm.Print_Titles[^>]*>(?:'|&apos;)Biểu mẫu 1(?:'|&apos;)!\$6:\$7</);
    // every validation warns, never blocks
    const dvs = s1.match(/<dataValidation [^>]*>/g) ?? [];
    expect(dvs.length).toBeGreaterThan(0);
    for (const dv of dvs) expect(dv).toMatch(/errorStyle="warning"/);
    // the survey-mode enum (1: 6.2) offers the codes 0,1,2 and explains them
    const rows = formRows(1, "tinh", OPTS.version);
    const r62 = FIRST_DATA_ROW + rows.findIndex((i) => i.id === "bm1:6.2");
    const dv62 = new RegExp(`<dataValidation type="list"[^>]*prompt="0 = Trực tuyến; 1 = Phát phiếu; 2 = Kết hợp"[^>]*sqref="[^"]*\\bD${r62}\\b[^"]*"><formula1>&quot;0,1,2&quot;`);
    expect(s1).toMatch(dv62);
    // percent entries: decimal 0..100; counts: whole >= 0
    expect(s1).toMatch(/<dataValidation type="decimal"[^>]*><formula1>0<\/formula1><formula2>100<\/formula2>/);
    expect(s1).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*><formula1>0<\/formula1>/);
  });

  test("entry cells (value and note) are unlocked, labels and formulas locked", () => {
    const parts = xmlParts(file);
    const styles = parts["xl/styles.xml"];
    const xfs = (styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/) ?? ["", ""])[1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
    const unlocked = (s: number) => /locked="0"/.test(xfs[s] ?? "");
    const s1 = parts["xl/worksheets/sheet1.xml"];
    const styleOf = (ref: string) => {
      const m = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(s1);
      return m && m[1] ? Number(m[1]) : 0;
    };
    const rows = formRows(1, "tinh", OPTS.version);
    rows.forEach((ind, k) => {
      const row = FIRST_DATA_ROW + k;
      expect([`B${row}`, unlocked(styleOf(`B${row}`))]).toEqual([`B${row}`, false]);
      expect([`E${row}`, unlocked(styleOf(`E${row}`))]).toEqual([`E${row}`, true]);
      const entry = ind.kind !== "section" && !ind.ratio; // every ratio of BM1 has both parts on the sheet
      expect([`D${row}`, unlocked(styleOf(`D${row}`))]).toEqual([`D${row}`, entry]);
    });
  });

  test("conditional formats mark a total that differs from its parts (Biểu mẫu 3: 1.4 = 1.4.1 + 1.4.2 + 1.4.3)", () => {
    const rows = formRows(3, "tinh", OPTS.version);
    const at = (id: string) => `D${FIRST_DATA_ROW + rows.findIndex((i) => i.id === id)}`;
    const s3 = xmlParts(file)["xl/worksheets/sheet3.xml"];
    const total = at("bm3:1.4");
    const parts = ["bm3:1.4.1", "bm3:1.4.2", "bm3:1.4.3"].map(at);
    const cf = new RegExp(`<conditionalFormatting sqref="${total}">[\\s\\S]*?<formula>([^<]*)</formula>`).exec(s3);
    expect(cf).not.toBeNull();
    const f = cf![1];
    for (const p of [total, ...parts]) expect(f).toContain(`ISNUMBER(${p})`);
    expect(f).toContain(parts.join("+"));
  });

  test("ExcelJS reads our file back (interop)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Biểu mẫu 1")!;
    expect(ws).toBeDefined();
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getCell("A6").value).toBe("STT");
    expect(ws.getCell("A6").isMerged).toBe(true);
    const rows = formRows(1, "tinh", OPTS.version);
    const r2 = FIRST_DATA_ROW + rows.findIndex((i) => i.id === "bm1:2");
    const v = ws.getCell(`D${r2}`).value as ExcelJS.CellFormulaValue;
    expect(typeof v).toBe("object");
    expect("=" + v.formula).toBe(
      expectedRatio(FIRST_DATA_ROW + rows.findIndex((i) => i.id === "bm1:2.2"), FIRST_DATA_ROW + rows.findIndex((i) => i.id === "bm1:2.1"))
    );
    expect(wb.getWorksheet(SETTINGS_SHEET)!.state).toBe("veryHidden");
    expect(ws.getCell(`F${r2}`).value).toBe("bm1:2");
  });
});

describe("text stays text", () => {
  test.each(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"])("unit name %s is written as text and read back as text", async (unit) => {
    const p = await writeTo(`inj-${Buffer.from(unit).toString("hex")}.xlsx`, buildFormsWorkbook([1], { ...OPTS, unit }));
    const s1 = xmlParts(p)["xl/worksheets/sheet1.xml"];
    const row1 = /<row r="1"[\s\S]*?<\/row>/.exec(s1)![0];
    expect(row1).not.toMatch(/<f>/);
    const r = readWorkbookPath(p);
    if (!r.ok) throw new Error(r.reason);
    expect(cell(r.sheets[0], 1, 1)).toBe(unit.toLocaleUpperCase("vi"));
    expect(r.sheets[0].formulas?.[0]?.[0]).toBeNull();
    expect(decodeMeta(cell(r.sheets[0], 1, 6))?.unit).toBe(unit);
  });
});

describe("layout for every level and version", () => {
  test.each(LEVELS.flatMap((l) => VERSION_IDS.map((v) => [l, v] as const)))("%s / %s: one row per catalog row, section rows bold, entries unlocked", (level, version) => {
    for (let form = 1; form <= 7; form++) {
      const sh = buildFormSheet(form, { ...OPTS, level, version });
      const rows = formRows(form, level, version);
      expect(sh.cells.length).toBe(FIRST_DATA_ROW - 1 + rows.length);
      expect(sh.protect).toBe(true);
      expect(sh.print).toEqual(expect.objectContaining({ paper: "A4", orientation: "portrait", fitToWidth: true, titleRows: "$6:$7" }));
      expect(sh.columns[5].hidden).toBe(true);
      expect(sh.columns.slice(0, 5).map((c) => c.width)).toEqual([7, 60, 14, 12, 24]);
      for (const m of ["A6:A7", "B6:B7", "C6:D6", "E6:E7", "A3:E3"]) expect(sh.merges).toContain(m);
      rows.forEach((ind, k) => {
        const row = FIRST_DATA_ROW + k;
        const d = sh.cells[row - 1][3];
        if (ind.kind === "section") {
          expect(sh.styles.some((s) => s.range === `A${row}:E${row}` && s.style.bold)).toBe(true);
          expect(d).toBeNull();
        } else if (d && d.t === "f") {
          expect(ind.ratio).toBeDefined();
        } else {
          expect(sh.styles.some((s) => s.range === `D${row}` && s.style.locked === false)).toBe(true);
        }
      });
    }
  });

  test("number formats by kind", () => {
    const sh = buildFormSheet(6, OPTS);
    const rows = formRows(6, "tinh", OPTS.version);
    const fmt = (id: string) => {
      const row = FIRST_DATA_ROW + rows.findIndex((i) => i.id === id);
      return sh.styles.filter((s) => s.range === `D${row}` && s.style.numFmt).map((s) => s.style.numFmt)[0];
    };
    expect(fmt("bm6:1.1")).toBe("#,##0.##"); // money
    const count = rows.find((i) => i.kind === "count")!;
    expect(fmt(count.id)).toBe("#,##0");
    const pct = rows.find((i) => i.kind === "percent");
    if (pct) expect(fmt(pct.id)).toBe("0.00");
  });
});

test("readWorkbookFile works on bytes without a file name", async () => {
  const buf = await writeWorkbook(buildFormsWorkbook([2], OPTS));
  const r = readWorkbookFile(new Uint8Array(buf));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.sheets.map((s) => s.name)).toEqual(["Biểu mẫu 2"]);
});

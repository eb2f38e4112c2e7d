/**
 * Structure variants of real form sheets: rows deleted, inserted, reordered, renumbered; sheets renamed;
 * two forms on one sheet; header moved; values in the wrong column; another level or version.
 * Each figure must still land on its own indicator, or be left out visibly — never on another indicator.
 *
 * Hand-made sheets come from the seed appendix of report 000 (figures transcribed from the seed text);
 * add-in sheets from the layout builder with a distinct figure typed into every entry cell.
 */
import ExcelJS from "exceljs";
import { DEFAULT_VERSION, formRows, indicatorById, isValueRow } from "../../src/catalog";
import { fillForms } from "../../src/spec/consolidate-layout";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { GridSheet, GridValue, Report } from "../../src/engine/types";
import { validate } from "../../src/engine/validate";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { readerNote } from "../../src/i18n/findings";
import { seedGrids } from "../engine/seed-grids";
import { cloneGrid, rowOfId, setValue, workbookToGrids } from "./corpus";

const num = (r: Report, id: string) => (r.entries.get(id)?.value.state === "value" ? r.entries.get(id)?.value.number : undefined);

// ------------------------------------------------------------------ hand-made (seed 000)

/** Figures of seed 000 as printed (000_*.txt, Biểu mẫu 1 and 3). */
const SEED = { "bm1:1": 9, "bm1:2.1": 56, "bm1:2.2": 12, "bm1:5.1": 9, "bm1:5.2": 7, "bm3:1.2": 101, "bm3:1.4": 1946, "bm3:1.4.1": 1558 };

function seedSheet(): GridSheet {
  return seedGrids("000", "one-sheet")[0];
}

/** 0-based index of the data row whose first cell is `code` after `after` (a row index). */
function rowIndex(s: GridSheet, code: string, labelStart: string): number {
  const i = s.values.findIndex((r) => String(r[0] ?? "").trim() === code && String(r[1] ?? "").startsWith(labelStart));
  if (i < 0) throw new Error(`row ${code} ${labelStart} not found`);
  return i;
}

function expectSeedFigures(r: Report, except: string[] = []) {
  for (const [id, v] of Object.entries(SEED)) if (!except.includes(id)) expect([id, num(r, id)]).toEqual([id, v]);
}

/** No indicator holds a number the file never had at that indicator's row. */
function expectNoForeignFigure(r: Report, foreign: number) {
  for (const [id, e] of r.entries) expect([id, e.value.number]).not.toEqual([id, foreign]);
}

describe("hand-made form sheets (seed 000 appendix)", () => {
  test("baseline: the seed figures are read", () => {
    const r = readReport([seedSheet()]);
    expect(r.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expectSeedFigures(r);
  });

  test("a row deleted: that indicator is absent, the others keep their figures", () => {
    const s = seedSheet();
    s.values.splice(rowIndex(s, "2.1.", "Số nhiệm vụ đề ra"), 1);
    const r = readReport([s]);
    expect(r.entries.has("bm1:2.1") && r.entries.get("bm1:2.1")!.value.state === "value").toBe(false);
    expectSeedFigures(r, ["bm1:2.1"]);
  });

  test("a row inserted by the user: listed as not placed, never given to another indicator", () => {
    const s = seedSheet();
    const at = rowIndex(s, "2.2.", "Số nhiệm vụ đã hoàn thành") + 1;
    s.values.splice(at, 0, ["2.3.", "Số cuộc họp giao ban tự thêm vào biểu", "Cuộc", 777, null]);
    const r = readReport([s]);
    expectSeedFigures(r);
    expectNoForeignFigure(r, 777);
    expect(r.unplaced.some((u) => u.row === at + 1 && (u.label ?? "").includes("giao ban"))).toBe(true);
  });

  test("rows reordered: figures follow their labels", () => {
    const s = seedSheet();
    const i51 = rowIndex(s, "5.1.", "Tổng số nhiệm vụ được giao");
    const i21 = rowIndex(s, "2.1.", "Số nhiệm vụ đề ra");
    const row51 = s.values[i51];
    s.values[i51] = s.values[i21];
    s.values[i21] = row51;
    expectSeedFigures(readReport([s]));
  });

  test("rows renumbered (STT swapped): the label decides", () => {
    const s = seedSheet();
    s.values[rowIndex(s, "2.1.", "Số nhiệm vụ đề ra")][0] = "2.2.";
    s.values[rowIndex(s, "2.2.", "Số nhiệm vụ đã hoàn thành")][0] = "2.1.";
    expectSeedFigures(readReport([s]));
  });

  test("hidden rows are still read (a hidden figure is still part of the report)", () => {
    const s = seedSheet();
    s.hiddenRows = [rowIndex(s, "2.1.", "Số nhiệm vụ đề ra") + 1, rowIndex(s, "1.4.", "Tổng số TTHC") + 1];
    expectSeedFigures(readReport([s]));
  });

  test("sheets renamed to Sheet1..Sheet7: forms found by their headings", () => {
    const sheets = seedGrids("000", "sheet-per-form").map((g, i) => ({ ...g, name: `Sheet${i + 1}` }));
    const r = readReport(sheets);
    expect(r.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expectSeedFigures(r);
  });

  test("header moved (the whole appendix shifted 10 rows down and 2 columns right)", () => {
    const s = seedSheet();
    const values: GridValue[][] = [...Array.from({ length: 10 }, () => [] as GridValue[]), ...s.values.map((r) => [null, null, ...r])];
    expectSeedFigures(readReport([{ name: s.name, values }]));
  });

  test("the same sheet given with an origin (a used range starting at C11) reads the same", () => {
    const s = seedSheet();
    expectSeedFigures(readReport([{ name: s.name, values: s.values, origin: { row: 11, col: 3 } }]));
  });

  test("values typed into Ghi chú instead of Số liệu: no figure is invented, the rows show as missing", () => {
    const s = seedSheet();
    const i = rowIndex(s, "2.1.", "Số nhiệm vụ đề ra");
    s.values[i][4] = s.values[i][3];
    s.values[i][3] = null;
    const r = readReport([s]);
    expect(num(r, "bm1:2.1")).toBeUndefined();
    expect(validate(r).some((f) => f.indicator === "bm1:2.1" && f.rule === "missing")).toBe(true);
    expectSeedFigures(r, ["bm1:2.1"]);
  });

  test("labels in decomposed Unicode (NFD, as some Mac and web tools save them)", () => {
    const s = seedSheet();
    s.values = s.values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)));
    const r = readReport([s]);
    expect(r.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expectSeedFigures(r);
  });

  test("labels with non-breaking spaces and doubled spaces", () => {
    const s = seedSheet();
    s.values = s.values.map((r) => r.map((v, c) => (c === 1 && typeof v === "string" ? v.replace(/ /g, (_, k) => (k % 2 ? "\u00a0" : "  ")) : v)));
    expectSeedFigures(readReport([s]));
  });

  test("another level's form (commune, seed 004) is read with that level", () => {
    const r = readReport(seedGrids("004", "one-sheet"));
    expect(r.meta.level).toBe("xa");
  });

  test("another version's form (seed 002, Nghị định 42 wording) is read with that version", () => {
    const r = readReport(seedGrids("002", "one-sheet"));
    expect(r.meta.version).toBe("v2023-dvctt");
  });
});

// ------------------------------------------------------------------ add-in sheets

const OPTS = { level: "tinh" as const, version: DEFAULT_VERSION, period: { kind: "6T" as const, year: 2024 }, unit: "Sở Nội vụ" };

/** Forms 1 and 2 with a distinct figure (1000 + k) in every entry cell that has no formula. */
function addinGrids(): { grids: GridSheet[]; figures: Map<string, number> } {
  const grids = workbookToGrids(buildFormsWorkbook([1, 2], OPTS));
  const figures = new Map<string, number>();
  let k = 0;
  for (const g of grids) {
    for (const ind of formRows(g === grids[0] ? 1 : 2, OPTS.level, OPTS.version)) {
      if (!isValueRow(ind) || ind.kind !== "count") continue;
      const r = rowOfId(g, ind.id);
      if (r < 0 || g.formulas?.[r]?.[3]) continue;
      const v = 1000 + k++;
      setValue(g, ind.id, v);
      figures.set(ind.id, v);
    }
  }
  return { grids, figures };
}

function expectFigures(r: Report, figures: Map<string, number>, except: string[] = []) {
  for (const [id, v] of figures) if (!except.includes(id)) expect([id, num(r, id)]).toEqual([id, v]);
}

describe("add-in form sheets", () => {
  test("baseline: every typed figure is read back on its indicator", () => {
    const { grids, figures } = addinGrids();
    expect(figures.size).toBeGreaterThan(10);
    const r = readReport(grids);
    expect(r.meta.source).toBe("addin");
    expectFigures(r, figures);
  });

  test("a row deleted", () => {
    const { grids, figures } = addinGrids();
    grids[0].values.splice(rowOfId(grids[0], "bm1:2.1"), 1);
    grids[0].formulas?.splice(rowOfId(grids[0], "bm1:2.1"), 1);
    const r = readReport(grids);
    expect(num(r, "bm1:2.1")).toBeUndefined();
    expectFigures(r, figures, ["bm1:2.1"]);
  });

  test("a row inserted without an id", () => {
    const { grids, figures } = addinGrids();
    const at = rowOfId(grids[0], "bm1:2.2");
    grids[0].values.splice(at, 0, ["2.1.a.", "Dòng người dùng tự thêm", "Nhiệm vụ", 4242, null, null]);
    grids[0].formulas?.splice(at, 0, [null, null, null, null, null, null]);
    const r = readReport(grids);
    expectFigures(r, figures);
    expectNoForeignFigure(r, 4242);
  });

  test("rows reordered and renumbered: the hidden id decides", () => {
    const { grids, figures } = addinGrids();
    const g = grids[0];
    const a = rowOfId(g, "bm1:1");
    const b = rowOfId(g, "bm1:5.1");
    [g.values[a], g.values[b]] = [g.values[b], g.values[a]];
    g.values[a][0] = "99.";
    g.values[b][0] = "1.1.";
    expectFigures(readReport(grids), figures);
  });

  test("sheets renamed: the metadata cell decides", () => {
    const { grids, figures } = addinGrids();
    grids[0].name = "Bản sao của Biểu 2";
    grids[1].name = "Sheet1";
    const r = readReport(grids);
    expect(r.forms).toEqual([1, 2]);
    expectFigures(r, figures);
  });

  test("two forms on one sheet (Biểu mẫu 2 pasted under Biểu mẫu 1)", () => {
    const { grids, figures } = addinGrids();
    const values = [...grids[0].values, [], [], ...grids[1].values];
    const formulas = [...(grids[0].formulas ?? []), [], [], ...(grids[1].formulas ?? [])];
    const r = readReport([{ name: "Biểu mẫu 1", values, formulas }]);
    expect(r.forms).toEqual([1, 2]);
    expectFigures(r, figures);
  });

  test("two rows inserted above the title (metadata no longer in F1): still read by labels", () => {
    const { grids, figures } = addinGrids();
    for (const g of grids) {
      g.values.unshift([], ["Người lập biểu: Nguyễn Văn A"]);
      g.formulas?.unshift([], []);
    }
    const r = readReport(grids);
    expect(r.forms).toEqual([1, 2]);
    expectFigures(r, figures);
  });

  test("metadata cell overwritten with junk: still read by labels", () => {
    const { grids, figures } = addinGrids();
    for (const g of grids) g.values[0][5] = "CCHC:{not json";
    expectFigures(readReport(grids), figures);
  });

  test("an id cell naming an indicator that does not exist is listed, not guessed", () => {
    const { grids, figures } = addinGrids();
    grids[0].values[rowOfId(grids[0], "bm1:1")][5] = "bm1:99.9";
    const r = readReport(grids);
    expect(r.unplaced.some((u) => readerNote(u.reason).includes("bm1:99.9"))).toBe(true);
    expectFigures(r, figures, ["bm1:1"]);
  });

  test("another level and version: read as written, no finding for rows outside that edition", () => {
    const o = { ...OPTS, level: "xa" as const, version: "v2023-dvctt" };
    const grids = workbookToGrids(buildFormsWorkbook([1, 2, 3, 4, 5, 6, 7], o));
    const r = readReport(grids);
    expect(r.meta.level).toBe("xa");
    expect(r.meta.version).toBe("v2023-dvctt");
    for (const f of validate(r)) {
      const ind = indicatorById(f.indicator)!;
      expect([f.indicator, ind.levels.includes("xa") && ind.versions.includes("v2023-dvctt")]).toEqual([f.indicator, true]);
    }
  });
});

// ------------------------------------------------------------------ the same through real .xlsx files

describe("add-in workbooks edited in Excel (real .xlsx files)", () => {
  const VALUES = new Map<string, number>([
    ["bm1:1", 9],
    ["bm1:2.1", 56],
    ["bm1:2.2", 12],
    ["bm1:5.1", 7],
    ["bm2:1.1", 5],
  ]);

  async function workbook(): Promise<ExcelJS.Workbook> {
    const spec = buildFormsWorkbook([1, 2], OPTS);
    fillForms(spec, VALUES);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
    return wb;
  }

  async function reread(wb: ExcelJS.Workbook): Promise<Report> {
    const r = readWorkbookFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "bieu-mau.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error(r.reason);
    return readReport(r.sheets, { settings: r.settings });
  }

  function rowWithId(ws: ExcelJS.Worksheet, id: string): number {
    let n = 0;
    ws.eachRow((row, k) => {
      if (row.getCell(6).value === id) n = k;
    });
    if (!n) throw new Error(id);
    return n;
  }

  function expectValues(r: Report, except: string[] = []) {
    for (const [id, v] of VALUES) if (!except.includes(id)) expect([id, num(r, id)]).toEqual([id, v]);
  }

  test("baseline", async () => {
    expectValues(await reread(await workbook()));
  });

  test("a row deleted in Excel", async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet("Biểu mẫu 1") ?? wb.worksheets[0];
    ws.spliceRows(rowWithId(ws, "bm1:2.1"), 1);
    const r = await reread(wb);
    expect(num(r, "bm1:2.1")).toBeUndefined();
    expectValues(r, ["bm1:2.1"]);
  });

  test("a row inserted in Excel with a figure of its own", async () => {
    const wb = await workbook();
    const ws = wb.worksheets[0];
    ws.spliceRows(rowWithId(ws, "bm1:2.2"), 0, ["2.1.a.", "Dòng thêm của đơn vị", "Nhiệm vụ", 4242]);
    const r = await reread(wb);
    expectValues(r);
    expectNoForeignFigure(r, 4242);
  });

  test("sheets renamed and reordered in Excel", async () => {
    const wb = await workbook();
    const [a, b] = wb.worksheets.filter((w) => w.name !== "_CCHC");
    a.name = "Sheet9";
    b.name = "BM-1 (2)";
    (b as unknown as { orderNo: number }).orderNo = 0; // ExcelJS writes sheets in orderNo order
    const r = await reread(wb);
    expect(r.forms).toEqual([1, 2]);
    expectValues(r);
  });

  test("the settings sheet deleted (a copy-paste into a new workbook)", async () => {
    const wb = await workbook();
    const s = wb.getWorksheet("_CCHC");
    if (s) wb.removeWorksheet(s.id);
    const r = await reread(wb);
    expect(r.meta.level).toBe("tinh");
    expectValues(r);
  });
});

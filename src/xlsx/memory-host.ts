/**
 * A workbook held in memory, for the page that works on files outside Excel: it offers what the Office.js
 * adapter offers (list, write a WorkbookSpec, read sheets back as grids, settings, write cells, select a cell),
 * read with the project's reader and written with its .xlsx writer from the same host-free description.
 *
 * An opened file is never changed in place: `toXlsx()` gives new bytes. Sheets the project did not make are
 * kept as ExcelJS loads them (cell edits applied); what ExcelJS cannot carry over (charts, pictures, pivot
 * tables, macros) is named by `lostOnSave()` so the page can warn before the user downloads.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Capabilities, ExcelHost } from "../app/host";
import { parseCell } from "../engine/a1";
import { decodeMeta, SETTINGS_SHEET, SheetMeta } from "../engine/conventions";
import { evaluateFormula } from "../engine/formula";
import { specToGrid, withFormulaResults } from "../engine/formula-results";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../engine/sheet-spec";
import type { GridSheet, GridValue } from "../engine/types";
import { readWorkbookFile } from "./read";
import { addSheetTo, setCellValue, writeSettingsSheet, writeWorkbookBytes } from "./write";

export interface MemorySheetInfo {
  name: string;
  meta?: SheetMeta;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

interface MemorySheet {
  name: string;
  grid: GridSheet;
  /** Set for a sheet written from a spec in this session (written whole on save). */
  spec?: SheetSpec;
  visibility: MemorySheetInfo["visibility"];
}

/** What an .xlsx part holds that ExcelJS does not write back, by the part's path. */
const LOST_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/media\//, "pictures"],
  [/^xl\/pivotTables\//, "pivotTables"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "slicers"],
];

function setGridCell(g: GridSheet, row: number, col: number, cell: CellSpec): void {
  const o = g.origin ?? { row: 1, col: 1 };
  const r = row - o.row;
  const c = col - o.col;
  if (r < 0 || c < 0) return; // above or left of the read range: nothing of the figures lives there
  while (g.values.length <= r) g.values.push([]);
  if (!g.formulas) g.formulas = g.values.map((v) => v.map(() => null));
  while (g.formulas.length <= r) g.formulas.push([]);
  const vr = g.values[r];
  const fr = g.formulas[r];
  while (vr.length <= c) vr.push(null);
  while (fr.length <= c) fr.push(null);
  vr[c] = cell === null ? null : cell.t === "f" ? null : cell.v;
  fr[c] = cell && cell.t === "f" ? cell.f : null;
}

/** What a file offers: no Excel, so no ExcelApi version; every feature the .xlsx writer carries is there. */
const FILE_CAPABILITIES: Capabilities = {
  apiVersion: "0",
  supported: true,
  dataValidation: true,
  pageLayout: true,
  indentLevel: true,
  customProperties: false,
  triggerSource: false,
};

export class MemoryWorkbook implements ExcelHost {
  private sheets: MemorySheet[] = [];
  private settings: Record<string, string> = {};
  private edits: { sheet: string; row: number; col: number; cell: CellSpec }[] = [];
  /** Changes made since the workbook was opened or created, and how many of them the last saved copy holds. */
  private changes = 0;
  private savedChanges = 0;
  private handlers: ((e: { sheet: string; address: string }) => void)[] = [];
  private selectionHandlers: ((at: { sheet: string; a1: string }) => void)[] = [];
  /** The cell the user was sent to (the page shows it), A1 with its sheet. */
  selection?: { sheet: string; a1: string };

  private constructor(private readonly original?: Uint8Array) {}

  /** An empty workbook (the "Tạo biểu mẫu" job). */
  static empty(): MemoryWorkbook {
    return new MemoryWorkbook();
  }

  /** Opens a file's bytes; a file that cannot be read gives the reader's Vietnamese reason and no workbook. */
  static open(bytes: Uint8Array, name?: string): { ok: true; wb: MemoryWorkbook } | { ok: false; reason: string } {
    const r = readWorkbookFile(bytes, name);
    if (!r.ok) return { ok: false, reason: r.reason };
    const wb = new MemoryWorkbook(bytes);
    wb.sheets = r.sheets
      .filter((s) => s.name !== SETTINGS_SHEET)
      .map((s) => ({
        name: s.name,
        grid: s,
        visibility: s.state === "veryHidden" ? "VeryHidden" : s.state === "hidden" ? "Hidden" : "Visible",
      }));
    wb.settings = { ...r.settings };
    return { ok: true, wb };
  }

  capabilities(): Capabilities {
    return { ...FILE_CAPABILITIES };
  }

  async listSheets(): Promise<MemorySheetInfo[]> {
    return this.sheets.map((s) => {
      const f1 = s.grid.values[0]?.[5];
      const meta = decodeMeta(f1);
      return meta ? { name: s.name, meta, visibility: s.visibility } : { name: s.name, visibility: s.visibility };
    });
  }

  /** Writes the spec's sheets; an existing sheet of the same name is kept unless `existing` is "replace". */
  async writeWorkbook(
    spec: WorkbookSpec,
    opts: { existing: "keep" | "replace" }
  ): Promise<{ written: string[]; kept: string[]; syncs: number; skippedFeatures: string[] }> {
    const written: string[] = [];
    const kept: string[] = [];
    for (const s of spec.sheets) {
      const k = this.sheets.findIndex((x) => x.name.toLowerCase() === s.name.toLowerCase());
      if (k >= 0 && opts.existing === "keep") {
        kept.push(this.sheets[k].name);
        continue;
      }
      const sheet: MemorySheet = {
        name: s.name,
        grid: specToGrid(s),
        spec: JSON.parse(JSON.stringify(s)),
        visibility: "Visible",
      };
      if (k >= 0) this.sheets[k] = sheet;
      else this.sheets.push(sheet);
      this.edits = this.edits.filter((e) => e.sheet !== s.name);
      written.push(s.name);
    }
    if (spec.settings) Object.assign(this.settings, spec.settings);
    if (written.length > 0) this.changes++;
    return { written, kept, syncs: 0, skippedFeatures: [] };
  }

  async readSheets(names?: string[]): Promise<{ sheets: GridSheet[]; settings: Record<string, string> }> {
    const want = names ? new Set(names) : undefined;
    const sheets = this.sheets
      .filter((s) => !want || want.has(s.name))
      .map((s) => ({ ...s.grid, hidden: s.visibility !== "Visible" || undefined }));
    return { sheets, settings: { ...this.settings } };
  }

  async writeSettings(values: Record<string, string>): Promise<void> {
    if (Object.keys(values).some((k) => this.settings[k] !== values[k])) this.changes++;
    Object.assign(this.settings, values);
  }

  /** Whether something was changed since the last copy the user saved (or since opening, when none was saved). */
  unsaved(): boolean {
    return this.changes !== this.savedChanges;
  }

  /** Tells the workbook that a copy made by toXlsx() now was handed to the user (downloaded): nothing is unsaved. */
  markSaved(): void {
    this.savedChanges = this.changes;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selection = { sheet, a1: cell };
    for (const h of this.selectionHandlers) h({ sheet, a1: cell });
  }

  /** Tells the page which cell the user was sent to (there is no grid to move the cursor in); returns the unsubscribe. */
  onSelect(handler: (at: { sheet: string; a1: string }) => void): () => void {
    this.selectionHandlers.push(handler);
    return () => {
      this.selectionHandlers = this.selectionHandlers.filter((h) => h !== handler);
    };
  }

  /**
   * The cells around one cell, as read now (edits included), for the page to show where a finding is:
   * `rows` and `cols` are 1-based sheet coordinates; a value is null where the cell is empty.
   */
  around(
    sheet: string,
    a1: string,
    span: { before: number; after: number; cols: number }
  ): { rows: number[]; cols: number[]; values: GridValue[][]; formulas: (string | null)[][] } | undefined {
    const s = this.sheets.find((x) => x.name === sheet);
    const at = parseCell(a1);
    if (!s || !at) return undefined;
    const o = s.grid.origin ?? { row: 1, col: 1 };
    const rows: number[] = [];
    for (let r = Math.max(1, at.row - span.before); r <= at.row + span.after; r++) rows.push(r);
    const cols: number[] = [];
    for (let c = 1; c <= Math.max(span.cols, at.col); c++) cols.push(c);
    const get = (r: number, c: number) => s.grid.values[r - o.row]?.[c - o.col] ?? null;
    const getF = (r: number, c: number) => s.grid.formulas?.[r - o.row]?.[c - o.col] ?? null;
    // a formula cell shows what it computes, as Excel would (the engine's evaluator; undefined when unsupported)
    const grids = this.sheets.map((x) => x.grid);
    const shown = (r: number, c: number): GridValue => {
      const f = getF(r, c);
      return f ? (evaluateFormula(f, s.grid, grids) ?? null) : get(r, c);
    };
    return {
      rows,
      cols,
      values: rows.map((r) => cols.map((c) => shown(r, c))),
      formulas: rows.map((r) => cols.map((c) => getF(r, c))),
    };
  }

  /** Writes cells (each to its own sheet when it names one); listeners hear of it as Excel's change events. */
  async writeCells(sheet: string, cells: { a1: string; cell: CellSpec; sheet?: string }[]): Promise<void> {
    for (const c of cells) {
      const name = c.sheet ?? sheet;
      const s = this.sheets.find((x) => x.name === name);
      const at = parseCell(c.a1);
      if (!s || !at) throw new Error(`no cell ${name}!${c.a1}`);
      setGridCell(s.grid, at.row, at.col, c.cell);
      if (s.spec) {
        const row = s.spec.cells[at.row - 1] ?? (s.spec.cells[at.row - 1] = []);
        while (row.length < at.col) row.push(null);
        row[at.col - 1] = c.cell;
      } else this.edits.push({ sheet: name, row: at.row, col: at.col, cell: c.cell });
    }
    if (cells.length > 0) this.changes++;
    for (const h of this.handlers) for (const c of cells) h({ sheet: c.sheet ?? sheet, address: c.a1 });
  }

  async onChange(handler: (e: { sheet: string; address: string }) => void): Promise<() => Promise<void>> {
    this.handlers.push(handler);
    return async () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  /** What the downloaded copy will not carry over from the opened file (keys: charts, pictures, …). */
  lostOnSave(): string[] {
    if (!this.original) return [];
    const found = new Set<string>();
    // only the entry names are looked at: the filter refuses every entry, so nothing is inflated
    unzipSync(this.original, {
      filter: (f) => {
        for (const [re, key] of LOST_PARTS) if (re.test(f.name)) found.add(key);
        return false;
      },
    });
    return [...found];
  }

  /** The workbook as new .xlsx bytes (the opened file's own sheets kept, the project's written whole). */
  async toXlsx(): Promise<Uint8Array> {
    if (!this.original) {
      const specs = this.sheets.filter((s) => s.spec).map((s) => s.spec!);
      return writeWorkbookBytes({ sheets: specs, settings: this.settings });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(this.original as unknown as ArrayBuffer);
    const specs = this.sheets.filter((s) => s.spec).map((s) => s.spec!);
    for (const spec of withFormulaResults({ sheets: specs }).sheets) {
      const old = wb.getWorksheet(spec.name);
      if (old) wb.removeWorksheet(old.id);
      addSheetTo(wb, spec);
    }
    for (const e of this.edits) {
      const ws = wb.getWorksheet(e.sheet);
      if (ws) setCellValue(ws.getCell(e.row, e.col), e.cell);
    }
    const oldSettings = wb.getWorksheet(SETTINGS_SHEET);
    if (oldSettings) wb.removeWorksheet(oldSettings.id);
    writeSettingsSheet(wb, this.settings);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
}

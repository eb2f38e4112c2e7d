/**
 * The Office.js adapter: the only module that talks to Excel. It turns a host-free WorkbookSpec into
 * batched Office.js calls (2D arrays, a handful of context.sync() calls), reads sheets back as plain
 * grids, keeps workbook settings in the very hidden SETTINGS_SHEET and reports user edits.
 *
 * ExcelApi 1.7 is the floor; DataValidation (1.8), PageLayout (1.9), WorksheetCollection.onChanged (1.9)
 * and triggerSource (1.14) are feature-detected. Every Office.js member used is listed in API-SURFACE.md.
 *
 * Errors: every public method throws only ExcelHostError, whose message is one Vietnamese line for the user.
 * Input that is wrong (bad address, bad sheet name) is rejected before anything is written.
 */
import type { CellSpec, SheetSpec, StyleSpec, ValidationEntry, WorkbookSpec } from "../engine/sheet-spec";
import type { GridSheet, GridValue } from "../engine/types";
import { decodeMeta, SETTINGS_SHEET } from "../engine/conventions";
import { isPercentFormat, percentShown } from "../engine/percent-format";
import { excelVi } from "../i18n/excel";
import type { Capabilities, ExcelHost, SheetInfo, WriteResult } from "../app/host";
import { Box, boxAddress, colLetters as colLetter, parseCell, parseRange, stripSheet } from "../engine/a1";

// ---------------------------------------------------------------- public types

// The interface this adapter implements is owned by the use-case layer (src/app/host.ts); a type-only
// import, erased at build time, so the adapter depends on no app code at run time.
export type { Capabilities, ExcelHost, SheetInfo, WriteResult } from "../app/host";

/** The only error the adapter throws: `message` is one Vietnamese line; `code` is the Office.js code when there is one. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code: string = "Input",
    readonly cause?: unknown
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

/** Injection points for tests and the browser stand-in; defaults use the globals Excel and Office. */
export interface HostEnv {
  /** Excel.run: run(batch) and run(context, batch). */
  run?: (...args: any[]) => Promise<any>;
  isSetSupported?: (set: string, version: string) => boolean;
  now?: () => number;
  /** How long after an own write change events are still ignored when triggerSource is unavailable (ms). */
  settleMs?: number;
  /** Largest estimated payload of one core write batch (characters); Excel on the web caps a request at 5 MB. */
  maxBatchChars?: number;
  /** Most cells whose values/formulas/types one read request fetches (responses are capped at 5 MB on the web). */
  readCellBudget?: number;
}

// ---------------------------------------------------------------- pure helpers (exported for tests)

const VERSIONS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

/** Text that Excel would read as a formula (or that starts with the prefix character) gets an apostrophe. */
export function escapeText(s: string): string {
  return /^[=+\-@']/.test(s) ? "'" + s : s;
}

/** Excel column width in characters (as in .xlsx) to points (Office.js columnWidth), Calibri 11 at 96 dpi. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
export function validSheetName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= 31 &&
    !BAD_SHEET_CHARS.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

function same(a: string, b: string): boolean {
  return a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
}

function cellFormula(c: CellSpec): string | number {
  if (c === null) return "";
  if (c.t === "n") return c.v;
  if (c.t === "f") return c.f.startsWith("=") ? c.f : "=" + c.f;
  return escapeText(c.v);
}

interface Block {
  rows: number;
  cols: number;
  formulas: (string | number)[][];
  numberFormat: string[][];
}

/** Row heights as runs of consecutive rows with the same height (rows ascending). */
export function heightRuns(heights: Record<number, number> | undefined): { r1: number; r2: number; h: number }[] {
  const rows = Object.entries(heights ?? {})
    .map(([r, h]) => ({ r: Number(r), h }))
    .filter((x) => Number.isInteger(x.r) && x.r >= 1 && Number.isFinite(x.h) && x.h > 0)
    .sort((a, b) => a.r - b.r);
  const runs: { r1: number; r2: number; h: number }[] = [];
  for (const { r, h } of rows) {
    const last = runs[runs.length - 1];
    if (last && last.r2 === r - 1 && last.h === h) last.r2 = r;
    else runs.push({ r1: r, r2: r, h });
  }
  return runs;
}

/**
 * The whole cell block of a sheet as two 2D arrays. Number format per cell: the last style that sets
 * numFmt and covers the cell; else "@" for a text cell (so "1.1" or "01" stay text); else "General".
 */
export function buildBlock(s: SheetSpec): Block {
  const rows = s.cells.length;
  const cols = Math.max(s.columns.length, ...s.cells.map((r) => r.length), 0);
  const formulas: (string | number)[][] = [];
  const numberFormat: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const fr: (string | number)[] = [];
    const nr: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = s.cells[r][c] ?? null;
      fr.push(cellFormula(cell));
      nr.push(cell && cell.t === "s" ? "@" : "General");
    }
    formulas.push(fr);
    numberFormat.push(nr);
  }
  for (const st of s.styles) {
    if (st.style.numFmt === undefined) continue;
    const b = parseRange(st.range);
    if (!b) continue;
    for (let r = b.r1; r <= Math.min(b.r2, rows); r++) {
      for (let c = b.c1; c <= Math.min(b.c2, cols); c++) {
        const cell = s.cells[r - 1][c - 1] ?? null;
        // A text cell keeps "@" so that it can never turn into a number or a formula.
        if (!(cell && cell.t === "s")) numberFormat[r - 1][c - 1] = st.style.numFmt;
      }
    }
  }
  return { rows, cols, formulas, numberFormat };
}

function estimateChars(s: SheetSpec, b: Block): number {
  return (
    JSON.stringify(b.formulas).length +
    JSON.stringify(b.numberFormat).length +
    400 * (s.styles.length + s.merges.length + s.conditionalFormats.length + s.columns.length)
  );
}

/** Checks a spec before anything is written; returns a Vietnamese message or undefined. */
export function checkSpec(spec: WorkbookSpec): string | undefined {
  const seen: string[] = [];
  for (const s of spec.sheets) {
    if (!validSheetName(s.name) || same(s.name, SETTINGS_SHEET)) return excelVi.errors.badSheetName(String(s.name));
    if (seen.some((n) => same(n, s.name))) return excelVi.errors.duplicateSheet(s.name);
    seen.push(s.name);
    const ranges = [
      ...s.styles.map((x) => x.range),
      ...s.merges,
      ...s.validations.map((x) => x.range),
      ...s.conditionalFormats.map((x) => x.range),
    ];
    if (s.print.printArea) ranges.push(s.print.printArea);
    if (s.print.titleRows) ranges.push(s.print.titleRows);
    for (const r of ranges) if (!parseRange(r)) return excelVi.errors.badRange(s.name, r);
    for (let r = 0; r < s.cells.length; r++) {
      for (let c = 0; c < s.cells[r].length; c++) {
        const cell = s.cells[r][c];
        const where = `${s.name}!${colLetter(c + 1)}${r + 1}`;
        if (cell && cell.t === "n" && !Number.isFinite(cell.v)) return excelVi.errors.generic(`${where}: ${cell.v}`);
        if (cell && cell.t === "s" && cell.v.length > 32766) return excelVi.errors.textTooLong(where);
      }
    }
  }
  return undefined;
}

/** An Office.js value to a GridValue: "" is null, an error value becomes { error }. */
function gridValue(v: unknown, type: string | undefined): GridValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

export function toHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const err = e as { code?: string; message?: string; name?: string } | undefined;
  const code = err?.code ?? "";
  if (e instanceof ReferenceError || err?.name === "ReferenceError")
    return new ExcelHostError(excelVi.errors.noExcel, "NoExcel", e);
  if (code === "InvalidOperationInCellEditMode") return new ExcelHostError(excelVi.errors.cellEditMode, code, e);
  if (code === "AccessDenied") return new ExcelHostError(excelVi.errors.protectedSheet, code, e);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded")
    return new ExcelHostError(excelVi.errors.tooLarge, code, e);
  if (["ServiceNotAvailable", "ActivityLimitReached", "Conflict", "RequestAborted", "Timeout"].includes(code))
    return new ExcelHostError(excelVi.errors.busy, code, e);
  const detail = (err?.message ?? String(e)).split("\n")[0];
  return new ExcelHostError(excelVi.errors.generic(detail), code || "Unknown", e);
}

// ---------------------------------------------------------------- the host

type Ctx = Excel.RequestContext;
type Sheet = Excel.Worksheet;

export function createExcelHost(env: HostEnv = {}): ExcelHost {
  const run: (...args: any[]) => Promise<any> =
    env.run ?? ((...args: any[]) => (Excel.run as (...a: any[]) => Promise<any>)(...args));
  const isSetSupported =
    env.isSetSupported ?? ((set: string, v: string) => Office.context.requirements.isSetSupported(set, v));
  const now = env.now ?? (() => Date.now());
  const settleMs = env.settleMs ?? 1000;
  const maxBatchChars = env.maxBatchChars ?? 1_000_000;
  const readCellBudget = env.readCellBudget ?? 30_000;

  let caps: Capabilities | undefined;
  let ownWrites = 0;
  let quietUntil = 0;

  function capabilities(): Capabilities {
    if (caps) return caps;
    const has = (v: string) => {
      try {
        return !!isSetSupported("ExcelApi", v);
      } catch {
        return false;
      }
    };
    let apiVersion = "0";
    for (let i = VERSIONS.length - 1; i >= 0; i--) {
      if (has(VERSIONS[i])) {
        apiVersion = VERSIONS[i];
        break;
      }
    }
    const n = apiVersion === "0" ? 0 : Number(apiVersion.split(".")[1]);
    caps = {
      apiVersion,
      supported: n >= 7,
      dataValidation: n >= 8,
      pageLayout: n >= 9,
      indentLevel: n >= 9,
      customProperties: n >= 12,
      triggerSource: n >= 14,
    };
    return caps;
  }

  /** Runs a batch; `sync` counts the context.sync() calls. Errors become ExcelHostError. */
  async function batch<T>(
    fn: (ctx: Ctx, sync: () => Promise<void>) => Promise<T>
  ): Promise<{ result: T; syncs: number }> {
    let syncs = 0;
    try {
      const result = await run(async (ctx: Ctx) => {
        const sync = async () => {
          syncs++;
          await ctx.sync();
        };
        return fn(ctx, sync);
      });
      return { result, syncs };
    } catch (e) {
      throw toHostError(e);
    }
  }

  /** Marks an own write so that the change events it causes are not reported. */
  async function own<T>(fn: () => Promise<T>): Promise<T> {
    ownWrites++;
    try {
      return await fn();
    } finally {
      ownWrites--;
      quietUntil = now() + settleMs;
    }
  }

  // ------------------------------------------------------------ writing one sheet

  function applyStyle(sh: Sheet, range: string, st: StyleSpec, box: Box) {
    const r = sh.getRange(range);
    const f = r.format;
    if (st.bold !== undefined) f.font.bold = st.bold;
    if (st.italic !== undefined) f.font.italic = st.italic;
    if (st.fontSize !== undefined) f.font.size = st.fontSize;
    if (st.fontColor) f.font.color = st.fontColor;
    if (st.fill) f.fill.color = st.fill;
    if (st.hAlign) f.horizontalAlignment = st.hAlign === "left" ? "Left" : st.hAlign === "center" ? "Center" : "Right";
    if (st.vAlign) f.verticalAlignment = st.vAlign === "top" ? "Top" : st.vAlign === "center" ? "Center" : "Bottom";
    if (st.wrap !== undefined) f.wrapText = st.wrap;
    // ExcelApi 1.9; below it the text is simply not indented (queued with the rest, no sync of its own)
    if (st.indent !== undefined && Number.isFinite(st.indent) && capabilities().indentLevel) {
      f.indentLevel = Math.max(0, Math.min(15, Math.round(st.indent)));
    }
    if (st.locked === false) f.protection.locked = false;
    if (st.border) {
      const edges: Excel.BorderIndex[] = [
        "EdgeTop" as Excel.BorderIndex,
        "EdgeBottom" as Excel.BorderIndex,
        "EdgeLeft" as Excel.BorderIndex,
        "EdgeRight" as Excel.BorderIndex,
      ];
      if (box.c2 > box.c1) edges.push("InsideVertical" as Excel.BorderIndex);
      if (box.r2 > box.r1) edges.push("InsideHorizontal" as Excel.BorderIndex);
      for (const e of edges) {
        const b = f.borders.getItem(e);
        b.style = "Continuous";
        b.weight = "Thin";
      }
    }
  }

  /** Queues the core of a sheet (ExcelApi ≤ 1.7): cells, formats, widths, merges, conditional formats, freeze. */
  function queueCore(sh: Sheet, s: SheetSpec, block: Block) {
    if (block.rows > 0 && block.cols > 0) {
      const r = sh.getRange(boxAddress({ r1: 1, c1: 1, r2: block.rows, c2: block.cols }));
      // Format first: a text cell is "@" before its text arrives.
      r.numberFormat = block.numberFormat;
      r.formulas = block.formulas as any[][];
    }
    s.columns.forEach((col, i) => {
      const L = colLetter(i + 1);
      const cr = sh.getRange(`${L}:${L}`);
      cr.format.columnWidth = widthToPoints(col.width);
      if (col.hidden) cr.columnHidden = true;
    });
    // Row heights (fitted to wrapped text by the engine) in the same batch, one command per run of rows of one height.
    for (const run of heightRuns(s.rowHeights)) sh.getRange(`${run.r1}:${run.r2}`).format.rowHeight = run.h;
    for (const st of s.styles) {
      const box = parseRange(st.range)!;
      applyStyle(sh, st.range, st.style, box);
      // numFmt outside the cell block (a bounded range only): set it there too.
      if (
        st.style.numFmt !== undefined &&
        (box.r2 > block.rows || box.c2 > block.cols) &&
        box.r2 - box.r1 < 5000 &&
        box.c2 - box.c1 < 200
      ) {
        const fmt = st.style.numFmt;
        const outside = Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) =>
          Array.from({ length: box.c2 - box.c1 + 1 }, (_, j) => {
            const rr = box.r1 + i;
            const cc = box.c1 + j;
            return rr <= block.rows && cc <= block.cols ? block.numberFormat[rr - 1][cc - 1] : fmt;
          })
        );
        sh.getRange(st.range).numberFormat = outside;
      }
    }
    for (const m of s.merges) sh.getRange(m).merge(false);
    for (const cf of s.conditionalFormats) {
      const c = sh.getRange(cf.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      c.custom.rule.formula = cf.formula;
      c.custom.format.fill.color = cf.fill;
      if (cf.fontColor) c.custom.format.font.color = cf.fontColor;
    }
    if (s.freezeRows && s.freezeRows > 0) sh.freezePanes.freezeRows(s.freezeRows);
    if (s.tabColor) sh.tabColor = s.tabColor;
    // native charts, queued with the rest (no sync of their own): ChartCollection.add and setPosition are
    // ExcelApi 1.1, a further series (ChartSeriesCollection.add, setValues, setXAxisValues) 1.7
    for (const ch of s.charts ?? []) {
      const [first, ...rest] = ch.series;
      if (!first) continue;
      const chart = sh.charts.add(
        "BarClustered" as Excel.ChartType,
        sh.getRange(first.values),
        "Columns" as Excel.ChartSeriesBy
      );
      chart.title.text = ch.title;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(sh.getRange(ch.categories));
      for (const x of rest) {
        const se = chart.series.add(x.name);
        se.setValues(sh.getRange(x.values));
        se.setXAxisValues(sh.getRange(ch.categories));
      }
      chart.setPosition(ch.from, ch.to);
    }
  }

  function queueValidation(sh: Sheet, v: ValidationEntry, clearFirst: boolean) {
    const dv = sh.getRange(v.range).dataValidation;
    if (clearFirst) dv.clear();
    const rule = v.rule;
    if (rule.type === "whole") {
      dv.rule = {
        wholeNumber:
          rule.max === undefined
            ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
            : { formula1: rule.min, formula2: rule.max, operator: "Between" },
      };
    } else if (rule.type === "decimal") {
      dv.rule = { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    } else {
      dv.rule = { list: { inCellDropDown: true, source: rule.values.map((x) => x.replace(/,/g, " ")).join(",") } };
    }
    if (v.prompt)
      dv.prompt = { showPrompt: true, title: truncate(v.prompt.title, 32), message: truncate(v.prompt.message, 255) };
    dv.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: truncate(v.error.title, 32),
      message: truncate(v.error.message, 225),
    };
  }

  function queuePageLayout(sh: Sheet, s: SheetSpec) {
    const pl = sh.pageLayout;
    pl.orientation = s.print.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.paperSize = "A4";
    if (s.print.titleRows) pl.setPrintTitleRows(s.print.titleRows);
    if (s.print.titleColumns) pl.setPrintTitleColumns(s.print.titleColumns);
    if (s.print.printArea) pl.setPrintArea(s.print.printArea);
    if (s.print.fitToWidth) pl.zoom = { horizontalFitToPages: s.print.pagesWide ?? 1, verticalFitToPages: 0 };
  }

  function queueProtect(sh: Sheet) {
    sh.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }

  /** Key/value block of the settings sheet: A = key, B = value, both text. */
  function queueSettings(ctx: Ctx, existingSheet: Sheet | undefined, merged: [string, string][]) {
    let sh = existingSheet;
    if (!sh) {
      sh = ctx.workbook.worksheets.add(SETTINGS_SHEET);
      sh.visibility = "VeryHidden";
    }
    if (merged.length === 0) return;
    const r = sh.getRange(`A1:B${merged.length}`);
    r.numberFormat = merged.map(() => ["@", "@"]);
    r.values = merged.map(([k, v]) => [escapeText(k), escapeText(v)]);
  }

  function settingsFrom(values: unknown[][] | undefined): [string, string][] {
    const out: [string, string][] = [];
    for (const row of values ?? []) {
      const k = row[0];
      if (k === "" || k === null || k === undefined) continue;
      out.push([String(k), row[1] === null || row[1] === undefined ? "" : String(row[1])]);
    }
    return out;
  }

  function mergeSettings(old: [string, string][], add: Record<string, string>): [string, string][] {
    const out = old.map(([k, v]) => [k, v] as [string, string]);
    for (const [k, v] of Object.entries(add)) {
      const i = out.findIndex(([ok]) => ok === k);
      if (i >= 0) out[i][1] = v;
      else out.push([k, v]);
    }
    return out;
  }

  function checkSettingsInput(values: Record<string, string>): string | undefined {
    for (const [k, v] of Object.entries(values)) {
      if (!k || k.length > 255) return excelVi.errors.badSettingKey(k);
      if (typeof v !== "string") return excelVi.errors.badSettingKey(k);
      if (v.length > 32766) return excelVi.errors.textTooLong(`${SETTINGS_SHEET}!${k}`);
    }
    return undefined;
  }

  // ------------------------------------------------------------ the interface

  async function listSheets(): Promise<SheetInfo[]> {
    const { result } = await batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name,items/visibility");
      await sync();
      const items = ws.items.filter((s) => !same(s.name, SETTINGS_SHEET));
      const f1 = items.map((s) => {
        const r = s.getRange("F1");
        r.load("values");
        return r;
      });
      await sync();
      return items.map((s, i) => {
        const meta = decodeMeta(f1[i].values?.[0]?.[0]);
        const info: SheetInfo = { name: s.name, visibility: s.visibility };
        if (meta) info.meta = meta;
        return info;
      });
    });
    return result;
  }

  async function writeWorkbook(spec: WorkbookSpec, opts: { existing: "keep" | "replace" }): Promise<WriteResult> {
    const bad = checkSpec(spec);
    if (bad) throw new ExcelHostError(bad);
    const cap = capabilities();
    const skipped = new Set<string>();
    if (!cap.dataValidation && spec.sheets.some((s) => s.validations.length > 0)) skipped.add("dataValidation");
    if (!cap.pageLayout) skipped.add("pageLayout");
    const written: string[] = [];
    const kept: string[] = [];

    const { syncs } = await own(() =>
      batch(async (ctx, sync) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name,items/visibility,items/position");
        await sync();
        const existing = ws.items.map((sheet) => ({ sheet, name: sheet.name, position: sheet.position }));
        const settingsSheet = existing.find((e) => same(e.name, SETTINGS_SHEET));
        const others = existing.filter((e) => e !== settingsSheet);
        const f1 = others.map((e) => {
          const r = e.sheet.getRange("F1");
          r.load("values");
          return r;
        });
        let settingsUsed: Excel.Range | undefined;
        if (settingsSheet) {
          settingsUsed = settingsSheet.sheet.getUsedRangeOrNullObject(true);
          settingsUsed.load("values");
        }
        await sync();
        const metas = others.map((e, i) => ({ ...e, meta: decodeMeta(f1[i].values?.[0]?.[0]) }));
        const oldSettings = settingsUsed && !settingsUsed.isNullObject ? settingsFrom(settingsUsed.values) : [];

        // Plan: which spec sheets to write, and which existing sheets they replace.
        const usedNames = existing.map((e) => e.name);
        let tmp = 0;
        const plan: { s: SheetSpec; block: Block; replaces: typeof metas; tempName?: string }[] = [];
        for (const s of spec.sheets) {
          const meta = decodeMeta(
            s.cells[0]?.[5] && s.cells[0][5]!.t === "s" ? (s.cells[0][5] as { v: string }).v : undefined
          );
          const matches = metas.filter(
            (e) =>
              same(e.name, s.name) ||
              (meta &&
                e.meta &&
                e.meta.kind === meta.kind &&
                (meta.kind === "consolidated" || e.meta.form === meta.form))
          );
          if (matches.length > 0 && opts.existing === "keep") {
            for (const m of matches) if (!kept.includes(m.name)) kept.push(m.name);
            continue;
          }
          let tempName: string | undefined;
          if (matches.length > 0 || usedNames.some((n) => same(n, s.name))) {
            do tempName = `~cchc${++tmp}`;
            while (usedNames.some((n) => same(n, tempName!)));
            usedNames.push(tempName);
          }
          // A sheet already claimed by an earlier spec sheet is not deleted twice.
          const free = matches.filter((m) => !plan.some((p) => p.replaces.includes(m)));
          plan.push({ s, block: buildBlock(s), replaces: free, tempName });
        }

        // Core writes, in as few batches as the payload allows.
        const created = new Map<SheetSpec, Sheet>();
        let load = 0;
        let pending = false;
        const settingsToWrite = spec.settings ? mergeSettings(oldSettings, spec.settings) : undefined;
        for (const p of plan) {
          const size = estimateChars(p.s, p.block);
          if (pending && load + size > maxBatchChars) {
            await sync();
            load = 0;
          }
          const sh = ws.add(p.tempName ?? p.s.name);
          created.set(p.s, sh);
          queueCore(sh, p.s, p.block);
          if (p.replaces.length > 0 || p.tempName) {
            for (const old of p.replaces) old.sheet.delete();
            if (p.tempName) sh.name = p.s.name;
            if (p.replaces.length > 0) sh.position = Math.min(...p.replaces.map((r) => r.position));
          }
          written.push(p.s.name);
          load += size;
          pending = true;
        }
        // Settings last, so that the very hidden sheet sits after the forms.
        if (settingsToWrite) {
          queueSettings(ctx, settingsSheet?.sheet, settingsToWrite);
          pending = true;
        }
        if (pending) await sync();
        if (plan.length === 0) return;

        // Features beyond the floor and protection, in one batch; if it fails, each group alone.
        const withValidation = cap.dataValidation ? plan.filter((p) => p.s.validations.length > 0) : [];
        const withLayout = cap.pageLayout ? plan : [];
        const toProtect = plan.filter((p) => p.s.protect);
        const first = created.get(plan[0].s)!;
        try {
          for (const p of withValidation) for (const v of p.s.validations) queueValidation(created.get(p.s)!, v, false);
          for (const p of withLayout) queuePageLayout(created.get(p.s)!, p.s);
          for (const p of toProtect) queueProtect(created.get(p.s)!);
          first.activate();
          await sync();
        } catch {
          if (withValidation.length > 0) {
            try {
              for (const p of withValidation)
                for (const v of p.s.validations) queueValidation(created.get(p.s)!, v, true);
              await sync();
            } catch {
              skipped.add("dataValidation");
            }
          }
          if (withLayout.length > 0) {
            try {
              for (const p of withLayout) queuePageLayout(created.get(p.s)!, p.s);
              await sync();
            } catch {
              skipped.add("pageLayout");
            }
          }
          if (toProtect.length > 0) {
            try {
              const prot = toProtect.map((p) => {
                const pr = created.get(p.s)!.protection;
                pr.load("protected");
                return pr;
              });
              await sync();
              toProtect.forEach((p, i) => {
                if (!prot[i].protected) queueProtect(created.get(p.s)!);
              });
              await sync();
            } catch {
              skipped.add("protection");
            }
          }
        }
      })
    );
    return { written, kept, syncs, skippedFeatures: written.length > 0 ? [...skipped] : [] };
  }

  async function readSheets(names?: string[]): Promise<{ sheets: GridSheet[]; settings: Record<string, string> }> {
    const { result } = await batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name,items/visibility");
      await sync();
      const settingsSheet = ws.items.find((s) => same(s.name, SETTINGS_SHEET));
      const targets = ws.items.filter((s) => s !== settingsSheet && (!names || names.some((n) => same(n, s.name))));
      // First the size of each used range, so that the values can be fetched in requests well under 5 MB.
      const used = targets.map((s) => {
        const r = s.getUsedRangeOrNullObject(true);
        r.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
        return r;
      });
      let settingsUsed: Excel.Range | undefined;
      if (settingsSheet) {
        settingsUsed = settingsSheet.getUsedRangeOrNullObject(true);
        settingsUsed.load("values");
      }
      await sync();

      // Slices of at most readCellBudget cells, grouped into as few requests as the budget allows.
      type Slice = { k: number; r0: number; rows: number; range?: Excel.Range };
      const slices: Slice[] = [];
      used.forEach((r, k) => {
        if (r.isNullObject || r.rowCount === 0 || r.columnCount === 0) return;
        const step = Math.max(1, Math.floor(readCellBudget / r.columnCount));
        for (let r0 = 0; r0 < r.rowCount; r0 += step) slices.push({ k, r0, rows: Math.min(step, r.rowCount - r0) });
      });
      // Mixed hidden rows (rowHidden null): ask row by row, together with the first values request.
      const rowProbes = used.map((r) => {
        if (r.isNullObject || r.rowHidden !== null) return undefined;
        return Array.from({ length: r.rowCount }, (_, i) => {
          const row = r.getRow(i);
          row.load("rowHidden");
          return row;
        });
      });
      let inBatch = rowProbes.some((p) => p) ? 1 : 0;
      let cells = 0;
      for (const sl of slices) {
        const r = used[sl.k];
        const n = sl.rows * r.columnCount;
        if (inBatch > 0 && cells + n > readCellBudget) {
          await sync();
          cells = 0;
          inBatch = 0;
        }
        const top = r.rowIndex + 1 + sl.r0;
        const left = r.columnIndex + 1;
        sl.range = targets[sl.k].getRange(
          boxAddress({ r1: top, c1: left, r2: top + sl.rows - 1, c2: left + r.columnCount - 1 })
        );
        // numberFormat in the same request: a number shown as 99,75% is stored as 0.9975
        sl.range.load("values,formulas,valueTypes,numberFormat");
        cells += n;
        inBatch++;
      }
      if (inBatch > 0) await sync();

      const sheets: GridSheet[] = targets.map((s, k) => {
        const r = used[k];
        const g: GridSheet = { name: s.name, values: [] };
        if (s.visibility !== "Visible") g.hidden = true;
        if (r.isNullObject) return g;
        const formulas: (string | null)[][] = [];
        for (const sl of slices) {
          if (sl.k !== k) continue;
          const x = sl.range!;
          x.values.forEach((row, i) => {
            const nf = x.numberFormat?.[i];
            g.values.push(
              row.map((v, j) => {
                const gv = gridValue(v, x.valueTypes[i][j]);
                // the figure the user sees: 0.9975 formatted "0.00%" is 99.75
                return typeof gv === "number" && isPercentFormat(nf?.[j]) ? percentShown(gv) : gv;
              })
            );
            formulas.push(
              x.formulas[i].map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== row[j] ? f : null))
            );
          });
        }
        g.formulas = formulas;
        g.origin = { row: r.rowIndex + 1, col: r.columnIndex + 1 };
        if (r.rowHidden === true) g.hiddenRows = Array.from({ length: r.rowCount }, (_, i) => r.rowIndex + 1 + i);
        const probes = rowProbes[k];
        if (probes) g.hiddenRows = probes.flatMap((p, i) => (p.rowHidden ? [r.rowIndex + 1 + i] : []));
        return g;
      });
      const settings: Record<string, string> = {};
      if (settingsUsed && !settingsUsed.isNullObject)
        for (const [k, v] of settingsFrom(settingsUsed.values)) settings[k] = v;
      return { sheets, settings };
    });
    return result;
  }

  async function writeSettings(values: Record<string, string>): Promise<void> {
    const bad = checkSettingsInput(values);
    if (bad) throw new ExcelHostError(bad);
    await own(() =>
      batch(async (ctx, sync) => {
        const sh = ctx.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
        await sync();
        let old: [string, string][] = [];
        if (!sh.isNullObject) {
          const used = sh.getUsedRangeOrNullObject(true);
          used.load("values");
          await sync();
          if (!used.isNullObject) old = settingsFrom(used.values);
        }
        queueSettings(ctx, sh.isNullObject ? undefined : sh, mergeSettings(old, values));
        await sync();
      })
    );
  }

  async function findSheet(ctx: Ctx, sync: () => Promise<void>, name: string): Promise<Sheet> {
    const sh = ctx.workbook.worksheets.getItemOrNullObject(name);
    sh.load("name,visibility");
    await sync();
    if (sh.isNullObject || same(name, SETTINGS_SHEET))
      throw new ExcelHostError(excelVi.errors.noSheet(name), "ItemNotFound");
    return sh;
  }

  async function selectCell(sheet: string, a1: string): Promise<void> {
    if (typeof a1 !== "string" || !parseRange(a1)) throw new ExcelHostError(excelVi.errors.badAddress(String(a1)));
    await batch(async (ctx, sync) => {
      const sh = await findSheet(ctx, sync, sheet);
      if (sh.visibility !== "Visible") throw new ExcelHostError(excelVi.errors.hiddenSheet(sheet), "Hidden");
      sh.activate();
      sh.getRange(a1).select();
      await sync();
    });
  }

  async function writeCells(sheet: string, cells: { a1: string; cell: CellSpec; sheet?: string }[]): Promise<void> {
    for (const { a1, cell } of cells) {
      if (typeof a1 !== "string" || !parseCell(a1)) throw new ExcelHostError(excelVi.errors.badAddress(String(a1)));
      if (cell && cell.t === "n" && !Number.isFinite(cell.v))
        throw new ExcelHostError(excelVi.errors.generic(`${a1}: ${cell.v}`));
      if (cell && cell.t === "s" && cell.v.length > 32766) throw new ExcelHostError(excelVi.errors.textTooLong(a1));
    }
    if (cells.length === 0) return;
    // Every target sheet is looked up in one sync, then every cell is written in a second one.
    const names = [...new Set(cells.map((c) => c.sheet ?? sheet))];
    await own(() =>
      batch(async (ctx, sync) => {
        const found = names.map((name) => {
          const sh = ctx.workbook.worksheets.getItemOrNullObject(name);
          sh.load("name,visibility");
          return { name, sh };
        });
        await sync();
        for (const { name, sh } of found)
          if (sh.isNullObject || same(name, SETTINGS_SHEET))
            throw new ExcelHostError(excelVi.errors.noSheet(name), "ItemNotFound");
        const byName = new Map(found.map((f) => [f.name, f.sh]));
        for (const { a1, cell, sheet: target } of cells) {
          const r = byName.get(target ?? sheet)!.getRange(a1);
          if (cell === null) r.clear("Contents");
          // The cell keeps its format: a text value always carries the apostrophe so it cannot be coerced.
          else if (cell.t === "s") r.formulas = [["'" + cell.v]];
          else r.formulas = [[cellFormula(cell)]];
        }
        await sync();
      })
    );
  }

  async function onChange(handler: (e: { sheet: string; address: string }) => void): Promise<() => Promise<void>> {
    const cap = capabilities();
    const registrations: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    const others: OfficeExtension.EventHandlerResult<any>[] = [];
    let active = true;

    const deliver = async (e: Excel.WorksheetChangedEventArgs) => {
      if (!active) return;
      const ts = (e as { triggerSource?: string }).triggerSource;
      if (cap.triggerSource && ts !== undefined) {
        if (ts === "ThisLocalAddin") return;
      } else if (ownWrites > 0 || now() < quietUntil) {
        return;
      }
      try {
        const { result: name } = await batch(async (ctx, sync) => {
          const sh = ctx.workbook.worksheets.getItemOrNullObject(e.worksheetId);
          sh.load("name");
          await sync();
          return sh.isNullObject ? undefined : sh.name;
        });
        if (!name || same(name, SETTINGS_SHEET)) return;
        handler({ sheet: name, address: stripSheet(e.address) });
      } catch {
        /* an event for a sheet that is gone is dropped */
      }
    };

    await batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets;
      if (cap.pageLayout) {
        // ExcelApi 1.9: one handler for every sheet, present and future.
        registrations.push(ws.onChanged.add(deliver));
      } else {
        ws.load("items/name");
        await sync();
        for (const s of ws.items) if (!same(s.name, SETTINGS_SHEET)) registrations.push(s.onChanged.add(deliver));
        others.push(
          ws.onAdded.add(async (a: Excel.WorksheetAddedEventArgs) => {
            if (!active) return;
            try {
              await batch(async (c2, s2) => {
                registrations.push(c2.workbook.worksheets.getItem(a.worksheetId).onChanged.add(deliver));
                await s2();
              });
            } catch {
              /* the new sheet simply is not watched */
            }
          })
        );
      }
      await sync();
    });

    return async () => {
      active = false;
      for (const r of [...registrations, ...others]) {
        try {
          await run(r.context, async (ctx: Ctx) => {
            r.remove();
            await ctx.sync();
          });
        } catch {
          /* already gone with its document */
        }
      }
    };
  }

  return { capabilities, listSheets, writeWorkbook, readSheets, writeSettings, selectCell, writeCells, onChange };
}

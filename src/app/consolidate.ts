/**
 * Consolidation, for every shell: read the subordinate units' files (one at a time, only their placed
 * figures kept), roll them up for the consolidating unit, lay out the Tổng hợp tab, and fill the unit's
 * own forms from the totals — only empty cells; a figure the user typed is listed and overwritten only
 * on request.
 */
import type { WorkbookSettings } from "../engine/conventions";
import { encodeMeta } from "../engine/conventions";
import { consolidate, Consolidation, ConsolidateOptions, totalValues, UnitInput } from "../engine/consolidate";
import { buildAppendix } from "../engine/appendix";
import { buildAppendixSheet, watchLines } from "../spec/appendix-layout";
import {
  buildConsolidatedSheet,
  buildConsolidationStatusSheet,
  planSheetReplacement,
} from "../spec/consolidate-layout";
import { a1 } from "../engine/a1";
import { periodLabel } from "../i18n/findings";
import type { CellSpec, WorkbookSpec } from "../engine/sheet-spec";
import type { GridSheet, Period, Report } from "../engine/types";
import { parseUnitsMap, previousColumn, PreviousOutcome } from "../engine/previous-consolidation";
import { statusLabels, unitMessages } from "../i18n/consolidate";
import { previousConsolidationText as PT } from "../i18n/previous";
import { check } from "./check-session";
import type { ExcelHost } from "./host";
import { allForms, layoutFor } from "./insert";

export type { Consolidation, UnitInput, PreviousOutcome };

export interface ConsolidateInput {
  name: string;
  bytes: Uint8Array;
  receivedAt?: Date;
}

/**
 * Reads and checks one unit's file (an unreadable file is a unit with its reason): the shell passes the file
 * adapter's reader (src/xlsx readUnitFile), so the use case knows no file format. With `period`, a workbook
 * keeping sheets of several periods is read for that period's sheets.
 */
export type UnitReader = (name: string, bytes: Uint8Array, receivedAt?: Date, period?: Period) => UnitInput;

/** Reads a workbook's sheets (the previous period's Tổng hợp); the shell passes the file adapter's reader. */
export type SheetsReader = (
  bytes: Uint8Array,
  name: string
) => { ok: true; sheets: GridSheet[] } | { ok: false; reason: string };

/**
 * The "old unit → new unit" list as typed (a file's text or the pane's text box): the map, or one Vietnamese
 * line naming the lines it could not read (then nothing is consolidated).
 */
export function checkUnitsMap(
  text: string | undefined
): { ok: true; map: Map<string, string> } | { ok: false; message: string } {
  const { map, bad } = parseUnitsMap(String(text ?? "").replace(/^\uFEFF/, ""));
  return bad.length > 0 ? { ok: false, message: PT.badUnitsMap(bad) } : { ok: true, map };
}

/**
 * The previous period's columns for a consolidation, from the previous file as read (or why it could not
 * be read): refused with one Vietnamese line when it is no Tổng hợp, of another level, or of the same or a
 * later period — the consolidation itself goes on without the columns.
 */
export function comparePreviousPeriod(
  c: Consolidation,
  file: string,
  read: { ok: true; sheets: GridSheet[] } | { ok: false; reason: string },
  unitsMap: Map<string, string> = new Map()
): PreviousOutcome {
  if (!read.ok) return { ok: false, file, reason: "unreadable", message: PT.unreadable(file, read.reason) };
  const r = previousColumn(c, file, read.sheets, unitsMap);
  if (r.ok) return r;
  return { ok: false, file, reason: r.reason, message: PT.refused(r.reason, file, r.previous, c) };
}

/** The lines a shell shows of the comparison: what was compared (or why not), merged units, units gone. */
export function previousLines(c: Consolidation, p: PreviousOutcome): string[] {
  if (!p.ok) return [p.message];
  const col = p.column;
  const lines = [PT.used(col.file, periodLabel(col.period), col.unit)];
  if (col.otherUnit) lines.push(PT.otherUnit(col.otherUnit, c.unit));
  for (const m of col.merged) lines.push(PT.merged(m.unit, m.from));
  for (const u of col.missingNow) lines.push(PT.missingNow(u));
  return lines;
}

/** The roll-up of units already read, for the consolidating unit (the CLI and the pane alike). */
export function consolidateUnits(inputs: UnitInput[], o: ConsolidateOptions): Consolidation {
  return consolidate(inputs, o);
}

const tick = (): Promise<void> => new Promise((res) => setTimeout(res, 0));

/** Reads the files one after another (yielding between them, with progress) and consolidates them. */
export async function consolidateBytes(
  files: ConsolidateInput[],
  o: ConsolidateOptions,
  readUnit: UnitReader,
  onProgress?: (file: string, fraction: number) => void
): Promise<Consolidation> {
  const inputs: UnitInput[] = [];
  for (const f of files) {
    inputs.push(readUnit(f.name, f.bytes, f.receivedAt, o.period));
    if (onProgress) onProgress(f.name, 1);
    await tick();
  }
  return consolidateUnits(inputs, o);
}

// ---------------------------------------------------------------- in the workbook (the pane)

export interface UnitRow {
  unit: string;
  file?: string;
  /** ok | warning | error | missing | pending | reading */
  status: string;
  message?: string;
  progress?: number;
}

export interface OwnRow {
  indicatorId: string;
  form: number;
  code: string;
}

export interface ConsolidateOutput {
  spec: WorkbookSpec;
  units: UnitRow[];
  counted: number;
  /** Computed totals by indicator id (what the unit's own forms receive on request). */
  totals: Map<string, number>;
  /** Value rows the consolidating unit fills itself. */
  own: OwnRow[];
  /** The units to watch (lowest on the key rates, files with errors, not counted, missing), in Vietnamese. */
  watch: string[];
  /** The comparison with the previous period's Tổng hợp, when a previous file was given. */
  previous?: PreviousOutcome;
  /** What to show of it (previousLines). */
  previousLines: string[];
}

/**
 * One row per file (and per expected unit with no file) for a status table; with a previous period, one
 * more per unit that reported then and is missing now ("gone").
 */
export function unitRows(c: Consolidation, previous?: PreviousOutcome): UnitRow[] {
  const rows: UnitRow[] = c.units.map((u) => {
    const label = statusLabels[u.status] ?? u.status;
    // a unit whose check did not complete is never shown as fine, counted or not
    const status =
      !u.counted || u.status === "not-checked"
        ? "error"
        : u.errors > 0 || u.warnings > 0 || u.late?.late
          ? "warning"
          : "ok";
    const notes = [u.counted ? `${label} (${u.errors} lỗi, ${u.warnings} cảnh báo)` : label, ...unitMessages(u)];
    return { unit: u.unit, file: u.file, status, message: notes.join(" "), progress: 1 };
  });
  for (const m of c.missing) rows.push({ unit: m, status: "missing" });
  if (previous?.ok)
    for (const u of previous.column.missingNow) rows.push({ unit: u, status: "gone", message: PT.missingNow(u) });
  return rows;
}

/**
 * Consolidates the files for the unit of the settings and lays out the Tổng hợp tab under a name that
 * replaces no sheet of the user's (`existing`: the workbook's sheets with their F1 text). Writes nothing.
 */
export async function consolidateFiles(
  files: ConsolidateInput[],
  opts: {
    settings: WorkbookSettings;
    expectedUnits: string[];
    existing: { name: string; f1: unknown }[];
    onProgress: (file: string, fraction: number) => void;
    readUnit: UnitReader;
    /**
     * The previous period's Tổng hợp file, read with the shell's `readSheets`; `unitsMap`: the "old unit →
     * new unit" list as typed.
     */
    previous?: { file: ConsolidateInput; readSheets: SheetsReader; unitsMap?: string };
  }
): Promise<ConsolidateOutput> {
  const s = opts.settings;
  // a units list that cannot be read changes nothing: said before any file is read
  const map = checkUnitsMap(opts.previous?.unitsMap);
  if (!map.ok) throw new Error(map.message);
  const c = await consolidateBytes(
    files,
    { level: s.level, version: s.version, period: s.period, unit: s.unit, expected: opts.expectedUnits },
    opts.readUnit,
    opts.onProgress
  );
  // the Tổng hợp tab, the per-unit appendix and the files' status (as cchc consolidate writes them), each under a
  // name that replaces no sheet of the user's
  const appendix = buildAppendix(c, opts.expectedUnits);
  const pf = opts.previous;
  const previous = pf
    ? comparePreviousPeriod(c, pf.file.name, pf.readSheets(pf.file.bytes, pf.file.name), map.map)
    : undefined;
  const sheets = [
    buildConsolidatedSheet(c, previous?.ok ? previous.column : undefined),
    buildAppendixSheet(c, appendix),
    buildConsolidationStatusSheet(c, previous),
  ];
  const plan = planSheetReplacement(opts.existing, sheets);
  const spec: WorkbookSpec = { sheets: sheets.map((sh) => ({ ...sh, name: plan.names.get(sh.name) ?? sh.name })) };
  const own = c.rows
    .filter((t) => c.own.includes(t.indicatorId))
    .map((t) => ({ indicatorId: t.indicatorId, form: t.form, code: t.code }));
  return {
    spec,
    units: unitRows(c, previous),
    counted: c.counted.length,
    totals: totalValues(c),
    own,
    watch: watchLines(appendix.watch),
    previous,
    previousLines: previous ? previousLines(c, previous) : [],
  };
}

/** The workbook's sheets as consolidateFiles wants them, and the earlier Tổng hợp tabs (ask before replacing). */
export async function consolidationContext(
  host: ExcelHost
): Promise<{ existing: { name: string; f1: unknown }[]; previous: string[] }> {
  const sheets = await host.listSheets();
  return {
    existing: sheets.map((x) => ({ name: x.name, f1: x.meta ? encodeMeta(x.meta) : undefined })),
    previous: sheets.filter((x) => x.meta?.kind === "consolidated").map((x) => x.name),
  };
}

// ---------------------------------------------------------------- filling the unit's own forms from totals

/** One value cell the fill would set (sheet-qualified, for a single ExcelHost.writeCells call). */
export interface FillCell {
  sheet: string;
  a1: string;
  cell: CellSpec;
  indicatorId: string;
}
/** A value cell the user already typed that differs from the total: kept unless the user overwrites it. */
export interface FillConflict extends FillCell {
  code: string;
  form: number;
  /** What the cell holds now, as shown. */
  typed: string;
  total: number;
}
export interface FillPlan {
  write: FillCell[];
  conflicts: FillConflict[];
  /** Rows the consolidating unit fills itself (rule "own"/"none"), left open. */
  own: OwnRow[];
}

/**
 * Which value cells of the unit's own forms receive which total. Only empty cells are written; a cell
 * with a formula (ratios) is never touched; a typed cell that differs is a conflict; a typed cell equal
 * to the total needs nothing. Rows not on the forms (no cell found) are skipped.
 */
export function planFill(report: Report, totals: Map<string, number>, own: OwnRow[]): FillPlan {
  const write: FillCell[] = [];
  const conflicts: FillConflict[] = [];
  for (const [id, total] of totals) {
    if (!Number.isFinite(total)) continue;
    const e = report.entries.get(id);
    if (!e || !e.ref || e.formula) continue;
    const at = a1(e.ref);
    const cell: CellSpec = { t: "n", v: total };
    const raw = e.value.raw;
    const empty = e.value.state === "missing" && (raw === null || (typeof raw === "string" && raw.trim() === ""));
    if (empty) write.push({ sheet: e.ref.sheet, a1: at, cell, indicatorId: id });
    else if (!(e.value.state === "value" && e.value.number === total))
      conflicts.push({
        sheet: e.ref.sheet,
        a1: at,
        cell,
        indicatorId: id,
        form: Number(/^bm(\d+):/.exec(id)?.[1] ?? 0),
        code: e.printedCode ?? id.replace(/^bm\d+:/, ""),
        typed: String(raw ?? ""),
        total,
      });
  }
  const ownOpen = own.filter((o) => {
    const e = report.entries.get(o.indicatorId);
    return !e || !e.formula;
  });
  return { write, conflicts, own: ownOpen };
}

const cellsOf = (list: FillCell[]) => list.map((c) => ({ sheet: c.sheet, a1: c.a1, cell: c.cell }));

/** Reads the unit's own forms (inserting the missing ones first, existing ones kept) and plans the fill. */
async function readPlan(host: ExcelHost, out: ConsolidateOutput, settings: WorkbookSettings, insertMissing: boolean) {
  let inserted = 0;
  if (insertMissing) {
    const sheets = await host.listSheets();
    const present = new Set(sheets.filter((x) => x.meta?.kind === "form").map((x) => x.meta?.form));
    const missing = allForms().filter((f) => !present.has(f));
    if (missing.length > 0) {
      const w = await host.writeWorkbook(layoutFor(missing, settings), { existing: "keep" });
      inserted = w.written.length;
    }
  }
  const { sheets, settings: kv } = await host.readSheets();
  return { plan: planFill(check(sheets, kv).report, out.totals, out.own), inserted };
}

/** Fills the empty value cells of the unit's own forms from the totals; returns what was done and the conflicts. */
export async function fillOwnForms(
  host: ExcelHost,
  out: ConsolidateOutput,
  settings: WorkbookSettings
): Promise<{ plan: FillPlan; inserted: number }> {
  const r = await readPlan(host, out, settings, true);
  if (r.plan.write.length > 0) await host.writeCells(r.plan.write[0].sheet, cellsOf(r.plan.write));
  return r;
}

/**
 * Overwrites the listed conflicts, after reading again: only cells that still hold what was listed are
 * written. Returns how many were written and the conflicts that remain.
 */
export async function overwriteConflicts(
  host: ExcelHost,
  out: ConsolidateOutput,
  settings: WorkbookSettings,
  listed: FillConflict[]
): Promise<{ written: number; remaining: FillConflict[] }> {
  const { plan } = await readPlan(host, out, settings, false);
  const keys = new Set(listed.map((c) => `${c.sheet}!${c.a1}!${c.typed}`));
  const todo = plan.conflicts.filter((c) => keys.has(`${c.sheet}!${c.a1}!${c.typed}`));
  if (todo.length > 0) await host.writeCells(todo[0].sheet, cellsOf(todo));
  return { written: todo.length, remaining: plan.conflicts.filter((c) => !keys.has(`${c.sheet}!${c.a1}!${c.typed}`)) };
}

/**
 * How this project lays out what it writes, shared by the layout builder, both adapters and the reader,
 * so that a sheet written by the add-in or by `cchc new` is read back exactly.
 *
 * Form sheet: A = STT, B = Chỉ tiêu, C = Đơn vị tính, D = Số liệu, E = Ghi chú,
 * F (hidden) = indicator id on every indicator row, and in F1 the sheet's metadata: META_PREFIX + JSON.
 * Workbook settings and the pre-send stamp: a very hidden sheet SETTINGS_SHEET, key in A, value in B.
 */
import type { Level, Period } from "./types";

export const COL = { code: 1, label: 2, unit: 3, value: 4, note: 5, id: 6 } as const;
export const COL_LETTER = { code: "A", label: "B", unit: "C", value: "D", note: "E", id: "F" } as const;
/**
 * Columns of the Tổng hợp tab a consolidation writes (1-based; spec/consolidate-layout.ts). F holds the indicator
 * id, as on the forms (COL.id). Here because the engine reads a previous consolidation back (previous-consolidation).
 */
export const CONS_COL = {
  code: 1,
  label: 2,
  unit: 3,
  total: 4,
  override: 5,
  id: COL.id,
  rule: 7,
  flags: 8,
  firstUnit: 9,
} as const;
/**
 * Compared with the previous period, three columns follow the fixed ones and the unit columns move right:
 * the previous figure, the change (this period − previous; rates in points) and the change in %.
 */
export const CONS_PREV_COL = { previous: 9, change: 10, changePct: 11 } as const;
/** The first unit column of a Tổng hợp tab, with or without the previous period's columns. */
export const consFirstUnit = (withPrevious: boolean): number => (withPrevious ? 12 : CONS_COL.firstUnit);
export const CONS_HEADER_ROW = 4;
export const CONS_FIRST_ROW = 5;
export const META_PREFIX = "CCHC:";
export const SETTINGS_SHEET = "_CCHC";
/** `earlier`: the figures of the earlier reports the live check compares with (engine/settings.ts parseEarlier). */
export const SETTINGS_KEYS = { settings: "settings", stamp: "stamp", earlier: "earlier" } as const;

/** Metadata carried by every form sheet the project writes (JSON after META_PREFIX in F1). */
export interface SheetMeta {
  /** "form" for Biểu mẫu 1–7, "consolidated" for the Tổng hợp tab. */
  kind: "form" | "consolidated";
  form?: number;
  version: string;
  level: Level;
  unit: string;
  /** "6T-2023" etc. */
  period: string;
  /** Version of the add-in/CLI that wrote it. */
  app: string;
  /** Tổng hợp tab only: its first unit column when it is not CONS_COL.firstUnit (the previous period's columns before it). */
  firstUnit?: number;
}

export function encodeMeta(m: SheetMeta): string {
  return META_PREFIX + JSON.stringify(m);
}

/** Parses a metadata cell; undefined when the text is not ours or is damaged (never throws). */
export function decodeMeta(text: unknown): SheetMeta | undefined {
  if (typeof text !== "string" || !text.startsWith(META_PREFIX)) return undefined;
  try {
    const o = JSON.parse(text.slice(META_PREFIX.length));
    if (o && typeof o === "object" && (o.kind === "form" || o.kind === "consolidated")) return o as SheetMeta;
  } catch {
    /* damaged metadata reads as none */
  }
  return undefined;
}

/** Workbook-level settings remembered in the file (what the user picked in the pane). */
export interface WorkbookSettings {
  level: Level;
  period: Period;
  unit: string;
  version: string;
}

/**
 * package.json's "version", put in when the code is built or started: webpack's DefinePlugin for the panes
 * (webpack.shared.js), the global set by bin/cchc.js for the command line, jest.config.js for the tests (and the
 * benchmarks' own line). Code that loads the engine any other way fails here, by name, instead of stamping a
 * made-up version into the files it writes.
 */
declare const __APP_VERSION__: string;
export const APP_VERSION: string = __APP_VERSION__;

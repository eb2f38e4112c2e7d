/**
 * The host interface of the use-case layer: what the use cases need from a workbook. src/app owns it;
 * the Office.js adapter (src/excel/host.ts, createExcelHost) implements it, importing these declarations
 * as types only (`import type`, erased at build: no adapter depends on app code at run time); the
 * in-memory hosts of the tests and of a page that works on files implement it the same way.
 */
import type { SheetMeta } from "../engine/conventions";
import type { CellSpec, WorkbookSpec } from "../engine/sheet-spec";
import type { GridSheet } from "../engine/types";

/** One change event: the sheet and the address the user changed (a paste is one event with a range). */
export interface ChangeEvent {
  sheet: string;
  address: string;
}

export interface Capabilities {
  /** Highest ExcelApi version supported, "1.1".."1.17" ("0" outside Excel). */
  apiVersion: string;
  /** ExcelApi 1.7 (the floor) is available. */
  supported: boolean;
  /** ExcelApi 1.8: Range.dataValidation. */
  dataValidation: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout (print setup), WorksheetCollection.onChanged. */
  pageLayout: boolean;
  /** ExcelApi 1.9: RangeFormat.indentLevel (StyleSpec.indent; left out below 1.9). */
  indentLevel: boolean;
  /** ExcelApi 1.12: Worksheet.customProperties (not used for storage yet: settings live in SETTINGS_SHEET). */
  customProperties: boolean;
  /** ExcelApi 1.14: WorksheetChangedEventArgs.triggerSource tells the add-in's own writes apart. */
  triggerSource: boolean;
}

export interface SheetInfo {
  name: string;
  /** Decoded from F1 when the sheet was written by this project. */
  meta?: SheetMeta;
  /** "Visible" | "Hidden" | "VeryHidden" */
  visibility: string;
}

export interface WriteResult {
  /** Spec sheet names written. */
  written: string[];
  /** Existing sheet names left untouched (existing: "keep"). */
  kept: string[];
  /** context.sync() calls made. */
  syncs: number;
  /** Keys of features not applied ("dataValidation", "pageLayout", "protection"); excelVi.skipped[key] explains each. */
  skippedFeatures: string[];
}

export interface ExcelHost {
  capabilities(): Capabilities;
  listSheets(): Promise<SheetInfo[]>;
  writeWorkbook(spec: WorkbookSpec, opts: { existing: "keep" | "replace" }): Promise<WriteResult>;
  readSheets(names?: string[]): Promise<{ sheets: GridSheet[]; settings: Record<string, string> }>;
  writeSettings(values: Record<string, string>): Promise<void>;
  selectCell(sheet: string, a1: string): Promise<void>;
  /** Writes cells in two syncs; a cell with its own `sheet` goes to that sheet instead of `sheet`. */
  writeCells(sheet: string, cells: { a1: string; cell: CellSpec; sheet?: string }[]): Promise<void>;
  onChange(handler: (e: ChangeEvent) => void): Promise<() => Promise<void>>;
}

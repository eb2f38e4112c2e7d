/**
 * What the pane needs from Excel: the interface implemented by src/excel/host.ts (createExcelHost).
 * Re-exported as types only so that the pane's logic can be tested with a plain in-memory host.
 */
export type { ExcelHost, Capabilities, SheetInfo, WriteResult } from "../excel/host";

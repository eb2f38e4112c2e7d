/**
 * Writes a WorkbookSpec to an .xlsx file with ExcelJS: values, formulas with their computed results, row
 * heights (ht + customHeight, as the spec fits them to wrapped text), styles, merges, the hidden id
 * column, validations (warning style), conditional formats, protection without a password, page setup,
 * frozen header and the very hidden settings sheet. Text is always written as text, never as a formula.
 */
import ExcelJS from "exceljs";
import { Box, parseRange as rangeBox } from "../engine/a1";
import { SETTINGS_SHEET } from "../engine/conventions";
import { withFormulaResults } from "../engine/formula-results";
import { SPEC_FONT } from "../engine/sheet-spec";
import type { CellSpec, SheetSpec, StyleSpec, WorkbookSpec } from "../engine/sheet-spec";

/** "A1:C3" or "D9" → inclusive bounds; the engine writes only valid ranges, so a bad one is a bug and throws. */
function parseRange(range: string): Box {
  const b = rangeBox(range);
  if (!b) throw new Error(`bad range ${range}`);
  return b;
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function mergeStyle(a: StyleSpec | undefined, b: StyleSpec): StyleSpec {
  const out: StyleSpec = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function applyStyle(cell: ExcelJS.Cell, s: StyleSpec): void {
  const font: Partial<ExcelJS.Font> = { name: SPEC_FONT.name, size: s.fontSize ?? SPEC_FONT.size };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  cell.font = font;
  const al: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign) al.horizontal = s.hAlign;
  if (s.vAlign) al.vertical = s.vAlign === "center" ? "middle" : s.vAlign;
  if (s.wrap) al.wrapText = true;
  if (s.indent) al.indent = s.indent;
  if (Object.keys(al).length > 0) cell.alignment = al;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numFmt) cell.numFmt = s.numFmt;
  cell.protection = { locked: s.locked !== false };
}

/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32767;

/** Text cut to Excel's cell limit, never in the middle of a surrogate pair. */
export function capText(s: string): string {
  if (s.length <= EXCEL_MAX_CELL_CHARS) return s;
  let end = EXCEL_MAX_CELL_CHARS;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** Sets an ExcelJS cell from a CellSpec (text stays text, a formula is written as one). */
export function setCellValue(cell: ExcelJS.Cell, spec: CellSpec): void {
  if (spec === null) return;
  switch (spec.t) {
    case "s":
      // A plain string: ExcelJS stores it as a shared string, so "=cmd|..." stays text.
      cell.value = capText(spec.v);
      break;
    case "n":
      cell.value = Number.isFinite(spec.v) ? spec.v : null;
      break;
    case "f":
      // with the value computed over the spec's own cells, so viewers that do not recalculate show it
      cell.value = {
        formula: spec.f.replace(/^=/, ""),
        ...(spec.result !== undefined ? { result: spec.result } : {}),
        date1904: false,
      } as ExcelJS.CellFormulaValue;
      break;
  }
}

/** Adds one sheet laid out from its spec to an ExcelJS workbook. */
export function addSheetTo(wb: ExcelJS.Workbook, sh: SheetSpec): void {
  const ws = wb.addWorksheet(sh.name.slice(0, 31), {
    properties: sh.tabColor ? { tabColor: { argb: argb(sh.tabColor) } } : undefined,
    views: sh.freezeRows
      ? [{ state: "frozen", ySplit: sh.freezeRows, xSplit: 0, topLeftCell: `A${sh.freezeRows + 1}` }]
      : undefined,
  });
  sh.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  // Only cells that hold something become cells: a thousand-unit tab is mostly blanks, and ExcelJS keeps
  // (and writes) every cell it is asked for.
  sh.cells.forEach((row, ri) =>
    row.forEach((spec, ci) => {
      if (spec !== null && spec !== undefined) setCellValue(ws.getCell(ri + 1, ci + 1), spec);
    })
  );
  for (const [r, h] of Object.entries(sh.rowHeights ?? {})) ws.getRow(Number(r)).height = h;

  // Styles accumulate in order over the ranges spec.styles lists, and only there: cells outside every
  // range keep Excel's defaults (locked, as a protected sheet expects).
  const acc = new Map<number, StyleSpec>();
  const boxes = sh.styles.map((st) => parseRange(st.range));
  const width = boxes.reduce((w, b) => Math.max(w, b.c2 + 1), 1);
  const key = (r: number, c: number) => r * width + c;
  sh.styles.forEach(({ style }, i) => {
    const b = boxes[i];
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++) {
        const k = key(r, c);
        acc.set(k, mergeStyle(acc.get(k), style));
      }
  });
  for (const [k, st] of acc) applyStyle(ws.getCell(Math.floor(k / width), k % width), st);

  for (const m of sh.merges) ws.mergeCells(m);

  for (const v of sh.validations) {
    const b = parseRange(v.range);
    let dv: ExcelJS.DataValidation;
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "warning" as const,
      errorTitle: v.error.title,
      error: v.error.message,
      showInputMessage: !!v.prompt,
      promptTitle: v.prompt?.title,
      prompt: v.prompt?.message,
    };
    if (v.rule.type === "list") {
      dv = { type: "list", formulae: [`"${v.rule.values.join(",")}"`], ...common };
    } else if (v.rule.type === "whole" && v.rule.max === undefined) {
      dv = { type: "whole", operator: "greaterThanOrEqual", formulae: [v.rule.min], ...common };
    } else {
      const max = v.rule.max as number;
      dv = { type: v.rule.type, operator: "between", formulae: [v.rule.min, max], ...common };
    }
    for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) ws.getCell(r, c).dataValidation = dv;
  }

  let priority = 1;
  for (const cf of sh.conditionalFormats) {
    const style: Partial<ExcelJS.Style> = {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
    };
    if (cf.fontColor) style.font = { color: { argb: argb(cf.fontColor) } };
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", priority: priority++, formulae: [cf.formula.replace(/^=/, "")], style }],
    });
  }

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: sh.print.orientation,
    fitToPage: sh.print.fitToWidth,
    fitToWidth: sh.print.pagesWide ?? 1,
    fitToHeight: 0,
    printTitlesRow: sh.print.titleRows ? sh.print.titleRows.replace(/\$/g, "") : undefined,
    printTitlesColumn: sh.print.titleColumns ? sh.print.titleColumns.replace(/\$/g, "") : undefined,
    printArea: sh.print.printArea,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  } as ExcelJS.PageSetup;
  if (sh.protect) {
    // no password: the protection guards formulas and labels against slips, not against the user
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

/** The workbook's settings and stamp in the very hidden settings sheet (none when there is nothing to keep). */
export function writeSettingsSheet(wb: ExcelJS.Workbook, settings: Record<string, string>): void {
  if (Object.keys(settings).length === 0) return;
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  let r = 1;
  for (const [k, v] of Object.entries(settings)) {
    ws.getCell(r, 1).value = capText(k);
    ws.getCell(r, 2).value = capText(v);
    r++;
  }
}

/** The workbook as .xlsx bytes, with no Node Buffer (the page in the browser writes it too). */
export async function writeWorkbookBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Báo cáo CCHC";
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sh of withFormulaResults(spec).sheets) addSheetTo(wb, sh);
  writeSettingsSheet(wb, spec.settings ?? {});
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** The workbook as .xlsx bytes in a Node Buffer (the command line). */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const out = await writeWorkbookBytes(spec);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

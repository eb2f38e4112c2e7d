/**
 * Builds plain grids (what a host hands the engine) from the seed figures, laid out like the seeds'
 * appendices: "Biểu mẫu N" line, title, two-row header, one row per printed row. Values follow the
 * same cell rule as test/fixtures/seeds/workbooks.ts (unambiguous Vietnamese numbers become number
 * cells, anything else stays text as typed).
 */
import { APPENDIX_TITLES, hasFormHeading, seedCell, sheetNameFor } from "../fixtures/seeds/workbooks";
import { SEED_FIGURES, SeedFigure, SeedId } from "../fixtures/seeds/figures";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { catalog } from "../../src/catalog";

export type Layout = "one-sheet" | "sheet-per-form";

export interface GridOptions {
  /** Column order of STT, label, unit, value, note (1-based columns); default 1..5. */
  columns?: { code: number; label: number; unit: number; value: number; note: number };
  /** Value header text. */
  valueHeader?: string;
  /** Override a figure's raw value: key "form:printedCode". */
  values?: Record<string, GridValue>;
  /** Keep every value as typed text (no number cells). */
  allText?: boolean;
}

function cellFor(raw: string, allText: boolean): GridValue {
  if (allText) return raw.trim() === "" ? null : raw;
  const c = seedCell(raw);
  return c === null ? null : c.value;
}

function formRows(seed: SeedId, form: number, figures: SeedFigure[], o: GridOptions): GridValue[][] {
  const cols = o.columns ?? { code: 1, label: 2, unit: 3, value: 4, note: 5 };
  const width = Math.max(cols.code, cols.label, cols.unit, cols.value, cols.note);
  const blank = (): GridValue[] => new Array(width).fill(null);
  const out: GridValue[][] = [];
  const line = (text: string) => {
    const r = blank();
    r[0] = text;
    out.push(r);
  };
  if (hasFormHeading(seed, form)) line(`Biểu mẫu ${form}`);
  const title = catalog.forms[form - 1];
  line(seed === "004" && title.titleVariants.length > 0 ? title.titleVariants[0] : title.title);
  const h1 = blank();
  const h2 = blank();
  h1[cols.code - 1] = "STT";
  h1[cols.label - 1] = "Chỉ tiêu thống kê (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm)";
  if (seed === "002" && form === 7) {
    // 002's Biểu mẫu 7: unit in the upper row, the period over Số liệu / Ghi chú
    h1[cols.unit - 1] = "Đơn vị tính";
    h1[cols.value - 1] = "Báo cáo cải cách hành chính 6 tháng đầu năm 2023";
    h2[cols.value - 1] = o.valueHeader ?? "Số liệu";
    h2[cols.note - 1] = "Ghi chú";
  } else {
    h1[Math.min(cols.unit, cols.value) - 1] = "Kết quả thống kê";
    h1[cols.note - 1] = "Ghi chú";
    h2[cols.unit - 1] = "Đơn vị tính";
    h2[cols.value - 1] = o.valueHeader ?? (seed === "004" ? "Số lượng/ Tỷ lệ" : "Số liệu");
  }
  out.push(h1, h2);
  for (const f of figures) {
    const r = blank();
    r[cols.code - 1] = f.printedCode;
    r[cols.label - 1] = f.label;
    r[cols.unit - 1] = f.unit || null;
    const key = `${form}:${f.printedCode}`;
    r[cols.value - 1] = o.values && key in o.values ? o.values[key] : cellFor(f.value, !!o.allText);
    r[cols.note - 1] = f.note || null;
    out.push(r);
  }
  return out;
}

export function seedGrids(seed: SeedId, layout: Layout, o: GridOptions = {}): GridSheet[] {
  const figures = SEED_FIGURES[seed];
  const titles: GridValue[][] = APPENDIX_TITLES[seed].map((t) => [t]);
  if (layout === "one-sheet") {
    const values: GridValue[][] = [...titles, []];
    for (let form = 1; form <= 7; form++) {
      values.push(...formRows(seed, form, figures.filter((f) => f.form === form), o), [], []);
    }
    return [{ name: "Phụ lục", values }];
  }
  const sheets: GridSheet[] = [];
  for (let form = 1; form <= 7; form++) {
    const values: GridValue[][] = form === 1 ? [...titles, []] : [];
    values.push(...formRows(seed, form, figures.filter((f) => f.form === form), o));
    sheets.push({ name: sheetNameFor(seed, form), values });
  }
  return sheets;
}

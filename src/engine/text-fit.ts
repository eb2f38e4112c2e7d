/**
 * Row heights for wrapped text, computed host-free so that both writers (ExcelJS and Office.js) set the
 * same figure: neither Excel on open, nor ExcelJS, nor LibreOffice fits a row to wrapped text, and a
 * label wrapped into a row of the default height prints over the next row.
 *
 * The estimate wraps the text word by word the way a spreadsheet does, with the advance widths of Times
 * New Roman (the font the forms are written in; Calibri 11, Excel's default, is narrower), Vietnamese
 * letters measured by their base letter (the tone and vowel marks sit above or below it; the horn of ơ/ư
 * adds a little), and then errs on the tall side: the text is taken 8 % wider than the font says, the
 * cell's inner padding is generous, and each line gets 1.3 × the font size. A row a little too tall
 * prints fine; one too short does not.
 */
import { colNumber } from "./a1";
import type { CellSpec, SheetSpec, StyleSpec } from "./sheet-spec";
import { SPEC_FONT } from "./sheet-spec";

/** Advance widths in 1/1000 em, Times New Roman regular and bold, for the characters the forms use. */
const REGULAR: Record<string, number> = {};
const BOLD: Record<string, number> = {};

function table(into: Record<string, number>, chars: string, widths: number[]): void {
  [...chars].forEach((c, i) => (into[c] = widths[i]));
}
// prettier-ignore
table(REGULAR, "abcdefghijklmnopqrstuvwxyz",
  [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]);
// prettier-ignore
table(REGULAR, "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611]);
// prettier-ignore
table(BOLD, "abcdefghijklmnopqrstuvwxyz",
  [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444]);
// prettier-ignore
table(BOLD, "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667]);
for (const t of [REGULAR, BOLD]) {
  table(t, "0123456789", new Array(10).fill(500));
  // prettier-ignore
  table(t, " .,:;!?'\"-–—()[]/%&+=<>*#_…“”‘’",
    [250, 250, 250, 278, 278, 333, 444, 180, 408, 333, 500, 1000, 333, 333, 333, 333, 278, 833, 778, 564, 564, 564, 564, 500, 500, 500, 1000, 444, 444, 333, 333]);
}
/** Anything else (a letter of another script, a symbol): as wide as a capital. */
const OTHER = 778;
/** The horn of ơ / ư widens the letter a little. */
const HORN = 60;
/** Text measured this much wider than the font's own widths (hinting, the other font, rounding). */
const SAFETY = 1.08;

const widthCache = new Map<string, number>();

/** Width of a string in em (1 = the font size), at the given weight. */
export function textWidthEm(text: string, bold = false): number {
  const t = bold ? BOLD : REGULAR;
  let w = 0;
  for (const ch of text) {
    const key = (bold ? "b" : "r") + ch;
    let cw = widthCache.get(key);
    if (cw === undefined) {
      const base = ch.normalize("NFD");
      const first = base[0] === "đ" ? "d" : base[0] === "Đ" ? "D" : base[0];
      cw = t[first] ?? (/[\u0300-\u036f]/.test(first) ? 0 : OTHER);
      if (base.includes("\u031b")) cw += HORN;
      widthCache.set(key, cw);
    }
    w += cw;
  }
  return (w / 1000) * SAFETY;
}

/** A column width in characters (as in .xlsx) in points, as Excel draws it with Calibri 11 (7 px a digit, 96 dpi). */
export function columnPoints(chars: number): number {
  return chars <= 0 ? 0 : (Math.trunc(chars * 7) + 5) * 0.75;
}

/** Inner padding of a cell, both sides together, in points (Excel: 2 px a side and the grid line; taken wide). */
const PADDING_PT = 6;
/** One indent level in points (Excel: three characters of the default font), taken wide. */
const INDENT_PT = 16;

/** The number of lines a text wraps to in a cell `widthPt` wide (greedy, at spaces; a long word is cut). */
export function wrapLines(text: string, widthPt: number, font: { size: number; bold?: boolean }): number {
  const avail = widthPt / font.size; // in em
  const space = textWidthEm(" ", font.bold);
  let lines = 0;
  for (const para of String(text).split(/\r\n|\r|\n/)) {
    lines++;
    let used = 0;
    for (const word of para.split(" ").filter((w) => w.length > 0)) {
      let w = textWidthEm(word, font.bold);
      const need = used === 0 ? w : used + space + w;
      if (need <= avail) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      // a word wider than the cell is cut where it reaches the edge
      while (w > avail && avail > 0) {
        lines++;
        w -= avail;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/** Height in points of a row holding `lines` lines of text at this font size. */
export function linesHeight(lines: number, size: number): number {
  return Math.ceil((lines * size * 1.3 + 1.5) * 4) / 4;
}

function mergeStyle(a: StyleSpec | undefined, b: StyleSpec): StyleSpec {
  const out: StyleSpec = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function box(range: string): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const parts = range.split(":").map((p) => /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p.trim()));
  if (parts.some((p) => !p) || parts.length > 2) return undefined;
  const [a, b] = [parts[0]!, parts[parts.length - 1]!];
  const [ra, ca, rb, cb] = [Number(a[2]), colNumber(a[1])!, Number(b[2]), colNumber(b[1])!];
  return { r1: Math.min(ra, rb), c1: Math.min(ca, cb), r2: Math.max(ra, rb), c2: Math.max(ca, cb) };
}

function cellText(c: CellSpec, numFmt: string | undefined): string | undefined {
  if (c === null || c === undefined) return undefined;
  if (c.t === "s") return c.v;
  if (c.t === "n") return String(c.v);
  // a formula's result: a number of the cell's format (a ratio, a total), one line
  return numFmt === "@" ? undefined : "0";
}

/**
 * The height each row with something in it needs (1-based row → points): for every cell, the lines its
 * text wraps to in its column or merged span (one line when it does not wrap) at its font; the row takes
 * the tallest. A cell merged over several rows shares its height among them (the last row takes what is
 * missing). Heights the spec already sets are kept when they are taller.
 */
export function fitRowHeights(sheet: SheetSpec): Record<number, number> {
  const nrows = sheet.cells.length;
  const ncols = Math.max(sheet.columns.length, ...sheet.cells.map((r) => r.length), 0);
  const widthOf = (c: number) => {
    const cs = sheet.columns[c - 1];
    return cs ? (cs.hidden ? 0 : columnPoints(cs.width)) : columnPoints(8.43);
  };
  // styles accumulate in order over their ranges, as the writers apply them (only cells with content matter)
  const styleAt = new Map<number, StyleSpec>();
  const key = (r: number, c: number) => r * (ncols + 1) + c;
  for (const st of sheet.styles) {
    const b = box(st.range);
    if (!b) continue;
    for (let r = b.r1; r <= Math.min(b.r2, nrows); r++)
      for (let c = b.c1; c <= Math.min(b.c2, ncols); c++) {
        const cell = sheet.cells[r - 1]?.[c - 1];
        if (cell === null || cell === undefined) continue;
        styleAt.set(key(r, c), mergeStyle(styleAt.get(key(r, c)), st.style));
      }
  }
  const merged = new Map<number, { r1: number; c1: number; r2: number; c2: number }>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    const b = box(m);
    if (!b) continue;
    merged.set(key(b.r1, b.c1), b);
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++) if (r !== b.r1 || c !== b.c1) covered.add(key(r, c));
  }

  const need: Record<number, number> = {};
  const tall: { r1: number; r2: number; h: number }[] = [];
  for (let r = 1; r <= nrows; r++) {
    const row = sheet.cells[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) {
      const k = key(r, c);
      if (covered.has(k) || widthOf(c) === 0) continue;
      const st = styleAt.get(k) ?? {};
      const text = cellText(row[c - 1], st.numFmt);
      if (text === undefined || text === "") continue;
      const size = st.fontSize ?? SPEC_FONT.size;
      const m = merged.get(k);
      let lines = 1;
      if (st.wrap) {
        let w = 0;
        for (let x = c; x <= (m ? m.c2 : c); x++) w += widthOf(x);
        w -= PADDING_PT + (st.indent ?? 0) * INDENT_PT;
        lines = wrapLines(text, Math.max(w, size), { size, bold: st.bold });
      }
      const h = linesHeight(lines, size);
      if (m && m.r2 > m.r1) tall.push({ r1: m.r1, r2: m.r2, h });
      else need[r] = Math.max(need[r] ?? 0, h);
    }
  }
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) need[Number(r)] = Math.max(need[Number(r)] ?? 0, h);
  // a row given no height keeps the sheet's default (15 pt in the files ExcelJS writes)
  const DEFAULT = 15;
  for (const t of tall) {
    let have = 0;
    for (let r = t.r1; r <= t.r2; r++) have += need[r] ?? DEFAULT;
    if (have < t.h) need[t.r2] = (need[t.r2] ?? DEFAULT) + (t.h - have);
  }
  for (const r of Object.keys(need)) need[Number(r)] = Math.min(need[Number(r)], MAX_ROW_PT);
  return need;
}

/** Excel's tallest row. */
export const MAX_ROW_PT = 409;

/** The sheet with its row heights fitted to its text (see fitRowHeights). */
export function withFittedRows(sheet: SheetSpec): SheetSpec {
  return { ...sheet, rowHeights: fitRowHeights(sheet) };
}

/**
 * A1 addresses, the one place they are spelled out: column letters ↔ numbers (A = 1, XFD = 16384), "D10" ↔
 * { row, col }, ranges ("A1:C3", whole columns "A:A", whole rows "$7:$8") ↔ inclusive boxes, and the sheet prefix
 * Office.js puts in front of an address ("'Biểu 1'!D9"). Host-free; used by the engine, both adapters and the panes.
 * Everything is 1-based; nothing here throws: what is not an address reads as undefined.
 */

/** The last row and column of an Excel sheet (XFD1048576). */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

/** An inclusive, 1-based rectangle. Whole columns span rows 1..MAX_ROW, whole rows columns 1..MAX_COL. */
export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Cell {
  row: number;
  col: number;
}

/** Column letters of a 1-based column number (1 → "A", 27 → "AA", 16384 → "XFD"); below 1 counts as 1. */
export function colLetters(col: number): string {
  let s = "";
  let n = Math.max(1, Math.floor(col));
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The column number of letters, either case ("d" → 4, "AA" → 27); undefined when they are not all letters A–Z. */
export function colNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]+$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "D12" for a cell. */
export function a1(ref: Cell): string {
  return `${colLetters(ref.col)}${ref.row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?([0-9]{1,7})$/;

/** "D9", "$AA$3", " d9 " → { row, col }; undefined unless one cell inside XFD1048576. */
export function parseCell(address: string): Cell | undefined {
  const m = CELL.exec(address.trim());
  if (!m) return undefined;
  const col = colNumber(m[1])!;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return undefined;
  return { row, col };
}

/** "A1:E1", "D9", "C3:A1" (corners in any order), "A:A", "$7:$8" → the box; undefined when not a range. */
export function parseRange(address: string): Box | undefined {
  const parts = address.trim().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return box(ca.row, ca.col, cb.row, cb.col);
  if (parts.length === 2) {
    const ka = COLS.exec(a);
    const kb = COLS.exec(b);
    if (ka && kb) {
      const c1 = colNumber(ka[1])!;
      const c2 = colNumber(kb[1])!;
      if (c1 > MAX_COL || c2 > MAX_COL) return undefined;
      return box(1, c1, MAX_ROW, c2);
    }
    const ra = ROWS.exec(a);
    const rb = ROWS.exec(b);
    if (ra && rb) {
      const r1 = Number(ra[1]);
      const r2 = Number(rb[1]);
      if (r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return undefined;
      return box(r1, 1, r2, MAX_COL);
    }
  }
  return undefined;
}

function box(r1: number, c1: number, r2: number, c2: number): Box {
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** "A1:C3" for a box, "D9" for a one-cell box. */
export function boxAddress(b: Box): string {
  const a = a1({ row: b.r1, col: b.c1 });
  const z = a1({ row: b.r2, col: b.c2 });
  return a === z ? a : `${a}:${z}`;
}

/** "Sheet1!D9", "'Biểu 1'!A1:B2" → the address without its sheet; an address without one is returned as is. */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i < 0 ? address : address.slice(i + 1);
}

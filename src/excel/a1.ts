/** A1 address helpers for the Office.js adapter (host-free, no Office.js). */

export function colLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface Box {
  /** 1-based, inclusive. Whole columns span rows 1..MAX_ROW, whole rows columns 1..MAX_COL. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?([0-9]{1,7})$/;

/** Parses "D9" to {row, col}; undefined when not a single valid cell address. */
export function parseCell(a1: string): { row: number; col: number } | undefined {
  const m = CELL.exec(a1.trim());
  if (!m) return undefined;
  const col = colNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) return undefined;
  return { row, col };
}

/** Parses "A1:E1", "D9", "A:A", "$7:$8"; undefined when invalid (never throws). */
export function parseRange(a1: string): Box | undefined {
  const parts = a1.trim().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return norm(ca.row, ca.col, cb.row, cb.col);
  if (parts.length === 2) {
    const ka = COLS.exec(a);
    const kb = COLS.exec(b);
    if (ka && kb) {
      const c1 = colNumber(ka[1]);
      const c2 = colNumber(kb[1]);
      if (c1 > MAX_COL || c2 > MAX_COL) return undefined;
      return norm(1, c1, MAX_ROW, c2);
    }
    const ra = ROWS.exec(a);
    const rb = ROWS.exec(b);
    if (ra && rb) {
      const r1 = Number(ra[1]);
      const r2 = Number(rb[1]);
      if (r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return undefined;
      return norm(r1, 1, r2, MAX_COL);
    }
  }
  return undefined;
}

function norm(r1: number, c1: number, r2: number, c2: number): Box {
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

export function boxAddress(b: Box): string {
  const a = colLetter(b.c1) + b.r1;
  const z = colLetter(b.c2) + b.r2;
  return a === z ? a : `${a}:${z}`;
}

/** Strips an optional "Sheet!" / "'My sheet'!" prefix from an address Office.js returns. */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i < 0 ? address : address.slice(i + 1);
}

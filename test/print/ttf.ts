/**
 * Test helper: the advance widths of a TrueType font's characters (cmap format 4 + hmtx), to check the
 * row-height estimate against a real font. Liberation Serif has the metrics of Times New Roman.
 */
import fs from "fs";

export interface FontWidths {
  unitsPerEm: number;
  /** Advance of a character in font units, undefined when the font has no glyph for it. */
  advance(ch: string): number | undefined;
}

export function readFontWidths(file: string): FontWidths {
  const b = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const n = b.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    tables.set(b.toString("latin1", rec, rec + 4), b.readUInt32BE(rec + 8));
  }
  const at = (t: string) => {
    const o = tables.get(t);
    if (o === undefined) throw new Error(`${file}: no ${t} table`);
    return o;
  };
  const unitsPerEm = b.readUInt16BE(at("head") + 18);
  const numberOfHMetrics = b.readUInt16BE(at("hhea") + 34);
  const hmtx = at("hmtx");
  const advanceOfGlyph = (g: number) => b.readUInt16BE(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));

  // the Unicode BMP subtable (platform 3, encoding 1, format 4)
  const cmap = at("cmap");
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    if (b.readUInt16BE(rec) === 3 && b.readUInt16BE(rec + 2) === 1) sub = cmap + b.readUInt32BE(rec + 4);
  }
  if (sub < 0 || b.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format 4 Unicode cmap`);
  const segX2 = b.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  const glyphOf = (code: number): number => {
    for (let i = 0; i < segX2 / 2; i++) {
      if (b.readUInt16BE(ends + 2 * i) < code) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (start > code) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const ro = b.readUInt16BE(offsets + 2 * i);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = b.readUInt16BE(offsets + 2 * i + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return {
    unitsPerEm,
    advance(ch: string) {
      const code = ch.codePointAt(0)!;
      if (code > 0xffff) return undefined;
      const g = glyphOf(code);
      return g === 0 ? undefined : advanceOfGlyph(g);
    },
  };
}

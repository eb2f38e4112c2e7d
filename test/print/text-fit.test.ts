/**
 * The row-height estimate (src/engine/text-fit.ts): never fewer lines than the text really wraps to, in
 * Excel's geometry, with the real advance widths of Times New Roman (Liberation Serif has the same
 * metrics), for every label, unit and title the forms print; at most one line more; and the heights the
 * builders give the rows of the forms and of the consolidation tabs.
 */
import fs from "fs";
import { catalog, formInfo, LEVELS, labelFor, unitFor } from "../../src/catalog";
import { buildFormSheet, FIRST_DATA_ROW, WIDTHS } from "../../src/spec/layout";
import type { SheetSpec } from "../../src/engine/sheet-spec";
import {
  columnPoints,
  fitRowHeights,
  linesHeight,
  MAX_ROW_PT,
  textWidthEm,
  wrapLines,
} from "../../src/engine/text-fit";
import { readFontWidths } from "./ttf";

const FONTS = {
  regular: "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
  bold: "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
};

/**
 * How many lines Excel wraps a text to: greedy at spaces, each glyph's advance rounded to whole pixels
 * at 96 dpi (12 pt = 16 px a em), in a column of `chars` characters (7 px a character + 5) less 2 px of
 * padding a side and the grid line.
 */
function excelLines(
  text: string,
  chars: number,
  sizePt: number,
  font: ReturnType<typeof readFontWidths>,
  indentPx = 0
): number {
  const pxPerEm = (sizePt * 96) / 72;
  const px = (s: string) =>
    [...s].reduce((w, ch) => {
      const a = font.advance(ch) ?? font.advance(ch.normalize("NFD")[0]);
      if (a === undefined) throw new Error(`no glyph for ${ch}`);
      return w + Math.round((a / font.unitsPerEm) * pxPerEm);
    }, 0);
  const avail = chars * 7 + 5 - 5 - indentPx;
  const space = px(" ");
  let lines = 0;
  for (const para of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of para.split(" ").filter(Boolean)) {
      const w = px(word);
      if (used === 0) used = w;
      else if (used + space + w <= avail) used += space + w;
      else {
        lines++;
        used = w;
      }
      while (used > avail) {
        lines++;
        used -= avail;
      }
    }
  }
  return lines;
}

const haveFonts = fs.existsSync(FONTS.regular) && fs.existsSync(FONTS.bold);

describe("wrapLines against Times New Roman's metrics (Liberation Serif)", () => {
  const regular = haveFonts ? readFontWidths(FONTS.regular) : undefined;
  const bold = haveFonts ? readFontWidths(FONTS.bold) : undefined;

  test("the fonts are installed (fonts-liberation, a dependency of LibreOffice)", () => {
    expect(haveFonts).toBe(true);
  });

  // every text the forms print in a wrapped cell, with its column's width in characters
  const texts: { text: string; chars: number; size: number; bold: boolean }[] = [];
  for (const ind of catalog.indicators)
    for (const level of LEVELS) {
      if (!ind.levels.includes(level)) continue;
      const label = labelFor(ind, level);
      texts.push(
        { text: label, chars: WIDTHS[1], size: 12, bold: false },
        { text: label, chars: WIDTHS[1], size: 12, bold: true }
      );
      const unit = unitFor(ind, level);
      if (unit)
        texts.push(
          { text: unit, chars: WIDTHS[2], size: 12, bold: false },
          { text: unit, chars: 12, size: 12, bold: false }
        );
    }
  for (const f of catalog.forms)
    texts.push({
      text: formInfo(f.number).title,
      chars: WIDTHS.slice(0, 5).reduce((a, b) => a + b, 0),
      size: 13,
      bold: true,
    });

  test("never fewer lines than Excel wraps the text to, at most one more", () => {
    const short: string[] = [];
    const tall: string[] = [];
    let extra = 0;
    for (const t of texts) {
      const real = excelLines(t.text, t.chars, t.size, t.bold ? bold! : regular!);
      const est = wrapLines(t.text, columnPoints(t.chars) - 6, { size: t.size, bold: t.bold });
      if (est < real) short.push(`${t.text} (${t.chars}): ${est} < ${real}`);
      if (est > real + 1) tall.push(`${t.text} (${t.chars}): ${est} > ${real} + 1`);
      extra += est - real;
    }
    expect(short).toEqual([]);
    expect(tall).toEqual([]);
    // and not every text a line too tall: the estimate stays close on the whole
    expect(extra).toBeLessThan(texts.length * 0.5);
  });

  test("a Vietnamese letter is measured as wide as the font's own, or wider", () => {
    const letters = [...new Set(texts.flatMap((t) => [...t.text]))].filter((c) => /\p{L}/u.test(c));
    expect(letters.length).toBeGreaterThan(60);
    const narrow = letters.filter((c) => {
      const a = regular!.advance(c);
      return a !== undefined && textWidthEm(c) * 1.001 < a / regular!.unitsPerEm;
    });
    expect(narrow).toEqual([]);
  });
});

describe("wrapLines", () => {
  test("counts explicit line breaks and cuts a word longer than the cell", () => {
    expect(wrapLines("Một\nHai\nBa", 300, { size: 12 })).toBe(3);
    expect(wrapLines("x".repeat(200), 100, { size: 12 })).toBeGreaterThanOrEqual(Math.ceil((200 * 0.5 * 12) / 100));
    expect(wrapLines("", 100, { size: 12 })).toBe(1);
  });

  test("bold and larger text wraps to more lines", () => {
    const t = "Số hồ sơ TTHC đã thực hiện tiếp nhận và giải quyết không phụ thuộc vào địa giới hành chính";
    const w = columnPoints(30);
    expect(wrapLines(t, w, { size: 12, bold: true })).toBeGreaterThanOrEqual(wrapLines(t, w, { size: 12 }));
    expect(wrapLines(t, w, { size: 16 })).toBeGreaterThan(wrapLines(t, w, { size: 12 }));
  });
});

function sheet(over: Partial<SheetSpec>): SheetSpec {
  return {
    name: "S",
    columns: [{ width: 10 }, { width: 10 }, { width: 10 }],
    cells: [],
    styles: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    ...over,
  };
}

describe("fitRowHeights", () => {
  const long = "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của địa phương";

  test("a wrapped cell makes its row as tall as its lines; the row takes its tallest cell", () => {
    const s = sheet({
      cells: [
        [{ t: "s", v: long }, { t: "s", v: "ngắn" }, null],
        [{ t: "s", v: long }, null, null],
      ],
      styles: [{ range: "A1:C1", style: { wrap: true } }],
    });
    const h = fitRowHeights(s);
    const lines = wrapLines(long, columnPoints(10) - 6, { size: 12 });
    expect(lines).toBeGreaterThan(3);
    expect(h[1]).toBe(linesHeight(lines, 12));
    // not wrapped: one line, however long
    expect(h[2]).toBe(linesHeight(1, 12));
  });

  test("a merged title is measured over its span; a hidden column adds nothing", () => {
    const cells: SheetSpec["cells"] = [[{ t: "s", v: long }, null, null]];
    const styles = [{ range: "A1:C1", style: { wrap: true, bold: true, fontSize: 13 } }];
    const alone = fitRowHeights(sheet({ cells, styles }))[1];
    const merged = fitRowHeights(sheet({ cells, styles, merges: ["A1:C1"] }))[1];
    const hidden = fitRowHeights(
      sheet({ cells, styles, merges: ["A1:C1"], columns: [{ width: 10 }, { width: 10 }, { width: 10, hidden: true }] })
    )[1];
    expect(merged).toBeLessThan(alone);
    expect(hidden).toBeGreaterThan(merged);
    expect(merged).toBe(linesHeight(wrapLines(long, 3 * columnPoints(10) - 6, { size: 13, bold: true }), 13));
  });

  test("a cell merged over two rows gets their sum; a height the spec sets stays when taller", () => {
    const s = sheet({
      cells: [
        [{ t: "s", v: long }, null, null],
        [null, null, null],
      ],
      styles: [{ range: "A1", style: { wrap: true } }],
      merges: ["A1:A2"],
      rowHeights: { 1: 20 },
    });
    const h = fitRowHeights(s);
    const need = linesHeight(wrapLines(long, columnPoints(10) - 6, { size: 12 }), 12);
    expect(h[1]).toBe(20);
    expect(h[1] + h[2]).toBeGreaterThanOrEqual(need);
  });

  test("no row is taller than Excel allows", () => {
    const s = sheet({
      cells: [[{ t: "s", v: "chữ ".repeat(3000) }, null, null]],
      styles: [{ range: "A1", style: { wrap: true } }],
    });
    expect(fitRowHeights(s)[1]).toBe(MAX_ROW_PT);
  });

  test("the forms: each indicator row as tall as its label needs in column B", () => {
    const s = buildFormSheet(1, {
      level: "tinh",
      version: "v2022-muc-do",
      period: { kind: "N", year: 2023 },
      unit: "UBND tỉnh Tây Ninh",
    });
    let wrapped = 0;
    s.cells.forEach((row, i) => {
      const r = i + 1;
      if (r < FIRST_DATA_ROW || !row[1] || row[1].t !== "s") return;
      const lines = wrapLines(
        row[1].v,
        columnPoints(WIDTHS[1]) - 6 - 16 * ((row[0]?.t === "s" ? row[0].v : "").split(".").length - 2),
        { size: 12, bold: false }
      );
      expect([r, s.rowHeights![r] >= linesHeight(lines, 12)]).toEqual([r, true]);
      if (lines > 1) wrapped++;
    });
    expect(wrapped).toBeGreaterThan(0);
    // the title (row 3, merged A3:E3) and the header (rows 6–7) have heights too
    expect(s.rowHeights![3]).toBeGreaterThanOrEqual(linesHeight(1, 13));
    expect(s.rowHeights![6]).toBeDefined();
  });
});

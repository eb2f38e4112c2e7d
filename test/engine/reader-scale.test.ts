/**
 * readReport on a very large sheet: the form search must stay linear. Guarded by counting the label
 * scorings the reader does (readerWork), not by a clock.
 */
import { catalog } from "../../src/catalog";
import { readerWork, readReport } from "../../src/engine/reader";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { seedGrids } from "./seed-grids";

const ROWS = 20000;
const COLS = 10;

/** Reproducible pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half numbers, half "word 12345" (or two words when `lettersOnly`: numbers are catalog tokens too). */
function randomSheet(name: string, words: string[], lettersOnly = false): GridSheet {
  const r = rng(7);
  const values: GridValue[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const row: GridValue[] = [];
    for (let c = 0; c < COLS; c++) {
      const p = r();
      const w = () => words[Math.floor(r() * words.length)];
      if (lettersOnly) row.push(`${w()} ${w()}`);
      else row.push(p < 0.5 ? Math.round(r() * 1e6) / 100 : `${w()} ${Math.floor(r() * 1e5)}`);
    }
    values.push(row);
  }
  return { name, values };
}

describe("readReport on a 200,000-cell sheet", () => {
  test("text that shares no word with the catalog is never scored against it", () => {
    const rep = readReport([randomSheet("Sheet1", ["alpha", "beta", "gamma", "delta", "epsilon"], true)]);
    expect(rep.forms).toEqual([]);
    expect(rep.entries.size).toBe(0);
    expect(readerWork.scored).toBe(0);
  });

  test("text made of catalog words: scorings grow with the distinct labels, not rows × indicators", () => {
    // words taken from the catalog's own labels, so that rows look like (poor) candidates
    const words = [...new Set(catalog.indicators.slice(0, 40).flatMap((i) => i.label.split(/\s+/)))].filter((w) => w.length > 1);
    const sheet = randomSheet("Sheet1", words);
    const rep = readReport([sheet]);
    expect(rep.forms).toEqual([]);
    expect(rep.entries.size).toBe(0);
    // every label is scored once, against at most every catalog wording
    expect(readerWork.labels).toBeLessThanOrEqual(ROWS);
    const wordingsPerLabel = 2 * catalog.indicators.length * 4;
    expect(readerWork.scored).toBeLessThanOrEqual(readerWork.labels * wordingsPerLabel);
    // a full scan would score each row against every indicator for each of the 7 forms at least once
    expect(readerWork.scored).toBeLessThan(ROWS * catalog.indicators.length);
  });

  test("a real form after 20,000 rows of noise is read exactly as on its own", () => {
    const alone = readReport(seedGrids("004", "sheet-per-form"));
    const noise = randomSheet("Dữ liệu", ["alpha", "beta", "tổng số", "văn bản"]);
    const withNoise = readReport([noise, ...seedGrids("004", "sheet-per-form")]);
    expect(alone.entries.size).toBeGreaterThan(50);
    expect(withNoise.forms).toEqual(alone.forms);
    for (const [id, e] of alone.entries) {
      expect(withNoise.entries.get(id)?.value).toEqual(e.value);
      expect(withNoise.entries.get(id)?.ref).toEqual(e.ref);
    }
  });

  test("repeated labels are scored once", () => {
    const values: GridValue[][] = Array.from({ length: 5000 }, (_, i) => [i + 1, "Số văn bản quy phạm pháp luật đã ban hành", "Văn bản", (i * 7) % 13]);
    readReport([{ name: "Sheet1", values }]);
    expect(readerWork.labels).toBeLessThanOrEqual(2);
  });
});

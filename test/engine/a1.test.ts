/** The one A1-address module (src/engine/a1.ts): known addresses, limits, and round trips over the whole sheet. */
import fc from "fast-check";
import {
  a1,
  boxAddress,
  colLetters,
  colNumber,
  MAX_COL,
  MAX_ROW,
  parseCell,
  parseRange,
  stripSheet,
} from "../../src/engine/a1";

const col = fc.integer({ min: 1, max: MAX_COL });
const row = fc.integer({ min: 1, max: MAX_ROW });

describe("column letters", () => {
  test("known columns", () => {
    const known: [number, string][] = [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [53, "BA"],
      [702, "ZZ"],
      [703, "AAA"],
      [MAX_COL, "XFD"],
    ];
    for (const [n, s] of known) {
      expect(colLetters(n)).toBe(s);
      expect(colNumber(s)).toBe(n);
      expect(colNumber(s.toLowerCase())).toBe(n);
    }
  });

  test("every column 1..16384 round-trips, in order", () => {
    let prev = "";
    const wrong: [number, string][] = [];
    for (let n = 1; n <= MAX_COL; n++) {
      const s = colLetters(n);
      // shorter names first, then alphabetical: the order of Excel's columns
      const inOrder = s.length > prev.length || (s.length === prev.length && s > prev);
      if (colNumber(s) !== n || !inOrder) wrong.push([n, s]);
      prev = s;
    }
    expect(wrong).toEqual([]);
  });

  test("what is not letters has no column number", () => {
    for (const s of ["", "A1", "Ä", "$A", " A", "A-B"]) expect(colNumber(s)).toBeUndefined();
  });
});

describe("cells", () => {
  test("round trip over the whole sheet (columns 1..16384, rows 1..1048576)", () => {
    fc.assert(
      fc.property(row, col, (r, c) => {
        const s = a1({ row: r, col: c });
        expect(parseCell(s)).toEqual({ row: r, col: c });
        expect(parseCell(`$${colLetters(c)}$${r}`)).toEqual({ row: r, col: c });
        expect(parseCell(` ${s.toLowerCase()} `)).toEqual({ row: r, col: c });
      }),
      { numRuns: 2000 }
    );
    expect(parseCell("XFD1048576")).toEqual({ row: MAX_ROW, col: MAX_COL });
  });

  test("outside the sheet or not one cell: undefined", () => {
    for (const s of ["XFE1", "A1048577", "A0", "D", "12", "D1:D2", "=A1", "Sheet1!A1", "A1A", "", "$$A1", "A 1"]) {
      expect([s, parseCell(s)]).toEqual([s, undefined]);
    }
  });
});

describe("ranges", () => {
  test("corners in either order make the same box, written back top-left first", () => {
    fc.assert(
      fc.property(row, col, row, col, (r1, c1, r2, c2) => {
        const box = parseRange(`${a1({ row: r1, col: c1 })}:${a1({ row: r2, col: c2 })}`)!;
        expect(box).toEqual({
          r1: Math.min(r1, r2),
          c1: Math.min(c1, c2),
          r2: Math.max(r1, r2),
          c2: Math.max(c1, c2),
        });
        expect(parseRange(boxAddress(box))).toEqual(box);
      }),
      { numRuns: 1000 }
    );
  });

  test("one cell, whole columns, whole rows", () => {
    expect(parseRange("D9")).toEqual({ r1: 9, c1: 4, r2: 9, c2: 4 });
    expect(boxAddress({ r1: 9, c1: 4, r2: 9, c2: 4 })).toBe("D9");
    expect(parseRange("A1:E1")).toEqual({ r1: 1, c1: 1, r2: 1, c2: 5 });
    expect(parseRange("B:A")).toEqual({ r1: 1, c1: 1, r2: MAX_ROW, c2: 2 });
    expect(parseRange("$7:$8")).toEqual({ r1: 7, c1: 1, r2: 8, c2: MAX_COL });
  });

  test("not a range: undefined", () => {
    for (const s of ["", ":", "A1:", ":B2", "A1:B2:C3", "A:1", "A1:XFE2", "0:1", "A", "7", "A1;B2"]) {
      expect([s, parseRange(s)]).toEqual([s, undefined]);
    }
  });
});

test("the sheet prefix of an Office.js address comes off, quoted names with '!' included", () => {
  expect(stripSheet("Sheet1!D9")).toBe("D9");
  expect(stripSheet("'Biểu 1 (xã)'!A1:B2")).toBe("A1:B2");
  expect(stripSheet("'a!b'!C3")).toBe("C3");
  expect(stripSheet("C3")).toBe("C3");
});

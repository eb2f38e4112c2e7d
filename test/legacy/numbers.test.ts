/**
 * The BigInt-free numbers and fingerprint that the IE11 build swaps in must give exactly what the engine's
 * own modules give (the engine's are the reference; nothing here is copied from the ES5 versions' output).
 */
import fc from "fast-check";
import * as engine from "../../src/engine/numbers";
import * as es5 from "../../src/taskpane/legacy/es5/numbers";
import * as engineFp from "../../src/engine/fingerprint";
import * as es5Fp from "../../src/taskpane/legacy/es5/fingerprint";
import type { ParsedValue, Report, ReportEntry } from "../../src/engine/types";

const figures = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
  fc.constantFrom(0, -0, 0.5, 1.005, 88.075, -2.345, 1e-7, 123456789012345, 1e21, -1e-310, 0.1, 0.2, 2.675),
);
const decimals = fc.integer({ min: 0, max: 6 });

/** The outcome of a call: its value, or the kind of error it throws (both versions must agree on both). */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}
const same = (a: unknown, b: unknown) => Object.is(a, b);

describe("ES5 numbers = engine numbers", () => {
  test("exported API is the same", () => {
    expect(Object.keys(es5).sort()).toEqual(Object.keys(engine).sort());
  });
  test("roundHalfUp", () => {
    fc.assert(fc.property(figures, decimals, (x, d) => Object.is(es5.roundHalfUp(x, d), engine.roundHalfUp(x, d))), { numRuns: 3000 });
    for (const x of [NaN, Infinity, -Infinity, 88.075, -2.345]) expect(es5.roundHalfUp(x)).toBe(engine.roundHalfUp(x));
  });
  test("percentOf and ratio", () => {
    fc.assert(
      fc.property(figures, figures, decimals, (a, b, d) =>
        same(outcome(() => es5.percentOf(a, b, d)), outcome(() => engine.percentOf(a, b, d))) && same(es5.ratio(a, b), engine.ratio(a, b))),
      { numRuns: 3000 },
    );
    // 3523 of 4000 is 88.075 %, printed 88.08 in the forms
    expect(es5.percentOf(3523, 4000)).toBe(engine.percentOf(3523, 4000));
    expect(es5.percentOf(5, 0)).toBe(engine.percentOf(5, 0));
    expect(es5.percentOf(null, 5)).toBe(engine.percentOf(null, 5));
  });
  test("sumDec", () => {
    fc.assert(fc.property(fc.array(figures, { maxLength: 12 }), (xs) => Object.is(es5.sumDec(xs), engine.sumDec(xs))), { numRuns: 3000 });
  });
  test("formatVi", () => {
    fc.assert(
      fc.property(figures, fc.option(decimals, { nil: undefined }), (x, d) => es5.formatVi(x, d) === engine.formatVi(x, d)),
      { numRuns: 3000 },
    );
    expect(es5.formatVi(NaN)).toBe(engine.formatVi(NaN));
  });
});

describe("ES5 fingerprint = engine fingerprint", () => {
  test("exported API is the same", () => {
    expect(Object.keys(es5Fp).sort()).toEqual(Object.keys(engineFp).sort());
  });
  test("fnv1a64 on any text (astral characters and lone surrogates included)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => es5Fp.fnv1a64(s) === engineFp.fnv1a64(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => es5Fp.fnv1a64(s) === engineFp.fnv1a64(s)), { numRuns: 1000 });
    expect(es5Fp.fnv1a64("")).toBe(engineFp.fnv1a64(""));
    expect(es5Fp.fnv1a64("\ud800x")).toBe(engineFp.fnv1a64("\ud800x"));
  });

  const parsed: fc.Arbitrary<ParsedValue> = fc.oneof(
    figures.map((n) => ({ state: "value" as const, raw: n, number: n })),
    fc.constantFrom<ParsedValue>({ state: "na", raw: "x" }, { state: "missing", raw: null }),
    fc.string({ maxLength: 12 }).map((t) => ({ state: "text" as const, raw: t, text: "  Quy\u0301 " + t })),
    fc.string({ maxLength: 6 }).map((t) => ({ state: "error" as const, raw: "#N/A" + t })),
  );
  test("fingerprint and stamp state of random reports", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("bm1:1", "bm1:2", "bm3:1.4", "bm3:1.4.3", "bm7:6.4"), parsed), fc.boolean(), (d, stampIt) => {
        const entries = new Map<string, ReportEntry>(Object.entries(d).map(([id, value]) => [id, { value } as ReportEntry]));
        const report = { entries, forms: [], meta: {} } as unknown as Report;
        if (stampIt) report.stamp = { at: "2026-01-01T00:00:00Z", by: "x", fingerprint: engineFp.fingerprint(report) };
        for (const [, e] of entries) if (es5Fp.normalisedValue(e.value) !== engineFp.normalisedValue(e.value)) return false;
        return es5Fp.fingerprint(report) === engineFp.fingerprint(report) && es5Fp.checkStamp(report) === engineFp.checkStamp(report);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from "fast-check";
import { parseValue } from "../../src/engine/values";
import { formatVi, percentOf, ratio, roundHalfUp, sumDec } from "../../src/engine/numbers";

describe("parseValue: Vietnamese writing", () => {
  const cases: [string, number][] = [
    ["1.946", 1946],
    ["96,56", 96.56],
    ["99,75%", 99.75],
    ["98.39%", 98.39],
    ["32.58", 32.58],
    ["09", 9],
    ["42.660", 42660],
    ["1.234.567", 1234567],
    ["21.782.939", 21782939],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1\u202f234,5", 1234.5],
    ["\uff11\uff12\uff13", 123],
    ["\u22125", -5],
    ["-12", -12],
    ["0,9", 0.9],
    ["1.234,56", 1234.56],
    ["3,11", 3.11],
    ["100%", 100],
    [" 25 ", 25],
    ["1.2345", 1.2345],
  ];
  test.each(cases)("%s reads as %d", (raw, n) => {
    const v = parseValue(raw);
    expect(v.state).toBe("value");
    expect(v.number).toBeCloseTo(n, 10);
    expect(v.typedAsText).toBe(true);
  });

  test("percent sign is kept as a flag", () => {
    expect(parseValue("99,75%").percentSign).toBe(true);
    expect(parseValue("99,75").percentSign).toBeUndefined();
  });

  test("ambiguous separators follow the Vietnamese convention and are flagged", () => {
    const c = parseValue("1,234");
    expect(c.number).toBeCloseTo(1.234, 10);
    expect(c.ambiguous).toBe(true);
    const d = parseValue("1.946");
    expect(d.number).toBe(1946);
    expect(d.ambiguous).toBe(true);
    expect(parseValue("96,56").ambiguous).toBeUndefined();
    // a percentage cannot be 88075
    expect(parseValue("88.075", "percent").number).toBeCloseTo(88.075, 10);
  });

  test.each(["-", "–", "x", "X", "không", "Không thuộc chuyên môn", "Không phát sinh"])("%s is not applicable with the reason", (raw) => {
    const v = parseValue(raw);
    expect(v.state).toBe("na");
    expect(v.text).toBe(raw);
    expect(v.number).toBeUndefined();
  });

  test("blank and whitespace are missing; zero is a value", () => {
    expect(parseValue(null).state).toBe("missing");
    expect(parseValue("").state).toBe("missing");
    expect(parseValue("  \u00a0 ").state).toBe("missing");
    const z = parseValue(0);
    expect(z.state).toBe("value");
    expect(z.number).toBe(0);
    expect(z.typedAsText).toBeUndefined();
    expect(parseValue("0").number).toBe(0);
  });

  test("errors, booleans and free text", () => {
    const e = parseValue({ error: "#DIV/0!" });
    expect(e.state).toBe("error");
    expect(e.text).toBe("#DIV/0!");
    expect(parseValue(true).state).toBe("text");
    const t = parseValue("209.25 phiếu");
    expect(t.state).toBe("text");
    expect(parseValue("18/18 đơn vị").state).toBe("text");
    expect(parseValue("1.2.3").state).toBe("text");
    expect(parseValue("=SUM(A1:A3)").state).toBe("text");
    expect(parseValue(NaN).state).toBe("error");
  });

  test("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(..."0123456789.,%- \u00a0\u2212xX") }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (x) => {
        const v = parseValue(x as never);
        expect(["value", "na", "missing", "text", "error"]).toContain(v.state);
        if (v.state === "value") expect(Number.isFinite(v.number)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("numbers", () => {
  test("roundHalfUp works in decimal", () => {
    expect(roundHalfUp((3523 / 4000) * 100)).toBe(88.08);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(2.675)).toBe(2.68);
    expect(roundHalfUp(-2.345)).toBe(-2.35);
    expect(roundHalfUp(96.5588, 2)).toBe(96.56);
    expect(roundHalfUp(12.5, 0)).toBe(13);
    expect(roundHalfUp(7)).toBe(7);
  });

  test("percentOf is exact", () => {
    expect(percentOf(3523, 4000)).toBe(88.08);
    // seed 002 BM1: 5 of 41 tasks
    expect(percentOf(5, 41)).toBe(12.2);
    // seed 000 BM3 3.1: 41.192 / 42.660
    expect(percentOf(41192, 42660)).toBe(96.56);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(null, 3)).toBeNull();
    // a denominator below what a decimal can carry is zero, not a crash (it used to throw RangeError)
    expect(percentOf(1, 1e-301)).toBeNull();
    expect(percentOf(1, -1e-320)).toBeNull();
  });

  test("ratio", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(undefined, 1)).toBeNull();
  });

  test("sumDec", () => {
    expect(sumDec([0.1, 0.2])).toBe(0.3);
    expect(sumDec([1558, 256, 132])).toBe(1946);
  });

  test("formatVi", () => {
    expect(formatVi(1946)).toBe("1.946");
    expect(formatVi(96.56)).toBe("96,56");
    expect(formatVi(12.2, 2)).toBe("12,20");
    expect(formatVi(21782939)).toBe("21.782.939");
    expect(formatVi(-1234.5)).toBe("-1.234,5");
    expect(formatVi(0)).toBe("0");
    expect(formatVi(100)).toBe("100");
  });

  test("formatVi parses back to the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (i, k) => {
        const n = i / 10 ** k;
        const back = parseValue(formatVi(n));
        expect(back.state).toBe("value");
        expect(back.number).toBeCloseTo(n, 8);
      }),
      { numRuns: 2000 },
    );
  });

  test("roundHalfUp matches a BigInt decimal reference", () => {
    const ref = (digits: bigint, scale: number, d: number): string => {
      // round |digits| / 10^scale half up to d places, as a decimal string
      const neg = digits < BigInt(0);
      const a = neg ? -digits : digits;
      let q: bigint;
      if (scale <= d) q = a * BigInt(10) ** BigInt(d - scale);
      else {
        const div = BigInt(10) ** BigInt(scale - d);
        q = a / div;
        if ((a % div) * BigInt(2) >= div) q += BigInt(1);
      }
      let s = q.toString().padStart(d + 1, "0");
      if (d > 0) s = s.slice(0, s.length - d) + "." + s.slice(s.length - d);
      return (neg && q !== BigInt(0) ? "-" : "") + s;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(-1e12), max: BigInt(1e12) }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (digits, scale, d) => {
        const str = (() => {
          const neg = digits < BigInt(0);
          let s = (neg ? -digits : digits).toString().padStart(scale + 1, "0");
          if (scale > 0) s = s.slice(0, s.length - scale) + "." + s.slice(s.length - scale);
          return (neg ? "-" : "") + s;
        })();
        const x = Number(str);
        expect(roundHalfUp(x, d)).toBe(Number(ref(digits, scale, d)));
      }),
      { numRuns: 3000 },
    );
  });
});

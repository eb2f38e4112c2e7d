/**
 * src/engine/numbers.ts without BigInt, for the IE11 build (IE11 has no BigInt and no transpiler can add
 * it: the engine's `a * b` on bigints cannot be rewritten by Babel). webpack.legacy.js swaps this module in
 * for the engine's; test/legacy/numbers.test.ts proves both give the same results.
 * Magnitudes are decimal digit strings ("0" for zero, no leading zeros) with a separate sign.
 */

interface Big {
  neg: boolean;
  mag: string;
}
interface Dec {
  int: Big;
  scale: number;
}

function strip(m: string): string {
  let i = 0;
  while (i < m.length - 1 && m.charAt(i) === "0") i++;
  return m.slice(i);
}
function zeros(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += "0";
  return s;
}
function cmpMag(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function addMag(a: string, b: string): string {
  const out: string[] = [];
  let carry = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0 || carry; i--, j--) {
    const s = (i >= 0 ? a.charCodeAt(i) - 48 : 0) + (j >= 0 ? b.charCodeAt(j) - 48 : 0) + carry;
    out.push(String(s % 10));
    carry = s >= 10 ? 1 : 0;
  }
  return strip(out.reverse().join("") || "0");
}
/** a - b for a >= b. */
function subMag(a: string, b: string): string {
  const out: string[] = [];
  let borrow = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0; i--, j--) {
    let s = a.charCodeAt(i) - 48 - (j >= 0 ? b.charCodeAt(j) - 48 : 0) - borrow;
    borrow = s < 0 ? 1 : 0;
    if (s < 0) s += 10;
    out.push(String(s));
  }
  return strip(out.reverse().join(""));
}
/** Number of trailing zeros of a magnitude ("0" has none). */
function trailingZeros(m: string): number {
  let n = 0;
  while (n < m.length - 1 && m.charAt(m.length - 1 - n) === "0") n++;
  return m === "0" ? 0 : n;
}
function mulPow10(m: string, n: number): string {
  return m === "0" ? "0" : m + zeros(n);
}
/** floor(a / b) for b > 0 (schoolbook long division). */
function divMag(a: string, b: string): string {
  // As the engine's BigInt division does (a denominator below 1e-300 reads as 0 there too).
  if (b === "0") throw new RangeError("Division by zero");
  let q = "";
  let r = "0";
  for (let i = 0; i < a.length; i++) {
    r = strip(r + a.charAt(i));
    let d = 0;
    while (cmpMag(r, b) >= 0) {
      r = subMag(r, b);
      d++;
    }
    q += String(d);
  }
  return strip(q || "0");
}
function add(x: Big, y: Big): Big {
  if (x.neg === y.neg) return { neg: x.neg, mag: addMag(x.mag, y.mag) };
  const c = cmpMag(x.mag, y.mag);
  if (c === 0) return { neg: false, mag: "0" };
  return c > 0 ? { neg: x.neg, mag: subMag(x.mag, y.mag) } : { neg: y.neg, mag: subMag(y.mag, x.mag) };
}

function toDec(x: number): Dec {
  let s = Math.abs(x) < 1e-300 ? "0" : x.toPrecision(15);
  let neg = false;
  if (s.charAt(0) === "-") {
    neg = true;
    s = s.slice(1);
  }
  let exp = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    exp = parseInt(s.slice(e + 1), 10);
    s = s.slice(0, e);
  }
  const dot = s.indexOf(".");
  let digits = dot >= 0 ? s.slice(0, dot) + s.slice(dot + 1) : s;
  let scale = dot >= 0 ? s.length - dot - 1 : 0;
  scale -= exp;
  if (scale < 0) {
    digits += zeros(-scale);
    scale = 0;
  }
  while (scale > 0 && digits.charAt(digits.length - 1) === "0") {
    digits = digits.slice(0, -1);
    scale--;
  }
  const mag = strip(digits || "0");
  return { int: { neg: neg && mag !== "0", mag }, scale };
}

function decToString(d: Dec): string {
  let s = d.int.mag;
  if (d.scale > 0) {
    while (s.length < d.scale + 1) s = "0" + s;
    s = s.slice(0, s.length - d.scale) + "." + s.slice(s.length - d.scale);
  }
  return (d.int.neg && !/^[0.]+$/.test(s) ? "-" : "") + s;
}

function roundRational(num: Big, den: Big, decimals: number): Dec {
  const neg = num.neg !== den.neg && num.mag !== "0";
  let a = mulPow10(num.mag, decimals);
  let dm = den.mag;
  // Figures are at most 15 significant digits times a power of ten: cancel the common power first, so that
  // one side of the division is short and a figure such as 1e-250 costs no more than 1.
  const common = Math.min(trailingZeros(a), trailingZeros(dm));
  if (common > 0 && a !== "0") {
    a = a.slice(0, a.length - common);
    dm = dm.slice(0, dm.length - common);
  }
  den = { neg: den.neg, mag: dm };
  // floor((2a + den) / (2den)) = round half up of a/den
  const twoA = addMag(a, a);
  const twoDen = addMag(den.mag, den.mag);
  const q = divMag(addMag(twoA, den.mag), twoDen);
  return { int: { neg: neg && q !== "0", mag: q }, scale: decimals };
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && isFinite(x);
}

export function roundHalfUp(x: number, decimals = 2): number {
  if (!isFiniteNumber(x)) return x;
  const d = Math.max(0, Math.min(20, Math.floor(decimals)));
  const v = toDec(x);
  if (v.scale <= d) return x === 0 ? 0 : Number(decToString(v));
  const r = roundRational(v.int, { neg: false, mag: mulPow10("1", v.scale) }, d);
  const n = Number(decToString(r));
  return n === 0 ? 0 : n;
}

export function ratio(num: number | null | undefined, den: number | null | undefined): number | null {
  if (typeof num !== "number" || typeof den !== "number" || !isFiniteNumber(num) || !isFiniteNumber(den)) return null;
  if (den === 0) return null;
  return num / den;
}

export function percentOf(num: number | null | undefined, den: number | null | undefined, decimals = 2): number | null {
  if (ratio(num, den) === null) return null;
  const a = toDec(num as number);
  const b = toDec(den as number);
  // a denominator too small to write as a decimal (below 1e-300) is zero for a form: no ratio
  if (b.int.mag === "0") return null;
  const n: Big = { neg: a.int.neg, mag: mulPow10(a.int.mag, 2 + b.scale) };
  const dd: Big = { neg: b.int.neg, mag: mulPow10(b.int.mag, a.scale) };
  const r = roundRational(n, dd, decimals);
  const v = Number(decToString(r));
  return v === 0 ? 0 : v;
}

export function sumDec(xs: number[]): number {
  let scale = 0;
  const ds = xs.map(toDec);
  for (let i = 0; i < ds.length; i++) scale = Math.max(scale, ds[i].scale);
  let total: Big = { neg: false, mag: "0" };
  for (let i = 0; i < ds.length; i++)
    total = add(total, { neg: ds[i].int.neg, mag: mulPow10(ds[i].int.mag, scale - ds[i].scale) });
  const v = Number(decToString({ int: total, scale }));
  return v === 0 ? 0 : v;
}

export function formatVi(n: number, decimals?: number): string {
  if (!isFiniteNumber(n)) return String(n);
  let d: Dec;
  if (decimals !== undefined) {
    const k = Math.max(0, Math.min(20, Math.floor(decimals)));
    const v = toDec(n);
    d =
      v.scale <= k
        ? { int: { neg: v.int.neg, mag: mulPow10(v.int.mag, k - v.scale) }, scale: k }
        : roundRational(v.int, { neg: false, mag: mulPow10("1", v.scale) }, k);
  } else {
    d = toDec(n);
  }
  const s = decToString(d);
  const neg = s.charAt(0) === "-";
  const body = neg ? s.slice(1) : s;
  const parts = body.split(".");
  const ip = parts[0];
  const fp = parts[1];
  const grouped = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (fp !== undefined && fp.length > 0 ? "," + fp : "");
}

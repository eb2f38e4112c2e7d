/**
 * Decimal arithmetic for the figures of the forms: half-up rounding done on decimal digits (not on
 * binary floats), exact percentages from integer-ish numerators and denominators, and Vietnamese
 * number formatting ("1.946", "96,56") for messages.
 */

/** A finite number as an exact decimal: value = int / 10^scale. */
interface Dec {
  int: bigint;
  scale: number;
}

const TEN = BigInt(10);
const ZERO = BigInt(0);
const TWO = BigInt(2);

function pow10(n: number): bigint {
  let r = BigInt(1);
  for (let i = 0; i < n; i++) r *= TEN;
  return r;
}

/**
 * The decimal a person meant when a float shows up: 15 significant digits remove binary noise
 * (88.07499999999999 -> 88.075) while keeping every figure a form can carry.
 */
function toDec(x: number): Dec {
  let s = Math.abs(x) < 1e-300 ? "0" : x.toPrecision(15);
  // toPrecision may give exponent notation; expand it.
  let neg = false;
  if (s.startsWith("-")) {
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
    digits += "0".repeat(-scale);
    scale = 0;
  }
  // drop trailing zeros of the fraction
  while (scale > 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale--;
  }
  let int = BigInt(digits.replace(/^0+(?=\d)/, "") || "0");
  if (neg) int = -int;
  return { int, scale };
}

function decToString(d: Dec): string {
  const neg = d.int < ZERO;
  let s = (neg ? -d.int : d.int).toString();
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, "0");
    s = s.slice(0, s.length - d.scale) + "." + s.slice(s.length - d.scale);
  }
  return (neg && !/^[0.]+$/.test(s) ? "-" : "") + s;
}

/** Rounds num/den (den > 0 after sign normalisation) half away from zero to `decimals` places. */
function roundRational(num: bigint, den: bigint, decimals: number): Dec {
  if (den < ZERO) {
    num = -num;
    den = -den;
  }
  const neg = num < ZERO;
  const a = (neg ? -num : num) * pow10(decimals);
  // floor((2a + den) / (2den)) = round half up of a/den
  let q = (TWO * a + den) / (TWO * den);
  if (neg) q = -q;
  return { int: q, scale: decimals };
}

/**
 * Half-up (away from zero) rounding in decimal: roundHalfUp(88.075) = 88.08, roundHalfUp(-2.345) = -2.35.
 * Non-finite input is returned unchanged.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.max(0, Math.min(20, Math.floor(decimals)));
  const v = toDec(x);
  if (v.scale <= d) return x === 0 ? 0 : Number(decToString(v));
  const r = roundRational(v.int, pow10(v.scale), d);
  const n = Number(decToString(r));
  return n === 0 ? 0 : n;
}

/** num / den, or null when either is not a finite number or den is 0. */
export function ratio(num: number | null | undefined, den: number | null | undefined): number | null {
  if (typeof num !== "number" || typeof den !== "number" || !Number.isFinite(num) || !Number.isFinite(den)) return null;
  if (den === 0) return null;
  return num / den;
}

/**
 * num / den × 100 rounded half up to `decimals`, computed exactly on the decimals as written
 * (3523 / 4000 → 88.08), or null when den is 0 or a figure is missing.
 */
export function percentOf(num: number | null | undefined, den: number | null | undefined, decimals = 2): number | null {
  if (ratio(num, den) === null) return null;
  const a = toDec(num as number);
  const b = toDec(den as number);
  // a denominator too small to write as a decimal (below 1e-300) is zero for a form: no ratio
  if (b.int === ZERO) return null;
  // (a.int / 10^a.scale) * 100 / (b.int / 10^b.scale) = a.int * 100 * 10^b.scale / (b.int * 10^a.scale)
  const n = a.int * BigInt(100) * pow10(b.scale);
  const dd = b.int * pow10(a.scale);
  const r = roundRational(n, dd, decimals);
  const v = Number(decToString(r));
  return v === 0 ? 0 : v;
}

/** Exact sum of figures written in decimal (0.1 + 0.2 = 0.3). */
export function sumDec(xs: number[]): number {
  let scale = 0;
  const ds = xs.map(toDec);
  for (const d of ds) scale = Math.max(scale, d.scale);
  let total = ZERO;
  for (const d of ds) total += d.int * pow10(scale - d.scale);
  const v = Number(decToString({ int: total, scale }));
  return v === 0 ? 0 : v;
}

/**
 * Vietnamese number for messages: "." groups thousands, "," marks decimals ("1.946", "96,56", "-12.345,5").
 * With `decimals` the fraction has exactly that many digits ("12,20"); otherwise as many as the number needs.
 */
export function formatVi(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  let d: Dec;
  if (decimals !== undefined) {
    const k = Math.max(0, Math.min(20, Math.floor(decimals)));
    const v = toDec(n);
    d = v.scale <= k ? { int: v.int * pow10(k - v.scale), scale: k } : roundRational(v.int, pow10(v.scale), k);
  } else {
    d = toDec(n);
  }
  const s = decToString(d);
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const [ip, fp] = body.split(".");
  const grouped = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (fp !== undefined && fp.length > 0 ? "," + fp : "");
}

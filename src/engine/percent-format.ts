/**
 * Percent number formats, for both adapters: a cell formatted "0.00%" holds 0.9975 and shows 99,75%;
 * the forms mean the figure the user sees (99.75), so the adapters hand that to the engine.
 * Pure, host-free.
 */

/** Built-in number formats that show a percentage (ECMA-376 18.8.30): 9 = "0%", 10 = "0.00%". */
export const BUILTIN_PERCENT_FMTS = new Set([9, 10]);

/** True when a format code shows a percentage: a "%" outside quoted text, backslash escapes and [tags]. */
export function isPercentFormat(code: string | null | undefined): boolean {
  if (typeof code !== "string" || code.indexOf("%") < 0) return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return bare.indexOf("%") >= 0;
}

/**
 * n × 100 exactly as the decimal digits say (0.9975 → 99.75, not 99.75000000000001): the decimal point of
 * the number's shortest text is shifted two places. Non-finite numbers come back unchanged.
 */
export function percentShown(n: number): number {
  if (!Number.isFinite(n)) return n;
  const s = String(n);
  if (/e/i.test(s)) return Number((n * 100).toPrecision(15));
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  const digits = int + frac.padEnd(2, "0");
  const point = int.length + 2;
  const v = Number(`${digits.slice(0, point)}.${digits.slice(point) || "0"}`);
  return v === 0 ? 0 : neg ? -v : v;
}

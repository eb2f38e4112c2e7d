/**
 * Reading a figure the way Vietnamese civil servants write it: "1.946" (thousands dot), "96,56"
 * (decimal comma), "99,75%", "09", "1 234", full-width digits, "-" or "Không phát sinh" for not
 * applicable. Pure and total: parseValue never throws.
 */
import type { Kind } from "../catalog/schema";
import type { GridValue, ParsedValue } from "./types";

/** Spaces that may separate digit groups or pad a cell. */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** Not-applicable markers (compared after lowercasing and trimming). */
const NA_EXACT = new Set(["-", "--", "---", "–", "—", "x", "k", "n/a", "na", "không", "khong", "không có", "ko"]);
const NA_PREFIX = [
  "không thuộc",
  "không phát sinh",
  "chưa phát sinh",
  "không áp dụng",
  "không có số liệu",
  "khong thuoc",
  "khong phat sinh",
];

function normalizeText(s: string): string {
  let t = s.normalize("NFC");
  // full-width digits and punctuation
  t = t.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  t = t
    .replace(/\uff0e/g, ".")
    .replace(/\uff0c/g, ",")
    .replace(/\uff05/g, "%")
    .replace(/\uff0b/g, "+")
    .replace(/\uff0d/g, "-");
  // Unicode minus signs
  t = t.replace(/[\u2212\ufe63]/g, "-");
  return t;
}

interface NumRead {
  n: number;
  ambiguous?: boolean;
}

/**
 * Parses the digits of a number written the Vietnamese way (sign and % already removed, no spaces).
 * Returns undefined when the text is not a number.
 */
function readDigits(s: string, kind?: Kind): NumRead | undefined {
  if (/^\d+$/.test(s)) return { n: Number(s) };
  if (!/^\d*[.,]?[\d.,]*\d$/.test(s) && !/^[.,]\d+$/.test(s)) return undefined;
  if (!/^[\d.,]+$/.test(s)) return undefined;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const grouped = (int: string, sep: string): boolean => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(int);
  if (dots > 0 && commas > 0) {
    // Whichever comes last is the decimal mark; the other groups thousands.
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const dec = lastDot > lastComma ? "." : ",";
    const thou = dec === "." ? "," : ".";
    const i = s.lastIndexOf(dec);
    const intPart = s.slice(0, i);
    const frac = s.slice(i + 1);
    if (s.split(dec).length !== 2 || !/^\d+$/.test(frac) || !grouped(intPart, thou)) return undefined;
    return { n: Number(intPart.split(thou).join("") + "." + frac) };
  }
  const sep = dots > 0 ? "." : ",";
  const count = dots + commas;
  if (count > 1) {
    // "1.234.567" or "1,234,567": thousands groups only
    if (!grouped(s, sep)) return undefined;
    return { n: Number(s.split(sep).join("")) };
  }
  const [a, b] = s.split(sep);
  if (!/^\d*$/.test(a) || !/^\d+$/.test(b)) return undefined;
  const asDecimal = Number((a || "0") + "." + b);
  if (b.length === 3 && a.length > 0 && a.length <= 3) {
    if (sep === ",") {
      // Vietnamese convention: the comma is the decimal mark ("1,234" = 1.234), flagged.
      return { n: asDecimal, ambiguous: true };
    }
    // A single dot followed by exactly three digits groups thousands ("1.946" = 1946), flagged;
    // a percentage cannot exceed 100, so there the decimal reading wins.
    const asThousands = Number(a + b);
    if (kind === "percent" && asThousands > 100 && asDecimal <= 100) return { n: asDecimal, ambiguous: true };
    return { n: asThousands, ambiguous: true };
  }
  return { n: asDecimal };
}

/** Reads a cell as a figure; never throws. `kind` only settles readings a percentage cannot have. */
export function parseValue(raw: GridValue | undefined, kind?: Kind): ParsedValue {
  try {
    return parseInner(raw, kind);
  } catch {
    return { state: "text", raw: safeRaw(raw), text: String(raw) };
  }
}

function safeRaw(raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "object" && typeof (raw as { error?: unknown }).error === "string")
    return (raw as { error: string }).error;
  return String(raw);
}

function parseInner(raw: GridValue | undefined, kind?: Kind): ParsedValue {
  if (raw === null || raw === undefined) return { state: "missing", raw: null };
  if (typeof raw === "number") {
    if (Number.isFinite(raw)) return { state: "value", number: raw === 0 ? 0 : raw, raw };
    // NaN or Infinity from a host: Excel would show #NUM!
    return { state: "error", raw, text: "#NUM!" };
  }
  if (typeof raw === "boolean") return { state: "text", raw, text: raw ? "TRUE" : "FALSE" };
  if (typeof raw === "object") {
    const e = (raw as { error?: unknown }).error;
    const text = typeof e === "string" ? e : "#VALUE!";
    return { state: "error", raw: text, text };
  }
  if (typeof raw !== "string") return { state: "text", raw: String(raw), text: String(raw) };

  const original = raw;
  const t = normalizeText(raw).replace(/^[\s\u00a0\u202f\u3000\ufeff]+|[\s\u00a0\u202f\u3000\ufeff]+$/g, "");
  if (t === "") return { state: "missing", raw: original };
  if (/^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/i.test(t)) {
    return { state: "error", raw: original, text: t.toUpperCase() };
  }
  const lower = t.toLowerCase();
  if (NA_EXACT.has(lower) || NA_PREFIX.some((p) => lower.startsWith(p)) || /^[-–—]+$/.test(t)) {
    return { state: "na", raw: original, text: t };
  }

  let s = t.replace(SPACES, "");
  let percentSign = false;
  if (s.endsWith("%")) {
    percentSign = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -1;
    s = s.slice(1);
  }
  // Spaces are only allowed between digit groups ("1 234"), not inside words.
  const spaced = t.replace(/%$/, "").replace(/^[-+]/, "").trim();
  const spacesOk = !/[\s\u00a0\u202f]/.test(spaced) || /^\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+([.,]\d+)?$/.test(spaced);
  const read = spacesOk ? readDigits(s, kind) : undefined;
  if (!read || !Number.isFinite(read.n)) return { state: "text", raw: original, text: t };
  const n = sign * read.n;
  const out: ParsedValue = { state: "value", number: n === 0 ? 0 : n, raw: original, typedAsText: true };
  if (percentSign) out.percentSign = true;
  if (read.ambiguous) out.ambiguous = true;
  return out;
}

/**
 * Reading a figure the way Vietnamese civil servants write it: "1.946" (thousands dot), "96,56"
 * (decimal comma), "99,75%", "09", "1 234", full-width digits, "-" or "Không phát sinh" for not
 * applicable. Pure and total: parseValue never throws.
 */
import type { Kind } from "../catalog/schema";
import type { GridValue, ParsedValue } from "./types";
import { foldVi } from "./fold";

/**
 * What parseValue may know of the row besides its kind: an enum's codes (so "Có", "Chưa", "Hoàn thành" read as
 * their codes) and the printed unit (so "25 văn bản" reads as 25). An Indicator satisfies it.
 */
export interface ValueHints {
  enum?: { code: number; label: string }[];
  unit?: string;
  unitVariants?: string[];
}

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
function readDigits(s: string, kind?: Kind): (NumRead & { commaThousands?: boolean }) | undefined {
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
      // A count has no fraction: "3,222" there is the en-US thousands writing (3222), flagged for a look.
      if (kind === "count" && /^[1-9]\d{0,2}$/.test(a))
        return { n: Number(a + b), ambiguous: true, commaThousands: true };
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

/**
 * Reads a cell as a figure; never throws. `kind` settles readings a percentage or a count cannot have
 * ("3,222" in a count is 3222; "Không phát sinh" in a count is 0); `hints` (the indicator) lets the words of an
 * enum row ("Có", "Không", "Chưa", "Hoàn thành", "x") and a figure typed with its unit ("25 văn bản") be read.
 */
export function parseValue(raw: GridValue | undefined, kind?: Kind, hints?: ValueHints): ParsedValue {
  try {
    return parseInner(raw, kind, hints);
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

function parseInner(raw: GridValue | undefined, kind?: Kind, hints?: ValueHints): ParsedValue {
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
  if (kind === "enum" && hints?.enum) {
    const w = enumWord(t, hints.enum);
    if (w)
      return { state: "value", number: w.code, raw: original, word: w.word, ...(w.loose ? { reading: "word" } : {}) };
  }
  // nothing happened in a count (or an amount): zero, said in words
  if ((kind === "count" || kind === "money") && ZERO_WORDS.some((p) => fold(t).startsWith(p))) {
    return { state: "value", number: 0, raw: original, word: t, reading: "zero-word" };
  }
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
  if (!read || !Number.isFinite(read.n)) {
    const u = kind && kind !== "enum" && kind !== "section" ? withUnit(t, kind, hints) : undefined;
    if (u)
      return u.value.state === "value"
        ? { ...u.value, raw: original, unit: u.unit, ...u.extra }
        : { state: "text", raw: original, text: t };
    return { state: "text", raw: original, text: t };
  }
  const n = sign * read.n;
  const out: ParsedValue = { state: "value", number: n === 0 ? 0 : n, raw: original, typedAsText: true };
  if (percentSign) out.percentSign = true;
  if (read.ambiguous) out.ambiguous = true;
  if (read.commaThousands) out.reading = "comma-thousands";
  return out;
}

// ------------------------------------------------------------------ words and units

/** Lowercase, no diacritics, single spaces: for comparing words typed in a cell with the catalog's. */
function fold(s: string): string {
  return foldVi(s)
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** "Không phát sinh" (nothing happened): zero in a count. "Không thuộc thẩm quyền" stays not applicable. */
const ZERO_WORDS = ["khong phat sinh", "chua phat sinh"];

/** Words meaning yes / done, and no / not yet, for the enum rows whose labels say so. */
const YES_WORDS = new Set([
  "co",
  "da",
  "x",
  "rui",
  "roi",
  "da co",
  "da thuc hien",
  "da hoan thanh",
  "hoan thanh",
  "dat",
]);
const NO_WORDS = new Set(["khong", "chua", "chua co", "khong co", "chua thuc hien", "chua hoan thanh", "ko"]);
const YES_LABELS = ["co", "hoan thanh"];
const NO_LABELS = ["khong", "chua", "chua co"];

/**
 * An enum row's word: its own label ("Phát phiếu", "2 cấp", also "Có (1)", "1 - Có", "Có = 1"), else a yes/no word
 * mapped to the label that means it ("Đã" -> "Hoàn thành", "x" -> "Có"). `loose` when it was not the label itself.
 */
function enumWord(
  t: string,
  codes: { code: number; label: string }[]
): { code: number; word: string; loose: boolean } | undefined {
  const f = fold(t);
  if (!f) return undefined;
  for (const c of codes) {
    const l = fold(c.label);
    const n = String(c.code);
    if (f === l || f === `${l} ${n}` || f === `${n} ${l}`) return { code: c.code, word: t, loose: false };
  }
  const pick = (labels: string[]) => {
    for (const l of labels) {
      const c = codes.find((x) => fold(x.label) === l);
      if (c) return c.code;
    }
    return undefined;
  };
  const yes = YES_WORDS.has(f) ? pick(YES_LABELS) : undefined;
  if (yes !== undefined) return { code: yes, word: t, loose: !codes.some((c) => fold(c.label) === f) };
  const no = NO_WORDS.has(f) ? pick(NO_LABELS) : undefined;
  if (no !== undefined) return { code: no, word: t, loose: !codes.some((c) => fold(c.label) === f) };
  return undefined;
}

/** Unit words a count may be typed with (folded), besides the row's own unit. */
const COUNT_UNITS = [
  "van ban",
  "vb",
  "cuoc",
  "ho so",
  "thu tuc",
  "tthc",
  "nguoi",
  "don vi",
  "co quan",
  "co quan don vi",
  "nhiem vu",
  "van de",
  "pakn",
  "dvc",
  "dich vu",
  "luot",
  "lop",
  "buoi",
  "dot",
  "tin",
  "bai",
  "tin bai",
  "ban",
  "to chuc",
  "cong chuc",
  "vien chuc",
  "can bo",
  "xa",
  "phuong",
  "thi tran",
  "phong",
  "so",
  "nganh",
  "phieu",
  "y kien",
  "kien nghi",
  "phan anh",
  "cuoc kiem tra",
  "ho",
  "quyet dinh",
  "ke hoach",
  "de an",
  "mo hinh",
  "sang kien",
];

/** Money units and their factor to the forms' "Triệu đồng". */
const MONEY_UNITS: [string, number][] = [
  ["trieu dong", 1],
  ["trieu", 1],
  ["tr", 1],
  ["trd", 1],
  ["ty dong", 1000],
  ["ty", 1000],
  ["nghin dong", 0.001],
  ["ngan dong", 0.001],
  ["dong", 0.000001],
  ["d", 0.000001],
  ["vnd", 0.000001],
];

/**
 * A figure typed with its unit ("25 văn bản", "12 TTHC", "1.200 hồ sơ", "3.523.681.000 đồng"): the number is
 * read when the words are the row's unit or a unit of its kind. Money in đồng or tỷ đồng is converted to the forms'
 * triệu đồng (reading "money-unit", shown to the user as an information).
 */
function withUnit(
  t: string,
  kind: Kind,
  hints: ValueHints | undefined
): { value: ParsedValue; unit: string; extra: Partial<ParsedValue> } | undefined {
  const m = /^([-+]?[\d.,\s\u00a0\u202f]*\d\s*%?)\s*([^\d].*)$/u.exec(t);
  if (!m) return undefined;
  const num = m[1].trim();
  const unit = m[2].trim().replace(/[.;:]$/, "");
  const u = fold(unit);
  if (!u) return undefined;
  const own = [hints?.unit, ...(hints?.unitVariants ?? [])].filter((x): x is string => !!x).map(fold);
  if (kind === "money") {
    const mu = MONEY_UNITS.find(([w]) => w === u);
    if (!mu) return undefined;
    const v = parseInner(num, kind);
    if (v.state !== "value" || typeof v.number !== "number") return { value: v, unit, extra: {} };
    if (mu[1] === 1) return { value: v, unit, extra: {} };
    const n = Number((v.number * mu[1]).toPrecision(15));
    return { value: { ...v, number: n }, unit, extra: { reading: "money-unit" } };
  }
  const ok =
    own.includes(u) ||
    (kind === "count" && COUNT_UNITS.includes(u)) ||
    (kind === "percent" && (u === "%" || u === "phan tram"));
  if (!ok) return undefined;
  const v = parseInner(num, kind);
  return { value: v, unit, extra: {} };
}

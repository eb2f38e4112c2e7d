/**
 * Reporting periods per Công văn 581/BNV-CCHC: quý I, 6 tháng, quý III (not cumulative), năm.
 * Figures are counted from the 15th of the month before the period starts to the 14th of its last
 * month, and the report is due on the 20th.
 */
import type { Period, PeriodKind } from "./types";
import { foldVi } from "./fold";

export const PERIOD_KINDS: PeriodKind[] = ["Q1", "6T", "Q3", "N"];

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= 2000 && y <= 2100;
}

/**
 * Reads a period from a code ("Q1-2023", "6T-2023", "Q3-2023", "N-2023") or Vietnamese words
 * ("quý I 2023", "Quý I/2023", "6 tháng đầu năm 2023", "năm 2023"). Undefined when not recognised.
 */
export function parsePeriod(text: unknown): Period | undefined {
  if (typeof text !== "string") return undefined;
  const s = text.trim();
  const code = /^(Q1|6T|Q3|N)-(\d{4})$/i.exec(s);
  if (code) {
    const kind = code[1].toUpperCase() as PeriodKind;
    const year = Number(code[2]);
    return validYear(year) ? { kind, year } : undefined;
  }
  return findPeriod(s, true);
}

/** The period named by words in folded text (no diacritics, lower case); the old single-pattern reading. */
function periodInWords(f: string, whole: boolean): Period | undefined {
  const y = "(?:nam\\s*)?[/\\-\\s]?\\s*(\\d{4})";
  const patterns: [PeriodKind, RegExp][] = [
    ["Q1", new RegExp(`quy\\s*(?:i|1|mot)(?![iv\\d])\\s*${y}`)],
    ["Q3", new RegExp(`quy\\s*(?:iii|3|ba)(?![iv\\d])\\s*${y}`)],
    ["6T", new RegExp(`(?:06|6|sau)\\s*thang(?:\\s*dau)?\\s*${y}`)],
    ["N", new RegExp(`(?:^|[^\\w])(?:ca\\s*)?nam\\s*(\\d{4})`)],
  ];
  for (const [kind, re] of patterns) {
    const m = re.exec(f);
    if (!m) continue;
    const year = Number(m[1]);
    if (!validYear(year)) continue;
    if (whole) {
      const rest = f.replace(m[0], "").replace(/[\s().,:;/-]/g, "");
      if (rest !== "" && !/^(bao ?cao|ky|kybaocao)$/.test(rest)) continue;
    }
    if (kind === "N") {
      const before = f.slice(0, f.indexOf("nam", m.index));
      // "quý II năm 2023", "9 tháng đầu năm 2023", "6 tháng cuối năm 2023": a period the system does not have
      if (/(?:quy\s*[ivx\d]+|thang(?:\s*(?:dau|cuoi))?|thang\s*\d{1,2})\s*$/.test(before)) continue;
    }
    return { kind, year };
  }
  return undefined;
}

/**
 * The period kind named without its year ("(số liệu 6 tháng đầu năm)", "quý I"); "other" for quý II/IV,
 * 9 tháng; undefined when none or when several are listed ("kỳ báo cáo hàng quý, 6 tháng, năm").
 */
function kindInWords(f: string): PeriodKind | "other" | undefined {
  if (/\bhang\s*quy\b/.test(f)) return undefined;
  const kinds = new Set<PeriodKind | "other">();
  if (/\bquy\s*(?:ii|2|hai|iv|4|bon)(?![iv\d])/.test(f)) kinds.add("other");
  if (/(?:^|[^\d])(?:0?9|chin)\s*thang/.test(f) || /(?:0?6|sau)\s*thang\s*cuoi/.test(f)) kinds.add("other");
  if (/\bquy\s*(?:iii|3|ba)(?![iv\d])/.test(f)) kinds.add("Q3");
  if (/\bquy\s*(?:i|1|mot)(?![iv\d])/.test(f)) kinds.add("Q1");
  if (/(?:^|[^\d])(?:0?6|sau)\s*thang(?!\s*cuoi)/.test(f)) kinds.add("6T");
  if (/\bca\s*nam\b/.test(f)) kinds.add("N");
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

/** One date: "15/12/2022", "15.12.2022", "15-12-2022", "ngày 15 tháng 12 năm 2022" (folded text). */
const DATE =
  "(?:ngay\\s*)?(?:(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})|(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*(?:nam\\s*)?(\\d{4}))";
const WINDOW = new RegExp(`(?:tu\\s*)?${DATE}\\s*(?:den|toi|\\-|\u2013|\u2014|~)\\s*(?:het\\s*)?${DATE}`, "g");

function dayOf(m: RegExpExecArray, k: number): Day | undefined {
  const d = Number(m[k] ?? m[k + 3]);
  const mo = Number(m[k + 1] ?? m[k + 4]);
  const y = Number(m[k + 2] ?? m[k + 5]);
  if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return { y, m: mo, d };
}

/**
 * The period of a counting window: Công văn 581's (15th of the month before → 14th of the last month) or the
 * calendar one (1st → last day). "other" for a window of no period of the system (9 months, one month).
 */
function windowPeriod(a: Day, b: Day): Period | "other" {
  const yearStart = (a.m === 12 && a.d === 15 && a.y === b.y - 1) || (a.m === 1 && a.d === 1 && a.y === b.y);
  const q3Start = a.y === b.y && ((a.m === 6 && a.d === 15) || (a.m === 7 && a.d === 1));
  const lastDay = new Date(Date.UTC(b.y, b.m, 0)).getUTCDate();
  const end = (month: number) => b.m === month && (b.d === 14 || b.d === lastDay);
  if (yearStart && end(3)) return { kind: "Q1", year: b.y };
  if (yearStart && end(6)) return { kind: "6T", year: b.y };
  if (q3Start && end(9)) return { kind: "Q3", year: b.y };
  if (yearStart && end(12)) return { kind: "N", year: b.y };
  return "other";
}

/** Dates that are not a window (the report's date line "Tân Lập, ngày 10 tháng 6 năm 2023"), blanked out. */
function withoutDates(f: string): string {
  return f
    .replace(/ngay\s*[\d.\u2026_\s]*thang\s*[\d.\u2026_\s]*nam\s*\d{4}/g, " ")
    .replace(/(?:ngay\s*)?[\d.\u2026_\s]{0,3}[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g, " ");
}

/**
 * Finds a period inside a longer text such as a report title ("THỐNG KÊ ... 6 THÁNG ĐẦU NĂM 2023").
 * With `whole`, the text must be only the period.
 *
 * Besides the words ("QUÝ I NĂM 2023", "quý III/2023", "6 tháng năm 2023", "NĂM 2023"), a counting window
 * written as dates decides ("từ 15/12/2022 đến 14/6/2023" = 6 tháng 2023, calendar windows too), and a
 * precision in brackets overrides the words outside ("NĂM 2023 (SỐ LIỆU 6 THÁNG ĐẦU NĂM)" = 6 tháng 2023).
 * A single date (the report's date line "ngày 10 tháng 6 năm 2023", "ngày 16/3/2023") is no period.
 * Periods the system does not have (quý II, quý IV, 9 tháng, a 9-month window) give undefined: none is invented.
 */
export function findPeriod(text: unknown, whole = false): Period | undefined {
  if (typeof text !== "string") return undefined;
  const f = foldVi(text.normalize("NFC")).replace(/\s+/g, " ").trim();
  if (whole) return periodInWords(f, true);
  let w: RegExpExecArray | null;
  WINDOW.lastIndex = 0;
  while ((w = WINDOW.exec(f))) {
    const a = dayOf(w, 1);
    const b = dayOf(w, 7);
    if (!a || !b) continue;
    const p = windowPeriod(a, b);
    return p === "other" ? undefined : p;
  }
  const g = withoutDates(f);
  const outside = g.replace(/\([^()]*\)?/g, " ");
  const base = periodInWords(outside, false);
  for (const b of g.match(/\([^()]*\)?/g) ?? []) {
    const full = periodInWords(b, false);
    if (full) return full;
    const kind = kindInWords(b);
    if (kind === "other") return undefined;
    if (kind) {
      const year = base?.year ?? yearIn(outside);
      return year !== undefined ? { kind, year } : base;
    }
  }
  return base;
}

/** A year written in folded text ("nam 2023", "/2023"), not part of a date. */
function yearIn(f: string): number | undefined {
  const m = /(?:^|[^\d/.-])(20\d\d)(?!\d)/.exec(f);
  return m && validYear(Number(m[1])) ? Number(m[1]) : undefined;
}

/**
 * The period kind named without a year in a short text (a sheet name "BM quy 1", "6 thang", "Q3"), with the
 * year when one is written ("6 thang 2023"). Undefined when none; "other" for quý II/IV, 9 tháng.
 */
export function periodHint(text: unknown): { kind: PeriodKind | "other"; year?: number } | undefined {
  if (typeof text !== "string") return undefined;
  const f = foldVi(text.normalize("NFC"))
    .replace(/[_\s]+/g, " ")
    .trim();
  const full = findPeriod(text);
  if (full) return full;
  const code = /(?:^|[^a-z0-9])(q\s*[1-4]|0?6\s*t|n)(?:[\s\-/._]*(20\d\d))?(?![a-z0-9])/.exec(f);
  let kind: PeriodKind | "other" | undefined = kindInWords(f);
  let year = yearIn(f);
  if (!kind && code) {
    const c = code[1].replace(/\s/g, "");
    kind =
      c === "q1"
        ? "Q1"
        : c === "q3"
          ? "Q3"
          : /^0?6t$/.test(c)
            ? "6T"
            : c === "n"
              ? code[2]
                ? "N"
                : undefined
              : "other";
    if (code[2]) year = Number(code[2]);
  }
  if (!kind && /(?:^|\s)nam(?:\s|$)/.test(f) && year !== undefined) kind = "N";
  if (!kind) return undefined;
  return year !== undefined && validYear(year) ? { kind, year } : { kind };
}

/** Order of the periods in time (by the last day counted). */
export function periodOrder(p: { kind: PeriodKind; year: number }): number {
  return p.year * 10 + PERIOD_KINDS.indexOf(p.kind);
}

/** "Q1-2023", "6T-2023", "Q3-2023", "N-2023". */
export function periodCode(p: Period): string {
  return `${p.kind}-${p.year}`;
}

/** ISO date "YYYY-MM-DD". */
function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export interface PeriodWindow {
  /** First day counted, ISO date. */
  from: string;
  /** Last day counted, ISO date. */
  to: string;
  /** The day the report is due, ISO date. */
  deadline: string;
}

/** The counting window and the deadline (Công văn 581/BNV-CCHC). */
export function periodWindow(p: Period): PeriodWindow {
  const y = p.year;
  switch (p.kind) {
    case "Q1":
      return { from: iso(y - 1, 12, 15), to: iso(y, 3, 14), deadline: iso(y, 3, 20) };
    case "6T":
      return { from: iso(y - 1, 12, 15), to: iso(y, 6, 14), deadline: iso(y, 6, 20) };
    case "Q3":
      return { from: iso(y, 6, 15), to: iso(y, 9, 14), deadline: iso(y, 9, 20) };
    case "N":
    default:
      return { from: iso(y - 1, 12, 15), to: iso(y, 12, 14), deadline: iso(y, 12, 20) };
  }
}

/** "15/12/2022" from an ISO date. */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d}/${m}/${y}`;
}

export interface Lateness {
  deadline: string;
  /** Days after the deadline (0 when on time or early). */
  daysLate: number;
  late: boolean;
}

function toUtcDay(d: Date | string): number | undefined {
  if (d instanceof Date) {
    if (isNaN(d.getTime())) return undefined;
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const v = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d.trim());
  if (v) return Date.UTC(Number(v[3]), Number(v[2]) - 1, Number(v[1]));
  return undefined;
}

/** How late a report received on `received` (a Date, "YYYY-MM-DD" or "d/m/yyyy") is; undefined for a bad date. */
export function lateness(p: Period, received: Date | string): Lateness | undefined {
  const w = periodWindow(p);
  const r = toUtcDay(received);
  const dl = toUtcDay(w.deadline);
  if (r === undefined || dl === undefined) return undefined;
  const days = Math.round((r - dl) / 86400000);
  return { deadline: w.deadline, daysLate: Math.max(0, days), late: days > 0 };
}

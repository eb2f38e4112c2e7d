/**
 * Reporting periods per Công văn 581/BNV-CCHC: quý I, 6 tháng, quý III (not cumulative), năm.
 * Figures are counted from the 15th of the month before the period starts to the 14th of its last
 * month, and the report is due on the 20th.
 */
import type { Period, PeriodKind } from "./types";
import { periodText } from "../i18n/engine";

export const PERIOD_KINDS: PeriodKind[] = ["Q1", "6T", "Q3", "N"];

function foldVi(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

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

/**
 * Finds a period inside a longer text such as a report title ("THỐNG KÊ ... 6 THÁNG ĐẦU NĂM 2023").
 * With `whole`, the text must be only the period.
 */
export function findPeriod(text: unknown, whole = false): Period | undefined {
  if (typeof text !== "string") return undefined;
  const f = foldVi(text.normalize("NFC")).replace(/\s+/g, " ").trim();
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
      if (/(?:quy\s*[ivx\d]+|thang(?:\s*dau)?|thang\s*\d{1,2})\s*$/.test(before)) continue;
    }
    return { kind, year };
  }
  return undefined;
}

/** "Q1-2023", "6T-2023", "Q3-2023", "N-2023". */
export function periodCode(p: Period): string {
  return `${p.kind}-${p.year}`;
}

/** "Quý I năm 2023", "6 tháng đầu năm 2023", "Quý III năm 2023", "Năm 2023". */
export function periodLabel(p: Period): string {
  return periodText.label(p.kind, p.year);
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

/** The line under a form's title: period and counting window. */
export function periodHeaderText(p: Period): string {
  const w = periodWindow(p);
  return periodText.header(periodLabel(p), viDate(w.from), viDate(w.to));
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

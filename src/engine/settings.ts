/**
 * The one reader and the one writer of what the settings sheet (SETTINGS_SHEET) holds: the workbook
 * settings the user picked (level, period, unit, version), the pre-send stamp and the figures of the earlier
 * reports the live check compares with (what "So với kỳ trước" remembers). Used by the reader
 * (hints for a hand-made layout), by the layout (what an insert remembers) and, through src/app/settings.ts,
 * by every shell. Never throws: damaged or foreign text reads as nothing.
 *
 * Accepted on reading: the period as an object {kind, year} (what this project writes) or as a code
 * ("6T-2023", what a hand-edited or older settings sheet may carry); an unknown version is left out
 * (the complete settings fall back to the default version).
 */
import { DEFAULT_VERSION, indicatorById, isLevel, VERSION_IDS } from "../catalog";
import type { WorkbookSettings } from "./conventions";
import { parsePeriod, periodCode, periodWindow, PERIOD_KINDS } from "./period";
import type { Level, Period, Stamp } from "./types";

export { PERIOD_KINDS };

/** Longest unit name kept (the pane's input has the same limit). */
export const UNIT_MAX = 200;

export function isValidYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= 2000 && y <= 2100;
}

export function defaultSettings(now: Date = new Date()): WorkbookSettings {
  return { level: "tinh", period: { kind: "N", year: now.getFullYear() }, unit: "", version: DEFAULT_VERSION };
}

function jsonObject(raw: string | undefined): Record<string, unknown> | undefined {
  if (typeof raw !== "string" || raw === "") return undefined;
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch {
    return undefined; // damaged JSON reads as nothing
  }
  return o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>) : undefined;
}

function periodOf(v: unknown): Period | undefined {
  if (typeof v === "string") return parsePeriod(v);
  if (v && typeof v === "object") {
    const p = v as Record<string, unknown>;
    if (typeof p.kind === "string" && isValidYear(p.year)) return parsePeriod(`${p.kind}-${p.year}`);
  }
  return undefined;
}

/** Every field of the stored settings that reads as valid, each on its own (the reader's hints). */
export function readSettings(raw: string | undefined): Partial<WorkbookSettings> {
  const s = jsonObject(raw);
  const out: Partial<WorkbookSettings> = {};
  if (!s) return out;
  if (typeof s.level === "string" && isLevel(s.level)) out.level = s.level;
  const period = periodOf(s.period);
  if (period) out.period = period;
  if (typeof s.unit === "string" && s.unit.trim()) out.unit = s.unit.trim().slice(0, UNIT_MAX);
  if (typeof s.version === "string" && VERSION_IDS.includes(s.version)) out.version = s.version;
  return out;
}

/** The complete settings (a shell pre-fills its form with them); undefined without a level and a period. */
export function parseSettings(raw: string | undefined): WorkbookSettings | undefined {
  const s = readSettings(raw);
  if (!s.level || !s.period) return undefined;
  return { level: s.level, period: s.period, unit: s.unit ?? "", version: s.version ?? DEFAULT_VERSION };
}

/** What the settings sheet stores (the period as an object, the unit trimmed). */
export function serializeSettings(s: WorkbookSettings): string {
  return JSON.stringify({
    level: s.level,
    period: { kind: s.period.kind, year: s.period.year },
    unit: s.unit.trim().slice(0, UNIT_MAX),
    version: s.version,
  });
}

/** The pre-send stamp; undefined unless it carries a fingerprint. */
export function parseStamp(raw: string | undefined): Stamp | undefined {
  const s = jsonObject(raw);
  if (!s || typeof s.fingerprint !== "string" || s.fingerprint === "") return undefined;
  return { at: String(s.at ?? ""), by: String(s.by ?? ""), fingerprint: s.fingerprint };
}

export function serializeStamp(s: Stamp): string {
  return JSON.stringify({ at: s.at, by: s.by, fingerprint: s.fingerprint });
}

// ---------------------------------------------------------------- the earlier reports' figures

/**
 * An earlier report of the same unit, as remembered for the comparison across periods: who, which period,
 * which file, and its figures (only the rows that compare over time; a row it had without a figure is in
 * `blank`, never a zero).
 */
export interface EarlierFigures {
  file: string;
  unit?: string;
  level?: Level;
  period: Period;
  values: Record<string, number>;
  blank: string[];
}

/** At most this many earlier reports are remembered (a year's quarters and halves, last year's). */
export const EARLIER_MAX = 8;
/** The longest text a settings cell takes (Excel's cell limit, less one). */
export const SETTINGS_VALUE_MAX = 32766;
const FILE_MAX = 255;

function earlierOne(o: unknown): EarlierFigures | undefined {
  if (!o || typeof o !== "object" || Array.isArray(o)) return undefined;
  const r = o as Record<string, unknown>;
  const period = periodOf(r.period);
  if (typeof r.file !== "string" || !r.file.trim() || !period) return undefined;
  const values: Record<string, number> = {};
  if (r.values && typeof r.values === "object" && !Array.isArray(r.values))
    for (const [id, v] of Object.entries(r.values as Record<string, unknown>))
      if (indicatorById(id) && typeof v === "number" && Number.isFinite(v)) values[id] = v;
  const blank = Array.isArray(r.blank)
    ? r.blank.filter((id): id is string => typeof id === "string" && indicatorById(id) !== undefined && !(id in values))
    : [];
  return {
    file: r.file.trim().slice(0, FILE_MAX),
    ...(typeof r.unit === "string" && r.unit.trim() ? { unit: r.unit.trim().slice(0, UNIT_MAX) } : {}),
    ...(typeof r.level === "string" && isLevel(r.level) ? { level: r.level } : {}),
    period,
    values,
    blank,
  };
}

/** The earlier reports remembered in the settings sheet; damaged or foreign text (or entries) read as none. */
export function parseEarlier(raw: string | undefined): EarlierFigures[] {
  const s = jsonObject(raw);
  if (!s || s.v !== 1 || !Array.isArray(s.reports)) return [];
  const out: EarlierFigures[] = [];
  for (const o of s.reports.slice(0, EARLIER_MAX)) {
    const e = earlierOne(o);
    if (e) out.push(e);
  }
  return out;
}

/**
 * What the settings sheet stores of the earlier reports: one per period (a later entry of the same period
 * replaces an earlier one), the latest periods kept when there are more than EARLIER_MAX or the text would
 * not fit a cell. `kept` says which were.
 */
export function serializeEarlier(list: EarlierFigures[]): { text: string; kept: EarlierFigures[] } {
  const byPeriod = new Map<string, EarlierFigures>();
  for (const e of list) byPeriod.set(periodCode(e.period), e);
  let kept = [...byPeriod.values()]
    .sort((a, b) => (periodWindow(b.period).to < periodWindow(a.period).to ? -1 : 1))
    .slice(0, EARLIER_MAX);
  const text = (l: EarlierFigures[]) =>
    JSON.stringify({
      v: 1,
      reports: l.map((e) => ({
        file: e.file,
        ...(e.unit ? { unit: e.unit } : {}),
        ...(e.level ? { level: e.level } : {}),
        period: periodCode(e.period),
        values: e.values,
        blank: e.blank,
      })),
    });
  while (kept.length > 0 && text(kept).length > SETTINGS_VALUE_MAX) kept = kept.slice(0, -1);
  return { text: text(kept), kept };
}

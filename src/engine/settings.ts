/**
 * The one reader and the one writer of what the settings sheet (SETTINGS_SHEET) holds: the workbook
 * settings the user picked (level, period, unit, version) and the pre-send stamp. Used by the reader
 * (hints for a hand-made layout), by the layout (what an insert remembers) and, through src/app/settings.ts,
 * by every shell. Never throws: damaged or foreign text reads as nothing.
 *
 * Accepted on reading: the period as an object {kind, year} (what this project writes) or as a code
 * ("6T-2023", what a hand-edited or older settings sheet may carry); an unknown version is left out
 * (the complete settings fall back to the default version).
 */
import { DEFAULT_VERSION, isLevel, VERSION_IDS } from "../catalog";
import type { WorkbookSettings } from "./conventions";
import { parsePeriod, PERIOD_KINDS } from "./period";
import type { Period, Stamp } from "./types";

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

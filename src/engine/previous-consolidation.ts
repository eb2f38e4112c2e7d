/**
 * The previous period's consolidation, for comparing a new one with it: the "Tổng hợp" tab this project
 * wrote last period (read back from its grid: the hidden id column, the unit columns, the total column), and
 * the list "old unit → new unit" of the 2025 reform (communes merged, districts abolished) that carries the
 * previous figures of merged units onto the new one. Units that reported before but are missing now are
 * named. Pure.
 */
import { foldName } from "./consolidate";
import type { Consolidation } from "./consolidate";
import { CONS_COL, CONS_HEADER_ROW, decodeMeta } from "./conventions";
import { parsePeriod, periodWindow } from "./period";
import type { GridSheet, GridValue, Level, Period } from "./types";

/** A unit's name for matching across periods: folded, without a leading "UBND"/"Ủy ban nhân dân". */
const key = (s: string): string => foldName(s).replace(/^(ubnd|uy ban nhan dan)\s+/, "");

export interface PreviousConsolidation {
  sheet: string;
  unit?: string;
  level?: Level;
  period?: Period;
  /** The previous tab's unit columns: unit name → indicator id → figure. */
  units: Map<string, Map<string, number>>;
  /** The previous tab's totals (column "Tổng hợp"). */
  totals: Map<string, number>;
}

function at(sh: GridSheet, row: number, col: number): GridValue {
  const o = sh.origin ?? { row: 1, col: 1 };
  const v = sh.values[row - o.row]?.[col - o.col];
  return v === undefined ? null : v;
}

const asNumber = (v: GridValue): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Finds and reads the Tổng hợp tab among a workbook's sheets; undefined when there is none. */
export function readPreviousConsolidation(sheets: GridSheet[]): PreviousConsolidation | undefined {
  for (const sh of sheets) {
    const meta = decodeMeta(at(sh, 1, CONS_COL.id));
    if (!meta || meta.kind !== "consolidated") continue;
    // the Tổng hợp tab (not the appendix or the status tab): STT and the total column head its header row
    if (String(at(sh, CONS_HEADER_ROW, CONS_COL.code) ?? "").trim() !== "STT") continue;
    const headTotal = String(at(sh, CONS_HEADER_ROW, CONS_COL.total) ?? "");
    if (!/tổng hợp/i.test(headTotal.normalize("NFC"))) continue;
    const width = Math.max(0, ...sh.values.map((r) => r?.length ?? 0)) + (sh.origin?.col ?? 1) - 1;
    const unitCols: { col: number; name: string }[] = [];
    // a tab compared with its own previous period has the comparison columns before the units (meta.firstUnit)
    const first =
      typeof meta.firstUnit === "number" && meta.firstUnit > CONS_COL.flags ? meta.firstUnit : CONS_COL.firstUnit;
    for (let c = first; c <= width; c++) {
      const name = String(at(sh, CONS_HEADER_ROW, c) ?? "").trim();
      if (name) unitCols.push({ col: c, name });
    }
    const units = new Map<string, Map<string, number>>(unitCols.map((u) => [u.name, new Map()]));
    const totals = new Map<string, number>();
    const last = (sh.origin?.row ?? 1) + sh.values.length - 1;
    for (let r = CONS_HEADER_ROW + 1; r <= last; r++) {
      const id = String(at(sh, r, CONS_COL.id) ?? "").trim();
      if (!/^bm[1-7]:/.test(id)) continue;
      // a figure typed in "Điều chỉnh" corrected that period's total
      const t = asNumber(at(sh, r, CONS_COL.override)) ?? asNumber(at(sh, r, CONS_COL.total));
      if (t !== undefined) totals.set(id, t);
      for (const u of unitCols) {
        const v = asNumber(at(sh, r, u.col));
        if (v !== undefined) units.get(u.name)!.set(id, v);
      }
    }
    return {
      sheet: sh.name,
      unit: meta.unit,
      level: meta.level as Level,
      period: parsePeriod(meta.period),
      units,
      totals,
    };
  }
  return undefined;
}

/**
 * "Old unit → new unit" lines: "Xã An Bình → Xã Tân Lập", with →, ->, =>, a tab or ";" between the names;
 * blank lines and lines starting with # are skipped. Returns old name (folded, no "UBND") → new name, and
 * the lines that could not be read (no two names, or an old unit sent to two different new ones).
 */
export function parseUnitsMap(text: string): { map: Map<string, string>; bad: string[] } {
  const map = new Map<string, string>();
  const bad: string[] = [];
  for (const raw of String(text ?? "").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const parts = line.split(/\s*(?:→|->|=>|\t|;)\s*/).filter((p) => p.trim() !== "");
    if (parts.length !== 2) {
      bad.push(line);
      continue;
    }
    const k = key(parts[0]);
    const to = parts[1].trim();
    if (map.has(k) && key(map.get(k)!) !== key(to)) {
      bad.push(line);
      continue;
    }
    map.set(k, to);
  }
  return { map, bad };
}

export interface PreviousComparison {
  /** Indicator id → the previous figure of the units counted now (merged units summed onto the new one). */
  previous: Map<string, number>;
  /** Per counted unit now (by name): indicator id → its previous figure, with the old units it comes from. */
  byUnit: Map<string, { values: Map<string, number>; from: string[] }>;
  /** Units in the previous consolidation that report nothing now (neither themselves nor a successor). */
  missingNow: string[];
}

/** Carries the previous figures onto the units of the new consolidation, through the old → new map. */
export function comparePrevious(
  c: Consolidation,
  prev: PreviousConsolidation,
  unitsMap: Map<string, string> = new Map()
): PreviousComparison {
  const nowNames = new Map(c.counted.map((ui) => [key(c.units[ui].unit), c.units[ui].unit]));
  const byUnit = new Map<string, { values: Map<string, number>; from: string[] }>();
  const missingNow: string[] = [];
  for (const [oldName, values] of prev.units) {
    const mapped = unitsMap.get(key(oldName));
    const target = nowNames.get(key(mapped ?? oldName));
    if (!target) {
      missingNow.push(oldName);
      continue;
    }
    let e = byUnit.get(target);
    if (!e) byUnit.set(target, (e = { values: new Map(), from: [] }));
    e.from.push(oldName);
    for (const [id, v] of values) e.values.set(id, (e.values.get(id) ?? 0) + v);
  }
  const previous = new Map<string, number>();
  for (const e of byUnit.values()) for (const [id, v] of e.values) previous.set(id, (previous.get(id) ?? 0) + v);
  return { previous, byUnit, missingNow };
}

/**
 * The previous figure of every row of the new consolidation, like for like: summed rows add the previous
 * figures of the units counted now (merged units onto their successor), rates are recomputed from those
 * previous parts (never an average), other rows take the previous tab's total.
 */
export function previousTotals(
  c: Consolidation,
  prev: PreviousConsolidation,
  cmp: PreviousComparison
): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of c.rows)
    if (t.rule === "sum" && cmp.previous.has(t.indicatorId)) out.set(t.indicatorId, cmp.previous.get(t.indicatorId)!);
  for (const t of c.rows) {
    if (t.rule === "ratio" && t.parts) {
      const n = out.get(t.parts.numerator);
      const d = out.get(t.parts.denominator);
      if (n !== undefined && d !== undefined && d !== 0) out.set(t.indicatorId, Math.round((n / d) * 10000) / 100);
    } else if (t.rule !== "sum" && t.kind !== "section" && prev.totals.has(t.indicatorId))
      out.set(t.indicatorId, prev.totals.get(t.indicatorId)!);
  }
  return out;
}

// ---------------------------------------------------------------- the comparison a consolidation carries

/** Why a file cannot serve as the previous period of a consolidation. */
export type PreviousRefusal = "not-consolidation" | "no-period" | "other-level" | "same-period" | "later-period";

/** What the Tổng hợp tab and the status tab show of the previous period. */
export interface PreviousColumn {
  file: string;
  period: Period;
  /** The unit that consolidated the previous period. */
  unit?: string;
  /** Indicator id → the previous figure, like for like (the units counted now; merged units summed). */
  values: Map<string, number>;
  /** Units of the previous consolidation that report nothing now (neither themselves nor a successor). */
  missingNow: string[];
  /** Units counted now whose previous figure sums other-named old units (the 2025 mergers). */
  merged: { unit: string; from: string[] }[];
  /** Units counted now with no previous figure (new, or not in the previous consolidation). */
  noPrevious: string[];
  /** Set when the previous consolidation was made for another unit than this one (named; still compared). */
  otherUnit?: string;
}

/** The engine's answer: the column, or why not with what the refusal names (worded at the edge). */
export type PreviousCheck =
  | { ok: true; column: PreviousColumn }
  | { ok: false; file: string; reason: PreviousRefusal; previous: { level?: Level; period?: Period } };

/** The answer as the shells and the layout take it: a refusal carries its Vietnamese line (worded by src/app). */
export type PreviousOutcome =
  | { ok: true; column: PreviousColumn }
  | { ok: false; file: string; reason: PreviousRefusal | "unreadable"; message: string };

/**
 * The previous period's column for a consolidation, from the previous file's sheets: refused when the file
 * holds no Tổng hợp tab, is of another level, or of the same or a later period.
 */
export function previousColumn(
  c: Consolidation,
  file: string,
  sheets: GridSheet[],
  unitsMap: Map<string, string> = new Map()
): PreviousCheck {
  const prev = readPreviousConsolidation(sheets);
  const no = (reason: PreviousRefusal): PreviousCheck => ({
    ok: false,
    file,
    reason,
    previous: { level: prev?.level, period: prev?.period },
  });
  if (!prev) return no("not-consolidation");
  if (prev.level && prev.level !== c.level) return no("other-level");
  const p = prev.period;
  if (!p) return no("no-period");
  if (p.kind === c.period.kind && p.year === c.period.year) return no("same-period");
  if (periodWindow(p).to >= periodWindow(c.period).to) return no("later-period");
  const cmp = comparePrevious(c, prev, unitsMap);
  const merged: PreviousColumn["merged"] = [];
  for (const [unit, e] of cmp.byUnit)
    if (e.from.length > 1 || key(e.from[0]) !== key(unit)) merged.push({ unit, from: e.from });
  const noPrevious = c.counted.map((ui) => c.units[ui].unit).filter((u) => !cmp.byUnit.has(u));
  return {
    ok: true,
    column: {
      file,
      period: p,
      unit: prev.unit,
      values: previousTotals(c, prev, cmp),
      missingNow: cmp.missingNow,
      merged,
      noPrevious,
      ...(prev.unit && key(prev.unit) !== key(c.unit) ? { otherUnit: prev.unit } : {}),
    },
  };
}

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
import { parsePeriod } from "./period";
import type { GridSheet, GridValue, Level, Period } from "./types";

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
    for (let c = CONS_COL.firstUnit; c <= width; c++) {
      const name = String(at(sh, CONS_HEADER_ROW, c) ?? "").trim();
      if (name) unitCols.push({ col: c, name });
    }
    const units = new Map<string, Map<string, number>>(unitCols.map((u) => [u.name, new Map()]));
    const totals = new Map<string, number>();
    const last = (sh.origin?.row ?? 1) + sh.values.length - 1;
    for (let r = CONS_HEADER_ROW + 1; r <= last; r++) {
      const id = String(at(sh, r, CONS_COL.id) ?? "").trim();
      if (!/^bm[1-7]:/.test(id)) continue;
      const t = asNumber(at(sh, r, CONS_COL.total));
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
 * blank lines and lines starting with # are skipped. Returns folded old name → new name, and the lines that
 * could not be read.
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
    map.set(foldName(parts[0]), parts[1].trim());
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
  const nowNames = new Map(c.counted.map((ui) => [foldName(c.units[ui].unit), c.units[ui].unit]));
  const byUnit = new Map<string, { values: Map<string, number>; from: string[] }>();
  const missingNow: string[] = [];
  for (const [oldName, values] of prev.units) {
    const mapped = unitsMap.get(foldName(oldName));
    const target = nowNames.get(foldName(mapped ?? oldName));
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

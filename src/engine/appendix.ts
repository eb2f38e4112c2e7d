/**
 * The per-unit appendix of a consolidation (as seed 003's Phụ lục I): one row per unit, in the order of the
 * expected list when one is given (units that sent nothing listed as such), then the others; column groups
 * from src/catalog/appendix.json (files settled / on time / on-time rate, online files, disbursement, staff),
 * each figure the sum of the listed rows of the consolidating edition as the unit reported them; the Σ row is
 * the sum of the unit rows and its rates come from the summed parts, never from an average of rates.
 * Also the units to watch: lowest on the key rates, files with errors, units not counted or missing.
 * Pure; the sheet is laid out by spec/appendix-layout.ts.
 */
import { appendixData, AppendixGroup } from "../catalog/appendix";
import type { Consolidation, UnitStatus } from "./consolidate";
import { foldName } from "./consolidate";

export interface AppendixColumn {
  key: string;
  label: string;
  group: AppendixGroup;
  kind: "figure" | "rate";
  /** Rows of the consolidating edition that this figure adds (figure columns). */
  rows: string[];
  numerator?: string;
  denominator?: string;
  watch?: boolean;
}

export type AppendixUnitState = "counted" | "missing" | UnitStatus;

export interface AppendixUnit {
  unit: string;
  state: AppendixUnitState;
  /** Figure and rate per column key; null when the unit gave no figure (never read as zero). */
  values: Record<string, number | null>;
  /** Figure columns where some row could not be read (text, missing) while others could. */
  incomplete: string[];
  errors: number;
}

export type WatchItem =
  | { kind: "low-rate"; unit: string; rate: string; label: string; value: number; total: number }
  | { kind: "errors"; unit: string; errors: number }
  | { kind: "not-counted"; unit: string; state: AppendixUnitState }
  | { kind: "missing"; unit: string };

export interface Appendix {
  columns: AppendixColumn[];
  units: AppendixUnit[];
  /** The Σ row: sums of the counted units' figures, rates from the summed parts. */
  total: Record<string, number | null>;
  watch: WatchItem[];
}

/** How many of the lowest units per key rate are named among the units to watch. */
export const WATCH_LOWEST = 3;

function rate(n: number | null, d: number | null): number | null {
  if (n === null || d === null || d === 0) return null;
  return Math.round((n / d) * 10000) / 100;
}

/** The appendix of a consolidation; `expected` is the list of units that should report, in its order. */
export function buildAppendix(c: Consolidation, expected: string[] = []): Appendix {
  const rowById = new Map(c.rows.map((t) => [t.indicatorId, t]));
  // figure columns keep only the rows the units feed (summed from their files) in this edition
  const columns: AppendixColumn[] = [];
  for (const g of appendixData().groups) {
    const figs: AppendixColumn[] = g.columns.map((col) => ({
      key: col.key,
      label: col.label,
      group: g,
      kind: "figure",
      rows: col.rows.filter((id) => rowById.get(id)?.rule === "sum"),
    }));
    if (figs.every((f) => f.rows.length === 0)) continue;
    columns.push(...figs);
    if (g.rate)
      columns.push({
        key: g.rate.key,
        label: g.rate.label,
        group: g,
        kind: "rate",
        rows: [],
        numerator: g.rate.numerator,
        denominator: g.rate.denominator,
        watch: g.rate.watch,
      });
  }

  const valuesOf = (k: number): { values: Record<string, number | null>; incomplete: string[] } => {
    const values: Record<string, number | null> = {};
    const incomplete: string[] = [];
    for (const col of columns) {
      if (col.kind !== "figure") continue;
      let sum = 0;
      let any = false;
      let gap = false;
      for (const id of col.rows) {
        const cell = rowById.get(id)?.cells[k];
        if (!cell || cell.k === "skip") continue;
        if (cell.k === "n") {
          sum += cell.v;
          any = true;
        } else if (cell.k !== "na") gap = true;
      }
      values[col.key] = any ? sum : null;
      if (any && gap) incomplete.push(col.key);
    }
    for (const col of columns)
      if (col.kind === "rate") values[col.key] = rate(values[col.numerator!] ?? null, values[col.denominator!] ?? null);
    return { values, incomplete };
  };
  const emptyValues = (): Record<string, number | null> => Object.fromEntries(columns.map((col) => [col.key, null]));

  // every file's unit: counted ones with their figures, the others with their status
  const fileUnits: AppendixUnit[] = c.units.map((u, ui) => {
    const k = c.counted.indexOf(ui);
    if (k >= 0) return { unit: u.unit, state: "counted", ...valuesOf(k), errors: u.errors };
    return { unit: u.unit, state: u.status, values: emptyValues(), incomplete: [], errors: u.errors };
  });
  // a duplicate file is not a unit of its own
  const listed = fileUnits.filter((u, i) => c.units[i].status !== "duplicate");
  const units: AppendixUnit[] = [];
  const used = new Set<AppendixUnit>();
  for (const name of expected) {
    const key = foldName(name);
    const hit = listed.find((u) => !used.has(u) && foldName(u.unit) === key);
    if (hit) {
      used.add(hit);
      units.push(hit);
    } else units.push({ unit: name, state: "missing", values: emptyValues(), incomplete: [], errors: 0 });
  }
  for (const u of listed) if (!used.has(u)) units.push(u);

  const counted = units.filter((u) => u.state === "counted");
  const total: Record<string, number | null> = {};
  for (const col of columns) {
    if (col.kind !== "figure") continue;
    const xs = counted.map((u) => u.values[col.key]).filter((v): v is number => v !== null);
    total[col.key] = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) : null;
  }
  for (const col of columns)
    if (col.kind === "rate") total[col.key] = rate(total[col.numerator!] ?? null, total[col.denominator!] ?? null);

  const watch: WatchItem[] = [];
  for (const col of columns) {
    if (col.kind !== "rate" || !col.watch) continue;
    const t = total[col.key];
    if (t === null || t === undefined) continue;
    const low = counted
      .filter((u) => u.values[col.key] !== null && (u.values[col.key] as number) < t)
      .sort((a, b) => (a.values[col.key] as number) - (b.values[col.key] as number))
      .slice(0, WATCH_LOWEST);
    for (const u of low)
      watch.push({
        kind: "low-rate",
        unit: u.unit,
        rate: col.key,
        label: col.label,
        value: u.values[col.key] as number,
        total: t,
      });
  }
  for (const u of units) {
    if (u.state === "missing") watch.push({ kind: "missing", unit: u.unit });
    else if (u.state !== "counted") watch.push({ kind: "not-counted", unit: u.unit, state: u.state });
    else if (u.errors > 0) watch.push({ kind: "errors", unit: u.unit, errors: u.errors });
  }
  return { columns, units, total, watch };
}

/**
 * Small helpers over a Report: creation, lookups, a JSON form (entries is a Map). Cell addresses: ./a1.ts.
 */
import type { ParsedValue, Report, ReportEntry, ReportMeta } from "./types";

export function emptyReport(meta: Partial<ReportMeta> = {}): Report {
  return { meta: { source: "handmade", ...meta }, forms: [], entries: new Map(), unplaced: [] };
}

/** The number an indicator holds, or undefined when it is missing, not applicable, text or an error. */
export function entryNumber(report: Report, id: string): number | undefined {
  const v = report.entries.get(id)?.value;
  return v && v.state === "value" && typeof v.number === "number" ? v.number : undefined;
}

export function entryValue(report: Report, id: string): ParsedValue | undefined {
  return report.entries.get(id)?.value;
}

export interface ReportJSON {
  meta: ReportMeta;
  forms: number[];
  entries: ReportEntry[];
  unplaced: Report["unplaced"];
  stamp?: Report["stamp"];
}

/** A plain-object form of a report (for the CLI's --json output and for messages between pane and worker). */
export function reportToJSON(r: Report): ReportJSON {
  return {
    meta: r.meta,
    forms: r.forms,
    entries: [...r.entries.values()],
    unplaced: r.unplaced,
    ...(r.stamp ? { stamp: r.stamp } : {}),
  };
}

export function reportFromJSON(j: ReportJSON): Report {
  const entries = new Map<string, ReportEntry>();
  for (const e of j.entries ?? []) entries.set(e.indicatorId, e);
  return {
    meta: j.meta ?? { source: "handmade" },
    forms: j.forms ?? [],
    entries,
    unplaced: j.unplaced ?? [],
    ...(j.stamp ? { stamp: j.stamp } : {}),
  };
}

/**
 * Small helpers over a Report. Cell addresses: ./a1.ts.
 */
import type { Report, ReportMeta } from "./types";

export function emptyReport(meta: Partial<ReportMeta> = {}): Report {
  return { meta: { source: "handmade", ...meta }, forms: [], entries: new Map(), unplaced: [] };
}

/** The number an indicator holds, or undefined when it is missing, not applicable, text or an error. */
export function entryNumber(report: Report, id: string): number | undefined {
  const v = report.entries.get(id)?.value;
  return v && v.state === "value" && typeof v.number === "number" ? v.number : undefined;
}

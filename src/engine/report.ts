/**
 * Small helpers over a Report. Cell addresses: ./a1.ts.
 */
import type { Report, ReportMeta } from "./types";

export function emptyReport(meta: Partial<ReportMeta> = {}): Report {
  return { meta: { source: "handmade", ...meta }, forms: [], entries: new Map(), unplaced: [] };
}

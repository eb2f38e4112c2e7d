/**
 * What the React pane shows, as pure functions (no React, no Office): the consolidation tab's arguments. The
 * grouping of findings (src/app/findings.ts) and the use cases themselves (insert, live check, pre-send, fixes,
 * consolidation, settings) are in src/app.
 */
import { parseCell } from "../engine/a1";

// the grouping of findings is shared with the ES5 pane: it lives in src/app (re-exported for the React pane's imports)
export { groupFindings } from "../app/findings";
export type { FindingGroup } from "../app/findings";

/** "D12" → { row: 12, col: 4 }; undefined for anything else. */
export function parseA1(a1: string): { row: number; col: number } | undefined {
  return parseCell(a1);
}

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** Expected units from the textarea: one a line, trimmed, blanks and duplicates dropped. */
export function parseExpectedUnits(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && !out.some((x) => x.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

/**
 * What the panes show, as pure functions (no React, no Office): grouping of findings, the consolidation
 * tab's arguments. The use cases themselves (insert, live check, pre-send, fixes, consolidation, settings)
 * are in src/app.
 */
import { parseCell } from "../engine/a1";
import type { Finding } from "../engine/types";

export interface FindingGroup {
  form: number;
  errors: number;
  warnings: number;
  /** Errors first, then warnings, then information; within each, in row order of the form. */
  items: Finding[];
}

function codeKey(code: string): number[] {
  return code.split(".").map((x) => Number(x) || 0);
}

function compareCodes(a: string, b: string): number {
  const x = codeKey(a);
  const y = codeKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Findings grouped by form (forms in order), errors before warnings. */
const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

export function groupFindings(findings: Finding[]): FindingGroup[] {
  const byForm = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byForm.get(f.form) ?? [];
    list.push(f);
    byForm.set(f.form, list);
  }
  return [...byForm.keys()]
    .sort((a, b) => a - b)
    .map((form) => {
      const items = byForm.get(form)!.slice();
      items.sort((a, b) =>
        a.severity === b.severity ? compareCodes(a.code, b.code) : SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
      );
      return {
        form,
        items,
        errors: items.filter((f) => f.severity === "error").length,
        warnings: items.filter((f) => f.severity === "warning").length,
      };
    });
}

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

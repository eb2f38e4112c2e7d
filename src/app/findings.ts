/**
 * Findings as the shells show them: worded (the message made from the engine's data), and grouped by form (forms in order), errors before warnings before information,
 * and within each in the form's row order (STT "2" before "10"). View-independent, so the React pane and the
 * ES5 pane share it.
 */
import type { Finding } from "../engine/types";
import { findingMessage } from "../i18n/findings";

/**
 * A finding with its Vietnamese message: the engine says what it found as data (`rule`, `args`), the message is
 * made here, at the edge (i18n findingMessage), once per check, for every shell (both panes, the CLI and its
 * `--json`).
 */
export type WordedFinding = Finding & { message: string };

export function wordFinding(f: Finding): WordedFinding {
  return { ...f, message: findingMessage(f) };
}

/** What grouping needs of a finding (the worded findings of check() are findings too). */
type Groupable = Pick<Finding, "form" | "code" | "severity">;

export interface FindingGroup<F extends Groupable = Finding> {
  form: number;
  errors: number;
  warnings: number;
  /** Errors first, then warnings, then information; within each, in row order of the form. */
  items: F[];
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

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by form (forms in order), errors before warnings. */
export function groupFindings<F extends Groupable>(findings: F[]): FindingGroup<F>[] {
  const byForm = new Map<number, F[]>();
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

/**
 * The pre-send verdict: may a checked report be stamped "ready to send"? Only when its check ran to the
 * end (reading and every rule) and found no error. A check that did not complete is its own verdict, so
 * a defect of the add-in can never stamp a file as ready. Pure; the shells write the stamp.
 */
import { fingerprint } from "./fingerprint";
import type { Finding, Report, Stamp } from "./types";

/** What pre-send needs of a validation (validateReport's outcome, or a pane's check result). */
export interface CheckedReport {
  findings: Finding[];
  /** False when reading or a check stopped on a defect (ValidationOutcome.complete). */
  complete: boolean;
}

export type PresendVerdict =
  | { kind: "ready"; warnings: number }
  | { kind: "check-incomplete"; failed: number; errors: number; warnings: number }
  | { kind: "no-forms" }
  | { kind: "not-ready"; errors: number; warnings: number };

export function presendVerdict(report: Report, checked: CheckedReport): PresendVerdict {
  const findings = Array.isArray(checked.findings) ? checked.findings : [];
  let errors = 0;
  let warnings = 0;
  let failed = 0;
  for (const f of findings) {
    if (f.rule === "check-failed") failed++;
    if (f.severity === "error") errors++;
    else warnings++;
  }
  const readFailed = (report.readFailures?.length ?? 0) > 0;
  // anything but an explicit `true` is an incomplete check
  if (checked.complete !== true || failed > 0 || readFailed)
    return { kind: "check-incomplete", failed, errors, warnings };
  if (report.forms.length === 0) return { kind: "no-forms" };
  if (errors > 0) return { kind: "not-ready", errors, warnings };
  return { kind: "ready", warnings };
}

export function canStamp(report: Report, checked: CheckedReport): boolean {
  return presendVerdict(report, checked).kind === "ready";
}

/** Thrown by stampFor when the verdict is not "ready": no stamp exists for such a report. */
export class StampRefused extends Error {
  constructor(readonly verdict: PresendVerdict) {
    super(`stamp refused: ${verdict.kind}`);
    this.name = "StampRefused";
  }
}

/** The "ready to send" stamp of a report whose check completed with no error; refuses any other. */
export function stampFor(report: Report, checked: CheckedReport, by: string, now: Date = new Date()): Stamp {
  const verdict = presendVerdict(report, checked);
  if (verdict.kind !== "ready") throw new StampRefused(verdict);
  return { at: now.toISOString(), by, fingerprint: fingerprint(report) };
}

/**
 * "Kiểm tra trước khi gửi" for every shell: read the whole workbook afresh, say whether the file is ready
 * to send (forms present, no error, the check complete) and, when it is, write the stamp whose fingerprint
 * lets the receiver see whether the figures were changed afterwards.
 */
import { countFindings } from "../engine/validate";
import { APP_VERSION, SETTINGS_KEYS } from "../engine/conventions";
import { presendVerdict, stampFor } from "../engine/presend";
import { serializeStamp } from "../engine/settings";
import type { Stamp } from "../engine/types";
import { pane } from "../i18n/pane";
import type { CheckResult, CheckSession } from "./check-session";
import type { ExcelHost } from "./host";

/** The stamp of a checked report; refused (StampRefused) unless the check completed with no error. */
export function makeStamp(r: CheckResult, now: Date = new Date()): Stamp {
  return stampFor(r.report, r, `Báo cáo CCHC ${APP_VERSION}`, now);
}

/**
 * Whether the check itself completed (every form read, nothing left unplaced that should block).
 * SEAM for the engine's completeness function (helper "errors"): when it lands, `checkOutcome` returns
 * its answer; an outcome with `complete: false` blocks the stamp (see `preSendVerdict`).
 */
export interface CheckOutcome {
  complete: boolean;
  /** Vietnamese lines saying what kept the check from completing. */
  reasons: string[];
}
export function checkOutcome(r: CheckResult): CheckOutcome {
  // the engine's verdict: a check that stopped on a defect (a rule or a reader step) is not complete
  const v = presendVerdict(r.report, r);
  return v.kind === "check-incomplete"
    ? { complete: false, reasons: [pane.check.incompleteHint] }
    : { complete: true, reasons: [] };
}

export type NotReadyReason = "no-forms" | "errors" | "incomplete";

export interface PreSendVerdict {
  ready: boolean;
  /** Why not ready (absent when ready). */
  blockedBy?: NotReadyReason;
  forms: number[];
  errors: number;
  warnings: number;
  outcome: CheckOutcome;
}

/** The decision alone (pure): ready when forms are present, no error, and the check complete. */
export function preSendVerdict(r: CheckResult, outcome: CheckOutcome = checkOutcome(r)): PreSendVerdict {
  const { errors, warnings } = countFindings(r.findings);
  const blockedBy: NotReadyReason | undefined =
    r.report.forms.length === 0 ? "no-forms" : errors > 0 ? "errors" : !outcome.complete ? "incomplete" : undefined;
  return { ready: blockedBy === undefined, blockedBy, forms: r.report.forms, errors, warnings, outcome };
}

export interface PreSendResult extends PreSendVerdict {
  result: CheckResult;
  /** The stamp written (only when ready). */
  stamp?: Stamp;
}

/** Reads everything afresh through the session, decides, and stamps the file when it is ready. */
export async function preSend(
  host: ExcelHost,
  session: CheckSession,
  opts: { now?: Date; outcome?: (r: CheckResult) => CheckOutcome } = {}
): Promise<PreSendResult> {
  const result = await session.fullRead();
  const verdict = preSendVerdict(result, (opts.outcome ?? checkOutcome)(result));
  if (!verdict.ready) return { ...verdict, result };
  const stamp = makeStamp(result, opts.now);
  const values = { [SETTINGS_KEYS.stamp]: serializeStamp(stamp) };
  await host.writeSettings(values);
  session.noteSettings(values);
  return { ...verdict, result, stamp };
}

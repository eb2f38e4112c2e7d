/**
 * "So với kỳ trước" for every shell: the user picks the same unit's earlier reports once; each is read (through
 * the reader the shell passes), refused with its reason when it cannot be compared (another unit or level, the
 * same or a later period, unreadable), and otherwise remembered compactly in the workbook's settings sheet, so
 * the live check compares with it on every re-read, also after the workbook is closed and opened again.
 */
import { SETTINGS_KEYS } from "../engine/conventions";
import { compareWithEarlier, earlierFigures } from "../engine/previous";
import { EarlierFigures, parseEarlier, serializeEarlier } from "../engine/settings";
import { previousPaneText as PT } from "../i18n/previous";
import type { CheckResult, CheckSession } from "./check-session";
import type { UnitReader } from "./consolidate";
import type { ExcelHost } from "./host";

export interface EarlierFile {
  name: string;
  bytes: Uint8Array;
}

export interface RememberOutcome {
  /** What the workbook remembers now (the files just accepted among them). */
  remembered: EarlierFigures[];
  /** The files just accepted. */
  added: string[];
  /** One Vietnamese line per file not remembered: why. */
  refused: string[];
  /** The check after remembering (the comparison's findings among its findings). */
  result: CheckResult;
}

/** The earlier reports the workbook remembers (from the settings the session read last). */
export function rememberedEarlier(session: CheckSession): EarlierFigures[] {
  return parseEarlier(session.settings[SETTINGS_KEYS.earlier]);
}

async function store(host: ExcelHost, session: CheckSession, list: EarlierFigures[]) {
  const { text, kept } = serializeEarlier(list);
  const values = { [SETTINGS_KEYS.earlier]: kept.length > 0 ? text : "" };
  await host.writeSettings(values);
  session.noteSettings(values);
  return kept;
}

/**
 * Reads the picked earlier reports, remembers those that compare with the open report (a report of a period
 * already remembered replaces it) and checks again. Nothing is written when none is accepted.
 */
export async function rememberEarlierFiles(
  host: ExcelHost,
  session: CheckSession,
  files: EarlierFile[],
  readUnit: UnitReader
): Promise<RememberOutcome> {
  const current = session.result ?? (await session.fullRead());
  const refused: string[] = [];
  const accepted: EarlierFigures[] = [];
  for (const f of files) {
    const u = readUnit(f.name, f.bytes);
    if (!u.read.ok) {
      refused.push(PT.unreadable(f.name, u.read.reason));
      continue;
    }
    const c = compareWithEarlier(current.report, [{ file: f.name, report: u.read.report }]).comparisons[0];
    const figs = earlierFigures(f.name, u.read.report);
    if (!c.used) refused.push(c.message ?? f.name);
    else if (figs) accepted.push(figs);
  }
  if (accepted.length === 0) return { remembered: rememberedEarlier(session), added: [], refused, result: current };
  const kept = await store(host, session, [...rememberedEarlier(session), ...accepted]);
  const added = accepted.filter((a) => kept.includes(a)).map((a) => a.file);
  for (const a of accepted) if (!kept.includes(a)) refused.push(PT.notKept(a.file));
  const result = await session.reread([], "fix");
  return { remembered: kept, added, refused, result };
}

/** Forgets the remembered earlier reports and checks again (the report's own findings stay). */
export async function forgetEarlier(host: ExcelHost, session: CheckSession): Promise<CheckResult> {
  await store(host, session, []);
  return session.reread([], "fix");
}

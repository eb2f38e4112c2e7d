/**
 * "So với kỳ trước" for every shell: the user picks the same unit's earlier reports once; each is read (through
 * the reader the shell passes), refused with its reason when it cannot be compared (another unit or level, the
 * same or a later period, unreadable), and otherwise remembered compactly in the workbook's settings sheet, so
 * the live check compares with it on every re-read, also after the workbook is closed and opened again.
 */
import { SETTINGS_KEYS, WorkbookSettings } from "../engine/conventions";
import { carryRefusal, carryValues, compareWithEarlier, earlierFigures } from "../engine/previous";
import { formatVi } from "../engine/numbers";
import type { Report } from "../engine/types";
import { EarlierFigures, parseEarlier, serializeEarlier } from "../engine/settings";
import { refusalMessage } from "../i18n/findings";
import { carryText, previousPaneText as PT } from "../i18n/previous";
import { check, CheckResult, CheckSession } from "./check-session";
import { planFill, UnitReader } from "./consolidate";
import type { UnitInput } from "./consolidate";
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
    if (!c.used) refused.push(refusalMessage(c) ?? f.name);
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

// ---------------------------------------------------------------- carry forward (the next period's forms)

/** A value cell the carry fills, with where its figure comes from. */
export interface CarryCell {
  sheet: string;
  a1: string;
  indicatorId: string;
  code: string;
  value: number;
  from: string;
}

export interface CarryPlan {
  /** Why nothing is carried (another unit or level, not an earlier period, unreadable); Vietnamese. */
  refused?: string;
  /** Empty value cells that receive the earlier stock figure. */
  write: CarryCell[];
  /** Cells the user already typed (kept, never overwritten). */
  kept: { sheet: string; a1: string; code: string; typed: string }[];
  /** What to show: one line per cell, then the summary. */
  lines: string[];
}

const codeOf = (report: Report, id: string) => report.entries.get(id)?.printedCode ?? id.replace(/^bm\d+:/, "");

/**
 * Which empty value cells of the forms (`report`, for the unit, level and period of `target`) take the stock
 * figures of the earlier report `prev`: only empty cells (a typed figure, a formula are never touched), each
 * listed with its sheet, cell, value and file. Writes nothing.
 */
export function planCarry(
  report: Report,
  target: Pick<WorkbookSettings, "unit" | "level" | "period">,
  prev: UnitInput
): CarryPlan {
  const none = (refused: string): CarryPlan => ({ refused, write: [], kept: [], lines: [refused] });
  if (!prev.read.ok) return none(carryText.unreadable(prev.file, prev.read.reason));
  const earlier = prev.read.report;
  const reason = carryRefusal(target, earlier);
  if (reason) return none(carryText.refused(reason, prev.file, earlier.meta, target));
  const plan = planFill(report, carryValues(earlier), []);
  const write = plan.write.map((c) => ({
    sheet: c.sheet,
    a1: c.a1,
    indicatorId: c.indicatorId,
    code: codeOf(report, c.indicatorId),
    value: (c.cell as { v: number }).v,
    from: prev.file,
  }));
  const kept = plan.conflicts.map((c) => ({ sheet: c.sheet, a1: c.a1, code: c.code, typed: c.typed }));
  const lines = [
    write.length > 0 ? carryText.done(write.length, prev.file) : carryText.none(prev.file),
    ...write.map((c) => carryText.line(c.sheet, c.a1, c.code, formatVi(c.value), c.from)),
    ...(kept.length > 0
      ? [carryText.kept(kept.length), ...kept.map((k) => carryText.keptLine(k.sheet, k.a1, k.code, k.typed))]
      : []),
  ];
  return { write, kept, lines };
}

/**
 * Pre-fills the forms in the workbook from an earlier report, on request: reads the workbook, plans the carry
 * for the workbook's settings and writes the empty cells it lists (one write). Returns the plan.
 */
export async function carryForward(
  host: ExcelHost,
  settings: WorkbookSettings,
  file: EarlierFile,
  readUnit: UnitReader
): Promise<CarryPlan> {
  const { sheets, settings: kv } = await host.readSheets();
  const { report } = check(sheets, kv);
  if (report.forms.length === 0) return { refused: carryText.noForms, write: [], kept: [], lines: [carryText.noForms] };
  const plan = planCarry(report, settings, readUnit(file.name, file.bytes));
  if (plan.write.length > 0)
    await host.writeCells(
      plan.write[0].sheet,
      plan.write.map((c) => ({ sheet: c.sheet, a1: c.a1, cell: { t: "n" as const, v: c.value } }))
    );
  return plan;
}

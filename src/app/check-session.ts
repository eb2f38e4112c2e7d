/**
 * The live check, for every shell: read the workbook through the host, place and validate the figures,
 * keep the grids so that an edit re-reads only the form sheet it touched, coalesce bursts of edits
 * (leading and trailing edge: a single edit is checked at once), and say how the figures compare with the
 * pre-send stamp. Read-only: a live check never writes to the workbook (the user keeps Undo).
 */
import { decodeMeta, SETTINGS_KEYS, SheetMeta } from "../engine/conventions";
import { compareWithEarlier, Comparison, earlierReport } from "../engine/previous";
import { EarlierFigures, parseEarlier } from "../engine/settings";
import { checkStamp } from "../engine/fingerprint";
import { readReport } from "../engine/reader";
import { a1 } from "../engine/a1";
import type { GridSheet, Report, ReportEntry } from "../engine/types";
import { CheckFailure, CheckLogger, validateReport, ValidateOptions } from "../engine/validate";
import { findingMessage, refusalMessage } from "../i18n/findings";
import { createCoalescer, Timers } from "./coalesce";
import { WordedFinding, wordFinding } from "./findings";
import type { ChangeEvent, ExcelHost } from "./host";

export interface CheckResult {
  report: Report;
  /** With their Vietnamese message (wordFinding). */
  findings: WordedFinding[];
  /** False when reading or a check stopped on a defect: the file must not be stamped (see presend). */
  complete: boolean;
  /** Relation rules of the edition that apply to the file's forms, and how many ran to their end. */
  rulesApplicable: number;
  rulesRun: number;
  /** The checks that failed on a defect (each is also a "check-failed" finding). */
  failures: CheckFailure[];
  /**
   * The earlier reports remembered in the workbook ("So với kỳ trước") and how each compared: their findings
   * are among `findings`; a refused one says why. Set by the live check session only.
   */
  earlier?: { remembered: EarlierFigures[]; comparisons: (Comparison & { message?: string })[] };
}

/** The support details of a failed check, on the console: its Vietnamese message, then the stack. */
const consoleLogger: CheckLogger = (finding, failure) => {
  console.error(`[Báo cáo CCHC] ${findingMessage(finding)}\n${failure.stack ?? failure.error}`);
};

/** Reads and validates grids (the settings sheet's key/values give the hints). */
export function check(grids: GridSheet[], settings: Record<string, string>, opts: ValidateOptions = {}): CheckResult {
  const report = readReport(grids, { settings });
  const o = validateReport(report, { ...opts, logger: opts.logger ?? consoleLogger });
  return {
    report,
    findings: o.findings.map(wordFinding),
    complete: o.complete,
    rulesApplicable: o.rulesApplicable,
    rulesRun: o.rulesRun,
    failures: o.failures,
  };
}

/**
 * The check joined by the comparison with the earlier reports remembered in the settings sheet: their
 * findings are added to the report's own (a refused report adds none and says why).
 */
export function withEarlier(r: CheckResult, remembered: EarlierFigures[]): CheckResult {
  if (remembered.length === 0) return r;
  const p = compareWithEarlier(r.report, remembered.map(earlierReport));
  const comparisons = p.comparisons.map((c) => ({ ...c, message: refusalMessage(c) }));
  return { ...r, findings: [...r.findings, ...p.findings.map(wordFinding)], earlier: { remembered, comparisons } };
}

/** The metadata of a grid sheet (F1), if it is one of ours. */
export function gridMeta(g: GridSheet): SheetMeta | undefined {
  const origin = g.origin ?? { row: 1, col: 1 };
  const r = 1 - origin.row;
  const c = 6 - origin.col;
  if (r < 0 || c < 0) return undefined;
  return decodeMeta(g.values[r]?.[c]);
}

/** Sheets that hold forms: those with our metadata, and those the reader placed figures from. */
export function formSheetsOf(grids: GridSheet[], r: CheckResult | undefined): string[] {
  const out: string[] = [];
  for (const g of grids) {
    const m = gridMeta(g);
    if (m && m.kind === "form" && out.indexOf(g.name) < 0) out.push(g.name);
  }
  if (r) r.report.entries.forEach((e) => e.ref && out.indexOf(e.ref.sheet) < 0 && out.push(e.ref.sheet));
  return out;
}

/**
 * The sheets to re-read after a batch of change events: only sheets that hold a form (known from the
 * last read), each once. Edits elsewhere (notes, other tabs) cost nothing.
 */
export function sheetsToReread(events: { sheet: string }[], formSheets: Iterable<string>): string[] {
  const known = new Set(formSheets);
  const out: string[] = [];
  for (const e of events) if (known.has(e.sheet) && !out.includes(e.sheet)) out.push(e.sheet);
  return out;
}

/** Replaces the cached grids of the re-read sheets, keeping the others. */
export function mergeGrids(cache: GridSheet[], fresh: GridSheet[], reread: string[]): GridSheet[] {
  const freshBy = new Map(fresh.map((g) => [g.name, g]));
  const out = cache.filter((g) => !reread.includes(g.name) || freshBy.has(g.name)).map((g) => freshBy.get(g.name) ?? g);
  for (const g of fresh) if (!cache.some((c) => c.name === g.name)) out.push(g);
  return out;
}

export type StampView = { state: "none" } | { state: "unchanged" | "changed"; at: string };

/** How the figures compare with the stamp the file carries. */
export function stampView(report: Report): StampView {
  const st = checkStamp(report);
  if (st === "none" || !report.stamp) return { state: "none" };
  return { state: st, at: report.stamp.at };
}

// ---------------------------------------------------------------- the figures the reader took

export interface FigureRead {
  indicatorId: string;
  /** STT as printed (or the catalog's code). */
  code: string;
  label?: string;
  sheet: string;
  cell: string;
  /** What the cell holds, as read. */
  shown: string;
  formula: boolean;
}
export interface FormFigures {
  form: number;
  figures: FigureRead[];
}

function shownOf(e: ReportEntry): string {
  const v = e.value;
  if (v.state === "value" && typeof v.number === "number") return String(v.number);
  const raw = v.raw;
  return raw === null || raw === undefined ? "" : String(raw);
}

/**
 * "Số liệu đã đọc": every figure the reader placed, form by form, in sheet order, with its cell — so a
 * user of a hand-made sheet sees what was taken from where. Empty cells are left out.
 */
export function figuresRead(report: Report): FormFigures[] {
  const byForm = new Map<number, FigureRead[]>();
  report.entries.forEach((e, id) => {
    if (!e.ref) return;
    const shown = shownOf(e);
    if (shown.trim() === "" && !e.formula) return;
    const form = Number(/^bm(\d+):/.exec(id)?.[1] ?? 0);
    const list = byForm.get(form) ?? [];
    list.push({
      indicatorId: id,
      code: e.printedCode ?? id.replace(/^bm\d+:/, ""),
      label: e.printedLabel,
      sheet: e.ref.sheet,
      cell: a1(e.ref),
      shown,
      formula: Boolean(e.formula),
    });
    byForm.set(form, list);
  });
  const rowOf = (f: FigureRead) => Number(/\d+$/.exec(f.cell)?.[0] ?? 0);
  return [...byForm.keys()]
    .sort((a, b) => a - b)
    .map((form) => ({
      form,
      figures: byForm
        .get(form)!
        .sort((x, y) => (x.sheet === y.sheet ? rowOf(x) - rowOf(y) : x.sheet < y.sheet ? -1 : 1)),
    }));
}

// ---------------------------------------------------------------- the session

export type CheckCause = "full" | "live" | "fix";

export interface CheckSessionOptions {
  /** Every new result, with what caused it (a live result clears a shell's pre-send summary). */
  onResult(r: CheckResult, cause: CheckCause): void;
  /** A live re-read failed (the shell says so; the previous result stays). */
  onError?(e: unknown): void;
  /** Coalescing window of the live check (ms): the first edit is checked at once, what follows within it once. */
  windowMs?: number;
  timers?: Timers;
}

export interface CheckSession {
  readonly result: CheckResult | undefined;
  readonly grids: GridSheet[];
  /** Key/values of the settings sheet at the last read. */
  readonly settings: Record<string, string>;
  /** Re-reads made because of edits (a paste is one). */
  readonly liveReads: number;
  /** Reads every sheet (not relying on events). */
  fullRead(): Promise<CheckResult>;
  /** Re-reads the named sheets and checks again (after a fix, say). */
  reread(names: string[], cause?: CheckCause): Promise<CheckResult>;
  /** Starts listening to edits; false when the host cannot report them. */
  start(): Promise<boolean>;
  /** Records a stamp just written, so the next check compares with it. */
  noteSettings(values: Record<string, string>): void;
  dispose(): void;
}

export const LIVE_WINDOW_MS = 400;

export function createCheckSession(host: ExcelHost, opts: CheckSessionOptions): CheckSession {
  let grids: GridSheet[] = [];
  let kv: Record<string, string> = {};
  let formSheets: string[] = [];
  let result: CheckResult | undefined;
  let alive = true;
  let liveReads = 0;
  let unsubscribe: (() => Promise<void>) | undefined;
  // the remembered earlier reports, parsed once per text of the settings cell
  let earlierRaw: string | undefined;
  let earlier: EarlierFigures[] = [];
  // Each full read opens a new epoch: a re-read begun before it (a live check's trailing edge, say) carries older
  // figures than the full read and is not applied after it — it would put back a stale result, and as a "live"
  // result clear what the full read's caller showed (the pre-send summary).
  let epoch = 0;
  const report = (e: unknown) => {
    if (alive && opts.onError) opts.onError(e);
  };

  function apply(
    fresh: GridSheet[],
    settings: Record<string, string>,
    cause: CheckCause,
    reread?: string[]
  ): CheckResult {
    grids = reread ? mergeGrids(grids, fresh, reread) : fresh;
    kv = settings;
    if (settings[SETTINGS_KEYS.earlier] !== earlierRaw) {
      earlierRaw = settings[SETTINGS_KEYS.earlier];
      earlier = parseEarlier(earlierRaw);
    }
    const r = withEarlier(check(grids, settings), earlier);
    formSheets = formSheetsOf(grids, r);
    result = r;
    if (alive) opts.onResult(r, cause);
    return r;
  }

  async function fullRead(): Promise<CheckResult> {
    epoch++;
    // the edits gathered for the live check's trailing edge are read now, with everything else
    live.discard();
    const { sheets, settings } = await host.readSheets();
    return apply(sheets, settings, "full");
  }

  async function reread(names: string[], cause: CheckCause = "fix"): Promise<CheckResult> {
    const began = epoch;
    const { sheets, settings } = await host.readSheets(names);
    if (began !== epoch && result) return result;
    return apply(sheets, settings, cause, names);
  }

  const live = createCoalescer<ChangeEvent>(
    opts.windowMs ?? LIVE_WINDOW_MS,
    async (events) => {
      const names = sheetsToReread(events, formSheets);
      if (names.length === 0 || !alive) return;
      liveReads++;
      await reread(names, "live");
    },
    report,
    opts.timers
  );

  return {
    get result() {
      return result;
    },
    get grids() {
      return grids;
    },
    get settings() {
      return kv;
    },
    get liveReads() {
      return liveReads;
    },
    fullRead,
    reread,
    async start() {
      try {
        // only edits of form sheets take the leading edge; other sheets cost nothing
        const off = await host.onChange((e) => {
          if (alive && formSheets.indexOf(e.sheet) >= 0) live.push(e);
        });
        if (alive) unsubscribe = off;
        else void off();
        return true;
      } catch (e) {
        report(e);
        return false;
      }
    },
    noteSettings(values: Record<string, string>) {
      kv = { ...kv, ...values };
    },
    dispose() {
      alive = false;
      live.cancel();
      if (unsubscribe) void unsubscribe();
    },
  };
}

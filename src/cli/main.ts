/**
 * The `cchc` command: templates, new, validate, consolidate. bin/cchc.js calls main() on the compiled lib/.
 * Every user mistake is a one-line Vietnamese message on stderr and exit code 2; nothing is overwritten
 * without --force.
 */
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { catalog, DEFAULT_VERSION, FORM_NUMBERS, formRows, isLevel, LEVELS, VERSION_IDS } from "../catalog";
import { check, stampView } from "../app/check-session";
import { layoutFor } from "../app/insert";
import { planCarry } from "../app/previous";
import { parseCell } from "../engine/a1";
import { specToGrid } from "../engine/formula-results";
import { parsePeriod, periodCode } from "../engine/period";
import { findingMessage, periodLabel, readerNote, refusalMessage } from "../i18n/findings";
import { compareWithEarlier, EarlierReport } from "../engine/previous";
import { readReport } from "../engine/reader";
import type { UnplacedRow } from "../engine/types";
import { WordedFinding, wordFinding } from "../app/findings";
import { countFindings } from "../engine/validate";
import { valuesRead, ValueRead } from "../engine/values-read";
import { cliVi } from "../i18n/cli";
import { carryText, previousConsolidationText } from "../i18n/previous";
import { readWorkbookPath } from "../xlsx/node";
import { readUnitFile } from "../xlsx/consolidate-files";
import { runText } from "./text";
import { writeWorkbook } from "../xlsx/write";

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
};

class UsageError extends Error {}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '([^']+)' argument missing/.exec(msg);
    const positional = /Unexpected argument '([^']+)'/.exec(msg);
    throw new UsageError(
      cliVi.badOption(
        unknown
          ? cliVi.unknownOption(unknown[1])
          : missing
            ? cliVi.missingValue(missing[1])
            : positional
              ? cliVi.extraArgument(positional[1])
              : msg
      )
    );
  }
}

// ------------------------------------------------------------------ templates

function cmdTemplates(args: string[], io: Io): number {
  const { values } = guard(() =>
    parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true, strict: true })
  );
  const editions = (form: number) => {
    const out: Record<string, Record<string, number>> = {};
    for (const v of VERSION_IDS) {
      out[v] = {};
      for (const l of LEVELS) out[v][l] = formRows(form, l, v).length;
    }
    return out;
  };
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          versions: catalog.versions,
          defaultVersion: DEFAULT_VERSION,
          levels: LEVELS,
          forms: catalog.forms.map((f) => ({ number: f.number, title: f.title, editions: editions(f.number) })),
          indicators: catalog.indicators,
        },
        null,
        2
      )
    );
    return 0;
  }
  const t = cliVi.templates;
  io.out(t.versions);
  for (const v of catalog.versions) io.out(`  ${v.id}${v.default ? t.defaultMark : ""}: ${v.name}`);
  io.out("");
  for (const f of catalog.forms) {
    io.out(t.form(f.number, f.title));
    const ed = editions(f.number);
    for (const v of VERSION_IDS)
      io.out(t.counts(`[${v}] ` + LEVELS.map((l) => `${t.level(l)} ${ed[v][l]}`).join(", ")));
  }
  return 0;
}

// ------------------------------------------------------------------ new

function parseForms(s: string | undefined): number[] {
  if (s === undefined) return [...FORM_NUMBERS];
  const parts = s.split(/[,;\s]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const n = /^(?:bm)?([1-7])$/i.exec(p.trim());
    if (!n) throw new UsageError(cliVi.badForms(s));
    out.push(Number(n[1]));
  }
  if (out.length === 0) throw new UsageError(cliVi.badForms(s));
  return [...new Set(out)].sort((a, b) => a - b);
}

async function cmdNew(args: string[], io: Io): Promise<number> {
  const { values } = guard(() =>
    parseArgs({
      args,
      options: {
        output: { type: "string", short: "o" },
        level: { type: "string" },
        period: { type: "string" },
        unit: { type: "string" },
        version: { type: "string" },
        forms: { type: "string" },
        "report-no": { type: "string" },
        "carry-from": { type: "string" },
        force: { type: "boolean" },
      },
      allowPositionals: false,
      strict: true,
    })
  );
  const out = values.output as string | undefined;
  if (!out || !out.trim()) throw new UsageError(cliVi.missingOutput);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(cliVi.outputNotXlsx);
  const level = values.level as string | undefined;
  if (!level) throw new UsageError(cliVi.missingLevel);
  if (!isLevel(level)) throw new UsageError(cliVi.badLevel(level));
  const periodText = values.period as string | undefined;
  if (!periodText) throw new UsageError(cliVi.missingPeriod);
  const period = parsePeriod(periodText);
  if (!period) throw new UsageError(cliVi.badPeriod(periodText));
  const unit = ((values.unit as string | undefined) ?? "").trim();
  if (!unit) throw new UsageError(cliVi.missingUnit);
  const version = (values.version as string | undefined) ?? DEFAULT_VERSION;
  if (!VERSION_IDS.includes(version)) throw new UsageError(cliVi.badVersion(version, VERSION_IDS.join(", ")));
  const forms = parseForms(values.forms as string | undefined);
  const empty = forms.filter((f) => formRows(f, level, version).length === 0);
  if (empty.length > 0) throw new UsageError(cliVi.emptyForms(empty.join(", "), level));

  const target = path.resolve(out);
  if (fs.existsSync(target) && !values.force) {
    io.err(cliVi.exists(out));
    return 2;
  }
  const spec = layoutFor(
    forms,
    { level, version, period, unit },
    { reportNo: values["report-no"] as string | undefined }
  );
  // on request only: the previous report's stock figures into the new forms' (empty) value cells, each listed
  const carryFrom = values["carry-from"] as string | undefined;
  let carried: string[] = [];
  if (carryFrom !== undefined) {
    const name = path.basename(carryFrom);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(carryFrom));
    } catch {
      io.err(carryText.unreadable(name, previousConsolidationText.notOpened));
      return 2;
    }
    const report = check(spec.sheets.map(specToGrid), spec.settings ?? {}).report;
    const plan = planCarry(report, { unit, level, period }, readUnitFile(name, bytes));
    if (plan.refused) {
      io.err(plan.refused);
      return 2;
    }
    for (const c of plan.write) {
      const at = parseCell(c.a1);
      const sh = spec.sheets.find((x) => x.name === c.sheet);
      if (at && sh?.cells[at.row - 1]) sh.cells[at.row - 1][at.col - 1] = { t: "n", v: c.value };
    }
    carried = plan.lines;
  }
  const buf = await writeWorkbook(spec);
  try {
    fs.writeFileSync(target, buf, { flag: values.force ? "w" : "wx" });
  } catch (e) {
    io.err((e as NodeJS.ErrnoException).code === "EEXIST" ? cliVi.exists(out) : cliVi.cannotWrite(out));
    return 2;
  }
  const rows = forms.reduce((n, f) => n + formRows(f, level, version).length, 0);
  io.out(cliVi.created(out, forms.join(", "), rows));
  for (const l of carried) io.out(l);
  return 0;
}

// ------------------------------------------------------------------ validate

export interface ValidateJson {
  file: string;
  unit: string | null;
  period: string | null;
  level: string | null;
  version: string | null;
  findings: {
    form: number;
    code: string;
    indicator: string;
    rule: string;
    severity: string;
    message: string;
    expected: number | string | null;
    actual: number | string | null;
    sheet: string | null;
    cell: string | null;
    /** For "check-failed": which check failed, the error and its stack. */
    support?: string;
  }[];
  /** The rows the reader could not place, each with its reason in Vietnamese. */
  unplaced: (Omit<UnplacedRow, "reason"> & { reason: string })[];
  /** The earlier reports given with --previous: which were compared, and why the others were not. */
  previous: {
    file: string;
    period: string | null;
    unit: string | null;
    used: boolean;
    reason: string | null;
    message: string | null;
  }[];
  /** Every figure read, with its cell: what the checks ran on. */
  values: Omit<ValueRead, "formula">[];
  stamp: "none" | "unchanged" | "changed";
  /** False when reading or a check stopped on a defect of the add-in (exit code 3). */
  complete: boolean;
  /** Relation rules of the edition that apply to the file's forms, and how many of them ran to the end. */
  rulesApplicable: number;
  rulesRun: number;
}

export function findingJson(f: WordedFinding): ValidateJson["findings"][number] {
  return {
    form: f.form,
    code: f.code,
    indicator: f.indicator,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    sheet: f.sheet ?? null,
    cell: f.cell ?? null,
    ...(f.support ? { support: f.support } : {}),
  };
}

function cmdValidate(args: string[], io: Io): number {
  const { values, positionals } = guard(() =>
    parseArgs({
      args,
      options: { json: { type: "boolean" }, show: { type: "boolean" }, previous: { type: "string", multiple: true } },
      allowPositionals: true,
      strict: true,
    })
  );
  const file = positionals[0];
  if (!file) throw new UsageError(cliVi.missingFile);
  if (positionals.length > 1)
    throw new UsageError(cliVi.badOption(cliVi.extraArgument(positionals.slice(1).join(" "))));
  const read = readWorkbookPath(file);
  if (!read.ok) {
    io.err(read.reason);
    return 2;
  }
  // the same check as the panes' (read, place, validate)
  const outcome = check(read.sheets, read.settings, {
    logger: (finding, failure) =>
      io.err(cliVi.validate.support(findingMessage(finding), failure.stack ?? failure.error)),
  });
  const { report, findings: own } = outcome;
  const v = cliVi.validate;
  // a file whose reading stopped on a defect is not "without forms": its check-failed findings are shown
  if (report.forms.length === 0 && !report.readFailures?.length) {
    io.err(v.noForms);
    return 2;
  }
  // earlier reports of the same unit: each read like the report itself; one that cannot be read or compared is
  // said, and the report's own checks run all the same
  const earlier: EarlierReport[] = [];
  const previousNotes: ValidateJson["previous"] = [];
  for (const p of (values.previous as string[] | undefined) ?? []) {
    const r = readWorkbookPath(p);
    if (!r.ok) {
      previousNotes.push({ file: p, period: null, unit: null, used: false, reason: "unreadable", message: r.reason });
      continue;
    }
    earlier.push({ file: path.basename(p), report: readReport(r.sheets, { settings: r.settings }) });
  }
  const prev = compareWithEarlier(report, earlier);
  for (const c of prev.comparisons)
    previousNotes.push({
      file: c.file,
      period: c.period ? periodCode(c.period) : null,
      unit: c.unit ?? null,
      used: c.used,
      reason: c.reason ?? null,
      message: refusalMessage(c) ?? null,
    });
  const findings = [...own, ...prev.findings.map(wordFinding)];
  const stamp = stampView(report).state;
  const { errors, warnings } = countFindings(findings);
  if (values.json) {
    const j: ValidateJson = {
      file,
      unit: report.meta.unit ?? null,
      period: report.meta.period ? periodCode(report.meta.period) : null,
      level: report.meta.level ?? null,
      version: report.meta.version ?? null,
      findings: findings.map(findingJson),
      unplaced: report.unplaced.map((u) => ({ ...u, reason: readerNote(u.reason) })),
      previous: previousNotes,
      values: valuesRead(report).map(({ form, code, indicator, label, state, value, raw, sheet, cell }) => ({
        form,
        code,
        indicator,
        label,
        state,
        value,
        raw,
        sheet,
        cell,
      })),
      stamp,
      complete: outcome.complete,
      rulesApplicable: outcome.rulesApplicable,
      rulesRun: outcome.rulesRun,
    };
    io.out(JSON.stringify(j, null, 2));
  } else {
    io.out(v.header(file));
    if (report.meta.unit) io.out(v.unit(report.meta.unit));
    if (report.meta.level) io.out(v.level(report.meta.level));
    if (report.meta.period) io.out(v.period(periodLabel(report.meta.period)));
    if (values.show) showValues(valuesRead(report), io);
    for (const n of previousNotes) io.out(n.used ? v.previousUsed(n.file, n.period ?? "") : (n.message ?? n.file));
    for (const form of report.forms) {
      const fs_ = findings.filter((f) => f.form === form);
      if (fs_.length === 0) continue;
      io.out("");
      io.out(v.form(form));
      for (const f of fs_) {
        const where = f.sheet && f.cell ? v.at(f.sheet, f.cell) : "";
        io.out(`  ${v.severity[f.severity]} — ${v.row(f.code)}${where}: ${f.message}`);
      }
    }
    const other = findings.filter((f) => !report.forms.includes(f.form));
    if (other.length > 0) {
      io.out("");
      io.out(v.other);
    }
    for (const f of other) io.out(`  ${v.severity[f.severity]} — ${f.code ? `${v.row(f.code)}: ` : ""}${f.message}`);
    if (report.unplaced.length > 0) {
      io.out("");
      io.out(v.unplacedHeader(report.unplaced.length));
      for (const u of report.unplaced)
        io.out(v.unplacedRow(u.sheet, u.row, [u.code, u.label].filter(Boolean).join(" "), readerNote(u.reason)));
    }
    io.out("");
    io.out(v.stamp[stamp]);
    io.out(v.summary(errors, warnings));
    if (!outcome.complete) io.out(v.incomplete(outcome.failures.length));
  }
  if (!outcome.complete) return 3;
  return errors > 0 ? 1 : 0;
}

/** `cchc validate --show`: the figures read, form by form, each with its cell. */
function showValues(read: ValueRead[], io: Io): void {
  const v = cliVi.validate.show;
  let form = 0;
  for (const r of read) {
    if (r.form !== form) {
      form = r.form;
      io.out("");
      io.out(v.form(form));
    }
    const where = r.sheet && r.cell ? `${r.sheet}!${r.cell}` : v.noCell;
    const shown =
      r.state === "value" ? v.number(r.value as number) : r.state === "missing" ? v.missing : v.other(r.state, r.raw);
    io.out(`  ${r.code.padEnd(8)} ${shown.padEnd(14)} ${where.padEnd(16)} ${r.label}`);
  }
}

// ------------------------------------------------------------------ consolidate

async function cmdConsolidate(args: string[], io: Io): Promise<number> {
  let mod: { runConsolidate?: (a: string[]) => Promise<number> } | undefined;
  try {
    mod = require("./consolidate");
  } catch {
    mod = undefined;
  }
  if (!mod || typeof mod.runConsolidate !== "function") {
    io.err(cliVi.consolidateMissing);
    return 2;
  }
  return mod.runConsolidate(args);
}

// ------------------------------------------------------------------ entry

/** Runs a command with the given output channels; returns the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.out(cliVi.help);
      return cmd ? 0 : 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      if (cmd === "consolidate") return await cmdConsolidate(rest, io);
      io.out(cliVi.help);
      return 0;
    }
    switch (cmd) {
      case "templates":
        return cmdTemplates(rest, io);
      case "new":
        return await cmdNew(rest, io);
      case "validate":
        return cmdValidate(rest, io);
      case "consolidate":
        return await cmdConsolidate(rest, io);
      case "crosscheck":
      case "draft":
        return await runText(cmd, rest, io);
      default:
        io.err(cliVi.unknownCommand(cmd));
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    io.err(cliVi.internal(e instanceof Error ? e.message.split("\n")[0] : String(e)));
    return 2;
  }
}

/** bin/cchc.js entry point. */
let pipeGuard = false;

export function main(argv: string[]): Promise<number> {
  // `cchc templates | head`: a closed pipe ends the output quietly (one listener, however often main runs)
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
    });
  }
  return run(argv, processIo);
}

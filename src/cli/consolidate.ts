/**
 * `cchc consolidate FILE... -o OUT.xlsx --level L --period P --unit "NAME" [--version V] [--expect UNITS.txt] [--json]`
 *
 * Reads the subordinate units' files one at a time, consolidates them and writes the Tổng hợp tab plus the
 * consolidating unit's own Biểu mẫu 1–7 with the totals filled in. Exit 0 when the output is written (even
 * with flagged units), 2 when nothing could be consolidated or the arguments are wrong.
 * `--json` prints {"units":[{file,unit,status,errors,warnings,messages,...}],"missing":[...],
 * "totals":{"<form>:<code>": n|null},"incomplete":{"<form>:<code>": [unit names]}} — a total listed under
 * "incomplete" lacks those units' figures (unreadable, blank, form not sent, or not in their version).
 * `--previous TONG-HOP-KY-TRUOC.xlsx [--units-map CU-MOI.txt]` adds the previous period's column and the change
 * to Tổng hợp (merged units' previous figures summed onto their successor by the "old → new" list), and
 * "previous" to the JSON: {file, used, reason, message, period, unit, totals, merged, missingNow, noPrevious}.
 * A previous file that cannot serve is one line and the consolidation goes on; an unreadable units list stops
 * everything (exit 2).
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_VERSION, isLevel, VERSION_IDS } from "../catalog/index";
import { sourceLevels } from "../catalog/aggregation";
import {
  checkUnitsMap,
  comparePreviousPeriod,
  consolidateUnits,
  previousLines,
  PreviousOutcome,
} from "../app/consolidate";
import { readUnitFile } from "../xlsx/consolidate-files";
import { Consolidation, incompleteByCode, totalsByCode, UnitInput } from "../engine/consolidate";
import { buildConsolidatedWorkbook } from "../spec/consolidate-layout";
import { decodeMeta, COL, SETTINGS_SHEET } from "../engine/conventions";
import { parsePeriod, periodCode } from "../engine/period";
import type { Level, Period } from "../engine/types";
import { consolidateText as T, statusLabels, unitMessage, unitMessages } from "../i18n/consolidate";
import { previousConsolidationText as PT } from "../i18n/previous";
import { readWorkbookFile } from "../xlsx/read";
import { writeWorkbook } from "../xlsx/write";

export interface ConsolidateArgs {
  files: string[];
  out: string;
  level: Level;
  period: Period;
  unit: string;
  version: string;
  expect?: string;
  /** The previous period's Tổng hợp file, and the "old unit → new unit" list. */
  previous?: string;
  unitsMap?: string;
  json: boolean;
}

/** Parses the arguments; a Vietnamese one-line message when they are wrong. */
export function parseConsolidateArgs(
  args: string[]
): { ok: true; a: ConsolidateArgs } | { ok: false; message: string } {
  const files: string[] = [];
  let out: string | undefined;
  let level: string | undefined;
  let period: string | undefined;
  let unit: string | undefined;
  let version: string | undefined;
  let expect: string | undefined;
  let previous: string | undefined;
  let unitsMap: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = (): string | undefined => (i + 1 < args.length ? args[++i] : undefined);
    if (a === "-o" || a === "--out" || a === "--output") out = next();
    else if (a === "--level") level = next();
    else if (a === "--period") period = next();
    else if (a === "--unit") unit = next();
    else if (a === "--version") version = next();
    else if (a === "--expect") expect = next();
    else if (a === "--previous") previous = next();
    else if (a === "--units-map") unitsMap = next();
    else if (a === "--json") json = true;
    else if (a.startsWith("--") && a.includes("=")) {
      const [k, ...rest] = a.split("=");
      const v = rest.join("=");
      if (k === "--out" || k === "--output") out = v;
      else if (k === "--level") level = v;
      else if (k === "--period") period = v;
      else if (k === "--unit") unit = v;
      else if (k === "--version") version = v;
      else if (k === "--expect") expect = v;
      else if (k === "--previous") previous = v;
      else if (k === "--units-map") unitsMap = v;
      else return { ok: false, message: T.unknownOption(k) };
    } else if (a.startsWith("-") && a !== "-") return { ok: false, message: T.unknownOption(a) };
    else files.push(a);
  }
  if (files.length === 0) return { ok: false, message: T.noFiles };
  if (!out) return { ok: false, message: T.missingArg("-o") };
  if (!level) return { ok: false, message: T.missingArg("--level") };
  if (!isLevel(level) || sourceLevels(level).length === 0) return { ok: false, message: T.badLevel(level) };
  if (!period) return { ok: false, message: T.missingArg("--period") };
  const p = parsePeriod(period);
  if (!p) return { ok: false, message: T.badPeriod(period) };
  if (!unit || !unit.trim()) return { ok: false, message: T.missingArg("--unit") };
  const v = version ?? DEFAULT_VERSION;
  if (!VERSION_IDS.includes(v)) return { ok: false, message: T.badVersion(v, VERSION_IDS.join(", ")) };
  if (unitsMap !== undefined && previous === undefined) return { ok: false, message: PT.unitsMapWithoutPrevious };
  return {
    ok: true,
    a: { files, out, level, period: p, unit: unit.trim(), version: v, expect, previous, unitsMap, json },
  };
}

/** The --json "previous" object. */
function previousJSON(c: Consolidation, p: PreviousOutcome) {
  if (!p.ok) return { file: p.file, used: false, reason: p.reason, message: p.message };
  const col = p.column;
  const totals: Record<string, number | null> = {};
  for (const r of c.rows)
    if (r.kind !== "section") totals[`${r.form}:${r.code}`] = col.values.get(r.indicatorId) ?? null;
  return {
    file: col.file,
    used: true,
    period: periodCode(col.period),
    unit: col.unit ?? null,
    totals,
    merged: col.merged,
    missingNow: col.missingNow,
    noPrevious: col.noPrevious,
    ...(col.otherUnit ? { otherUnit: col.otherUnit } : {}),
  };
}

/** The --json object. */
export function consolidationJSON(c: Consolidation, previous?: PreviousOutcome) {
  return {
    units: c.units.map((u) => ({
      file: u.file,
      unit: u.unit,
      status: u.status,
      errors: u.errors,
      warnings: u.warnings,
      messages: unitMessages(u),
      ...(u.duplicateOf !== undefined ? { duplicateOf: u.duplicateOf } : {}),
      ...(u.unitFromFileName ? { unitFromFileName: true } : {}),
      ...(u.otherVersion ? { version: u.version, unmapped: u.unmapped ?? [] } : {}),
      ...(u.unread && u.unread.length > 0 ? { unread: u.unread } : {}),
    })),
    missing: c.missing,
    totals: totalsByCode(c),
    incomplete: incompleteByCode(c),
    ...(previous ? { previous: previousJSON(c, previous) } : {}),
  };
}

/** An existing output may be replaced only when every sheet in it was made by this project. */
function outputReplaceable(file: string): boolean {
  if (!fs.existsSync(file)) return true;
  try {
    const r = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    if (!r.ok) return false;
    return r.sheets.every((s) => s.name === SETTINGS_SHEET || decodeMeta(s.values?.[0]?.[COL.id - 1]) !== undefined);
  } catch {
    return false;
  }
}

export async function runConsolidate(args: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + "\n");
  const err = (s: string) => process.stderr.write(s + "\n");
  const parsed = parseConsolidateArgs(args);
  if (!parsed.ok) {
    err(parsed.message);
    err(T.usage);
    return 2;
  }
  const a = parsed.a;
  const outAbs = path.resolve(a.out);
  if ([...a.files, ...(a.previous ? [a.previous] : [])].some((f) => path.resolve(f) === outAbs)) {
    err(T.outIsInput);
    return 2;
  }
  let expected: string[] | undefined;
  if (a.expect) {
    try {
      expected = fs
        .readFileSync(a.expect, "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s && !s.startsWith("#"));
    } catch {
      err(T.cannotReadExpect(a.expect));
      return 2;
    }
  }
  // the "old → new" list: a line that cannot be read stops everything (nothing is written)
  let unitsMap = new Map<string, string>();
  if (a.unitsMap) {
    let text: string;
    try {
      text = fs.readFileSync(a.unitsMap, "utf8");
    } catch {
      err(PT.cannotReadUnitsMap(a.unitsMap));
      return 2;
    }
    const m = checkUnitsMap(text);
    if (!m.ok) {
      err(m.message);
      return 2;
    }
    unitsMap = m.map;
  }
  if (!outputReplaceable(a.out)) {
    err(T.outputNotOurs(a.out));
    return 2;
  }

  // one file at a time: only the placed figures of each are kept
  const inputs: UnitInput[] = [];
  for (const f of a.files) {
    // no lateness from the file's modification time: a downloaded attachment carries the download date
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(f));
    } catch {
      inputs.push({ file: f, read: { ok: false, reason: T.cannotReadFile(f) } });
      continue;
    }
    inputs.push(readUnitFile(f, bytes, undefined, a.period));
  }
  const c = consolidateUnits(inputs, { level: a.level, version: a.version, period: a.period, unit: a.unit, expected });

  if (c.counted.length === 0) {
    if (a.json) out(JSON.stringify(consolidationJSON(c)));
    else
      for (const u of c.units)
        err(
          T.fileLine(u.file, u.unit, statusLabels[u.status], u.errors, u.warnings) +
            (u.messages[0] ? ` — ${unitMessage(u.messages[0])}` : "")
        );
    err(T.nothing);
    return 2;
  }
  let previous: PreviousOutcome | undefined;
  if (a.previous) {
    const name = path.basename(a.previous);
    let bytes: Uint8Array | undefined;
    try {
      bytes = new Uint8Array(fs.readFileSync(a.previous));
    } catch {
      bytes = undefined;
    }
    previous = comparePreviousPeriod(
      c,
      name,
      bytes ? readWorkbookFile(bytes, name) : { ok: false, reason: PT.notOpened },
      unitsMap
    );
  }
  try {
    const buf = await writeWorkbook(buildConsolidatedWorkbook(c, expected, previous));
    fs.writeFileSync(a.out, buf);
  } catch {
    err(T.cannotWrite(a.out));
    return 2;
  }
  if (a.json) out(JSON.stringify(consolidationJSON(c, previous)));
  else {
    for (const u of c.units)
      out(
        T.fileLine(u.file, u.unit, statusLabels[u.status], u.errors, u.warnings) +
          (u.status !== "ok" && u.messages[0] ? ` — ${unitMessage(u.messages[0])}` : "")
      );
    out(T.written(a.out, c.counted.length, c.units.length, c.missing.length));
    if (previous) for (const l of previousLines(c, previous)) (previous.ok ? out : err)(l);
  }
  return 0;
}

/**
 * Consolidation of subordinate units' reports into the consolidating unit's figures (pure: no host,
 * no files). Every unit is checked (readable, right period, version and level, not a duplicate); the
 * counted units' figures are rolled up per indicator of the consolidating edition by the level pair's rule
 * (src/catalog/aggregation.json). A missing figure is never read as zero: totals are computed from the
 * units that have one and flagged with how many are missing; not-applicable units are left out of the
 * numerator and denominator and counted.
 */
import { aggregationRules, AggRule, sourceLevels } from "../catalog/aggregation";
import {
  Aggregate,
  catalog,
  formRows,
  Indicator,
  indicatorById,
  isValueRow,
  labelFor,
  printedCode,
  unitFor,
} from "../catalog/index";
import { unmappedReason, versionMappings } from "../catalog/version-map";
import { percentOf, sumDec } from "./numbers";
import { lateness } from "./period";
import type { IncompleteReason, ReaderNote, TotalFlag, UnitMessage } from "./messages";
import type { Finding, Level, ParsedValue, Period, Report, ReportEntry, ReportMeta } from "./types";
import { foldVi } from "./fold";

export interface UnitInput {
  file: string;
  /** `complete: false`: reading or validation stopped on a defect (validateReport); absent means complete. */
  read: { ok: true; report: Report; findings: Finding[]; complete?: boolean } | { ok: false; reason: string };
  receivedAt?: Date;
}

export interface ConsolidateOptions {
  level: Level;
  version: string;
  period: Period;
  /** The consolidating unit's name. */
  unit: string;
  /** Units expected to report (names; matched without regard to accents or case). */
  expected?: string[];
}

/** "not-checked": its check did not run to the end (a defect); counted only when its reading completed. */
export type UnitStatus =
  "ok" | "unreadable" | "duplicate" | "wrong-period" | "wrong-version" | "wrong-level" | "not-checked";

export interface UnitResult {
  file: string;
  /** The unit's name as written in the file (the file name when the file has none). */
  unit: string;
  level?: Level;
  period?: Period;
  version?: string;
  status: UnitStatus;
  /** True when its figures are in the totals. */
  counted: boolean;
  errors: number;
  warnings: number;
  /** Forms of the unit's edition that the file lacks. */
  missingForms: number[];
  /** Notes on the file (why it was not counted, lateness, ...), worded at the edge (i18n unitMessage). */
  messages: UnitMessage[];
  late?: { deadline: string; daysLate: number; late: boolean };
  duplicateOf?: string;
  /** Index in Consolidation.units of each counted unit's column (counted units only). */
  column?: number;
  /** Nothing in the file names the unit: `unit` is made from the file name. */
  unitFromFileName?: boolean;
  /** The unit wrote its forms in this other version; its rows were mapped (version-map.json). */
  otherVersion?: string;
  /** The unit's rows (in its own version) that carry a figure and have no row in the consolidation's version. */
  unmapped?: { form: number; code: string; label: string; reason?: string }[];
  /** Figures of the unit that could not be read as numbers (text where a number belongs, a cell error). */
  unread?: { form: number; code: string; text: string }[];
}

export type { IncompleteReason };

/**
 * A unit's figure for one row: a number, "na" (not applicable, with the text), text where a number belongs,
 * missing, or "skip" (the unit's level does not feed this row, e.g. a department on a district row).
 */
export type UnitCell =
  { k: "n"; v: number } | { k: "na"; text: string } | { k: "text"; text: string } | { k: "missing" } | { k: "skip" };

export interface TotalRow {
  indicatorId: string;
  form: number;
  /** Printed STT on the consolidating level's form. */
  code: string;
  label: string;
  unit: string;
  kind: Indicator["kind"];
  rule: Aggregate;
  /** Subordinate indicators the figures come from (per source level when several levels are mixed). */
  from: string[];
  reason?: string;
  /** The consolidated figure; null when it cannot be computed (own, none, count-by-code, nothing reported). */
  value: number | null;
  /** For enum rows: how many counted units gave each code. */
  counts?: Record<number, number>;
  /** One cell per counted unit, in Consolidation.counted order. */
  cells: UnitCell[];
  /** Units with a figure / not applicable / missing (or text) for this row. */
  present: number;
  na: number;
  missing: number;
  /** Notes ("Chưa đủ 2 đơn vị: …", "mẫu số bằng 0"), worded at the edge (i18n totalFlag). */
  flags: TotalFlag[];
  /**
   * Counted units whose figure for this row is not in the total (unreadable, blank in a form they sent,
   * form not sent, or no row of the same meaning in their version): the total is then not the plain total.
   */
  incomplete: { unit: string; reason: IncompleteReason }[];
  /** For ratio rows: the consolidating edition's numerator and denominator. */
  parts?: { numerator: string; denominator: string };
}

export interface UnitNote {
  unit: string;
  indicatorId: string;
  form: number;
  code: string;
  /** What the unit wrote (a note, a text row)… */
  text?: string;
  /** …or what the reader noted on the row (a formula not evaluated, a row mapped from another version). */
  said?: ReaderNote;
}

export interface Consolidation {
  level: Level;
  version: string;
  period: Period;
  unit: string;
  units: UnitResult[];
  /** Indices into `units` of the counted units, in column order. */
  counted: number[];
  /** Expected units with no file. */
  missing: string[];
  rows: TotalRow[];
  notes: UnitNote[];
  /** Value rows the consolidating unit fills itself (own, none, count-by-code), as indicator ids. */
  own: string[];
}

/** Lowercase, no diacritics, single spaces: "UBND xã Chi Lăng Nam" ~ "ubnd xa chi lang nam". */
export function foldName(s: string): string {
  return foldVi(String(s ?? ""))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Names match when equal after folding, or when one is the other with a leading "UBND"/"Ủy ban nhân dân". */
/** The folded name without a leading "UBND"/"Ủy ban nhân dân": equal keys are the same unit. */
function nameKey(s: string): string {
  return foldName(s).replace(/^(ubnd|uy ban nhan dan)\s+/, "");
}

function baseName(file: string): string {
  const f = file.split(/[\\/]/).pop() ?? file;
  return f.replace(/\.[a-z0-9]+$/i, "");
}

function cellOf(v: ParsedValue | undefined): UnitCell {
  if (!v) return { k: "missing" };
  switch (v.state) {
    case "value":
      return typeof v.number === "number" && Number.isFinite(v.number) ? { k: "n", v: v.number } : { k: "missing" };
    case "na":
      return { k: "na", text: v.text ?? (typeof v.raw === "string" ? v.raw : "-") };
    case "text":
      return { k: "text", text: typeof v.raw === "string" ? v.raw : String(v.raw ?? "") };
    case "error":
      return { k: "text", text: v.text ?? String(v.raw ?? "") };
    default:
      return { k: "missing" };
  }
}

/**
 * The figures' fingerprint, to recognise the same report sent twice: every figure with its state, text rows
 * (narrative) and notes left out, so two units whose pasted texts share a sentence are never "the same".
 */
function fingerprint(r: Report): string {
  const parts: string[] = [];
  for (const [id, e] of [...r.entries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (indicatorById(id)?.kind === "text") continue;
    const v = e.value;
    parts.push(`${id}=${v.state}:${v.number ?? v.text ?? v.raw ?? ""}`);
  }
  return parts.join("|");
}

function versionLabel(id: string): string {
  return catalog.versions.find((v) => v.id === id)?.name ?? id;
}

function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year;
}

/**
 * A unit's name made from its file name when nothing in the file names it: separators become spaces, and a
 * slug ("xa-tan-phu_2023.xlsx") gets capitals ("Xa Tan Phu 2023"); a name typed with its accents and
 * capitals ("UBND xã Chi Lăng Nam.xlsx") is kept as it is.
 */
export function unitNameFromFile(file: string): string {
  const words = baseName(file)
    .replace(/(\S)-(?=\S)/g, "$1 ")
    .replace(/[_+]+|\.+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!words) return baseName(file) || file;
  if (words !== words.toLowerCase()) return words;
  return words
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

/** Where the reader says it found the unit's name (optional fields a newer reader sets). */
type MetaWithSource = ReportMeta & { unitSource?: string; unitRaw?: string };
const WEAK_UNIT_SOURCES = new Set(["file", "filename", "file-name", "text", "narrative", "sentence", "body"]);

/** A name that names another level ("UBND tỉnh …" on a commune's report) is not the unit's own name. */
function nameFitsLevel(name: string, level: Level | undefined): boolean {
  const n = foldName(name);
  if (level === "xa") return !/\b(tinh|huyen|quan)\b/.test(n) || /\b(xa|phuong|thi tran)\b/.test(n);
  if (level === "huyen") return !/\btinh\b/.test(n) || /\b(huyen|quan|thi xa|thanh pho)\b/.test(n);
  return true;
}

/**
 * The unit's report restated in the consolidation's version: rows common to both versions as they are,
 * rows of the consolidation's version filled from the mapped rows (version-map.json), and the unit's rows
 * with a figure that feed nothing.
 */
function toVersion(rep: Report, to: string, level: Level): { report: Report; unmapped: UnitResult["unmapped"] } {
  const from = rep.meta.version ?? to;
  const entries = new Map<string, ReportEntry>();
  for (const [id, e] of rep.entries) if (indicatorById(id)?.versions.includes(to)) entries.set(id, e);
  const used = new Set<string>();
  for (const m of versionMappings(from, to)) {
    const vals = m.sources.map((s) => rep.entries.get(s)?.value);
    if (vals.every((v) => !v || v.state === "missing")) continue;
    m.sources.forEach((s) => used.add(s));
    const cells = vals.map(cellOf);
    let value: ParsedValue;
    if (cells.every((c) => c.k === "n")) {
      const n = sumDec(cells.map((c) => (c as { v: number }).v));
      value = { state: "value", number: n, raw: n };
    } else if (cells.every((c) => c.k === "na" || c.k === "n") && cells.some((c) => c.k === "na"))
      value = { state: "na", raw: "-", text: (cells.find((c) => c.k === "na") as { text: string }).text };
    else if (cells.some((c) => c.k === "text"))
      value = { state: "text", raw: (cells.find((c) => c.k === "text") as { text: string }).text };
    else value = { state: "missing", raw: null };
    entries.set(m.target, {
      indicatorId: m.target,
      value,
      readNote: { key: "mappedFrom", codes: m.sources.map((s) => codeOf(s, level)) },
    });
  }
  // ratios of the unit's version count as used when both their parts were mapped
  const unmapped: NonNullable<UnitResult["unmapped"]> = [];
  for (const [id, e] of rep.entries) {
    const ind = indicatorById(id);
    if (!ind || ind.versions.includes(to) || used.has(id) || !isValueRow(ind)) continue;
    if (ind.ratio && used.has(ind.ratio.numerator) && used.has(ind.ratio.denominator)) continue;
    if (e.value.state === "missing") continue;
    const reason = unmappedReason(id);
    unmapped.push({
      form: ind.form,
      code: e.printedCode ?? printedCode(ind, level),
      label: labelFor(ind, level),
      ...(reason ? { reason } : {}),
    });
  }
  unmapped.sort((a, b) => a.form - b.form || a.code.localeCompare(b.code, "en", { numeric: true }));
  return { report: { ...rep, entries }, unmapped };
}

function codeOf(id: string, level: Level): string {
  const i = indicatorById(id);
  return i ? `${i.form}:${printedCode(i, level)}` : id;
}

interface Candidate {
  index: number;
  report: Report;
  fp: string;
  /** The name may decide that two files are the same unit sending twice. */
  trusted: boolean;
  named: boolean;
  /** nameKey of the unit's name. */
  key: string;
}

/** Checks every file and rolls up the counted units' figures. Never throws on user data. */
export function consolidate(inputs: UnitInput[], o: ConsolidateOptions): Consolidation {
  const srcLevels = sourceLevels(o.level);
  const units: UnitResult[] = [];
  const cands: Candidate[] = [];

  for (const inp of Array.isArray(inputs) ? inputs : []) {
    const file = String(inp?.file ?? "");
    const u: UnitResult = {
      file,
      unit: unitNameFromFile(file),
      status: "ok",
      counted: false,
      errors: 0,
      warnings: 0,
      missingForms: [],
      messages: [],
    };
    units.push(u);
    if (inp?.receivedAt instanceof Date) {
      const l = lateness(o.period, inp.receivedAt);
      if (l) {
        u.late = l;
        if (l.late)
          u.messages.push({ key: "late", days: l.daysLate, deadline: l.deadline.split("-").reverse().join("/") });
      }
    }
    const read = inp?.read;
    if (!read || read.ok !== true || !read.report) {
      u.status = "unreadable";
      u.messages.unshift(
        read && read.ok === false && read.reason ? { key: "asRead", text: String(read.reason) } : { key: "nothing" }
      );
      continue;
    }
    let rep = read.report;
    const m: MetaWithSource = rep.meta ?? { source: "handmade" };
    const fromFile = m.unitSource !== undefined && /^file/.test(m.unitSource);
    const named = !!(m.unit && m.unit.trim()) && !fromFile;
    if (named) u.unit = m.unit!.trim();
    else {
      u.unitFromFileName = true;
      u.messages.push({ key: "noUnitName", file });
    }
    u.level = m.level;
    u.period = m.period;
    u.version = m.version;
    for (const f of Array.isArray(read.findings) ? read.findings : []) {
      if (f.severity === "error") u.errors++;
      else if (f.severity === "warning") u.warnings++;
    }
    const lvl = m.level;
    if (lvl) {
      const have = new Set(rep.forms ?? []);
      for (let form = 1; form <= 7; form++) {
        if (have.has(form)) continue;
        if (formRows(form, lvl, m.version ?? o.version).some(isValueRow)) u.missingForms.push(form);
      }
      if (u.missingForms.length) u.messages.push({ key: "missingForms", forms: u.missingForms.join(", ") });
    }
    // checks, in order of gravity
    if (!rep.entries || rep.entries.size === 0) {
      u.status = "unreadable";
      u.messages.unshift({ key: "noFigures" });
      continue;
    }
    if (!lvl || !srcLevels.includes(lvl)) {
      u.status = "wrong-level";
      u.messages.unshift({ key: "wrongLevel", ...(lvl ? { got: lvl } : {}), allowed: srcLevels });
      continue;
    }
    if (m.period && !samePeriod(m.period, o.period)) {
      u.status = "wrong-period";
      u.messages.unshift({ key: "wrongPeriod", got: m.period, want: o.period });
      continue;
    }
    if (!m.period) u.messages.push({ key: "unknownPeriod" });
    // a check that stopped on a defect: never shown as a clean unit; a reading that stopped midway would
    // understate the totals, so such a unit is left out of them
    if (read.complete === false || (rep.readFailures?.length ?? 0) > 0) {
      u.status = "not-checked";
      if ((rep.readFailures?.length ?? 0) > 0) {
        u.messages.unshift({ key: "notRead" });
        continue;
      }
      u.messages.unshift({ key: "notChecked" });
    }
    const fp = fingerprint(rep);
    // the other version of the forms: everything that maps is counted, the rest listed
    if (m.version && m.version !== o.version) {
      const t = toVersion(rep, o.version, lvl);
      rep = t.report;
      u.otherVersion = m.version;
      u.unmapped = t.unmapped ?? [];
      u.messages.unshift({
        key: "otherVersion",
        got: versionLabel(m.version),
        want: versionLabel(o.version),
        unmapped: u.unmapped.length,
        first: u.unmapped.slice(0, 5).map((x) => `BM${x.form} ${x.code}`),
      });
    }
    const trusted =
      named &&
      (m.source === "addin" || (m.unitSource !== undefined ? !WEAK_UNIT_SOURCES.has(m.unitSource) : true)) &&
      nameFitsLevel(u.unit, lvl);
    if (named && !nameFitsLevel(u.unit, lvl)) u.messages.push({ key: "nameOfOtherLevel", name: u.unit, level: lvl });
    cands.push({ index: units.length - 1, report: rep, fp, trusted, named, key: nameKey(u.unit) });
  }

  // the same unit twice, decided by the unit and the figures (never by a shared text):
  // - same unit, same figures: a copy, counted once;
  // - same unit (named by the file itself), other figures: sent again, the later file received is kept
  //   (the first in the list when the dates are unknown), and both files say which;
  // - no unit name, same figures as another file: a copy of it;
  // - different units, same figures (small communes with blank forms), or a unit name taken from the
  //   file's text with other figures: both counted, warned.
  const kept: Candidate[] = [];
  const keptByName = new Map<string, Candidate>();
  const keptByPrint = new Map<string, Candidate>();
  const drop = (c: Candidate, of: Candidate, msg: UnitMessage) => {
    const u = units[c.index];
    u.status = "duplicate";
    u.duplicateOf = units[of.index].file;
    u.messages.unshift(msg);
  };
  for (const c of cands) {
    const u = units[c.index];
    const same = c.named && c.key ? keptByName.get(c.key) : undefined;
    const copy = keptByPrint.get(c.fp);
    if (same && same.fp === c.fp) {
      drop(c, same, { key: "duplicateOf", file: units[same.index].file });
      continue;
    }
    if (same && same.trusted && c.trusted) {
      const a = inputs[same.index]?.receivedAt;
      const b = inputs[c.index]?.receivedAt;
      const laterWins = a instanceof Date && b instanceof Date && b.getTime() > a.getTime();
      if (laterWins) {
        drop(same, c, { key: "replacedBy", file: u.file });
        units[c.index].messages.push({ key: "replaces", file: units[same.index].file });
        kept[kept.indexOf(same)] = c;
        keptByName.set(c.key, c);
        if (keptByPrint.get(same.fp) === same) keptByPrint.delete(same.fp);
        if (!keptByPrint.has(c.fp)) keptByPrint.set(c.fp, c);
      } else
        drop(c, same, {
          key: "resentKeepFirst",
          file: units[same.index].file,
          dated: a instanceof Date && b instanceof Date,
        });
      continue;
    }
    if (same) u.messages.push({ key: "sameNameOtherFigures", file: units[same.index].file });
    if (!c.named && copy) {
      drop(c, copy, { key: "duplicateOf", file: units[copy.index].file });
      continue;
    }
    if (copy) u.messages.push({ key: "sameFigures", file: units[copy.index].file });
    kept.push(c);
    if (c.named && c.key && !keptByName.has(c.key)) keptByName.set(c.key, c);
    if (!keptByPrint.has(c.fp)) keptByPrint.set(c.fp, c);
  }
  kept.sort((a, b) => a.index - b.index);
  const counted: number[] = [];
  const reports: Report[] = [];
  for (const c of kept) {
    const u = units[c.index];
    u.counted = true;
    u.column = counted.length;
    counted.push(c.index);
    reports.push(c.report);
  }

  // missing units from the expected list
  const missing: string[] = [];
  const sentKeys = new Set(units.filter((u) => u.status !== "unreadable").map((u) => nameKey(u.unit)));
  const missingKeys = new Set<string>();
  for (const name of o.expected ?? []) {
    if (!String(name ?? "").trim()) continue;
    // a unit that sent a file (even a flagged one) is not missing; its file is flagged instead
    const k = nameKey(String(name));
    if (!k) continue;
    if (!sentKeys.has(k) && !missingKeys.has(k)) {
      missing.push(String(name).trim());
      missingKeys.add(k);
    }
  }

  // rules per source level present among counted units
  const countedUnits = counted.map((i) => units[i]);
  const rulesByLevel = new Map<Level, Map<string, AggRule>>();
  for (const l of srcLevels) rulesByLevel.set(l, aggregationRules(o.level, l, o.version));
  const presentLevels = srcLevels.filter((l) => countedUnits.some((u) => u.level === l));
  const levelsForRules = presentLevels.length > 0 ? presentLevels : srcLevels.slice(0, 1);

  const rows: TotalRow[] = [];
  const byId = new Map<string, TotalRow>();
  const unread: NonNullable<UnitResult["unread"]>[] = countedUnits.map(() => []);
  const targetRows: Indicator[] = [];
  for (let form = 1; form <= 7; form++) targetRows.push(...formRows(form, o.level, o.version));
  const computing: Aggregate[] = ["sum", "ratio", "any", "survey-mode", "count-by-code"];

  for (const ind of targetRows) {
    // the effective rule: the first computing rule among the present source levels
    let eff: AggRule | undefined;
    for (const l of levelsForRules) {
      const r = rulesByLevel.get(l)?.get(ind.id);
      if (r && computing.includes(r.rule)) {
        eff = r;
        break;
      }
    }
    if (!eff)
      eff = rulesByLevel.get(levelsForRules[0])?.get(ind.id) ?? {
        indicatorId: ind.id,
        rule: "none",
        from: [],
        origin: "default",
      };
    const row: TotalRow = {
      indicatorId: ind.id,
      form: ind.form,
      code: printedCode(ind, o.level),
      label: labelFor(ind, o.level),
      unit: unitFor(ind, o.level),
      kind: ind.kind,
      rule: eff.rule,
      from: [],
      reason: eff.reason,
      value: null,
      cells: [],
      present: 0,
      na: 0,
      missing: 0,
      flags: [],
      incomplete: [],
      parts: eff.parts,
    };
    const fromSet = new Set<string>();
    if (eff.rule === "sum" || eff.rule === "any" || eff.rule === "survey-mode" || eff.rule === "count-by-code") {
      // each unit contributes through its own level's rule (same kind); others contribute nothing
      countedUnits.forEach((u, k) => {
        const r = rulesByLevel.get(u.level!)?.get(ind.id);
        if (!r || r.rule !== eff!.rule) {
          row.cells.push({ k: "skip" });
          return;
        }
        r.from.forEach((s) => fromSet.add(s));
        const cell = unitCellFor(reports[k], r.from);
        row.cells.push(cell);
        if (cell.k === "text") {
          row.incomplete.push({ unit: u.unit, reason: "unread" });
          const e = r.from.map((id) => reports[k].entries.get(id)).find((x) => x && cellOf(x.value).k === "text");
          unread[k].push({ form: ind.form, code: (e?.printedCode ?? row.code).replace(/\.$/, ""), text: cell.text });
        } else if (cell.k === "missing")
          row.incomplete.push({ unit: u.unit, reason: whyMissing(u, reports[k], ind.form, r.from) });
      });
      row.from = [...fromSet];
      tally(row);
      rollUp(row, ind);
    }
    rows.push(row);
    byId.set(ind.id, row);
  }
  // ratios from the summed parts
  for (const row of rows) {
    if (row.rule !== "ratio" || !row.parts) continue;
    const num = byId.get(row.parts.numerator);
    const den = byId.get(row.parts.denominator);
    if (!num || !den) continue;
    row.cells = countedUnits.map((_, k) => {
      const a = num.cells[k];
      const b = den.cells[k];
      if (a?.k === "n" && b?.k === "n") {
        const p = percentOf(a.v, b.v);
        return p === null ? { k: "missing" } : { k: "n", v: p };
      }
      if (a?.k === "na" || b?.k === "na")
        return { k: "na", text: a?.k === "na" ? a.text : (b as { text: string }).text };
      if (a?.k === "skip" && b?.k === "skip") return { k: "skip" };
      return { k: "missing" };
    });
    tally(row);
    row.flags = [];
    row.missing = Math.max(num.missing, den.missing);
    row.na = Math.max(num.na, den.na);
    // a unit missing from either part is missing from the ratio (in column order, first reason)
    row.incomplete = countedUnits
      .map((u) => num.incomplete.find((x) => x.unit === u.unit) ?? den.incomplete.find((x) => x.unit === u.unit))
      .filter((x): x is TotalRow["incomplete"][number] => x !== undefined);
    if (row.incomplete.length > 0) row.flags.push({ key: "incomplete", groups: groupIncomplete(row.incomplete) });
    if (row.na > 0) row.flags.push({ key: "naUnits", n: row.na });
    if (den.value === 0) row.flags.push({ key: "zeroDenominator" });
    row.value = num.value !== null && den.value !== null ? percentOf(num.value, den.value) : null;
  }

  // each unit says which of its figures could not be read
  countedUnits.forEach((u, k) => {
    if (unread[k].length === 0) return;
    u.unread = unread[k];
    u.messages.push({ key: "unreadFigures", n: unread[k].length, first: unread[k].slice(0, 3) });
  });

  // notes written by the units, with the unit's name
  const notes: UnitNote[] = [];
  countedUnits.forEach((u, k) => {
    const rep = reports[k];
    for (const e of rep.entries.values()) {
      const ind = indicatorById(e.indicatorId);
      if (!ind) continue;
      const texts: (string | ReaderNote)[] = [];
      if (e.readNote) texts.push(e.readNote);
      if (e.note && String(e.note).trim()) texts.push(String(e.note).trim());
      if (ind.kind === "text" && e.value.state !== "missing" && e.value.raw !== null && String(e.value.raw).trim())
        texts.push(String(e.value.raw).trim());
      for (const t of texts)
        notes.push({
          unit: u.unit,
          indicatorId: ind.id,
          form: ind.form,
          code: (e.printedCode ?? printedCode(ind, u.level ?? o.level)).replace(/\.$/, ""),
          ...(typeof t === "string" ? { text: t } : { said: t }),
        });
    }
  });

  const own = rows
    .filter((r) => r.kind !== "section" && (r.rule === "own" || r.rule === "none" || r.rule === "count-by-code"))
    .map((r) => r.indicatorId);
  return {
    level: o.level,
    version: o.version,
    period: o.period,
    unit: o.unit,
    units,
    counted,
    missing,
    rows,
    notes,
    own,
  };
}

/** The unit's figure for a rule taking `from` (several sources are added; all must be present). */
function unitCellFor(rep: Report, from: string[]): UnitCell {
  if (from.length === 1) return cellOf(rep.entries.get(from[0])?.value);
  const cells = from.map((id) => cellOf(rep.entries.get(id)?.value));
  if (cells.every((c) => c.k === "n")) return { k: "n", v: sumDec(cells.map((c) => (c as { v: number }).v)) };
  const na = cells.find((c) => c.k === "na");
  if (na && cells.every((c) => c.k === "na" || c.k === "n")) return na;
  return cells.find((c) => c.k === "text") ?? { k: "missing" };
}

/** Why a counted unit has no figure for a row: the form not sent, a row its version lacks, or left blank. */
function whyMissing(u: UnitResult, rep: Report, form: number, from: string[]): IncompleteReason {
  if (!(rep.forms ?? []).includes(form)) return "no-form";
  if (
    u.otherVersion &&
    from.some((id) => !rep.entries.has(id) && !indicatorById(id)?.versions.includes(u.otherVersion!))
  )
    return "unmapped";
  return "blank";
}

/** The incomplete units grouped by reason, in the order first met: for one flag per total. */
function groupIncomplete(list: TotalRow["incomplete"]): { reason: IncompleteReason; units: string[] }[] {
  const out: { reason: IncompleteReason; units: string[] }[] = [];
  for (const x of list) {
    let g = out.find((o) => o.reason === x.reason);
    if (!g) out.push((g = { reason: x.reason, units: [] }));
    g.units.push(x.unit);
  }
  return out;
}

function tally(row: TotalRow): void {
  row.present = row.cells.filter((c) => c.k === "n").length;
  row.na = row.cells.filter((c) => c.k === "na").length;
  row.missing = row.cells.filter((c) => c.k === "missing" || c.k === "text").length;
}

function rollUp(row: TotalRow, ind: Indicator): void {
  const nums = row.cells.filter((c): c is { k: "n"; v: number } => c.k === "n").map((c) => c.v);
  switch (row.rule) {
    case "sum":
      row.value = nums.length > 0 ? sumDec(nums) : null;
      break;
    case "any": {
      const counts = countCodes(nums, ind);
      row.counts = counts;
      const yes = nums.filter((v) => v === 1).length;
      row.value = nums.length === 0 ? null : yes > 0 ? 1 : 0;
      row.flags.push({ key: "yesCount", n: yes, total: nums.length });
      break;
    }
    case "survey-mode": {
      row.counts = countCodes(nums, ind);
      const valid = nums.filter((v) => v === 0 || v === 1 || v === 2);
      if (valid.length === 0) row.value = null;
      else if (valid.every((v) => v === 0)) row.value = 0;
      else if (valid.every((v) => v === 1)) row.value = 1;
      else row.value = 2;
      break;
    }
    case "count-by-code": {
      row.counts = countCodes(nums, ind);
      row.value = null;
      for (const e of ind.enum ?? [])
        if (row.counts[e.code])
          row.flags.push({ key: "codeCount", code: e.code, label: e.label, n: row.counts[e.code] });
      break;
    }
    default:
      break;
  }
  if (row.incomplete.length > 0) row.flags.unshift({ key: "incomplete", groups: groupIncomplete(row.incomplete) });
  if (row.na > 0) row.flags.push({ key: "naUnits", n: row.na });
}

function countCodes(nums: number[], ind: Indicator): Record<number, number> {
  const out: Record<number, number> = {};
  for (const e of ind.enum ?? []) out[e.code] = 0;
  for (const v of nums) if (Number.isInteger(v)) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** `"3:3.3.1"` keys (form and the consolidating level's printed code) to totals, for `--json`. */
export function totalsByCode(c: Consolidation): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const r of c.rows) if (r.kind !== "section") out[`${r.form}:${r.code}`] = r.value;
  return out;
}

/** `"3:3.3.1"` keys to the counted units whose figure is not in that total (only totals that lack some), for `--json`. */
export function incompleteByCode(c: Consolidation): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of c.rows)
    if (r.kind !== "section" && r.incomplete.length > 0) out[`${r.form}:${r.code}`] = r.incomplete.map((x) => x.unit);
  return out;
}

/** The totals as a map indicator id → figure, for filling the consolidated forms (computed rows only). */
export function totalValues(c: Consolidation): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of c.rows) if (r.value !== null && r.rule !== "own" && r.rule !== "none") m.set(r.indicatorId, r.value);
  return m;
}

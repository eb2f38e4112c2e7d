/**
 * Reads a report (the figures of Biểu mẫu 1–7) from plain grids.
 *
 * Two kinds of sheets:
 * - sheets this project wrote: metadata in F1 (decodeMeta) and the indicator id in hidden column F of every
 *   row give an exact mapping;
 * - hand-made sheets like the seeds' appendices: forms are found by their headings ("Biểu mẫu N" or only the
 *   form title), the header row tells where STT, label and value are, and each row is matched to the catalog
 *   by its printed STT and a token-similarity score of its label. The edition (level, version) that fits the
 *   whole file best is chosen; rows that fit nothing are listed in `unplaced` with a reason.
 * Pure: never throws on user data.
 */
import {
  allFormRows,
  catalog,
  DEFAULT_VERSION,
  formRows,
  indicatorById,
  Indicator,
  isLevel,
  labelsFor,
  Level,
  LEVELS,
  normalizeCode,
  printedCode,
  VERSION_IDS,
} from "../catalog";
import { COL, decodeMeta, SETTINGS_KEYS, SETTINGS_SHEET } from "./conventions";
import { FormulaEvaluator } from "./formula";
import { findPeriod, parsePeriod } from "./period";
import type { ReaderNote } from "./messages";
import { choosePeriodSheets, findUnit, isTitleLike, sheetTitle, titleTexts } from "./title";
import type { CellRef, GridSheet, GridValue, Period, Report, ReportEntry, Stamp } from "./types";
import { readSettings, parseStamp } from "./settings";
import { a1 } from "./a1";
import { parseValue } from "./values";
import { BoundedMap, rowsSignature } from "./match-cache";

export { unitFromTitle } from "./title";

export interface ReadOptions {
  /** Workbook settings (key/value of the settings sheet): "settings" holds WorkbookSettings JSON, "stamp" a Stamp. */
  settings?: Record<string, string>;
  /**
   * The period being consolidated: of a workbook keeping sheets of several periods, only that period's sheets
   * are read (sheets naming no period count as matching). Without it, the latest period's sheets are read.
   */
  period?: Period;
}

// ------------------------------------------------------------------ text normalisation

/** Lowercase, no diacritics, no markup or footnote marks, words separated by single spaces. */
export function normText(s: unknown): string {
  if (s === null || s === undefined) return "";
  // the cells of one template's files repeat: short texts are folded once (pure, bounded)
  if (typeof s !== "string" || s.length > 400) return normTextUncached(s);
  let n = normMemo.get(s);
  if (n === undefined) normMemo.set(s, (n = normTextUncached(s)));
  return n;
}
const normMemo = new BoundedMap<string, string>(20000);

function normTextUncached(s: unknown): string {
  if (s === null || s === undefined) return "";
  return String(s)
    .normalize("NFC")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/\*\*/g, " ")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u209f]/g, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

const STOP = new Set(["va", "cac", "cua", "da", "duoc", "tai", "cho", "the", "hoac", "la", "co", "trong"]);

/** Wordings that mean the same in these forms, folded to one spelling before comparing labels. */
const SYNONYMS: [RegExp, string][] = [
  [/\bdon vi su nghiep cong lap\b/g, "dvsn"],
  [/\bdon vi sncl\b/g, "dvsn"],
  [/\b(dvsnncl|dvsncl|sncl)\b/g, "dvsn"],
  [/\btu chu\b/g, "tu bao dam"],
  [/\bdam bao\b/g, "bao dam"],
  [/\bvan ban quy pham phap luat\b/g, "vbqppl"],
  [/\bthu tuc hanh chinh\b/g, "tthc"],
  [/\bdung hen\b/g, "dung han"],
];

function tokens(s: string): string[] {
  let n = normText(s);
  for (const [re, to] of SYNONYMS) n = n.replace(re, to);
  // "vbqppl24" (a footnote number glued to a word) -> "vbqppl"
  return n
    .split(" ")
    .map((t) => (/^[a-z]{3,}\d{1,2}$/.test(t) ? t.replace(/\d+$/, "") : t))
    .filter((t) => t.length > 0);
}

function tokenSet(s: string): Set<string> {
  const ts = tokens(s).filter((t) => !STOP.has(t));
  return new Set(ts.length > 0 ? ts : tokens(s));
}

/** Similarity of a printed label to a catalog wording, 0..1. */
export function labelSimilarity(printed: Set<string>, known: Set<string>): number {
  if (printed.size === 0 || known.size === 0) return 0;
  let inter = 0;
  for (const t of printed) if (known.has(t)) inter++;
  return similarityFromCounts(inter, printed.size, known.size);
}

/** labelSimilarity from the size of the intersection and of both sets (sizes > 0). */
function similarityFromCounts(inter: number, printedSize: number, knownSize: number): number {
  const dice = (2 * inter) / (printedSize + knownSize);
  const coverKnown = inter / knownSize; // printed label carries extra words (a note in brackets)
  const coverPrinted = inter / printedSize; // printed label cut short (page break)
  let s = dice;
  if (knownSize >= 3) s = Math.max(s, 0.9 * coverKnown * Math.min(1, (knownSize + 2) / printedSize));
  if (printedSize >= 3) s = Math.max(s, 0.85 * coverPrinted * Math.min(1, (printedSize + 2) / knownSize));
  return s;
}

const wordingCache = new Map<string, Set<string>[]>();
function wordings(i: Indicator): Set<string>[] {
  let w = wordingCache.get(i.id);
  if (!w) {
    w = labelsFor(i, "tinh").flatMap(labelForms);
    wordingCache.set(i.id, w);
  }
  return w;
}

/**
 * Inverted index of every catalog wording: token -> the wordings that hold it. A printed label is then scored
 * only against the wordings it shares a token with (any other scores exactly 0), in time proportional to
 * its tokens' postings instead of the whole catalog.
 */
interface WordingIndex {
  /** Per wording: its indicator id and token count. */
  owner: string[];
  size: number[];
  postings: Map<string, number[]>;
}
let wordingIndex: WordingIndex | undefined;
function getWordingIndex(): WordingIndex {
  if (wordingIndex) return wordingIndex;
  const idx: WordingIndex = { owner: [], size: [], postings: new Map() };
  for (const i of catalog.indicators) {
    for (const w of wordings(i)) {
      if (w.size === 0) continue;
      const k = idx.owner.length;
      idx.owner.push(i.id);
      idx.size.push(w.size);
      for (const t of w) {
        let p = idx.postings.get(t);
        if (!p) idx.postings.set(t, (p = []));
        p.push(k);
      }
    }
  }
  return (wordingIndex = idx);
}

/**
 * Work done by the last readReport, for tests that guard its complexity (no clock involved):
 * `scored` = label-to-wording similarities computed, `labels` = distinct labels scored.
 */
export const readerWork = { scored: 0, labels: 0 };

/** Best similarity of a label (its token sets) to each indicator's wordings; indicators absent score 0. */
function similarities(label: Set<string>[]): Map<string, number> {
  readerWork.labels++;
  const idx = getWordingIndex();
  const out = new Map<string, number>();
  for (const l of label) {
    if (l.size === 0) continue;
    const counts = new Map<number, number>();
    for (const t of l) {
      const p = idx.postings.get(t);
      if (p) for (const k of p) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    readerWork.scored += counts.size;
    for (const [k, inter] of counts) {
      const sim = similarityFromCounts(inter, l.size, idx.size[k]);
      const id = idx.owner[k];
      if (sim > (out.get(id) ?? 0)) out.set(id, sim);
    }
  }
  return out;
}

/**
 * Labels seen: token sets and similarities, shared by rows that print the same label (a big sheet repeats
 * its texts) and by the files of one consolidation (communes typed from one template print the same
 * labels). Pure catalog-derived data, so it outlives a read; bounded (match-cache.ts).
 */
const labelMemo = new BoundedMap<string, { forms: Set<string>[]; sims?: Map<string, number> }>(20000);
function memoLabel(label: string): { forms: Set<string>[]; sims?: Map<string, number> } {
  let m = labelMemo.get(label);
  if (!m) {
    m = { forms: labelForms(label) };
    labelMemo.set(label, m);
  }
  return m;
}

/** A label's token sets: as printed, and without its bracketed remarks ("(lũy kế đến thời điểm báo cáo)"). */
function labelForms(label: string): Set<string>[] {
  const out = [tokenSet(label)];
  const bare = label.replace(/\([^()]*\)/g, " ");
  if (bare !== label && bare.trim() !== "") out.push(tokenSet(bare));
  return out;
}

// ------------------------------------------------------------------ grid access

function cellAt(sh: GridSheet, row: number, col: number): GridValue {
  const o = sh.origin ?? { row: 1, col: 1 };
  const v = sh.values[row - o.row]?.[col - o.col];
  return v === undefined ? null : v;
}

function formulaAt(sh: GridSheet, row: number, col: number): string | null {
  const o = sh.origin ?? { row: 1, col: 1 };
  const f = sh.formulas?.[row - o.row]?.[col - o.col];
  return typeof f === "string" && f.trim() !== "" ? f : null;
}

function textOf(v: GridValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v);
}

function bounds(sh: GridSheet): { r0: number; r1: number; c0: number; c1: number } {
  const o = sh.origin ?? { row: 1, col: 1 };
  let width = 0;
  for (const r of sh.values) width = Math.max(width, r?.length ?? 0);
  return { r0: o.row, r1: o.row + sh.values.length - 1, c0: o.col, c1: o.col + width - 1 };
}

// ------------------------------------------------------------------ settings

interface Hints {
  level?: Level;
  version?: string;
  unit?: string;
  period?: Period;
  stamp?: Stamp;
}

function readSettingsSheet(sheets: GridSheet[]): Record<string, string> | undefined {
  const sh = sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sh) return undefined;
  const out: Record<string, string> = {};
  const b = bounds(sh);
  for (let r = b.r0; r <= b.r1; r++) {
    const k = textOf(cellAt(sh, r, 1)).trim();
    if (k) out[k] = textOf(cellAt(sh, r, 2));
  }
  return out;
}

function hintsFrom(settings: Record<string, string> | undefined): Hints {
  const h: Hints = {};
  if (!settings) return h;
  // one reader of the settings sheet for the reader and every shell (./settings)
  const s = readSettings(settings[SETTINGS_KEYS.settings]);
  if (s.level) h.level = s.level;
  if (s.version) h.version = s.version;
  if (s.unit) h.unit = s.unit;
  if (s.period) h.period = s.period;
  const stamp = parseStamp(settings[SETTINGS_KEYS.stamp]);
  if (stamp) h.stamp = stamp;
  return h;
}

// ------------------------------------------------------------------ hand-made layout

interface RawRow {
  sheet: string;
  row: number;
  form: number;
  code?: string;
  label: string;
  labelTokens: Set<string>[];
  /** The STT as a matching hint; absent in a combined table whose numbering is its own. */
  hint?: string;
  /**
   * For an STT that is not a form code ("a", "II", "1)", "-"): the code its place in the table's outline stands
   * for ("2.1" for "a" under "2") — a weaker hint — and its parent's code: it is matched first among that row's
   * descendants (a, b under row 2 are 2's children, not rows "a" elsewhere).
   */
  implied?: string;
  scope?: string;
  valueCol: number;
  /** A separate "Tỷ lệ" column for the percentage rows ("Số lượng | Tỷ lệ" tables). */
  pctCol?: number;
  /** The table the row was read from (its value-column choice). */
  table?: TableInfo;
  /** Read from a combined table (sections 1–7 = the forms), whose numbering is its own. */
  combined?: boolean;
  /** The levels its label names, and whether it is a rate ("Tỷ lệ …"): computed once, on first use. */
  traits?: { named: Level[]; rate: boolean };
  /** Position in the file, for stable ordering. */
  seq: number;
  /** Label similarity per indicator id (absent = 0), computed once per distinct label on first use. */
  sims?: Map<string, number>;
}

interface Columns {
  code: number;
  label: number;
  unit?: number;
  value: number;
  pct?: number;
  note?: number;
  table?: TableInfo;
}

/** A hand-made table's value column, when it was a guess: told once, on the first row placed from it. */
interface TableInfo {
  uncertain?: { header: string; others: string[] };
  told?: boolean;
}

const FORM_HEADING = /(?:^|\s)bieu mau (?:so )?([1-7])(?![0-9])/;

function formTitleMatch(text: string): number | undefined {
  const n = normText(text);
  if (!n || n.length > 160) return undefined;
  for (const f of catalog.forms) {
    for (const t of [f.title, ...f.titleVariants]) {
      const k = normText(t);
      if (n === k || (n.startsWith(k) && n.length - k.length < 12)) return f.number;
    }
  }
  return undefined;
}

/** True when a label is (close to) the title of form n. */
function sectionTitleMatches(n: number, label: string): boolean {
  const f = catalog.forms.find((x) => x.number === n);
  if (!f) return false;
  const t = tokenSet(label);
  return [f.title, ...f.titleVariants].some((w) => labelSimilarity(t, tokenSet(w)) >= 0.6);
}

function formFromSheetName(name: string): number | undefined {
  const n = normText(name).replace(/\s+/g, "");
  const m = /^(?:bieumau|bm|mau|bieu)(?:so)?([1-7])$/.exec(n);
  return m ? Number(m[1]) : undefined;
}

type HeaderRole = "code" | "label" | "unit" | "value" | "valueWeak" | "valueCand" | "note";

function headerRole(text: string): HeaderRole | undefined {
  const n = normText(text);
  if (!n || n.length > 200) return undefined;
  if (/^(stt|tt|so tt|so thu tu)$/.test(n)) return "code";
  if (/^(chi tieu|chi tiet|noi dung|ten chi tieu)/.test(n)) return "label";
  if (/^(don vi tinh|don vi|dvt)\b/.test(n)) return "unit";
  if (/^(so lieu|so luong|ty le|gia tri)\b/.test(n)) return "value";
  if (/^(ghi chu|chu chu)/.test(n)) return "note";
  if (/^ket qua\b/.test(n)) return "valueWeak";
  // the period words of a value column ("Kỳ trước | Kỳ này", "Kế hoạch | Thực hiện", "Năm 2023")
  if (n.length <= 30 && (PERIOD_HEADER.test(n) || /^(nam )?(19|20)\d{2}$/.test(n))) return "valueCand";
  return undefined;
}

/** Roles found in a header row. */
function headerRow(sh: GridSheet, row: number, c0: number, c1: number): Map<HeaderRole, number> {
  const m = new Map<HeaderRole, number>();
  for (let c = c0; c <= c1; c++) {
    const v = cellAt(sh, row, c);
    if (typeof v !== "string") continue; // a number, a boolean, an error or a blank is never a heading
    const role = headerRole(v);
    if (role && !m.has(role)) m.set(role, c);
  }
  return m;
}

function isHeader(m: Map<HeaderRole, number>): boolean {
  const n = m.size;
  return (m.has("label") && n >= 2) || (m.has("code") && n >= 2) || (m.has("unit") && m.has("value"));
}

function rowStartsWithCode(sh: GridSheet, row: number, c0: number, c1: number): boolean {
  for (let c = c0; c <= c1; c++) {
    const v = cellAt(sh, row, c);
    if (textOf(v).trim() === "") continue;
    return codeIn(v) !== undefined;
  }
  return false;
}

function codeIn(v: GridValue): string | undefined {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return normalizeCode(String(v));
  return normalizeCode(textOf(v));
}

/**
 * An STT in any numbering officials use: "1", "1.", "1.1.2" (explicit form codes), Roman "I", "II." (sections),
 * "1)", "(2)", letters "a", "b)", "đ.", and bullets "-", "+", "•". `style` tells numbering levels apart
 * ("n1", "n2"… by depth for dotted codes); `ord` is the number a Roman or "1)" STT carries.
 */
export interface Stt {
  style: string;
  /** Explicit dotted code ("1.1.2") for the arabic styles n1, n2… */
  code?: string;
  ord?: number;
  printed: string;
}

const ROMAN_RE = /^(?=[IVXLC]+$)(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
function romanValue(s: string): number | undefined {
  if (!ROMAN_RE.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const a = v[s[k]];
    const b = k + 1 < s.length ? v[s[k + 1]] : 0;
    n += a < b ? -a : a;
  }
  return n > 0 && n < 90 ? n : undefined;
}

export function sttOf(v: GridValue): Stt | undefined {
  const code = codeIn(v);
  if (code) return { style: `n${code.split(".").length}`, code, printed: code };
  if (typeof v !== "string") return undefined;
  const t = v.normalize("NFC").trim();
  if (t.length === 0 || t.length > 8) return undefined;
  let m = /^\(?(\d{1,2})\)$/.exec(t);
  if (m) return { style: "n)", ord: Number(m[1]), printed: t };
  m = /^\(?([IVXLC]{1,6})\)?[.)/]?$/.exec(t);
  if (m) {
    const n = romanValue(m[1]);
    if (n !== undefined) return { style: "R", ord: n, printed: t };
  }
  m = /^\(?([ivx]{2,5})\)?[.)/]?$/.exec(t);
  if (m) {
    const n = romanValue(m[1].toUpperCase());
    if (n !== undefined) return { style: "r", ord: n, printed: t };
  }
  m = /^\(?([a-zđ])\)?[.)/]?$/u.exec(t);
  if (m) return { style: "a", printed: t };
  m = /^\(?([A-ZĐ])\)?[.)/]?$/u.exec(t);
  if (m) return { style: "A", printed: t };
  if (/^[-+•*–—·○●▪►✓]$/u.test(t)) return { style: t === "–" || t === "—" ? "-" : t, printed: t };
  return undefined;
}

/** Rows of an outline: each STT's parent and the code it stands for when it is not a dotted code itself. */
interface Outline {
  stack: { style: string; code: string; kids: number }[];
  topKids?: number;
}

/**
 * Places an STT in the outline of its table: a style seen before closes the levels under it (a sibling); a new
 * style opens a level under the previous row (a child). Returns the parent's code (undefined at the top) and the
 * code the row stands for ("a" under "2" -> "2.1", "II" -> "2", "1)" under "3.1" -> "3.1.1").
 */
function outlineStep(o: Outline, stt: Stt): { scope?: string; code: string } {
  let k = o.stack.findIndex((e) => e.style === stt.style);
  if (stt.code) {
    // an explicit dotted code is its own place: it closes every level at or under its depth
    const depth = stt.code.split(".").length;
    k = o.stack.findIndex((e) => /^n\d+$/.test(e.style) && Number(e.style.slice(1)) >= depth);
    if (k < 0) k = o.stack.findIndex((e) => e.style === stt.style);
  }
  if (k >= 0) o.stack.length = k;
  const parent = o.stack[o.stack.length - 1];
  if (parent) parent.kids++;
  const ord = stt.ord ?? (parent ? parent.kids : o.stack.length === 0 ? (o.topKids = (o.topKids ?? 0) + 1) : 1);
  let code: string;
  if (stt.code && (stt.code.includes(".") || !parent || /^n\d+$/.test(parent.style))) code = stt.code;
  else if (stt.code) code = `${parent.code}.${stt.code}`;
  else code = parent ? `${parent.code}.${ord}` : String(ord);
  o.stack.push({ style: stt.style, code, kids: 0 });
  return { scope: parent?.code, code };
}

/** Level words a label carries ("cấp xã", "cấp huyện", "sở, ngành"): the levels it names. */
function levelsNamed(label: string): Level[] {
  const n = normText(label);
  const out: Level[] = [];
  if (/\b(cap xa|ubnd xa|xa phuong|xa phuong thi tran)\b/.test(n)) out.push("xa");
  if (/\b(cap huyen|ubnd huyen|huyen thi xa)\b/.test(n)) out.push("huyen");
  if (/\b(cap tinh|ubnd tinh)\b/.test(n)) out.push("tinh");
  if (/\b(so nganh|so ban nganh|cac so|co quan chuyen mon)\b/.test(n)) out.push("so");
  return out;
}

/** What a printed label says beyond its words' similarity: the levels it names; a rate ("Tỷ lệ …") is never a count. */
function labelTraits(label: string): { named: Level[]; rate: boolean } {
  return { named: levelsNamed(label), rate: /^ty le\b/.test(normText(label)) };
}

const namedCache = new Map<string, Set<Level>>();
/** The levels an indicator's own wordings name ("… cấp xã", "… do các sở, ngành …"), over every level's label. */
function levelsOfIndicator(i: Indicator): Set<Level> {
  let s = namedCache.get(i.id);
  if (!s) {
    s = new Set(labelsFor(i, "tinh").flatMap(levelsNamed));
    namedCache.set(i.id, s);
  }
  return s;
}

/** A label naming one level ("… do các sở, ngành …") never goes to a row whose wordings name only others. */
function levelClash(named: Level[], i: Indicator): boolean {
  if (named.length === 0) return false;
  const own = levelsOfIndicator(i);
  return own.size > 0 && !named.some((l) => own.has(l));
}

/**
 * The level a file's title lines name as its issuer ("UBND XÃ …", "ỦY BAN NHÂN DÂN HUYỆN …"): evidence for the
 * edition that a few rows cannot outweigh. A department's name is no evidence (the Sở Nội vụ writes the province's
 * report).
 */
export function levelFromTitles(lines: string[]): Level | undefined {
  for (const l of lines) {
    const n = normText(l);
    if (/\b(ubnd|uy ban nhan dan) (xa|phuong|thi tran)\b/.test(n)) return "xa";
    if (/\b(ubnd|uy ban nhan dan) (huyen|quan|thi xa)\b/.test(n)) return "huyen";
    if (/\b(ubnd|uy ban nhan dan) tinh\b/.test(n)) return "tinh";
  }
  return undefined;
}

// ------------------------------------------------------------------ matching

interface Match {
  row: RawRow;
  ind: Indicator;
  score: number;
}

function codeMatches(code: string | undefined, i: Indicator, level: Level | undefined): boolean {
  if (!code) return false;
  if (level) return printedCode(i, level) === code;
  return i.code === code || Object.values(i.codeByLevel ?? {}).includes(code);
}

function rowSims(r: RawRow): Map<string, number> {
  if (!r.sims) {
    const m = memoLabel(r.label);
    if (!m.sims) m.sims = similarities(r.labelTokens);
    r.sims = m.sims;
  }
  return r.sims;
}

/** Everything but the first two parameters of f. */
type RestOf<F> = F extends (a: never, b: never, ...rest: infer R) => unknown ? R : never;

/**
 * Assignments and edition choices already made, by the rows' matching signature (match-cache.ts) and every
 * other argument: the files of one template are matched once. Pairs are kept as positions in the rows.
 */
const assignMemo = new BoundedMap<string, { pairs: [number, string, number][]; score: number }>(2000);
const editionMemo = new BoundedMap<string, { level: Level; version: string }>(500);

/** Forgets every cached label similarity, assignment and edition choice (tests compare with cold reads). */
export function clearMatchCaches(): void {
  labelMemo.clear();
  assignMemo.clear();
  editionMemo.clear();
}

function assign(
  rows: RawRow[],
  cands: Indicator[],
  ...rest: RestOf<typeof assignUncached>
): { pairs: Match[]; score: number } {
  const sig = rowsSignature(rows);
  if (sig === undefined) return assignUncached(rows, cands, ...rest);
  const key = `${cands.map((i) => i.id).join(",")}\u0003${JSON.stringify(rest)}\u0003${sig}`;
  const hit = assignMemo.get(key);
  if (hit) {
    const pairs: Match[] = [];
    for (const [k, id, score] of hit.pairs) {
      const ind = indicatorById(id);
      if (ind) pairs.push({ row: rows[k], ind, score });
    }
    return { pairs, score: hit.score };
  }
  const out = assignUncached(rows, cands, ...rest);
  const at = new Map(rows.map((r, k) => [r, k]));
  assignMemo.set(key, { pairs: out.pairs.map((m) => [at.get(m.row)!, m.ind.id, m.score]), score: out.score });
  return out;
}

/** Greedy best-first assignment of rows to indicators; returns the pairs and their total score. */
function assignUncached(
  rows: RawRow[],
  cands: Indicator[],
  level: Level | undefined,
  relaxed: boolean
): { pairs: Match[]; score: number } {
  // Where each candidate sits, and which candidates each printed code names (codeMatches, precomputed):
  // a row is then compared only with candidates it shares a label word or its code with.
  const pos = new Map<string, number>();
  const byCode = new Map<string, number[]>();
  const codesOf: string[][] = [];
  cands.forEach((i, k) => {
    if (!pos.has(i.id)) pos.set(i.id, k);
    const codes = level ? [printedCode(i, level)] : [i.code, ...Object.values(i.codeByLevel ?? {})];
    codesOf[k] = codes.filter((c): c is string => typeof c === "string");
    for (const c of new Set(codes)) {
      if (typeof c !== "string") continue;
      let l = byCode.get(c);
      if (!l) byCode.set(c, (l = []));
      l.push(k);
    }
  });
  const all: Match[] = [];
  for (const r of rows) {
    const codeHits = r.hint !== undefined ? byCode.get(r.hint) : undefined;
    const impliedHits = r.implied !== undefined ? byCode.get(r.implied) : undefined;
    if (!r.traits) r.traits = labelTraits(r.label);
    const { named, rate } = r.traits;
    const sims = rowSims(r);
    if (!codeHits && sims.size === 0) continue;
    const ks = new Set<number>(codeHits ?? []);
    for (const k of impliedHits ?? []) ks.add(k);
    for (const id of sims.keys()) {
      const k = pos.get(id);
      if (k !== undefined) ks.add(k);
    }
    // candidates in their catalog order, as a full scan would visit them (ties keep that order)
    for (const k of [...ks].sort((a, b) => a - b)) {
      const i = cands[k];
      const sim = sims.get(i.id) ?? 0;
      const code = codeMatches(r.hint, i, level);
      // an outline row: its parent's descendants first, the code its place stands for as a weaker hint
      const scope = r.scope;
      const inScope =
        r.implied !== undefined && (scope === undefined || codesOf[k].some((c) => c.startsWith(scope + ".")));
      const implied = inScope && codesOf[k].includes(r.implied!);
      const ok = relaxed
        ? sim >= 0.75
        : (code && sim >= 0.34) ||
          sim >= 0.7 ||
          (code && r.labelTokens[0].size === 0) ||
          (implied && sim >= 0.4) ||
          (inScope && scope !== undefined && sim >= 0.5);
      if (!ok || levelClash(named, i) || (rate && i.kind !== "percent" && i.kind !== "section")) continue;
      all.push({
        row: r,
        ind: i,
        score: sim + (code ? 0.4 : implied ? 0.25 : inScope && scope !== undefined ? 0.1 : 0),
      });
    }
  }
  all.sort((a, b) => b.score - a.score || a.row.seq - b.row.seq);
  const usedRow = new Set<RawRow>();
  const usedInd = new Set<string>();
  const pairs: Match[] = [];
  let score = 0;
  for (const m of all) {
    if (usedRow.has(m.row) || usedInd.has(m.ind.id)) continue;
    usedRow.add(m.row);
    usedInd.add(m.ind.id);
    pairs.push(m);
    score += m.score;
  }
  return { pairs, score };
}

// ------------------------------------------------------------------ the reader

interface Ctx {
  report: Report;
  ev: FormulaEvaluator;
  placedAt: Map<string, number>;
}

function valueEntry(
  ctx: Ctx,
  sh: GridSheet,
  row: number,
  col: number,
  ind: Indicator,
  code?: string,
  label?: string
): ReportEntry {
  const raw = cellAt(sh, row, col);
  const f = formulaAt(sh, row, col);
  const ref: CellRef = { sheet: sh.name, row, col };
  const entry: ReportEntry = { indicatorId: ind.id, value: parseValue(raw, ind.kind, ind), ref };
  const merge = sh.merges?.find((m) => row >= m.r0 && row <= m.r1 && col >= m.c0 && col <= m.c1);
  if (merge && (row !== merge.r0 || col !== merge.c0) && merge.r1 > merge.r0) {
    // a value merged down over several rows belongs to the first; the rows beneath are blank, and told so
    entry.merged = `${a1({ row: merge.r0, col: merge.c0 })}:${a1({ row: merge.r1, col: merge.c1 })}`;
    if (row !== merge.r0) entry.value = { state: "missing", raw: null };
  }
  if (f) {
    entry.formula = f.startsWith("=") ? f : "=" + f;
    if (raw === null || raw === "") {
      const v = ctx.ev.cell(sh.name, row, col);
      if (v === undefined) entry.readNote = { key: "formulaNotEvaluated", formula: entry.formula };
      else entry.value = { ...parseValue(v, ind.kind, ind), raw: typeof v === "object" && v !== null ? v.error : v };
    }
  }
  if (code !== undefined) entry.printedCode = code;
  if (label !== undefined && label !== "") entry.printedLabel = label;
  return entry;
}

function place(ctx: Ctx, entry: ReportEntry, form: number, sheet: string, row: number): void {
  const prev = ctx.placedAt.get(entry.indicatorId);
  if (prev !== undefined) {
    const ind = indicatorById(entry.indicatorId);
    ctx.report.unplaced.push({
      sheet,
      row,
      form,
      code: entry.printedCode,
      label: entry.printedLabel,
      reason: { key: "duplicate", code: entry.printedCode ?? ind?.code ?? "", row: prev },
    });
    return;
  }
  ctx.placedAt.set(entry.indicatorId, row);
  ctx.report.entries.set(entry.indicatorId, entry);
  if (!ctx.report.forms.includes(form)) ctx.report.forms.push(form);
}

/** Reads a sheet written by this project (metadata in F1, ids in column F). */
function readAddinSheet(ctx: Ctx, sh: GridSheet, form: number | undefined): void {
  const b = bounds(sh);
  for (let r = b.r0; r <= b.r1; r++) {
    if (r === 1) continue;
    const id = textOf(cellAt(sh, r, COL.id)).trim();
    if (!id) continue;
    const ind = indicatorById(id);
    const code = textOf(cellAt(sh, r, COL.code)).trim();
    const label = textOf(cellAt(sh, r, COL.label)).trim();
    if (!ind) {
      ctx.report.unplaced.push({
        sheet: sh.name,
        row: r,
        form,
        code: code || undefined,
        label: label || undefined,
        reason: { key: "unknownId", id },
      });
      continue;
    }
    const entry = valueEntry(ctx, sh, r, COL.value, ind, normalizeCode(code) ?? (code || undefined), label);
    place(ctx, entry, ind.form, sh.name, r);
  }
}

/** Splits a hand-made sheet into form segments and collects its data rows. */
/** `titleLines`: the title text above the forms of every sheet read (the file's year, its issuer). */
function scanHandmade(sh: GridSheet, seqStart: number, out: RawRow[], titleLines: string[]): number {
  const b = bounds(sh);
  let seq = seqStart;
  let form = formFromSheetName(sh.name);
  let cols: Columns | undefined;
  let colsHaveCode = false;
  let seenHeader = false;
  let combined = false;
  let outline: Outline = { stack: [] };
  let headerEnd = -1;
  // headings and title text of this sheet, for the report's year ("Biểu mẫu 3 … năm 2023")
  const yearLines: string[] = [];
  const defaults: Columns = { code: COL.code, label: COL.label, unit: COL.unit, value: COL.value, note: COL.note };

  for (let r = b.r0; r <= b.r1; r++) {
    // cells of the row as text
    const texts: string[] = [];
    for (let c = b.c0; c <= b.c1; c++) texts[c] = textOf(cellAt(sh, r, c));
    // a merged cell may come back repeated in every cell it covers: keep the first of a run
    const nonEmpty = texts
      .map((t, c) => ({ t, c }))
      .filter((x, k, all) => x.t !== undefined && x.t.trim() !== "" && !(k > 0 && all[k - 1] && all[k - 1].t === x.t));
    if (nonEmpty.length === 0) continue;

    const first = nonEmpty[0];
    const firstCode = codeIn(cellAt(sh, r, first.c));
    const firstStt = firstCode ? undefined : sttOf(cellAt(sh, r, first.c));

    // the column numbers printed under a header ("1 | 2 | 3 | 4", "(1) | (2)", "A | B | C")
    if (r === headerEnd + 1 && isColumnNumberRow(nonEmpty.map((x) => x.t))) continue;

    // header row (possibly two rows: merge the roles of the next row); a row with an STT or a figure is data
    const h =
      firstCode || firstStt || rowHasFigure(sh, r, b.c0, b.c1)
        ? new Map<HeaderRole, number>()
        : headerRow(sh, r, b.c0, b.c1);
    if (isHeader(h)) {
      const h2 =
        r + 1 <= b.r1 && !rowStartsWithCode(sh, r + 1, b.c0, b.c1) && !rowHasFigure(sh, r + 1, b.c0, b.c1)
          ? headerRow(sh, r + 1, b.c0, b.c1)
          : new Map<HeaderRole, number>();
      const twoRows = isHeader(h2) || h2.has("value") || h2.has("unit") || h2.has("valueCand");
      const roles = new Map(h);
      // the lower header row is the more specific one ("Kết quả thống kê" over "Đơn vị tính | Số liệu")
      for (const [k, v] of h2) if (!roles.has(k) || k === "value" || k === "unit" || k === "valueWeak") roles.set(k, v);
      const hasCode = roles.has("code");
      if (!cols || hasCode || !colsHaveCode) {
        const label = roles.get("label") ?? defaults.label;
        const unit = roles.get("unit");
        const weak = roles.get("valueWeak");
        const fallback =
          roles.get("value") ??
          (weak !== undefined && weak !== unit ? weak : unit !== undefined ? unit + 1 : defaults.value);
        const code = roles.get("code") ?? Math.max(b.c0, label - 1);
        const note = roles.get("note");
        const year = fileYear([...yearLines, ...titleLines]);
        const choice = chooseValueColumn(
          sh,
          r,
          twoRows ? r + 1 : undefined,
          b.c1,
          { code, label, unit, note },
          year,
          fallback
        );
        cols = {
          code,
          label,
          unit,
          value: choice.value,
          pct: choice.pct,
          note,
          table: { uncertain: choice.uncertain },
        };
        colsHaveCode = hasCode;
      }
      seenHeader = true;
      outline = { stack: [] };
      if (twoRows) r++;
      headerEnd = r;
      continue;
    }

    // form heading: "Biểu mẫu N" anywhere in a short non-data row, or a form title alone
    if (!firstCode) {
      let heading: number | undefined;
      for (const x of nonEmpty) {
        const n = normText(x.t);
        if (n.length > 300) continue;
        let m: RegExpExecArray | null;
        const re = new RegExp(FORM_HEADING.source, "g");
        while ((m = re.exec(n))) heading = Number(m[1]);
      }
      if (heading === undefined && nonEmpty.length <= 2) heading = formTitleMatch(first.t);
      if (heading === undefined && firstStt && nonEmpty.length <= 3 && nonEmpty[1]) {
        // "III. Cải cách thủ tục hành chính": a numbered form title opens that form
        const t = formTitleMatch(nonEmpty[1].t);
        if (t !== undefined && !rowHasValueAt(sh, r, cols ?? defaults)) heading = t;
      }
      if (heading !== undefined && !firstCode) {
        yearLines.push(nonEmpty.map((x) => x.t).join(" "));
        if (heading !== form || seenHeader) {
          form = heading;
          combined = false;
          cols = undefined;
          colsHaveCode = false;
          seenHeader = false;
          outline = { stack: [] };
        }
        continue;
      }
    }

    const c = cols ?? defaults;
    // STT: in the STT column, else in any column left of the label
    let stt: Stt | undefined;
    for (let k = Math.min(c.code, c.label - 1); k < c.label && !stt; k++) if (k >= b.c0) stt = sttOf(cellAt(sh, r, k));
    if (!stt && c.code >= c.label) stt = sttOf(cellAt(sh, r, c.code));
    const code = stt ? (stt.code ?? stt.printed) : undefined;
    const label = textOf(cellAt(sh, r, c.label)).trim();
    const hasValue = rowHasValueAt(sh, r, c);

    // text above the first header: title lines (unit, period), read by title.ts
    if (!code && !seenHeader && !cols) continue;
    if (!code && !hasValue) continue; // continuation of a wrapped label, a footnote
    if (!code && !label) continue;
    // A combined table (one table, sections 1–7 = Biểu mẫu 1–7, as a department's appendix):
    // "4. Cải cách tổ chức bộ máy hành chính nhà nước" opens form 4; its own numbering is no hint.
    if (stt?.code && /^[1-7]$/.test(stt.code) && !hasValue && sectionTitleMatches(Number(stt.code), label)) {
      form = Number(stt.code);
      combined = true;
      outline = { stack: [] };
      continue;
    }
    // the row's place in the table's outline: "a" under "2" stands for 2.1, "II" for 2
    let implied: string | undefined;
    let scope: string | undefined;
    if (stt && !combined) {
      const step = outlineStep(outline, stt);
      if (step.code !== stt.code) {
        implied = step.code;
        scope = step.scope;
      }
    }
    // form 0: no heading yet, settled later by the rows' fit
    out.push({
      sheet: sh.name,
      row: r,
      form: form ?? 0,
      code,
      label,
      labelTokens: memoLabel(label).forms,
      hint: combined ? undefined : stt?.code,
      implied,
      scope,
      combined,
      valueCol: c.value,
      pctCol: c.pct,
      table: c.table,
      seq: seq++,
    });
  }
  return seq;
}

/** True when the row has something in its value column(s), a figure or a formula. */
function rowHasValueAt(sh: GridSheet, r: number, c: Columns): boolean {
  for (const col of c.pct !== undefined ? [c.value, c.pct] : [c.value]) {
    const v = cellAt(sh, r, col);
    if (!(v === null || (typeof v === "string" && v.trim() === "")) || formulaAt(sh, r, col) !== null) return true;
  }
  return false;
}

/** A figure in a row (a number cell that is not a year), which makes it a data row, never a header. */
function rowHasFigure(sh: GridSheet, r: number, c0: number, c1: number): boolean {
  for (let c = c0 + 1; c <= c1; c++) {
    const v = cellAt(sh, r, c);
    if (typeof v === "number" && Number.isFinite(v) && !(Number.isInteger(v) && v >= 1990 && v <= 2100)) return true;
  }
  return false;
}

/** "1 | 2 | 3 | 4 | 5", "(1) | (2) | …", "A | B | C": the column numbering printed under a header. */
function isColumnNumberRow(cells: string[]): boolean {
  if (cells.length < 3) return false;
  return cells.every((t) => /^\(?(\d{1,2}|[A-Z])\)?$/.test(t.trim()));
}

/** The year of the report as its title lines name it, so that "Năm 2023" wins over "Năm 2022". */
function fileYear(titleLines: string[]): number | undefined {
  for (const t of titleLines) {
    const p = findPeriod(t);
    if (p) return p.year;
  }
  return undefined;
}

const PERIOD_HEADER =
  /^(ky nay|ky bao cao|ky truoc|thuc hien|uoc thuc hien|ke hoach|cung ky|nam truoc|nam nay|so sanh|tang giam)\b/;
const PERIOD_OTHER = /\b(ky truoc|ke hoach|cung ky|nam truoc|ky lien ke|luy ke nam truoc|chi tieu ke hoach)\b/;
const PERIOD_THIS = /\b(ky nay|ky bao cao|thuc hien|uoc thuc hien|nam nay|so lieu ky bao cao)\b/;
const NOT_A_FIGURE = /\b(so voi|so sanh|tang giam|chenh lech|ghi chu)\b/;

/**
 * How much a column's header says "the figure of this report": +3 "Kỳ này", "Thực hiện", "Năm 2023" (the file's
 * year); +1 "Số liệu", "Số lượng", "Tỷ lệ", "Kết quả"; 0 other text; −2 "Kỳ trước", "Kế hoạch", "Cùng kỳ", another
 * year; −3 "So sánh", "Tăng/giảm", "Ghi chú".
 */
function valueScore(
  text: string,
  year: number | undefined
): { score: number; years: number[]; pct: boolean; cnt: boolean } {
  const n = normText(text);
  const years = (n.match(/\b(19|20)\d{2}\b/g) ?? []).map(Number);
  const pct = /\bty le\b/.test(n) && !/\b(so luong|so lieu)\b/.test(n);
  const cnt = /\b(so luong|so lieu)\b/.test(n) && !/\bty le\b/.test(n);
  let score = 0;
  if (NOT_A_FIGURE.test(n)) score = -3;
  else if (PERIOD_THIS.test(n)) score = 3;
  else if (PERIOD_OTHER.test(n)) score = -2;
  else if (years.length > 0 && year !== undefined) score = years.includes(year) ? 3 : -2;
  else if (/\b(so lieu|so luong|ty le|gia tri|ket qua)\b/.test(n) || years.length > 0) score = 1;
  return { score, years, pct, cnt };
}

/**
 * The value column of a table from its header row(s): every column right of the label that is not the STT, unit or
 * note is a candidate, scored by its header words (the lower header row when there is one: "Kết quả" over
 * "Kỳ trước | Kỳ này"). Equal candidates that no word settles make the choice uncertain (a warning names the column
 * used), except "Số lượng | Tỷ lệ", where percentage rows take the Tỷ lệ column.
 */
function chooseValueColumn(
  sh: GridSheet,
  top: number,
  bottom: number | undefined,
  c1: number,
  fixed: { code: number; label: number; unit?: number; note?: number },
  year: number | undefined,
  fallback: number
): { value: number; pct?: number; uncertain?: { header: string; others: string[] } } {
  const cands: { col: number; header: string; score: number; years: number[]; pct: boolean; cnt: boolean }[] = [];
  for (let c = fixed.label + 1; c <= c1; c++) {
    if (c === fixed.code || c === fixed.unit || c === fixed.note) continue;
    const lo = bottom !== undefined ? cellAt(sh, bottom, c) : null;
    const hi = cellAt(sh, top, c);
    const lower = typeof lo === "string" ? lo.trim() : typeof lo === "number" ? String(lo) : "";
    const upper = typeof hi === "string" ? hi.trim() : "";
    const header = lower || upper;
    if (!header) continue;
    if (headerRole(header) === "unit" || headerRole(header) === "note" || headerRole(header) === "code") continue;
    const s = valueScore(header, year);
    cands.push({ col: c, header: header.replace(/\s+/g, " "), ...s });
  }
  if (cands.length === 0) return { value: fallback };
  const latest = (x: { years: number[] }) => (x.years.length > 0 ? Math.max(...x.years) : 0);
  const sorted = [...cands].sort((a, b) => b.score - a.score || latest(b) - latest(a) || a.col - b.col);
  const best = sorted[0];
  const others = cands.filter((x) => x !== best);
  if (best.score <= 0) {
    // no word says which column holds the figures: the old rule (after the unit), told as a guess
    const col = cands.some((x) => x.col === fallback) ? fallback : best.col;
    const used = cands.find((x) => x.col === col) ?? best;
    return {
      value: col,
      ...(cands.length > 1
        ? { uncertain: { header: used.header, others: cands.filter((x) => x !== used).map((x) => x.header) } }
        : {}),
    };
  }
  const rivals = others.filter((x) => x.score === best.score);
  if (rivals.length === 0) return { value: best.col };
  if (rivals.length === 1) {
    const [a, b] = [best, rivals[0]];
    const cnt = a.cnt ? a : b.cnt ? b : undefined;
    const pct = a.pct ? a : b.pct ? b : undefined;
    if (cnt && pct && cnt !== pct) return { value: cnt.col, pct: pct.col };
  }
  return { value: best.col, uncertain: { header: best.header, others: rivals.map((x) => x.header) } };
}

/** Rows found before any form heading: pick the form whose rows they fit best. */
function settleUnknownForms(rows: RawRow[]): void {
  const bySheet = new Map<string, RawRow[]>();
  for (const r of rows) {
    if (r.form !== 0) continue;
    let l = bySheet.get(r.sheet);
    if (!l) bySheet.set(r.sheet, (l = []));
    l.push(r);
  }
  for (const [, rs] of bySheet) {
    let best = 0;
    let bestScore = 0;
    for (let f = 1; f <= 7; f++) {
      const { score } = assign(rs, allFormRows(f), undefined, false);
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    for (const r of rs) r.form = best;
  }
}

function chooseEdition(
  rows: RawRow[],
  hints: Hints,
  ...rest: RestOf<typeof chooseEditionUncached>
): { level: Level; version: string } {
  const sig = rowsSignature(rows);
  if (sig === undefined) return chooseEditionUncached(rows, hints, ...rest);
  // the choice depends on the rows and on the level and version the workbook's settings name
  const key = `${hints.level ?? ""}|${hints.version ?? ""}|${JSON.stringify(rest)}\u0003${sig}`;
  const hit = editionMemo.get(key);
  if (hit) return { ...hit };
  const out = chooseEditionUncached(rows, hints, ...rest);
  editionMemo.set(key, { ...out });
  return out;
}

function chooseEditionUncached(rows: RawRow[], hints: Hints, titled?: Level): { level: Level; version: string } {
  const forms = [...new Set(rows.map((r) => r.form).filter((f) => f > 0))];
  let best: { level: Level; version: string; score: number } | undefined;
  // what the user picked in the pane (stored in the workbook) decides; the file's fit only fills the gaps
  for (const level of hints.level ? [hints.level] : LEVELS) {
    for (const version of hints.version ? [hints.version] : VERSION_IDS) {
      let score = 0;
      for (const f of forms) {
        const cands = formRows(f, level, version);
        const rs = rows.filter((r) => r.form === f);
        const a = assign(rs, cands, level, false);
        score += a.score;
        // rows the edition prints but the file does not have
        score -= 0.05 * Math.max(0, cands.length - a.pairs.length);
      }
      if (hints.level === level) score += 2;
      // the issuer the title names ("UBND XÃ …"): a commune file with a few extra rows stays a commune file
      // (worth more than the code bonus of every row: the rows' fit alone cannot overturn it)
      else if (!hints.level && titled === level) score += 3 + 0.5 * rows.length;
      // a combined table is the department's layout (Sở, ban, ngành)
      else if (
        !hints.level &&
        level === "so" &&
        rows.some((r) => r.form > 0 && r.combined === true && r.code !== undefined)
      )
        score += 1;
      if (hints.version === version) score += 2;
      if (version === DEFAULT_VERSION) score += 0.001;
      if (!best || score > best.score + 1e-9) best = { level, version, score };
    }
  }
  return best
    ? { level: best.level, version: best.version }
    : { level: hints.level ?? "tinh", version: hints.version ?? DEFAULT_VERSION };
}

/**
 * Reads the report in a workbook's sheets. Anything in the file it cannot understand ends up in
 * `unplaced` or is left out. A defect of the reader itself (an exception) keeps what was read so far and
 * is recorded in `report.readFailures` (step, message, stack): validation turns it into a "check-failed"
 * finding, so a file whose reading stopped midway is never taken as checked and clean.
 */
export function readReport(sheets: GridSheet[], opts: ReadOptions = {}): Report {
  const report: Report = { meta: { source: "handmade" }, forms: [], entries: new Map(), unplaced: [] };
  readerWork.scored = 0;
  readerWork.labels = 0;
  try {
    readInto(report, Array.isArray(sheets) ? sheets.filter((s) => s && Array.isArray(s.values)) : [], opts);
  } catch (e) {
    (report.readFailures ??= []).push({
      step: "readReport",
      message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      stack: e instanceof Error ? e.stack : undefined,
    });
  }
  report.forms.sort((a, b) => a - b);
  return report;
}

function readInto(report: Report, sheets: GridSheet[], opts: ReadOptions): void {
  const hints = hintsFrom(opts.settings ?? readSettingsSheet(sheets));
  if (hints.stamp) report.stamp = hints.stamp;
  const ctx: Ctx = { report, ev: new FormulaEvaluator(sheets), placedAt: new Map() };

  let handmade: GridSheet[] = [];
  let addin = false;
  for (const sh of sheets) {
    if (sh.name === SETTINGS_SHEET) continue;
    const meta = decodeMeta(cellAt(sh, 1, COL.id));
    if (meta) {
      if (meta.kind !== "form") continue; // the consolidated tab is not the unit's own report
      addin = true;
      if (!report.meta.level && isLevel(meta.level)) report.meta.level = meta.level;
      if (!report.meta.version && VERSION_IDS.includes(meta.version)) report.meta.version = meta.version;
      if (!report.meta.unit && meta.unit) {
        report.meta.unit = meta.unit;
        report.meta.unitSource = "metadata";
      }
      if (!report.meta.period) report.meta.period = parsePeriod(meta.period);
      readAddinSheet(ctx, sh, meta.form);
    } else handmade.push(sh);
  }
  if (addin) report.meta.source = "addin";

  // a hidden hand-made sheet is usually an old copy; read it only when nothing else is there
  const visible = handmade.filter((s) => !s.hidden);
  if (visible.length > 0) handmade = visible;
  // last quarter's sheet kept beside this period's: read one period's sheets, list the others
  const choice = choosePeriodSheets(handmade, opts.period ?? report.meta.period);
  if (choice.aside.length > 0) {
    const read = choice.period;
    report.setAside = choice.aside.map(({ sheet, period }) => {
      const p = period && period.year !== undefined ? { kind: period.kind, year: period.year } : undefined;
      const named = p ?? (period ? { kind: period.kind } : undefined);
      const reason: ReaderNote = { key: "otherPeriod", ...(named ? { sheet: named } : {}), ...(read ? { read } : {}) };
      return { sheet: sheet.name, ...(p ? { period: p } : {}), reason };
    });
  }
  const aside = choice.aside.map((a) => a.sheet);
  handmade = choice.read;
  if (handmade.length > 0) {
    const rows: RawRow[] = [];
    let seq = 0;
    const titleLines = handmade.flatMap((sh) => titleTexts(sheetTitle(sh)));
    for (const sh of handmade) seq = scanHandmade(sh, seq, rows, titleLines);
    settleUnknownForms(rows);
    const h: Hints = {
      ...hints,
      level: hints.level ?? report.meta.level,
      version: hints.version ?? report.meta.version,
    };
    // the issuer's level: from the unit the title names (letterhead, label, appendix line), never from a
    // sentence of pasted narrative ("… của UBND huyện Tân Châu về cải cách hành chính"); else the title-like lines
    const issuer = findUnit(handmade);
    const edition = chooseEdition(rows, h, levelFromTitles(issuer ? [issuer.unit] : titleLines.filter(isTitleLike)));
    if (rows.length > 0) {
      if (!report.meta.level) report.meta.level = edition.level;
      if (!report.meta.version) report.meta.version = edition.version;
    }
    if (!report.meta.unit && !hints.unit) {
      // the sheets read name the unit; a sheet left aside is the same unit's
      const u = findUnit(handmade) ?? findUnit(aside);
      if (u) {
        report.meta.unit = u.unit;
        report.meta.unitRaw = u.raw;
        report.meta.unitSource = u.source;
      }
    }
    if (!report.meta.period && choice.period) report.meta.period = choice.period;
    const level = report.meta.level ?? edition.level;
    const version = report.meta.version ?? edition.version;
    const sheetsByName = new Map(handmade.map((s) => [s.name, s]));
    for (let f = 0; f <= 7; f++) {
      const rs = rows.filter((r) => r.form === f);
      if (rs.length === 0) continue;
      if (f === 0) {
        for (const r of rs)
          report.unplaced.push({
            sheet: r.sheet,
            row: r.row,
            code: r.code,
            label: r.label || undefined,
            reason: { key: "noForm" },
          });
        continue;
      }
      const first = assign(rs, formRows(f, level, version), level, false);
      const matched = new Map<RawRow, Indicator>(first.pairs.map((m) => [m.row, m.ind]));
      // rows of other editions, only on a clear label match
      const taken = new Set(first.pairs.map((m) => m.ind.id));
      const rest = rs.filter((r) => !matched.has(r));
      if (rest.length > 0) {
        const others = allFormRows(f).filter((i) => !taken.has(i.id) && !formRows(f, level, version).includes(i));
        for (const m of assign(rest, others, undefined, true).pairs) {
          // a row of another level's form only when its label names that level ("… cấp huyện")
          if (!m.ind.levels.includes(level) && !levelsNamed(m.row.label).some((l) => m.ind.levels.includes(l)))
            continue;
          matched.set(m.row, m.ind);
        }
      }
      for (const r of rs.sort((a, b) => a.seq - b.seq)) {
        const ind = matched.get(r);
        if (!ind) {
          report.unplaced.push({
            sheet: r.sheet,
            row: r.row,
            form: f,
            code: r.code,
            label: r.label || undefined,
            reason: { key: "noMatch", form: f },
          });
          continue;
        }
        const sh = sheetsByName.get(r.sheet)!;
        const col = ind.kind === "percent" && r.pctCol !== undefined ? r.pctCol : r.valueCol;
        const entry = valueEntry(ctx, sh, r.row, col, ind, r.code, r.label);
        place(ctx, entry, f, r.sheet, r.row);
        if (r.table?.uncertain && !r.table.told && ctx.report.entries.get(ind.id) === entry) {
          entry.column = { header: r.table.uncertain.header, others: r.table.uncertain.others };
          r.table.told = true;
        }
      }
    }
  }
  if (!report.meta.unit && hints.unit) {
    report.meta.unit = hints.unit;
    report.meta.unitSource = "settings";
  }
  if (!report.meta.period && hints.period) report.meta.period = hints.period;
  if (hints.level && !report.meta.level) report.meta.level = hints.level;
  if (hints.version && !report.meta.version) report.meta.version = hints.version;
}

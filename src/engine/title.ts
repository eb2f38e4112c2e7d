/**
 * The unit and the period of a hand-made sheet, from the text above its forms: the letterhead ("UBND XÃ TÂN LẬP",
 * "ỦY BAN NHÂN DÂN / XÃ TÂN LẬP", "UBND TỈNH BÌNH DƯƠNG / SỞ NỘI VỤ"), a label ("Đơn vị báo cáo: …"), the
 * appendix line ("(Kèm theo Báo cáo số … của UBND xã …)"), a title line ("BÁO CÁO … CỦA UBND XÃ TÂN LẬP"), the
 * print header or footer; the period from the title lines or the sheet's name.
 *
 * Only short, title-like lines count: a sentence of narrative text (a Word report pasted on a sheet: long, ending
 * in a full stop, opening with "Thực hiện", "Căn cứ", …), the report's date line and anything below the forms'
 * header never name the unit or the period. What is not found stays undefined rather than guessed.
 *
 * Unit names are written the usual way: "UBND xã Tân Lập", "Sở Nội vụ tỉnh Bình Dương", "Phòng Nội vụ huyện
 * Tân Châu". In a two-line letterhead the lower line is the unit; a department's line ("SỞ NỘI VỤ", "PHÒNG NỘI
 * VỤ") takes the place of the line above it ("UBND TỈNH BÌNH DƯƠNG" → "Sở Nội vụ tỉnh Bình Dương").
 * Pure: never throws on user data.
 */
import { findPeriod, periodHint, periodOrder } from "./period";
import type { GridSheet, GridValue, Period, PeriodKind, UnitSource } from "./types";
import { foldVi } from "./fold";

export type { UnitSource };

export interface UnitFound {
  /** The name written the usual way ("UBND xã Tân Lập"). */
  unit: string;
  /** As written in the file (two letterhead lines joined by " / "). */
  raw: string;
  source: UnitSource;
  sheet?: string;
  row?: number;
}

/** One row of text above a sheet's first form header: its non-empty cells (a merged cell's repeats dropped). */
export interface TitleRow {
  row: number;
  cells: { col: number; text: string }[];
}

export interface SheetTitle {
  rows: TitleRow[];
  /** A form header (STT / Chỉ tiêu …) was found below the rows. */
  hasTable: boolean;
}

// ------------------------------------------------------------------ text helpers

const fold = foldVi;

function clean(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function textOf(v: GridValue): string {
  if (v === null || v === undefined || typeof v === "object") return "";
  return String(v);
}

/** The letters of a text are (nearly) all capitals. */
function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2) return false;
  let up = 0;
  for (const ch of letters) if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) up++;
  return up / letters.length >= 0.85;
}

function hasDiacritics(s: string): boolean {
  return /[^ -~\s]/.test(s.normalize("NFC"));
}

function capitalise(w: string): string {
  const l = w.toLocaleLowerCase("vi");
  return l.charAt(0).toLocaleUpperCase("vi") + l.slice(1);
}

const ACRONYMS = new Set(["ubnd", "hdnd", "mttq", "cchc", "cntt", "thpt", "thcs", "bhxh", "kbnn", "ktxh"]);

// ------------------------------------------------------------------ unit grammar

/** Administrative words: folded spelling -> the usual writing (lower case after UBND). */
const ADMIN: [string[], string][] = [
  [["thi", "tran"], "thị trấn"],
  [["thi", "xa"], "thị xã"],
  [["thanh", "pho"], "thành phố"],
  [["tp"], "thành phố"],
  [["tx"], "thị xã"],
  [["xa"], "xã"],
  [["phuong"], "phường"],
  [["huyen"], "huyện"],
  [["quan"], "quận"],
  [["tinh"], "tỉnh"],
];
/** Accented spellings of the one-word administrative words ("xã" is not "xa", "quận" is not "quan"). */
const ADMIN_ACCENTED: Record<string, string[]> = {
  xa: ["xã"],
  phuong: ["phường"],
  huyen: ["huyện"],
  quan: ["quận"],
  tinh: ["tỉnh"],
  tp: ["tp"],
  tx: ["tx"],
};

/** Agencies: folded spelling -> the usual writing, with accented spellings ("Sở" is not "Số"). */
const AGENCY: { f: string[]; out: string; acc: string[] }[] = [
  { f: ["van", "phong"], out: "Văn phòng", acc: ["văn phòng"] },
  { f: ["chi", "cuc"], out: "Chi cục", acc: ["chi cục"] },
  { f: ["trung", "tam"], out: "Trung tâm", acc: ["trung tâm"] },
  { f: ["thanh", "tra"], out: "Thanh tra", acc: ["thanh tra"] },
  { f: ["benh", "vien"], out: "Bệnh viện", acc: ["bệnh viện"] },
  { f: ["so"], out: "Sở", acc: ["sở"] },
  { f: ["phong"], out: "Phòng", acc: ["phòng"] },
  { f: ["ban"], out: "Ban", acc: ["ban"] },
  { f: ["cuc"], out: "Cục", acc: ["cục"] },
  { f: ["bo"], out: "Bộ", acc: ["bộ"] },
  { f: ["truong"], out: "Trường", acc: ["trường"] },
];
/** "Ban hành", "phòng chống", "bộ phận", "trường hợp": words, not agencies. */
const NOT_AGENCY =
  /^(?:ban (?:hanh|dau|ngay)|phong (?:chong|ngua)|bo (?:phan|may|tthc|thu tuc)|truong (?:hop|hoc)$|so (?:lieu|luong))/;

interface Parsed {
  kind: "ubnd" | "ubndBare" | "admin" | "agency";
  /** The usual writing ("UBND xã Tân Lập", "xã Tân Lập" for kind admin, "Sở Nội vụ"). */
  text: string;
  /** For ubnd/admin: the administrative word and the place ("tỉnh", "Bình Dương"). */
  admin?: string;
  place?: string;
  /** An agency that names no place of its own ("Sở Nội vụ"). */
  placeless?: boolean;
}

interface Word {
  o: string;
  f: string;
  l: string;
}

function words(text: string): Word[] {
  return clean(text)
    .split(" ")
    .filter((w) => w !== "")
    .map((o) => ({ o, f: fold(o).replace(/[^a-z0-9&]/g, ""), l: o.toLocaleLowerCase("vi").replace(/[.,:;]+$/, "") }))
    .filter((w) => w.f !== "" || /^[-–&]$/.test(w.o));
}

function matchSeq(ws: Word[], at: number, seq: string[], acc: string[] | undefined, accented: boolean): boolean {
  if (at + seq.length > ws.length) return false;
  for (let k = 0; k < seq.length; k++) if (ws[at + k].f !== seq[k]) return false;
  if (accented && acc) {
    const l = ws
      .slice(at, at + seq.length)
      .map((w) => w.l)
      .join(" ")
      .replace(/uỷ/g, "ủy");
    if (!acc.includes(l)) return false;
  }
  return true;
}

function ubndAt(ws: Word[], at: number, accented: boolean): number {
  if (ws[at]?.f === "ubnd") return 1;
  if (matchSeq(ws, at, ["uy", "ban", "nhan", "dan"], accented ? ["ủy ban nhân dân"] : undefined, accented)) return 4;
  return 0;
}

function adminAt(ws: Word[], at: number, accented: boolean): { n: number; out: string } | undefined {
  for (const [seq, out] of ADMIN) {
    const acc = seq.length === 1 ? ADMIN_ACCENTED[seq[0]] : [out];
    if (matchSeq(ws, at, seq, acc, accented)) return { n: seq.length, out };
  }
  return undefined;
}

/** Place words: capitalised (or a number: "phường 1") in mixed-case text; all words in capitals. */
function placeWords(ws: Word[], from: number, upper: boolean): number {
  let k = from;
  while (k < ws.length && k - from < 8) {
    const w = ws[k];
    if (/[/:@#()]/.test(w.o) || /\d/.test(w.o.replace(/^\d+$/, ""))) break;
    if (!upper && !/^(?:\p{Lu}|\d|[-–])/u.test(w.o)) break;
    if (adminAt(ws, k, true) && k > from) break;
    k++;
  }
  return k - from;
}

function placeText(ws: Word[], upper: boolean): string {
  return ws
    .map((w) => w.o.replace(/[,.;:]+$/, ""))
    .map((o) => (upper || o === o.toLocaleUpperCase("vi") ? capitalise(o) : o))
    .join(" ");
}

/** An agency's name in the usual casing when written in capitals: "NỘI VỤ" -> "Nội vụ", "TÀI NGUYÊN VÀ MÔI TRƯỜNG" -> "Tài nguyên và Môi trường". */
function orgText(ws: Word[], upper: boolean): string {
  const out: string[] = [];
  let cap = true;
  for (const w of ws) {
    let o = w.o;
    if (ACRONYMS.has(w.f) || /&/.test(o)) o = o.toLocaleUpperCase("vi");
    else if (upper) o = cap ? capitalise(o) : o.toLocaleLowerCase("vi");
    out.push(o);
    cap = w.f === "va" || /[,\-–]$/.test(o) || o === "-" || o === "–";
  }
  return out.join(" ").replace(/\bCông thương\b/, "Công Thương");
}

/**
 * Parses a text that is only a unit's name ("UBND XÃ TÂN LẬP", "Ủy ban nhân dân xã Tân Lập", "SỞ NỘI VỤ",
 * "Sở Nội vụ tỉnh Bình Dương", "XÃ TÂN LẬP", "ỦY BAN NHÂN DÂN"). Undefined when anything else is in the text.
 */
function parseUnit(text: string): Parsed | undefined {
  const t = clean(text)
    .replace(/^[-–•*+]+\s*/, "")
    .replace(/[\s.,;:]+$/, "");
  if (t === "" || t.length > 120) return undefined;
  const ws = words(t);
  if (ws.length === 0 || ws.length > 16) return undefined;
  const upper = isUpper(t);
  const accented = hasDiacritics(t);
  const u = ubndAt(ws, 0, accented);
  if (u > 0) {
    if (u === ws.length) return { kind: "ubndBare", text: "UBND" };
    const a = adminAt(ws, u, accented);
    const from = u + (a ? a.n : 0);
    const n = placeWords(ws, from, upper);
    if (a && n === 0 && from === ws.length) return { kind: "ubnd", text: `UBND ${a.out}`, admin: a.out }; // "UBND tỉnh"
    if (n === 0 || from + n !== ws.length) return undefined;
    const place = placeText(ws.slice(from, from + n), upper);
    return {
      kind: "ubnd",
      text: a ? `UBND ${a.out} ${place}` : `UBND ${place}`,
      admin: a?.out,
      place,
    };
  }
  const a = adminAt(ws, 0, accented);
  if (a) {
    const n = placeWords(ws, a.n, upper);
    if (n === 0 || a.n + n !== ws.length) return undefined;
    const place = placeText(ws.slice(a.n), upper);
    return { kind: "admin", text: `${a.out} ${place}`, admin: a.out, place };
  }
  if (!accented) return undefined; // "so", "ban", "phong" without accents are ordinary words
  for (const ag of AGENCY) {
    if (!matchSeq(ws, 0, ag.f, ag.acc, true)) continue;
    const rest = ws.slice(ag.f.length);
    if (NOT_AGENCY.test(ws.map((w) => w.f).join(" "))) return undefined;
    if (ws.some((w) => /[/:@#()]/.test(w.o) || /\d/.test(w.o))) return undefined;
    // the place: the last administrative word followed by a name ("… tỉnh Bình Dương")
    let split = rest.length;
    for (let k = rest.length - 1; k >= 1; k--) {
      const ad = adminAt(rest, k, true);
      if (ad && k + ad.n < rest.length) {
        if (placeWords(rest, k + ad.n, upper) === rest.length - k - ad.n) split = k;
        break;
      }
    }
    const nameWs = rest.slice(0, split);
    if (nameWs.length === 0 && ag.out !== "Văn phòng" && ag.out !== "Thanh tra") return undefined;
    if (!upper && nameWs.length > 0 && !/^(?:\p{Lu}|\d)/u.test(nameWs[0].o) && !ACRONYMS.has(nameWs[0].f))
      return undefined;
    if (nameWs.length > 10) return undefined;
    let text = [ag.out, orgText(nameWs, upper)].filter((x) => x !== "").join(" ");
    let admin: string | undefined;
    let place: string | undefined;
    if (split < rest.length) {
      const ad = adminAt(rest, split, true)!;
      admin = ad.out;
      place = placeText(rest.slice(split + ad.n), upper);
      text += ` ${admin} ${place}`;
    }
    // "VĂN PHÒNG UBND TỈNH BÌNH DƯƠNG": the UBND part is already in the name
    const placeless = split >= rest.length && !nameWs.some((w) => w.f === "ubnd");
    return { kind: "agency", text, admin, place, placeless };
  }
  return undefined;
}

/** The unit a parsed name stands for: a bare "xã Tân Lập" (a label's value) is its UBND. */
function unitText(p: Parsed): string | undefined {
  if (p.kind === "ubndBare") return undefined;
  if (p.kind === "admin") return `UBND ${p.text}`;
  return p.text;
}

/**
 * A unit's name written the usual way: "UBND XÃ TÂN LẬP" -> "UBND xã Tân Lập", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" ->
 * "UBND xã Tân Lập", "SỞ NỘI VỤ" -> "Sở Nội vụ", "xã Tân Lập" -> "UBND xã Tân Lập". Undefined when the text is
 * not (only) a unit's name.
 */
export function normalizeUnit(text: string): string | undefined {
  if (typeof text !== "string") return undefined;
  const p = parseUnit(text);
  return p ? unitText(p) : undefined;
}

// ------------------------------------------------------------------ narrative

const NARRATIVE_OPENERS =
  /^(?:thuc hien|can cu|theo|tren co so|nham|de|qua|trong|tuy nhien|ngoai ra|nhin chung|dong thoi|ben canh|voi|tu khi|hien nay|da|duoc|ubnd (?:xa|phuong|huyen|tinh|thi tran)\s+\S+\s+(?:da|duoc|tiep tuc|thuc hien|ban hanh|to chuc|bao cao|xin))\b/;

/**
 * True for a line that can be a title, a letterhead or a label: short, not a sentence of narrative text.
 * A Word report pasted on a sheet is narrative ("Thực hiện Kế hoạch số … về cải cách hành chính năm 2023.").
 */
export function isTitleLike(line: string): boolean {
  const t = clean(line);
  if (t === "" || t.length > 220) return false;
  const n = t.split(" ").length;
  if (n > 32) return false;
  if (/^[-+•*–]\s/.test(t)) return false; // a bullet of a list
  if (/[^.]\.$/.test(t) && n >= 6) return false; // a sentence
  if (/[;]$/.test(t)) return false;
  if (/[.;!?]\s+\p{Lu}/u.test(t) && n >= 10) return false; // two sentences
  const f = fold(t);
  if (/^(?:[ivx]+|\d+(?:\.\d+)*|[a-z])[.)]\s/.test(f)) return false; // a numbered heading of a report's body
  if (NARRATIVE_OPENERS.test(f)) return false;
  return true;
}

/** Lines that are never a unit: the addressee, a number line, the national motto, the date line, a signature block. */
function notAUnitLine(f: string): boolean {
  return /^(?:kinh gui|noi nhan|so\s*:|so\s+\d|cong hoa xa hoi|doc lap|tm\.?\s|kt\.?\s|tl\.?\s|chu tich|pho chu tich|nguoi lap|don vi nhan)/.test(
    f
  );
}

// ------------------------------------------------------------------ the text above the forms

const HEADER_CODE = /^(?:stt|tt|so tt|so thu tu)$/;
const HEADER_LABEL = /^(?:chi tieu|noi dung|ten chi tieu)/;
const MAX_SCAN = 200;
/** Title lines are in the first rows of a sheet: a Word report's later headings are not its title. */
const MAX_TITLE_ROWS = 15;

/**
 * The rows of text above a sheet's first form header (at most its first 15 non-empty rows), cells apart, a
 * merged cell's repeats dropped.
 */
export function sheetTitle(sh: GridSheet): SheetTitle {
  const o = sh.origin ?? { row: 1, col: 1 };
  const rows: TitleRow[] = [];
  const vals = Array.isArray(sh.values) ? sh.values : [];
  for (let k = 0; k < vals.length && k < MAX_SCAN; k++) {
    const line = Array.isArray(vals[k]) ? vals[k] : [];
    const cells: { col: number; text: string }[] = [];
    let numbers = 0;
    let prev = "";
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v === "number" && !(Number.isInteger(v) && v >= 1900 && v <= 2100)) numbers++;
      const t = clean(textOf(v));
      if (t === "") {
        prev = "";
        continue;
      }
      if (t === prev) continue;
      prev = t;
      cells.push({ col: o.col + c, text: textOf(v).normalize("NFC").trim() });
    }
    if (cells.length === 0) continue;
    const f = cells.map((c) =>
      fold(clean(c.text))
        .replace(/[^a-z0-9%]+/g, " ")
        .trim()
    );
    const header = cells.length >= 2 && (f.some((x) => HEADER_CODE.test(x)) || f.some((x) => HEADER_LABEL.test(x)));
    if (header) return { rows, hasTable: true };
    if (numbers > 0 && cells.length >= 2) return { rows, hasTable: true }; // a data row: the table has begun
    if (rows.length < MAX_TITLE_ROWS) rows.push({ row: o.row + k, cells });
  }
  return { rows, hasTable: false };
}

function lines(cellText: string): string[] {
  return cellText
    .split(/\r?\n/)
    .map(clean)
    .filter((l) => l !== "");
}

const TITLE_START = /^(?:\(|bao cao|bieu|thong ke|tong hop|ket qua|so lieu|phu luc|danh muc|kem theo|ban hanh kem)/;

/** The unit named at the end of a line by "của …" ("… của UBND xã Tân Lập)", "BÁO CÁO … CỦA UBND XÃ TÂN LẬP"). */
function unitAfterCua(line: string): { unit: string; raw: string } | undefined {
  const t = clean(line);
  const re = /(?:^|\s)(?:của|CỦA|Của)\s+/gu;
  let m: RegExpExecArray | null;
  let last: { unit: string; raw: string } | undefined;
  while ((m = re.exec(t))) {
    let rest = t.slice(m.index + m[0].length).replace(/\s*\)\s*$/, "");
    // a period written after the unit: "… CỦA UBND XÃ TÂN LẬP NĂM 2023"
    const fr = fold(rest);
    const cut = /\s(?:quy\s+[ivx\d]+|0?6\s+thang|9\s+thang|nam\s+\d{4}|ky\s+bao\s+cao|\(?so\s+lieu)\b/.exec(fr);
    if (cut) rest = rest.slice(0, cut.index);
    const p = parseUnit(rest);
    const u = p && unitText(p);
    if (u) last = { unit: u, raw: clean(rest) };
  }
  return last;
}

/**
 * The unit of an appendix line "(Ban hành kèm theo Báo cáo số 35/BC-SNV … của Sở Nội vụ tỉnh Bình Dương)" or a
 * title line ending in "của <unit>". Undefined for a sentence of narrative text.
 */
export function unitFromTitle(line: string): string | undefined {
  if (typeof line !== "string" || !isTitleLike(line)) return undefined;
  const f = fold(clean(line));
  if (!TITLE_START.test(f) && !isUpper(line)) return undefined;
  return unitAfterCua(line)?.unit;
}

const LABEL = /^(don vi bao cao|ten don vi|ten co quan|co quan bao cao|don vi)\s*[:：]\s*/;

/**
 * The unit of a label "Đơn vị báo cáo: …", "Tên đơn vị: …", "Đơn vị: …" (the name in the same cell or, when the
 * cell holds only the label, in `next`). "Đơn vị tính", "Đơn vị nhận báo cáo" are no labels of the unit.
 */
export function unitFromLabel(cell: string, next?: string): { unit: string; raw: string } | undefined {
  if (typeof cell !== "string") return undefined;
  const t = clean(cell);
  const f = fold(t);
  const m =
    LABEL.exec(f) ??
    (next !== undefined ? /^(don vi bao cao|ten don vi|ten co quan|co quan bao cao|don vi)\s*$/.exec(f) : null);
  if (!m) return undefined;
  // the folded text has the same length as the original: cut there
  let value = clean(t.slice(m[0].length));
  if (value === "" && next !== undefined) value = clean(next);
  // a second label in the same cell ("… Đơn vị nhận báo cáo: UBND huyện …")
  const stop = /\s(?:don vi nhan|ky bao cao|kinh gui|noi nhan)/.exec(fold(value));
  if (stop) value = value.slice(0, stop.index);
  value = value.replace(/[\s.,;:…_]+$/, "").trim();
  if (value.replace(/[.…_\s-]/g, "") === "") return undefined;
  const p = parseUnit(value);
  const u = p && unitText(p);
  if (u) return { unit: u, raw: value };
  // "Đơn vị báo cáo: Công an tỉnh": taken as written when short; a bare "Đơn vị:" needs a unit's name
  if (m[1] === "don vi") return undefined;
  if (value.length > 80 || value.split(" ").length > 10 || !isTitleLike(value) || /\d{2,}/.test(value))
    return undefined;
  return { unit: value, raw: value };
}

interface LetterheadLine {
  row: number;
  text: string;
  p: Parsed;
}

/** The unit of a letterhead: its lowest line, completed by the line above for a bare "ỦY BAN NHÂN DÂN" or a department. */
function unitFromLetterhead(ls: LetterheadLine[]): { unit: string; raw: string; row: number } | undefined {
  let best: { unit: string; raw: string; row: number } | undefined;
  let parent: LetterheadLine | undefined;
  for (const l of ls) {
    const p = l.p;
    if (p.kind === "ubndBare") {
      parent = l;
      continue;
    }
    if (p.kind === "admin") {
      if (parent && parent.p.kind === "ubndBare")
        best = { unit: `UBND ${p.text}`, raw: `${parent.text} / ${l.text}`, row: l.row };
      else best = { unit: `UBND ${p.text}`, raw: l.text, row: l.row };
      parent = l;
      continue;
    }
    if (p.kind === "ubnd") {
      best = { unit: p.text, raw: l.text, row: l.row };
      parent = l;
      continue;
    }
    // an agency
    if (p.placeless && parent && parent.p.place && (parent.p.kind === "ubnd" || parent.p.kind === "admin")) {
      const admin = parent.p.admin ? `${parent.p.admin} ` : "";
      const unit =
        p.text === "Văn phòng" ? `Văn phòng UBND ${admin}${parent.p.place}` : `${p.text} ${admin}${parent.p.place}`;
      best = { unit, raw: `${parent.text} / ${l.text}`, row: l.row };
    } else best = { unit: p.text, raw: l.text, row: l.row };
    parent = l;
  }
  return best;
}

const RANK: Record<UnitSource, number> = {
  settings: 0,
  metadata: 0,
  label: 1,
  letterhead: 2,
  appendix: 3,
  title: 4,
  headerFooter: 5,
  fileName: 6,
};

/** The unit named in a sheet's print header/footer sections ("UBND xã Tân Lập", "Đơn vị: …", "UBND xã Tân Lập - Báo cáo CCHC"). */
function unitFromHeaderFooter(sections: string[]): { unit: string; raw: string } | undefined {
  for (const s of sections) {
    if (typeof s !== "string") continue;
    for (const l of lines(s)) {
      const lab = unitFromLabel(l);
      if (lab) return lab;
      for (const part of [l, ...l.split(/\s+[-–|]\s+/)]) {
        const p = parseUnit(part);
        const u = p && unitText(p);
        if (u) return { unit: u, raw: clean(part) };
      }
      const c = unitAfterCua(l);
      if (c && isTitleLike(l)) return c;
    }
  }
  return undefined;
}

/** Every unit a sheet names, best first (label, letterhead, appendix line, title line, print header/footer). */
export function unitsOfSheet(sh: GridSheet, title: SheetTitle = sheetTitle(sh)): UnitFound[] {
  const found: UnitFound[] = [];
  const letterhead: LetterheadLine[] = [];
  let titleSeen = false;
  title.rows.forEach((r, k) => {
    r.cells.forEach((c, j) => {
      const next = r.cells[j + 1]?.text;
      for (const l of lines(c.text)) {
        const f = fold(l);
        const lab = unitFromLabel(l, next);
        if (lab) {
          found.push({ ...lab, source: "label", sheet: sh.name, row: r.row });
          continue;
        }
        if (notAUnitLine(f) || !isTitleLike(l)) continue;
        if (TITLE_START.test(f)) {
          titleSeen = titleSeen || !f.startsWith("(");
          const u = unitFromTitle(l);
          if (u) {
            const raw = unitAfterCua(l)?.raw ?? u;
            found.push({ unit: u, raw, source: f.startsWith("(") ? "appendix" : "title", sheet: sh.name, row: r.row });
          }
          continue;
        }
        // a letterhead: a line that is only a unit's name, in the first rows, above the title
        if (!titleSeen && k < 8) {
          const p = parseUnit(l);
          if (p) letterhead.push({ row: r.row, text: l, p });
        }
      }
    });
  });
  const lh = unitFromLetterhead(letterhead);
  if (lh) found.push({ unit: lh.unit, raw: lh.raw, source: "letterhead", sheet: sh.name, row: lh.row });
  const hf = Array.isArray(sh.headerFooter) ? unitFromHeaderFooter(sh.headerFooter) : undefined;
  if (hf) found.push({ ...hf, source: "headerFooter", sheet: sh.name });
  return found.sort((a, b) => RANK[a.source] - RANK[b.source]);
}

/** The unit the sheets name: the best kind of source first (label, letterhead, …), then the first sheet. */
export function findUnit(sheets: GridSheet[]): UnitFound | undefined {
  let best: UnitFound | undefined;
  for (const sh of sheets) {
    const u = unitsOfSheet(sh)[0];
    if (u && (!best || RANK[u.source] < RANK[best.source])) best = u;
  }
  return best;
}

const FILE_STOP = new Set([
  "bao",
  "cao",
  "bc",
  "cchc",
  "quy",
  "thang",
  "nam",
  "bieu",
  "mau",
  "bm",
  "so",
  "lieu",
  "ky",
  "dau",
  "cuoi",
  "final",
  "ban",
  "sua",
  "moi",
  "tong",
  "hop",
  "gui",
  "nop",
  "copy",
  "xlsx",
  "xls",
]);

/**
 * A unit's name guessed from a file name, best effort: "xa-tan-lap_6T2023.xlsx" -> "xã Tan Lap",
 * "BC CCHC xã Tân Lập 6 tháng.xlsx" -> "xã Tân Lập", "UBND_phuong_Phu_Cuong.xlsx" -> "UBND phường Phu Cuong".
 * Undefined when the name holds no administrative word followed by a name.
 */
export function unitFromFileName(name: string): string | undefined {
  if (typeof name !== "string") return undefined;
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[a-z0-9]{2,5}$/i, "");
  const ws = words(base.replace(/[_+.,()[\]-]+/g, " "));
  for (let k = 0; k < ws.length; k++) {
    const u = ubndAt(ws, k, false);
    const a = adminAt(ws, k + u, false);
    if (!a) continue;
    const from = k + u + a.n;
    let n = 0;
    while (from + n < ws.length && n < 5) {
      const w = ws[from + n];
      if (!/^\p{L}+$/u.test(w.o) || FILE_STOP.has(w.f) || adminAt(ws, from + n, true)) break;
      if (w.f === "phu" && ws[from + n + 1]?.f === "luc") break; // "phụ lục"
      n++;
    }
    if (n === 0) continue;
    const place = ws
      .slice(from, from + n)
      .map((w) => capitalise(w.o))
      .join(" ");
    return `${u > 0 ? "UBND " : ""}${a.out} ${place}`;
  }
  return undefined;
}

// ------------------------------------------------------------------ periods

/** A sheet's period, or only its kind when no year is written anywhere near it. */
export interface PeriodGuess {
  kind: PeriodKind;
  year?: number;
}

/**
 * The period of a sheet's title lines: the first title-like line naming one; a line that is only a precision in
 * brackets ("(Số liệu 6 tháng đầu năm)", "(từ 15/12/2022 đến 14/6/2023)") refines a year-only title ("NĂM 2023").
 */
export function periodFromLines(ls: string[]): Period | undefined {
  let base: Period | undefined;
  for (const l of ls) {
    if (!isTitleLike(l)) continue;
    const f = fold(clean(l));
    if (notAUnitLine(f) && !/^so lieu/.test(f)) continue; // the motto, "Số: …", the addressee
    const p = findPeriod(l);
    if (!base) {
      if (p) base = p;
      continue;
    }
    // a later precision only refines a year report of the same year
    if (base.kind === "N" && p && p.year === base.year && p.kind !== "N" && /^\(/.test(f)) return p;
    if (base.kind === "N" && !p && /^\(/.test(f)) {
      const k = findPeriod(`năm ${base.year} ${l}`);
      if (k && k.kind !== "N") return k;
    }
  }
  return base;
}

/** The text lines of a sheet's title rows, each cell apart. */
export function titleTexts(title: SheetTitle): string[] {
  return title.rows.flatMap((r) => r.cells.flatMap((c) => lines(c.text)));
}

/**
 * A sheet's period: from its own title lines, else from its name ("BM quy 1", "6 thang 2023"); the name refines a
 * year-only title. Undefined when neither names one (or names a period the system does not have).
 */
export function sheetPeriod(sh: GridSheet, title: SheetTitle = sheetTitle(sh)): PeriodGuess | undefined {
  const fromTitle = periodFromLines(titleTexts(title));
  const hint = periodHint(sh.name);
  const fromName = hint && hint.kind !== "other" ? (hint as PeriodGuess) : undefined;
  if (fromTitle) {
    if (
      fromTitle.kind === "N" &&
      fromName &&
      fromName.kind !== "N" &&
      (fromName.year ?? fromTitle.year) === fromTitle.year
    )
      return { kind: fromName.kind, year: fromTitle.year };
    return fromTitle;
  }
  return fromName;
}

export interface PeriodChoice<S extends GridSheet = GridSheet> {
  /** The sheets to read. */
  read: S[];
  /** The sheets left aside, with their period. */
  aside: { sheet: S; period?: PeriodGuess }[];
  /** The period of the sheets read (undefined when none names one with its year). */
  period?: Period;
  /** Each sheet's period as found. */
  periods: Map<S, PeriodGuess | undefined>;
}

function samePeriod(a: PeriodGuess, b: PeriodGuess): boolean {
  return a.kind === b.kind && (a.year === undefined || b.year === undefined || a.year === b.year);
}

/**
 * Chooses the sheets of one period in a workbook that keeps sheets of several (last quarter's beside this
 * period's). Only sheets holding a form table take part in the choice; sheets with no period of their own are
 * read with any. With `wanted` (consolidation) the sheets of that period are read when there are any; otherwise
 * (or when none is of that period) those of the latest period. The year of a sheet that names only its kind
 * ("Quý I") is taken from the other sheets.
 */
export function choosePeriodSheets<S extends GridSheet>(sheets: S[], wanted?: Period): PeriodChoice<S> {
  const periods = new Map<S, PeriodGuess | undefined>();
  const titles = new Map<S, SheetTitle>();
  for (const sh of sheets) {
    const t = sheetTitle(sh);
    titles.set(sh, t);
    periods.set(sh, sheetPeriod(sh, t));
  }
  const years = [...periods.values()].map((p) => p?.year).filter((y): y is number => y !== undefined);
  const year = years.length > 0 ? Math.max(...years) : undefined;
  for (const [sh, p] of periods) if (p && p.year === undefined && year !== undefined) periods.set(sh, { ...p, year });
  const dated = sheets.filter((s) => titles.get(s)!.hasTable && periods.get(s));
  let chosen: PeriodGuess | undefined;
  if (wanted && dated.some((s) => samePeriod(periods.get(s)!, wanted))) chosen = wanted;
  else {
    for (const s of dated) {
      const p = periods.get(s)!;
      const order = periodOrder({ kind: p.kind, year: p.year ?? 0 });
      if (!chosen || order > periodOrder({ kind: chosen.kind, year: chosen.year ?? 0 })) chosen = p;
    }
  }
  if (!chosen) {
    // no form sheet names its period: a cover sheet may
    const any = sheets.map((s) => periods.get(s)).find((p) => p && p.year !== undefined);
    return { read: sheets, aside: [], period: any ? { kind: any.kind, year: any.year! } : undefined, periods };
  }
  const read: S[] = [];
  const aside: { sheet: S; period?: PeriodGuess }[] = [];
  for (const s of sheets) {
    const p = periods.get(s);
    if (!p || !titles.get(s)!.hasTable || samePeriod(p, chosen)) read.push(s);
    else aside.push({ sheet: s, period: p });
  }
  return {
    read,
    aside,
    period: chosen.year !== undefined ? { kind: chosen.kind, year: chosen.year } : undefined,
    periods,
  };
}

// ------------------------------------------------------------------ print header / footer

/**
 * The text sections of an .xlsx header/footer code ("&L&\"Times New Roman,Bold\"UBND XÃ TÂN LẬP&RTrang &P"):
 * left, centre and right apart, formatting codes removed, fields (page, date, file name) dropped.
 */
export function headerFooterSections(code: string): string[] {
  if (typeof code !== "string" || code === "") return [];
  const out: string[] = [];
  let cur = "";
  const flush = () => {
    const t = clean(cur);
    if (t !== "") out.push(t);
    cur = "";
  };
  for (let k = 0; k < code.length; k++) {
    const ch = code[k];
    if (ch !== "&") {
      cur += ch;
      continue;
    }
    const n = code[k + 1];
    if (n === undefined) break;
    if (n === "&") {
      cur += "&";
      k++;
    } else if (n === "L" || n === "C" || n === "R") {
      flush();
      k++;
    } else if (n === '"') {
      const end = code.indexOf('"', k + 2);
      k = end < 0 ? code.length : end;
    } else if (/\d/.test(n)) {
      k++;
      while (/\d/.test(code[k + 1] ?? "")) k++;
    } else if (n === "K") {
      k +=
        1 +
        (/^[0-9A-Fa-f]{6}/.test(code.slice(k + 2, k + 8))
          ? 6
          : /^\d\d[+-]\d\d\d/.test(code.slice(k + 2, k + 8))
            ? 6
            : 0);
    } else {
      // &P &N &D &T &Z &F &A &G (fields) and &B &I &U &E &S &X &Y (formatting): no text of their own
      k++;
      cur += " ";
    }
  }
  flush();
  return out;
}

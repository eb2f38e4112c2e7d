/**
 * Reads an .xlsx file into plain grids (values, formulas, hidden state, hidden rows) without ExcelJS:
 * only the needed zip parts are inflated and the sheet XML is read by a small hand-written scanner.
 * Synchronous, host-free (no fs), bounded (file size, unzipped size, sheets, cells), never throws:
 * anything unreadable comes back as { ok: false, reason (one line, Vietnamese), code }.
 */
import { SETTINGS_SHEET } from "../engine/conventions";
import { BUILTIN_PERCENT_FMTS, isPercentFormat, percentShown } from "../engine/percent-format";
import type { GridSheet, GridValue } from "../engine/types";
import { headerFooterSections } from "../engine/title";
import { readVi } from "../i18n/cli";
import { findEntry, Inflater, listZip, readEntry, ZipEntry, ZipError } from "./zip";

export type ReadFailCode = "xls" | "encrypted" | "ods" | "not-xlsx" | "corrupt" | "too-large" | "empty";

export interface XlsxSheet extends GridSheet {
  state: "visible" | "hidden" | "veryHidden";
}

export type ReadOutcome =
  | { ok: true; sheets: XlsxSheet[]; settings: Record<string, string> }
  | { ok: false; reason: string; code: ReadFailCode };

export const READ_LIMITS = {
  /** Size of the file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Sum of the declared unzipped sizes of the parts read. */
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxSheets: 200,
  /** Cells with content per sheet. */
  maxCellsPerSheet: 1_000_000,
  /** Rows × columns of the grid returned for one sheet (from A1 to the last used cell). */
  maxGridArea: 5_000_000,
};

class ReadFail extends Error {
  constructor(
    public code: ReadFailCode,
    public reason: string
  ) {
    super(reason);
  }
}

const MB = 1024 * 1024;
const decoder = new TextDecoder("utf-8");

// ------------------------------------------------------------------ sniffing

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

/** True when the bytes hold `text` encoded as UTF-16LE (CFB directory entry names). */
function hasUtf16(buf: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = buf.length - text.length * 2;
  outer: for (let i = 0; i <= n; i++) {
    if (buf[i] !== first || buf[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++)
      if (buf[i + 2 * k] !== text.charCodeAt(k) || buf[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function sniffNonZip(buf: Uint8Array): ReadFail {
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: a legacy .xls, or an .xlsx encrypted with a password (EncryptionInfo stream).
    if (hasUtf16(buf, "EncryptionInfo") || hasUtf16(buf, "EncryptedPackage"))
      return new ReadFail("encrypted", readVi.encrypted);
    return new ReadFail("xls", readVi.xls);
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return new ReadFail("not-xlsx", readVi.pdf);
  return new ReadFail("not-xlsx", readVi.notXlsx);
}

// ------------------------------------------------------------------ XML helpers

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf("&") >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
      if (e[0] === "#") {
        const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e];
    });
  }
  // Excel escapes control characters as _xHHHH_
  if (s.indexOf("_x") >= 0)
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** Attributes of one start tag's text (everything between the name and ">"); namespace prefixes dropped. */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const v = unescapeXml(m[2] ?? m[3] ?? "");
    out[m[1]] = v;
    const c = m[1].indexOf(":");
    if (c >= 0 && !(m[1].slice(c + 1) in out)) out[m[1].slice(c + 1)] = v;
  }
  return out;
}

/**
 * The value of one attribute in a start tag's text, by exact name (no prefix handling, no unescaping):
 * the fast path for the r=, t= and s= of cells, which never need either.
 */
function quickAttr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name + "=");
  while (i >= 0) {
    const before = tag.charCodeAt(i - 1);
    if (i === 0 || before === 32 || before === 9 || before === 10 || before === 13) {
      const q = tag.charCodeAt(i + name.length + 1);
      if (q === 34 || q === 39) {
        const end = tag.indexOf(q === 34 ? '"' : "'", i + name.length + 2);
        if (end > 0) return tag.slice(i + name.length + 2, end);
      }
    }
    i = tag.indexOf(name + "=", i + 1);
  }
  return undefined;
}

/** Every start tag named `local` (any namespace prefix), as attribute maps. */
function tags(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w-]+:)?${local}(\\s[^>]*)?/?>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attrs(m[1] ?? ""));
  return out;
}

/**
 * The text of a rich or plain string item (<si> or <is>): all <t> runs, phonetic runs (<rPh>) skipped.
 */
function itemText(xml: string, from: number, to: number): string {
  let out = "";
  let p = from;
  while (p < to) {
    const lt = xml.indexOf("<", p);
    if (lt < 0 || lt >= to) break;
    let nameEnd = lt + 1;
    while (nameEnd < to) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 62 /* > */ || ch === 47 /* / */ || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      nameEnd++;
    }
    const name = xml.slice(lt + 1, nameEnd);
    const local = name.slice(name.indexOf(":") + 1);
    const gt = xml.indexOf(">", nameEnd);
    if (gt < 0) break;
    if (local === "rPh") {
      const close = xml.indexOf(`</${name}>`, gt);
      p = close < 0 ? to : close + name.length + 3;
      continue;
    }
    if (local === "t" && xml.charCodeAt(gt - 1) !== 47) {
      const close = xml.indexOf(`</${name}>`, gt);
      if (close < 0) break;
      out += unescapeXml(xml.slice(gt + 1, close));
      p = close + name.length + 3;
      continue;
    }
    p = gt + 1;
  }
  return out;
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const s = xml.indexOf("<", p);
    if (s < 0) break;
    // find <si> or <x:si>
    const m = /^<((?:[\w-]+:)?)si[\s>/]/.exec(xml.slice(s, s + 40));
    if (!m) {
      p = s + 1;
      continue;
    }
    const gt = xml.indexOf(">", s);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      p = gt + 1;
      continue;
    }
    const closeTag = `</${m[1]}si>`;
    const close = xml.indexOf(closeTag, gt);
    if (close < 0) break;
    out.push(itemText(xml, gt + 1, close));
    p = close + closeTag.length;
  }
  return out;
}

/** "D12" → column 4 (row parsed separately). Returns [row, col] or undefined. */
function decodeRef(r: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  let row = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return undefined;
  }
  return col > 0 && row > 0 ? [row, col] : undefined;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ids). */
const BUILTIN_DATE_FMTS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** True when a format code shows a date or time (d, m, y, h, s outside quotes, escapes and [colour] tags). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  return /[dmyhs]/i.test(bare) && !/^[#0.,\s%E+-]*$/i.test(bare);
}

/** Style indexes (cellXfs positions) whose number format is a date or a percentage, from styles.xml. */
interface StyleKinds {
  dates: Set<number>;
  percents: Set<number>;
}

function styleKinds(stylesXml: string | undefined): StyleKinds {
  const out: StyleKinds = { dates: new Set<number>(), percents: new Set<number>() };
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const f of tags(stylesXml, "numFmt")) {
    const id = parseInt(f.numFmtId ?? "", 10);
    if (Number.isFinite(id)) custom.set(id, f.formatCode ?? "");
  }
  const xfsStart = stylesXml.search(/<(?:[\w-]+:)?cellXfs[\s>]/);
  if (xfsStart < 0) return out;
  const xfsEnd = stylesXml.search(/<\/(?:[\w-]+:)?cellXfs>/);
  const block = stylesXml.slice(xfsStart, xfsEnd < 0 ? undefined : xfsEnd);
  tags(block, "xf").forEach((xf, i) => {
    const id = parseInt(xf.numFmtId ?? "0", 10);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FMTS.has(id)) out.dates.add(i);
    else if (code !== undefined ? isPercentFormat(code) : BUILTIN_PERCENT_FMTS.has(id)) out.percents.add(i);
  });
  return out;
}

/** A date serial as the text Excel shows in Vietnam ("15/03/2023", with the time when there is one). */
function dateText(serial: number): string {
  const ms = Math.round(serial * 86400000) + EXCEL_EPOCH;
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return String(serial);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const day = `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const frac = serial - Math.floor(serial);
  if (frac === 0) return day;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
  return serial < 1 ? time : `${day} ${time}`;
}

interface RawCell {
  row: number;
  col: number;
  v: GridValue;
  f: string | null;
}

/** Scans one worksheet's XML into cells, hidden rows. */
function scanSheet(
  xml: string,
  sheetName: string,
  shared: string[],
  kinds: () => StyleKinds
): { cells: RawCell[]; hiddenRows: number[] } {
  const cells: RawCell[] = [];
  const hiddenRows: number[] = [];
  let start = xml.indexOf("sheetData");
  if (start < 0) return { cells, hiddenRows };
  const end = xml.indexOf("sheetData", start + 9);
  const limit = end < 0 ? xml.length : end;
  let p = start + 9;
  let curRow = 0;
  let curCol = 0;
  while (p < limit) {
    const lt = xml.indexOf("<", p);
    if (lt < 0 || lt >= limit) break;
    let nameEnd = lt + 1;
    for (;;) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13 || nameEnd >= limit) break;
      nameEnd++;
    }
    const name = xml.slice(lt + 1, nameEnd);
    const colon = name.indexOf(":");
    const local = colon >= 0 ? name.slice(colon + 1) : name;
    const gt = xml.indexOf(">", nameEnd);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (local === "row") {
      const tagText = xml.slice(nameEnd, gt);
      const rAttr = quickAttr(tagText, "r");
      const hidden = quickAttr(tagText, "hidden");
      const r = rAttr ? parseInt(rAttr, 10) : curRow + 1;
      curRow = Number.isFinite(r) && r > 0 ? r : curRow + 1;
      curCol = 0;
      if (hidden === "1" || hidden === "true") hiddenRows.push(curRow);
      p = gt + 1;
      continue;
    }
    if (local !== "c") {
      p = gt + 1;
      continue;
    }
    const tagText = xml.slice(nameEnd, selfClosing ? gt - 1 : gt);
    const a = { r: quickAttr(tagText, "r"), t: quickAttr(tagText, "t"), s: quickAttr(tagText, "s") };
    let row = curRow;
    let col = curCol + 1;
    if (a.r) {
      const rc = decodeRef(a.r);
      if (rc) [row, col] = rc;
    }
    if (row === 0) row = 1;
    curCol = col;
    if (selfClosing) {
      p = gt + 1;
      continue;
    }
    const closeTag = `</${name}>`;
    const close = xml.indexOf(closeTag, gt);
    if (close < 0) break;
    const prefix = colon >= 0 ? name.slice(0, colon + 1) : "";
    const inner = xml.slice(gt + 1, close);
    p = close + closeTag.length;

    let vText: string | undefined;
    const vOpen = inner.indexOf(`<${prefix}v>`);
    if (vOpen >= 0) {
      const vClose = inner.indexOf(`</${prefix}v>`, vOpen);
      if (vClose >= 0) vText = unescapeXml(inner.slice(vOpen + prefix.length + 3, vClose));
    }
    let formula: string | null = null;
    const fOpen = inner.indexOf(`<${prefix}f`);
    if (fOpen >= 0) {
      const fGt = inner.indexOf(">", fOpen);
      if (fGt >= 0 && inner.charCodeAt(fGt - 1) !== 47) {
        const fClose = inner.indexOf(`</${prefix}f>`, fGt);
        if (fClose >= 0) {
          const text = unescapeXml(inner.slice(fGt + 1, fClose));
          if (text.length > 0) formula = "=" + text;
        }
      }
      // a shared child (<f t="shared" si="0"/>) keeps a null formula
    }
    let v: GridValue = null;
    const t = a.t;
    if (t === "s") {
      const idx = vText === undefined ? NaN : parseInt(vText, 10);
      v = Number.isFinite(idx) && idx >= 0 && idx < shared.length ? shared[idx] : null;
    } else if (t === "inlineStr") {
      const isOpen = inner.indexOf(`<${prefix}is`);
      if (isOpen >= 0) v = itemText(inner, isOpen, inner.length);
      else if (vText !== undefined) v = vText;
    } else if (t === "str") {
      v = vText ?? null;
    } else if (t === "b") {
      v = vText === undefined ? null : vText.trim() === "1" || vText.trim() === "true";
    } else if (t === "e") {
      v = vText === undefined ? null : { error: vText };
    } else if (t === "d") {
      // an ISO date cell: shown as a date, never a figure
      const ms = vText === undefined ? NaN : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(vText) ? vText : vText + "Z");
      v = Number.isFinite(ms) ? dateText((ms - EXCEL_EPOCH) / 86400000) : (vText ?? null);
    } else if (vText !== undefined && vText !== "") {
      const n = Number(vText);
      v = Number.isFinite(n) ? n : vText;
      if (typeof v === "number" && a.s && a.s !== "0") {
        const k = kinds();
        const si = parseInt(a.s, 10);
        // a number shown as a date is a date (text), not a figure
        if (k.dates.has(si)) v = dateText(v);
        // a number shown as a percentage is the figure the user sees: 0.9975 shown as 99,75% is 99.75
        else if (k.percents.has(si)) v = percentShown(v);
      }
    }
    if (v === null && formula === null) continue;
    if (row > MAX_ROW || col > MAX_COL) continue; // beyond XFD1048576: not a cell Excel has
    cells.push({ row, col, v, f: formula });
    if (cells.length > READ_LIMITS.maxCellsPerSheet) {
      throw new ReadFail("too-large", readVi.tooLarge(readVi.tooManyCells(sheetName, READ_LIMITS.maxCellsPerSheet)));
    }
  }
  return { cells, hiddenRows };
}

/** The print header/footer texts of a worksheet (<headerFooter>, after the cells), sections apart, codes removed. */
function headerFooterTexts(xml: string): string[] {
  const at = xml.lastIndexOf("sheetData>");
  const tail = at < 0 ? xml : xml.slice(at);
  const block = /<(?:[\w-]+:)?headerFooter\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?headerFooter>/.exec(tail);
  if (!block) return [];
  const out: string[] = [];
  const re =
    /<(?:[\w-]+:)?(?:odd|even|first)(?:Header|Footer)\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?(?:odd|even|first)(?:Header|Footer)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block[1])))
    for (const t of headerFooterSections(unescapeXml(m[1]))) if (!out.includes(t)) out.push(t);
  return out;
}

function toGrid(name: string, cells: RawCell[]): { values: GridValue[][]; formulas: (string | null)[][] } {
  let maxRow = 0;
  let maxCol = 0;
  for (const c of cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  if (maxRow * maxCol > READ_LIMITS.maxGridArea) {
    throw new ReadFail("too-large", readVi.tooLarge(readVi.tooManyCells(name, READ_LIMITS.maxGridArea)));
  }
  const values: GridValue[][] = new Array(maxRow);
  const formulas: (string | null)[][] = new Array(maxRow);
  for (let r = 0; r < maxRow; r++) {
    values[r] = new Array(maxCol).fill(null);
    formulas[r] = new Array(maxCol).fill(null);
  }
  for (const c of cells) {
    values[c.row - 1][c.col - 1] = c.v;
    if (c.f !== null) formulas[c.row - 1][c.col - 1] = c.f;
  }
  return { values, formulas };
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

// ------------------------------------------------------------------ the reader

export interface ReadOptions {
  /** A faster bounded inflater where the host has one (Node: zlib); fflate otherwise. */
  inflater?: Inflater;
}

function readInner(buf: Uint8Array, opts: ReadOptions): ReadOutcome {
  if (buf.length === 0) throw new ReadFail("empty", readVi.empty);
  if (buf.length > READ_LIMITS.maxFileBytes) {
    throw new ReadFail("too-large", readVi.tooLarge(readVi.tooLargeFile(READ_LIMITS.maxFileBytes / MB)));
  }
  if (!startsWith(buf, [0x50, 0x4b])) throw sniffNonZip(buf);

  let entries: Map<string, ZipEntry>;
  try {
    entries = listZip(buf);
  } catch (e) {
    if (e instanceof ZipError && e.code === "too-large")
      throw new ReadFail("too-large", readVi.tooLarge(readVi.tooLargeFile(READ_LIMITS.maxFileBytes / MB)));
    throw new ReadFail("corrupt", readVi.corrupt);
  }
  let budget = READ_LIMITS.maxUnzippedBytes;
  const part = (name: string): string | undefined => {
    const e = findEntry(entries, name);
    if (!e) return undefined;
    if (e.size > budget)
      throw new ReadFail("too-large", readVi.tooLarge(readVi.tooLargeUnzipped(READ_LIMITS.maxUnzippedBytes / MB)));
    budget -= e.size;
    try {
      return decoder.decode(readEntry(buf, e, e.size, opts.inflater));
    } catch (err) {
      if (err instanceof ZipError && err.code === "too-large") {
        throw new ReadFail("too-large", readVi.tooLarge(readVi.tooLargeUnzipped(READ_LIMITS.maxUnzippedBytes / MB)));
      }
      throw new ReadFail("corrupt", readVi.corrupt);
    }
  };

  // refuse a zip bomb from the declared sizes, before inflating anything
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  const mimetype = findEntry(entries, "mimetype");
  if (mimetype && mimetype.size < 200) {
    const m = part("mimetype") ?? "";
    if (m.includes("opendocument.spreadsheet")) throw new ReadFail("ods", readVi.ods);
    if (m.includes("opendocument")) throw new ReadFail("not-xlsx", readVi.notXlsx);
  }

  if (!findEntry(entries, "xl/workbook.xml")) {
    if (findEntry(entries, "word/document.xml")) throw new ReadFail("not-xlsx", readVi.docx);
    if (findEntry(entries, "xl/workbook.bin")) throw new ReadFail("not-xlsx", readVi.xlsb);
  }
  // the workbook part: from the package relationships, else the usual name
  let wbPath = "xl/workbook.xml";
  const rootRels = part("_rels/.rels");
  if (rootRels) {
    const doc = tags(rootRels, "Relationship").find((r) => /officeDocument$/.test(r.Type ?? "") && r.Target);
    if (doc) wbPath = resolveTarget("", doc.Target);
    if (/^(word|ppt)\//i.test(wbPath))
      throw new ReadFail("not-xlsx", /^word/i.test(wbPath) ? readVi.docx : readVi.notXlsx);
  }
  if (!findEntry(entries, wbPath)) {
    if (findEntry(entries, "word/document.xml")) throw new ReadFail("not-xlsx", readVi.docx);
    if (/\.bin$/i.test(wbPath) || findEntry(entries, "xl/workbook.bin")) throw new ReadFail("not-xlsx", readVi.xlsb);
    if (findEntry(entries, "content.xml")) throw new ReadFail("ods", readVi.ods);
    if (!findEntry(entries, "[Content_Types].xml")) throw new ReadFail("not-xlsx", readVi.notXlsx);
    throw new ReadFail("corrupt", readVi.corrupt);
  }
  if (declared > READ_LIMITS.maxUnzippedBytes) {
    // only the parts we read count, but a package declaring this much is refused outright
    throw new ReadFail("too-large", readVi.tooLarge(readVi.tooLargeUnzipped(READ_LIMITS.maxUnzippedBytes / MB)));
  }

  const wbXml = part(wbPath) ?? "";
  const wbRels = part(relsPath(wbPath)) ?? "";
  const rels = new Map<string, { target: string; type: string }>();
  for (const r of tags(wbRels, "Relationship")) {
    if (r.Id && r.Target && r.TargetMode !== "External")
      rels.set(r.Id, { target: resolveTarget(wbPath, r.Target), type: r.Type ?? "" });
  }
  const sheetTags = tags(wbXml, "sheet");
  if (sheetTags.length > READ_LIMITS.maxSheets)
    throw new ReadFail("too-large", readVi.tooLarge(readVi.tooManySheets(READ_LIMITS.maxSheets)));

  let sharedStrings: string[] = [];
  const ssRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const ssXml = part(ssRel ? ssRel.target : "xl/sharedStrings.xml");
  if (ssXml) sharedStrings = parseSharedStrings(ssXml);

  let kindSet: StyleKinds | undefined;
  const kinds = () => {
    if (!kindSet) {
      const stRel = [...rels.values()].find((r) => /\/styles$/.test(r.type));
      kindSet = styleKinds(part(stRel ? stRel.target : "xl/styles.xml"));
    }
    return kindSet;
  };

  const sheets: XlsxSheet[] = [];
  const settings: Record<string, string> = {};
  for (const st of sheetTags) {
    const rid = st.id ?? st["r:id"];
    const rel = rid ? rels.get(rid) : undefined;
    if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets, macro sheets
    const xml = part(rel.target);
    if (xml === undefined) throw new ReadFail("corrupt", readVi.corrupt);
    const name = st.name ?? "";
    const { cells, hiddenRows } = scanSheet(xml, name, sharedStrings, kinds);
    const state = st.state === "hidden" || st.state === "veryHidden" ? st.state : "visible";
    if (name === SETTINGS_SHEET) {
      for (const c of cells) {
        if (c.col !== 1 || typeof c.v !== "string") continue;
        const val = cells.find((d) => d.row === c.row && d.col === 2);
        if (val && val.v !== null && typeof val.v !== "object") settings[c.v] = String(val.v);
      }
      continue;
    }
    const { values, formulas } = toGrid(name, cells);
    const headerFooter = headerFooterTexts(xml);
    sheets.push({
      name,
      values,
      formulas,
      origin: { row: 1, col: 1 },
      hidden: state !== "visible",
      hiddenRows,
      state,
      ...(headerFooter.length > 0 ? { headerFooter } : {}),
    });
  }
  return { ok: true, sheets, settings };
}

/**
 * Reads an .xlsx file's bytes. `name` (the file name) only sharpens the message for files that are not .xlsx.
 * Never throws.
 */
export function readWorkbookFile(buf: Uint8Array, name?: string, opts: ReadOptions = {}): ReadOutcome {
  try {
    return readInner(buf, opts);
  } catch (e) {
    if (e instanceof ReadFail) {
      if (e.code === "not-xlsx" && e.reason === readVi.notXlsx && name && /\.xls$/i.test(name)) {
        return { ok: false, code: "xls", reason: readVi.xls };
      }
      return { ok: false, code: e.code, reason: e.reason };
    }
    return { ok: false, code: "corrupt", reason: readVi.corrupt };
  }
}

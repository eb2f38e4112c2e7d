/**
 * The hardening corpus: bad files, bad layouts, bad figures and hostile text, generated at test time
 * (nothing binary is committed). Each file case says which code readWorkbookFile must answer.
 *
 * Zips and OLE2 (CFB) containers are assembled by hand here so that the corpus does not depend on the
 * code under test: a zip whose headers lie about sizes, a 500 MB entry whose deflate stream is written
 * bit by bit (fixed Huffman, 13 bits per 258 bytes, ~3 MB), a CFB container with the stream names
 * Excel uses for legacy and encrypted workbooks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { deflateSync, strToU8, unzipSync } from "fflate";
import type { GridSheet, GridValue } from "../../src/engine/types";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";

// ------------------------------------------------------------------ crc32

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `data`, continuing from `prev` (0 to start). */
export function crc32(data: Uint8Array, prev = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (typeof native === "function") return native(data, prev) >>> 0;
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ------------------------------------------------------------------ zip writer

export interface ZipEntryIn {
  name: string;
  /** Uncompressed content (compressed here with `method`). */
  data?: Uint8Array;
  /** 0 = stored, 8 = deflate (default 8). */
  method?: 0 | 8;
  /** Already compressed content with its true crc and size (for the hand-made bomb). */
  raw?: { compressed: Uint8Array; crc: number; size: number };
  /** Lie in the headers about the uncompressed size. */
  declaredSize?: number;
}

function u16(b: number[], v: number) {
  b.push(v & 0xff, (v >>> 8) & 0xff);
}
function u32(b: number[], v: number) {
  b.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}

/** A plain zip (no zip64), entries in the given order. */
export function makeZip(entries: ZipEntryIn[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    let method: number;
    let comp: Uint8Array;
    let crc: number;
    let size: number;
    if (e.raw) {
      method = 8;
      comp = e.raw.compressed;
      crc = e.raw.crc;
      size = e.raw.size;
    } else {
      const data = e.data ?? new Uint8Array(0);
      method = e.method ?? 8;
      comp = method === 8 ? deflateSync(data, { level: 6 }) : data;
      crc = crc32(data);
      size = data.length;
    }
    const declared = e.declaredSize ?? size;
    const local: number[] = [];
    u32(local, 0x04034b50);
    u16(local, 20); // version needed
    u16(local, 0x0800); // utf-8 names
    u16(local, method);
    u16(local, 0); // time
    u16(local, 0x21); // date (1980-01-01)
    u32(local, crc);
    u32(local, comp.length);
    u32(local, declared);
    u16(local, name.length);
    u16(local, 0);
    const lh = Uint8Array.from(local);
    parts.push(lh, name, comp);

    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, 0x0800);
    u16(central, method);
    u16(central, 0);
    u16(central, 0x21);
    u32(central, crc);
    u32(central, comp.length);
    u32(central, declared);
    u16(central, name.length);
    u16(central, 0); // extra
    u16(central, 0); // comment
    u16(central, 0); // disk
    u16(central, 0); // internal attrs
    u32(central, 0); // external attrs
    u32(central, offset);
    for (const c of name) central.push(c);
    offset += lh.length + name.length + comp.length;
  }
  const cd = Uint8Array.from(central);
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, cd.length);
  u32(end, offset);
  u16(end, 0);
  parts.push(cd, Uint8Array.from(end));
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The entries of a zip, in their original order (fflate keeps insertion order). */
export function zipEntries(bytes: Uint8Array): ZipEntryIn[] {
  const files = unzipSync(bytes);
  return Object.keys(files).map((name) => ({ name, data: files[name] }));
}

// ------------------------------------------------------------------ hand-written deflate (the bomb)

/**
 * A raw deflate stream of `total` copies of `byte` (< 144), written as one fixed-Huffman block:
 * one literal, then length-258 / distance-1 matches (13 bits each), then literals for the tail.
 */
export function deflateRepeat(byte: number, total: number): Uint8Array {
  if (byte >= 144) throw new Error("literal must be < 144");
  const matches = total > 0 ? Math.floor((total - 1) / 258) : 0;
  const tail = total > 0 ? total - 1 - matches * 258 : 0;
  const out = new Uint8Array(Math.ceil(((1 + tail) * 8 + matches * 13 + 3 + 7) / 8) + 8);
  let acc = 0;
  let nbits = 0;
  let pos = 0;
  const put = (v: number, n: number) => {
    acc |= v << nbits;
    nbits += n;
    while (nbits >= 8) {
      out[pos++] = acc & 0xff;
      acc >>>= 8;
      nbits -= 8;
    }
  };
  const rev = (code: number, len: number) => {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((code >>> i) & 1) << (len - 1 - i);
    return r;
  };
  const lit = rev(0x30 + byte, 8);
  const match = rev(0xc5, 8); // length code 285 = 258; distance code 0 (5 zero bits) follows
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = 01 fixed Huffman
  if (total > 0) put(lit, 8);
  for (let i = 0; i < matches; i++) put(match, 13);
  for (let i = 0; i < tail; i++) put(lit, 8);
  put(0, 7); // end of block (code 256 = 0000000)
  if (nbits > 0) out[pos++] = acc & 0xff;
  return out.subarray(0, pos);
}

/** CRC-32 of `total` copies of `byte`, streamed in 1 MB pieces. */
export function crcRepeat(byte: number, total: number): number {
  const chunk = new Uint8Array(Math.min(total, 1 << 20)).fill(byte);
  let c = 0;
  let left = total;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    c = crc32(n === chunk.length ? chunk : chunk.subarray(0, n), c);
    left -= n;
  }
  return c;
}

// ------------------------------------------------------------------ CFB (OLE2) containers

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A compound file with one root storage and the given streams, each padded to 4096 bytes so that
 * they live in regular 512-byte sectors (no mini stream). Structurally plausible: header, FAT, directory.
 */
export function makeCfb(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const len = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const d = new Uint8Array(len);
    d.set(s.data);
    return { name: s.name, data: d, size: Math.max(4096, s.data.length) };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const total = 1 + dirSectors + dataSectors; // FAT sector first
  if (total > 128) throw new Error("CFB too large for one FAT sector");
  const buf = new Uint8Array(SECTOR * (1 + total));
  const dv = new DataView(buf.buffer);
  buf.set(CFB_SIGNATURE, 0);
  dv.setUint16(0x18, 0x003e, true);
  dv.setUint16(0x1a, 0x0003, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x40, 0, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  dv.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + 4 * i, i === 0 ? 0 : 0xffffffff, true);
  const sec = (n: number) => SECTOR * (1 + n);
  // FAT
  const fat = new Array<number>(128).fill(0xffffffff);
  fat[0] = 0xfffffffd;
  for (let i = 0; i < dirSectors; i++) fat[1 + i] = i === dirSectors - 1 ? 0xfffffffe : 2 + i;
  let next = 1 + dirSectors;
  const starts: number[] = [];
  for (const s of padded) {
    const n = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? 0xfffffffe : next + i + 1;
    buf.set(s.data, sec(next));
    next += n;
  }
  fat.forEach((v, i) => dv.setUint32(sec(0) + 4 * i, v, true));
  // directory
  const entry = (k: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = sec(1) + 128 * k;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + 2 * i, name.charCodeAt(i), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    buf[o + 66] = type;
    buf[o + 67] = 1; // black
    dv.setUint32(o + 68, 0xffffffff, true); // left
    dv.setUint32(o + 72, right, true);
    dv.setUint32(o + 76, child, true);
    dv.setUint32(o + 116, start, true);
    dv.setUint32(o + 120, size, true);
  };
  entry(0, "Root Entry", 5, padded.length > 0 ? 1 : 0xffffffff, 0xffffffff, 0xfffffffe, 0);
  padded.forEach((s, i) => entry(1 + i, s.name, 2, 0xffffffff, i + 2 <= padded.length ? i + 2 : 0xffffffff, starts[i], s.size));
  return buf;
}

/** A BIFF8 workbook stream: BOF (0x0809) for a workbook globals substream, then EOF. */
function biff8Stream(): Uint8Array {
  const b: number[] = [];
  u16(b, 0x0809);
  u16(b, 16);
  u16(b, 0x0600); // BIFF8
  u16(b, 0x0005); // workbook globals
  u16(b, 0x0dbb);
  u16(b, 0x07cc);
  u32(b, 0);
  u32(b, 0x06);
  u16(b, 0x000a); // EOF
  u16(b, 0);
  return Uint8Array.from(b);
}

// ------------------------------------------------------------------ base workbooks

/** A valid hand-made report (seed 000, province, Q1/2023, all seven forms on one sheet). */
let seedCache: Uint8Array | undefined;
export async function seedXlsx(): Promise<Uint8Array> {
  if (!seedCache) seedCache = new Uint8Array(await makeSeedWorkbook("000", "one-sheet"));
  return seedCache;
}

async function exceljsBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Replaces (or adds) zip entries by name, keeping the order of the others. */
export function patchZip(bytes: Uint8Array, changes: Record<string, Uint8Array | ZipEntryIn | null>): Uint8Array {
  const entries = zipEntries(bytes);
  const out: ZipEntryIn[] = [];
  const done = new Set<string>();
  for (const e of entries) {
    if (e.name in changes) {
      done.add(e.name);
      const c = changes[e.name];
      if (c === null) continue;
      out.push(c instanceof Uint8Array ? { name: e.name, data: c } : { ...c, name: e.name });
    } else out.push(e);
  }
  for (const [name, c] of Object.entries(changes)) {
    if (done.has(name) || c === null) continue;
    out.push(c instanceof Uint8Array ? { name, data: c } : { ...c, name });
  }
  return makeZip(out);
}

/** Sheet XML with `rows` × `cols` number cells (each the value row*1000+col). */
export function bigSheetXml(rows: number, cols: number): Uint8Array {
  const letters = (c: number) => {
    let s = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const colNames = Array.from({ length: cols }, (_, i) => letters(i + 1));
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    let s = `<row r="${r}">`;
    for (let c = 1; c <= cols; c++) s += `<c r="${colNames[c - 1]}${r}"><v>${r * 1000 + c}</v></c>`;
    parts.push(s + "</row>");
  }
  parts.push("</sheetData></worksheet>");
  return strToU8(parts.join(""));
}

// ------------------------------------------------------------------ file cases

export type ReadCode = "xls" | "encrypted" | "ods" | "not-xlsx" | "corrupt" | "too-large" | "empty";

export interface FileCase {
  id: string;
  /** File name the user picked. */
  file: string;
  /** What the case is, for docs/HARDENING.md. */
  what: string;
  /** Acceptable answers of readWorkbookFile: an error code, or "ok". The first is the preferred one. */
  expect: (ReadCode | "ok")[];
  /** For "ok" cases: what the report must then hold. */
  then?: "seed-000" | "no-form" | "big";
  make: () => Promise<Uint8Array>;
}

/** Size of the real bomb's single entry. */
export const BOMB_SIZE = 500 * 1024 * 1024;
let bombCache: { compressed: Uint8Array; crc: number; size: number } | undefined;
export function bombEntry(): { compressed: Uint8Array; crc: number; size: number } {
  if (!bombCache) bombCache = { compressed: deflateRepeat(0x20, BOMB_SIZE), crc: crcRepeat(0x20, BOMB_SIZE), size: BOMB_SIZE };
  return bombCache;
}

export const BIG_ROWS = 20000;
export const BIG_COLS = 10;

export const FILE_CASES: FileCase[] = [
  {
    id: "xls",
    file: "bao-cao.xls",
    what: "Legacy Excel 97–2003 (.xls, OLE2/CFB container with a Workbook stream)",
    expect: ["xls"],
    make: async () => makeCfb([{ name: "Workbook", data: biff8Stream() }, { name: "\u0005SummaryInformation", data: new Uint8Array(64) }]),
  },
  {
    id: "xls-renamed",
    file: "bao-cao.xlsx",
    what: "Legacy .xls renamed to .xlsx",
    expect: ["xls"],
    make: async () => makeCfb([{ name: "Workbook", data: biff8Stream() }]),
  },
  {
    id: "encrypted",
    file: "bao-cao-mat-khau.xlsx",
    what: "Password-protected .xlsx (CFB container with EncryptionInfo / EncryptedPackage streams)",
    expect: ["encrypted"],
    make: async () =>
      makeCfb([
        { name: "\u0006DataSpaces", data: new Uint8Array(16) },
        { name: "EncryptionInfo", data: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
        { name: "EncryptedPackage", data: new Uint8Array(2048).map((_, i) => (i * 131 + 7) & 0xff) },
      ]),
  },
  {
    id: "xlsm",
    file: "bao-cao.xlsm",
    what: "Macro-enabled workbook (.xlsm with xl/vbaProject.bin and macro content types): figures read, macros never run",
    expect: ["ok"],
    then: "seed-000",
    make: async () => {
      const base = await seedXlsx();
      const files = unzipSync(base);
      const ct = new TextDecoder()
        .decode(files["[Content_Types].xml"])
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        .replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ');
      const rels = new TextDecoder()
        .decode(files["xl/_rels/workbook.xml.rels"])
        .replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
      const vba = makeCfb([
        { name: "VBA", data: strToU8('Attribute VB_Name = "Module1"\r\nSub Auto_Open()\r\nShell "calc.exe"\r\nEnd Sub\r\n') },
        { name: "PROJECT", data: strToU8('ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\n') },
      ]);
      return patchZip(base, { "[Content_Types].xml": strToU8(ct), "xl/_rels/workbook.xml.rels": strToU8(rels), "xl/vbaProject.bin": vba });
    },
  },
  {
    id: "ods",
    file: "bao-cao.ods",
    what: "OpenDocument spreadsheet (.ods: zip with an uncompressed mimetype entry first)",
    expect: ["ods"],
    make: async () =>
      makeZip([
        { name: "mimetype", data: strToU8("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
        {
          name: "content.xml",
          data: strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="Biểu mẫu 1"/></office:spreadsheet></office:body></office:document-content>'
          ),
        },
        {
          name: "META-INF/manifest.xml",
          data: strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
          ),
        },
      ]),
  },
  {
    id: "ods-renamed",
    file: "bao-cao.xlsx",
    what: "OpenDocument spreadsheet renamed to .xlsx",
    expect: ["ods"],
    make: async () => makeZip([{ name: "mimetype", data: strToU8("application/vnd.oasis.opendocument.spreadsheet"), method: 0 }, { name: "content.xml", data: strToU8("<x/>") }]),
  },
  {
    id: "truncated",
    file: "bao-cao.xlsx",
    what: "Real .xlsx cut in half (interrupted download)",
    expect: ["corrupt"],
    make: async () => {
      const b = await seedXlsx();
      return b.slice(0, Math.floor(b.length / 2));
    },
  },
  {
    id: "flipped",
    file: "bao-cao.xlsx",
    what: "Real .xlsx with bytes flipped through the file (disk or transfer damage)",
    expect: ["corrupt"],
    make: async () => {
      const b = (await seedXlsx()).slice();
      // keep the first local header signature so the file still looks like a zip; damage everything after
      for (let i = 64; i < b.length; i += 61) b[i] ^= 0xa5;
      return b;
    },
  },
  {
    id: "pdf",
    file: "bao-cao.xlsx",
    what: "PDF renamed to .xlsx",
    expect: ["not-xlsx"],
    make: async () => strToU8("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", true),
  },
  {
    id: "docx",
    file: "bao-cao.xlsx",
    what: "Word document (.docx) renamed to .xlsx",
    expect: ["not-xlsx"],
    make: async () =>
      makeZip([
        {
          name: "[Content_Types].xml",
          data: strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
          ),
        },
        {
          name: "_rels/.rels",
          data: strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
          ),
        },
        {
          name: "word/document.xml",
          data: strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo cải cách hành chính</w:t></w:r></w:p></w:body></w:document>'
          ),
        },
      ]),
  },
  {
    id: "plain-text",
    file: "bao-cao.xlsx",
    what: "Tab-separated text saved with an .xlsx name",
    expect: ["not-xlsx"],
    make: async () => strToU8("STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\n1.\tSố văn bản chỉ đạo CCHC đã ban hành\tVăn bản\t9\n"),
  },
  {
    id: "empty-file",
    file: "bao-cao.xlsx",
    what: "Empty file (0 bytes)",
    expect: ["empty"],
    make: async () => new Uint8Array(0),
  },
  {
    id: "empty-workbook",
    file: "trong.xlsx",
    what: "Valid .xlsx with one blank sheet",
    expect: ["empty", "ok"],
    then: "no-form",
    make: async () => exceljsBytes((wb) => wb.addWorksheet("Sheet1")),
  },
  {
    id: "no-form",
    file: "danh-sach.xlsx",
    what: "Valid .xlsx with data but no form (a staff list)",
    expect: ["ok"],
    then: "no-form",
    make: async () =>
      exceljsBytes((wb) => {
        const ws = wb.addWorksheet("Danh sách");
        ws.addRow(["Họ và tên", "Ngày sinh", "Chức vụ"]);
        ws.addRow(["Nguyễn Văn A", "01/01/1980", "Chuyên viên"]);
        ws.addRow(["Trần Thị B", "02/02/1985", "Trưởng phòng"]);
      }),
  },
  {
    id: "big-sheet",
    file: "lon.xlsx",
    what: `Very large sheet (${BIG_ROWS} rows × ${BIG_COLS} columns = ${BIG_ROWS * BIG_COLS} cells)`,
    expect: ["ok", "too-large"],
    then: "big",
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      return patchZip(base, { "xl/worksheets/sheet1.xml": bigSheetXml(BIG_ROWS, BIG_COLS) });
    },
  },
  {
    id: "over-size",
    file: "qua-lon.xlsx",
    what: "File of 21 MB (a workbook padded with embedded media), above the file-size limit",
    expect: ["too-large"],
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      const media = new Uint8Array(21 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24); // incompressible
      return patchZip(base, { "xl/media/image1.png": { name: "", data: media, method: 0 } });
    },
  },
  {
    id: "many-sheets",
    file: "nhieu-trang.xlsx",
    what: "Workbook with 250 sheets",
    expect: ["too-large", "ok"],
    then: "no-form",
    make: async () =>
      exceljsBytes((wb) => {
        for (let i = 1; i <= 250; i++) wb.addWorksheet(`Trang ${i}`).getCell(1, 1).value = i;
      }),
  },
  {
    id: "far-cell",
    file: "o-xa.xlsx",
    what: "Sheet with A1 and one cell at XFD1048576 (the last cell of a sheet): a sparse grid that would be 17 billion cells dense",
    expect: ["too-large", "ok"],
    then: "no-form",
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      const xml =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>';
      return patchZip(base, { "xl/worksheets/sheet1.xml": strToU8(xml) });
    },
  },
  {
    id: "bomb-declared",
    file: "bom.xlsx",
    what: "Zip bomb, declared: a sheet entry whose headers declare ~4 GB uncompressed",
    expect: ["too-large"],
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      const sheet = unzipSync(base)["xl/worksheets/sheet1.xml"];
      return patchZip(base, { "xl/worksheets/sheet1.xml": { name: "", data: sheet, declaredSize: 0xfffffff0 } });
    },
  },
  {
    id: "bomb-real",
    file: "bom.xlsx",
    what: `Zip bomb, real: one sheet entry inflating to ${BOMB_SIZE / 1024 / 1024} MB (about 3 MB on disk)`,
    expect: ["too-large"],
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      return patchZip(base, { "xl/worksheets/sheet1.xml": { name: "", raw: bombEntry() } });
    },
  },
  {
    id: "bomb-lying",
    file: "bom.xlsx",
    what: `Zip bomb, lying: headers declare 1 KB, the data inflates to ${BOMB_SIZE / 1024 / 1024} MB`,
    expect: ["too-large", "corrupt"],
    make: async () => {
      const base = await exceljsBytes((wb) => wb.addWorksheet("Sheet1").addRow([1]));
      return patchZip(base, { "xl/worksheets/sheet1.xml": { name: "", raw: bombEntry(), declaredSize: 1024 } });
    },
  },
];

/** Writes every file case into a fresh temp dir; returns id → path. */
export async function writeCorpus(dir?: string): Promise<{ dir: string; paths: Record<string, string> }> {
  const d = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "cchc-hardening-"));
  const paths: Record<string, string> = {};
  for (const c of FILE_CASES) {
    const sub = path.join(d, c.id);
    fs.mkdirSync(sub, { recursive: true });
    const p = path.join(sub, c.file);
    fs.writeFileSync(p, await c.make());
    paths[c.id] = p;
  }
  return { dir: d, paths };
}

// ------------------------------------------------------------------ grids from specs (add-in sheets without a writer)

/** What a host would read from a sheet written from `spec`: text, numbers, formulas (no cached results). */
export function specToGrid(spec: SheetSpec): GridSheet {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const row of spec.cells) {
    values.push(row.map((c) => (c === null ? null : c.t === "s" ? c.v : c.t === "n" ? c.v : null)));
    formulas.push(row.map((c) => (c !== null && c.t === "f" ? (c.f.startsWith("=") ? c.f : "=" + c.f) : null)));
  }
  return { name: spec.name, values, formulas };
}

export function workbookToGrids(wb: WorkbookSpec): GridSheet[] {
  return wb.sheets.map(specToGrid);
}

/** Deep copy of a grid sheet. */
export function cloneGrid(s: GridSheet): GridSheet {
  return {
    ...s,
    values: s.values.map((r) => r.map((v) => (v !== null && typeof v === "object" ? { ...v } : v))),
    formulas: s.formulas?.map((r) => [...r]),
    hiddenRows: s.hiddenRows ? [...s.hiddenRows] : undefined,
  };
}

/** Row index (0-based in values) of the add-in row carrying indicator `id` in column F. */
export function rowOfId(s: GridSheet, id: string): number {
  return s.values.findIndex((r) => r[5] === id);
}

/** Sets the value cell (column D) of indicator `id` on an add-in grid, dropping any formula there. */
export function setValue(s: GridSheet, id: string, v: GridValue): void {
  const r = rowOfId(s, id);
  if (r < 0) throw new Error(`no row for ${id} on ${s.name}`);
  while (s.values[r].length < 6) s.values[r].push(null);
  s.values[r][3] = v;
  if (s.formulas?.[r]) s.formulas[r][3] = null;
}

// ------------------------------------------------------------------ hostile text

/** Text that must always stay text: formula injection, DDE, huge strings, control characters. */
export const HOSTILE_TEXTS: { id: string; text: string }[] = [
  { id: "hyperlink", text: '=HYPERLINK("http://x","y")' },
  { id: "dde", text: "=cmd|' /C calc'!A0" },
  { id: "plus", text: "+1+cmd|' /C calc'!A0" },
  { id: "minus", text: "-2+3+cmd|' /C calc'!A0" },
  { id: "at", text: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { id: "equals-sum", text: "=SUM(A1:A9)" },
  { id: "tab-equals", text: "\t=1+1" },
  { id: "huge", text: "Ủy ban nhân dân ".repeat(2500) }, // 40,000 chars, above Excel's 32,767 per cell
  { id: "control", text: "Đơn vị\u0000\u0001\u0002\u0007\u0008\u000b\u000c\u001b\u001f có ký tự điều khiển" },
];

/** XML 1.0 forbids these characters; a sheet part carrying one raw is broken. */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Excel's limit of characters per cell. */
export const EXCEL_MAX_CELL_CHARS = 32767;

/**
 * The .docx adapter: Word bytes → blocks (paragraphs and tables, in document order) with mammoth, which
 * runs in Node on a Buffer and in the browser on an ArrayBuffer. The file kind is sniffed first, so a
 * Word 97–2003 file, a PDF, a workbook or a renamed file gets one clear Vietnamese line and nothing else
 * happens. Nothing the file carries is executed or fetched (external files are never read).
 */
import mammoth from "mammoth";
import { textVi } from "../i18n/text";
import type { Block, TableRow } from "./types";

export const DOCX_LIMITS = { maxBytes: 30 * 1024 * 1024 };

export type DocxRead = { ok: true; blocks: Block[] } | { ok: false; reason: string; code: string };

/** What the bytes are, before any parsing. */
export function sniffDocument(bytes: Uint8Array): "empty" | "cfb" | "pdf" | "zip" | "other" {
  if (bytes.length === 0) return "empty";
  const b = (i: number) => bytes[i];
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return "cfb";
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return "pdf";
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return "zip";
  return "other";
}

interface MElement {
  type: string;
  value?: string;
  children?: MElement[];
  colSpan?: number;
}

function textOf(e: MElement): string {
  if (e.type === "text") return e.value ?? "";
  if (e.type === "tab") return "\t";
  if (e.type === "break") return "\n";
  if (e.type === "noteReference" || e.type === "commentReference") return "";
  return (e.children ?? []).map(textOf).join("");
}

/** The blocks of mammoth's document tree (exported for tests that build trees by hand). */
export function blocksOfTree(doc: MElement): Block[] {
  const out: Block[] = [];
  const walk = (e: MElement) => {
    if (e.type === "paragraph") out.push({ kind: "p", text: textOf(e).replace(/\s+/g, " ").trim() });
    else if (e.type === "table") {
      const rows: TableRow[] = [];
      for (const r of e.children ?? []) {
        if (r.type !== "tableRow") continue;
        const row: string[] = [];
        for (const c of r.children ?? []) {
          if (c.type !== "tableCell") continue;
          const t = (c.children ?? []).map(textOf).join(" ").replace(/\s+/g, " ").trim();
          const span = Math.max(1, Math.min(50, c.colSpan ?? 1));
          for (let k = 0; k < span; k++) row.push(k === 0 ? t : "");
        }
        rows.push(row);
      }
      out.push({ kind: "table", rows });
    } else for (const c of e.children ?? []) walk(c);
  };
  walk(doc);
  return out.filter((b) => b.kind === "table" || b.text !== "");
}

/** Reads a .docx; never throws. */
export async function readDocx(data: Uint8Array | ArrayBuffer): Promise<DocxRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const r = textVi.read;
  if (bytes.length > DOCX_LIMITS.maxBytes)
    return { ok: false, code: "too-large", reason: r.tooLarge(DOCX_LIMITS.maxBytes / (1024 * 1024)) };
  const kind = sniffDocument(bytes);
  if (kind === "empty") return { ok: false, code: "empty", reason: r.empty };
  if (kind === "cfb") return { ok: false, code: "doc", reason: r.doc };
  if (kind === "pdf") return { ok: false, code: "pdf", reason: r.pdf };
  if (kind !== "zip") return { ok: false, code: "not-docx", reason: r.notDocx };
  const names = zipNamesHint(bytes);
  if (!names.includes("word/document") && names.includes("xl/workbook"))
    return { ok: false, code: "xlsx", reason: r.xlsx };
  let tree: MElement | undefined;
  const input =
    typeof Buffer !== "undefined"
      ? { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
      : { arrayBuffer: bytes.slice().buffer as ArrayBuffer };
  try {
    await mammoth.convertToHtml(input, {
      externalFileAccess: false,
      transformDocument: (doc: MElement) => {
        tree = doc;
        // nothing is rendered: the blocks come from the tree
        return { ...doc, children: [] };
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/main document|document\.xml/i.test(msg) && !names.includes("word/document"))
      return { ok: false, code: "not-docx", reason: r.notDocx };
    return { ok: false, code: "corrupt", reason: r.corrupt };
  }
  if (!tree) return { ok: false, code: "corrupt", reason: r.corrupt };
  return { ok: true, blocks: blocksOfTree(tree) };
}

/** The zip's entry names as they stand in plain bytes (local headers at the start, the directory at the end). */
function zipNamesHint(bytes: Uint8Array): string {
  const d = new TextDecoder("latin1");
  const head = d.decode(bytes.subarray(0, Math.min(bytes.length, 256 * 1024)));
  const tail = d.decode(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)));
  return head + tail;
}

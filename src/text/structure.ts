/**
 * From blocks to the report's parts: the body's paragraphs (numbered, each with the section it stands
 * in: sections I…VII follow the forms' order) and the appendix (Biểu mẫu 1–7 as Word tables), which is
 * turned into a sheet for the existing reader and never compared with itself. Pure.
 */
import type { GridSheet } from "../engine/types";
import type { Block, TextParagraph } from "./types";

/** Lowercase, NFC, one space. */
export function norm(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

const FORM_WORDS: [number, string[]][] = [
  [7, ["chính quyền điện tử", "chính quyền số"]],
  [1, ["chỉ đạo, điều hành", "chỉ đạo điều hành"]],
  [2, ["thể chế"]],
  [3, ["thủ tục hành chính", "tthc"]],
  [4, ["tổ chức bộ máy", "bộ máy hành chính"]],
  [5, ["công vụ"]],
  [6, ["tài chính công"]],
];

/** The form a heading names ("2. Cải cách thủ tục hành chính" → 3), or 0. */
export function formOfHeading(text: string): number {
  const t = norm(text);
  for (const [f, words] of FORM_WORDS) if (words.some((w) => t.includes(w))) return f;
  return 0;
}

const ROMAN = /^(?:\*\*)?\s*([IVX]{1,4})\s*[.)]\s+\S/;
const ARABIC = /^(?:\*\*)?\s*(\d{1,2})\s*\.\s+\S/;
const LETTER = /^(?:\*\*)?\s*[a-zđ]\s*\)\s+\S/;

function isHeading(text: string): "roman" | "arabic" | "letter" | undefined {
  if (text.length > 200) return undefined;
  if (ROMAN.test(text)) return "roman";
  if (ARABIC.test(text) && text.length <= 160) return "arabic";
  if (LETTER.test(text)) return "letter";
  return undefined;
}

/** A Word table that is one of the forms: a header row with "STT" and a "Chỉ tiêu" column. */
export function isFormTable(rows: string[][]): boolean {
  for (const r of rows.slice(0, 4)) {
    const cells = r.map(norm);
    if (cells.some((c) => c === "stt" || c === "tt") && cells.some((c) => c.startsWith("chỉ tiêu"))) return true;
  }
  return false;
}

const APPENDIX_HEAD = /^(phụ lục|biểu mẫu\s*1\b|thống kê số liệu|biểu mẫu thống kê)/;

export interface ReportParts {
  paragraphs: TextParagraph[];
  /** The appendix as sheets laid out like a hand-made workbook (one per form table), or undefined when none. */
  appendix?: GridSheet[];
  /** Number of form tables found. */
  formTables: number;
}

/**
 * Splits the blocks into body paragraphs and the appendix. A paragraph that does not end a sentence and
 * is followed by one starting in lowercase (a page break inside a sentence) is joined to it.
 */
export function splitReport(blocks: Block[]): ReportParts {
  const firstForm = blocks.findIndex((b) => b.kind === "table" && isFormTable(b.rows));
  let appendixStart = firstForm < 0 ? blocks.length : firstForm;
  if (firstForm >= 0)
    for (let k = firstForm - 1; k >= Math.max(0, firstForm - 8); k--) {
      const b = blocks[k];
      if (b.kind !== "p" || b.text.length > 200) break;
      if (APPENDIX_HEAD.test(norm(b.text).replace(/^\*+/, ""))) appendixStart = k;
    }

  // body
  const raw: string[] = [];
  for (const b of blocks.slice(0, appendixStart)) {
    if (b.kind === "p") raw.push(b.text);
    else for (const r of b.rows) raw.push(r.filter((c) => c !== "").join(" | "));
  }
  const paragraphs: TextParagraph[] = [];
  let section = 0;
  let open = false; // inside a roman section whose numbered parts are the forms (II. KẾT QUẢ …)
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i].trim();
    if (!text) continue;
    const prev = paragraphs[paragraphs.length - 1];
    if (prev && !prev.heading && /[^.:;!?)\]”"]$/.test(prev.text) && /^[a-zà-ỹđ]/.test(text)) {
      prev.text = `${prev.text} ${text}`;
      continue;
    }
    const h = isHeading(text);
    if (h === "roman") {
      const f = formOfHeading(text);
      const t = norm(text);
      section = f;
      open =
        f === 0 &&
        /kết quả|nhiệm vụ cải cách|thực hiện/.test(t) &&
        !/đánh giá|phương hướng|kiến nghị|đề xuất|tồn tại/.test(t);
    } else if (h === "arabic" && (open || section > 0)) {
      const f = formOfHeading(text);
      if (f > 0 && (open || section > 0)) section = f;
    }
    paragraphs.push({ number: i + 1, text, section, heading: h !== undefined });
  }

  // appendix: one sheet per form table, with the headings above it ("Biểu mẫu N", the title)
  let formTables = 0;
  const sheets: GridSheet[] = [];
  let pending: (string | null)[][] = [];
  for (const b of blocks.slice(appendixStart)) {
    if (b.kind === "p") {
      pending.push([b.text]);
      continue;
    }
    const values = [...pending.slice(-4), ...b.rows.map((r) => r.map((c) => (c === "" ? null : c)))];
    pending = [];
    if (!isFormTable(b.rows)) continue;
    formTables++;
    const heading = values.map((r) => /Biểu mẫu\s*([1-7])\b/i.exec(String(r[0] ?? ""))).find(Boolean);
    sheets.push({ name: heading ? `Biểu mẫu ${heading[1]}` : `Bảng ${formTables}`, values });
  }
  const appendix = sheets.length > 0 ? sheets : undefined;
  return { paragraphs, appendix, formTables };
}

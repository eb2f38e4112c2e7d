/**
 * The seeds' reports as Word files, built in the tests with the docx library: the body is the seed's own
 * text (000, 004: one line a paragraph, tab-separated lines a table; 002, a PDF dump: lines joined into
 * paragraphs at blank lines, footnotes dropped), the appendix is the seed's Biểu mẫu 1–7 as Word tables
 * ("Biểu mẫu N", the title, a header row STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú).
 */
import fs from "fs";
import path from "path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { SEED_FIGURES, SeedId } from "../fixtures/seeds/figures";
import { SEEDS_DIR } from "../support/shared";
import type { Block } from "../../src/text/types";

export function seedText(seed: string): string {
  const f = fs.readdirSync(SEEDS_DIR).find((n) => n.startsWith(seed + "_"));
  if (!f) throw new Error(`no seed ${seed}`);
  return fs.readFileSync(path.join(SEEDS_DIR, f), "utf8");
}

const clean = (s: string) =>
  s
    .replace(/<\/?i>/g, "")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The body of a seed (everything before its appendix) as blocks. */
export function seedBodyBlocks(seed: SeedId | "001" | "003"): Block[] {
  const text = seedText(seed);
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  if (seed === "002") {
    const end = lines.findIndex((l) => /THỐNG KÊ SỐ LIỆU BÁO CÁO/.test(l));
    let cur: string[] = [];
    const flush = () => {
      const t = clean(cur.join(" "));
      cur = [];
      // footnotes of the PDF ("11 Kế hoạch số …") are not body paragraphs
      if (t && !/^\d{1,2} [A-ZĐÀ-Ỹ]/.test(t)) blocks.push({ kind: "p", text: t });
    };
    for (const l of lines.slice(0, end)) {
      if (l.trim() === "") flush();
      else {
        // a heading or a bullet starts a paragraph even where the PDF text has no blank line before it
        if (/^\s*(?:(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)]\s|[-+]\s)/.test(l)) flush();
        cur.push(l);
      }
    }
    flush();
    return blocks;
  }
  const end = lines.findIndex((l) => /^(Phụ lục|PHỤ LỤC)/.test(l.trim()));
  let table: string[][] | undefined;
  for (const l of lines.slice(0, end < 0 ? lines.length : end)) {
    if (l.includes("\t")) {
      if (!table) {
        table = [];
        blocks.push({ kind: "table", rows: table });
      }
      table.push(l.split("\t").map(clean));
      continue;
    }
    table = undefined;
    const t = clean(l);
    if (t) blocks.push({ kind: "p", text: t });
  }
  return blocks;
}

const TITLES: Record<number, string> = {
  1: "Công tác chỉ đạo điều hành CCHC",
  2: "Cải cách thể chế",
  3: "Cải cách thủ tục hành chính",
  4: "Cải cách tổ chức bộ máy",
  5: "Cải cách chế độ công vụ",
  6: "Cải cách tài chính công",
  7: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
};

/** A seed's appendix as blocks (headings and one table per form). */
export function seedAppendixBlocks(seed: SeedId, override: Record<string, string> = {}): Block[] {
  const out: Block[] = [
    { kind: "p", text: "PHỤ LỤC" },
    { kind: "p", text: "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH" },
  ];
  for (let form = 1; form <= 7; form++) {
    out.push({ kind: "p", text: `Biểu mẫu ${form}` }, { kind: "p", text: TITLES[form] });
    const rows = [["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]];
    for (const f of SEED_FIGURES[seed].filter((x) => x.form === form)) {
      const key = `${form}:${f.printedCode.replace(/\.$/, "")}`;
      rows.push([f.printedCode, f.label, f.unit, override[key] ?? f.value, f.note]);
    }
    out.push({ kind: "table", rows });
  }
  return out;
}

/** Blocks → .docx bytes. */
export async function blocksToDocx(blocks: Block[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = blocks.map((b) =>
    b.kind === "p"
      ? new Paragraph({ children: [new TextRun(b.text)] })
      : new Table({
          rows: b.rows.map(
            (r) =>
              new TableRow({
                children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })),
              })
          ),
        })
  );
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** Body paragraphs of plain text (one per line) as blocks. */
export function textBlocks(text: string): Block[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t) => ({ kind: "p" as const, text: t }));
}

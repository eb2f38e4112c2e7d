/**
 * Drafting the statistical paragraphs of each section from the forms, in the register of the seeds
 * ("Tại UBND cấp xã, đã giải quyết 38.117 hồ sơ, trong đó 37.995 hồ sơ đúng hạn, đạt tỷ lệ 99,68%"):
 * only figures the forms hold (blank rows are skipped, nothing is invented; ratios are the forms' own, or
 * computed from the forms' parts when the ratio cell is blank), Vietnamese number writing, the unit's level
 * wording. The wordings are those the cross-check reads, so a draft cross-checks clean against its forms.
 * draftParagraphs is pure; draftDocx uses the docx library (works in Node and the browser).
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { DEFAULT_VERSION, formRows, Indicator, labelFor, unitFor } from "../catalog";
import { formatVi, percentOf, roundHalfUp } from "../engine/numbers";
import { entryNumber } from "../engine/report";
import type { Level, Report } from "../engine/types";
import { textVi } from "../i18n/text";

export interface DraftParagraph {
  kind: "title" | "heading" | "text";
  /** The form (section) it belongs to; 0 for the title. */
  form: number;
  text: string;
}

const pct = (x: number) => `${formatVi(x)}%`;

function unitWord(i: Indicator, level: Level): string {
  const u = unitFor(i, level).trim();
  if (!u || /=/.test(u)) return "";
  return u.toLowerCase() === "tthc" ? "TTHC" : u.charAt(0).toLowerCase() + u.slice(1);
}

export function draftParagraphs(report: Report): DraftParagraph[] {
  const level: Level = report.meta.level ?? "tinh";
  const version = report.meta.version ?? DEFAULT_VERSION;
  const D = textVi.draft;
  const out: DraftParagraph[] = [{ kind: "title", form: 0, text: D.title }];
  const num = (id: string) => entryNumber(report, id);
  const has = (id: string) => num(id) !== undefined;
  /**
   * The form's ratio, or the ratio of its parts when the ratio cell is blank. A ratio the form's own parts
   * contradict is left out of the sentence (the form needs correcting first: `cchc validate` says where).
   */
  const rate = (id: string, n: string, d: string) => {
    const parts = percentOf(num(n), num(d));
    const own = num(id);
    if (own === undefined) return parts ?? undefined;
    if (parts !== null && roundHalfUp(own, 2) !== parts) return undefined;
    return own;
  };
  let any = false;

  for (const form of report.forms.slice().sort((a, b) => a - b)) {
    const rows = formRows(form, level, version).filter((i) => i.kind !== "section");
    const done = new Set<string>();
    const texts: string[] = [];
    const use = (...ids: string[]) => ids.forEach((i) => done.add(i));
    const inEd = (id: string) => rows.some((r) => r.id === id);

    if (form === 1) {
      if (has("bm1:1")) {
        texts.push(`Trong kỳ, đã ban hành ${formatVi(num("bm1:1") as number)} văn bản chỉ đạo CCHC.`);
        use("bm1:1");
      }
      if (has("bm1:2.1") && has("bm1:2.2")) {
        const r = inEd("bm1:2") ? rate("bm1:2", "bm1:2.2", "bm1:2.1") : undefined;
        texts.push(
          `Kế hoạch CCHC năm đề ra ${formatVi(num("bm1:2.1") as number)} nhiệm vụ; đến thời điểm báo cáo đã hoàn thành ` +
            `${formatVi(num("bm1:2.2") as number)}/${formatVi(num("bm1:2.1") as number)} nhiệm vụ` +
            (r !== undefined ? `, đạt ${pct(r)}.` : ".")
        );
        use("bm1:2", "bm1:2.1", "bm1:2.2");
      }
      if (has("bm1:6.1")) {
        texts.push(
          `Đã tổ chức khảo sát sự hài lòng của người dân, tổ chức với ${formatVi(num("bm1:6.1") as number)} phiếu.`
        );
        use("bm1:6.1");
      }
    }
    if (form === 3) {
      if (has("bm3:1.4")) {
        const parts: string[] = [];
        for (const [id, w] of [
          ["bm3:1.4.1", "cấp tỉnh"],
          ["bm3:1.4.2", "cấp huyện"],
          ["bm3:1.4.3", "cấp xã"],
        ] as const)
          if (inEd(id) && has(id)) {
            parts.push(`${formatVi(num(id) as number)} TTHC ${w}`);
            use(id);
          }
        texts.push(
          `Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương là ${formatVi(num("bm3:1.4") as number)} TTHC` +
            (parts.length ? `, trong đó: ${parts.join(", ")}.` : ".")
        );
        use("bm3:1.4");
      }
      const pub: string[] = [];
      if (has("bm3:1.2")) pub.push(`${formatVi(num("bm3:1.2") as number)} TTHC công bố mới`);
      if (has("bm3:1.3")) pub.push(`${formatVi(num("bm3:1.3") as number)} TTHC bãi bỏ hoặc thay thế`);
      if (pub.length) {
        texts.push(`Trong kỳ, có ${pub.join(" và ")}.`);
        use("bm3:1.2", "bm3:1.3");
      }
      for (const [r, s, o, lead] of [
        ["bm3:3.1", "bm3:3.1.1", "bm3:3.1.2", D.levelLead.tinh],
        ["bm3:3.2", "bm3:3.2.1", "bm3:3.2.2", D.levelLead.huyen],
        ["bm3:3.3", "bm3:3.3.1", "bm3:3.3.2", D.levelLead.xa],
      ] as const) {
        if (!inEd(s) || !has(s)) continue;
        let t = `- ${lead}, đã giải quyết ${formatVi(num(s) as number)} hồ sơ`;
        if (inEd(o) && has(o)) {
          t += `, trong đó ${formatVi(num(o) as number)} hồ sơ đúng hạn`;
          const v = inEd(r) ? rate(r, o, s) : undefined;
          if (v !== undefined) t += `, đạt tỷ lệ ${pct(v)}`;
        }
        texts.push(t + ".");
        use(r, s, o);
      }
      if (has("bm3:3.4.1")) {
        let t = `- Tổng số phản ánh, kiến nghị về quy định TTHC đã tiếp nhận là ${formatVi(num("bm3:3.4.1") as number)}`;
        if (has("bm3:3.4.2")) {
          t += `, đã giải quyết xong ${formatVi(num("bm3:3.4.2") as number)}`;
          const v = inEd("bm3:3.4") ? rate("bm3:3.4", "bm3:3.4.2", "bm3:3.4.1") : undefined;
          if (v !== undefined) t += `, đạt tỷ lệ ${pct(v)}`;
        }
        texts.push(t + ".");
        use("bm3:3.4", "bm3:3.4.1", "bm3:3.4.2");
      }
    }
    if (form === 4 && has("bm4:2.1")) {
      let t = `Tổng số biên chế được giao là ${formatVi(num("bm4:2.1") as number)} người`;
      if (has("bm4:2.2")) t += `, có mặt tại thời điểm báo cáo là ${formatVi(num("bm4:2.2") as number)} người`;
      texts.push(t + ".");
      use("bm4:2.1", "bm4:2.2");
    }
    if (form === 6 && has("bm6:1.1")) {
      let t = `Kế hoạch vốn đầu tư công được giao là ${formatVi(num("bm6:1.1") as number)} triệu đồng`;
      if (has("bm6:1.2")) {
        t += `; đã giải ngân ${formatVi(num("bm6:1.2") as number)} triệu đồng`;
        const v = inEd("bm6:1") ? rate("bm6:1", "bm6:1.2", "bm6:1.1") : undefined;
        if (v !== undefined) t += `, đạt ${pct(v)} kế hoạch`;
      }
      texts.push(t + ".");
      use("bm6:1", "bm6:1.1", "bm6:1.2");
    }
    if (form === 7) {
      const rec = rows.find((i) => i.id === "bm7:6.4.1@v2022-muc-do");
      if (rec && has(rec.id)) {
        let t = `Tổng số hồ sơ TTHC đã tiếp nhận là ${formatVi(num(rec.id) as number)} hồ sơ`;
        if (has("bm7:6.4.2@v2022-muc-do")) {
          t += `, trong đó tiếp nhận trực tuyến ${formatVi(num("bm7:6.4.2@v2022-muc-do") as number)} hồ sơ`;
          const v = rate("bm7:6.4@v2022-muc-do", "bm7:6.4.2@v2022-muc-do", "bm7:6.4.1@v2022-muc-do");
          if (v !== undefined) t += `, đạt tỷ lệ ${pct(v)}`;
        }
        texts.push(t + ".");
        use("bm7:6.4@v2022-muc-do", "bm7:6.4.1@v2022-muc-do", "bm7:6.4.2@v2022-muc-do");
      }
    }
    // every other row that holds a figure: its own wording
    for (const i of rows) {
      if (done.has(i.id)) continue;
      const e = report.entries.get(i.id)?.value;
      if (!e || e.state !== "value" || typeof e.number !== "number") continue;
      const label = labelFor(i, level)
        .replace(/\s+/g, " ")
        .replace(/[.:]\s*$/, "");
      let v: string;
      if (i.kind === "enum") {
        const code = i.enum?.find((c) => c.code === e.number);
        if (!code) continue;
        v = code.label;
      } else if (i.kind === "percent") v = pct(e.number);
      else v = `${formatVi(e.number)}${unitWord(i, level) ? " " + unitWord(i, level) : ""}`;
      texts.push(`- ${label}: ${v}.`);
    }
    if (texts.length === 0) continue;
    if (form >= 2 && !out.some((p) => p.text === D.results)) out.push({ kind: "heading", form, text: D.results });
    any = true;
    out.push({ kind: "heading", form, text: D.sections[form] });
    for (const t of texts) out.push({ kind: "text", form, text: t });
  }
  if (!any) out.push({ kind: "text", form: 0, text: D.nothing });
  return out;
}

export function draftPlainText(paras: DraftParagraph[]): string {
  return paras.map((p) => p.text).join("\n\n") + "\n";
}

/**
 * The drafted paragraphs as .docx bytes (Times New Roman 13 pt, as the seeds are set); in the browser wrap
 * them in a Blob for the download.
 */
export async function draftDocx(paras: DraftParagraph[]): Promise<Uint8Array> {
  const font = "Times New Roman";
  const doc = new Document({
    styles: { default: { document: { run: { font, size: 26 } } } },
    sections: [
      {
        children: paras.map(
          (p) =>
            new Paragraph({
              heading:
                p.kind === "title" ? HeadingLevel.TITLE : p.kind === "heading" ? HeadingLevel.HEADING_2 : undefined,
              children: [new TextRun({ text: p.text, bold: p.kind !== "text", font })],
            })
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

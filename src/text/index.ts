/**
 * The report-text engine's API, host-free (the CLI and the pane call these):
 * - readDocx(bytes) → blocks (the only function that touches mammoth);
 * - blocksFromText(pasted) → blocks, for text pasted into the pane;
 * - crossCheckBlocks(blocks, forms?) → findings and ties; without `forms`, the Word file's own appendix tables
 *   are the forms (read with the engine's reader), and they are never compared with themselves;
 * - crossCheckJson(result) → the plain object `cchc crosscheck --json` prints;
 * - draftParagraphs(report) → paragraphs; draftPlainText / draftDocx(paragraphs) → text to copy / .docx bytes.
 * A finding's quote is the sentence as written and its sheet/cell the form cell to select.
 */
import { printedCode, indicatorById } from "../catalog";
import { readReport } from "../engine/reader";
import type { Report } from "../engine/types";
import { crossCheck, CrossCheck } from "./check";
import { splitReport } from "./structure";
import type { Block, TextFinding } from "./types";

export { readDocx, sniffDocument } from "./docx";
export { crossCheck, countTextFindings, TEXT_RULES } from "./check";
export { findFigures } from "./figures";
export { splitReport } from "./structure";
export { tieFigures } from "./tie";
export { draftParagraphs, draftPlainText, draftDocx } from "./draft";
export type { DraftParagraph } from "./draft";
export * from "./types";

/** Pasted text: one paragraph a line. */
export function blocksFromText(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((t) => ({ kind: "p" as const, text: t }));
}

export interface BlocksCheck extends CrossCheck {
  /** The forms compared with: the given report, or the Word file's appendix read as one. */
  forms: Report;
  formsFrom: "given" | "appendix" | "none";
  paragraphs: number;
}

export function crossCheckBlocks(blocks: Block[], forms?: Report): BlocksCheck {
  const parts = splitReport(blocks);
  let report = forms;
  let formsFrom: BlocksCheck["formsFrom"] = "given";
  if (!report) {
    report = readReport(parts.appendix ?? []);
    formsFrom = parts.appendix && report.forms.length > 0 ? "appendix" : "none";
  }
  const r = crossCheck(parts.paragraphs, report);
  return { ...r, forms: report, formsFrom, paragraphs: parts.paragraphs.length };
}

export interface TiedJson {
  form: number;
  code: string;
  indicator: string;
  concept: string;
  role: string;
  value: number;
  raw: string;
  paragraph: number;
  quote: string;
  confidence: number;
}

export interface CrossCheckJson {
  report: string;
  forms: string;
  findings: TextFinding[];
  tied: TiedJson[];
}

export function crossCheckJson(r: BlocksCheck, reportName: string, formsName: string): CrossCheckJson {
  return {
    report: reportName,
    forms: formsName,
    findings: r.findings.map((f) => ({ ...f })),
    tied: r.ties.map((t) => {
      const i = indicatorById(t.indicator);
      return {
        form: i?.form ?? 0,
        code: i ? printedCode(i, r.edition.level) : "",
        indicator: t.indicator,
        concept: t.concept,
        role: t.role,
        value: t.value,
        raw: t.figure.raw,
        paragraph: t.figure.paragraph,
        quote: t.quote,
        confidence: t.confidence,
      };
    }),
  };
}

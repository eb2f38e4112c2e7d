/**
 * The report's text, for every shell that has the forms already read (the pane's live check, a page that
 * works on files): the Word report (.docx bytes) or pasted text cross-checked against those forms, and the
 * statistical paragraphs drafted from them (plain text to copy, .docx bytes to download).
 *
 * src/text (with mammoth and docx, about 1 MB of script) is loaded on first use with a dynamic import(), so a
 * shell that imports src/app does not carry it until the user asks for the report's text. Only types are
 * imported statically.
 */
import type { Report } from "../engine/types";
import { periodLabel } from "../i18n/findings";
import { textVi } from "../i18n/text";
import type { Block, DraftParagraph, TextFinding, TextSeverity } from "../text";

/** The text engine, loaded once on first use (a chunk of its own in the pane's build). */
let loading: Promise<typeof import("../text")> | undefined;
export function loadTextEngine(): Promise<typeof import("../text")> {
  if (!loading) {
    loading = import(/* webpackChunkName: "report-text" */ "../text");
    // a failed load (network hiccup) may be retried by the next call
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

export type ReportTextInput =
  /** A file the user picked: its name (for nothing but the message) and its bytes. */
  | { kind: "file"; name: string; bytes: Uint8Array | ArrayBuffer }
  /** Text pasted into the pane: one paragraph a line. */
  | { kind: "text"; text: string };

/** The quoted sentence cut around the figure the finding is about, for highlighting (<mark>) it. */
export interface QuoteParts {
  before: string;
  figure: string;
  after: string;
}

export interface ReportTextFinding extends TextFinding {
  /** The quote split around the figure as written; undefined when the figure is not one span (a sum of parts). */
  mark?: QuoteParts;
}

export interface ReportTextGroup {
  form: number;
  items: ReportTextFinding[];
  errors: number;
  warnings: number;
  infos: number;
}

export type ReportTextCheck =
  | {
      ok: true;
      findings: ReportTextFinding[];
      /** By form, errors first, then by paragraph. */
      groups: ReportTextGroup[];
      errors: number;
      warnings: number;
      infos: number;
      /** Figures of the text tied to a form row, and all figures found. */
      tied: number;
      figures: number;
      paragraphs: number;
    }
  | { ok: false; code: string; reason: string };

const RANK: Record<TextSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The number of a figure as written, without the unit word after it: "3.218 hồ sơ" → "3.218", "97,6 %" kept. */
export function numberPart(raw: string): string {
  const m = /^\d[\d.,/ ]*?\d?(?:\s?%)?(?=\s|$)/.exec(raw);
  return m ? m[0].trim() : raw;
}

/**
 * Splits `quote` around the `nth` (0-based) occurrence of `raw` (the figure as written, unit included), marking
 * only `part` of it (its number) when given; undefined when the figure does not stand in the quote.
 */
export function splitQuote(quote: string, raw: string, part: string = raw, nth = 0): QuoteParts | undefined {
  if (!raw) return undefined;
  let at = quote.indexOf(raw);
  for (let k = 0; k < nth && at >= 0; k++) at = quote.indexOf(raw, at + raw.length);
  if (at < 0) return undefined;
  const inner = raw.indexOf(part);
  const start = at + (part && inner >= 0 ? inner : 0);
  const figure = part && inner >= 0 ? part : raw;
  return { before: quote.slice(0, start), figure, after: quote.slice(start + figure.length) };
}

/** Groups findings by form (0: a rate not tied to a form row), errors first, then in the text's order. */
export function groupTextFindings(findings: ReportTextFinding[]): ReportTextGroup[] {
  const byForm = new Map<number, ReportTextFinding[]>();
  for (const f of findings) byForm.set(f.form, [...(byForm.get(f.form) ?? []), f]);
  return [...byForm.keys()]
    .sort((a, b) => a - b)
    .map((form) => {
      const items = byForm
        .get(form)!
        .slice()
        .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.paragraph - b.paragraph);
      const count = (s: TextSeverity) => items.filter((f) => f.severity === s).length;
      return { form, items, errors: count("error"), warnings: count("warning"), infos: count("info") };
    });
}

export type ReportTextRead =
  | { ok: true; blocks: Block[]; /** The file's name, or "" for pasted text. */ source: string }
  | { ok: false; code: string; reason: string };

/**
 * Reads the report: a .docx picked by the user (a .doc, a PDF, a renamed file: `ok: false` with one Vietnamese
 * line) or pasted text. The blocks are kept by the shell, so that a later edit of the forms re-checks them
 * without reading the file again.
 */
export async function readReportText(input: ReportTextInput): Promise<ReportTextRead> {
  const P = textVi.pane;
  const t = await loadTextEngine();
  if (input.kind === "file") {
    const doc = await t.readDocx(input.bytes);
    if (!doc.ok) return { ok: false, code: doc.code, reason: doc.reason };
    if (!doc.blocks.some((b) => b.kind === "p")) return { ok: false, code: "no-text", reason: textVi.read.noText };
    return { ok: true, blocks: doc.blocks, source: input.name };
  }
  const blocks = t.blocksFromText(input.text);
  if (blocks.length === 0) return { ok: false, code: "empty", reason: P.emptyText };
  return { ok: true, blocks, source: "" };
}

/**
 * Cross-checks blocks read by readReportText against the forms already read (the open workbook's). A workbook
 * without forms or a text without body paragraphs: `ok: false` with one Vietnamese line. Nothing is written.
 */
export async function checkReportBlocks(blocks: Block[], forms: Report | undefined): Promise<ReportTextCheck> {
  const P = textVi.pane;
  if (!forms || forms.forms.length === 0) return { ok: false, code: "no-forms", reason: P.noForms };
  const t = await loadTextEngine();
  const r = t.crossCheckBlocks(blocks, forms);
  if (r.paragraphs === 0) return { ok: false, code: "no-text", reason: textVi.read.noText };
  const findings: ReportTextFinding[] = r.findings.map((f) => {
    // the figure as written: the tie's own figure, else the one of the same sentence that carries the value
    const tie = r.ties.find(
      (x) =>
        x.figure.paragraph === f.paragraph &&
        x.quote === f.quote &&
        x.indicator === f.indicator &&
        x.value === f.textValue
    );
    const fig =
      tie?.role === "sum"
        ? undefined
        : (tie?.figure ??
          r.figures.find(
            (x) => x.figure.paragraph === f.paragraph && x.sentence === f.quote && x.figure.value === f.textValue
          )?.figure);
    if (!fig) return { ...f };
    // the same figure may stand twice in the sentence ("3.218 hồ sơ, trong đó 3.218 hồ sơ đúng hạn"): mark this one
    const nth = r.figures.filter(
      (x) =>
        x.figure.paragraph === f.paragraph &&
        x.sentence === f.quote &&
        x.figure.raw === fig.raw &&
        x.figure.start < fig.start
    ).length;
    return { ...f, mark: splitQuote(f.quote, fig.raw, numberPart(fig.raw), nth) };
  });
  const { errors, warnings, infos } = t.countTextFindings(findings);
  return {
    ok: true,
    findings,
    groups: groupTextFindings(findings),
    errors,
    warnings,
    infos,
    tied: r.ties.length,
    figures: r.figures.length,
    paragraphs: r.paragraphs,
  };
}

/** readReportText then checkReportBlocks: the Word report or pasted text against the forms. */
export async function crossCheckReportText(
  input: ReportTextInput,
  forms: Report | undefined
): Promise<ReportTextCheck> {
  if (!forms || forms.forms.length === 0) return { ok: false, code: "no-forms", reason: textVi.pane.noForms };
  const read = await readReportText(input);
  return read.ok ? checkReportBlocks(read.blocks, forms) : read;
}

export interface ReportTextDraft {
  paragraphs: DraftParagraph[];
  /** The paragraphs as plain text (a blank line between them), for the clipboard. */
  text: string;
  /** A file name for the .docx: "Đoạn văn số liệu - <unit> - <period>.docx". */
  fileName: string;
}

/** The statistical paragraphs drafted from the forms (figures only the forms hold). */
export async function draftReportText(forms: Report): Promise<ReportTextDraft> {
  const t = await loadTextEngine();
  const paragraphs = t.draftParagraphs(forms);
  return { paragraphs, text: t.draftPlainText(paragraphs), fileName: draftFileName(forms) };
}

/** The drafted paragraphs as .docx bytes (docx's Packer; the browser wraps them in a Blob). */
export async function draftReportDocx(paragraphs: DraftParagraph[]): Promise<Uint8Array> {
  const t = await loadTextEngine();
  return t.draftDocx(paragraphs);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "Đoạn văn số liệu - UBND xã Tân Phú - 6 tháng đầu năm 2023.docx", without characters Windows refuses. */
export function draftFileName(forms: Report): string {
  const parts = [textVi.pane.fileStem];
  const unit = forms.meta.unit?.replace(/\s+/g, " ").trim();
  if (unit) parts.push(unit);
  if (forms.meta.period && forms.meta.period.year) parts.push(periodLabel(forms.meta.period));
  const name = parts
    .join(" - ")
    .split("")
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, "");
  return `${name}.docx`;
}

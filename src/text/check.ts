/**
 * The cross-check rules (text-mismatch, text-ratio, text-rounding, text-form-blank, text-unit) over the
 * ties of the body's figures and the forms' figures. Thresholds and severities are data (TEXT_RULES).
 * Pure.
 */
import { DEFAULT_VERSION, indicatorById, labelFor, printedCode } from "../catalog";
import { formatVi, percentOf, roundHalfUp } from "../engine/numbers";
import { a1 } from "../engine/a1";
import { entryNumber } from "../engine/report";
import type { Report } from "../engine/types";
import { textVi } from "../i18n/text";
import { Edition, ReadFigure, tieFigures } from "./tie";
import type { TextFinding, TextParagraph, TextRuleId, TextSeverity, Tie } from "./types";

/** The rules as data: severity, and the confidence below which a mismatch is only a warning. */
export const TEXT_RULES: Record<TextRuleId, { severity: TextSeverity; sureAt?: number }> = {
  "text-mismatch": { severity: "error", sureAt: 0.8 },
  "text-ratio": { severity: "error" },
  "text-rounding": { severity: "info" },
  "text-form-blank": { severity: "warning" },
  "text-unit": { severity: "info" },
};

export interface CrossCheck {
  findings: TextFinding[];
  ties: Tie[];
  figures: ReadFigure[];
  edition: Edition;
}

/** Rounded as written: the text's figure with `d` decimals agrees with `exact` when exact rounds to it. */
function agrees(text: number, d: number, exact: number): boolean {
  return roundHalfUp(exact, d) === roundHalfUp(text, d);
}

/** One unit of the last written decimal off the correct rounding (52,20 for 52,19; 97,6 for 97,67), decimals written. */
function roundingSlip(text: number, d: number, exact: number): boolean {
  return d >= 1 && Math.abs(text - roundHalfUp(exact, d)) <= Math.pow(10, -d) + 1e-9;
}

export function crossCheck(paragraphs: TextParagraph[], report: Report): CrossCheck {
  const edition: Edition = { level: report.meta.level ?? "tinh", version: report.meta.version ?? DEFAULT_VERSION };
  const { ties, figures, rates } = tieFigures(paragraphs, edition);
  const findings: TextFinding[] = [];
  const F = textVi.finding;

  const base = (t: Tie) => {
    const ind = indicatorById(t.indicator);
    const entry = report.entries.get(t.indicator);
    return {
      form: ind?.form ?? 0,
      code: ind ? printedCode(ind, edition.level) : "",
      indicator: t.indicator,
      quote: t.quote,
      paragraph: t.figure.paragraph,
      textValue: t.value,
      sheet: entry?.ref?.sheet ?? null,
      cell: entry?.ref ? a1(entry.ref) : null,
      label: ind ? labelFor(ind, edition.level) : t.indicator,
      kind: ind?.kind,
    };
  };

  for (const t of ties) {
    if (!report.forms.includes(indicatorById(t.indicator)?.form ?? 0)) continue;
    const b = base(t);
    const { label, kind, ...common } = b;
    const v = report.entries.get(t.indicator)?.value;
    let formValue = v && v.state === "value" && typeof v.number === "number" ? v.number : null;
    if (formValue === null && (!v || v.state === "missing")) {
      // a ratio row left blank is what its parts on the form make it (the add-in's forms recalculate it)
      const rel = indicatorById(t.indicator)?.ratio;
      if (rel) formValue = percentOf(entryNumber(report, rel.numerator), entryNumber(report, rel.denominator));
    }
    const d = t.figure.kind === "percent" ? t.figure.decimals : 0;
    const tv =
      t.role === "sum" || t.role === "denominator"
        ? formatVi(t.value)
        : formatVi(t.value, t.figure.kind === "percent" ? d : undefined);
    if (formValue === null) {
      if (!v || v.state === "missing")
        findings.push({
          ...common,
          rule: "text-form-blank",
          severity: TEXT_RULES["text-form-blank"].severity,
          message: F.blank(label, tv, b.code),
          formValue: null,
        });
      continue;
    }

    if (kind === "percent") {
      if (agrees(t.value, d, formValue)) continue;
      if (roundingSlip(t.value, d, formValue)) {
        findings.push({
          ...common,
          rule: "text-rounding",
          severity: "info",
          message: F.rounding(label, tv, formatVi(formValue)),
          formValue,
        });
        continue;
      }
    } else if (kind === "money" && t.figure.money) {
      if (Math.abs(t.value - formValue) < 1e-6) continue;
      const written = t.figure.raw;
      if (Math.trunc(t.value) === formValue || Math.round(t.value) === formValue) {
        findings.push({
          ...common,
          rule: "text-unit",
          severity: "info",
          message: F.unitTruncated(label, written, formatVi(t.value), formatVi(formValue)),
          formValue,
        });
        continue;
      }
      const scaled = [1e3, 1e6, 1e-3, 1e-6].some(
        (s) => Math.abs(t.value * s - formValue) < 1e-6 * Math.max(1, formValue)
      );
      if (scaled) {
        findings.push({
          ...common,
          rule: "text-unit",
          severity: "info",
          message: F.unitScaled(label, written, formatVi(t.value), formatVi(formValue)),
          formValue,
        });
        continue;
      }
    } else if (t.value === formValue) continue;
    const sure = kind === "count" && t.confidence >= (TEXT_RULES["text-mismatch"].sureAt ?? 1);
    findings.push({
      ...common,
      rule: "text-mismatch",
      severity: sure ? "error" : "warning",
      message: F.mismatch(label, tv, formatVi(formValue), b.code),
      formValue,
    });
  }

  // rates the text's own parts contradict
  for (const r of rates) {
    const f = r.rate.figure;
    const exact = percentOf(r.num, r.den, 12);
    if (exact === null || agrees(f.value, f.decimals, exact)) continue;
    const tie = ties.find((t) => t.figure === f);
    const b = tie ? base(tie) : undefined;
    const slip = roundingSlip(f.value, f.decimals, exact);
    findings.push({
      form: b?.form ?? r.rate.section,
      code: b?.code ?? "",
      indicator: b?.indicator ?? "",
      rule: slip ? "text-rounding" : "text-ratio",
      severity: slip ? "info" : TEXT_RULES["text-ratio"].severity,
      message: slip
        ? F.ratioRounding(formatVi(f.value, f.decimals), formatVi(r.num), formatVi(r.den), formatVi(exact, 2))
        : F.ratio(formatVi(f.value, f.decimals), formatVi(r.num), formatVi(r.den), formatVi(exact, 2)),
      quote: r.rate.sentence,
      paragraph: f.paragraph,
      textValue: f.value,
      formValue: null,
      sheet: b?.sheet ?? null,
      cell: b?.cell ?? null,
    });
  }
  findings.sort((a, b) => a.paragraph - b.paragraph || a.form - b.form);
  return { findings, ties, figures, edition };
}

export function countTextFindings(fs: TextFinding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: fs.filter((f) => f.severity === "error").length,
    warnings: fs.filter((f) => f.severity === "warning").length,
    infos: fs.filter((f) => f.severity === "info").length,
  };
}

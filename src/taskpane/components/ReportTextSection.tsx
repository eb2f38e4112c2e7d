/**
 * "Đối chiếu với báo cáo Word" and "Soạn đoạn văn số liệu", in the Kiểm tra tab's pre-send area: the Word
 * report (a .docx picked, or its text pasted) against the forms the live check has read, findings grouped by
 * form with the quoted sentence and its figure highlighted (a click selects the form cell), and the
 * statistical paragraphs drafted from the forms, to copy or to download as .docx (Office.js cannot write into
 * Word from Excel). The text engine (mammoth, docx) is loaded by the use case on first use, not with the pane.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Report } from "../../engine/types";
import { textVi } from "../../i18n/text";
import { pane } from "../../i18n/pane";
import {
  checkReportBlocks,
  DOCX_MIME,
  draftReportDocx,
  draftReportText,
  ExcelHost,
  readReportText,
  ReportTextCheck,
  ReportTextDraft,
  ReportTextFinding,
  ReportTextRead,
} from "../../app";

const P = textVi.pane;

const useStyles = makeStyles({
  section: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px 8px",
    "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: "4px 0" },
  },
  body: { display: "flex", flexDirection: "column", gap: "8px", padding: "4px 0 8px" },
  bar: { display: "flex", gap: "8px", flexWrap: "wrap" },
  group: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyle: "none" },
  heading: { fontWeight: tokens.fontWeightSemibold, marginTop: "6px" },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
  },
  go: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: "4px",
    minWidth: 0,
    height: "auto",
  },
  goInner: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "4px", width: "100%", minWidth: 0 },
  quote: {
    margin: 0,
    padding: "2px 6px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    "& mark": { backgroundColor: tokens.colorPaletteYellowBackground3, color: "inherit", fontWeight: tokens.fontWeightSemibold },
  },
  message: { overflowWrap: "anywhere" },
  draft: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px 8px",
    maxHeight: "320px",
    overflowY: "auto",
    userSelect: "text",
    fontSize: tokens.fontSizeBase200,
    "& p": { margin: "0 0 6px" },
    overflowWrap: "anywhere",
  },
  draftHeading: { fontWeight: tokens.fontWeightSemibold },
});

type Note = { intent: "success" | "warning" | "error" | "info"; text: string } | undefined;
const messageOf = (e: unknown, fallback: string) => (e instanceof Error && e.message ? e.message : fallback);

function severityWord(s: ReportTextFinding["severity"]) {
  return s === "error" ? pane.check.error : s === "info" ? pane.check.info : pane.check.warning;
}

function Quote({ f, className }: { f: ReportTextFinding; className: string }) {
  return (
    <blockquote className={className} data-testid="text-quote" aria-label={P.quoteLabel}>
      {f.mark ? (
        <>
          {f.mark.before}
          <mark>{f.mark.figure}</mark>
          {f.mark.after}
        </>
      ) : (
        f.quote
      )}
    </blockquote>
  );
}

export function ReportTextSection(props: { host: ExcelHost; report: Report | undefined }) {
  const { host, report } = props;
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const draftBox = React.useRef<HTMLDivElement>(null);
  const [pasted, setPasted] = React.useState("");
  const [read, setRead] = React.useState<Extract<ReportTextRead, { ok: true }> | undefined>(undefined);
  const [check, setCheck] = React.useState<ReportTextCheck | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<Note>(undefined);
  const [draft, setDraft] = React.useState<ReportTextDraft | undefined>(undefined);
  const [drafting, setDrafting] = React.useState(false);
  const [draftNote, setDraftNote] = React.useState<Note>(undefined);
  const seq = React.useRef(0);

  // The report read once is re-checked whenever the forms change (the live check's new report).
  React.useEffect(() => {
    if (!read) return;
    const my = ++seq.current;
    checkReportBlocks(read.blocks, report)
      .then((c) => my === seq.current && setCheck(c))
      .catch((e) => my === seq.current && setNote({ intent: "error", text: messageOf(e, P.loadFailed) }));
  }, [read, report]);

  async function run(input: Parameters<typeof readReportText>[0]) {
    const my = ++seq.current;
    setBusy(true);
    setNote(undefined);
    try {
      const r = await readReportText(input);
      if (my !== seq.current) return;
      if (!r.ok) {
        // one clear line; the earlier result stays as it was
        setNote({ intent: "error", text: r.reason });
        return;
      }
      setCheck(undefined);
      setRead(r);
    } catch (e) {
      console.warn("[Báo cáo CCHC] report text failed", e);
      if (my === seq.current) setNote({ intent: "error", text: P.loadFailed });
    } finally {
      if (my === seq.current) setBusy(false);
    }
  }

  async function pick(files: FileList | null) {
    const f = files && files[0];
    if (!f) return;
    await run({ kind: "file", name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }

  async function goTo(f: ReportTextFinding) {
    if (!f.sheet || !f.cell) return;
    try {
      await host.selectCell(f.sheet, f.cell);
    } catch (e) {
      setNote({ intent: "error", text: messageOf(e, pane.check.readFailed) });
    }
  }

  async function makeDraft() {
    if (!report || report.forms.length === 0) {
      setDraftNote({ intent: "error", text: P.noForms });
      return;
    }
    setDrafting(true);
    setDraftNote(undefined);
    try {
      setDraft(await draftReportText(report));
    } catch (e) {
      console.warn("[Báo cáo CCHC] draft failed", e);
      setDraftNote({ intent: "error", text: P.loadFailed });
    } finally {
      setDrafting(false);
    }
  }

  /** The clipboard when the web view allows it; otherwise the shown text is selected for Ctrl+C. */
  async function copy() {
    if (!draft) return;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        await navigator.clipboard.writeText(draft.text);
        setDraftNote({ intent: "success", text: P.copied });
        return;
      }
    } catch (e) {
      console.warn("[Báo cáo CCHC] clipboard refused, selecting the text instead", e);
    }
    const box = draftBox.current;
    const sel = window.getSelection();
    if (box && sel) sel.selectAllChildren(box);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      console.warn("[Báo cáo CCHC] execCommand copy refused", e);
    }
    setDraftNote(copied ? { intent: "success", text: P.copied } : { intent: "info", text: P.copySelected });
  }

  async function download() {
    if (!draft) return;
    try {
      const bytes = await draftReportDocx(draft.paragraphs);
      const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: DOCX_MIME });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = draft.fileName;
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDraftNote({ intent: "success", text: P.downloaded(draft.fileName) });
    } catch (e) {
      console.warn("[Báo cáo CCHC] .docx failed", e);
      setDraftNote({ intent: "error", text: P.downloadFailed });
    }
  }

  const ok = check && check.ok ? check : undefined;

  return (
    <div className={styles.body} data-testid="report-text">
      <details className={styles.section} data-testid="crosscheck-section">
        <summary>{P.crossTitle}</summary>
        <div className={styles.body}>
          <Text size={200}>{P.crossHint}</Text>
          <div className={styles.bar}>
            <Button onClick={() => fileInput.current?.click()} disabled={busy} data-testid="report-pick">
              {P.pickFile}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              style={{ display: "none" }}
              data-testid="report-file"
              aria-label={P.fileLabel}
              onChange={(e) => {
                void pick(e.target.files);
                e.target.value = "";
              }}
            />
          </div>
          <Field label={P.pasteLabel}>
            <Textarea
              value={pasted}
              onChange={(_, d) => setPasted(d.value)}
              placeholder={P.pastePlaceholder}
              resize="vertical"
              rows={4}
              data-testid="report-paste"
            />
          </Field>
          <Button onClick={() => void run({ kind: "text", text: pasted })} disabled={busy} data-testid="report-check-pasted">
            {P.checkPasted}
          </Button>
          {busy && <Spinner size="tiny" label={P.checking} />}
          {note && (
            <MessageBar intent={note.intent} data-testid="report-text-note" role="status">
              <MessageBarBody>{note.text}</MessageBarBody>
            </MessageBar>
          )}
          {check && !check.ok && (
            <MessageBar intent="warning" data-testid="report-text-note" role="status">
              <MessageBarBody>{check.reason}</MessageBarBody>
            </MessageBar>
          )}
          {ok && read && (
            <MessageBar
              intent={ok.errors > 0 ? "error" : ok.warnings > 0 ? "warning" : "success"}
              data-testid="report-text-summary"
              role="status"
            >
              <MessageBarBody>
                <div>{P.source(read.source || P.pasted)}</div>
                <div>{ok.findings.length === 0 ? P.clean(ok.tied) : P.counts(ok.errors, ok.warnings, ok.infos, ok.tied)}</div>
              </MessageBarBody>
            </MessageBar>
          )}
          {ok && (
            <section aria-label={P.crossTitle} data-testid="text-findings">
              {ok.groups.map((g) => (
                <div key={g.form}>
                  <Text as="h3" block className={styles.heading} size={300}>
                    {P.formHeading(g.form, g.errors, g.warnings, g.infos)}
                  </Text>
                  <ul className={styles.group}>
                    {g.items.map((f, i) => (
                      <li
                        key={`${f.paragraph}-${f.indicator}-${f.rule}-${i}`}
                        className={styles.item}
                        data-testid="text-finding"
                        data-rule={f.rule}
                        data-severity={f.severity}
                        data-sheet={f.sheet ?? ""}
                        data-cell={f.cell ?? ""}
                        data-code={f.code}
                      >
                        <Button
                          appearance="transparent"
                          className={styles.go}
                          onClick={() => void goTo(f)}
                          disabled={!f.sheet || !f.cell}
                          aria-label={`${severityWord(f.severity)}. ${P.goTo(f.code, f.cell)}. ${f.message}`}
                        >
                          <span className={styles.goInner}>
                            <span className={styles.message}>
                              <Badge
                                size="small"
                                appearance="filled"
                                color={f.severity === "error" ? "danger" : f.severity === "info" ? "informative" : "warning"}
                              >
                                {severityWord(f.severity)}
                              </Badge>{" "}
                              {f.code && <strong>{f.code}</strong>}
                              {f.cell ? ` (${f.cell})` : ""} — {f.message} <em>({P.paragraph(f.paragraph)})</em>
                            </span>
                            <Quote f={f} className={styles.quote} />
                          </span>
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </div>
      </details>

      <details className={styles.section} data-testid="draft-section">
        <summary>{P.draftTitle}</summary>
        <div className={styles.body}>
          <Text size={200}>{P.draftHint}</Text>
          <div className={styles.bar}>
            <Button onClick={() => void makeDraft()} disabled={drafting} data-testid="draft">
              {P.draft}
            </Button>
            {draft && (
              <>
                <Button onClick={() => void copy()} data-testid="draft-copy">
                  {P.copy}
                </Button>
                <Button onClick={() => void download()} data-testid="draft-download">
                  {P.download}
                </Button>
              </>
            )}
          </div>
          {drafting && <Spinner size="tiny" label={P.drafting} />}
          {draftNote && (
            <MessageBar intent={draftNote.intent} data-testid="draft-note" role="status">
              <MessageBarBody>{draftNote.text}</MessageBarBody>
            </MessageBar>
          )}
          {draft && (
            <div ref={draftBox} className={styles.draft} data-testid="draft-text" aria-label={P.draftLabel} role="region" tabIndex={0}>
              {draft.paragraphs.map((p, i) => (
                <p key={i} className={p.kind === "text" ? undefined : styles.draftHeading}>
                  {p.text}
                </p>
              ))}
            </div>
          )}
        </div>
      </details>
    </div>
  );
}

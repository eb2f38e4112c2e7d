import * as React from "react";
import {
  Badge,
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import type { WordedFinding as Finding } from "../../app/findings";
import { formatDateTime, formatFigure, pane } from "../../i18n/pane";
import { groupFindings } from "../logic";
import { PreviousSection } from "./PreviousSection";
import { ReportTextSection } from "./ReportTextSection";
import {
  applyFix as applyFixUseCase,
  CheckResult,
  CheckSession,
  createCheckSession,
  ExcelHost,
  figuresRead,
  Fix,
  fixFor,
  layoutOfReport,
  preSend as preSendUseCase,
  stampView,
} from "../../app";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px" },
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
  },
  go: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: "4px",
    minWidth: 0,
    height: "auto",
  },
  goInner: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", width: "100%" },
  figures: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  fix: { alignSelf: "flex-start", marginLeft: "4px" },
  missing: { marginTop: "4px", "& > summary": { cursor: "pointer", color: tokens.colorNeutralForeground2, padding: "2px 0" } },
});

type Note = { intent: "success" | "warning" | "error" | "info"; title?: string; lines: string[] } | undefined;

function stampNoteOf(r: CheckResult): Note {
  const v = stampView(r.report);
  if (v.state === "none") return undefined;
  const at = formatDateTime(v.at);
  return v.state === "unchanged"
    ? { intent: "success", lines: [pane.check.stampUnchanged(at)] }
    : { intent: "warning", lines: [pane.check.stampChanged(at)] };
}

type Styles = ReturnType<typeof useStyles>;
type Actions = React.MutableRefObject<{ goTo: (f: Finding) => void; applyFix: (f: Finding, fix: Fix) => void }>;

const sameFinding = (a: Finding, b: Finding) =>
  a.indicator === b.indicator &&
  a.rule === b.rule &&
  a.severity === b.severity &&
  a.code === b.code &&
  a.message === b.message &&
  a.sheet === b.sheet &&
  a.cell === b.cell &&
  a.expected === b.expected &&
  a.actual === b.actual &&
  a.support === b.support;
const sameFix = (a?: Fix, b?: Fix) =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));

const FindingItem = React.memo(
  function FindingItem({ f, fix, styles, actions }: { f: Finding; fix?: Fix; styles: Styles; actions: Actions }) {
    return (
      <li className={styles.item} data-testid="finding" data-rule={f.rule} data-cell={f.cell ?? ""} data-sheet={f.sheet ?? ""} data-code={f.code}>
        <Button
          appearance="transparent"
          className={styles.go}
          onClick={() => actions.current.goTo(f)}
          disabled={!f.sheet || !f.cell}
          aria-label={`${f.severity === "error" ? pane.check.error : f.severity === "info" ? pane.check.info : pane.check.warning}. ${pane.check.goTo(f.code, f.cell)}. ${f.message}`}
        >
          <span className={styles.goInner}>
            <span>
              <Badge
                size="small"
                color={f.severity === "error" ? "danger" : f.severity === "info" ? "informative" : "warning"}
                appearance="filled"
              >
                {f.severity === "error" ? pane.check.error : f.severity === "info" ? pane.check.info : pane.check.warning}
              </Badge>{" "}
              <strong>{f.code}</strong>
              {f.cell ? ` (${f.cell})` : ""} — {f.message}
            </span>
            {(f.expected !== undefined || f.actual !== undefined) && (
              <span className={styles.figures}>
                {pane.check.expected}: {formatFigure(f.expected)} · {pane.check.actual}: {formatFigure(f.actual)}
              </span>
            )}
          </span>
        </Button>
        {fix && (
          <Button size="small" className={styles.fix} onClick={() => actions.current.applyFix(f, fix)} data-testid={fix.kind === "number" ? "fix-number" : "fix-formula"}>
            {fix.kind === "number" ? pane.check.fixNumber : pane.check.fixFormula}
          </Button>
        )}
        {f.support && (
          <details data-testid="support-details">
            <summary>{pane.check.supportDetails}</summary>
            <pre style={{ whiteSpace: "pre-wrap", userSelect: "text" }}>{f.support}</pre>
          </details>
        )}
      </li>
    );
  },
  // class names are stable strings; the actions ref never changes
  (a, b) => sameFinding(a.f, b.f) && sameFix(a.fix, b.fix) && a.actions === b.actions
);

/** A <details> whose content is rendered only while it is open (a closed list costs nothing on each check). */
function LazyDetails(props: { className: string; testid: string; summary: string; children: () => React.ReactNode }) {
  const [open, setOpen] = React.useState(false);
  return (
    <details className={props.className} data-testid={props.testid} open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{props.summary}</summary>
      {open && props.children()}
    </details>
  );
}

export function CheckTab(props: {
  host: ExcelHost;
  settings: WorkbookSettings;
  formsVersion: number;
  active: boolean;
  /** More buttons beside "Kiểm tra trước khi gửi" (the page: save the checked copy). */
  actions?: React.ReactNode;
  /** The line above the buttons, where the add-in's (live, read-only in Excel) does not apply. */
  hint?: string;
}) {
  const { host } = props;
  const styles = useStyles();
  const [session, setSession] = React.useState<CheckSession | undefined>(undefined);
  const [result, setResult] = React.useState<CheckResult | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<Note>(undefined);
  const [stampNote, setStampNote] = React.useState<Note>(undefined);
  const [summary, setSummary] = React.useState<Note>(undefined);
  const settingsRef = React.useRef(props.settings);
  settingsRef.current = props.settings;

  // One check session per host: the grid cache, live checking on edits (read-only, never writes).
  React.useEffect(() => {
    const s = createCheckSession(host, {
      onResult: (r, cause) => {
        setResult(r);
        if (cause === "full") setStampNote(stampNoteOf(r));
        if (cause === "live") setSummary(undefined);
      },
      onError: (e) => console.warn("[Báo cáo CCHC] re-read failed", e),
    });
    setSession(s);
    void s.start().then((on) => on || console.warn("[Báo cáo CCHC] change events unavailable"));
    return () => s.dispose();
  }, [host]);

  // First full read (and after each insert).
  React.useEffect(() => {
    if (!session) return;
    let alive = true;
    setBusy(true);
    session
      .fullRead()
      .catch((e) => {
        console.warn("[Báo cáo CCHC] read failed", e);
        if (alive) setNote({ intent: "error", lines: [e instanceof Error && e.message ? e.message : pane.check.readFailed] });
      })
      .finally(() => alive && setBusy(false));
    return () => {
      alive = false;
    };
  }, [session, props.formsVersion]);

  const layout = React.useMemo(() => layoutOfReport(result, settingsRef.current), [result]);
  const figures = React.useMemo(() => (result ? figuresRead(result.report) : []), [result]);

  async function goTo(f: Finding) {
    if (!f.sheet || !f.cell) return;
    try {
      await host.selectCell(f.sheet, f.cell);
    } catch (e) {
      setNote({ intent: "error", lines: [e instanceof Error ? e.message : String(e)] });
    }
  }

  async function applyFix(f: Finding, fix: Fix) {
    if (!f.sheet || !f.cell || !session) return;
    setNote(undefined);
    try {
      await applyFixUseCase(host, session, f, fix);
      setNote({ intent: "success", lines: [pane.check.fixDone(f.cell)] });
    } catch (e) {
      setNote({ intent: "error", lines: [e instanceof Error && e.message ? e.message : pane.check.fixFailed] });
    }
  }

  async function preSend() {
    if (!session) return;
    setBusy(true);
    setNote(undefined);
    setSummary(undefined);
    try {
      const r = await preSendUseCase(host, session);
      const lines = [pane.check.summaryForms(r.forms), pane.check.summaryCounts(r.errors, r.warnings)];
      if (r.stamp) {
        lines.push(pane.check.stamped(formatDateTime(r.stamp.at)));
        setStampNote(undefined);
      } else {
        lines.push(...r.outcome.reasons);
        if (r.outcome.complete) lines.push(pane.check.notReadyHint);
      }
      setSummary({ intent: r.ready ? "success" : "error", title: r.ready ? pane.check.ready : pane.check.notReady, lines });
    } catch (e) {
      setSummary({ intent: "error", title: pane.check.notReady, lines: [e instanceof Error && e.message ? e.message : pane.check.readFailed] });
    } finally {
      setBusy(false);
    }
  }

  const groups = result ? groupFindings(result.findings) : [];

  // Stable callbacks for the memoised items (a live result re-renders only the findings that changed).
  const actions = React.useRef({ goTo, applyFix });
  actions.current = { goTo, applyFix };
  const renderItem = (f: Finding, i: number) => (
    <FindingItem
      key={`${f.indicator}-${f.rule}-${i}`}
      f={f}
      fix={fixFor(f, result?.report, layout, session ? session.grids : [])}
      styles={styles}
      actions={actions}
    />
  );

  return (
    <div className={styles.col} data-testid="check" data-state={result ? "ready" : "loading"} data-live-reads={session ? session.liveReads : 0}>
      <Text size={200}>{props.hint ?? pane.check.liveHint}</Text>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={preSend} disabled={busy} data-testid="presend">
          {pane.check.preSend}
        </Button>
        <Button onClick={() => void session?.fullRead().catch(() => setNote({ intent: "error", lines: [pane.check.readFailed] }))} disabled={busy} data-testid="refresh">
          {pane.check.refresh}
        </Button>
        {props.actions}
      </div>
      {busy && <Spinner size="tiny" label={pane.check.checking} />}
      <Notice note={summary} testid="summary" />
      <ReportTextSection host={host} report={result?.report} />
      {stampNote && (
        <MessageBar intent={stampNote.intent} data-testid="stamp-note">
          <MessageBarBody>{stampNote.lines[0]}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent={note.intent} data-testid="check-note" role="status">
          <MessageBarBody>{note.lines.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {result && result.report.forms.length === 0 && <Text data-testid="no-forms">{pane.check.noForms}</Text>}
      {result && result.report.forms.length > 0 && groups.length === 0 && <Text data-testid="no-findings">{pane.check.noFindings}</Text>}
      <section aria-label={pane.check.findingsLabel} data-testid="findings">
        {groups.map((g) => (
          <div key={g.form}>
            <Divider />
            <Text as="h2" block className={styles.heading} size={300}>
              {pane.check.formHeading(g.form, g.errors, g.warnings)}
            </Text>
            <ul className={styles.group}>
              {g.items.filter((f) => f.rule !== "missing").map(renderItem)}
            </ul>
            {g.items.some((f) => f.rule === "missing") && (
              <LazyDetails className={styles.missing} testid="missing-group" summary={pane.check.missingSummary(g.items.filter((f) => f.rule === "missing").length)}>
                {() => <ul className={styles.group}>{g.items.filter((f) => f.rule === "missing").map(renderItem)}</ul>}
              </LazyDetails>
            )}
          </div>
        ))}
      </section>
      {figures.length > 0 && (
        <LazyDetails className={styles.missing} testid="figures-read" summary={pane.check.figuresRead(figures.reduce((n, g) => n + g.figures.length, 0))}>
          {() =>
            figures.map((g) => (
              <div key={g.form} data-testid="figures-form" data-form={g.form}>
                <Text as="h3" block className={styles.heading} size={200}>
                  {pane.check.figuresForm(g.form, g.figures.length)}
                </Text>
                <ul className={styles.group}>
                  {g.figures.map((x) => (
                    <li key={x.indicatorId} className={styles.figures} data-testid="figure" data-cell={x.cell} data-sheet={x.sheet} data-code={x.code}>
                      {pane.check.figureLine(x.code, x.label, x.shown, x.sheet, x.cell, x.formula)}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          }
        </LazyDetails>
      )}
      <PreviousSection host={host} session={session} result={result} />
    </div>
  );
}

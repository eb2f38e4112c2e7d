import * as React from "react";
import {
  Badge,
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import type { Finding, GridSheet } from "../../engine/types";
import { formatDateTime, pane } from "../../i18n/pane";
import type { ExcelHost } from "../host-types";
import {
  countFindings,
  createBatcher,
  Fix,
  fixFor,
  fixToCell,
  gridMeta,
  groupFindings,
  mergeGrids,
  sheetsToReread,
} from "../logic";
import { check, checkStamp, CheckResult, layoutFor, makeStamp, SETTINGS_KEYS } from "../services";

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
  missing: {
    marginTop: "4px",
    "& > summary": { cursor: "pointer", color: tokens.colorNeutralForeground2, padding: "2px 0" },
  },
});

type Note = { intent: "success" | "warning" | "error" | "info"; title?: string; lines: string[] } | undefined;

function show(v: Finding["expected"]): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "number" ? v.toLocaleString("vi-VN", { maximumFractionDigits: 4 }) : String(v);
}

/** Sheets that hold forms: those with our metadata, and those the reader placed figures from. */
function formSheetsOf(grids: GridSheet[], r: CheckResult | undefined): Set<string> {
  const out = new Set<string>();
  for (const g of grids) {
    const m = gridMeta(g);
    if (m && m.kind === "form") out.add(g.name);
  }
  if (r) for (const e of r.report.entries.values()) if (e.ref) out.add(e.ref.sheet);
  return out;
}

export function CheckTab(props: {
  host: ExcelHost;
  settings: WorkbookSettings;
  formsVersion: number;
  active: boolean;
}) {
  const { host } = props;
  const styles = useStyles();
  const grids = React.useRef<GridSheet[]>([]);
  const kv = React.useRef<Record<string, string>>({});
  const formSheets = React.useRef<Set<string>>(new Set());
  const [result, setResult] = React.useState<CheckResult | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<Note>(undefined);
  const [stampNote, setStampNote] = React.useState<Note>(undefined);
  const [summary, setSummary] = React.useState<Note>(undefined);
  const settingsRef = React.useRef(props.settings);
  settingsRef.current = props.settings;

  const apply = React.useCallback((fresh: GridSheet[], settings: Record<string, string>, reread?: string[]) => {
    grids.current = reread ? mergeGrids(grids.current, fresh, reread) : fresh;
    kv.current = settings;
    const r = check(grids.current, settings);
    formSheets.current = formSheetsOf(grids.current, r);
    setResult(r);
    return r;
  }, []);

  /** Reads every sheet (not relying on events) and says whether the figures changed since the last stamp. */
  const fullRead = React.useCallback(async () => {
    const { sheets, settings } = await host.readSheets();
    const r = apply(sheets, settings);
    const st = checkStamp(r.report);
    if (st === "none" || !r.report.stamp) setStampNote(undefined);
    else {
      const at = formatDateTime(r.report.stamp.at);
      setStampNote(
        st === "unchanged"
          ? { intent: "success", lines: [pane.check.stampUnchanged(at)] }
          : { intent: "warning", lines: [pane.check.stampChanged(at)] }
      );
    }
    return r;
  }, [host, apply]);

  // First full read (and after each insert), then live checking on edits: read-only, never writes.
  React.useEffect(() => {
    let alive = true;
    setBusy(true);
    fullRead()
      .catch((e) => {
        console.warn("[Báo cáo CCHC] read failed", e);
        if (alive)
          setNote({ intent: "error", lines: [e instanceof Error && e.message ? e.message : pane.check.readFailed] });
      })
      .finally(() => alive && setBusy(false));
    return () => {
      alive = false;
    };
  }, [fullRead, props.formsVersion]);

  React.useEffect(() => {
    let alive = true;
    let unsubscribe: (() => Promise<void>) | undefined;
    const batcher = createBatcher<{ sheet: string; address: string }>(400, (events) => {
      const names = sheetsToReread(events, formSheets.current);
      if (names.length === 0 || !alive) return;
      host
        .readSheets(names)
        .then(({ sheets, settings }) => {
          if (alive) {
            apply(sheets, settings, names);
            setSummary(undefined);
          }
        })
        .catch((e) => console.warn("[Báo cáo CCHC] re-read failed", e));
    });
    host
      .onChange((e) => batcher.push(e))
      .then((off) => {
        if (alive) unsubscribe = off;
        else void off();
      })
      .catch((e) => console.warn("[Báo cáo CCHC] change events unavailable", e));
    return () => {
      alive = false;
      batcher.cancel();
      if (unsubscribe) void unsubscribe();
    };
  }, [host, apply]);

  const layout = React.useMemo(() => {
    if (!result || result.report.forms.length === 0) return undefined;
    const m = result.report.meta;
    const s = settingsRef.current;
    try {
      return layoutFor(result.report.forms, {
        level: m.level ?? s.level,
        period: m.period ?? s.period,
        unit: m.unit ?? s.unit,
        version: m.version ?? s.version,
      });
    } catch {
      return undefined;
    }
  }, [result]);

  async function goTo(f: Finding) {
    if (!f.sheet || !f.cell) return;
    try {
      await host.selectCell(f.sheet, f.cell);
    } catch (e) {
      setNote({ intent: "error", lines: [e instanceof Error ? e.message : String(e)] });
    }
  }

  async function applyFix(f: Finding, fix: Fix) {
    if (!f.sheet || !f.cell) return;
    setNote(undefined);
    try {
      await host.writeCells(f.sheet, [{ a1: f.cell, cell: fixToCell(fix) }]);
      const { sheets, settings } = await host.readSheets([f.sheet]);
      apply(sheets, settings, [f.sheet]);
      setNote({ intent: "success", lines: [pane.check.fixDone(f.cell)] });
    } catch (e) {
      setNote({ intent: "error", lines: [e instanceof Error && e.message ? e.message : pane.check.fixFailed] });
    }
  }

  async function preSend() {
    setBusy(true);
    setNote(undefined);
    setSummary(undefined);
    try {
      const r = await fullRead();
      const { errors, warnings } = countFindings(r.findings);
      const ready = r.report.forms.length > 0 && errors === 0;
      const lines = [pane.check.summaryForms(r.report.forms), pane.check.summaryCounts(errors, warnings)];
      if (ready) {
        const stamp = makeStamp(r.report);
        await host.writeSettings({ [SETTINGS_KEYS.stamp]: JSON.stringify(stamp) });
        kv.current = { ...kv.current, [SETTINGS_KEYS.stamp]: JSON.stringify(stamp) };
        lines.push(pane.check.stamped(formatDateTime(stamp.at)));
        setStampNote(undefined);
      } else {
        lines.push(pane.check.notReadyHint);
      }
      setSummary({ intent: ready ? "success" : "error", title: ready ? pane.check.ready : pane.check.notReady, lines });
    } catch (e) {
      setSummary({
        intent: "error",
        title: pane.check.notReady,
        lines: [e instanceof Error && e.message ? e.message : pane.check.readFailed],
      });
    } finally {
      setBusy(false);
    }
  }

  const groups = result ? groupFindings(result.findings) : [];

  const renderItem = (f: Finding, i: number) => {
    const fix = fixFor(f, result?.report, layout, grids.current);
    return (
      <li
        key={`${f.indicator}-${f.rule}-${i}`}
        className={styles.item}
        data-testid="finding"
        data-rule={f.rule}
        data-cell={f.cell ?? ""}
        data-sheet={f.sheet ?? ""}
        data-code={f.code}
      >
        <Button
          appearance="transparent"
          className={styles.go}
          onClick={() => goTo(f)}
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
                {f.severity === "error"
                  ? pane.check.error
                  : f.severity === "info"
                    ? pane.check.info
                    : pane.check.warning}
              </Badge>{" "}
              <strong>{f.code}</strong>
              {f.cell ? ` (${f.cell})` : ""} — {f.message}
            </span>
            {(f.expected !== undefined || f.actual !== undefined) && (
              <span className={styles.figures}>
                {pane.check.expected}: {show(f.expected)} · {pane.check.actual}: {show(f.actual)}
              </span>
            )}
          </span>
        </Button>
        {fix && (
          <Button
            size="small"
            className={styles.fix}
            onClick={() => applyFix(f, fix)}
            data-testid={fix.kind === "number" ? "fix-number" : "fix-formula"}
          >
            {fix.kind === "number" ? pane.check.fixNumber : pane.check.fixFormula}
          </Button>
        )}
      </li>
    );
  };

  return (
    <div className={styles.col} data-testid="check" data-state={result ? "ready" : "loading"}>
      <Text size={200}>{pane.check.liveHint}</Text>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={preSend} disabled={busy} data-testid="presend">
          {pane.check.preSend}
        </Button>
        <Button
          onClick={() => void fullRead().catch(() => setNote({ intent: "error", lines: [pane.check.readFailed] }))}
          disabled={busy}
          data-testid="refresh"
        >
          {pane.check.refresh}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={pane.check.checking} />}
      {summary && (
        <MessageBar intent={summary.intent} data-testid="summary" role="status">
          <MessageBarBody>
            <MessageBarTitle>{summary.title}</MessageBarTitle>
            {summary.lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
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
      {result && result.report.forms.length > 0 && groups.length === 0 && (
        <Text data-testid="no-findings">{pane.check.noFindings}</Text>
      )}
      <section aria-label={pane.check.findingsLabel} data-testid="findings">
        {groups.map((g) => (
          <div key={g.form}>
            <Divider />
            <Text as="h2" block className={styles.heading} size={300}>
              {pane.check.formHeading(g.form, g.errors, g.warnings)}
            </Text>
            <ul className={styles.group}>{g.items.filter((f) => f.rule !== "missing").map(renderItem)}</ul>
            {g.items.some((f) => f.rule === "missing") && (
              <details className={styles.missing} data-testid="missing-group">
                <summary>{pane.check.missingSummary(g.items.filter((f) => f.rule === "missing").length)}</summary>
                <ul className={styles.group}>{g.items.filter((f) => f.rule === "missing").map(renderItem)}</ul>
              </details>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}

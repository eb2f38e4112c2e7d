import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pane } from "../../i18n/pane";
import { readUnitFile } from "../../xlsx/consolidate-files";
import { readWorkbookFile } from "../../xlsx/read";
import { vi } from "../../i18n/vi";
import { periodLabel } from "../../i18n/findings";
import { isXlsxName, parseExpectedUnits } from "../logic";
import {
  checkUnitsMap,
  consolidateFiles,
  ConsolidateOutput,
  consolidationContext,
  ExcelHost,
  FillConflict,
  fillOwnForms,
  overwriteConflicts,
  UnitRow,
} from "../../app";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "12px",
    textAlign: "center",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    alignItems: "center",
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  table: { tableLayout: "fixed", width: "100%" },
  cell: { overflowWrap: "anywhere", whiteSpace: "normal" },
});


export function ConsolidateTab(props: {
  host: ExcelHost;
  settings: WorkbookSettings;
  /** Fill the unit's own forms right after writing the consolidation (the page: its download carries them). */
  autoFill?: boolean;
  /** What to say when the consolidating unit has no name, where its fields are not on the insert tab. */
  needSettings?: string;
  /** Shown under the results once a consolidation is written (the page: download it). */
  actions?: React.ReactNode;
  /** After a consolidation is written (and, with autoFill, the own forms filled). */
  onDone?: () => void;
}) {
  const styles = useStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const [expected, setExpected] = React.useState("");
  /** The previous period's Tổng hợp file and the "old unit → new unit" list (the 2025 mergers). */
  const [previousFile, setPreviousFile] = React.useState<File | undefined>();
  const [unitsMap, setUnitsMap] = React.useState("");
  const previousInput = React.useRef<HTMLInputElement>(null);
  const [rows, setRows] = React.useState<UnitRow[]>([]);
  const [msg, setMsg] = React.useState<{ intent: "success" | "warning" | "error" | "info"; lines: string[] } | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [over, setOver] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const [ask, setAsk] = React.useState<{ out: ConsolidateOutput; previous: string[] } | undefined>();
  /** The last consolidation written: its totals can fill the unit's own forms. */
  const [done, setDone] = React.useState<ConsolidateOutput | undefined>();
  const [fillMsg, setFillMsg] = React.useState<{ intent: "success" | "warning" | "error" | "info"; lines: string[] } | undefined>();
  const [conflicts, setConflicts] = React.useState<FillConflict[]>([]);
  const [confirmOverwrite, setConfirmOverwrite] = React.useState(false);

  function add(list: FileList | null) {
    if (!list) return;
    const skipped: string[] = [];
    const next = [...files];
    for (const f of Array.from(list)) {
      if (!isXlsxName(f.name)) skipped.push(pane.consolidate.notXlsx(f.name));
      else if (!next.some((x) => x.name === f.name && x.size === f.size)) next.push(f);
    }
    setFiles(next);
    setRows(next.map((f) => ({ unit: "", file: f.name, status: "pending", progress: 0 })));
    setMsg(skipped.length ? { intent: "warning", lines: skipped } : undefined);
  }

  async function run() {
    setMsg(undefined);
    if (files.length === 0) {
      setMsg({ intent: "error", lines: [pane.consolidate.noFiles] });
      return;
    }
    // a units list that cannot be read changes nothing: said before any file is read
    const map = checkUnitsMap(unitsMap);
    if (previousFile && !map.ok) {
      setMsg({ intent: "error", lines: [map.message] });
      return;
    }
    setBusy(true);
    try {
      const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      if (!props.settings.unit.trim()) {
        setMsg({ intent: "error", lines: [props.needSettings ?? pane.consolidate.needSettings] });
        return;
      }
      const { existing, previous } = await consolidationContext(props.host);
      const out = await consolidateFiles(inputs, {
        settings: props.settings,
        existing,
        expectedUnits: parseExpectedUnits(expected),
        readUnit: readUnitFile,
        ...(previousFile
          ? {
              previous: {
                file: { name: previousFile.name, bytes: new Uint8Array(await previousFile.arrayBuffer()) },
                readSheets: readWorkbookFile,
                unitsMap,
              },
            }
          : {}),
        onProgress: (file, fraction) =>
          setRows((rs) => rs.map((r) => (r.file === file ? { ...r, status: fraction >= 1 ? "read" : "reading", progress: fraction } : r))),
      });
      setRows(out.units);
      if (previous.length > 0) {
        // An earlier Tổng hợp tab may carry corrections typed in its "Điều chỉnh" column: ask first.
        setAsk({ out, previous });
        return;
      }
      await write(out);
    } catch (e) {
      setMsg({ intent: "error", lines: [pane.consolidate.failed, e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  async function write(out: ConsolidateOutput) {
    setAsk(undefined);
    setBusy(true);
    try {
      const w = await props.host.writeWorkbook(out.spec, { existing: "replace" });
      setDone(out);
      setFillMsg(undefined);
      setConflicts([]);
      setMsg({ intent: "success", lines: [pane.consolidate.done(out.counted, w.written.join(", "))] });
    } catch (e) {
      setMsg({ intent: "error", lines: [pane.consolidate.failed, e instanceof Error ? e.message : String(e)] });
      return;
    } finally {
      setBusy(false);
    }
    if (props.autoFill) await fill(out);
    props.onDone?.();
  }

  async function fill(out: ConsolidateOutput | undefined = done) {
    const done = out;
    if (!done) return;
    setBusy(true);
    setFillMsg(undefined);
    setConflicts([]);
    try {
      const { plan, inserted } = await fillOwnForms(props.host, done, props.settings);
      const lines: string[] = [];
      if (inserted > 0) lines.push(pane.consolidate.formsInserted(inserted));
      lines.push(plan.write.length > 0 ? pane.consolidate.filled(plan.write.length) : pane.consolidate.nothingToFill);
      if (plan.own.length > 0) {
        const byForm = new Map<number, string[]>();
        for (const o of plan.own) byForm.set(o.form, [...(byForm.get(o.form) ?? []), o.code]);
        lines.push(pane.consolidate.own([...byForm].map(([f, codes]) => `BM${f}: ${codes.join(", ")}`).join("; ")));
      }
      setConflicts(plan.conflicts);
      setFillMsg({ intent: plan.conflicts.length > 0 ? "warning" : "success", lines });
    } catch (e) {
      setFillMsg({ intent: "error", lines: [pane.consolidate.fillFailed, e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  async function overwrite() {
    setConfirmOverwrite(false);
    if (!done || conflicts.length === 0) return;
    setBusy(true);
    try {
      // Re-read first: only cells that still hold what was listed are overwritten.
      const r = await overwriteConflicts(props.host, done, props.settings, conflicts);
      setConflicts(r.remaining);
      setFillMsg({ intent: "success", lines: [pane.consolidate.overwritten(r.written)] });
    } catch (e) {
      setFillMsg({ intent: "error", lines: [pane.consolidate.fillFailed, e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.col}>
      <Text size={200}>{pane.consolidate.intro}</Text>
      <Text size={200} weight="semibold" data-testid="consolidate-for">
        {pane.consolidate.settingsFor(props.settings.unit.trim() || "—", `${vi.levels[props.settings.level]}, ${periodLabel(props.settings.period)}`)}
      </Text>
      <div
        className={over ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        aria-label={pane.consolidate.dropLabel}
        role="group"
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer.files);
        }}
      >
        <Button onClick={() => input.current?.click()}>{pane.consolidate.pick}</Button>
        <Text size={200}>{pane.consolidate.drop}</Text>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: "none" }}
          data-testid="files"
          aria-label={pane.consolidate.pick}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
        {files.length > 0 && <Text size={200}>{pane.consolidate.files(files.length)}</Text>}
      </div>
      <Field label={pane.consolidate.expected}>
        <Textarea value={expected} onChange={(_, d) => setExpected(d.value)} resize="vertical" rows={3} />
      </Field>
      <div className={styles.col} role="group" aria-label={pane.consolidate.previousTitle}>
        <Button onClick={() => previousInput.current?.click()} data-testid="previous-pick">
          {pane.consolidate.previousPick}
        </Button>
        <input
          ref={previousInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: "none" }}
          data-testid="previous-file"
          aria-label={pane.consolidate.previousPick}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f && !isXlsxName(f.name)) setMsg({ intent: "warning", lines: [pane.consolidate.notXlsx(f.name)] });
            else if (f) setPreviousFile(f);
            e.target.value = "";
          }}
        />
        {previousFile && (
          <>
            <Text size={200} data-testid="previous-chosen">
              {pane.consolidate.previousChosen(previousFile.name)} — {pane.consolidate.previousHint}
            </Text>
            <Button size="small" onClick={() => setPreviousFile(undefined)} data-testid="previous-clear">
              {pane.consolidate.previousClear}
            </Button>
            <Field label={pane.consolidate.unitsMap}>
              <Textarea
                value={unitsMap}
                onChange={(_, d) => setUnitsMap(d.value)}
                resize="vertical"
                rows={3}
                data-testid="units-map"
              />
            </Field>
          </>
        )}
      </div>
      <Button appearance="primary" onClick={run} disabled={busy} data-testid="consolidate">
        {busy ? pane.consolidate.working : pane.consolidate.button}
      </Button>
      <Notice note={msg} testid="consolidate-result" />
      {done && done.previousLines.length > 0 && (
        <MessageBar
          intent={done.previous?.ok && done.previous.column.missingNow.length === 0 ? "info" : "warning"}
          data-testid="previous-result"
          role="status"
        >
          <MessageBarBody>
            <div>
              <strong>{pane.consolidate.previousTitle}</strong>
            </div>
            {done.previousLines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {done && props.actions}
      {done && done.watch.length > 0 && (
        <MessageBar intent="warning" data-testid="watch-list" role="status">
          <MessageBarBody>
            <div>
              <strong>{pane.consolidate.watchTitle}</strong>
            </div>
            {done.watch.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {done && !props.autoFill && (
        <Button onClick={() => fill()} disabled={busy} data-testid="fill-own">
          {busy ? pane.consolidate.filling : pane.consolidate.fill}
        </Button>
      )}
      <Notice note={fillMsg} testid="fill-result" />
      {conflicts.length > 0 && (
        <div className={styles.col} data-testid="fill-conflicts">
          <Text size={200} weight="semibold">
            {pane.consolidate.conflictsTitle(conflicts.length)}
          </Text>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {conflicts.map((c) => (
              <li key={`${c.sheet}!${c.a1}`} className={styles.cell}>
                <Text size={200}>{pane.consolidate.conflictLine(c.form, c.code, c.typed, String(c.total))}</Text>
              </li>
            ))}
          </ul>
          <Button onClick={() => setConfirmOverwrite(true)} disabled={busy} data-testid="overwrite">
            {pane.consolidate.overwrite(conflicts.length)}
          </Button>
        </div>
      )}
      {rows.length > 0 && (
        <Table size="extra-small" className={styles.table} aria-label={pane.consolidate.button}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{pane.consolidate.colUnit}</TableHeaderCell>
              <TableHeaderCell>{pane.consolidate.colStatus}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={i}>
                <TableCell className={styles.cell}>
                  {r.unit || r.file || "—"}
                  {r.unit && r.file ? <div style={{ fontSize: 11, color: tokens.colorNeutralForeground3 }}>{r.file}</div> : null}
                </TableCell>
                <TableCell className={styles.cell}>
                  {pane.consolidate.status[r.status] ?? r.status}
                  {r.message ? <div style={{ fontSize: 11 }}>{r.message}</div> : null}
                  {r.file && r.progress !== undefined && ["pending", "reading", "read"].includes(r.status) && (
                    <ProgressBar value={r.progress} max={1} aria-label={pane.consolidate.progress(r.file)} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={confirmOverwrite} onOpenChange={(_, d) => !d.open && setConfirmOverwrite(false)} modalType="alert">
        <DialogSurface data-testid="overwrite-dialog">
          <DialogBody>
            <DialogTitle>{pane.consolidate.overwrite(conflicts.length)}</DialogTitle>
            <DialogContent>{pane.consolidate.overwriteConfirm(conflicts.length)}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" autoFocus data-testid="overwrite-no" onClick={() => setConfirmOverwrite(false)}>
                {pane.consolidate.overwriteNo}
              </Button>
              <Button data-testid="overwrite-yes" onClick={overwrite}>
                {pane.consolidate.overwriteYes}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={ask !== undefined} onOpenChange={(_, d) => !d.open && setAsk(undefined)} modalType="alert">
        <DialogSurface data-testid="replace-consolidated-dialog">
          <DialogBody>
            <DialogTitle>{pane.consolidate.existsTitle}</DialogTitle>
            <DialogContent>{ask ? pane.consolidate.existsBody(ask.previous) : null}</DialogContent>
            <DialogActions fluid>
              <Button
                appearance="primary"
                autoFocus
                data-testid="keep-consolidated"
                onClick={() => {
                  setAsk(undefined);
                  setMsg({ intent: "info", lines: [pane.consolidate.keptPrevious] });
                }}
              >
                {pane.insert.keep}
              </Button>
              <Button data-testid="replace-consolidated" onClick={() => ask && write(ask.out)}>
                {pane.insert.replace}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

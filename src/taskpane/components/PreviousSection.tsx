/**
 * "So với kỳ trước" in the Kiểm tra tab: pick the same unit's earlier reports once; those that compare are
 * remembered in the workbook and their findings join the live check's (src/app/previous.ts); a file that
 * cannot be compared is listed with the reason.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { previousPaneText as T } from "../../i18n/previous";
import { periodLabel } from "../../i18n/findings";
import { readUnitFile } from "../../xlsx/consolidate-files";
import { isXlsxName } from "../logic";
import { CheckResult, CheckSession, ExcelHost, forgetEarlier, rememberEarlierFiles } from "../../app";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "8px" },
  bar: { display: "flex", gap: "8px", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px" },
  refused: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type Msg = { intent: "success" | "warning" | "error"; lines: string[] } | undefined;

export function PreviousSection(props: { host: ExcelHost; session?: CheckSession; result?: CheckResult }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [msg, setMsg] = React.useState<Msg>(undefined);
  const comparisons = props.result?.earlier?.comparisons ?? [];

  async function pick(list: FileList | null) {
    const session = props.session;
    if (!list || list.length === 0 || !session) return;
    setBusy(true);
    setMsg(undefined);
    try {
      const skipped: string[] = [];
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const f of Array.from(list)) {
        if (!isXlsxName(f.name)) skipped.push(T.notXlsx(f.name));
        else files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      }
      const out = files.length
        ? await rememberEarlierFiles(props.host, session, files, readUnitFile)
        : { added: [], refused: [] };
      const lines = [...(out.added.length ? [T.added(out.added.length)] : []), ...out.refused, ...skipped];
      setMsg({ intent: out.refused.length + skipped.length > 0 ? "warning" : "success", lines });
    } catch (e) {
      setMsg({ intent: "error", lines: [T.failed, e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  async function forget() {
    if (!props.session) return;
    setBusy(true);
    try {
      await forgetEarlier(props.host, props.session);
      setMsg({ intent: "success", lines: [T.forgotten] });
    } catch (e) {
      setMsg({ intent: "error", lines: [T.failed, e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.col} aria-label={T.title} data-testid="previous-section">
      <Text as="h2" weight="semibold" size={300}>
        {T.title}
      </Text>
      <Text size={200}>{T.hint}</Text>
      <div className={styles.bar}>
        <Button onClick={() => input.current?.click()} disabled={busy || !props.session} data-testid="earlier-pick">
          {busy ? T.working : T.pick}
        </Button>
        {comparisons.length > 0 && (
          <Button onClick={forget} disabled={busy} data-testid="earlier-forget">
            {T.forget}
          </Button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: "none" }}
        data-testid="earlier-files"
        aria-label={T.pick}
        onChange={(e) => {
          void pick(e.target.files);
          e.target.value = "";
        }}
      />
      {comparisons.length === 0 ? (
        <Text size={200}>{T.none}</Text>
      ) : (
        <ul className={styles.list} data-testid="earlier-list">
          {comparisons.map((c) => (
            <li key={c.file} data-used={c.used} className={c.used ? undefined : styles.refused}>
              <Text size={200}>
                {c.used && c.period ? T.used(periodLabel(c.period), c.file) : (c.message ?? c.file)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Notice note={msg} testid="earlier-result" />
    </section>
  );
}

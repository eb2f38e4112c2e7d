/**
 * "Điền sẵn từ báo cáo kỳ trước" under Chèn biểu mẫu, on request only: the user picks the previous report;
 * its stock figures go into the empty value cells of the forms in the workbook, each listed (sheet, cell,
 * value, file), typed figures kept (src/app/previous.ts carryForward).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { carryText as T, previousPaneText } from "../../i18n/previous";
import { readUnitFile } from "../../xlsx/consolidate-files";
import { isXlsxName } from "../logic";
import { carryForward, ExcelHost } from "../../app";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "6px" },
  list: { margin: 0, paddingLeft: "18px", maxHeight: "240px", overflowY: "auto", overflowWrap: "anywhere" },
});

export function CarrySection(props: { host: ExcelHost; settings: WorkbookSettings; onCarried: () => void }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [msg, setMsg] = React.useState<{ intent: "success" | "warning" | "error"; head: string; lines: string[] }>();

  async function pick(f: File | undefined) {
    if (!f) return;
    if (!isXlsxName(f.name)) {
      setMsg({ intent: "warning", head: previousPaneText.notXlsx(f.name), lines: [] });
      return;
    }
    setBusy(true);
    setMsg(undefined);
    try {
      const plan = await carryForward(
        props.host,
        props.settings,
        { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) },
        readUnitFile
      );
      if (plan.refused) setMsg({ intent: "warning", head: plan.refused, lines: [] });
      else {
        const [head, ...lines] = plan.lines;
        setMsg({ intent: plan.kept.length > 0 ? "warning" : "success", head, lines });
        if (plan.write.length > 0) props.onCarried();
      }
    } catch (e) {
      setMsg({ intent: "error", head: T.failed, lines: [e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.col} data-testid="carry-section">
      <Button onClick={() => input.current?.click()} disabled={busy} data-testid="carry-pick">
        {busy ? T.working : T.pick}
      </Button>
      <Text size={200}>{T.pickHint}</Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: "none" }}
        data-testid="carry-file"
        aria-label={T.pick}
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {msg && (
        <MessageBar intent={msg.intent} data-testid="carry-result" role="status">
          <MessageBarBody>
            <div>{msg.head}</div>
            {msg.lines.length > 0 && (
              <ul className={styles.list}>
                {msg.lines.map((l, i) => (
                  <li key={i} data-testid="carry-line">
                    {l}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

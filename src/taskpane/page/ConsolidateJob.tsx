import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pageText } from "../../i18n/page";
import { MemoryWorkbook } from "../../xlsx/memory-host";
import { ConsolidateTab } from "../components/ConsolidateTab";
import { SettingsFields } from "../components/InsertTab";
import { consolidatedFileName, download } from "./files";

const T = pageText.consolidate;

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "12px" },
  two: {
    display: "grid",
    gridTemplateColumns: "minmax(260px, 0.6fr) minmax(0, 1fr)",
    columnGap: "24px",
    alignItems: "start",
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "10px 12px",
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
  bar: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

/**
 * "Tổng hợp": the add-in's Tổng hợp tab over an empty workbook in memory, for the consolidating unit typed on the
 * left; the unit's own forms are filled right after, and the whole workbook is downloaded.
 */
export function ConsolidateJob(props: { settings: WorkbookSettings; onSettings: (s: WorkbookSettings) => void }) {
  const styles = useStyles();
  const [wb, setWb] = React.useState(() => MemoryWorkbook.empty());
  const [round, setRound] = React.useState(0);
  const [ready, setReady] = React.useState(false);
  const [yearText, setYearText] = React.useState(String(props.settings.period.year));
  const [msg, setMsg] = React.useState<{ intent: "success" | "error"; text: string } | undefined>();
  React.useEffect(() => setYearText(String(props.settings.period.year)), [props.settings.period.year]);

  async function save() {
    try {
      const name = consolidatedFileName(props.settings);
      download(name, await wb.toXlsx());
      setMsg({ intent: "success", text: T.downloaded(name) });
    } catch (e) {
      setMsg({ intent: "error", text: pageText.saveFailed(e instanceof Error ? e.message : String(e)) });
    }
  }

  function again() {
    setWb(MemoryWorkbook.empty());
    setRound((n) => n + 1);
    setReady(false);
    setMsg(undefined);
  }

  return (
    <div className={styles.col}>
      <Text>{T.intro}</Text>
      <div className={styles.two}>
        <fieldset className={styles.fields} data-testid="consolidate-settings">
          <legend className={styles.legend}>{T.settings}</legend>
          <SettingsFields settings={props.settings} onSettings={props.onSettings} yearText={yearText} onYearText={setYearText} />
        </fieldset>
        <ConsolidateTab
          key={round}
          host={wb}
          settings={props.settings}
          autoFill
          needSettings={T.needSettings}
          onDone={() => setReady(true)}
          actions={
            <div className={styles.col}>
              <div className={styles.bar}>
                <Button appearance="primary" disabled={!ready} onClick={() => void save()} data-testid="download-consolidated">
                  {T.download}
                </Button>
                <Button onClick={again} data-testid="consolidate-again">
                  {T.again}
                </Button>
              </div>
              {msg && (
                <MessageBar intent={msg.intent} role="status" data-testid="consolidate-saved">
                  <MessageBarBody>{msg.text}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          }
        />
      </div>
    </div>
  );
}

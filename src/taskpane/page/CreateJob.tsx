import * as React from "react";
import { Text, makeStyles } from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pageText } from "../../i18n/page";
import { MemoryWorkbook } from "../../xlsx/memory-host";
import { InsertTab } from "../components/InsertTab";
import { download, formsFileName } from "./files";

const T = pageText.create;

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "1100px" },
  // the insert tab's column laid out in two: the fields left, the list of forms right
  form: {
    "& > div": {
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.2fr)",
      columnGap: "32px",
      rowGap: "10px",
      alignItems: "start",
    },
    "& > div > *": { gridColumn: "1" },
    "& > div > fieldset": { gridColumn: "2", gridRow: "1 / span 6" },
  },
});

/** "Tạo biểu mẫu": the add-in's insert tab over an empty workbook in memory; the result is downloaded as `cchc new` writes it. */
export function CreateJob(props: { settings: WorkbookSettings; onSettings: (s: WorkbookSettings) => void }) {
  const styles = useStyles();
  // a fresh workbook for each file made, so a second file never asks about the first one's sheets
  const [wb, setWb] = React.useState(() => MemoryWorkbook.empty());
  const settingsRef = React.useRef(props.settings);
  settingsRef.current = props.settings;

  async function downloadMade(): Promise<string> {
    const name = formsFileName(settingsRef.current);
    download(name, await wb.toXlsx());
    setWb(MemoryWorkbook.empty());
    return T.downloaded(name);
  }

  return (
    <div className={styles.col}>
      <Text>{T.intro}</Text>
      <div className={styles.form} data-testid="create-form">
        <InsertTab
          host={wb}
          settings={props.settings}
          onSettings={props.onSettings}
          onInserted={downloadMade}
          labels={{ button: T.button, working: T.working }}
        />
      </div>
    </div>
  );
}

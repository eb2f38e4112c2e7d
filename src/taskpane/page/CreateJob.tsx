import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { carryForward } from "../../app";
import type { WorkbookSettings } from "../../engine/conventions";
import { pageText } from "../../i18n/page";
import { readUnitFile } from "../../xlsx/consolidate-files";
import { MemoryWorkbook } from "../../xlsx/memory-host";
import { InsertTab } from "../components/InsertTab";
import { isXlsxName } from "../logic";
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
  carry: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    maxWidth: "640px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: "10px",
  },
  bar: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

/** "Tạo biểu mẫu": the add-in's insert tab over an empty workbook in memory; the result is downloaded as `cchc new` writes it. */
export function CreateJob(props: { settings: WorkbookSettings; onSettings: (s: WorkbookSettings) => void }) {
  const styles = useStyles();
  // a fresh workbook for each file made, so a second file never asks about the first one's sheets
  const [wb, setWb] = React.useState(() => MemoryWorkbook.empty());
  const settingsRef = React.useRef(props.settings);
  settingsRef.current = props.settings;

  // the previous report to carry stock figures from, chosen before the file is made (the file is downloaded at once)
  const [carry, setCarry] = React.useState<{ name: string; bytes: Uint8Array } | undefined>();
  const [carryNote, setCarryNote] = React.useState<string | undefined>();
  const input = React.useRef<HTMLInputElement>(null);

  async function pickCarry(f: File | undefined) {
    if (!f) return;
    if (!isXlsxName(f.name)) {
      setCarry(undefined);
      setCarryNote(pageText.file.notXlsx(f.name));
      return;
    }
    setCarryNote(undefined);
    setCarry({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }

  async function downloadMade(): Promise<string[]> {
    const lines: string[] = [];
    // a refused or unreadable previous report is said, and the forms are still made (blank, as without it)
    if (carry) lines.push(...(await carryForward(wb, settingsRef.current, carry, readUnitFile)).lines);
    const name = formsFileName(settingsRef.current);
    download(name, await wb.toXlsx());
    setWb(MemoryWorkbook.empty());
    return [...lines, T.downloaded(name)];
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
          carryAfter={false}
        />
      </div>
      <section className={styles.carry} aria-label={T.carryTitle} data-testid="create-carry">
        <Text weight="semibold">{T.carryTitle}</Text>
        <Text size={200}>{T.carryHint}</Text>
        <div className={styles.bar}>
          <Button onClick={() => input.current?.click()} data-testid="create-carry-pick">
            {T.carryPick}
          </Button>
          {carry && (
            <>
              <Text data-testid="create-carry-chosen">{T.carryChosen(carry.name)}</Text>
              <Button appearance="subtle" onClick={() => setCarry(undefined)} data-testid="create-carry-clear">
                {T.carryClear}
              </Button>
            </>
          )}
        </div>
        {carryNote && (
          <Text role="status" data-testid="create-carry-note">
            {carryNote}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={T.carryPick}
          data-testid="create-carry-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            void pickCarry(f);
          }}
        />
      </section>
    </div>
  );
}

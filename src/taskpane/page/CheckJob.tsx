import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pageText } from "../../i18n/page";
import { loadSettings } from "../../app";
import { MemoryWorkbook } from "../../xlsx/memory-host";
import { CheckTab } from "../components/CheckTab";
import { isXlsxName } from "../logic";
import { CellView } from "./CellView";
import { checkedFileName, download } from "./files";
import { FileDrop } from "./FileDrop";

const T = pageText;

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "12px" },
  bar: { display: "flex", alignItems: "center", gap: "12px", flexWrap: "wrap" },
  two: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 0.8fr)",
    columnGap: "24px",
    alignItems: "start",
  },
  side: { position: "sticky", top: "8px", display: "flex", flexDirection: "column", gap: "8px" },
});

type Msg = { intent: "success" | "warning" | "error" | "info"; text: string } | undefined;

/**
 * "Kiểm tra tệp": a file opened into a workbook in memory, checked by the add-in's own Kiểm tra tab (findings by
 * form, one-click fixes, pre-send stamp), the cell of a finding shown beside it; "Lưu tệp" downloads the copy.
 */
export function CheckJob(props: { settings: WorkbookSettings }) {
  const styles = useStyles();
  const [open, setOpen] = React.useState<{ wb: MemoryWorkbook; name: string; settings: WorkbookSettings } | undefined>();
  const [busy, setBusy] = React.useState<string | undefined>();
  const [msg, setMsg] = React.useState<Msg>();
  const [lost, setLost] = React.useState<string[] | undefined>();
  const [leaving, setLeaving] = React.useState(false);

  // closing or reloading the tab with fixes or a stamp not downloaded: the browser asks first
  React.useEffect(() => {
    if (!open) return;
    const ask = (e: BeforeUnloadEvent) => {
      if (!open.wb.unsaved()) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [open]);

  function close() {
    setLeaving(false);
    setOpen(undefined);
    setMsg(undefined);
  }

  async function onFile(f: File) {
    setMsg(undefined);
    if (!isXlsxName(f.name)) {
      setMsg({ intent: "error", text: T.file.notXlsx(f.name) });
      return;
    }
    setBusy(T.file.opening(f.name));
    try {
      const r = MemoryWorkbook.open(new Uint8Array(await f.arrayBuffer()), f.name);
      if (!r.ok) {
        setMsg({ intent: "error", text: T.openFailed(r.reason) });
        return;
      }
      const own = await loadSettings(r.wb);
      setOpen({ wb: r.wb, name: f.name, settings: own ?? props.settings });
    } catch (e) {
      setMsg({ intent: "error", text: T.openFailed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(undefined);
    }
  }

  function onSave() {
    if (!open) return;
    const l = open.wb.lostOnSave();
    if (l.length > 0) setLost(l);
    else void save();
  }

  async function save() {
    setLost(undefined);
    if (!open) return;
    setBusy(T.check.saving);
    try {
      const name = checkedFileName(open.name);
      download(name, await open.wb.toXlsx());
      open.wb.markSaved();
      setMsg({ intent: "success", text: T.check.saved(name) });
    } catch (e) {
      setMsg({ intent: "error", text: T.saveFailed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className={styles.col}>
      {!open && <Text>{T.check.intro}</Text>}
      {!open && <FileDrop testid="check" label={T.file.dropLabel} pick={T.file.pick} drop={T.file.drop} onFile={onFile} />}
      {open && (
        <div className={styles.bar}>
          <Text weight="semibold" data-testid="check-opened">
            {T.file.opened(open.name)}
          </Text>
          <Button onClick={() => (open.wb.unsaved() ? setLeaving(true) : close())} data-testid="check-other">
            {T.file.other}
          </Button>
        </div>
      )}
      {busy && <Spinner size="tiny" label={busy} />}
      {msg && (
        <MessageBar intent={msg.intent} role="status" data-testid="check-file-result">
          <MessageBarBody>{msg.text}</MessageBarBody>
        </MessageBar>
      )}
      {open && (
        <div className={styles.two}>
          <CheckTab
            key={open.name}
            host={open.wb}
            settings={open.settings}
            formsVersion={0}
            active
            hint={T.check.hint}
            actions={
              <Button onClick={onSave} disabled={Boolean(busy)} data-testid="save">
                {T.check.save}
              </Button>
            }
          />
          <div className={styles.side}>
            <CellView wb={open.wb} />
          </div>
        </div>
      )}
      <Dialog open={leaving} onOpenChange={(_, d) => !d.open && setLeaving(false)} modalType="alert">
        <DialogSurface data-testid="unsaved-dialog">
          <DialogBody>
            <DialogTitle>{T.check.unsavedTitle}</DialogTitle>
            <DialogContent>{open ? T.check.unsavedBody(open.name) : null}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" autoFocus onClick={() => setLeaving(false)} data-testid="unsaved-stay">
                {T.check.unsavedStay}
              </Button>
              <Button onClick={close} data-testid="unsaved-leave">
                {T.check.unsavedLeave}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={lost !== undefined} onOpenChange={(_, d) => !d.open && setLost(undefined)} modalType="alert">
        <DialogSurface data-testid="lost-dialog">
          <DialogBody>
            <DialogTitle>{T.check.lostTitle}</DialogTitle>
            <DialogContent>{lost ? T.check.lostBody(lost.map((k) => T.check.lost[k] ?? k)) : null}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" autoFocus onClick={() => setLost(undefined)} data-testid="lost-no">
                {T.check.lostNo}
              </Button>
              <Button onClick={() => void save()} data-testid="lost-yes">
                {T.check.lostYes}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

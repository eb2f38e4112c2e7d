import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import { catalog, FORM_NUMBERS, LEVELS } from "../../catalog";
import type { WorkbookSettings } from "../../engine/conventions";
import type { PeriodKind } from "../../engine/types";
import { pane } from "../../i18n/pane";
import { vi } from "../../i18n/vi";
import { ExcelHost, insertForms, insertProblem, layoutFor, PERIOD_KINDS, planInsert, yearFromText } from "../../app";
import { CarrySection } from "./CarrySection";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", "& > *": { flex: "1 1 0", minWidth: 0 } },
  forms: { display: "flex", flexDirection: "column", border: "none", padding: 0, margin: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: "2px" },
  /** Controls shrink to the pane (long option texts must not widen it past 320 px). */
  control: { minWidth: 0, width: "100%", maxWidth: "100%", "& select, & input": { minWidth: 0, textOverflow: "ellipsis" } },
  field: { minWidth: 0 },
});

type Msg = { intent: "success" | "warning" | "error" | "info"; lines: string[] } | undefined;

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m || pane.error.generic("?");
}

/**
 * The unit's level, period, year, name and edition of the forms: the insert tab's fields, also the consolidating
 * unit's fields on the page that works on files. The year is kept as typed (`yearText`) until it is a valid year.
 */
export function SettingsFields(props: {
  settings: WorkbookSettings;
  onSettings: (s: WorkbookSettings) => void;
  yearText: string;
  onYearText: (t: string) => void;
  unitError?: boolean;
}) {
  const { settings, onSettings, yearText, unitError } = props;
  const styles = useStyles();
  const update = (patch: Partial<WorkbookSettings>) => onSettings({ ...settings, ...patch });
  const yearOk = yearFromText(yearText) !== undefined;
  const setYearText = props.onYearText;
  return (
    <>
      <Field className={styles.field} label={pane.insert.level}>
        <Select
          className={styles.control}
          data-testid="level"
          value={settings.level}
          onChange={(_, d) => update({ level: d.value as WorkbookSettings["level"] })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {vi.levels[l]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field className={styles.field} label={pane.insert.periodKind}>
          <Select
          className={styles.control}
            data-testid="period-kind"
            value={settings.period.kind}
            onChange={(_, d) => update({ period: { ...settings.period, kind: d.value as PeriodKind } })}
          >
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {vi.periods[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label={pane.insert.year} validationMessage={yearOk ? undefined : pane.insert.yearInvalid}>
          <Input
            className={styles.control}
            data-testid="year"
            inputMode="numeric"
            value={yearText}
            onChange={(_, d) => {
              setYearText(d.value);
              const y = yearFromText(d.value);
              if (y !== undefined) update({ period: { ...settings.period, year: y } });
            }}
          />
        </Field>
      </div>
      <Field className={styles.field} label={pane.insert.unit} required validationMessage={unitError && !settings.unit.trim() ? pane.insert.unitRequired : undefined}>
        <Input
            className={styles.control}
          data-testid="unit"
          value={settings.unit}
          placeholder={pane.insert.unitPlaceholder}
          maxLength={200}
          onChange={(_, d) => update({ unit: d.value })}
        />
      </Field>
      <Field className={styles.field} label={pane.insert.version}>
        <Select className={styles.control} data-testid="version" value={settings.version} onChange={(_, d) => update({ version: d.value })}>
          {catalog.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

export function InsertTab(props: {
  host: ExcelHost;
  settings: WorkbookSettings;
  settingsLoaded?: boolean;
  onSettings: (s: WorkbookSettings) => void;
  /** After a write; the lines it returns are added to the result (the page: what was carried, the file downloaded). */
  onInserted: () => void | Promise<string | string[] | void>;
  /** Whether "Điền sẵn từ báo cáo kỳ trước" is offered after inserting (the page offers it before, in its own frame). */
  carryAfter?: boolean;
  /** The button's words where inserting means something else (the page: create and download a file). */
  labels?: { button: string; working: string };
}) {
  const { host, settings, onSettings } = props;
  const styles = useStyles();
  const [yearText, setYearText] = React.useState(String(settings.period.year));
  const [forms, setForms] = React.useState<number[]>([...FORM_NUMBERS]);
  const [busy, setBusy] = React.useState(false);
  const [msg, setMsg] = React.useState<Msg>(undefined);
  const [ask, setAsk] = React.useState<string[] | undefined>(undefined);
  const [unitError, setUnitError] = React.useState(false);
  const resultRef = React.useRef<HTMLDivElement>(null);

  // The result appears below the form: bring it into view in the narrow pane.
  React.useEffect(() => {
    if (msg) resultRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [msg]);

  React.useEffect(() => setYearText(String(settings.period.year)), [settings.period.year]);

  async function write(existing: "keep" | "replace") {
    setAsk(undefined);
    setBusy(true);
    try {
      const spec = layoutFor(forms, { ...settings, unit: settings.unit.trim() });
      const r = await insertForms(host, spec, existing);
      const extra = await props.onInserted();
      setMsg({ intent: r.intent, lines: extra ? [...r.lines, ...(Array.isArray(extra) ? extra : [extra])] : r.lines });
    } catch (e) {
      setMsg({ intent: "error", lines: [errorText(e)] });
    } finally {
      setBusy(false);
    }
  }

  async function onInsert() {
    setMsg(undefined);
    const problem = insertProblem(forms, settings, yearText);
    if (problem) {
      if (problem.field === "unit") setUnitError(true);
      setMsg({ intent: "error", lines: [problem.message] });
      return;
    }
    setBusy(true);
    try {
      const plan = await planInsert(host, forms, settings);
      setBusy(false);
      if (plan.clash.length > 0) {
        setAsk(plan.clash);
        return;
      }
      await write("keep");
    } catch (e) {
      setBusy(false);
      setMsg({ intent: "error", lines: [errorText(e)] });
    }
  }

  const allChecked = forms.length === FORM_NUMBERS.length ? true : forms.length === 0 ? false : "mixed";

  return (
    <div className={styles.form}>
      {props.settingsLoaded && (
        <MessageBar intent="info" data-testid="settings-loaded">
          <MessageBarBody>{pane.insert.settingsLoaded}</MessageBarBody>
        </MessageBar>
      )}
      <SettingsFields
        settings={settings}
        onSettings={onSettings}
        yearText={yearText}
        onYearText={setYearText}
        unitError={unitError}
      />
      <fieldset className={styles.forms}>
        <legend className={styles.legend}>{pane.insert.forms}</legend>
        <Checkbox
          label={pane.insert.selectAll}
          checked={allChecked}
          onChange={(_, d) => setForms(d.checked === true ? [...FORM_NUMBERS] : [])}
          data-testid="form-all"
        />
        {FORM_NUMBERS.map((n) => (
          <Checkbox
            key={n}
            data-testid={`form-${n}`}
            label={pane.insert.formLabel(n, catalog.forms[n - 1].title)}
            checked={forms.includes(n)}
            onChange={(_, d) => setForms((f) => (d.checked ? [...f, n].sort((a, b) => a - b) : f.filter((x) => x !== n)))}
          />
        ))}
      </fieldset>
      <Button appearance="primary" onClick={onInsert} disabled={busy} data-testid="insert">
        {busy ? <Spinner size="tiny" label={props.labels?.working ?? pane.insert.working} /> : (props.labels?.button ?? pane.insert.button)}
      </Button>
      <Notice note={msg} testid="insert-result" />
      <div ref={resultRef} />
      {props.carryAfter !== false && <CarrySection host={host} settings={settings} onCarried={props.onInserted} />}
      <Dialog open={ask !== undefined} onOpenChange={(_, d) => !d.open && setAsk(undefined)} modalType="alert">
        <DialogSurface data-testid="exists-dialog">
          <DialogBody>
            <DialogTitle>{pane.insert.existsTitle}</DialogTitle>
            <DialogContent>{ask ? pane.insert.existsBody(ask) : null}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => write("keep")} data-testid="keep" autoFocus>
                {pane.insert.keep}
              </Button>
              <Button onClick={() => write("replace")} data-testid="replace">
                {pane.insert.replace}
              </Button>
              <Button appearance="subtle" onClick={() => setAsk(undefined)}>
                {pane.insert.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

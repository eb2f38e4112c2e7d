/**
 * The simplified task pane for older Excel (IE11 webview, ExcelApi 1.7): plain DOM, no React/Fluent.
 * It calls the same adapter and engine as the main pane: insert the forms (existing sheets kept unless the
 * user chooses to replace them), check live on edits (read-only, only the edited form sheet re-read),
 * pre-send check with the stamp. Consolidation is left to newer Excel or `cchc consolidate`.
 */
import { catalog, FORM_NUMBERS, LEVELS } from "../../catalog";
import { APP_VERSION, SETTINGS_KEYS, WorkbookSettings } from "../../engine/conventions";
import { checkStamp, fingerprint } from "../../engine/fingerprint";
import { buildFormsWorkbook } from "../../engine/layout";
import { readReport } from "../../engine/reader";
import type { Finding, GridSheet, PeriodKind, Report, Stamp } from "../../engine/types";
import { validate } from "../../engine/validate";
import type { ExcelHost } from "../../excel/host";
import { excelVi } from "../../i18n/excel";
import { legacyVi } from "../../i18n/legacy";
import { formatDateTime, pane } from "../../i18n/pane";
import { vi } from "../../i18n/vi";
// Shell → shell, refused by the import rule (eslint.boundaries.mjs): these use cases move to src/app (issue 9).
// eslint-disable-next-line no-restricted-imports
import {
  countFindings,
  createBatcher,
  defaultSettings,
  existingOf,
  gridMeta,
  groupFindings,
  isValidYear,
  mergeGrids,
  parseSettings,
  PERIOD_KINDS,
  serializeSettings,
  sheetsToReread,
} from "../logic";
import { addChildren, clear, h, setMessage, show } from "./dom";

interface CheckResult {
  report: Report;
  findings: Finding[];
}

/** Same as the main pane's services.check: read and validate, never throws past here. */
export function checkGrids(grids: GridSheet[], settings: Record<string, string>): CheckResult {
  const report = readReport(grids, { settings });
  return { report, findings: validate(report) };
}

export function makeStamp(report: Report, now: Date = new Date()): Stamp {
  return { at: now.toISOString(), by: `Báo cáo CCHC ${APP_VERSION}`, fingerprint: fingerprint(report) };
}

function errorText(e: unknown): string {
  const m = e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e);
  return m || pane.error.generic("?");
}

function showFigure(v: Finding["expected"]): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "number" ? v.toLocaleString("vi-VN", { maximumFractionDigits: 4 }) : String(v);
}

function formSheetsOf(grids: GridSheet[], r: CheckResult | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < grids.length; i++) {
    const m = gridMeta(grids[i]);
    if (m && m.kind === "form" && out.indexOf(grids[i].name) < 0) out.push(grids[i].name);
  }
  if (r) r.report.entries.forEach((e) => e.ref && out.indexOf(e.ref.sheet) < 0 && out.push(e.ref.sheet));
  return out;
}

let uid = 0;
function field(label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  const id = "f" + ++uid;
  control.setAttribute("id", id);
  return h("div", { className: "field" }, [h("label", { for: id }, [label]), control, hint]);
}

function select(
  testid: string,
  options: { value: string; text: string }[],
  value: string,
  onChange: (v: string) => void
): HTMLSelectElement {
  const s = h("select", { "data-testid": testid }) as HTMLSelectElement;
  for (let i = 0; i < options.length; i++)
    addChildren(s, [h("option", { value: options[i].value }, [options[i].text])]);
  s.value = value;
  s.addEventListener("change", () => onChange(s.value));
  return s;
}

export function mountLegacyApp(root: HTMLElement, host: ExcelHost): { dispose: () => void } {
  let settings: WorkbookSettings = defaultSettings();
  let forms: number[] = FORM_NUMBERS.slice();
  let grids: GridSheet[] = [];
  let kv: Record<string, string> = {};
  let formSheets: string[] = [];
  let result: CheckResult | undefined;
  let showMissing = false;
  let alive = true;

  // ------------------------------------------------------------ insert section
  const loadedNote = h("div", { className: "msg msg-info", "data-testid": "settings-loaded" }, [
    pane.insert.settingsLoaded,
  ]);
  show(loadedNote, false);
  const level = select(
    "level",
    LEVELS.map((l) => ({ value: l, text: vi.levels[l] })),
    settings.level,
    (v) => {
      settings.level = v as WorkbookSettings["level"];
    }
  );
  const kind = select(
    "period-kind",
    PERIOD_KINDS.map((k) => ({ value: k, text: vi.periods[k] })),
    settings.period.kind,
    (v) => {
      settings.period = { kind: v as PeriodKind, year: settings.period.year };
    }
  );
  const yearHint = h("div", { className: "hint error", role: "alert" }, [pane.insert.yearInvalid]);
  show(yearHint, false);
  const year = h("input", {
    type: "text",
    inputmode: "numeric",
    maxlength: 4,
    "data-testid": "year",
    "aria-describedby": "",
  }) as HTMLInputElement;
  year.value = String(settings.period.year);
  const yearOk = () => /^\d{4}$/.test(year.value.trim()) && isValidYear(Number(year.value.trim()));
  const onYear = () => {
    show(yearHint, !yearOk());
    if (yearOk()) settings.period = { kind: settings.period.kind, year: Number(year.value.trim()) };
  };
  year.addEventListener("input", onYear);
  year.addEventListener("change", onYear);
  const unit = h("input", {
    type: "text",
    maxlength: 200,
    placeholder: pane.insert.unitPlaceholder,
    "data-testid": "unit",
    "aria-required": "true",
  }) as HTMLInputElement;
  const onUnit = () => {
    settings.unit = unit.value;
  };
  unit.addEventListener("input", onUnit);
  unit.addEventListener("change", onUnit);
  const version = select(
    "version",
    catalog.versions.map((v) => ({ value: v.id, text: v.name })),
    settings.version,
    (v) => {
      settings.version = v;
    }
  );

  const all = h("input", { type: "checkbox", "data-testid": "form-all", id: "form-all" }) as HTMLInputElement;
  const boxes: HTMLInputElement[] = [];
  const syncBoxes = () => {
    for (let i = 0; i < boxes.length; i++) boxes[i].checked = forms.indexOf(i + 1) >= 0;
    all.checked = forms.length === FORM_NUMBERS.length;
    all.indeterminate = forms.length > 0 && forms.length < FORM_NUMBERS.length;
  };
  all.addEventListener("click", () => {
    forms = all.checked ? FORM_NUMBERS.slice() : [];
    syncBoxes();
  });
  const formList = h("fieldset", { className: "forms" }, [
    h("legend", undefined, [pane.insert.forms]),
    h("div", { className: "check" }, [all, h("label", { for: "form-all" }, [pane.insert.selectAll])]),
  ]);
  for (let i = 0; i < FORM_NUMBERS.length; i++) {
    const n = FORM_NUMBERS[i];
    const cb = h("input", { type: "checkbox", id: "form-" + n, "data-testid": "form-" + n }) as HTMLInputElement;
    cb.addEventListener("click", () => {
      forms = cb.checked ? forms.concat([n]).sort((a, b) => a - b) : forms.filter((x) => x !== n);
      syncBoxes();
    });
    boxes.push(cb);
    addChildren(formList, [
      h("div", { className: "check" }, [
        cb,
        h("label", { for: "form-" + n }, [pane.insert.formLabel(n, catalog.forms[n - 1].title)]),
      ]),
    ]);
  }
  syncBoxes();

  const insertBtn = h("button", { type: "button", className: "primary", "data-testid": "insert" }, [
    pane.insert.button,
  ]) as HTMLButtonElement;
  const insertResult = h("div", { role: "status", "aria-live": "polite", "data-testid": "insert-result" });
  show(insertResult, false);
  // confirm() does not exist in Office add-ins: an inline yes/no panel instead.
  const askText = h("p", { id: "ask-text" });
  const keepBtn = h("button", { type: "button", className: "primary", "data-testid": "keep" }, [
    pane.insert.keep,
  ]) as HTMLButtonElement;
  const replaceBtn = h("button", { type: "button", "data-testid": "replace" }, [
    pane.insert.replace,
  ]) as HTMLButtonElement;
  const cancelBtn = h("button", { type: "button", "data-testid": "cancel" }, [pane.insert.cancel]) as HTMLButtonElement;
  const ask = h(
    "div",
    {
      className: "ask",
      role: "alertdialog",
      "aria-labelledby": "ask-title",
      "aria-describedby": "ask-text",
      "data-testid": "exists-dialog",
    },
    [
      h("strong", { id: "ask-title" }, [pane.insert.existsTitle]),
      askText,
      h("div", { className: "bar" }, [keepBtn, replaceBtn, cancelBtn]),
    ]
  );
  show(ask, false);

  function setBusy(b: boolean) {
    insertBtn.disabled = b;
    preSendBtn.disabled = b;
    refreshBtn.disabled = b;
    insertBtn.textContent = b ? pane.insert.working : pane.insert.button;
  }

  async function write(existing: "keep" | "replace") {
    show(ask, false);
    setBusy(true);
    try {
      const s: WorkbookSettings = {
        level: settings.level,
        period: settings.period,
        unit: settings.unit.trim(),
        version: settings.version,
      };
      const spec = buildFormsWorkbook(forms, { level: s.level, version: s.version, period: s.period, unit: s.unit });
      const r = await host.writeWorkbook(spec, { existing });
      try {
        await host.writeSettings({ [SETTINGS_KEYS.settings]: serializeSettings(s) });
      } catch {
        /* the forms are in; remembering the settings is a convenience */
      }
      const lines = [r.written.length ? pane.insert.resultWritten(r.written) : pane.insert.resultNone];
      if (r.kept.length) lines.push(pane.insert.resultKept(r.kept));
      for (let i = 0; i < r.skippedFeatures.length; i++) {
        const k = r.skippedFeatures[i];
        lines.push(excelVi.skipped[k as keyof typeof excelVi.skipped] || pane.insert.resultSkipped([k]));
      }
      setMessage(insertResult, r.skippedFeatures.length ? "warning" : "success", lines);
      await fullRead();
    } catch (e) {
      setMessage(insertResult, "error", [errorText(e)]);
    } finally {
      setBusy(false);
    }
  }

  async function onInsert() {
    show(insertResult, false);
    if (!settings.unit.trim()) {
      setMessage(insertResult, "error", [pane.insert.unitRequired]);
      unit.focus();
      return;
    }
    if (!yearOk()) {
      setMessage(insertResult, "error", [pane.insert.yearInvalid]);
      year.focus();
      return;
    }
    if (forms.length === 0) {
      setMessage(insertResult, "error", [pane.insert.noFormSelected]);
      return;
    }
    setBusy(true);
    try {
      const spec = buildFormsWorkbook(forms, {
        level: settings.level,
        version: settings.version,
        period: settings.period,
        unit: settings.unit.trim(),
      });
      const sheets = await host.listSheets();
      const clash = existingOf(
        spec,
        sheets.map((s) => s.name)
      );
      for (let i = 0; i < sheets.length; i++) {
        const m = sheets[i].meta;
        if (
          m &&
          m.kind === "form" &&
          m.form !== undefined &&
          forms.indexOf(m.form) >= 0 &&
          clash.indexOf(sheets[i].name) < 0
        )
          clash.push(sheets[i].name);
      }
      setBusy(false);
      if (clash.length > 0) {
        askText.textContent = pane.insert.existsBody(clash);
        show(ask, true);
        keepBtn.focus();
        return;
      }
      await write("keep");
    } catch (e) {
      setBusy(false);
      setMessage(insertResult, "error", [errorText(e)]);
    }
  }
  insertBtn.addEventListener("click", () => void onInsert());
  keepBtn.addEventListener("click", () => void write("keep"));
  replaceBtn.addEventListener("click", () => void write("replace"));
  cancelBtn.addEventListener("click", () => {
    show(ask, false);
    insertBtn.focus();
  });
  ask.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).keyCode === 27) cancelBtn.click();
  });

  // ------------------------------------------------------------ check section
  const liveLine = h("p", { className: "hint", "data-testid": "live" }, [pane.check.liveHint]);
  const preSendBtn = h("button", { type: "button", className: "primary", "data-testid": "presend" }, [
    pane.check.preSend,
  ]) as HTMLButtonElement;
  const refreshBtn = h("button", { type: "button", "data-testid": "refresh" }, [
    pane.check.refresh,
  ]) as HTMLButtonElement;
  const summary = h("div", { role: "status", "aria-live": "polite", "data-testid": "summary" });
  const stampNote = h("div", { "data-testid": "stamp-note" });
  const note = h("div", { role: "status", "data-testid": "check-note" });
  show(summary, false);
  show(stampNote, false);
  show(note, false);
  const status = h("p", { className: "hint" });
  const findingsEl = h("div", { "aria-label": pane.check.findingsLabel, role: "region", "data-testid": "findings" });
  const checkSection = h("section", { "aria-labelledby": "h-check", "data-testid": "check", "data-state": "loading" }, [
    h("h2", { id: "h-check" }, [legacyVi.sectionCheck]),
    liveLine,
    h("div", { className: "bar" }, [preSendBtn, refreshBtn]),
    summary,
    stampNote,
    note,
    status,
    findingsEl,
  ]);

  function findingItem(f: Finding): HTMLElement {
    const sev = f.severity === "error" ? pane.check.error : pane.check.warning;
    const figures =
      f.expected !== undefined || f.actual !== undefined
        ? h("span", { className: "figures" }, [
            `${pane.check.expected}: ${showFigure(f.expected)} · ${pane.check.actual}: ${showFigure(f.actual)}`,
          ])
        : null;
    const btn = h(
      "button",
      {
        type: "button",
        className: "finding " + f.severity,
        "data-testid": "finding",
        "data-rule": f.rule,
        "data-cell": f.cell || "",
        "data-sheet": f.sheet || "",
        "data-code": f.code,
        "aria-label": `${sev}. ${pane.check.goTo(f.code, f.cell)}. ${f.message}`,
        disabled: !f.sheet || !f.cell,
      },
      [
        h("span", { className: "badge " + f.severity }, [sev]),
        " ",
        h("strong", undefined, [f.code]),
        (f.cell ? ` (${f.cell})` : "") + " — " + f.message,
        figures,
      ]
    );
    btn.addEventListener("click", () => void goTo(f));
    return h("li", undefined, [btn]);
  }

  function render() {
    checkSection.setAttribute("data-state", result ? "ready" : "loading");
    clear(findingsEl);
    clear(status);
    if (!result) return;
    if (result.report.forms.length === 0) {
      addChildren(status, [h("span", { "data-testid": "no-forms" }, [pane.check.noForms])]);
      return;
    }
    const groups = groupFindings(result.findings);
    if (groups.length === 0)
      addChildren(status, [h("span", { "data-testid": "no-findings" }, [pane.check.noFindings])]);
    else addChildren(status, [legacyVi.goToHint]);
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const main = grp.items.filter((f) => f.rule !== "missing");
      const missing = grp.items.filter((f) => f.rule === "missing");
      const list = h("ul", { className: "findings" });
      for (let i = 0; i < main.length; i++) addChildren(list, [findingItem(main[i])]);
      const block = h("div", { className: "group" }, [
        h("h3", undefined, [pane.check.formHeading(grp.form, grp.errors, grp.warnings)]),
        list,
      ]);
      if (missing.length > 0) {
        const toggle = h(
          "button",
          {
            type: "button",
            className: "link",
            "aria-expanded": showMissing ? "true" : "false",
            "data-testid": "missing-group",
          },
          [showMissing ? legacyVi.hideMissing : legacyVi.showMissing(missing.length)]
        );
        toggle.addEventListener("click", () => {
          showMissing = !showMissing;
          render();
        });
        addChildren(block, [toggle]);
        if (showMissing) {
          const ml = h("ul", { className: "findings" });
          for (let i = 0; i < missing.length; i++) addChildren(ml, [findingItem(missing[i])]);
          addChildren(block, [ml]);
        }
      }
      addChildren(findingsEl, [block]);
    }
  }

  function apply(fresh: GridSheet[], s: Record<string, string>, reread?: string[]): CheckResult {
    grids = reread ? mergeGrids(grids, fresh, reread) : fresh;
    kv = s;
    const r = checkGrids(grids, s);
    formSheets = formSheetsOf(grids, r);
    result = r;
    render();
    return r;
  }

  async function fullRead(): Promise<CheckResult> {
    const read = await host.readSheets();
    const r = apply(read.sheets, read.settings);
    const st = checkStamp(r.report);
    if (st === "none" || !r.report.stamp) show(stampNote, false);
    else {
      const at = formatDateTime(r.report.stamp.at);
      setMessage(stampNote, st === "unchanged" ? "success" : "warning", [
        st === "unchanged" ? pane.check.stampUnchanged(at) : pane.check.stampChanged(at),
      ]);
    }
    return r;
  }

  async function goTo(f: Finding) {
    if (!f.sheet || !f.cell) return;
    try {
      await host.selectCell(f.sheet, f.cell);
    } catch (e) {
      setMessage(note, "error", [errorText(e)]);
    }
  }

  async function preSend() {
    setBusy(true);
    show(note, false);
    show(summary, false);
    try {
      const r = await fullRead();
      const c = countFindings(r.findings);
      const ready = r.report.forms.length > 0 && c.errors === 0;
      const lines = [pane.check.summaryForms(r.report.forms), pane.check.summaryCounts(c.errors, c.warnings)];
      if (ready) {
        const stamp = makeStamp(r.report);
        await host.writeSettings({ [SETTINGS_KEYS.stamp]: JSON.stringify(stamp) });
        kv[SETTINGS_KEYS.stamp] = JSON.stringify(stamp);
        lines.push(pane.check.stamped(formatDateTime(stamp.at)));
        show(stampNote, false);
      } else {
        lines.push(pane.check.notReadyHint);
      }
      setMessage(summary, ready ? "success" : "error", lines, ready ? pane.check.ready : pane.check.notReady);
    } catch (e) {
      setMessage(summary, "error", [errorText(e) || pane.check.readFailed], pane.check.notReady);
    } finally {
      setBusy(false);
    }
  }
  preSendBtn.addEventListener("click", () => void preSend());
  refreshBtn.addEventListener("click", () => {
    show(summary, false);
    fullRead().catch(() => setMessage(note, "error", [pane.check.readFailed]));
  });

  // ------------------------------------------------------------ page
  clear(root);
  addChildren(root, [
    h("h1", undefined, [pane.title]),
    h("p", { className: "notice", "data-testid": "legacy-notice" }, [legacyVi.notice]),
    h("section", { "aria-labelledby": "h-insert" }, [
      h("h2", { id: "h-insert" }, [legacyVi.sectionInsert]),
      loadedNote,
      field(pane.insert.level, level),
      h("div", { className: "row" }, [field(pane.insert.periodKind, kind), field(pane.insert.year, year, yearHint)]),
      field(pane.insert.unit, unit),
      field(pane.insert.version, version),
      formList,
      insertBtn,
      ask,
      insertResult,
    ]),
    checkSection,
  ]);

  // Remembered settings, then the first check, then live checking (read-only: no write on edits).
  fullRead()
    .then((r) => {
      if (!alive) return;
      const s = parseSettings(kv[SETTINGS_KEYS.settings]);
      if (s) {
        settings = s;
        level.value = s.level;
        kind.value = s.period.kind;
        year.value = String(s.period.year);
        unit.value = s.unit;
        version.value = s.version;
        show(loadedNote, true);
      }
      void r;
    })
    .catch((e) => {
      if (alive) setMessage(note, "error", [errorText(e) || pane.check.readFailed]);
    });

  let unsubscribe: (() => Promise<void>) | undefined;
  const batcher = createBatcher<{ sheet: string; address: string }>(400, (events) => {
    const names = sheetsToReread(events, formSheets);
    if (names.length === 0 || !alive) return;
    host
      .readSheets(names)
      .then((read) => {
        if (!alive) return;
        apply(read.sheets, read.settings, names);
        show(summary, false);
      })
      .catch(() => setMessage(note, "error", [pane.check.readFailed]));
  });
  host
    .onChange((e) => batcher.push(e))
    .then((off) => {
      if (alive) unsubscribe = off;
      else void off();
      liveLine.textContent = legacyVi.liveOn + " " + pane.check.liveHint;
    })
    .catch(() => {
      liveLine.textContent = legacyVi.liveOff;
    });

  return {
    dispose() {
      alive = false;
      batcher.cancel();
      if (unsubscribe) void unsubscribe();
    },
  };
}

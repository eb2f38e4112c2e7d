/**
 * The simplified task pane for older Excel (IE11 webview, ExcelApi 1.7): plain DOM, no React/Fluent.
 * It calls the same adapter and engine as the main pane: insert the forms (existing sheets kept unless the
 * user chooses to replace them), check live on edits (read-only, only the edited form sheet re-read),
 * pre-send check with the stamp. Consolidation is left to newer Excel or `cchc consolidate`.
 */
import { catalog, FORM_NUMBERS, LEVELS } from "../../catalog";
import type { WorkbookSettings } from "../../engine/conventions";
import type { PeriodKind } from "../../engine/types";
import type { WordedFinding as Finding } from "../../app/findings";
import { CheckResult, CheckSession, createCheckSession, stampView } from "../../app/check-session";
import type { ExcelHost } from "../../app/host";
import { insertForms, insertProblem, layoutFor, planInsert, yearFromText } from "../../app/insert";
import { preSend as preSendUseCase } from "../../app/presend";
import { defaultSettings, parseSettings, PERIOD_KINDS } from "../../app/settings";
import { SETTINGS_KEYS } from "../../engine/conventions";
import { legacyVi } from "../../i18n/legacy";
import { formatDateTime, formatFigure, pane } from "../../i18n/pane";
import { vi } from "../../i18n/vi";
import { groupFindings } from "../../app/findings";
import { addChildren, clear, h, setMessage, show } from "./dom";

function errorText(e: unknown): string {
  const m = e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e);
  return m || pane.error.generic("?");
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
  const onYear = () => {
    const y = yearFromText(year.value);
    show(yearHint, y === undefined);
    if (y !== undefined) settings.period = { kind: settings.period.kind, year: y };
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
      const spec = layoutFor(forms, {
        level: settings.level,
        period: settings.period,
        unit: settings.unit.trim(),
        version: settings.version,
      });
      // the settings travel with the layout: the workbook remembers them
      const r = await insertForms(host, spec, existing);
      setMessage(insertResult, r.intent, r.lines);
      await session.fullRead();
    } catch (e) {
      setMessage(insertResult, "error", [errorText(e)]);
    } finally {
      setBusy(false);
    }
  }

  async function onInsert() {
    show(insertResult, false);
    const problem = insertProblem(forms, settings, year.value);
    if (problem) {
      setMessage(insertResult, "error", [problem.message]);
      if (problem.field === "unit") unit.focus();
      if (problem.field === "year") year.focus();
      return;
    }
    setBusy(true);
    try {
      const plan = await planInsert(host, forms, settings);
      setBusy(false);
      if (plan.clash.length > 0) {
        askText.textContent = pane.insert.existsBody(plan.clash);
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
    const sev =
      f.severity === "error" ? pane.check.error : f.severity === "info" ? pane.check.info : pane.check.warning;
    const figures =
      f.expected !== undefined || f.actual !== undefined
        ? h("span", { className: "figures" }, [
            `${pane.check.expected}: ${formatFigure(f.expected)} · ${pane.check.actual}: ${formatFigure(f.actual)}`,
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
    const support = f.support
      ? h("details", { "data-testid": "support-details" }, [
          h("summary", undefined, [pane.check.supportDetails]),
          h("pre", { className: "support" }, [f.support]),
        ])
      : null;
    return h("li", undefined, [btn, support]);
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

  function showStamp(r: CheckResult) {
    const v = stampView(r.report);
    if (v.state === "none") show(stampNote, false);
    else {
      const at = formatDateTime(v.at);
      setMessage(stampNote, v.state === "unchanged" ? "success" : "warning", [
        v.state === "unchanged" ? pane.check.stampUnchanged(at) : pane.check.stampChanged(at),
      ]);
    }
  }

  // The live check session: grid cache, only the edited form sheet re-read, read-only.
  const session: CheckSession = createCheckSession(host, {
    onResult: (r, cause) => {
      result = r;
      render();
      if (cause === "full") showStamp(r);
      if (cause === "live") show(summary, false);
    },
    onError: () => setMessage(note, "error", [pane.check.readFailed]),
  });

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
      const r = await preSendUseCase(host, session);
      const lines = [pane.check.summaryForms(r.forms), pane.check.summaryCounts(r.errors, r.warnings)];
      if (r.stamp) {
        lines.push(pane.check.stamped(formatDateTime(r.stamp.at)));
        show(stampNote, false);
      } else {
        lines.push.apply(lines, r.outcome.complete ? [pane.check.notReadyHint] : r.outcome.reasons);
      }
      setMessage(summary, r.ready ? "success" : "error", lines, r.ready ? pane.check.ready : pane.check.notReady);
    } catch (e) {
      setMessage(summary, "error", [errorText(e) || pane.check.readFailed], pane.check.notReady);
    } finally {
      setBusy(false);
    }
  }
  preSendBtn.addEventListener("click", () => void preSend());
  refreshBtn.addEventListener("click", () => {
    show(summary, false);
    session.fullRead().catch(() => setMessage(note, "error", [pane.check.readFailed]));
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
  session
    .fullRead()
    .then(() => {
      if (!alive) return;
      const s = parseSettings(session.settings[SETTINGS_KEYS.settings]);
      if (s) {
        settings = s;
        level.value = s.level;
        kind.value = s.period.kind;
        year.value = String(s.period.year);
        unit.value = s.unit;
        version.value = s.version;
        show(loadedNote, true);
      }
    })
    .catch((e) => {
      if (alive) setMessage(note, "error", [errorText(e) || pane.check.readFailed]);
    });

  void session.start().then((on) => {
    if (!alive) return;
    liveLine.textContent = on ? legacyVi.liveOn + " " + pane.check.liveHint : legacyVi.liveOff;
  });

  return {
    dispose() {
      alive = false;
      session.dispose();
    },
  };
}

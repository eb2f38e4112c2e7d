/**
 * Ribbon function file (manifest Commands.Url). The Home-tab buttons of the manifest open the task pane
 * on a given tab (taskpane.html?view=insert|check|consolidate); this file registers the one command that
 * runs without the pane: "insertForms" inserts the forms with the settings remembered in the workbook
 * (existing sheets are kept, never overwritten), for a manifest ExecuteFunction button.
 */
import { DEFAULT_VERSION, FORM_NUMBERS } from "../catalog";
import { SETTINGS_KEYS } from "../engine/conventions";
import { buildFormsWorkbook } from "../engine/layout";
import { createExcelHost } from "../excel/host";
import { pane } from "../i18n/pane";
import { parseSettings } from "../taskpane/logic";

/** Inserts the missing forms with the remembered settings; returns a Vietnamese line for the user. */
export async function insertFormsCommand(host = createExcelHost()): Promise<string> {
  try {
    const { settings } = await host.readSheets([]);
    const s = parseSettings(settings[SETTINGS_KEYS.settings]);
    if (!s) return pane.commands.failed;
    const spec = buildFormsWorkbook([...FORM_NUMBERS], {
      level: s.level,
      version: s.version || DEFAULT_VERSION,
      period: s.period,
      unit: s.unit,
    });
    const r = await host.writeWorkbook(spec, { existing: "keep" });
    return pane.commands.inserted(r.written.length);
  } catch (e) {
    console.error("[Báo cáo CCHC] command failed", e);
    return pane.commands.failed;
  }
}

async function insertForms(event: Office.AddinCommands.Event) {
  const text = await insertFormsCommand();
  console.info("[Báo cáo CCHC]", text);
  event.completed();
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const actions = (Office as any).actions;
    if (actions && typeof actions.associate === "function") actions.associate("insertForms", insertForms);
    else (globalThis as any).insertForms = insertForms;
  });
}

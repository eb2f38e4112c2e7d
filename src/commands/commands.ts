/**
 * Ribbon function file (manifest Commands.Url). The Home-tab buttons of the manifest open the task pane
 * on a given tab (taskpane.html?view=insert|check|consolidate); this file registers the one command that
 * runs without the pane: "insertForms" inserts the forms with the settings remembered in the workbook
 * (existing sheets are kept, never overwritten), for a manifest ExecuteFunction button.
 */
import { insertRemembered } from "../app/insert";
import { createExcelHost } from "../excel/host";
import { pane } from "../i18n/pane";

/** Inserts the missing forms with the remembered settings; returns a Vietnamese line for the user. */
export async function insertFormsCommand(host = createExcelHost()): Promise<string> {
  try {
    const r = await insertRemembered(host);
    return r ? pane.commands.inserted(r.written.length) : pane.commands.failed;
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

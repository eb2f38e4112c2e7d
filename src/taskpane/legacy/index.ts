/** Entry of the simplified pane for older Excel (IE11 webview). webpack.legacy.js puts polyfills.ts first. */
import { createExcelHost } from "../../excel/host";
import { legacyVi } from "../../i18n/legacy";
import { pane } from "../../i18n/pane";
import { mountLegacyApp } from "./app";

function message(root: HTMLElement, text: string) {
  while (root.firstChild) root.removeChild(root.firstChild);
  const p = document.createElement("p");
  p.className = "msg msg-warning";
  p.textContent = text;
  root.appendChild(p);
}

function start(inExcel: boolean) {
  const root = document.getElementById("container");
  if (!root) return;
  if (!inExcel) {
    message(root, pane.noOffice);
    return;
  }
  try {
    mountLegacyApp(root, createExcelHost());
  } catch {
    message(root, legacyVi.startFailed);
  }
}

if (typeof Office === "undefined") start(false);
else Office.onReady((info) => start(info.host === Office.HostType.Excel));

/** Entry of the task pane: waits for Office, then renders the app (or a message outside Excel). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/host";
import { App, View } from "./components/App";
import { Shell } from "./components/Shell";
import { pane } from "../i18n/pane";

function initialView(): View | undefined {
  try {
    const v = new URLSearchParams(window.location.search).get("view");
    return v === "insert" || v === "check" || v === "consolidate" ? v : undefined;
  } catch {
    return undefined;
  }
}

const container = document.getElementById("container")!;

function start(inExcel: boolean) {
  // The ES5 boot script found a web view too old for the pane and already said so.
  if (container.getAttribute("data-unsupported")) return;
  container.setAttribute("data-started", "1");
  container.textContent = "";
  const root = createRoot(container);
  if (!inExcel) {
    root.render(<Shell message={pane.noOffice} />);
    return;
  }
  root.render(<App host={createExcelHost()} initialView={initialView()} />);
}

if (typeof Office === "undefined") {
  start(false);
} else {
  Office.onReady((info) => start(info.host === Office.HostType.Excel));
}

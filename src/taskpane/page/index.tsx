/** Entry of the page that works on files (dist/bao-cao-cchc.html): no Office, the pane over a workbook in memory. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Job, PageApp } from "./PageApp";

function initialJob(): Job | undefined {
  const j = window.location.hash.replace(/^#/, "");
  return j === "create" || j === "check" || j === "consolidate" || j === "guide" ? j : undefined;
}

createRoot(document.getElementById("container")!).render(<PageApp initialJob={initialJob()} />);

/**
 * Loaded by taskpane.html before the main bundle, compiled to ES5 (webpack.legacy.js). Where the webview is
 * Internet Explorer 11 (Excel 2019 and older volume licences) or EdgeHTML, or lacks what the main pane needs,
 * it opens the simplified pane taskpane-legacy.html instead, keeping the query string (?view=...).
 * No inline script: the pages' CSP allows scripts from 'self' only.
 * It also shows a loading line, and a message when the pane has not started after 30 s.
 */
import { bootText } from "../i18n/boot";

export interface BootEnv {
  userAgent: string;
  hasPromise: boolean;
  hasSymbol: boolean;
  hasFetch: boolean;
}

/** True when the main (React, ES2019) pane cannot run here. */
export function needsLegacy(env: BootEnv): boolean {
  const ua = env.userAgent || "";
  if (ua.indexOf("Trident") >= 0 || ua.indexOf("Edge/") >= 0) return true;
  return !env.hasPromise || !env.hasSymbol || !env.hasFetch;
}

/** The address of the legacy page next to the current one, with the same query string. */
export function legacyUrl(pathname: string, search: string): string {
  const dir = pathname.slice(0, pathname.lastIndexOf("/") + 1);
  return dir + "taskpane-legacy.html" + (search || "");
}

/** Replaces the pane container's content with one line of text, unless the pane has started. */
function show(text: string) {
  var host = document.getElementById("container");
  if (!host || host.getAttribute("data-started")) return;
  while (host.firstChild) host.removeChild(host.firstChild);
  var p = document.createElement("p");
  p.setAttribute("role", "status");
  p.style.cssText = "font-family:'Segoe UI',sans-serif;font-size:14px;line-height:20px;padding:12px;margin:0";
  p.appendChild(document.createTextNode(text));
  host.appendChild(p);
}

function boot() {
  if (typeof window === "undefined" || typeof navigator === "undefined") return;
  const w = window as unknown as Record<string, unknown>;
  const env: BootEnv = {
    userAgent: navigator.userAgent,
    hasPromise: typeof w.Promise === "function",
    hasSymbol: typeof w.Symbol === "function",
    hasFetch: typeof w.fetch === "function",
  };
  if (/taskpane-legacy\.html$/.test(window.location.pathname)) return;
  var host = document.getElementById("container");
  if (needsLegacy(env)) {
    // The main bundle cannot even parse here: tell it not to start, say what happens, open the simplified pane.
    if (host) host.setAttribute("data-unsupported", "1");
    show(bootText.toLegacy);
    window.location.replace(legacyUrl(window.location.pathname, window.location.search));
    return;
  }
  // A pane that never starts (blocked network, failed download) says so instead of staying blank.
  show(bootText.loading);
  setTimeout(function () {
    show(bootText.failed);
  }, 30000);
}

boot();

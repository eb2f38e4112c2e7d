/**
 * Loaded by taskpane.html before the main bundle, compiled to ES5 (webpack.legacy.js). Where the webview is
 * Internet Explorer 11 (Excel 2019 and older volume licences) or EdgeHTML, or lacks what the main pane needs,
 * it opens the simplified pane taskpane-legacy.html instead, keeping the query string (?view=...).
 * No inline script: the pages' CSP allows scripts from 'self' only.
 */
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

function boot() {
  if (typeof window === "undefined" || typeof navigator === "undefined") return;
  const w = window as unknown as Record<string, unknown>;
  const env: BootEnv = {
    userAgent: navigator.userAgent,
    hasPromise: typeof w.Promise === "function",
    hasSymbol: typeof w.Symbol === "function",
    hasFetch: typeof w.fetch === "function",
  };
  if (needsLegacy(env) && !/taskpane-legacy\.html$/.test(window.location.pathname)) {
    window.location.replace(legacyUrl(window.location.pathname, window.location.search));
  }
}

boot();

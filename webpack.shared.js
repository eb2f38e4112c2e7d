/*
 * What both pane builds (webpack.config.js: the main pane; webpack.legacy.js: the ES5 pane) must agree on:
 * where office.js comes from, the Content-Security-Policy of the pages, and the app version compiled in.
 */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Content-Security-Policy of the pages. Fluent UI (Griffel) injects <style> tags, hence 'unsafe-inline' for styles only. */
function csp(officeOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self'${officeOrigin ? " " + officeOrigin : ""}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
  ].join("; ");
}

/**
 * office.js for a build: Microsoft's CDN as Office requires; with selfhost a copy in dist/office-js/ (Microsoft does
 * NOT support self-hosting office.js; only for networks that cannot reach the CDN); for e2e the in-memory stand-in.
 * Returns the script address and the page's CSP.
 */
function officeScript({ selfhost, e2e }) {
  if (e2e) return { officeJs: "fake-office.js", csp: csp("") };
  if (selfhost) return { officeJs: "office-js/office.js", csp: csp("") };
  return { officeJs: OFFICE_CDN, csp: csp("https://appsforoffice.microsoft.com") };
}

/**
 * The browser tests' office.js: the one in-memory Excel of the tests (test/standin/excel.ts, which the jest tests
 * use directly), with its browser globals (test/standin/browser.ts), bundled as fake-office.js by both e2e builds.
 */
const STANDIN_ENTRY = "./test/standin/browser.ts";

/** package.json's version, compiled into the bundles as __APP_VERSION__ (src/engine/conventions.ts: APP_VERSION). */
function defineAppVersion() {
  const webpack = require("webpack");
  return new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(require("./package.json").version) });
}

module.exports = { OFFICE_CDN, STANDIN_ENTRY, csp, officeScript, defineAppVersion };

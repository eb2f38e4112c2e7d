/*
 * Shared by the browser test runners (run.js: the main pane; run-legacy.js: the simplified ES5 pane):
 * a static file server on 127.0.0.1, Debian's Chromium launched through playwright-core (never a downloaded
 * browser), and a tiny test runner that records results for the closing "N passed, M failed" line.
 */
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Serves the files of `dist` on a free loopback port; nothing outside `dist`. */
function serve(dist) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Headless Debian Chromium, flags for running as root on a closed network. */
function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const results = [];
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(
      `  FAIL ${name}\n       ${String(e && e.stack ? e.stack : e)
        .split("\n")
        .slice(0, 4)
        .join("\n       ")}`
    );
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ------------------------------------------------------------------ the in-memory Excel on the page

const snapshot = (page) => page.evaluate(() => window.__fakeExcel.snapshot());
const fake = (page, fn, ...args) => page.evaluate(({ fn, args }) => window.__fakeExcel[fn](...args), { fn, args });

/** The add-in's metadata in F1 of a snapshot sheet, or undefined. */
function metaOf(sheet) {
  const f1 = sheet.cells.F1 && sheet.cells.F1.v;
  if (typeof f1 !== "string" || !f1.startsWith("CCHC:")) return undefined;
  try {
    return JSON.parse(f1.slice(5));
  } catch {
    return undefined;
  }
}
/** The sheet holding Biểu mẫu n (by its metadata, not its name). */
function formSheet(snap, n) {
  const s = snap.sheets.find((x) => {
    const m = metaOf(x);
    return m && m.kind === "form" && m.form === n;
  });
  assert(s, `no sheet for Biểu mẫu ${n}`);
  return s;
}
/** The value cell (column D) of an indicator, found by the id in hidden column F. */
function cellOf(sheet, id) {
  for (const [a1, c] of Object.entries(sheet.cells)) if (/^F\d+$/.test(a1) && c.v === id) return "D" + a1.slice(1);
  throw new Error(`no row for ${id} on ${sheet.name}`);
}

module.exports = { CHROMIUM, serve, launchBrowser, results, test, assert, snapshot, fake, metaOf, formSheet, cellOf };

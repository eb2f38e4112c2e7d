/*
 * Live-check latency in the browser: the built pane (test-artifacts/e2e-dist, the browser-test build) in
 * Debian's headless Chromium, against the in-memory Excel stand-in (test/standin/, bundled as fake-office.js)
 * that the real Office.js adapter drives.
 *
 *   edit → finding shown or cleared: 30 single edits (BM3 1.4.3 typed 157 then 139 over 1.4 = 139, the
 *          seed-004 part-larger-than-its-whole), each timed in the page from the cell being typed to the
 *          finding appearing or disappearing in the Kiểm tra tab (MutationObserver); median, p90, max;
 *   burst: 30 edits 10 ms apart — how many re-reads they cost (the session's count, data-live-reads);
 *   paste: 1,000 cells pasted at once (one change event for the range, as Excel sends) — re-reads.
 *
 * RUN:   node bench/live-check.js [--build] [--edits 30] [--dist <another e2e build, e.g. of an older commit>]
 *        (--build, or no build yet: `webpack --mode development --env e2e` first, about a minute)
 * Nothing here is part of the product; loopback only.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { serve, launchBrowser, snapshot, fake, formSheet, cellOf } = require("../test/e2e/harness");

const ROOT = path.resolve(__dirname, "..");

const T = 15000;

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** In the page: types a cell and resolves with the ms until `sel` is present (or gone). */
function timedEdit(page, sheet, cell, value, sel, present) {
  return page.evaluate(
    ({ sheet, cell, value, sel, present, T }) =>
      new Promise((resolve, reject) => {
        const done = () => Boolean(document.querySelector(sel)) === present;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`no change for ${sel} within ${T} ms`));
        }, T);
        window.__fakeExcel.type(sheet, cell, value);
      }),
    { sheet, cell, value, sel, present, T }
  );
}

/** Re-reads the live check made so far (the Kiểm tra tab shows the session's count in data-live-reads). */
const liveReads = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="check"]');
    const v = el && el.getAttribute("data-live-reads");
    return v === null || v === undefined ? NaN : Number(v);
  });
/** Waits until the count has not moved for `quietMs`; returns how much it grew since `from`. */
async function settledReads(page, from, quietMs = 1200) {
  let last = -1;
  for (;;) {
    const n = await liveReads(page);
    if (n === last || Number.isNaN(n)) return n - from;
    last = n;
    await sleep(quietMs);
  }
}

async function main() {
  const edits = Number(arg("--edits", "30"));
  const DIST = path.resolve(arg("--dist", path.join(ROOT, "test-artifacts/e2e-dist")));
  if (process.argv.includes("--build") || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
    execFileSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--mode", "development", "--env", "e2e"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  const server = await serve(DIST);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/taskpane.html`);
    await page.getByTestId("tab-insert").waitFor({ timeout: T });
    await page.getByTestId("level").selectOption("xa");
    await page.getByTestId("period-kind").selectOption("6T");
    await page.getByTestId("year").fill("2023");
    await page.getByTestId("unit").fill("UBND xã Tân Phú");
    await page.getByTestId("insert").click();
    await page.getByTestId("insert-result").waitFor({ timeout: T });
    await page.getByTestId("tab-check").click();
    await page.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
    const bm3 = formSheet(await snapshot(page), 3);
    const c14 = cellOf(bm3, "bm3:1.4");
    const c143 = cellOf(bm3, "bm3:1.4.3");
    await fake(page, "type", bm3.name, c14, "139");
    await sleep(800);
    const sel = `[data-testid="finding"][data-rule="part-exceeds-whole"][data-sheet="${bm3.name}"][data-cell="${c143}"]`;

    // single edits, each after a quiet spell longer than the coalescing window
    const times = [];
    for (let i = 0; i < edits; i++) {
      const wrong = i % 2 === 0;
      times.push(await timedEdit(page, bm3.name, c143, wrong ? "157" : "139", sel, wrong));
      await sleep(600);
    }

    // a burst of typing: 30 edits 10 ms apart
    const before = await liveReads(page);
    const c12 = cellOf(bm3, "bm3:1.2");
    for (let i = 0; i < 30; i++) {
      await fake(page, "type", bm3.name, c12, String(10 + i));
      await sleep(10);
    }
    const burstRuns = await settledReads(page, before);

    // a paste of 1,000 cells: one change event for the range
    await fake(page, "unprotect", bm3.name);
    const beforePaste = await liveReads(page);
    const rows = Array.from({ length: 1000 }, (_, i) => [String(i % 7)]);
    const t0 = Date.now();
    await fake(page, "paste", bm3.name, "H1", rows);
    const pasteRuns = await settledReads(page, beforePaste);
    const pasteMs = Date.now() - t0;

    const r = (x) => Math.round(x);
    const out = {
      edits: times.length,
      medianMs: r(median(times)),
      p90Ms: r(pct(times, 90)),
      maxMs: r(Math.max(...times)),
      burst: { edits: 30, rereads: burstRuns },
      paste: { cells: rows.length, rereads: pasteRuns, settledMs: pasteMs },
    };
    console.log(
      `live check, edit → finding shown/cleared over ${out.edits} edits: median ${out.medianMs} ms, p90 ${out.p90Ms} ms, max ${out.maxMs} ms`
    );
    console.log(`burst of 30 edits 10 ms apart: ${burstRuns} re-reads`);
    console.log(`paste of ${rows.length} cells (one change event): ${pasteRuns} re-read(s)`);
    console.log(JSON.stringify(out));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Browser tests of the simplified pane for older Excel (taskpane-legacy.html, ES5): built with
 * webpack.legacy.js (--env e2e) into test-artifacts/e2e-legacy-dist (its own folder, so that the main e2e
 * build, which cleans test-artifacts/e2e-dist, cannot remove it mid-run), served on 127.0.0.1 and driven in
 * the system's headless Chromium (never downloaded) at 320 px, with fake-office.js (the in-memory Excel of test/standin/) capped at
 * ExcelApi 1.7 (Excel 2019 volume licences).
 *
 * Figures typed come from seed 004 (commune report, year 2023): BM3 1.4 = 139, 1.4.3 = 157 (a part larger
 * than its whole, as printed in that report).
 *   node test/e2e/run-legacy.js            build, then test
 *   node test/e2e/run-legacy.js --reuse    test the existing build
 * Prints `e2e-legacy: N passed, M failed` and exits non-zero on failure.
 * Screenshots: test-artifacts/screenshots/legacy-*.png.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { serve, launchBrowser, results, test, assert, snapshot, fake, metaOf, formSheet, cellOf } = require("./harness");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-artifacts/e2e-legacy-dist");
const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const WIDTH = 320;
const T = 15000;
const IE11_UA =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";

function build() {
  const cli = require.resolve("webpack-cli/bin/cli.js");
  execFileSync(
    process.execPath,
    [cli, "--config", "webpack.legacy.js", "--mode", "development", "--env", "e2e", "--env", `outDir=${DIST}`],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    }
  );
  // A page that loads boot.js the way taskpane.html does, to see where it sends an IE11 webview.
  fs.writeFileSync(
    path.join(DIST, "boot-probe.html"),
    '<!doctype html><html><head><meta charset="UTF-8"><script src="boot.js"></script></head><body><p id="main">main pane</p></body></html>'
  );
}

function eq(a, b, msg) {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `legacy-${name}.png`) });
}
async function shotFull(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `legacy-${name}.png`), fullPage: true });
}
async function noOverflow(page) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= WIDTH, `pane wider than ${WIDTH}px: ${w}`);
}

async function main() {
  const t0 = Date.now();
  if (!process.argv.includes("--reuse") || !fs.existsSync(path.join(DIST, "taskpane-legacy.html"))) build();
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchBrowser();
  const errors = [];
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  let bm3;
  let c14;
  let c143;
  try {
    await test("the simplified pane opens at ExcelApi 1.7 and says what it is and where consolidation went", async () => {
      await page.goto(`${base}/taskpane-legacy.html?api=1.7`);
      await page.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      const notice = await page.getByTestId("legacy-notice").innerText();
      assert(
        /Excel đời cũ/.test(notice) && /Tổng hợp/.test(notice) && /cchc consolidate/.test(notice),
        `notice: ${notice}`
      );
      await page.getByTestId("no-forms").waitFor({ timeout: T });
      eq((await snapshot(page)).apiVersion, "1.7", "capped");
      // labelled controls (a screen reader reads the label with the field)
      for (const id of ["level", "period-kind", "year", "unit", "version"]) {
        const label = await page
          .getByTestId(id)
          .evaluate((el) => (el.labels && el.labels[0] ? el.labels[0].textContent : ""));
        assert(label, `${id} has a label`);
      }
      await noOverflow(page);
      await shot(page, "01-start");
    });

    await test("inserting the commune forms writes seven form sheets; unit is required first", async () => {
      await page.getByTestId("level").selectOption("xa");
      await page.getByTestId("period-kind").selectOption("N");
      await page.getByTestId("year").fill("2023");
      await page.getByTestId("insert").click();
      await page.getByTestId("insert-result").filter({ hasText: "Hãy nhập tên đơn vị" }).waitFor({ timeout: T });
      eq((await snapshot(page)).sheets.length, 1, "nothing written without a unit");
      await page.getByTestId("unit").fill("UBND xã Tân Phú");
      await page.getByTestId("insert").focus();
      await page.keyboard.press("Enter"); // keyboard-usable
      await page.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const s = await snapshot(page);
      const forms = s.sheets.map(metaOf).filter((m) => m && m.kind === "form");
      eq(forms.length, 7, "seven forms");
      assert(
        forms.every((m) => m.level === "xa"),
        "commune edition"
      );
      assert(
        s.sheets.every((x) => x.dataValidations === 0),
        "no data validation at 1.7"
      );
      const text = await page.getByTestId("insert-result").innerText();
      assert(/1\.8/.test(text) && /1\.9/.test(text), `skipped features explained: ${text}`);
      await page.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      await noOverflow(page);
      await shot(page, "02-inserted");
      bm3 = formSheet(s, 3);
      c14 = cellOf(bm3, "bm3:1.4");
      c143 = cellOf(bm3, "bm3:1.4.3");
    });

    await test("typing seed 004's 1.4.3 = 157 above 1.4 = 139 lists the finding live, without writing; clicking selects the cell", async () => {
      await page.waitForTimeout(1100); // without triggerSource the adapter ignores events for 1 s after its own writes
      const before = await snapshot(page);
      await fake(page, "type", bm3.name, c14, "139");
      await fake(page, "type", bm3.name, c143, "157");
      const item = page.locator(`[data-testid="finding"][data-sheet="${bm3.name}"][data-cell="${c143}"]`).first();
      await item.waitFor({ state: "visible", timeout: T });
      const text = await item.innerText();
      assert(text.includes("157") && text.includes("139"), `finding shows expected and actual: ${text}`);
      assert(/Lỗi/.test(text), `an error: ${text}`);
      // errors first within the form's group
      const sevs = await page
        .locator('[data-testid="findings"] .group')
        .first()
        .locator('[data-testid="finding"]')
        .evaluateAll((els) => els.map((e) => e.className));
      const firstWarning = sevs.findIndex((c) => /warning/.test(c));
      assert(
        firstWarning < 0 || !sevs.slice(firstWarning).some((c) => /\berror\b/.test(c)),
        `errors before warnings: ${sevs}`
      );
      // nothing but the two typed cells changed (no writes while the user types)
      const after = await snapshot(page);
      eq(
        after.sheets.map((x) => x.name),
        before.sheets.map((x) => x.name),
        "same sheets"
      );
      for (const sh of after.sheets) {
        const old = before.sheets.find((x) => x.name === sh.name);
        for (const [a1, c] of Object.entries(sh.cells)) {
          if (sh.name === bm3.name && (a1 === c14 || a1 === c143)) continue;
          if (c.f) continue; // formula results follow the typed figures
          eq(c, old.cells[a1], `${sh.name}!${a1} unchanged`);
        }
      }
      await shotFull(page, "03-findings");
      const syncs = await page.evaluate(() => window.__fakeExcel.syncCount);
      await item.click();
      await page.waitForFunction(
        (a) => window.__fakeExcel.selection && window.__fakeExcel.selection.address === a,
        c143,
        { timeout: T }
      );
      eq(await page.evaluate(() => window.__fakeExcel.selection), { sheet: bm3.name, address: c143 }, "selection");
      assert((await page.evaluate(() => window.__fakeExcel.syncCount)) > syncs, "selection went through Excel");
      await noOverflow(page);
    });

    await test("pre-send check: not ready while an error remains; after the fix the error is gone", async () => {
      await page.getByTestId("presend").click();
      await page.getByTestId("summary").filter({ hasText: "Chưa sẵn sàng gửi" }).waitFor({ timeout: T });
      await shotFull(page, "04-not-ready");
      await fake(page, "type", bm3.name, c143, "139");
      await page
        .locator(`[data-testid="finding"][data-cell="${c143}"][data-rule]`)
        .filter({ hasText: "157" })
        .first()
        .waitFor({ state: "detached", timeout: T });
      await page.getByTestId("presend").click();
      await page.getByTestId("summary").waitFor({ state: "visible", timeout: T });
      const summary = await page.getByTestId("summary").innerText();
      const errorsLeft = await page.locator('[data-testid="finding"].error').count();
      if (errorsLeft === 0) {
        assert(/Sẵn sàng gửi/.test(summary) && /Đã ghi dấu kiểm tra/.test(summary), `ready and stamped: ${summary}`);
      } else {
        assert(/Chưa sẵn sàng gửi/.test(summary), `not ready with ${errorsLeft} errors: ${summary}`);
      }
      await shotFull(page, "05-presend");
    });

    await test("inserting again offers keep/replace inline; “Giữ nguyên” keeps the typed figure", async () => {
      await page.getByTestId("insert").click();
      await page.getByTestId("exists-dialog").waitFor({ state: "visible", timeout: T });
      await shot(page, "06-ask");
      await page.getByTestId("keep").click();
      await page.getByTestId("insert-result").filter({ hasText: "Giữ nguyên" }).waitFor({ timeout: T });
      const cell = await fake(page, "cell", bm3.name, c14);
      eq(cell.value, 139, "typed figure kept");
    });

    await test("reopened on the same workbook, the pane is pre-filled from the settings it remembered", async () => {
      // The fake keeps its workbook per page: copy the very hidden settings sheet into a fresh page before
      // the pane's script runs (legacy.js is held back until then), as if the saved file were opened again.
      const settingsSheet = (await snapshot(page)).sheets.find((x) => x.visibility === "VeryHidden");
      assert(settingsSheet, "a settings sheet was written");
      const p = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
      p.on("pageerror", (e) => errors.push(String(e)));
      let release;
      const ready = new Promise((r) => (release = r));
      await p.route("**/legacy.js", async (r) => {
        await ready;
        await r.continue();
      });
      const loaded = p.goto(`${base}/taskpane-legacy.html?api=1.7`);
      await p.waitForFunction(() => window.Excel && window.__fakeExcel, null, { timeout: T });
      await p.evaluate(async (sheet) => {
        await window.Excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.add(sheet.name);
          for (const [a1, c] of Object.entries(sheet.cells)) ws.getRange(a1).values = [[c.v]];
          ws.visibility = "VeryHidden";
          await ctx.sync();
        });
      }, settingsSheet);
      release();
      await loaded;
      await p.getByTestId("settings-loaded").waitFor({ state: "visible", timeout: T });
      eq(await p.getByTestId("unit").inputValue(), "UBND xã Tân Phú", "unit");
      eq(await p.getByTestId("level").inputValue(), "xa", "level");
      eq(await p.getByTestId("year").inputValue(), "2023", "year");
      eq(await p.getByTestId("period-kind").inputValue(), "N", "period");
      await shot(p, "07-prefilled");
      await p.close();
    });

    await test("boot.js sends an IE11 webview to the simplified pane, keeping the query string", async () => {
      const ctx = await browser.newContext({ userAgent: IE11_UA, viewport: { width: WIDTH, height: 600 } });
      const p = await ctx.newPage();
      await p.goto(`${base}/boot-probe.html?view=check&_host_Info=Excel`);
      await p.waitForURL(/taskpane-legacy\.html\?view=check&_host_Info=Excel$/, { timeout: T });
      await p.getByTestId("legacy-notice").waitFor({ timeout: T });
      await ctx.close();
      const q = await browser.newPage();
      await q.goto(`${base}/boot-probe.html?view=check`);
      await q.locator("#main").waitFor({ timeout: T });
      assert(/boot-probe\.html/.test(q.url()), `a modern browser stays: ${q.url()}`);
      await q.close();
    });

    await test("no page errors", async () => {
      eq(errors, [], "page errors");
    });
  } finally {
    await browser.close();
    server.close();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`e2e-legacy: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  const passed = results.filter((r) => r.ok).length;
  console.log(`e2e-legacy: ${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
});

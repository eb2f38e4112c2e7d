/**
 * Browser tests of the task pane: the e2e build (test-artifacts/e2e-dist, built by `npm run test:e2e`)
 * served on 127.0.0.1, opened in the system's headless Chromium (never downloaded) at the pane's 320 px,
 * with fake-office.js (the one in-memory Excel, test/standin/) standing in for Excel, so the real adapter src/excel/host.ts is exercised.
 *
 * Figures typed come from seed 004 (commune report, year 2023): BM3 1.4 = 139, 1.4.3 = 157 (a part larger
 * than its whole, as printed in that report); BM1 2.1 = 25, 2.2 = 25, 2 = 100.
 * Prints `e2e: N passed, M failed` and exits non-zero on failure. Screenshots: test-artifacts/screenshots/.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { serve, launchBrowser, results, test, assert, snapshot, fake, metaOf, formSheet, cellOf } = require("./harness");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "test-artifacts/e2e-dist");
const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const WIDTH = 320;
const T = 15000;

// ------------------------------------------------------------------ tiny test runner

/** Paths where two JSON values differ (for short failure messages). */
function diffPaths(a, b, at = "", out = []) {
  if (out.length >= 5) return out;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffPaths(a[k], b[k], `${at}/${k}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b))
    out.push(`${at}: ${JSON.stringify(b)} → ${JSON.stringify(a)}`.slice(0, 200));
  return out;
}
function eq(a, b, msg) {
  if (typeof a === "object" && a && b && typeof b === "object") {
    const d = diffPaths(a, b);
    if (d.length) throw new Error(`${msg}: ${d.join("; ")}`);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
}

// ------------------------------------------------------------------ helpers on the page

/** .xlsx files of the form sheets (and settings) of a fake workbook, one per unit name, written with ExcelJS. */
async function unitWorkbooks(snap, units) {
  const ExcelJS = require("exceljs");
  const from = metaOf(snap.sheets.find((x) => metaOf(x))).unit;
  const out = [];
  for (const unit of units) {
    const wb = new ExcelJS.Workbook();
    for (const sh of snap.sheets) {
      if (sh.name === "Sheet1") continue;
      const ws = wb.addWorksheet(sh.name, { state: sh.visibility === "VeryHidden" ? "veryHidden" : "visible" });
      for (const [a1, c] of Object.entries(sh.cells)) {
        if (c.f) ws.getCell(a1).value = { formula: c.f.slice(1), result: c.v === "" ? undefined : c.v };
        else
          ws.getCell(a1).value =
            typeof c.v === "string"
              ? c.v.split(from).join(unit).split(from.toUpperCase()).join(unit.toUpperCase())
              : c.v;
      }
    }
    out.push({
      name: `${unit}.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
  }
  return out;
}

async function shot(page, name) {
  // The visible part of the pane, as the user sees it (the page scrolls inside the pane).
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function openPane(browser, base, query = "") {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${base}/taskpane.html${query}`);
  await page.getByTestId("tab-insert").waitFor({ timeout: T });
  page.__errors = errors;
  return page;
}

async function fillInsert(page, { level, kind, year, unit }) {
  await page.getByTestId("level").selectOption(level);
  await page.getByTestId("period-kind").selectOption(kind);
  await page.getByTestId("year").fill(String(year));
  await page.getByTestId("unit").fill(unit);
}

/** Waits until a finding matching the predicate is (or is no longer) listed. */
async function waitFinding(page, sel, present = true) {
  const loc = page.locator(`[data-testid="finding"]${sel}`);
  if (present) await loc.first().waitFor({ state: "visible", timeout: T });
  else await loc.first().waitFor({ state: "detached", timeout: T });
  return loc.first();
}

// ------------------------------------------------------------------ scenarios

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  assert(fs.existsSync(path.join(DIST, "taskpane.html")), `no build in ${DIST}: run npm run test:e2e`);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchBrowser();
  const t0 = Date.now();
  try {
    const page = await openPane(browser, base);
    let snap;
    let bm1;
    let bm3;

    await test("pane opens at 320 px with three tabs, no horizontal scroll", async () => {
      await shot(page, "01-open");
      for (const t of ["tab-insert", "tab-check", "tab-consolidate"])
        assert(await page.getByTestId(t).isVisible(), `${t} visible`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      assert(overflow <= 0, `horizontal overflow of ${overflow}px at ${WIDTH}px`);
      // every control of the insert tab is keyboard reachable and labelled
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll("input,select,button,textarea")]
          .filter((el) => !el.closest("[hidden]"))
          .filter(
            (el) =>
              !(el.labels && el.labels.length) &&
              !el.getAttribute("aria-label") &&
              !el.getAttribute("aria-labelledby") &&
              !el.textContent.trim()
          )
          .map((el) => el.outerHTML.slice(0, 80))
      );
      eq(unlabelled, [], "unlabelled controls");
    });

    await test("unit name is required: nothing is written without it", async () => {
      const before = (await snapshot(page)).sheets.length;
      await page.getByTestId("insert").click();
      await page.getByTestId("insert-result").waitFor({ timeout: T });
      const text = await page.getByTestId("insert-result").innerText();
      assert(/tên đơn vị/i.test(text), `message about the unit name, got "${text}"`);
      eq((await snapshot(page)).sheets.length, before, "sheet count unchanged");
    });

    await test("insert seven forms for Xã, 6 tháng 2023: sheets with formulas, settings remembered, few syncs", async () => {
      await fillInsert(page, { level: "xa", kind: "6T", year: 2023, unit: "UBND xã Tân Phú" });
      const before = await page.evaluate(() => window.__fakeExcel.syncCount);
      await page.getByTestId("insert").click();
      await page.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const after = await page.evaluate(() => window.__fakeExcel.syncCount);
      snap = await snapshot(page);
      await shot(page, "02-inserted");
      const forms = snap.sheets
        .map(metaOf)
        .filter((m) => m && m.kind === "form")
        .map((m) => m.form);
      eq(forms.sort(), [1, 2, 3, 4, 5, 6, 7], "forms present");
      for (const s of snap.sheets.filter((x) => metaOf(x))) {
        const m = metaOf(s);
        eq([m.level, m.period, m.unit], ["xa", "6T-2023", "UBND xã Tân Phú"], `metadata of ${s.name}`);
      }
      bm1 = formSheet(snap, 1);
      bm3 = formSheet(snap, 3);
      const ratio = snap.sheets.flatMap((s) => Object.values(s.cells)).filter((c) => c.f);
      assert(ratio.length > 0, "some formula cells");
      const f2 = bm1.cells[cellOf(bm1, "bm1:2")];
      assert(
        f2 && f2.f && f2.f.includes(cellOf(bm1, "bm1:2.2")) && f2.f.includes(cellOf(bm1, "bm1:2.1")),
        `BM1 2 is a ratio formula over 2.2/2.1: ${JSON.stringify(f2)}`
      );
      const settings = snap.sheets.find((s) => s.name === "_CCHC");
      assert(settings && settings.visibility === "VeryHidden", "settings sheet very hidden");
      const kv = JSON.parse(
        Object.entries(settings.cells).find(
          ([a1, c]) => a1.startsWith("B") && String(settings.cells["A" + a1.slice(1)].v) === "settings"
        )[1].v
      );
      eq([kv.level, kv.period, kv.unit], ["xa", { kind: "6T", year: 2023 }, "UBND xã Tân Phú"], "remembered settings");
      assert(bm3.dataValidations > 0, "data validation applied at ExcelApi 1.14");
      assert(bm3.protected, "form sheet protected");
      const syncs = after - before;
      console.log(`       syncs for listSheets + insert of 7 forms: ${syncs}`);
      assert(syncs <= 8, `syncs ${syncs} for the whole insert (listSheets included) must be ≤ 8`);
    });

    await test("typing seed 004 figures shows part-exceeds-whole for BM3 1.4.3; clicking selects the cell", async () => {
      await page.getByTestId("tab-check").click();
      await page.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      const c14 = cellOf(bm3, "bm3:1.4");
      const c143 = cellOf(bm3, "bm3:1.4.3");
      await fake(page, "type", bm3.name, c14, "139");
      await fake(page, "type", bm3.name, c143, "157");
      await fake(page, "type", bm1.name, cellOf(bm1, "bm1:2.1"), "25");
      await fake(page, "type", bm1.name, cellOf(bm1, "bm1:2.2"), "25");
      const f = await waitFinding(
        page,
        `[data-rule="part-exceeds-whole"][data-sheet="${bm3.name}"][data-cell="${c143}"]`
      );
      await shot(page, "03-findings");
      const text = await f.innerText();
      assert(text.includes("157") && text.includes("139"), `finding shows expected and actual: ${text}`);
      const syncsBefore = await page.evaluate(() => window.__fakeExcel.syncCount);
      await f.locator("button").first().click();
      await page.waitForFunction(
        (a) => window.__fakeExcel.selection && window.__fakeExcel.selection.address === a,
        c143,
        { timeout: T }
      );
      const sel = await page.evaluate(() => window.__fakeExcel.selection);
      eq(sel, { sheet: bm3.name, address: c143 }, "selection");
      assert((await page.evaluate(() => window.__fakeExcel.syncCount)) > syncsBefore, "selection went through Excel");
      // the ratio formula computed 100 from 25/25: no ratio finding on BM1 2
      eq(
        await page
          .locator(`[data-testid="finding"][data-sheet="${bm1.name}"][data-cell="${cellOf(bm1, "bm1:2")}"]`)
          .count(),
        0,
        "no finding on BM1 2"
      );
    });

    await test("live checking does not write to the workbook while the user types", async () => {
      const before = JSON.stringify((await snapshot(page)).sheets);
      await fake(page, "type", bm3.name, cellOf(bm3, "bm3:1.2"), "12");
      await page.waitForTimeout(900);
      const after = (await snapshot(page)).sheets;
      // only the typed cell differs
      const typed = after.find((s) => s.name === bm3.name).cells[cellOf(bm3, "bm3:1.2")];
      eq(typed, { v: 12 }, "typed value");
      const prev = JSON.parse(before);
      prev.find((s) => s.name === bm3.name).cells[cellOf(bm3, "bm3:1.2")] = { v: 12 };
      eq(after, prev, "workbook unchanged apart from typing");
    });

    await test('text "1,5" in a count: text-number finding, "Chuyển thành số" writes the number', async () => {
      const c1 = cellOf(bm1, "bm1:1");
      await fake(page, "type", bm1.name, c1, "1,5");
      const cellBefore = await fake(page, "cell", bm1.name, c1);
      eq([cellBefore.value, cellBefore.type], ["1,5", "String"], "typed as text");
      const f = await waitFinding(page, `[data-rule="text-number"][data-sheet="${bm1.name}"][data-cell="${c1}"]`);
      await shot(page, "04-text-number");
      await f.getByTestId("fix-number").click();
      await waitFinding(page, `[data-rule="text-number"][data-sheet="${bm1.name}"][data-cell="${c1}"]`, false);
      const cell = await fake(page, "cell", bm1.name, c1);
      eq([cell.type, cell.value], ["Double", 1.5], "cell is a number");
    });

    await test('a ratio typed over: "Khôi phục công thức" writes the layout formula back', async () => {
      const c2 = cellOf(bm1, "bm1:2");
      const formula = bm1.cells[c2].f;
      await fake(page, "unprotect", bm1.name);
      await fake(page, "type", bm1.name, c2, "50");
      const f = await waitFinding(page, `[data-sheet="${bm1.name}"][data-cell="${c2}"]`);
      await f.getByTestId("fix-formula").waitFor({ timeout: T });
      await shot(page, "05-formula");
      await f.getByTestId("fix-formula").click();
      await page.waitForFunction(([s, a]) => window.__fakeExcel.cell(s, a).formula !== null, [bm1.name, c2], {
        timeout: T,
      });
      const cell = await fake(page, "cell", bm1.name, c2);
      eq([cell.formula, cell.value], [formula, 100], "formula restored and computed");
      await waitFinding(page, `[data-sheet="${bm1.name}"][data-cell="${c2}"]`, false);
    });

    await test('"Kiểm tra trước khi gửi": not ready with errors, ready and stamped once fixed, change detected', async () => {
      await page.getByTestId("presend").click();
      await page.getByTestId("summary").waitFor({ timeout: T });
      let text = await page.getByTestId("summary").innerText();
      assert(text.includes("Chưa sẵn sàng gửi"), `not ready: ${text}`);
      await shot(page, "06-not-ready");
      // correct the figures: 1.4.3 within 1.4, a whole number of documents
      await fake(page, "type", bm3.name, cellOf(bm3, "bm3:1.4.3"), "139");
      await fake(page, "type", bm1.name, cellOf(bm1, "bm1:1"), "2");
      await page.waitForTimeout(700);
      const remaining = await page
        .locator('[data-testid="finding"]')
        .evaluateAll((els) => els.filter((e) => e.textContent.includes("Lỗi")).map((e) => e.textContent));
      await page.getByTestId("presend").click();
      await page.getByTestId("summary").filter({ hasText: "sẵn sàng gửi" }).waitFor({ timeout: T });
      text = await page.getByTestId("summary").innerText();
      await shot(page, "07-presend");
      assert(
        text.startsWith("Sẵn sàng gửi") || text.includes("\nSẵn sàng gửi") || /^Sẵn sàng gửi/m.test(text),
        `ready: ${text} (remaining errors: ${remaining.join(" | ")})`
      );
      snap = await snapshot(page);
      const settings = snap.sheets.find((s) => s.name === "_CCHC");
      const row = Object.entries(settings.cells).find(([a1, c]) => a1.startsWith("A") && c.v === "stamp");
      assert(row, "stamp written");
      const stamp = JSON.parse(settings.cells["B" + row[0].slice(1)].v);
      assert(
        /^Báo cáo CCHC \d/.test(stamp.by) && stamp.fingerprint && !Number.isNaN(Date.parse(stamp.at)),
        `stamp ${JSON.stringify(stamp)}`
      );
      await page.getByTestId("refresh").click();
      await page.getByTestId("stamp-note").filter({ hasText: "chưa thay đổi" }).waitFor({ timeout: T });
      await fake(page, "type", bm3.name, cellOf(bm3, "bm3:1.2"), "13");
      await page.waitForTimeout(600);
      await page.getByTestId("refresh").click();
      await page.getByTestId("stamp-note").filter({ hasText: "đã thay đổi" }).waitFor({ timeout: T });
      await shot(page, "08-stamp-changed");
    });

    await test("inserting again asks; “Giữ nguyên” keeps every typed figure", async () => {
      await page.getByTestId("tab-insert").click();
      const c = cellOf(bm3, "bm3:1.4");
      await page.getByTestId("insert").click();
      await page.getByTestId("exists-dialog").waitFor({ timeout: T });
      await page.waitForTimeout(300); // let the dialog's entrance animation finish for the screenshot
      await shot(page, "09-exists-dialog");
      const focused = await page.evaluate(
        () => document.activeElement && document.activeElement.getAttribute("data-testid")
      );
      eq(focused, "keep", "Giữ nguyên is the default");
      await page.getByTestId("keep").click();
      await page.getByTestId("insert-result").filter({ hasText: "Giữ nguyên" }).waitFor({ timeout: T });
      const cell = await fake(page, "cell", bm3.name, c);
      if (cell.value !== 139)
        console.log(
          JSON.stringify((await snapshot(page)).sheets.find((x) => x.name === bm3.name).cells).slice(0, 3000)
        );
      eq(cell.value, 139, "typed figure kept");
    });

    await test("an Excel error (cell edit mode) gives a Vietnamese line and changes nothing", async () => {
      const before = JSON.stringify((await snapshot(page)).sheets);
      await fake(page, "failNextSync", "InvalidOperationInCellEditMode");
      await page.getByTestId("insert").click();
      await page.getByTestId("insert-result").filter({ hasText: "chế độ sửa ô" }).waitFor({ timeout: T });
      eq(JSON.stringify((await snapshot(page)).sheets) === before, true, "workbook unchanged");
    });

    // Two commune reports saved as .xlsx (what the communes send), from the workbook typed above.
    await fake(page, "type", bm3.name, cellOf(bm3, "bm3:3.3.1"), "3225");
    await fake(page, "type", bm3.name, cellOf(bm3, "bm3:3.3.2"), "3225");
    const unitFiles = await unitWorkbooks(await snapshot(page), ["UBND xã Tân Phú", "UBND xã Tân Lập"]);
    await test("no page errors in the session", async () => {
      eq(page.__errors, [], "page errors");
    });
    await page.close();

    await test("Đối chiếu với báo cáo Word: pasted text with a slip, the finding with its marked figure selects the cell; a .doc is one line; the draft downloads as a real .docx", async () => {
      const p = await openPane(browser, base);
      // the text engine (mammoth, docx) is not loaded with the pane: only when the report's text is asked for
      const chunks = () =>
        p.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.split("/").pop()).filter((n) => /report-text|mammoth/.test(n)));
      await fillInsert(p, { level: "xa", kind: "N", year: 2023, unit: "UBND xã Chi Lăng Nam" });
      await p.getByTestId("insert").click();
      await p.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const s = await snapshot(p);
      const b1 = formSheet(s, 1);
      const b3 = formSheet(s, 3);
      const b4 = formSheet(s, 4);
      await p.getByTestId("tab-check").click();
      await p.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      // seed 004's figures
      for (const [sh, id, v] of [
        [b1, "bm1:2.1", "25"],
        [b1, "bm1:2.2", "25"],
        [b3, "bm3:3.3.1", "3225"],
        [b3, "bm3:3.3.2", "3225"],
        [b4, "bm4:2.1", "20"],
        [b4, "bm4:2.2", "20"],
      ])
        await fake(p, "type", sh.name, cellOf(sh, id), v);
      await p.waitForTimeout(700);
      eq(await chunks(), [], "text engine not loaded yet");
      await p.getByTestId("crosscheck-section").locator("summary").click();
      // a Word 97–2003 file: one line, nothing else
      await p.getByTestId("report-file").setInputFiles([
        { name: "bao-cao.doc", mimeType: "application/msword", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) },
      ]);
      await p.getByTestId("report-text-note").filter({ hasText: "Word 97–2003" }).waitFor({ timeout: T });
      eq(await p.locator('[data-testid="text-finding"]').count(), 0, "no finding from a .doc");
      assert((await chunks()).length > 0, "text engine loaded on first use");
      const body = [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "Tính đến thời điểm 14/12/2023 đã hoàn thành 25/25 nhiệm vụ mà kế hoạch đã đề ra từ đầu năm (đạt 100%).",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "2. Cải cách thủ tục hành chính",
        "Trong kỳ, Bộ phận Một cửa đã giải quyết 3.218 hồ sơ, trong đó 3.218 hồ sơ đúng hạn.",
        "3. Cải cách tổ chức bộ máy",
        "Tổng số cán bộ, công chức được giao là 20, hiện tại có mặt là 20 người.",
      ].join("\n");
      await p.getByTestId("report-paste").fill(body);
      await p.getByTestId("report-check-pasted").click();
      const c331 = cellOf(b3, "bm3:3.3.1");
      const f = p.locator(`[data-testid="text-finding"][data-rule="text-mismatch"][data-sheet="${b3.name}"][data-cell="${c331}"]`);
      await f.first().waitFor({ timeout: T });
      const text = await f.first().innerText();
      assert(text.includes("3.218") && text.includes("3.225"), `both figures: ${text}`);
      eq(await f.first().locator("mark").innerText(), "3.218", "figure marked in the quote");
      // the on-time row's finding marks the second 3.218 of the sentence, its own
      const ontime = p.locator(`[data-testid="text-finding"][data-cell="${cellOf(b3, "bm3:3.3.2")}"] [data-testid="text-quote"]`);
      const marked = await ontime.evaluate((q) => q.querySelector("mark").previousSibling.textContent);
      assert(marked.endsWith("trong đó "), `second figure marked: "${marked}"`);
      // the agreeing sentences raise nothing: only the two rows of the settled files
      const rows = await p.locator('[data-testid="text-finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-code")).sort());
      eq(rows, ["3.3.1", "3.3.2"], "findings only where the text disagrees");
      await p.getByTestId("text-findings").scrollIntoViewIfNeeded();
      await shot(p, "15-report-text");
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `horizontal overflow of ${overflow}px with the findings`);
      const clipped = await p.locator('[data-testid="text-finding"]').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent.slice(0, 60))
      );
      eq(clipped, [], "no finding cut off");
      await f.first().locator("button").first().click();
      await p.waitForFunction((a) => window.__fakeExcel.selection && window.__fakeExcel.selection.address === a, c331, { timeout: T });
      eq(await p.evaluate(() => window.__fakeExcel.selection), { sheet: b3.name, address: c331 }, "selection");
      // fixing the form re-checks the text already read: the finding goes
      await fake(p, "type", b3.name, c331, "3218");
      await fake(p, "type", b3.name, cellOf(b3, "bm3:3.3.2"), "3218");
      await p.locator('[data-testid="text-finding"]').first().waitFor({ state: "detached", timeout: T });
      await p.getByTestId("report-text-summary").filter({ hasText: "khớp" }).waitFor({ timeout: T });

      // Soạn đoạn văn số liệu
      await p.getByTestId("draft-section").locator("summary").click();
      await p.getByTestId("draft").click();
      const draft = p.getByTestId("draft-text");
      await draft.waitFor({ timeout: T });
      const shown = await draft.innerText();
      assert(shown.includes("3.218") && shown.includes("UBND cấp xã"), `draft from the forms: ${shown.slice(0, 300)}`);
      await p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
      await p.getByTestId("draft-copy").click();
      await p.getByTestId("draft-note").waitFor({ timeout: T });
      const clip = await p.evaluate(() => navigator.clipboard.readText());
      assert(clip.includes("3.218 hồ sơ") && clip.includes("UBND cấp xã"), `copied text: ${clip.slice(0, 200)}`);
      const [dl] = await Promise.all([p.waitForEvent("download", { timeout: T }), p.getByTestId("draft-download").click()]);
      eq(dl.suggestedFilename(), "Đoạn văn số liệu - UBND xã Chi Lăng Nam - Năm 2023.docx", "file name");
      const file = path.join(SHOTS, "..", "draft-download.docx");
      await dl.saveAs(file);
      const mammoth = require("mammoth");
      const back = await mammoth.extractRawText({ path: file });
      assert(back.value.includes("3.218 hồ sơ") && back.value.includes("Cải cách thủ tục hành chính"), `.docx text: ${back.value.slice(0, 300)}`);
      await draft.scrollIntoViewIfNeeded();
      await shot(p, "16-draft");
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test('a hand-made sheet: "Số liệu đã đọc" lists the figures taken, form by form, with their cells', async () => {
      // seed 004's Biểu mẫu 3 as a commune typed it (no add-in metadata), pasted into Sheet1 of a new workbook
      const p = await openPane(browser, base);
      const rows = [
        ["Biểu mẫu 3"],
        ["Cải cách thủ tục hành chính"],
        ["STT", "Chỉ tiêu thống kê (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm)", "Kết quả thống kê", "", "Ghi chú"],
        ["", "", "Đơn vị tính", "Số lượng/ Tỷ lệ", ""],
        ["1.", "Thống kê TTHC", "Thủ tục", "139", ""],
        ["1.1.", "Số TTHC đã được phê duyệt phương án đơn giản hóa", "Thủ tục", "0", ""],
        ["1.2.", "Số TTHC công bố mới", "Thủ tục", "0", ""],
        ["1.3.", "Số TTHC bãi bỏ, thay thế", "Thủ tục", "3", ""],
        ["1.4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", "139", ""],
        ["1.4.3.", "Số TTHC cấp xã (UBND: 139 TTHC; CA: 11 TTHC, QS: 7 TTHC)", "Thủ tục", "157", ""],
      ];
      await fake(p, "paste", "Sheet1", "A1", rows);
      await p.getByTestId("tab-check").click();
      await p.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      await waitFinding(p, '[data-rule="part-exceeds-whole"][data-sheet="Sheet1"][data-cell="D10"]');
      const list = p.getByTestId("figures-read");
      await list.waitFor({ timeout: T });
      eq(await p.locator('[data-testid="figure"]').count(), 0, "closed list is not built");
      await list.locator("summary").click();
      const item = p.locator('[data-testid="figure"][data-sheet="Sheet1"][data-cell="D10"]');
      await item.waitFor({ timeout: T });
      const text = await item.innerText();
      assert(text.includes("157") && text.includes("D10") && text.includes("1.4.3"), `figure with its cell: ${text}`);
      const forms = await p.locator('[data-testid="figures-form"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-form")));
      assert(forms.includes("3"), `grouped by form: ${forms}`);
      const d9 = await p.locator('[data-testid="figure"][data-cell="D9"]').innerText();
      assert(d9.includes("139"), `1.4 read from D9: ${d9}`);
      await shot(p, "07-figures-read");
      await p.close();
    });

    await test("Tổng hợp: two commune files for the district, per-unit status, the Tổng hợp tab written", async () => {
      const p = await openPane(browser, base);
      await fillInsert(p, { level: "huyen", kind: "6T", year: 2023, unit: "UBND huyện Tân Châu" });
      await p.getByTestId("tab-consolidate").click();
      await p.getByTestId("dropzone").waitFor({ timeout: T });
      await p.getByTestId("consolidate").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "ít nhất một tệp" }).waitFor({ timeout: T });
      await p
        .getByTestId("files")
        .setInputFiles([
          ...unitFiles,
          { name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("không phải báo cáo") },
        ]);
      await p.getByTestId("consolidate-result").filter({ hasText: "ghi-chu.txt" }).waitFor({ timeout: T });
      await p
        .getByLabel("Danh sách đơn vị cần nộp", { exact: false })
        .fill("UBND xã Tân Phú\nUBND xã Tân Lập\nUBND xã Tân Hòa");
      const syncsBefore = await p.evaluate(() => window.__fakeExcel.syncCount);
      await p.getByTestId("consolidate").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor({ timeout: T });
      // reading the workbook's sheets, then writing Tổng hợp, the Phụ lục and its chart: a bounded number of syncs
      const consSyncs = (await p.evaluate(() => window.__fakeExcel.syncCount)) - syncsBefore;
      console.log(`       syncs for consolidating 2 files (Tổng hợp + Phụ lục + chart): ${consSyncs}`);
      assert(consSyncs <= 8, `syncs for the consolidation write: ${consSyncs}`);
      await shot(p, "10-consolidate");
      const table = await p.locator("table").innerText();
      assert(table.includes("UBND xã Tân Hòa") && table.includes("Chưa nộp"), `missing unit listed: ${table}`);
      assert(table.includes("UBND xã Tân Lập"), `unit listed: ${table}`);
      const s = await snapshot(p);
      const cons = s.sheets.find((x) => x.name === "Tổng hợp" && (metaOf(x) || {}).kind === "consolidated");
      assert(cons, "Tổng hợp tab written");
      // the per-unit appendix beside it, units in the order of the expected list, the missing one marked
      const app = s.sheets.find((x) => x.name === "Phụ lục" && (metaOf(x) || {}).kind === "consolidated");
      assert(app, "Phụ lục written");
      const unitNames = Object.entries(app.cells)
        .filter(([a1, c]) => /^B\d+$/.test(a1) && Number(a1.slice(1)) >= 7 && typeof c.v === "string")
        .map(([, c]) => c.v);
      assert(unitNames.includes("UBND xã Tân Hòa") && unitNames.includes("Tổng cộng"), `appendix rows: ${unitNames}`);
      // its native bar chart of the units' on-time and online rates, drawn in the same batch as the sheet
      eq((app.charts || []).length, 1, "one chart on the Phụ lục");
      eq(
        app.charts[0].series.map((x) => x.name),
        ["Tỷ lệ đúng hạn (%)", "Tỷ lệ trực tuyến (%)"],
        "the chart's series"
      );
      // the units to watch, in the pane
      const watch = await p.getByTestId("watch-list").innerText();
      assert(watch.includes("UBND xã Tân Hòa") && watch.includes("chưa nộp"), `units to watch: ${watch}`);
      // each commune reported BM3 3.3.1 = 3.3.2 = 3.225 files (seed 004): the district sums 6450 of each, rate 100
      const at = (id) => {
        const row = Object.entries(cons.cells).find(([a1, c]) => /^F\d+$/.test(a1) && c.v === id);
        assert(row, `${id} on the Tổng hợp tab`);
        return cons.cells["D" + row[0].slice(1)];
      };
      eq(
        [at("bm3:3.3.1") && at("bm3:3.3.1").v, at("bm3:3.3.2") && at("bm3:3.3.2").v],
        [6450, 6450],
        "sums of 3.3.1 and 3.3.2"
      );
      const rate = at("bm3:3.3");
      assert(rate && rate.f && rate.v === 100, `3.3 recomputed from the sums: ${JSON.stringify(rate)}`);
      // BM3 1.4 is the district's own figure: not summed
      eq(at("bm3:1.4"), undefined, "own figure left for the district");
      const forms = s.sheets.map(metaOf).filter((m) => m && m.kind === "form");
      eq(forms.length, 0, "the unit's own forms are not written by consolidation");
      // running again asks before replacing the earlier tab (its "Điều chỉnh" column may hold corrections)
      await p.getByTestId("consolidate").click();
      await p.getByTestId("replace-consolidated-dialog").waitFor({ timeout: T });
      await p.getByTestId("keep-consolidated").click();
      await p
        .getByTestId("consolidate-result")
        .filter({ hasText: "Giữ nguyên trang Tổng hợp" })
        .waitFor({ timeout: T });
      eq(JSON.stringify((await snapshot(p)).sheets), JSON.stringify(s.sheets), "kept: nothing written");
      await p.getByTestId("consolidate").click();
      await p.getByTestId("replace-consolidated").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor({ timeout: T });
      eq(
        (await snapshot(p)).sheets
          .filter((x) => (metaOf(x) || {}).kind === "consolidated")
          .map((x) => x.name)
          .sort(),
        ["Phụ lục", "Tình trạng tệp", "Tổng hợp"],
        "one Tổng hợp tab, one Phụ lục and one Tình trạng tệp after replacing"
      );
      // the unit's own forms are not there yet: filling inserts them first, then fills the empty value cells
      await p.getByTestId("fill-own").click();
      await p.getByTestId("fill-result").filter({ hasText: "Đã chèn 7 biểu mẫu" }).waitFor({ timeout: T });
      const filled = await snapshot(p);
      const b3 = formSheet(filled, 3);
      eq(
        [
          (await fake(p, "cell", b3.name, cellOf(b3, "bm3:3.3.1"))).value,
          (await fake(p, "cell", b3.name, cellOf(b3, "bm3:3.3.2"))).value,
        ],
        [6450, 6450],
        "totals in the inserted forms"
      );
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test("Tổng hợp → biểu mẫu của đơn vị: blank cells filled, a typed figure kept and listed, overwritten only after confirmation", async () => {
      const p = await openPane(browser, base);
      await fillInsert(p, { level: "huyen", kind: "6T", year: 2023, unit: "UBND huyện Tân Châu" });
      await p.getByTestId("insert").click();
      await p.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const b3 = formSheet(await snapshot(p), 3);
      const c331 = cellOf(b3, "bm3:3.3.1");
      const c332 = cellOf(b3, "bm3:3.3.2");
      const c33 = cellOf(b3, "bm3:3.3");
      const c14 = cellOf(b3, "bm3:1.4");
      await fake(p, "type", b3.name, c331, "7000");
      await p.getByTestId("tab-consolidate").click();
      await p.getByTestId("files").setInputFiles(unitFiles);
      await p.getByTestId("consolidate").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor({ timeout: T });
      const formulaBefore = (await fake(p, "cell", b3.name, c33)).formula;
      assert(formulaBefore, "ratio 3.3 has a formula");
      const syncs = await p.evaluate(() => window.__fakeExcel.syncCount);
      await p.getByTestId("fill-own").click();
      await p.getByTestId("fill-result").filter({ hasText: "Đã điền" }).waitFor({ timeout: T });
      eq((await fake(p, "cell", b3.name, c332)).value, 6450, "blank cell got the total (2 × 3225)");
      eq((await fake(p, "cell", b3.name, c331)).value, 7000, "typed figure kept");
      eq((await fake(p, "cell", b3.name, c33)).formula, formulaBefore, "ratio formula kept");
      eq((await fake(p, "cell", b3.name, c14)).value, "", "own row left open");
      const conflicts = await p.getByTestId("fill-conflicts").innerText();
      assert(
        /3\.3\.1/.test(conflicts) && conflicts.includes("7000") && conflicts.includes("6450"),
        `typed and total listed: ${conflicts}`
      );
      const result = await p.getByTestId("fill-result").innerText();
      assert(result.includes("Đơn vị tự nhập") && /BM3: [^;]*\b1\.4\b/.test(result), `own rows listed: ${result}`);
      const used = (await p.evaluate(() => window.__fakeExcel.syncCount)) - syncs;
      assert(used <= 8, `syncs for the fill: ${used}`);
      await p.getByTestId("fill-conflicts").scrollIntoViewIfNeeded();
      await shot(p, "15-fill-own-forms");
      // overwriting asks first; "Hủy" writes nothing
      await p.getByTestId("overwrite").click();
      await p.getByTestId("overwrite-dialog").waitFor({ timeout: T });
      await p.getByTestId("overwrite-no").click();
      await p.getByTestId("overwrite-dialog").waitFor({ state: "detached", timeout: T });
      eq((await fake(p, "cell", b3.name, c331)).value, 7000, "cancel keeps the typed figure");
      await p.getByTestId("overwrite").click();
      await p.getByTestId("overwrite-yes").click();
      await p.getByTestId("fill-result").filter({ hasText: "Đã ghi đè 1 ô" }).waitFor({ timeout: T });
      eq((await fake(p, "cell", b3.name, c331)).value, 6450, "overwritten after confirmation");
      await p.getByTestId("fill-conflicts").waitFor({ state: "detached", timeout: T });
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test("So với kỳ trước: the 6-month report picked once, its finding live with the others; another unit's refused; carry forward fills stock cells", async () => {
      const p = await openPane(browser, base);
      await fillInsert(p, { level: "xa", kind: "N", year: 2023, unit: "UBND xã Tân Phú" });
      await p.getByTestId("insert").click();
      await p.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const b3 = formSheet(await snapshot(p), 3);
      // the year's files settled below the 6-month report's 3225 (unitFiles[0]: UBND xã Tân Phú, 6 tháng 2023)
      await fake(p, "type", b3.name, cellOf(b3, "bm3:3.3.1"), "3000");
      await fake(p, "type", b3.name, cellOf(b3, "bm3:3.3.2"), "3000");
      await p.getByTestId("tab-check").click();
      await p.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      await p.getByTestId("earlier-files").setInputFiles(unitFiles);
      const result = await p.getByTestId("earlier-result").innerText();
      assert(/Đã nhớ 1 báo cáo/.test(result), `remembered: ${result}`);
      assert(/UBND xã Tân Lập\.xlsx: đó là báo cáo của UBND xã Tân Lập/.test(result), `other unit refused: ${result}`);
      const f = await waitFinding(p, '[data-rule="previous-decrease"][data-code="3.3.1"]');
      assert((await f.innerText()).includes("UBND xã Tân Phú.xlsx"), "the finding names the earlier file");
      assert((await p.getByTestId("earlier-list").innerText()).includes("6 tháng đầu năm 2023"), "compared listed");
      await p.getByTestId("earlier-list").scrollIntoViewIfNeeded();
      await shot(p, "08-previous-check");
      // live: corrected in the sheet, the finding goes at the next re-read; the other row's stays
      await fake(p, "type", b3.name, cellOf(b3, "bm3:3.3.1"), "4000");
      await waitFinding(p, '[data-rule="previous-decrease"][data-code="3.3.1"]', false);
      await waitFinding(p, '[data-rule="previous-decrease"][data-code="3.3.2"]');
      // remembered in the settings sheet
      const st = (await snapshot(p)).sheets.find((x) => x.name === "_CCHC");
      assert(Object.values(st.cells).some((c) => c.v === "earlier"), "earlier figures remembered in the settings sheet");
      // carry forward, on request: the 6-month report's stock figures (BM3 1.4 = 139, 1.4.3 = 157) into empty cells
      await p.getByTestId("tab-insert").click();
      await p.getByTestId("carry-file").setInputFiles([unitFiles[0]]);
      await p.getByTestId("carry-result").filter({ hasText: "Đã điền sẵn" }).waitFor({ timeout: T });
      const lines = await p.getByTestId("carry-line").allInnerTexts();
      assert(lines.some((l) => l.includes(`${b3.name}!${cellOf(b3, "bm3:1.4")}`) && l.includes("139")), `listed: ${lines}`);
      eq((await fake(p, "cell", b3.name, cellOf(b3, "bm3:1.4"))).value, 139, "stock figure carried");
      eq((await fake(p, "cell", b3.name, cellOf(b3, "bm3:3.3.1"))).value, 4000, "typed flow untouched");
      await shot(p, "09-carry-forward");
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test("Tổng hợp against the previous period: the previous Tổng hợp file and an old → new list add Kỳ trước and Thay đổi", async () => {
      const p = await openPane(browser, base);
      await fillInsert(p, { level: "huyen", kind: "6T", year: 2023, unit: "UBND huyện Tân Châu" });
      await p.getByTestId("tab-consolidate").click();
      await p.getByTestId("files").setInputFiles(unitFiles);
      await p.getByTestId("consolidate").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor({ timeout: T });
      // that Tổng hợp tab as last period's file (its metadata set to quý I): both communes' figures are there
      const snap1 = await snapshot(p);
      const tab = JSON.parse(JSON.stringify(snap1.sheets.find((x) => x.name === "Tổng hợp")));
      tab.cells.F1.v = tab.cells.F1.v.replace('"period":"6T-2023"', '"period":"Q1-2023"');
      const [prev] = await unitWorkbooks({ sheets: [tab] }, ["UBND huyện Tân Châu"]);
      await p.getByTestId("previous-file").setInputFiles([{ ...prev, name: "tong-hop-quy-1.xlsx" }]);
      await p.getByTestId("units-map").fill("một dòng hỏng");
      await p.getByTestId("consolidate").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "không đọc được" }).waitFor({ timeout: T });
      await p.getByTestId("units-map").fill("UBND xã Tân Lập → UBND xã Tân Phú");
      await p.getByTestId("consolidate").click();
      await p.getByTestId("replace-consolidated").click();
      await p.getByTestId("consolidate-result").filter({ hasText: "Đã tổng hợp 2 đơn vị" }).waitFor({ timeout: T });
      const shown = await p.getByTestId("previous-result").innerText();
      assert(/Đã so sánh với Tổng hợp Quý I năm 2023/.test(shown), `compared: ${shown}`);
      assert(/UBND xã Tân Phú: số kỳ trước cộng từ/.test(shown), `merged units: ${shown}`);
      const cons = (await snapshot(p)).sheets.find((x) => x.name === "Tổng hợp");
      eq(String(cons.cells.I4.v), "Kỳ trước (Quý I năm 2023)", "the previous column");
      const row = Object.entries(cons.cells).find(([a1, c]) => /^F\d+$/.test(a1) && c.v === "bm3:3.3.1")[0].slice(1);
      eq(cons.cells["I" + row].v, 6450, "previous figure of 3.3.1");
      assert(cons.cells["J" + row].f, `the change is a formula: ${JSON.stringify(cons.cells["J" + row])}`);
      await p.screenshot({ path: path.join(SHOTS, "16-consolidate-previous.png"), fullPage: true });
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test("Excel with ExcelApi 1.7 only: insert still works, newer features reported as skipped", async () => {
      const old = await openPane(browser, base, "?api=1.7");
      await fillInsert(old, { level: "tinh", kind: "Q1", year: 2023, unit: "UBND tỉnh Lạng Sơn" });
      const before = await old.evaluate(() => window.__fakeExcel.syncCount);
      await old.getByTestId("insert").click();
      await old.getByTestId("insert-result").filter({ hasText: "Đã chèn" }).waitFor({ timeout: T });
      const after = await old.evaluate(() => window.__fakeExcel.syncCount);
      const s = await snapshot(old);
      await shot(old, "11-api-1.7");
      eq(s.apiVersion, "1.7", "capped");
      const forms = s.sheets.map(metaOf).filter((m) => m && m.kind === "form");
      eq(forms.length, 7, "seven forms");
      assert(
        s.sheets.every((x) => x.dataValidations === 0),
        "no data validation at 1.7"
      );
      const text = await old.getByTestId("insert-result").innerText();
      assert(/1\.8/.test(text) && /1\.9/.test(text), `skipped features explained: ${text}`);
      assert(after - before <= 10, `syncs ${after - before}`);
      // live checking works through per-sheet events
      await old.getByTestId("tab-check").click();
      await old.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      const b3 = formSheet(s, 3);
      await old.waitForTimeout(1100); // the adapter ignores events for 1 s after its own writes when triggerSource is unavailable
      await fake(old, "type", b3.name, cellOf(b3, "bm3:1.4"), "10");
      await fake(old, "type", b3.name, cellOf(b3, "bm3:1.4.1"), "20");
      await old.locator('[data-testid="finding"]').filter({ hasText: "1.4" }).first().waitFor({ timeout: T });
      eq(old.__errors, [], "page errors");
      await old.close();
    });

    await test("reopening the pane: settings pre-filled from the workbook, stamp compared with the figures", async () => {
      const p = await openPane(browser, base, "?persist=1");
      await fillInsert(p, { level: "xa", kind: "Q3", year: 2024, unit: "UBND xã Hòa Bình" });
      await p.getByTestId("form-all").click(); // none
      await p.getByTestId("form-3").click();
      await p.getByTestId("insert").click();
      await p.getByTestId("insert-result").filter({ hasText: "Đã chèn 1 trang" }).waitFor({ timeout: T });
      const b3 = formSheet(await snapshot(p), 3);
      await p.getByTestId("tab-check").click();
      await p.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      await fake(p, "type", b3.name, cellOf(b3, "bm3:1.4"), "139");
      await fake(p, "type", b3.name, cellOf(b3, "bm3:1.4.3"), "139");
      await p.waitForTimeout(700);
      await p.getByTestId("presend").click();
      await p
        .getByTestId("summary")
        .filter({ hasText: /^Sẵn sàng gửi/ })
        .waitFor({ timeout: T });

      await p.reload();
      await p.getByTestId("settings-loaded").waitFor({ timeout: T });
      eq(
        [
          await p.getByTestId("level").inputValue(),
          await p.getByTestId("period-kind").inputValue(),
          await p.getByTestId("year").inputValue(),
          await p.getByTestId("unit").inputValue(),
        ],
        ["xa", "Q3", "2024", "UBND xã Hòa Bình"],
        "pre-filled"
      );
      await shot(p, "12-reopened");
      await p.getByTestId("tab-check").click();
      await p.getByTestId("stamp-note").filter({ hasText: "chưa thay đổi" }).waitFor({ timeout: T });

      await fake(p, "type", b3.name, cellOf(b3, "bm3:1.2"), "5");
      await p.reload();
      await p.getByTestId("tab-check").click();
      await p.getByTestId("stamp-note").filter({ hasText: "đã thay đổi" }).waitFor({ timeout: T });
      await shot(p, "13-reopened-changed");
      eq(p.__errors, [], "page errors");
      await p.close();
    });

    await test("keyboard only: Tab reaches every insert control, arrows and Enter switch tabs", async () => {
      const p = await openPane(browser, base);
      await p.getByTestId("tab-insert").focus();
      const seen = [];
      for (let i = 0; i < 40 && !seen.includes("insert"); i++) {
        await p.keyboard.press("Tab");
        seen.push(
          await p.evaluate(() => (document.activeElement && document.activeElement.getAttribute("data-testid")) || "")
        );
      }
      for (const id of ["level", "period-kind", "year", "unit", "version", "form-all", "form-1", "form-7", "insert"])
        assert(seen.includes(id), `${id} reached by Tab (${seen.join(",")})`);
      await p.getByTestId("tab-insert").focus();
      await p.keyboard.press("ArrowRight");
      await p.keyboard.press("Enter");
      await p.locator('[data-testid="check"][data-state="ready"]').waitFor({ timeout: T });
      eq(await p.getByTestId("tab-check").getAttribute("aria-selected"), "true", "check tab selected");
      await p.close();
    });

    await test("boot.js parses as ES5, and an Internet Explorer web view is sent to the simplified pane, not a blank one", async () => {
      const acorn = require("acorn");
      acorn.parse(fs.readFileSync(path.join(DIST, "boot.js"), "utf8"), { ecmaVersion: 5 });
      const p = await browser.newPage({ viewport: { width: WIDTH, height: 400 } });
      await p.addInitScript(() =>
        Object.defineProperty(navigator, "userAgent", {
          value: "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko",
        })
      );
      // The simplified pane is built and tested by test/e2e/run-legacy.js; here it is enough that boot.js goes there.
      await p.route("**/taskpane-legacy.html*", (r) =>
        r.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>legacy pane</p>" })
      );
      await p.goto(`${base}/taskpane.html?view=check`);
      await p.waitForURL(/taskpane-legacy\.html\?view=check$/, { timeout: T });
      await p.getByText("legacy pane").waitFor({ timeout: T });
      await shot(p, "14-old-webview");
      await p.close();
    });

    await test("opened outside Excel (no Office): a Vietnamese message, not a blank pane", async () => {
      const p = await browser.newPage({ viewport: { width: WIDTH, height: 400 } });
      await p.route("**/fake-office.js", (r) => r.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
      await p.goto(`${base}/taskpane.html`);
      await p.getByText("Không tìm thấy Excel", { exact: false }).waitFor({ timeout: T });
      await p.close();
    });
  } finally {
    await browser.close();
    server.close();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  const passed = results.filter((r) => r.ok).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
});

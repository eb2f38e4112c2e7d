/**
 * Browser test of the page that works on files outside Excel (issue 13): the BUILT single file
 * (test-artifacts/page-dist/bao-cao-cchc.html, `webpack --config webpack.page.js --env e2e`; or dist/ with --dist)
 * opened from file:// in Debian's headless Chromium (never downloaded) at 1366×768, with every network request
 * refused and counted (the test ends by asserting none was made), and each job done as a person would: fill the
 * form and click, set files on the file input, click the findings and the fixes, download.
 * The downloads are real .xlsx files read back by `cchc validate` in-process (lib/, built by
 * `npx tsc -p tsconfig.cli.json`, as npm ci's prepare script does), and their figures are checked.
 *
 * Screenshots of each job: test-artifacts/screenshots/page-*.png. With --guide, the guide's pictures
 * (src/taskpane/page/guide/*.jpg) are taken again from the same screens.
 * Prints `e2e page: N passed, M failed` and exits non-zero on failure.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const ExcelJS = require("exceljs");
const { CHROMIUM, results, test, assert } = require("./harness");

const ROOT = path.resolve(__dirname, "../..");
const DIST = process.argv.includes("--dist") ? path.join(ROOT, "dist") : path.join(ROOT, "test-artifacts/page-dist");
const FILE = path.join(DIST, "bao-cao-cchc.html");
const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const WORK = path.join(ROOT, "test-artifacts/page-files");
const GUIDE = path.join(ROOT, "src/taskpane/page/guide");
const T = 20000;

globalThis.__APP_VERSION__ = require("../../package.json").version;
const LIB = path.join(ROOT, "lib/cli/main.js");

/** `cchc …` in-process (the compiled CLI), its output captured. */
async function cchc(...argv) {
  const { run } = require(LIB);
  const out = [];
  const err = [];
  const code = await run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
async function validateJson(file) {
  const r = await cchc("validate", file, "--json");
  assert(r.code === 0 || r.code === 1, `cchc validate ${path.basename(file)} exit ${r.code}: ${r.out} ${r.err}`);
  return JSON.parse(r.out);
}
const valueOf = (j, form, code) => {
  const v = j.values.find((x) => x.form === form && x.code === code);
  assert(v, `no BM${form} ${code} in ${j.file}`);
  return v;
};

/** A unit's forms as `cchc new` makes them, with figures typed into cells (ExcelJS, as a person in Excel would). */
async function unitFile(name, { level = "xa", unit, forms, cells, picture }) {
  const file = path.join(WORK, name);
  const argv = ["new", "-o", file, "--level", level, "--period", "6T-2025", "--unit", unit];
  if (forms) argv.push("--forms", forms);
  const r = await cchc(...argv);
  assert(r.code === 0, `cchc new: ${r.err}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [sheet, a1, v] of cells) wb.getWorksheet(sheet).getCell(a1).value = v;
  if (picture) {
    const notes = wb.addWorksheet("Ghi chú của tôi");
    notes.getCell("A1").value = "Gửi huyện trước ngày 20";
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    notes.addImage(wb.addImage({ buffer: png, extension: "png" }), "C3:D6");
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `page-${name}.png`) });
  const picture = name.replace(/^\d+-/, "");
  if (process.argv.includes("--guide") && ["create", "check", "consolidate"].includes(picture))
    await page.screenshot({ path: path.join(GUIDE, `${picture}.jpg`), type: "jpeg", quality: 55 });
}

/** Controls a keyboard or screen-reader user could not name. */
async function unlabelled(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input,select,button,textarea")]
      .filter((el) => !el.closest("[hidden]") && el.type !== "file")
      .filter(
        (el) =>
          !(el.labels && el.labels.length) &&
          !el.getAttribute("aria-label") &&
          !el.getAttribute("aria-labelledby") &&
          !el.textContent.trim()
      )
      .map((el) => el.outerHTML.slice(0, 100))
  );
}

async function noOverflow(page) {
  const o = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(o <= 0, `horizontal overflow of ${o}px at 1366px`);
}

async function downloadOf(page, click, dir) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: T }), click()]);
  const to = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(to);
  return { name: dl.suggestedFilename(), file: to };
}

async function main() {
  assert(fs.existsSync(FILE), `no build at ${FILE}: run npm run test:e2e:page`);
  assert(fs.existsSync(LIB), "no lib/: run npx tsc -p tsconfig.cli.json");
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const downloads = path.join(WORK, "downloads");
  fs.mkdirSync(downloads);

  const html = fs.readFileSync(FILE, "utf8");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // belt and braces: no name resolves, no proxy is reachable; the count below is what the test asserts
    args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const requests = [];
  const local = (u) => /^(file|data|blob|about):/.test(u);
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (local(u)) return route.continue();
    requests.push(u);
    return route.abort("blockedbyclient");
  });
  context.on("request", (r) => {
    if (!local(r.url()) && !requests.includes(r.url())) requests.push(r.url());
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const t0 = Date.now();

  try {
    await test("one self-contained file: everything inlined, CSP refuses every connection", async () => {
      assert(!/<script[^>]*\bsrc=/i.test(html), "a script is loaded from a file");
      const outside = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
      assert(!/<link[^>]*rel=["']?stylesheet/i.test(outside), "a stylesheet is loaded from a file");
      const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
      assert(csp && csp[1].includes("connect-src 'none'"), `CSP without connect-src 'none': ${csp && csp[1]}`);
      assert(/script-src 'sha256-/.test(csp[1]) && !/script-src[^;]*unsafe/.test(csp[1]), `scripts not pinned by hash: ${csp[1]}`);
      const chunks = fs.readdirSync(DIST).filter((f) => /\.js$/.test(f));
      assert(chunks.length === 0, `script files beside the page: ${chunks.join(", ")}`);
    });

    await test("the request counter sees a request (control: a page of this context asking the network)", async () => {
      const probe = await context.newPage();
      await probe.goto("http://probe.invalid/").catch(() => undefined);
      await probe.close();
      assert(requests.includes("http://probe.invalid/"), `the counter missed the probe: ${JSON.stringify(requests)}`);
      requests.length = 0;
    });

    await page.goto("file://" + FILE);
    await page.getByTestId("job-create").waitFor({ timeout: T });

    await test("opens from file:// and says that files never leave the computer", async () => {
      const note = await page.getByTestId("offline-note").innerText();
      assert(/không rời khỏi máy tính/.test(note), `offline note: ${note}`);
      for (const j of ["create", "check", "consolidate", "guide"]) assert(await page.getByTestId(`job-${j}`).isVisible(), `${j} tab`);
    });

    const create = page.getByTestId("panel-create");
    await test("Tạo biểu mẫu: level, period, unit, forms → the workbook cchc new makes, downloaded", async () => {
      await create.getByTestId("level").selectOption("xa");
      await create.getByTestId("period-kind").selectOption("6T");
      await create.getByTestId("year").fill("2025");
      await create.getByTestId("unit").fill("UBND xã Tân Phú");
      await create.getByTestId("version").selectOption("v2023-dvctt");
      for (const n of [2, 4, 5]) await create.getByTestId(`form-${n}`).uncheck();
      await noOverflow(page);
      const bad = await unlabelled(page);
      assert(bad.length === 0, `unlabelled controls: ${bad.join(" | ")}`);
      await shot(page, "1-create");
      const d = await downloadOf(page, () => create.getByTestId("insert").click(), downloads);
      assert(d.name === "bao-cao-cchc-xa-tan-phu-6T-2025.xlsx", `file name ${d.name}`);
      await create.getByTestId("insert-result").waitFor({ timeout: T });
      const msg = await create.getByTestId("insert-result").innerText();
      assert(msg.includes(d.name), `result names the file: ${msg}`);
      const j = await validateJson(d.file);
      assert(j.level === "xa" && j.unit === "UBND xã Tân Phú" && j.version === "v2023-dvctt", `read back ${j.level} ${j.unit} ${j.version}`);
      assert(JSON.stringify(j.period).includes("2025"), `period ${JSON.stringify(j.period)}`);
      const forms = [...new Set(j.values.map((v) => v.form))];
      assert(JSON.stringify(forms) === "[1,3,6,7]", `forms ${forms}`);
      // the same rows as cchc new writes for the same choice
      const cli = path.join(WORK, "cli-new.xlsx");
      await cchc("new", "-o", cli, "--level", "xa", "--period", "6T-2025", "--unit", "UBND xã Tân Phú", "--version", "v2023-dvctt", "--forms", "1,3,6,7");
      const k = await validateJson(cli);
      assert(
        JSON.stringify(j.values.map((v) => [v.indicator, v.cell])) === JSON.stringify(k.values.map((v) => [v.indicator, v.cell])),
        "the rows differ from cchc new's"
      );
    });

    await test("Tạo biểu mẫu pre-filled from the previous report, on request: stock rows carried, flows left blank, the lines listed", async () => {
      const prev = path.join(WORK, "tan-phu-quy-1.xlsx");
      const r = await cchc("new", "-o", prev, "--level", "xa", "--period", "Q1-2025", "--unit", "UBND xã Tân Phú", "--version", "v2023-dvctt", "--forms", "3");
      assert(r.code === 0, r.err);
      const blank = await validateJson(prev);
      const stock = valueOf(blank, 3, "1.4").cell; // procedures in force: a stock
      const flow = valueOf(blank, 3, "3.3.1").cell; // files settled in the period: a flow
      const wbPrev = new ExcelJS.Workbook();
      await wbPrev.xlsx.readFile(prev);
      wbPrev.getWorksheet("Biểu mẫu 3").getCell(stock).value = 139;
      wbPrev.getWorksheet("Biểu mẫu 3").getCell(flow).value = 500;
      await wbPrev.xlsx.writeFile(prev);
      const carry = page.getByTestId("create-carry");
      await carry.getByTestId("create-carry-file").setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
      assert(/không phải tệp Excel/.test(await carry.getByTestId("create-carry-note").innerText()), "a text file is refused");
      await carry.getByTestId("create-carry-file").setInputFiles(prev);
      assert((await carry.getByTestId("create-carry-chosen").innerText()).includes("tan-phu-quy-1.xlsx"), "the chosen file is shown");
      const d = await downloadOf(page, () => create.getByTestId("insert").click(), downloads);
      const msg = await create.getByTestId("insert-result").innerText();
      assert(/Đã điền sẵn 1 ô/.test(msg) && msg.includes("139") && msg.includes(d.name), `result lists what was carried: ${msg}`);
      const j = await validateJson(d.file);
      const carried = valueOf(j, 3, "1.4");
      assert(carried.value === 139 && carried.cell === stock, `stock carried: ${JSON.stringify(carried)}`);
      assert(valueOf(j, 3, "3.3.1").state === "missing", `flow not carried: ${JSON.stringify(valueOf(j, 3, "3.3.1"))}`);
      await carry.getByTestId("create-carry-clear").click();
      assert((await carry.getByTestId("create-carry-chosen").count()) === 0, "the choice is cleared");
    });

    await test("the last level, unit and period are remembered in this browser only", async () => {
      const stored = await page.evaluate(() => localStorage.getItem("bao-cao-cchc:last"));
      const s = JSON.parse(stored);
      assert(s.level === "xa" && s.unit === "UBND xã Tân Phú" && s.period.kind === "6T" && s.period.year === 2025, stored);
      assert(Object.keys(s).sort().join() === "level,period,unit", `stored more than level, unit, period: ${stored}`);
    });

    // a commune's file: 3.3 typed over its formula (84 %), 3.3.1 typed as text, a sheet of the user's with a picture
    const checkFile = await unitFile("xa-an-binh.xlsx", {
      unit: "UBND xã An Bình",
      forms: "3",
      picture: true,
      cells: [
        ["Biểu mẫu 3", "D19", 84],
        ["Biểu mẫu 3", "D20", "1.946"],
        ["Biểu mẫu 3", "D21", 1900],
      ],
    });
    const check = page.getByTestId("panel-check");
    await test("Kiểm tra tệp: findings by form, the cell of each shown, fixes applied to the copy", async () => {
      await page.getByTestId("job-check").click();
      await check.getByTestId("check-file").setInputFiles(checkFile);
      await check.locator('[data-testid="finding"][data-cell="D20"]').first().waitFor({ timeout: T });
      assert((await check.getByTestId("check-opened").innerText()).includes("xa-an-binh.xlsx"), "file name shown");
      const headings = await check.locator("[data-testid=findings] h2").allInnerTexts();
      assert(headings.length === 1 && /Biểu mẫu 3/.test(headings[0]), `grouped by form: ${headings}`);
      // the ratio typed over its formula: click it, the page shows the cell and its neighbours
      const ratio = check.locator('[data-testid="finding"][data-cell="D19"]').first();
      await ratio.locator("button").first().click();
      const view = check.getByTestId("cell-view");
      await view.getByTestId("cell-at").waitFor({ timeout: T });
      assert((await view.getAttribute("data-cell")) === "Biểu mẫu 3!D19", `cell shown: ${await view.getAttribute("data-cell")}`);
      assert(/84/.test(await view.getByTestId("cell-value").innerText()), "the typed 84 is shown");
      assert((await view.locator("td[data-selected]").innerText()).includes("84"), "the cell is outlined in its rows");
      assert(/3\.3\.1|Tổng số hồ sơ/.test(await view.innerText()), "its neighbouring rows are shown");
      await shot(page, "2-check");
      // one-click fixes: the figure typed as text becomes a number, the ratio gets its formula back
      await check.locator('[data-testid="finding"][data-cell="D20"] [data-testid="fix-number"]').click();
      await check.locator('[data-testid="finding"][data-cell="D20"][data-rule="text-number"], [data-testid="finding"][data-cell="D20"] [data-testid="fix-number"]').first().waitFor({ state: "detached", timeout: T });
      await check.locator('[data-testid="finding"][data-cell="D19"] [data-testid="fix-formula"]').click();
      await check.locator('[data-testid="finding"][data-cell="D19"] [data-testid="fix-formula"]').waitFor({ state: "detached", timeout: T });
      assert(/1\.946|1946/.test(await view.innerText()), "the fixed figure shows in the cell view");
      const bad = await unlabelled(page);
      assert(bad.length === 0, `unlabelled controls: ${bad.join(" | ")}`);
      await noOverflow(page);
    });

    await test("Kiểm tra trước khi gửi stamps the copy; Lưu tệp warns of the picture, then downloads a new file", async () => {
      // the ratio's restored formula is shown in the cell view, inside its box
      const out = await check.getByTestId("cell-view").evaluate((box) => {
        const f = box.querySelector('[data-testid="cell-formula"]');
        return f ? f.getBoundingClientRect().right - box.getBoundingClientRect().right : "no formula shown";
      });
      assert(typeof out === "number" && out <= 0, `the formula runs out of the cell view by ${out}`);
      await check.getByTestId("presend").click();
      await check.getByTestId("summary").waitFor({ timeout: T });
      const summary = await check.getByTestId("summary").innerText();
      assert(/Sẵn sàng gửi/.test(summary) && /ghi dấu kiểm tra/.test(summary), `stamped: ${summary}`);
      await check.getByTestId("save").click();
      await page.getByTestId("lost-dialog").waitFor({ timeout: T });
      assert(/hình ảnh/.test(await page.getByTestId("lost-dialog").innerText()), "the dialog names the pictures");
      await page.getByTestId("lost-no").click();
      await page.getByTestId("lost-dialog").waitFor({ state: "detached", timeout: T });
      await check.getByTestId("save").click();
      const d = await downloadOf(page, () => page.getByTestId("lost-yes").click(), downloads);
      assert(d.name === "xa-an-binh-da-kiem-tra.xlsx", `file name ${d.name}`);
      const j = await validateJson(d.file);
      const fixed = valueOf(j, 3, "3.3.1");
      assert(fixed.state === "value" && fixed.value === 1946 && typeof fixed.raw === "number", `fixed figure ${JSON.stringify(fixed)}`);
      const ratio = valueOf(j, 3, "3.3");
      assert(ratio.value !== 84 && Math.abs(ratio.value - (1900 / 1946) * 100) < 0.01, `ratio ${JSON.stringify(ratio)}`);
      assert(j.stamp && /unchanged|valid|ok/i.test(JSON.stringify(j.stamp)), `stamp read back: ${JSON.stringify(j.stamp)}`);
      assert(!j.findings.some((f) => f.severity === "error"), "no error left");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(d.file);
      assert(wb.getWorksheet("Ghi chú của tôi").getCell("A1").value === "Gửi huyện trước ngày 20", "the user's sheet is kept");
      // the original file is untouched
      const orig = await validateJson(checkFile);
      assert(valueOf(orig, 3, "3.3.1").raw === "1.946", "the original file was changed");
    });

    await test("Đối chiếu báo cáo: the Word report (.docx) against the checked copy, under the page's CSP; a click shows the cell", async () => {
      const { Document, Packer, Paragraph } = require("docx");
      const lines = [
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "2. Cải cách thủ tục hành chính",
        "Trong kỳ, Bộ phận Một cửa đã giải quyết 1.950 hồ sơ, trong đó 1.900 hồ sơ đúng hạn.",
      ];
      const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] });
      const docx = path.join(WORK, "bao-cao-an-binh.docx");
      fs.writeFileSync(docx, await Packer.toBuffer(doc));
      await check.getByTestId("crosscheck-section").locator("summary").click();
      await check.getByTestId("report-file").setInputFiles(docx);
      const f = check.locator('[data-testid="text-finding"][data-rule="text-mismatch"][data-cell="D20"]');
      await f.first().waitFor({ timeout: T });
      const text = await f.first().innerText();
      assert(text.includes("1.950") && text.includes("1.946"), `both figures: ${text}`);
      const codes = await check.locator('[data-testid="text-finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
      assert(codes.length === 1 && codes[0] === "3.3.1", `only the settled files disagree: ${codes}`);
      await f.first().locator("button").first().click();
      const view = check.getByTestId("cell-view");
      await page.waitForFunction(() => {
        const v = document.querySelector('[data-testid="cell-view"]');
        return v && v.getAttribute("data-cell") === "Biểu mẫu 3!D20";
      }, null, { timeout: T });
      assert(/1\.946|1946/.test(await view.getByTestId("cell-value").innerText()), "the form's figure is shown");
      await shot(page, "2b-report-text");
      await check.getByTestId("crosscheck-section").locator("summary").click();
    });

    await test("Kiểm tra tệp by drag and drop; a file that is not an .xlsx, or not a workbook, is refused with its reason", async () => {
      await check.getByTestId("check-other").click(); // saved: no question asked
      const dropped = (name, bytes) =>
        page.evaluateHandle(
          ({ name, b64 }) => {
            const bin = atob(b64);
            const u = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
            const dt = new DataTransfer();
            dt.items.add(new File([u], name));
            return dt;
          },
          { name, b64: Buffer.from(bytes).toString("base64") }
        );
      const result = check.getByTestId("check-file-result");
      await check.getByTestId("check-drop").dispatchEvent("drop", { dataTransfer: await dropped("bao-cao.docx", "PK") });
      assert(/không phải tệp Excel \.xlsx/.test(await result.innerText()), `docx: ${await result.innerText()}`);
      await check.getByTestId("check-drop").dispatchEvent("drop", { dataTransfer: await dropped("hong.xlsx", "not a zip at all") });
      await result.filter({ hasText: "Không mở được tệp" }).waitFor({ timeout: T });
      assert(await check.getByTestId("check-drop").isVisible(), "a refused file opens nothing");
      await check.getByTestId("check-drop").dispatchEvent("drop", { dataTransfer: await dropped("keo-tha.xlsx", fs.readFileSync(checkFile)) });
      await check.locator('[data-testid="finding"][data-cell="D20"]').first().waitFor({ timeout: T });
      assert((await check.getByTestId("check-opened").innerText()).includes("keo-tha.xlsx"), "the dropped file is opened");
    });

    await test("a fixed copy not yet saved: Mở tệp khác and closing the tab ask first; nothing asked once it is saved", async () => {
      const unloadAsks = () =>
        page.evaluate(() => {
          const e = new Event("beforeunload", { cancelable: true });
          window.dispatchEvent(e);
          return e.defaultPrevented;
        });
      assert(!(await unloadAsks()), "nothing changed yet: closing the tab asks nothing");
      await check.locator('[data-testid="finding"][data-cell="D20"] [data-testid="fix-number"]').click();
      await check.locator('[data-testid="finding"][data-cell="D20"] [data-testid="fix-number"]').waitFor({ state: "detached", timeout: T });
      assert(await unloadAsks(), "a fix not downloaded: closing the tab asks first");
      await check.getByTestId("check-other").click();
      const dialog = page.getByTestId("unsaved-dialog");
      await dialog.waitFor({ timeout: T });
      assert(/keo-tha\.xlsx/.test(await dialog.innerText()), "the dialog names the file");
      await page.getByTestId("unsaved-stay").click();
      await dialog.waitFor({ state: "detached", timeout: T });
      assert((await check.getByTestId("check-opened").innerText()).includes("keo-tha.xlsx"), "staying keeps the copy");
      await downloadOf(page, () => check.getByTestId("save").click().then(() => page.getByTestId("lost-yes").click()), downloads);
      assert(!(await unloadAsks()), "saved: closing the tab asks nothing");
      await check.locator('[data-testid="finding"][data-cell="D19"] [data-testid="fix-formula"]').click();
      await check.locator('[data-testid="finding"][data-cell="D19"] [data-testid="fix-formula"]').waitFor({ state: "detached", timeout: T });
      await check.getByTestId("check-other").click();
      await page.getByTestId("unsaved-leave").click();
      await check.getByTestId("check-drop").waitFor({ timeout: T });
      assert(!(await unloadAsks()), "the copy given up: closing the tab asks nothing");
    });

    const a = await unitFile("xa-an-binh-6T.xlsx", {
      unit: "UBND xã An Bình",
      cells: [
        ["Biểu mẫu 3", "D20", 100],
        ["Biểu mẫu 3", "D21", 90],
      ],
    });
    const b = await unitFile("xa-tan-phu-6T.xlsx", {
      unit: "UBND xã Tân Phú",
      cells: [
        ["Biểu mẫu 3", "D20", 50],
        ["Biểu mẫu 3", "D21", 45],
      ],
    });
    const cons = page.getByTestId("panel-consolidate");
    await test("Tổng hợp: units' files, expected list, the consolidating unit → status table → the consolidated workbook", async () => {
      await page.getByTestId("job-consolidate").click();
      const fields = cons.getByTestId("consolidate-settings");
      // remembered from the first job
      assert((await fields.getByTestId("unit").inputValue()) === "UBND xã Tân Phú", "remembered unit");
      await fields.getByTestId("level").selectOption("huyen");
      await fields.getByTestId("period-kind").selectOption("6T");
      await fields.getByTestId("year").fill("2025");
      await fields.getByTestId("unit").fill("UBND huyện Tân Châu");
      await fields.getByTestId("version").selectOption("v2022-muc-do");
      await cons.getByTestId("files").setInputFiles([a, b]);
      await cons.getByRole("textbox", { name: /Danh sách đơn vị/ }).fill("UBND xã An Bình\nUBND xã Tân Phú\nUBND xã Phú Lộc");
      await cons.getByTestId("consolidate").click();
      await cons.getByTestId("consolidate-result").waitFor({ timeout: T });
      const dl = cons.getByTestId("download-consolidated");
      await page.waitForFunction(() => {
        const b = document.querySelector('[data-testid="download-consolidated"]');
        return b && !b.disabled;
      }, null, { timeout: T });
      const table = await cons.locator("table").innerText();
      assert(/UBND xã Phú Lộc[\s\S]*Chưa nộp/.test(table), `the missing unit in the status table: ${table}`);
      assert(/UBND xã An Bình/.test(table) && /UBND xã Tân Phú/.test(table), "both units listed");
      await noOverflow(page);
      const bad = await unlabelled(page);
      assert(bad.length === 0, `unlabelled controls: ${bad.join(" | ")}`);
      await cons.locator("table").scrollIntoViewIfNeeded();
      await shot(page, "3-consolidate");
      const d = await downloadOf(page, () => dl.click(), downloads).catch(async (e) => {
        const said = await cons.getByTestId("consolidate-saved").innerText().catch(() => "(nothing said)");
        throw new Error(`${e.message}; the page said: ${said}`);
      });
      assert(d.name === "tong-hop-cchc-huyen-tan-chau-6T-2025.xlsx", `file name ${d.name}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(d.file);
      const names = wb.worksheets.map((w) => w.name);
      for (const want of [/^Tổng hợp/, /^Phụ lục/, /^Tình trạng tệp/, /^Biểu mẫu 3/])
        assert(names.some((n) => want.test(n)), `no sheet ${want} in ${names.join(", ")}`);
      // the unit's own forms filled from the totals: the units' sums
      const j = await validateJson(d.file);
      assert(j.level === "huyen" && j.unit === "UBND huyện Tân Châu", `own forms of ${j.level} ${j.unit}`);
      assert(valueOf(j, 3, "3.3.1").value === 100 + 50, `BM3 3.3.1 = ${valueOf(j, 3, "3.3.1").value}`);
      assert(valueOf(j, 3, "3.3.2").value === 90 + 45, `BM3 3.3.2 = ${valueOf(j, 3, "3.3.2").value}`);
      assert(Math.abs(valueOf(j, 3, "3.3").value - 90) < 0.01, `BM3 3.3 = ${valueOf(j, 3, "3.3").value}`);
    });

    await test("Hướng dẫn sử dụng: the three jobs and the findings, with pictures", async () => {
      await page.getByTestId("job-guide").click();
      const g = page.getByTestId("guide");
      await g.waitFor({ timeout: T });
      const text = await g.innerText();
      for (const w of ["Tạo biểu mẫu", "Kiểm tra tệp", "Tổng hợp", "Tổng không khớp", "phần bổ trợ"])
        assert(text.includes(w), `guide without “${w}”`);
      const imgs = await g.locator("img").evaluateAll((xs) => xs.map((x) => [x.getAttribute("src").slice(0, 22), x.alt]));
      assert(imgs.length === 3 && imgs.every(([src, alt]) => src.startsWith("data:image/jpeg") && alt), `pictures ${JSON.stringify(imgs)}`);
      await shot(page, "4-guide");
    });

    await test("huong-dan.html, the add-in's SupportUrl, stands alone and links to the page", async () => {
      const p = await context.newPage();
      await p.goto("file://" + path.join(DIST, "huong-dan.html"));
      await p.getByTestId("guide").waitFor({ timeout: T });
      assert((await p.getByTestId("guide-page-link").getAttribute("href")) === "bao-cao-cchc.html", "link to the page");
      await p.close();
    });

    await test("no network request at all, no script error", async () => {
      assert(requests.length === 0, `${requests.length} network requests: ${requests.slice(0, 5).join(", ")}`);
      assert(errors.length === 0, `errors on the page: ${errors.slice(0, 3).join(" | ")}`);
    });
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`e2e page: ${results.length - failed} passed, ${failed} failed (${Date.now() - t0} ms)`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

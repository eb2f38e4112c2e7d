/*
 * Validation benchmark: how long `cchc validate` takes on one full provincial report (Biểu mẫu 1–7, every
 * row filled), split into its phases, median over N runs, with ExcelJS loading the same file for comparison.
 *
 * RUN:   npx tsc -p tsconfig.cli.json && node bench/validate.js [--runs 50]
 *        (npm run prepare does the same compile; CCHC_LIB=<dir> points at another outDir)
 *
 * Phases per run: read (readWorkbookBytes, what the CLI uses: unzip the needed parts with Node's zlib + scan
 * the XML; the browser path with fflate is timed too), place (readReport),
 * check (validate), and the total; then ExcelJS workbook.xlsx.load of the same bytes. Nothing here is part
 * of the product.
 */
"use strict";
const path = require("path");
const { performance } = require("perf_hooks");

// as bin/cchc.js: the version the engine stamps (src/engine/conventions.ts: APP_VERSION)
globalThis.__APP_VERSION__ = require("../package.json").version;
const LIB = process.env.CCHC_LIB ? path.resolve(process.env.CCHC_LIB) : path.join(__dirname, "..", "lib");

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A full provincial report: every entry cell of the seven forms gets a figure (20 for counts, 50 for percents). */
async function makeReport() {
  const { buildFormsWorkbook, FIRST_DATA_ROW } = require(path.join(LIB, "spec/layout"));
  const { formRows } = require(path.join(LIB, "catalog/index"));
  const { writeWorkbook } = require(path.join(LIB, "xlsx/write"));
  const version = "v2022-muc-do";
  const spec = buildFormsWorkbook([], { level: "tinh", version, period: { kind: "6T", year: 2023 }, unit: "UBND tỉnh Bình Dương" });
  let filled = 0;
  spec.sheets.forEach((sh, k) => {
    formRows(k + 1, "tinh", version).forEach((ind, j) => {
      const row = sh.cells[FIRST_DATA_ROW - 1 + j];
      if (ind.kind === "section" || (row[3] && row[3].t === "f")) return;
      const v = ind.kind === "percent" ? 50 : ind.kind === "enum" ? ind.enum[0].code : 20;
      row[3] = { t: "n", v };
      filled++;
    });
  });
  return { buf: new Uint8Array(await writeWorkbook(spec)), filled };
}

async function main() {
  const runs = Number(arg("--runs", "50"));
  const { readWorkbookFile } = require(path.join(LIB, "xlsx/read"));
  const { readWorkbookBytes } = require(path.join(LIB, "xlsx/node"));
  const { readReport } = require(path.join(LIB, "engine/reader"));
  const { validate } = require(path.join(LIB, "engine/validate"));
  const ExcelJS = require("exceljs");

  const { buf, filled } = await makeReport();
  const t = { read: [], place: [], check: [], total: [], exceljs: [], fflate: [] };
  let findings = 0;
  let entries = 0;
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const r = readWorkbookBytes(buf, "bao-cao.xlsx");
    const t1 = performance.now();
    if (!r.ok) throw new Error(r.reason);
    const rep = readReport(r.sheets, { settings: r.settings });
    const t2 = performance.now();
    const f = validate(rep);
    const t3 = performance.now();
    if (i < 3) continue; // warm-up
    findings = f.length;
    entries = rep.entries.size;
    t.read.push(t1 - t0);
    t.place.push(t2 - t1);
    t.check.push(t3 - t2);
    t.total.push(t3 - t0);
  }
  // the browser path (fflate) and ExcelJS each in their own loop, so one's garbage is not collected in the other's timings
  for (let i = 0; i < runs + 3; i++) {
    const tf = performance.now();
    readWorkbookFile(buf, "bao-cao.xlsx");
    if (i >= 3) t.fflate.push(performance.now() - tf);
  }
  for (let i = 0; i < runs + 3; i++) {
    const t3 = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(buf));
    const t4 = performance.now();
    if (i >= 3) t.exceljs.push(t4 - t3);
  }
  const ms = (x) => `${median(x).toFixed(2)} ms`;
  console.log(`Full provincial report: ${(buf.length / 1024).toFixed(1)} KB, 7 forms, ${filled} figures entered, ${entries} rows read, ${findings} findings`);
  console.log(`median of ${runs} runs (after 3 warm-up runs):`);
  console.log(`  read  (readWorkbookBytes) ${ms(t.read)}   [browser path, fflate: ${ms(t.fflate)}]`);
  console.log(`  place (readReport)        ${ms(t.place)}`);
  console.log(`  check (validate)          ${ms(t.check)}`);
  console.log(`  total per report          ${ms(t.total)}`);
  console.log(`  ExcelJS load, same file   ${ms(t.exceljs)}  (read is ${(median(t.exceljs) / median(t.read)).toFixed(1)}x faster)`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

/*
 * Report-text cross-check benchmark: the largest seed report (002, UBND tỉnh Bình Phước, 134 body paragraphs)
 * as a Word file with its Biểu mẫu 1–7 as appendix tables, cross-checked against its forms, median over N runs.
 *
 * RUN:   npx tsc -p tsconfig.cli.json && node bench/crosscheck.js [--runs 30]
 *        (the seed's .docx and workbook are built by the test fixtures, loaded through typescript's transpiler)
 *
 * Phases per run: read (readDocx: mammoth on the bytes → paragraphs and tables), check (crossCheckBlocks:
 * split body/appendix, read the appendix with readReport, find, tie and check the figures), and the total;
 * plus the check against the hand-made workbook of the same figures (forms already read). The process's CPU
 * time per report is printed too: on a shared, loaded machine it is the figure that does not count waiting.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const ts = require("typescript");
// what webpack's DefinePlugin and bin/cchc.js provide (src/engine/conventions.ts: APP_VERSION)
globalThis.__APP_VERSION__ = require("../package.json").version;

const LIB = process.env.CCHC_LIB ? path.resolve(process.env.CCHC_LIB) : path.join(__dirname, "..", "lib");

// load the test fixtures (TypeScript) without a build step
require.extensions[".ts"] = (m, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true },
  });
  m._compile(out.outputText, filename);
};

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const runs = Number(arg("--runs", "30"));
  const { readDocx, crossCheckBlocks } = require(path.join(LIB, "text/index"));
  const { readReport } = require(path.join(LIB, "engine/reader"));
  const { readWorkbookBytes } = require(path.join(LIB, "xlsx/node"));
  const docs = require("../test/text/seed-docs.ts");
  const { makeSeedWorkbook } = require("../test/fixtures/seeds/workbooks.ts");

  const docx = new Uint8Array(await docs.blocksToDocx([...docs.seedBodyBlocks("002"), ...docs.seedAppendixBlocks("002")]));
  const wb = readWorkbookBytes(new Uint8Array(await makeSeedWorkbook("002", "one-sheet")));
  const forms = readReport(wb.sheets, { settings: wb.settings });

  const t = { read: [], check: [], total: [], withXlsx: [], cpu: [] };
  let last;
  for (let i = 0; i < runs + 3; i++) {
    const u0 = process.cpuUsage();
    const a = performance.now();
    const doc = await readDocx(docx);
    const b = performance.now();
    const r = crossCheckBlocks(doc.blocks);
    const c = performance.now();
    const u1 = process.cpuUsage(u0);
    const r2 = crossCheckBlocks(doc.blocks, forms);
    const d = performance.now();
    if (i < 3) continue; // warm-up
    t.read.push(b - a);
    t.check.push(c - b);
    t.total.push(c - a);
    t.withXlsx.push(d - c);
    t.cpu.push((u1.user + u1.system) / 1000);
    last = { r, r2 };
  }
  const ms = (x) => `${median(x).toFixed(2)} ms`;
  console.log(`Cross-checking seed 002 (${(docx.length / 1024).toFixed(1)} KB .docx, ${last.r.paragraphs} body paragraphs, ${last.r.figures.length} figures, ${last.r.ties.length} tied, ${last.r.findings.length} findings); median of ${runs} runs:`);
  console.log(`  read the .docx (mammoth)                 ${ms(t.read)}`);
  console.log(`  cross-check against its appendix tables  ${ms(t.check)}`);
  console.log(`  total per report                         ${ms(t.total)}`);
  console.log(`  CPU time per report (read + check)       ${ms(t.cpu)}  (wall time above counts other processes' load)`);
  console.log(`  cross-check against the workbook's forms ${ms(t.withXlsx)} (${last.r2.findings.length} findings)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

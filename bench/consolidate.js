/*
 * Consolidation benchmark.
 *
 * RUN:   npx tsc -p tsconfig.cli.json && node bench/consolidate.js [--sets addin,handmade] [--sizes 200,1000]
 *        [--handmade-sizes 200] [--dir D] [--keep] [--generate-only]
 *
 * Two sets of commune files, written with ExcelJS into a temp dir: "addin" (the add-in's layout, varied
 * figures; sizes --sizes) and "handmade" (bench/handmade.js: letterhead, title, header rows, STT, labels
 * with small wording variations between communes, four templates one of which in the 2023 wording; sizes
 * --handmade-sizes). Then in
 * the same run measures, each phase in its own child process (so peak memory is that phase's alone,
 * read from process.resourceUsage().maxRSS, plus process.memoryUsage().rss sampled every 20 ms):
 *   (a) consolidate: read every file one at a time (direct zip parts), place, validate, consolidate, build
 *       the Tổng hợp tab and the filled forms (no output write);
 *   (b) exceljs:     merely load the same files with ExcelJS (workbook.xlsx.load), one at a time;
 *   (c) unzip:       bare fflate.unzipSync of each file;
 *   (d) consolidate+write: (a) plus writing the output workbook with ExcelJS (for information).
 * Targets: consolidation of 200 add-in files ≤ 1.5× the ExcelJS load (aim < 1×), of 200 hand-made files ≤ 1.0×,
 * linear growth, peak RSS < 500 MB for 1,000. --repeat R runs every phase R times, interleaved, and reports medians.
 * Requires the compiled lib/ (tsconfig.cli.json), or CCHC_LIB=<dir> for another outDir; nothing here is part of the product.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

// as bin/cchc.js: the version the engine stamps (src/engine/conventions.ts: APP_VERSION)
globalThis.__APP_VERSION__ = require("../package.json").version;
const LIB = process.env.CCHC_LIB ? path.resolve(process.env.CCHC_LIB) : path.join(__dirname, "..", "lib");

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

// ------------------------------------------------------------------ generation

async function generate(dir, n) {
  const { buildFormsWorkbook } = require(path.join(LIB, "spec/layout"));
  const { fillForms } = require(path.join(LIB, "spec/consolidate-layout"));
  const { writeWorkbook } = require(path.join(LIB, "xlsx/write"));
  const { formRows, isValueRow } = require(path.join(LIB, "catalog/index"));
  const period = { kind: "6T", year: 2024 };
  const rows = [];
  for (let f = 1; f <= 7; f++) for (const i of formRows(f, "xa", "v2022-muc-do")) if (isValueRow(i) && !i.ratio) rows.push(i);
  // mulberry32: reproducible, and no short cycle that would make files identical
  let seed = 12345;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  fs.mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) {
    const file = path.join(dir, `xa-${String(k).padStart(4, "0")}.xlsx`);
    if (fs.existsSync(file)) continue;
    const values = new Map();
    for (const i of rows) {
      const r = rnd();
      if (r < 0.05) continue; // blank
      if (i.kind === "enum") values.set(i.id, Math.floor(rnd() * i.enum.length));
      else if (i.kind === "percent") values.set(i.id, Math.round(rnd() * 10000) / 100);
      else if (i.kind === "money") values.set(i.id, Math.round(rnd() * 1e6) / 10);
      else if (i.kind === "text") values.set(i.id, "Ghi chú " + k);
      else values.set(i.id, Math.floor(rnd() * 5000));
    }
    const wb = buildFormsWorkbook([], { level: "xa", version: "v2022-muc-do", period, unit: `UBND xã Số ${k + 1}` });
    fillForms(wb, values);
    fs.writeFileSync(file, await writeWorkbook(wb));
  }
  return fs
    .readdirSync(dir)
    .filter((f) => /^xa-\d+\.xlsx$/.test(f))
    .sort()
    .slice(0, n)
    .map((f) => path.join(dir, f));
}

// ------------------------------------------------------------------ phases (child process)

async function phase(name, listFile) {
  const files = fs.readFileSync(listFile, "utf8").split("\n").filter(Boolean);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  let check = 0;
  if (name === "consolidate" || name === "consolidate+write") {
    const { readUnitFile } = require(path.join(LIB, "xlsx/consolidate-files"));
    const { consolidate } = require(path.join(LIB, "engine/consolidate"));
    const { buildConsolidatedWorkbook } = require(path.join(LIB, "spec/consolidate-layout"));
    const inputs = [];
    for (const f of files) {
      inputs.push(readUnitFile(f, new Uint8Array(fs.readFileSync(f))));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const c = consolidate(inputs, { level: "huyen", version: "v2022-muc-do", period: { kind: "6T", year: 2024 }, unit: "UBND huyện Bench" });
    const wb = buildConsolidatedWorkbook(c);
    check = c.counted.length;
    if (name === "consolidate+write") {
      const { writeWorkbook } = require(path.join(LIB, "xlsx/write"));
      const buf = await writeWorkbook(wb);
      const outFile = path.join(os.tmpdir(), `cchc-bench-out-${process.pid}.xlsx`);
      fs.writeFileSync(outFile, buf);
      fs.rmSync(outFile, { force: true });
      check = buf.length;
    }
    if (c.counted.length !== files.length) {
      const bad = c.units.filter((u) => !u.counted).slice(0, 5);
      // a unit's notes are data (worded by i18n); an older lib (CCHC_LIB) has them as text already
      const say = (m) => (m === undefined || typeof m === "string" ? m : require(path.join(LIB, "i18n/consolidate")).unitMessage(m));
      throw new Error(`only ${c.counted.length}/${files.length} counted: ${JSON.stringify(bad.map((u) => [u.file, u.status, say(u.messages[0])]))}`);
    }
  } else if (name === "exceljs") {
    const ExcelJS = require("exceljs");
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(f));
      check += wb.worksheets.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  } else if (name === "unzip") {
    const { unzipSync } = require("fflate");
    for (const f of files) {
      const z = unzipSync(new Uint8Array(fs.readFileSync(f)));
      check += Object.keys(z).length;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const maxRSS = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ name, n: files.length, ms, maxRSS, sampledPeak: peak, check }) + "\n");
}

function runPhase(name, files, tmp) {
  const list = path.join(tmp, `list-${name}-${files.length}.txt`);
  fs.writeFileSync(list, files.join("\n"));
  const out = execFileSync(process.execPath, [__filename, "--phase", name, "--list", list], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop());
}

// ------------------------------------------------------------------ main

async function main() {
  if (process.argv.includes("--phase")) return phase(arg("--phase"), arg("--list"));
  const sets = arg("--sets", "addin,handmade").split(",");
  const sizesOf = {
    addin: arg("--sizes", "200,1000").split(",").map(Number),
    handmade: arg("--handmade-sizes", "200").split(",").map(Number),
  };
  const base = arg("--dir", path.join(os.tmpdir(), "cchc-bench-consolidate"));
  const MB = (b) => (b / 1048576).toFixed(0);
  for (const set of sets) {
    const sizes = sizesOf[set];
    if (!sizes) throw new Error(`unknown set ${set}`);
    const dir = path.join(base, set);
    const maxN = Math.max(...sizes);
    const g0 = Date.now();
    const all = set === "handmade" ? await require("./handmade").generateHandmade(dir, maxN, LIB) : await generate(dir, maxN);
    const genMs = Date.now() - g0;
    const bytes = all.reduce((a, f) => a + fs.statSync(f).size, 0);
    console.log("");
    console.log(`[${set}] files: ${all.length} in ${dir} (${(bytes / all.length / 1024).toFixed(1)} KB each; generated in ${(genMs / 1000).toFixed(1)} s)`);
    if (process.argv.includes("--generate-only")) continue;
    // each phase --repeat times, interleaved (the machine's load moves the same way for all phases);
    // the median of each phase is reported, and the median of the per-round ratios
    const repeat = Math.max(1, Number(arg("--repeat", set === "handmade" ? "3" : "1")));
    const results = [];
    const ratios = new Map();
    for (const n of sizes) {
      const files = all.slice(0, n);
      const runs = new Map();
      for (let k = 0; k < repeat; k++)
        for (const name of ["consolidate", "exceljs", "unzip", "consolidate+write"]) {
          const r = runPhase(name, files, dir);
          if (!runs.has(name)) runs.set(name, []);
          runs.get(name).push(r);
        }
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      for (const [name, rs] of runs) {
        const m = median(rs.map((r) => r.ms));
        results.push({ ...rs.find((r) => r.ms === m), maxRSS: Math.max(...rs.map((r) => r.maxRSS)), runs: rs.length });
      }
      ratios.set(n, median(runs.get("consolidate").map((r, k) => r.ms / runs.get("exceljs")[k].ms)));
    }
    if (repeat > 1) console.log(`(median of ${repeat} interleaved rounds)`);
    console.log("");
    console.log("| files | phase             | time (ms) | ms/file | peak RSS (MB, maxRSS) | peak RSS (MB, sampled) |");
    console.log("|------:|-------------------|----------:|--------:|----------------------:|-----------------------:|");
    for (const r of results) {
      console.log(
        `| ${String(r.n).padStart(5)} | ${r.name.padEnd(17)} | ${r.ms.toFixed(0).padStart(9)} | ${(r.ms / r.n).toFixed(2).padStart(7)} | ${MB(r.maxRSS).padStart(21)} | ${MB(r.sampledPeak).padStart(22)} |`
      );
    }
    console.log("");
    for (const n of sizes) {
      const c = results.find((r) => r.n === n && r.name === "consolidate");
      const e = results.find((r) => r.n === n && r.name === "exceljs");
      console.log(
        `[${set}] n=${n}: consolidation / ExcelJS load = ${(c.ms / e.ms).toFixed(2)}× (median of the rounds' ratios ${ratios.get(n).toFixed(2)}×); consolidation peak RSS ${MB(c.maxRSS)} MB`
      );
    }
    if (sizes.length >= 2) {
      const [a, b] = [Math.min(...sizes), Math.max(...sizes)];
      const ca = results.find((r) => r.n === a && r.name === "consolidate");
      const cb = results.find((r) => r.n === b && r.name === "consolidate");
      console.log(`[${set}] growth ${a}→${b} files (×${b / a}): time ×${(cb.ms / ca.ms).toFixed(2)}, per file ${(ca.ms / a).toFixed(2)} → ${(cb.ms / b).toFixed(2)} ms`);
    }
  }
  if (!process.argv.includes("--keep")) fs.rmSync(base, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});

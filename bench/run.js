/*
 * All benchmarks in one run: compiles src to lib/ (tsconfig.cli.json), then runs
 *   bench/validate.js     — one full provincial report, median per report over 50 runs;
 *   bench/consolidate.js  — 200 and 1,000 add-in-made and 200 hand-made commune files vs. ExcelJS load and bare unzip;
 *   bench/crosscheck.js   — the largest seed report (002) as .docx cross-checked against its forms, median of 30.
 * RUN: npm run bench     (figures are printed; the README quotes them)
 */
"use strict";
const { execFileSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"]);
run(process.execPath, [path.join(__dirname, "validate.js"), "--runs", "50"]);
run(process.execPath, [path.join(__dirname, "consolidate.js"), ...process.argv.slice(2)]);
run(process.execPath, [path.join(__dirname, "crosscheck.js"), "--runs", "30"]);

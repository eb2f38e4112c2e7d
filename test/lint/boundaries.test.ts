/**
 * The import rule of the README's architecture table (eslint.boundaries.mjs), proven to bite: deliberately wrong
 * imports, written as files of each folder, are refused by the repository's ESLint configuration; the imports the
 * table allows pass. The folders src/app (being built) and any new folder are covered before they have files.
 */
import { spawnSync } from "child_process";
import * as path from "path";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
type Message = { ruleId: string | null; message: string };

/** [file it is written in, source]: each must be refused by no-restricted-imports. */
const WRONG: [string, string][] = [
  // the engine is host-free and knows no use case, adapter or shell
  ["src/engine/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/engine/x.ts", `import type { ExcelHost } from "../excel/host";`],
  ["src/engine/x.ts", `import { writeWorkbook } from "../xlsx/write";`],
  ["src/engine/x.ts", `import { insertForms } from "../app/insert";`],
  ["src/engine/x.ts", `import { parseSettings } from "../taskpane/logic";`],
  ["src/engine/x.ts", `import ExcelJS from "exceljs";`],
  ["src/engine/x.ts", `import fs from "fs";`],
  ["src/engine/x.ts", `import pkg from "../../package.json";`],
  ["src/engine/x.ts", `import { createExcelHost } from "./sub/../../excel/host";`],
  ["src/engine/x.ts", `export { createExcelHost } from "../excel/host";`],
  // the catalog is data: nothing above it
  ["src/catalog/x.ts", `import type { Report } from "../engine/types";`],
  ["src/catalog/x.ts", `import { vi } from "../i18n/vi";`],
  // the engine words nothing: its findings are data, worded by i18n at the edge
  ["src/engine/x.ts", `import { vi } from "../i18n/vi";`],
  ["src/engine/sub/x.ts", `import { findingMessage } from "../../i18n/findings";`],
  ["src/engine/x.ts", `import type { FindingWords } from "../i18n/findings";`],
  // i18n imports nothing, not even types: it declares the shapes it words
  ["src/i18n/x.ts", `import { readReport } from "../engine/reader";`],
  ["src/i18n/x.ts", `import type { PeriodKind } from "../engine/types";`],
  ["src/i18n/x.ts", `import type { Aggregate } from "../catalog/schema";`],
  ["src/i18n/x.ts", `import { catalog } from "../catalog";`],
  ["src/i18n/x.ts", `import { createExcelHost } from "../excel/host";`],
  // the engine never reaches the sheet layouts that word its figures (engine ← spec)
  ["src/engine/x.ts", `import { CONS_COL } from "../spec/consolidate-layout";`],
  ["src/engine/x.ts", `import type { SheetSpec } from "../spec/layout";`],
  // spec: the layouts over engine, catalog and i18n; no host, use case or shell, no package
  ["src/spec/x.ts", `import { insertForms } from "../app/insert";`],
  ["src/spec/x.ts", `import { writeWorkbook } from "../xlsx/write";`],
  ["src/spec/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/spec/x.ts", `import { groupFindings } from "../taskpane/logic";`],
  ["src/spec/x.ts", `import ExcelJS from "exceljs";`],
  // the adapters write a WorkbookSpec (engine); they do not build the layouts
  ["src/excel/x.ts", `import { buildFormsWorkbook } from "../spec/layout";`],
  ["src/xlsx/x.ts", `import { buildConsolidatedWorkbook } from "../spec/consolidate-layout";`],
  ["src/i18n/x.ts", `import { buildFormsWorkbook } from "../spec/layout";`],
  ["src/catalog/x.ts", `import { buildFormsWorkbook } from "../spec/layout";`],
  // app: use cases over the host interface, never a concrete adapter or a shell
  ["src/app/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/app/x.ts", `import { readXlsx } from "../xlsx/read";`],
  ["src/app/x.ts", `import { parseSettings } from "../taskpane/logic";`],
  ["src/app/sub/x.ts", `import { main } from "../../cli/main";`],
  ["src/app/x.ts", `import React from "react";`],
  ["src/app/x.ts", `import mammoth from "mammoth";`],
  // the report's text is host-free: no use case, no adapter, no shell; the engine does not reach it
  ["src/text/x.ts", `import { crossCheckReportText } from "../app/report-text";`],
  ["src/text/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/text/x.ts", `import React from "react";`],
  ["src/engine/x.ts", `import { readDocx } from "../text";`],
  // the pane reaches the text through app's use case (loaded lazily there), never directly
  ["src/taskpane/components/x.tsx", `import { readDocx } from "../../text";`],
  ["src/taskpane/components/x.tsx", `import mammoth from "mammoth";`],
  // adapters: engine (and app's types), not the catalog, not each other, not a shell
  ["src/excel/x.ts", `import { insertForms } from "../app/insert";`],
  ["src/excel/x.ts", `import { writeWorkbook } from "../xlsx/write";`],
  ["src/excel/x.ts", `import { catalog } from "../catalog";`],
  ["src/excel/x.ts", `import { parseSettings } from "../taskpane/logic";`],
  ["src/xlsx/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/xlsx/x.ts", `import { main } from "../cli/main";`],
  ["src/xlsx/x.ts", `import React from "react";`],
  // nothing imports a shell, shells included
  ["src/taskpane/x.ts", `import { mountLegacyApp } from "./legacy/app";`],
  ["src/taskpane/components/x.tsx", `import { mountLegacyApp } from "../legacy/app";`],
  ["src/taskpane/components/x.tsx", `import { main } from "../../cli/main";`],
  ["src/taskpane/legacy/x.ts", `import { parseSettings } from "../logic";`],
  ["src/taskpane/legacy/x.ts", `import { parseSettings } from "../../taskpane/logic";`],
  ["src/taskpane/legacy/x.ts", `import { App } from "../components/App";`],
  ["src/taskpane/legacy/x.ts", `import React from "react";`],
  ["src/taskpane/legacy/es5/x.ts", `import { parseSettings } from "../../logic";`],
  ["src/commands/x.ts", `import { parseSettings } from "../taskpane/logic";`],
  ["src/commands/x.ts", `import { writeWorkbook } from "../xlsx/write";`],
  ["src/cli/x.ts", `import { createExcelHost } from "../excel/host";`],
  ["src/cli/x.ts", `export { parseSettings } from "../taskpane/logic";`],
];

/** [file, source]: allowed by the table, must pass. */
const RIGHT: [string, string][] = [
  ["src/catalog/x.ts", `import { z } from "zod";\nimport { catalog } from "./index";`],
  [
    "src/engine/x.ts",
    `import type { Report } from "./types";\nimport { catalog } from "../catalog";\nimport type { Level } from "../catalog/schema";`,
  ],
  ["src/i18n/x.ts", `import { pane } from "./pane";\nimport { periodText } from "./engine";`],
  [
    "src/spec/x.ts",
    `import { COL } from "../engine/conventions";\nimport { formInfo } from "../catalog";\nimport { layoutVi } from "../i18n/layout";\nimport { buildFormsWorkbook } from "./layout";`,
  ],
  [
    "src/app/x.ts",
    `import { readReport } from "../engine/reader";\nimport { catalog } from "../catalog";\nimport { pane } from "../i18n/pane";\nimport { y } from "./sub/y";\nimport type { TextFinding } from "../text";\nexport { readDocx } from "../text/docx";\nimport { buildFormsWorkbook } from "../spec/layout";`,
  ],
  [
    "src/text/x.ts",
    `import mammoth from "mammoth";\nimport { Document } from "docx";\nimport { readReport } from "../engine/reader";\nimport { catalog } from "../catalog";\nimport { textVi } from "../i18n/text";`,
  ],
  [
    "src/excel/x.ts",
    `import type { ExcelHost } from "../app/host";\nimport { SETTINGS_KEYS } from "../engine/conventions";\nimport { excelVi } from "../i18n/excel";`,
  ],
  [
    "src/xlsx/x.ts",
    `import type { ExcelHost } from "../app/host";\nimport ExcelJS from "exceljs";\nimport { unzipSync } from "fflate";\nimport fs from "fs";\nimport zlib from "node:zlib";\nimport { readReport } from "../engine/reader";`,
  ],
  [
    "src/taskpane/components/x.tsx",
    `import { Button } from "@fluentui/react-components";\nimport React from "react";\nimport { createRoot } from "react-dom/client";\nimport { createExcelHost } from "../../excel/host";\nimport { insertForms } from "../../app/insert";\nimport { parseSettings } from "../logic";\nimport { catalog } from "../../catalog";`,
  ],
  [
    "src/taskpane/x.ts",
    `import { consolidateFiles } from "../xlsx/consolidate-files";\nimport { App } from "./components/App";`,
  ],
  [
    "src/taskpane/legacy/x.ts",
    `import "core-js/es/map";\nimport { createExcelHost } from "../../excel/host";\nimport { el } from "./dom";\nimport { n } from "./es5/numbers";\nimport { insertForms } from "../../app/insert";\nimport { groupFindings } from "../../app/findings";`,
  ],
  [
    "src/taskpane/legacy/es5/x.ts",
    `import type { Report } from "../../../engine/types";\nimport { el } from "../dom";\nimport { n } from "./numbers";`,
  ],
  [
    "src/commands/x.ts",
    `import { createExcelHost } from "../excel/host";\nimport { insertForms } from "../app/insert";`,
  ],
  [
    "src/cli/x.ts",
    `import { readFileSync } from "fs";\nimport path from "node:path";\nimport { readXlsx } from "../xlsx/node";\nimport { insertForms } from "../app/insert";\nimport { buildConsolidatedWorkbook } from "../spec/consolidate-layout";`,
  ],
];

let results: Message[][];
let unmapped: string[];

beforeAll(() => {
  const cases = [...WRONG, ...RIGHT].map(([filePath, code]) => ({ filePath, code: code + "\n" }));
  const r = spawnSync(process.execPath, [path.join(__dirname, "lint-cases.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`lint-cases.mjs failed (${r.status}): ${r.stderr}`);
  ({ results, unmapped } = JSON.parse(r.stdout));
});

const restricted = (ms: Message[]) => ms.filter((m) => m.ruleId === "no-restricted-imports");

test.each(WRONG.map(([f, code], i) => [i, f, code] as const))("refused: #%i %s: %s", (i) => {
  const ms = results[i];
  expect(ms.filter((m) => m.ruleId === null)).toEqual([]); // the snippet parsed
  expect(restricted(ms)).toHaveLength(1);
});

test.each(RIGHT.map(([f, code], i) => [WRONG.length + i, f, code] as const))("allowed: #%i %s", (i) => {
  const ms = results[i];
  expect(ms.filter((m) => m.ruleId === null)).toEqual([]);
  expect(restricted(ms)).toEqual([]);
});

test("the message names the folders and the rule", () => {
  const [m] = restricted(results[0]);
  expect(m.message).toContain("src/engine may not import src/excel");
  expect(m.message).toContain("shells → app → engine → catalog");
  const typeOnly = restricted(results[WRONG.findIndex(([f, c]) => f === "src/excel/x.ts" && c.includes("app/insert"))]);
  expect(typeOnly[0].message).toContain("except with `import type`");
});

test("every folder under src/ belongs to a layer of the table (a new folder must be placed in it)", () => {
  expect(unmapped).toEqual([]);
});

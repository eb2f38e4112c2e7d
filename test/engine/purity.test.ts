import fs from "fs";
import path from "path";
import fc from "fast-check";
import ts from "typescript";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { fingerprint } from "../../src/engine/fingerprint";
import type { GridValue } from "../../src/engine/types";
import { seedGrids } from "./seed-grids";

const ENGINE = path.join(__dirname, "../../src/engine");
const SRC = path.join(__dirname, "../../src");
const MINE = fs
  .readdirSync(ENGINE)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""));
/**
 * Where the engine may reach: itself and the catalog. Not src/i18n (it says what it found as data, worded at the
 * edge), not src/spec (the layouts that word its figures), no npm package, no Node module, no adapter, use case or
 * shell.
 */
const ALLOWED = new Set(["engine", "catalog"]);

/** Every module a source file names: import/export … from, import(), require() (TypeScript's own scanner). */
function importsOf(src: string): string[] {
  return ts.preProcessFile(src, true, true).importedFiles.map((f) => f.fileName);
}

/** The src/ folder an import of a file in src/engine lands in, or why it lands nowhere allowed. */
function folderOf(spec: string): string {
  if (!spec.startsWith(".")) return `package "${spec}"`;
  const rel = path.relative(SRC, path.resolve(ENGINE, spec));
  if (rel.startsWith("..") || path.isAbsolute(rel)) return `outside src/: ${spec}`;
  return rel.split(path.sep)[0];
}

/** Identifiers and keywords of the code (TypeScript's scanner: comments and string contents are not tokens). */
function identifiersOf(src: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, src);
  const out: string[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    const word = t === ts.SyntaxKind.Identifier || (t >= ts.SyntaxKind.FirstKeyword && t <= ts.SyntaxKind.LastKeyword);
    if (word) out.push(scanner.getTokenText());
  }
  return out;
}
const FORBIDDEN = new Set(["Excel", "Office", "OfficeExtension", "eval", "Function", "require"]);

describe("engine stays host-independent", () => {
  test("the check sees every kind of import and where it lands", () => {
    const sample = `import a from "../excel/host";\nexport * from "./types";\nconst b = require("fs");\nimport("../taskpane/logic");`;
    expect(importsOf(sample).map(folderOf)).toEqual(["excel", "engine", 'package "fs"', "taskpane"]);
    expect(folderOf("./sub/../../xlsx/write")).toBe("xlsx");
    expect(folderOf("../../package.json")).toBe("outside src/: ../../package.json");
    const code = `// Office.js\n/* Excel.run */ const s = "eval(x)"; Excel.run(); new Function("x"); require("y");`;
    expect(identifiersOf(code).filter((id) => FORBIDDEN.has(id))).toEqual(["Excel", "Function", "require"]);
  });

  test.each(MINE)("%s.ts imports only the engine and the catalog, and never evaluates code", (name) => {
    const src = fs.readFileSync(path.join(ENGINE, `${name}.ts`), "utf8");
    for (const spec of importsOf(src)) {
      const folder = folderOf(spec);
      expect([spec, ALLOWED.has(folder) ? "allowed" : folder]).toEqual([spec, "allowed"]);
    }
    // in code (comments and strings may name Office.js): no host global, no code evaluation, no require
    expect(identifiersOf(src).filter((id) => FORBIDDEN.has(id))).toEqual([]);
  });
});

describe("read + validate never throw on arbitrary grids", () => {
  const cell: fc.Arbitrary<GridValue> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(
      "Biểu mẫu 3",
      "STT",
      "Chỉ tiêu thống kê",
      "Số liệu",
      "Đơn vị tính",
      "1.4.",
      "2.1",
      "1.946",
      "-",
      "x",
      "99,75%",
      "Tổng số TTHC",
      "=SUM(D1:D3)"
    ),
    fc.string(),
    fc.record({ error: fc.constantFrom("#DIV/0!", "#REF!") })
  );
  test("random sheets", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), fc.string(), (values, name) => {
        const r = readReport([{ name, values }]);
        validate(r);
        fingerprint(r);
      }),
      { numRuns: 300 }
    );
  });

  test("timing on a full seed appendix", () => {
    const grids = seedGrids("000", "one-sheet");
    const t0 = Date.now();
    for (let k = 0; k < 5; k++) validate(readReport(grids));
    const ms = (Date.now() - t0) / 5;
    // generous bound: the pane reads and checks on every change
    expect(ms).toBeLessThan(500);
  });
});

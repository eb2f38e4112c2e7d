/**
 * The app version the files are stamped with is package.json's: compiled in by webpack (DefinePlugin), set by
 * bin/cchc.js for the command line, by jest.config.js here. No second copy of the number in the sources.
 */
import fs from "fs";
import path from "path";
import { APP_VERSION, decodeMeta } from "../../src/engine/conventions";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { parsePeriod } from "../../src/engine/period";

const ROOT = path.join(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

test("APP_VERSION is package.json's version, and the form metadata carries it", () => {
  expect(APP_VERSION).toBe(pkg.version);
  const wb = buildFormsWorkbook([3], {
    level: "xa",
    version: "v2023-dvctt",
    period: parsePeriod("6T-2025")!,
    unit: "UBND xã A",
  });
  const tag = wb.sheets[0].cells[0][5];
  expect(tag?.t).toBe("s");
  expect(decodeMeta(tag && tag.t === "s" ? tag.v : undefined)?.app).toBe(pkg.version);
});

test("no source file spells the version out", () => {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && fs.readFileSync(p, "utf8").includes(`"${pkg.version}"`)) hits.push(p);
    }
  };
  walk(path.join(ROOT, "src"));
  expect(hits).toEqual([]);
});

test("every entry point that loads the engine without webpack defines the version from package.json", () => {
  for (const f of ["bin/cchc.js", "bench/validate.js", "bench/consolidate.js", "jest.config.js"]) {
    expect([f, fs.readFileSync(path.join(ROOT, f), "utf8")]).toEqual([
      f,
      expect.stringMatching(/__APP_VERSION__[^\n]*package\.json"\)\.version/),
    ]);
  }
  expect(fs.readFileSync(path.join(ROOT, "webpack.shared.js"), "utf8")).toMatch(
    /__APP_VERSION__: JSON\.stringify\(require\("\.\/package\.json"\)\.version\)/
  );
});

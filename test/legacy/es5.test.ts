/**
 * Builds the legacy pane with webpack.legacy.js (production, into a temporary folder) and parses every
 * emitted script as ECMAScript 5: no ES2015+ syntax reaches Internet Explorer 11. Also checks that the
 * stand-ins replaced what IE11 cannot run (zod's Proxy, the engine's BigInt). The ribbon function file
 * (commands.html + commands.js of webpack.config.js), which Excel 2019 loads in the same web view, is built from the
 * main config with only that entry and parsed the same way.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "acorn";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
let out: string;
let commandsOut: string;
let commandsStats: typeof stats;
type ModuleStats = { identifier?: string; modules?: ModuleStats[] };
let stats: { hasErrors(): boolean; toString(o?: unknown): string; toJson(o?: unknown): { modules?: ModuleStats[] } };

function run(config: object): Promise<typeof stats> {
  const webpack = require("webpack");
  return new Promise((resolve, reject) =>
    webpack(config, (err: Error | null, s: typeof stats) => (err ? reject(err) : resolve(s)))
  );
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-legacy-"));

  const make = require(path.join(ROOT, "webpack.legacy.js"));
  const config = make({ outDir: out }, { mode: "production" });
  config.context = ROOT;
  stats = await run(config);
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** The files the bundle was built from (module identifiers end with the resource actually read). */
function moduleNames(): string[] {
  const j = stats.toJson({ modules: true, nestedModules: true });
  const names: string[] = [];
  const walk = (ms: ModuleStats[] | undefined) => {
    for (const m of ms ?? []) {
      if (m.identifier) names.push(m.identifier.split("!").pop()!);
      walk(m.modules);
    }
  };
  walk(j.modules);
  return names;
}

test("the build succeeds and emits the page, its script, boot.js and the stylesheet", () => {
  expect(stats.hasErrors()).toBe(false);
  for (const f of ["taskpane-legacy.html", "legacy.js", "boot.js", "legacy.css"])
    expect(fs.existsSync(path.join(out, f))).toBe(true);
});

test("every emitted .js file parses as ECMAScript 5", () => {
  const files = fs.readdirSync(out).filter((f) => f.endsWith(".js"));
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const f of files) {
    const code = fs.readFileSync(path.join(out, f), "utf8");
    expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  }
  // and the parser does refuse ES2015 (the check can fail)
  expect(() => parse("const a = () => 1;", { ecmaVersion: 5 })).toThrow();
});

test("zod and the BigInt engine modules are swapped out; the real engine and adapter are in", () => {
  const names = moduleNames();
  expect(names.some((n) => /node_modules[\\/]zod[\\/]/.test(n))).toBe(false);
  for (const m of ["legacy/zod-trusted.ts", "src/engine/reader.ts", "src/engine/validate.ts", "src/excel/host.ts"])
    expect(names.some((n) => n.indexOf(m) >= 0)).toBe(true);
  const js = fs.readFileSync(path.join(out, "legacy.js"), "utf8");
  // The module ids keep the engine's paths, the code is the stand-ins': the engine's FNV constant and BigInt
  // arithmetic are absent, the ES5 long division is present.
  expect(js.indexOf("cbf29ce484222325")).toBe(-1);
  expect(/BigInt\((10|2|1|100)\)/.test(js)).toBe(false);
  expect(js.indexOf("Division by zero")).toBeGreaterThanOrEqual(0);
  expect(js.indexOf("new Proxy")).toBe(-1);
});

test("package.json's version is compiled in (DefinePlugin), the placeholder is gone", () => {
  const js = fs.readFileSync(path.join(out, "legacy.js"), "utf8");
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(js).toContain(version);
  expect(js).not.toContain("__APP_VERSION__");
});

test("the page has the CSP of taskpane.html, loads office.js from the CDN, no inline script", () => {
  const html = fs.readFileSync(path.join(out, "taskpane-legacy.html"), "utf8");
  expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
  expect(html).toMatch(/<script[^>]* src="?legacy\.js"?>/);
  expect(html).not.toContain("boot.js");
  const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
  expect(inline).toEqual([]);
  // boot.js is tiny: no polyfills
  expect(fs.statSync(path.join(out, "boot.js")).size).toBeLessThan(2000);
});

describe("the ribbon function file", () => {
  // Its own build (its own hook time budget): webpack.config.js with only the commands entry and page.
  beforeAll(async () => {
    commandsOut = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-commands-"));

    const makeMain = require(path.join(ROOT, "webpack.config.js"));
    const main = await makeMain({}, { mode: "production" });
    main.context = ROOT;
    main.entry = { commands: main.entry.commands };
    main.output = { ...main.output, path: commandsOut };
    main.plugins = main.plugins.filter(
      (p: { userOptions?: { filename?: string } }) => p.userOptions?.filename === "commands.html"
    );
    expect(main.plugins).toHaveLength(1);
    commandsStats = await run(main);
  });

  afterAll(() => {
    if (commandsOut) fs.rmSync(commandsOut, { recursive: true, force: true });
  });

  test("commands.js of the main build parses as ECMAScript 5 too", () => {
    expect(commandsStats.hasErrors()).toBe(false);
    const code = fs.readFileSync(path.join(commandsOut, "commands.js"), "utf8");
    expect(code.length).toBeGreaterThan(0);
    expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    const html = fs.readFileSync(path.join(commandsOut, "commands.html"), "utf8");
    expect(html).toMatch(/<script[^>]* src="?commands\.js"?>/);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  });
});

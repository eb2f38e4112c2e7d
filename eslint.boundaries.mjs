/*
 * Who may import whom (README, "Architecture"). The rule, from the outside in:
 *
 *   shells (taskpane, taskpane/legacy, commands, cli, and any page to come) → app → engine → catalog
 *   app and cli → text (the report's Word text) → engine → catalog
 *   adapters (excel, xlsx) implement app's host interface and import engine (and app's types, `import type` only)
 *   nothing imports a shell; a shell imports no other shell
 *
 * A shell may import an adapter: it constructs the host at its edge (`createExcelHost()`, the .xlsx reader).
 *
 * Enforced with ESLint's own `no-restricted-imports` (no plugin): for every source folder, one pattern per folder it
 * must not reach, written as the exact relative path from that folder (so `../excel/host` is refused in src/engine
 * and `../../excel/host` in src/taskpane/components), plus the npm packages it may use. Relative paths that are not
 * in normal form (`./x/../../excel`) are refused everywhere, so that no spelling slips past the patterns.
 * test/lint/boundaries.test.ts lints deliberately wrong imports through ESLint's Node API and sees the rule fire.
 */
import fs from "fs";
import path from "path";
import { builtinModules } from "module";

const NODE = builtinModules.filter((m) => !m.startsWith("_"));

/**
 * The layers. `imports`: src folders it may import (itself always); `types`: folders it may import types from only
 * (`import type`); `packages`: npm packages (a trailing `/*` allows a scope); `node`: Node's built-in modules.
 * A folder nested in another (taskpane/legacy in taskpane) is a layer of its own: the outer one does not reach it.
 */
export const LAYERS = {
  catalog: { imports: [], packages: ["zod"] },
  // The engine words nothing: a finding, an unplaced row, a unit's note or a total's flag is data (engine/messages.ts)
  // and src/i18n makes its Vietnamese at the edge (i18n/findings.ts, i18n/consolidate.ts). i18n imports nothing, not
  // even types: it declares the small shapes it words itself (a period, a level, FindingWords…), and the callers that
  // pass engine values to it (app, spec, the shells) are where TypeScript checks that the two agree.
  engine: { imports: ["catalog"], packages: [] },
  i18n: { imports: [], packages: [] },
  // the host-free description of the sheets the project writes (forms, Tổng hợp, Phụ lục, Tình trạng tệp): the engine's
  // figures laid out with their Vietnamese words, so it may use i18n; the engine never reaches it (engine ← spec)
  spec: { imports: ["engine", "catalog", "i18n"], packages: [] },
  // app → text: the report's text use cases (app/report-text.ts) load src/text with a dynamic import() (a chunk of
  // its own in the pane's build) and import its types; text, like the engine, knows no use case.
  app: { imports: ["spec", "engine", "catalog", "i18n", "text"], packages: [] },
  // the report's text (Word): host-free like the engine, plus the Word libraries (mammoth reads, docx writes)
  text: { imports: ["engine", "catalog", "i18n"], packages: ["mammoth", "docx", "zod"] },
  excel: { imports: ["engine", "i18n"], types: ["app"], packages: [] },
  xlsx: { imports: ["engine", "i18n"], types: ["app"], packages: ["exceljs", "fflate"], node: true },
  taskpane: {
    imports: ["app", "spec", "engine", "catalog", "i18n", "excel", "xlsx"],
    packages: ["react", "react-dom", "@fluentui/*"],
  },
  // The ES5 pane (Excel 2019 / Internet Explorer 11): no React; its es5/ twins stand in for engine modules.
  "taskpane/legacy": { imports: ["app", "spec", "engine", "catalog", "i18n", "excel"], packages: ["core-js"] },
  commands: { imports: ["app", "spec", "engine", "catalog", "i18n", "excel"], packages: [] },
  cli: { imports: ["app", "spec", "engine", "catalog", "i18n", "xlsx", "text"], packages: [], node: true },
};

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The layer a folder (relative to src, posix) belongs to: the longest layer name that is a prefix of it. */
export function layerOf(dir) {
  let best;
  for (const name of Object.keys(LAYERS)) {
    if ((dir === name || dir.startsWith(name + "/")) && (!best || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * The import sources that, written in a file of src/<dir>, land in src/<target> (and not in a layer nested in it):
 * every spelling, the short one (`../excel`) and the detours through an ancestor (`../../taskpane/logic` written in
 * src/taskpane/legacy reaches src/taskpane).
 */
function reachRegex(dir, target) {
  const segs = dir.split("/");
  const nested = Object.keys(LAYERS)
    .filter((n) => n.startsWith(target + "/"))
    .map((n) => esc(n.slice(target.length + 1)) + "(?:/|$)");
  const alternatives = [];
  for (let up = 0; up <= segs.length; up++) {
    const ancestor = segs.slice(0, segs.length - up).join("/");
    if (ancestor && target !== ancestor && !target.startsWith(ancestor + "/")) continue;
    const descent = ancestor ? target.slice(ancestor.length + 1) : target;
    const prefix = up ? "../".repeat(up) : "./";
    // landing on the ancestor itself (`..`): a further `../` climbs out of the target again
    const not = descent ? nested : [...nested, "\\.\\.(?:/|$)"];
    const after = not.length ? `/(?!${not.join("|")})` : "/";
    const head = descent ? esc(prefix + descent) : esc(prefix.slice(0, -1));
    alternatives.push(`${head}(?:${after}|$)`);
  }
  return `^(?:${alternatives.join("|")})`;
}

function packageRegex(spec) {
  const allowed = [
    ...spec.packages.map((p) => (p.endsWith("/*") ? esc(p.slice(0, -1)) + "[^/]+" : esc(p))),
    ...(spec.node ? [`(?:node:)?(?:${NODE.map(esc).join("|")})`] : []),
  ];
  return allowed.length ? `^(?![./])(?!(?:${allowed.join("|")})(?:/|$))` : "^(?![./])";
}

// `./a/../b`, `../x/./y`, `./../x`, `a//b`: a relative path in anything but its shortest form; absolute paths.
const NOT_NORMAL = "^/|^\\./\\.\\.?(?:/|$)|^\\.\\.?/(?:\\.\\./)*[^/]*[^./][^/]*/(?:.*/)?\\.\\.?(?:/|$)|//";

/** The no-restricted-imports patterns of a file in src/<dir>. */
export function patternsFor(dir) {
  const layer = layerOf(dir);
  const spec = LAYERS[layer];
  const may = new Set([layer, ...spec.imports]);
  const types = new Set(spec.types ?? []);
  const patterns = [];
  for (const target of Object.keys(LAYERS)) {
    if (may.has(target)) continue;
    patterns.push({
      regex: reachRegex(dir, target),
      ...(types.has(target) ? { allowTypeImports: true } : {}),
      message:
        `src/${layer} may not import src/${target}` +
        (types.has(target) ? " except with `import type`" : "") +
        ` (may import: ${[...may].join(", ")}). Rule: shells → app → engine → catalog; see README, Architecture.`,
    });
  }
  // above src/ (package.json, test/, …): nothing in the product reaches out of src
  const depth = dir.split("/").length;
  patterns.push({ regex: `^(?:\\.\\./){${depth + 1}}`, message: "Nothing in src/ imports from outside src/." });
  patterns.push({ regex: NOT_NORMAL, message: "Write the relative path in its shortest form (no `/./`, no `x/..`)." });
  patterns.push({
    regex: packageRegex(spec),
    message: `src/${layer} may use only these packages: ${[...spec.packages, ...(spec.node ? ["Node built-ins"] : [])].join(", ") || "none"}.`,
  });
  return patterns;
}

/** Every folder under src/ today. */
function sourceDirs(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, "src", rel), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const sub = rel ? `${rel}/${e.name}` : e.name;
      out.push(sub);
      walk(sub);
    }
  };
  walk("");
  return out.sort();
}

/** How deep below a layer's folder the generic entries reach (a deeper folder that exists gets its own entry). */
const MAX_DEPTH = 4;

/**
 * The flat-config entries. For each layer, outer layers first, one entry per depth below its folder
 * (src/app/*.ts, src/app/{any}/*.ts, …), so a folder that does not exist yet (src/app today) is covered; a later
 * entry overrides an earlier one for the same file, which is how src/taskpane/legacy escapes src/taskpane's. Then one
 * entry per folder that exists, computed from its real path.
 */
export function boundaryConfigs(root) {
  const entry = (glob, dir) => ({
    files: [`src/${glob}/*.ts`, `src/${glob}/*.tsx`],
    rules: { "no-restricted-imports": ["error", { patterns: patternsFor(dir) }] },
  });
  const configs = [];
  const layers = Object.keys(LAYERS).sort((a, b) => a.split("/").length - b.split("/").length);
  for (const layer of layers) {
    for (let k = 0; k <= MAX_DEPTH; k++) configs.push(entry(layer + "/*".repeat(k), layer + "/_".repeat(k)));
  }
  // test/lint/boundaries.test.ts requires every folder of src/ to belong to a layer
  for (const dir of sourceDirs(root)) if (layerOf(dir)) configs.push(entry(dir, dir));
  return configs;
}

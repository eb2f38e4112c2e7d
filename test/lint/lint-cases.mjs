/*
 * Lints source snippets as if they were files of the repository, with the repository's own eslint.config.mjs,
 * through ESLint's Node API. Run by test/lint/boundaries.test.ts in a child process (jest's module sandbox cannot
 * load an ES-module config). stdin: [{ code, filePath }]; stdout: { results: [[{ ruleId, message }]], unmapped }.
 */
import { Buffer } from "buffer";
import fs from "fs";
import path from "path";
import process from "process";
import { ESLint } from "eslint";
import { layerOf } from "../../eslint.boundaries.mjs";

// run with the repository as working directory (boundaries.test.ts does)
const root = process.cwd();

function srcDirs(rel = "") {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, "src", rel), { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = rel ? `${rel}/${e.name}` : e.name;
    out.push(sub, ...srcDirs(sub));
  }
  return out;
}

async function main() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const eslint = new ESLint({ cwd: root });
  const results = [];
  for (const c of cases) {
    const [r] = await eslint.lintText(c.code, { filePath: path.join(root, c.filePath) });
    results.push(r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
  }
  process.stdout.write(JSON.stringify({ results, unmapped: srcDirs().filter((d) => !layerOf(d)) }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exitCode = 1;
});

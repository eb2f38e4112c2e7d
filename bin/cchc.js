#!/usr/bin/env node
// Entry point of the `cchc` command; the TypeScript sources are compiled to lib/ by `npm ci` (prepare script).
// The version the engine stamps into the files it writes (webpack compiles it into the panes; see conventions.ts).
globalThis.__APP_VERSION__ = require("../package.json").version;
require("../lib/cli/main.js").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  }
);

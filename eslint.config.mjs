// Lint: the office-addins recommended rules (as `office-addin-lint check` uses them), for TypeScript.
// `no-undef` is left to the TypeScript compiler, which knows the DOM, Node and Office.js globals better.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import { fileURLToPath } from "url";
import path from "path";
import { boundaryConfigs } from "./eslint.boundaries.mjs";

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "test-artifacts/**", "**/*.json"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    // no-undef and no-unused-vars are the base rules, blind to TypeScript types (the @typescript-eslint rule stays on).
    rules: { "no-undef": "off", "no-unused-vars": "off" },
  },
  // Node ES-module scripts (this file, eslint.boundaries.mjs, test/lint/lint-cases.mjs): today's syntax.
  { files: ["**/*.mjs"], languageOptions: { ecmaVersion: "latest", sourceType: "module" } },
  {
    // The adapter syncs through a counting wrapper (`await sync()`), which these rules cannot see through;
    // the sync-count tests in test/excel check the load/sync order instead.
    files: ["src/excel/host.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
      // `range && !range.isNullObject` tests a JavaScript undefined first; this rule's autofix would rewrite it
      // into `range.isNullObject && !range.isNullObject` (always false) and silently drop the workbook's settings.
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  // Who may import whom: shells → app → engine → catalog (eslint.boundaries.mjs, README "Architecture").
  ...boundaryConfigs(path.dirname(fileURLToPath(import.meta.url))),
];

// Lint: the office-addins recommended rules (as `office-addin-lint check` uses them), for TypeScript.
// `no-undef` is left to the TypeScript compiler, which knows the DOM, Node and Office.js globals better.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

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
];

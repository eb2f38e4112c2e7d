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
    rules: { "no-undef": "off" },
  },
];

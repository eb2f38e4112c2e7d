/** Unit and integration tests (ts-jest). Browser tests live in test/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  // what webpack's DefinePlugin puts in the bundles (src/engine/conventions.ts: APP_VERSION)
  globals: { __APP_VERSION__: require("./package.json").version },
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock requires office-addin-manifest, whose ESM-only dependencies jest cannot load;
    // the mock only uses its OfficeApp enum.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
};

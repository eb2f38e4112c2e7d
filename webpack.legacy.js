/* eslint-disable no-undef */
/**
 * Build of the simplified task pane for older Excel (Excel 2019 and older volume licences host add-ins in
 * Internet Explorer 11) and of boot.js, the tiny ES5 script taskpane.html loads first to send IE11/EdgeHTML there.
 * Everything, node_modules included, goes through Babel (preset-env, targets "ie 11", core-js 3 by usage);
 * test/legacy/es5.test.ts parses the output as ECMAScript 5.
 *
 *   webpack --config webpack.legacy.js --mode production              into dist/ (run after `npm run build`,
 *                                                                      which cleans dist/)
 *   webpack --config webpack.legacy.js --mode production --env selfhostOfficeJs
 *   webpack --config webpack.legacy.js --mode development --env e2e    into test-artifacts/e2e-dist/ with
 *                                                                      fake-office.js (test/standin/)
 *   --env outDir=<dir>                                                 another output folder (tests)
 *
 * Swapped in the legacy build only (IE11 cannot run them; the test suite proves each stand-in equal):
 *  - `zod` -> src/taskpane/legacy/zod-trusted.ts (zod 4 needs Proxy/Reflect; the catalog is trusted data);
 *  - src/engine/numbers.ts, src/engine/fingerprint.ts -> src/taskpane/legacy/es5/ (the engine's use BigInt).
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { defineAppVersion, officeScript, STANDIN_ENTRY } = require("./webpack.shared");

function babel(polyfills) {
  return {
    loader: "babel-loader",
    options: {
      babelrc: false,
      configFile: false,
      cacheDirectory: false,
      sourceType: "unambiguous",
      presets: [
        [
          "@babel/preset-env",
          polyfills
            ? { targets: "ie 11", useBuiltIns: "usage", corejs: "3.51", modules: false }
            : { targets: "ie 11", useBuiltIns: false, modules: false },
        ],
      ],
    },
  };
}
const tsLoader = {
  loader: "ts-loader",
  options: { transpileOnly: true, compilerOptions: { target: "ES2019", module: "esnext", sourceMap: true } },
};
const BOOT = path.resolve(__dirname, "src/taskpane/boot.ts");

module.exports = (env = {}, argv = {}) => {
  const e2e = Boolean(env.e2e);
  const selfhost = Boolean(env.selfhostOfficeJs);
  const outDir =
    typeof env.outDir === "string" && env.outDir
      ? path.resolve(env.outDir)
      : e2e
        ? path.resolve(__dirname, "test-artifacts/e2e-dist")
        : path.resolve(__dirname, "dist");

  const { officeJs, csp } = officeScript({ selfhost, e2e });

  const copy = [{ from: "src/taskpane/legacy/legacy.css", to: "legacy.css" }];

  const legacyDir = path.resolve(__dirname, "src/taskpane/legacy");
  return {
    mode: argv.mode || "production",
    devtool: "source-map", // never eval: the pages' CSP forbids it
    target: ["web", "es5"],
    entry: {
      legacy: ["./src/taskpane/legacy/polyfills.ts", "./src/taskpane/legacy/index.ts"],
      boot: "./src/taskpane/boot.ts",
      // e2e: the in-memory Excel the page loads instead of office.js (no page includes it as a chunk)
      ...(e2e ? { "fake-office": STANDIN_ENTRY } : {}),
    },
    output: {
      path: outDir,
      // The main build (webpack.config.js) owns and cleans this folder; this build only adds its files.
      clean: false,
      filename: "[name].js",
      environment: {
        arrowFunction: false,
        asyncFunction: false,
        bigIntLiteral: false,
        const: false,
        destructuring: false,
        document: true,
        dynamicImport: false,
        forOf: false,
        globalThis: false,
        module: false,
        optionalChaining: false,
        templateLiteral: false,
      },
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
      alias: { zod$: path.join(legacyDir, "zod-trusted.ts") },
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    module: {
      parser: { javascript: { exportsPresence: "error" } },
      rules: [
        // boot.js stays tiny: plain ES5 code, no polyfills (it only reads navigator and location).
        { test: BOOT, use: [babel(false), tsLoader] },
        { test: /\.ts$/, exclude: [/node_modules/, BOOT], use: [babel(true), tsLoader] },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
          use: babel(true),
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      defineAppVersion(),
      new webpack.NormalModuleReplacementPlugin(
        /src[\\/]engine[\\/]numbers\.ts$/,
        path.join(legacyDir, "es5/numbers.ts")
      ),
      new webpack.NormalModuleReplacementPlugin(
        /src[\\/]engine[\\/]fingerprint\.ts$/,
        path.join(legacyDir, "es5/fingerprint.ts")
      ),
      new HtmlWebpackPlugin({
        filename: "taskpane-legacy.html",
        template: "./src/taskpane/legacy/taskpane-legacy.html",
        chunks: ["legacy"],
        templateParameters: { officeJs, csp },
      }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
  };
};

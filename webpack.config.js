/* eslint-disable no-undef */
/**
 * Build of the Excel add-in (task pane + ribbon commands), after Microsoft's React task-pane template.
 *
 *   npm run build                                   production build into dist/
 *   npm run build -- --env url=https://cchc.example.gov.vn/addin/
 *                                                   production build whose manifest points at that address
 *                                                   (default: DEFAULT_PROD_URL below, a placeholder to replace)
 *   npm run build -- --env selfhostOfficeJs         also copy office.js into dist/office-js/ and load it from there
 *   npm run dev-server                              https://localhost:3000/ with office-addin-dev-certs
 *   webpack --mode development --env e2e            browser-test build into test-artifacts/e2e-dist/
 *                                                   (loads fake-office.js, the in-memory Excel of test/standin/, instead of the Office CDN)
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { defineAppVersion, officeScript, STANDIN_ENTRY } = require("./webpack.shared");

const DEV_URL = "https://localhost:3000/";
/** Compiled to ES5 by TypeScript in this build (no Babel, no polyfills): test/legacy/es5.test.ts parses the output. */
const ES5_SOURCES = /[\\/]src[\\/](taskpane[\\/]boot|i18n[\\/]pane|i18n[\\/]boot|commands[\\/]commands)\.ts$/;
/** Placeholder production address; pass --env url=... to build for the real server. */
const DEFAULT_PROD_URL = "https://cchc.example.gov.vn/addin/";
async function httpsOptions() {
  // Only needed by `webpack serve`; loaded lazily so that builds do not touch the certificate store.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const e2e = Boolean(env.e2e);
  const serving = Boolean(env.WEBPACK_SERVE);
  const selfhost = Boolean(env.selfhostOfficeJs);
  const prodUrl =
    typeof env.url === "string" && env.url ? (env.url.endsWith("/") ? env.url : env.url + "/") : DEFAULT_PROD_URL;
  const outDir = e2e ? path.resolve(__dirname, "test-artifacts/e2e-dist") : path.resolve(__dirname, "dist");

  // Where the pages load office.js from.
  //  - default: Microsoft's CDN, as Office requires for store/AppSource add-ins;
  //  - selfhostOfficeJs: a copy in dist/office-js/ for closed networks. Microsoft does NOT support
  //    self-hosting office.js (it must stay current with Office clients); use only where the CDN is unreachable;
  //  - e2e: fake-office.js, the in-memory stand-in of test/standin/ (an entry of this build).
  const { officeJs, csp } = officeScript({ selfhost, e2e });

  const copyPatterns = [];
  if (fs.existsSync(path.resolve(__dirname, "assets"))) {
    copyPatterns.push({
      from: "assets",
      to: "assets",
      noErrorOnMissing: true,
      globOptions: { ignore: ["**/.gitkeep"] },
    });
  }
  copyPatterns.push({
    from: "manifest*.xml",
    to: "[name][ext]",
    noErrorOnMissing: true,
    transform(content) {
      return dev || e2e ? content : content.toString().split(DEV_URL).join(prodUrl);
    },
  });
  if (selfhost) {
    copyPatterns.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js" });
  }

  const config = {
    devtool: "source-map", // never eval: the pages' CSP forbids it
    entry: {
      // ES5, runs first: a message instead of a blank panel in old web views (see src/taskpane/boot.ts).
      boot: "./src/taskpane/boot.ts",
      taskpane: ["./src/taskpane/index.tsx"],
      commands: "./src/commands/commands.ts",
      // e2e: the in-memory Excel the pages load instead of office.js (no page includes it as a chunk)
      ...(e2e ? { "fake-office": STANDIN_ENTRY } : {}),
    },
    output: {
      path: outDir,
      clean: true,
      filename: "[name].js",
      // webpack's own runtime in ES5 too, so that boot.js parses in Internet Explorer 11.
      environment: {
        arrowFunction: false,
        const: false,
        methodShorthand: false,
        destructuring: false,
        forOf: false,
        optionalChaining: false,
        templateLiteral: false,
      },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Engine/xlsx code is browser-safe; make accidental node built-ins fail soft instead of breaking the build.
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          // ES5: boot.ts and the strings it shows (src/i18n/boot.ts), and the ribbon function file (commands.ts),
          // which Excel 2019 loads in Internet Explorer 11. Neither imports anything that would need polyfills.
          test: ES5_SOURCES,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              instance: "es5",
              compilerOptions: { target: "es5", module: "esnext", sourceMap: true },
            },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, ES5_SOURCES],
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      defineAppVersion(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["boot", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs, csp },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs, csp },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
  };

  if (serving) {
    config.devServer = {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
      port:
        (process.env.npm_package_config_dev_server_port && Number(process.env.npm_package_config_dev_server_port)) ||
        3000,
    };
  }
  return config;
};

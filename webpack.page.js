/* eslint-disable no-undef */
/**
 * Build of the page that works on files outside Excel (issue 13): the same React pane over a workbook held in
 * memory, as ONE self-contained HTML file that works opened from disk (file://), a USB stick or a shared folder.
 *
 *   webpack --config webpack.page.js --mode production      dist/bao-cao-cchc.html and dist/huong-dan.html (npm run build)
 *   webpack --config webpack.page.js --mode development --env e2e
 *                                                           the same two files in test-artifacts/page-dist/ (browser test)
 *
 * Everything is inlined: scripts (html-inline-script-webpack-plugin; one chunk per page, LimitChunkCountPlugin, so a
 * lazy import() lands in the page too), styles (Fluent UI/Griffel injects them at run time), icons (SVG in the
 * script), pictures of the guide (data: URLs); the font is the system's. The Content-Security-Policy allows no
 * connection at all (connect-src 'none') and only the page's own scripts, by their SHA-256 hash.
 */
const path = require("path");
const crypto = require("crypto");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const HtmlInlineScriptPlugin = require("html-inline-script-webpack-plugin");
const { defineAppVersion } = require("./webpack.shared");

const HASHES = "__CSP_SCRIPT_HASHES__";

/** The page's CSP; the script hashes are filled in once the scripts are inlined. */
function pageCsp() {
  return [
    "default-src 'none'",
    `script-src ${HASHES}`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Puts the SHA-256 of every inline <script> of the pages into their CSP, on the files as they are finally emitted
 * (after the scripts are inlined and the HTML minified), and refuses a page that still loads a script file.
 */
class SinglePage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SinglePage", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SinglePage", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => n.endsWith(".html"))) {
            // the licences the minifier set apart go back into the page, so that it stays one file
            const html = assets[name]
              .source()
              .toString()
              .replace(/\/\*! For license information please see ([\w.-]+\.LICENSE\.txt) \*\//g, (_, file) => {
                const text = assets[file] ? assets[file].source().toString() : "";
                if (!text) throw new Error(`${name}: licence file ${file} missing`);
                return `/*! ${text.replace(/\*\//g, "* /").replace(/<\/script/gi, "<\\/script")} */`;
              });
            if (!html.includes(HASHES)) throw new Error(`${name}: no ${HASHES} in its CSP`);
            if (/<script[^>]*\bsrc=/.test(html)) throw new Error(`${name}: a script was not inlined`);
            const hashes = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map(
              (m) => `'sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}'`
            );
            compilation.updateAsset(name, new webpack.sources.RawSource(html.replace(HASHES, hashes.join(" ") || "'none'")));
          }
          for (const n of Object.keys(assets).filter((x) => x.endsWith(".LICENSE.txt"))) compilation.deleteAsset(n);
        }
      );
    });
  }
}

module.exports = (env = {}, options = {}) => {
  const e2e = Boolean(env.e2e);
  const dev = options.mode === "development";
  const outDir = e2e ? path.resolve(__dirname, "test-artifacts/page-dist") : path.resolve(__dirname, "dist");
  const page = (filename, chunk, title) =>
    new HtmlWebpackPlugin({
      filename,
      template: "./src/taskpane/page/page.html",
      chunks: [chunk],
      inject: "body",
      templateParameters: { csp: pageCsp(), title },
      minify: dev ? false : { collapseWhitespace: true, removeComments: true },
    });
  return {
    // no eval, no separate map file: the page must stand alone (and its CSP refuses eval)
    devtool: false,
    entry: {
      page: "./src/taskpane/page/index.tsx",
      guide: "./src/taskpane/page/guide-entry.tsx",
    },
    output: {
      path: outDir,
      // dist/ also holds the add-in's build (webpack.config.js cleans it); the page's scripts are inlined and removed
      clean: e2e,
      filename: "page-[name].js",
      publicPath: "",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // exceljs resolves to its browser build (package.json "browser": dist/exceljs.min.js); the CLI keeps the node one
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } },
          },
        },
        // the guide's screenshots, as data: URLs inside the page
        { test: /\.(png|jpe?g|svg)$/, type: "asset/inline" },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      defineAppVersion(),
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      page("bao-cao-cchc.html", "page", "Báo cáo CCHC — làm trên tệp Excel"),
      page("huong-dan.html", "guide", "Báo cáo CCHC — Hướng dẫn sử dụng"),
      new HtmlInlineScriptPlugin(),
      new SinglePage(),
    ],
  };
};

/**
 * Ribbon function file (manifest FunctionFile, commands.html). The Home-tab buttons of the manifest all open the
 * task pane on a given tab (taskpane.html?view=insert|check|consolidate), so no ExecuteFunction command is registered
 * here; the page only tells Office it is ready. Built for ES5 (webpack.config.js), as Excel 2019 loads it in the
 * Internet Explorer 11 web view too; test/legacy/es5.test.ts parses the bundle.
 */
if (typeof Office !== "undefined") {
  Office.onReady();
}

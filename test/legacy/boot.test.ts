import { legacyUrl, needsLegacy } from "../../src/taskpane/boot";

const modern = { hasPromise: true, hasSymbol: true, hasFetch: true };
// User agents of the webviews Office uses (Microsoft: "Browsers and webview controls used by Office Add-ins").
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_HTML = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const EDGE_WEBVIEW2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
const SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

describe("boot: which pane opens", () => {
  test("IE11 (Trident) and EdgeHTML get the simplified pane", () => {
    expect(needsLegacy({ userAgent: IE11, ...modern })).toBe(true);
    expect(needsLegacy({ userAgent: EDGE_HTML, ...modern })).toBe(true);
  });
  test("WebView2 (Edg/) and WKWebView keep the main pane", () => {
    expect(needsLegacy({ userAgent: EDGE_WEBVIEW2, ...modern })).toBe(false);
    expect(needsLegacy({ userAgent: SAFARI_MAC, ...modern })).toBe(false);
  });
  test("a browser lacking Promise, Symbol or fetch gets the simplified pane", () => {
    expect(needsLegacy({ userAgent: SAFARI_MAC, ...modern, hasPromise: false })).toBe(true);
    expect(needsLegacy({ userAgent: SAFARI_MAC, ...modern, hasSymbol: false })).toBe(true);
    expect(needsLegacy({ userAgent: SAFARI_MAC, ...modern, hasFetch: false })).toBe(true);
    expect(needsLegacy({ userAgent: "", ...modern })).toBe(false);
  });
  test("the legacy page sits next to the main page and keeps the query string", () => {
    expect(legacyUrl("/addin/taskpane.html", "?view=check&_host_Info=Excel")).toBe("/addin/taskpane-legacy.html?view=check&_host_Info=Excel");
    expect(legacyUrl("/taskpane.html", "")).toBe("/taskpane-legacy.html");
  });
});

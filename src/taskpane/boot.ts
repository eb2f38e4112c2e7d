/**
 * First script of the pane, compiled to ES5 on its own so that it runs everywhere the pane can be opened.
 * The pane itself (React 19, Fluent UI 9) needs a current web view (Edge WebView2 / Chromium / Safari);
 * Office 2016/2019 bought outright on Windows may still show add-ins in Internet Explorer 11, where the
 * pane's script cannot even be parsed. Instead of a blank panel the user then reads what to do.
 * It also says so when the pane has not started after a while (blocked network, failed download).
 */
import { pane } from "../i18n/pane";

(function () {
  var box = document.getElementById("container");
  if (!box) return;
  var host = box;
  function show(text: string) {
    if (host.getAttribute("data-started")) return;
    while (host.firstChild) host.removeChild(host.firstChild);
    var p = document.createElement("p");
    p.setAttribute("role", "status");
    p.style.cssText = "font-family:'Segoe UI',sans-serif;font-size:14px;line-height:20px;padding:12px;margin:0";
    p.appendChild(document.createTextNode(text));
    host.appendChild(p);
  }
  var w = window as any;
  var old = !!(document as any).documentMode || typeof w.Promise !== "function" || typeof w.Symbol !== "function";
  if (old) {
    host.setAttribute("data-unsupported", "1");
    show(pane.boot.oldBrowser);
    return;
  }
  show(pane.boot.loading);
  setTimeout(function () {
    show(pane.boot.failed);
  }, 30000);
})();

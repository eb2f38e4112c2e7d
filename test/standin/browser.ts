/**
 * The browser face of the one in-memory Excel (test/standin/excel.ts): bundled by the e2e builds
 * (webpack.config.js and webpack.legacy.js with --env e2e) into fake-office.js, which the pages load instead of
 * Microsoft's office.js. It sets the globals the panes use — Office (onReady, requirements.isSetSupported,
 * document.settings), Excel (run, RequestContext), OfficeExtension (Error) — over one FakeWorkbook, so the pane
 * bundles, including the real adapter src/excel/host.ts, run against the same stand-in as the jest tests.
 *
 * Query string: ?api=1.7 caps the requirement sets (default 1.14; members above fail with ApiNotFound);
 * ?persist=1 keeps the workbook in sessionStorage, so a reload is "closing and reopening the pane".
 *
 * Test helpers on window.__fakeExcel: type(sheet, a1, value), paste(sheet, a1, rows), cell(sheet, a1) →
 * { value, formula, type, numberFormat }, snapshot(), syncCount, selection, events, failNextSync(code),
 * unprotect(sheet), findIndicator(sheet, id), reset(), and workbook (the FakeWorkbook itself).
 */
import { colLetters, parseRange, boxAddress } from "../../src/engine/a1";
import { FakeContext, FakeError, FakeWorkbook } from "./excel";

declare const window: any;
declare const sessionStorage: Storage;

const params = new URLSearchParams(window.location.search);
const API_CAP = params.get("api") || "1.14";
const PERSIST = params.has("persist");
const STORE_KEY = "__fakeExcelWorkbook";

const wb = new FakeWorkbook(Number(API_CAP.split(".")[1]));
wb.eventDelayMs = 0;

function save() {
  if (PERSIST) sessionStorage.setItem(STORE_KEY, JSON.stringify(wb.toJSON()));
}
wb.onChange = save;

function reset() {
  wb.sheets = [];
  wb.active = undefined;
  wb.selection = undefined;
  wb.syncLog = [];
  wb.events.length = 0;
  wb.addSheet("Sheet1");
}

const raw = PERSIST && sessionStorage.getItem(STORE_KEY);
if (raw) wb.restore(JSON.parse(raw));
else reset();

class RequestContext extends FakeContext {
  constructor() {
    super(wb);
  }
}

const readyInfo = { host: "Excel", platform: "OfficeOnline" };
const settingsStore: Record<string, unknown> = {};
window.Office = {
  HostType: { Excel: "Excel", Word: "Word" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
  onReady(cb?: (info: typeof readyInfo) => void) {
    return new Promise((resolve) => {
      setTimeout(() => {
        if (cb) cb(readyInfo);
        resolve(readyInfo);
      }, 0);
    });
  },
  context: {
    requirements: { isSetSupported: wb.isSetSupported },
    document: {
      url: "fake://Báo cáo.xlsx",
      mode: "ReadWrite",
      settings: {
        get: (k: string) => (k in settingsStore ? settingsStore[k] : null),
        set: (k: string, v: unknown) => (settingsStore[k] = v),
        remove: (k: string) => delete settingsStore[k],
        saveAsync: (cb?: (r: { status: string }) => void) => cb && cb({ status: "succeeded" }),
      },
    },
    diagnostics: { host: "Excel", version: "16.0.fake", platform: "OfficeOnline" },
  },
  actions: { associate() {} },
};
window.OfficeExtension = { Error: FakeError };
window.Excel = { run: wb.run, RequestContext };

function sheetOf(name: string) {
  const s = wb.sheet(name);
  if (!s) throw new Error(`fake: no sheet ${name}`);
  return s;
}

const fake = {
  apiVersion: API_CAP,
  workbook: wb,
  get syncCount() {
    return wb.syncLog.length;
  },
  get events() {
    return wb.events;
  },
  get selection() {
    return wb.selection;
  },
  type(sheet: string, a1: string, value: string | number | boolean) {
    wb.userEdit(sheet, a1, value);
  },
  paste(sheet: string, a1: string, rows: (string | number | boolean)[][]) {
    wb.paste(sheet, a1, rows);
  },
  /** The next sync() fails with this Office error code before applying anything (e.g. "InvalidOperationInCellEditMode"). */
  failNextSync(code: string) {
    wb.failNext = code;
  },
  unprotect(sheet: string) {
    const s = wb.sheet(sheet);
    if (s) s.protected = false;
  },
  cell(sheet: string, a1: string) {
    const s = wb.sheet(sheet);
    const b = parseRange(a1);
    if (!s || !b) return undefined;
    const r = wb.read(s, b.r1, b.c1);
    const c = wb.cell(sheet, a1);
    return {
      value: r.value,
      formula: c && c.formula !== undefined ? c.formula : null,
      type: r.type,
      numberFormat: r.nf,
    };
  },
  /** The row whose hidden column F holds an indicator id, as an A1 of column D. */
  findIndicator(sheet: string, id: string) {
    const s = sheetOf(sheet);
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      if (col === 6 && c.value === id) return `D${r}`;
    }
    return undefined;
  },
  snapshot() {
    const ev = wb.evaluator();
    return {
      apiVersion: API_CAP,
      syncCount: wb.syncLog.length,
      selection: wb.selection,
      activeSheet: wb.active?.name,
      sheets: wb.sheets.map((s, position) => {
        const cells: Record<string, { f?: string; v: unknown }> = {};
        for (const [k, c] of s.cells) {
          if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
          const [r, col] = k.split(",").map(Number);
          const a1 = `${colLetters(col)}${r}`;
          cells[a1] =
            c.formula !== undefined
              ? { f: c.formula, v: wb.read(s, r, col, () => ev).value }
              : { v: c.error ?? c.value };
        }
        return {
          name: s.name,
          visibility: s.visibility,
          position,
          protected: s.protected,
          frozenRows: s.freezeRows ?? 0,
          charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
          tabColor: s.tabColor ?? "",
          merges: s.merges.map(boxAddress),
          conditionalFormats: s.conditionalFormats.length,
          dataValidations: s.validations.length,
          pageLayout: { ...s.pageLayout },
          hiddenColumns: [...s.hiddenCols].map((c) => colLetters(c)),
          columnWidths: Object.fromEntries(s.colWidths),
          cells,
        };
      }),
    };
  },
  reset,
};
window.__fakeExcel = fake;

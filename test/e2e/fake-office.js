/**
 * An in-memory stand-in for office.js (Excel JavaScript API) for the browser tests. The pane bundle,
 * including the real adapter src/excel/host.ts, runs against it unchanged.
 *
 * Faithful where the adapter depends on it:
 *  - proxy objects queue commands; nothing happens until context.sync();
 *  - a property can be read only after load() + sync() (PropertyNotLoaded otherwise), isNullObject only after sync;
 *  - errors surface at sync() as OfficeExtension.Error-like objects with a code (ItemNotFound, InvalidArgument,
 *    AccessDenied, ApiNotFound, PropertyNotLoaded);
 *  - requirement sets are capped by ?api=1.7 (default 1.14); members above the cap fail with ApiNotFound;
 *  - 2D arrays must match the range's shape; values/formulas starting with "=" are formulas, "'" forces text;
 *  - writes to locked cells of a protected sheet fail with AccessDenied;
 *  - change events fire after writes (triggerSource "ThisLocalAddin" for the add-in, "Local" for typing;
 *    triggerSource only from ExcelApi 1.14).
 * A small formula evaluator computes the values of the layout's formulas (IF, AND, ISNUMBER, ROUND, SUM, ...).
 *
 * Test helpers on window.__fakeExcel: type(sheet, a1, value), syncCount, snapshot(), cell(sheet, a1),
 * selection, unprotect(sheet), events, reset().
 */
(function () {
  "use strict";

  const params = new URLSearchParams(window.location.search);
  const API_CAP = params.get("api") || "1.14";
  const capMinor = Number(API_CAP.split(".")[1]);
  /** ?persist=1 keeps the workbook in sessionStorage, so a reload is "closing and reopening the pane". */
  const PERSIST = params.has("persist");
  const STORE_KEY = "__fakeExcelWorkbook";

  // ------------------------------------------------------------------ errors

  class RichApiError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message };
    }
  }
  const notLoaded = (prop) =>
    new RichApiError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  function need(minor, what) {
    if (capMinor < minor) throw new RichApiError("ApiNotFound", `The API you are trying to use could not be found (${what} needs ExcelApi 1.${minor}).`);
  }

  // ------------------------------------------------------------------ addresses

  function colNum(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
    return n;
  }
  function colLetters(n) {
    let s = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  const MAX_ROW = 1048576;
  const MAX_COL = 16384;
  /** "A1", "A1:B2", "A:A", "3:3", "$A$1", "Sheet!A1" → {r1,c1,r2,c2} (1-based). */
  function parseBox(addr) {
    let a = String(addr).trim();
    const bang = a.lastIndexOf("!");
    if (bang >= 0) a = a.slice(bang + 1);
    a = a.replace(/\$/g, "").toUpperCase();
    const parts = a.split(":");
    if (parts.length > 2) return undefined;
    const one = (p) => {
      let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
      if (m) return { c: colNum(m[1]), r: Number(m[2]) };
      m = /^([A-Z]{1,3})$/.exec(p);
      if (m) return { c: colNum(m[1]), r: undefined };
      m = /^(\d{1,7})$/.exec(p);
      if (m) return { c: undefined, r: Number(m[1]) };
      return undefined;
    };
    const p1 = one(parts[0]);
    const p2 = parts.length === 2 ? one(parts[1]) : p1;
    if (!p1 || !p2) return undefined;
    const r1 = p1.r === undefined ? 1 : p1.r;
    const r2 = p2.r === undefined ? MAX_ROW : p2.r;
    const c1 = p1.c === undefined ? 1 : p1.c;
    const c2 = p2.c === undefined ? MAX_COL : p2.c;
    if (r1 < 1 || c1 < 1 || r2 > MAX_ROW || c2 > MAX_COL) return undefined;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  function boxAddress(b) {
    const a = `${colLetters(b.c1)}${b.r1}`;
    const z = `${colLetters(b.c2)}${b.r2}`;
    return a === z ? a : `${a}:${z}`;
  }
  const key = (r, c) => r * 20000 + c;

  // ------------------------------------------------------------------ the workbook model

  let nextId = 1;
  const model = {
    sheets: [],
    activeId: undefined,
    selection: undefined,
    wbHandlers: { onChanged: [], onAdded: [] },
  };
  const fake = {
    syncCount: 0,
    events: [],
    apiVersion: API_CAP,
    model,
  };

  function newSheet(name) {
    return {
      id: `{${String(nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      colWidths: {},
      colHidden: new Set(),
      rowHidden: new Set(),
      rowHeights: {},
      merges: [],
      conditionalFormats: [],
      dataValidations: [],
      styles: [],
      unlocked: new Set(),
      protected: false,
      frozenRows: 0,
      tabColor: "",
      pageLayout: {},
      charts: [],
      handlers: [],
    };
  }
  function sheetByNameOrId(n) {
    const s = String(n).toLowerCase();
    return model.sheets.find((x) => x.id === n) || model.sheets.find((x) => x.name.toLowerCase() === s);
  }
  function position(sheet) {
    return model.sheets.indexOf(sheet);
  }

  // ------------------------------------------------------------------ cell contents

  const NUMERIC_EN_US = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/;
  /** What Excel stores for an entered value (typing or Range.values/formulas). */
  function enter(cell, x) {
    cell.f = null;
    if (x === null || x === undefined || x === "") {
      cell.v = null;
      return;
    }
    if (typeof x === "number" || typeof x === "boolean") {
      cell.v = x;
      return;
    }
    const s = String(x);
    if (s.startsWith("=") && s.length > 1) {
      cell.f = s;
      cell.v = null;
      return;
    }
    if (s.startsWith("'")) {
      cell.v = s.slice(1);
      cell.text = true;
      return;
    }
    if (cell.nf === "@") {
      cell.v = s;
      return;
    }
    const t = s.trim();
    if (NUMERIC_EN_US.test(t)) {
      cell.v = Number(t.replace(/,/g, ""));
      return;
    }
    if (/^[-+]?\d+(\.\d+)?%$/.test(t)) {
      cell.v = Number(t.slice(0, -1)) / 100;
      return;
    }
    if (/^(true|false)$/i.test(t)) {
      cell.v = /^true$/i.test(t);
      return;
    }
    cell.v = s;
  }
  function getCell(sheet, r, c, create) {
    const k = key(r, c);
    let cell = sheet.cells.get(k);
    if (!cell && create) {
      cell = { v: null, f: null, nf: "General" };
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  // ------------------------------------------------------------------ formula evaluation

  class FErr {
    constructor(code) {
      this.code = code;
    }
  }
  function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
      const ch = src[i];
      if (ch === " ") {
        i++;
        continue;
      }
      if (ch === '"') {
        let j = i + 1;
        let s = "";
        while (j < src.length) {
          if (src[j] === '"' && src[j + 1] === '"') {
            s += '"';
            j += 2;
          } else if (src[j] === '"') break;
          else s += src[j++];
        }
        out.push({ t: "str", v: s });
        i = j + 1;
        continue;
      }
      let m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(src.slice(i));
      if (m && !/^[A-Za-z(]/.test(src.slice(i + m[0].length, i + m[0].length + 1))) {
        out.push({ t: "ref", v: m[0] });
        i += m[0].length;
        continue;
      }
      m = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i));
      if (m) {
        out.push({ t: "num", v: Number(m[0]) });
        i += m[0].length;
        continue;
      }
      m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
      if (m) {
        out.push({ t: "name", v: m[0].toUpperCase() });
        i += m[0].length;
        continue;
      }
      m = /^(<>|<=|>=|[-+*/^&=<>(),%])/.exec(src.slice(i));
      if (m) {
        out.push({ t: "op", v: m[0] });
        i += m[0].length;
        continue;
      }
      throw new FErr("#NAME?");
    }
    return out;
  }
  function evaluate(sheet, formula, depth) {
    if (depth > 50) return new FErr("#REF!");
    let toks;
    try {
      toks = tokenize(formula.slice(1));
    } catch (e) {
      return e instanceof FErr ? e : new FErr("#NAME?");
    }
    let p = 0;
    const peek = () => toks[p];
    const eat = (v) => {
      const t = toks[p];
      if (!t || t.v !== v) throw new FErr("#NAME?");
      p++;
    };
    const cellValue = (r, c) => {
      const cell = getCell(sheet, r, c, false);
      if (!cell) return null;
      if (cell.f) {
        const v = evaluate(sheet, cell.f, depth + 1);
        return v;
      }
      return cell.v;
    };
    const num = (v) => {
      if (v instanceof FErr) throw v;
      if (v === null || v === "") return 0;
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      const n = Number(v);
      if (Number.isFinite(n) && String(v).trim() !== "") return n;
      throw new FErr("#VALUE!");
    };
    const bool = (v) => {
      if (v instanceof FErr) throw v;
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      if (v === null) return false;
      throw new FErr("#VALUE!");
    };
    const values = (arg) => (arg && arg.range ? arg.range : [arg]);
    function primary() {
      const t = toks[p++];
      if (!t) throw new FErr("#NAME?");
      if (t.t === "num") return t.v;
      if (t.t === "str") return t.v;
      if (t.t === "ref") {
        const b = parseBox(t.v);
        if (b.r1 === b.r2 && b.c1 === b.c2) return cellValue(b.r1, b.c1);
        const range = [];
        for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) range.push(cellValue(r, c));
        return { range };
      }
      if (t.t === "op" && t.v === "(") {
        const v = compare();
        eat(")");
        return v;
      }
      if (t.t === "op" && t.v === "-") return -num(unary());
      if (t.t === "op" && t.v === "+") return num(unary());
      if (t.t === "name") {
        if (t.v === "TRUE") return true;
        if (t.v === "FALSE") return false;
        eat("(");
        const args = [];
        if (!(peek() && peek().v === ")")) {
          for (;;) {
            // Arguments are evaluated lazily for IF / IFERROR.
            const start = p;
            let v;
            try {
              v = compare();
            } catch (e) {
              if (!(e instanceof FErr)) throw e;
              v = e;
              // skip to the end of this argument
              let d = 0;
              p = start;
              while (p < toks.length) {
                const x = toks[p];
                if (x.v === "(") d++;
                if (x.v === ")") {
                  if (d === 0) break;
                  d--;
                }
                if (x.v === "," && d === 0) break;
                p++;
              }
            }
            args.push(v);
            if (peek() && peek().v === ",") {
              p++;
              continue;
            }
            break;
          }
        }
        eat(")");
        return call(t.v, args);
      }
      throw new FErr("#NAME?");
    }
    function call(name, args) {
      const flat = () => args.flatMap(values);
      switch (name) {
        case "IF": {
          const c = bool(args[0]);
          const v = c ? args[1] : args.length > 2 ? args[2] : false;
          if (v instanceof FErr) throw v;
          return v === undefined ? 0 : v;
        }
        case "IFERROR":
          return args[0] instanceof FErr ? args[1] : args[0];
        case "AND":
          return flat().every((v) => bool(v));
        case "OR":
          return flat().some((v) => bool(v));
        case "NOT":
          return !bool(args[0]);
        case "ISNUMBER":
          return typeof args[0] === "number";
        case "ISBLANK":
          return args[0] === null;
        case "ISERROR":
          return args[0] instanceof FErr;
        case "ROUND": {
          const x = num(args[0]);
          const d = num(args[1] === undefined ? 0 : args[1]);
          const f = Math.pow(10, d);
          return Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
        }
        case "ABS":
          return Math.abs(num(args[0]));
        case "SUM":
          return flat().reduce((s, v) => (v instanceof FErr ? (() => { throw v; })() : typeof v === "number" ? s + v : s), 0);
        case "MIN":
          return Math.min(...flat().filter((v) => typeof v === "number"));
        case "MAX":
          return Math.max(...flat().filter((v) => typeof v === "number"));
        case "COUNT":
          return flat().filter((v) => typeof v === "number").length;
        default:
          throw new FErr("#NAME?");
      }
    }
    function postfix() {
      let v = primary();
      while (peek() && peek().v === "%") {
        p++;
        v = num(v) / 100;
      }
      return v;
    }
    function unary() {
      return postfix();
    }
    function power() {
      let v = unary();
      while (peek() && peek().v === "^") {
        p++;
        v = Math.pow(num(v), num(unary()));
      }
      return v;
    }
    function term() {
      let v = power();
      while (peek() && (peek().v === "*" || peek().v === "/")) {
        const op = toks[p++].v;
        const r = num(power());
        if (op === "*") v = num(v) * r;
        else {
          if (r === 0) throw new FErr("#DIV/0!");
          v = num(v) / r;
        }
      }
      return v;
    }
    function sum() {
      let v = term();
      while (peek() && (peek().v === "+" || peek().v === "-")) {
        const op = toks[p++].v;
        const r = num(term());
        v = op === "+" ? num(v) + r : num(v) - r;
      }
      return v;
    }
    function concat() {
      let v = sum();
      while (peek() && peek().v === "&") {
        p++;
        v = String(v === null ? "" : v) + String(sum());
      }
      return v;
    }
    function compare() {
      let v = concat();
      while (peek() && ["=", "<>", "<", ">", "<=", ">="].includes(peek().v)) {
        const op = toks[p++].v;
        const r = concat();
        const a = v === null ? (typeof r === "string" ? "" : 0) : v;
        const b = r === null ? (typeof a === "string" ? "" : 0) : r;
        if (a instanceof FErr) throw a;
        if (b instanceof FErr) throw b;
        switch (op) {
          case "=":
            v = a === b;
            break;
          case "<>":
            v = a !== b;
            break;
          case "<":
            v = a < b;
            break;
          case ">":
            v = a > b;
            break;
          case "<=":
            v = a <= b;
            break;
          default:
            v = a >= b;
        }
      }
      return v;
    }
    try {
      const v = compare();
      if (p !== toks.length) return new FErr("#NAME?");
      if (v && v.range) return new FErr("#VALUE!");
      if (typeof v === "number" && !Number.isFinite(v)) return new FErr("#NUM!");
      return v;
    } catch (e) {
      if (e instanceof FErr) return e;
      throw e;
    }
  }

  /** The value Excel shows for a cell: constants as stored, formulas computed. */
  function cellRead(sheet, r, c) {
    const cell = getCell(sheet, r, c, false);
    if (!cell) return { value: "", formula: "", type: "Empty", nf: "General" };
    if (cell.f) {
      const v = evaluate(sheet, cell.f, 0);
      if (v instanceof FErr) return { value: v.code, formula: cell.f, type: "Error", nf: cell.nf };
      if (v === null) return { value: 0, formula: cell.f, type: "Double", nf: cell.nf };
      if (v === "") return { value: "", formula: cell.f, type: "String", nf: cell.nf };
      return { value: v, formula: cell.f, type: typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String", nf: cell.nf };
    }
    const v = cell.v;
    if (v === null) return { value: "", formula: "", type: "Empty", nf: cell.nf };
    return { value: v, formula: v, type: typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String", nf: cell.nf };
  }

  function usedBox(sheet) {
    let b;
    for (const [k, cell] of sheet.cells) {
      if (cell.v === null && !cell.f) continue;
      const r = Math.floor(k / 20000);
      const c = k % 20000;
      if (!b) b = { r1: r, c1: c, r2: r, c2: c };
      else {
        b.r1 = Math.min(b.r1, r);
        b.c1 = Math.min(b.c1, c);
        b.r2 = Math.max(b.r2, r);
        b.c2 = Math.max(b.c2, c);
      }
    }
    return b;
  }

  // ------------------------------------------------------------------ events

  function fireChange(sheet, address, triggerSource) {
    const args = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: sheet.id,
      address,
    };
    if (capMinor >= 14) args.triggerSource = triggerSource;
    fake.events.push({ sheet: sheet.name, address, triggerSource });
    const handlers = [...sheet.handlers, ...model.wbHandlers.onChanged];
    for (const h of handlers) {
      setTimeout(() => {
        Promise.resolve()
          .then(() => h(args))
          .catch((e) => console.error("[fake-office] handler failed", e));
      }, 0);
    }
  }

  // ------------------------------------------------------------------ request context and proxies

  class RequestContext {
    constructor() {
      this._queue = [];
      this._tracked = [];
      this.workbook = new Workbook(this);
    }
    _q(fn) {
      this._queue.push(fn);
    }
    sync() {
      fake.syncCount++;
      const queue = this._queue;
      this._queue = [];
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          if (fake._failNext) {
            const code = fake._failNext;
            fake._failNext = undefined;
            reject(new RichApiError(code, `Simulated ${code}`));
            return;
          }
          const changed = [];
          this._changed = changed;
          try {
            for (const op of queue) op();
          } catch (e) {
            reject(e instanceof RichApiError ? e : new RichApiError("GeneralException", String(e && e.message ? e.message : e)));
            return;
          } finally {
            this._changed = undefined;
            save();
            for (const c of changed) fireChange(c.sheet, c.address, "ThisLocalAddin");
          }
          resolve();
        }, 0);
      });
    }
    trackedObjects() {
      return { add() {}, remove() {} };
    }
  }

  /** Base of proxies: loaded properties live in _data; reading an unloaded one throws like Office. */
  class ClientObject {
    constructor(ctx) {
      this.context = ctx;
      this._data = {};
      this._loaded = new Set();
      this._synced = false;
    }
    _get(prop) {
      if (!this._loaded.has(prop)) throw notLoaded(prop);
      return this._data[prop];
    }
    _props(spec) {
      if (spec === undefined) return null;
      if (Array.isArray(spec)) return spec.flatMap((s) => String(s).split(","));
      if (typeof spec === "object") return spec.select ? String(spec.select).split(",") : Object.keys(spec);
      return String(spec).split(",");
    }
    toJSON() {
      return { ...this._data };
    }
  }
  function defineProps(cls, props) {
    for (const p of props) {
      Object.defineProperty(cls.prototype, p, {
        get() {
          return this._get(p);
        },
        set(v) {
          this._set(p, v);
        },
        configurable: true,
      });
    }
  }

  class EventSource {
    constructor(ctx, list, minor, what) {
      this._ctx = ctx;
      this._list = list;
      this._minor = minor;
      this._what = what;
    }
    add(handler) {
      const ctx = this._ctx;
      const listFn = this._list;
      const minor = this._minor;
      const what = this._what;
      ctx._q(() => {
        need(minor, what);
        listFn().push(handler);
      });
      return {
        context: ctx,
        remove() {
          const rctx = this.context;
          rctx._q(() => {
            const l = listFn();
            const i = l.indexOf(handler);
            if (i >= 0) l.splice(i, 1);
          });
        },
      };
    }
  }

  class Workbook extends ClientObject {
    constructor(ctx) {
      super(ctx);
      this.worksheets = new WorksheetCollection(ctx);
    }
    getSelectedRange() {
      const r = new Range(this.context, () => {
        if (!model.selection) throw new RichApiError("ItemNotFound", "No selection");
        return { sheet: sheetByNameOrId(model.selection.sheet), box: parseBox(model.selection.address) };
      });
      return r;
    }
  }

  class WorksheetCollection extends ClientObject {
    constructor(ctx) {
      super(ctx);
      this.onChanged = new EventSource(ctx, () => model.wbHandlers.onChanged, 9, "WorksheetCollection.onChanged");
      this.onAdded = new EventSource(ctx, () => model.wbHandlers.onAdded, 7, "WorksheetCollection.onAdded");
    }
    get items() {
      return this._get("items");
    }
    load(spec) {
      const props = this._props(spec) || ["items/name"];
      const itemProps = props.map((p) => p.trim()).filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
      this.context._q(() => {
        this._data.items = model.sheets.map((s) => {
          const w = new Worksheet(this.context, s.id);
          w._fill(s, itemProps.length ? itemProps : ["name", "id", "position", "visibility"]);
          w.isNullObject = false;
          return w;
        });
        this._loaded.add("items");
      });
      return this;
    }
    getItem(nameOrId) {
      return new Worksheet(this.context, undefined, () => {
        const s = sheetByNameOrId(nameOrId);
        if (!s) throw new RichApiError("ItemNotFound", `The requested resource doesn't exist. (${nameOrId})`);
        return s;
      });
    }
    getItemOrNullObject(nameOrId) {
      const w = new Worksheet(this.context, undefined, () => sheetByNameOrId(nameOrId), true);
      this.context._q(() => {
        const s = sheetByNameOrId(nameOrId);
        w.isNullObject = !s;
        if (s) w._id = s.id;
      });
      return w;
    }
    getActiveWorksheet() {
      return new Worksheet(this.context, undefined, () => model.sheets.find((s) => s.id === model.activeId) || model.sheets[0]);
    }
    add(name) {
      const w = new Worksheet(this.context);
      this.context._q(() => {
        let n = name;
        if (n === undefined) {
          let k = model.sheets.length + 1;
          while (sheetByNameOrId(`Sheet${k}`)) k++;
          n = `Sheet${k}`;
        }
        if (typeof n !== "string" || !n || n.length > 31 || /[[\]:*?/\\]/.test(n))
          throw new RichApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (sheet name ${n})`);
        if (sheetByNameOrId(n)) throw new RichApiError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${n})`);
        const s = newSheet(n);
        model.sheets.push(s);
        w._id = s.id;
        w.isNullObject = false;
        for (const h of model.wbHandlers.onAdded) setTimeout(() => h({ type: "WorksheetAdded", worksheetId: s.id, source: "Local" }), 0);
      });
      return w;
    }
  }

  class Worksheet extends ClientObject {
    constructor(ctx, id, resolver, nullable) {
      super(ctx);
      this._id = id;
      this._resolver = resolver;
      this._nullable = nullable;
      this._isNull = undefined;
      this.freezePanes = new WorksheetFreezePanes(ctx, () => this._sheet());
      this.charts = new ChartCollection(ctx, () => this._sheet());
      this.protection = new WorksheetProtection(ctx, () => this._sheet());
      this.onChanged = new EventSource(ctx, () => this._sheet().handlers, 7, "Worksheet.onChanged");
    }
    get isNullObject() {
      if (this._isNull === undefined) throw notLoaded("isNullObject");
      return this._isNull;
    }
    set isNullObject(v) {
      this._isNull = v;
    }
    get pageLayout() {
      if (!this._pageLayout) this._pageLayout = new PageLayout(this.context, () => this._sheet());
      return this._pageLayout;
    }
    _sheet() {
      let s;
      if (this._id !== undefined) s = model.sheets.find((x) => x.id === this._id);
      else if (this._resolver) s = this._resolver();
      if (!s) throw new RichApiError("ItemNotFound", "The requested resource doesn't exist.");
      this._id = s.id;
      return s;
    }
    _fill(s, props) {
      for (const p of props) {
        const k = p.trim();
        if (k === "name") this._data.name = s.name;
        else if (k === "id") this._data.id = s.id;
        else if (k === "position") this._data.position = position(s);
        else if (k === "visibility") this._data.visibility = s.visibility;
        else if (k === "tabColor") this._data.tabColor = s.tabColor;
        else continue;
        this._loaded.add(k);
      }
    }
    load(spec) {
      const props = this._props(spec) || ["name", "id", "position", "visibility", "tabColor"];
      this.context._q(() => {
        if (this._nullable && this._resolver && !this._resolver() && this._id === undefined) return;
        this._fill(this._sheet(), props);
      });
      return this;
    }
    _set(p, v) {
      this.context._q(() => {
        const s = this._sheet();
        if (p === "name") {
          if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new RichApiError("InvalidArgument", `Invalid sheet name ${v}`);
          const other = sheetByNameOrId(v);
          if (other && other !== s) throw new RichApiError("ItemAlreadyExists", `A resource with the same name already exists. (${v})`);
          s.name = v;
        } else if (p === "visibility") {
          if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new RichApiError("InvalidArgument", `visibility ${v}`);
          if (v !== "Visible" && model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
            throw new RichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
          s.visibility = v;
        } else if (p === "position") {
          const i = model.sheets.indexOf(s);
          model.sheets.splice(i, 1);
          model.sheets.splice(Math.max(0, Math.min(v, model.sheets.length)), 0, s);
        } else if (p === "tabColor") {
          need(7, "tabColor");
          s.tabColor = v;
        }
        this._data[p] = v;
      });
    }
    getRange(address) {
      return new Range(this.context, () => {
        const s = this._sheet();
        const b = address === undefined ? { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL } : parseBox(address);
        if (!b) throw new RichApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${address})`);
        return { sheet: s, box: b };
      });
    }
    getUsedRange(valuesOnly) {
      return new Range(this.context, () => {
        const s = this._sheet();
        return { sheet: s, box: usedBox(s) || { r1: 1, c1: 1, r2: 1, c2: 1 } };
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      const r = new Range(this.context, () => {
        const s = this._sheet();
        const b = usedBox(s);
        return b ? { sheet: s, box: b } : undefined;
      });
      this.context._q(() => {
        const s = this._sheet();
        r.isNullObject = !usedBox(s);
      });
      return r;
    }
    activate() {
      this.context._q(() => {
        const s = this._sheet();
        if (s.visibility !== "Visible") throw new RichApiError("InvalidOperation", "Cannot activate a hidden sheet.");
        model.activeId = s.id;
      });
    }
    delete() {
      this.context._q(() => {
        const s = this._sheet();
        if (model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
          throw new RichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        model.sheets.splice(model.sheets.indexOf(s), 1);
        if (model.activeId === s.id) model.activeId = undefined;
      });
    }
  }
  defineProps(Worksheet, ["name", "id", "position", "visibility", "tabColor"]);

  // Charts as the add-in uses them: add (1.1), title, series.getItemAt / name (1.1), series.add, setValues,
  // setXAxisValues (1.7), setPosition (1.1); each recorded with its ranges' addresses for the tests.
  class ChartCollection {
    constructor(ctx, sheet) {
      this.context = ctx;
      this._sheet = sheet;
    }
    add(type, source, seriesBy) {
      const ctx = this.context;
      const chart = { type, title: undefined, series: [], position: undefined };
      ctx._q(() => {
        need(1, "charts");
        if (seriesBy !== "Columns" && seriesBy !== "Auto" && seriesBy !== "Rows") throw new RichApiError("InvalidArgument", "seriesBy");
        chart.series.push({ values: boxAddress(source._target().box) });
        this._sheet().charts.push(chart);
      });
      const seriesProxy = (get) => ({
        set name(v) {
          ctx._q(() => (get().name = v));
        },
        setValues(r) {
          ctx._q(() => {
            need(7, "ChartSeries.setValues");
            get().values = boxAddress(r._target().box);
          });
        },
        setXAxisValues(r) {
          ctx._q(() => {
            need(7, "ChartSeries.setXAxisValues");
            get().categories = boxAddress(r._target().box);
          });
        },
      });
      return {
        title: {
          set text(v) {
            ctx._q(() => (chart.title = v));
          },
        },
        series: {
          getItemAt: (i) => seriesProxy(() => chart.series[i]),
          add: (name) => {
            const entry = { name, values: "" };
            ctx._q(() => {
              need(7, "ChartSeriesCollection.add");
              chart.series.push(entry);
            });
            return seriesProxy(() => entry);
          },
        },
        setPosition: (from, to) => ctx._q(() => (chart.position = [from, to])),
      };
    }
  }

  class WorksheetFreezePanes {
    constructor(ctx, sheet) {
      this.context = ctx;
      this._sheet = sheet;
    }
    freezeRows(n) {
      this.context._q(() => {
        need(7, "freezePanes");
        this._sheet().frozenRows = n === undefined ? 1 : n;
      });
    }
    unfreeze() {
      this.context._q(() => {
        this._sheet().frozenRows = 0;
      });
    }
  }

  class WorksheetProtection extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheet = sheet;
    }
    load() {
      this.context._q(() => {
        this._data.protected = this._sheet().protected;
        this._loaded.add("protected");
      });
      return this;
    }
    protect(options) {
      this.context._q(() => {
        const s = this._sheet();
        if (s.protected) throw new RichApiError("InvalidOperation", "The worksheet is already protected.");
        s.protected = true;
        s.protectionOptions = options || {};
      });
    }
    unprotect() {
      this.context._q(() => {
        this._sheet().protected = false;
      });
    }
  }
  defineProps(WorksheetProtection, ["protected"]);

  class PageLayout {
    constructor(ctx, sheet) {
      this.context = ctx;
      this._sheet = sheet;
    }
    setPrintTitleRows(rows) {
      this.context._q(() => {
        need(9, "pageLayout");
        this._sheet().pageLayout.titleRows = rows;
      });
    }
    setPrintTitleColumns(cols) {
      this.context._q(() => {
        need(9, "pageLayout");
        this._sheet().pageLayout.titleColumns = cols;
      });
    }
    setPrintArea(area) {
      this.context._q(() => {
        need(9, "pageLayout");
        this._sheet().pageLayout.printArea = area;
      });
    }
  }
  for (const p of ["orientation", "paperSize", "zoom", "centerHorizontally", "leftMargin", "rightMargin", "topMargin", "bottomMargin"]) {
    Object.defineProperty(PageLayout.prototype, p, {
      set(v) {
        this.context._q(() => {
          need(9, "pageLayout");
          this._sheet().pageLayout[p] = v;
        });
      },
      get() {
        throw notLoaded(p);
      },
    });
  }

  /** A property bag proxy whose writes are recorded on the range (format.font, format.fill, ...). */
  function formatProxy(ctx, target, path, props, children) {
    const o = { context: ctx };
    for (const p of props) {
      Object.defineProperty(o, p, {
        set(v) {
          ctx._q(() => target().record(path + p, v));
        },
        get() {
          throw notLoaded(p);
        },
      });
    }
    Object.assign(o, children || {});
    return o;
  }

  class Range extends ClientObject {
    constructor(ctx, resolver) {
      super(ctx);
      this._resolver = resolver;
      this._isNull = undefined;
      const target = () => this._target();
      this.format = formatProxy(ctx, target, "format.", ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight", "indentLevel"], {
        font: formatProxy(ctx, target, "font.", ["bold", "italic", "size", "color", "name", "underline"]),
        fill: Object.assign(formatProxy(ctx, target, "fill.", ["color"]), {
          clear: () => ctx._q(() => target().record("fill.color", null)),
        }),
        protection: formatProxy(ctx, target, "protection.", ["locked", "formulaHidden"]),
        borders: {
          getItem: (edge) => formatProxy(ctx, target, `border.${edge}.`, ["style", "weight", "color"]),
        },
        autofitColumns: () => ctx._q(() => {}),
        autofitRows: () => ctx._q(() => {}),
      });
      this.conditionalFormats = {
        add: (type) => {
          const cf = { type, rule: {}, format: {} };
          ctx._q(() => {
            need(6, "conditionalFormats");
            const t = this._target();
            cf.range = boxAddress(t.box);
            t.sheet.conditionalFormats.push(cf);
          });
          const setter = (obj, p) => ({
            set(v) {
              ctx._q(() => (obj[p] = v));
            },
          });
          const rule = {};
          Object.defineProperty(rule, "formula", setter(cf.rule, "formula"));
          const fill = {};
          Object.defineProperty(fill, "color", setter(cf.format, "fill"));
          const font = {};
          Object.defineProperty(font, "color", setter(cf.format, "fontColor"));
          return { custom: { rule, format: { fill, font } } };
        },
        clearAll: () => ctx._q(() => {
          const t = this._target();
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((c) => c.range !== boxAddress(t.box));
        }),
      };
    }
    get isNullObject() {
      if (this._isNull === undefined) throw notLoaded("isNullObject");
      return this._isNull;
    }
    set isNullObject(v) {
      this._isNull = v;
    }
    get dataValidation() {
      const ctx = this.context;
      const dvTarget = () => {
        need(8, "Range.dataValidation");
        const t = this._target();
        const addr = boxAddress(t.box);
        let dv = t.sheet.dataValidations.find((d) => d.range === addr);
        if (!dv) {
          dv = { range: addr };
          t.sheet.dataValidations.push(dv);
        }
        return dv;
      };
      const o = {
        clear: () =>
          ctx._q(() => {
            need(8, "Range.dataValidation");
            const t = this._target();
            const addr = boxAddress(t.box);
            t.sheet.dataValidations = t.sheet.dataValidations.filter((d) => d.range !== addr);
          }),
      };
      for (const p of ["rule", "prompt", "errorAlert", "ignoreBlanks"]) {
        Object.defineProperty(o, p, {
          set(v) {
            ctx._q(() => {
              const dv = dvTarget();
              if (p === "rule" && dv.rule) throw new RichApiError("InvalidOperation", "A data validation rule already exists; clear it first.");
              dv[p] = JSON.parse(JSON.stringify(v));
            });
          },
          get() {
            throw notLoaded(p);
          },
        });
      }
      return o;
    }
    _target() {
      const t = this._resolver();
      if (!t) throw new RichApiError("ItemNotFound", "The requested resource doesn't exist.");
      const sheet = t.sheet;
      const box = t.box;
      return {
        sheet,
        box,
        record(prop, v) {
          if (prop === "format.columnWidth") {
            for (let c = box.c1; c <= Math.min(box.c2, 200); c++) sheet.colWidths[c] = v;
            return;
          }
          if (prop === "format.rowHeight") {
            for (let r = box.r1; r <= Math.min(box.r2, 5000); r++) sheet.rowHeights[r] = v;
            return;
          }
          if (prop === "protection.locked") {
            for (let r = box.r1; r <= Math.min(box.r2, 5000); r++)
              for (let c = box.c1; c <= Math.min(box.c2, 200); c++) {
                if (v === false) sheet.unlocked.add(key(r, c));
                else sheet.unlocked.delete(key(r, c));
              }
          }
          sheet.styles.push({ range: boxAddress(box), prop, value: v });
        },
      };
    }
    _cells(t) {
      const rows = t.box.r2 - t.box.r1 + 1;
      const cols = t.box.c2 - t.box.c1 + 1;
      if (rows * cols > 5e6) throw new RichApiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      return { rows, cols };
    }
    load(spec) {
      const props = this._props(spec) || ["address", "values", "formulas", "numberFormat", "valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount"];
      this.context._q(() => {
        const t = this._resolver();
        if (!t) {
          if (this._isNull === true) return;
          throw new RichApiError("ItemNotFound", "The requested resource doesn't exist.");
        }
        const { rows, cols } = this._cells(t);
        const grid = (fn) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => fn(cellRead(t.sheet, t.box.r1 + i, t.box.c1 + j))));
        for (const raw of props) {
          const p = raw.trim();
          let v;
          if (p === "values") v = grid((c) => c.value);
          else if (p === "formulas") v = grid((c) => c.formula);
          else if (p === "valueTypes") v = grid((c) => c.type);
          else if (p === "numberFormat") v = grid((c) => c.nf);
          else if (p === "text") v = grid((c) => (c.value === "" ? "" : String(c.value)));
          else if (p === "rowIndex") v = t.box.r1 - 1;
          else if (p === "columnIndex") v = t.box.c1 - 1;
          else if (p === "rowCount") v = rows;
          else if (p === "columnCount") v = cols;
          else if (p === "address") v = `${t.sheet.name}!${boxAddress(t.box)}`;
          else if (p === "rowHidden") {
            let hidden = 0;
            for (let r = t.box.r1; r <= t.box.r2; r++) if (t.sheet.rowHidden.has(r)) hidden++;
            v = hidden === 0 ? false : hidden === rows ? true : null;
          } else if (p === "columnHidden") {
            let hidden = 0;
            for (let c = t.box.c1; c <= t.box.c2; c++) if (t.sheet.colHidden.has(c)) hidden++;
            v = hidden === 0 ? false : hidden === cols ? true : null;
          } else continue;
          this._data[p] = v;
          this._loaded.add(p);
        }
      });
      return this;
    }
    _write(prop, v) {
      this.context._q(() => {
        const t = this._target();
        const { rows, cols } = this._cells(t);
        let grid = v;
        if (!Array.isArray(v)) grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
        if (grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols))
          throw new RichApiError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${prop} ${boxAddress(t.box)})`,
          );
        if (prop !== "numberFormat" && t.sheet.protected) {
          for (let i = 0; i < rows; i++)
            for (let j = 0; j < cols; j++)
              if (!t.sheet.unlocked.has(key(t.box.r1 + i, t.box.c1 + j)))
                throw new RichApiError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        }
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const x = grid[i][j];
            const cell = getCell(t.sheet, t.box.r1 + i, t.box.c1 + j, true);
            if (prop === "numberFormat") cell.nf = x === null || x === undefined ? cell.nf : String(x);
            else enter(cell, x);
          }
        }
        if (prop !== "numberFormat" && this.context._changed) this.context._changed.push({ sheet: t.sheet, address: boxAddress(t.box) });
      });
    }
    set values(v) {
      this._write("values", v);
    }
    get values() {
      return this._get("values");
    }
    set formulas(v) {
      this._write("formulas", v);
    }
    get formulas() {
      return this._get("formulas");
    }
    set numberFormat(v) {
      this._write("numberFormat", v);
    }
    get numberFormat() {
      return this._get("numberFormat");
    }
    set columnHidden(v) {
      this.context._q(() => {
        const t = this._target();
        for (let c = t.box.c1; c <= t.box.c2; c++) v ? t.sheet.colHidden.add(c) : t.sheet.colHidden.delete(c);
      });
    }
    get columnHidden() {
      return this._get("columnHidden");
    }
    set rowHidden(v) {
      this.context._q(() => {
        const t = this._target();
        for (let r = t.box.r1; r <= Math.min(t.box.r2, 100000); r++) v ? t.sheet.rowHidden.add(r) : t.sheet.rowHidden.delete(r);
      });
    }
    get rowHidden() {
      return this._get("rowHidden");
    }
    getRow(i) {
      return new Range(this.context, () => {
        const t = this._target();
        return { sheet: t.sheet, box: { r1: t.box.r1 + i, r2: t.box.r1 + i, c1: t.box.c1, c2: t.box.c2 } };
      });
    }
    getCell(i, j) {
      return new Range(this.context, () => {
        const t = this._target();
        return { sheet: t.sheet, box: { r1: t.box.r1 + i, r2: t.box.r1 + i, c1: t.box.c1 + j, c2: t.box.c1 + j } };
      });
    }
    merge(across) {
      this.context._q(() => {
        const t = this._target();
        const addr = boxAddress(t.box);
        if (t.sheet.merges.some((m) => m === addr)) return;
        t.sheet.merges.push(addr);
      });
    }
    clear(applyTo) {
      this.context._q(() => {
        const t = this._target();
        if (t.sheet.protected) throw new RichApiError("AccessDenied", "The cell you're trying to change is on a protected sheet.");
        for (let r = t.box.r1; r <= Math.min(t.box.r2, 100000); r++)
          for (let c = t.box.c1; c <= Math.min(t.box.c2, 500); c++) {
            const cell = getCell(t.sheet, r, c, false);
            if (cell) {
              cell.v = null;
              cell.f = null;
            }
          }
        if (this.context._changed) this.context._changed.push({ sheet: t.sheet, address: boxAddress(t.box) });
      });
    }
    select() {
      this.context._q(() => {
        const t = this._target();
        if (t.sheet.visibility !== "Visible") throw new RichApiError("InvalidSelection", "The current selection is invalid for this operation.");
        model.activeId = t.sheet.id;
        model.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
      });
    }
  }
  defineProps(Range, ["address", "valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount", "text"]);

  // ------------------------------------------------------------------ globals

  async function run(a, b) {
    const batch = typeof a === "function" ? a : b;
    if (typeof batch !== "function") throw new RichApiError("InvalidArgument", "Excel.run needs a batch function");
    const ctx = new RequestContext();
    const result = await batch(ctx);
    if (ctx._queue.length > 0) await ctx.sync();
    return result;
  }

  const readyInfo = { host: "Excel", platform: "OfficeOnline" };
  const settingsStore = {};
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    onReady(cb) {
      return new Promise((resolve) => {
        setTimeout(() => {
          if (cb) cb(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    context: {
      requirements: {
        isSetSupported(name, version) {
          if (name !== "ExcelApi") return false;
          const minor = Number(String(version || "1.1").split(".")[1] || 0);
          return minor <= capMinor;
        },
      },
      document: {
        url: "fake://Báo cáo.xlsx",
        mode: "ReadWrite",
        settings: {
          get: (k) => (k in settingsStore ? settingsStore[k] : null),
          set: (k, v) => (settingsStore[k] = v),
          remove: (k) => delete settingsStore[k],
          saveAsync: (cb) => cb && cb({ status: "succeeded" }),
        },
      },
      diagnostics: { host: "Excel", version: "16.0.fake", platform: "OfficeOnline" },
    },
    actions: { associate() {} },
  };
  window.OfficeExtension = { Error: RichApiError };
  window.Excel = { run, RequestContext };

  // ------------------------------------------------------------------ test helpers

  fake.type = function (sheetName, a1, value) {
    const s = sheetByNameOrId(sheetName);
    if (!s) throw new Error(`fake: no sheet ${sheetName}`);
    const b = parseBox(a1);
    if (!b) throw new Error(`fake: bad address ${a1}`);
    if (s.protected && !s.unlocked.has(key(b.r1, b.c1))) throw new Error(`fake: ${sheetName}!${a1} is locked (the sheet is protected)`);
    const cell = getCell(s, b.r1, b.c1, true);
    enter(cell, value);
    save();
    fireChange(s, boxAddress({ r1: b.r1, c1: b.c1, r2: b.r1, c2: b.c1 }), "Local");
  };
  /**
   * A paste: `rows` (a 2D array of typed texts) entered from the top-left cell `a1`, and — as Excel does —
   * one change event for the whole pasted range. Locked cells of a protected sheet refuse it, as in Excel.
   */
  fake.paste = function (sheetName, a1, rows) {
    const s = sheetByNameOrId(sheetName);
    if (!s) throw new Error(`fake: no sheet ${sheetName}`);
    const b = parseBox(a1);
    if (!b) throw new Error(`fake: bad address ${a1}`);
    const r2 = b.r1 + rows.length - 1;
    const c2 = b.c1 + Math.max(...rows.map((r) => r.length)) - 1;
    for (let r = b.r1; r <= r2; r++)
      for (let c = b.c1; c <= c2; c++)
        if (s.protected && !s.unlocked.has(key(r, c))) throw new Error(`fake: ${sheetName} is protected`);
    rows.forEach((row, i) => row.forEach((v, j) => enter(getCell(s, b.r1 + i, b.c1 + j, true), v)));
    save();
    fireChange(s, boxAddress({ r1: b.r1, c1: b.c1, r2, c2 }), "Local");
  };
  /** The next sync() fails with this Office error code before applying anything (e.g. "InvalidOperationInCellEditMode"). */
  fake.failNextSync = function (code) {
    fake._failNext = code;
  };
  fake.unprotect = function (sheetName) {
    const s = sheetByNameOrId(sheetName);
    if (s) s.protected = false;
  };
  fake.cell = function (sheetName, a1) {
    const s = sheetByNameOrId(sheetName);
    const b = parseBox(a1);
    if (!s || !b) return undefined;
    const r = cellRead(s, b.r1, b.c1);
    const c = getCell(s, b.r1, b.c1, false);
    return { value: r.value, formula: c && c.f ? c.f : null, type: r.type, numberFormat: r.nf };
  };
  /** Finds the row whose hidden column F holds an indicator id, as an A1 of column D. */
  fake.findIndicator = function (sheetName, id) {
    const s = sheetByNameOrId(sheetName);
    if (!s) return undefined;
    for (const [k, cell] of s.cells) if (k % 20000 === 6 && cell.v === id) return `D${Math.floor(k / 20000)}`;
    return undefined;
  };
  Object.defineProperty(fake, "selection", { get: () => model.selection });
  fake.snapshot = function () {
    return {
      apiVersion: API_CAP,
      syncCount: fake.syncCount,
      selection: model.selection,
      activeSheet: (model.sheets.find((s) => s.id === model.activeId) || {}).name,
      sheets: model.sheets.map((s) => {
        const cells = {};
        for (const [k, cell] of s.cells) {
          if (cell.v === null && !cell.f) continue;
          const a1 = `${colLetters(k % 20000)}${Math.floor(k / 20000)}`;
          cells[a1] = cell.f ? { f: cell.f, v: cellRead(s, Math.floor(k / 20000), k % 20000).value } : { v: cell.v };
        }
        return {
          name: s.name,
          visibility: s.visibility,
          position: position(s),
          protected: s.protected,
          frozenRows: s.frozenRows,
          charts: (s.charts || []).map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
          tabColor: s.tabColor,
          merges: s.merges.slice(),
          conditionalFormats: s.conditionalFormats.length,
          dataValidations: s.dataValidations.length,
          pageLayout: { ...s.pageLayout },
          hiddenColumns: [...s.colHidden].map(colLetters),
          columnWidths: { ...s.colWidths },
          cells,
        };
      }),
    };
  };
  fake.reset = function () {
    model.sheets.length = 0;
    model.selection = undefined;
    model.activeId = undefined;
    fake.syncCount = 0;
    fake.events.length = 0;
    model.sheets.push(newSheet("Sheet1"));
  };
  function save() {
    if (!PERSIST) return;
    const sheets = model.sheets.map((x) => ({
      ...x,
      cells: [...x.cells],
      colHidden: [...x.colHidden],
      rowHidden: [...x.rowHidden],
      unlocked: [...x.unlocked],
      handlers: [],
    }));
    sessionStorage.setItem(STORE_KEY, JSON.stringify({ nextId, activeId: model.activeId, selection: model.selection, sheets }));
  }
  function restore() {
    const raw = PERSIST && sessionStorage.getItem(STORE_KEY);
    if (!raw) return false;
    const o = JSON.parse(raw);
    nextId = o.nextId;
    model.activeId = o.activeId;
    model.selection = o.selection;
    model.sheets.length = 0;
    for (const x of o.sheets)
      model.sheets.push({
        ...x,
        cells: new Map(x.cells),
        colHidden: new Set(x.colHidden),
        rowHidden: new Set(x.rowHidden),
        unlocked: new Set(x.unlocked),
        handlers: [],
      });
    return true;
  }
  if (!restore()) fake.reset();
  window.__fakeExcel = fake;
})();

/**
 * THE in-memory Excel of the tests: one stand-in for the Excel JavaScript API (Office.js) that the jest tests
 * drive directly (`new FakeWorkbook(apiVersion)`, pass `wb.run` as `Excel.run`) and that the browser tests load
 * as `fake-office.js` (test/standin/browser.ts, bundled by the e2e builds of webpack.config.js and
 * webpack.legacy.js, sets the globals Office, Excel, OfficeExtension and window.__fakeExcel). It implements the
 * members listed in src/excel/API-SURFACE.md (and a few more the panes or the tests touch) with the behaviour the
 * adapter depends on:
 * - commands are queued on proxies and applied only at context.sync(), in order, after an asynchronous round
 *   trip; an error rejects sync() with an Office error code (`err.code`) and stops the batch (earlier commands
 *   stay applied), like Office.js; every sync is counted and logged (`syncLog`: commands, payload, descriptions);
 * - reading a property that was not loaded (or not yet synced) throws PropertyNotLoaded; isNullObject only after
 *   sync; loading an unknown property fails with InvalidArgument;
 * - each member has the ExcelApi requirement set it needs (API-SURFACE.md): on an older host the command fails
 *   at sync with ApiNotFound, and `isSetSupported` answers per version (the panes run as Excel 2019 / 1.7 and newer);
 * - text entry is coerced as Excel does: "1.1", "3,222", "99.75%" become numbers (a percentage formats a General
 *   cell as one) unless the cell is "@" or the text starts with an apostrophe; "=…", "+…", "-…", "@…" become
 *   formulas unless escaped; formula values are computed by the project's own evaluator (src/engine/formula.ts);
 * - a protected sheet rejects writes and formats to locked cells (AccessDenied); the last visible sheet cannot be
 *   hidden or deleted; bad sheet names and 2D arrays of the wrong shape fail with InvalidArgument, missing sheets
 *   with ItemNotFound, a name taken with ItemAlreadyExists;
 * - a request over 5 MB fails (RequestPayloadSizeLimitExceeded, as on Excel on the web), a response over 5 million
 *   cells with ResponsePayloadSizeLimitExceeded;
 * - change events fire asynchronously after a sync for the add-in's own writes too (triggerSource "ThisLocalAddin"
 *   from ExcelApi 1.14) and for simulated user edits (triggerSource "Unknown"); handlers are removed on the
 *   context they were added with (`Excel.run(context, batch)` reuses it);
 * - charts, conditional formats, data validation, print setup, freeze panes and formats are recorded per sheet.
 * A1 addresses come from src/engine/a1.ts.
 */
import { Box, boxAddress, colLetters, MAX_COL, MAX_ROW, parseRange, stripSheet } from "../../src/engine/a1";
import { FormulaEvaluator } from "../../src/engine/formula";
import type { GridSheet, GridValue } from "../../src/engine/types";

export interface FakeCell {
  /** The constant a user sees (text, number, boolean); for a formula cell only a cached result (setRaw). */
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  /** Entered with a leading apostrophe (text kept as typed). */
  prefix?: boolean;
  nf: string;
  locked: boolean;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  underline?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  formulaHidden?: boolean;
  /** Border style per edge ("EdgeTop": "Continuous"). */
  borders: Record<string, string>;
}

/** A chart as the add-in left it: its type, title, series (name, values and categories as addresses), position. */
export interface FakeChart {
  type: string;
  title?: string;
  series: { name?: string; values: string; categories?: string }[];
  position?: [string, string];
}

type Handler = { id: number; fn: (e: any) => unknown };

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Cells by "row,col" (1-based). Change contents through enter(), setRaw() or userEdit(): the used range is cached. */
  cells: Map<string, FakeCell>;
  colWidths: Map<number, number>;
  hiddenCols: Set<number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  merges: Box[];
  protected: boolean;
  protectOptions?: unknown;
  freezeRows?: number;
  tabColor?: string;
  conditionalFormats: { type?: string; range: string; formula?: string; fill?: string; fontColor?: string }[];
  charts: FakeChart[];
  validations: { range: string; rule?: any; prompt?: any; errorAlert?: any; ignoreBlanks?: boolean }[];
  pageLayout: Record<string, unknown>;
  /** Every format property set, in order: { range, prop, value }. */
  styles: { range: string; prop: string; value: unknown }[];
  handlers: Handler[];
}

interface Op {
  desc: string;
  min: number;
  size: number;
  apply: () => void;
}

/** An Office.js error as sync() rejects with it (OfficeExtension.Error): `code`, `message`, `debugInfo`. */
export class FakeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message ?? code);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message: message ?? code };
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const unkeyed = new Map<string, [number, number]>();
/** Row and column of a cell key ("12,4"), remembered: the used range and the grids walk every cell. */
function unkey(k: string): [number, number] {
  let rc = unkeyed.get(k);
  if (!rc) unkeyed.set(k, (rc = k.split(",").map(Number) as [number, number]));
  return rc;
}
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/;
/** en-US digit grouping, as Excel set to en-US reads "3,222". */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const BAD_SHEET_NAME = /[[\]:*?/\\]/;
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const CELL_LIMIT = 5e6;
const size = (v: unknown) => (v === undefined ? 9 : JSON.stringify(v).length);

function notLoaded(name: string): never {
  throw new FakeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

function parseAddress(address: string): Box | undefined {
  return parseRange(stripSheet(String(address)).replace(/\$/g, ""));
}

function quote(name: string) {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function checkSheetName(n: unknown): string {
  if (typeof n !== "string" || !n || n.length > 31 || BAD_SHEET_NAME.test(n))
    throw new FakeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. (sheet name ${String(n)})`
    );
  return n;
}

/** Property names of a load() argument: "a,b", ["a", "b"], { select: "a,b" } or { a: true }. */
function propsOf(spec: unknown): string[] | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (Array.isArray(spec)) return spec.flatMap((s) => String(s).split(",")).map((s) => s.trim());
  if (typeof spec === "object") {
    const o = spec as { select?: string };
    return (o.select !== undefined ? String(o.select).split(",") : Object.keys(spec)).map((s) => s.trim());
  }
  return String(spec)
    .split(",")
    .map((s) => s.trim());
}

const intersects = (a: Box, b: Box) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Commands and payload characters of every sync, in order (its length is the number of context.sync() calls). */
  syncLog: { ops: number; chars: number; descs: string[] }[] = [];
  /** Commands left queued when a batch ended (Excel.run flushes them with one more sync). */
  unsynced = 0;
  /** Make a command fail at sync: return an error code for its description. */
  failOn?: (desc: string) => string | undefined;
  /** The next sync fails with this code before applying anything (then clears). */
  failNext?: string;
  /** Delay of change events after the write that causes them (ms). */
  eventDelayMs = 5;
  /** Called after every sync and every simulated user edit (the browser stand-in persists the workbook there). */
  onChange?: () => void;
  active?: FakeSheet;
  selection?: { sheet: string; address: string };
  /** The selection as "Sheet!A1". */
  get selected(): string | undefined {
    return this.selection && `${this.selection.sheet}!${this.selection.address}`;
  }
  collectionHandlers: Handler[] = [];
  addedHandlers: Handler[] = [];
  /** Every change event fired: the sheet, the address and the trigger. */
  events: { sheet: string; address: string; triggerSource: string }[] = [];
  pendingEvents: { s: FakeSheet; address: string }[] = [];
  nextId = 1;
  /** Bumped whenever a cell's content changes (the used range is cached against it). */
  private contentVersion = 0;
  private usedCache = new WeakMap<FakeSheet, { version: number; box?: Box }>();

  /** `apiVersion`: the highest ExcelApi 1.x set the simulated Excel supports (7 = Excel 2019, 17 = current). */
  constructor(public apiVersion = 17) {}

  // ------------------------------------------------------------ test helpers

  /** Office.context.requirements.isSetSupported for this Excel. */
  isSetSupported = (set: string, version?: string): boolean => {
    if (set !== "ExcelApi") return false;
    const [major, minor] = String(version ?? "1.1")
      .split(".")
      .map(Number);
    return major === 1 && (minor || 0) <= this.apiVersion;
  };

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    const s: FakeSheet = {
      id: `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`,
      name,
      visibility,
      cells: new Map(),
      colWidths: new Map(),
      hiddenCols: new Set(),
      rowHeights: new Map(),
      hiddenRows: new Set(),
      merges: [],
      protected: false,
      conditionalFormats: [],
      charts: [],
      validations: [],
      pageLayout: {},
      styles: [],
      handlers: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    const n = String(nameOrId).toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const b = parseAddress(a1)!;
    return this.sheet(sheet)?.cells.get(key(b.r1, b.c1));
  }

  /** The value a user sees (text, number, boolean, error text; a formula's result) or undefined for an empty cell. */
  value(sheet: string, a1: string) {
    const s = this.sheet(sheet);
    const b = parseAddress(a1);
    if (!s || !b) return undefined;
    const r = this.read(s, b.r1, b.c1);
    return r.type === "Empty" ? undefined : r.value;
  }

  /** Sets a cell as typed by the user (Excel coercion applies; a locked cell of a protected sheet refuses) and fires change events. */
  userEdit(sheet: string, a1: string, typed: string | number | boolean) {
    this.paste(sheet, a1, [[typed]]);
  }

  /** A paste of typed texts from the top-left cell `a1`: as Excel does, one change event for the whole range. */
  paste(sheet: string, a1: string, rows: (string | number | boolean)[][]) {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`standin: no sheet ${sheet}`);
    const b0 = parseAddress(a1);
    if (!b0) throw new Error(`standin: bad address ${a1}`);
    const b = {
      r1: b0.r1,
      c1: b0.c1,
      r2: b0.r1 + rows.length - 1,
      c2: b0.c1 + Math.max(...rows.map((r) => r.length)) - 1,
    };
    if (this.lockedIn(s, b)) throw new Error(`standin: ${sheet}!${boxAddress(b)} is locked (the sheet is protected)`);
    rows.forEach((row, i) => row.forEach((v, j) => this.enter(s, b.r1 + i, b.c1 + j, v)));
    this.fire(s, boxAddress(b), "Unknown");
    this.onChange?.();
  }

  setRaw(sheet: string, a1: string, c: Partial<FakeCell>) {
    const s = this.sheet(sheet)!;
    const b = parseAddress(a1)!;
    this.contentVersion++;
    Object.assign(this.touch(s, b.r1, b.c1), c);
  }

  handlerCount() {
    return (
      this.collectionHandlers.length +
      this.addedHandlers.length +
      this.sheets.reduce((n, s) => n + s.handlers.length, 0)
    );
  }

  // ------------------------------------------------------------ Excel.run

  /** Excel.run(batch) or Excel.run(context, batch) (the context an event handler was added with). */
  run = async (...args: any[]): Promise<any> => {
    const batch = args[args.length - 1] as (ctx: FakeContext) => Promise<any>;
    if (typeof batch !== "function") throw new FakeError("InvalidArgument", "Excel.run needs a batch function");
    const given = args.length > 1 ? args[0] : undefined;
    const ctx = given instanceof FakeContext && given.wb === this ? given : new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.queue.length > 0) {
      this.unsynced += ctx.queue.length;
      await ctx.sync();
    }
    return result;
  };

  // ------------------------------------------------------------ model internals

  touch(s: FakeSheet, r: number, c: number): FakeCell {
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { nf: "General", locked: true, borders: {} };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** Excel's entry parsing (typing, Range.values, Range.formulas). */
  enter(s: FakeSheet, r: number, c: number, x: unknown) {
    const cell = this.touch(s, r, c);
    this.contentVersion++;
    delete cell.value;
    delete cell.formula;
    delete cell.error;
    delete cell.prefix;
    if (x === "" || x === null || x === undefined) return;
    if (typeof x === "number" || typeof x === "boolean") {
      cell.value = x;
      return;
    }
    const t = String(x);
    const trimmed = t.trim();
    if (t.startsWith("'")) {
      cell.value = t.slice(1);
      cell.prefix = true;
    } else if (/^=./.test(t)) {
      cell.formula = t;
    } else if (cell.nf === "@") {
      cell.value = t;
    } else if (NUMERIC.test(trimmed)) {
      cell.value = trimmed.endsWith("%") ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
      // like Excel, typing "99.75%" into a General cell formats it as a percentage
      if (trimmed.endsWith("%") && cell.nf === "General") cell.nf = trimmed.includes(".") ? "0.00%" : "0%";
    } else if (GROUPED.test(trimmed)) {
      cell.value = Number(trimmed.replace(/,/g, ""));
    } else if (/^[+\-@]./.test(t)) {
      cell.formula = "=" + t;
    } else if (/^(true|false)$/i.test(trimmed)) {
      cell.value = trimmed.toLowerCase() === "true";
    } else {
      cell.value = t;
    }
  }

  /** The sheet as a grid for the formula evaluator: formula cells without a cached result are left to compute. */
  grid(s: FakeSheet): GridSheet {
    const b = this.usedBox(s);
    if (!b) return { name: s.name, values: [] };
    const values: GridValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = b.r1; r <= b.r2; r++) {
      values.push(new Array(b.c2 - b.c1 + 1).fill(null));
      formulas.push(new Array(b.c2 - b.c1 + 1).fill(null));
    }
    for (const [k, c] of s.cells) {
      const [r, col] = unkey(k);
      if (r < b.r1 || r > b.r2 || col < b.c1 || col > b.c2) continue;
      values[r - b.r1][col - b.c1] = c.error !== undefined ? { error: c.error } : (c.value ?? null);
      formulas[r - b.r1][col - b.c1] = c.formula ?? null;
    }
    return { name: s.name, values, formulas, origin: { row: b.r1, col: b.c1 } };
  }

  /** An evaluator over the workbook as it is now; a sheet's grid is built only when a formula refers to it. */
  evaluator(): FormulaEvaluator {
    return new FormulaEvaluator(
      this.sheets.map((s) => {
        let g: GridSheet | undefined;
        const built = () => (g ??= this.grid(s));
        return {
          name: s.name,
          get values() {
            return built().values;
          },
          get formulas() {
            return built().formulas;
          },
          get origin() {
            return built().origin;
          },
        };
      })
    );
  }

  /** What Excel shows for a cell: constants as stored, formulas computed (an evaluator is made when none is given). */
  read(
    s: FakeSheet,
    r: number,
    c: number,
    ev?: () => FormulaEvaluator
  ): { value: any; formula: any; type: string; nf: string } {
    const cell = s.cells.get(key(r, c));
    if (!cell) return { value: "", formula: "", type: "Empty", nf: "General" };
    if (cell.error !== undefined)
      return { value: cell.error, formula: cell.formula ?? cell.error, type: "Error", nf: cell.nf };
    if (cell.formula !== undefined) {
      let v: GridValue | undefined = cell.value;
      if (v === undefined) v = (ev ? ev() : this.evaluator()).cell(s.name, r, c);
      if (v === undefined) return { value: "#NAME?", formula: cell.formula, type: "Error", nf: cell.nf };
      if (v === null) return { value: 0, formula: cell.formula, type: "Double", nf: cell.nf };
      if (typeof v === "object") return { value: v.error, formula: cell.formula, type: "Error", nf: cell.nf };
      return { value: v, formula: cell.formula, type: typeOf(v), nf: cell.nf };
    }
    if (cell.value === undefined) return { value: "", formula: "", type: "Empty", nf: cell.nf };
    return { value: cell.value, formula: cell.value, type: typeOf(cell.value), nf: cell.nf };
  }

  usedBox(s: FakeSheet): Box | undefined {
    const hit = this.usedCache.get(s);
    if (hit && hit.version === this.contentVersion) return hit.box && { ...hit.box };
    let b: Box | undefined;
    for (const [k, c] of s.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      const [r, col] = unkey(k);
      if (!b) b = { r1: r, c1: col, r2: r, c2: col };
      else b = { r1: Math.min(b.r1, r), c1: Math.min(b.c1, col), r2: Math.max(b.r2, r), c2: Math.max(b.c2, col) };
    }
    this.usedCache.set(s, { version: this.contentVersion, box: b && { ...b } });
    return b;
  }

  /** Whether the box holds a locked cell of a protected sheet (large boxes: their first 2,000 rows × 200 columns). */
  lockedIn(s: FakeSheet, b: Box): boolean {
    if (!s.protected) return false;
    const r2 = Math.min(b.r2, b.r1 + 2000);
    const c2 = Math.min(b.c2, b.c1 + 200);
    for (let r = b.r1; r <= r2; r++)
      for (let c = b.c1; c <= c2; c++) if (s.cells.get(key(r, c))?.locked ?? true) return true;
    return false;
  }

  checkWritable(s: FakeSheet, b: Box) {
    if (this.lockedIn(s, b))
      throw new FakeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }

  fire(s: FakeSheet, address: string, trigger: "ThisLocalAddin" | "Unknown") {
    const args: any = {
      type: "WorksheetChanged",
      address,
      worksheetId: s.id,
      source: "Local",
      changeType: "RangeEdited",
    };
    if (this.apiVersion >= 14) args.triggerSource = trigger;
    this.events.push({ sheet: s.name, address, triggerSource: trigger });
    for (const h of [...s.handlers, ...this.collectionHandlers]) this.deliver(h, args);
  }

  deliver(h: Handler, args: unknown) {
    setTimeout(() => {
      Promise.resolve()
        .then(() => h.fn(args))
        .catch((e) => console.error("[standin] event handler failed", e));
    }, this.eventDelayMs);
  }

  /** A handler added by a queued command (needs ExcelApi 1.`min`), removable on the context it was added with. */
  newHandler(list: () => Handler[], fn: (e: any) => unknown, ctx: FakeContext, desc: string, min: number) {
    const h: Handler = { id: this.nextId++, fn };
    ctx.enqueue(desc, min, 10, () => list().push(h));
    return {
      context: ctx,
      remove() {
        this.context.enqueue("EventHandlerResult.remove", 1, 10, () => {
          const l = list();
          const i = l.indexOf(h);
          if (i >= 0) l.splice(i, 1);
        });
      },
    };
  }

  // ------------------------------------------------------------ persistence (the browser's ?persist=1)

  toJSON() {
    return {
      nextId: this.nextId,
      active: this.active?.id,
      selection: this.selection,
      sheets: this.sheets.map((s) => ({
        ...s,
        cells: [...s.cells],
        colWidths: [...s.colWidths],
        hiddenCols: [...s.hiddenCols],
        rowHeights: [...s.rowHeights],
        hiddenRows: [...s.hiddenRows],
        handlers: [],
      })),
    };
  }

  restore(o: any) {
    this.contentVersion++;
    this.nextId = o.nextId;
    this.selection = o.selection;
    this.sheets = o.sheets.map((s: any) => ({
      ...s,
      cells: new Map(s.cells),
      colWidths: new Map(s.colWidths),
      hiddenCols: new Set(s.hiddenCols),
      rowHeights: new Map(s.rowHeights),
      hiddenRows: new Set(s.hiddenRows),
      handlers: [],
    }));
    this.active = this.sheets.find((s) => s.id === o.active);
  }
}

function typeOf(v: unknown): string {
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

// ---------------------------------------------------------------- request context and proxies

export class FakeContext {
  queue: Op[] = [];
  workbook: FakeWorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(desc: string, min: number, size: number, apply: () => void) {
    this.queue.push({ desc, min, size, apply });
  }

  trackedObjects = { add() {}, remove() {} };

  async sync(): Promise<void> {
    const wb = this.wb;
    const ops = this.queue;
    this.queue = [];
    const chars = ops.reduce((n, o) => n + o.size + 60, 0);
    wb.syncLog.push({ ops: ops.length, chars, descs: ops.map((o) => o.desc) });
    await new Promise((r) => setTimeout(r, 0)); // the round trip to Excel
    if (wb.failNext) {
      const code = wb.failNext;
      wb.failNext = undefined;
      throw new FakeError(code, `Simulated ${code}`);
    }
    if (chars > PAYLOAD_LIMIT)
      throw new FakeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    try {
      for (const op of ops) {
        if (op.min > wb.apiVersion)
          throw new FakeError(
            "ApiNotFound",
            `The API you are trying to use could not be found (${op.desc} needs ExcelApi 1.${op.min}).`
          );
        const fail = wb.failOn?.(op.desc);
        if (fail) throw new FakeError(fail, `${op.desc} failed`);
        op.apply();
      }
    } catch (e) {
      throw e instanceof FakeError ? e : new FakeError("GeneralException", String(e instanceof Error ? e.message : e));
    } finally {
      const ev = wb.pendingEvents;
      wb.pendingEvents = [];
      for (const e of ev) wb.fire(e.s, e.address, "ThisLocalAddin");
      wb.onChange?.();
    }
  }
}

class FakeWorkbookProxy {
  worksheets: FakeWorksheetCollection;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  getSelectedRange(): FakeRange {
    const wb = this.ctx.wb;
    return new FakeRange(this.ctx, () => {
      const sel = wb.selection;
      const s = sel && wb.sheet(sel.sheet);
      if (!sel || !s) throw new FakeError("ItemNotFound", "No selection");
      return { s, b: parseAddress(sel.address)! };
    });
  }
}

class FakeWorksheetCollection {
  private _items?: FakeWorksheet[];
  onChanged: { add: (fn: (e: any) => unknown) => any };
  onAdded: { add: (fn: (e: any) => unknown) => any };
  constructor(private ctx: FakeContext) {
    const wb = ctx.wb;
    this.onChanged = {
      add: (fn) => wb.newHandler(() => wb.collectionHandlers, fn, ctx, "WorksheetCollection.onChanged", 9),
    };
    this.onAdded = { add: (fn) => wb.newHandler(() => wb.addedHandlers, fn, ctx, "WorksheetCollection.onAdded", 7) };
  }
  get items(): FakeWorksheet[] {
    return this._items ?? notLoaded("items");
  }
  load(spec?: unknown) {
    const all = propsOf(spec) ?? ["items"];
    const names = all.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const props = names.length ? names : ["name", "id", "position", "visibility"];
    this.ctx.enqueue("WorksheetCollection.load", 1, size(spec), () => {
      this._items = this.ctx.wb.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        w.bind(s);
        w._isNull = false;
        w.loadNow(props);
        return w;
      });
    });
    return this;
  }
  add(name?: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    const w = new FakeWorksheet(
      this.ctx,
      () =>
        made ??
        (() => {
          throw new FakeError("InvalidReference");
        })()
    );
    const wb = this.ctx.wb;
    this.ctx.enqueue("WorksheetCollection.add", 1, size(name), () => {
      let n = name;
      if (n === undefined) {
        let k = wb.sheets.length + 1;
        while (wb.sheet(`Sheet${k}`)) k++;
        n = `Sheet${k}`;
      }
      checkSheetName(n);
      if (wb.sheet(n))
        throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${n})`);
      const s = (made = wb.addSheet(n));
      w.bind(s);
      w._isNull = false;
      for (const h of wb.addedHandlers) wb.deliver(h, { type: "WorksheetAdded", worksheetId: s.id, source: "Local" });
    });
    return w;
  }
  getItem(nameOrId: string): FakeWorksheet {
    return this.lookup(nameOrId, false);
  }
  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return this.lookup(nameOrId, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    const wb = this.ctx.wb;
    return new FakeWorksheet(
      this.ctx,
      () => wb.active ?? wb.sheets.find((s) => s.visibility === "Visible") ?? wb.sheets[0]
    );
  }
  private lookup(nameOrId: string, orNull: boolean): FakeWorksheet {
    let found: FakeSheet | undefined;
    const w = new FakeWorksheet(
      this.ctx,
      () =>
        found ??
        (() => {
          throw new FakeError("ItemNotFound", `The requested resource doesn't exist. (${nameOrId})`);
        })()
    );
    this.ctx.enqueue(
      `WorksheetCollection.getItem${orNull ? "OrNullObject" : ""}`,
      orNull ? 4 : 1,
      size(nameOrId),
      () => {
        found = this.ctx.wb.sheet(nameOrId);
        if (!found && !orNull)
          throw new FakeError("ItemNotFound", `The requested resource doesn't exist. (${nameOrId})`);
        if (found) w.bind(found);
        w._isNull = !found;
      }
    );
    return w;
  }
}

class FakeWorksheet {
  private loaded = new Map<string, unknown>();
  _isNull?: boolean;
  private target?: FakeSheet;
  freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void };
  charts: { add: (type: string, source: FakeRange, seriesBy?: string) => any };
  protection: {
    protect: (o?: unknown) => void;
    unprotect: () => void;
    load: (p?: unknown) => any;
    readonly protected: boolean;
  };
  pageLayout: any;
  onChanged: { add: (fn: (e: any) => unknown) => any };

  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet
  ) {
    const wb = ctx.wb;
    const q = (desc: string, min: number, n: number, f: (s: FakeSheet) => void) =>
      ctx.enqueue(desc, min, n, () => f(this.sheet()));
    this.freezePanes = {
      freezeRows: (n = 1) => q("WorksheetFreezePanes.freezeRows", 7, 10, (s) => (s.freezeRows = n)),
      unfreeze: () => q("WorksheetFreezePanes.unfreeze", 7, 10, (s) => (s.freezeRows = 0)),
    };
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy = "Auto") => {
        const chart: FakeChart = { type, series: [] };
        q("ChartCollection.add", 1, 60, (s) => {
          if (!["Auto", "Columns", "Rows"].includes(seriesBy))
            throw new FakeError("InvalidArgument", `seriesBy ${seriesBy}`);
          chart.series.push({ values: source.addressOf() });
          s.charts.push(chart);
        });
        const seriesProxy = (get: () => FakeChart["series"][number]) => ({
          set name(v: string) {
            q("ChartSeries.name", 1, size(v), () => (get().name = v));
          },
          setValues: (r: FakeRange) => q("ChartSeries.setValues", 7, 30, () => (get().values = r.addressOf())),
          setXAxisValues: (r: FakeRange) =>
            q("ChartSeries.setXAxisValues", 7, 30, () => (get().categories = r.addressOf())),
        });
        return {
          title: {
            set text(v: string) {
              q("ChartTitle.text", 1, size(v), () => (chart.title = v));
            },
          },
          series: {
            getItemAt: (i: number) =>
              seriesProxy(
                () =>
                  chart.series[i] ??
                  (() => {
                    throw new FakeError("ItemNotFound", `series ${i}`);
                  })()
              ),
            add: (name: string) => {
              const entry = { name, values: "" };
              q("ChartSeriesCollection.add", 7, size(name), () => chart.series.push(entry));
              return seriesProxy(() => entry);
            },
          },
          setPosition: (from: string, to: string) => q("Chart.setPosition", 1, 20, () => (chart.position = [from, to])),
        };
      },
    };
    let prot: boolean | undefined;
    this.protection = {
      protect: (o) =>
        q("WorksheetProtection.protect", 2, size(o ?? {}), (s) => {
          if (s.protected) throw new FakeError("InvalidOperation", "The worksheet is already protected.");
          s.protected = true;
          s.protectOptions = o ?? {};
        }),
      unprotect: () => q("WorksheetProtection.unprotect", 2, 10, (s) => (s.protected = false)),
      load: () => {
        q("WorksheetProtection.load", 2, 10, (s) => (prot = s.protected));
        return this.protection;
      },
      get protected() {
        return prot ?? notLoaded("protected");
      },
    };
    const pl = (prop: string) => ({
      get: () => notLoaded(prop),
      set: (v: unknown) => q(`PageLayout.${prop}`, 9, size(v), (s) => (s.pageLayout[prop] = v)),
    });
    this.pageLayout = Object.defineProperties(
      {
        setPrintTitleRows: (r: string) =>
          q("PageLayout.setPrintTitleRows", 9, size(r), (s) => (s.pageLayout.titleRows = r)),
        setPrintTitleColumns: (r: string) =>
          q("PageLayout.setPrintTitleColumns", 9, size(r), (s) => (s.pageLayout.titleColumns = r)),
        setPrintArea: (r: string) => q("PageLayout.setPrintArea", 9, size(r), (s) => (s.pageLayout.printArea = r)),
      },
      Object.fromEntries(
        [
          "orientation",
          "paperSize",
          "zoom",
          "centerHorizontally",
          "leftMargin",
          "rightMargin",
          "topMargin",
          "bottomMargin",
        ].map((p) => [p, pl(p)])
      )
    );
    this.onChanged = { add: (fn) => wb.newHandler(() => this.sheet().handlers, fn, ctx, "Worksheet.onChanged", 7) };
  }

  bind(s: FakeSheet) {
    this.target = s;
  }

  /** The sheet this proxy stands for (resolved at sync; ItemNotFound when it is gone). */
  sheet(): FakeSheet {
    const s = this.target ?? this.resolve();
    if (!s || !this.ctx.wb.sheets.includes(s))
      throw new FakeError("ItemNotFound", "The requested resource doesn't exist.");
    this.target = s;
    return s;
  }

  loadNow(props: string[]) {
    const s = this.sheet();
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      else if (p === "visibility") this.loaded.set("visibility", s.visibility);
      else if (p === "position") this.loaded.set("position", this.ctx.wb.sheets.indexOf(s));
      else if (p === "id") this.loaded.set("id", s.id);
      else if (p === "tabColor") this.loaded.set("tabColor", s.tabColor ?? "");
      else throw new FakeError("InvalidArgument", `unknown property ${p}`);
    }
  }

  load(spec?: unknown) {
    const props = propsOf(spec) ?? ["name", "id", "position", "visibility", "tabColor"];
    this.ctx.enqueue("Worksheet.load", 1, size(spec), () => {
      if (this._isNull) return;
      this.loadNow(props);
    });
    return this;
  }

  private get$(p: string): any {
    return this.loaded.has(p) ? this.loaded.get(p) : notLoaded(p);
  }
  get isNullObject(): boolean {
    return this._isNull ?? notLoaded("isNullObject");
  }
  get name(): string {
    return this.get$("name");
  }
  set name(v: string) {
    this.ctx.enqueue("Worksheet.name", 1, size(v), () => {
      checkSheetName(v);
      const s = this.sheet();
      const other = this.ctx.wb.sheet(v);
      if (other && other !== s)
        throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${v})`);
      s.name = v;
      this.loaded.set("name", v);
    });
  }
  get id(): string {
    return this.get$("id");
  }
  get visibility(): string {
    return this.get$("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue("Worksheet.visibility", 2, size(v), () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeError("InvalidArgument", `visibility ${v}`);
      const s = this.sheet();
      if (v !== "Visible" && !this.ctx.wb.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = v as FakeSheet["visibility"];
      this.loaded.set("visibility", v);
    });
  }
  get position(): number {
    return this.get$("position");
  }
  set position(v: number) {
    this.ctx.enqueue("Worksheet.position", 1, 4, () => {
      const wb = this.ctx.wb;
      const s = this.sheet();
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(Math.max(0, Math.min(v, wb.sheets.length)), 0, s);
    });
  }
  get tabColor(): string {
    return this.get$("tabColor");
  }
  set tabColor(v: string) {
    this.ctx.enqueue("Worksheet.tabColor", 7, size(v), () => (this.sheet().tabColor = v));
  }
  activate() {
    this.ctx.enqueue("Worksheet.activate", 1, 4, () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.ctx.wb.active = s;
    });
  }
  delete() {
    this.ctx.enqueue("Worksheet.delete", 1, 4, () => {
      const wb = this.ctx.wb;
      const s = this.sheet();
      if (!wb.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.active === s) wb.active = undefined;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      const b = address === undefined ? { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL } : parseAddress(address);
      if (!b)
        throw new FakeError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format. (${address})`
        );
      return { s, b };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const s = this.sheet();
      return { s, b: this.ctx.wb.usedBox(s) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    const r = new FakeRange(this.ctx, () => {
      const s = this.sheet();
      const b = this.ctx.wb.usedBox(s);
      if (!b) throw new FakeError("ItemNotFound", "The requested resource doesn't exist.");
      return { s, b };
    });
    this.ctx.enqueue("Worksheet.getUsedRangeOrNullObject", 4, 10, () => {
      r._isNull = !this.ctx.wb.usedBox(this.sheet());
    });
    return r;
  }
}

type Where = () => { s: FakeSheet; b: Box };

const MIXED = Symbol("mixed");
/** Per-cell work on huge ranges (whole columns) stops after this many rows and columns. */
const ROW_CAP = 5000;
const COL_CAP = 300;

class FakeRange {
  private loaded = new Map<string, unknown>();
  _isNull?: boolean;
  format: any;
  conditionalFormats: { add: (type: string) => any; clearAll: () => void };

  /** The range's address on its sheet ("B7:B30"), as a chart records its source. */
  addressOf(): string {
    return boxAddress(this.where().b);
  }

  constructor(
    private ctx: FakeContext,
    private where: Where
  ) {
    const wb = ctx.wb;
    const each = (f: (c: FakeCell) => void, check = true) => {
      const { s, b } = this.where();
      if (check) wb.checkWritable(s, b);
      for (let r = b.r1; r <= Math.min(b.r2, b.r1 + ROW_CAP); r++)
        for (let c = b.c1; c <= Math.min(b.c2, b.c1 + COL_CAP); c++) f(wb.touch(s, r, c));
    };
    const fmt = (
      desc: string,
      min: number,
      apply: ((c: FakeCell, v: any) => void) | null,
      onRange?: (s: FakeSheet, b: Box, v: any) => void
    ) => ({
      get: () => notLoaded(desc),
      set: (v: any) =>
        ctx.enqueue(`RangeFormat.${desc}`, min, size(v), () => {
          const { s, b } = this.where();
          if (onRange) onRange(s, b, v);
          else if (apply) each((c) => apply(c, v));
          else wb.checkWritable(s, b);
          s.styles.push({ range: boxAddress(b), prop: desc, value: v });
        }),
    });
    const font = Object.defineProperties(
      {},
      {
        bold: fmt("font.bold", 1, (c, v) => (c.bold = v)),
        italic: fmt("font.italic", 1, (c, v) => (c.italic = v)),
        size: fmt("font.size", 1, (c, v) => (c.size = v)),
        color: fmt("font.color", 1, (c, v) => (c.color = v)),
        name: fmt("font.name", 1, (c, v) => (c.fontName = v)),
        underline: fmt("font.underline", 1, (c, v) => (c.underline = v)),
      }
    );
    const fill = Object.defineProperties(
      {
        clear: () =>
          ctx.enqueue("RangeFill.clear", 1, 10, () => {
            each((c) => delete c.fill);
            const { s, b } = this.where();
            s.styles.push({ range: boxAddress(b), prop: "fill.color", value: null });
          }),
      },
      { color: fmt("fill.color", 1, (c, v) => (c.fill = v)) }
    );
    const protection = Object.defineProperties(
      {},
      {
        locked: fmt("protection.locked", 2, null, (s, b, v) => {
          for (let r = b.r1; r <= Math.min(b.r2, b.r1 + ROW_CAP); r++)
            for (let c = b.c1; c <= Math.min(b.c2, b.c1 + COL_CAP); c++) wb.touch(s, r, c).locked = v;
        }),
        formulaHidden: fmt("protection.formulaHidden", 2, (c, v) => (c.formulaHidden = v)),
      }
    );
    const borders = {
      getItem: (idx: string) =>
        Object.defineProperties(
          {},
          {
            style: fmt(`borders.${idx}.style`, 1, (c, v) => (c.borders[idx] = v)),
            weight: fmt(`borders.${idx}.weight`, 1, null),
            color: fmt(`borders.${idx}.color`, 1, null),
          }
        ),
    };
    this.format = Object.defineProperties(
      {
        font,
        fill,
        protection,
        borders,
        autofitColumns: () => ctx.enqueue("RangeFormat.autofitColumns", 2, 10, () => undefined),
        autofitRows: () => ctx.enqueue("RangeFormat.autofitRows", 2, 10, () => undefined),
      },
      {
        columnWidth: fmt("columnWidth", 2, null, (s, b, v) => {
          for (let c = b.c1; c <= b.c2; c++) s.colWidths.set(c, v);
        }),
        rowHeight: fmt("rowHeight", 2, null, (s, b, v) => {
          for (let r = b.r1; r <= Math.min(b.r2, b.r1 + 100000); r++) s.rowHeights.set(r, v);
        }),
        horizontalAlignment: fmt("horizontalAlignment", 1, (c, v) => (c.hAlign = v)),
        verticalAlignment: fmt("verticalAlignment", 1, (c, v) => (c.vAlign = v)),
        wrapText: fmt("wrapText", 1, (c, v) => (c.wrap = v)),
        indentLevel: fmt("indentLevel", 9, (c, v) => (c.indent = v)),
      }
    );
    this.conditionalFormats = {
      add: (type: string) => {
        const entry: FakeSheet["conditionalFormats"][number] = { type, range: "" };
        ctx.enqueue("ConditionalFormatCollection.add", 6, 20, () => {
          const { s, b } = this.where();
          entry.range = boxAddress(b);
          s.conditionalFormats.push(entry);
        });
        const set = (k: "formula" | "fill" | "fontColor") => ({
          get: () => notLoaded(k),
          set: (v: string) => ctx.enqueue(`ConditionalFormat.${k}`, 6, size(v), () => (entry[k] = v)),
        });
        return {
          custom: {
            rule: Object.defineProperties({}, { formula: set("formula") }),
            format: {
              fill: Object.defineProperties({}, { color: set("fill") }),
              font: Object.defineProperties({}, { color: set("fontColor") }),
            },
          },
        };
      },
      clearAll: () =>
        ctx.enqueue("ConditionalFormatCollection.clearAll", 6, 10, () => {
          const { s, b } = this.where();
          s.conditionalFormats = s.conditionalFormats.filter((cf) => !intersects(parseAddress(cf.range)!, b));
        }),
    };
  }

  get dataValidation(): any {
    const ctx = this.ctx;
    const entry = () => {
      const { s, b } = this.where();
      const range = boxAddress(b);
      let e = s.validations.find((v) => v.range === range);
      if (!e) s.validations.push((e = { range }));
      return e;
    };
    const dv = (k: "rule" | "prompt" | "errorAlert" | "ignoreBlanks") => ({
      get: () => notLoaded(k),
      set: (v: unknown) =>
        ctx.enqueue(`DataValidation.${k}`, 8, size(v), () => {
          const e = entry();
          if (k === "rule" && e.rule)
            throw new FakeError("InvalidOperation", "A data validation rule already exists; clear it first.");
          e[k] = JSON.parse(JSON.stringify(v));
        }),
    });
    return Object.defineProperties(
      {
        clear: () =>
          ctx.enqueue("DataValidation.clear", 8, 4, () => {
            const { s, b } = this.where();
            s.validations = s.validations.filter((v) => v.range !== boxAddress(b));
          }),
      },
      { rule: dv("rule"), prompt: dv("prompt"), errorAlert: dv("errorAlert"), ignoreBlanks: dv("ignoreBlanks") }
    );
  }

  /** A 2D write (or a single value for every cell) checked against the range's shape. */
  private write(
    desc: string,
    v: unknown,
    f: (s: FakeSheet, r: number, c: number, x: unknown) => void,
    changes: boolean
  ) {
    this.ctx.enqueue(desc, 1, size(v), () => {
      const wb = this.ctx.wb;
      const { s, b } = this.where();
      const rows = b.r2 - b.r1 + 1;
      const cols = b.c2 - b.c1 + 1;
      if (rows * cols > CELL_LIMIT)
        throw new FakeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      const grid = Array.isArray(v) ? (v as unknown[][]) : Array.from({ length: rows }, () => new Array(cols).fill(v));
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new FakeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${desc}: not ${rows}x${cols})`
        );
      wb.checkWritable(s, b);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(s, b.r1 + r, b.c1 + c, grid[r][c]);
      if (changes) wb.pendingEvents.push({ s, address: boxAddress(b) });
    });
  }

  set formulas(v: any) {
    this.write("Range.formulas", v, (s, r, c, x) => this.ctx.wb.enter(s, r, c, x), true);
  }
  set values(v: any) {
    this.write("Range.values", v, (s, r, c, x) => this.ctx.wb.enter(s, r, c, x), true);
  }
  set numberFormat(v: any) {
    this.write(
      "Range.numberFormat",
      v,
      (s, r, c, x) => {
        if (x !== null && x !== undefined) this.ctx.wb.touch(s, r, c).nf = String(x);
      },
      false
    );
  }
  set columnHidden(v: boolean) {
    this.ctx.enqueue("Range.columnHidden", 2, 5, () => {
      const { s, b } = this.where();
      for (let c = b.c1; c <= b.c2; c++) v ? s.hiddenCols.add(c) : s.hiddenCols.delete(c);
    });
  }
  set rowHidden(v: boolean) {
    this.ctx.enqueue("Range.rowHidden", 2, 5, () => {
      const { s, b } = this.where();
      for (let r = b.r1; r <= Math.min(b.r2, b.r1 + 100000); r++) v ? s.hiddenRows.add(r) : s.hiddenRows.delete(r);
    });
  }
  merge(across?: boolean) {
    this.ctx.enqueue("Range.merge", 2, 5, () => {
      const { s, b } = this.where();
      const boxes = across
        ? Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) => ({ ...b, r1: b.r1 + i, r2: b.r1 + i }))
        : [b];
      for (const m of boxes) if (!s.merges.some((x) => boxAddress(x) === boxAddress(m))) s.merges.push(m);
    });
  }
  /** clear(applyTo): "All" (the default), "Contents" or "Formats", as Office.js. */
  clear(applyTo: string = "All") {
    this.ctx.enqueue("Range.clear", 1, 10, () => {
      const wb = this.ctx.wb;
      const { s, b } = this.where();
      if (!["All", "Contents", "Formats"].includes(applyTo)) throw new FakeError("InvalidArgument", `clear ${applyTo}`);
      wb.checkWritable(s, b);
      for (const [k, cell] of [...s.cells]) {
        const [r, c] = unkey(k);
        if (r < b.r1 || r > b.r2 || c < b.c1 || c > b.c2) continue;
        if (applyTo !== "Formats") wb.enter(s, r, c, "");
        if (applyTo !== "Contents") {
          const { value, formula, error, prefix, locked } = cell;
          s.cells.set(k, { value, formula, error, prefix, locked, nf: "General", borders: {} });
        }
      }
      if (applyTo !== "Formats") wb.pendingEvents.push({ s, address: boxAddress(b) });
    });
  }
  select() {
    this.ctx.enqueue("Range.select", 1, 5, () => {
      const wb = this.ctx.wb;
      const { s, b } = this.where();
      if (s.visibility !== "Visible")
        throw new FakeError("InvalidSelection", "The current selection is invalid for this operation.");
      wb.active = s;
      wb.selection = { sheet: s.name, address: boxAddress(b) };
    });
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { s, b } = this.where();
      return { s, b: { r1: b.r1 + i, r2: b.r1 + i, c1: b.c1, c2: b.c2 } };
    });
  }
  getCell(i: number, j: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { s, b } = this.where();
      return { s, b: { r1: b.r1 + i, r2: b.r1 + i, c1: b.c1 + j, c2: b.c1 + j } };
    });
  }
  load(spec?: unknown) {
    const names = propsOf(spec) ?? [
      "address",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
    this.ctx.enqueue("Range.load", 1, size(spec), () => {
      if (this._isNull) return;
      const wb = this.ctx.wb;
      const { s, b } = this.where();
      const rows = b.r2 - b.r1 + 1;
      const cols = b.c2 - b.c1 + 1;
      const cellProps = ["values", "formulas", "valueTypes", "numberFormat", "text"];
      if (names.some((n) => cellProps.includes(n))) {
        if (b.r2 === MAX_ROW || b.c2 === MAX_COL) throw new FakeError("InvalidArgument", "loading a whole row/column");
        if (rows * cols > CELL_LIMIT)
          throw new FakeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      }
      let ev: FormulaEvaluator | undefined;
      const evaluator = () => (ev ??= wb.evaluator());
      let cells: ReturnType<FakeWorkbook["read"]>[][] | undefined;
      const grid = <T>(f: (c: ReturnType<FakeWorkbook["read"]>) => T): T[][] => {
        cells ??= Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => wb.read(s, b.r1 + i, b.c1 + j, evaluator))
        );
        return cells.map((row) => row.map(f));
      };
      const hidden = (set: Set<number>, from: number, to: number) => {
        let n = 0;
        for (let i = from; i <= to; i++) if (set.has(i)) n++;
        return n === 0 ? false : n === to - from + 1 ? true : MIXED;
      };
      for (const n of names) {
        if (n === "values")
          this.loaded.set(
            n,
            grid((c) => c.value)
          );
        else if (n === "formulas")
          this.loaded.set(
            n,
            grid((c) => c.formula)
          );
        else if (n === "valueTypes")
          this.loaded.set(
            n,
            grid((c) => c.type)
          );
        else if (n === "numberFormat")
          this.loaded.set(
            n,
            grid((c) => c.nf)
          );
        else if (n === "text")
          this.loaded.set(
            n,
            grid((c) => (c.value === "" ? "" : String(c.value)))
          );
        else if (n === "rowIndex") this.loaded.set(n, b.r1 - 1);
        else if (n === "columnIndex") this.loaded.set(n, b.c1 - 1);
        else if (n === "rowCount") this.loaded.set(n, rows);
        else if (n === "columnCount") this.loaded.set(n, cols);
        else if (n === "address") this.loaded.set(n, `${quote(s.name)}!${boxAddress(b)}`);
        else if (n === "rowHidden") this.loaded.set(n, hidden(s.hiddenRows, b.r1, b.r2));
        else if (n === "columnHidden") this.loaded.set(n, hidden(s.hiddenCols, b.c1, b.c2));
        else throw new FakeError("InvalidArgument", `unknown property ${n}`);
      }
    });
    return this;
  }
  private get$(n: string): any {
    if (!this.loaded.has(n)) notLoaded(n);
    const v = this.loaded.get(n);
    return v === MIXED ? null : v;
  }
  get isNullObject(): boolean {
    return this._isNull ?? notLoaded("isNullObject");
  }
  get values(): any[][] {
    return this.get$("values");
  }
  get formulas(): any[][] {
    return this.get$("formulas");
  }
  get numberFormat(): any[][] {
    return this.get$("numberFormat");
  }
  get valueTypes(): any[][] {
    return this.get$("valueTypes");
  }
  get text(): string[][] {
    return this.get$("text");
  }
  get rowIndex(): number {
    return this.get$("rowIndex");
  }
  get columnIndex(): number {
    return this.get$("columnIndex");
  }
  get rowCount(): number {
    return this.get$("rowCount");
  }
  get columnCount(): number {
    return this.get$("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.get$("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.get$("columnHidden");
  }
  get address(): string {
    return this.get$("address");
  }
}

export { colLetters };

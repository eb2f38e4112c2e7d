/**
 * An in-memory Excel for jest: just the Office.js members src/excel uses (see src/excel/API-SURFACE.md),
 * with the behaviour that matters for the adapter:
 * - commands are queued on proxies and run only at context.sync(), in order; an error stops the batch
 *   (earlier commands stay applied), like Office.js;
 * - reading a property that was not loaded (or not yet synced) throws PropertyNotLoaded;
 * - each member has the ExcelApi version it needs: on an older host the command fails at sync with ApiNotFound;
 * - text entry is coerced as Excel does: "1.1" becomes a number unless the cell is "@" or the text starts with
 *   an apostrophe, and "=…", "+…", "-…", "@…" become formulas unless escaped with an apostrophe;
 * - a protected sheet rejects writes to locked cells (AccessDenied);
 * - a request over 5 MB fails (RequestPayloadSizeLimitExceeded), as on Excel on the web;
 * - change events fire asynchronously after a sync, for the add-in's own writes too (triggerSource
 *   "ThisLocalAddin" from 1.14), and for simulated user edits.
 */
import { Box, boxAddress, colLetters as colLetter, MAX_COL, MAX_ROW, parseRange } from "../../src/engine/a1";

export interface FakeCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  prefix?: boolean;
  nf: string;
  locked: boolean;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  borders: Record<string, string>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
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
  conditionalFormats: { range: string; formula?: string; fill?: string; fontColor?: string }[];
  charts: FakeChart[];
  validations: { range: string; rule?: any; prompt?: any; errorAlert?: any }[];
  pageLayout: Record<string, unknown>;
  handlers: { id: number; fn: (e: any) => unknown }[];
}

interface Op {
  desc: string;
  min: number;
  size: number;
  apply: () => void;
}

export class FakeError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?$/;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Ops and payload characters of every sync. */
  syncLog: { ops: number; chars: number; descs: string[] }[] = [];
  /** Commands queued but never synced, per finished run. */
  unsynced = 0;
  /** Make a command fail at sync: return an error code for its description. */
  failOn?: (desc: string) => string | undefined;
  eventDelayMs = 5;
  active?: FakeSheet;
  selected?: string;
  collectionHandlers: { id: number; fn: (e: any) => unknown }[] = [];
  addedHandlers: { id: number; fn: (e: any) => unknown }[] = [];
  private nextId = 1;

  constructor(public apiVersion = 17) {}

  // ------------------------------------------------------------ test helpers

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    const s: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
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
      handlers: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const b = parseRange(a1)!;
    return this.sheet(sheet)?.cells.get(key(b.r1, b.c1));
  }

  /** The value a user sees (text, number, boolean) or undefined for an empty cell. */
  value(sheet: string, a1: string) {
    return this.cell(sheet, a1)?.value;
  }

  /** Sets a cell as typed by the user (Excel coercion applies) and fires change events. */
  userEdit(sheet: string, a1: string, typed: string | number) {
    const s = this.sheet(sheet)!;
    const b = parseRange(a1)!;
    this.enter(s, b.r1, b.c1, typed);
    this.fire(s, boxAddress(b), "Unknown");
  }

  setRaw(sheet: string, a1: string, c: Partial<FakeCell>) {
    const s = this.sheet(sheet)!;
    const b = parseRange(a1)!;
    Object.assign(this.touch(s, b.r1, b.c1), c);
  }

  // ------------------------------------------------------------ Excel.run

  run = async (...args: any[]): Promise<any> => {
    const batch = args[args.length - 1] as (ctx: FakeContext) => Promise<any>;
    const ctx = new FakeContext(this);
    try {
      return await batch(ctx);
    } finally {
      this.unsynced += ctx.queue.length;
    }
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

  /** Excel's entry parsing. */
  enter(s: FakeSheet, r: number, c: number, x: unknown) {
    const cell = this.touch(s, r, c);
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
    if (t.startsWith("'")) {
      cell.value = t.slice(1);
      cell.prefix = true;
    } else if (/^[=+\-@]./.test(t)) {
      cell.formula = t.startsWith("=") ? t : "=" + t;
      cell.value = 0;
    } else if (cell.nf === "@") {
      cell.value = t;
    } else if (NUMERIC.test(t)) {
      cell.value = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
      // like Excel, typing "99.75%" into a General cell formats it as a percentage
      if (t.endsWith("%") && cell.nf === "General") cell.nf = t.includes(".") ? "0.00%" : "0%";
    } else if (/^(true|false)$/i.test(t)) {
      cell.value = t.toLowerCase() === "true";
    } else {
      cell.value = t;
    }
  }

  usedBox(s: FakeSheet): Box | undefined {
    let b: Box | undefined;
    for (const [k, c] of s.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      if (!b) b = { r1: r, c1: col, r2: r, c2: col };
      else b = { r1: Math.min(b.r1, r), c1: Math.min(b.c1, col), r2: Math.max(b.r2, r), c2: Math.max(b.c2, col) };
    }
    return b;
  }

  checkWritable(s: FakeSheet, b: Box) {
    if (!s.protected) return;
    const r2 = Math.min(b.r2, b.r1 + 2000);
    const c2 = Math.min(b.c2, b.c1 + 200);
    for (let r = b.r1; r <= r2; r++)
      for (let c = b.c1; c <= c2; c++) if (s.cells.get(key(r, c))?.locked ?? true) throw new FakeError("AccessDenied");
  }

  pendingEvents: { s: FakeSheet; address: string }[] = [];

  fire(s: FakeSheet, address: string, trigger: "ThisLocalAddin" | "Unknown") {
    const args: any = { type: "WorksheetChanged", address, worksheetId: s.id, source: "Local", changeType: "RangeEdited" };
    if (this.apiVersion >= 14) args.triggerSource = trigger;
    for (const h of [...s.handlers, ...this.collectionHandlers]) setTimeout(() => void h.fn(args), this.eventDelayMs);
  }

  newHandler(list: { id: number; fn: (e: any) => unknown }[], fn: (e: any) => unknown, ctx: FakeContext) {
    const id = this.nextId++;
    ctx.enqueue("EventHandlers.add", 1, 10, () => list.push({ id, fn }));
    return {
      context: ctx,
      remove: () => {
        // remove() queues on the context it is given through run(context, ...): we accept any.
        const i = list.findIndex((h) => h.id === id);
        if (i >= 0) list.splice(i, 1);
      },
    };
  }

  handlerCount() {
    return this.collectionHandlers.length + this.addedHandlers.length + this.sheets.reduce((n, s) => n + s.handlers.length, 0);
  }
}

// ---------------------------------------------------------------- proxies

function notLoaded(name: string): never {
  throw new FakeError("PropertyNotLoaded", `The property '${name}' is not available. Load it and call context.sync().`);
}

export class FakeContext {
  queue: Op[] = [];
  workbook: FakeWorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(desc: string, min: number, size: number, apply: () => void) {
    this.queue.push({ desc, min, size, apply });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const chars = ops.reduce((n, o) => n + o.size + 60, 0);
    this.wb.syncLog.push({ ops: ops.length, chars, descs: ops.map((o) => o.desc) });
    if (chars > 5 * 1024 * 1024) throw new FakeError("RequestPayloadSizeLimitExceeded");
    try {
      for (const op of ops) {
        if (op.min > this.wb.apiVersion) throw new FakeError("ApiNotFound", `${op.desc} needs ExcelApi 1.${op.min}`);
        const fail = this.wb.failOn?.(op.desc);
        if (fail) throw new FakeError(fail, `${op.desc} failed`);
        op.apply();
      }
    } finally {
      const ev = this.wb.pendingEvents;
      this.wb.pendingEvents = [];
      for (const e of ev) this.wb.fire(e.s, e.address, "ThisLocalAddin");
    }
  }
}

class FakeWorkbookProxy {
  worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

class FakeWorksheetCollection {
  private _items?: FakeWorksheet[];
  onChanged: { add: (fn: (e: any) => unknown) => any };
  onAdded: { add: (fn: (e: any) => unknown) => any };
  constructor(private ctx: FakeContext) {
    const wb = ctx.wb;
    this.onChanged = {
      add: (fn) => {
        ctx.enqueue("WorksheetCollection.onChanged", 9, 10, () => undefined);
        return wb.newHandler(wb.collectionHandlers, fn, ctx);
      },
    };
    this.onAdded = { add: (fn) => wb.newHandler(wb.addedHandlers, fn, ctx) };
  }
  get items(): FakeWorksheet[] {
    return this._items ?? notLoaded("items");
  }
  load(props: string) {
    const names = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue("WorksheetCollection.load", 1, props.length, () => {
      this._items = this.ctx.wb.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        w.bind(s);
        w.loadNow(names);
        return w;
      });
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    const w = new FakeWorksheet(this.ctx, () => made ?? (() => { throw new FakeError("InvalidReference"); })());
    this.ctx.enqueue("WorksheetCollection.add", 1, name.length, () => {
      if (this.ctx.wb.sheet(name)) throw new FakeError("ItemAlreadyExists", name);
      made = this.ctx.wb.addSheet(name);
      w.bind(made);
      for (const h of this.ctx.wb.addedHandlers) setTimeout(() => void h.fn({ worksheetId: made!.id, type: "WorksheetAdded" }), this.ctx.wb.eventDelayMs);
    });
    return w;
  }
  getItem(nameOrId: string): FakeWorksheet {
    return this.lookup(nameOrId, false);
  }
  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return this.lookup(nameOrId, true);
  }
  private lookup(nameOrId: string, orNull: boolean): FakeWorksheet {
    let found: FakeSheet | undefined;
    const w = new FakeWorksheet(this.ctx, () => found ?? (() => { throw new FakeError("ItemNotFound", nameOrId); })());
    this.ctx.enqueue(`WorksheetCollection.getItem${orNull ? "OrNullObject" : ""}`, orNull ? 4 : 1, nameOrId.length, () => {
      found = this.ctx.wb.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === nameOrId.toLowerCase());
      if (!found && !orNull) throw new FakeError("ItemNotFound", nameOrId);
      if (found) w.bind(found);
      w._isNull = !found;
    });
    return w;
  }
}

class FakeWorksheet {
  private loaded = new Map<string, unknown>();
  _isNull?: boolean;
  private target?: FakeSheet;
  freezePanes: { freezeRows: (n: number) => void };
  charts: { add: (type: string, source: FakeRange, seriesBy: string) => any };
  protection: { protect: (o?: unknown) => void; load: (p: string) => any; readonly protected: boolean };
  pageLayout: any;
  onChanged: { add: (fn: (e: any) => unknown) => any };

  constructor(private ctx: FakeContext, private resolve: () => FakeSheet) {
    const q = (desc: string, min: number, size: number, f: (s: FakeSheet) => void) =>
      ctx.enqueue(desc, min, size, () => f(this.resolve()));
    this.freezePanes = { freezeRows: (n) => q("WorksheetFreezePanes.freezeRows", 7, 10, (s) => (s.freezeRows = n)) };
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const chart: FakeChart = { type, series: [] };
        q("ChartCollection.add", 1, 60, (s) => {
          if (seriesBy !== "Columns") throw new FakeError("InvalidArgument", "seriesBy");
          chart.series.push({ values: source.addressOf() });
          s.charts.push(chart);
        });
        const seriesProxy = (get: () => FakeChart["series"][number]) => ({
          set name(v: string) {
            q("ChartSeries.name", 1, v.length, () => (get().name = v));
          },
          setValues: (r: FakeRange) => q("ChartSeries.setValues", 7, 30, () => (get().values = r.addressOf())),
          setXAxisValues: (r: FakeRange) => q("ChartSeries.setXAxisValues", 7, 30, () => (get().categories = r.addressOf())),
        });
        return {
          title: {
            set text(v: string) {
              q("ChartTitle.text", 1, v.length, () => (chart.title = v));
            },
          },
          series: {
            getItemAt: (i: number) => seriesProxy(() => chart.series[i]),
            add: (name: string) => {
              const entry = { name, values: "" };
              q("ChartSeriesCollection.add", 7, name.length, () => chart.series.push(entry));
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
        q("WorksheetProtection.protect", 2, JSON.stringify(o ?? {}).length, (s) => {
          if (s.protected) throw new FakeError("InvalidOperation", "already protected");
          s.protected = true;
          s.protectOptions = o;
        }),
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
      set: (v: unknown) => q(`PageLayout.${prop}`, 9, JSON.stringify(v).length, (s) => (s.pageLayout[prop] = v)),
    });
    this.pageLayout = Object.defineProperties(
      {
        setPrintTitleRows: (r: string) => q("PageLayout.setPrintTitleRows", 9, r.length, (s) => (s.pageLayout.titleRows = r)),
        setPrintTitleColumns: (r: string) =>
          q("PageLayout.setPrintTitleColumns", 9, r.length, (s) => (s.pageLayout.titleColumns = r)),
        setPrintArea: (r: string) => q("PageLayout.setPrintArea", 9, r.length, (s) => (s.pageLayout.printArea = r)),
      },
      { orientation: pl("orientation"), paperSize: pl("paperSize"), zoom: pl("zoom") },
    );
    this.onChanged = {
      add: (fn) => {
        const handler = { id: 0, fn };
        q("Worksheet.onChanged.add", 7, 10, (s) => s.handlers.push(handler));
        return {
          context: ctx,
          remove: () => {
            const s = this.resolve();
            s.handlers = s.handlers.filter((h) => h !== handler);
          },
        };
      },
    };
  }

  bind(s: FakeSheet) {
    this.target = s;
  }

  loadNow(props: string[]) {
    const s = this.target!;
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      else if (p === "visibility") this.loaded.set("visibility", s.visibility);
      else if (p === "position") this.loaded.set("position", this.ctx.wb.sheets.indexOf(s));
      else if (p === "id") this.loaded.set("id", s.id);
      else throw new FakeError("InvalidArgument", `unknown property ${p}`);
    }
  }

  load(props: string) {
    this.ctx.enqueue("Worksheet.load", 1, props.length, () => {
      if (this._isNull) return;
      this.loadNow(props.split(",").map((p) => p.trim()));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this._isNull ?? notLoaded("isNullObject");
  }
  get name(): string {
    return (this.loaded.get("name") as string) ?? notLoaded("name");
  }
  set name(v: string) {
    this.ctx.enqueue("Worksheet.name", 1, v.length, () => {
      if (this.ctx.wb.sheets.some((s) => s !== this.resolve() && s.name.toLowerCase() === v.toLowerCase()))
        throw new FakeError("ItemAlreadyExists", v);
      this.resolve().name = v;
    });
  }
  get visibility(): string {
    return (this.loaded.get("visibility") as string) ?? notLoaded("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue("Worksheet.visibility", 1, v.length, () => {
      const s = this.resolve();
      if (v !== "Visible" && !this.ctx.wb.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw new FakeError("InvalidOperation", "a workbook must keep one visible sheet");
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  get position(): number {
    return (this.loaded.get("position") as number) ?? notLoaded("position");
  }
  set position(v: number) {
    this.ctx.enqueue("Worksheet.position", 1, 4, () => {
      const wb = this.ctx.wb;
      const s = this.resolve();
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      wb.sheets.splice(Math.min(v, wb.sheets.length), 0, s);
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueue("Worksheet.tabColor", 7, v.length, () => (this.resolve().tabColor = v));
  }
  get tabColor(): string {
    return notLoaded("tabColor");
  }
  activate() {
    this.ctx.enqueue("Worksheet.activate", 1, 4, () => {
      const s = this.resolve();
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", "hidden sheet");
      this.ctx.wb.active = s;
    });
  }
  delete() {
    this.ctx.enqueue("Worksheet.delete", 1, 4, () => {
      const wb = this.ctx.wb;
      const s = this.resolve();
      if (!wb.sheets.some((o) => o !== s && o.visibility === "Visible")) throw new FakeError("InvalidOperation", "last visible sheet");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.active === s) wb.active = undefined;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      const b = parseRange(address);
      if (!b) throw new FakeError("InvalidArgument", `bad address ${address}`);
      return { s, b };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    const r = new FakeRange(this.ctx, () => {
      const s = this.resolve();
      const b = this.ctx.wb.usedBox(s);
      if (!b) throw new FakeError("ItemNotFound");
      return { s, b };
    });
    this.ctx.enqueue("Worksheet.getUsedRangeOrNullObject", 4, 10, () => {
      r._isNull = !this.ctx.wb.usedBox(this.resolve());
    });
    return r;
  }
}

type Where = () => { s: FakeSheet; b: Box };

/** A chart as the add-in left it: its type, title, series (name, values and categories as addresses), position. */
export interface FakeChart {
  type: string;
  title?: string;
  series: { name?: string; values: string; categories?: string }[];
  position?: [string, string];
}

const MIXED = Symbol("mixed");

class FakeRange {
  private loaded = new Map<string, unknown>();
  _isNull?: boolean;
  format: any;
  conditionalFormats: { add: (type: string) => any };
  dataValidation: any;

  /** The range's address on its sheet ("B7:B30"), as a chart records its source. */
  addressOf(): string {
    return boxAddress(this.where().b);
  }

  constructor(private ctx: FakeContext, private where: Where) {
    const wb = ctx.wb;
    const each = (f: (c: FakeCell, r: number, col: number, s: FakeSheet) => void, check = true) => () => {
      const { s, b } = this.where();
      if (check) wb.checkWritable(s, b);
      for (let r = b.r1; r <= Math.min(b.r2, b.r1 + 5000); r++)
        for (let c = b.c1; c <= Math.min(b.c2, b.c1 + 300); c++) f(wb.touch(s, r, c), r, c, s);
    };
    const fmt = (desc: string, min: number, apply: (c: FakeCell, v: any) => void, onRange?: (s: FakeSheet, b: Box, v: any) => void) => ({
      get: () => notLoaded(desc),
      set: (v: any) =>
        ctx.enqueue(`RangeFormat.${desc}`, min, JSON.stringify(v).length, () => {
          const { s, b } = this.where();
          if (onRange) onRange(s, b, v);
          else each((c) => apply(c, v))();
        }),
    });
    const font = Object.defineProperties(
      {},
      {
        bold: fmt("font.bold", 1, (c, v) => (c.bold = v)),
        italic: fmt("font.italic", 1, (c, v) => (c.italic = v)),
        size: fmt("font.size", 1, (c, v) => (c.size = v)),
        color: fmt("font.color", 1, (c, v) => (c.color = v)),
      },
    );
    const fill = Object.defineProperties({}, { color: fmt("fill.color", 1, (c, v) => (c.fill = v)) });
    const protection = Object.defineProperties(
      {},
      { locked: fmt("protection.locked", 2, () => undefined, (s, b, v) => each((c) => (c.locked = v), false)()) },
    );
    const borders = {
      getItem: (idx: string) =>
        Object.defineProperties(
          {},
          {
            style: fmt(`borders.${idx}.style`, 1, (c, v) => (c.borders[idx] = v)),
            weight: fmt(`borders.${idx}.weight`, 1, () => undefined),
          },
        ),
    };
    this.format = Object.defineProperties(
      { font, fill, protection, borders },
      {
        columnWidth: fmt("columnWidth", 1, () => undefined, (s, b, v) => {
          for (let c = b.c1; c <= b.c2; c++) s.colWidths.set(c, v);
        }),
        rowHeight: fmt("rowHeight", 1, () => undefined, (s, b, v) => {
          for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, v);
        }),
        horizontalAlignment: fmt("horizontalAlignment", 1, (c, v) => (c.hAlign = v)),
        verticalAlignment: fmt("verticalAlignment", 1, (c, v) => (c.vAlign = v)),
        wrapText: fmt("wrapText", 1, (c, v) => (c.wrap = v)),
        indentLevel: fmt("indentLevel", 9, (c, v) => (c.indent = v)),
      },
    );
    this.conditionalFormats = {
      add: (type: string) => {
        const entry: any = { type };
        ctx.enqueue("ConditionalFormatCollection.add", 6, 20, () => {
          const { s, b } = this.where();
          entry.range = boxAddress(b);
          s.conditionalFormats.push(entry);
        });
        const set = (k: string) => ({
          get: () => notLoaded(k),
          set: (v: unknown) => ctx.enqueue(`ConditionalFormat.${k}`, 6, JSON.stringify(v).length, () => (entry[k] = v)),
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
    };
    const dvEntry = () => {
      const { s, b } = this.where();
      const range = boxAddress(b);
      let e = s.validations.find((v) => v.range === range);
      if (!e) s.validations.push((e = { range }));
      return e;
    };
    const dv = (k: "rule" | "prompt" | "errorAlert") => ({
      get: () => notLoaded(k),
      set: (v: unknown) =>
        ctx.enqueue(`DataValidation.${k}`, 8, JSON.stringify(v).length, () => {
          const e = dvEntry();
          if (k === "rule" && e.rule) throw new FakeError("InvalidOperation", "clear the rule first");
          e[k] = v;
        }),
    });
    this.dataValidation = Object.defineProperties(
      {
        clear: () =>
          ctx.enqueue("DataValidation.clear", 8, 4, () => {
            const { s, b } = this.where();
            s.validations = s.validations.filter((v) => v.range !== boxAddress(b));
          }),
      },
      { rule: dv("rule"), prompt: dv("prompt"), errorAlert: dv("errorAlert") },
    );
  }

  private set2d(desc: string, v: unknown[][], f: (c: FakeCell, x: unknown, s: FakeSheet, r: number, col: number) => void, writes: boolean) {
    this.ctx.enqueue(desc, 1, JSON.stringify(v).length, () => {
      const { s, b } = this.where();
      const rows = b.r2 - b.r1 + 1;
      const cols = b.c2 - b.c1 + 1;
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new FakeError("InvalidArgument", `${desc}: array is not ${rows}x${cols}`);
      this.ctx.wb.checkWritable(s, b);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(this.ctx.wb.touch(s, b.r1 + r, b.c1 + c), v[r][c], s, b.r1 + r, b.c1 + c);
      if (writes) this.ctx.wb.pendingEvents.push({ s, address: boxAddress(b) });
    });
  }

  set formulas(v: any[][]) {
    this.set2d("Range.formulas", v, (_c, x, s, r, c) => this.ctx.wb.enter(s, r, c, x), true);
  }
  set values(v: any[][]) {
    this.set2d("Range.values", v, (_c, x, s, r, c) => this.ctx.wb.enter(s, r, c, x), true);
  }
  set numberFormat(v: any[][]) {
    this.set2d("Range.numberFormat", v, (c, x) => (c.nf = String(x)), false);
  }
  set columnHidden(v: boolean) {
    this.ctx.enqueue("Range.columnHidden", 2, 5, () => {
      const { s, b } = this.where();
      for (let c = b.c1; c <= b.c2; c++) (v ? s.hiddenCols.add(c) : s.hiddenCols.delete(c));
    });
  }
  merge(across?: boolean) {
    this.ctx.enqueue("Range.merge", 2, 5, () => {
      const { s, b } = this.where();
      if (across) throw new FakeError("InvalidArgument", "merge across not expected");
      s.merges.push(b);
    });
  }
  clear(what?: string) {
    this.ctx.enqueue("Range.clear", 1, 10, () => {
      const { s, b } = this.where();
      this.ctx.wb.checkWritable(s, b);
      if (what !== "Contents") throw new FakeError("InvalidArgument", "only Contents expected");
      for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) this.ctx.wb.enter(s, r, c, "");
      this.ctx.wb.pendingEvents.push({ s, address: boxAddress(b) });
    });
  }
  select() {
    this.ctx.enqueue("Range.select", 1, 5, () => {
      const { s, b } = this.where();
      if (this.ctx.wb.active !== s) throw new FakeError("InvalidOperation", "select on an inactive sheet");
      this.ctx.wb.selected = `${s.name}!${boxAddress(b)}`;
    });
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { s, b } = this.where();
      return { s, b: { r1: b.r1 + i, r2: b.r1 + i, c1: b.c1, c2: b.c2 } };
    });
  }
  load(props: string) {
    const names = props.split(",").map((p) => p.trim());
    this.ctx.enqueue("Range.load", 1, props.length, () => {
      if (this._isNull) return;
      const { s, b } = this.where();
      if (b.r2 === MAX_ROW || b.c2 === MAX_COL) {
        if (names.some((n) => ["values", "formulas", "valueTypes"].includes(n))) throw new FakeError("InvalidArgument", "loading a whole row/column");
      }
      const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) =>
          Array.from({ length: b.c2 - b.c1 + 1 }, (_, j) => f(s.cells.get(key(b.r1 + i, b.c1 + j)))),
        );
      for (const n of names) {
        if (n === "values") this.loaded.set(n, grid((c) => (c?.error ?? c?.value ?? "")));
        else if (n === "formulas") this.loaded.set(n, grid((c) => c?.formula ?? c?.error ?? c?.value ?? ""));
        else if (n === "valueTypes")
          this.loaded.set(
            n,
            grid((c) =>
              c?.error !== undefined ? "Error" : c?.value === undefined ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String",
            ),
          );
        else if (n === "rowIndex") this.loaded.set(n, b.r1 - 1);
        else if (n === "columnIndex") this.loaded.set(n, b.c1 - 1);
        else if (n === "rowCount") this.loaded.set(n, b.r2 - b.r1 + 1);
        else if (n === "columnCount") this.loaded.set(n, b.c2 - b.c1 + 1);
        else if (n === "address") this.loaded.set(n, `${quote(s.name)}!${boxAddress(b)}`);
        else if (n === "numberFormat") this.loaded.set(n, grid((c) => c?.nf ?? "General"));
        else if (n === "rowHidden") {
          let hid = 0;
          for (let r = b.r1; r <= b.r2; r++) if (s.hiddenRows.has(r)) hid++;
          this.loaded.set(n, hid === 0 ? false : hid === b.r2 - b.r1 + 1 ? true : MIXED);
        } else throw new FakeError("InvalidArgument", `unknown property ${n}`);
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
  get address(): string {
    return this.get$("address");
  }
}

function quote(name: string) {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export { colLetter };

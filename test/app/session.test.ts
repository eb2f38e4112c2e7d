/**
 * The use-case layer against a plain in-memory host (no Office, no browser): the live check's leading and
 * trailing edge (a single edit checked at once, a burst coalesced, a paste one re-read), which sheets an edit
 * re-reads, pre-send that stamps only a ready and complete check, the fixes and the figures the reader took.
 */
import { createCoalescer } from "../../src/app/coalesce";
import { createCheckSession, figuresRead, stampView } from "../../src/app/check-session";
import { applyFix, fixFor, layoutOfReport } from "../../src/app/fixes";
import type { ChangeEvent, ExcelHost, SheetInfo, WriteResult } from "../../src/app/host";
import { insertProblem, layoutFor, planInsert, yearFromText } from "../../src/app/insert";
import { preSend, preSendVerdict } from "../../src/app/presend";
import { SETTINGS_KEYS } from "../../src/engine/conventions";
import { checkStamp } from "../../src/engine/fingerprint";
import { readReport } from "../../src/engine/reader";
import type { CellSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { seedGrids } from "../engine/seed-grids";

const commune = {
  level: "xa" as const,
  version: "v2022-muc-do",
  period: { kind: "6T" as const, year: 2023 },
  unit: "UBND xã Tân Phú",
};
const col = (n: number) => String.fromCharCode(64 + n);

/** A workbook in memory: sheets of values/formulas, a settings block, change events fired on demand. */
class MemoryHost implements ExcelHost {
  sheets = new Map<string, { values: GridValue[][]; formulas: (string | null)[][] }>();
  kv: Record<string, string> = {};
  reads: (string[] | undefined)[] = [];
  writes = 0;
  handlers: ((e: ChangeEvent) => void)[] = [];

  constructor(spec?: WorkbookSpec) {
    if (spec) for (const s of spec.sheets) this.put(s.name, s.cells);
    if (spec?.settings) Object.assign(this.kv, spec.settings);
  }
  private put(name: string, cells: CellSpec[][]) {
    this.sheets.set(name, {
      values: cells.map((r) => r.map((c) => (c === null || c.t === "f" ? null : c.v))),
      formulas: cells.map((r) => r.map((c) => (c && c.t === "f" ? "=" + c.f.replace(/^=/, "") : null))),
    });
  }
  capabilities() {
    return {
      apiVersion: "1.17",
      supported: true,
      dataValidation: true,
      pageLayout: true,
      indentLevel: true,
      customProperties: true,
      triggerSource: true,
    };
  }
  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets.keys()].map((name) => ({ name, visibility: "Visible" }));
  }
  async writeWorkbook(spec: WorkbookSpec): Promise<WriteResult> {
    this.writes++;
    for (const s of spec.sheets) this.put(s.name, s.cells);
    return { written: spec.sheets.map((s) => s.name), kept: [], syncs: 1, skippedFeatures: [] };
  }
  async readSheets(names?: string[]) {
    this.reads.push(names);
    const sheets: GridSheet[] = [];
    for (const [name, s] of this.sheets)
      if (!names || names.includes(name))
        sheets.push({ name, values: s.values.map((r) => r.slice()), formulas: s.formulas.map((r) => r.slice()) });
    return { sheets, settings: { ...this.kv } };
  }
  async writeSettings(values: Record<string, string>) {
    this.writes++;
    Object.assign(this.kv, values);
  }
  async selectCell() {}
  async writeCells(sheet: string, cells: { a1: string; cell: CellSpec; sheet?: string }[]) {
    this.writes++;
    for (const c of cells) this.set(c.sheet ?? sheet, c.a1, c.cell, false);
  }
  async onChange(h: (e: ChangeEvent) => void) {
    this.handlers.push(h);
    return async () => {
      this.handlers = this.handlers.filter((x) => x !== h);
    };
  }
  /** What the user does: a cell typed (a formula typed over is gone), one change event. */
  set(sheet: string, a1: string, cell: CellSpec, fire = true) {
    const s = this.sheets.get(sheet)!;
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    const r = Number(m[2]) - 1;
    const c = m[1].charCodeAt(0) - 65;
    while (s.values.length <= r) s.values.push([]);
    while (s.formulas.length <= r) s.formulas.push([]);
    s.values[r][c] = cell === null || cell.t === "f" ? null : cell.v;
    s.formulas[r][c] = cell && cell.t === "f" ? "=" + cell.f.replace(/^=/, "") : null;
    if (fire) this.fire(sheet, a1);
  }
  fire(sheet: string, address: string) {
    for (const h of this.handlers) h({ sheet, address });
  }
}

function valueCell(spec: WorkbookSpec, sheet: string, id: string): string {
  const s = spec.sheets.find((x) => x.name === sheet)!;
  const i = s.cells.findIndex((row) => row[5] && row[5].t === "s" && row[5].v === id);
  if (i < 0) throw new Error(`no row for ${id}`);
  return `${col(4)}${i + 1}`;
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe("leading and trailing edge coalescing", () => {
  afterEach(() => jest.useRealTimers());

  it("runs the first item at once, gathers what follows into one run at the window's end", async () => {
    jest.useFakeTimers();
    const seen: number[][] = [];
    const c = createCoalescer<number>(
      400,
      (xs) => void seen.push(xs),
      () => {}
    );
    c.push(1);
    expect(seen).toEqual([[1]]); // leading edge: no wait
    c.push(2);
    jest.advanceTimersByTime(100);
    c.push(3);
    await flush();
    expect(seen).toEqual([[1]]);
    jest.advanceTimersByTime(300);
    await flush();
    expect(seen).toEqual([[1], [2, 3]]); // trailing edge: once for the rest of the burst
    // quiet again for a full window: the next edit is checked at once
    jest.advanceTimersByTime(400);
    await flush();
    c.push(4);
    expect(seen).toEqual([[1], [2, 3], [4]]);
    expect(c.runs).toBe(3);
  });

  it("never overlaps runs: what arrives during a slow run waits for it, then runs once", async () => {
    jest.useFakeTimers();
    const seen: number[][] = [];
    let release: () => void = () => {};
    const c = createCoalescer<number>(
      50,
      (xs) => {
        seen.push(xs);
        return seen.length === 1 ? new Promise<void>((res) => (release = res)) : undefined;
      },
      () => {}
    );
    c.push(1);
    c.push(2);
    jest.advanceTimersByTime(500);
    await flush();
    expect(seen).toEqual([[1]]); // still running: the window ended but the run is not done
    release();
    await flush();
    expect(seen).toEqual([[1], [2]]);
  });

  it("reports a failing run and goes on; cancel drops what is gathered", async () => {
    jest.useFakeTimers();
    const errors: unknown[] = [];
    const seen: number[][] = [];
    const c = createCoalescer<number>(
      10,
      (xs) => {
        seen.push(xs);
        if (xs[0] === 1) throw new Error("boom");
      },
      (e) => errors.push(e)
    );
    c.push(1);
    expect(errors).toHaveLength(1);
    c.push(2);
    jest.advanceTimersByTime(10);
    await flush();
    expect(seen).toEqual([[1], [2]]);
    jest.advanceTimersByTime(10);
    c.push(3);
    c.push(4);
    c.cancel();
    jest.advanceTimersByTime(100);
    await flush();
    expect(seen).toEqual([[1], [2], [3]]);
  });
});

describe("the live check session", () => {
  const wb = layoutFor([1, 3], commune);
  const [bm1, bm3] = wb.sheets.map((s) => s.name);

  it("checks a single edit at once, re-reading only the edited form sheet", async () => {
    const host = new MemoryHost(wb);
    const causes: string[] = [];
    const s = createCheckSession(host, { onResult: (_r, cause) => causes.push(cause) });
    await s.fullRead();
    expect(await s.start()).toBe(true);
    expect(host.reads).toEqual([undefined]);
    host.set(bm3, valueCell(wb, bm3, "bm3:1.4.3"), { t: "n", v: 157 }, false);
    host.set(bm3, valueCell(wb, bm3, "bm3:1.4"), { t: "n", v: 139 });
    await flush();
    expect(host.reads[1]).toEqual([bm3]); // no timer passed: the leading edge read at once
    const f = s.result!.findings.find((x) => x.rule === "part-exceeds-whole");
    expect(f).toMatchObject({ sheet: bm3, expected: 139, actual: 157 });
    expect(causes).toEqual(["full", "live"]);
    expect(s.liveReads).toBe(1);
    expect(host.writes).toBe(0); // read-only
    s.dispose();
  });

  it("a paste of a thousand cells (one change event) is one re-read; edits elsewhere cost nothing", async () => {
    const host = new MemoryHost(wb);
    host.sheets.set("Ghi chép", { values: [["x"]], formulas: [[null]] });
    const s = createCheckSession(host, { onResult: () => {} });
    await s.fullRead();
    await s.start();
    host.fire("Ghi chép", "A1");
    await flush();
    expect(s.liveReads).toBe(0);
    for (let r = 8; r < 1008; r++) host.set(bm1, `D${r}`, { t: "n", v: 1 }, false);
    host.fire(bm1, "D8:D1007");
    await flush();
    expect(s.liveReads).toBe(1);
    expect(host.reads.slice(1)).toEqual([[bm1]]);
    s.dispose();
  });

  it("a burst of edits costs the leading read and one trailing read, with the last figures", async () => {
    jest.useFakeTimers();
    const host = new MemoryHost(wb);
    const s = createCheckSession(host, { onResult: () => {}, windowMs: 400 });
    await s.fullRead();
    await s.start();
    const c = valueCell(wb, bm3, "bm3:1.4");
    for (let v = 1; v <= 30; v++) {
      host.set(bm3, c, { t: "n", v });
      jest.advanceTimersByTime(5);
      await flush();
    }
    expect(s.liveReads).toBe(1);
    jest.advanceTimersByTime(400);
    await flush();
    expect(s.liveReads).toBe(2);
    expect(s.result!.report.entries.get("bm3:1.4")?.value.number).toBe(30);
    s.dispose();
    host.set(bm3, c, { t: "n", v: 31 });
    jest.advanceTimersByTime(1000);
    await flush();
    expect(s.liveReads).toBe(2); // disposed: nothing more
    jest.useRealTimers();
  });

  it("a full read takes in the edits gathered for the trailing edge: no older live result lands after it", async () => {
    // two quick fixes then "Kiểm tra trước khi gửi": the second fix's trailing re-read must not come after the
    // pre-send's full read (it would be applied as a "live" result, clearing the summary the user just got)
    jest.useFakeTimers();
    const host = new MemoryHost(wb);
    const causes: string[] = [];
    const s = createCheckSession(host, { onResult: (_r, cause) => causes.push(cause), windowMs: 400 });
    await s.fullRead();
    await s.start();
    const c = valueCell(wb, bm3, "bm3:1.4");
    host.set(bm3, c, { t: "n", v: 1 });
    await flush();
    host.set(bm3, c, { t: "n", v: 2 }); // gathered for the window's end
    await flush();
    expect(causes).toEqual(["full", "live"]);
    await s.fullRead();
    expect(s.result!.report.entries.get("bm3:1.4")?.value.number).toBe(2);
    jest.advanceTimersByTime(1000);
    await flush();
    expect(causes).toEqual(["full", "live", "full"]);
    // later edits are checked live as before
    host.set(bm3, c, { t: "n", v: 3 });
    await flush();
    expect(causes).toEqual(["full", "live", "full", "live"]);
    expect(s.result!.report.entries.get("bm3:1.4")?.value.number).toBe(3);
    s.dispose();
    jest.useRealTimers();
  });

  it("a re-read begun before a full read is not applied after it", async () => {
    const host = new MemoryHost(wb);
    const causes: string[] = [];
    const s = createCheckSession(host, { onResult: (_r, cause) => causes.push(cause) });
    await s.fullRead();
    const c = valueCell(wb, bm3, "bm3:1.4");
    host.set(bm3, c, { t: "n", v: 5 }, false);
    const early = s.reread([bm3], "live"); // its read is taken now, its result applied later
    host.set(bm3, c, { t: "n", v: 6 }, false);
    const full = s.fullRead();
    await Promise.all([early, full]);
    expect(causes).toEqual(["full", "full"]);
    expect(s.result!.report.entries.get("bm3:1.4")?.value.number).toBe(6);
  });
});

describe("pre-send and the stamp", () => {
  const wb = layoutFor([3], commune);
  const bm3 = wb.sheets[0].name;

  it("does not stamp with errors; stamps once fixed; a later change shows", async () => {
    const host = new MemoryHost(wb);
    const s = createCheckSession(host, { onResult: () => {} });
    host.set(bm3, valueCell(wb, bm3, "bm3:1.4"), { t: "n", v: 139 }, false);
    host.set(bm3, valueCell(wb, bm3, "bm3:1.4.3"), { t: "n", v: 157 }, false);
    const bad = await preSend(host, s);
    expect(bad).toMatchObject({ ready: false, blockedBy: "errors" });
    expect(bad.stamp).toBeUndefined();
    expect(host.kv[SETTINGS_KEYS.stamp]).toBeUndefined();
    host.set(bm3, valueCell(wb, bm3, "bm3:1.4.3"), { t: "n", v: 139 }, false);
    const ok = await preSend(host, s, { now: new Date("2026-12-01T10:00:00Z") });
    expect(ok.ready).toBe(true);
    expect(ok.stamp?.at).toBe("2026-12-01T10:00:00.000Z");
    expect(JSON.parse(host.kv[SETTINGS_KEYS.stamp]).fingerprint).toBe(ok.stamp!.fingerprint);
    expect(stampView((await s.fullRead()).report)).toEqual({ state: "unchanged", at: ok.stamp!.at });
    host.set(bm3, valueCell(wb, bm3, "bm3:1.2"), { t: "n", v: 13 }, false);
    expect(stampView((await s.fullRead()).report).state).toBe("changed");
  });

  it("an incomplete check blocks the stamp even without errors (the seam for the engine's verdict)", async () => {
    const host = new MemoryHost(wb);
    const s = createCheckSession(host, { onResult: () => {} });
    const r = await preSend(host, s, { outcome: () => ({ complete: false, reasons: ["BM3 chưa đọc hết"] }) });
    expect(r).toMatchObject({ ready: false, blockedBy: "incomplete", errors: 0 });
    expect(r.outcome.reasons).toEqual(["BM3 chưa đọc hết"]);
    expect(host.kv[SETTINGS_KEYS.stamp]).toBeUndefined();
    expect(preSendVerdict({ report: readReport([]), findings: [], complete: true, rulesApplicable: 0, rulesRun: 0, failures: [] }).blockedBy).toBe("no-forms");
  });
});

describe("fixes through the session", () => {
  it("writes the layout formula back over a typed ratio and re-checks that sheet only", async () => {
    const wb = layoutFor([1], commune);
    const bm1 = wb.sheets[0].name;
    const host = new MemoryHost(wb);
    host.set(bm1, valueCell(wb, bm1, "bm1:2.1"), { t: "n", v: 25 }, false);
    host.set(bm1, valueCell(wb, bm1, "bm1:2.2"), { t: "n", v: 25 }, false);
    host.set(bm1, valueCell(wb, bm1, "bm1:2"), { t: "n", v: 50 }, false);
    const s = createCheckSession(host, { onResult: () => {} });
    const r = await s.fullRead();
    const f = r.findings.find((x) => x.indicator === "bm1:2" && x.severity === "error")!;
    const fix = fixFor(f, r.report, layoutOfReport(r, commune), s.grids);
    expect(fix?.kind).toBe("formula");
    await applyFix(host, s, f, fix!);
    expect(host.reads[host.reads.length - 1]).toEqual([bm1]);
    expect(s.result!.report.entries.get("bm1:2")?.formula).toBeTruthy();
  });
});

describe("insert", () => {
  it("refuses a missing unit, a bad year or no form, and names the sheets already there", async () => {
    expect(insertProblem([1], { ...commune, unit: " " }, "2023")?.field).toBe("unit");
    expect(insertProblem([1], commune, "23")?.field).toBe("year");
    expect(insertProblem([], commune, "2023")?.field).toBe("forms");
    expect(insertProblem([1], commune, "2023")).toBeUndefined();
    expect([yearFromText(" 2024 "), yearFromText("1999"), yearFromText("20245")]).toEqual([2024, undefined, undefined]);
    const host = new MemoryHost(layoutFor([3], commune));
    const plan = await planInsert(host, [1, 3], commune);
    expect(plan.clash).toEqual([layoutFor([3], commune).sheets[0].name]);
    expect(host.writes).toBe(0);
  });
});

describe("Số liệu đã đọc", () => {
  it("lists the figures a hand-made sheet gave, form by form, each with its cell", () => {
    const report = readReport(seedGrids("004", "sheet-per-form"));
    expect(report.meta.source).toBe("handmade");
    const groups = figuresRead(report);
    expect(groups.map((g) => g.form)).toEqual([...groups.map((g) => g.form)].sort((a, b) => a - b));
    const bm3 = groups.find((g) => g.form === 3)!;
    const row = bm3.figures.find((x) => x.indicatorId === "bm3:1.4.3")!;
    const e = report.entries.get("bm3:1.4.3")!;
    expect(row).toMatchObject({ sheet: e.ref!.sheet, shown: "157" });
    expect(row.cell).toBe(`${col(e.ref!.col)}${e.ref!.row}`);
    // every listed figure is a placed entry, and nothing empty is listed
    for (const g of groups)
      for (const x of g.figures) {
        expect(report.entries.get(x.indicatorId)?.ref?.sheet).toBe(x.sheet);
        expect(x.shown.trim() !== "" || x.formula).toBe(true);
      }
    expect(checkStamp(report)).toBe("none");
  });
});

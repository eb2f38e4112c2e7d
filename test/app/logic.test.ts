/**
 * The pane's decisions without a browser: remembered settings, grouping of findings, which sheets an edit
 * re-reads, and which one-click fix a finding offers — the last on real layouts read and validated by the engine.
 */
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import type { Finding, GridSheet, GridValue } from "../../src/engine/types";
import { gridMeta, mergeGrids, sheetsToReread } from "../../src/app/check-session";
import { fixFor, fixToCell } from "../../src/app/fixes";
import { existingOf } from "../../src/app/insert";
import { parseSettings, parseStamp, serializeSettings } from "../../src/app/settings";
import { groupFindings } from "../../src/app/findings";
import { parseA1, parseExpectedUnits } from "../../src/taskpane/logic";

const col = (n: number) => String.fromCharCode(64 + n);

/**
 * The grid Excel gives back for a written sheet after a user typed some cells: typed cells replace
 * whatever was there (a typed-over formula is gone); formula cells read as null unless `computed` says.
 */
function gridOf(s: SheetSpec, typed: Record<string, GridValue>, computed: Record<string, GridValue> = {}): GridSheet {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  s.cells.forEach((row, r) => {
    values.push(
      row.map((c, i) => {
        const a1 = col(i + 1) + (r + 1);
        if (a1 in typed) return typed[a1];
        if (a1 in computed) return computed[a1];
        return c === null || c.t === "f" ? null : c.v;
      })
    );
    formulas.push(row.map((c, i) => (col(i + 1) + (r + 1) in typed ? null : c && c.t === "f" ? c.f : null)));
  });
  return { name: s.name, values, formulas };
}

function valueCell(s: SheetSpec, id: string): string {
  const i = s.cells.findIndex((row) => row[5] && row[5].t === "s" && row[5].v === id);
  if (i < 0) throw new Error(`no row for ${id}`);
  return `D${i + 1}`;
}

const commune = {
  level: "xa" as const,
  version: "v2022-muc-do",
  period: { kind: "6T" as const, year: 2023 },
  unit: "UBND xã Tân Phú",
};

function checkOf(wb: WorkbookSpec, grids: GridSheet[]) {
  const report = readReport(grids, { settings: wb.settings });
  return { report, findings: validate(report) };
}

describe("settings remembered in the workbook", () => {
  it("round-trips and rejects damaged or foreign JSON without throwing", () => {
    const s = {
      level: "xa" as const,
      period: { kind: "6T" as const, year: 2023 },
      unit: "UBND xã Tân Phú",
      version: "v2022-muc-do",
    };
    expect(parseSettings(serializeSettings(s))).toEqual(s);
    for (const bad of [
      undefined,
      "",
      "{",
      "null",
      "[]",
      '{"level":"x"}',
      '{"level":"xa","period":{"kind":"Q5","year":2023}}',
      '{"level":"xa","period":{"kind":"N","year":123}}',
    ])
      expect(parseSettings(bad)).toBeUndefined();
  });

  it("falls back to the default version when the stored one is unknown", () => {
    const p = parseSettings(
      JSON.stringify({ level: "tinh", period: { kind: "N", year: 2024 }, unit: "U", version: "v1999" })
    );
    expect(p?.version).toBe("v2022-muc-do");
  });

  it("reads a stamp only when it has its three fields", () => {
    expect(
      parseStamp('{"at":"2026-01-01T00:00:00Z","by":"Báo cáo CCHC 0.1.0","fingerprint":"fnv1a64:ab"}')?.fingerprint
    ).toBe("fnv1a64:ab");
    expect(parseStamp('{"at":"x"}')).toBeUndefined();
    expect(parseStamp("not json")).toBeUndefined();
  });
});

describe("grouping findings", () => {
  const f = (form: number, code: string, severity: "error" | "warning"): Finding => ({
    form,
    code,
    indicator: `bm${form}:${code}`,
    rule: severity === "error" ? "sum-mismatch" : "missing",
    severity,
    args: { key: "missing" },
  });

  it("orders forms, puts errors before warnings and rows in printed order (2 before 10)", () => {
    const g = groupFindings([
      f(3, "10", "warning"),
      f(1, "2", "warning"),
      f(3, "2", "error"),
      f(3, "1.4.3", "error"),
      f(3, "1.4", "warning"),
    ]);
    expect(g.map((x) => x.form)).toEqual([1, 3]);
    expect(g[1].items.map((x) => `${x.severity}:${x.code}`)).toEqual([
      "error:1.4.3",
      "error:2",
      "warning:1.4",
      "warning:10",
    ]);
    expect([g[1].errors, g[1].warnings]).toEqual([2, 2]);
  });
});

describe("which sheets an edit re-reads", () => {
  it("re-reads each form sheet once and ignores other sheets", () => {
    const events = [
      { sheet: "Biểu mẫu 3", address: "D12" },
      { sheet: "Ghi chép", address: "A1" },
      { sheet: "Biểu mẫu 3", address: "D13" },
      { sheet: "Biểu mẫu 1", address: "D8" },
    ];
    expect(sheetsToReread(events, ["Biểu mẫu 1", "Biểu mẫu 3"])).toEqual(["Biểu mẫu 3", "Biểu mẫu 1"]);
    expect(sheetsToReread([{ sheet: "Ghi chép" }], ["Biểu mẫu 1"])).toEqual([]);
  });

  it("replaces only the re-read grids and drops a sheet that disappeared", () => {
    const g = (name: string, v: number): GridSheet => ({ name, values: [[v]] });
    const merged = mergeGrids([g("A", 1), g("B", 1), g("C", 1)], [g("B", 2)], ["B", "C"]);
    expect(merged).toEqual([g("A", 1), g("B", 2)]);
  });
});

describe("addresses and metadata", () => {
  it("parses A1 cells only", () => {
    expect(parseA1("D12")).toEqual({ row: 12, col: 4 });
    expect(parseA1("$AA$3")).toEqual({ row: 3, col: 27 });
    expect(parseA1("D1:D2")).toBeUndefined();
    expect(parseA1("=A1")).toBeUndefined();
  });

  it("finds the form metadata of a laid-out sheet, also when the grid does not start at A1", () => {
    const wb = buildFormsWorkbook([3], commune);
    const g = gridOf(wb.sheets[0], {});
    expect(gridMeta(g)).toMatchObject({ kind: "form", form: 3, level: "xa" });
    const shifted: GridSheet = { name: g.name, values: g.values.map((r) => r.slice(1)), origin: { row: 1, col: 2 } };
    expect(gridMeta(shifted)?.form).toBe(3);
    expect(gridMeta({ name: "x", values: [["a"]] })).toBeUndefined();
  });

  it("names the sheets an insert would collide with, regardless of case", () => {
    const wb = buildFormsWorkbook([1, 2], commune);
    const names = wb.sheets.map((s) => s.name);
    expect(existingOf(wb, ["Sheet1", names[1].toUpperCase()])).toEqual([names[1]]);
  });
});

describe("one-click fixes on real layouts (seed 004 figures)", () => {
  const wb = buildFormsWorkbook([1, 3], commune);
  const [bm1, bm3] = wb.sheets;

  it('offers "Chuyển thành số" for a count typed as text, writing the number it reads as', () => {
    const c = valueCell(bm1, "bm1:1");
    const grids = [gridOf(bm1, { [c]: "1,5" }), gridOf(bm3, {})];
    const { report, findings } = checkOf(wb, grids);
    const f = findings.find((x) => x.rule === "text-number" && x.cell === c);
    expect(f).toBeDefined();
    const fix = fixFor(f!, report, wb, grids);
    expect(fix).toEqual({ kind: "number", value: 1.5 });
    expect(fixToCell(fix!)).toEqual({ t: "n", v: 1.5 });
  });

  it('offers "Khôi phục công thức" when the ratio formula was typed over, with the layout formula', () => {
    const c = valueCell(bm1, "bm1:2");
    const laid = bm1.cells[Number(c.slice(1)) - 1][3];
    expect(laid && laid.t).toBe("f");
    // 2.1 = 25 tasks planned, 2.2 = 25 done: the rate is 100, the user typed 50 over the formula
    const grids = [
      gridOf(bm1, { [valueCell(bm1, "bm1:2.1")]: 25, [valueCell(bm1, "bm1:2.2")]: 25, [c]: 50 }),
      gridOf(bm3, {}),
    ];
    const { report, findings } = checkOf(wb, grids);
    const f = findings.find((x) => x.indicator === "bm1:2" && x.severity === "error");
    expect(f).toBeDefined();
    expect(fixFor(f!, report, wb, grids)).toEqual({ kind: "formula", formula: (laid as { f: string }).f });
  });

  it("offers no fix when the formula is still there, nor for a part larger than its whole", () => {
    const c14 = valueCell(bm3, "bm3:1.4");
    const c143 = valueCell(bm3, "bm3:1.4.3");
    const grids = [gridOf(bm1, {}), gridOf(bm3, { [c14]: 139, [c143]: 157 })];
    const { report, findings } = checkOf(wb, grids);
    const part = findings.find((x) => x.cell === c143 && x.rule === "part-exceeds-whole");
    expect(part).toMatchObject({ severity: "error", expected: 139, actual: 157, sheet: bm3.name });
    expect(fixFor(part!, report, wb, grids)).toBeUndefined();
    // a ratio finding on a cell whose formula is intact (e.g. a stale cached value) is not "restored"
    const c2 = valueCell(bm1, "bm1:2");
    const ratio: Finding = {
      form: 1,
      code: "2",
      indicator: "bm1:2",
      rule: "ratio-mismatch",
      severity: "error",
      args: { key: "missing" },
      sheet: bm1.name,
      cell: c2,
    };
    expect(fixFor(ratio, report, wb, grids)).toBeUndefined();
    const typedOver = [gridOf(bm1, { [c2]: 50 }), grids[1]];
    expect(fixFor(ratio, report, wb, typedOver)?.kind).toBe("formula");
  });

  it("never offers a fix for a finding without a cell", () => {
    const f: Finding = {
      form: 1,
      code: "1",
      indicator: "bm1:1",
      rule: "text-number",
      severity: "error",
      args: { key: "missing" },
    };
    expect(fixFor(f, undefined, wb, [])).toBeUndefined();
  });
});

describe("expected units", () => {
  it("one a line, trimmed, blanks and case-duplicates dropped", () => {
    expect(parseExpectedUnits(" UBND xã A \n\nUBND xã B\r\nubnd xã a\n")).toEqual(["UBND xã A", "UBND xã B"]);
  });
});

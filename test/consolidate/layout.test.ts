/**
 * The Tổng hợp tab and the consolidating unit's filled forms: formulas give the engine's totals, text stays
 * text, the filled forms read back and validate clean, and re-running replaces only the add-in's sheets.
 */
import { consolidate, Consolidation } from "../../src/engine/consolidate";
import {
  buildConsolidatedForms,
  buildConsolidatedSheet,
  buildConsolidationStatusSheet,
  CONS_COL,
  CONS_HEADER_ROW,
  planSheetReplacement,
} from "../../src/spec/consolidate-layout";
import { decodeMeta, encodeMeta } from "../../src/engine/conventions";
import { evaluateFormula } from "../../src/engine/formula";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { addinReport, specToGrid, unitInput, workbookToGrids } from "./helpers";

const N2023 = { kind: "N" as const, year: 2023 };
const V = "v2022-muc-do";

function make(): Consolidation {
  const a = addinReport("xa", V, N2023, '=HYPERLINK("http://x","Xã A")', {
    "bm3:3.3.1": 120,
    "bm3:3.3.2": 100,
    "bm4:2.1": 10,
    "bm1:6": 1,
    "bm1:6.1": 40,
    "bm1:6.2": 0,
    "bm6:1.1": 10,
    "bm6:1.2": 5,
  });
  a.entries.get("bm4:2.1")!.note = "+84 cán bộ hợp đồng";
  const b = addinReport("xa", V, N2023, "Xã B", {
    "bm3:3.3.1": 80,
    "bm3:3.3.2": 80,
    "bm4:2.1": "-",
    "bm1:6": 1,
    "bm1:6.1": 60,
    "bm1:6.2": 1,
    "bm6:1.1": 30,
    "bm6:1.2": 30,
  });
  const d = addinReport("xa", V, N2023, "Xã D", { "bm3:3.3.1": 7, "bm3:3.3.2": 7, "bm1:6": 0 });
  return consolidate([unitInput("a", a), unitInput("b", b), unitInput("d", d)], {
    level: "huyen",
    version: V,
    period: N2023,
    unit: "UBND huyện Test",
  });
}

describe("Tổng hợp tab", () => {
  const c = make();
  const spec = buildConsolidatedSheet(c);
  const grid = specToGrid(spec);
  const rowOfId = (id: string) =>
    spec.cells.findIndex((r) => r[CONS_COL.id - 1]?.t === "s" && (r[CONS_COL.id - 1] as { v: string }).v === id);

  test("metadata marks the tab as consolidated (the reader skips it as a report)", () => {
    const m = decodeMeta((spec.cells[0][CONS_COL.id - 1] as { v: string }).v);
    expect(m).toMatchObject({
      kind: "consolidated",
      level: "huyen",
      version: V,
      unit: "UBND huyện Test",
      period: "N-2023",
    });
    expect(readReport([grid]).entries.size).toBe(0);
  });

  test("unit names and notes are text cells, even when they start with = or +", () => {
    const head = spec.cells[CONS_HEADER_ROW - 1];
    expect(head[CONS_COL.firstUnit - 1]).toEqual({ t: "s", v: '=HYPERLINK("http://x","Xã A")' });
    const status = buildConsolidationStatusSheet(c);
    const noteRow = status.cells.find((r) => r.some((x) => x?.t === "s" && x.v === "+84 cán bộ hợp đồng"));
    expect(noteRow).toBeDefined();
    expect(status.cells.some((r) => r.some((x) => x?.t === "f"))).toBe(false);
    // the files' list: file, unit, status, errors, warnings, details (column F stays free)
    const fileRow = status.cells.find((r) => r[0]?.t === "s" && r[0].v === "a")!;
    expect(fileRow[1]).toEqual({ t: "s", v: '=HYPERLINK("http://x","Xã A")' });
    expect(fileRow[2]).toEqual({ t: "s", v: "Đã tổng hợp" });
    expect(fileRow[3]).toEqual({ t: "n", v: 0 });
    expect(fileRow[5]).toBeNull();
    // no formula anywhere outside the total column
    spec.cells.forEach((r) => r.forEach((x, k) => x?.t === "f" && expect(k).toBe(CONS_COL.total - 1)));
  });

  test("sum rows are =SUM over the unit columns and evaluate to the engine's totals", () => {
    const r = rowOfId("bm3:3.3.1");
    const cell = spec.cells[r][CONS_COL.total - 1];
    expect(cell).toEqual({ t: "f", f: `=SUM(I${r + 1}:K${r + 1})` });
    expect(evaluateFormula((cell as { f: string }).f, grid)).toBe(120 + 80 + 7);
    const staff = spec.cells[rowOfId("bm4:2.1")];
    expect(staff[CONS_COL.firstUnit]).toEqual({ t: "s", v: "-" }); // Xã B: not applicable, shown as written
    expect(evaluateFormula((staff[CONS_COL.total - 1] as { f: string }).f, grid)).toBe(10);
  });

  test("ratio rows are formulas over the summed part rows", () => {
    const r = rowOfId("bm3:3.3");
    const f = (spec.cells[r][CONS_COL.total - 1] as { f: string }).f;
    expect(f).toContain(`D${rowOfId("bm3:3.3.2") + 1}/D${rowOfId("bm3:3.3.1") + 1}`);
    // 187 / 207 = 90.338…%
    expect(evaluateFormula(f, grid)).toBe(90.34);
    expect(c.rows.find((x) => x.indicatorId === "bm3:3.3")!.value).toBe(90.34);
  });

  test("enum rows carry the value; own rows are open", () => {
    expect(spec.cells[rowOfId("bm1:6")][CONS_COL.total - 1]).toEqual({ t: "n", v: 1 });
    expect(spec.cells[rowOfId("bm1:6.2")][CONS_COL.total - 1]).toEqual({ t: "n", v: 2 }); // 0 and 1 → Kết hợp
    expect(spec.cells[rowOfId("bm1:1")][CONS_COL.total - 1]).toBeNull();
    expect(spec.cells[rowOfId("bm1:1")][CONS_COL.rule - 1]).toEqual({ t: "s", v: "Đơn vị tổng hợp tự điền" });
  });
});

describe("consolidated forms", () => {
  const c = make();
  const wb = buildConsolidatedForms(c);
  const g = workbookToGrids(wb);
  const report = readReport(g.sheets, { settings: g.settings });

  test("read back as the district's own report with the totals in place", () => {
    expect(report.meta).toMatchObject({
      source: "addin",
      level: "huyen",
      version: V,
      unit: "UBND huyện Test",
      period: N2023,
    });
    expect(report.entries.get("bm3:3.3.1")!.value.number).toBe(207);
    expect(report.entries.get("bm3:3.3")!.value.number).toBe(90.34); // the form's own ratio formula
    expect(report.entries.get("bm6:1")!.value.number).toBe(87.5); // 35 / 40
    expect(report.entries.get("bm1:6.1")!.value.number).toBe(100);
    expect(report.entries.get("bm1:1")!.value.state).toBe("missing"); // own: left open
  });

  test("validate finds no error in them", () => {
    const errors = validate(report).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });
});

describe("re-running guard", () => {
  test("only sheets carrying the add-in's metadata are replaced; a user's sheet keeps its name", () => {
    const ours = encodeMeta({
      kind: "consolidated",
      version: V,
      level: "huyen",
      unit: "H",
      period: "N-2023",
      app: "0.1.0",
    });
    const spec = buildConsolidatedSheet(make());
    const p = planSheetReplacement(
      [
        { name: "Tổng hợp", f1: null },
        { name: "Biểu mẫu 1", f1: ours },
      ],
      [spec, { ...spec, name: "Biểu mẫu 1" }]
    );
    expect(p.keep).toEqual(["Tổng hợp"]);
    expect(p.names.get("Tổng hợp")).toBe("Tổng hợp (2)");
    expect(p.replace).toEqual(["Biểu mẫu 1"]);
  });
});

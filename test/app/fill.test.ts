/**
 * Filling the consolidating unit's own forms from the totals (planFill): only empty value cells are
 * written, typed figures are listed as conflicts and never in the write list, ratio formulas and the
 * unit's own rows are left alone. Works on real layouts read back by the engine's reader.
 */
import { consolidate, totalValues } from "../../src/engine/consolidate";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import type { SheetSpec } from "../../src/engine/sheet-spec";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { planFill } from "../../src/app/consolidate";
import { addinReport, unitInput } from "../consolidate/helpers";

const V = "v2022-muc-do";
const P = { kind: "6T" as const, year: 2023 };
const col = (n: number) => String.fromCharCode(64 + n);

/** The grid Excel gives back after the user typed some cells (formulas read as null). */
function gridOf(s: SheetSpec, typed: Record<string, GridValue>): GridSheet {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  s.cells.forEach((row, r) => {
    values.push(
      row.map((c, i) =>
        col(i + 1) + (r + 1) in typed ? typed[col(i + 1) + (r + 1)] : c === null || c.t === "f" ? null : c.v
      )
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

// Two communes (seed 004 figures: BM3 3.3.1 = 3.3.2 = 3225 files; BM3 1.4 = 139, a district's own row).
const communes = ["UBND xã Tân Phú", "UBND xã Tân Lập"].map((u, k) =>
  unitInput(`${u}.xlsx`, addinReport("xa", V, P, u, { "bm3:3.3.1": 3225 + k, "bm3:3.3.2": 3225, "bm3:1.4": 139 }))
);
const c = consolidate(communes, { level: "huyen", version: V, period: P, unit: "UBND huyện Tân Châu" });
const totals = totalValues(c);
const own = c.rows
  .filter((t) => c.own.includes(t.indicatorId))
  .map((t) => ({ indicatorId: t.indicatorId, form: t.form, code: t.code }));
const wb = buildFormsWorkbook([], { level: "huyen", version: V, period: P, unit: "UBND huyện Tân Châu" });
const sheetOf = (id: string) => wb.sheets.find((s) => s.cells.some((r) => r[5]?.t === "s" && r[5].v === id))!;
const bm3 = sheetOf("bm3:3.3.1");

function plan(typed: Record<string, GridValue>) {
  const grids = wb.sheets.map((s) => gridOf(s, s === bm3 ? typed : {}));
  return planFill(readReport(grids, { settings: wb.settings }), totals, own);
}

describe("planFill", () => {
  it("writes the summed totals into empty value cells of the unit's forms", () => {
    expect(totals.get("bm3:3.3.1")).toBe(3225 + 3226);
    const p = plan({});
    const w = p.write.find((x) => x.indicatorId === "bm3:3.3.1");
    expect(w).toEqual({
      sheet: bm3.name,
      a1: valueCell(bm3, "bm3:3.3.1"),
      cell: { t: "n", v: 6451 },
      indicatorId: "bm3:3.3.1",
    });
    expect(p.write.find((x) => x.indicatorId === "bm3:3.3.2")?.cell).toEqual({ t: "n", v: 6450 });
    expect(p.conflicts).toEqual([]);
  });

  it("never writes over a typed figure: a different one is a conflict with both figures, an equal one is left", () => {
    const p = plan({ [valueCell(bm3, "bm3:3.3.1")]: 7000, [valueCell(bm3, "bm3:3.3.2")]: "-" });
    const written = p.write.map((x) => x.indicatorId);
    expect(written).not.toContain("bm3:3.3.1");
    expect(written).not.toContain("bm3:3.3.2");
    expect(p.conflicts.find((x) => x.indicatorId === "bm3:3.3.1")).toMatchObject({
      sheet: bm3.name,
      a1: valueCell(bm3, "bm3:3.3.1"),
      typed: "7000",
      total: 6451,
      form: 3,
      code: "3.3.1",
    });
    // a "-" (not applicable) the user typed is theirs too
    expect(p.conflicts.find((x) => x.indicatorId === "bm3:3.3.2")).toMatchObject({ typed: "-", total: 6450 });
    const same = plan({ [valueCell(bm3, "bm3:3.3.1")]: 6451 });
    expect([...same.write, ...same.conflicts].map((x) => x.indicatorId)).not.toContain("bm3:3.3.1");
    expect(same.write.map((x) => x.indicatorId)).toContain("bm3:3.3.2");
  });

  it("keeps ratio formulas and leaves the unit's own rows open, listing them", () => {
    const ratioRow = bm3.cells.find((r) => r[5]?.t === "s" && r[5].v === "bm3:3.3")!;
    expect(ratioRow[3]?.t).toBe("f");
    const p = plan({});
    const touched = [...p.write, ...p.conflicts].map((x) => x.indicatorId);
    expect(touched).not.toContain("bm3:3.3");
    expect(touched).not.toContain("bm3:1.4");
    expect(p.own.map((o) => o.indicatorId)).toContain("bm3:1.4");
    for (const o of p.own) expect(touched).not.toContain(o.indicatorId);
  });

  it("after the write, reading again finds the totals and nothing left to write", () => {
    const p = plan({});
    expect(p.write.length).toBeGreaterThan(0);
    const typed: Record<string, GridValue> = {};
    for (const w of p.write) if (w.sheet === bm3.name && w.cell?.t === "n") typed[w.a1] = w.cell.v;
    const again = plan(typed);
    expect(again.write.filter((x) => x.sheet === bm3.name)).toEqual([]);
    expect(again.conflicts).toEqual([]);
  });

  it("ignores totals with no row on the forms and non-finite figures", () => {
    const report = readReport(
      wb.sheets.map((s) => gridOf(s, {})),
      { settings: wb.settings }
    );
    const p = planFill(
      report,
      new Map([
        ["bm9:1", 5],
        ["bm3:3.3.1", NaN],
      ]),
      []
    );
    expect(p).toEqual({ write: [], conflicts: [], own: [] });
  });
});

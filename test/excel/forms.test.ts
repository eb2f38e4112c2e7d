/**
 * All seven real forms (src/spec/layout.ts) inserted through the adapter for a commune: sync count,
 * payload, every cell as the spec says, and read back by the engine's reader through readSheets.
 */
import { createExcelHost } from "../../src/excel/host";
import { buildFormsWorkbook, FIRST_DATA_ROW } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";
import { DEFAULT_VERSION, formRows, isValueRow } from "../../src/catalog";
import { FakeWorkbook } from "../standin/excel";
import { colLetters as colLetter } from "../../src/engine/a1";

const opts = { level: "xa" as const, version: DEFAULT_VERSION, period: { kind: "N" as const, year: 2023 }, unit: "Xã Hòa Bình" };

function setup(api: number) {
  const wb = new FakeWorkbook(api);
  wb.addSheet("Sheet1");
  const host = createExcelHost({ run: wb.run, isSetSupported: (s, v) => s === "ExcelApi" && Number(v.split(".")[1]) <= api, settleMs: 0 });
  return { wb, host };
}

describe("inserting Biểu mẫu 1–7 for a commune", () => {
  for (const api of [7, 17]) {
    it(`writes every cell of the spec in at most 4 syncs (ExcelApi 1.${api})`, async () => {
      const { wb, host } = setup(api);
      const spec = buildFormsWorkbook([], opts);
      expect(spec.sheets).toHaveLength(7);
      const res = await host.writeWorkbook(spec, { existing: "keep" });
      expect(res.written).toEqual(spec.sheets.map((s) => s.name));
      expect(res.syncs).toBeLessThanOrEqual(4);
      const maxChars = Math.max(...wb.syncLog.map((l) => l.chars));
      expect(maxChars).toBeLessThan(1024 * 1024);
      // eslint-disable-next-line no-console
      console.log(`ExcelApi 1.${api}: ${res.syncs} syncs, ${wb.syncLog.map((l) => l.ops).join("+")} commands, largest request ≈ ${Math.round(maxChars / 1024)} KB`);
      // the row heights fitted to the wrapped labels travel in the core batch, with the cells: no extra sync
      expect(res.syncs).toBe(4);
      const core = wb.syncLog.find((l) => l.descs.includes("Range.formulas"))!;
      expect(core.descs).toContain("RangeFormat.rowHeight");
      if (api === 7) expect(res.skippedFeatures.sort()).toEqual(["dataValidation", "pageLayout"]);
      else expect(res.skippedFeatures).toEqual([]);

      const labelRows = spec.sheets.flatMap((s) => [...wb.sheet(s.name)!.rowHeights].filter(([r]) => r >= FIRST_DATA_ROW));
      expect(Math.max(...labelRows.map(([, h]) => h))).toBeGreaterThan(2 * 15);
      for (const s of spec.sheets) {
        const sh = wb.sheet(s.name)!;
        expect(sh.protected).toBe(s.protect);
        expect(sh.merges).toHaveLength(s.merges.length);
        // every row the spec gives a height has it in Excel, and a wrapped label's row is taller than one line
        const heights = Object.entries(s.rowHeights ?? {});
        expect(heights.length).toBeGreaterThan(FIRST_DATA_ROW);
        for (const [r, h] of heights) expect([s.name, r, sh.rowHeights.get(Number(r))]).toEqual([s.name, r, h]);
        if (api >= 8) expect(sh.validations).toHaveLength(s.validations.length);
        s.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            const a1 = `${colLetter(c + 1)}${r + 1}`;
            const got = wb.cell(s.name, a1);
            if (cell === null) expect([a1, got?.value]).toEqual([a1, undefined]);
            else if (cell.t === "s") expect([a1, got?.value, got?.formula]).toEqual([a1, cell.v, undefined]);
            else if (cell.t === "n") expect([a1, got?.value]).toEqual([a1, cell.v]);
            else expect([a1, got?.formula]).toEqual([a1, cell.f]);
          }),
        );
      }
    });
  }

  it("is read back by the engine's reader, with a figure the user typed", async () => {
    const { wb, host } = setup(17);
    await host.writeWorkbook(buildFormsWorkbook([], opts), { existing: "keep" });
    const rows1 = formRows(1, "xa", DEFAULT_VERSION);
    const k = rows1.findIndex((i) => isValueRow(i) && i.kind === "count" && !i.ratio);
    const sheet1 = wb.sheets.find((s) => s.name !== "Sheet1")!.name;
    wb.userEdit(sheet1, `D${FIRST_DATA_ROW + k}`, 17);
    const { sheets, settings } = await host.readSheets();
    const report = readReport(sheets, { settings });
    expect(report.meta.source).toBe("addin");
    expect(report.meta.level).toBe("xa");
    expect(report.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const entry = report.entries.get(rows1[k].id);
    expect(entry?.value.state).toBe("value");
    expect(entry?.value.number).toBe(17);
    expect(entry?.ref).toMatchObject({ sheet: sheet1, row: FIRST_DATA_ROW + k, col: 4 });
  });

  it("a second insert keeps all seven and adds nothing", async () => {
    const { wb, host } = setup(17);
    await host.writeWorkbook(buildFormsWorkbook([], opts), { existing: "keep" });
    const n = wb.sheets.length;
    const again = await host.writeWorkbook(buildFormsWorkbook([], opts), { existing: "keep" });
    expect(again.written).toEqual([]);
    expect(again.kept).toHaveLength(7);
    expect(again.syncs).toBeLessThanOrEqual(3);
    expect(wb.sheets.length).toBe(n);
  });
});

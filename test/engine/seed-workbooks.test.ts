/**
 * The hand-made seed workbooks (.xlsx written by test/fixtures/seeds/workbooks.ts), turned into grids the
 * way a host may hand them over — merged cells repeated in every cell they cover (as Office.js reports
 * them) or only in their top-left cell (as the file stores them) — are read onto the right indicators,
 * and validation finds the seeds' known slips.
 */
import ExcelJS from "exceljs";
import { rowByPrintedCode } from "../../src/catalog";
import { readReport } from "../../src/engine/reader";
import type { GridSheet, GridValue } from "../../src/engine/types";
import { validate } from "../../src/engine/validate";
import { isTemplateCode, SEED_EDITION, SEED_FIGURES, SeedId } from "../fixtures/seeds/figures";
import { makeSeedWorkbook, SeedLayout } from "../fixtures/seeds/workbooks";

async function grids(seed: SeedId, layout: SeedLayout, repeatMerged: boolean): Promise<GridSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await makeSeedWorkbook(seed, layout)) as unknown as ArrayBuffer);
  const out: GridSheet[] = [];
  wb.eachSheet((ws) => {
    const values: GridValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: GridValue[] = [];
      for (let c = 1; c <= Math.max(5, ws.columnCount); c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master !== cell && !repeatMerged) {
          row.push(null);
          continue;
        }
        const v = cell.value;
        row.push(typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null);
      }
      values.push(row);
    }
    out.push({ name: ws.name, values });
  });
  return out;
}

describe("seed workbooks read through a host-like grid", () => {
  for (const seed of ["000", "002", "004"] as SeedId[]) {
    for (const layout of ["one-sheet", "sheet-per-form"] as SeedLayout[]) {
      for (const repeatMerged of [true, false]) {
        test(`${seed} ${layout} ${repeatMerged ? "merged cells repeated" : "merged cells once"}`, async () => {
          const report = readReport(await grids(seed, layout, repeatMerged));
          const { level, version } = SEED_EDITION[seed];
          expect(report.meta).toMatchObject({ level, version, source: "handmade" });
          expect(report.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
          let n = 0;
          for (const f of SEED_FIGURES[seed]) {
            if (!isTemplateCode(f.printedCode)) continue;
            const ind = rowByPrintedCode(f.form, level, version, f.printedCode)!;
            expect([f.form, f.printedCode, report.entries.get(ind.id)?.printedCode]).toEqual([f.form, f.printedCode, f.printedCode.replace(/\.$/, "")]);
            n++;
          }
          expect(report.entries.size).toBe(n);
          const errors = validate(report).filter((x) => x.severity === "error");
          if (seed === "002") expect(errors.some((x) => x.form === 1 && x.code === "2" && x.rule === "ratio-mismatch")).toBe(true);
          if (seed === "004") expect(errors.some((x) => x.form === 3 && x.code === "1.4.3" && x.rule === "part-exceeds-whole")).toBe(true);
          if (seed === "000") expect(errors.filter((x) => x.form === 3)).toEqual([]);
        });
      }
    }
  }
});

/** The hand-made seed workbooks: read back with exceljs, they hold exactly the seed rows under the stated cell rule. */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { SEED_FIGURES, SeedId } from "../fixtures/seeds/figures";
import { hasFormHeading, makeSeedWorkbook, seedCell, sheetNameFor, SeedLayout } from "../fixtures/seeds/workbooks";

const SEEDS: SeedId[] = ["000", "002", "004"];
const LAYOUTS: SeedLayout[] = ["one-sheet", "sheet-per-form"];

async function load(seed: SeedId, layout: SeedLayout) {
  const buf = await makeSeedWorkbook(seed, layout);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { buf, wb };
}

/** Walks the sheets like a reader of hand-made files would: headings, then rows whose A cell is an STT. */
function readBack(wb: ExcelJS.Workbook, seed: SeedId) {
  const titles: Record<string, number> = seed === "004" ? { "Cải cách bộ máy hành chính nhà nước": 4, "Xây dựng chính quyền điện tử, Chính quyền số": 7 } : {};
  const rows: { form: number; code: string; label: string; unit: string; value: unknown; numFmt?: string; note: string }[] = [];
  const headings: string[] = [];
  let form = 0;
  wb.eachSheet((ws) => {
    ws.eachRow((r) => {
      const a = r.getCell(1).value;
      if (typeof a !== "string") return;
      const h = /^Biểu mẫu (\d)$/.exec(a);
      if (h) {
        form = Number(h[1]);
        headings.push(a);
        return;
      }
      if (titles[a]) form = titles[a];
      if (!/^(\d+(\.\d+)*\.?|VII\.)$/.test(a)) return;
      const str = (c: number) => {
        const v = r.getCell(c).value;
        return v === null || v === undefined ? "" : String(v);
      };
      const d = r.getCell(4);
      rows.push({ form, code: a, label: str(2), unit: str(3), value: d.value, numFmt: d.numFmt || undefined, note: str(5) });
    });
  });
  return { rows, headings };
}

describe("the cell rule", () => {
  test("unambiguous Vietnamese numbers become numbers, the rest stays text", () => {
    expect(seedCell("1.946")).toEqual({ value: 1946, numFmt: "#,##0" });
    expect(seedCell("21.782.939")).toEqual({ value: 21782939, numFmt: "#,##0" });
    expect(seedCell("96,56")).toEqual({ value: 96.56, numFmt: "0.00" });
    expect(seedCell("13,2")).toEqual({ value: 13.2, numFmt: "0.0" });
    expect(seedCell("56")).toEqual({ value: 56 });
    expect(seedCell("09")).toEqual({ value: 9, numFmt: "00" });
    expect(seedCell("99,75%")).toEqual({ value: "99,75%" });
    expect(seedCell("98.39%")).toEqual({ value: "98.39%" });
    expect(seedCell("32.58")).toEqual({ value: "32.58" });
    expect(seedCell("-")).toEqual({ value: "-" });
    expect(seedCell("")).toBeNull();
  });
});

describe.each(SEEDS)("seed %s workbooks", (seed) => {
  test.each(LAYOUTS)("%s holds every printed row with its value under the cell rule", async (layout) => {
    const { wb } = await load(seed, layout);
    const { rows, headings } = readBack(wb, seed);
    const figs = SEED_FIGURES[seed];
    expect(rows).toHaveLength(figs.length);
    rows.forEach((r, k) => {
      const f = figs[k];
      expect([r.form, r.code, r.label, r.unit, r.note]).toEqual([f.form, f.printedCode, f.label, f.unit, f.note]);
      const want = seedCell(f.value);
      if (want === null) expect(r.value).toBeNull();
      else {
        expect(r.value).toEqual(want.value);
        if ("numFmt" in want && want.numFmt) expect(r.numFmt).toBe(want.numFmt);
      }
    });
    const forms = [1, 2, 3, 4, 5, 6, 7].filter((f) => hasFormHeading(seed, f));
    expect(headings).toEqual(forms.map((f) => `Biểu mẫu ${f}`));
    if (layout === "sheet-per-form") expect(wb.worksheets.map((w) => w.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((f) => sheetNameFor(seed, f)));
    else expect(wb.worksheets.map((w) => w.name)).toEqual(["Phụ lục"]);
  });

  test("no metadata, no hidden columns or sheets, no formulas, merged two-row headers", async () => {
    const { buf, wb } = await load(seed, "sheet-per-form");
    for (const ws of wb.worksheets) {
      expect(ws.state).toBe("visible");
      for (let c = 1; c <= 8; c++) expect(ws.getColumn(c).hidden).toBe(false);
      expect(ws.columnCount).toBeLessThanOrEqual(5);
      ws.eachRow((r) =>
        r.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") expect(cell.value.startsWith("CCHC:")).toBe(false);
        }),
      );
      // The header "STT" spans two rows; "Chỉ tiêu" too.
      let sttRow = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(1).value === "STT" && !sttRow) sttRow = n;
      });
      expect(sttRow).toBeGreaterThan(0);
      expect(ws.getCell(sttRow + 1, 1).isMerged).toBe(true);
      expect(ws.getCell(sttRow + 1, 2).isMerged).toBe(true);
    }
    const parts = Object.keys(unzipSync(new Uint8Array(buf)));
    expect(parts.filter((p) => p.startsWith("xl/worksheets/sheet"))).toHaveLength(7);
    const wbXml = strFromU8(unzipSync(new Uint8Array(buf))["xl/workbook.xml"]);
    expect(wbXml).not.toMatch(/veryHidden|_CCHC/);
  });
});

test("values a reader must treat differently are typed differently (000 BM3)", async () => {
  const { wb } = await load("000", "one-sheet");
  const { rows } = readBack(wb, "000");
  const bm3 = (code: string) => rows.find((r) => r.form === 3 && r.code === code)!;
  expect(bm3("1.4.").value).toBe(1946); // "1.946"
  expect(bm3("3.1.").value).toBe(96.56); // "96,56"
  expect(bm3("3.2.").value).toBe("99,75%"); // text with a percent sign
  expect(bm3("1.3.").value).toBe(9); // "09"
  expect(bm3("1.3.").numFmt).toBe("00");
  const bm2 = rows.find((r) => r.form === 2 && r.code === "1.2.")!;
  expect(bm2.value).toBe("-");
});

test("004 has no 'Biểu mẫu 4' or 'Biểu mẫu 7' heading; 002 keeps its extra 'VII.' row", async () => {
  const { wb } = await load("004", "one-sheet");
  const texts: string[] = [];
  wb.worksheets[0].eachRow((r) => r.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  expect(texts).not.toContain("Biểu mẫu 4");
  expect(texts).not.toContain("Biểu mẫu 7");
  expect(texts).toContain("Cải cách bộ máy hành chính nhà nước");
  expect(texts).toContain("Số lượng/ Tỷ lệ");
  const w2 = await load("002", "sheet-per-form");
  const bm7 = w2.wb.getWorksheet("Biểu mẫu 7")!;
  const a: unknown[] = [];
  bm7.eachRow((r) => a.push(r.getCell(1).value));
  expect(a).toContain("VII.");
});

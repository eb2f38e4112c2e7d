/**
 * The writer makes cells only for what the spec holds: null cells without a style are not written, and
 * styles land only on the ranges spec.styles lists (a thousand-unit consolidated tab is mostly blanks).
 */
import { strFromU8, unzipSync } from "fflate";
import type { CellSpec, SheetSpec } from "../../src/engine/sheet-spec";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";

function sheetSpec(cells: CellSpec[][], styles: SheetSpec["styles"]): SheetSpec {
  return {
    name: "Tổng hợp",
    columns: cells[0].map(() => ({ width: 12 })),
    cells,
    styles,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: true,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

/** Every <c> of the first worksheet: its address and whether it carries a style (s other than 0). */
function cellTags(bytes: Uint8Array): { r: string; styled: boolean }[] {
  const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
  return [...xml.matchAll(/<c\s([^>]*?)\/?>/g)].map((m) => {
    const r = /\br="([A-Z]+\d+)"/.exec(m[1])![1];
    const s = /\bs="(\d+)"/.exec(m[1]);
    return { r, styled: !!s && s[1] !== "0" };
  });
}

describe("sparse writing", () => {
  const n = (v: number): CellSpec => ({ t: "n", v });
  // 3 rows × 6 columns, 5 cells with content, one styled range of 2 cells (one of them blank)
  const cells: CellSpec[][] = [
    [{ t: "s", v: "Tiêu đề" }, null, null, null, null, null],
    [null, null, n(1), null, null, n(2)],
    [{ t: "f", f: "=C2+F2" }, null, null, null, null, { t: "s", v: "=not a formula" }],
  ];
  const styles: SheetSpec["styles"] = [{ range: "A1:B1", style: { bold: true, fill: "#D9E1F2" } }];

  test("only cells with content or a listed style are written; styles only on listed ranges", async () => {
    const bytes = new Uint8Array(await writeWorkbook({ sheets: [sheetSpec(cells, styles)] }));
    const tags = cellTags(bytes);
    expect(tags.map((t) => t.r).sort()).toEqual(["A1", "A3", "B1", "C2", "F2", "F3"]);
    expect(tags.filter((t) => t.styled).map((t) => t.r).sort()).toEqual(["A1", "B1"]);
    // and the figures read back unchanged, text kept as text
    const r = readWorkbookFile(bytes, "t.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.sheets[0].values;
    expect(v[1][2]).toBe(1);
    expect(v[1][5]).toBe(2);
    expect(v[2][5]).toBe("=not a formula");
    expect(r.sheets[0].formulas![2][0]).toBe("=C2+F2");
  });

  test("a wide tab of mostly blanks writes one cell per figure", async () => {
    const width = 400;
    const rows: CellSpec[][] = Array.from({ length: 30 }, (_, r) => Array.from({ length: width }, (_, c) => ((r * c) % 9 === 1 ? n(r + c) : null)));
    const figures = rows.flat().filter((c) => c !== null).length;
    const bytes = new Uint8Array(await writeWorkbook({ sheets: [sheetSpec(rows, [{ range: "A1:C30", style: { border: true } }])] }));
    const tags = cellTags(bytes);
    const inStyled = rows.slice(0, 30).flatMap((row) => row.slice(0, 3)).filter((c) => c === null).length;
    expect(tags).toHaveLength(figures + inStyled);
  });
});

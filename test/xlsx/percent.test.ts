/**
 * Percent-formatted cells: Excel stores 0.9975 for a cell shown as 99,75%; the reader hands the engine
 * the figure the user sees.
 */
import ExcelJS from "exceljs";
import { parseValue } from "../../src/engine/values";
import { isPercentFormat, percentShown } from "../../src/engine/percent-format";
import { readWorkbookFile } from "../../src/xlsx/read";

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Sheet1"));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function grid(bytes: Uint8Array) {
  const r = readWorkbookFile(bytes, "t.xlsx");
  if (!r.ok) throw new Error(r.reason);
  return r.sheets[0].values;
}

describe("percent formats in .xlsx files", () => {
  test('a cell formatted "0.00%" holding 0.9975 reads as 99.75, exactly', async () => {
    const v = grid(
      await xlsx((ws) => {
        const c = ws.getCell("A1");
        c.value = 0.9975;
        c.numFmt = "0.00%";
      }),
    );
    expect(v[0][0]).toBe(99.75);
    expect(parseValue(v[0][0], "percent")).toMatchObject({ state: "value", number: 99.75 });
  });

  test("built-in 0% and 0.00%, custom codes with %, and formats where % is only quoted text", async () => {
    const cases: [string, number, number][] = [
      ["0%", 0.5, 50], // built-in 9
      ["0.00%", 0.0123, 1.23], // built-in 10
      ['#,##0.0%;[Red]-#,##0.0%', 0.075, 7.5],
      ['0.00" %"', 0.9975, 0.9975], // "%" inside quotes: text, the number is shown as is
      ["0.00\\%", 12.5, 12.5], // escaped percent sign: literal
      ["General", 0.9975, 0.9975],
      ["dd/mm/yyyy", 45000, NaN], // a date stays a date
    ];
    const v = grid(
      await xlsx((ws) => {
        cases.forEach(([fmt, n], i) => {
          const c = ws.getCell(i + 1, 1);
          c.value = n;
          c.numFmt = fmt;
        });
      }),
    );
    cases.forEach(([fmt, , want], i) => {
      if (Number.isNaN(want)) expect(typeof v[i][0]).toBe("string");
      else expect([fmt, v[i][0]]).toEqual([fmt, want]);
    });
  });
});

describe("percentShown / isPercentFormat", () => {
  test("shifts the decimal point, no binary noise", () => {
    for (let k = 0; k <= 10000; k++) {
      const n = k / 10000;
      // the figure the user sees is k/100 written with at most two decimals
      expect(percentShown(n)).toBe(Number((k / 100).toFixed(2)));
    }
    expect(percentShown(-0.5)).toBe(-50);
    expect(percentShown(1.5)).toBe(150);
    expect(percentShown(0)).toBe(0);
    expect(percentShown(1e-9)).toBeCloseTo(1e-7, 20);
    expect(percentShown(0.07)).toBe(7);
  });
  test("codes", () => {
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('[$-42A]0.0%')).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
  });
});

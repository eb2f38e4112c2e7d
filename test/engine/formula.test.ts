import { evaluateFormula, FormulaEvaluator } from "../../src/engine/formula";
import type { GridSheet } from "../../src/engine/types";

// A small sheet: D9 = 41 tasks planned, D10 = 5 done, D8 = ratio without cached value.
function sheet(): GridSheet {
  const values: GridSheet["values"] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < 12; r++) {
    values.push([null, null, null, null, null]);
    formulas.push([null, null, null, null, null]);
  }
  values[8][3] = 41; // D9
  values[9][3] = 5; // D10
  values[10][3] = "x"; // D11 text
  formulas[7][3] = "=IF(AND(ISNUMBER(D9),D9>0),ROUND(D10/D9*100,2),\"\")"; // D8
  formulas[11][3] = "=SUM(D9:D11)"; // D12
  values[0][0] = "Tên"; // A1
  return { name: "Biểu mẫu 1", values, formulas };
}

describe("formula evaluator", () => {
  test("ratio formulas written by the project", () => {
    const s = sheet();
    const ev = new FormulaEvaluator([s]);
    // 5 / 41 * 100 = 12.195... rounds half up to 12.2
    expect(ev.cell("Biểu mẫu 1", 8, 4)).toBe(12.2);
    // SUM skips text in ranges
    expect(ev.cell("Biểu mẫu 1", 12, 4)).toBe(46);
  });

  test("operators and functions", () => {
    const s = sheet();
    const f = (x: string) => evaluateFormula(x, s);
    expect(f("=1+2*3")).toBe(7);
    expect(f("=-2^2")).toBe(4);
    expect(f("=(1+2)*3")).toBe(9);
    expect(f("=10/4")).toBe(2.5);
    expect(f("=$D$9-D10")).toBe(36);
    expect(f("=D10/0")).toEqual({ error: "#DIV/0!" });
    expect(f("=IFERROR(D10/0,-1)")).toBe(-1);
    expect(f('="a"&"b"&1')).toBe("ab1");
    expect(f("=D9>D10")).toBe(true);
    expect(f("=D9=41")).toBe(true);
    expect(f("=D9<>41")).toBe(false);
    expect(f("=ABS(-3)")).toBe(3);
    expect(f("=ROUND(88.075,2)")).toBe(88.08);
    // D8 (a formula giving 12.2), D9, D10 and D12 (a SUM) are numbers; D11 is text
    expect(f("=COUNT(D1:D12)")).toBe(4);
    expect(f("=MIN(D9:D10)")).toBe(5);
    expect(f("=MAX(D9:D10,100)")).toBe(100);
    expect(f("=ISBLANK(A2)")).toBe(true);
    expect(f("=ISBLANK(A1)")).toBe(false);
    expect(f("=OR(FALSE,D9>40)")).toBe(true);
    expect(f("=50%")).toBe(0.5);
    expect(f("=D11+1")).toEqual({ error: "#VALUE!" });
    expect(f("=sum(D9,D10)")).toBe(46);
  });

  test("unknown functions, other files and cycles give undefined", () => {
    const s = sheet();
    expect(evaluateFormula("=VLOOKUP(1,A1:B2,2)", s)).toBeUndefined();
    expect(evaluateFormula("=[1]Sheet1!A1", s)).toBeUndefined();
    expect(evaluateFormula("=Other!A1", s)).toBeUndefined();
    expect(evaluateFormula("=1+", s)).toBeUndefined();
    s.formulas![0][1] = "=C1+1"; // B1
    s.formulas![0][2] = "=B1+1"; // C1
    expect(evaluateFormula("=B1", s)).toBeUndefined();
    const ev = new FormulaEvaluator([s]);
    expect(ev.cell("Biểu mẫu 1", 1, 2)).toBeUndefined();
  });

  test("references to another sheet of the same workbook", () => {
    const s = sheet();
    const t: GridSheet = { name: "Tổng hợp", values: [[null, "=x"]], formulas: [[null, "='Biểu mẫu 1'!D9*2"]] };
    t.values[0][1] = null;
    const ev = new FormulaEvaluator([s, t]);
    expect(ev.cell("Tổng hợp", 1, 2)).toBe(82);
  });

  test("origin offsets are honoured", () => {
    const s: GridSheet = { name: "S", origin: { row: 5, col: 2 }, values: [[3, 4]], formulas: [[null, null]] };
    expect(evaluateFormula("=B5*C5", s)).toBe(12);
    expect(evaluateFormula("=A1", s)).toBe(0);
  });

  test("never evaluates code", () => {
    const s = sheet();
    expect(evaluateFormula("=constructor.constructor(\"return 1\")()", s)).toBeUndefined();
    expect(evaluateFormula("=process.exit(1)", s)).toBeUndefined();
  });

  test("a formula too deep for the call stack is declined, not a crash", () => {
    const s = sheet();
    expect(evaluateFormula("=" + Array(5000).fill("D9").join("+"), s)).toBeUndefined();
    expect(evaluateFormula("=" + "-".repeat(20000) + "1", s)).toBeUndefined();
    // a long chain of precedents (each cell adds one to the one above)
    const chain: GridSheet = { name: "Chuỗi", values: [[1]], formulas: [[null]] };
    for (let r = 1; r < 20000; r++) {
      chain.values.push([null]);
      chain.formulas!.push([`=A${r}+1`]);
    }
    const ev = new FormulaEvaluator([chain]);
    expect(ev.cell("Chuỗi", 20000, 1)).toBeUndefined();
    expect(ev.cell("Chuỗi", 5, 1)).toBe(5);
  });

  test("a defect of the evaluator propagates instead of reading as an unsupported formula", () => {
    // a cell whose read throws a TypeError stands for a bug in the evaluator's own code
    const row: GridSheet["values"][number] = [null, null];
    Object.defineProperty(row, 0, {
      get() {
        throw new TypeError("défaut simulé");
      },
    });
    const s: GridSheet = { name: "BM", values: [row], formulas: [[null, "=A1*2"]] };
    const ev = new FormulaEvaluator([s]);
    expect(() => ev.formula("BM", "=A1+1")).toThrow(TypeError);
    expect(() => ev.cell("BM", 1, 2)).toThrow(TypeError);
    // what the evaluator does not support is still undefined
    expect(ev.formula("BM", "=VLOOKUP(1,A1:B2,2)")).toBeUndefined();
  });
});

import fs from "fs";
import path from "path";
import fc from "fast-check";
import { readReport } from "../../src/engine/reader";
import { validate } from "../../src/engine/validate";
import { fingerprint } from "../../src/engine/fingerprint";
import type { GridValue } from "../../src/engine/types";
import { seedGrids } from "./seed-grids";

const MINE = ["values", "numbers", "period", "formula", "rules", "validate", "reader", "title", "fingerprint", "report"];

describe("engine stays host-independent", () => {
  test.each(MINE)("%s.ts imports no host library and never evaluates code", (name) => {
    const src = fs.readFileSync(path.join(__dirname, "../../src/engine", `${name}.ts`), "utf8");
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const i of imports) expect(i.startsWith(".")).toBe(true);
    expect(src).not.toMatch(/\b(Excel|Office)\.\w/);
    expect(src).not.toMatch(/\beval\s*\(|new Function\s*\(/);
    expect(src).not.toMatch(/require\(/);
  });
});

describe("read + validate never throw on arbitrary grids", () => {
  const cell: fc.Arbitrary<GridValue> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double(),
    fc.boolean(),
    fc.constantFrom("Biểu mẫu 3", "STT", "Chỉ tiêu thống kê", "Số liệu", "Đơn vị tính", "1.4.", "2.1", "1.946", "-", "x", "99,75%", "Tổng số TTHC", "=SUM(D1:D3)"),
    fc.string(),
    fc.record({ error: fc.constantFrom("#DIV/0!", "#REF!") }),
  );
  test("random sheets", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), fc.string(), (values, name) => {
        const r = readReport([{ name, values }]);
        validate(r);
        fingerprint(r);
      }),
      { numRuns: 300 },
    );
  });

  test("timing on a full seed appendix", () => {
    const grids = seedGrids("000", "one-sheet");
    const t0 = Date.now();
    for (let k = 0; k < 5; k++) validate(readReport(grids));
    const ms = (Date.now() - t0) / 5;
    // generous bound: the pane reads and checks on every change
    expect(ms).toBeLessThan(500);
  });
});

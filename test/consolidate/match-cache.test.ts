/**
 * The reader's match caches (label similarities across reads, edition choice and row assignment per
 * template signature) never change what is read: reading N hand-made files one after another with the
 * caches warm gives, file for file, the report a cold read gives. Files are hand-made grids from a few
 * templates with per-commune label edits, blank rows, shuffled row order and different levels' rows.
 */
import fc from "fast-check";
import { clearMatchCaches, readerWork, readReport } from "../../src/engine/reader";
import { BoundedMap, rowsSignature } from "../../src/engine/match-cache";
import { formRows, labelFor, printedCode, unitFor, catalog } from "../../src/catalog/index";
import type { GridSheet, GridValue, Level, Report } from "../../src/engine/types";
import { seedGrids } from "../engine/seed-grids";

const EDITS: ((s: string) => string)[] = [
  (s) => s,
  (s) => s.replace(/bảo đảm/g, "đảm bảo"),
  (s) => s.replace(/\.$/, ""),
  (s) => s.replace(/thủ tục hành chính/g, "TTHC"),
  (s) => s + " (lũy kế)",
  (s) => s.split(" ").slice(0, 3).join(" "), // cut short: may no longer match
  () => "Nội dung khác",
];

interface FileSpec {
  level: Level;
  version: string;
  oneSheet: boolean;
  edits: number[]; // per row, an index into EDITS (cycled)
  values: number[];
  drop: number; // every drop-th row left out (0: none)
  unit: number;
}

function grids(f: FileSpec): GridSheet[] {
  const sheets: GridSheet[] = [];
  let cur: GridValue[][] = [];
  let k = 0;
  const push = (name: string) => {
    cur = [
      ["UBND XÃ " + f.unit],
      ["BÁO CÁO CẢI CÁCH HÀNH CHÍNH 6 tháng đầu năm 2024"],
      [`(Kèm theo Báo cáo của UBND xã Số ${f.unit})`],
    ];
    sheets.push({ name, values: cur });
  };
  for (let form = 1; form <= 7; form++) {
    if (!f.oneSheet || form === 1) push(f.oneSheet ? "Phụ lục" : `Biểu mẫu ${form}`);
    cur.push(
      [`Biểu mẫu ${form}`],
      [catalog.forms[form - 1].title],
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
    );
    for (const i of formRows(form, f.level, f.version)) {
      k++;
      if (f.drop > 0 && k % f.drop === 0) continue;
      const label = EDITS[f.edits[k % f.edits.length] % EDITS.length](labelFor(i, f.level));
      const v = i.kind === "section" ? null : f.values[k % f.values.length];
      cur.push([printedCode(i, f.level), label, unitFor(i, f.level) || null, v, null]);
    }
  }
  return sheets;
}

const spec: fc.Arbitrary<FileSpec> = fc.record({
  level: fc.constantFrom<Level>("xa", "xa", "huyen", "tinh"),
  version: fc.constantFrom("v2022-muc-do", "v2023-dvctt"),
  oneSheet: fc.boolean(),
  edits: fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 12 }).map((a) => a.map((x) => (x > 6 ? 0 : x))),
  values: fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 5 }),
  drop: fc.constantFrom(0, 0, 7, 13),
  unit: fc.nat({ max: 50 }),
});

const view = (r: Report) =>
  JSON.stringify({
    meta: r.meta,
    forms: r.forms,
    entries: [...r.entries.entries()],
    unplaced: r.unplaced,
    stamp: r.stamp,
  });

test("property: warm reads of N files equal cold reads, file for file", () => {
  fc.assert(
    fc.property(
      fc.array(spec, { minLength: 2, maxLength: 6 }),
      fc.array(fc.nat({ max: 5 }), { minLength: 4, maxLength: 12 }),
      (specs, order) => {
        // files of the same template repeat (order picks among the specs, with repetition)
        const files = order.map((k) => grids(specs[k % specs.length]));
        const cold = files.map((g) => {
          clearMatchCaches();
          return view(readReport(g));
        });
        clearMatchCaches();
        const warm = files.map((g) => view(readReport(g)));
        expect(warm).toEqual(cold);
      }
    ),
    { numRuns: 12 }
  );
});

test("the seeds read the same warm (after other files filled the caches) as cold", () => {
  const layouts = ["sheet-per-form", "one-sheet"] as const;
  const ids = ["000", "002", "004"] as const;
  const cold = new Map<string, string>();
  for (const id of ids)
    for (const l of layouts) {
      clearMatchCaches();
      cold.set(`${id}/${l}`, view(readReport(seedGrids(id, l))));
    }
  clearMatchCaches();
  for (let pass = 0; pass < 2; pass++)
    for (const id of [...ids].reverse())
      for (const l of layouts) expect(view(readReport(seedGrids(id, l)))).toBe(cold.get(`${id}/${l}`));
});

test("a second file of the same template is matched from the cache (no label scored again)", () => {
  const f: FileSpec = {
    level: "xa",
    version: "v2022-muc-do",
    oneSheet: false,
    edits: [0],
    values: [5, 7],
    drop: 0,
    unit: 1,
  };
  clearMatchCaches();
  readReport(grids(f));
  expect(readerWork.labels).toBeGreaterThan(50);
  readReport(grids({ ...f, values: [9, 11], unit: 2 }));
  expect(readerWork.labels).toBe(0);
  expect(readerWork.scored).toBe(0);
});

test("the caches are bounded and a row's position is not part of its signature", () => {
  const m = new BoundedMap<number, number>(3);
  for (let i = 0; i < 10; i++) m.set(i, i);
  expect(m.size).toBe(3);
  expect(m.get(9)).toBe(9);
  expect(m.get(0)).toBeUndefined();
  const a = { sheet: "A", row: 5, seq: 1, valueCol: 4, form: 3, code: "1.1", label: "x", hint: "1.1" };
  const b = { ...a, sheet: "B", row: 9, seq: 2, valueCol: 6 };
  expect(rowsSignature([a])).toBe(rowsSignature([b]));
  expect(rowsSignature([a])).not.toBe(rowsSignature([{ ...a, label: "y" }]));
  expect(rowsSignature([a])).not.toBe(rowsSignature([{ ...a, form: 4 }]));
  expect(rowsSignature([b, a])).toBeUndefined(); // not in file order: computed without the cache
});

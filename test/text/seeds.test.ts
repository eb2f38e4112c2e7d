/**
 * The seeds' own bodies, turned into Word files with the docx library and read back with mammoth, against
 * their forms (the appendix tables inside the Word file, or the hand-made workbook of the same figures):
 * the disagreements a careful reader finds are found at their rows, and sentences that agree raise nothing.
 */
import { crossCheckBlocks, readDocx } from "../../src/text";
import type { BlocksCheck } from "../../src/text";
import { readReport } from "../../src/engine/reader";
import { readWorkbookBytes } from "../../src/xlsx/node";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";
import type { SeedId } from "../fixtures/seeds/types";
import { blocksToDocx, seedAppendixBlocks, seedBodyBlocks } from "./seed-docs";

const withAppendix: Partial<Record<SeedId, BlocksCheck>> = {};
const withXlsx: Partial<Record<SeedId, BlocksCheck>> = {};

beforeAll(async () => {
  for (const seed of ["000", "002", "004"] as const) {
    const docx = await blocksToDocx([...seedBodyBlocks(seed), ...seedAppendixBlocks(seed)]);
    const doc = await readDocx(docx);
    if (!doc.ok) throw new Error(doc.reason);
    withAppendix[seed] = crossCheckBlocks(doc.blocks);
    const wb = readWorkbookBytes(new Uint8Array(await makeSeedWorkbook(seed, "sheet-per-form")));
    if (!wb.ok) throw new Error(wb.reason);
    withXlsx[seed] = crossCheckBlocks(doc.blocks, readReport(wb.sheets, { settings: wb.settings }));
  }
}, 60000);

const find = (r: BlocksCheck, indicator: string, rule: string) =>
  r.findings.filter((f) => f.indicator === indicator && f.rule === rule);

describe.each([
  ["the Word file's own appendix", withAppendix],
  ["the hand-made workbook", withXlsx],
])("seeds against %s", (_name, results) => {
  test("the appendix tables are the forms, never compared with themselves", () => {
    for (const seed of ["000", "002", "004"] as const) {
      const r = results[seed]!;
      expect(r.forms.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
      // no finding quotes a table row of the appendix
      expect(r.findings.every((f) => !/Biểu mẫu|Chỉ tiêu thống kê/.test(f.quote))).toBe(true);
    }
  });

  test("004: 97,6 % online in the text, 84 in Biểu mẫu 7 row 6.7", () => {
    const [f] = find(results["004"]!, "bm7:6.4@v2022-muc-do", "text-mismatch");
    expect(f).toMatchObject({ form: 7, code: "6.7", textValue: 97.6, formValue: 84 });
    expect(f.quote).toContain("trực tuyến");
    expect(f.message).toContain("97,6");
    expect(f.message).toContain("84");
  });

  test("004: 3.218 files settled in the text, 3.225 in rows 3.3.1 and 3.3.2", () => {
    const r = results["004"]!;
    for (const id of ["bm3:3.3.1", "bm3:3.3.2"]) {
      const [f] = find(r, id, "text-mismatch");
      expect(f).toMatchObject({ form: 3, textValue: 3218, formValue: 3225, severity: "error" });
      expect(f.quote).toContain("3.143/3.218");
    }
  });

  test("000: 12/56 tasks is 21,43 %, not 22 %", () => {
    const [f] = find(results["000"]!, "bm1:2", "text-ratio");
    expect(f).toMatchObject({ form: 1, code: "2", textValue: 22 });
    expect(f.message).toContain("21,43");
    expect(f.quote).toContain("12/56");
  });

  test("000: the communes' one-stop figures against row 3.3 carrying the land-registry branch's", () => {
    const r = results["000"]!;
    expect(find(r, "bm3:3.3.1", "text-mismatch")[0]).toMatchObject({
      textValue: 166447,
      formValue: 38117,
      severity: "error",
    });
    expect(find(r, "bm3:3.3.2", "text-mismatch")[0]).toMatchObject({
      textValue: 166369,
      formValue: 37995,
      severity: "error",
    });
    // the branch's own sentence (38.117 / 37.995) is not "cấp xã" and is not tied at all
    expect(r.ties.some((t) => t.quote.includes("Chi nhánh Văn phòng Đăng ký đất đai"))).toBe(false);
  });

  test("002: 1.076 'toàn trình' in the text, Biểu mẫu 7 counts all 1.468", () => {
    const [f] = find(results["002"]!, "bm7:6.1.2@v2023-dvctt", "text-mismatch");
    expect(f).toMatchObject({ form: 7, code: "6.1.2", textValue: 1076, formValue: 1468 });
  });

  test("sentences that agree raise nothing", () => {
    const quoted = (seed: SeedId, s: string) => results[seed]!.findings.filter((f) => f.quote.includes(s));
    // 000: disbursement "đạt 3,1%" against 3,11 — tied, and silent
    expect(quoted("000", "3,1%")).toEqual([]);
    expect(results["000"]!.ties.some((t) => t.indicator === "bm6:1" && t.value === 3.1)).toBe(true);
    // 004: 119 TTHC/139 TTHC = 86%
    expect(quoted("004", "119 TTHC/139 TTHC")).toEqual([]);
    // 002: late files 229 / 2.068 / 506 and their rates
    for (const s of ["229 hồ sơ", "2.068 hồ sơ", "506 hồ sơ"]) expect(quoted("002", s)).toEqual([]);
    // 002: 23 abolished + 12 replaced = row 1.3's 35, read as one sum
    expect(quoted("002", "23 TTHC bãi bỏ")).toEqual([]);
    expect(results["002"]!.ties.find((t) => t.indicator === "bm3:1.3")).toMatchObject({ role: "sum", value: 35 });
  });
});

test("with the workbook, each finding points at the form's cell", () => {
  const [f] = find(withXlsx["004"]!, "bm7:6.4@v2022-muc-do", "text-mismatch");
  expect(f.sheet).toBe("BM7");
  expect(f.cell).toMatch(/^D\d+$/);
});

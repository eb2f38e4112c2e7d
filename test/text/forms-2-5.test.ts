/**
 * Wordings for Biểu mẫu 2 (thể chế: VBQPPL issued, checked, reviewed) and Biểu mẫu 5 (công vụ: job positions,
 * recruitment) in src/catalog/text-words.json: the seeds' own sentences about those rows tie to the right rows
 * and, agreeing with the forms, raise nothing; the sentences that only look alike (685 "văn bản các loại", the
 * 09 documents the Sở Tư pháp checked itself, 42 candidates who passed of whom one declined, 02 appointments)
 * are left untied; planted slips in synthetic reports are found at their rows on every level.
 */
import { a1 } from "../../src/engine/a1";
import { formatVi } from "../../src/engine/numbers";
import { readReport } from "../../src/engine/reader";
import type { Level, Report } from "../../src/engine/types";
import { blocksFromText, crossCheckBlocks, readDocx } from "../../src/text";
import type { BlocksCheck } from "../../src/text";
import { draftParagraphs, draftPlainText } from "../../src/text/draft";
import { readWorkbookBytes } from "../../src/xlsx/node";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";
import { distinctReport } from "./forms";
import { blocksToDocx, seedBodyBlocks } from "./seed-docs";

const seeds: Record<string, BlocksCheck> = {};

beforeAll(async () => {
  for (const seed of ["000", "002", "004"] as const) {
    const doc = await readDocx(await blocksToDocx(seedBodyBlocks(seed)));
    if (!doc.ok) throw new Error(doc.reason);
    const wb = readWorkbookBytes(new Uint8Array(await makeSeedWorkbook(seed, "sheet-per-form")));
    if (!wb.ok) throw new Error(wb.reason);
    seeds[seed] = crossCheckBlocks(doc.blocks, readReport(wb.sheets, { settings: wb.settings }));
  }
}, 60000);

const ties25 = (r: BlocksCheck) =>
  r.ties
    .filter((t) => /^bm[25]:/.test(t.indicator))
    .map((t) => [t.indicator, t.value] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

describe("the seeds' sentences about Biểu mẫu 2 and 5", () => {
  test("000: 05 documents checked by competence → 2.1; 541 reviewed → 3.1", () => {
    expect(ties25(seeds["000"])).toEqual([
      ["bm2:2.1", 5],
      ["bm2:3.1", 541],
    ]);
    const checked = seeds["000"].ties.find((t) => t.indicator === "bm2:2.1")!;
    expect(checked.quote).toContain("kiểm tra theo thẩm quyền 05 văn bản QPPL");
  });

  test("002: 37 and 19 issued by the province and the districts, 02 flagged, 09 reviewed, 05/31 job positions, 115 public employees", () => {
    expect(ties25(seeds["002"])).toEqual([
      ["bm2:1.1", 37],
      ["bm2:1.2", 19],
      ["bm2:2.2.1", 2],
      ["bm2:3.1", 9],
      ["bm5:1.1", 5],
      ["bm5:2.4", 115],
    ]);
  });

  test("agreeing with their forms, they raise nothing on Biểu mẫu 2 and 5", () => {
    for (const seed of ["000", "002", "004"]) {
      expect(seeds[seed].findings.filter((f) => f.form === 2 || f.form === 5)).toEqual([]);
    }
  });

  test("figures that only look alike are left untied", () => {
    const untied = (seed: string, raw: string, words: string) =>
      seeds[seed].figures.find((x) => x.figure.raw.startsWith(raw) && x.sentence.includes(words));
    const cases: [string, string, string][] = [
      ["004", "685", "văn bản các loại"], // all documents, not VBQPPL (BM2 1.3 is 0)
      ["000", "09", "tự kiểm tra"], // self-check, not a check by competence
      ["002", "42", "thí sinh trúng tuyển"], // 42 passed, one declined: 41 recruited (BM5 2.1)
      ["002", "02", "bổ nhiệm 02 trường hợp"], // appointments, not recruitment
      ["002", "32", "hết hiệu lực"], // documents expired, not reviewed
    ];
    for (const [seed, raw, words] of cases) {
      const f = untied(seed, raw, words);
      expect(f).toBeDefined();
      expect(seeds[seed].ties.filter((t) => t.figure === f!.figure)).toEqual([]);
    }
  });
});

/** A report body in the seeds' register, figures from the forms (or overridden). */
function body(r: Report, level: Level, over: Record<string, string> = {}): string {
  const v = (id: string) => over[id] ?? formatVi(r.entries.get(id)!.value.number!);
  const issued =
    level === "tinh"
      ? `Trong kỳ, tỉnh đã ban hành ${v("bm2:1.1")} văn bản quy phạm pháp luật; cấp huyện ban hành ${v("bm2:1.2")} văn bản quy phạm pháp luật.`
      : level === "huyen"
        ? `Trong kỳ, HĐND, UBND huyện đã ban hành ${v("bm2:1.2")} văn bản QPPL.`
        : `Trong kỳ, HĐND, UBND xã đã ban hành ${v("bm2:1.3")} văn bản quy phạm pháp luật.`;
  return [
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "1. Cải cách thể chế",
    issued,
    `Công tác kiểm tra văn bản: đã kiểm tra theo thẩm quyền ${v("bm2:2.1")} văn bản QPPL, phát hiện ${v("bm2:2.2.1")} văn bản ban hành sai về thể thức.`,
    `Công tác rà soát: đã rà soát ${v("bm2:3.1")} văn bản QPPL thuộc thẩm quyền.`,
    "4. Cải cách chế độ công vụ",
    `Đã phê duyệt vị trí việc làm đối với ${v("bm5:1.1")} cơ quan, tổ chức hành chính.`,
    `Đã phê duyệt Đề án vị trí việc làm cho ${v("bm5:1.2")} đơn vị sự nghiệp công lập.`,
    `Trong kỳ, đã tuyển dụng ${v("bm5:2.1")} công chức (thi tuyển, xét tuyển).`,
    `Số lượng viên chức được tuyển dụng là ${v("bm5:2.4")} viên chức.`,
  ].join("\n");
}

const ROWS: Record<string, string[]> = {
  tinh: ["bm2:1.1", "bm2:1.2", "bm2:2.1", "bm2:2.2.1", "bm2:3.1", "bm5:1.1", "bm5:1.2", "bm5:2.1", "bm5:2.4"],
  huyen: ["bm2:1.2", "bm2:2.1", "bm2:2.2.1", "bm2:3.1", "bm5:1.1", "bm5:1.2", "bm5:2.1", "bm5:2.4"],
  xa: ["bm2:1.3", "bm2:2.1", "bm2:2.2.1", "bm2:3.1", "bm5:1.1", "bm5:1.2", "bm5:2.1", "bm5:2.4"],
};

describe.each(["tinh", "huyen", "xa"] as const)("synthetic report, %s", (level) => {
  const forms = () => distinctReport(level, "v2023-dvctt", 3);
  const check = (r: Report, text: string) => crossCheckBlocks(blocksFromText(text), r);

  test("consistent: every sentence tied to its row, nothing raised", () => {
    const r = forms();
    const c = check(r, body(r, level));
    expect(c.findings).toEqual([]);
    expect(ties25(c).map(([id]) => id)).toEqual([...ROWS[level]].sort());
  });

  test.each(ROWS[level])("a wrong count for %s is an error at its row and cell", (id) => {
    const r = forms();
    const right = r.entries.get(id)!.value.number!;
    const c = check(r, body(r, level, { [id]: formatVi(right + 3) }));
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({
      indicator: id,
      rule: "text-mismatch",
      severity: "error",
      textValue: right + 3,
      formValue: right,
      cell: a1(r.entries.get(id)!.ref!),
    });
  });

  test("a figure for a blank row asks for it to be filled", () => {
    const r = forms();
    const value = r.entries.get("bm5:2.4")!.value.number!;
    r.entries.delete("bm5:2.4");
    const c = check(r, body(r, level, { "bm5:2.4": formatVi(value) }));
    expect(c.findings).toEqual([
      expect.objectContaining({ indicator: "bm5:2.4", rule: "text-form-blank", severity: "warning", textValue: value }),
    ]);
  });

  test("the draft's lines for Biểu mẫu 2 and 5 are read back onto their rows, clean", () => {
    const r = forms();
    const c = check(r, draftPlainText(draftParagraphs(r)));
    expect(c.findings).toEqual([]);
    const tied = new Set(ties25(c).map(([id]) => id));
    for (const id of ["bm2:1", "bm2:2.1", "bm2:3.1", "bm5:1.1", "bm5:1.2", "bm5:2.3"]) expect(tied).toContain(id);
  });
});

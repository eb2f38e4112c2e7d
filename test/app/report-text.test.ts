/**
 * The pane's report-text use case (src/app/report-text.ts): a real .docx made with the docx library from seed
 * 004's own body, against the forms of its workbook as the live check reads them — a planted wrong count is
 * found at its row and cell, with the quoted sentence cut around the figure for highlighting; agreeing text
 * raises nothing; a .doc, a PDF, a renamed file or empty text is one Vietnamese line; the draft's .docx reads
 * back with mammoth and cross-checks clean against its own forms.
 */
import { check } from "../../src/app/check-session";
import {
  checkReportBlocks,
  crossCheckReportText,
  draftFileName,
  draftReportDocx,
  draftReportText,
  groupTextFindings,
  numberPart,
  readReportText,
  ReportTextFinding,
  splitQuote,
} from "../../src/app/report-text";
import { a1 } from "../../src/engine/a1";
import { emptyReport } from "../../src/engine/report";
import type { Report } from "../../src/engine/types";
import { textVi } from "../../src/i18n/text";
import { readDocx } from "../../src/text";
import type { Block } from "../../src/text";
import { readWorkbookBytes } from "../../src/xlsx/node";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";
import { blocksToDocx, seedBodyBlocks } from "../text/seed-docs";

let forms: Report;
let body: Block[];

beforeAll(async () => {
  const wb = readWorkbookBytes(new Uint8Array(await makeSeedWorkbook("004", "sheet-per-form")));
  if (!wb.ok) throw new Error(wb.reason);
  // the report the pane's live check holds
  forms = check(wb.sheets, wb.settings).report;
  body = seedBodyBlocks("004");
}, 60000);

const cellOf = (id: string) => {
  const ref = forms.entries.get(id)?.ref;
  if (!ref) throw new Error(`no cell for ${id}`);
  return { sheet: ref.sheet, cell: a1(ref) };
};

/** The seed's body with one sentence's text replaced. */
function planted(from: string, to: string): Block[] {
  let hit = 0;
  const out = body.map((b) => {
    if (b.kind !== "p" || !b.text.includes(from)) return b;
    hit++;
    return { kind: "p" as const, text: b.text.replace(from, to) };
  });
  if (hit !== 1) throw new Error(`"${from}" stands in ${hit} paragraphs`);
  return out;
}

/** The seed's body without the paragraphs that carry its known disagreements with its forms. */
const agreeing = () =>
  body.filter((b) => b.kind !== "p" || !["3.218", "97,6", "3.523.681"].some((s) => b.text.includes(s)));

const docx = async (blocks: Block[]) => ({
  kind: "file" as const,
  name: "bao-cao.docx",
  bytes: new Uint8Array(await blocksToDocx(blocks)),
});

test("a planted wrong count in the Word file is an error at its row and cell, the figure marked in its sentence", async () => {
  const input = await docx(
    planted("Tổng số cán bộ, công chức được giao là 20", "Tổng số cán bộ, công chức được giao là 22")
  );
  const r = await crossCheckReportText(input, forms);
  if (!r.ok) throw new Error(r.reason);
  const hits = r.findings.filter((f) => f.indicator === "bm4:2.1");
  expect(hits).toHaveLength(1);
  const [f] = hits;
  expect(f).toMatchObject({
    form: 4,
    rule: "text-mismatch",
    severity: "error",
    textValue: 22,
    formValue: 20,
    ...cellOf("bm4:2.1"),
  });
  expect(f.message).toContain("22");
  expect(f.message).toContain("20");
  expect(f.mark).toBeDefined();
  expect(f.mark!.figure).toBe("22");
  expect(f.mark!.before + f.mark!.figure + f.mark!.after).toBe(f.quote);
  expect(f.mark!.before.endsWith("được giao là ")).toBe(true);
  // grouped under Biểu mẫu 4, counted
  const g = r.groups.find((x) => x.form === 4)!;
  expect(g.items).toContain(f);
  expect(g.errors).toBe(1);
  expect(r.errors).toBe(r.findings.filter((x) => x.severity === "error").length);
});

test("the seed's own slips are found at their cells (3.218 settled against 3.225 in rows 3.3.1 and 3.3.2)", async () => {
  const r = await crossCheckReportText(await docx(body), forms);
  if (!r.ok) throw new Error(r.reason);
  for (const id of ["bm3:3.3.1", "bm3:3.3.2"]) {
    const f = r.findings.find((x) => x.indicator === id && x.rule === "text-mismatch");
    expect(f).toMatchObject({ textValue: 3218, formValue: 3225, ...cellOf(id) });
    expect(f!.quote).toContain("3.218");
  }
  const online = r.findings.find((x) => x.indicator === "bm7:6.4@v2022-muc-do");
  expect(online).toMatchObject({ textValue: 97.6, formValue: 84, ...cellOf("bm7:6.4@v2022-muc-do") });
  expect(online!.mark?.figure).toMatch(/^97,6\s?%$/);
});

test("agreeing sentences of the seed raise nothing, while their figures are still tied", async () => {
  const read = await readReportText(await docx(agreeing()));
  if (!read.ok) throw new Error(read.reason);
  const r = await checkReportBlocks(read.blocks, forms);
  if (!r.ok) throw new Error(r.reason);
  expect(r.findings).toEqual([]);
  expect(r.groups).toEqual([]);
  // 25/25 tasks, 20 staff, 119 TTHC/139 online, 3.225 received…
  expect(r.tied).toBeGreaterThanOrEqual(6);
});

test("of two equal figures in one sentence, each finding marks its own", async () => {
  const text =
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\nTrong kỳ, UBND xã đã giải quyết 3.218 hồ sơ, trong đó 3.218 hồ sơ đúng hạn.";
  const r = await crossCheckReportText({ kind: "text", text }, forms);
  if (!r.ok) throw new Error(r.reason);
  const at = (id: string) => r.findings.find((f) => f.indicator === id)!.mark!;
  expect(at("bm3:3.3.1").before).toBe("Trong kỳ, UBND xã đã giải quyết ");
  expect(at("bm3:3.3.2").before).toBe("Trong kỳ, UBND xã đã giải quyết 3.218 hồ sơ, trong đó ");
});

test("pasted text with a slip: found the same way; pasted text that agrees: nothing", async () => {
  const text =
    "II. KẾT QUẢ THỰC HIỆN\n3. Cải cách tổ chức bộ máy\nTổng số cán bộ, công chức được giao là 21, hiện tại có mặt là 20 người.";
  const r = await crossCheckReportText({ kind: "text", text }, forms);
  if (!r.ok) throw new Error(r.reason);
  expect(r.findings.map((f) => [f.indicator, f.rule, f.textValue, f.cell])).toEqual([
    ["bm4:2.1", "text-mismatch", 21, cellOf("bm4:2.1").cell],
  ]);
  const ok = await crossCheckReportText({ kind: "text", text: text.replace("là 21", "là 20") }, forms);
  if (!ok.ok) throw new Error(ok.reason);
  expect(ok.findings).toEqual([]);
  expect(ok.tied).toBeGreaterThanOrEqual(2);
});

test.each([
  ["bao-cao.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), textVi.read.doc],
  ["bao-cao.pdf", new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"), textVi.read.pdf],
  [
    "bao-cao.docx",
    new TextEncoder().encode("Báo cáo kết quả CCHC năm 2023, đã đổi đuôi thành .docx"),
    textVi.read.notDocx,
  ],
  ["rong.docx", new Uint8Array(0), textVi.read.empty],
])("%s: one Vietnamese line, nothing else", async (name, bytes, reason) => {
  const r = await crossCheckReportText({ kind: "file", name, bytes }, forms);
  expect(r).toEqual({ ok: false, code: expect.any(String), reason });
});

test("a workbook without forms, or empty pasted text: one line, no check", async () => {
  const none = emptyReport({ source: "addin" });
  expect(await crossCheckReportText({ kind: "text", text: "Đã giải quyết 5 hồ sơ." }, none)).toEqual({
    ok: false,
    code: "no-forms",
    reason: textVi.pane.noForms,
  });
  expect(await crossCheckReportText({ kind: "text", text: " \n \n" }, forms)).toMatchObject({
    ok: false,
    reason: textVi.pane.emptyText,
  });
});

test("the draft: paragraphs from the forms, a real .docx that reads back and cross-checks clean", async () => {
  const d = await draftReportText(forms);
  expect(d.text).toContain("3.225");
  expect(d.paragraphs.some((p) => p.kind === "heading")).toBe(true);
  const bytes = await draftReportDocx(d.paragraphs);
  const back = await readDocx(bytes);
  if (!back.ok) throw new Error(back.reason);
  const texts = back.blocks.flatMap((b) => (b.kind === "p" ? [b.text] : []));
  expect(texts).toEqual(d.paragraphs.map((p) => p.text));
  const r = await crossCheckReportText({ kind: "file", name: d.fileName, bytes }, forms);
  if (!r.ok) throw new Error(r.reason);
  expect(r.errors + r.warnings).toBe(0);
  expect(r.tied).toBeGreaterThan(5);
});

test("the draft's file name says what, whose and when, without characters Windows refuses", () => {
  const r = emptyReport({ source: "addin", unit: 'UBND xã "Tân/Phú"', period: { kind: "6T", year: 2023 } });
  expect(draftFileName(r)).toBe("Đoạn văn số liệu - UBND xã Tân Phú - 6 tháng đầu năm 2023.docx");
  expect(draftFileName(emptyReport({ source: "addin" }))).toBe("Đoạn văn số liệu.docx");
});

test("splitQuote and grouping", () => {
  expect(splitQuote("đã giải quyết 3.218 hồ sơ", "3.218")).toEqual({
    before: "đã giải quyết ",
    figure: "3.218",
    after: " hồ sơ",
  });
  expect(splitQuote("đã giải quyết 3.218 hồ sơ", "3.225")).toBeUndefined();
  // the second of two equal figures
  expect(splitQuote("giải quyết 5 hồ sơ, trong đó 5 hồ sơ đúng hạn", "5 hồ sơ", "5", 1)).toEqual({
    before: "giải quyết 5 hồ sơ, trong đó ",
    figure: "5",
    after: " hồ sơ đúng hạn",
  });
  // the number is marked, not the unit word after it
  expect(splitQuote("đã giải quyết 3.218 hồ sơ đúng hạn", "3.218 hồ sơ", numberPart("3.218 hồ sơ"))).toEqual({
    before: "đã giải quyết ",
    figure: "3.218",
    after: " hồ sơ đúng hạn",
  });
  expect(
    [
      "3.218 hồ sơ",
      "97,6%",
      "97,6 %",
      "3.147/3.225 hồ sơ",
      "22",
      "3.523.681.000 đồng",
      "trên 10,9 tỷ đồng",
      "119 TTHC",
    ].map(numberPart)
  ).toEqual(["3.218", "97,6%", "97,6 %", "3.147/3.225", "22", "3.523.681.000", "trên 10,9 tỷ đồng", "119"]);
  const f = (form: number, severity: ReportTextFinding["severity"], paragraph: number) =>
    ({ form, severity, paragraph }) as ReportTextFinding;
  const g = groupTextFindings([f(7, "info", 1), f(3, "warning", 2), f(3, "error", 9), f(3, "error", 4)]);
  expect(
    g.map((x) => [x.form, x.items.map((i) => `${i.severity}${i.paragraph}`), x.errors, x.warnings, x.infos])
  ).toEqual([
    [3, ["error4", "error9", "warning2"], 2, 1, 0],
    [7, ["info1"], 0, 0, 1],
  ]);
});

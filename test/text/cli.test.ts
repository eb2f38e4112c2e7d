/**
 * `cchc crosscheck` and `cchc draft` run in-process: exit codes (0 nothing wrong, 1 errors or warnings,
 * 2 unreadable), the --json shape, a .doc / .pdf / workbook / renamed file given as the report gets one
 * Vietnamese line and nothing else, and a draft written as .docx and .txt cross-checks clean.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Io, run } from "../../src/cli/main";
import { makeSeedWorkbook } from "../fixtures/seeds/workbooks";
import { blocksToDocx, seedAppendixBlocks, seedBodyBlocks } from "./seed-docs";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-text-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cchc(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const VI = /[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i;

test("crosscheck seed 004 with its workbook: exit 1, findings with rows and cells in --json", async () => {
  const doc = path.join(dir, "bao-cao-004.docx");
  fs.writeFileSync(doc, await blocksToDocx(seedBodyBlocks("004")));
  const xlsx = path.join(dir, "bieu-mau-004.xlsx");
  fs.writeFileSync(xlsx, await makeSeedWorkbook("004", "sheet-per-form"));
  const r = await cchc("crosscheck", doc, xlsx, "--json");
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out);
  expect(j.report).toBe(doc);
  expect(j.forms).toBe(xlsx);
  const f = j.findings.find(
    (x: { indicator: string; rule: string }) => x.indicator === "bm3:3.3.1" && x.rule === "text-mismatch"
  );
  expect(Object.keys(f).sort()).toEqual(
    [
      "form",
      "code",
      "indicator",
      "rule",
      "severity",
      "message",
      "quote",
      "paragraph",
      "textValue",
      "formValue",
      "sheet",
      "cell",
    ].sort()
  );
  expect(f).toMatchObject({ form: 3, code: "3.3.1", textValue: 3218, formValue: 3225, sheet: "BM3" });
  expect(j.tied.length).toBeGreaterThan(3);
  expect(j.tied[0]).toHaveProperty("paragraph");

  const plain = await cchc("crosscheck", doc, xlsx);
  expect(plain.code).toBe(1);
  expect(plain.out).toContain("Biểu mẫu 3, dòng 3.3.1");
  expect(plain.out).toContain("3.143/3.218");
});

test("without a workbook the Word file's appendix tables are the forms", async () => {
  const doc = path.join(dir, "bao-cao-000.docx");
  fs.writeFileSync(doc, await blocksToDocx([...seedBodyBlocks("000"), ...seedAppendixBlocks("000")]));
  const r = await cchc("crosscheck", doc, "--json");
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out);
  expect(j.findings.some((x: { indicator: string }) => x.indicator === "bm3:3.3.1")).toBe(true);
});

test("a body without any forms, in the file or beside it, is a usage error", async () => {
  const doc = path.join(dir, "chi-van-ban.docx");
  fs.writeFileSync(doc, await blocksToDocx(seedBodyBlocks("004")));
  const r = await cchc("crosscheck", doc);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(VI);
});

test.each([
  ["bao-cao.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Word 97–2003/],
  ["bao-cao.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n"), /PDF/],
  ["doi-duoi.docx", Buffer.from("Báo cáo đã giải quyết 3.218 hồ sơ"), /đổi đuôi/],
  ["rong.docx", Buffer.alloc(0), /rỗng/],
])("%s: one Vietnamese line, exit 2, nothing written", async (name, bytes, reason) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  const before = fs.readdirSync(dir).sort();
  const r = await cchc("crosscheck", p);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.split("\n")).toHaveLength(1);
  expect(r.err).toMatch(reason);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
});

test("a workbook given as the report is named for what it is", async () => {
  const p = path.join(dir, "nham.docx");
  fs.writeFileSync(p, await makeSeedWorkbook("004", "one-sheet"));
  const r = await cchc("crosscheck", p);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Excel/);
});

test("draft: .docx and .txt, each cross-checks clean against the workbook it came from", async () => {
  const xlsx = path.join(dir, "bieu-mau-002.xlsx");
  fs.writeFileSync(xlsx, await makeSeedWorkbook("002", "one-sheet"));
  const docx = path.join(dir, "doan-van.docx");
  const d = await cchc("draft", xlsx, "-o", docx);
  expect(d.code).toBe(0);
  expect(d.out).toMatch(VI);
  const again = await cchc("draft", xlsx, "-o", docx);
  expect(again.code).toBe(2);
  const txt = path.join(dir, "doan-van.txt");
  expect((await cchc("draft", xlsx, "-o", txt)).code).toBe(0);
  expect(fs.readFileSync(txt, "utf8")).toContain("đã giải quyết 41.045 hồ sơ, trong đó 40.816 hồ sơ đúng hạn");
  const c = await cchc("crosscheck", docx, xlsx, "--json");
  const j = JSON.parse(c.out);
  expect(j.findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
  expect(c.code).toBe(0);
  expect((await cchc("draft", xlsx, "-o", path.join(dir, "x.pdf"))).code).toBe(2);
  expect((await cchc("draft", xlsx)).code).toBe(2);
});

/**
 * Drafting: the paragraphs quote only the forms' figures, skip blank rows, and a draft cross-checks clean
 * against its own forms on every level and version (as plain text and as a .docx read back with mammoth).
 */
import { LEVELS, VERSION_IDS } from "../../src/catalog";
import { formatVi } from "../../src/engine/numbers";
import { blocksFromText, crossCheckBlocks, readDocx } from "../../src/text";
import { draftDocx, draftParagraphs, draftPlainText } from "../../src/text/draft";
import { distinctReport } from "./forms";

describe("a draft cross-checks clean against its own forms", () => {
  const cases = LEVELS.flatMap((l) => VERSION_IDS.map((v) => [l, v] as const));
  test.each(cases)("%s / %s", (level, version) => {
    const forms = distinctReport(level, version);
    const text = draftPlainText(draftParagraphs(forms));
    const r = crossCheckBlocks(blocksFromText(text), forms);
    expect(r.findings).toEqual([]);
    // the draft's figures are read back and tied to the rows they came from
    expect(r.ties.length).toBeGreaterThan(3);
    for (const t of r.ties) {
      const e = forms.entries.get(t.indicator)?.value.number;
      expect(e).toBeDefined();
      if (t.figure.kind !== "percent") expect(t.value).toBe(e);
    }
  });

  test("the .docx draft reads back with mammoth and checks clean", async () => {
    const forms = distinctReport("xa", "v2022-muc-do");
    const doc = await readDocx(await draftDocx(draftParagraphs(forms)));
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    const r = crossCheckBlocks(doc.blocks, forms);
    expect(r.findings).toEqual([]);
    expect(r.ties.some((t) => t.indicator === "bm3:3.3.1")).toBe(true);
  });
});

describe("drafted wording", () => {
  test("the one-stop paragraph in the seeds' register, blank rows skipped", () => {
    const forms = distinctReport("tinh", "v2022-muc-do");
    const n = (id: string) => formatVi(forms.entries.get(id)!.value.number!);
    forms.entries.delete("bm3:3.2.1");
    const text = draftPlainText(draftParagraphs(forms));
    expect(text).toContain(
      `Tại UBND cấp xã, đã giải quyết ${n("bm3:3.3.1")} hồ sơ, trong đó ${n("bm3:3.3.2")} hồ sơ đúng hạn, đạt tỷ lệ`
    );
    expect(text).not.toContain("Tại UBND cấp huyện, đã giải quyết");
  });

  test("nothing is invented from an empty workbook", () => {
    const forms = distinctReport("xa", "v2022-muc-do");
    forms.entries.clear();
    const paras = draftParagraphs(forms);
    expect(paras.filter((p) => p.kind === "text" && /\d/.test(p.text))).toEqual([]);
    expect(paras.some((p) => p.kind === "heading")).toBe(false);
  });
});

/**
 * The wordings data (src/catalog/text-words.json) is checked when loaded, and the body's paragraphs get the
 * section (form) they stand in from the report's headings.
 */
import raw from "../../src/catalog/text-words.json";
import { checkTextWords, textWords } from "../../src/text/words";
import { formOfHeading, splitReport } from "../../src/text/structure";
import { blocksFromText } from "../../src/text";

describe("text wordings", () => {
  test("the shipped file loads, and every concept names rows of its own form", () => {
    const w = textWords();
    expect(w.concepts.length).toBeGreaterThan(10);
    for (const c of w.concepts)
      for (const ids of Object.values(c.indicators))
        for (const id of ids ?? []) expect(id.startsWith(`bm${c.form}:`)).toBe(true);
  });

  test.each([
    ["an unknown indicator", (d: typeof raw) => (d.concepts[0].indicators = { "*": ["bm1:99"] })],
    ["an indicator of another form", (d: typeof raw) => (d.concepts[0].indicators = { "*": ["bm3:1.4"] })],
    ["a sum of unknown concepts", (d: typeof raw) => (d.sums[0].parts = ["early", "nope"])],
    ["a duplicate concept", (d: typeof raw) => d.concepts.push({ ...d.concepts[0] })],
    ["an unknown field", (d: typeof raw) => Object.assign(d.concepts[0], { guess: true })],
  ])("refused: %s", (_name, spoil) => {
    const d = JSON.parse(JSON.stringify(raw));
    spoil(d);
    expect(() => checkTextWords(d)).toThrow();
  });
});

describe("sections follow the forms' order", () => {
  test.each([
    ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 1],
    ["1. Cải cách thể chế", 2],
    ["2. Cải cách thủ tục hành chính (TTHC)", 3],
    ["3. Cải cách tổ chức bộ máy", 4],
    ["4. Cải cách chế độ công vụ", 5],
    ["5. Cải cách tài chính công", 6],
    ["6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", 7],
    ["III. ĐÁNH GIÁ CHUNG", 0],
  ])("%s → %d", (h, f) => expect(formOfHeading(h)).toBe(f));

  test("paragraphs keep their number, their section, and a sentence broken over two paragraphs is joined", () => {
    const parts = splitReport(
      blocksFromText(
        [
          "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
          "Đã ban hành 5 văn bản chỉ đạo.",
          "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
          "2. Cải cách thủ tục hành chính",
          "Trong quý, 91 xã,",
          "phường, thị trấn đã giải quyết 10 hồ sơ.",
          "III. ĐÁNH GIÁ CHUNG",
          "Đạt 100% kế hoạch.",
        ].join("\n")
      )
    );
    expect(parts.paragraphs.map((p) => [p.number, p.section])).toEqual([
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 3],
      [5, 3],
      [7, 0],
      [8, 0],
    ]);
    expect(parts.paragraphs[4].text).toBe("Trong quý, 91 xã, phường, thị trấn đã giải quyết 10 hồ sơ.");
  });
});

/**
 * Synthetic reports: a consistent one gives no error or warning; planted slips (a wrong count, a wrong
 * rate, a rate its own quoted parts contradict, a figure for a blank row, a money figure truncated when
 * converted) are each found at their row. Figures come from the forms, never typed in by hand.
 */
import { formatVi, percentOf } from "../../src/engine/numbers";
import { a1 } from "../../src/engine/a1";
import type { Report } from "../../src/engine/types";
import { blocksFromText, countTextFindings, crossCheckBlocks } from "../../src/text";
import { distinctReport } from "./forms";

const n = (r: Report, id: string) => r.entries.get(id)!.value.number!;
const f = (x: number) => formatVi(x);

function body(r: Report, over: Record<string, string> = {}): string {
  const v = (id: string) => over[id] ?? f(n(r, id));
  const rate = (a: string, b: string) => over[`${a}/${b}`] ?? f(percentOf(n(r, a), n(r, b))!);
  return [
    "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    `Theo kế hoạch có ${v("bm1:2.1")} nhiệm vụ; đến nay đã hoàn thành ${v("bm1:2.2")}/${v("bm1:2.1")} nhiệm vụ, đạt ${over["bm1:2"] ?? rate("bm1:2.2", "bm1:2.1")}%.`,
    "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "2. Cải cách thủ tục hành chính",
    `+ Đối với cấp huyện: đã giải quyết ${v("bm3:3.2.1")} hồ sơ, trong đó ${v("bm3:3.2.2")} hồ sơ đúng hạn (tỷ lệ ${rate("bm3:3.2.2", "bm3:3.2.1")}%).`,
    `+ Đối với cấp xã: đã giải quyết ${v("bm3:3.3.1")} hồ sơ, trong đó trả trước và đúng hạn ${v("bm3:3.3.2")} hồ sơ, chiếm tỷ lệ ${over["bm3:3.3"] ?? rate("bm3:3.3.2", "bm3:3.3.1")}%.`,
    "5. Cải cách tài chính công",
    `Kết quả giải ngân vốn đầu tư công: ${over["bm6:1.2"] ?? f(n(r, "bm6:1.2")) + " triệu đồng"}, đạt ${rate("bm6:1.2", "bm6:1.1")}% so với kế hoạch vốn được giao ${v("bm6:1.1")} triệu đồng.`,
    "III. ĐÁNH GIÁ CHUNG",
    `Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 99%; đã giải quyết 1 hồ sơ trễ.`,
  ].join("\n");
}

const check = (r: Report, text: string) => crossCheckBlocks(blocksFromText(text), r);

test("a consistent report gives no error or warning, and its figures are tied to their rows", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const c = check(r, body(r));
  const { errors, warnings } = countTextFindings(c.findings);
  expect({ errors, warnings }).toEqual({ errors: 0, warnings: 0 });
  const tied = new Set(c.ties.map((t) => t.indicator));
  for (const id of [
    "bm1:2.1",
    "bm1:2.2",
    "bm1:2",
    "bm3:3.2.1",
    "bm3:3.2.2",
    "bm3:3.2",
    "bm3:3.3.1",
    "bm3:3.3.2",
    "bm3:3.3",
    "bm6:1.2",
    "bm6:1.1",
    "bm6:1",
  ])
    expect(tied).toContain(id);
  // the evaluation section (III) is not compared
  expect(c.ties.some((t) => t.quote.includes("trên 99%"))).toBe(false);
});

test("a wrong count is an error at its row and cell", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const wrong = n(r, "bm3:3.3.1") + 7;
  const c = check(r, body(r, { "bm3:3.3.1": f(wrong) }));
  const hit = c.findings.filter((x) => x.rule === "text-mismatch" && x.severity === "error");
  expect(hit).toHaveLength(1);
  expect(hit[0]).toMatchObject({
    indicator: "bm3:3.3.1",
    code: "3.3.1",
    textValue: wrong,
    formValue: n(r, "bm3:3.3.1"),
  });
  expect(hit[0].cell).toBe(a1(r.entries.get("bm3:3.3.1")!.ref!));
});

test("a wrong rate is found at the ratio row; its own parts contradict it too", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const c = check(r, body(r, { "bm3:3.3": "12,5" }));
  expect(c.findings.find((x) => x.rule === "text-mismatch")).toMatchObject({ indicator: "bm3:3.3", textValue: 12.5 });
  expect(c.findings.find((x) => x.rule === "text-ratio")).toMatchObject({ indicator: "bm3:3.3", textValue: 12.5 });
});

test("a rate one unit off its parts' correct rounding is a rounding note, not an error", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const exact = percentOf(n(r, "bm3:3.3.2"), n(r, "bm3:3.3.1"))!;
  const slip = formatVi(Math.round((exact + 0.01) * 100) / 100, 2);
  const c = check(r, body(r, { "bm3:3.3": slip }));
  const { errors, warnings } = countTextFindings(c.findings);
  expect({ errors, warnings }).toEqual({ errors: 0, warnings: 0 });
  expect(c.findings.map((x) => x.rule)).toContain("text-rounding");
});

test("a figure for a blank row asks for it to be filled", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const value = n(r, "bm3:3.2.1");
  r.entries.delete("bm3:3.2.1");
  const c = check(
    r,
    body(r, { "bm3:3.2.1": f(value), "bm3:3.2.2/bm3:3.2.1": f(percentOf(n(r, "bm3:3.2.2"), value)!) })
  );
  const blank = c.findings.filter((x) => x.rule === "text-form-blank");
  expect(blank).toHaveLength(1);
  expect(blank[0]).toMatchObject({ indicator: "bm3:3.2.1", severity: "warning", textValue: value, formValue: null });
  expect(blank[0].message).toContain(f(value));
});

test("money written in đồng and truncated on the form is a unit note", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const m = n(r, "bm6:1.2");
  const c = check(r, body(r, { "bm6:1.2": `${formatVi(m * 1e6 + 681000)} đồng` }));
  const u = c.findings.filter((x) => x.rule === "text-unit");
  expect(u).toHaveLength(1);
  expect(u[0]).toMatchObject({ indicator: "bm6:1.2", severity: "info", formValue: m });
});

test("a figure the words do not tie is ignored, never guessed", () => {
  const r = distinctReport("huyen", "v2022-muc-do");
  const c = check(r, "2. Cải cách thủ tục hành chính\nTrong kỳ có 4.321 lượt người dân đến liên hệ và 12 cuộc họp.");
  expect(c.ties).toEqual([]);
  expect(c.findings).toEqual([]);
  expect(c.figures.length).toBe(2);
});

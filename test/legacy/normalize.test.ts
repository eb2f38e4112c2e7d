import fc from "fast-check";
import { installNormalize, normalizeString, toNFC, toNFD } from "../../src/taskpane/legacy/normalize";

// Vietnamese letters in both precomposed and combining forms, plus every Latin letter the table covers.
const latin: string[] = [];
for (const [a, b] of [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
]) {
  for (let cp = a; cp <= b; cp++) latin.push(String.fromCharCode(cp));
}
const marks: string[] = [];
for (let cp = 0x300; cp <= 0x36f; cp++) marks.push(String.fromCharCode(cp));

describe("String.prototype.normalize fallback for IE11", () => {
  test("every Latin letter decomposes and recomposes as Node does", () => {
    for (const c of latin) {
      expect(toNFD(c)).toBe(c.normalize("NFD"));
      expect(toNFC(c)).toBe(c.normalize("NFC"));
      expect(toNFC(c.normalize("NFD"))).toBe(c.normalize("NFC"));
    }
  });

  test("any two combining marks after a letter are ordered and composed as Node does", () => {
    for (const base of ["a", "e", "o", "u", "A", "ơ", "ư"]) {
      for (const m1 of marks) {
        for (const m2 of marks) {
          const s = base + m1 + m2;
          if (toNFD(s) !== s.normalize("NFD")) throw new Error(`NFD ${JSON.stringify(s)}: ${escape(toNFD(s))} vs ${escape(s.normalize("NFD"))}`);
          if (toNFC(s) !== s.normalize("NFC")) throw new Error(`NFC ${JSON.stringify(s)}: ${escape(toNFC(s))} vs ${escape(s.normalize("NFC"))}`);
        }
      }
    }
  });

  test("real labels from the forms (typed with combining marks by old keyboards) fold the same", () => {
    const labels = [
      "Số văn bản quy phạm pháp luật được ban hành",
      "Tỷ lệ hồ sơ giải quyết đúng hạn",
      "Ủy ban nhân dân xã Tân Phú — Quý III năm 2023",
      "Thủ tục hành chính được công bố, công khai",
    ];
    for (const l of labels) {
      const nfd = l.normalize("NFD");
      expect(toNFC(nfd)).toBe(l.normalize("NFC"));
      expect(toNFD(l)).toBe(nfd);
      expect(toNFD(l).replace(/[\u0300-\u036f]/g, "")).toBe(nfd.replace(/[\u0300-\u036f]/g, ""));
    }
  });

  test("random text over Vietnamese letters, marks and ASCII matches Node", () => {
    const alphabet = fc.constantFrom(...latin.slice(0, 200), ...latin.filter((c) => c >= "\u1ea0" && c <= "\u1ef9"), ...marks.slice(0, 40), "a", "e", " ", "1", "đ", "Đ", "\u0301", "\u0323", "\u0309", "\u031b");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
        const s = chars.join("");
        return toNFC(s) === s.normalize("NFC") && toNFD(s) === s.normalize("NFD");
      }),
      { numRuns: 2000 },
    );
  });

  test("forms: default NFC, K forms as canonical, anything else a RangeError", () => {
    const s = "Quy\u0301 I";
    expect(normalizeString(s)).toBe("Quý I");
    expect(normalizeString("Quý", "NFKD")).toBe("Quy\u0301");
    expect(() => normalizeString(s, "XYZ")).toThrow(RangeError);
  });

  test("installs only where missing, as a non-enumerable method", () => {
    const withIt = { normalize() {} };
    expect(installNormalize(withIt)).toBe(false);
    const proto: Record<string, unknown> = {};
    expect(installNormalize(proto)).toBe(true);
    expect(Object.keys(proto)).toEqual([]);
    const fn = proto.normalize as (this: unknown, f?: string) => string;
    expect(fn.call("Ủy ban", "NFD")).toBe("Ủy ban".normalize("NFD"));
    expect(() => fn.call(null)).toThrow(TypeError);
  });
});

import { checkStamp, fingerprint, fnv1a64 } from "../../src/engine/fingerprint";
import { readReport } from "../../src/engine/reader";
import { seedGrids } from "./seed-grids";

describe("fingerprint", () => {
  test("FNV-1a 64 test vectors", () => {
    // published FNV-1a 64-bit values
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  test("stable across layout and notation, changes with any figure", () => {
    const a = fingerprint(readReport(seedGrids("000", "one-sheet")));
    const b = fingerprint(readReport(seedGrids("000", "sheet-per-form")));
    const c = fingerprint(readReport(seedGrids("000", "one-sheet", { allText: true })));
    expect(b).toBe(a);
    // "1.946" typed as text and 1946 as a number are the same figure
    expect(c).toBe(a);
    const d = fingerprint(readReport(seedGrids("000", "one-sheet", { values: { "3:1.4.": 1947 } })));
    expect(d).not.toBe(a);
    const e = fingerprint(readReport(seedGrids("000", "one-sheet", { values: { "2:1.2.": 0 } })));
    // "-" (not applicable) and 0 are different figures
    expect(e).not.toBe(a);
    expect(a).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });

  test("checkStamp", () => {
    const r = readReport(seedGrids("004", "one-sheet"));
    expect(checkStamp(r)).toBe("none");
    r.stamp = { at: "2023-12-15T08:00:00Z", by: "Văn thư", fingerprint: fingerprint(r) };
    expect(checkStamp(r)).toBe("unchanged");
    r.entries.get("bm3:1.4.3")!.value = { state: "value", number: 139, raw: 139 };
    expect(checkStamp(r)).toBe("changed");
  });
});

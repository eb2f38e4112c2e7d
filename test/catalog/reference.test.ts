/**
 * The catalog against the hand extraction shared/reference/forms-extracted.json (beside the repository): same rows,
 * kinds, wording, units, codes and relations. Deliberate differences are listed here with their reasons.
 */
import { catalog, indicatorById, printedCode, Indicator, Level } from "../../src/catalog";
import { reference } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RefRow = any;
const ref = reference();
const refRows: RefRow[] = Object.values<{ rows: RefRow[] }>(ref.bieu_mau).flatMap((b) => b.rows);
const LEVEL: Record<string, Level> = { province: "tinh", department: "so", commune: "xa" };
const SEED_LEVEL: Record<string, Level> = { "000": "tinh", "002": "tinh", "004": "xa" };

/** Catalog relations the reference does not have, on purpose. */
const EXTRA_AT_MOST: Record<string, string[]> = {
  // Staff present cannot exceed staff assigned (000: 1.662 <= 1.780, 002: 1.769 <= 1.797, 004: 20 <= 20).
  "bm4:2.2": ["bm4:2.1"],
  // Likewise for people working in public service units (000: 19.785 <= 23.042, 002: 18.081 <= 18.593).
  "bm4:3.2": ["bm4:3.1"],
};
/** bm5:4's weak total also covers the district/commune edition's rows 4.1–4.5 (004 prints 4 = 0 over them). */
const EXTRA_SUM: Record<string, string[]> = {
  "bm5:4": ["bm5:4.1@district-commune", "bm5:4.2@district-commune", "bm5:4.3@district-commune", "bm5:4.4@district-commune", "bm5:4.5@district-commune"],
};
/** Levels added to what the seeds show: a version applies at every level, and the district is decided in index.ts. */
const EXTRA_LEVELS: Record<string, Level[]> = {
  "bm3:2.1@v2023-dvctt": ["so", "xa"],
  "bm3:2.2@v2023-dvctt": ["xa"],
  ...Object.fromEntries(
    ["6.1", "6.1.1", "6.2", "6.2.1", "6.2.2", "6.3", "6.3.1", "6.3.2", "6.4", "6.4.1", "6.4.2"].map((c) => [`bm7:${c}@v2023-dvctt`, ["xa"] as Level[]]),
  ),
  "bm7:6.1.2@v2023-dvctt": ["so", "xa"],
};

/** A code of the reference (relative to the form, like "3.1.2") as the catalog id, same version suffix first. */
function resolve(self: RefRow, code: string): string {
  const suffix = self.id.includes("@") ? self.id.slice(self.id.indexOf("@")) : "";
  const form = self.id.slice(2, 3);
  for (const id of [`bm${form}:${code}${suffix}`, `bm${form}:${code}`]) if (indicatorById(id)) return id;
  throw new Error(`${self.id}: cannot resolve ${code}`);
}

describe("catalog vs reference extraction", () => {
  test("the same rows, in the same order", () => {
    expect(catalog.indicators.map((i) => i.id)).toEqual(refRows.map((r) => r.id));
    expect(catalog.indicators).toHaveLength(ref.row_counts.catalog_rows_total);
  });

  test.each(refRows.map((r) => [r.id, r]))("%s: code, kind, label, unit, enum, versions", (_id, r: RefRow) => {
    const i = indicatorById(r.id)!;
    expect(i.code).toBe(r.code);
    expect(i.kind).toBe(r.kind);
    expect(i.label).toBe(r.label);
    expect(i.unit).toBe(r.unit);
    expect([...i.versions].sort()).toEqual([...r.versions].sort());
    if (r.enum) expect(Object.fromEntries(i.enum!.map((e) => [String(e.code), e.label]))).toEqual(r.enum);
    else expect(i.enum).toBeUndefined();
    // Every wording a seed used is known to the catalog (as the level's label or a variant).
    const known = [i.label, ...Object.values(i.labelByLevel ?? {}), ...(i.labelVariants ?? [])];
    for (const v of Object.values<string>(r.label_variants)) expect(known).toContain(v);
  });

  test.each(refRows.map((r) => [r.id, r]))("%s: parent and relations", (_id, r: RefRow) => {
    const i: Indicator = indicatorById(r.id)!;
    expect(i.parent).toBe(r.parent ? resolve(r, r.parent) : undefined);
    // A reference ratio without a numerator row (bm1:4.2: the numerator is not in the form) is no ratio here.
    const refRatio = r.ratio && r.ratio.numerator !== null ? r.ratio : undefined;
    if (r.ratio && !refRatio) expect(i.note).toMatch(/not a row of the form/);
    expect(i.ratio).toEqual(refRatio ? { numerator: resolve(r, refRatio.numerator), denominator: resolve(r, refRatio.denominator) } : undefined);
    const sum = r.sum_of ? r.sum_of.children.map((c: string) => resolve(r, c)) : undefined;
    expect(i.sumOf).toEqual(sum ? [...sum, ...(EXTRA_SUM[r.id] ?? [])] : undefined);
    if (r.sum_of) expect(i.sumStrength).toBe(/weak/.test(r.sum_of.strength) ? "weak" : undefined);
    const atMost: string[] = [];
    let atLeast: string[] | undefined;
    for (const c of r.constraints as string[]) {
      let m = /^([\d.]+) <= ([\d.]+)$/.exec(c);
      if (m) {
        expect(resolve(r, m[1])).toBe(r.id);
        atMost.push(resolve(r, m[2]));
        continue;
      }
      m = /^([\d.]+) >= (.+)$/.exec(c);
      if (m) {
        atLeast = m[2].split(" + ").map((x) => resolve(r, x));
        continue;
      }
      expect(c).toBe("0 <= value <= 100");
      expect(i.kind).toBe("percent");
    }
    expect(i.atMost ?? []).toEqual([...atMost, ...(EXTRA_AT_MOST[r.id] ?? [])]);
    expect(i.atLeastSumOf).toEqual(atLeast);
  });

  test.each(refRows.map((r) => [r.id, r]))("%s: levels and printed codes", (_id, r: RefRow) => {
    const i = indicatorById(r.id)!;
    const want = new Set<Level>([...(r.levels as string[]).map((l) => LEVEL[l]), ...(EXTRA_LEVELS[r.id] ?? [])]);
    expect(i.levels.filter((l) => l !== "huyen").sort()).toEqual([...want].sort());
    // The district fills the district/commune edition: every commune row is a district row.
    if (i.levels.includes("xa")) expect(i.levels).toContain("huyen");
    for (const [seed, printed] of Object.entries<string>(r.printed_codes)) {
      expect([seed, printedCode(i, SEED_LEVEL[seed])]).toEqual([seed, printed.replace(/\.$/, "")]);
    }
  });
});

/**
 * Property: consolidating N units equals the sums computed independently (missing figures left out and
 * counted, not-applicable ones left out and counted), and the ratio equals the rate of the summed parts.
 */
import fc from "fast-check";
import { consolidate, UnitInput } from "../../src/engine/consolidate";
import { emptyReport } from "../../src/engine/report";
import type { ParsedValue } from "../../src/engine/types";

type Fig = { t: "n"; v: number } | { t: "na" } | { t: "missing" };
const fig: fc.Arbitrary<Fig> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((v) => ({ t: "n" as const, v })) },
  { weight: 1, arbitrary: fc.constant({ t: "na" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "missing" as const }) }
);
const unit = fc.record({
  staff: fig,
  money: fc.integer({ min: 0, max: 10_000_000 }),
  files: fc.integer({ min: 0, max: 50_000 }),
  ontime: fc.double({ min: 0, max: 1, noNaN: true }),
  survey: fc.constantFrom(0, 1, 2),
});

function pv(f: Fig): ParsedValue | undefined {
  if (f.t === "n") return { state: "value", number: f.v, raw: f.v };
  if (f.t === "na") return { state: "na", raw: "-", text: "-" };
  return undefined;
}

function report(i: number, u: { staff: Fig; money: number; files: number; ontime: number; survey: number }) {
  const r = emptyReport({
    source: "addin",
    level: "xa",
    version: "v2022-muc-do",
    unit: `Xã số ${i}`,
    period: { kind: "6T", year: 2024 },
  });
  r.forms = [1, 2, 3, 4, 5, 6, 7];
  const put = (id: string, v: ParsedValue | undefined) => v && r.entries.set(id, { indicatorId: id, value: v });
  put("bm4:2.1", pv(u.staff));
  // money in tenths of a million đồng, so decimals are exercised
  put("bm6:1.1", { state: "value", number: u.money / 10, raw: u.money / 10 });
  put("bm3:3.3.1", { state: "value", number: u.files, raw: u.files });
  const ontime = Math.floor(u.files * u.ontime);
  put("bm3:3.3.2", { state: "value", number: ontime, raw: ontime });
  put("bm1:6.2", { state: "value", number: u.survey, raw: u.survey });
  return r;
}

test("totals equal the independent sums", () => {
  fc.assert(
    fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), (us) => {
      const inputs: UnitInput[] = us.map((u, i) => ({
        file: `f${i}.xlsx`,
        read: { ok: true, report: report(i, u), findings: [] },
      }));
      const c = consolidate(inputs, {
        level: "huyen",
        version: "v2022-muc-do",
        period: { kind: "6T", year: 2024 },
        unit: "Huyện",
      });
      const row = (id: string) => c.rows.find((r) => r.indicatorId === id)!;
      expect(c.counted.length).toBe(us.length);

      const nums = us.flatMap((u) => (u.staff.t === "n" ? [u.staff.v] : []));
      expect(row("bm4:2.1").value).toBe(nums.length ? nums.reduce((a, b) => a + b, 0) : null);
      expect(row("bm4:2.1").na).toBe(us.filter((u) => u.staff.t === "na").length);
      expect(row("bm4:2.1").missing).toBe(us.filter((u) => u.staff.t === "missing").length);

      // money: sum of tenths, exact
      const tenths = us.reduce((a, u) => a + u.money, 0);
      expect(row("bm6:1.1").value).toBe(tenths / 10);

      const files = us.reduce((a, u) => a + u.files, 0);
      const ontime = us.reduce((a, u) => a + Math.floor(u.files * u.ontime), 0);
      expect(row("bm3:3.3.1").value).toBe(files);
      // rate of the sums, half up to 2 decimals, in integers: floor((2·n·10000 + d) / (2·d)) / 100
      const expected = files === 0 ? null : Math.floor((2 * ontime * 10000 + files) / (2 * files)) / 100;
      expect(row("bm3:3.3").value).toBe(expected);

      const s = new Set(us.map((u) => u.survey));
      expect(row("bm1:6.2").value).toBe(s.size === 1 ? us[0].survey : 2);
    }),
    { numRuns: 150 }
  );
});

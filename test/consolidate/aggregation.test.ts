/**
 * aggregation.json: every row of every consolidating edition has a rule, figures are taken only from rows
 * the subordinate edition has, ratios only from summed parts, and the documented level-pair decisions hold.
 */
import { aggregationFile, aggregationRules, consolidationPairs, sourceLevels } from "../../src/catalog/aggregation";
import { formRows, VERSION_IDS } from "../../src/catalog";

const pairs = consolidationPairs();

test("the four level pairs, each with a note", () => {
  expect(pairs.map((p) => `${p.target}<-${p.source}`).sort()).toEqual([
    "huyen<-xa",
    "tinh<-huyen",
    "tinh<-so",
    "tinh<-xa",
  ]);
  expect(sourceLevels("huyen")).toEqual(["xa"]);
  expect(sourceLevels("xa")).toEqual([]);
  for (const o of aggregationFile().overrides) expect(o.reason.length).toBeGreaterThan(10);
});

describe.each(pairs.flatMap((p) => VERSION_IDS.map((v) => [p.target, p.source, v] as const)))(
  "%s <- %s (%s)",
  (target, source, version) => {
    const rules = aggregationRules(target, source, version);
    const targetIds = [1, 2, 3, 4, 5, 6, 7].flatMap((f) => formRows(f, target, version)).map((i) => i.id);
    const sourceIds = new Set([1, 2, 3, 4, 5, 6, 7].flatMap((f) => formRows(f, source, version)).map((i) => i.id));

    test("a rule for every row of the consolidating edition, none for others", () => {
      expect([...rules.keys()].sort()).toEqual([...targetIds].sort());
    });

    test("figures come only from the subordinate edition; ratios only from summed parts", () => {
      for (const r of rules.values()) {
        if (["sum", "any", "survey-mode", "count-by-code"].includes(r.rule)) {
          expect(r.from.length).toBeGreaterThan(0);
          for (const s of r.from) expect(sourceIds.has(s)).toBe(true);
        }
        if (r.rule === "ratio") {
          expect(rules.get(r.parts!.numerator)!.rule).toBe("sum");
          expect(rules.get(r.parts!.denominator)!.rule).toBe("sum");
        }
      }
    });
  }
);

test("documented decisions", () => {
  const hx = aggregationRules("huyen", "xa", "v2022-muc-do");
  expect(hx.get("bm3:3.3.1")).toMatchObject({ rule: "sum", from: ["bm3:3.3.1"] }); // communes' files → commune rows
  expect(hx.get("bm3:3.2.1")!.rule).toBe("own"); // the district's own files
  expect(hx.get("bm1:1")!.rule).toBe("own"); // Biểu mẫu 1 is the district's own work
  expect(hx.get("bm1:6")!.rule).toBe("any");
  expect(hx.get("bm1:6.2")!.rule).toBe("survey-mode");
  expect(hx.get("bm3:1.4.3")!.rule).toBe("own"); // procedure catalogue: the same list in every commune
  const th = aggregationRules("tinh", "huyen", "v2022-muc-do");
  expect(th.get("bm5:4.2")).toMatchObject({ rule: "sum", from: ["bm5:4.1@district-commune"], origin: "override" });
  expect(th.get("bm3:3.2")!.rule).toBe("ratio");
  const ts = aggregationRules("tinh", "so", "v2022-muc-do");
  expect(ts.get("bm3:1.2")!.rule).toBe("sum"); // departments publish their own sector's procedures
  expect(ts.get("bm3:3.1.1")!.rule).toBe("own"); // departments' form carries only the rate
  const tx = aggregationRules("tinh", "xa", "v2023-dvctt");
  expect(tx.get("bm3:3.2.1")!.rule).toBe("none"); // no districts after the 2025 reform
  expect(tx.get("bm3:3.3.1")!.rule).toBe("sum");
  expect(aggregationRules("xa", "tinh", "v2022-muc-do").size).toBe(0);
});

/**
 * Issue "Hand-made files", done when: a corpus of hand-made commune files (test/handmade/corpus.ts) places
 * every typed figure right, misplaces none, raises no false error and names unit and period in every file;
 * consolidating the corpus counts every file and its totals equal hand totals.
 * The truth comes from the corpus (what was typed where), never from the reader's output.
 */
import { aggregationRules } from "../../src/catalog/aggregation";
import { indicatorById, inEdition } from "../../src/catalog";
import { totalValues } from "../../src/engine/consolidate";
import { periodCode, parsePeriod } from "../../src/engine/period";
import { readReport } from "../../src/engine/reader";
import { a1 } from "../../src/engine/a1";
import type { Report } from "../../src/engine/types";
import { validate } from "../../src/engine/validate";
import { consolidateFiles } from "../../src/xlsx/consolidate-files";
import { readWorkbookFile } from "../../src/xlsx/read";
import { DISTRICT, handmadeCorpus, HandmadeFile, PERIOD_CODE } from "./corpus";
import { findingMessage } from "../../src/i18n/findings";

let corpus: HandmadeFile[];
beforeAll(async () => {
  corpus = await handmadeCorpus();
}, 60_000);

function read(f: HandmadeFile): Report {
  const r = readWorkbookFile(f.bytes, f.name);
  if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
  return readReport(r.sheets, { settings: r.settings });
}

describe("every hand-made file is read as typed", () => {
  test("the corpus is varied: at least 20 files, every kind of variant present", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    const seen = new Set(corpus.flatMap((f) => f.variants));
    for (const v of ["letterhead", "letterhead-2", "don-vi-bao-cao", "ten-don-vi", "appendix", "title"])
      expect(seen).toContain(v);
    for (const v of [
      "bracket",
      "window",
      "ky-truoc-ky-nay",
      "ke-hoach-thuc-hien",
      "roman",
      "old-quarter-sheet",
      "word-text-pasted",
      "v2023-dvctt",
    ])
      expect(seen).toContain(v);
  });

  test.each(Array.from({ length: 24 }, (_, k) => k))(
    "file %i: unit, period, level and every figure at its cell",
    (k) => {
      const f = corpus[k];
      const report = read(f);
      const wrong: string[] = [];
      for (const t of f.figures) {
        const e = report.entries.get(t.indicator);
        const got = e?.ref ? `${e.ref.sheet}!${a1(e.ref)}` : "(not read)";
        const value = e?.value.state === "value" ? e.value.number : e?.value.state;
        if (got !== `${t.sheet}!${t.cell}` || value !== t.value)
          wrong.push(
            `${t.indicator} typed ${JSON.stringify(t.typed)} at ${t.sheet}!${t.cell}: read ${JSON.stringify(value)} from ${got}`
          );
      }
      // nothing else placed: every entry is a typed figure or a row left blank on purpose
      const typedIds = new Set(f.figures.map((t) => t.indicator));
      const extra = [...report.entries.values()]
        .filter((e) => !typedIds.has(e.indicatorId) && e.value.state === "value")
        .map((e) => e.indicatorId);
      const errors = validate(report)
        .filter((x) => x.severity === "error")
        .map((x) => `${x.code} ${x.rule}: ${findingMessage(x)}`);
      const got = {
        file: `${f.name} [${f.variants.join(", ")}]`,
        unit: report.meta.unit,
        period: report.meta.period && periodCode(report.meta.period),
        level: report.meta.level,
        version: report.meta.version,
        wrong,
        extra,
        errors,
      };
      expect(got).toEqual({
        ...got,
        unit: f.unit,
        period: PERIOD_CODE,
        level: "xa",
        version: f.version,
        wrong: [],
        extra: [],
        errors: [],
      });
    }
  );
});

describe("consolidating the corpus", () => {
  test("every file is counted under its own unit, and the totals equal hand totals", async () => {
    const period = parsePeriod(PERIOD_CODE)!;
    const version = "v2022-muc-do";
    const c = await consolidateFiles(
      corpus.map((f) => ({ name: f.name, bytes: f.bytes })),
      { level: "huyen", version, period, unit: DISTRICT, expected: corpus.map((f) => f.unit) }
    );
    expect(c.missing).toEqual([]);
    expect(c.units.map((u) => [u.unit, u.counted])).toEqual(corpus.map((f) => [f.unit, true]));
    const totals = totalValues(c);
    const rules = aggregationRules("huyen", "xa", version);
    let compared = 0;
    const wrong: string[] = [];
    for (const [id, rule] of rules) {
      if (rule.rule !== "sum") continue;
      // rows every unit's edition has: the hand total is the sum of what each unit typed
      if (!rule.from.every((s) => corpus.every((f) => inEdition(indicatorById(s)!, "xa", f.version)))) continue;
      let hand = 0;
      let any = false;
      for (const f of corpus)
        for (const s of rule.from) {
          const t = f.figures.find((x) => x.indicator === s);
          if (t) {
            hand += t.value;
            any = true;
          }
        }
      if (!any) continue;
      compared++;
      if (totals.get(id) !== hand) wrong.push(`${id}: total ${totals.get(id)} vs hand ${hand}`);
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  }, 60_000);
});

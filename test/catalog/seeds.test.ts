/**
 * The seed reports against the catalog: every printed row of seeds 000, 002 and 004 is one row of the edition
 * the seed used, and the catalog's relations hold on the seeds' figures wherever the seed's own arithmetic
 * is right (the exceptions are listed, and must stay exceptions).
 */
import { formRows, indicatorById, labelsFor, printedCode, relationsIn, Indicator, Level } from "../../src/catalog";
import { SEED_FIGURES, SEED_EDITION, isTemplateCode, SeedFigure, SeedId } from "../fixtures/seeds/figures";
import { parseTabSeed } from "../fixtures/seeds/parse-tab";
import { normLabel, num, reference, round2, seedText } from "./helpers";

const SEEDS: SeedId[] = ["000", "002", "004"];

function edition(seed: SeedId) {
  return SEED_EDITION[seed] as { level: Level; version: string };
}

/** Figure -> indicator by printed code within the seed's edition (trailing dot ignored). */
function mapSeed(seed: SeedId): Map<string, { ind: Indicator; fig: SeedFigure }> {
  const { level, version } = edition(seed);
  const out = new Map<string, { ind: Indicator; fig: SeedFigure }>();
  for (const fig of SEED_FIGURES[seed]) {
    if (!isTemplateCode(fig.printedCode)) continue;
    const code = fig.printedCode.replace(/\.$/, "");
    const hits = formRows(fig.form, level, version).filter((i) => printedCode(i, level) === code);
    if (hits.length !== 1) throw new Error(`${seed} BM${fig.form} ${fig.printedCode}: ${hits.length} rows`);
    out.set(hits[0].id, { ind: hits[0], fig });
  }
  return out;
}

describe("seed figures", () => {
  test.each(["000", "004"] as const)("figures of %s are what parse-tab reads from the seed text", (seed) => {
    expect(parseTabSeed(seedText(seed), seed)).toEqual(SEED_FIGURES[seed]);
  });

  test("row counts per seed and form match the reference editions", () => {
    const ref = reference();
    const eds: Record<SeedId, string> = { "000": "province-v2022-muc-do", "002": "province-v2023-dvctt", "004": "district-commune-v2022-muc-do" };
    for (const seed of SEEDS) {
      const rows = ref.editions[eds[seed]].rows;
      for (let f = 1; f <= 7; f++) {
        const printed = SEED_FIGURES[seed].filter((x) => x.form === f).map((x) => x.printedCode);
        expect([seed, f, printed]).toEqual([seed, f, rows[String(f)].map((r: { code_printed: string }) => r.code_printed)]);
      }
    }
  });

  test("the parser handles page-break headers, continuation lines and a form known only by its title", () => {
    const text = [
      "Phụ lục",
      "Biểu mẫu 1",
      "Công tác chỉ đạo điều hành CCHC",
      "STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú",
      "\t\tĐơn vị tính\tSố liệu\t",
      "1.\tSố văn bản <i>(Kết luận)</i>\tVăn bản\t9\t",
      "2.\tTỷ lệ hoàn thành Kế hoạch CCHC năm\t%\t100\tghi chú bị",
      "STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú",
      "\t\tĐơn vị tính\tSố liệu\t",
      "\tnăm\t\t\tngắt trang",
      "Cải cách bộ máy hành chính nhà nước",
      "STT\tChỉ tiêu\tKết quả thống kê\t\tGhi chú",
      "1.2.\tTỷ lệ\t%\t99,5%\t",
    ].join("\n");
    const rows = parseTabSeed(text, "004");
    expect(rows).toEqual([
      { seed: "004", form: 1, printedCode: "1.", label: "Số văn bản (Kết luận)", unit: "Văn bản", value: "9", note: "" },
      { seed: "004", form: 1, printedCode: "2.", label: "Tỷ lệ hoàn thành Kế hoạch CCHC năm", unit: "%", value: "100", note: "ghi chú bị ngắt trang" },
      { seed: "004", form: 4, printedCode: "1.2.", label: "Tỷ lệ", unit: "%", value: "99,5%", note: "" },
    ]);
  });

  test("quoted seed values in the reference's evidence agree with the figures", () => {
    const ref = reference();
    let checked = 0;
    const fig = (seed: string, form: number, code: string) => {
      const hit = SEED_FIGURES[seed as SeedId].filter((x) => x.form === form && x.printedCode.replace(/\.$/, "") === code);
      expect([seed, form, code, hit.length]).toEqual([seed, form, code, 1]);
      return hit[0].value;
    };
    for (const [form, bm] of Object.entries<{ rows: { ratio?: { evidence?: string[] }; sum_of?: { evidence?: string[] } }[] }>(ref.bieu_mau)) {
      for (const row of bm.rows) {
        for (const e of row.ratio?.evidence ?? []) {
          const m = /^(\d{3}): printed ([\d.]+) = "([^"]*)"; ([\d.]+) = "([^"]*)", ([\d.]+) = "([^"]*)"/.exec(e);
          if (!m) throw new Error(`unread evidence ${e}`);
          for (const k of [2, 4, 6]) {
            expect([e, fig(m[1], Number(form), m[k])]).toEqual([e, m[k + 1]]);
            checked++;
          }
        }
        for (const e of row.sum_of?.evidence ?? []) {
          const m = /^(\d{3}): ([\d.]+) = ([^;]+); (.*)$/.exec(e);
          if (!m) throw new Error(`unread evidence ${e}`);
          const val = (s: string) => (["(blank)", "blank"].includes(s.trim()) ? "" : s.trim());
          expect([e, fig(m[1], Number(form), m[2])]).toEqual([e, val(m[3])]);
          for (const p of m[4].matchAll(/([\d.]+) \(([^)]*)\)/g)) {
            if (m[1] === "004" && p[1] !== "1.4.3" && Number(form) === 3) continue;
            if (m[1] === "004" && Number(form) === 2 && p[1] !== "1.3") continue;
            expect([e, fig(m[1], Number(form), p[1])]).toEqual([e, val(p[2])]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

describe("seeds map onto the catalog", () => {
  test.each(SEEDS)("every template row of %s is exactly one row of its edition, with a known wording", (seed) => {
    const { level, version } = edition(seed);
    const mapped = mapSeed(seed);
    for (const { ind, fig } of mapped.values()) {
      const known = labelsFor(ind, level).map(normLabel);
      expect([fig.printedCode, known.includes(normLabel(fig.label))]).toEqual([fig.printedCode, true]);
    }
    // ... and every row of the edition is printed once: the seed and the edition are the same form.
    for (let f = 1; f <= 7; f++) {
      const ids = formRows(f, level, version).map((i) => i.id);
      const seen = SEED_FIGURES[seed].filter((x) => x.form === f && isTemplateCode(x.printedCode)).length;
      expect([f, seen]).toEqual([f, ids.length]);
      for (const id of ids) expect([seed, id, mapped.has(id)]).toEqual([seed, id, true]);
    }
  });

  test("the only printed rows that are not template rows are 002's \"VII.\" heading", () => {
    const extra = SEEDS.flatMap((s) => SEED_FIGURES[s].filter((x) => !isTemplateCode(x.printedCode)).map((x) => `${s} BM${x.form} ${x.printedCode}`));
    expect(extra).toEqual(["002 BM7 VII."]);
  });

  test("a row printed with another edition's code is not taken for a row of this one", () => {
    // 004 prints Biểu mẫu 7 "6.4" for mức độ 3; in the province edition "6.4" is the online-application rate.
    const m004 = mapSeed("004");
    const m000 = mapSeed("000");
    expect(m004.get("bm7:6.1@v2022-muc-do")!.fig.printedCode).toBe("6.4.");
    expect(m000.get("bm7:6.4@v2022-muc-do")!.fig.printedCode).toBe("6.4.");
    expect(m004.has("bm1:4")).toBe(false);
    expect(m004.get("bm1:5")!.fig.printedCode).toBe("4.");
  });
});

describe("relations on the seed figures", () => {
  type Failure = string;
  function check(seed: SeedId): { checked: number; failures: Failure[] } {
    const { level, version } = edition(seed);
    const m = mapSeed(seed);
    const v = (id: string) => {
      const e = m.get(id);
      return e ? num(e.fig.value) : undefined;
    };
    const failures: Failure[] = [];
    let checked = 0;
    for (const { ind } of m.values()) {
      const r = relationsIn(ind, level, version);
      const x = v(ind.id);
      if (r.ratio && x !== undefined) {
        const n = v(r.ratio.numerator);
        const d = v(r.ratio.denominator);
        if (n !== undefined && d !== undefined && d > 0) {
          checked++;
          if (Math.abs(round2((n / d) * 100) - x) > 0.01) failures.push(`${seed} ${ind.id} ratio`);
        }
      }
      if (r.sumOf && x !== undefined) {
        const parts = r.sumOf.map(v);
        if (parts.every((p) => p !== undefined)) {
          checked++;
          if (parts.reduce((a, b) => a! + b!, 0) !== x) failures.push(`${seed} ${ind.id} sum`);
        }
      }
      for (const w of r.atMost) {
        const y = v(w);
        if (x !== undefined && y !== undefined) {
          checked++;
          if (x > y) failures.push(`${seed} ${ind.id} atMost`);
        }
      }
      if (r.atLeastSumOf && x !== undefined) {
        const parts = r.atLeastSumOf.map((id) => v(id) ?? 0);
        checked++;
        if (x < parts.reduce((a, b) => a + b, 0)) failures.push(`${seed} ${ind.id} atLeast`);
      }
    }
    return { checked, failures };
  }

  test("the local number reader reads the Vietnamese way", () => {
    expect(num("1.946")).toBe(1946);
    expect(num("21.782.939")).toBe(21782939);
    expect(num("96,56")).toBe(96.56);
    expect(num("99,75%")).toBe(99.75);
    expect(num("98.39%")).toBe(98.39);
    expect(num("09")).toBe(9);
    expect(num("-")).toBeUndefined();
    expect(num("")).toBeUndefined();
  });

  test("Biểu mẫu 3 1.4 = 1.4.1 + 1.4.2 + 1.4.3 in 000 (1.558 + 256 + 132 = 1.946) and 002", () => {
    for (const seed of ["000", "002"] as const) {
      const f = (c: string) => num(SEED_FIGURES[seed].find((x) => x.form === 3 && x.printedCode === c)!.value)!;
      expect(f("1.4.1.") + f("1.4.2.") + f("1.4.3.")).toBe(f("1.4."));
    }
    expect(num(SEED_FIGURES["000"].find((x) => x.form === 3 && x.printedCode === "1.4.")!.value)).toBe(1558 + 256 + 132);
  });

  test("every relation holds on the seeds except where the seed's arithmetic is wrong", () => {
    const results = SEEDS.map(check);
    const failures = results.flatMap((r) => r.failures).sort();
    expect(failures).toEqual(
      [
        // 002 BM1 2: printed 100 % while 2.2/2.1 = 05/41 = 12,20 % (the note counts 34 recurring tasks as done).
        "002 bm1:2 ratio",
        // 000 BM7 6.3: printed 100 while 6.3.2/6.3.1 = 1.297/1.341 = 96,72.
        "000 bm7:6.3@v2022-muc-do ratio",
        // 004 BM7 6.7: printed 84 while 6.7.2/6.7.1 = 3.147/3.225 = 97,58.
        "004 bm7:6.4@v2022-muc-do ratio",
        // 004 BM3 1.4 = 139 (UBND only) but 1.4.3 = 157 (UBND 139 + công an 11 + quân sự 7, says the label).
        "004 bm3:1.4 sum",
      ].sort(),
    );
    expect(results.reduce((a, r) => a + r.checked, 0)).toBeGreaterThan(60);
  });

  test("relations on parts that are missing from an edition are not checked against zero", () => {
    // 004 has no 1.4.1/1.4.2 rows: the sum reduces to 1.4.3 instead of reading the missing rows as 0.
    expect(relationsIn(indicatorById("bm3:1.4")!, "xa", "v2022-muc-do").sumOf).toEqual(["bm3:1.4.3"]);
  });
});

/**
 * Property-based tests (fast-check): the engine is total on anything a host or a file can hand it, and a
 * number written as a value cell reads back as the same number. "Total" is checked, not assumed: validation
 * isolates each rule (a throwing rule becomes a "check-failed" finding), so the properties count the rules
 * that ran against the rules of the report's edition and refuse any check-failed finding or reader failure;
 * a rule that throws therefore fails them (shown below by breaking the "<=" rules on purpose).
 */
import fc from "fast-check";
import { catalog, DEFAULT_VERSION, KINDS, LEVELS, VERSION_IDS } from "../../src/catalog";
import { encodeMeta, SETTINGS_SHEET } from "../../src/engine/conventions";
import { readReport } from "../../src/engine/reader";
import type { SheetSpec } from "../../src/engine/sheet-spec";
import { GridSheet, GridValue, ParsedValue, Report, ReportEntry, RULE_IDS } from "../../src/engine/types";
import * as rules from "../../src/engine/rules";
import { CheckFailure, validateReport } from "../../src/engine/validate";
import { parseValue } from "../../src/engine/values";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbookFile } from "../../src/xlsx/read";
import { findingMessage } from "../../src/i18n/findings";

const RUNS = 300;
const STATES = ["value", "na", "missing", "text", "error"];
const IDS = catalog.indicators.map((i) => i.id);
const LABELS = catalog.indicators.map((i) => i.label);
const CODES = catalog.indicators.map((i) => i.code);

// ------------------------------------------------------------------ arbitraries

/** Text that looks like a Vietnamese figure, with the look-alikes people paste. */
const numberLike = fc
  .tuple(
    fc.constantFrom("", "-", "+", "\u2212", " ", "\u00a0"),
    fc.array(
      fc.constantFrom(..."0123456789".split(""), ".", ",", " ", "\u00a0", "\u202f", "\uff11", "\uff10", "\uff0c", "'"),
      { minLength: 1, maxLength: 14 }
    ),
    fc.constantFrom("", "%", " %", "\uff05", "e5", "e+400")
  )
  .map(([a, b, c]) => a + b.join("") + c);

const weirdText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  numberLike,
  fc.constantFrom(
    "-",
    "x",
    "Không phát sinh",
    "#DIV/0!",
    "#REF!",
    "#N/A",
    "=SUM(A1)",
    "TRUE",
    "１２３",
    "1 946",
    "0,9",
    "1.234",
    "1,234",
    "99,75%",
    "\u0000",
    "",
    "   "
  )
);

const gridValue: fc.Arbitrary<GridValue> = fc.oneof(
  weirdText,
  fc.double(), // includes NaN, ±Infinity, -0
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ error: fc.oneof(fc.string(), fc.constantFrom("#DIV/0!", "#REF!", "#VALUE!", "#NUM!")) })
);

const kind = fc.option(fc.constantFrom(...KINDS), { nil: undefined });

// ------------------------------------------------------------------ parseValue

describe("parseValue is total", () => {
  test("never throws, and every answer is one of the five states with a finite number when it is a value", () => {
    fc.assert(
      fc.property(gridValue, kind, (raw, k) => {
        const v = parseValue(raw, k);
        expect(STATES).toContain(v.state);
        if (v.state === "value") expect(Number.isFinite(v.number)).toBe(true);
        else expect(v.number).toBeUndefined();
        expect(v.raw === null || ["string", "number", "boolean"].includes(typeof v.raw)).toBe(true);
      }),
      { numRuns: RUNS * 3 }
    );
  });

  test("never throws on values no host should give (undefined, objects, arrays)", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const v = parseValue(raw as GridValue);
        expect(STATES).toContain(v.state);
      }),
      { numRuns: RUNS }
    );
  });

  test("a finite number cell is that number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const v = parseValue(n);
        expect(v.state).toBe("value");
        expect(v.number).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: RUNS }
    );
  });

  test("a whole number typed as plain digits reads as that number, flagged as typed text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const v = parseValue(String(n), "count");
        expect(v.state).toBe("value");
        expect(v.number).toBe(n);
        expect(v.typedAsText).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });

  test('Vietnamese thousands dots read back exactly ("1.234.567")', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), (n) => {
        const s = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        if (/^\d{1,3}\.\d{3}$/.test(s)) return; // "1.234": ambiguous by design, covered elsewhere
        expect(parseValue(s, "count").number).toBe(n);
      }),
      { numRuns: RUNS }
    );
  });
});

// ------------------------------------------------------------------ write → read → parse

function numberSheet(values: number[]): SheetSpec {
  return {
    name: "Số liệu",
    columns: [{ width: 20 }],
    cells: values.map((v) => [{ t: "n", v }]),
    styles: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
  };
}

describe("a number written as a value cell reads back the same", () => {
  test("writeWorkbook → readWorkbookFile → parseValue", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -1e9, max: 1e9 }),
            fc.integer({ min: 0, max: 100000 }).map((n) => n / 100), // percentages with two decimals
            fc.constantFrom(0, 1e20, 1e-7, 0.1 + 0.2, 96.56, 1946, 2 ** 53 - 1, Number.MAX_VALUE, Number.MIN_VALUE)
          ),
          { minLength: 1, maxLength: 25 }
        ),
        async (nums) => {
          const buf = await writeWorkbook({ sheets: [numberSheet(nums)] });
          const r = await readWorkbookFile(new Uint8Array(buf), "so-lieu.xlsx");
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const sh = r.sheets.find((s) => s.name === "Số liệu")!;
          const o = sh.origin ?? { row: 1, col: 1 };
          nums.forEach((n, i) => {
            const cell = sh.values[i + 1 - o.row]?.[1 - o.col];
            const v = parseValue(cell ?? null);
            expect([i, v.state, v.number]).toEqual([i, "value", n === 0 ? 0 : n]);
          });
        }
      ),
      { numRuns: 100 }
    );
  });
});

// ------------------------------------------------------------------ validate

const parsedValue: fc.Arbitrary<ParsedValue> = fc.oneof(
  gridValue.chain((g) => kind.map((k) => parseValue(g, k))),
  fc.record(
    {
      state: fc.constantFrom("value", "na", "missing", "text", "error") as fc.Arbitrary<ParsedValue["state"]>,
      number: fc.double(),
      raw: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
      typedAsText: fc.boolean(),
      percentSign: fc.boolean(),
      ambiguous: fc.boolean(),
      text: fc.string(),
    },
    { requiredKeys: ["state", "raw"] }
  )
);

const entry: fc.Arbitrary<ReportEntry> = fc.record(
  {
    indicatorId: fc.oneof(fc.constantFrom(...IDS), fc.string()),
    value: parsedValue,
    ref: fc.record({
      sheet: fc.string(),
      row: fc.integer({ min: -5, max: 2e6 }),
      col: fc.integer({ min: -5, max: 20000 }),
    }),
    formula: fc.string(),
    printedCode: fc.string(),
    printedLabel: fc.string(),
    note: fc.string(),
  },
  { requiredKeys: ["indicatorId", "value"] }
);

const report: fc.Arbitrary<Report> = fc
  .record({
    entries: fc.array(entry, { maxLength: 60 }),
    forms: fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 8 }),
    level: fc.oneof(fc.constantFrom(...LEVELS), fc.string()),
    version: fc.oneof(fc.constantFrom(...VERSION_IDS), fc.string()),
  })
  .map(({ entries, forms, level, version }) => ({
    meta: { source: "handmade" as const, level: level as Report["meta"]["level"], version },
    forms,
    entries: new Map(entries.map((e) => [e.indicatorId, e])),
    unplaced: [],
  }));

/** Every figure of one edition filled with random values: relation rules get exercised. */
const fullReport: fc.Arbitrary<Report> = fc
  .tuple(
    fc.constantFrom(...LEVELS),
    fc.constantFrom(...VERSION_IDS),
    fc.array(fc.oneof(fc.integer({ min: -3, max: 50 }), fc.constant(0), gridValue), {
      minLength: IDS.length,
      maxLength: IDS.length,
    })
  )
  .map(([level, version, vals]) => ({
    meta: { source: "addin" as const, level, version },
    forms: [1, 2, 3, 4, 5, 6, 7],
    entries: new Map(
      IDS.map((id, k) => [
        id,
        { indicatorId: id, value: parseValue(vals[k]), ref: { sheet: "BM", row: k + 8, col: 4 } },
      ])
    ),
    unplaced: [],
  }));

/** The relation rules that apply to a report, counted here from the catalog's rules, not by validate. */
function rulesThatApply(r: Report): number {
  const forms = new Set(r.forms);
  return rules
    .rulesFor(r.meta.level ?? "tinh", r.meta.version ?? DEFAULT_VERSION)
    .filter((x) => forms.size === 0 || forms.has(x.form)).length;
}

function checkFindings(r: Report) {
  const logged: CheckFailure[] = [];
  const o = validateReport(r, { logger: (_m, f) => logged.push(f) });
  const out = o.findings;
  expect(Array.isArray(out)).toBe(true);
  for (const f of out) {
    expect(RULE_IDS).toContain(f.rule);
    expect(typeof findingMessage(f)).toBe("string");
    expect(findingMessage(f).length).toBeGreaterThan(0);
    expect(findingMessage(f)).not.toMatch(/undefined|NaN|\[object/);
  }
  // every check ran to its end: a rule or a row check that throws is a failure here, not silence
  expect(r.readFailures ?? []).toEqual([]);
  expect(out.filter((f) => f.rule === "check-failed").map((f) => f.support)).toEqual([]);
  expect(logged).toEqual([]);
  expect(o.complete).toBe(true);
  expect(o.rulesApplicable).toBe(rulesThatApply(r));
  expect(o.rulesRun).toBe(o.rulesApplicable);
  expect(o.entriesChecked).toBe(o.entriesApplicable);
}

describe("validate never throws on random reports", () => {
  test("random entries, ids, states, levels and versions", () => {
    fc.assert(fc.property(report, checkFindings), { numRuns: RUNS });
  });

  test("a whole edition with random figures", () => {
    fc.assert(fc.property(fullReport, checkFindings), { numRuns: 100 });
  });

  test("every rule of the edition runs on a whole edition (the count is not zero)", () => {
    fc.assert(
      fc.property(fullReport, (r) => {
        const o = validateReport(r);
        expect(o.rulesApplicable).toBeGreaterThan(0);
        expect(o.rulesRun).toBe(rulesThatApply(r));
      }),
      { numRuns: 20 }
    );
  });

  describe("the properties fail when a rule throws", () => {
    afterEach(() => jest.restoreAllMocks());

    test('breaking the "<=" rules makes "a whole edition with random figures" fail', () => {
      const real = rules.rulesFor;
      jest.spyOn(rules, "rulesFor").mockImplementation((level, version) =>
        // a defect in the "<=" rules: their left side is gone, so applying them throws a TypeError
        real(level, version).map((x) => (x.operator === "<=" ? { ...x, left: undefined as unknown as string[] } : x))
      );
      expect(() => fc.assert(fc.property(fullReport, checkFindings), { numRuns: 20, endOnFailure: true })).toThrow(
        /Property failed/
      );
      // and the finding is there, naming the row and the rule, with the support details
      const r = fc.sample(fullReport, 1)[0];
      const logged: CheckFailure[] = [];
      const o = validateReport(r, { logger: (_m, f) => logged.push(f) });
      const failed = o.findings.filter((f) => f.rule === "check-failed");
      const broken = real(r.meta.level!, r.meta.version).filter((x) => x.operator === "<=").length;
      expect(broken).toBeGreaterThan(0);
      expect(failed).toHaveLength(broken);
      expect(logged).toHaveLength(broken);
      expect(o.complete).toBe(false);
      expect(o.rulesRun).toBe(o.rulesApplicable - broken);
      for (const f of failed) {
        expect(f.severity).toBe("error");
        expect(findingMessage(f)).toMatch(
          /^Không kiểm tra được chỉ tiêu \S+ \(quy tắc thành phần không vượt quá tổng\)/
        );
        expect(f.support).toMatch(/TypeError/);
      }
    });
  });
});

// ------------------------------------------------------------------ reader

const cellText = fc.oneof(
  { weight: 3, arbitrary: gridValue },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.constantFrom(...CODES).map((c) => c + ".") },
  { weight: 1, arbitrary: fc.constantFrom(...IDS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }).map((n) => `Biểu mẫu ${n}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "STT",
      "Chỉ tiêu thống kê",
      "Đơn vị tính",
      "Số liệu",
      "Ghi chú",
      "Kết quả thống kê",
      "Quý I năm 2023",
      "6 tháng đầu năm 2024"
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        form: fc.integer({ min: -2, max: 9 }),
        level: fc.string(),
        version: fc.string(),
        unit: fc.string(),
        period: fc.string(),
      })
      .map((m) => encodeMeta({ kind: "form", app: "x", ...m } as never)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "CCHC:",
      "CCHC:{",
      'CCHC:{"kind":"form","form":"1"}',
      'CCHC:{"kind":"consolidated"}',
      "CCHC:null"
    ),
  }
);

const gridSheet: fc.Arbitrary<GridSheet> = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constantFrom(SETTINGS_SHEET, "Biểu mẫu 1", "BM3", "Sheet1")),
    values: fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 40 }),
    formulas: fc.array(
      fc.array(
        fc.option(
          fc.oneof(
            fc.string(),
            fc.constantFrom("=D9/D8*100", "=SUM(D1:D9)", "=1/0", "=A1", '=INDIRECT("A1")', "=" + "(".repeat(500))
          ),
          { nil: null }
        ),
        { maxLength: 8 }
      ),
      { maxLength: 40 }
    ),
    origin: fc.record({ row: fc.integer({ min: -3, max: 1e6 }), col: fc.integer({ min: -3, max: 16384 }) }),
    hidden: fc.boolean(),
    hiddenRows: fc.array(fc.integer()),
  },
  { requiredKeys: ["name", "values"] }
);

describe("the reader never throws on random grids", () => {
  test("random sheets with form headings, codes, labels, ids, metadata and formulas", () => {
    fc.assert(
      fc.property(
        fc.array(gridSheet, { maxLength: 4 }),
        fc.option(fc.dictionary(fc.string(), fc.string()), { nil: undefined }),
        (sheets, settings) => {
          const r = readReport(sheets, settings ? { settings } : {});
          expect(r.entries).toBeInstanceOf(Map);
          for (const [id, e] of r.entries) {
            expect(IDS).toContain(id);
            expect(e.indicatorId).toBe(id);
            expect(STATES).toContain(e.value.state);
          }
          for (const f of r.forms) expect(f >= 1 && f <= 7).toBe(true);
          checkFindings(r);
        }
      ),
      { numRuns: RUNS }
    );
  });

  test("ragged and sparse rows, holes and undefined cells", () => {
    fc.assert(
      fc.property(fc.sparseArray(fc.sparseArray(cellText, { maxLength: 8 }), { maxLength: 30 }), (rows) => {
        const r = readReport([{ name: "Phụ lục", values: rows as GridValue[][] }]);
        expect(r.entries).toBeInstanceOf(Map);
      }),
      { numRuns: RUNS }
    );
  });
});

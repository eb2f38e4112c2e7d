/**
 * The one in-memory Excel (excel.ts) and its browser face (browser.ts, what the e2e builds bundle as
 * fake-office.js): the Office.js behaviour the adapter's tests and the browser tests rely on, checked here once.
 */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read -- properties are read before
   sync on purpose, to see the stand-in throw as Office.js does; the rules cannot tell that apart from a mistake */
import { FakeContext, FakeError, FakeWorkbook } from "./excel";

function fresh(api = 17) {
  const wb = new FakeWorkbook(api);
  wb.addSheet("Sheet1");
  return wb;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: FakeError) => e.code
  );

describe("proxies, load and sync", () => {
  it("applies nothing before sync, counts every sync, and reads only what was loaded and synced", async () => {
    const wb = fresh();
    await wb.run(async (ctx: FakeContext) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, 2]];
      expect(wb.value("Sheet1", "A1")).toBeUndefined();
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      expect(() => used.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(used.isNullObject).toBe(false);
    });
    expect(wb.syncLog.map((l) => l.descs)).toEqual([
      ["WorksheetCollection.getItem", "Range.values", "Range.load"],
      ["WorksheetCollection.getItem", "Worksheet.getUsedRangeOrNullObject"],
    ]);
    expect(wb.unsynced).toBe(0);
  });

  it("flushes what a batch left queued with one more sync, and counts it as unsynced", async () => {
    const wb = fresh();
    await wb.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.add("Mới");
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Mới"]);
    expect([wb.syncLog.length, wb.unsynced]).toEqual([1, 1]);
  });

  it("stops a batch at the failing command, earlier ones applied, with Office's error codes", async () => {
    const wb = fresh();
    const run = (f: (ctx: FakeContext) => void) =>
      codeOf(
        wb.run(async (ctx: FakeContext) => {
          f(ctx);
          await ctx.sync();
        })
      );
    expect(
      await run((ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["trước"]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").values = [["sau"]];
      })
    ).toBe("InvalidArgument");
    expect([wb.value("Sheet1", "A1"), wb.value("Sheet1", "A3")]).toEqual(["trước", undefined]);
    expect(await run((ctx) => ctx.workbook.worksheets.getItem("Không có").activate())).toBe("ItemNotFound");
    expect(await run((ctx) => ctx.workbook.worksheets.add("a/b"))).toBe("InvalidArgument");
    expect(await run((ctx) => ctx.workbook.worksheets.add("sheet1"))).toBe("ItemAlreadyExists");
    expect(await run((ctx) => (ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden"))).toBe(
      "InvalidOperation"
    );
    wb.failNext = "InvalidOperationInCellEditMode";
    expect(await run((ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [[1]]))).toBe(
      "InvalidOperationInCellEditMode"
    );
    expect(wb.value("Sheet1", "C1")).toBeUndefined();
  });

  it("gates each member by its ExcelApi set: data validation (1.8) fails on Excel 2019 (1.7)", async () => {
    const old = fresh(7);
    expect([old.isSetSupported("ExcelApi", "1.7"), old.isSetSupported("ExcelApi", "1.8")]).toEqual([true, false]);
    const code = await codeOf(
      old.run(async (ctx: FakeContext) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.values = [[5]];
        r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
        await ctx.sync();
      })
    );
    expect(code).toBe("ApiNotFound");
    expect(old.value("Sheet1", "A1")).toBe(5);
    expect(old.sheet("Sheet1")!.validations).toEqual([]);
  });
});

describe("cells", () => {
  it("enters text as Excel does and computes formulas with the engine's evaluator", async () => {
    const wb = fresh();
    await wb.run(async (ctx: FakeContext) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      r.formulas = [["3,222", "1,5", "99.75%", "'=1+1", '=IF(A1=0,"",A1/2)', "=1/0"]];
      const back = ctx.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1:F1")
        .load("values,valueTypes,formulas,numberFormat");
      await ctx.sync();
      expect(back.values).toEqual([[3222, "1,5", 0.9975, "=1+1", 1611, "#DIV/0!"]]);
      expect(back.valueTypes).toEqual([["Double", "String", "Double", "String", "Double", "Error"]]);
      expect(back.formulas[0][4]).toBe('=IF(A1=0,"",A1/2)');
      expect(back.numberFormat[0][2]).toBe("0.00%");
    });
    wb.userEdit("Sheet1", "A1", "0");
    expect(wb.value("Sheet1", "E1")).toBe("");
  });

  it("refuses writes to locked cells of a protected sheet, in the API and when the user types", async () => {
    const wb = fresh();
    await wb.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
      await ctx.sync();
    });
    wb.userEdit("Sheet1", "B2", 7);
    expect(() => wb.userEdit("Sheet1", "A1", 7)).toThrow(/locked/);
    const code = await codeOf(
      wb.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [
          [1, 2],
          [3, 4],
        ];
        await ctx.sync();
      })
    );
    expect([code, wb.value("Sheet1", "B2")]).toEqual(["AccessDenied", 7]);
  });
});

describe("events", () => {
  for (const [api, own, user] of [
    [14, "ThisLocalAddin", "Unknown"],
    [7, undefined, undefined],
  ] as const) {
    it(`fire after a sync and after a user edit, triggerSource ${own ?? "absent"} (ExcelApi 1.${api}); removed on their own context`, async () => {
      const wb = fresh(api);
      const seen: { address: string; triggerSource?: string }[] = [];
      const reg = await wb.run(async (ctx: FakeContext) => {
        const h = ctx.workbook.worksheets.getItem("Sheet1").onChanged.add((e: any) => {
          seen.push({ address: e.address, triggerSource: e.triggerSource });
        });
        await ctx.sync();
        return h;
      });
      await wb.run(async (ctx: FakeContext) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [
          [1, 2],
          [3, 4],
        ];
        await ctx.sync();
      });
      wb.userEdit("Sheet1", "C3", 5);
      await sleep(20);
      expect(seen).toEqual([
        { address: "A1:B2", triggerSource: own },
        { address: "C3", triggerSource: user },
      ]);
      await wb.run(reg.context, async (ctx: FakeContext) => {
        reg.remove();
        await ctx.sync();
      });
      expect(wb.handlerCount()).toBe(0);
    });
  }
});

describe("the browser face (fake-office.js)", () => {
  const g = globalThis as any;
  afterEach(() => {
    delete g.window;
    delete g.sessionStorage;
  });
  function load(search: string) {
    g.window = { location: { search } };
    jest.isolateModules(() => {
      require("./browser");
    });
    return g.window;
  }

  it("puts Office, Excel and the test helpers over one FakeWorkbook, capped by ?api=", async () => {
    const w = load("?api=1.7");
    const fake = w.__fakeExcel;
    // isolateModules loads its own copy of excel.ts: the class by name, and Excel.run is that workbook's
    expect(fake.workbook.constructor.name).toBe("FakeWorkbook");
    expect(w.Excel.run).toBe(fake.workbook.run);
    expect(fake.workbook.apiVersion).toBe(7);
    expect(w.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(w.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    await w.Excel.run(async (ctx: FakeContext) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D9:D10").formulas = [[4], ["=D9*25"]];
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(1);
    fake.type("Sheet1", "D9", "8");
    expect(fake.cell("Sheet1", "D10")).toEqual({
      value: 200,
      formula: "=D9*25",
      type: "Double",
      numberFormat: "General",
    });
    expect(fake.cell("Sheet1", "D11")).toEqual({ value: "", formula: null, type: "Empty", numberFormat: "General" });
    const snap = fake.snapshot();
    expect(snap.apiVersion).toBe("1.7");
    expect(snap.sheets[0].cells).toEqual({ D9: { v: 8 }, D10: { f: "=D9*25", v: 200 } });
    expect(fake.events.map((e: any) => e.address)).toEqual(["D9:D10", "D9"]);
  });

  it("?persist=1 keeps the workbook across a reload", async () => {
    const store = new Map<string, string>();
    g.sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    const first = load("?persist=1");
    await first.Excel.run(async (ctx: FakeContext) => {
      const ws = ctx.workbook.worksheets.add("Biểu mẫu 3");
      ws.getRange("B2").values = [["giữ lại"]];
      ws.getRange("A1:B1").merge();
      await ctx.sync();
    });
    const again = load("?persist=1");
    expect(again.__fakeExcel.workbook).not.toBe(first.__fakeExcel.workbook);
    const snap = again.__fakeExcel.snapshot();
    expect(snap.sheets.map((s: any) => s.name)).toEqual(["Sheet1", "Biểu mẫu 3"]);
    expect(snap.sheets[1].cells).toEqual({ B2: { v: "giữ lại" } });
    expect(snap.sheets[1].merges).toEqual(["A1:B1"]);
  });
});

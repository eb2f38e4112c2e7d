/**
 * "So với kỳ trước" in the use-case layer, against the in-memory workbook (the host a page on files uses,
 * reading and writing real .xlsx): a commune's year report, the 6-month and Q3 reports picked once. The
 * comparison's findings join the live check (a fix typed into the sheet clears its finding at the next
 * re-read), files that cannot be compared are refused with the reason, and the figures remembered in the
 * settings sheet (one codec, engine/settings.ts) carry the comparison over a save and reopen.
 */
import { createCheckSession, CheckResult } from "../../src/app/check-session";
import { forgetEarlier, rememberEarlierFiles } from "../../src/app/previous";
import { natureOf } from "../../src/catalog/nature";
import { a1 } from "../../src/engine/a1";
import { fillForms } from "../../src/spec/consolidate-layout";
import { SETTINGS_KEYS } from "../../src/engine/conventions";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { parsePeriod } from "../../src/engine/period";
import {
  EARLIER_MAX,
  EarlierFigures,
  parseEarlier,
  serializeEarlier,
  SETTINGS_VALUE_MAX,
} from "../../src/engine/settings";
import { readUnitFile } from "../../src/xlsx/consolidate-files";
import { MemoryWorkbook } from "../../src/xlsx/memory-host";
import { writeWorkbook } from "../../src/xlsx/write";
import { consistentFigures } from "../support/figures";

const V = "v2022-muc-do";
const UNIT = "UBND xã Tân Lập";
const FLOW = "bm3:3.3.1";
const CUMULATIVE = "bm1:2.2";
const STOCK = "bm4:2.2";

/** Figures without the rates (the add-in's formulas compute them from their parts). */
function figures(base: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const [id, v] of consistentFigures("xa", V, base)) if (natureOf(id)?.nature !== "ratio") m.set(id, v);
  return m;
}

async function report(period: string, values: Map<string, number>, unit = UNIT): Promise<Uint8Array> {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period: parsePeriod(period)!, unit });
  fillForms(wb, values);
  return new Uint8Array(await writeWorkbook(wb));
}


const previousFindings = (r: CheckResult) =>
  r.findings
    .filter((f) => f.rule.startsWith("previous-") && f.severity !== "info")
    .map((f) => `${f.rule} ${f.indicator}`)
    .sort();

let files: Record<string, Uint8Array>;
const half = figures(20);
const q3 = figures(10);

beforeAll(async () => {
  // the year agrees with both earlier reports everywhere (flows = 6 tháng + quý III, the rest as in quý III)
  // but at three planted slips: files settled below 6 tháng + quý III, a cumulative figure that fell, staff doubled
  const year = new Map(q3);
  for (const [id, v] of half) if (natureOf(id)?.nature === "flow") year.set(id, v + q3.get(id)!);
  year.set(FLOW, half.get(FLOW)! + q3.get(FLOW)! - 5);
  // (by one only: the rate it is the numerator of stays within 20 points)
  year.set(CUMULATIVE, q3.get(CUMULATIVE)! - 1);
  year.set(STOCK, q3.get(STOCK)! * 2);
  files = {
    "nam-2023.xlsx": await report("N-2023", year),
    "6-thang-2023.xlsx": await report("6T-2023", half),
    "quy-3-2023.xlsx": await report("Q3-2023", q3),
    "xa-khac.xlsx": await report("6T-2023", half, "UBND xã Hòa Bình"),
    "quy-1-2024.xlsx": await report("Q1-2024", q3),
  };
});

const pick = (...names: string[]) => names.map((name) => ({ name, bytes: files[name] }));

test("picked once: the comparison joins the live check, refusals say why, and it survives reopening the workbook", async () => {
  const opened = MemoryWorkbook.open(files["nam-2023.xlsx"], "nam-2023.xlsx");
  if (!opened.ok) throw new Error(opened.reason);
  const host = opened.wb;
  const results: [CheckResult, string][] = [];
  const session = createCheckSession(host, { onResult: (r, cause) => results.push([r, cause]), windowMs: 5 });
  const own = await session.fullRead();
  expect(previousFindings(own)).toEqual([]);
  await session.start();

  const out = await rememberEarlierFiles(
    host,
    session,
    [
      ...pick("6-thang-2023.xlsx", "quy-3-2023.xlsx", "xa-khac.xlsx", "quy-1-2024.xlsx"),
      { name: "hong.xlsx", bytes: new Uint8Array([1, 2, 3]) },
    ],
    readUnitFile
  );
  expect(out.added).toEqual(["6-thang-2023.xlsx", "quy-3-2023.xlsx"]);
  expect(out.refused).toHaveLength(3);
  expect(out.refused[0]).toMatch(/^Không so sánh với tệp xa-khac\.xlsx: đó là báo cáo của UBND xã Hòa Bình/);
  expect(out.refused[1]).toMatch(/^Không so sánh với tệp quy-1-2024\.xlsx: Quý I năm 2024 không phải kỳ trước/);
  expect(out.refused[2]).toMatch(/^Không so sánh với tệp hong\.xlsx: /);
  // the three planted slips at their rows, nothing on the rows that agree
  expect(previousFindings(out.result)).toEqual(
    [`previous-sum ${FLOW}`, `previous-decrease ${CUMULATIVE}`, `previous-jump ${STOCK}`].sort()
  );
  const sum = out.result.findings.find((f) => f.rule === "previous-sum")!;
  expect(sum.cell).toBe(a1(out.result.report.entries.get(FLOW)!.ref!));
  expect(sum.message).toContain("quy-3-2023.xlsx");
  // the report's own findings are all still there
  for (const f of own.findings) expect(out.result.findings).toContainEqual(f);
  expect(out.result.earlier?.comparisons.map((c) => [c.file, c.used])).toEqual([
    ["quy-3-2023.xlsx", true],
    ["6-thang-2023.xlsx", true],
  ]);

  // live: the staff figure corrected in the sheet clears its finding at the next re-read, the others stay
  const stock = out.result.report.entries.get(STOCK)!.ref!;
  const before = results.length;
  await host.writeCells(stock.sheet, [{ a1: a1(stock), cell: { t: "n", v: q3.get(STOCK)! + 1 } }]);
  await new Promise((res) => setTimeout(res, 100));
  const live = results.slice(before).filter(([, cause]) => cause === "live");
  expect(live.length).toBeGreaterThan(0);
  expect(previousFindings(live[live.length - 1][0])).toEqual(
    [`previous-sum ${FLOW}`, `previous-decrease ${CUMULATIVE}`].sort()
  );
  session.dispose();

  // saved and opened again: the remembered figures compare with no file picked
  const raw = (await host.readSheets([])).settings[SETTINGS_KEYS.earlier];
  expect(raw.length).toBeLessThan(8000);
  const again = MemoryWorkbook.open(await opened.wb.toXlsx(), "nam-2023.xlsx");
  if (!again.ok) throw new Error(again.reason);
  const host2 = again.wb;
  const s2 = createCheckSession(host2, { onResult: () => undefined });
  const reopened = await s2.fullRead();
  expect(previousFindings(reopened)).toEqual([`previous-sum ${FLOW}`, `previous-decrease ${CUMULATIVE}`].sort());
  expect(reopened.earlier?.remembered.map((e) => e.file).sort()).toEqual(["6-thang-2023.xlsx", "quy-3-2023.xlsx"]);

  // forgotten: the report's own check only
  const forgotten = await forgetEarlier(host2, s2);
  expect(previousFindings(forgotten)).toEqual([]);
  expect(forgotten.earlier).toBeUndefined();
  s2.dispose();
});

test("a file for a period already remembered replaces it; nothing accepted writes nothing", async () => {
  const opened = MemoryWorkbook.open(files["nam-2023.xlsx"]);
  if (!opened.ok) throw new Error(opened.reason);
  const host = opened.wb;
  const session = createCheckSession(host, { onResult: () => undefined });
  await session.fullRead();
  const writes = jest.spyOn(host, "writeSettings");
  const none = await rememberEarlierFiles(host, session, pick("xa-khac.xlsx"), readUnitFile);
  expect(none.added).toEqual([]);
  expect(writes).not.toHaveBeenCalled();
  await rememberEarlierFiles(host, session, pick("6-thang-2023.xlsx"), readUnitFile);
  const resent = { name: "6-thang-2023-gui-lai.xlsx", bytes: files["6-thang-2023.xlsx"] };
  const r = await rememberEarlierFiles(host, session, [resent], readUnitFile);
  expect(r.remembered.map((e) => e.file)).toEqual(["6-thang-2023-gui-lai.xlsx"]);
});

describe("the earlier figures' codec (engine/settings.ts)", () => {
  const one = (file: string, period: string, n = 1): EarlierFigures => ({
    file,
    unit: UNIT,
    level: "xa",
    period: parsePeriod(period)!,
    values: { [FLOW]: n, [STOCK]: 2 },
    blank: [CUMULATIVE],
  });

  test("reads back what it writes; a blank stays a blank, never a zero", () => {
    const { text } = serializeEarlier([one("a.xlsx", "6T-2023"), one("b.xlsx", "Q3-2023")]);
    const back = parseEarlier(text);
    expect(back).toEqual([one("b.xlsx", "Q3-2023"), one("a.xlsx", "6T-2023")]);
    expect(back[0].values[CUMULATIVE]).toBeUndefined();
  });

  test("damaged or foreign text reads as none; bad entries and unknown rows are dropped", () => {
    for (const raw of [undefined, "", "{", "[]", '{"v":2,"reports":[]}', '{"v":1,"reports":{}}'])
      expect(parseEarlier(raw)).toEqual([]);
    const raw = JSON.stringify({
      v: 1,
      reports: [
        { file: "x.xlsx", period: "6T-2023", values: { [FLOW]: 5, "bm9:1": 3, [STOCK]: "7" }, blank: ["zz", FLOW] },
        { file: "", period: "6T-2023", values: {} },
        { file: "y.xlsx", period: "Q5-2023", values: {} },
        { file: "z.xlsx", period: "Q1-2023", level: "nowhere", values: null },
      ],
    });
    expect(parseEarlier(raw)).toEqual([
      { file: "x.xlsx", period: parsePeriod("6T-2023"), values: { [FLOW]: 5 }, blank: [] },
      { file: "z.xlsx", period: parsePeriod("Q1-2023"), values: {}, blank: [] },
    ]);
  });

  test("one per period, the latest periods kept within the limit and within a cell", () => {
    const periods = ["Q1", "6T", "Q3", "N"].flatMap((k) => [2020, 2021, 2022].map((y) => `${k}-${y}`));
    const { kept } = serializeEarlier([one("old.xlsx", "N-2022", 1), ...periods.map((p) => one(`${p}.xlsx`, p))]);
    expect(kept).toHaveLength(EARLIER_MAX);
    expect(kept[0].file).toBe("N-2022.xlsx");
    const huge = { ...one("big.xlsx", "N-2022"), unit: "u".repeat(SETTINGS_VALUE_MAX) };
    const r = serializeEarlier([huge]);
    expect(r.text.length).toBeLessThanOrEqual(SETTINGS_VALUE_MAX);
    expect(r.kept).toEqual([]);
  });
});

/**
 * The page's downloads and memory: ASCII file names from the unit and period (never the opened file's own name),
 * and only the level, unit and period kept in the browser's storage.
 */
import {
  checkedFileName,
  consolidatedFileName,
  formsFileName,
  remember,
  rememberedSettings,
  slug,
} from "../../src/taskpane/page/files";
import { parsePeriod } from "../../src/engine/period";

const s = { level: "xa" as const, period: parsePeriod("6T-2025")!, unit: "UBND xã Tân Phú", version: "v2023-dvctt" };

test("file names are folded Vietnamese with the period code", () => {
  expect(slug("UBND xã Đông Hưng")).toBe("xa-dong-hung");
  expect(formsFileName(s)).toBe("bao-cao-cchc-xa-tan-phu-6T-2025.xlsx");
  expect(
    consolidatedFileName({ ...s, level: "huyen", unit: "UBND huyện Tân Châu", period: parsePeriod("N-2024")! })
  ).toBe("tong-hop-cchc-huyen-tan-chau-N-2024.xlsx");
  expect(formsFileName({ ...s, unit: "" })).toBe("bao-cao-cchc-6T-2025.xlsx");
});

test("the checked copy never takes the opened file's name", () => {
  expect(checkedFileName("Báo cáo xã Tân Phú.xlsx")).toBe("bao-cao-xa-tan-phu-da-kiem-tra.xlsx");
  expect(checkedFileName("xa-da-kiem-tra.XLSX")).toBe("xa-da-kiem-tra.xlsx");
  expect(checkedFileName("!!!.xlsx")).toBe("bao-cao-cchc-da-kiem-tra.xlsx");
  for (const n of ["a.xlsx", "Tân Phú.xlsx"]) expect(checkedFileName(n)).not.toBe(n);
});

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

test("only level, unit and period are remembered, and read back over the defaults", () => {
  const st = memoryStorage();
  remember(s, st);
  expect(Object.keys(JSON.parse([...st.m.values()][0])).sort()).toEqual(["level", "period", "unit"]);
  const back = rememberedSettings(st);
  expect(back).toMatchObject({ level: "xa", unit: "UBND xã Tân Phú", period: { kind: "6T", year: 2025 } });
  expect(back.version).not.toBe(undefined);
});

test("a damaged or refused storage gives the defaults, and the page goes on", () => {
  const st = memoryStorage();
  st.m.set("bao-cao-cchc:last", "{not json");
  expect(rememberedSettings(st).unit).toBe("");
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const refusing = {
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  };
  expect(rememberedSettings(refusing).level).toBe("tinh");
  expect(() => remember(s, refusing)).not.toThrow();
  expect(warn).toHaveBeenCalledTimes(2);
  warn.mockRestore();
});

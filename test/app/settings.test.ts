/**
 * One reader and one writer of the settings sheet: what the panes pre-fill and what the engine's reader
 * takes as hints agree, a period given as a code is accepted by both, and what is written reads back.
 */
import { loadSettings, parseSettings, readSettings, saveSettings, serializeSettings } from "../../src/app/settings";
import type { ExcelHost } from "../../src/app/host";
import { SETTINGS_KEYS } from "../../src/engine/conventions";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { readReport } from "../../src/engine/reader";

const s = {
  level: "xa" as const,
  period: { kind: "6T" as const, year: 2023 },
  unit: "UBND xã Chi Lăng Nam",
  version: "v2022-muc-do",
};

describe("the settings codec", () => {
  it("accepts the period as a code as well as an object, in the panes and in the reader alike", () => {
    const asCode = JSON.stringify({ ...s, period: "6T-2023" });
    expect(parseSettings(asCode)).toEqual(s);
    expect(parseSettings(serializeSettings(s))).toEqual(s);
    // the reader takes the same settings as hints (for what a file itself does not say)
    for (const raw of [asCode, serializeSettings(s)]) {
      const hinted = readReport([], { settings: { [SETTINGS_KEYS.settings]: raw } });
      expect(hinted.meta).toMatchObject({ period: s.period, unit: s.unit, level: s.level });
    }
  });

  it("keeps each valid field on its own and drops the rest", () => {
    expect(readSettings('{"level":"xa","period":"Q5-2023","unit":"  U  ","version":"v1999"}')).toEqual({
      level: "xa",
      unit: "U",
    });
    expect(readSettings('{"level":"huyen","period":{"kind":"N","year":1999}}')).toEqual({ level: "huyen" });
    expect(parseSettings('{"level":"xa"}')).toBeUndefined();
    expect(readSettings("[1]")).toEqual({});
  });

  it("is what an insert remembers (the layout writes through the same serializer)", () => {
    const wb = buildFormsWorkbook([1], s);
    expect(wb.settings?.[SETTINGS_KEYS.settings]).toBe(serializeSettings(s));
  });

  it("loads and saves through the host", async () => {
    const kv: Record<string, string> = {};
    const host = {
      readSheets: async () => ({ sheets: [], settings: { ...kv } }),
      writeSettings: async (v: Record<string, string>) => void Object.assign(kv, v),
    } as unknown as ExcelHost;
    expect(await loadSettings(host)).toBeUndefined();
    await saveSettings(host, s);
    expect(await loadSettings(host)).toEqual(s);
  });
});

/**
 * Issue 8, items 6, 8 and 1: a commune in the other version of the forms is consolidated for everything
 * that maps (never dropped whole); a total that lacks some unit's figure names the units; duplicates are
 * decided by the unit and the figures, never by a shared sentence; a file that names no unit is named
 * after its file. Figures are made up; expected totals are worked out by hand below.
 */
import { consolidate, Consolidation, incompleteByCode, unitNameFromFile } from "../../src/engine/consolidate";
import { buildConsolidatedSheet, buildConsolidatedForms, INCOMPLETE_FILL } from "../../src/spec/consolidate-layout";
import { checkVersionMap, versionMapFile, versionMappings } from "../../src/catalog/version-map";
import { addinReport, unitInput } from "./helpers";
import type { Report } from "../../src/engine/types";
import { totalFlags, unitMessages } from "../../src/i18n/consolidate";

const N2023 = { kind: "N" as const, year: 2023 };
const V22 = "v2022-muc-do";
const V23 = "v2023-dvctt";
const opts = { level: "huyen" as const, version: V22, period: N2023, unit: "UBND huyện Thanh Miện" };
const row = (c: Consolidation, id: string) => {
  const r = c.rows.find((x) => x.indicatorId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

const A22 = {
  "bm1:6.1": 100,
  "bm3:2.3@v2022-muc-do": 4,
  "bm3:3.3.1": 1200,
  "bm3:3.3.2": 1150,
  "bm6:1.1": 500,
  "bm7:6.1.1@v2022-muc-do": 75,
  "bm7:6.4.1@v2022-muc-do": 900,
  "bm7:6.4.2@v2022-muc-do": 450,
};
const D23 = {
  "bm1:6.1": 60,
  "bm3:2.1@v2023-dvctt": 7,
  "bm3:2.2@v2023-dvctt": 5,
  "bm3:3.3.1": 800,
  "bm3:3.3.2": 790,
  "bm6:1.1": 250,
  "bm7:6.1.1@v2023-dvctt": 20,
  "bm7:6.3.1@v2023-dvctt": 100,
  "bm7:6.3.2@v2023-dvctt": 40,
  "bm7:6.4.1@v2023-dvctt": 50,
  "bm7:6.4.2@v2023-dvctt": 30,
};

describe("a commune in the 2023 wording, consolidated in the 2022 wording", () => {
  const a = addinReport("xa", V22, N2023, "UBND xã An Bình", A22);
  const d = addinReport("xa", V23, N2023, "UBND xã Đoàn Tùng", D23);
  const c = consolidate([unitInput("an-binh.xlsx", a), unitInput("doan-tung.xlsx", d)], opts);
  const u = c.units[1];

  test("is counted (status ok, the version said), never dropped whole", () => {
    expect(u.status).toBe("ok");
    expect(u.counted).toBe(true);
    expect(u.otherVersion).toBe(V23);
    expect(unitMessages(u)[0]).toMatch(/^Đơn vị dùng mẫu Dịch vụ công trực tuyến "toàn trình, một phần"/);
  });

  test("Biểu mẫu 1–6 and the rows common to both versions are counted", () => {
    expect(row(c, "bm1:6.1").value).toBe(160);
    expect(row(c, "bm3:3.3.1").value).toBe(2000);
    expect(row(c, "bm3:3.3").value).toBe(97); // 1940 / 2000
    expect(row(c, "bm6:1.1").value).toBe(750);
    expect(row(c, "bm3:3.3.1").incomplete).toEqual([]);
  });

  test("rows of the same meaning are mapped: files received (all, online) and the rate recomputed", () => {
    expect(row(c, "bm7:6.4.1@v2022-muc-do").value).toBe(900 + 100 + 50);
    expect(row(c, "bm7:6.4.2@v2022-muc-do").value).toBe(450 + 40 + 30);
    expect(row(c, "bm7:6.4@v2022-muc-do").value).toBe(49.52); // 520 / 1050
    // procedure counts are a shared catalogue, never summed over units, in either version
    expect(row(c, "bm3:2.3@v2022-muc-do").rule).toBe("own");
  });

  test("the unit's rows that have no row in the 2022 wording are listed, with the commune's printed codes", () => {
    // section 6 is numbered from 6.4 at commune level: 6.1.1 (toàn trình) is printed 6.4.1
    expect(u.unmapped!.map((x) => `${x.form}:${x.code}`)).toEqual(["3:2.1", "7:6.4.1"]);
    expect(unitMessages(u)[0]).toContain("2 chỉ tiêu không chuyển được: BM3 2.1, BM7 6.4.1");
  });
});

describe("a commune in the 2022 wording, consolidated in the 2023 wording", () => {
  const a = addinReport("xa", V22, N2023, "UBND xã An Bình", A22);
  const d = addinReport("xa", V23, N2023, "UBND xã Đoàn Tùng", D23);
  const c = consolidate([unitInput("an-binh.xlsx", a), unitInput("doan-tung.xlsx", d)], { ...opts, version: V23 });

  test("toàn trình / một phần files are not split out of mức độ 3/4: the totals lack the unit and say why", () => {
    expect(c.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(row(c, "bm3:3.3.1").value).toBe(2000);
    for (const id of ["bm7:6.3.1@v2023-dvctt", "bm7:6.3.2@v2023-dvctt", "bm7:6.4.1@v2023-dvctt"]) {
      expect(row(c, id).incomplete).toEqual([{ unit: "UBND xã An Bình", reason: "unmapped" }]);
    }
    expect(row(c, "bm7:6.3.1@v2023-dvctt").value).toBe(100);
    expect(row(c, "bm7:6.3@v2023-dvctt").incomplete.map((x) => x.unit)).toEqual(["UBND xã An Bình"]);
    expect(totalFlags(row(c, "bm7:6.3.1@v2023-dvctt"))[0]).toBe(
      "Chưa đủ 1 đơn vị: UBND xã An Bình (mẫu phiên bản khác không có chỉ tiêu này)"
    );
    const codes = c.units[0].unmapped!.map((x) => `${x.form}:${x.code}`);
    expect(codes).toEqual(expect.arrayContaining(["7:6.4.1", "7:6.7.1", "7:6.7.2"]));
    expect(codes).not.toContain("3:2.3"); // mapped to 2.2 of the 2023 wording
  });
});

describe("the version map (catalog data)", () => {
  test("every mapping has a reason; mức độ 4 never maps to toàn trình, either way", () => {
    const f = versionMapFile();
    for (const m of f.mappings) expect(m.reason.length).toBeGreaterThan(40);
    const lvl4 = ["bm7:6.2.1@v2022-muc-do", "bm7:6.2.2@v2022-muc-do", "bm7:6.2.3@v2022-muc-do"];
    const full = ["bm7:6.1.1@v2023-dvctt", "bm7:6.1.2@v2023-dvctt"];
    for (const m of [...versionMappings(V22, V23), ...versionMappings(V23, V22)]) {
      expect(full.includes(m.target) && m.sources.some((s) => lvl4.includes(s))).toBe(false);
      expect(lvl4.includes(m.target) && m.sources.some((s) => full.includes(s))).toBe(false);
    }
  });

  test("zod and the catalog checks refuse a broken map", () => {
    const good = JSON.parse(JSON.stringify(versionMapFile()));
    expect(() => checkVersionMap(good)).not.toThrow();
    const noReason = JSON.parse(JSON.stringify(good));
    noReason.mappings[0].reason = "";
    expect(() => checkVersionMap(noReason)).toThrow();
    const wrongSide = JSON.parse(JSON.stringify(good));
    wrongSide.mappings[0].sources = ["bm7:6.4.1@v2022-muc-do"]; // a row of the target version
    expect(() => checkVersionMap(wrongSide)).toThrow(/not a row of v2023-dvctt only/);
    const forgotten = JSON.parse(JSON.stringify(good));
    forgotten.unmapped = forgotten.unmapped.slice(1);
    expect(() => checkVersionMap(forgotten)).toThrow(/neither mapped nor listed/);
  });
});

describe("a total over a unit whose figure cannot be read", () => {
  const a = addinReport("xa", V22, N2023, "UBND xã An Bình", { "bm3:3.3.1": 1200, "bm3:3.3.2": 1150 });
  const b = addinReport("xa", V22, N2023, "UBND xã Bình Minh", { "bm3:3.3.1": "abc", "bm3:3.3.2": 790 });
  const c = consolidate([unitInput("a.xlsx", a), unitInput("b.xlsx", b)], opts);

  test("is marked incomplete and names the unit, in the rows, the ratio built on it and the JSON map", () => {
    expect(row(c, "bm3:3.3.1").incomplete).toEqual([{ unit: "UBND xã Bình Minh", reason: "unread" }]);
    expect(totalFlags(row(c, "bm3:3.3.1"))[0]).toBe("Chưa đủ 1 đơn vị: UBND xã Bình Minh (không đọc được số)");
    expect(row(c, "bm3:3.3").incomplete.map((x) => x.unit)).toEqual(["UBND xã Bình Minh"]);
    expect(row(c, "bm3:3.3.2").incomplete).toEqual([]);
    expect(incompleteByCode(c)["3:3.3.1"]).toEqual(["UBND xã Bình Minh"]);
    expect(incompleteByCode(c)["3:3.3.2"]).toBeUndefined();
  });

  test("the unit's status says what was not read", () => {
    const u = c.units[1];
    expect(u.unread).toEqual([{ form: 3, code: "3.3.1", text: "abc" }]);
    expect(unitMessages(u)).toContain('Không đọc được 1 số: Biểu mẫu 3 dòng 3.3.1 ("abc") (không có trong tổng).');
  });

  test("the Tổng hợp tab marks the total's row; the filled form carries the note", () => {
    const sh = buildConsolidatedSheet(c);
    const r = sh.cells.findIndex((x) => x[5]?.t === "s" && x[5].v === "bm3:3.3.1") + 1;
    const flag = sh.cells[r - 1][7];
    expect(flag && flag.t === "s" && flag.v).toMatch(/^Chưa đủ 1 đơn vị: UBND xã Bình Minh/);
    expect(sh.styles.some((s) => s.range === `D${r}` && s.style.fill === INCOMPLETE_FILL)).toBe(true);
    const ok = sh.cells.findIndex((x) => x[5]?.t === "s" && x[5].v === "bm3:3.3.2") + 1;
    expect(sh.styles.some((s) => s.range === `D${ok}` && s.style.fill === INCOMPLETE_FILL)).toBe(false);
    const forms = buildConsolidatedForms(c);
    const cells = forms.sheets.flatMap((s) => s.cells).find((x) => x[5]?.t === "s" && x[5].v === "bm3:3.3.1")!;
    expect(cells[3]).toEqual({ t: "n", v: 1200 });
    expect(cells[4]).toEqual({ t: "s", v: "Chưa đủ 1 đơn vị: UBND xã Bình Minh (không đọc được số)" });
  });
});

describe("duplicates: by the unit and the figures", () => {
  const figs = { "bm3:3.3.1": 10, "bm3:3.3.2": 9 };
  const mk = (unit: string | undefined, f: Record<string, number | string> = figs): Report => {
    const r = addinReport("xa", V22, N2023, unit ?? "x", f);
    if (unit === undefined) r.meta.unit = undefined;
    return r;
  };

  test("same unit (accents and case aside), same figures: counted once", () => {
    const c = consolidate(
      [unitInput("a.xlsx", mk("UBND xã Tân Phú")), unitInput("b.xlsx", mk("ubnd XA TAN PHU"))],
      opts
    );
    expect(c.units.map((u) => u.status)).toEqual(["ok", "duplicate"]);
    expect(c.units[1].duplicateOf).toBe("a.xlsx");
  });

  test("same unit and period, other figures: the file received later is kept, and both say so", () => {
    const first = unitInput("tan-phu.xlsx", mk("UBND xã Tân Phú"), new Date(2023, 11, 10));
    const again = unitInput(
      "tan-phu-sua.xlsx",
      mk("UBND xã Tân Phú", { "bm3:3.3.1": 12, "bm3:3.3.2": 9 }),
      new Date(2023, 11, 12)
    );
    const c = consolidate([first, again], opts);
    expect(c.units.map((u) => u.status)).toEqual(["duplicate", "ok"]);
    expect(c.units[0].duplicateOf).toBe("tan-phu-sua.xlsx");
    expect(unitMessages(c.units[0])[0]).toBe("Đơn vị đã gửi lại tệp tan-phu-sua.xlsx (nhận sau); chỉ tính tệp đó.");
    expect(unitMessages(c.units[1])).toContain("Thay cho tệp tan-phu.xlsx đơn vị gửi trước.");
    expect(row(c, "bm3:3.3.1").value).toBe(12);
  });

  test("different units with the same sentence in their notes and other figures both count", () => {
    const x = mk("UBND xã Tân Phú");
    const y = mk("UBND xã Tân Lập", { "bm3:3.3.1": 20, "bm3:3.3.2": 19 });
    const sentence = "Thực hiện Công văn số 1581/UBND-VP ngày 15/5/2023 của UBND tỉnh về kiểm soát TTHC.";
    x.entries.get("bm3:3.3.1")!.note = sentence;
    y.entries.get("bm3:3.3.1")!.note = sentence;
    const c = consolidate([unitInput("x.xlsx", x), unitInput("y.xlsx", y)], opts);
    expect(c.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(row(c, "bm3:3.3.1").value).toBe(30);
  });

  test("a unit name read from a shared sentence (naming the province) never makes two communes one", () => {
    // hand-made files whose title lines were pasted Word text: the reader found "UBND tỉnh Hải Dương" in both
    const x = mk("UBND tỉnh Hải Dương");
    const y = mk("UBND tỉnh Hải Dương", { "bm3:3.3.1": 20, "bm3:3.3.2": 19 });
    x.meta.source = y.meta.source = "handmade";
    const c = consolidate([unitInput("xa-a.xlsx", x), unitInput("xa-b.xlsx", y)], opts);
    expect(c.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(row(c, "bm3:3.3.1").value).toBe(30);
    expect(unitMessages(c.units[1]).some((m) => m.startsWith("Cùng tên đơn vị với tệp xa-a.xlsx nhưng số liệu khác"))).toBe(
      true
    );
    // the same when a newer reader says the name came from the file's text
    const z = mk("UBND xã Tân Phú");
    const w = mk("UBND xã Tân Phú", { "bm3:3.3.1": 20, "bm3:3.3.2": 19 });
    (z.meta as { unitSource?: string }).unitSource = (w.meta as { unitSource?: string }).unitSource = "text";
    z.meta.source = w.meta.source = "handmade";
    const c2 = consolidate([unitInput("z.xlsx", z), unitInput("w.xlsx", w)], opts);
    expect(c2.units.map((u) => u.status)).toEqual(["ok", "ok"]);
  });

  test("identical figures under different names: both count, warned (as before)", () => {
    const c = consolidate([unitInput("a.xlsx", mk("UBND xã A")), unitInput("b.xlsx", mk("UBND xã B"))], opts);
    expect(c.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(unitMessages(c.units[1])).toContain("Số liệu giống hệt tệp a.xlsx; kiểm tra lại có gửi nhầm tệp không.");
  });
});

describe("a file that names no unit", () => {
  test("is named after its file, and the status says so", () => {
    const r = addinReport("xa", V22, N2023, "x", { "bm3:3.3.1": 3 });
    r.meta.unit = undefined;
    const c = consolidate([unitInput("/tmp/nhan/xa-tan-phu_6t.xlsx", r)], opts);
    expect(c.units[0].unit).toBe("Xa Tan Phu 6t");
    expect(c.units[0].unitFromFileName).toBe(true);
    expect(unitMessages(c.units[0])).toContain(
      "Không tìm thấy tên đơn vị trong tệp, dùng tên tệp (/tmp/nhan/xa-tan-phu_6t.xlsx)."
    );
    expect(c.units[0].status).toBe("ok");
  });

  test("file names typed with accents keep them", () => {
    expect(unitNameFromFile("UBND xã Chi Lăng Nam.xlsx")).toBe("UBND xã Chi Lăng Nam");
    expect(unitNameFromFile("C:\\thu\\xa_hong-quang.xlsx")).toBe("Xa Hong Quang");
  });
});

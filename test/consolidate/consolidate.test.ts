/**
 * A district (huyện) consolidates its communes' reports for năm 2023 (edition v2022-muc-do): two files
 * written by the add-in, one hand-made file holding seed 004's real figures (UBND xã Chi Lăng Nam), an
 * unreadable file, a duplicate, a file of the wrong period and a district file (wrong level). A commune
 * in the other version of the forms is consolidated for what maps (test "mixed versions" below). Expected totals are worked out by hand from the figures below and seed 004's
 * appendix as printed.
 */
import { consolidate, Consolidation, foldName, totalsByCode, UnitInput } from "../../src/engine/consolidate";
import { readReport } from "../../src/engine/reader";
import { seedGrids } from "../engine/seed-grids";
import { addinReport, unitInput } from "./helpers";
import { totalFlags, unitMessages } from "../../src/i18n/consolidate";

const N2023 = { kind: "N" as const, year: 2023 };
const V = "v2022-muc-do";

const A = {
  "bm3:3.3.1": 1200,
  "bm3:3.3.2": 1150,
  "bm1:6": 0,
  "bm1:7": 0,
  "bm4:2.1": 18,
  "bm5:2.4": 2,
  "bm6:1.1": 2500.5,
  "bm6:1.2": 2000,
  "bm7:6.4.1@v2022-muc-do": 900,
  "bm7:6.4.2@v2022-muc-do": 450,
};
const B = {
  "bm3:3.3.1": 800,
  "bm3:3.3.2": 790,
  "bm1:6": 1,
  "bm1:6.1": 150,
  "bm1:6.2": 1,
  "bm1:7": 0,
  "bm4:2.1": 22,
  "bm5:2.4": "-",
  "bm6:1.1": 1000,
  "bm6:1.2": 999.5,
  "bm7:6.4.1@v2022-muc-do": 100,
  "bm7:6.4.2@v2022-muc-do": 100,
};

function seed004(): UnitInput {
  const settings = {
    settings: JSON.stringify({ level: "xa", period: N2023, unit: "UBND xã Chi Lăng Nam", version: V }),
  };
  return unitInput("chi-lang-nam.xlsx", readReport(seedGrids("004", "sheet-per-form"), { settings }));
}

function anBinh() {
  const r = addinReport("xa", V, N2023, "UBND xã An Bình", A);
  // a note typed in Ghi chú, starting with "=" (must stay text wherever it is written)
  r.entries.get("bm3:3.3.1")!.note = "=Gồm 35 hồ sơ liên thông";
  return r;
}

function run(extra: UnitInput[] = []): Consolidation {
  const inputs: UnitInput[] = [
    unitInput("an-binh.xlsx", anBinh(), new Date(2023, 11, 18)),
    unitInput("binh-minh.xlsx", addinReport("xa", V, N2023, "UBND xã Bình Minh", B), new Date(2023, 11, 23)),
    seed004(),
    { file: "hong.xlsx", read: { ok: false, reason: "Tệp .xlsx bị hỏng hoặc không đầy đủ." } },
    unitInput("an-binh-lan-2.xlsx", addinReport("xa", V, N2023, "UBND Xã An Binh", { ...A, "bm3:3.3.1": 99999 })),
    unitInput("cao-thang-q1.xlsx", addinReport("xa", V, { kind: "Q1", year: 2023 }, "UBND xã Cao Thắng", A)),
    unitInput("huyen.xlsx", addinReport("huyen", V, N2023, "UBND huyện Thanh Miện", A)),
    ...extra,
  ];
  return consolidate(inputs, {
    level: "huyen",
    version: V,
    period: N2023,
    unit: "UBND huyện Thanh Miện",
    expected: ["Xã An Bình", "UBND xã Bình Minh", "UBND XÃ CHI LĂNG NAM", "UBND xã Cao Thắng", "UBND xã Hồng Quang"],
  });
}

const row = (c: Consolidation, id: string) => {
  const r = c.rows.find((x) => x.indicatorId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe("consolidate: huyện ← xã", () => {
  const c = run();

  test("files are checked and flagged; only the three valid communes are counted, the first of a duplicate", () => {
    const st = Object.fromEntries(c.units.map((u) => [u.file, u.status]));
    expect(st).toEqual({
      "an-binh.xlsx": "ok",
      "binh-minh.xlsx": "ok",
      "chi-lang-nam.xlsx": "ok",
      "hong.xlsx": "unreadable",
      "an-binh-lan-2.xlsx": "duplicate",
      "cao-thang-q1.xlsx": "wrong-period",
      "huyen.xlsx": "wrong-level",
    });
    expect(c.counted.map((i) => c.units[i].unit)).toEqual([
      "UBND xã An Bình",
      "UBND xã Bình Minh",
      "UBND xã Chi Lăng Nam",
    ]);
    expect(c.units.find((u) => u.file === "an-binh-lan-2.xlsx")!.duplicateOf).toBe("an-binh.xlsx");
    expect(unitMessages(c.units.find((u) => u.file === "hong.xlsx")!)[0]).toMatch(/hỏng/);
    expect(unitMessages(c.units.find((u) => u.file === "cao-thang-q1.xlsx")!)[0]).toMatch(/Quý I năm 2023/);
    expect(unitMessages(c.units.find((u) => u.file === "huyen.xlsx")!)[0]).toBe(
      "Tệp là báo cáo cấp huyện, trong khi chỉ tổng hợp báo cáo cấp xã; không tổng hợp."
    );
  });

  test("expected units without a file are listed (accent- and case-insensitive match)", () => {
    // Cao Thắng sent a file (of the wrong period): flagged there, not listed as missing
    expect(c.missing).toEqual(["UBND xã Hồng Quang"]);
    expect(foldName("UBND XÃ CHI LĂNG NAM")).toBe(foldName("ubnd xa chi lang nam"));
  });

  test("late files are flagged against the 20 December deadline", () => {
    const a = c.units.find((u) => u.file === "an-binh.xlsx")!;
    const b = c.units.find((u) => u.file === "binh-minh.xlsx")!;
    expect(a.late?.late).toBe(false);
    expect(b.late).toMatchObject({ late: true, daysLate: 3, deadline: "2023-12-20" });
  });

  test("sums: commune files settled land in the district's commune rows (Biểu mẫu 3, 3.3.x)", () => {
    // seed 004: 3.3.1 = "3.225", 3.3.2 = "3.225"
    expect(row(c, "bm3:3.3.1").value).toBe(1200 + 800 + 3225);
    expect(row(c, "bm3:3.3.2").value).toBe(1150 + 790 + 3225);
    expect(row(c, "bm4:2.1").value).toBe(18 + 22 + 20);
    // seed 004: 6.1.1 = "4.000", 6.1.2 = "3.523"
    expect(row(c, "bm6:1.1").value).toBe(7500.5);
    expect(row(c, "bm6:1.2").value).toBe(6522.5);
    // seed 004 (commune numbering 6.7.x): 3.225 and 3.147
    expect(row(c, "bm7:6.4.1@v2022-muc-do").value).toBe(900 + 100 + 3225);
    expect(row(c, "bm7:6.4.2@v2022-muc-do").value).toBe(450 + 100 + 3147);
  });

  test("ratios are recomputed from the summed parts, never averaged", () => {
    // 5165 / 5225 = 98.8516…% ; the three units' own rates (95.83, 98.75, 100) average 98.19
    expect(row(c, "bm3:3.3").value).toBe(98.85);
    // 6522.5 / 7500.5 = 86.9608…%
    expect(row(c, "bm6:1").value).toBe(86.96);
    // 3697 / 4225 = 87.5029…%
    expect(row(c, "bm7:6.4@v2022-muc-do").value).toBe(87.5);
  });

  test("a missing figure is not zero: the total comes from the units that have one and is flagged", () => {
    // An Bình left 5.1 (phiếu khảo sát) blank; Bình Minh 150; Chi Lăng Nam 3.225
    const r = row(c, "bm1:6.1");
    expect(r.value).toBe(150 + 3225);
    expect(r.missing).toBe(1);
    expect(r.incomplete).toEqual([{ unit: "UBND xã An Bình", reason: "blank" }]);
    expect(totalFlags(r)).toContain("Chưa đủ 1 đơn vị: UBND xã An Bình (bỏ trống)");
  });

  test("not applicable units are left out and counted", () => {
    // An Bình 2, Bình Minh "-", Chi Lăng Nam blank (5.2.4 in seed 004)
    const r = row(c, "bm5:2.4");
    expect(r.value).toBe(2);
    expect(r.na).toBe(1);
    expect(r.missing).toBe(1);
    expect(totalFlags(r)).toEqual(["Chưa đủ 1 đơn vị: UBND xã Chi Lăng Nam (bỏ trống)", "1 đơn vị không áp dụng"]);
  });

  test("enums: any (Có if one unit has Có, with the count) and survey-mode (mixed forms → Kết hợp)", () => {
    // khảo sát: An Bình 0, Bình Minh 1, Chi Lăng Nam 1
    const any = row(c, "bm1:6");
    expect(any.value).toBe(1);
    expect(any.counts).toEqual({ 0: 1, 1: 2 });
    expect(totalFlags(any)).toContain("Có: 2/3 đơn vị");
    // đối thoại: 0, 0, 1
    expect(row(c, "bm1:7").value).toBe(1);
    // hình thức: An Bình blank, Bình Minh 1 (phát phiếu), Chi Lăng Nam 2 (kết hợp)
    expect(row(c, "bm1:6.2").value).toBe(2);
  });

  test("the district's own rows are left open and listed", () => {
    for (const id of ["bm1:1", "bm1:2.1", "bm3:3.2.1", "bm3:1.4.3", "bm7:1"]) {
      expect(row(c, id).rule).toBe("own");
      expect(row(c, id).value).toBeNull();
      expect(c.own).toContain(id);
    }
    expect(c.own).not.toContain("bm3:3.3.1");
  });

  test("--json totals use the district's printed codes", () => {
    const t = totalsByCode(c);
    expect(t["3:3.3.1"]).toBe(5225);
    // district/commune numbering: Biểu mẫu 1 survey is 5.x, Biểu mẫu 7 online files 6.7.x
    expect(t["1:5.1"]).toBe(3375);
    expect(t["7:6.7.2"]).toBe(3697);
    expect(t["1:1"]).toBeNull();
  });

  test("notes are gathered with the unit's name", () => {
    expect(c.notes).toContainEqual({
      unit: "UBND xã An Bình",
      indicatorId: "bm3:3.3.1",
      form: 3,
      code: "3.3.1",
      text: "=Gồm 35 hồ sơ liên thông",
    });
  });

  test("a readable file with no form in it is not counted", () => {
    const empty = readReport([{ name: "Sheet1", values: [["Danh sách cán bộ"], ["Nguyễn Văn A"]] }]);
    const z = consolidate([unitInput("ds.xlsx", empty)], { level: "huyen", version: V, period: N2023, unit: "H" });
    expect(z.units[0].status).toBe("unreadable");
    expect(unitMessages(z.units[0])[0]).toMatch(/Không tìm thấy biểu mẫu/);
  });

  test("junk input never throws", () => {
    expect(() =>
      consolidate([null as unknown as UnitInput, { file: "x", read: { ok: true } } as unknown as UnitInput], {
        level: "huyen",
        version: V,
        period: N2023,
        unit: "H",
      })
    ).not.toThrow();
    const z = consolidate([], { level: "huyen", version: V, period: N2023, unit: "H" });
    expect(z.counted).toEqual([]);
    expect(row(z, "bm3:3.3.1").value).toBeNull();
  });
});

describe("consolidate: tỉnh ← huyện and sở mixed", () => {
  test("district rows come from districts, department rows from departments; renumbered discipline rows map", () => {
    const h1 = addinReport("huyen", V, N2023, "UBND huyện A", {
      "bm3:3.2.1": 500,
      "bm3:3.2.2": 480,
      "bm5:4.1@district-commune": 1,
      "bm4:2.1": 100,
    });
    const h2 = addinReport("huyen", V, N2023, "UBND huyện B", {
      "bm3:3.2.1": 300,
      "bm3:3.2.2": 300,
      "bm5:4.1@district-commune": 2,
      "bm4:2.1": 80,
    });
    const s1 = addinReport("so", V, N2023, "Sở Nội vụ", { "bm4:1.5.2": 3, "bm4:2.1": 60, "bm3:1.2": 4 });
    const c = consolidate([unitInput("h1", h1), unitInput("h2", h2), unitInput("s1", s1)], {
      level: "tinh",
      version: V,
      period: N2023,
      unit: "UBND tỉnh",
    });
    expect(c.counted.length).toBe(3);
    const r = (id: string) => c.rows.find((x) => x.indicatorId === id)!;
    expect(r("bm3:3.2.1").value).toBe(800);
    expect(r("bm3:3.2").value).toBe(97.5); // 780 / 800
    expect(r("bm3:3.2.1").missing).toBe(0); // the department is not a missing district
    expect(r("bm5:4.2").value).toBe(3); // huyện 4.1 (lãnh đạo cấp huyện) → tỉnh 4.2
    expect(r("bm4:2.1").value).toBe(240); // staff: every unit
    expect(r("bm4:1.5.2").value).toBe(3); // only departments report it
    expect(r("bm3:1.2").value).toBe(4);
  });
});

describe("duplicates by content", () => {
  test("two named communes with identical figures both count (warned); a nameless copy of a file is a duplicate", () => {
    const figs = { "bm3:3.3.1": 0, "bm3:3.3.2": 0 };
    const x = addinReport("xa", V, N2023, "UBND xã X", figs);
    const y = addinReport("xa", V, N2023, "UBND xã Y", figs);
    const copy = addinReport("xa", V, N2023, "UBND xã X", figs);
    copy.meta.unit = undefined;
    const c = consolidate([unitInput("x.xlsx", x), unitInput("y.xlsx", y), unitInput("ban-sao.xlsx", copy)], {
      level: "huyen",
      version: V,
      period: N2023,
      unit: "H",
    });
    expect(c.units.map((u) => u.status)).toEqual(["ok", "ok", "duplicate"]);
    expect(unitMessages(c.units[1])).toContain("Số liệu giống hệt tệp x.xlsx; kiểm tra lại có gửi nhầm tệp không.");
    expect(c.units[2].duplicateOf).toBe("x.xlsx");
  });
});

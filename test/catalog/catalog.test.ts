import raw from "../../src/catalog/forms.json";
import {
  allFormRows,
  catalog,
  checkCatalog,
  editions,
  formRows,
  indicatorById,
  labelFor,
  printedCode,
  relationsIn,
  rowByPrintedCode,
  unitFor,
  Level,
} from "../../src/catalog";

const clone = () => JSON.parse(JSON.stringify(raw));

describe("catalog shape and integrity", () => {
  test("forms.json parses with zod and passes the integrity checks", () => {
    expect(() => checkCatalog(clone())).not.toThrow();
    expect(catalog.indicators.length).toBe(raw.indicators.length);
  });

  test("broken catalogs are refused", () => {
    const dup = clone();
    dup.indicators.push({ ...dup.indicators[0] });
    expect(() => checkCatalog(dup)).toThrow(/duplicate/);

    const badRef = clone();
    badRef.indicators.find((i: { id: string }) => i.id === "bm3:1.4").sumOf = ["bm3:1.4.1", "bm3:9.9"];
    expect(() => checkCatalog(badRef)).toThrow(/unknown/);

    const twice = clone();
    twice.indicators.find((i: { id: string }) => i.id === "bm1:5").codeByLevel.xa = "3";
    expect(() => checkCatalog(twice)).toThrow(/twice/);

    const badKind = clone();
    badKind.indicators[0].kind = "number";
    expect(() => checkCatalog(badKind)).toThrow();
  });

  test("ids agree with form and code; parents are rows of the same form", () => {
    for (const i of catalog.indicators) {
      const [head, suffix] = i.id.split("@");
      expect(head).toBe(`bm${i.form}:${i.code}`);
      if (suffix) expect(["v2022-muc-do", "v2023-dvctt", "district-commune"]).toContain(suffix);
      if (i.parent) {
        const p = indicatorById(i.parent)!;
        expect(p.form).toBe(i.form);
        // Numbered under the parent, or one of the parts the parent totals (Biểu mẫu 6: 2.2–2.5 under 2.1).
        expect(i.code.startsWith(p.code + ".") || (p.sumOf ?? []).includes(i.id)).toBe(true);
      }
    }
  });

  test("every ratio names its numerator and denominator, both figures of the same form", () => {
    const ratios = catalog.indicators.filter((i) => i.aggregate === "ratio");
    expect(ratios.length).toBeGreaterThan(10);
    for (const i of ratios) {
      expect(i.ratio).toBeDefined();
      for (const id of [i.ratio!.numerator, i.ratio!.denominator]) {
        expect(["count", "money"]).toContain(indicatorById(id)!.kind);
      }
    }
    // A percentage without a ratio is one the form gives no base for: never aggregated by summing.
    for (const i of catalog.indicators.filter((x) => x.kind === "percent" && !x.ratio)) expect(i.aggregate).toBe("none");
  });

  test("enum rows have distinct codes and the chosen aggregate rules", () => {
    for (const i of catalog.indicators.filter((x) => x.kind === "enum")) {
      const codes = i.enum!.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(indicatorById("bm1:6")!.aggregate).toBe("any");
    expect(indicatorById("bm1:7")!.aggregate).toBe("any");
    expect(indicatorById("bm1:6.2")!.aggregate).toBe("survey-mode");
    expect(indicatorById("bm1:6.2")!.enum!.map((e) => e.code).sort()).toEqual([0, 1, 2]);
    for (const id of ["bm7:1", "bm7:2", "bm7:4"]) {
      expect(indicatorById(id)!.aggregate).toBe("own");
      expect(indicatorById(id)!.note).toMatch(/own/);
    }
  });

  test("bm1:4.1 keeps the official unit % but is a count, and says why", () => {
    const i = indicatorById("bm1:4.1")!;
    expect(i.unit).toBe("%");
    expect(i.kind).toBe("count");
    expect(i.note).toMatch(/%/);
  });

  test("the relations the issue lists are in the catalog", () => {
    expect(indicatorById("bm3:3.1")!.ratio).toEqual({ numerator: "bm3:3.1.2", denominator: "bm3:3.1.1" });
    expect(indicatorById("bm6:1")!.ratio).toEqual({ numerator: "bm6:1.2", denominator: "bm6:1.1" });
    expect(indicatorById("bm3:1.4")!.sumOf).toEqual(["bm3:1.4.1", "bm3:1.4.2", "bm3:1.4.3"]);
    expect(indicatorById("bm6:2.1")!.sumOf).toEqual(["bm6:2.2", "bm6:2.3", "bm6:2.4", "bm6:2.5"]);
    expect(indicatorById("bm6:2.4")!.sumOf).toEqual(["bm6:2.4.1", "bm6:2.4.2", "bm6:2.4.3"]);
    expect(indicatorById("bm4:1.5")!.sumOf).toEqual(["bm4:1.5.1", "bm4:1.5.2", "bm4:1.5.3"]);
    expect(indicatorById("bm1:2.2")!.atMost).toEqual(["bm1:2.1"]); // tasks done <= tasks set
    for (const id of ["bm3:3.1.2", "bm3:3.2.2", "bm3:3.3.2"]) expect(indicatorById(id)!.atMost).toEqual([id.replace(/2$/, "1")]); // on time <= settled
    expect(indicatorById("bm4:2.2")!.atMost).toEqual(["bm4:2.1"]); // staff present <= assigned
    expect(indicatorById("bm4:3.2")!.atMost).toEqual(["bm4:3.1"]);
    expect(indicatorById("bm5:4")!.sumStrength).toBe("weak");
  });
});

describe("editions", () => {
  test("editions() lists every level x version with its row counts", () => {
    const eds = editions();
    expect(eds).toHaveLength(4 * 2);
    for (const e of eds) {
      expect(e.rowsPerForm).toHaveLength(7);
      expect(e.rows).toBe(e.rowsPerForm.reduce((a, b) => a + b, 0));
      e.rowsPerForm.forEach((n, k) => expect(n).toBe(formRows(k + 1, e.level, e.version).length));
    }
  });

  test("the district edition is the commune edition plus the district's own rows", () => {
    const extra = ["bm2:1.2", "bm3:1.4.2", "bm3:3.2", "bm3:3.2.1", "bm3:3.2.2", "bm4:1.5", "bm4:1.5.3", "bm4:3", "bm4:3.1", "bm4:3.2", "bm4:3.3", "bm7:5.1.2", "bm7:5.2.2", "bm7:5.3.2"];
    for (const v of ["v2022-muc-do", "v2023-dvctt"]) {
      for (let f = 1; f <= 7; f++) {
        const xa = formRows(f, "xa", v).map((i) => i.id);
        const huyen = formRows(f, "huyen", v).map((i) => i.id);
        expect(huyen.filter((id) => !xa.includes(id)).every((id) => extra.includes(id))).toBe(true);
        expect(xa.every((id) => huyen.includes(id))).toBe(true);
        // Same printed numbering as the commune edition.
        for (const id of xa) expect(printedCode(indicatorById(id)!, "huyen")).toBe(printedCode(indicatorById(id)!, "xa"));
      }
    }
    expect(labelFor(indicatorById("bm1:3.1")!, "huyen")).toBe("Số phòng chuyên môn đã kiểm tra");
  });

  test("the DVCTT version applies at every level, with the commune numbering of Biểu mẫu 7 section 6", () => {
    const xa = formRows(7, "xa", "v2023-dvctt").filter((i) => i.code.startsWith("6."));
    expect(xa.map((i) => printedCode(i, "xa"))).toEqual([
      "6.4", "6.4.1", "6.4.2", "6.5", "6.5.1", "6.5.2", "6.6", "6.6.1", "6.6.2", "6.7", "6.7.1", "6.7.2", "6.8", "6.8.1", "6.8.2",
    ]);
    expect(formRows(3, "xa", "v2023-dvctt").map((i) => i.id)).toContain("bm3:2.1@v2023-dvctt");
    expect(formRows(3, "xa", "v2023-dvctt").map((i) => i.id)).not.toContain("bm3:2.1@v2022-muc-do");
    for (const level of ["tinh", "huyen", "xa"] as Level[])
      for (const v of ["v2022-muc-do", "v2023-dvctt"]) expect(formRows(7, level, v).map((i) => i.id)).toContain("bm7:6.5");
  });

  test("rowByPrintedCode finds rows with or without the trailing dot", () => {
    expect(rowByPrintedCode(7, "xa", "v2022-muc-do", "6.4.")!.id).toBe("bm7:6.1@v2022-muc-do");
    expect(rowByPrintedCode(7, "tinh", "v2022-muc-do", "6.4")!.id).toBe("bm7:6.4@v2022-muc-do");
    expect(rowByPrintedCode(1, "xa", "v2022-muc-do", "4.")!.id).toBe("bm1:5");
    expect(rowByPrintedCode(1, "xa", "v2022-muc-do", "7.")).toBeUndefined();
    expect(rowByPrintedCode(1, "xa", "v2022-muc-do", "VII.")).toBeUndefined();
  });

  test("relationsIn keeps only the rows of the edition", () => {
    const r = relationsIn(indicatorById("bm3:1.4")!, "xa", "v2022-muc-do");
    expect(r.sumOf).toEqual(["bm3:1.4.3"]);
    expect(relationsIn(indicatorById("bm3:1.4")!, "huyen", "v2022-muc-do").sumOf).toEqual(["bm3:1.4.2", "bm3:1.4.3"]);
    expect(relationsIn(indicatorById("bm5:4")!, "xa", "v2022-muc-do").sumOf).toHaveLength(5);
    expect(relationsIn(indicatorById("bm5:4")!, "tinh", "v2022-muc-do").sumOf).toEqual(["bm5:4.1", "bm5:4.2", "bm5:4.3", "bm5:4.4"]);
    // bm3:3.1 is printed at department level without its parts: no ratio there.
    expect(relationsIn(indicatorById("bm3:3.1")!, "so", "v2022-muc-do").ratio).toBeUndefined();
    expect(relationsIn(indicatorById("bm3:3.1")!, "tinh", "v2022-muc-do").ratio).toBeDefined();
  });

  test("labels and units by level", () => {
    const i = indicatorById("bm4:1.2")!;
    expect(labelFor(i, "xa")).toMatch(/^Tỷ lệ UBND cấp xã đã hoàn thành việc sắp xếp cơ cấu tổ chức/);
    expect(labelFor(i, "tinh")).toMatch(/^Tỷ lệ UBND cấp huyện/);
    expect(unitFor(indicatorById("bm1:3.1")!, "xa")).toBe("Phòng, đơn vị");
    expect(unitFor(indicatorById("bm1:3.1")!, "tinh")).toBe("Cơ quan, đơn vị");
    expect(allFormRows(5).length).toBe(21);
  });
});

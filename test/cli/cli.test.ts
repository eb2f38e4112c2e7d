/**
 * The `cchc` command run in-process through run()/main(): new for every level, validate on the fresh file,
 * on a file filled with figures consistent with the catalog's relations, and with a planted contradiction
 * found at its row and cell. Figures and expected cells are computed from the catalog, not from the output.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { catalog, formRows, Indicator, Level, LEVELS, printedCode, relationsIn, VERSION_IDS } from "../../src/catalog";
import { FIRST_DATA_ROW } from "../../src/spec/layout";
import { cchc } from "../support/cli";
import type { ValidateJson } from "../../src/cli/main";
import { consistentFigures } from "../support/figures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


const VI = /[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i;

function rowOf(form: number, level: Level, version: string, id: string): number {
  const k = formRows(form, level, version).findIndex((i) => i.id === id);
  if (k < 0) throw new Error(`${id} not on the form`);
  return FIRST_DATA_ROW + k;
}

/** Fills the D cells of a file made by `cchc new` the way a user would (ExcelJS), leaving formulas alone. */
async function fill(file: string, level: Level, version: string, figures: Map<string, number>, override: Record<string, number> = {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (let form = 1; form <= 7; form++) {
    const ws = wb.getWorksheet(`Biểu mẫu ${form}`)!;
    for (const ind of formRows(form, level, version)) {
      const cell = ws.getCell(`D${rowOf(form, level, version, ind.id)}`);
      const rel = relationsIn(ind, level, version);
      const val = override[ind.id] ?? figures.get(ind.id);
      if (rel.ratio) {
        // the live formula stays; give it the result Excel would cache
        const n = override[rel.ratio.numerator] ?? figures.get(rel.ratio.numerator)!;
        const d = override[rel.ratio.denominator] ?? figures.get(rel.ratio.denominator)!;
        const f = (cell.value as ExcelJS.CellFormulaValue).formula;
        expect(typeof f).toBe("string");
        cell.value = { formula: f, result: d === 0 ? "" : Math.round((n / d) * 10000) / 100 } as ExcelJS.CellFormulaValue;
      } else if (val !== undefined) cell.value = val;
      else if (ind.kind === "percent") cell.value = 50;
      else if (ind.kind === "enum") cell.value = ind.enum![0].code;
    }
  }
  await wb.xlsx.writeFile(file);
}

const PERIOD = "6T-2023";

describe.each(LEVELS.flatMap((l) => VERSION_IDS.map((v) => [l, v] as const)))("level %s, version %s", (level, version) => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, `${level}-${version}.xlsx`);
    const r = await cchc("new", "-o", file, "--level", level, "--period", PERIOD, "--unit", `Đơn vị ${level}`, "--version", version);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(VI);
  });

  test("a fresh file validates with no errors (exit 0), and carries its unit and period", async () => {
    const r = await cchc("validate", file, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ValidateJson;
    expect(j.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(j.unit).toBe(`Đơn vị ${level}`);
    expect(j.period).toBe(PERIOD);
    expect(j.stamp).toBe("none");
    expect(j.unplaced).toEqual([]);
  });

  test("filled with consistent figures: no errors, no missing-value warnings", async () => {
    const figures = consistentFigures(level, version);
    await fill(file, level, version, figures);
    const r = await cchc("validate", file, "--json");
    const j = JSON.parse(r.out) as ValidateJson;
    expect(j.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(j.findings.filter((f) => f.rule === "missing")).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("planted contradictions are found at their row and cell", () => {
  const level: Level = "tinh";
  const version = VERSION_IDS[0];
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "planted.xlsx");
    expect((await cchc("new", "-o", file, "--level", level, "--period", "N-2023", "--unit", "Tỉnh X")).code).toBe(0);
  });

  test("a total that is not the sum of its parts (Biểu mẫu 3, 1.4) and a part above its whole (Biểu mẫu 1, 2.2 > 2.1)", async () => {
    const figures = consistentFigures(level, version);
    const sum14 = ["bm3:1.4.1", "bm3:1.4.2", "bm3:1.4.3"].reduce((s, p) => s + figures.get(p)!, 0);
    const whole21 = figures.get("bm1:2.1")!;
    await fill(file, level, version, figures, { "bm3:1.4": sum14 + 7, "bm1:2.2": whole21 + 5 });
    const r = await cchc("validate", file, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as ValidateJson;
    const sum = j.findings.find((f) => f.rule === "sum-mismatch" && f.indicator === "bm3:1.4");
    expect(sum).toEqual(
      expect.objectContaining({ form: 3, severity: "error", sheet: "Biểu mẫu 3", cell: `D${rowOf(3, level, version, "bm3:1.4")}`, actual: sum14 + 7, expected: sum14 })
    );
    const part = j.findings.find((f) => f.rule === "part-exceeds-whole" && f.indicator === "bm1:2.2");
    expect(part).toEqual(expect.objectContaining({ form: 1, severity: "error", sheet: "Biểu mẫu 1", cell: `D${rowOf(1, level, version, "bm1:2.2")}` }));
    for (const f of j.findings) {
      expect(Object.keys(f).sort()).toEqual(["actual", "cell", "code", "expected", "form", "indicator", "message", "rule", "severity", "sheet"]);
      expect(f.message).toMatch(VI);
    }
    expect(Object.keys(j).sort()).toEqual(
      ["complete", "file", "findings", "level", "period", "previous", "rulesApplicable", "rulesRun", "stamp", "unit", "unplaced", "values", "version"]
    );

    // the human report groups by form and points at the cell
    const h = await cchc("validate", file);
    expect(h.code).toBe(1);
    const code14 = printedCode(catalog.indicators.find((i) => i.id === "bm3:1.4") as Indicator, level);
    const bm3 = h.out.indexOf("Biểu mẫu 3:");
    expect(bm3).toBeGreaterThan(h.out.indexOf("Biểu mẫu 1:"));
    expect(h.out.slice(bm3)).toContain(`${code14} [Biểu mẫu 3!D${rowOf(3, level, version, "bm3:1.4")}]`);
  });
});

describe("new: arguments and overwriting", () => {
  test("refuses to overwrite an existing file unless --force", async () => {
    const file = path.join(dir, "exists.xlsx");
    fs.writeFileSync(file, "do not touch");
    const r = await cchc("new", "-o", file, "--level", "xa", "--period", "Q1-2023", "--unit", "Xã A");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(VI);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(fs.readFileSync(file, "utf8")).toBe("do not touch");
    const f = await cchc("new", "-o", file, "--level", "xa", "--period", "Q1-2023", "--unit", "Xã A", "--force");
    expect(f.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  test.each([
    [["--level", "tỉnh", "--period", "Q1-2023", "--unit", "A"]],
    [["--level", "tinh", "--period", "Q2-2023", "--unit", "A"]],
    [["--level", "tinh", "--period", "Q1-2023"]],
    [["--level", "tinh", "--period", "Q1-2023", "--unit", "A", "--forms", "1,8"]],
    [["--level", "tinh", "--period", "Q1-2023", "--unit", "A", "--version", "v1999"]],
    [["--level", "tinh", "--period", "Q1-2023", "--unit", "A", "--bogus"]],
  ])("bad arguments %j: one Vietnamese line, exit 2, no file", async (args) => {
    const file = path.join(dir, `bad-${args.join("_").replace(/[^a-z0-9]/gi, "")}.xlsx`);
    const r = await cchc("new", "-o", file, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(VI);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(fs.existsSync(file)).toBe(false);
  });

  test("--forms picks the forms, in order", async () => {
    const file = path.join(dir, "forms.xlsx");
    expect((await cchc("new", "-o", file, "--level", "huyen", "--period", "Q3-2023", "--unit", "Huyện B", "--forms", "7,1,3")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]);
  });
});

describe("validate: unreadable input", () => {
  test("a missing file and a text file: exit 2 with a one-line Vietnamese reason", async () => {
    for (const f of [path.join(dir, "none.xlsx"), path.join(dir, "note.xlsx")]) {
      if (f.endsWith("note.xlsx")) fs.writeFileSync(f, "STT\tChỉ tiêu\n");
      const r = await cchc("validate", f);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(VI);
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });
});

describe("templates and help", () => {
  test("templates --json lists the catalog", async () => {
    const r = await cchc("templates", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.forms).toHaveLength(7);
    expect(j.indicators).toHaveLength(catalog.indicators.length);
    expect(j.forms[0].editions[VERSION_IDS[0]].tinh).toBe(formRows(1, "tinh", VERSION_IDS[0]).length);
  });

  test("templates in Vietnamese", async () => {
    const r = await cchc("templates");
    expect(r.code).toBe(0);
    for (const f of catalog.forms) expect(r.out).toContain(f.title);
  });

  test("--help in Vietnamese; an unknown command exits 2", async () => {
    const h = await cchc("--help");
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/cchc validate/);
    expect(h.out).toMatch(VI);
    const u = await cchc("frobnicate");
    expect(u.code).toBe(2);
    expect(u.err).toMatch(VI);
  });
});

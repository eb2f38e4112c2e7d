/**
 * A unit whose check did not run to its end is "not checked", never "ok" with no findings: a throwing rule
 * (planted in the "<=" rules) leaves its figures counted but flags the unit and carries the check-failed
 * findings as errors; a reading that stopped midway keeps the unit out of the totals (its figures are partial).
 * Shown through readUnitFile / consolidateFiles on real .xlsx bytes, and in the status table and the JSON.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { buildConsolidationStatusSheet, fillForms } from "../../src/spec/consolidate-layout";
import { consolidate } from "../../src/engine/consolidate";
import * as rules from "../../src/engine/rules";
import { writeWorkbook } from "../../src/xlsx/write";
import { consolidateFiles, readUnitFile } from "../../src/xlsx/consolidate-files";
import { runConsolidate } from "../../src/cli/consolidate";
import { statusLabels, unitMessages } from "../../src/i18n/consolidate";
import { unitRows } from "../../src/app/consolidate";
import type { Period } from "../../src/engine/types";
import { addinReport, unitInput } from "./helpers";
import { findingMessage } from "../../src/i18n/findings";

const N2023: Period = { kind: "N", year: 2023 };
const V = "v2022-muc-do";
const OPTS = { level: "huyen" as const, version: V, period: N2023, unit: "H" };
const FIGURES = { "bm3:3.3.1": 7 };

async function unitBytes(unit: string): Promise<Uint8Array> {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period: N2023, unit });
  fillForms(wb, new Map(Object.entries(FIGURES)));
  return new Uint8Array(await writeWorkbook(wb));
}

function breakAtMostRules(): void {
  const real = rules.rulesFor;
  jest
    .spyOn(rules, "rulesFor")
    .mockImplementation((level, version) =>
      real(level, version).map((x) => (x.operator === "<=" ? { ...x, left: undefined as unknown as string[] } : x))
    );
}

afterEach(() => jest.restoreAllMocks());

test("a clean unit file is complete and ok", async () => {
  const u = readUnitFile("a.xlsx", await unitBytes("Xã A"));
  expect(u.read.ok).toBe(true);
  if (!u.read.ok) return;
  expect(u.read.complete).toBe(true);
  const c = consolidate([u], OPTS);
  expect(c.units[0].status).toBe("ok");
});

test("a throwing rule: the unit is not-checked, counted, with its check-failed findings as errors", async () => {
  const files = [
    { name: "a.xlsx", bytes: await unitBytes("Xã A") },
    { name: "b.xlsx", bytes: await unitBytes("Xã B") },
  ];
  const clean = await consolidateFiles(files, OPTS);
  expect(clean.units.map((u) => u.status)).toEqual(["ok", "ok"]);
  // the rules on the xa edition that break below
  expect(rules.rulesFor("xa", V).filter((x) => x.operator === "<=").length).toBeGreaterThan(0);

  breakAtMostRules();
  const logged: string[] = [];
  const u = readUnitFile("a.xlsx", files[0].bytes, undefined, undefined, {
    logger: (f) => logged.push(findingMessage(f)),
  });
  expect(u.read.ok && u.read.complete).toBe(false);
  expect(logged.length).toBeGreaterThan(0);

  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const c = await consolidateFiles(files, OPTS);
  for (const [i, unit] of c.units.entries()) {
    expect(unit.status).toBe("not-checked");
    expect(unit.counted).toBe(true);
    expect(unit.errors).toBeGreaterThan(clean.units[i].errors);
    expect(unitMessages(unit)[0]).toMatch(/^Việc kiểm tra tệp này không chạy hết/);
  }
  // the figures still roll up: the rules are broken, not the reading
  expect(c.rows.find((r) => r.indicatorId === "bm3:3.3.1")!.value).toBe(14);
  // the status table ("Tình trạng tệp") shows it on each unit's row
  const sheet = buildConsolidationStatusSheet(c);
  const rows = sheet.cells.filter((row) =>
    row.some((cell) => cell?.t === "s" && cell.v === statusLabels["not-checked"])
  );
  expect(rows).toHaveLength(2);
  // and the pane's status table never shows it as fine
  expect(unitRows(clean).map((r) => r.status)).not.toContain("error");
  expect(unitRows(c).map((r) => [r.status, r.message?.startsWith(statusLabels["not-checked"])])).toEqual([
    ["error", true],
    ["error", true],
  ]);
});

test("a reading that stopped midway: not-checked and left out of the totals", () => {
  const a = addinReport("xa", V, N2023, "Xã A", FIGURES);
  const b = addinReport("xa", V, N2023, "Xã B", FIGURES);
  b.readFailures = [{ step: "readReport", message: "TypeError: x" }];
  const c = consolidate([unitInput("a.xlsx", a), unitInput("b.xlsx", b)], OPTS);
  expect(c.units[0].status).toBe("ok");
  expect(c.units[1]).toMatchObject({ status: "not-checked", counted: false });
  expect(unitMessages(c.units[1])[0]).toMatch(/^Việc đọc tệp này dừng giữa chừng/);
  expect(c.units[1].errors).toBeGreaterThan(0);
  expect(c.rows.find((r) => r.indicatorId === "bm3:3.3.1")!.value).toBe(7);
});

test("cchc consolidate --json reports the unit as not-checked", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-not-checked-"));
  try {
    const f = path.join(dir, "a.xlsx");
    fs.writeFileSync(f, await unitBytes("Xã A"));
    breakAtMostRules();
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    let out = "";
    jest.spyOn(process.stdout, "write").mockImplementation((s: unknown) => ((out += String(s)), true));
    jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    await runConsolidate([
      f,
      "-o",
      path.join(dir, "out.xlsx"),
      "--level",
      "huyen",
      "--period",
      "N-2023",
      "--unit",
      "H",
      "--json",
    ]);
    const j = JSON.parse(out) as { units: { status: string; errors: number }[] };
    expect(j.units).toHaveLength(1);
    expect(j.units[0].status).toBe("not-checked");
    expect(j.units[0].errors).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

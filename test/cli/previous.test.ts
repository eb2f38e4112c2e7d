/**
 * `cchc validate FILE --previous EARLIER.xlsx …`: real .xlsx files written by the project's writer with
 * figures filled in; the comparison's findings join the report's own, refused files are said with the reason,
 * and the report's own checks still run.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { cchc } from "../support/cli";
import type { ValidateJson } from "../../src/cli/main";
import { natureOf } from "../../src/catalog/nature";
import { fillForms } from "../../src/spec/consolidate-layout";
import { buildFormsWorkbook } from "../../src/spec/layout";
import { parsePeriod } from "../../src/engine/period";
import { writeWorkbook } from "../../src/xlsx/write";
import { consistentFigures } from "../support/figures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-prev-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


const V = "v2022-muc-do";
/** Figures without the rates (the add-in's formulas compute them from their parts). */
function figures(base: number): Map<string, number | string> {
  const m = new Map<string, number | string>();
  for (const [id, v] of consistentFigures("xa", V, base)) if (natureOf(id)?.nature !== "ratio") m.set(id, v);
  return m;
}

async function file(name: string, period: string, unit: string, values: Map<string, number | string>): Promise<string> {
  const wb = buildFormsWorkbook([], { level: "xa", version: V, period: parsePeriod(period)!, unit });
  fillForms(wb, values);
  const p = path.join(dir, name);
  fs.writeFileSync(p, await writeWorkbook(wb));
  return p;
}

test("a year report whose settled files fell below the 6-month report's is an error naming both; another unit's file is refused", async () => {
  const half = figures(20);
  const year = figures(20);
  for (const [id, v] of half) if (natureOf(id)?.nature === "flow") year.set(id, (v as number) * 2);
  year.set("bm3:3.3.1", (half.get("bm3:3.3.1") as number) - 4);
  year.set("bm3:3.3.2", (half.get("bm3:3.3.1") as number) - 4);
  const cur = await file("nam.xlsx", "N-2023", "UBND xã Tân Lập", year);
  const earlier = await file("6t.xlsx", "6T-2023", "UBND xã Tân Lập", half);
  const other = await file("khac.xlsx", "6T-2023", "UBND xã Hòa Bình", half);

  const plain = await cchc("validate", cur, "--json");
  const own = (JSON.parse(plain.out) as ValidateJson).findings;

  const r = await cchc("validate", cur, "--previous", earlier, "--previous", other, "--json");
  const j = JSON.parse(r.out) as ValidateJson;
  expect(r.code).toBe(1);
  expect(j.previous.map((p) => [p.file, p.used, p.reason])).toEqual([
    ["6t.xlsx", true, null],
    ["khac.xlsx", false, "other-unit"],
  ]);
  const prev = j.findings.filter((f) => f.rule.startsWith("previous-") && f.severity !== "info");
  expect(prev.map((f) => `${f.rule} ${f.indicator}`).sort()).toEqual(
    ["previous-decrease bm3:3.3.1", "previous-decrease bm3:3.3.2"].sort()
  );
  const f = prev.find((x) => x.indicator === "bm3:3.3.1")!;
  expect(f.message).toContain("6t.xlsx");
  expect(f.message).toContain("6 tháng đầu năm 2023");
  expect(f.cell).toMatch(/^D\d+$/);
  // the report's own checks ran all the same: every finding without --previous is still there
  for (const o of own) expect(j.findings).toContainEqual(o);

  const text = await cchc("validate", cur, "--previous", other);
  expect(text.out).toContain("Không so sánh với tệp khac.xlsx");
  expect(text.out).toContain("UBND xã Hòa Bình");
});

test("an earlier file that cannot be read is said and the check goes on", async () => {
  const cur = await file("nam2.xlsx", "N-2023", "UBND xã Tân Lập", figures(20));
  const broken = path.join(dir, "hong.xlsx");
  fs.writeFileSync(broken, "không phải tệp Excel");
  const r = await cchc("validate", cur, "--previous", broken, "--json");
  const j = JSON.parse(r.out) as ValidateJson;
  expect(j.previous).toHaveLength(1);
  expect(j.previous[0]).toMatchObject({ used: false, reason: "unreadable" });
  expect(j.previous[0].message).toMatch(/[àáảãạăâđêôơư]/);
  expect(j.values.length).toBeGreaterThan(50);
});

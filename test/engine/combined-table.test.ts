/**
 * Seed 001: a department's appendix as one combined table (sections 1–7 = Biểu mẫu 1–7) with its own
 * numbering. The reference extraction says which catalog row each printed row corresponds to.
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { readReport } from "../../src/engine/reader";
import type { GridSheet, GridValue } from "../../src/engine/types";

import { SEEDS_DIR as SEEDS, REFERENCE } from "../support/shared";

function grid001(): GridSheet {
  const file = readdirSync(SEEDS).find((f) => f.startsWith("001_"))!;
  const lines = readFileSync(path.join(SEEDS, file), "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === "Phụ lục");
  const values: GridValue[][] = [];
  for (const l of lines.slice(start)) {
    if (l.trim() === "") continue;
    values.push(l.split("\t").map((c) => (c.trim() === "" ? null : c.replace(/<\/?i>/g, "").trim())));
  }
  return { name: "Phụ lục", values };
}

interface RefRow {
  key: string;
  code_printed: string;
  label: string;
  maps_to: string | null;
  relation: string;
}

describe("combined table (seed 001)", () => {
  const ref: RefRow[] = JSON.parse(readFileSync(REFERENCE, "utf8")).department_single_table_001.rows;
  const report = readReport([grid001()]);
  const byLabel = new Map<string, string>();
  for (const e of report.entries.values())
    if (e.printedLabel) byLabel.set(e.printedLabel.replace(/\s+/g, " ").trim(), e.indicatorId);

  test("sections open the forms; the layout is a department's", () => {
    expect(report.forms).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.meta.level).toBe("so");
  });

  test("rows the reference maps one-to-one land on that row", () => {
    const same = ref.filter((r) => r.relation === "same" && r.maps_to);
    const wrong: string[] = [];
    let right = 0;
    for (const r of same) {
      const want = r.label.replace(/\s+/g, " ").trim();
      const got = byLabel.get(want) ?? [...byLabel].find(([l]) => l.length > 20 && want.startsWith(l))?.[1];
      if (got === r.maps_to) right++;
      else wrong.push(`${r.key} ${r.label} -> ${got} (want ${r.maps_to})`);
    }
    expect(wrong).toEqual([]);
    expect(right).toBe(same.length);
  });

  test("no row lands on an indicator the reference gives to another row", () => {
    const owner = new Map(ref.filter((r) => r.maps_to).map((r) => [r.maps_to!, r.label.replace(/\s+/g, " ").trim()]));
    const bad: string[] = [];
    for (const [label, id] of byLabel) {
      const o = owner.get(id);
      // a label broken by a page break is read as its first part
      if (o !== undefined && !o.startsWith(label)) bad.push(`${label} -> ${id} (belongs to ${o})`);
    }
    expect(bad).toEqual([]);
  });
});

/** Forms for the text tests: a report of an edition with distinct figures (so a tie to the wrong row shows). */
import { formRows, Level, relationsIn } from "../../src/catalog";
import { percentOf } from "../../src/engine/numbers";
import { emptyReport } from "../../src/engine/report";
import type { Report } from "../../src/engine/types";

/** Every count and money row of the edition gets its own figure; a ratio's numerator stays below its denominator. */
export function distinctReport(level: Level, version: string, seed = 1): Report {
  const r = emptyReport({ level, version, source: "handmade" });
  r.forms = [1, 2, 3, 4, 5, 6, 7];
  const rows = r.forms.flatMap((f) => formRows(f, level, version));
  const value = new Map<string, number>();
  rows.forEach((i, k) => {
    if (i.kind === "count") value.set(i.id, 40 + ((k * 37 + seed * 11) % 900));
    if (i.kind === "money") value.set(i.id, 1000 + ((k * 113 + seed) % 5000));
  });
  for (const i of rows) {
    const rel = relationsIn(i, level, version).ratio;
    if (!rel) continue;
    const n = value.get(rel.numerator);
    const d = value.get(rel.denominator);
    if (n !== undefined && d !== undefined && n > d) value.set(rel.denominator, n + 13);
  }
  // ratio rows hold what their parts make them, as the add-in's forms compute them
  for (const i of rows) {
    const rel = relationsIn(i, level, version).ratio;
    if (!rel) continue;
    const p = percentOf(value.get(rel.numerator), value.get(rel.denominator));
    if (p !== null) value.set(i.id, p);
  }
  rows.forEach((i, k) => {
    const v = value.get(i.id);
    if (v === undefined) return;
    r.entries.set(i.id, {
      indicatorId: i.id,
      value: { state: "value", number: v, raw: v },
      ref: { sheet: `Biểu mẫu ${i.form}`, row: 10 + k, col: 4 },
    });
  });
  return r;
}

/** Figures for tests, computed from the catalog's relations (never typed in by hand). */
import { formRows, Level, relationsIn } from "../../src/catalog";

/** Figures that satisfy every relation of the edition (sums, parts within wholes), computed to a fixed point. */
export function consistentFigures(level: Level, version: string, base = 10): Map<string, number> {
  const rows = [1, 2, 3, 4, 5, 6, 7].flatMap((f) => formRows(f, level, version));
  const v = new Map<string, number>();
  for (const i of rows) {
    if (i.kind === "count") v.set(i.id, base);
    if (i.kind === "money") v.set(i.id, 150 * base);
  }
  const totals = new Set(rows.filter((i) => relationsIn(i, level, version).sumOf).map((i) => i.id));
  for (let pass = 0; pass < 100; pass++) {
    let changed = false;
    const set = (id: string, x: number) => {
      if (v.get(id) !== x) {
        v.set(id, x);
        changed = true;
      }
    };
    for (const i of rows) {
      const rel = relationsIn(i, level, version);
      if (!v.has(i.id)) continue;
      if (rel.sumOf)
        set(
          i.id,
          rel.sumOf.reduce((s, p) => s + (v.get(p) ?? 0), 0)
        );
      if (rel.atLeastSumOf) {
        const s = rel.atLeastSumOf.reduce((a, p) => a + (v.get(p) ?? 0), 0);
        if (v.get(i.id)! < s) set(i.id, s);
      }
      for (const w of rel.atMost) {
        if (!v.has(w) || v.get(i.id)! <= v.get(w)!) continue;
        if (totals.has(i.id)) set(w, v.get(i.id)!);
        else set(i.id, v.get(w)!);
      }
    }
    if (!changed) return v;
  }
  throw new Error("figures did not settle");
}

/**
 * Caches for the reader's label matching, shared across the files of one consolidation (and the rows of one
 * file): 200 communes typed from one template print the same rows, so the edition choice and the row-to-
 * indicator assignment are computed once per template instead of once per file.
 *
 * Everything cached is a pure function of catalog data and of the rows' matching fields (form, STT, label,
 * hints — every primitive field of a row except its position in the file), so sharing it across files is
 * safe. The caches are bounded: past `max` entries the oldest are dropped.
 */

/** A Map that keeps at most `max` entries, dropping the oldest inserted first. */
export class BoundedMap<K, V> {
  private readonly m = new Map<K, V>();
  constructor(readonly max: number) {}
  get(k: K): V | undefined {
    return this.m.get(k);
  }
  set(k: K, v: V): void {
    if (!this.m.has(k) && this.m.size >= this.max) {
      const oldest = this.m.keys().next();
      if (!oldest.done) this.m.delete(oldest.value);
    }
    this.m.set(k, v);
  }
  get size(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
}

/** Fields of a row that say where it is, not what it is: left out of the signature. */
const POSITION_FIELDS = new Set(["sheet", "row", "seq", "valueCol", "pctCol"]);

/**
 * The matching signature of one row: every own field holding a string, number or boolean, except its
 * position (sheet, row, value column, sequence). Recomputed on every call: the reader settles a row's form
 * after a first matching, so a memo per row object could go stale.
 */
export function rowSignature(r: object): string {
  const rec = r as Record<string, unknown>;
  const parts: string[] = [];
  // fields in the order the reader sets them (the same code builds every row, so the order is the same)
  for (const f of Object.keys(rec)) {
    if (POSITION_FIELDS.has(f)) continue;
    const v = rec[f];
    if (v === undefined || v === null) continue;
    const t = typeof v;
    if (t === "string" || t === "number" || t === "boolean") parts.push(`${f}=${t === "string" ? v : String(v)}`);
  }
  return parts.join("\u0002");
}

/**
 * The signature of a list of rows, in order (ties between equal scores are broken by file order, so the
 * order is part of what the matching depends on); undefined when the rows are not in file order (then the
 * caller computes without the cache).
 */
export function rowsSignature<T extends { seq: number }>(rows: readonly T[]): string | undefined {
  let last = -Infinity;
  const parts: string[] = [];
  for (const r of rows) {
    if (!(r.seq > last)) return undefined;
    last = r.seq;
    parts.push(rowSignature(r));
  }
  return parts.join("\u0001");
}

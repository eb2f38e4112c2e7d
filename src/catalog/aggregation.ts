/**
 * Consolidation rules per level pair (consolidating level ← subordinate level), loaded from
 * aggregation.json and checked with zod and against the catalog when first used.
 *
 * For every indicator of the consolidating level's edition the rule says how the total is made and which
 * indicator(s) of the subordinate edition feed it. The default comes from forms.json `aggregate`
 * (the same indicator id in the subordinate edition); a row the subordinate edition does not have becomes
 * "own"; a ratio whose numerator or denominator is not summed becomes "own". The JSON's overrides,
 * each with a reason, change the default.
 */
import { z } from "zod";
import raw from "./aggregation.json";
import {
  aggregateSchema,
  Aggregate,
  catalog,
  formRows,
  Indicator,
  indicatorById,
  isValueRow,
  Level,
  levelSchema,
} from "./index";

const pairKeySchema = z.string().regex(/^(\*|(tinh|so|huyen|xa)<-(tinh|so|huyen|xa))$/);

export const aggregationSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    pairs: z.array(z.object({ target: levelSchema, source: levelSchema, note: z.string().min(1) }).strict()).min(1),
    overrides: z.array(
      z
        .object({
          pairs: z.array(pairKeySchema).min(1),
          indicators: z.array(z.string()).min(1),
          rule: aggregateSchema,
          from: z.array(z.string()).min(1).optional(),
          reason: z.string().min(1),
        })
        .strict()
    ),
  })
  .strict();
export type AggregationFile = z.infer<typeof aggregationSchema>;

export interface AggRule {
  /** Indicator of the consolidating level's edition. */
  indicatorId: string;
  rule: Aggregate;
  /** Indicators of the subordinate edition whose figures are taken (sum: added; enums: the unit's code). */
  from: string[];
  /** For ratio: the consolidating edition's numerator and denominator rows. */
  parts?: { numerator: string; denominator: string };
  /** Why the rule differs from the catalog default (Vietnamese, from aggregation.json). */
  reason?: string;
  /** "default" when derived from forms.json, "override" when written in aggregation.json. */
  origin: "default" | "override";
}

export function pairKey(target: Level, source: Level): string {
  return `${target}<-${source}`;
}

let checked: AggregationFile | undefined;

/** The parsed and cross-checked aggregation file (throws on a defect in the shipped data, not user data). */
export function aggregationFile(): AggregationFile {
  if (checked) return checked;
  const f = aggregationSchema.parse(raw);
  const pairs = new Set(f.pairs.map((p) => pairKey(p.target, p.source)));
  for (const o of f.overrides) {
    for (const k of o.pairs) if (k !== "*" && !pairs.has(k)) throw new Error(`aggregation: unknown pair ${k}`);
    for (const id of [...o.indicators, ...(o.from ?? [])]) {
      if (!indicatorById(id)) throw new Error(`aggregation: unknown indicator ${id}`);
    }
    if (o.from && o.indicators.length !== 1)
      throw new Error(`aggregation: "from" needs exactly one indicator (${o.indicators.join(",")})`);
    if (o.from && !["sum", "any", "survey-mode", "count-by-code"].includes(o.rule))
      throw new Error(`aggregation: "from" with rule ${o.rule}`);
  }
  checked = f;
  return f;
}

/** Level pairs this project consolidates. */
export function consolidationPairs(): { target: Level; source: Level; note: string }[] {
  return aggregationFile().pairs;
}

/** Subordinate levels a level consolidates (tinh: huyen, so, xa; huyen: xa). */
export function sourceLevels(target: Level): Level[] {
  return consolidationPairs()
    .filter((p) => p.target === target)
    .map((p) => p.source);
}

const cache = new Map<string, Map<string, AggRule>>();

/**
 * The rule for every row of the consolidating edition (target level, version) when the files come from
 * `source` units, keyed by indicator id, in printed order (forms 1–7).
 * Empty when the pair is not one this project consolidates.
 */
export function aggregationRules(target: Level, source: Level, version: string): Map<string, AggRule> {
  const key = `${pairKey(target, source)}|${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = new Map<string, AggRule>();
  const f = aggregationFile();
  if (
    !f.pairs.some((p) => p.target === target && p.source === source) ||
    !catalog.versions.some((v) => v.id === version)
  ) {
    cache.set(key, out);
    return out;
  }
  const targetRows: Indicator[] = [];
  for (let form = 1; form <= 7; form++) targetRows.push(...formRows(form, target, version));
  const sourceIds = new Set<string>();
  for (let form = 1; form <= 7; form++) for (const i of formRows(form, source, version)) sourceIds.add(i.id);

  // defaults from the catalog
  for (const i of targetRows) {
    out.set(i.id, defaultRule(i, sourceIds));
  }
  // overrides, later ones win
  const pk = pairKey(target, source);
  for (const o of f.overrides) {
    if (!o.pairs.includes("*") && !o.pairs.includes(pk)) continue;
    for (const id of o.indicators) {
      const cur = out.get(id);
      if (!cur) continue; // not in this edition
      const from = o.from ?? (["sum", "any", "survey-mode", "count-by-code"].includes(o.rule) ? [id] : []);
      const r: AggRule = { indicatorId: id, rule: o.rule, from, reason: o.reason, origin: "override" };
      if (o.rule === "ratio") {
        const ind = indicatorById(id)!;
        if (ind.ratio) r.parts = { ...ind.ratio };
      }
      out.set(id, r);
    }
  }
  // a summed rule needs its figures in the subordinate edition
  for (const r of out.values()) {
    if (["sum", "any", "survey-mode", "count-by-code"].includes(r.rule) && r.from.some((s) => !sourceIds.has(s))) {
      out.set(r.indicatorId, { indicatorId: r.indicatorId, rule: "own", from: [], origin: r.origin, reason: r.reason });
    }
  }
  // a ratio is recomputed only from summed parts
  for (const r of out.values()) {
    if (r.rule !== "ratio") continue;
    const p = r.parts;
    const ok = p && out.get(p.numerator)?.rule === "sum" && out.get(p.denominator)?.rule === "sum";
    if (!ok)
      out.set(r.indicatorId, { indicatorId: r.indicatorId, rule: "own", from: [], origin: r.origin, reason: r.reason });
  }
  cache.set(key, out);
  return out;
}

function defaultRule(i: Indicator, sourceIds: Set<string>): AggRule {
  const base = { indicatorId: i.id, origin: "default" as const };
  if (!isValueRow(i)) return { ...base, rule: "none", from: [] };
  switch (i.aggregate) {
    case "ratio":
      return i.ratio ? { ...base, rule: "ratio", from: [], parts: { ...i.ratio } } : { ...base, rule: "own", from: [] };
    case "sum":
    case "any":
    case "survey-mode":
    case "count-by-code":
      return sourceIds.has(i.id) ? { ...base, rule: i.aggregate, from: [i.id] } : { ...base, rule: "own", from: [] };
    case "own":
      return { ...base, rule: "own", from: [] };
    case "none":
    default:
      return { ...base, rule: "none", from: [] };
  }
}

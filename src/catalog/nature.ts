/**
 * Each value row's nature over time (src/catalog/nature.json), for comparing a report with the same unit's
 * earlier reports: flow (counted inside the period's window; `additive: false` for distinct counts such as
 * "procedures with files in the period", which nest but do not add up), cumulative within the year, stock
 * (a state at the cut-off), ratio, enum. Checked by zod and against the catalog when first used: every value
 * row has exactly one entry and no entry names an unknown row.
 */
import { z } from "zod";
import raw from "./nature.json";
import { catalog, isValueRow } from "./index";

export const NATURES = ["flow", "cumulative", "stock", "ratio", "enum", "yearly"] as const;
export type Nature = (typeof NATURES)[number];

export const natureFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    thresholds: z
      .object({
        jump: z
          .object({
            relative: z.number().positive(),
            absolute: z.object({ count: z.number().nonnegative(), money: z.number().nonnegative() }).strict(),
          })
          .strict(),
        swing: z.object({ points: z.number().positive() }).strict(),
      })
      .strict(),
    rows: z.record(
      z.string(),
      z
        .object({ nature: z.enum(NATURES), additive: z.boolean().optional(), reason: z.string().min(1).optional() })
        .strict()
    ),
  })
  .strict();
export type NatureFile = z.infer<typeof natureFileSchema>;
export type NatureEntry = NatureFile["rows"][string];

/** Parses and checks nature data against the catalog; throws on a broken file. */
export function checkNatureFile(data: unknown): NatureFile {
  const f = natureFileSchema.parse(data);
  const ids = new Set(catalog.indicators.map((i) => i.id));
  for (const id of Object.keys(f.rows)) if (!ids.has(id)) throw new Error(`nature: unknown indicator ${id}`);
  for (const i of catalog.indicators) {
    const e = f.rows[i.id];
    if (!isValueRow(i)) {
      if (e) throw new Error(`nature: ${i.id} is a section, it has no figure`);
      continue;
    }
    if (!e) throw new Error(`nature: value row ${i.id} has no nature`);
    if ((i.kind === "percent") !== (e.nature === "ratio"))
      throw new Error(`nature: ${i.id} is ${i.kind}, not ${e.nature}`);
    if ((i.kind === "enum") !== (e.nature === "enum")) throw new Error(`nature: ${i.id} is ${i.kind}, not ${e.nature}`);
    if (e.additive !== undefined && e.nature !== "flow") throw new Error(`nature: additive applies to flows (${i.id})`);
  }
  return f;
}

let loaded: NatureFile | undefined;
export function natureFile(): NatureFile {
  return (loaded ??= checkNatureFile(raw));
}

export function natureOf(id: string): NatureEntry | undefined {
  return natureFile().rows[id];
}

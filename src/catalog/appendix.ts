/**
 * The per-unit appendix's column groups (src/catalog/appendix.json), zod-checked against the catalog: every
 * row it names exists, keys are unique, a rate points at two figure columns of its own group.
 */
import { z } from "zod";
import raw from "./appendix.json";
import { indicatorById } from "./index";

const columnSchema = z
  .object({ key: z.string().min(1), label: z.string().min(1), rows: z.array(z.string()).min(1) })
  .strict();
export const appendixSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    groups: z
      .array(
        z
          .object({
            id: z.string().min(1),
            form: z.number().int().min(1).max(7),
            title: z.string().min(1),
            columns: z.array(columnSchema).min(1),
            rate: z
              .object({
                key: z.string().min(1),
                label: z.string().min(1),
                numerator: z.string(),
                denominator: z.string(),
                /** Units lowest on this rate are listed among the units to watch. */
                watch: z.boolean().optional(),
              })
              .strict()
              .optional(),
          })
          .strict()
      )
      .min(1),
  })
  .strict();
export type AppendixData = z.infer<typeof appendixSchema>;
export type AppendixGroup = AppendixData["groups"][number];

export function checkAppendix(data: unknown): AppendixData {
  const a = appendixSchema.parse(data);
  const keys = new Set<string>();
  for (const g of a.groups) {
    const own = new Set(g.columns.map((c) => c.key));
    for (const c of g.columns) {
      for (const id of c.rows) {
        const i = indicatorById(id);
        if (!i) throw new Error(`appendix: unknown row ${id}`);
        if (i.form !== g.form) throw new Error(`appendix: ${id} is not on Biểu mẫu ${g.form}`);
      }
    }
    for (const k of [...own, ...(g.rate ? [g.rate.key] : [])]) {
      if (keys.has(k)) throw new Error(`appendix: key ${k} twice`);
      keys.add(k);
    }
    if (g.rate && (!own.has(g.rate.numerator) || !own.has(g.rate.denominator)))
      throw new Error(`appendix: rate ${g.rate.key} must use columns of group ${g.id}`);
  }
  return a;
}

let loaded: AppendixData | undefined;
export function appendixData(): AppendixData {
  return (loaded ??= checkAppendix(raw));
}

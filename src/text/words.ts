/**
 * The text wordings (src/catalog/text-words.json), checked by zod when first used: every indicator a
 * concept names must exist in the form catalog and belong to the concept's form.
 */
import { z } from "zod";
import raw from "../catalog/text-words.json";
import { indicatorById } from "../catalog";

const scope = z.enum(["*", "tinh", "so", "huyen", "xa"]);
const concept = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    form: z.number().int().min(1).max(7),
    kind: z.enum(["count", "percent", "money"]),
    indicators: z.partialRecord(scope, z.array(z.string()).min(1)),
    phrases: z.array(z.array(z.string().min(1)).min(1)).min(1),
    exclude: z.array(z.string()),
    sentenceExclude: z.array(z.string()).optional(),
    sentenceNeeds: z.array(z.string()).optional(),
    paragraphNeeds: z.array(z.string()).optional(),
    /** Sections (forms) whose paragraphs may quote it; default the concept's own form. */
    sections: z.array(z.number().int().min(1).max(7)).optional(),
    units: z.array(z.string()),
    whole: z.string().optional(),
    ownLevelOnly: z.boolean().optional(),
    levelInWords: z.boolean().optional(),
    /**
     * For a concept with one indicator per level: a figure whose words name no level is the report's own level
     * ("tỉnh đã ban hành 37 văn bản QPPL" in a province report is row 1.1). Without it such a figure is not tied.
     */
    unscopedOwn: z.boolean().optional(),
  })
  .strict();
export const textWordsSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string(),
    levels: z.object({
      tinh: z.array(z.string()),
      huyen: z.array(z.string()),
      xa: z.array(z.string()),
      mixed: z.array(z.string()),
      other: z.array(z.string()),
    }),
    concepts: z.array(concept).min(1),
    sums: z.array(
      z.object({ target: z.string(), parts: z.array(z.string()).min(2), note: z.string().optional() }).strict()
    ),
  })
  .strict();
export type TextWords = z.infer<typeof textWordsSchema>;
export type Concept = TextWords["concepts"][number];

/** Parses and checks wordings data; throws on a broken file. */
export function checkTextWords(data: unknown): TextWords {
  const w = textWordsSchema.parse(data);
  const ids = new Set(w.concepts.map((c) => c.id));
  if (ids.size !== w.concepts.length) throw new Error("text-words: duplicate concept id");
  for (const c of w.concepts) {
    for (const list of Object.values(c.indicators))
      for (const id of list ?? []) {
        const i = indicatorById(id);
        if (!i) throw new Error(`text-words: ${c.id} names unknown indicator ${id}`);
        if (i.form !== c.form) throw new Error(`text-words: ${c.id} names ${id} of another form`);
      }
    if (c.whole && !ids.has(c.whole)) throw new Error(`text-words: ${c.id} has unknown whole ${c.whole}`);
  }
  for (const s of w.sums)
    for (const id of [s.target, ...s.parts]) if (!ids.has(id)) throw new Error(`text-words: sum names unknown ${id}`);
  return w;
}

let cached: TextWords | undefined;
export function textWords(): TextWords {
  if (!cached) cached = checkTextWords(raw);
  return cached;
}

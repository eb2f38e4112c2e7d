/**
 * The shape of the form catalog (src/catalog/forms.json), checked with zod when the catalog loads.
 * The catalog is data: every row of Biểu mẫu 1–7 is an indicator with a stable id that does not depend
 * on the STT printed on a given level's or version's form.
 */
import { z } from "zod";

// zod can compile parsers with `new Function`; the pane's Content-Security-Policy forbids eval-like code,
// and the catalog is parsed once, so run zod without its JIT everywhere.
z.config({ jitless: true });

export const LEVELS = ["tinh", "so", "huyen", "xa"] as const;
export const levelSchema = z.enum(LEVELS);
/** tinh = province, so = provincial department (sở, ban, ngành), huyen = district (before the 2025 reform), xa = commune. */
export type Level = z.infer<typeof levelSchema>;

export const KINDS = ["section", "count", "percent", "enum", "money", "text"] as const;
export const kindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof kindSchema>;

/**
 * How a figure rolls up from subordinate units to the consolidating unit:
 * - sum: add the units' figures;
 * - ratio: recompute from the summed numerator and denominator (never average percentages);
 * - count-by-code: categorical, reported as the number of units per code;
 * - any: a Có = 1 / Không = 0 row; the consolidated value is 1 if any unit has 1 (the count of units with 1
 *   is shown beside it);
 * - survey-mode: the survey form (Trực tuyến = 0, Phát phiếu = 1, Kết hợp = 2): all units 0 -> 0,
 *   all 1 -> 1, otherwise 2;
 * - own: the consolidating unit's own work, not taken from subordinates;
 * - none: cannot be aggregated (section headers, rates without a base in the form).
 * Level-pair specific rules live in aggregation.json.
 */
export const AGGREGATES = ["sum", "ratio", "count-by-code", "any", "survey-mode", "own", "none"] as const;
export const aggregateSchema = z.enum(AGGREGATES);
export type Aggregate = z.infer<typeof aggregateSchema>;

const idSchema = z.string().regex(/^bm[1-7]:[0-9.]+(@[a-z0-9-]+)?$/);
const codeSchema = z.string().regex(/^\d+(\.\d+)*$/);
const levelMap = <T extends z.ZodTypeAny>(t: T) => z.partialRecord(levelSchema, t);

export const indicatorSchema = z
  .object({
    id: idSchema,
    form: z.number().int().min(1).max(7),
    /** STT on the provincial form, without the trailing dot. */
    code: codeSchema,
    label: z.string().min(1),
    /** Đơn vị tính as the official form prints it (even where it is wrong, e.g. "%" on a count). */
    unit: z.string(),
    /** The true kind of the figure. */
    kind: kindSchema,
    enum: z
      .array(z.object({ code: z.number().int(), label: z.string().min(1) }))
      .min(2)
      .optional(),
    parent: idSchema.optional(),
    ratio: z.object({ numerator: idSchema, denominator: idSchema }).optional(),
    /** This figure must equal the sum of these (a total and its parts). */
    sumOf: z.array(idSchema).min(2).optional(),
    /** "weak": the sum relation is only suggested by the data; broken sums are warnings, not errors. */
    sumStrength: z.enum(["weak"]).optional(),
    /** This figure cannot exceed each of these (a part and its whole). */
    atMost: z.array(idSchema).optional(),
    /** This figure cannot be below the sum of these. */
    atLeastSumOf: z.array(idSchema).optional(),
    levels: z.array(levelSchema).min(1),
    versions: z.array(z.string()).min(1),
    /** Printed STT where a level's form numbers the row differently (the commune form renumbers). */
    codeByLevel: levelMap(codeSchema).optional(),
    /** Wording where a level's form differs from the provincial one. */
    labelByLevel: levelMap(z.string()).optional(),
    unitByLevel: levelMap(z.string()).optional(),
    /** Other wordings seen in real reports, used to recognise rows in hand-made files. */
    labelVariants: z.array(z.string()).optional(),
    unitVariants: z.array(z.string()).optional(),
    aggregate: aggregateSchema,
    note: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const catalogSchema = z
  .object({
    schemaVersion: z.literal(1),
    versions: z.array(z.object({ id: z.string(), name: z.string(), default: z.boolean() }).strict()).min(1),
    forms: z
      .array(
        z
          .object({ number: z.number().int().min(1).max(7), title: z.string(), titleVariants: z.array(z.string()) })
          .strict()
      )
      .length(7),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();
export type Catalog = z.infer<typeof catalogSchema>;
export type FormInfo = Catalog["forms"][number];

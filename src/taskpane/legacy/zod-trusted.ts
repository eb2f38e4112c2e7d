/**
 * A stand-in for zod in the IE11 build (webpack.legacy.js aliases `zod` here). zod 4 needs Proxy and
 * Reflect, which IE11 lacks and no polyfill can provide. The catalog is shipped data already proven by the
 * test suite with the real zod (test/catalog), so the legacy pane trusts it: every schema built with this
 * stand-in accepts its input unchanged. The catalog's own referential checks (src/catalog/index.ts) still run.
 */
export interface TrustedSchema {
  parse<T>(data: T): T;
  safeParse<T>(data: T): { success: true; data: T };
  [method: string]: unknown;
}

const CHAIN = (
  "min max length int positive nonnegative negative nonpositive gt gte lt lte multipleOf finite regex email url uuid " +
  "trim toLowerCase toUpperCase startsWith endsWith includes nonempty optional nullable nullish default catch describe " +
  "meta refine superRefine check transform pipe brand readonly strict passthrough strip loose extend merge partial " +
  "required pick omit keyof array or and"
).split(" ");

function schema(): TrustedSchema {
  const s = {
    parse: <T>(data: T): T => data,
    safeParse: <T>(data: T) => ({ success: true as const, data }),
  } as TrustedSchema;
  for (let i = 0; i < CHAIN.length; i++) s[CHAIN[i]] = () => s;
  return s;
}

const BUILDERS = (
  "string number boolean bigint date literal enum nativeEnum object strictObject looseObject array tuple union " +
  "discriminatedUnion intersection record partialRecord map set optional nullable any unknown never null undefined " +
  "lazy custom instanceof void"
).split(" ");

export const z: Record<string, (...args: unknown[]) => TrustedSchema> = {};
for (let i = 0; i < BUILDERS.length; i++) z[BUILDERS[i]] = () => schema();
/** z.config({ jitless }) and the like: nothing to configure. */
z.config = () => schema();

export default z;

/**
 * The form catalog: loaded once from forms.json, checked by zod and for referential integrity,
 * and queried by level and version to give the rows of each official form ("edition").
 */
import raw from "./forms.json";
import { Catalog, catalogSchema, Indicator, Level, LEVELS } from "./schema";

export * from "./schema";

function check(c: Catalog): Catalog {
  const ids = new Map(c.indicators.map((i) => [i.id, i]));
  if (ids.size !== c.indicators.length) throw new Error("catalog: duplicate indicator id");
  const versionIds = new Set(c.versions.map((v) => v.id));
  for (const i of c.indicators) {
    const refs = [i.parent, i.ratio?.numerator, i.ratio?.denominator, ...(i.sumOf ?? []), ...(i.atMost ?? []), ...(i.atLeastSumOf ?? [])];
    for (const r of refs) {
      if (r === undefined) continue;
      const t = ids.get(r);
      if (!t) throw new Error(`catalog: ${i.id} refers to unknown ${r}`);
      if (t.form !== i.form) throw new Error(`catalog: ${i.id} refers across forms to ${r}`);
    }
    for (const v of i.versions) if (!versionIds.has(v)) throw new Error(`catalog: ${i.id} has unknown version ${v}`);
    if (i.kind === "enum" && !i.enum) throw new Error(`catalog: enum ${i.id} without codes`);
    if (i.ratio && i.kind !== "percent") throw new Error(`catalog: ratio ${i.id} is not a percent`);
  }
  return c;
}

export const catalog: Catalog = check(catalogSchema.parse(raw));
const byId = new Map(catalog.indicators.map((i) => [i.id, i]));

export const VERSION_IDS = catalog.versions.map((v) => v.id);
export const DEFAULT_VERSION = (catalog.versions.find((v) => v.default) ?? catalog.versions[0]).id;
export const FORM_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;

export function isLevel(s: string): s is Level {
  return (LEVELS as readonly string[]).includes(s);
}

export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}

export function formInfo(form: number) {
  const f = catalog.forms.find((x) => x.number === form);
  if (!f) throw new Error(`no form ${form}`);
  return f;
}

/** The rows of one form as the given level fills it in the given version, in printed order. */
export function formRows(form: number, level: Level, version: string = DEFAULT_VERSION): Indicator[] {
  return catalog.indicators.filter((i) => i.form === form && i.levels.includes(level) && i.versions.includes(version));
}

/** Every indicator of a form in any level or version (for recognising rows in hand-made files). */
export function allFormRows(form: number): Indicator[] {
  return catalog.indicators.filter((i) => i.form === form);
}

export function printedCode(i: Indicator, level: Level): string {
  return i.codeByLevel?.[level] ?? i.code;
}

export function labelFor(i: Indicator, level: Level): string {
  return i.labelByLevel?.[level] ?? i.label;
}

export function unitFor(i: Indicator, level: Level): string {
  return i.unitByLevel?.[level] ?? i.unit;
}

/** Rows that carry a figure (everything but section headers). */
export function isValueRow(i: Indicator): boolean {
  return i.kind !== "section";
}

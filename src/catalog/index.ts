/**
 * The form catalog: loaded once from forms.json, checked by zod and for referential integrity,
 * and queried by level and version to give the rows of each official form ("edition").
 *
 * Levels (decisions recorded here, see also each indicator's note):
 * - tinh = the provincial form (seeds 000, 002); so = the department's share of it (001 equivalents).
 * - xa = exactly the rows the commune seed 004 prints. 004 is the district/commune edition of the forms
 *   (Biểu mẫu 2 says "của cấp huyện", Biểu mẫu 1 "Số phòng chuyên môn đã kiểm tra"), filled by a commune.
 * - huyen (district, before the 2025 reform) = that same edition filled by a district: every xa row (what a
 *   district reports for itself and its communes, same printed numbering: BM1 renumbered after the
 *   province-only row 4, BM7 section 6 from 6.4) plus the district's own rows the commune leaves out:
 *   bm2:1.2 (VBQPPL cấp huyện), bm3:1.4.2 (TTHC cấp huyện), bm3:3.2–3.2.2 (hồ sơ at UBND cấp huyện),
 *   bm4:1.5 + 1.5.3 and bm4:3–3.3 (public service units and their staff belong to the district),
 *   bm7:5.1.2, 5.2.2, 5.3.2 (the district's own connection / e-document rates).
 * - Versions are wordings of the whole form set, so the v2023-dvctt rows (Biểu mẫu 3 section 2, Biểu mẫu 7
 *   section 6) apply at every level where the v2022 rows they replace apply, with the commune/district
 *   numbering offset in Biểu mẫu 7 section 6 (6.1 -> 6.4 ... 6.5 -> 6.8).
 *
 * Relations (ratio, sumOf, atMost, atLeastSumOf) name indicators of every edition; within one edition only
 * the rows of that edition take part (see relationsIn): at xa, Biểu mẫu 3 "1.4 = 1.4.3" is what remains of
 * "1.4 = 1.4.1 + 1.4.2 + 1.4.3".
 */
import raw from "./forms.json";
import { Catalog, catalogSchema, Indicator, Level, LEVELS } from "./schema";

export * from "./schema";

function check(c: Catalog): Catalog {
  const ids = new Map(c.indicators.map((i) => [i.id, i]));
  if (ids.size !== c.indicators.length) throw new Error("catalog: duplicate indicator id");
  const versionIds = new Set(c.versions.map((v) => v.id));
  for (const i of c.indicators) {
    const refs = [
      i.parent,
      i.ratio?.numerator,
      i.ratio?.denominator,
      ...(i.sumOf ?? []),
      ...(i.atMost ?? []),
      ...(i.atLeastSumOf ?? []),
    ];
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
  // Within one edition (level, version) a form never prints the same STT twice.
  for (const level of LEVELS)
    for (const v of versionIds) {
      const seen = new Set<string>();
      for (const i of c.indicators) {
        if (!i.levels.includes(level) || !i.versions.includes(v)) continue;
        const key = `${i.form}:${i.codeByLevel?.[level] ?? i.code}`;
        if (seen.has(key)) throw new Error(`catalog: ${level}/${v} prints ${key} twice`);
        seen.add(key);
      }
    }
  return c;
}

/** Parses and checks catalog data (zod shape, then referential integrity); throws on a broken catalog. */
export function checkCatalog(data: unknown): Catalog {
  return check(catalogSchema.parse(data));
}

export const catalog: Catalog = checkCatalog(raw);
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

export interface EditionInfo {
  level: Level;
  version: string;
  /** Rows per form, index 0 = Biểu mẫu 1. */
  rowsPerForm: number[];
  rows: number;
}

/** Every (level, version) pair with its row counts: the official forms as each level fills them. */
export function editions(): EditionInfo[] {
  const out: EditionInfo[] = [];
  for (const level of LEVELS)
    for (const version of VERSION_IDS) {
      const rowsPerForm = FORM_NUMBERS.map((f) => formRows(f, level, version).length);
      out.push({ level, version, rowsPerForm, rows: rowsPerForm.reduce((a, b) => a + b, 0) });
    }
  return out;
}

/** True when the indicator is a row of the given edition. */
export function inEdition(i: Indicator, level: Level, version: string = DEFAULT_VERSION): boolean {
  return i.levels.includes(level) && i.versions.includes(version);
}

/** Normalises a printed STT: "3.1.2." -> "3.1.2", " 6.4 " -> "6.4"; undefined when it is not an STT. */
export function normalizeCode(printed: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)*)\.?\s*$/.exec(printed);
  return m ? m[1] : undefined;
}

/** The row of an edition printed with this STT (trailing dot optional), if any. */
export function rowByPrintedCode(form: number, level: Level, version: string, printed: string): Indicator | undefined {
  const code = normalizeCode(printed);
  if (code === undefined) return undefined;
  return formRows(form, level, version).find((i) => printedCode(i, level) === code);
}

/**
 * The relations of an indicator restricted to one edition: references to rows that the edition does not
 * print are dropped (a sum keeps the parts that exist; a ratio or bound whose other side is absent is
 * dropped). A sum left with a single part means equality with that part.
 */
export interface EditionRelations {
  ratio?: { numerator: string; denominator: string };
  sumOf?: string[];
  sumStrength?: "weak";
  atMost: string[];
  atLeastSumOf?: string[];
}
export function relationsIn(i: Indicator, level: Level, version: string = DEFAULT_VERSION): EditionRelations {
  const has = (id: string) => {
    const t = byId.get(id);
    return t !== undefined && inEdition(t, level, version);
  };
  const out: EditionRelations = { atMost: (i.atMost ?? []).filter(has) };
  if (i.ratio && has(i.ratio.numerator) && has(i.ratio.denominator)) out.ratio = { ...i.ratio };
  const sum = (i.sumOf ?? []).filter(has);
  if (sum.length > 0) {
    out.sumOf = sum;
    if (i.sumStrength) out.sumStrength = i.sumStrength;
  }
  const least = (i.atLeastSumOf ?? []).filter(has);
  if (least.length > 0) out.atLeastSumOf = least;
  return out;
}

/** Every wording known for a row at a level: the level's label first, then the others. */
export function labelsFor(i: Indicator, level: Level): string[] {
  const all = [labelFor(i, level), i.label, ...Object.values(i.labelByLevel ?? {}), ...(i.labelVariants ?? [])];
  return all.filter((x, k) => x !== undefined && all.indexOf(x) === k) as string[];
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

/**
 * Between the two versions of the forms (v2022-muc-do: online services "mức độ 3/4"; v2023-dvctt:
 * "toàn trình / một phần"): which rows of the consolidation's version a unit's figures in the other version
 * fill, as data (version-map.json), checked by zod and against the catalog when first used.
 *
 * A mapping fills one row of version `to` with the sum of rows of version `from` whose meaning together is
 * the same (each with its reason); rows common to both versions keep their id and need no mapping. The
 * `unmapped` entries say why the other version-specific rows cannot be filled (mức độ 4 is not toàn trình).
 */
import { z } from "zod";
import raw from "./version-map.json";
import { catalog, indicatorById, isValueRow } from "./index";

const idSchema = z.string().regex(/^bm[1-7]:[0-9.]+(@[a-z0-9-]+)?$/);

export const versionMapSchema = z
  .object({
    schemaVersion: z.literal(1),
    note: z.string().optional(),
    mappings: z.array(
      z
        .object({
          from: z.string().min(1),
          to: z.string().min(1),
          target: idSchema,
          sources: z.array(idSchema).min(1),
          reason: z.string().min(20),
        })
        .strict()
    ),
    unmapped: z.array(z.object({ ids: z.array(idSchema).min(1), reason: z.string().min(20) }).strict()),
  })
  .strict();
export type VersionMapFile = z.infer<typeof versionMapSchema>;
export type VersionMapping = VersionMapFile["mappings"][number];

/** Parses and cross-checks version-map data; throws on a defect in the shipped data (never on user data). */
export function checkVersionMap(data: unknown): VersionMapFile {
  const f = versionMapSchema.parse(data);
  const versions = new Set(catalog.versions.map((v) => v.id));
  const targets = new Set<string>();
  for (const m of f.mappings) {
    if (!versions.has(m.from) || !versions.has(m.to) || m.from === m.to)
      throw new Error(`version map: bad versions ${m.from} -> ${m.to}`);
    const t = indicatorById(m.target);
    if (!t) throw new Error(`version map: unknown indicator ${m.target}`);
    if (!t.versions.includes(m.to) || t.versions.includes(m.from))
      throw new Error(`version map: ${m.target} is not a row of ${m.to} only`);
    if (t.kind === "percent" || !isValueRow(t)) throw new Error(`version map: ${m.target} is a ratio or a section`);
    const key = `${m.from}>${m.target}`;
    if (targets.has(key)) throw new Error(`version map: ${m.target} mapped twice from ${m.from}`);
    targets.add(key);
    for (const s of m.sources) {
      const i = indicatorById(s);
      if (!i) throw new Error(`version map: unknown indicator ${s}`);
      if (!i.versions.includes(m.from) || i.versions.includes(m.to))
        throw new Error(`version map: ${s} is not a row of ${m.from} only`);
      if (i.form !== t.form || i.kind !== t.kind)
        throw new Error(`version map: ${s} and ${m.target} differ in form or kind`);
    }
  }
  const listed = new Set<string>();
  for (const u of f.unmapped)
    for (const id of u.ids) {
      if (!indicatorById(id)) throw new Error(`version map: unknown indicator ${id}`);
      if (f.mappings.some((m) => m.target === id)) throw new Error(`version map: ${id} is both mapped and unmapped`);
      listed.add(id);
    }
  // every version-specific figure (not a ratio) is either filled by a mapping or said not to be
  for (const i of catalog.indicators) {
    if (i.versions.length === versions.size || !isValueRow(i) || i.ratio) continue;
    if (!f.mappings.some((m) => m.target === i.id) && !listed.has(i.id))
      throw new Error(`version map: ${i.id} is neither mapped nor listed as unmapped`);
  }
  return f;
}

let checked: VersionMapFile | undefined;
export function versionMapFile(): VersionMapFile {
  return (checked ??= checkVersionMap(raw));
}

/** The mappings that fill rows of version `to` from a unit's figures in version `from`. */
export function versionMappings(from: string, to: string): VersionMapping[] {
  return versionMapFile().mappings.filter((m) => m.from === from && m.to === to);
}

/** Why a version-specific row is not filled from the other version (undefined when it is mapped or common). */
export function unmappedReason(id: string): string | undefined {
  return versionMapFile().unmapped.find((u) => u.ids.includes(id))?.reason;
}

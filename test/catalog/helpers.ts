/** Test helpers local to the catalog tests (deliberately not the engine's number parser). */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";

import { SEEDS_DIR, REFERENCE } from "../support/shared";
export { SEEDS_DIR, REFERENCE };

export function seedText(seed: string): string {
  const f = readdirSync(SEEDS_DIR).find((x) => x.startsWith(`${seed}_`));
  if (!f) throw new Error(`no seed ${seed}`);
  return readFileSync(path.join(SEEDS_DIR, f), "utf8");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function reference(): any {
  return JSON.parse(readFileSync(REFERENCE, "utf8"));
}

/**
 * Reads a figure written the Vietnamese way: "." groups thousands, "," is the decimal mark; a trailing "%"
 * is dropped. "98.39%" and "32.58" (two digits after the dot) are decimals typed the English way.
 * Blank, "-" and anything else give undefined.
 */
export function num(raw: string): number | undefined {
  let s = raw.trim().replace(/%$/, "").trim();
  if (s === "") return undefined;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d+$/.test(s)) s = s.replace(",", ".");
  else if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Label comparison: NFC, no superscript footnote markers, case, spacing and final punctuation ignored. */
export function normLabel(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .trim()
    .replace(/[.;:]+$/, "")
    .toLowerCase();
}

export const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

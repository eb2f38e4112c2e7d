/**
 * A stable fingerprint of a report's figures, stamped before sending so a later check can tell whether
 * the figures changed since. Pure TypeScript (64-bit FNV-1a over a canonical text), no host crypto.
 * Only the figures count: layout, formatting, labels and where a row sits do not.
 */
import { roundHalfUp } from "./numbers";
import type { ParsedValue, Report } from "./types";

const FNV_OFFSET = BigInt("0xcbf29ce484222325");
const FNV_PRIME = BigInt("0x100000001b3");
const MASK = BigInt("0xffffffffffffffff");

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** 64-bit FNV-1a of a string (UTF-8), as 16 hex digits. */
export function fnv1a64(s: string): string {
  let h = FNV_OFFSET;
  for (const b of utf8(s)) {
    h ^= BigInt(b);
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
}

/** The canonical text of a value: the same figure always gives the same text ("1.946" typed or 1946). */
export function normalisedValue(v: ParsedValue | undefined): string {
  if (!v) return "";
  switch (v.state) {
    case "value": {
      const n = typeof v.number === "number" ? roundHalfUp(v.number, 10) : NaN;
      return Number.isFinite(n) ? "n:" + String(n === 0 ? 0 : n) : "";
    }
    case "na":
      return "na";
    case "missing":
      return "";
    case "text":
      return "t:" + (v.text ?? String(v.raw ?? "")).normalize("NFC").trim().replace(/\s+/g, " ");
    case "error":
      return "e:" + (v.text ?? String(v.raw ?? ""));
  }
  return "";
}

/** Fingerprint of the report's figures: sorted (indicator id, normalised value) pairs, blanks left out. */
export function fingerprint(report: Report): string {
  const pairs: string[] = [];
  for (const [id, e] of report.entries) {
    const v = normalisedValue(e.value);
    if (v !== "") pairs.push(`${id}=${v}`);
  }
  pairs.sort();
  return "fnv1a64:" + fnv1a64(pairs.join("\n"));
}

export type StampState = "none" | "unchanged" | "changed";

/** Compares the report's figures with the stamp it carries. */
export function checkStamp(report: Report): StampState {
  if (!report.stamp || typeof report.stamp.fingerprint !== "string" || report.stamp.fingerprint === "") return "none";
  return report.stamp.fingerprint === fingerprint(report) ? "unchanged" : "changed";
}

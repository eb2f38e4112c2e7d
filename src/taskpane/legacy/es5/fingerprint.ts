/**
 * src/engine/fingerprint.ts without BigInt, for the IE11 build: the same 64-bit FNV-1a, computed on four
 * 16-bit limbs. webpack.legacy.js swaps this module in for the engine's; test/legacy/fingerprint.test.ts
 * proves both give the same fingerprints, so a stamp written in IE11 is recognised by the main pane and the CLI.
 */
// "./numbers": this module is built in place of src/engine/fingerprint.ts (resolved from src/engine/, where the
// build swaps numbers.ts for ./numbers.ts too), and in tests from here; either way the BigInt-free numbers.
import { roundHalfUp } from "./numbers";
import type { ParsedValue, Report } from "../../../engine/types";

/** UTF-8 bytes of a string (lone surrogates encoded as themselves, as the engine's version does). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

// 64-bit values as [bits 0-15, 16-31, 32-47, 48-63].
const OFFSET = [0x2325, 0x8422, 0x9ce4, 0xcbf2]; // 0xcbf29ce484222325
const PRIME = [0x01b3, 0x0000, 0x0100, 0x0000]; // 0x100000001b3

function mulMod64(a: number[], b: number[]): number[] {
  const r = [0, 0, 0, 0];
  let carry = 0;
  for (let k = 0; k < 4; k++) {
    let sum = carry;
    for (let i = 0; i <= k; i++) sum += a[i] * b[k - i];
    r[k] = sum % 0x10000;
    carry = Math.floor(sum / 0x10000);
  }
  return r;
}

function hex4(n: number): string {
  const s = n.toString(16);
  return "0000".slice(s.length) + s;
}

export function fnv1a64(s: string): string {
  let h = OFFSET.slice();
  const bytes = utf8(s);
  for (let i = 0; i < bytes.length; i++) {
    h[0] ^= bytes[i];
    h = mulMod64(h, PRIME);
  }
  return hex4(h[3]) + hex4(h[2]) + hex4(h[1]) + hex4(h[0]);
}

export function normalisedValue(v: ParsedValue | undefined): string {
  if (!v) return "";
  switch (v.state) {
    case "value": {
      const n = typeof v.number === "number" ? roundHalfUp(v.number, 10) : NaN;
      return isFinite(n) ? "n:" + String(n === 0 ? 0 : n) : "";
    }
    case "na":
      return "na";
    case "missing":
      return "";
    case "text":
      return (
        "t:" +
        String(
          v.text !== undefined && v.text !== null ? v.text : String(v.raw !== undefined && v.raw !== null ? v.raw : "")
        )
          .normalize("NFC")
          .trim()
          .replace(/\s+/g, " ")
      );
    case "error":
      return (
        "e:" +
        (v.text !== undefined && v.text !== null ? v.text : String(v.raw !== undefined && v.raw !== null ? v.raw : ""))
      );
  }
  return "";
}

export function fingerprint(report: Report): string {
  const pairs: string[] = [];
  report.entries.forEach((e, id) => {
    const v = normalisedValue(e.value);
    if (v !== "") pairs.push(id + "=" + v);
  });
  pairs.sort();
  return "fnv1a64:" + fnv1a64(pairs.join("\n"));
}

export type StampState = "none" | "unchanged" | "changed";

export function checkStamp(report: Report): StampState {
  if (!report.stamp || typeof report.stamp.fingerprint !== "string" || report.stamp.fingerprint === "") return "none";
  return report.stamp.fingerprint === fingerprint(report) ? "unchanged" : "changed";
}

/**
 * String.prototype.normalize for Internet Explorer 11, which lacks it (core-js does not polyfill it).
 * The engine folds Vietnamese labels with normalize("NFD") / normalize("NFC"); this covers the Latin
 * letters (Vietnamese included) and the combining diacritics exactly as Node does (see normalize.test.ts);
 * characters outside those ranges are left as they are. NFKC/NFKD are treated as NFC/NFD.
 */
import { COMPOSE, DECOMP } from "./normalize-data";

/** Canonical combining class of the combining diacritical marks U+0300–U+036F (0 for everything else). */
export function combiningClass(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x300 || c > 0x36f) return 0;
  if (c <= 0x314) return 230;
  if (c === 0x315 || c === 0x31a || c === 0x358) return 232;
  if (c === 0x31b) return 216;
  if (c === 0x321 || c === 0x322 || c === 0x327 || c === 0x328) return 202;
  if (c >= 0x334 && c <= 0x338) return 1;
  if (c === 0x345) return 240;
  if (c === 0x34f) return 0;
  if (c === 0x35c || c === 0x35f || c === 0x362) return 233;
  if (c === 0x35d || c === 0x35e || c === 0x360 || c === 0x361) return 234;
  if (
    (c >= 0x316 && c <= 0x319) ||
    (c >= 0x31c && c <= 0x320) ||
    (c >= 0x323 && c <= 0x326) ||
    (c >= 0x329 && c <= 0x333) ||
    (c >= 0x339 && c <= 0x33c) ||
    (c >= 0x347 && c <= 0x349) ||
    c === 0x34d ||
    c === 0x34e ||
    (c >= 0x353 && c <= 0x356) ||
    c === 0x359 ||
    c === 0x35a
  )
    return 220;
  return 230;
}

/** Decomposes and puts each run of combining marks in canonical order (stable by class). */
export function toNFD(s: string): string {
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const d = Object.prototype.hasOwnProperty.call(DECOMP, c) ? DECOMP[c] : c;
    for (let j = 0; j < d.length; j++) chars.push(d.charAt(j));
  }
  // Canonical reordering: insertion sort inside each run of non-zero classes (runs are short).
  for (let i = 1; i < chars.length; i++) {
    const cc = combiningClass(chars[i]);
    if (cc === 0) continue;
    let j = i;
    while (j > 0) {
      const prev = combiningClass(chars[j - 1]);
      if (prev <= cc) break;
      const t = chars[j - 1];
      chars[j - 1] = chars[j];
      chars[j] = t;
      j--;
    }
  }
  return chars.join("");
}

/** NFD, then canonical composition of each starter with the marks that are not blocked from it. */
export function toNFC(s: string): string {
  const d = toNFD(s);
  const out: string[] = [];
  let starter = -1;
  let lastClass = 0;
  for (let i = 0; i < d.length; i++) {
    const ch = d.charAt(i);
    const cc = combiningClass(ch);
    if (starter >= 0) {
      const adjacent = starter === out.length - 1;
      if (adjacent || (lastClass !== 0 && lastClass < cc)) {
        const key = out[starter] + ch;
        if (Object.prototype.hasOwnProperty.call(COMPOSE, key)) {
          out[starter] = COMPOSE[key];
          continue;
        }
      }
    }
    if (cc === 0) {
      starter = out.length;
      lastClass = 0;
    } else {
      lastClass = cc;
    }
    out.push(ch);
  }
  return out.join("");
}

export function normalizeString(s: string, form?: string): string {
  const f = form === undefined ? "NFC" : String(form);
  if (f === "NFC" || f === "NFKC") return toNFC(s);
  if (f === "NFD" || f === "NFKD") return toNFD(s);
  throw new RangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
}

/** Installs normalize where the browser has none; returns true when it did. */
export function installNormalize(proto: { normalize?: unknown } = String.prototype as never): boolean {
  if (typeof proto.normalize === "function") return false;
  Object.defineProperty(proto, "normalize", {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function normalize(this: unknown, form?: string) {
      if (this === null || this === undefined)
        throw new TypeError("String.prototype.normalize called on null or undefined");
      return normalizeString(String(this), form);
    },
  });
  return true;
}

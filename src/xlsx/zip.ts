/**
 * A small, bounded zip reader: the central directory is parsed by hand, and only the parts asked for
 * are inflated (fflate), each capped at its declared size so a zip bomb cannot grow memory.
 * Host-free (no fs): runs in Node and in the browser.
 */
import { Inflate, inflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(
    public code: "truncated" | "bad" | "encrypted" | "too-large",
    message?: string
  ) {
    super(message ?? code);
  }
}

const SIG_EOCD = 0x06054b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder("utf-8");

/** The entries of a zip's central directory. Throws ZipError when the archive is truncated or damaged. */
export function listZip(buf: Uint8Array, maxEntries = 10000): Map<string, ZipEntry> {
  const n = buf.length;
  if (n < 22) throw new ZipError("truncated");
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 65535);
  for (let i = n - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && u32(buf, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("truncated");
  const count = u16(buf, eocd + 10);
  const cdSize = u32(buf, eocd + 12);
  const cdOff = u32(buf, eocd + 16);
  if (count === 0xffff || cdOff === 0xffffffff) throw new ZipError("too-large"); // zip64: not an xlsx we accept
  if (count > maxEntries) throw new ZipError("too-large");
  if (cdOff + cdSize > eocd) throw new ZipError("truncated");
  const out = new Map<string, ZipEntry>();
  let p = cdOff;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(buf, p) !== SIG_CEN) throw new ZipError("bad");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const compressedSize = u32(buf, p + 20);
    const size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const localOffset = u32(buf, p + 42);
    if (p + 46 + nameLen > n) throw new ZipError("bad");
    const name = utf8
      .decode(buf.subarray(p + 46, p + 46 + nameLen))
      .replace(/\\/g, "/")
      .replace(/^\//, "");
    out.set(name, { name, method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Finds an entry by name, ignoring case (some writers vary the case of part names). */
export function findEntry(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const e = entries.get(name);
  if (e) return e;
  const low = name.toLowerCase();
  for (const [k, v] of entries) if (k.toLowerCase() === low) return v;
  return undefined;
}

/**
 * A raw-deflate inflater that must stop at `size` bytes of output (e.g. Node's zlib.inflateRawSync with
 * maxOutputLength), throwing when the data would be larger.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

/** Parts compressed to at most this are inflated in one call into a buffer of their declared size. */
const ONE_SHOT_MAX = 256 * 1024;

/**
 * The bytes of one entry, never inflated beyond its declared size (nor `cap`).
 * Throws ZipError("too-large") when the data is larger than declared, "bad" when it is damaged.
 */
export function readEntry(buf: Uint8Array, e: ZipEntry, cap: number, inflater?: Inflater): Uint8Array {
  if (e.flags & 1) throw new ZipError("encrypted");
  if (e.size > cap) throw new ZipError("too-large");
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== SIG_LOC) throw new ZipError("bad");
  const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipError("truncated");
  const data = buf.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError("bad");
    return data;
  }
  if (e.method !== 8) throw new ZipError("bad");
  if (data.length <= ONE_SHOT_MAX) {
    // small parts: one call into a buffer of the declared size (fflate does not grow a given buffer, so
    // a part larger than declared is cut off there; the work is bounded by the small compressed size)
    try {
      return inflateSync(data, { out: new Uint8Array(e.size) });
    } catch {
      throw new ZipError("bad");
    }
  }
  if (inflater) {
    let r: Uint8Array;
    try {
      r = inflater(data, e.size);
    } catch (err) {
      throw new ZipError(
        /RangeError|ERR_BUFFER_TOO_LARGE|maxOutputLength|larger/i.test(
          String((err as Error)?.name) + String((err as Error)?.message) + String((err as { code?: string })?.code)
        )
          ? "too-large"
          : "bad"
      );
    }
    if (r.length > e.size) throw new ZipError("too-large");
    return r;
  }
  const out = new Uint8Array(e.size);
  let pos = 0;
  let over = false;
  const inf = new Inflate((chunk: Uint8Array) => {
    if (pos + chunk.length > out.length) {
      over = true;
      return;
    }
    out.set(chunk, pos);
    pos += chunk.length;
  });
  const STEP = 1 << 16;
  try {
    for (let i = 0; i < data.length && !over; i += STEP) {
      const last = i + STEP >= data.length;
      inf.push(data.subarray(i, Math.min(i + STEP, data.length)), last);
    }
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch {
    throw new ZipError("bad");
  }
  if (over) throw new ZipError("too-large");
  return pos === out.length ? out : out.subarray(0, pos);
}

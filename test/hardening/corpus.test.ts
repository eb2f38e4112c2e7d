/**
 * The corpus is what it claims to be: checked with independent tools (fflate, ExcelJS) so that a
 * reader passing the file cases passes them for the right reason.
 */
import ExcelJS from "exceljs";
import { inflateSync, unzipSync, strFromU8 } from "fflate";
import { bombEntry, BOMB_SIZE, crc32, crcRepeat, deflateRepeat, FILE_CASES, makeCfb, makeZip } from "./corpus";

const byId = (id: string) => {
  const c = FILE_CASES.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

function utf16(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  return out;
}
function indexOfBytes(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

describe("hand-written deflate", () => {
  test.each([1, 2, 258, 259, 260, 1000, 65536 + 17])("inflates back to %i bytes of one value", (n) => {
    const out = inflateSync(deflateRepeat(0x41, n));
    expect(out.length).toBe(n);
    expect(out.every((b) => b === 0x41)).toBe(true);
  });

  test("crc of a repeated byte matches the crc of the bytes", () => {
    const n = 3 * 1024 * 1024 + 5;
    expect(crcRepeat(0x20, n)).toBe(crc32(new Uint8Array(n).fill(0x20)));
  });

  test("the real bomb is small on disk and declares 500 MB", () => {
    const b = bombEntry();
    expect(b.size).toBe(BOMB_SIZE);
    expect(b.compressed.length).toBeLessThan(4 * 1024 * 1024);
  });
});

describe("zip writer", () => {
  test("fflate reads back stored and deflated entries with correct crc", () => {
    const z = makeZip([
      { name: "mimetype", data: new TextEncoder().encode("application/x"), method: 0 },
      { name: "a/b.xml", data: new TextEncoder().encode("<Biểu mẫu/>") },
    ]);
    const files = unzipSync(z);
    expect(strFromU8(files["mimetype"])).toBe("application/x");
    expect(strFromU8(files["a/b.xml"])).toBe("<Biểu mẫu/>");
    // the stored mimetype is readable at offset 38 as ODF requires
    expect(strFromU8(z.subarray(38, 38 + 13))).toBe("application/x");
  });
});

describe("CFB containers", () => {
  test("legacy .xls: OLE2 signature and a Workbook stream name in UTF-16LE", async () => {
    const b = await byId("xls").make();
    expect(Array.from(b.subarray(0, 8))).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(indexOfBytes(b, utf16("Workbook"))).toBeGreaterThan(0);
    expect(indexOfBytes(b, utf16("EncryptionInfo"))).toBe(-1);
  });

  test("encrypted .xlsx: OLE2 signature and EncryptionInfo in UTF-16LE", async () => {
    const b = await byId("encrypted").make();
    expect(Array.from(b.subarray(0, 8))).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(indexOfBytes(b, utf16("EncryptionInfo"))).toBeGreaterThan(0);
    expect(indexOfBytes(b, utf16("EncryptedPackage"))).toBeGreaterThan(0);
  });

  test("sector layout is consistent (directory in sector 1, stream starts inside the file)", () => {
    const b = makeCfb([{ name: "Workbook", data: new Uint8Array(10) }]);
    const dv = new DataView(b.buffer, b.byteOffset);
    expect(dv.getUint16(0x1e, true)).toBe(9);
    const dir = 512 * (1 + dv.getUint32(0x30, true));
    const start = dv.getUint32(dir + 128 + 116, true);
    expect(512 * (1 + start)).toBeLessThan(b.length);
  });
});

describe("zip file cases", () => {
  test("the .xlsm still opens in ExcelJS and carries vbaProject.bin with the macro content type", async () => {
    const b = await byId("xlsm").make();
    const files = unzipSync(b);
    expect(files["xl/vbaProject.bin"]).toBeDefined();
    expect(strFromU8(files["[Content_Types].xml"])).toContain("macroEnabled.main+xml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });

  test("the .ods starts with an uncompressed mimetype entry", async () => {
    const b = await byId("ods").make();
    expect(strFromU8(b.subarray(30, 38))).toBe("mimetype");
    expect(strFromU8(b.subarray(38, 38 + 46))).toBe("application/vnd.oasis.opendocument.spreadsheet");
  });

  test("the truncated and flipped files are no longer readable zips", async () => {
    for (const id of ["truncated", "flipped"]) {
      const b = await byId(id).make();
      expect(b[0]).toBe(0x50); // still starts with PK
      expect(() => unzipSync(b)).toThrow();
    }
  });

  test("the declared bomb lies in its headers only", async () => {
    const b = await byId("bomb-declared").make();
    // central directory record of the sheet: uncompressed size field
    const needle = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    let found = false;
    for (let i = 0; i + 46 < b.length; i++) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 1 && b[i + 3] === 2) {
        const dv = new DataView(b.buffer, b.byteOffset + i);
        const nameLen = dv.getUint16(28, true);
        const name = b.subarray(i + 46, i + 46 + nameLen);
        if (nameLen === needle.length && name.every((x, k) => x === needle[k])) {
          expect(dv.getUint32(24, true)).toBe(0xfffffff0);
          found = true;
        }
      }
    }
    expect(found).toBe(true);
  });

  test("the big sheet holds the announced number of cells", async () => {
    const b = await byId("big-sheet").make();
    const xml = strFromU8(unzipSync(b)["xl/worksheets/sheet1.xml"]);
    expect((xml.match(/<c /g) ?? []).length).toBe(200000);
  });
});

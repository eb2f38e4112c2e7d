/**
 * readWorkbookFile on files it did not write: ExcelJS output (shared and inline strings, formulas without
 * cached values, shared formulas, hidden rows and sheets), hand-assembled parts (namespace prefixes,
 * rich text with phonetic runs, escapes, cells without r=), and files that are not .xlsx at all.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookFile, READ_LIMITS, ReadOutcome } from "../../src/xlsx/read";
import { listZip, readEntry, ZipError } from "../../src/xlsx/zip";
import { readWorkbookBytes, zlibInflater } from "../../src/xlsx/node";

async function excelJsFile(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same package with every shared string moved inline into the cells (<is><t>), as some writers do. */
function inlineStrings(buf: Uint8Array): Uint8Array {
  const files = unzipSync(buf);
  const sst = strFromU8(files["xl/sharedStrings.xml"]);
  const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  delete files["xl/sharedStrings.xml"];
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a, b, i) => `<c ${a}t="inlineStr"${b}><is>${items[Number(i)]}</is></c>`);
    expect(xml).not.toMatch(/t="s"/);
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

function ok(r: ReadOutcome) {
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r;
}

function fails(r: ReadOutcome, code: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  // one line of Vietnamese
  expect(r.reason).not.toMatch(/\n/);
  expect(r.reason).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ]/i);
}

const sample = (wb: ExcelJS.Workbook) => {
  const ws = wb.addWorksheet("Biểu mẫu 1");
  ws.getCell("A1").value = "STT";
  ws.getCell("B1").value = "Chỉ tiêu & <thống kê>";
  ws.getCell("A2").value = "1.";
  ws.getCell("D2").value = 56;
  ws.getCell("D3").value = 12.5;
  ws.getCell("D4").value = { formula: "D3/D2*100" } as ExcelJS.CellFormulaValue; // no cached result
  ws.getCell("D5").value = { formula: "SUM(D2:D3)", result: 68.5 } as ExcelJS.CellFormulaValue;
  ws.getCell("E2").value = true;
  ws.getCell("E3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("C7").value = "=not a formula";
  ws.getRow(6).hidden = true;
  ws.getCell("A6").value = "ẩn";
  const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
  hidden.getCell("B2").value = "x";
};

describe.each([
  ["shared strings", false],
  ["inline strings", true],
])("ExcelJS file with %s", (_name, inline) => {
  let r: Extract<ReadOutcome, { ok: true }>;
  beforeAll(async () => {
    const buf = await excelJsFile(sample);
    r = ok(readWorkbookFile(inline ? inlineStrings(buf) : buf, "a.xlsx"));
  });

  test("Node's zlib path reads the same grids as the fflate path", async () => {
    const buf = await excelJsFile(sample);
    const a = ok(readWorkbookBytes(inline ? inlineStrings(buf) : buf));
    expect(a.sheets).toEqual(r.sheets);
  });

  test("values by type, from A1", () => {
    const s = r.sheets[0];
    expect(s.name).toBe("Biểu mẫu 1");
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values[0][0]).toBe("STT");
    expect(s.values[0][1]).toBe("Chỉ tiêu & <thống kê>");
    expect(s.values[1][0]).toBe("1.");
    expect(s.values[1][3]).toBe(56);
    expect(s.values[2][3]).toBe(12.5);
    expect(s.values[1][4]).toBe(true);
    expect(s.values[2][4]).toEqual({ error: "#DIV/0!" });
    expect(s.values[6][2]).toBe("=not a formula");
    expect(s.formulas![6][2]).toBeNull();
    expect(s.values.length).toBe(7);
    expect(s.values[0].length).toBe(5);
  });

  test("formulas keep their text; a formula without a cached value reads as null", () => {
    const s = r.sheets[0];
    expect(s.formulas![3][3]).toBe("=D3/D2*100");
    expect(s.values[3][3]).toBeNull();
    expect(s.formulas![4][3]).toBe("=SUM(D2:D3)");
    expect(s.values[4][3]).toBe(68.5);
    expect(s.formulas![1][3]).toBeNull();
  });

  test("hidden rows and hidden sheets", () => {
    expect(r.sheets[0].hiddenRows).toEqual([6]);
    expect(r.sheets[0].hidden).toBe(false);
    expect(r.sheets[1].name).toBe("Ẩn");
    expect(r.sheets[1].hidden).toBe(true);
    expect(r.sheets[1].state).toBe("hidden");
    expect(r.sheets[1].values[1][1]).toBe("x");
  });
});

test("shared formulas: the master keeps its text, the children a null formula", async () => {
  const buf = await excelJsFile((wb) => {
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B2" } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as unknown as ExcelJS.CellValue;
  });
  const s = ok(readWorkbookFile(buf)).sheets[0];
  expect(s.formulas![0][1]).toBe("=A1*2");
  expect(s.formulas![1][1]).toBeNull();
  expect(s.values[1][1]).toBe(4);
});

test("a date-formatted number is read as the date text, not as a figure", async () => {
  const buf = await excelJsFile((wb) => {
    const ws = wb.addWorksheet("D");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 2, 15));
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    ws.getCell("A2").value = 1946;
    ws.getCell("A2").numFmt = "#,##0";
  });
  const s = ok(readWorkbookFile(buf)).sheets[0];
  expect(s.values[0][0]).toBe("15/03/2023");
  expect(s.values[1][0]).toBe(1946);
});

// ------------------------------------------------------------------ hand-assembled packages

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  "</Relationships>";

function pkg(sheetXml: string, sst = "", extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CT),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Tờ &amp; 1" sheetId="1" state="veryHidden" r:id="rId1"/></x:sheets></x:workbook>'
    ),
    "xl/_rels/workbook.xml.rels": strToU8(WB_RELS),
    "xl/sharedStrings.xml": strToU8(sst),
    "xl/worksheets/s1.xml": strToU8(sheetXml),
    ...extra,
  });
}

test("namespace prefixes, rich text with phonetic runs, escapes and cells without r=", () => {
  const sst =
    '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    "<x:si><x:t>Một</x:t></x:si>" +
    '<x:si><x:r><x:t xml:space="preserve">Hai </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>ba</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PH</x:t></x:rPh></x:si>' +
    "<x:si><x:t>dòng_x000D_\nmới &#7887; &lt;x&gt;</x:t></x:si>" +
    "<x:si/>" +
    "</x:sst>";
  const sheet =
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row r="2" hidden="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="D2"><x:v>1.5E3</x:v></x:c></x:row>' +
    '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:t>trong ô</x:t></x:is></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c t="s" s="3"/></x:row>' +
    "</x:sheetData></x:worksheet>";
  const r = ok(readWorkbookFile(pkg(sheet, sst)));
  const s = r.sheets[0];
  expect(s.name).toBe("Tờ & 1");
  expect(s.state).toBe("veryHidden");
  expect(s.hiddenRows).toEqual([2]);
  expect(s.values[0]).toEqual([null, null, null, null]);
  expect(s.values[1]).toEqual(["Một", "Hai ba", null, 1500]);
  expect(s.values[2]).toEqual(["dòng\r\nmới ỏ <x>", "trong ô", "ab", null]);
  expect(s.formulas![2][2]).toBe('="a"&"b"');
});

// ------------------------------------------------------------------ files that are not .xlsx

describe("refusals", () => {
  test("empty file", () => fails(readWorkbookFile(new Uint8Array(0)), "empty"));

  const cfb = (withEncryption: boolean) => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = withEncryption ? "EncryptionInfo" : "Workbook";
    for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
    return b;
  };
  test("legacy .xls (OLE container)", () => fails(readWorkbookFile(cfb(false), "bao-cao.xls"), "xls"));
  test("password-protected .xlsx (OLE container with EncryptionInfo)", () => fails(readWorkbookFile(cfb(true), "bao-cao.xlsx"), "encrypted"));
  test("PDF", () => fails(readWorkbookFile(strToU8("%PDF-1.7\n1 0 obj\n"), "a.xlsx"), "not-xlsx"));
  test("plain text", () => fails(readWorkbookFile(strToU8("STT\tChỉ tiêu\n1.\tSố văn bản\t9\n")), "not-xlsx"));
  test("ODS", () =>
    fails(
      readWorkbookFile(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") })),
      "ods"
    ));
  test("DOCX", () =>
    fails(
      readWorkbookFile(
        zipSync({
          "[Content_Types].xml": strToU8(CT),
          "_rels/.rels": strToU8(ROOT_RELS.replace("xl/workbook.xml", "word/document.xml")),
          "word/document.xml": strToU8("<w:document/>"),
        })
      ),
      "not-xlsx"
    ));
  test("truncated .xlsx", async () => {
    const full = await excelJsFile(sample);
    fails(readWorkbookFile(full.subarray(0, Math.floor(full.length / 2))), "corrupt");
  });
  test("file above the size limit", () => {
    const big = new Uint8Array(READ_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    fails(readWorkbookFile(big), "too-large");
  });

  test("zip bomb: refused from the declared sizes before inflating", () => {
    // the limit is lowered for the test so the bomb stays quick to build: 12 MB of one row against 8 MB
    const saved = READ_LIMITS.maxUnzippedBytes;
    READ_LIMITS.maxUnzippedBytes = 8 * 1024 * 1024;
    try {
      const row = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>';
      const unit = strToU8(row.repeat(1000));
      const big = new Uint8Array(12 * 1024 * 1024);
      for (let o = 0; o + unit.length <= big.length; o += unit.length) big.set(unit, o);
      const buf = pkg("", "", { "xl/worksheets/s1.xml": big });
      expect(buf.length).toBeLessThan(big.length / 50);
      fails(readWorkbookFile(buf), "too-large");
    } finally {
      READ_LIMITS.maxUnzippedBytes = saved;
    }
  });

  test("a part larger than its declared size is never inflated beyond it", () => {
    // small compressed part: inflated in one call into a buffer of the declared size, the rest cut off
    const small = zipSync({ "a.xml": new Uint8Array(5 * 1024 * 1024).fill(65) });
    const e = listZip(small).get("a.xml")!;
    expect(e.size).toBe(5 * 1024 * 1024);
    expect(readEntry(small, { ...e, size: 1024 }, 1 << 20).length).toBeLessThanOrEqual(1024);
    expect(readEntry(small, e, 10 << 20).length).toBe(e.size);
    // large compressed part (incompressible bytes): streamed and stopped, with fflate and with zlib
    let x = 12345;
    const noise = new Uint8Array(600 * 1024).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) & 255;
    });
    const big = zipSync({ "b.xml": noise });
    const b = listZip(big).get("b.xml")!;
    expect(b.compressedSize).toBeGreaterThan(256 * 1024);
    const lied = { ...b, size: 1024 };
    expect(() => readEntry(big, lied, 1 << 20)).toThrow(ZipError);
    expect(() => readEntry(big, lied, 1 << 20, zlibInflater)).toThrow(ZipError);
    expect(readEntry(big, b, 10 << 20)).toEqual(noise);
    expect(readEntry(big, b, 10 << 20, zlibInflater)).toEqual(noise);
  });

  test("too many cells in one sheet", () => {
    const saved = READ_LIMITS.maxCellsPerSheet;
    READ_LIMITS.maxCellsPerSheet = 10;
    try {
      const cells = Array.from({ length: 20 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join("");
      fails(readWorkbookFile(pkg(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`)), "too-large");
    } finally {
      READ_LIMITS.maxCellsPerSheet = saved;
    }
  });

  test("garbage inside a zip never throws", () => {
    const r = readWorkbookFile(pkg("<worksheet><sheetData><row><c r='ZZZZZZ'><v>1</v></c><c><v>not a number</v></c></row><c", "<sst><si><t>unterminated"));
    expect(typeof r.ok).toBe("boolean");
  });
});

describe("merged ranges", () => {
  test("<mergeCell ref> is exposed as 1-based inclusive ranges", async () => {
    const buf = await excelJsFile((wb) => {
      const ws = wb.addWorksheet("BM3");
      ws.getCell("D10").value = 3225;
      ws.mergeCells("D10:D12");
      ws.mergeCells("A1:C2");
    });
    const sh = ok(readWorkbookFile(buf)).sheets[0];
    expect(sh.merges).toEqual(
      expect.arrayContaining([
        { r0: 10, c0: 4, r1: 12, c1: 4 },
        { r0: 1, c0: 1, r1: 2, c1: 3 },
      ])
    );
    expect(sh.merges).toHaveLength(2);
    expect(sh.values[9][3]).toBe(3225);
  });

  test("a sheet without merges has none", async () => {
    const buf = await excelJsFile((wb) => {
      wb.addWorksheet("S").getCell("A1").value = 1;
    });
    expect(ok(readWorkbookFile(buf)).sheets[0].merges).toBeUndefined();
  });
});

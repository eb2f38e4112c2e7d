/**
 * `cchc validate --json` says which figure it took from which cell, and `--show` prints them form by form:
 * a hand-made workbook (ExcelJS) with figures planted at known cells — a zero, a blank, "-", a word, a figure
 * typed as text — read back through the command, and every planted cell found with its state and value.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { formRows, isValueRow, labelFor, printedCode } from "../../src/catalog";
import { cchc } from "../support/cli";
import type { ValidateJson } from "../../src/cli/main";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-values-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


const rows = formRows(3, "xa", "v2022-muc-do").filter(isValueRow);
/** What each value row holds: cycling through the states a person produces. */
const planted: (number | string | null)[] = rows.map((_, k) => [7, 0, null, "-", "abc", "12", 3][k % 7]);

async function handmade(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bieu 3");
  ws.getCell("A1").value = "UBND XÃ TÂN LẬP";
  ws.getCell("A3").value = "Biểu mẫu 3";
  ws.getCell("A4").value = "THỐNG KÊ SỐ LIỆU VỀ CẢI CÁCH THỦ TỤC HÀNH CHÍNH";
  ws.getRow(6).values = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"];
  rows.forEach((i, k) => {
    const r = 7 + k;
    ws.getCell(r, 1).value = printedCode(i, "xa");
    ws.getCell(r, 2).value = labelFor(i, "xa");
    const v = planted[k];
    if (v !== null) ws.getCell(r, 4).value = v;
  });
  const file = path.join(dir, "xa-tan-lap.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("--json lists every figure read with its cell, state and value", async () => {
  const file = await handmade();
  const r = await cchc("validate", file, "--json");
  expect(r.err).toBe("");
  const j = JSON.parse(r.out) as ValidateJson;
  expect(j.level).toBe("xa");
  expect(j.version).toBe("v2022-muc-do");
  const byCell = new Map(j.values.map((v) => [v.cell, v]));
  rows.forEach((i, k) => {
    const v = byCell.get(`D${7 + k}`);
    expect(v).toBeDefined();
    expect(v!.indicator).toBe(i.id);
    expect(v!.sheet).toBe("Bieu 3");
    expect(v!.form).toBe(3);
    expect(v!.code).toBe(printedCode(i, "xa"));
    const p = planted[k];
    if (p === null) expect([v!.state, v!.value]).toEqual(["missing", null]);
    else if (p === "-") expect([v!.state, v!.value]).toEqual(["na", null]);
    else if (p === "abc") expect([v!.state, v!.value, v!.raw]).toEqual(["text", null, "abc"]);
    else {
      expect(v!.state).toBe("value");
      expect(v!.value).toBe(Number(p)); // zero included: 0 is a value, not a blank
    }
  });
  // nothing is listed that the file does not hold
  expect(j.values).toHaveLength(rows.length);
});

test("--show prints the figures read, form by form, each with its cell", async () => {
  const file = await handmade();
  const r = await cchc("validate", file, "--show");
  expect(r.out).toContain("Số liệu đã đọc — Biểu mẫu 3:");
  const k = planted.indexOf(7);
  const line = r.out.split("\n").find((l) => l.includes(`Bieu 3!D${7 + k}`));
  expect(line).toBeDefined();
  expect(line).toContain(printedCode(rows[k], "xa"));
  expect(line).toMatch(/\b7\b/);
  const blank = r.out.split("\n").find((l) => l.includes(`Bieu 3!D${7 + planted.indexOf(null)} `));
  expect(blank).toContain("(trống)");
  const text = r.out.split("\n").find((l) => l.includes(`Bieu 3!D${7 + planted.indexOf("abc")} `));
  expect(text).toContain("«abc»");
  // without --show the figures are not listed
  const plain = await cchc("validate", file);
  expect(plain.out).not.toContain("Số liệu đã đọc");
});

/**
 * Acceptance of `cchc validate` on hand-made workbooks laid out like the seeds' appendices
 * (test/fixtures/seeds/workbooks.ts): the contradictions printed in the real reports are found where they are.
 * 002 Biểu mẫu 1: 2. prints 100% while 2.2 / 2.1 = 5 / 41 (12.20%). 004 Biểu mẫu 3: 1.4.3 = 157 above 1.4 = 139.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Io, run, ValidateJson } from "../../src/cli/main";
import { makeSeedWorkbook, SeedLayout } from "../fixtures/seeds/workbooks";
import { readWorkbookPath } from "../../src/xlsx/node";

/** The printed STT and the value in the row of the finding's cell, read from the file itself. */
function rowAt(file: string, sheet: string, cell: string): { stt: unknown; value: unknown } {
  const r = readWorkbookPath(file);
  if (!r.ok) throw new Error(r.reason);
  const sh = r.sheets.find((s) => s.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = sh.values[Number(m[2]) - 1];
  return { stt: String(row[0]).trim(), value: row[col - 1] };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-seeds-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function validateJson(file: string): Promise<{ code: number; j: ValidateJson }> {
  const out: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: () => undefined };
  const code = await run(["validate", file, "--json"], io);
  return { code, j: JSON.parse(out.join("\n")) };
}

describe.each(["one-sheet", "sheet-per-form"] as SeedLayout[])("seed workbooks, %s", (layout) => {
  test("002 Biểu mẫu 1: 2. = 100% against 5/41 is a ratio mismatch on its row", async () => {
    const file = path.join(dir, `002-${layout}.xlsx`);
    fs.writeFileSync(file, await makeSeedWorkbook("002", layout));
    const { code, j } = await validateJson(file);
    expect(code).toBe(1);
    const f = j.findings.find((x) => x.indicator === "bm1:2" && x.rule === "ratio-mismatch");
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect(f!.actual).toBe(100);
    expect(Number(f!.expected)).toBeCloseTo(Math.round((5 / 41) * 10000) / 100, 2);
    expect(rowAt(file, f!.sheet!, f!.cell!)).toEqual({ stt: "2.", value: 100 });
  });

  test("004 Biểu mẫu 3: 1.4.3 = 157 above 1.4 = 139 is a part exceeding its whole", async () => {
    const file = path.join(dir, `004-${layout}.xlsx`);
    fs.writeFileSync(file, await makeSeedWorkbook("004", layout));
    const { code, j } = await validateJson(file);
    expect(code).toBe(1);
    const f = j.findings.find((x) => x.indicator === "bm3:1.4.3" && x.rule === "part-exceeds-whole");
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect(f!.actual).toBe(157);
    expect(rowAt(file, f!.sheet!, f!.cell!)).toEqual({ stt: "1.4.3.", value: 157 });
  });
});

/** StyleSpec.indent → RangeFormat.indentLevel, only where ExcelApi 1.9 has it, without an extra sync. */
import { createExcelHost } from "../../src/excel/host";
import type { SheetSpec, WorkbookSpec } from "../../src/engine/sheet-spec";
import { FakeWorkbook } from "../standin/excel";

function spec(indent?: number): WorkbookSpec {
  const s: SheetSpec = {
    name: "Thụt lề",
    columns: [{ width: 10 }, { width: 40 }],
    cells: [
      [{ t: "s", v: "1." }, { t: "s", v: "Chỉ tiêu" }],
      [{ t: "s", v: "1.1." }, { t: "s", v: "Chỉ tiêu con" }],
    ],
    styles: [
      { range: "A1:B1", style: { bold: true } },
      { range: "B2", style: indent === undefined ? { italic: true } : { italic: true, indent } },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
  };
  return { sheets: [s] };
}

async function write(api: number, indent?: number) {
  const wb = new FakeWorkbook(api);
  wb.addSheet("Sheet1");
  const host = createExcelHost({ run: wb.run, isSetSupported: (_s: string, v: string) => Number(v.split(".")[1]) <= api, settleMs: 1 });
  const res = await host.writeWorkbook(spec(indent), { existing: "keep" });
  return { wb, res, descs: wb.syncLog.flatMap((l) => l.descs) };
}

describe("indent", () => {
  it.each([9, 12, 17])("ExcelApi 1.%i: the cell is indented", async (api) => {
    const { wb, res, descs } = await write(api, 2);
    expect(wb.cell("Thụt lề", "B2")?.indent).toBe(2);
    expect(wb.cell("Thụt lề", "B2")?.italic).toBe(true);
    expect(wb.cell("Thụt lề", "B1")?.indent).toBeUndefined();
    expect(descs.filter((d) => d === "RangeFormat.indentLevel")).toHaveLength(1);
    // no sync of its own: as many as the same sheet without an indent
    const plain = await write(api);
    expect(res.syncs).toBe(plain.res.syncs);
  });

  it("ExcelApi 1.7: indentLevel is never sent (it would fail the whole batch) and the rest is written", async () => {
    const { wb, descs } = await write(7, 2);
    expect(descs).not.toContain("RangeFormat.indentLevel");
    expect(wb.cell("Thụt lề", "B2")?.indent).toBeUndefined();
    expect(wb.cell("Thụt lề", "B2")?.italic).toBe(true);
    expect(wb.value("Thụt lề", "B2")).toBe("Chỉ tiêu con");
  });
});

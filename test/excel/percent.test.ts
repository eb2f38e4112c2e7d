/**
 * readSheets hands the engine the figure a percent-formatted cell shows (0.9975 shown as 99,75% → 99.75),
 * reading the number formats in the same requests as the values.
 */
import { createExcelHost } from "../../src/excel/host";
import { parseValue } from "../../src/engine/values";
import { FakeWorkbook } from "../standin/excel";

function setup() {
  const wb = new FakeWorkbook(17);
  wb.addSheet("Sheet1");
  const host = createExcelHost({ run: wb.run, isSetSupported: (_s: string, v: string) => Number(v.split(".")[1]) <= wb.apiVersion });
  return { wb, host };
}

describe("readSheets and percent formats", () => {
  it('a cell formatted "0.00%" holding 0.9975 reads as 99.75, in as many syncs as before', async () => {
    const { wb, host } = setup();
    wb.setRaw("Sheet1", "A1", { value: "Tỷ lệ" });
    wb.setRaw("Sheet1", "B1", { value: 0.9975, nf: "0.00%" });
    wb.setRaw("Sheet1", "C1", { value: 0.9975 }); // General: the number as stored
    wb.setRaw("Sheet1", "D1", { value: 0.5, nf: '0.0" %"' }); // % only as quoted text
    wb.setRaw("Sheet1", "E1", { value: "99,75%", nf: "0.00%" }); // text stays text
    const { sheets } = await host.readSheets();
    const row = sheets[0].values[0];
    expect(row).toEqual(["Tỷ lệ", 99.75, 0.9975, 0.5, "99,75%"]);
    expect(parseValue(row[1], "percent")).toMatchObject({ state: "value", number: 99.75 });
    // the list, the used ranges, one values request: no extra sync for the formats
    expect(wb.syncLog).toHaveLength(3);
    expect(wb.syncLog[2].descs.filter((d) => d === "Range.load")).toHaveLength(1);
  });

  it("a percentage typed as 99.75% (Excel formats the cell 0.00%) reads as 99.75", async () => {
    const { wb, host } = setup();
    wb.enter(wb.sheet("Sheet1")!, 1, 1, "99.75%");
    wb.enter(wb.sheet("Sheet1")!, 2, 1, "7%");
    const { sheets } = await host.readSheets();
    expect(sheets[0].values).toEqual([[99.75], [7]]);
  });
});

import fs from "fs";
import { readPreviousConsolidation } from "../src/engine/previous-consolidation";
import { readWorkbookFile } from "../src/xlsx/read";
test("x", () => {
  const r = readWorkbookFile(new Uint8Array(fs.readFileSync(process.env.F!)));
  if (!r.ok) throw new Error();
  const p = readPreviousConsolidation(r.sheets)!;
  console.log([...p.units].map(([k, v]) => [k, v.get("bm3:3.3.1")]), p.totals.get("bm3:3.3.1"));
});

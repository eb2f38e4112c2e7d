/**
 * Forms that print clean: every level's and version's `cchc new` workbook (written through the CLI's own
 * command) and a district's consolidated workbook (the consolidation code over a few generated communes)
 * are printed to PDF by LibreOffice headless, in one soffice process. On every page no two text lines
 * may be printed over each other (wrapped labels in rows too short for them did exactly that), and every
 * page is A4, portrait for the forms, landscape for the Tổng hợp and Tình trạng tệp tabs.
 *
 * The figures (pages and overlapping pairs per file) are written to test-artifacts/print/summary.json.
 */
import fs from "fs";
import path from "path";
import { formRows, Indicator, isValueRow, LEVELS, Level, relationsIn, VERSION_IDS } from "../../src/catalog";
import { run } from "../../src/cli/main";
import { consolidate } from "../../src/engine/consolidate";
import { buildAppendix } from "../../src/engine/appendix";
import { buildAppendixSheet } from "../../src/spec/appendix-layout";
import { buildConsolidatedWorkbook } from "../../src/spec/consolidate-layout";
import { writeWorkbook } from "../../src/xlsx/write";
import { addinReport, unitInput } from "../consolidate/helpers";
import { convertToPdf, isA4, LineBox, overlaps, pageSizes, pdfPages } from "./pdf";

jest.setTimeout(180_000);

const OUT = path.resolve(__dirname, "../../test-artifacts/print");
const PERIOD = { kind: "N" as const, year: 2023 };

interface Printed {
  file: string;
  pages: number;
  pairs: [LineBox, LineBox][];
  sizes: { width: number; height: number }[];
  /** Why the pages' orientations are not what the layout intends, or undefined when they are. */
  intended: (sizes: { width: number; height: number }[]) => string | undefined;
}

/** Deterministic figures for a commune's forms: counts, percentages, an enum code, a short text. */
function figures(level: Level, version: string, seed: number): Record<string, number | string> {
  let x = seed * 7919 + 17;
  const rnd = (n: number) => {
    x = (x * 48271) % 2147483647;
    return x % n;
  };
  const out: Record<string, number | string> = {};
  for (let f = 1; f <= 7; f++)
    for (const ind of formRows(f, level, version) as Indicator[]) {
      if (!isValueRow(ind) || relationsIn(ind, level, version).ratio) continue;
      if (ind.kind === "percent") out[ind.id] = rnd(10001) / 100;
      else if (ind.kind === "enum") out[ind.id] = ind.enum?.[0]?.code ?? 0;
      else if (ind.kind === "text") out[ind.id] = "Đã thực hiện đầy đủ theo kế hoạch";
      else out[ind.id] = rnd(500);
    }
  return out;
}

const printed: Printed[] = [];

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const files: { file: string; intended: Printed["intended"] }[] = [];
  const io = { out: () => undefined, err: (s: string) => process.stderr.write(s + "\n") };
  for (const version of VERSION_IDS)
    for (const level of LEVELS) {
      const file = path.join(OUT, `new-${level}-${version}.xlsx`);
      const unit =
        level === "xa"
          ? "UBND xã Tân Phú"
          : level === "huyen"
            ? "UBND huyện Tân Châu"
            : level === "so"
              ? "Sở Nội vụ"
              : "UBND tỉnh Tây Ninh";
      const code = await run(
        ["new", "-o", file, "--level", level, "--period", "N-2023", "--unit", unit, "--version", version],
        io
      );
      expect(code).toBe(0);
      files.push({
        file,
        intended: (s) => (s.every((p) => p.height > p.width) ? undefined : "a form page is not portrait"),
      });
    }
  // four communes per version (the tab fits one page's width), and twelve (pages side by side)
  const communes = ["UBND xã Tân Phú", "UBND xã Suối Dây", "UBND xã Tân Hòa", "UBND xã Tân Hưng"];
  const twelve = Array.from({ length: 12 }, (_, k) => `UBND xã Thạnh Đông ${k + 1}`);
  for (const [version, names] of [
    ...VERSION_IDS.map((v) => [v, communes] as const),
    [VERSION_IDS[1], twelve] as const,
  ]) {
    const units = names.map((u, k) =>
      unitInput(`xa-${k + 1}.xlsx`, addinReport("xa", version, PERIOD, u, figures("xa", version, k + 1)))
    );
    const c = consolidate(units, { level: "huyen", version, period: PERIOD, unit: "UBND huyện Tân Châu" });
    const file = path.join(OUT, `tong-hop-huyen-${names.length}-${version}.xlsx`);
    fs.writeFileSync(file, await writeWorkbook(buildConsolidatedWorkbook(c)));
    // Tổng hợp and Tình trạng tệp (landscape) come first, then the unit's own seven forms (portrait).
    files.push({
      file,
      intended: (s) => {
        const land = s.findIndex((p) => p.height > p.width);
        if (land <= 0) return "the Tổng hợp tab is not printed landscape first";
        if (s.slice(land).some((p) => p.width > p.height)) return "a form page after the tabs is not portrait";
        if (s.length - land < 7) return "fewer than seven form pages";
        return undefined;
      },
    });
  }
  // the per-unit appendix of a hundred communes, alone: landscape, one page wide, header rows on every page
  {
    const names = Array.from({ length: 100 }, (_, k) => `UBND xã Thạnh Đông ${k + 1}${k % 9 === 0 ? " (sáp nhập)" : ""}`);
    const version = VERSION_IDS[0];
    const units = names
      .slice(0, 97)
      .map((u, k) => unitInput(`xa-${k + 1}.xlsx`, addinReport("xa", version, PERIOD, u, figures("xa", version, k + 1))));
    const c = consolidate(units, { level: "huyen", version, period: PERIOD, unit: "UBND huyện Tân Châu", expected: names });
    const file = path.join(OUT, "phu-luc-100.xlsx");
    fs.writeFileSync(file, await writeWorkbook({ sheets: [buildAppendixSheet(c, buildAppendix(c, names))] }));
    files.push({
      file,
      intended: (s) => (s.every((p) => p.width > p.height) ? undefined : "an appendix page is not landscape"),
    });
  }
  const pdfs = convertToPdf(
    files.map((f) => f.file),
    OUT,
    path.join(OUT, "profile")
  );
  pdfs.forEach((pdf, i) => {
    const pages = pdfPages(pdf);
    printed.push({
      file: path.basename(files[i].file),
      pages: pages.length,
      pairs: pages.flatMap(overlaps),
      sizes: pageSizes(pdf),
      intended: files[i].intended,
    });
  });
  fs.writeFileSync(
    path.join(OUT, "summary.json"),
    JSON.stringify(
      printed.map((p) => ({ file: p.file, pages: p.pages, overlappingPairs: p.pairs.length })),
      null,
      1
    )
  );
  const total = printed.reduce((a, p) => ({ pages: a.pages + p.pages, pairs: a.pairs + p.pairs.length }), {
    pages: 0,
    pairs: 0,
  });
  console.log(
    printed.map((p) => `${p.file}: ${p.pages} pages, ${p.pairs.length} overlapping pairs`).join("\n") +
      `\ntotal: ${total.pages} pages, ${total.pairs} overlapping pairs`
  );
});

describe("printing through LibreOffice", () => {
  test("every workbook printed (12 files: 4 levels × 2 versions, 3 consolidations, a 100-unit appendix)", () => {
    expect(printed).toHaveLength(LEVELS.length * VERSION_IDS.length + VERSION_IDS.length + 2);
    for (const p of printed) expect(p.pages).toBeGreaterThanOrEqual(p.file.startsWith("phu-luc") ? 2 : 7);
  });

  test("no two text lines are printed over each other", () => {
    const bad = printed
      .filter((p) => p.pairs.length > 0)
      .map((p) => `${p.file}: ${p.pairs.length} pairs, e.g. "${p.pairs[0][0].text}" over "${p.pairs[0][1].text}"`);
    expect(bad).toEqual([]);
  });

  test("every page is A4, oriented as the layout intends", () => {
    for (const p of printed) {
      expect(p.sizes).toHaveLength(p.pages);
      expect(p.sizes.filter((s) => !isA4(s))).toEqual([]);
      expect(`${p.file}: ${p.intended(p.sizes) ?? "ok"}`).toBe(`${p.file}: ok`);
    }
  });
});

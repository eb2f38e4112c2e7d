/**
 * Printing through LibreOffice, for the print test: one headless soffice call converts several workbooks
 * to PDF (with a throwaway profile that recalculates formulas on load), poppler reads back the page sizes
 * (pdfinfo) and the text line boxes (pdftotext -bbox-layout), and overlaps() finds text printed over text.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

export interface LineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: LineBox[];
}

/**
 * A fresh LibreOffice profile in `dir` whose Calc recalculates every formula of an .xlsx on load
 * (Tools › Options › Calc › Formula › Recalculation on file load › Excel 2007 and newer: Always).
 */
export function makeProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      "</oor:items>",
      "",
    ].join("\n")
  );
  return "file://" + path.resolve(dir);
}

/** Converts the files to PDF in one soffice process; returns the PDF paths (same order). */
export function convertToPdf(files: string[], outDir: string, profileDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = makeProfile(profileDir);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 150_000 }
  );
  const pdfs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.xlsx$/i, ".pdf")));
  const missing = pdfs.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) throw new Error(`soffice made no ${missing.join(", ")}`);
  return pdfs;
}

/** Page sizes in points, from pdfinfo. */
export function pageSizes(pdf: string): { width: number; height: number }[] {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", "100000", pdf], { encoding: "utf8" });
  const sizes: { width: number; height: number }[] = [];
  for (const m of out.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm))
    sizes.push({ width: Number(m[1]), height: Number(m[2]) });
  return sizes;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Every page with its text lines (pdftotext -bbox-layout). */
export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 << 20 });
  const pages: PdfPage[] = [];
  for (const pm of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: LineBox[] = [];
    for (const lm of pm[3].matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g
    )) {
      const words = [...lm[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescapeXml(w[1]));
      lines.push({ x0: Number(lm[1]), y0: Number(lm[2]), x1: Number(lm[3]), y1: Number(lm[4]), text: words.join(" ") });
    }
    pages.push({ width: Number(pm[1]), height: Number(pm[2]), lines });
  }
  return pages;
}

/**
 * Pairs of line boxes printed over each other: they overlap horizontally (by more than 1 pt) and
 * vertically by more than a quarter of the lower box's height. The lines of one wrapped cell touch: their
 * boxes (the font's full height, marks included) are a little taller than LibreOffice's line pitch and
 * overlap by about 15 % of a line; two rows' text printed over each other overlap by half a line or more.
 */
export function overlaps(page: PdfPage): [LineBox, LineBox][] {
  const out: [LineBox, LineBox][] = [];
  const ls = page.lines;
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i];
      const b = ls[j];
      const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (ix > 1 && iy > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) out.push([a, b]);
    }
  return out;
}

/** A4 in points (595.28 × 841.89), either way round. */
export function isA4(s: { width: number; height: number }): boolean {
  const [a, b] = [Math.min(s.width, s.height), Math.max(s.width, s.height)];
  return Math.abs(a - 595.28) < 2 && Math.abs(b - 841.89) < 2;
}

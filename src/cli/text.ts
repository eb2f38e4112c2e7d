/**
 * `cchc crosscheck BAO-CAO.docx [BIEU-MAU.xlsx] [--json]`: the report's body against its forms (exit 0 when
 * nothing is wrong, 1 with errors or warnings, 2 when a file cannot be read), and
 * `cchc draft BIEU-MAU.xlsx -o doan-van.docx|.txt`: the statistical paragraphs drafted from the forms.
 */
import fs from "fs";
import path from "path";
import { parseArgs } from "util";
import { readReport } from "../engine/reader";
import { textVi } from "../i18n/text";
import { countTextFindings, crossCheckBlocks, crossCheckJson, readDocx } from "../text";
import { draftParagraphs, draftDocx, draftPlainText } from "../text/draft";
import { readWorkbookPath } from "../xlsx/node";

export interface TextIo {
  out(s: string): void;
  err(s: string): void;
}

async function crosscheck(args: string[], io: TextIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const c = textVi.cli;
  const [docPath, xlsxPath, ...extra] = positionals;
  if (!docPath) {
    io.err(c.missingReport);
    return 2;
  }
  if (extra.length > 0) {
    io.err(c.missingReport);
    return 2;
  }
  let bytes: Buffer;
  try {
    if (!fs.statSync(docPath).isFile()) throw new Error("not a file");
    bytes = fs.readFileSync(docPath);
  } catch {
    io.err(textVi.read.notFound(docPath));
    return 2;
  }
  const doc = await readDocx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!doc.ok) {
    io.err(doc.reason);
    return 2;
  }
  let forms;
  if (xlsxPath) {
    const read = readWorkbookPath(xlsxPath);
    if (!read.ok) {
      io.err(read.reason);
      return 2;
    }
    forms = readReport(read.sheets, { settings: read.settings });
    if (forms.forms.length === 0) {
      io.err(c.noFormsInXlsx);
      return 2;
    }
  }
  const r = crossCheckBlocks(doc.blocks, forms);
  if (r.paragraphs === 0) {
    io.err(textVi.read.noText);
    return 2;
  }
  if (r.formsFrom === "none") {
    io.err(c.noForms);
    return 2;
  }
  const { errors, warnings, infos } = countTextFindings(r.findings);
  const formsName = xlsxPath ?? c.formsFromDocx;
  if (values.json) {
    io.out(JSON.stringify(crossCheckJson(r, docPath, xlsxPath ?? docPath), null, 2));
  } else {
    io.out(c.header(docPath, formsName));
    io.out(c.tied(r.ties.length, r.figures.length));
    for (const f of r.findings) {
      io.out("");
      const where = f.sheet && f.cell ? c.cell(f.sheet, f.cell) : "";
      io.out(`${c.severity[f.severity]} — ${c.row(f.form, f.code)}${where}, ${c.at(f.paragraph)}: ${f.message}`);
      io.out(c.quote(f.quote));
    }
    io.out("");
    io.out(c.summary(errors, warnings, infos));
  }
  return errors + warnings > 0 ? 1 : 0;
}

async function draft(args: string[], io: TextIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: "string", short: "o" }, force: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const c = textVi.cli;
  const file = positionals[0];
  if (!file) {
    io.err(c.missingForms);
    return 2;
  }
  const out = values.output as string | undefined;
  if (!out || !out.trim()) {
    io.err(c.missingOutput);
    return 2;
  }
  if (!/\.(docx|txt)$/i.test(out)) {
    io.err(c.badOutput);
    return 2;
  }
  const read = readWorkbookPath(file);
  if (!read.ok) {
    io.err(read.reason);
    return 2;
  }
  const report = readReport(read.sheets, { settings: read.settings });
  if (report.forms.length === 0) {
    io.err(c.noFormsInXlsx);
    return 2;
  }
  const target = path.resolve(out);
  if (fs.existsSync(target) && !values.force) {
    io.err(c.exists(out));
    return 2;
  }
  const paras = draftParagraphs(report);
  const data = /\.txt$/i.test(out) ? Buffer.from(draftPlainText(paras), "utf8") : Buffer.from(await draftDocx(paras));
  try {
    fs.writeFileSync(target, data, { flag: values.force ? "w" : "wx" });
  } catch {
    io.err(c.cannotWrite(out));
    return 2;
  }
  io.out(c.drafted(out, paras.filter((p) => p.kind === "text").length));
  return 0;
}

/** Runs `crosscheck` or `draft`; usage mistakes are one Vietnamese line and exit code 2. */
export async function runText(cmd: "crosscheck" | "draft", args: string[], io: TextIo): Promise<number> {
  try {
    return cmd === "crosscheck" ? await crosscheck(args, io) : await draft(args, io);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    if (/Unknown option|argument missing|Unexpected argument/.test(msg)) {
      io.err(cmd === "crosscheck" ? textVi.cli.missingReport : textVi.cli.missingForms);
      return 2;
    }
    throw e;
  }
}

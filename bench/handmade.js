/*
 * Hand-made commune workbooks for the consolidation benchmark (bench/consolidate.js --sets handmade).
 *
 * What a district really receives: each commune typed the forms into a workbook of its own, starting from
 * one of a few templates passed around (the district's file, last year's file, the 2023 wording), so
 * communes of one template print the same rows with the same labels, and some edit a label or two
 * ("bảo đảm" → "đảm bảo", a dropped trailing dot, a remark in brackets). No metadata, no hidden id column,
 * no settings sheet: letterhead, title with the period, the appendix line naming the unit, header rows,
 * STT, label, Đơn vị tính, Số liệu, Ghi chú, figures as typed (numbers, "1.234" as text, "-", "96,5%").
 *
 * Templates:
 *   A: one sheet per form ("Biểu mẫu 1".."Biểu mẫu 7"), one header row, columns A–E;
 *   B: one sheet "Phụ lục", the seven forms one under the other, "Biểu mẫu N. <title>" headings;
 *   C: one sheet per form ("BM1".."BM7"), a blank first column and a two-row header
 *      (Kết quả thống kê over Đơn vị tính | Số liệu), as seed 004;
 *   D: template A in the 2023 wording of Biểu mẫu 7 section 6 (toàn trình / một phần).
 * Nothing here is part of the product.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const PLACES = [
  "Tân Phú", "An Bình", "Bình Minh", "Hồng Quang", "Chi Lăng Nam", "Cao Thắng", "Đoàn Tùng", "Lam Sơn",
  "Ngũ Hùng", "Phạm Kha", "Thanh Giang", "Tứ Cường", "Hồng Phong", "Tiền Phong", "Diên Hồng", "Đoàn Kết",
  "Ngô Quyền", "Thanh Tùng", "Lê Hồng", "Hùng Sơn", "Tân Trào", "Cẩm Chế", "Thanh An", "Vĩnh Lập",
];

/** Small edits a commune makes to a label (each keeps the meaning; the reader must still place the row). */
const EDITS = [
  (s) => s.replace(/bảo đảm/g, "đảm bảo"),
  (s) => s.replace(/\.$/, ""),
  (s) => s.replace(/thủ tục hành chính/g, "TTHC"),
  (s) => s.replace(/TTHC/g, "thủ tục hành chính"),
  (s) => s + " (lũy kế đến thời điểm báo cáo)",
  (s) => s.replace(/^Số /, "Số lượng "),
  (s) => s.replace(/  +/g, " ").replace(/,/g, ", ").replace(/ ,/g, ","),
];

function rng(seed) {
  // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function figure(i, rnd) {
  const r = rnd();
  if (r < 0.04) return null; // left blank
  if (r < 0.06) return "-";
  if (i.kind === "enum") return Math.floor(rnd() * i.enum.length);
  if (i.kind === "percent") {
    const p = Math.round(rnd() * 10000) / 100;
    return rnd() < 0.3 ? `${String(p).replace(".", ",")}%` : p;
  }
  if (i.kind === "money") return Math.round(rnd() * 1e6) / 10;
  if (i.kind === "text") return "Không";
  const n = Math.floor(rnd() * 5000);
  return n >= 1000 && rnd() < 0.3 ? n.toLocaleString("de-DE") : n; // "3.225" typed as text
}

async function writeCommune(file, k, tpl, lib, ExcelJS) {
  const { formRows, printedCode, labelFor, unitFor, catalog } = lib;
  const rnd = rng(1000 + k * 7919);
  const version = tpl === "D" ? "v2023-dvctt" : "v2022-muc-do";
  const unit = `UBND xã ${PLACES[k % PLACES.length]}${k >= PLACES.length ? " " + (Math.floor(k / PLACES.length) + 1) : ""}`;
  // this commune's edits: most keep the template's labels, some change one or two
  const edits = new Map();
  const nEdits = rnd() < 0.6 ? 0 : 1 + Math.floor(rnd() * 2);
  const wb = new ExcelJS.Workbook();
  let sheet;
  let r = 0;
  const off = tpl === "C" ? 1 : 0;
  const put = (values) => {
    r++;
    values.forEach((v, c) => {
      if (v !== null && v !== undefined) sheet.getCell(r, c + 1 + off).value = v;
    });
  };
  const letterhead = () => {
    put([unit.toUpperCase(), null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    put([null, null, null, "Độc lập - Tự do - Hạnh phúc"]);
    put([`Số: ${10 + (k % 80)}/BC-UBND`, null, null, `${PLACES[k % PLACES.length]}, ngày 10 tháng 6 năm 2024`]);
    put([]);
    put(["BÁO CÁO"]);
    put(["Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024"]);
    put([`(Kèm theo Báo cáo số ${10 + (k % 80)}/BC-UBND ngày 10/6/2024 của ${unit})`]);
    put([]);
  };
  const header = () => {
    if (tpl === "C") {
      put(["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", null, "Ghi chú"]);
      put([null, null, "Đơn vị tính", "Số liệu", null]);
    } else put(["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]);
  };
  const valueRows = [];
  for (let f = 1; f <= 7; f++) for (const i of formRows(f, "xa", version)) valueRows.push(i);
  for (let e = 0; e < nEdits; e++) {
    const i = valueRows[Math.floor(rnd() * valueRows.length)];
    edits.set(i.id, EDITS[Math.floor(rnd() * EDITS.length)]);
  }
  for (let f = 1; f <= 7; f++) {
    const title = catalog.forms.find((x) => x.number === f).title;
    if (tpl !== "B" || f === 1) {
      sheet = wb.addWorksheet(tpl === "B" ? "Phụ lục" : tpl === "C" ? `BM${f}` : `Biểu mẫu ${f}`);
      r = 0;
      sheet.getColumn(2 + off).width = 60;
      if (f === 1) letterhead();
    }
    if (tpl === "B") put([]);
    put([tpl === "B" ? `Biểu mẫu ${f}. ${title}` : `Biểu mẫu ${f}`]);
    if (tpl !== "B") put([title.toUpperCase()]);
    header();
    for (const i of formRows(f, "xa", version)) {
      const code = printedCode(i, "xa");
      let label = labelFor(i, "xa");
      const ed = edits.get(i.id);
      if (ed) label = ed(label);
      const dot = tpl === "C" ? "." : "";
      const v = i.kind === "section" ? null : figure(i, rnd);
      put([code + dot, label, unitFor(i, "xa") || null, v, null]);
    }
  }
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Writes n hand-made commune files into dir (kept between runs); returns their paths. */
async function generateHandmade(dir, n, LIB) {
  const ExcelJS = require("exceljs");
  const lib = require(path.join(LIB, "catalog/index"));
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (let k = 0; k < n; k++) {
    // 45 % template A, 25 % B, 20 % C, 10 % D (the 2023 wording)
    const x = (k * 37) % 20;
    const tpl = x < 9 ? "A" : x < 14 ? "B" : x < 18 ? "C" : "D";
    const file = path.join(dir, `xa-tay-${String(k).padStart(4, "0")}-${tpl}.xlsx`);
    if (!fs.existsSync(file)) await writeCommune(file, k, tpl, lib, ExcelJS);
    out.push(file);
  }
  return out;
}

module.exports = { generateHandmade };

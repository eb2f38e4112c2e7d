/**
 * Hand-made commune workbooks as they really arrive at a district, written with ExcelJS (nothing of this
 * project's writer: no metadata, no id column, no settings sheet). Every file carries its own truth: the unit
 * it names, its period, and each figure typed with the cell it was typed in, so a test can check that every
 * figure is read from the right cell and lands on the right indicator.
 *
 * Each file combines several of the ways officials make these files (chosen by its index, so the corpus is
 * the same on every run):
 * - how the unit is named: a one-line letterhead ("UBND XÃ TÂN LẬP") beside the national motto, a two-line
 *   letterhead ("ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP"), "Đơn vị báo cáo: …", "Tên đơn vị:" with the name in the
 *   next cell, the Word appendix line "(Kèm theo Báo cáo số … của UBND xã …)", a title line "… CỦA UBND XÃ …";
 * - how the period is written: "6 THÁNG ĐẦU NĂM 2023", "NĂM 2023 (SỐ LIỆU 6 THÁNG ĐẦU NĂM)", the Công văn 581
 *   window as dates ("từ ngày 15/12/2022 đến ngày 14/6/2023"), "Kỳ báo cáo: 6 tháng năm 2023";
 * - the layout: every form on one sheet or one sheet per form; a value column headed "Số liệu", a two-row
 *   header "Kết quả thống kê" over "Đơn vị tính | Số liệu", "Kỳ trước | Kỳ này" (last period's figures
 *   beside), "Kế hoạch | Thực hiện";
 * - the STT: "1.1", "1.1." with a dot, Roman numerals for the first level ("I.", "II.");
 * - the figures: numbers, a figure with its unit ("25 văn bản"), "Có"/"Không" in yes/no rows;
 * - extras: last quarter's sheet kept beside this period's, the report's Word text pasted on a first sheet
 *   (with a sentence naming the district), the 2023 wording of online services (Biểu mẫu 7 section 6).
 */
import ExcelJS from "exceljs";
import { formRows, Indicator, isValueRow, labelFor, printedCode, relationsIn, unitFor } from "../../src/catalog";
import { consistentFigures } from "../support/figures";

export const COMMUNES = [
  "Tân Lập",
  "Hòa Bình",
  "Phước Hòa",
  "An Điền",
  "Thanh Tuyền",
  "Long Tân",
  "Minh Hòa",
  "Định Hiệp",
  "Lai Uyên",
  "Hưng Hòa",
  "Tân Hưng",
  "Cây Trường",
  "Trừ Văn Thố",
  "Định An",
  "Định Thành",
  "Long Hòa",
  "Minh Thạnh",
  "Minh Tân",
  "Thanh An",
  "An Lập",
  "An Bình",
  "Tân Định",
  "Tân Mỹ",
  "Thường Tân",
];

export const DISTRICT = "UBND huyện Tân Châu";
export const PERIOD_CODE = "6T-2023";

/** One figure as typed: which indicator, which cell, what was typed and what it means. */
export interface TypedFigure {
  indicator: string;
  sheet: string;
  cell: string;
  typed: string | number;
  /** The number the cell means. */
  value: number;
}

export interface HandmadeFile {
  name: string;
  /** The unit as a district officer writes it ("UBND xã Tân Lập"). */
  unit: string;
  version: string;
  /** What the variants were, for messages. */
  variants: string[];
  figures: TypedFigure[];
  bytes: Buffer;
}

const UNIT_STYLES = ["letterhead", "letterhead-2", "don-vi-bao-cao", "ten-don-vi", "appendix", "title"] as const;
const PERIOD_STYLES = ["plain", "bracket", "window", "ky-bao-cao"] as const;
const COLUMN_STYLES = ["so-lieu", "ket-qua", "ky-truoc-ky-nay", "ke-hoach-thuc-hien"] as const;
const STT_STYLES = ["plain", "dot", "roman"] as const;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

function colLetter(c: number): string {
  return String.fromCharCode(64 + c);
}

function upper(s: string): string {
  return s.normalize("NFC").toUpperCase();
}

/** The STT as this file prints it. */
function printed(i: Indicator, style: (typeof STT_STYLES)[number]): string {
  const code = printedCode(i, "xa");
  if (style === "dot") return code + ".";
  if (style === "roman" && /^\d+$/.test(code)) return ROMAN[Number(code) - 1] + ".";
  return code;
}

/** Figures for one commune: consistent with every relation of the edition, ratios typed as Excel shows them. */
function communeFigures(k: number, version: string): Map<string, number> {
  const base = 20 + 7 * k;
  const v = consistentFigures("xa", version, base);
  for (let f = 1; f <= 7; f++)
    for (const i of formRows(f, "xa", version)) {
      const rel = relationsIn(i, "xa", version);
      if (rel.ratio) {
        const n = v.get(rel.ratio.numerator);
        const d = v.get(rel.ratio.denominator);
        if (n !== undefined && d) v.set(i.id, Math.round((n / d) * 10000) / 100);
      } else if (i.kind === "percent") v.set(i.id, 100);
      else if (i.kind === "enum") v.set(i.id, i.enum![(k + f) % i.enum!.length].code);
    }
  return v;
}

/** What a person types for a figure in this file. */
function typedFor(i: Indicator, value: number, k: number, row: number): string | number {
  if (i.kind === "enum" && i.enum!.length === 2 && k % 3 === 1) return value === 1 ? "Có" : "Không";
  if (i.kind === "count" && k % 3 === 2 && row % 4 === 0) {
    const unit = unitFor(i, "xa").trim();
    if (unit && unit !== "%" && !/^\d/.test(unit)) return `${value} ${unit.toLowerCase()}`;
  }
  return value;
}

interface Writer {
  ws: ExcelJS.Worksheet;
  row: number;
}

function titleBlock(w: Writer, commune: string, k: number, periodStyle: (typeof PERIOD_STYLES)[number]): void {
  const ws = w.ws;
  const unitStyle = UNIT_STYLES[k % UNIT_STYLES.length];
  const periodText =
    periodStyle === "plain"
      ? "6 THÁNG ĐẦU NĂM 2023"
      : periodStyle === "bracket"
        ? "NĂM 2023 (SỐ LIỆU 6 THÁNG ĐẦU NĂM)"
        : periodStyle === "window"
          ? "(Số liệu tính từ ngày 15/12/2022 đến ngày 14/6/2023)"
          : "Kỳ báo cáo: 6 tháng năm 2023";
  const put = (text: string, col = 1) => {
    ws.getCell(w.row, col).value = text;
  };
  if (unitStyle === "letterhead") {
    put(upper(`UBND xã ${commune}`));
    put("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 4);
    w.row++;
    put("Độc lập - Tự do - Hạnh phúc", 4);
    w.row += 2;
  } else if (unitStyle === "letterhead-2") {
    put("ỦY BAN NHÂN DÂN");
    put("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 4);
    w.row++;
    put(upper(`xã ${commune}`));
    put("Độc lập - Tự do - Hạnh phúc", 4);
    w.row++;
    put(`${commune}, ngày 10 tháng 6 năm 2023`, 4);
    w.row += 2;
  } else if (unitStyle === "don-vi-bao-cao") {
    put(`Đơn vị báo cáo: UBND xã ${commune}`);
    w.row += 2;
  } else if (unitStyle === "ten-don-vi") {
    put("Tên đơn vị:");
    put(`UBND xã ${commune}`, 2);
    w.row += 2;
  } else if (unitStyle === "appendix") {
    put("Phụ lục");
    w.row++;
    put(`(Kèm theo Báo cáo số ${10 + k}/BC-UBND ngày 12/6/2023 của UBND xã ${commune})`);
    w.row += 2;
  }
  if (unitStyle === "title") put(upper(`Biểu thống kê số liệu cải cách hành chính của UBND xã ${commune}`));
  else put("BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH");
  w.row++;
  put(periodText);
  w.row += 2;
}

function formBlock(
  w: Writer,
  form: number,
  version: string,
  k: number,
  figures: Map<string, number>,
  out: TypedFigure[],
  heading: boolean
): void {
  const ws = w.ws;
  const colStyle = COLUMN_STYLES[k % COLUMN_STYLES.length];
  const sttStyle = STT_STYLES[Math.floor(k / 2) % STT_STYLES.length];
  if (heading) {
    ws.getCell(w.row, 1).value = `Biểu mẫu ${form}`;
    w.row++;
  }
  // header
  const valueCol = colStyle === "so-lieu" || colStyle === "ket-qua" ? 4 : 5;
  if (colStyle === "so-lieu") {
    ws.getRow(w.row).values = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"];
    w.row++;
  } else if (colStyle === "ket-qua") {
    ws.getRow(w.row).values = ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "", "Ghi chú"];
    ws.mergeCells(w.row, 3, w.row, 4);
    ws.getRow(w.row + 1).values = ["", "", "Đơn vị tính", "Số liệu", ""];
    w.row += 2;
  } else if (colStyle === "ky-truoc-ky-nay") {
    ws.getRow(w.row).values = ["STT", "Nội dung", "Đơn vị tính", "Kỳ trước", "Kỳ này", "Ghi chú"];
    w.row++;
  } else {
    ws.getRow(w.row).values = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Ghi chú"];
    w.row++;
  }
  for (const i of formRows(form, "xa", version)) {
    ws.getCell(w.row, 1).value = printed(i, sttStyle);
    ws.getCell(w.row, 2).value = labelFor(i, "xa");
    ws.getCell(w.row, 3).value = unitFor(i, "xa");
    const v = figures.get(i.id);
    if (isValueRow(i) && v !== undefined) {
      const typed = typedFor(i, v, k, w.row);
      ws.getCell(w.row, valueCol).value = typed;
      out.push({ indicator: i.id, sheet: ws.name, cell: `${colLetter(valueCol)}${w.row}`, typed, value: v });
      // the other column holds last period's figure or the plan: never the one to read
      if (valueCol === 5 && i.kind === "count") ws.getCell(w.row, 4).value = Math.max(0, v - 3 - k);
    }
    w.row++;
  }
  w.row += 2;
}

const NARRATIVE = [
  "BÁO CÁO",
  "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
  "Thực hiện Kế hoạch số 125/KH-UBND ngày 20/12/2022 của UBND huyện Tân Châu về cải cách hành chính năm 2023.",
  "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
  "Ngay từ đầu năm, UBND xã đã ban hành Kế hoạch cải cách hành chính năm 2023, trong đó xác định rõ nhiệm vụ trọng tâm, giao cụ thể cho từng bộ phận chuyên môn.",
];

/** Builds the corpus: `n` commune files (n ≤ COMMUNES.length). */
export async function handmadeCorpus(n = COMMUNES.length): Promise<HandmadeFile[]> {
  const out: HandmadeFile[] = [];
  for (let k = 0; k < n; k++) {
    const commune = COMMUNES[k];
    const version = k % 8 === 6 ? "v2023-dvctt" : "v2022-muc-do";
    const perForm = k % 2 === 1;
    const periodStyle = PERIOD_STYLES[k % PERIOD_STYLES.length];
    const variants = [
      UNIT_STYLES[k % UNIT_STYLES.length],
      periodStyle,
      COLUMN_STYLES[k % COLUMN_STYLES.length],
      STT_STYLES[Math.floor(k / 2) % STT_STYLES.length],
      perForm ? "sheet-per-form" : "one-sheet",
      version,
    ];
    const figures = communeFigures(k, version);
    const typed: TypedFigure[] = [];
    const wb = new ExcelJS.Workbook();
    if (k % 5 === 3) {
      variants.push("word-text-pasted");
      const ws = wb.addWorksheet("Bao cao");
      NARRATIVE.forEach((t, r) => (ws.getCell(r + 1, 1).value = t));
    }
    if (k % 6 === 4) {
      // last quarter's sheet kept, before this period's
      variants.push("old-quarter-sheet");
      const ws = wb.addWorksheet("Quy I");
      const w: Writer = { ws, row: 1 };
      ws.getCell(w.row, 1).value = `Đơn vị báo cáo: UBND xã ${commune}`;
      w.row += 2;
      ws.getCell(w.row, 1).value = "BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2023";
      w.row += 2;
      const old = communeFigures(k + 40, version);
      for (let f = 1; f <= 7; f++) formBlock(w, f, version, k, old, [], true);
    }
    if (perForm) {
      for (let f = 1; f <= 7; f++) {
        const ws = wb.addWorksheet(`BM${f}`);
        const w: Writer = { ws, row: 1 };
        if (f === 1) titleBlock(w, commune, k, periodStyle);
        formBlock(w, f, version, k, figures, typed, true);
      }
    } else {
      const ws = wb.addWorksheet("Bieu mau");
      const w: Writer = { ws, row: 1 };
      titleBlock(w, commune, k, periodStyle);
      for (let f = 1; f <= 7; f++) formBlock(w, f, version, k, figures, typed, true);
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    out.push({
      name: `BC CCHC 6 thang 2023 - ${k + 1}.xlsx`,
      unit: `UBND xã ${commune}`,
      version,
      variants,
      figures: typed,
      bytes,
    });
  }
  return out;
}

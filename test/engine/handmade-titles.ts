/**
 * Hand-made sheets as officials lay them out, for tests of the unit and the period read from the text above the
 * forms: letterheads (one or two lines, merged cells repeated across the row, the national motto in the same
 * rows at the right), labels ("Đơn vị báo cáo: …"), appendix and title lines, number and date lines, narrative
 * paragraphs; every way the period is written. `handmadeSheet` puts a real form table (the catalog's rows of an
 * edition, numbered as printed) under the given top rows so that a test reads the whole sheet through readReport.
 * Exported for other suites (consolidation of such files).
 */
import { DEFAULT_VERSION, formInfo, formRows, labelFor, printedCode, unitFor } from "../../src/catalog";
import type { GridSheet, GridValue, Level, Period, UnitSource } from "../../src/engine/types";

export const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO2 = "Độc lập - Tự do - Hạnh phúc";

/** A row of 5 cells with texts at the given 1-based columns. */
export function row(cells: Record<number, GridValue>, width = 5): GridValue[] {
  const r: GridValue[] = new Array(width).fill(null);
  for (const [c, v] of Object.entries(cells)) r[Number(c) - 1] = v;
  return r;
}

/** A cell merged over columns from..to, as a host may return it: the text repeated in every covered cell. */
export function merged(text: string, from: number, to: number, others: Record<number, GridValue> = {}): GridValue[] {
  const cells: Record<number, GridValue> = { ...others };
  for (let c = from; c <= to; c++) cells[c] = text;
  return row(cells);
}

export interface FormOptions {
  level?: Level;
  version?: string;
  forms?: number[];
  /** The figure of the k-th value row (default k + 1). */
  value?: (k: number, form: number) => GridValue;
}

/** The rows of the forms: "Biểu mẫu N", the title, a header, one row per catalog row of the edition. */
export function formTable(o: FormOptions = {}): GridValue[][] {
  const level = o.level ?? "xa";
  const version = o.version ?? DEFAULT_VERSION;
  const out: GridValue[][] = [];
  let k = 0;
  for (const f of o.forms ?? [1, 3]) {
    out.push(row({ 1: `Biểu mẫu ${f}` }), row({ 1: formInfo(f)?.title ?? "" }));
    out.push(row({ 1: "STT", 2: "Chỉ tiêu thống kê", 3: "Đơn vị tính", 4: "Số liệu", 5: "Ghi chú" }));
    for (const i of formRows(f, level, version)) {
      out.push(
        row({
          1: printedCode(i, level),
          2: labelFor(i, level),
          3: unitFor(i, level) || null,
          4: o.value ? o.value(k, f) : k + 1,
        })
      );
      k++;
    }
    out.push(row({}));
  }
  return out;
}

/** A hand-made sheet: the top rows, a blank row, the forms. */
export function handmadeSheet(
  name: string,
  top: GridValue[][],
  o: FormOptions = {},
  origin?: { row: number; col: number }
): GridSheet {
  return { name, values: [...top, row({}), ...formTable(o)], ...(origin ? { origin } : {}) };
}

export interface UnitCase {
  id: string;
  top: GridValue[][];
  unit: string;
  raw: string;
  source: UnitSource;
  /** The level of the forms under the top rows (default xa). */
  level?: Level;
  /** The sheet's top-left cell when its used range does not start at A1. */
  origin?: { row: number; col: number };
}

const NUMBER_LINE = row({ 1: "Số: 45/BC-UBND", 4: "Tân Lập, ngày 10 tháng 6 năm 2023" });

/** At least fifteen ways of naming the unit above the forms, each with the name expected, normalised and raw. */
export const UNIT_CASES: UnitCase[] = [
  {
    id: "one-line letterhead, motto in D",
    top: [
      row({ 1: "UBND XÃ TÂN LẬP", 4: MOTTO }),
      row({ 4: MOTTO2 }),
      NUMBER_LINE,
      row({ 1: "BÁO CÁO THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2023" }),
    ],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "letterhead",
  },
  {
    id: "two-line letterhead ỦY BAN NHÂN DÂN / XÃ …",
    top: [row({ 1: "ỦY BAN NHÂN DÂN", 4: MOTTO }), row({ 1: "XÃ TÂN LẬP", 4: MOTTO2 }), NUMBER_LINE],
    unit: "UBND xã Tân Lập",
    raw: "ỦY BAN NHÂN DÂN / XÃ TÂN LẬP",
    source: "letterhead",
  },
  {
    id: "two-line letterhead in merged cells repeated across the row",
    top: [
      merged("ỦY BAN NHÂN DÂN", 1, 2, { 3: MOTTO, 4: MOTTO, 5: MOTTO }),
      merged("PHƯỜNG PHÚ CƯỜNG", 1, 2, { 3: MOTTO2, 4: MOTTO2, 5: MOTTO2 }),
      merged("-------", 1, 2),
    ],
    unit: "UBND phường Phú Cường",
    raw: "ỦY BAN NHÂN DÂN / PHƯỜNG PHÚ CƯỜNG",
    source: "letterhead",
  },
  {
    id: "district office under its UBND",
    top: [
      row({ 1: "UBND HUYỆN TÂN CHÂU", 4: MOTTO }),
      row({ 1: "PHÒNG NỘI VỤ", 4: MOTTO2 }),
      row({ 1: "Số: 12/BC-PNV" }),
    ],
    unit: "Phòng Nội vụ huyện Tân Châu",
    raw: "UBND HUYỆN TÂN CHÂU / PHÒNG NỘI VỤ",
    source: "letterhead",
    level: "huyen",
  },
  {
    id: "department under its province",
    top: [row({ 1: "UBND TỈNH BÌNH DƯƠNG", 3: MOTTO }), row({ 1: "SỞ NỘI VỤ", 3: MOTTO2 })],
    unit: "Sở Nội vụ tỉnh Bình Dương",
    raw: "UBND TỈNH BÌNH DƯƠNG / SỞ NỘI VỤ",
    source: "letterhead",
    level: "so",
  },
  {
    id: "department with a long name",
    top: [
      row({ 1: "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG", 4: MOTTO }),
      row({ 1: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", 4: MOTTO2 }),
    ],
    unit: "Sở Tài nguyên và Môi trường tỉnh Bình Dương",
    raw: "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG / SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
    source: "letterhead",
    level: "so",
  },
  {
    id: "commune under its district: the lower line",
    top: [row({ 1: "UBND HUYỆN TÂN CHÂU", 4: MOTTO }), row({ 1: "UBND XÃ TÂN LẬP", 4: MOTTO2 })],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "letterhead",
  },
  {
    id: "two lines in one cell (Alt+Enter)",
    top: [row({ 1: "ỦY BAN NHÂN DÂN\nTHỊ TRẤN TÂN CHÂU", 4: `${MOTTO}\n${MOTTO2}` }), NUMBER_LINE],
    unit: "UBND thị trấn Tân Châu",
    raw: "ỦY BAN NHÂN DÂN / THỊ TRẤN TÂN CHÂU",
    source: "letterhead",
  },
  {
    id: "decomposed (NFD) text with extra spaces",
    top: [row({ 1: "  UBND   XÃ  TÂN   LẬP ".normalize("NFD"), 4: MOTTO.normalize("NFD") }), row({ 4: MOTTO2 })],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "letterhead",
  },
  {
    id: "city with TP. abbreviation",
    top: [row({ 1: "UBND TP. THỦ DẦU MỘT", 4: MOTTO }), row({ 4: MOTTO2 })],
    unit: "UBND thành phố Thủ Dầu Một",
    raw: "UBND TP. THỦ DẦU MỘT",
    source: "letterhead",
    level: "huyen",
  },
  {
    id: "mixed-case letterhead, old tone placement (Uỷ)",
    top: [row({ 1: "Uỷ ban nhân dân xã Tân Lập", 4: MOTTO })],
    unit: "UBND xã Tân Lập",
    raw: "Uỷ ban nhân dân xã Tân Lập",
    source: "letterhead",
  },
  {
    id: "label Đơn vị báo cáo: in the cell",
    top: [
      row({ 1: "Đơn vị báo cáo: UBND xã Tân Lập" }),
      row({ 1: "Đơn vị nhận báo cáo: UBND huyện Tân Châu" }),
      row({ 1: "BÁO CÁO KẾT QUẢ CCHC QUÝ I NĂM 2023" }),
    ],
    unit: "UBND xã Tân Lập",
    raw: "UBND xã Tân Lập",
    source: "label",
  },
  {
    id: "label in one cell, the name in the next",
    top: [row({ 1: "Đơn vị báo cáo:", 2: "Xã Tân Lập" }), row({ 1: "Kính gửi:", 2: "UBND huyện Tân Châu" })],
    unit: "UBND xã Tân Lập",
    raw: "Xã Tân Lập",
    source: "label",
  },
  {
    id: "label Tên đơn vị:",
    top: [row({ 1: "Tên đơn vị: UBND thị trấn Tân Châu" })],
    unit: "UBND thị trấn Tân Châu",
    raw: "UBND thị trấn Tân Châu",
    source: "label",
  },
  {
    id: "label Đơn vị: with the name next, in capitals",
    top: [row({ 1: "Đơn vị:", 2: "UBND PHƯỜNG 1" })],
    unit: "UBND phường 1",
    raw: "UBND PHƯỜNG 1",
    source: "label",
  },
  {
    id: "both labels in one cell, upper case",
    top: [row({ 3: "ĐƠN VỊ BÁO CÁO: UBND XÃ TÂN LẬP    Đơn vị nhận báo cáo: UBND huyện Tân Châu" })],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "label",
  },
  {
    id: "appendix line",
    top: [row({ 1: "PHỤ LỤC" }), row({ 1: "(Kèm theo Báo cáo số 45/BC-UBND ngày 10/6/2023 của UBND xã Tân Lập)" })],
    unit: "UBND xã Tân Lập",
    raw: "UBND xã Tân Lập",
    source: "appendix",
  },
  {
    id: "title line ending in CỦA <unit>",
    top: [row({ 1: "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2023 CỦA UBND XÃ TÂN LẬP" })],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "title",
  },
  {
    id: "letterhead in the second column of a range starting at C3, number and date lines",
    top: [
      row({ 2: "UBND XÃ TÂN LẬP", 4: MOTTO }),
      row({ 4: MOTTO2 }),
      row({ 2: "Số:     /BC-UBND", 4: "Tân Lập, ngày      tháng 6 năm 2023" }),
    ],
    unit: "UBND xã Tân Lập",
    raw: "UBND XÃ TÂN LẬP",
    source: "letterhead",
    origin: { row: 3, col: 3 },
  },
];

export interface PeriodCase {
  id: string;
  top: GridValue[][];
  period: Period | undefined;
  /** The sheet's name (default "Biểu mẫu"). */
  sheet?: string;
}

const LH = [row({ 1: "UBND XÃ TÂN LẬP", 4: MOTTO }), row({ 4: MOTTO2 }), NUMBER_LINE];
const p = (kind: Period["kind"], year: number): Period => ({ kind, year });

/** At least twelve ways of writing the period, and lines that must not give one. */
export const PERIOD_CASES: PeriodCase[] = [
  { id: "QUÝ I NĂM 2023", top: [...LH, row({ 1: "BÁO CÁO KẾT QUẢ CCHC QUÝ I NĂM 2023" })], period: p("Q1", 2023) },
  {
    id: "6 THÁNG ĐẦU NĂM 2023",
    top: [...LH, row({ 1: "THỐNG KÊ SỐ LIỆU" }), row({ 1: "6 THÁNG ĐẦU NĂM 2023" })],
    period: p("6T", 2023),
  },
  {
    id: "6 tháng năm 2023",
    top: [...LH, row({ 1: "Báo cáo cải cách hành chính 6 tháng năm 2023" })],
    period: p("6T", 2023),
  },
  { id: "NĂM 2023", top: [...LH, row({ 1: "BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023" })], period: p("N", 2023) },
  { id: "quý III/2023", top: [...LH, row({ 1: "Số liệu CCHC quý III/2023" })], period: p("Q3", 2023) },
  { id: "Quý 3 năm 2024", top: [row({ 1: "Biểu thống kê Quý 3 năm 2024" })], period: p("Q3", 2024) },
  {
    id: "window 6 tháng",
    top: [...LH, row({ 1: "BIỂU THỐNG KÊ SỐ LIỆU CCHC" }), row({ 1: "(Số liệu tính từ 15/12/2022 đến 14/6/2023)" })],
    period: p("6T", 2023),
  },
  {
    id: "window quý I with an en dash",
    top: [row({ 1: "Kỳ báo cáo: 15/12/2022 – 14/3/2023" })],
    period: p("Q1", 2023),
  },
  {
    id: "window quý III with dots",
    top: [row({ 1: "Số liệu từ ngày 15.06.2023 đến ngày 14.09.2023" })],
    period: p("Q3", 2023),
  },
  {
    id: "window năm in words",
    top: [row({ 1: "(Từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 12 năm 2023)" })],
    period: p("N", 2023),
  },
  { id: "window with dashes", top: [row({ 1: "Thời gian: 15-12-2022 đến 14-6-2023" })], period: p("6T", 2023) },
  {
    id: "year title refined in brackets",
    top: [...LH, row({ 1: "BÁO CÁO CCHC NĂM 2023 (SỐ LIỆU 6 THÁNG ĐẦU NĂM)" })],
    period: p("6T", 2023),
  },
  {
    id: "year title refined on the next line",
    top: [row({ 1: "BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2023" }), row({ 1: "(số liệu quý I)" })],
    period: p("Q1", 2023),
  },
  {
    id: "decomposed text, lower case",
    top: [row({ 1: "báo cáo 6 tháng đầu năm 2023".normalize("NFD") })],
    period: p("6T", 2023),
  },
  { id: "no accents", top: [row({ 1: "BAO CAO CCHC 6 THANG DAU NAM 2023" })], period: p("6T", 2023) },
  { id: "title merged across the row", top: [merged("BÁO CÁO CCHC QUÝ I NĂM 2024", 1, 5)], period: p("Q1", 2024) },
  { id: "from the sheet's name", top: [...LH], sheet: "BM quy 3 2023", period: p("Q3", 2023) },
  // negative cases: nothing rather than a wrong answer
  { id: "the date line is no period", top: [...LH], period: undefined },
  {
    id: "9 tháng is no period of Công văn 581",
    top: [row({ 1: "BÁO CÁO CCHC 9 THÁNG ĐẦU NĂM 2023" })],
    period: undefined,
  },
  {
    id: "a 9-month window is none either",
    top: [row({ 1: "(Số liệu từ 15/12/2022 đến 14/9/2023)" })],
    period: undefined,
  },
  {
    id: "a narrative sentence",
    top: [
      row({
        1: "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND huyện Tân Châu về cải cách hành chính năm 2023.",
      }),
    ],
    period: undefined,
  },
  {
    id: "the appendix line's date",
    top: [row({ 1: "(Kèm theo Báo cáo số 35/BC-UBND ngày 16 tháng 3 năm 2023 của UBND xã Tân Lập)" })],
    period: undefined,
  },
];

/** Narrative text of a Word report pasted on a sheet: no sentence names the unit or the period. */
export const NARRATIVE: string[] = [
  "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2023 của UBND huyện Tân Châu về cải cách hành chính năm 2023.",
  "UBND huyện Tân Châu về cải cách hành chính năm 2023.",
  "Trong kỳ báo cáo, UBND xã đã ban hành 05 văn bản chỉ đạo, điều hành công tác cải cách hành chính; tổ chức 02 cuộc kiểm tra.",
  "- Tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 1.248 hồ sơ.",
  "Căn cứ Quyết định số 1024/QĐ-UBND của UBND tỉnh Bình Dương",
];

/** A first sheet holding the text of the Word report: a title, then narrative paragraphs. */
export function wordTextSheet(name = "Báo cáo", title?: string): GridSheet {
  const values: GridValue[][] = [];
  if (title) values.push([title]);
  values.push(["I. KẾT QUẢ THỰC HIỆN"]);
  for (const n of NARRATIVE) values.push([n]);
  values.push(["II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2023"]);
  return { name, values };
}

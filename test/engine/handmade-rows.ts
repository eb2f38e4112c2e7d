/**
 * A corpus of hand-made commune / district workbooks as officials really lay them out (issue 8): two value columns
 * ("Kỳ trước | Kỳ này", "Kế hoạch | Thực hiện | Tỷ lệ", "Năm 2022 | Năm 2023"), STT in every numbering (I, 1, a, 1),
 * "-", "+"), a commune file printed with the province's numbering, figures typed with their unit, yes/no words,
 * en-US thousands, merged value cells. Each case says, by hand, where every typed figure must land (indicator,
 * value, cell) or that its row is listed unplaced, and which findings the file deserves.
 *
 * Exported for reuse (hardening, consolidation tests): `HANDMADE_CASES`, `sheetOf`.
 */
import type { GridSheet, GridValue, RuleId, Severity } from "../../src/engine/types";
import type { Level } from "../../src/catalog";

/** A sheet from rows written top-down; `undefined`/missing cells are blank. */
export function sheetOf(name: string, rows: GridValue[][], merges?: GridSheet["merges"]): GridSheet {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, k) => (r[k] === undefined ? null : r[k])));
  return merges ? { name, values, merges } : { name, values };
}

/** Where a typed figure must end up: on an indicator with this value (a number, "na" or "missing"). */
export interface Landing {
  cell: string;
  id: string;
  value: number | "na" | "missing";
}

export interface ExpectedFinding {
  rule: RuleId;
  severity: Severity;
  cell: string;
  /** Words the message must carry (the column used, the merged range). */
  says?: string[];
}

export interface HandmadeCase {
  name: string;
  sheets: GridSheet[];
  level: Level;
  /** Columns (1-based) where figures are typed: every non-blank cell there below the header is accounted for. */
  valueCols: number[];
  /** First data row (below the header). */
  dataFrom: number;
  landings: Landing[];
  /** Rows whose figure is listed unplaced (not read into any indicator), with words of the reason. */
  unplaced?: { row: number; says: string }[];
  /** Cells holding a figure that is deliberately not read (the other period's column). */
  ignored?: string[];
  /** Every error, warning and info the file deserves (a superset check is not enough: no false error). */
  findings: ExpectedFinding[];
}

const T3 = "Cải cách thủ tục hành chính";
const LABEL_HEAD = "Chỉ tiêu thống kê (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm)";

/** Biểu mẫu 3 of a commune with two value columns in the given order ("Kỳ trước | Kỳ này" or the reverse). */
function twoPeriods(order: "prev-first" | "this-first"): HandmadeCase {
  const [d, e] = order === "prev-first" ? ["Kỳ trước", "Kỳ này"] : ["Kỳ này", "Kỳ trước"];
  // this period's figures, and last period's (which must never be read)
  const now = { a: 139, b: 2, c: 3, d: 3225, e: 3225 };
  const prev = { a: 130, b: 1, c: 2, d: 2900, e: 2800 };
  const pair = (x: number, y: number): GridValue[] => (order === "prev-first" ? [y, x] : [x, y]);
  const D = order === "prev-first" ? "E" : "D";
  const O = order === "prev-first" ? "D" : "E";
  return {
    name: `commune BM3, two-row header "Kết quả" over "${d} | ${e}"`,
    level: "xa",
    valueCols: [4, 5],
    dataFrom: 7,
    sheets: [
      sheetOf("BM3", [
        ["UBND XÃ CHI LĂNG NAM"],
        ["Biểu mẫu 3"],
        [T3],
        ["(Kèm theo Báo cáo số 45/BC-UBND ngày 15/12/2023 của UBND xã Chi Lăng Nam)"],
        ["STT", LABEL_HEAD, "Đơn vị tính", "Kết quả", null, "Ghi chú"],
        [null, null, null, d, e],
        ["1.4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", ...pair(now.a, prev.a)],
        ["2.1", "Số TTHC liên thông cùng cấp", "Thủ tục", ...pair(now.b, prev.b)],
        ["2.2", "Số TTHC liên thông giữa các cấp chính quyền", "Thủ tục", ...pair(now.c, prev.c)],
        ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", ...pair(100, 96.55)],
        ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", ...pair(now.d, prev.d)],
        ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", ...pair(now.e, prev.e)],
      ]),
    ],
    landings: [
      { cell: `${D}7`, id: "bm3:1.4", value: 139 },
      { cell: `${D}8`, id: "bm3:2.1@v2022-muc-do", value: 2 },
      { cell: `${D}9`, id: "bm3:2.2@v2022-muc-do", value: 3 },
      { cell: `${D}10`, id: "bm3:3.3", value: 100 },
      { cell: `${D}11`, id: "bm3:3.3.1", value: 3225 },
      { cell: `${D}12`, id: "bm3:3.3.2", value: 3225 },
    ],
    ignored: [7, 8, 9, 10, 11, 12].map((r) => `${O}${r}`),
    findings: [],
  };
}

/** Biểu mẫu 1 of a commune: "Kế hoạch | Thực hiện | Tỷ lệ (%)" on one header row. */
const planDone: HandmadeCase = {
  name: 'commune BM1, three columns "Kế hoạch | Thực hiện | Tỷ lệ (%)"',
  level: "xa",
  valueCols: [4, 5, 6],
  dataFrom: 5,
  sheets: [
    sheetOf("Biểu 1", [
      ["ỦY BAN NHÂN DÂN XÃ TÂN HƯNG"],
      ["Biểu mẫu 1"],
      ["Công tác chỉ đạo, điều hành cải cách hành chính"],
      ["STT", "Nội dung", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"],
      ["1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 4, 5, 125],
      ["2", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", null, 96, null],
      ["2.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 25, 25, 100],
      ["2.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 25, 24, 96],
    ]),
  ],
  landings: [
    { cell: "E5", id: "bm1:1", value: 5 },
    { cell: "E6", id: "bm1:2", value: 96 },
    { cell: "E7", id: "bm1:2.1", value: 25 },
    { cell: "E8", id: "bm1:2.2", value: 24 },
  ],
  ignored: ["D5", "F5", "D7", "F7", "D8", "F8"],
  findings: [],
};

/** Years as headers: the file's year wins; without a year in the title the choice is a guess, and said so. */
function years(titled: boolean): HandmadeCase {
  return {
    name: titled ? '"Năm 2022 | Năm 2023" in a file of 2023' : '"2022 | 2023" and no year in the title: warned',
    level: "xa",
    valueCols: [4, 5],
    dataFrom: 5,
    sheets: [
      sheetOf("BM3", [
        ["UBND XÃ AN BÌNH"],
        [titled ? "Biểu mẫu 3 – Cải cách thủ tục hành chính năm 2023" : "Biểu mẫu 3"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", titled ? "Năm 2022" : "Số liệu 2022", titled ? "Năm 2023" : "Số liệu 2023"],
        [],
        ["1.2", "Số TTHC công bố mới", "Thủ tục", 4, 6],
        ["1.3", "Số TTHC bãi bỏ, thay thế", "Thủ tục", 1, 3],
      ]),
    ],
    landings: [
      { cell: "E5", id: "bm3:1.2", value: 6 },
      { cell: "E6", id: "bm3:1.3", value: 3 },
    ],
    ignored: ["D5", "D6"],
    findings: titled
      ? []
      : [{ rule: "value-column", severity: "warning", cell: "E5", says: ["cột E", "Số liệu 2023", "Số liệu 2022"] }],
  };
}

/**
 * A commune's Biểu mẫu 3 numbered I, II, III / 1, 2 / a, b / 1), 2) / "-": every row lands within its section
 * ("a. Tổng số hồ sơ TTHC đã giải quyết xong" under the commune's on-time rate is 3.3.1, not the province's 3.1.1).
 */
const mixedStt: HandmadeCase = {
  name: "commune BM3 numbered I / 1 / a / 1) / - in one file",
  level: "xa",
  valueCols: [4],
  dataFrom: 4,
  sheets: [
    sheetOf("TTHC", [
      ["UBND XÃ CHI LĂNG NAM", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["BIỂU MẪU 3: CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
      ["TT", "Nội dung", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["I", "Thống kê TTHC"],
      ["1", "Số TTHC đã được phê duyệt phương án đơn giản hóa", "Thủ tục", 0],
      ["2", "Số TTHC công bố mới", "Thủ tục", 0],
      ["3", "Số TTHC bãi bỏ, thay thế", "Thủ tục", 3],
      ["4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", 139],
      ["-", "Số TTHC cấp xã", "Thủ tục", 139],
      ["II", "Thực hiện cơ chế một cửa, một cửa liên thông"],
      ["1)", "Số TTHC liên thông cùng cấp", "Thủ tục", 2],
      ["2)", "Số TTHC liên thông giữa các cấp chính quyền", "Thủ tục", 3],
      ["III", "Kết quả giải quyết TTHC"],
      ["1.", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", 100],
      ["a", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 3225],
      ["b", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", 3225],
      ["2.", "Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC", "%", "-"],
      ["+", "Tổng số PAKN đã tiếp nhận", "PAKN", 0],
      ["+", "Số PAKN đã giải quyết xong", "PAKN", 0],
    ]),
  ],
  landings: [
    { cell: "D5", id: "bm3:1.1", value: 0 },
    { cell: "D6", id: "bm3:1.2", value: 0 },
    { cell: "D7", id: "bm3:1.3", value: 3 },
    { cell: "D8", id: "bm3:1.4", value: 139 },
    { cell: "D9", id: "bm3:1.4.3", value: 139 },
    { cell: "D11", id: "bm3:2.1@v2022-muc-do", value: 2 },
    { cell: "D12", id: "bm3:2.2@v2022-muc-do", value: 3 },
    { cell: "D14", id: "bm3:3.3", value: 100 },
    { cell: "D15", id: "bm3:3.3.1", value: 3225 },
    { cell: "D16", id: "bm3:3.3.2", value: 3225 },
    { cell: "D17", id: "bm3:3.4", value: "na" },
    { cell: "D18", id: "bm3:3.4.1", value: 0 },
    { cell: "D19", id: "bm3:3.4.2", value: 0 },
  ],
  findings: [],
};

/**
 * A commune's Biểu mẫu 1 typed with the province's numbering (5.1 for the commune's 4.1) and two province rows
 * the commune form does not have: still a commune file; the extra rows are listed, not forced onto commune rows.
 * Row "b) Số lượng UBND cấp xã đã kiểm tra | Đơn vị | 5" looks like a header ("Số lượng", "Đơn vị") but is data.
 */
const provinceCodes: HandmadeCase = {
  name: "commune BM1 with province-looking codes and extra province rows",
  level: "xa",
  valueCols: [4],
  dataFrom: 5,
  sheets: [
    sheetOf("Sheet1", [
      ["UBND XÃ HỒNG PHONG"],
      ["Biểu mẫu 1"],
      ["Công tác chỉ đạo, điều hành cải cách hành chính"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 6],
      ["3", "Kiểm tra CCHC"],
      ["a)", "Số phòng chuyên môn đã kiểm tra", "Đơn vị", 0],
      ["b)", "Số lượng UBND cấp xã đã kiểm tra", "Đơn vị", 5],
      ["4", "Thanh tra việc thực hiện quy định pháp luật về tuyển dụng, quản lý, sử dụng công chức"],
      ["4.1", "Số cơ quan, đơn vị được thanh tra", "Cơ quan, đơn vị", 2],
      ["4.2", "Tỷ lệ cơ quan, đơn vị đã hoàn thành việc thực hiện kết luận thanh tra", "%", 50],
      ["5", "Thực hiện nhiệm vụ của UBND huyện, Chủ tịch UBND huyện giao"],
      ["5.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 12],
      ["5.2", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ", 11],
      ["5.3", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Nhiệm vụ", 1],
      ["5.4", "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", "Nhiệm vụ", 0],
    ]),
  ],
  landings: [
    { cell: "D5", id: "bm1:1", value: 6 },
    { cell: "D7", id: "bm1:3.1", value: 0 },
    { cell: "D8", id: "bm1:3.2", value: 5 },
    { cell: "D13", id: "bm1:5.1", value: 12 },
    { cell: "D14", id: "bm1:5.2", value: 11 },
    { cell: "D15", id: "bm1:5.3", value: 1 },
    { cell: "D16", id: "bm1:5.4", value: 0 },
  ],
  unplaced: [
    { row: 10, says: "Biểu mẫu 1" },
    { row: 11, says: "Biểu mẫu 1" },
  ],
  findings: [],
};

/** Figures with their unit, yes/no and enum words, "Không phát sinh", en-US thousands, money in đồng. */
const typedWords: HandmadeCase = {
  name: "figures typed with units, Có/Không, enum labels, en-US thousands, đồng",
  level: "xa",
  valueCols: [4],
  dataFrom: 5,
  sheets: [
    sheetOf("Biểu mẫu 1", [
      ["UBND XÃ ĐỒNG TÂM"],
      ["Biểu mẫu 1"],
      ["Công tác chỉ đạo, điều hành cải cách hành chính"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "25 văn bản"],
      ["3.2", "Số UBND cấp xã đã kiểm tra", "Đơn vị", "Không phát sinh"],
      ["5", "Khảo sát sự hài lòng của người dân, tổ chức", "Có = 1; Không = 0", "Có"],
      ["5.1", "Số lượng phiếu khảo sát", "Phiếu", "1.200 phiếu"],
      ["5.2", "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", "Phát phiếu"],
      ["6", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp", "Không = 0 Có = 1", "Không"],
      ["Biểu mẫu 3"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1.3", "Số TTHC bãi bỏ, thay thế", "Thủ tục", "12 TTHC"],
      ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", "98,5 %"],
      ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "3,200"],
      ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "3,152"],
      ["Biểu mẫu 6"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", "%", "85,14%"],
      ["1.1", "Kế hoạch được giao", "Triệu đồng", "3.523.681.000 đồng"],
      ["1.2", "Đã thực hiện", "Triệu đồng", "3.000 triệu đồng"],
      ["Biểu mẫu 7"],
      ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1", "Cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất", "Chưa = 0 Hoàn thành = 1", "Đã"],
    ]),
  ],
  landings: [
    { cell: "D5", id: "bm1:1", value: 25 },
    { cell: "D6", id: "bm1:3.2", value: 0 },
    { cell: "D7", id: "bm1:6", value: 1 },
    { cell: "D8", id: "bm1:6.1", value: 1200 },
    { cell: "D9", id: "bm1:6.2", value: 1 },
    { cell: "D10", id: "bm1:7", value: 0 },
    { cell: "D13", id: "bm3:1.3", value: 12 },
    { cell: "D14", id: "bm3:3.3", value: 98.5 },
    { cell: "D15", id: "bm3:3.3.1", value: 3200 },
    { cell: "D16", id: "bm3:3.3.2", value: 3152 },
    { cell: "D19", id: "bm6:1", value: 85.14 },
    { cell: "D20", id: "bm6:1.1", value: 3523.681 },
    { cell: "D21", id: "bm6:1.2", value: 3000 },
    { cell: "D24", id: "bm7:1", value: 1 },
  ],
  findings: [
    // numbers typed as text keep their warning (the advice to type a number); readings are information
    { rule: "text-number", severity: "warning", cell: "D5" },
    { rule: "interpreted", severity: "info", cell: "D6", says: ["0"] },
    { rule: "text-number", severity: "warning", cell: "D8" },
    { rule: "text-number", severity: "warning", cell: "D13" },
    { rule: "text-number", severity: "warning", cell: "D14" },
    { rule: "interpreted", severity: "info", cell: "D15", says: ["3.200"] },
    { rule: "text-number", severity: "warning", cell: "D15" },
    { rule: "interpreted", severity: "info", cell: "D16", says: ["3.152"] },
    { rule: "text-number", severity: "warning", cell: "D16" },
    { rule: "text-number", severity: "warning", cell: "D19" },
    { rule: "interpreted", severity: "info", cell: "D20", says: ["3.523,681", "triệu đồng"] },
    { rule: "text-number", severity: "warning", cell: "D20" },
    { rule: "text-number", severity: "warning", cell: "D21" },
    { rule: "interpreted", severity: "info", cell: "D24", says: ["Hoàn thành"] },
  ],
};

/** A value merged down over two rows (D8:D9): the figure is the first row's, the second reads blank, named. */
const merged: HandmadeCase = {
  name: "value cell merged over two rows",
  level: "xa",
  valueCols: [4],
  dataFrom: 5,
  sheets: [
    sheetOf(
      "BM3",
      [
        ["UBND XÃ NAM HỒNG"],
        ["Biểu mẫu 3"],
        [T3],
        ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"],
        ["3.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", null],
        ["3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 3225],
        ["3.3.2", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", null],
        ["3.4.1", "Tổng số PAKN đã tiếp nhận", "PAKN", 4],
        ["3.4.2", "Số PAKN đã giải quyết xong", "PAKN", null],
      ],
      [
        { r0: 6, c0: 4, r1: 7, c1: 4 },
        { r0: 8, c0: 4, r1: 9, c1: 4 },
      ]
    ),
  ],
  landings: [
    { cell: "D5", id: "bm3:3.3", value: "missing" },
    { cell: "D6", id: "bm3:3.3.1", value: 3225 },
    { cell: "D7", id: "bm3:3.3.2", value: "missing" },
    { cell: "D8", id: "bm3:3.4.1", value: 4 },
    { cell: "D9", id: "bm3:3.4.2", value: "missing" },
  ],
  findings: [
    { rule: "missing", severity: "warning", cell: "D5" },
    { rule: "merged-cell", severity: "warning", cell: "D7", says: ["D6:D7"] },
    { rule: "merged-cell", severity: "warning", cell: "D9", says: ["D8:D9"] },
  ],
};

export const HANDMADE_CASES: HandmadeCase[] = [
  twoPeriods("prev-first"),
  twoPeriods("this-first"),
  planDone,
  years(true),
  years(false),
  mixedStt,
  provinceCodes,
  typedWords,
  merged,
];

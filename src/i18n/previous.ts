/**
 * Vietnamese strings of the comparison with earlier reports (src/engine/previous.ts): each message names
 * both periods, both figures and the earlier file.
 */
import { periodText } from "./engine";

interface PeriodLike {
  kind: "Q1" | "6T" | "Q3" | "N";
  year: number;
}
interface MetaLike {
  unit?: string;
  level?: string;
  period?: PeriodLike;
}
/** Figures arrive formatted the Vietnamese way by the engine (formatVi: 1.946; 96,56). */
/** A year's flow below 6 tháng + quý III: the figures and both earlier files. */
export interface PreviousSumArgs {
  code: string;
  cur: string;
  half: string;
  q3: string;
  both: string;
  halfFile: string;
  q3File: string;
  year: number;
}

interface Args {
  code: string;
  cur: string;
  prev: string;
  curLabel: string;
  earlierLabel: string;
  file: string;
}

/** "Quý I năm 2024", "6 tháng đầu năm 2024", "Năm 2024". */
const periodName = (p: PeriodLike): string => periodText.label(p.kind, p.year);

const LEVEL: Record<string, string> = { tinh: "tỉnh", so: "sở, ban, ngành", huyen: "huyện", xa: "xã" };

export const previousText = {
  flowDecrease: (a: Args): string =>
    `Chỉ tiêu ${a.code}: ${a.curLabel} ghi ${a.cur}, ít hơn ${a.prev} của ${a.earlierLabel} (tệp ${a.file}), ` +
    `trong khi kỳ này đã gồm cả thời gian của kỳ đó.`,
  cumulativeDecrease: (a: Args): string =>
    `Chỉ tiêu ${a.code} là số lũy kế trong năm: ${a.curLabel} ghi ${a.cur}, giảm so với ${a.prev} ` +
    `của ${a.earlierLabel} (tệp ${a.file}).`,
  jump: (a: Args): string =>
    `Chỉ tiêu ${a.code} thay đổi bất thường: ${a.prev} ở ${a.earlierLabel} (tệp ${a.file}) thành ` +
    `${a.cur} ở ${a.curLabel}; kiểm tra lại.`,
  swing: (a: Args & { lastYear: boolean; diff: string }): string =>
    `Tỷ lệ ${a.code} ${a.lastYear ? "so với cùng kỳ năm trước" : "trong cùng năm"}: ${a.prev}% ở ` +
    `${a.earlierLabel} (tệp ${a.file}), ${a.cur}% ở ${a.curLabel} — chênh ${a.diff} điểm.`,
  sum: (a: PreviousSumArgs): string =>
    `Chỉ tiêu ${a.code}: năm ${a.year} ghi ${a.cur}, ít hơn 6 tháng (${a.half}, tệp ${a.halfFile}) ` +
    `cộng quý III (${a.q3}, tệp ${a.q3File}) = ${a.both}.`,
  skipped: (n: number, file: string, label: string): string =>
    `${n} chỉ tiêu không so sánh được với ${label} (tệp ${file}) vì một trong hai báo cáo để trống hoặc không ghi số; ` +
    `ô trống không được coi là số 0.`,
  refused(reason: string, file: string, earlier: MetaLike, cur: MetaLike): string {
    const e = earlier.period ? periodText.label(earlier.period.kind, earlier.period.year) : "";
    const c = cur.period ? periodText.label(cur.period.kind, cur.period.year) : "";
    switch (reason) {
      case "no-period":
        return `Không so sánh với tệp ${file}: không xác định được kỳ báo cáo của ${earlier.period ? "báo cáo đang kiểm tra" : "tệp đó"}.`;
      case "other-unit":
        return `Không so sánh với tệp ${file}: đó là báo cáo của ${earlier.unit}, không phải của ${cur.unit}.`;
      case "other-level":
        return `Không so sánh với tệp ${file}: đó là biểu cấp ${LEVEL[earlier.level ?? ""] ?? earlier.level}, báo cáo này là cấp ${LEVEL[cur.level ?? ""] ?? cur.level}.`;
      case "same-period":
        return `Không so sánh với tệp ${file}: cùng kỳ ${c} với báo cáo đang kiểm tra.`;
      case "later-period":
        return `Không so sánh với tệp ${file}: ${e} không phải kỳ trước của ${c}.`;
      default:
        return `Không so sánh với tệp ${file}: ${e} thuộc năm khác và không phải cùng kỳ năm trước của ${c}.`;
    }
  },
};

/** A consolidation compared with the previous period's Tổng hợp (src/engine/previous-consolidation.ts). */
export const previousConsolidationText = {
  notConsolidation: (file: string): string =>
    `Tệp kỳ trước ${file} không có trang "Tổng hợp" do Báo cáo CCHC lập; vẫn tổng hợp, không có cột kỳ trước.`,
  otherLevel: (file: string, got: string, want: string): string =>
    `Tệp kỳ trước ${file} là tổng hợp cấp ${LEVEL[got] ?? got}, kỳ này tổng hợp cấp ${LEVEL[want] ?? want}; ` +
    `vẫn tổng hợp, không có cột kỳ trước.`,
  noPeriod: (file: string): string =>
    `Không xác định được kỳ báo cáo của tệp kỳ trước ${file}; vẫn tổng hợp, không có cột kỳ trước.`,
  samePeriod: (file: string, p: PeriodLike): string =>
    `Tệp kỳ trước ${file} là tổng hợp cùng kỳ ${periodName(p)}; vẫn tổng hợp, không có cột kỳ trước.`,
  laterPeriod: (file: string, got: PeriodLike, now: PeriodLike): string =>
    `Tệp kỳ trước ${file} là tổng hợp ${periodName(got)}, không phải kỳ trước của ` +
    `${periodName(now)}; vẫn tổng hợp, không có cột kỳ trước.`,
  unreadable: (file: string, reason: string): string =>
    `Không đọc được tệp kỳ trước ${file}: ${reason} Vẫn tổng hợp, không có cột kỳ trước.`,
  /** A previous file refused by the engine (previous-consolidation.ts PreviousRefusal), in one line. */
  refused(
    reason: string,
    file: string,
    prev: { level?: string; period?: PeriodLike },
    now: { level: string; period: PeriodLike }
  ): string {
    const T = previousConsolidationText;
    switch (reason) {
      case "other-level":
        return T.otherLevel(file, prev.level ?? "", now.level);
      case "no-period":
        return T.noPeriod(file);
      case "same-period":
        return T.samePeriod(file, now.period);
      case "later-period":
        return prev.period ? T.laterPeriod(file, prev.period, now.period) : T.noPeriod(file);
      default:
        return T.notConsolidation(file);
    }
  },
  badUnitsMap: (lines: string[]): string =>
    `Danh sách đơn vị cũ → mới có ${lines.length} dòng không đọc được (mỗi dòng: tên đơn vị cũ → tên đơn vị mới; ` +
    `một đơn vị cũ chỉ chuyển về một đơn vị mới): ${lines
      .slice(0, 5)
      .map((l) => `"${l}"`)
      .join(", ")}` +
    `${lines.length > 5 ? ", …" : ""}. Chưa tổng hợp; sửa danh sách rồi làm lại.`,
  notOpened: "Tệp không có hoặc không mở được.",
  cannotReadUnitsMap: (file: string): string => `Không đọc được danh sách đơn vị cũ → mới ${file}.`,
  unitsMapWithoutPrevious: "Tham số --units-map chỉ dùng cùng --previous (tệp tổng hợp kỳ trước).",
  // what the Tổng hợp and the status tabs say
  note: (label: string, file: string, unit: string | undefined): string =>
    `Cột "Kỳ trước": Tổng hợp ${label}${unit ? ` của ${unit}` : ""} (tệp ${file}), chỉ gồm các đơn vị có số liệu kỳ này ` +
    `(đơn vị sáp nhập cộng số của các đơn vị cũ). "Thay đổi" = kỳ này (hoặc "Điều chỉnh") − kỳ trước; tỷ lệ tính bằng điểm %.`,
  headPrevious: (label: string): string => `Kỳ trước (${label})`,
  sectionTitle: "SO VỚI KỲ TRƯỚC",
  used: (file: string, label: string, unit: string | undefined): string =>
    `Đã so sánh với Tổng hợp ${label}${unit ? ` của ${unit}` : ""} (tệp ${file}).`,
  otherUnit: (unit: string, now: string): string =>
    `Tổng hợp kỳ trước là của ${unit}, không phải ${now}; vẫn so sánh, kiểm tra lại đã chọn đúng tệp chưa.`,
  merged: (unit: string, from: string[]): string => `${unit}: số kỳ trước cộng từ ${from.join(", ")}.`,
  missingNowTitle: "ĐƠN VỊ CÓ TRONG TỔNG HỢP KỲ TRƯỚC NHƯNG KỲ NÀY KHÔNG CÓ SỐ LIỆU",
  missingNow: (unit: string): string =>
    `${unit}: có trong tổng hợp kỳ trước, kỳ này không có tệp (cũng không có đơn vị mới nhận đơn vị này).`,
  noPrevious: (units: string[]): string =>
    `Không có số kỳ trước của ${units.length} đơn vị: ${units.slice(0, 8).join(", ")}${units.length > 8 ? ", …" : ""}.`,
  /** CLI one-liner. */
  summary: (label: string, merged: number, missing: number): string =>
    `So với Tổng hợp ${label}: ${merged > 0 ? `${merged} đơn vị cộng từ đơn vị cũ` : "không có đơn vị sáp nhập"}` +
    `${missing > 0 ? `, ${missing} đơn vị có kỳ trước nhưng kỳ này không có` : ""}.`,
};

/** The pane's "So với kỳ trước" (Kiểm tra tab) and its use case (src/app/previous.ts). */
export const previousPaneText = {
  title: "So với kỳ trước",
  hint: "Chọn báo cáo các kỳ trước của cùng đơn vị (6 tháng, quý III, năm trước…): số liệu được so sánh ngay khi nhập và được nhớ trong tệp này.",
  pick: "Chọn báo cáo kỳ trước",
  forget: "Bỏ so sánh",
  working: "Đang đọc…",
  none: "Chưa chọn báo cáo kỳ trước nào.",
  used: (label: string, file: string): string => `${label} — tệp ${file}`,
  added: (n: number): string => `Đã nhớ ${n} báo cáo kỳ trước trong tệp này; các lỗi so sánh hiện cùng các lỗi khác.`,
  forgotten: "Đã bỏ so sánh với kỳ trước.",
  unreadable: (file: string, reason: string): string => `Không so sánh với tệp ${file}: ${reason}`,
  notKept: (file: string): string =>
    `Không nhớ được tệp ${file}: đã nhớ đủ số báo cáo kỳ trước cho phép; các kỳ gần nhất được giữ.`,
  failed: "Không đọc được các tệp đã chọn. Bảng tính không bị thay đổi.",
  notXlsx: (name: string): string => `Tệp ${name} không phải tệp Excel (.xlsx) và được bỏ qua.`,
};

/** Carrying the stock figures of the previous report into the next period's forms (empty cells only). */
export const carryText = {
  refused(reason: string, file: string, prev: MetaLike, next: MetaLike): string {
    const e = prev.period ? periodName(prev.period) : "";
    const n = next.period ? periodName(next.period) : "";
    switch (reason) {
      case "other-unit":
        return `Không điền sẵn từ tệp ${file}: đó là báo cáo của ${prev.unit}, không phải của ${next.unit}.`;
      case "other-level":
        return `Không điền sẵn từ tệp ${file}: đó là biểu cấp ${LEVEL[prev.level ?? ""] ?? prev.level}, biểu mới là cấp ${LEVEL[next.level ?? ""] ?? next.level}.`;
      case "not-earlier":
        return `Không điền sẵn từ tệp ${file}: ${e} không phải kỳ trước của ${n}.`;
      default:
        return `Không điền sẵn từ tệp ${file}: không xác định được kỳ báo cáo của tệp đó.`;
    }
  },
  unreadable: (file: string, reason: string): string => `Không điền sẵn từ tệp ${file}: ${reason}`,
  line: (sheet: string, cell: string, code: string, value: string, file: string): string =>
    `${sheet}!${cell} (chỉ tiêu ${code}): ${value} — lấy từ tệp ${file}`,
  keptLine: (sheet: string, cell: string, code: string, typed: string): string =>
    `${sheet}!${cell} (chỉ tiêu ${code}): giữ số đã nhập ${typed}`,
  done: (n: number, file: string): string =>
    `Đã điền sẵn ${n} ô còn trống bằng số liệu thời điểm (cán bộ, thủ tục đang áp dụng, đơn vị, hệ thống…) của tệp ${file}; ` +
    `kiểm tra và sửa lại nếu đã thay đổi. Ô đã có số không bị ghi đè.`,
  none: (file: string): string => `Không có ô trống nào điền sẵn được từ tệp ${file}.`,
  kept: (n: number): string => `${n} ô đã có số do người dùng nhập, giữ nguyên:`,
  /** The pane (Chèn biểu mẫu). */
  pick: "Điền sẵn từ báo cáo kỳ trước…",
  pickHint:
    "Không bắt buộc: chỉ các chỉ tiêu số liệu thời điểm (số cán bộ, thủ tục đang áp dụng…) được điền vào ô còn trống của biểu mẫu đã chèn.",
  working: "Đang điền sẵn…",
  failed: "Không điền sẵn được. Bảng tính không bị thay đổi.",
  noForms: "Hãy chèn biểu mẫu trước khi điền sẵn từ kỳ trước.",
};

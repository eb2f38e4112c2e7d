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
interface Args {
  code: string;
  cur: string;
  prev: string;
  curLabel: string;
  earlierLabel: string;
  file: string;
}

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
  sum: (a: {
    code: string;
    cur: string;
    half: string;
    q3: string;
    both: string;
    halfFile: string;
    q3File: string;
    year: number;
  }): string =>
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

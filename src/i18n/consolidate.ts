/**
 * Vietnamese strings of consolidation (engine, Tổng hợp tab, `cchc consolidate`, the pane's progress).
 * Numbers arrive already formatted. The engine says what it found as data (UnitMessage, TotalFlag); unitMessage
 * and totalFlag word it at the edge (src/spec, src/app, the CLI).
 */
import { periodText } from "./engine";

/** How a row rolls up (the catalog's Aggregate, declared here: i18n imports nothing). */
type Aggregate = "sum" | "ratio" | "count-by-code" | "any" | "survey-mode" | "own" | "none";
type LevelId = "tinh" | "so" | "huyen" | "xa";
interface PeriodLike {
  kind: "Q1" | "6T" | "Q3" | "N";
  year: number;
}

export const ruleLabels: Record<Aggregate, string> = {
  sum: "Cộng các đơn vị",
  ratio: "Tính lại từ tổng tử số, mẫu số",
  "count-by-code": "Đếm số đơn vị theo mã",
  any: "Có nếu ít nhất một đơn vị có",
  "survey-mode": "Cùng hình thức hoặc Kết hợp",
  own: "Đơn vị tổng hợp tự điền",
  none: "Không tổng hợp",
};

export const levelNames = { tinh: "tỉnh", so: "sở, ban, ngành", huyen: "huyện", xa: "xã" } as const;

export const statusLabels = {
  ok: "Đã tổng hợp",
  unreadable: "Không đọc được",
  duplicate: "Trùng đơn vị",
  "wrong-period": "Sai kỳ báo cáo",
  "wrong-version": "Sai phiên bản biểu mẫu",
  "wrong-level": "Sai cấp báo cáo",
  "not-checked": "Chưa kiểm tra được",
} as const;

/** Why a unit's figure is not in a total (TotalRow.incomplete). */
export const incompleteReasons = {
  unread: "không đọc được số",
  blank: "bỏ trống",
  "no-form": "không gửi biểu mẫu này",
  unmapped: "mẫu phiên bản khác không có chỉ tiêu này",
} as const;

/** At most this many unit names in a total's flag (the JSON lists them all). */
const MAX_NAMES = 8;

export const consolidateText = {
  naUnits: (n: number) => `${n} đơn vị không áp dụng`,
  zeroDenominator: "mẫu số bằng 0",
  yesCount: (n: number, total: number) => `Có: ${n}/${total} đơn vị`,
  codeCount: (code: number, label: string, n: number) => `${code} (${label}): ${n} đơn vị`,
  duplicateOf: (file: string) => `Trùng với tệp ${file}; chỉ tính một lần (tệp đầu tiên).`,
  sameFigures: (file: string) => `Số liệu giống hệt tệp ${file}; kiểm tra lại có gửi nhầm tệp không.`,
  wrongPeriod: (got: string, want: string) => `Kỳ báo cáo của tệp là ${got}, không phải ${want}; không tổng hợp.`,
  unknownPeriod: "Không xác định được kỳ báo cáo của tệp; vẫn tổng hợp, cần kiểm tra lại.",
  wrongVersion: (got: string, want: string) =>
    `Tệp dùng biểu mẫu phiên bản ${got}, không phải ${want}; không tổng hợp.`,
  wrongLevel: (got: string, allowed: string) =>
    `Tệp là báo cáo cấp ${got}, trong khi chỉ tổng hợp báo cáo cấp ${allowed}; không tổng hợp.`,
  noFigures: "Không tìm thấy biểu mẫu hay số liệu nào trong tệp; không tổng hợp.",
  noUnitName: (file: string) => `Không tìm thấy tên đơn vị trong tệp, dùng tên tệp (${file}).`,
  nameOfOtherLevel: (name: string, level: string) =>
    `Tên đơn vị đọc được trong tệp ("${name}") không phải tên một đơn vị cấp ${level}; kiểm tra lại.`,
  otherVersion: (got: string, want: string, unmapped: number, first: string[]) =>
    `Đơn vị dùng mẫu ${got} (không phải ${want}); vẫn tổng hợp, các chỉ tiêu cùng nội dung được chuyển sang mẫu ${want}` +
    (unmapped > 0
      ? `; ${unmapped} chỉ tiêu không chuyển được: ${first.join(", ")}${unmapped > first.length ? ", …" : ""}.`
      : "."),
  mappedFrom: (codes: string[]) => `Chuyển từ mẫu phiên bản khác: ${codes.join(" + ")}`,
  replacedBy: (file: string) => `Đơn vị đã gửi lại tệp ${file} (nhận sau); chỉ tính tệp đó.`,
  replaces: (file: string) => `Thay cho tệp ${file} đơn vị gửi trước.`,
  resentKeepFirst: (file: string, dated: boolean) =>
    `Cùng đơn vị và kỳ báo cáo với tệp ${file} nhưng số liệu khác; chỉ tính tệp ${file}` +
    (dated ? " (nhận sau)." : " (không biết tệp nào gửi sau, kiểm tra lại)."),
  sameNameOtherFigures: (file: string) =>
    `Cùng tên đơn vị với tệp ${file} nhưng số liệu khác và tên chỉ đọc được từ nội dung tệp; tính cả hai, kiểm tra lại tên đơn vị.`,
  incomplete: (groups: { reason: string; units: string[] }[]) => {
    const n = groups.reduce((a, g) => a + g.units.length, 0);
    let left = MAX_NAMES;
    const parts = groups.map((g) => {
      const shown = g.units.slice(0, Math.max(0, left));
      left -= shown.length;
      const more = g.units.length - shown.length;
      return `${shown.join(", ")}${more > 0 ? `${shown.length ? " " : ""}và ${more} đơn vị khác` : ""} (${g.reason})`;
    });
    return `Chưa đủ ${n} đơn vị: ${parts.join("; ")}`;
  },
  unreadFigures: (n: number, first: string[]) =>
    `Không đọc được ${n} số: ${first.join("; ")}${n > first.length ? "; …" : ""} (không có trong tổng).`,
  unreadRow: (form: number, code: string, text: string) =>
    `Biểu mẫu ${form} dòng ${code} ("${text.length > 30 ? text.slice(0, 30) + "…" : text}")`,
  late: (days: number, deadline: string) => `Nộp muộn ${days} ngày (hạn ${deadline}).`,
  missingForms: (forms: string) => `Thiếu biểu mẫu ${forms}.`,
  notChecked:
    "Việc kiểm tra tệp này không chạy hết do lỗi của phần bổ trợ (xem các mục “Không kiểm tra được …”); số liệu vẫn được tổng hợp nhưng chưa được kiểm tra đầy đủ.",
  notRead:
    "Việc đọc tệp này dừng giữa chừng do lỗi của phần bổ trợ; số liệu đọc được chưa đầy đủ nên không tổng hợp. Hãy gửi chi tiết hỗ trợ.",
  readerDefect: (detail: string) => `Không đọc được tệp do lỗi của phần bổ trợ (${detail}); hãy gửi chi tiết hỗ trợ.`,
  // Tổng hợp tab
  sheetName: "Tổng hợp",
  statusSheetName: "Tình trạng tệp",
  statusTitle: (unit: string, period: string) => `TÌNH TRẠNG CÁC TỆP ĐÃ NHẬN — ${unit} — ${period}`,
  title: (unit: string, period: string) => `TỔNG HỢP SỐ LIỆU CẢI CÁCH HÀNH CHÍNH ${period.toUpperCase()} — ${unit}`,
  subtitle: (n: number, total: number) =>
    `Đã tổng hợp ${n}/${total} tệp (xem trang "Tình trạng tệp"). Cột "Tổng hợp" tính bằng công thức từ các cột đơn vị; cột "Điều chỉnh" để đơn vị tổng hợp tự sửa.`,
  head: {
    code: "STT",
    label: "Chỉ tiêu",
    unit: "Đơn vị tính",
    total: "Tổng hợp",
    override: "Điều chỉnh",
    rule: "Cách tổng hợp",
    flags: "Lưu ý",
    /** The comparison with the previous period (the header adds the period: "Kỳ trước (6 tháng đầu năm 2024)"). */
    previous: "Kỳ trước",
    change: "Thay đổi",
    changePct: "Thay đổi (%)",
  },
  formHeader: (n: number, title: string) => `Biểu mẫu ${n}. ${title}`,
  notesTitle: "GHI CHÚ CỦA CÁC ĐƠN VỊ",
  notesHead: ["Đơn vị", "Biểu mẫu", "STT", "Ghi chú"],
  filesTitle: "TÌNH TRẠNG CÁC TỆP",
  filesHead: ["Tệp", "Đơn vị", "Tình trạng", "Lỗi", "Cảnh báo", "Chi tiết"],
  missingTitle: "ĐƠN VỊ CHƯA NỘP",
  ownTitle: "CHỈ TIÊU ĐƠN VỊ TỔNG HỢP TỰ ĐIỀN",
  ownNote: "Đơn vị tổng hợp tự điền",
  // CLI
  usage:
    'Cách dùng: cchc consolidate TỆP... -o KẾT_QUẢ.xlsx --level tinh|huyen --period Q1-2024|6T-2024|Q3-2024|N-2024 --unit "TÊN ĐƠN VỊ" [--version PHIÊN_BẢN] [--expect DANH_SÁCH.txt] [--previous TỔNG_HỢP_KỲ_TRƯỚC.xlsx [--units-map CŨ_MỚI.txt]] [--json]',
  badLevel: (s: string) => `Cấp "${s}" không tổng hợp được (chọn tinh hoặc huyen).`,
  badPeriod: (s: string) => `Kỳ báo cáo "${s}" không hợp lệ (ví dụ Q1-2024, 6T-2024, Q3-2024, N-2024).`,
  badVersion: (s: string, list: string) => `Phiên bản "${s}" không có (chọn ${list}).`,
  missingArg: (name: string) => `Thiếu tham số ${name}.`,
  noFiles: "Chưa chọn tệp nào để tổng hợp.",
  unknownOption: (s: string) => `Tham số "${s}" không hợp lệ.`,
  cannotReadExpect: (f: string) => `Không đọc được danh sách đơn vị ${f}.`,
  cannotReadFile: (f: string) => `Không đọc được tệp ${f}.`,
  cannotWrite: (f: string) => `Không ghi được tệp ${f}.`,
  outputNotOurs: (f: string) =>
    `Tệp ${f} đã có và chứa trang tính không do Báo cáo CCHC tạo; chọn tên khác để không mất dữ liệu.`,
  outIsInput: "Tệp kết quả trùng với một tệp đầu vào; chọn tên khác.",
  nothing: "Không có tệp nào tổng hợp được; không ghi tệp kết quả.",
  written: (out: string, n: number, total: number, missing: number) =>
    `Đã ghi ${out}: tổng hợp ${n}/${total} tệp${missing > 0 ? `, còn ${missing} đơn vị chưa nộp` : ""}.`,
  fileLine: (file: string, unit: string, status: string, errors: number, warnings: number) =>
    `${file}: ${unit} — ${status} (${errors} lỗi, ${warnings} cảnh báo)`,
  progress: (done: number, total: number, name: string) => `Đang đọc ${done}/${total}: ${name}`,
} as const;

type IncompleteReason = keyof typeof incompleteReasons;

/** What a consolidation says of a unit's file (the engine's UnitMessage). */
export type UnitWords =
  | { key: "asRead"; text: string }
  | { key: "nothing" | "noFigures" | "unknownPeriod" | "notRead" | "notChecked" }
  | { key: "late"; days: number; deadline: string }
  | { key: "noUnitName"; file: string }
  | { key: "missingForms"; forms: string }
  | { key: "wrongLevel"; got?: LevelId; allowed: LevelId[] }
  | { key: "wrongPeriod"; got: PeriodLike; want: PeriodLike }
  | { key: "otherVersion"; got: string; want: string; unmapped: number; first: string[] }
  | { key: "nameOfOtherLevel"; name: string; level: LevelId }
  | { key: "duplicateOf" | "replacedBy" | "replaces" | "sameNameOtherFigures" | "sameFigures"; file: string }
  | { key: "resentKeepFirst"; file: string; dated: boolean }
  | { key: "unreadFigures"; n: number; first: { form: number; code: string; text: string }[] };

const periodName = (p: PeriodLike) => periodText.label(p.kind, p.year);

/** The Vietnamese of a unit's note. */
export function unitMessage(m: UnitWords): string {
  const T = consolidateText;
  switch (m.key) {
    case "asRead":
      return m.text;
    case "nothing":
    case "noFigures":
    case "unknownPeriod":
    case "notRead":
    case "notChecked":
      return T[m.key];
    case "late":
      return T.late(m.days, m.deadline);
    case "noUnitName":
      return T.noUnitName(m.file);
    case "missingForms":
      return T.missingForms(m.forms);
    case "wrongLevel":
      return T.wrongLevel(m.got ? levelNames[m.got] : "?", m.allowed.map((l) => levelNames[l]).join(", "));
    case "wrongPeriod":
      return T.wrongPeriod(periodName(m.got), periodName(m.want));
    case "otherVersion":
      return T.otherVersion(m.got, m.want, m.unmapped, m.first);
    case "nameOfOtherLevel":
      return T.nameOfOtherLevel(m.name, levelNames[m.level]);
    case "duplicateOf":
    case "replacedBy":
    case "replaces":
    case "sameNameOtherFigures":
    case "sameFigures":
      return T[m.key](m.file);
    case "resentKeepFirst":
      return T.resentKeepFirst(m.file, m.dated);
    case "unreadFigures":
      return T.unreadFigures(
        m.n,
        m.first.map((x) => T.unreadRow(x.form, x.code, x.text))
      );
  }
}

/** A unit's notes, worded, in order. */
export function unitMessages(u: { messages: UnitWords[] }): string[] {
  return u.messages.map(unitMessage);
}

/** A total's notes (the engine's TotalFlag). */
export type FlagWords =
  | { key: "incomplete"; groups: { reason: IncompleteReason; units: string[] }[] }
  | { key: "naUnits"; n: number }
  | { key: "zeroDenominator" }
  | { key: "yesCount"; n: number; total: number }
  | { key: "codeCount"; code: number; label: string; n: number };

/** The Vietnamese of a total's note. */
export function totalFlag(f: FlagWords): string {
  const T = consolidateText;
  switch (f.key) {
    case "incomplete":
      return T.incomplete(f.groups.map((g) => ({ reason: incompleteReasons[g.reason], units: g.units })));
    case "naUnits":
      return T.naUnits(f.n);
    case "zeroDenominator":
      return T.zeroDenominator;
    case "yesCount":
      return T.yesCount(f.n, f.total);
    case "codeCount":
      return T.codeCount(f.code, f.label, f.n);
  }
}

/** A total's notes, worded, in order. */
export function totalFlags(r: { flags: FlagWords[] }): string[] {
  return r.flags.map(totalFlag);
}

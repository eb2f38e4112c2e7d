/**
 * User-facing Vietnamese strings of the task pane.
 * Functions build the messages that carry figures.
 */
import { bootText } from "./boot";
export const pane = {
  title: "Báo cáo CCHC",
  loading: "Đang tải…",
  noOffice: "Không tìm thấy Excel. Hãy mở phần bổ trợ từ trong Excel (Trang đầu › Báo cáo CCHC).",
  tabsLabel: "Chức năng",
  tabs: { insert: "Chèn biểu mẫu", check: "Kiểm tra", consolidate: "Tổng hợp" },

  /** Shown by the ES5 boot script before (or instead of) the pane. */
  boot: bootText,

  error: {
    title: "Đã xảy ra lỗi",
    body: "Phần bổ trợ gặp sự cố và không thể hiển thị. Số liệu trong bảng tính không bị thay đổi.",
    details: "Chi tiết cho bộ phận hỗ trợ",
    retry: "Thử lại",
    generic: (msg: string) => `Không thực hiện được: ${msg}`,
  },

  insert: {
    level: "Cấp báo cáo",
    periodKind: "Kỳ báo cáo",
    year: "Năm",
    yearInvalid: "Năm phải là số có 4 chữ số, từ 2000 đến 2100.",
    unit: "Tên đơn vị",
    unitPlaceholder: "Ví dụ: UBND xã Tân Phú",
    unitRequired: "Hãy nhập tên đơn vị báo cáo.",
    version: "Phiên bản biểu mẫu",
    forms: "Biểu mẫu cần chèn",
    formLabel: (n: number, title: string) => `Biểu mẫu ${n}: ${title}`,
    selectAll: "Chọn tất cả",
    noFormSelected: "Hãy chọn ít nhất một biểu mẫu.",
    button: "Chèn biểu mẫu",
    working: "Đang chèn biểu mẫu…",
    existsTitle: "Trang tính đã có",
    existsBody: (names: string[]) =>
      `Bảng tính đã có ${names.length === 1 ? "trang" : "các trang"}: ${names.join(", ")}. Giữ nguyên số liệu đã nhập hay thay thế bằng biểu mẫu trống?`,
    keep: "Giữ nguyên",
    replace: "Thay thế",
    cancel: "Hủy",
    resultWritten: (names: string[]) => `Đã chèn ${names.length} trang: ${names.join(", ")}.`,
    resultNone: "Không chèn trang nào.",
    resultKept: (names: string[]) => `Giữ nguyên ${names.length} trang đã có: ${names.join(", ")}.`,
    resultSkipped: (features: string[]) =>
      `Phiên bản Excel này chưa hỗ trợ: ${features.join(", ")}. Biểu mẫu vẫn dùng được, chỉ thiếu các tính năng đó.`,
    settingsLoaded: "Đã điền sẵn thông tin lưu trong bảng tính.",
  },

  check: {
    live: "Kiểm tra tự động khi nhập số liệu",
    liveHint: "Chỉ đọc, không ghi vào bảng tính khi bạn đang nhập (để giữ được Hoàn tác).",
    refresh: "Kiểm tra lại",
    checking: "Đang kiểm tra…",
    noForms: "Chưa có biểu mẫu nào trong bảng tính. Hãy chèn biểu mẫu ở thẻ “Chèn biểu mẫu”.",
    noFindings: "Không phát hiện lỗi nào.",
    formHeading: (n: number, errors: number, warnings: number) =>
      `${n === 0 ? "Toàn bảng tính" : `Biểu mẫu ${n}`}: ${errors} lỗi, ${warnings} cảnh báo`,
    error: "Lỗi",
    warning: "Cảnh báo",
    info: "Lưu ý",
    expected: "Cần là",
    actual: "Đang có",
    goTo: (code: string, cell?: string) => `Đi tới chỉ tiêu ${code}${cell ? ` (ô ${cell})` : ""}`,
    fixNumber: "Chuyển thành số",
    fixFormula: "Khôi phục công thức",
    fixDone: (cell: string) => `Đã sửa ô ${cell}.`,
    fixFailed: "Không sửa được ô này. Hãy sửa trực tiếp trong bảng tính.",
    readFailed: "Không đọc được bảng tính. Hãy thử lại.",
    preSend: "Kiểm tra trước khi gửi",
    summaryForms: (forms: number[]) =>
      forms.length ? `Biểu mẫu có trong bảng tính: ${forms.join(", ")}` : "Không có biểu mẫu nào",
    summaryCounts: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    ready: "Sẵn sàng gửi",
    notReady: "Chưa sẵn sàng gửi",
    notReadyHint: "Hãy sửa các lỗi trong danh sách rồi kiểm tra lại.",
    incompleteHint:
      "Việc kiểm tra không chạy hết (lỗi của phần bổ trợ) nên bảng tính không được ghi dấu sẵn sàng gửi. Hãy gửi chi tiết hỗ trợ của các mục “Không kiểm tra được …” rồi kiểm tra lại.",
    supportDetails: "Chi tiết hỗ trợ",
    stamped: (at: string) => `Đã ghi dấu kiểm tra vào bảng tính lúc ${at}.`,
    stampUnchanged: (at: string) => `Đã kiểm tra trước khi gửi lúc ${at}; số liệu chưa thay đổi từ đó.`,
    stampChanged: (at: string) =>
      `Đã kiểm tra trước khi gửi lúc ${at}, nhưng số liệu đã thay đổi từ đó. Hãy kiểm tra lại trước khi gửi.`,
    findingsLabel: "Danh sách lỗi và cảnh báo",
    missingSummary: (n: number) => `${n} chỉ tiêu chưa nhập số liệu`,
    figuresRead: (n: number) => `Số liệu đã đọc (${n} ô)`,
    figuresForm: (form: number, n: number) => `Biểu mẫu ${form}: ${n} số liệu`,
    figureLine: (
      code: string,
      label: string | undefined,
      shown: string,
      sheet: string,
      cell: string,
      formula: boolean
    ) =>
      `${code}${label ? ` ${label}` : ""}: ${shown === "" ? "—" : shown}${formula ? " (công thức)" : ""} — ô ${cell}, trang ${sheet}`,
  },

  consolidate: {
    watchTitle: "Đơn vị cần lưu ý (xem thêm trang Phụ lục)",
    intro: "Chọn các tệp báo cáo (.xlsx) của đơn vị cấp dưới để tổng hợp vào trang “Tổng hợp”.",
    pick: "Chọn tệp",
    drop: "Hoặc kéo thả tệp vào đây",
    dropLabel: "Vùng kéo thả tệp báo cáo",
    files: (n: number) => `Đã chọn ${n} tệp`,
    notXlsx: (name: string) => `Tệp ${name} không phải tệp Excel (.xlsx) và được bỏ qua.`,
    expected: "Danh sách đơn vị cần nộp (không bắt buộc, mỗi dòng một đơn vị)",
    button: "Tổng hợp",
    working: "Đang tổng hợp…",
    noFiles: "Hãy chọn ít nhất một tệp báo cáo.",
    needSettings: "Hãy nhập tên đơn vị tổng hợp, cấp và kỳ báo cáo ở thẻ “Chèn biểu mẫu” trước.",
    settingsFor: (unit: string, period: string) => `Tổng hợp cho: ${unit} — ${period}`,
    colUnit: "Đơn vị",
    colFile: "Tệp",
    colStatus: "Tình trạng",
    status: {
      ok: "Đã tổng hợp",
      warning: "Có cảnh báo",
      error: "Lỗi",
      missing: "Chưa nộp",
      pending: "Đang chờ",
      reading: "Đang đọc",
      read: "Đã đọc",
      gone: "Kỳ trước có, kỳ này không có",
    } as Record<string, string>,
    previousPick: "Chọn tệp Tổng hợp kỳ trước (không bắt buộc)",
    previousChosen: (name: string) => `So với kỳ trước: ${name}`,
    previousClear: "Bỏ so sánh với kỳ trước",
    previousHint: "Trang Tổng hợp thêm cột “Kỳ trước” và “Thay đổi”.",
    unitsMap: "Đơn vị cũ → đơn vị mới (sau sắp xếp; mỗi dòng: Xã An Bình → Xã Tân Lập)",
    previousTitle: "So với kỳ trước",
    progress: (name: string) => `Tiến độ đọc tệp ${name}`,
    done: (units: number, sheet: string) => `Đã tổng hợp ${units} đơn vị vào trang “${sheet}”.`,
    failed: "Không tổng hợp được. Bảng tính không bị thay đổi.",
    existsTitle: "Đã có trang Tổng hợp",
    existsBody: (names: string[]) =>
      `Bảng tính đã có trang ${names.join(", ")} từ lần tổng hợp trước. Thay thế bằng kết quả mới? Các số đã sửa ở cột “Điều chỉnh” của trang cũ sẽ mất.`,
    keptPrevious: "Giữ nguyên trang Tổng hợp đã có; kết quả mới chưa được ghi.",
    fill: "Điền số tổng hợp vào biểu mẫu của đơn vị",
    filling: "Đang điền…",
    filled: (n: number) => `Đã điền ${n} ô còn trống bằng số tổng hợp.`,
    formsInserted: (n: number) => `Đã chèn ${n} biểu mẫu của đơn vị trước khi điền.`,
    nothingToFill: "Không có ô trống nào cần điền.",
    fillFailed: "Không điền được số tổng hợp. Bảng tính không bị thay đổi.",
    conflictsTitle: (n: number) => `${n} ô đã có số liệu do người dùng nhập, chưa ghi đè:`,
    conflictLine: (form: number, code: string, typed: string, total: string) =>
      `Biểu mẫu ${form}, chỉ tiêu ${code}: đang có ${typed}, số tổng hợp ${total}`,
    overwrite: (n: number) => `Ghi đè ${n} ô đã có số liệu`,
    overwriteConfirm: (n: number) => `Thay ${n} số đã nhập bằng số tổng hợp? Không thể hoàn tác trong ngăn này.`,
    overwriteYes: "Ghi đè",
    overwriteNo: "Hủy",
    overwritten: (n: number) => `Đã ghi đè ${n} ô bằng số tổng hợp.`,
    own: (codes: string) => `Đơn vị tự nhập: ${codes}`,
  },
} as const;

/** An expected or actual figure of a finding as both panes show it ("—" for none, Vietnamese digits). */
export function formatFigure(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "number" ? v.toLocaleString("vi-VN", { maximumFractionDigits: 4 }) : String(v);
}

/** "2026-11-23T11:00:00Z" → "11:00 23/11/2026" (local time). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

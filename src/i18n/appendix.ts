/** Vietnamese strings of the per-unit appendix (Phụ lục) of a consolidation. Numbers arrive formatted. */
export const appendixText = {
  sheetName: "Phụ lục",
  title: (unit: string, period: string) => `PHỤ LỤC: SỐ LIỆU CỦA CÁC ĐƠN VỊ — ${unit} — ${period}`,
  subtitle: (counted: number, listed: number) =>
    `${counted}/${listed} đơn vị đã tổng hợp. Tỷ lệ tính bằng công thức từ số liệu của từng đơn vị; dòng Tổng cộng cộng các đơn vị, tỷ lệ tổng tính từ tổng tử số và mẫu số.`,
  stt: "STT",
  unit: "Đơn vị",
  note: "Ghi chú",
  total: "Tổng cộng",
  colNumber: (n: number) => `(${n})`,
  rateNumber: (n: number, num: number, den: number) => `(${n})=(${num})/(${den})`,
  state: {
    missing: "Chưa nộp",
    unreadable: "Không đọc được tệp",
    "wrong-period": "Sai kỳ báo cáo",
    "wrong-version": "Sai phiên bản biểu mẫu",
    "wrong-level": "Sai cấp báo cáo",
    duplicate: "Trùng tệp",
    counted: "",
    "not-checked": "Chưa kiểm tra được",
  } as Record<string, string>,
  incomplete: (labels: string) => `Chưa đủ số liệu: ${labels}`,
  errors: (n: number) => `${n} lỗi trong tệp`,
  watchTitle: "Đơn vị cần lưu ý:",
  chartTitle: "Tỷ lệ hồ sơ giải quyết đúng hạn và tiếp nhận trực tuyến của các đơn vị (%)",
  watchNone: "Không có đơn vị nào cần lưu ý.",
  lowRate: (unit: string, label: string, value: string, total: string) =>
    `${unit}: ${label.replace(/\s*\(%\)$/, "").toLowerCase()} ${value}%, thấp hơn mức chung ${total}%.`,
  withErrors: (unit: string, n: number) => `${unit}: tệp có ${n} lỗi, cần kiểm tra lại số liệu.`,
  notCounted: (unit: string, state: string) => `${unit}: ${state.toLowerCase()}, chưa được tổng hợp.`,
  missing: (unit: string) => `${unit}: chưa nộp báo cáo.`,
};

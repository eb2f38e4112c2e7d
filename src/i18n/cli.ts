/**
 * Vietnamese strings of the .xlsx reader and the `cchc` command line.
 */

/** One-line reasons why a file cannot be read (ReadOutcome.reason). */
export const readVi = {
  empty: "Tệp rỗng (0 byte), không có dữ liệu để đọc.",
  xls: "Đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx) rồi thử lại.",
  encrypted:
    "Tệp được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại.",
  ods: "Đây là tệp bảng tính OpenDocument (.ods). Hãy lưu lại dạng .xlsx rồi thử lại.",
  pdf: "Đây là tệp PDF, không phải tệp Excel. Hãy dùng tệp .xlsx của báo cáo.",
  docx: "Đây là tệp Word (.docx), không phải tệp Excel. Hãy dùng tệp .xlsx của báo cáo.",
  xlsb: "Đây là tệp Excel nhị phân (.xlsb). Hãy lưu lại dạng .xlsx rồi thử lại.",
  notXlsx: "Tệp không phải là tệp Excel (.xlsx).",
  corrupt: "Tệp .xlsx bị hỏng hoặc không đầy đủ (có thể tải về chưa xong). Hãy lấy lại tệp gốc.",
  tooLarge: (what: string) => `Tệp quá lớn để kiểm tra (${what}).`,
  tooLargeFile: (mb: number) => `kích thước vượt ${mb} MB`,
  tooLargeUnzipped: (mb: number) => `dữ liệu giải nén vượt ${mb} MB`,
  tooManySheets: (n: number) => `nhiều hơn ${n} trang tính`,
  tooManyCells: (sheet: string, n: number) => `trang "${sheet}" có hơn ${n.toLocaleString("vi-VN")} ô`,
  notFound: (path: string) => `Không tìm thấy tệp "${path}".`,
  cannotOpen: (path: string) => `Không mở được tệp "${path}".`,
};

const STATE_NAMES: Record<string, string> = {
  na: "không áp dụng",
  text: "chữ, không phải số",
  error: "lỗi công thức",
};
const LEVEL_NAMES: Record<string, string> = { tinh: "Tỉnh", so: "Sở, ban, ngành", huyen: "Huyện", xa: "Xã" };

export const cliVi = {
  help: `cchc — Báo cáo CCHC: tạo và kiểm tra biểu mẫu thống kê cải cách hành chính (Biểu mẫu 1–7)

Cách dùng:
  cchc templates [--json]
      Liệt kê các biểu mẫu, các phiên bản theo cấp và các chỉ tiêu.
  cchc new -o TỆP.xlsx --level tinh|so|huyen|xa --period Q1-2023|6T-2023|Q3-2023|N-2023 --unit "TÊN ĐƠN VỊ"
           [--version MÃ] [--forms 1,3,7] [--report-no "35/BC-SNV"] [--carry-from KỲ-TRƯỚC.xlsx] [--force]
      Tạo tệp biểu mẫu mới để điền số liệu. Không ghi đè tệp đã có, trừ khi có --force.
      --carry-from điền sẵn các số liệu thời điểm (số cán bộ, thủ tục đang áp dụng…) từ báo cáo kỳ trước
      của cùng đơn vị vào ô trống, liệt kê từng ô.
  cchc validate TỆP.xlsx [--json] [--show] [--previous KỲ-TRƯỚC.xlsx ...]
      Kiểm tra số liệu: tỷ lệ, tổng và thành phần, số âm, mã không hợp lệ...
      --show in các số liệu đã đọc theo từng biểu mẫu, kèm ô lấy số.
      --previous so sánh với báo cáo các kỳ trước của cùng đơn vị (năm với 6 tháng, quý III...).
      Mã thoát: 0 = không có lỗi, 1 = có lỗi, 2 = không đọc được tệp,
      3 = việc kiểm tra không chạy hết (lỗi của phần bổ trợ: xem các mục “Không kiểm tra được …”).
  cchc consolidate ...
      Tổng hợp báo cáo của các đơn vị trực thuộc (xem cchc consolidate --help).
  cchc --help
      Hiện hướng dẫn này.

Cấp: tinh = Tỉnh, so = Sở, ban, ngành, huyen = Huyện, xa = Xã.
Kỳ báo cáo: Q1 = Quý I, 6T = 6 tháng, Q3 = Quý III, N = Năm (ví dụ 6T-2023).`,
  unknownCommand: (c: string) => `Không có lệnh "${c}". Gõ cchc --help để xem các lệnh.`,
  badOption: (msg: string) => `Tham số không hợp lệ: ${msg}. Gõ cchc --help để xem cách dùng.`,
  unknownOption: (o: string) => `không có tùy chọn ${o}`,
  missingValue: (o: string) => `thiếu giá trị sau ${o}`,
  extraArgument: (a: string) => `thừa "${a}"`,
  missingOutput: "Thiếu tên tệp cần tạo (-o TỆP.xlsx).",
  outputNotXlsx: "Tên tệp cần tạo phải có đuôi .xlsx.",
  missingLevel: "Thiếu cấp báo cáo (--level tinh|so|huyen|xa).",
  badLevel: (v: string) => `Cấp "${v}" không hợp lệ; chọn một trong: tinh, so, huyen, xa.`,
  missingPeriod: "Thiếu kỳ báo cáo (--period, ví dụ 6T-2023).",
  badPeriod: (v: string) => `Kỳ báo cáo "${v}" không hợp lệ; ví dụ: Q1-2023, 6T-2023, Q3-2023, N-2023.`,
  missingUnit: 'Thiếu tên đơn vị báo cáo (--unit "TÊN ĐƠN VỊ").',
  badVersion: (v: string, ids: string) => `Phiên bản "${v}" không có; các phiên bản: ${ids}.`,
  badForms: (v: string) => `Danh sách biểu mẫu "${v}" không hợp lệ; ví dụ: --forms 1,3,7 (từ 1 đến 7).`,
  emptyForms: (forms: string, level: string) =>
    `Biểu mẫu ${forms} không có chỉ tiêu nào ở cấp ${LEVEL_NAMES[level] ?? level}.`,
  exists: (p: string) => `Tệp "${p}" đã có. Dùng --force nếu muốn ghi đè.`,
  cannotWrite: (p: string) => `Không ghi được tệp "${p}".`,
  created: (p: string, forms: string, rows: number) => `Đã tạo ${p}: biểu mẫu ${forms}, ${rows} chỉ tiêu.`,
  missingFile: "Thiếu tên tệp cần kiểm tra (cchc validate TỆP.xlsx).",
  internal: (msg: string) => `Lỗi không mong đợi: ${msg}`,
  consolidateMissing: "Lệnh tổng hợp (consolidate) chưa có trong phiên bản này.",
  templates: {
    versions: "Phiên bản biểu mẫu:",
    defaultMark: " (mặc định)",
    form: (n: number, title: string) => `Biểu mẫu ${n} — ${title}`,
    counts: (parts: string) => `  Số chỉ tiêu theo cấp: ${parts}`,
    level: (l: string) => LEVEL_NAMES[l] ?? l,
  },
  validate: {
    header: (file: string) => `Kiểm tra: ${file}`,
    unit: (u: string) => `Đơn vị: ${u}`,
    period: (p: string) => `Kỳ báo cáo: ${p}`,
    level: (l: string) => `Cấp: ${LEVEL_NAMES[l] ?? l}`,
    noForms: "Không tìm thấy biểu mẫu nào trong tệp.",
    form: (n: number) => `Biểu mẫu ${n}:`,
    error: "Lỗi",
    warning: "Cảnh báo",
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as Record<"error" | "warning" | "info", string>,
    previousUsed: (file: string, period: string) => `So sánh với kỳ trước: ${file} (${period}).`,
    info: "Lưu ý",
    at: (sheet: string, cell: string) => ` [${sheet}!${cell}]`,
    row: (code: string) => `Chỉ tiêu ${code}`,
    show: {
      form: (n: number) => `Số liệu đã đọc — Biểu mẫu ${n}:`,
      noCell: "(không rõ ô)",
      number: (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 6 }),
      missing: "(trống)",
      other: (state: string, raw: unknown) =>
        `${STATE_NAMES[state] ?? state}${raw === null || raw === undefined || raw === "" ? "" : ` «${String(raw)}»`}`,
    },
    unplacedHeader: (n: number) => `Có ${n} dòng không xác định được chỉ tiêu:`,
    unplacedRow: (sheet: string, row: number, text: string, reason: string) =>
      `  ${sheet}, dòng ${row}: ${text} — ${reason}`,
    stamp: {
      none: "Chưa đóng dấu kiểm tra trước khi gửi.",
      unchanged: "Dấu kiểm tra còn nguyên: số liệu không đổi từ khi kiểm tra.",
      changed: "Số liệu đã thay đổi sau khi đóng dấu kiểm tra.",
    },
    other: "Toàn tệp:",
    incomplete: (n: number) =>
      `Việc kiểm tra không chạy hết: ${n} phần không kiểm tra được do lỗi của phần bổ trợ. Kết quả trên chưa đầy đủ; hãy gửi chi tiết hỗ trợ (in ở stderr).`,
    support: (message: string, details: string) => `Chi tiết hỗ trợ — ${message}\n${details}`,
    summary: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0 ? "Không phát hiện lỗi." : `Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo.`,
  },
};

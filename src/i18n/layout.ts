/**
 * Vietnamese strings of the form layout (sheets written by the add-in and by `cchc new`).
 */
export const layoutVi = {
  sheetName: (form: number) => `Biểu mẫu ${form}`,
  formBadge: (form: number) => `Biểu mẫu ${form}`,
  issuedWith: (reportNo?: string) =>
    reportNo && reportNo.trim()
      ? `(Ban hành kèm theo Báo cáo số ${reportNo.trim()} ngày … tháng … năm …)`
      : "(Ban hành kèm theo Báo cáo số …/BC-… ngày … tháng … năm …)",
  header: {
    stt: "STT",
    indicator: "Chỉ tiêu thống kê",
    result: "Kết quả thống kê",
    unit: "Đơn vị tính",
    value: "Số liệu",
    note: "Ghi chú",
  },
  validation: {
    countTitle: "Số đếm",
    countError: "Nhập số nguyên không âm (ví dụ 12).",
    percentTitle: "Tỷ lệ (%)",
    percentError: "Nhập tỷ lệ phần trăm từ 0 đến 100 (ví dụ 96,5), không kèm dấu %.",
    moneyTitle: "Số tiền",
    moneyError: "Nhập số không âm.",
    enumTitle: "Chọn mã",
    enumError: (codes: string) => `Chỉ nhập một trong các mã: ${codes}.`,
    enumPrompt: (pairs: { code: number; label: string }[]) => pairs.map((p) => `${p.code} = ${p.label}`).join("; "),
    invalidTitle: "Giá trị không hợp lệ",
  },
} as const;

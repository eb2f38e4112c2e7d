/** Vietnamese messages of the Office.js adapter (src/excel). */
export const excelVi = {
  /** Notes for WriteResult.skippedFeatures keys. */
  skipped: {
    dataValidation:
      "Phiên bản Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (ExcelApi 1.8): ô nhập không có danh sách chọn và cảnh báo.",
    pageLayout:
      "Phiên bản Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9): hãy tự chọn khổ A4 và hướng giấy khi in.",
    protection: "Không khóa được các ô tiêu đề của biểu mẫu; số liệu vẫn được ghi đầy đủ.",
  } as Record<string, string>,
  errors: {
    noExcel: "Không kết nối được với Excel: hãy mở bổ trợ trong Excel rồi thử lại.",
    cellEditMode: "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.",
    protectedSheet: "Trang tính đang được khóa: hãy bỏ khóa (Review › Unprotect Sheet) rồi thử lại.",
    tooLarge: "Dữ liệu quá lớn để ghi một lần; hãy chèn ít biểu mẫu hơn mỗi lần.",
    busy: "Excel đang bận: hãy thử lại sau giây lát.",
    generic: (detail: string) => `Excel báo lỗi: ${detail}`,
    badSheetName: (name: string) =>
      `Tên trang tính không hợp lệ: "${name}" (tối đa 31 ký tự, không chứa [ ] : * ? / \\).`,
    duplicateSheet: (name: string) => `Tên trang tính bị trùng trong yêu cầu: "${name}".`,
    badAddress: (a1: string) => `Địa chỉ ô không hợp lệ: "${a1}".`,
    badRange: (sheet: string, range: string) => `Vùng ô không hợp lệ trên trang "${sheet}": "${range}".`,
    noSheet: (name: string) => `Không tìm thấy trang tính "${name}".`,
    hiddenSheet: (name: string) => `Trang tính "${name}" đang bị ẩn: hãy hiện trang này rồi thử lại.`,
    badSettingKey: (key: string) => `Khóa thiết lập không hợp lệ: "${key}".`,
    textTooLong: (where: string) => `Nội dung quá dài cho một ô Excel (tối đa 32.767 ký tự): ${where}.`,
  },
} as const;

/** Vietnamese strings of the simplified task pane for older Excel (Internet Explorer 11 webview). */
export const legacyVi = {
  notice:
    "Đây là ngăn rút gọn dành cho Excel đời cũ (Excel 2019 trở về trước). Chức năng “Tổng hợp” cần Excel mới hơn hoặc lệnh “cchc consolidate” trên máy tính.",
  sectionInsert: "Chèn biểu mẫu",
  sectionCheck: "Kiểm tra",
  liveOn: "Đang kiểm tra tự động khi nhập số liệu.",
  liveOff: "Không theo dõi được thay đổi; hãy bấm “Kiểm tra lại”.",
  goToHint: "Bấm vào một dòng để đi tới ô đó.",
  startFailed: "Không khởi động được ngăn rút gọn. Hãy đóng và mở lại phần bổ trợ.",
  showMissing: (n: number) => `Hiện ${n} chỉ tiêu chưa nhập số liệu`,
  hideMissing: "Ẩn các chỉ tiêu chưa nhập",
} as const;

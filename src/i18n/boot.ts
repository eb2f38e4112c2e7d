/** Strings of the ES5 boot script (kept apart so boot.js stays tiny; pane.ts re-exposes them as pane.boot). */
export const bootText = {
  loading: "Đang tải Báo cáo CCHC…",
  toLegacy:
    "Excel trên máy này hiển thị phần bổ trợ bằng Internet Explorer cũ. Đang mở ngăn rút gọn của Báo cáo CCHC (chèn và kiểm tra biểu mẫu)…",
  failed: "Ngăn Báo cáo CCHC chưa tải xong. Hãy kiểm tra kết nối mạng rồi đóng và mở lại ngăn.",
};

/**
 * Vietnamese strings of the report-text cross-check (`cchc crosscheck`, `cchc draft`) and of drafting.
 */
/** Figures arrive formatted the Vietnamese way by the caller (formatVi); null or undefined is a blank. */
const n = (x: string | null | undefined) => (x === null || x === undefined ? "(trống)" : x);

export const textVi = {
  read: {
    empty: "Tệp rỗng (0 byte), không có nội dung để đối chiếu.",
    doc: "Đây là tệp Word 97–2003 (.doc) hoặc tệp Word đặt mật khẩu. Hãy mở bằng Word, gỡ mật khẩu nếu có, và lưu lại dạng Tài liệu Word (.docx) rồi thử lại.",
    pdf: "Đây là tệp PDF. Hãy dùng tệp Word (.docx) của báo cáo (hoặc dán nội dung báo cáo vào ô văn bản).",
    xlsx: "Đây là tệp Excel (.xlsx), không phải tệp Word. Hãy chọn tệp báo cáo Word (.docx); tệp biểu mẫu đặt ở vị trí thứ hai.",
    notDocx: "Tệp không phải là tệp Word (.docx) (có thể đã bị đổi đuôi). Hãy chọn đúng tệp báo cáo Word.",
    corrupt: "Tệp Word bị hỏng hoặc không đầy đủ, không đọc được nội dung. Hãy lấy lại tệp gốc.",
    tooLarge: (mb: number) => `Tệp Word quá lớn để đối chiếu (vượt ${mb} MB).`,
    notFound: (p: string) => `Không tìm thấy tệp "${p}".`,
    noText: "Tệp Word không có đoạn văn nào để đối chiếu.",
  },
  finding: {
    mismatch: (label: string, text: string, form: string, code: string) =>
      `Báo cáo ghi ${text} cho "${label}", nhưng biểu mẫu (dòng ${code}) ghi ${n(form)}.`,
    blank: (label: string, text: string, code: string) =>
      `Báo cáo ghi ${text} cho "${label}", nhưng dòng ${code} của biểu mẫu để trống: hãy điền ${text} (hoặc sửa lại báo cáo).`,
    rounding: (label: string, text: string, form: string) =>
      `Báo cáo ghi ${text}% cho "${label}", biểu mẫu ghi ${n(form)}%: cùng một số nhưng làm tròn chưa đúng.`,
    ratio: (text: string, num: string, den: string, exact: string) =>
      `Báo cáo ghi tỷ lệ ${text}%, nhưng chính các số trong câu cho ${n(num)}/${n(den)} = ${n(exact)}%.`,
    ratioRounding: (text: string, num: string, den: string, exact: string) =>
      `Báo cáo ghi tỷ lệ ${text}%, các số trong câu cho ${n(num)}/${n(den)} = ${n(exact)}%: làm tròn chưa đúng.`,
    unitTruncated: (label: string, written: string, text: string, form: string) =>
      `Báo cáo ghi ${written} (= ${n(text)} triệu đồng) cho "${label}", biểu mẫu ghi ${n(form)} triệu đồng: số đã bị cắt bớt khi đổi đơn vị.`,
    unitScaled: (label: string, written: string, text: string, form: string) =>
      `Báo cáo ghi ${written} (= ${n(text)} triệu đồng) cho "${label}", biểu mẫu ghi ${n(form)}: có thể biểu mẫu ghi sai đơn vị (đồng/triệu đồng/tỷ đồng).`,
  },
  cli: {
    missingReport: "Thiếu tệp báo cáo Word. Cách dùng: cchc crosscheck BAO-CAO.docx [BIEU-MAU.xlsx] [--json]",
    missingForms: "Thiếu tệp biểu mẫu. Cách dùng: cchc draft BIEU-MAU.xlsx -o doan-van.docx",
    noForms:
      "Không tìm thấy biểu mẫu nào để đối chiếu: báo cáo Word không có bảng phụ lục Biểu mẫu 1–7 và không có tệp .xlsx đi kèm.",
    noFormsInXlsx: "Không tìm thấy Biểu mẫu 1–7 nào trong tệp .xlsx.",
    header: (report: string, forms: string) => `Đối chiếu báo cáo "${report}" với biểu mẫu "${forms}"`,
    formsFromDocx: "các bảng phụ lục trong chính báo cáo",
    tied: (k: number, total: number) =>
      `Đã gắn ${k} số liệu của báo cáo với chỉ tiêu biểu mẫu (trên ${total} số liệu tìm thấy).`,
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as Record<string, string>,
    at: (p: number) => `đoạn ${p}`,
    row: (form: number, code: string) => (code ? `Biểu mẫu ${form}, dòng ${code}` : `Biểu mẫu ${form}`),
    cell: (sheet: string, cell: string) => ` (ô ${sheet}!${cell})`,
    quote: (q: string) => `    « ${q} »`,
    summary: (e: number, w: number, i: number) =>
      e + w + i === 0
        ? "Báo cáo khớp với biểu mẫu: không có số liệu nào mâu thuẫn."
        : `Tổng cộng: ${e} lỗi, ${w} cảnh báo, ${i} lưu ý.`,
    missingOutput: "Thiếu tên tệp kết quả: dùng -o doan-van.docx (hoặc -o doan-van.txt).",
    badOutput: "Tệp kết quả phải có đuôi .docx hoặc .txt.",
    exists: (p: string) => `Tệp "${p}" đã có. Dùng --force để ghi đè.`,
    cannotWrite: (p: string) => `Không ghi được tệp "${p}".`,
    drafted: (p: string, k: number) => `Đã soạn ${k} đoạn văn số liệu vào "${p}".`,
  },
  /** The pane's "Đối chiếu với báo cáo Word" and "Soạn đoạn văn số liệu" (src/taskpane/components/ReportTextSection.tsx). */
  pane: {
    crossTitle: "Đối chiếu với báo cáo Word",
    crossHint:
      "So các số liệu trong phần nội dung báo cáo Word với biểu mẫu đang mở. Chọn tệp .docx hoặc dán nội dung báo cáo; bảng tính không bị thay đổi.",
    pickFile: "Chọn tệp báo cáo Word (.docx)",
    fileLabel: "Tệp báo cáo Word",
    pasteLabel: "Hoặc dán nội dung báo cáo",
    pastePlaceholder: "Dán nội dung báo cáo (mỗi đoạn một dòng)…",
    checkPasted: "Đối chiếu nội dung đã dán",
    checking: "Đang đối chiếu…",
    loadFailed: "Không tải được phần đối chiếu báo cáo. Hãy kiểm tra kết nối rồi thử lại.",
    noForms: "Chưa có biểu mẫu nào trong bảng tính để đối chiếu. Hãy chèn biểu mẫu và nhập số liệu trước.",
    emptyText: "Chưa có nội dung báo cáo để đối chiếu: hãy dán phần nội dung báo cáo vào ô văn bản.",
    source: (name: string) => `Đã đối chiếu: ${name}`,
    pasted: "nội dung đã dán",
    clean: (tied: number) =>
      tied === 0
        ? "Không tìm thấy số liệu nào của báo cáo gắn được với chỉ tiêu biểu mẫu."
        : `Báo cáo khớp với biểu mẫu: ${tied} số liệu đã so, không có số liệu nào mâu thuẫn.`,
    counts: (e: number, w: number, i: number, tied: number) =>
      `${e} lỗi, ${w} cảnh báo, ${i} lưu ý (đã so ${tied} số liệu của báo cáo với biểu mẫu).`,
    formHeading: (form: number, e: number, w: number, i: number) =>
      `${form === 0 ? "Tỷ lệ trong câu" : `Biểu mẫu ${form}`}: ${e} lỗi, ${w} cảnh báo${i ? `, ${i} lưu ý` : ""}`,
    paragraph: (p: number) => `đoạn ${p}`,
    goTo: (code: string, cell: string | null) => (cell ? `Đi tới dòng ${code} (ô ${cell})` : `Dòng ${code}`),
    quoteLabel: "Câu trong báo cáo",
    draftTitle: "Soạn đoạn văn số liệu",
    draftHint:
      "Soạn các đoạn văn số liệu từ biểu mẫu đang mở, để dán vào báo cáo Word (phần bổ trợ không ghi được vào Word).",
    draft: "Soạn đoạn văn",
    drafting: "Đang soạn…",
    draftLabel: "Đoạn văn số liệu đã soạn",
    copy: "Sao chép",
    copied: "Đã sao chép đoạn văn. Dán vào báo cáo Word bằng Ctrl+V.",
    copySelected: "Không sao chép tự động được: đoạn văn đã được chọn sẵn, hãy bấm Ctrl+C để sao chép.",
    download: "Tải về .docx",
    downloaded: (name: string) => `Đã tạo tệp "${name}".`,
    downloadFailed: "Không tạo được tệp .docx. Hãy dùng nút “Sao chép”.",
    fileStem: "Đoạn văn số liệu",
  },
  draft: {
    title: "PHẦN SỐ LIỆU (soạn tự động từ Biểu mẫu 1–7)",
    sections: {
      1: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
      2: "1. Cải cách thể chế",
      3: "2. Cải cách thủ tục hành chính",
      4: "3. Cải cách tổ chức bộ máy",
      5: "4. Cải cách chế độ công vụ",
      6: "5. Cải cách tài chính công",
      7: "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    } as Record<number, string>,
    results: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    levelLead: { tinh: "Tại các sở, ngành", huyen: "Tại UBND cấp huyện", xa: "Tại UBND cấp xã" } as Record<
      string,
      string
    >,
    nothing: "Các biểu mẫu chưa có số liệu để soạn đoạn văn.",
  },
};

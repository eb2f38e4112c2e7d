/**
 * User-facing Vietnamese strings of the page that works on files outside Excel (dist/bao-cao-cchc.html) and of
 * its user guide (also dist/huong-dan.html, the add-in's SupportUrl).
 */
export const pageText = {
  title: "Báo cáo CCHC",
  subtitle: "Làm biểu mẫu, kiểm tra và tổng hợp báo cáo cải cách hành chính trên tệp Excel — không cần cài phần bổ trợ",
  offline:
    "Tệp của bạn không rời khỏi máy tính: trang này chạy hoàn toàn trong trình duyệt, không kết nối mạng và không gửi dữ liệu đi đâu.",
  jobsLabel: "Công việc",
  jobs: { create: "Tạo biểu mẫu", check: "Kiểm tra tệp", consolidate: "Tổng hợp", guide: "Hướng dẫn sử dụng" },

  create: {
    intro:
      "Chọn cấp, kỳ báo cáo, tên đơn vị và các biểu mẫu rồi bấm “Tạo và tải tệp”. Tệp Excel tải về có sẵn công thức tính tỷ lệ, mở được bằng mọi phiên bản Excel, WPS hay LibreOffice.",
    button: "Tạo và tải tệp",
    working: "Đang tạo tệp…",
    downloaded: (name: string) => `Đã tải tệp “${name}” về máy (thư mục Tải xuống).`,
    carryTitle: "Điền sẵn từ báo cáo kỳ trước (không bắt buộc)",
    carryHint:
      "Chọn báo cáo kỳ trước của chính đơn vị (.xlsx): khi tạo tệp, các chỉ tiêu số liệu thời điểm (số cán bộ, thủ tục đang áp dụng, đơn vị, hệ thống…) được điền sẵn vào biểu mẫu mới; các chỉ tiêu phát sinh trong kỳ và tỷ lệ để trống.",
    carryPick: "Chọn báo cáo kỳ trước…",
    carryChosen: (name: string) => `Sẽ điền sẵn từ: ${name}`,
    carryClear: "Bỏ chọn",
  },

  file: {
    pick: "Chọn tệp Excel",
    drop: "hoặc kéo thả tệp .xlsx vào đây",
    dropLabel: "Vùng kéo thả tệp Excel cần kiểm tra",
    notXlsx: (name: string) =>
      `Tệp “${name}” không phải tệp Excel .xlsx. Hãy lưu tệp thành “Sổ làm việc Excel (.xlsx)” rồi chọn lại.`,
    opening: (name: string) => `Đang mở tệp ${name}…`,
    opened: (name: string) => `Đang kiểm tra: ${name}`,
    other: "Mở tệp khác",
  },

  check: {
    intro:
      "Mở tệp báo cáo (.xlsx) để kiểm tra. Trang liệt kê lỗi theo từng biểu mẫu; bấm vào một lỗi để xem ô đó. Các sửa nhanh chỉ thay đổi bản sao trong trang; bấm “Lưu tệp” để tải bản đã sửa về — tệp gốc không bị ghi đè.",
    hint: "Sửa nhanh và đóng dấu chỉ thay đổi bản sao trong trang; bấm “Lưu tệp” để tải bản đó về máy.",
    save: "Lưu tệp",
    saving: "Đang lưu…",
    saved: (name: string) => `Đã tải bản đã kiểm tra “${name}” về máy. Tệp gốc không thay đổi.`,
    lostTitle: "Bản lưu sẽ thiếu một số nội dung",
    lostBody: (what: string[]) =>
      `Tệp gốc có ${what.join(", ")} mà trang này không giữ lại được khi lưu. Bản tải về sẽ không có các nội dung đó (tệp gốc vẫn còn nguyên). Vẫn lưu?`,
    lostYes: "Vẫn lưu bản sao",
    lostNo: "Không lưu",
    unsavedTitle: "Bản đã sửa chưa được lưu",
    unsavedBody: (name: string) =>
      `Các sửa nhanh hoặc dấu kiểm tra trong bản sao của “${name}” chưa được tải về máy. Mở tệp khác sẽ bỏ các thay đổi đó (tệp gốc vẫn còn nguyên).`,
    unsavedStay: "Ở lại để lưu",
    unsavedLeave: "Bỏ thay đổi, mở tệp khác",
    lost: {
      charts: "biểu đồ",
      pictures: "hình ảnh",
      pivotTables: "bảng tổng hợp (PivotTable)",
      macros: "macro",
      slicers: "bộ lọc (slicer)",
    } as Record<string, string>,
    cellTitle: "Ô đang xem",
    cellNone: "Bấm vào một lỗi trong danh sách để xem ô của lỗi đó ở đây.",
    cellAt: (sheet: string, a1: string) => `Trang “${sheet}”, ô ${a1}`,
    cellValue: (shown: string) => `Nội dung ô: ${shown}`,
    cellFormula: (f: string) => `Công thức: ${f}`,
    cellEmpty: "(ô trống)",
    cellHint: "Sửa số trong Excel ở đúng ô này, hoặc dùng nút sửa nhanh bên trái nếu có.",
    cellTable: (sheet: string) => `Các ô quanh ô đang xem trên trang ${sheet}`,
  },

  consolidate: {
    intro:
      "Nhập cấp, kỳ và tên đơn vị tổng hợp, chọn các tệp báo cáo của đơn vị cấp dưới rồi bấm “Tổng hợp”. Tệp tải về có các trang Tổng hợp, Phụ lục, Tình trạng tệp và biểu mẫu của đơn vị bạn đã điền số tổng hợp.",
    settings: "Đơn vị tổng hợp",
    needSettings: "Hãy nhập tên đơn vị tổng hợp ở khung “Đơn vị tổng hợp” trước.",
    download: "Tải tệp tổng hợp",
    downloaded: (name: string) => `Đã tải tệp tổng hợp “${name}” về máy.`,
    again: "Làm lại từ đầu",
  },

  saveFailed: (msg: string) => `Không lưu được tệp: ${msg}`,
  openFailed: (msg: string) => `Không mở được tệp: ${msg}`,

  /** File names of downloads (ASCII-folded by the page). */
  names: {
    forms: "bao-cao-cchc",
    consolidated: "tong-hop-cchc",
    checkedSuffix: "da-kiem-tra",
  },

  guide: {
    title: "Hướng dẫn sử dụng",
    intro:
      "Báo cáo CCHC giúp cán bộ làm các Biểu mẫu 1–7 của báo cáo cải cách hành chính định kỳ (quý I, 6 tháng, quý III, năm), kiểm tra số liệu và tổng hợp báo cáo của các đơn vị cấp dưới. Có hai cách dùng: phần bổ trợ trong Excel, hoặc trang “bao-cao-cchc.html” mở bằng trình duyệt.",
    sections: [
      {
        id: "cach-dung",
        title: "Dùng trang này hay phần bổ trợ?",
        paragraphs: [
          "Trang “bao-cao-cchc.html”: dùng được với mọi phiên bản Excel (2010–2019, Microsoft 365), WPS hay LibreOffice. Chép tệp vào máy (hoặc USB, thư mục dùng chung), bấm đúp để mở bằng Chrome, Edge, Cốc Cốc hoặc Firefox. Không cần mạng, không cần cài đặt; tệp Excel của bạn không rời khỏi máy.",
          "Phần bổ trợ trong Excel (Excel 2021, Microsoft 365, Excel trên web): bộ phận công nghệ thông tin đưa tệp manifest.xml vào danh mục phần bổ trợ của cơ quan; sau đó mở Trang đầu › Phần bổ trợ › Báo cáo CCHC. Phần bổ trợ kiểm tra ngay khi bạn gõ và đưa con trỏ tới ô có lỗi. Excel 2019 bản quyền theo số lượng dùng bản rút gọn; Excel 2016 trở về trước dùng trang này.",
        ],
      },
      {
        id: "tao",
        title: "1. Tạo biểu mẫu",
        paragraphs: [
          "Chọn cấp báo cáo (tỉnh; sở, ban, ngành; huyện; xã), kỳ báo cáo và năm, nhập tên đơn vị (ví dụ “UBND xã Tân Phú”), chọn phiên bản biểu mẫu và các biểu mẫu cần làm, rồi bấm “Tạo và tải tệp”.",
          "Tệp tải về có đủ tiêu đề, chỉ tiêu, đơn vị tính, công thức tính tỷ lệ và đã đặt khổ in A4. Chỉ cần gõ số vào cột “Số liệu”.",
        ],
        shot: "create",
      },
      {
        id: "kiem-tra",
        title: "2. Kiểm tra tệp",
        paragraphs: [
          "Bấm “Chọn tệp Excel” hoặc kéo thả tệp .xlsx vào trang. Tệp làm bằng phần bổ trợ, bằng trang này hay tự làm tay đều đọc được.",
          "Lỗi được xếp theo từng biểu mẫu, lỗi trước, cảnh báo sau. Bấm vào một lỗi để xem ô đó ở khung “Ô đang xem”. Với tỷ lệ tính sai hay số gõ thành chữ, nút sửa nhanh sửa ngay trên bản sao.",
          "Bấm “Kiểm tra trước khi gửi”: nếu không còn lỗi, tệp được đóng dấu; người nhận biết số liệu có bị sửa sau khi đóng dấu hay không. Bấm “Lưu tệp” để tải bản đã kiểm tra về máy (tên tệp có thêm “da-kiem-tra”; tệp gốc không bị ghi đè). Nếu tệp gốc có biểu đồ hay hình ảnh, trang báo trước vì bản lưu sẽ không giữ được chúng.",
        ],
        shot: "check",
      },
      {
        id: "tong-hop",
        title: "3. Tổng hợp",
        paragraphs: [
          "Nhập cấp, kỳ và tên đơn vị của bạn (đơn vị tổng hợp). Chọn hoặc kéo thả các tệp báo cáo mà đơn vị cấp dưới gửi; có thể dán danh sách đơn vị phải nộp, mỗi dòng một đơn vị, để biết đơn vị nào chưa nộp.",
          "Bấm “Tổng hợp”: bảng tình trạng cho biết từng tệp đã tổng hợp, có cảnh báo, có lỗi, nộp trễ, sai kỳ hay chưa nộp. Bấm “Tải tệp tổng hợp” để tải tệp có các trang Tổng hợp, Phụ lục (từng đơn vị), Tình trạng tệp và biểu mẫu của đơn vị bạn đã điền số tổng hợp.",
        ],
        shot: "consolidate",
      },
      {
        id: "loi",
        title: "Các loại lỗi và cảnh báo",
        items: [
          [
            "Tổng không khớp",
            "Chỉ tiêu tổng khác tổng các chỉ tiêu con (ví dụ tổng số thủ tục khác tổng số thủ tục từng cấp).",
          ],
          [
            "Chỉ tiêu con lớn hơn chỉ tiêu tổng",
            "Một phần lớn hơn cái chứa nó (ví dụ số hồ sơ đúng hạn lớn hơn số hồ sơ đã giải quyết).",
          ],
          ["Tỷ lệ không đúng", "Tỷ lệ gõ tay khác tỷ lệ tính từ tử số và mẫu số; nút sửa nhanh thay bằng công thức."],
          [
            "Số gõ thành chữ",
            "Ô chứa “99,75%” hay “1.946” dạng chữ, Excel không cộng được; nút sửa nhanh đổi thành số.",
          ],
          ["Số âm, số lẻ", "Số lượng không được âm; chỉ tiêu đếm (hồ sơ, văn bản, thủ tục) không có phần lẻ."],
          ["Chưa nhập", "Ô số liệu còn trống; danh sách các ô trống được gộp lại ở cuối mỗi biểu mẫu."],
          ["So với kỳ trước", "Số của kỳ này giảm hoặc thay đổi bất thường so với báo cáo kỳ trước của cùng đơn vị."],
          [
            "Không kiểm tra được",
            "Lỗi của chương trình, không phải của tệp: hãy gửi phần “Chi tiết cho bộ phận hỗ trợ”.",
          ],
        ] as [string, string][],
      },
    ],
    shotAlt: {
      create: "Trang Tạo biểu mẫu: chọn cấp, kỳ, đơn vị và biểu mẫu",
      check: "Trang Kiểm tra tệp: danh sách lỗi theo biểu mẫu và ô đang xem",
      consolidate: "Trang Tổng hợp: bảng tình trạng các tệp của đơn vị cấp dưới",
    } as Record<string, string>,
    openPage: "Mở trang làm việc trên tệp",
  },
};

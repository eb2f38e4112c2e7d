/**
 * Vietnamese strings of the engine: period labels, validation messages (with the figures), reasons
 * for rows the reader could not place. Numbers arrive already formatted (formatVi).
 */
/** Công văn 581/BNV-CCHC: quý I, 6 tháng, quý III, năm (the engine's PeriodKind, declared here: i18n imports nothing). */
type PeriodKind = "Q1" | "6T" | "Q3" | "N";

const ROMAN: Record<PeriodKind, string> = { Q1: "Quý I", "6T": "6 tháng đầu năm", Q3: "Quý III", N: "Năm" };

export const periodText = {
  label(kind: PeriodKind, year: number): string {
    switch (kind) {
      case "Q1":
      case "Q3":
        return `${ROMAN[kind]} năm ${year}`;
      case "6T":
        return `6 tháng đầu năm ${year}`;
      default:
        return `Năm ${year}`;
    }
  },
  /** A period named without its year (a sheet named "Quý I"). */
  kindLabel(kind: PeriodKind): string {
    return kind === "N" ? "Năm" : ROMAN[kind];
  },
  header(label: string, from: string, to: string): string {
    return `Kỳ báo cáo: ${label} (số liệu tính từ ngày ${from} đến ngày ${to})`;
  },
};

export const findingText = {
  ratioMismatch(actual: string, expected: string, numCode: string, num: string, denCode: string, den: string): string {
    return `Tỷ lệ ghi ${actual}% nhưng tính từ chỉ tiêu ${numCode} và ${denCode} (${num}/${den}) phải là ${expected}%.`;
  },
  ratioAsFraction(actual: string, expected: string): string {
    return `Tỷ lệ ghi ${actual} có vẻ là dạng thập phân; theo các chỉ tiêu thành phần phải ghi ${expected}%.`;
  },
  zeroDenominator(actual: string, denCode: string): string {
    return `Tỷ lệ ghi ${actual}% nhưng mẫu số (chỉ tiêu ${denCode}) bằng 0; để trống hoặc ghi "-".`;
  },
  sumMismatch(actual: string, expected: string, codes: string): string {
    return `Tổng ghi ${actual} nhưng cộng các chỉ tiêu ${codes} được ${expected}.`;
  },
  partExceedsWhole(actual: string, wholeCode: string, whole: string): string {
    return `Số liệu ${actual} lớn hơn chỉ tiêu ${wholeCode} (${whole}).`;
  },
  wholeBelowParts(actual: string, codes: string, parts: string): string {
    return `Số liệu ${actual} nhỏ hơn tổng các chỉ tiêu ${codes} (${parts}).`;
  },
  notANumber(text: string): string {
    return `Ô ghi "${text}" không phải là số.`;
  },
  excelError(text: string): string {
    return `Ô có lỗi ${text}, không đọc được số liệu.`;
  },
  textNumber(text: string, n: string): string {
    return `Số liệu "${text}" được nhập dạng văn bản; nên nhập số ${n}.`;
  },
  negative(actual: string): string {
    return `Số liệu ${actual} là số âm; phải lớn hơn hoặc bằng 0.`;
  },
  notInteger(actual: string): string {
    return `Số liệu ${actual} không phải số nguyên (đơn vị đếm phải là số nguyên).`;
  },
  percentOutOfRange(actual: string): string {
    return `Tỷ lệ ${actual}% nằm ngoài khoảng 0–100%.`;
  },
  enumInvalid(actual: string, allowed: string): string {
    return `Giá trị ${actual} không thuộc các mã cho phép (${allowed}).`;
  },
  missing(): string {
    return 'Chưa nhập số liệu (để trống); nếu không phát sinh hãy ghi 0 hoặc "-".';
  },
  /** A relation rule or a row's type check threw: a defect of the add-in, never of the user's figures. */
  checkFailed(code: string, rule: string): string {
    return `Không kiểm tra được chỉ tiêu ${code} (quy tắc ${rule}): lỗi của phần bổ trợ — hãy gửi chi tiết hỗ trợ.`;
  },
  /** The edition's list of rules could not be made: no relation between rows was checked. */
  rulesFailed(): string {
    return "Không lập được các quy tắc kiểm tra của kỳ báo cáo này: lỗi của phần bổ trợ — các quan hệ giữa chỉ tiêu không được kiểm tra; hãy gửi chi tiết hỗ trợ.";
  },
  /** A reader step threw: what comes after it in the file was not read, so not checked. */
  readFailed(): string {
    return `Không đọc hết được tệp: lỗi của phần bổ trợ — các số liệu chưa đọc được không được kiểm tra; hãy gửi chi tiết hỗ trợ.`;
  },
  commaThousands(text: string, n: string): string {
    return `"${text}" được đọc là ${n} (dấu phẩy ngăn cách hàng nghìn, vì chỉ tiêu đếm số lượng không có phần lẻ); nếu không đúng, hãy sửa lại ô.`;
  },
  wordRead(text: string, label: string, code: string): string {
    return `"${text}" được đọc là "${label}" (mã ${code}).`;
  },
  zeroWord(text: string): string {
    return `"${text}" được đọc là 0.`;
  },
  moneyUnit(text: string, n: string): string {
    return `"${text}" được quy đổi thành ${n} triệu đồng (đơn vị tính của biểu mẫu).`;
  },
  valueColumn(col: string, header: string, others: string[]): string {
    const o = others.length > 0 ? ` (bảng còn cột ${others.map((x) => `«${x}»`).join(", ")})` : "";
    return `Đã lấy số liệu ở cột ${col} «${header}»${o}; kiểm tra lại.`;
  },
  mergedCell(range: string): string {
    return `Ô số liệu nằm trong vùng gộp ô ${range}: số liệu của vùng thuộc dòng đầu tiên, dòng này được coi là để trống; hãy bỏ gộp ô và nhập số liệu cho từng dòng.`;
  },
};

/** Names of the checks, for the "không kiểm tra được" finding. */
export const checkNames = {
  "sum-mismatch": "tổng bằng các thành phần",
  "part-exceeds-whole": "thành phần không vượt quá tổng",
  "ratio-mismatch": "tỷ lệ đúng theo các chỉ tiêu thành phần",
  "zero-denominator": "mẫu số khác 0",
  type: "kiểu số liệu",
} as const;

export const readerText = {
  noMatch(form: number): string {
    return `Không khớp với chỉ tiêu nào của Biểu mẫu ${form}.`;
  },
  duplicate(code: string, row: number): string {
    return `Chỉ tiêu ${code} đã được đọc ở dòng ${row}; dòng này bị bỏ qua.`;
  },
  noForm(): string {
    return "Không xác định được dòng này thuộc biểu mẫu nào.";
  },
  unknownId(id: string): string {
    return `Mã chỉ tiêu "${id}" không có trong danh mục biểu mẫu.`;
  },
  formulaNotEvaluated(formula: string): string {
    return `Không tính được công thức ${formula}; ô được coi là chưa có số liệu.`;
  },
  /** A hand-made sheet left aside: it holds another period's figures than the sheets read. */
  otherPeriod(sheetPeriod: string, readPeriod: string | undefined): string {
    return readPeriod
      ? `Trang tính ghi số liệu kỳ ${sheetPeriod}, khác kỳ đang đọc (${readPeriod}); không đọc trang này.`
      : `Trang tính ghi số liệu kỳ ${sheetPeriod}, khác kỳ của các trang khác; không đọc trang này.`;
  },
  formulaFromCache(): string {
    return "Số liệu lấy từ kết quả công thức.";
  },
};

/**
 * Figures in running Vietnamese text, as people type them: "1.946", "96,56", "99,75%", "52.20%" (a dot
 * decimal), "01", "3,1%", fractions "12/56" and "3.147/3.225 hồ sơ", rates in brackets, money in đồng,
 * triệu đồng or tỷ đồng ("3.523.681.000 đồng" = 3.523,681 triệu đồng; "trên 10,9 tỷ đồng"). Dates,
 * document numbers ("số 44/KH-UBND"), years, "mức độ 3, 4", footnote marks glued to words are not figures.
 * Pure.
 */
import { norm } from "./structure";
import type { TextFigure } from "./types";

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+`;
/** number [/ number] [unit] — positions are checked by hand (JS lookbehind is not in every pane browser). */
const FIG = new RegExp(String.raw`(${NUM})(?:\s*\/\s*(${NUM}))?(\s*%)?`, "gu");

const UNITS = [
  "triệu đồng",
  "tỷ đồng",
  "nghìn đồng",
  "ngàn đồng",
  "đồng",
  "hồ sơ",
  "hs",
  "tthc",
  "thủ tục",
  "nhiệm vụ",
  "văn bản",
  "vbqppl",
  "người",
  "biên chế",
  "dịch vụ công",
  "dịch vụ",
  "dvctt",
  "dvc",
  "pakn",
  "phản ánh",
  "phiếu",
  "đơn vị",
  "cơ quan",
  "lượt",
  "cuộc",
  "vấn đề",
  "quyết định",
  "tin bài",
  "công chức",
  "cán bộ",
  "viên chức",
  "lớp",
  "sở",
  "huyện",
  "xã",
];
const MONEY: Record<string, number> = {
  "triệu đồng": 1,
  "tỷ đồng": 1000,
  "nghìn đồng": 0.001,
  "ngàn đồng": 0.001,
  đồng: 1e-6,
};

/** Words right before a number that make it something else than a figure. */
const NOT_BEFORE =
  /(?:ngày|năm|tháng|quý|mức độ|mức|đề án|iso|tcvn|khoản|điều|khóa|lần thứ|phiên bản|giai đoạn|chương|mục|phụ lục|kỳ họp|thứ|top|(?:nghị quyết|nghị định|thông tư|chỉ thị|quyết định|công văn|kế hoạch|báo cáo|thông báo|luật|văn bản|tờ trình)(?:\s+số)?|số hiệu)\s*$/;

function readNum(s: string): { n: number; decimals: number } {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
    const [i, f] = s.split(",");
    return { n: Number(i.replace(/\./g, "") + (f ? "." + f : "")), decimals: f ? f.length : 0 };
  }
  if (/^\d+,\d+$/.test(s)) {
    const [i, f] = s.split(",");
    return { n: Number(`${i}.${f}`), decimals: f.length };
  }
  if (/^\d+\.\d{1,2}$/.test(s)) return { n: Number(s), decimals: s.split(".")[1].length };
  return { n: Number(s), decimals: 0 };
}

const isLetter = (c: string | undefined) => !!c && /[A-Za-zÀ-ỹĐđ]/.test(c);
const isDigit = (c: string | undefined) => !!c && c >= "0" && c <= "9";

/** The figures of one paragraph, left to right. */
export function findFigures(text: string, paragraph: number): TextFigure[] {
  const out: TextFigure[] = [];
  FIG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIG.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    const before = text[start - 1];
    const after = text[end];
    // glued to a word or to other digits/punctuation of a code: "tỉnh11", "3.3.2", "/2023", "06/2023/QĐ"
    if (isLetter(before) || isDigit(before) || before === "/" || before === "." || before === "-" || before === ",")
      continue;
    if (isLetter(after) && !m[3]) continue;
    if (
      after === "/" ||
      after === "-" ||
      (after === "." && isDigit(text[end + 1])) ||
      (after === "," && isDigit(text[end + 1]))
    )
      continue;
    if (m[2] && (text[end] === "/" || /^\s*\/\s*\d/.test(text.slice(end)))) continue;
    // the numbering of a heading or list item ("2. Cải cách…", "3) …")
    if (/^[\s*+\-•]*$/.test(text.slice(0, start)) && /^[.)]\s/.test(text.slice(end, end + 2)) && !m[2] && !m[3])
      continue;
    const lead = norm(text.slice(Math.max(0, start - 24), start));
    if (NOT_BEFORE.test(lead)) continue;
    if (/mức độ \d\s*(?:,|và|và mức độ)\s*$/.test(lead)) continue;
    const a = readNum(m[1]);
    const b = m[2] ? readNum(m[2]) : undefined;
    // a year ("năm 2023" is caught above; "2022-2025", "(2023)") is never a figure
    if (!b && !m[3] && a.decimals === 0 && /^(19|20)\d\d$/.test(m[1])) continue;
    if (b && /^(19|20)\d\d$/.test(m[2]) && a.n <= 12) continue; // "6/2023"
    const percent = !!m[3];
    // the unit written right after
    const rest = norm(text.slice(end, end + 24));
    let unit = "";
    if (!percent) {
      for (const u of UNITS)
        if (rest.startsWith(u) && !isLetter(rest[u.length])) {
          unit = u;
          break;
        }
      if (unit) {
        // advance end over the unit as written (same length once normalised for these words)
        const skip = text.slice(end).match(/^\s*/)?.[0].length ?? 0;
        end += skip + unit.length;
      }
    }
    const approxLead = /(?:trên|hơn|gần|khoảng|xấp xỉ|ước tính|ước thực hiện|dưới)\s*$/.test(lead);
    const fig: TextFigure = {
      paragraph,
      start,
      end,
      raw: text.slice(start, end),
      kind: b ? "fraction" : percent ? "percent" : unit in MONEY ? "money" : "count",
      value: a.n,
      decimals: a.decimals,
      unit,
    };
    if (b) fig.den = b.n;
    if (unit in MONEY) {
      const dong = a.n * (MONEY[unit] * 1e6);
      fig.money = { dong: Math.round(dong), unit };
      fig.value = Number((a.n * MONEY[unit]).toPrecision(15));
    }
    if (approxLead) fig.approx = true;
    if (b && percent) fig.kind = "fraction";
    out.push(fig);
    FIG.lastIndex = end;
  }
  return out;
}

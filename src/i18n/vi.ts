/**
 * Every user-facing Vietnamese string of the add-in and the CLI lives here (code and comments stay in English).
 * Group by feature; functions build messages that carry figures.
 */
export const vi = {
  appName: "Báo cáo CCHC",
  levels: { tinh: "Tỉnh", so: "Sở, ban, ngành", huyen: "Huyện", xa: "Xã" },
  periods: { Q1: "Quý I", "6T": "6 tháng", Q3: "Quý III", N: "Năm" },
} as const;

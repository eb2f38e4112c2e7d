/**
 * The one place for every user-facing Vietnamese string of the add-in and the CLI.
 * Each feature keeps its strings in its own file in this folder (so parallel work does not clash);
 * this index gathers them. Code, identifiers and comments stay in English.
 *
 * - engine.ts: periods, finding messages, reader notes
 * - findings.ts: the wording of what the engine says as data (findingMessage, readerNote, periodLabel, RULE_WORDS)
 * - cli.ts: the `cchc` command and file-reading reasons
 * - layout.ts: the printed form (title block, headers, validation prompts)
 * - excel.ts: the Office.js adapter (unsupported features, host errors)
 * - pane.ts: the task pane
 * - consolidate.ts: consolidation (rules, statuses, the Tổng hợp tab)
 */
export const vi = {
  appName: "Báo cáo CCHC",
  levels: { tinh: "Tỉnh", so: "Sở, ban, ngành", huyen: "Huyện", xa: "Xã" },
  periods: { Q1: "Quý I", "6T": "6 tháng", Q3: "Quý III", N: "Năm" },
} as const;

export * from "./engine";
export * from "./findings";
export * from "./cli";
export * from "./layout";
export * from "./excel";
export * from "./pane";
export * from "./consolidate";
export * from "./page";

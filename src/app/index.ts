/**
 * The use-case layer: what every shell (the React pane, the ES5 pane, the ribbon commands, the CLI and a
 * page that works on files) does, written against one host interface (./host) — no UI framework, no
 * Office.js. Shells keep only their views and their arguments.
 */
export * from "./host";
export * from "./settings";
export * from "./insert";
export * from "./check-session";
export * from "./findings";
export * from "./coalesce";
export * from "./presend";
export * from "./fixes";
export * from "./consolidate";
export * from "./previous";
export * from "./report-text";

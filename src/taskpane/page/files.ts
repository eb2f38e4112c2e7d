/**
 * The page's edge with the browser: downloads (a Blob, never a request), file names of the downloads (ASCII-folded
 * Vietnamese), and the last level, unit and period remembered in this browser's local storage only.
 */
import type { WorkbookSettings } from "../../engine/conventions";
import { foldVi } from "../../engine/fold";
import { periodCode } from "../../engine/period";
import { defaultSettings, readSettings, serializeSettings } from "../../engine/settings";
import { pageText as T } from "../../i18n/page";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "UBND xã Tân Phú" → "xa-tan-phu" (folded, lowercase, dashes; the "UBND" in front left out). */
export function slug(text: string): string {
  return foldVi(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^ubnd-/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

function named(prefix: string, s: WorkbookSettings): string {
  const unit = slug(s.unit);
  return `${[prefix, unit, periodCode(s.period)].filter(Boolean).join("-")}.xlsx`;
}

/** The forms made for a unit: "bao-cao-cchc-xa-tan-phu-6T-2025.xlsx". */
export function formsFileName(s: WorkbookSettings): string {
  return named(T.names.forms, s);
}

/** The consolidated workbook: "tong-hop-cchc-huyen-tan-chau-6T-2025.xlsx". */
export function consolidatedFileName(s: WorkbookSettings): string {
  return named(T.names.consolidated, s);
}

/** The checked copy of an opened file, never the file's own name: "xa-tan-phu-da-kiem-tra.xlsx". */
export function checkedFileName(original: string): string {
  const base = slug(original.replace(/\.xlsx$/i, "")) || T.names.forms;
  const suffix = T.names.checkedSuffix;
  return `${base.endsWith(suffix) ? base : `${base}-${suffix}`}.xlsx`;
}

/** Hands bytes to the browser as a download (a blob: URL; the page makes no request). */
export function download(name: string, bytes: Uint8Array, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has the blob once the click is handled; release it a little later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const KEY = "bao-cao-cchc:last";

/** The settings the page starts with: the remembered level, unit and period over the defaults. */
export function rememberedSettings(
  storage: Pick<Storage, "getItem"> | undefined = localStorageOrNothing()
): WorkbookSettings {
  const base = defaultSettings();
  if (!storage) return base;
  let raw: string | null = null;
  try {
    raw = storage.getItem(KEY);
  } catch (e) {
    console.warn("[Báo cáo CCHC] local storage not readable", e);
  }
  const s = readSettings(raw ?? undefined);
  return {
    ...base,
    ...(s.level ? { level: s.level } : {}),
    ...(s.period ? { period: s.period } : {}),
    unit: s.unit ?? "",
  };
}

/** Remembers the level, unit and period (nothing else) in this browser. */
export function remember(
  s: WorkbookSettings,
  storage: Pick<Storage, "setItem"> | undefined = localStorageOrNothing()
): void {
  if (!storage) return;
  const all = JSON.parse(serializeSettings(s)) as Record<string, unknown>;
  try {
    storage.setItem(KEY, JSON.stringify({ level: all.level, unit: all.unit, period: all.period }));
  } catch (e) {
    console.warn("[Báo cáo CCHC] local storage not writable", e);
  }
}

function localStorageOrNothing(): Storage | undefined {
  try {
    return typeof window !== "undefined" ? window.localStorage : undefined;
  } catch (e) {
    // a browser that refuses storage to pages opened from disk: the page works, it only forgets
    console.warn("[Báo cáo CCHC] no local storage", e);
    return undefined;
  }
}

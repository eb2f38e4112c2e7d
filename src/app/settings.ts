/**
 * Settings remembered in the workbook, for every shell: the one codec (src/engine/settings.ts, which the
 * reader uses too) and the two use cases around it, loading them and saving them through the host.
 */
import { SETTINGS_KEYS, WorkbookSettings } from "../engine/conventions";
import { parseSettings, serializeSettings } from "../engine/settings";
import type { ExcelHost } from "./host";

export {
  defaultSettings,
  isValidYear,
  parseSettings,
  parseStamp,
  PERIOD_KINDS,
  readSettings,
  serializeSettings,
  serializeStamp,
  UNIT_MAX,
} from "../engine/settings";

/** The settings remembered in the open workbook; undefined when none (or damaged). */
export async function loadSettings(host: ExcelHost): Promise<WorkbookSettings | undefined> {
  const { settings } = await host.readSheets([]);
  return parseSettings(settings[SETTINGS_KEYS.settings]);
}

/** Remembers the settings in the workbook (the settings sheet, through the one serializer). */
export function saveSettings(host: ExcelHost, s: WorkbookSettings): Promise<void> {
  return host.writeSettings({ [SETTINGS_KEYS.settings]: serializeSettings(s) });
}

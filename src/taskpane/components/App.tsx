import * as React from "react";
import { FluentProvider, Tab, TabList, Text, webLightTheme, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pane } from "../../i18n/pane";
import { defaultSettings, ExcelHost, loadSettings } from "../../app";
import { ErrorBoundary } from "./ErrorBoundary";
import { InsertTab } from "./InsertTab";
import { CheckTab } from "./CheckTab";
import { ConsolidateTab } from "./ConsolidateTab";

export type View = "insert" | "check" | "consolidate";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: "8px 12px 16px",
    minWidth: "280px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  header: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  tabs: { marginLeft: "-8px" },
});

export function App({ host, initialView }: { host: ExcelHost; initialView?: View }) {
  const styles = useStyles();
  const [view, setView] = React.useState<View>(initialView ?? "insert");
  // Tabs stay mounted once opened, so live checking goes on while another tab is shown.
  const [opened, setOpened] = React.useState<Set<View>>(new Set([initialView ?? "insert"]));
  const [settings, setSettings] = React.useState<WorkbookSettings>(() => defaultSettings());
  const [settingsLoaded, setSettingsLoaded] = React.useState<boolean | undefined>(undefined);
  const [formsVersion, setFormsVersion] = React.useState(0);

  React.useEffect(() => {
    let alive = true;
    loadSettings(host)
      .then((s) => {
        if (!alive) return;
        if (s) setSettings(s);
        setSettingsLoaded(Boolean(s));
      })
      .catch((e) => {
        console.warn("[Báo cáo CCHC] settings not read", e);
        if (alive) setSettingsLoaded(false);
      });
    return () => {
      alive = false;
    };
  }, [host]);

  const select = (v: View) => {
    setView(v);
    setOpened((o) => (o.has(v) ? o : new Set([...o, v])));
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Text as="h1" className={styles.header} style={{ margin: 0 }}>
        {pane.title}
      </Text>
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, d) => select(d.value as View)}
        aria-label={pane.tabsLabel}
        size="small"
      >
        <Tab value="insert" id="tab-insert" data-testid="tab-insert">
          {pane.tabs.insert}
        </Tab>
        <Tab value="check" id="tab-check" data-testid="tab-check">
          {pane.tabs.check}
        </Tab>
        <Tab value="consolidate" id="tab-consolidate" data-testid="tab-consolidate">
          {pane.tabs.consolidate}
        </Tab>
      </TabList>
      <ErrorBoundary>
        {opened.has("insert") && (
          <div role="tabpanel" aria-labelledby="tab-insert" hidden={view !== "insert"}>
            <InsertTab
              host={host}
              settings={settings}
              settingsLoaded={settingsLoaded}
              onSettings={setSettings}
              onInserted={() => setFormsVersion((n) => n + 1)}
            />
          </div>
        )}
        {opened.has("check") && (
          <div role="tabpanel" aria-labelledby="tab-check" hidden={view !== "check"}>
            <CheckTab host={host} settings={settings} formsVersion={formsVersion} active={view === "check"} />
          </div>
        )}
        {opened.has("consolidate") && (
          <div role="tabpanel" aria-labelledby="tab-consolidate" hidden={view !== "consolidate"}>
            <ConsolidateTab host={host} settings={settings} />
          </div>
        )}
      </ErrorBoundary>
    </FluentProvider>
  );
}

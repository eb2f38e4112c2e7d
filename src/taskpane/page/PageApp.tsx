import * as React from "react";
import { FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { WorkbookSettings } from "../../engine/conventions";
import { pageText } from "../../i18n/page";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { CheckJob } from "./CheckJob";
import { ConsolidateJob } from "./ConsolidateJob";
import { CreateJob } from "./CreateJob";
import { remember, rememberedSettings } from "./files";
import { Guide } from "./Guide";

export type Job = "create" | "check" | "consolidate" | "guide";
const JOBS: Job[] = ["create", "check", "consolidate", "guide"];

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground2 },
  frame: {
    maxWidth: "1280px",
    margin: "0 auto",
    padding: "12px 24px 24px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  head: { display: "flex", alignItems: "baseline", gap: "16px", flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    padding: "16px 20px",
  },
});

/**
 * The page that works on files outside Excel: the add-in's tabs over a workbook held in memory, in a frame of
 * four jobs. The level, unit and period last used are remembered in this browser only.
 */
export function PageApp({ initialJob }: { initialJob?: Job }) {
  const styles = useStyles();
  const [job, setJob] = React.useState<Job>(initialJob ?? "create");
  const [opened, setOpened] = React.useState<Set<Job>>(new Set([initialJob ?? "create"]));
  const [settings, setSettingsState] = React.useState<WorkbookSettings>(() => rememberedSettings());
  const setSettings = (s: WorkbookSettings) => {
    setSettingsState(s);
    remember(s);
  };
  const select = (j: Job) => {
    setJob(j);
    setOpened((o) => (o.has(j) ? o : new Set([...o, j])));
  };
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <div className={styles.frame}>
        <header className={styles.head}>
          <Text as="h1" className={styles.title}>
            {pageText.title}
          </Text>
          <Text>{pageText.subtitle}</Text>
        </header>
        <MessageBar intent="success" data-testid="offline-note">
          <MessageBarBody>{pageText.offline}</MessageBarBody>
        </MessageBar>
        <TabList selectedValue={job} onTabSelect={(_, d) => select(d.value as Job)} aria-label={pageText.jobsLabel}>
          {JOBS.map((j) => (
            <Tab key={j} value={j} id={`job-${j}`} data-testid={`job-${j}`}>
              {pageText.jobs[j]}
            </Tab>
          ))}
        </TabList>
        <ErrorBoundary>
          {JOBS.filter((j) => opened.has(j)).map((j) => (
            <main
              key={j}
              role="tabpanel"
              aria-labelledby={`job-${j}`}
              hidden={job !== j}
              className={styles.panel}
              data-testid={`panel-${j}`}
            >
              {j === "create" && <CreateJob settings={settings} onSettings={setSettings} />}
              {j === "check" && <CheckJob settings={settings} />}
              {j === "consolidate" && <ConsolidateJob settings={settings} onSettings={setSettings} />}
              {j === "guide" && <Guide />}
            </main>
          ))}
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}

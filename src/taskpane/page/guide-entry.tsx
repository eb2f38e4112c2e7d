/** Entry of dist/huong-dan.html: the user guide on its own, served beside the pane (the manifest's SupportUrl). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { pageText } from "../../i18n/page";
import { Guide } from "./Guide";

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={webLightTheme} style={{ padding: "16px 24px", minHeight: "100vh", boxSizing: "border-box" }}>
    <Text as="h1" size={700} weight="semibold" block style={{ margin: "0 0 8px" }}>
      {`${pageText.title} — ${pageText.guide.title}`}
    </Text>
    <Guide pageLink="bao-cao-cchc.html" />
  </FluentProvider>
);

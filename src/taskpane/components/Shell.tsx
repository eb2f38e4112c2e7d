import * as React from "react";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";

/** The pane frame used when the app cannot start (outside Excel). */
export function Shell({ message }: { message: string }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh", boxSizing: "border-box" }}>
      <MessageBar intent="warning">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

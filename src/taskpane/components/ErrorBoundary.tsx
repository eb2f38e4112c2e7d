import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { pane } from "../../i18n/pane";

interface State {
  error?: Error;
  info?: string;
}

/** Shows a Vietnamese message instead of a blank pane when a component fails, and keeps the details for support. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo) {
    console.error("[Báo cáo CCHC] pane error", error, info.componentStack);
    this.setState({ info: info.componentStack ?? "" });
  }

  render() {
    const { error, info } = this.state;
    if (!error) return this.props.children;
    // The fallback itself must never throw: no assumption about the environment.
    const agent = typeof navigator !== "undefined" ? navigator.userAgent : "";
    const details = `${error.name}: ${error.message}\n${error.stack ?? ""}\n${info ?? ""}\n${agent}`;
    return (
      <div role="alert" data-testid="error-boundary" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{pane.error.title}</MessageBarTitle>
            {pane.error.body}
          </MessageBarBody>
        </MessageBar>
        <details>
          <summary>{pane.error.details}</summary>
          <pre style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: 11, maxHeight: 240, overflow: "auto" }}>{details}</pre>
        </details>
        <Button onClick={() => this.setState({ error: undefined, info: undefined })}>{pane.error.retry}</Button>
      </div>
    );
  }
}

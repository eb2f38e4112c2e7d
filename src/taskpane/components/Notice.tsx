import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** A result line or lines under a button: one message bar, one line per entry, an optional title. */
export interface NoticeNote {
  intent: "success" | "warning" | "error" | "info";
  title?: string;
  lines: string[];
}

export function Notice({ note, testid }: { note: NoticeNote | undefined; testid: string }) {
  if (!note) return null;
  return (
    <MessageBar intent={note.intent} data-testid={testid} role="status">
      <MessageBarBody>
        {note.title && <MessageBarTitle>{note.title}</MessageBarTitle>}
        {note.lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

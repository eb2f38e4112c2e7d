/** The pane's error boundary: a Vietnamese message with support details instead of a blank panel. */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { pane } from "../../src/i18n/pane";

describe("ErrorBoundary", () => {
  it("turns a render error into state", () => {
    const e = new Error("boom");
    expect(ErrorBoundary.getDerivedStateFromError(e)).toEqual({ error: e });
  });

  it("shows the Vietnamese message and the details for support, not a blank panel", () => {
    const b = new ErrorBoundary({ children: <p>ok</p> });
    b.state = { error: new TypeError("Cannot read properties of undefined (reading 'form')"), info: "\n    at CheckTab" };
    const html = renderToString(<>{b.render()}</>);
    expect(html).toContain(pane.error.title);
    expect(html).toContain(pane.error.details);
    expect(html).toContain("reading &#x27;form&#x27;");
    expect(html).toContain("at CheckTab");
    expect(html).toContain('role="alert"');
  });

  it("renders its children when nothing failed", () => {
    const b = new ErrorBoundary({ children: <p>ok</p> });
    expect(renderToString(<>{b.render()}</>)).toBe("<p>ok</p>");
  });

  it("logs the details to the console when catching", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const b = new ErrorBoundary({ children: null });
    b.setState = jest.fn();
    b.componentDidCatch(new Error("boom"), { componentStack: "\n    at InsertTab" } as React.ErrorInfo);
    expect(spy).toHaveBeenCalledWith(expect.stringContaining("pane error"), expect.any(Error), expect.stringContaining("InsertTab"));
    expect(b.setState).toHaveBeenCalledWith({ info: "\n    at InsertTab" });
    spy.mockRestore();
  });
});

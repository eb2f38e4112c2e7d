/** A few DOM helpers that work in Internet Explorer 11 (no append(), no remove(), text only, never HTML). */
export type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
export type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs?: Attrs, children?: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
      const v = attrs[k];
      if (v === undefined || v === false) continue;
      if (typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      else if (k === "className") el.className = String(v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
  }
  if (children) addChildren(el, children);
  return el;
}

export function addChildren(el: Node, children: Child[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function show(el: HTMLElement, visible: boolean): void {
  el.style.display = visible ? "" : "none";
}

/** Replaces the content of a message box; hides it when there are no lines. */
export function setMessage(el: HTMLElement, intent: string, lines: string[], title?: string): void {
  clear(el);
  el.className = "msg msg-" + intent;
  if (title) addChildren(el, [h("strong", { className: "msg-title" }, [title])]);
  for (let i = 0; i < lines.length; i++) addChildren(el, [h("div", undefined, [lines[i]])]);
  show(el, lines.length > 0 || Boolean(title));
}

/**
 * The add-in manifest: well-formed XML (checked by a small strict parser, since node has no DOMParser),
 * the required elements, stable ids, every resid resolving to a resource, permission and API floor.
 */
import * as fs from "fs";
import * as path from "path";

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

/** Minimal strict XML parser: throws on mismatched or unclosed tags, bad attributes, stray '<' or '&'. */
function parseXml(src: string): XNode {
  let i = 0;
  const root: XNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XNode[] = [root];
  const nameRe = /^[A-Za-z_][\w.:-]*/;
  const entity = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  const checkText = (t: string) => {
    for (let k = 0; k < t.length; k++) {
      if (t[k] === "&" && !entity.test(t.slice(k))) throw new Error(`bad entity at ${t.slice(k, k + 10)}`);
    }
  };
  while (i < src.length) {
    if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i);
      if (end < 0) throw new Error("unclosed processing instruction");
      i = end + 2;
    } else if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i);
      if (end < 0) throw new Error("unclosed comment");
      i = end + 3;
    } else if (src.startsWith("</", i)) {
      const m = nameRe.exec(src.slice(i + 2));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      const top = stack.pop();
      if (!top || top.name !== m[0]) throw new Error(`</${m[0]}> closes <${top?.name}>`);
      i += 2 + m[0].length;
      while (/\s/.test(src[i])) i++;
      if (src[i] !== ">") throw new Error(`bad closing tag ${m[0]}`);
      i++;
    } else if (src[i] === "<") {
      const m = nameRe.exec(src.slice(i + 1));
      if (!m) throw new Error(`bad tag at ${i}`);
      const node: XNode = { name: m[0], attrs: {}, children: [], text: "" };
      i += 1 + m[0].length;
      for (;;) {
        while (/\s/.test(src[i])) i++;
        if (src.startsWith("/>", i)) {
          i += 2;
          stack[stack.length - 1].children.push(node);
          break;
        }
        if (src[i] === ">") {
          i++;
          stack[stack.length - 1].children.push(node);
          stack.push(node);
          break;
        }
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i));
        if (!a) throw new Error(`bad attribute in <${node.name}> at ${src.slice(i, i + 20)}`);
        if (a[1] in node.attrs) throw new Error(`duplicate attribute ${a[1]}`);
        const v = a[3] ?? a[4];
        checkText(v);
        node.attrs[a[1]] = v;
        i += a[0].length;
      }
    } else {
      const end = src.indexOf("<", i);
      const t = src.slice(i, end < 0 ? src.length : end);
      checkText(t);
      if (stack.length === 1 && t.trim()) throw new Error("text outside the root element");
      stack[stack.length - 1].text += t;
      i = end < 0 ? src.length : end;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error("exactly one root element expected");
  return root.children[0];
}

function all(n: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}
const one = (n: XNode, name: string): XNode => {
  const found = all(n, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
const child = (n: XNode, name: string) => n.children.find((c) => c.name === name);

const text = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
const root = parseXml(text);

describe("the minimal XML parser", () => {
  it("rejects malformed XML", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml("<a>")).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml("<a>R&D</a>")).toThrow();
    expect(() => parseXml("<a/><b/>")).toThrow();
    expect(parseXml('<a x="1"><b>t &amp; u</b></a>').children[0].text).toBe("t &amp; u");
  });
});

describe("manifest.xml", () => {
  it("is a task-pane add-in for Excel workbooks", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const hosts = child(root, "Hosts")!;
    expect(hosts.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  it("keeps a stable add-in id and version format", () => {
    expect(child(root, "Id")!.text.trim()).toBe("b1d8a99c-023b-4f3d-82b3-c3018c45ea4e");
    expect(child(root, "Version")!.text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("asks for ReadWriteDocument and ExcelApi 1.7 at least", () => {
    expect(child(root, "Permissions")!.text.trim()).toBe("ReadWriteDocument");
    const sets = one(child(root, "Requirements")!, "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.7");
    const set = one(sets, "Set");
    expect(set.attrs).toMatchObject({ Name: "ExcelApi", MinVersion: "1.7" });
  });

  it("is Vietnamese by default with an English override", () => {
    expect(child(root, "DefaultLocale")!.text.trim()).toBe("vi-VN");
    const dn = child(root, "DisplayName")!;
    expect(dn.attrs.DefaultValue).toBe("Báo cáo CCHC");
    expect(dn.children.find((c) => c.attrs.Locale === "en-US")?.attrs.Value).toBe("CCHC Report");
    const desc = child(root, "Description")!;
    expect(desc.attrs.DefaultValue).toMatch(/biểu mẫu/i);
    expect(desc.children.find((c) => c.attrs.Locale === "en-US")?.attrs.Value).toMatch(/forms/i);
  });

  it("has icons, a support URL and no foreign domains", () => {
    expect(child(root, "IconUrl")!.attrs.DefaultValue).toMatch(/^https:\/\/localhost:3000\/assets\/icon-32\.png$/);
    expect(child(root, "HighResolutionIconUrl")!.attrs.DefaultValue).toMatch(/icon-64\.png$/);
    // the user guide built beside the pane (webpack.page.js: dist/huong-dan.html), not the pane itself
    expect(child(root, "SupportUrl")!.attrs.DefaultValue).toMatch(/^https:\/\/localhost:3000\/huong-dan\.html$/);
    expect(all(root, "AppDomain")).toHaveLength(0);
    const urls = [...text.matchAll(/https?:\/\/[^"'\s<]+/g)].map((m) => m[0]).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
  });

  it("points only at pages the build produces (taskpane.html, commands.html, huong-dan.html) and assets that exist", () => {
    const pages = new Set(["taskpane.html", "commands.html", "huong-dan.html"]);
    // the guide is emitted by the page's build, beside the pane
    expect(fs.readFileSync(path.join(__dirname, "..", "..", "webpack.page.js"), "utf8")).toMatch(/page\("huong-dan\.html"/);
    const paths = [...text.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https:\/\/localhost:3000\/([^"?<\s]*)/g)].map((m) => m[1]);
    for (const p of paths) {
      const ok = pages.has(p) || (p.startsWith("assets/") && fs.existsSync(path.join(__dirname, "..", "..", p)));
      expect([p, ok]).toEqual([p, true]);
    }
  });

  it("refers to asset files that exist", () => {
    for (const m of text.matchAll(/https:\/\/localhost:3000\/assets\/([\w.-]+)/g)) {
      expect(fs.existsSync(path.join(__dirname, "..", "..", "assets", m[1]))).toBe(true);
    }
  });

  it("has three Home-tab buttons with fixed ids that open the task pane", () => {
    const tab = one(root, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = one(tab, "Group");
    expect(group.attrs.id).toBe("CCHC.Group");
    const controls = all(group, "Control");
    expect(controls.map((c) => c.attrs.id)).toEqual(["CCHC.InsertButton", "CCHC.CheckButton", "CCHC.ConsolidateButton"]);
    const strings = new Map(all(root, "bt:String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    const urls = new Map(all(root, "bt:Url").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    const labels = controls.map((c) => strings.get(child(c, "Label")!.attrs.resid));
    expect(labels).toEqual(["Chèn biểu mẫu", "Kiểm tra", "Tổng hợp"]);
    const views = controls.map((c) => {
      const action = child(c, "Action")!;
      expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
      return urls.get(child(action, "SourceLocation")!.attrs.resid);
    });
    expect(views).toEqual([
      "https://localhost:3000/taskpane.html?view=insert",
      "https://localhost:3000/taskpane.html?view=check",
      "https://localhost:3000/taskpane.html?view=consolidate",
    ]);
    expect(urls.get(one(root, "FunctionFile").attrs.resid)).toBe("https://localhost:3000/commands.html");
  });

  it("defines every resource id it references, each once", () => {
    const defined = new Map<string, number>();
    for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
      for (const n of all(root, tag)) if (n.attrs.id) defined.set(n.attrs.id, (defined.get(n.attrs.id) ?? 0) + 1);
    }
    for (const [id, count] of defined) expect([id, count]).toEqual([id, 1]);
    const refs = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect([r, defined.has(r)]).toEqual([r, true]);
    // ShortStrings are limited to 125 characters, LongStrings to 250.
    for (const s of all(one(root, "bt:ShortStrings"), "bt:String")) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of all(one(root, "bt:LongStrings"), "bt:String")) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });
});

describe("icons", () => {
  const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { crc32 } = require("../../assets/make-icons.js");

  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it.each([
    ["icon-16.png", 16],
    ["icon-32.png", 32],
    ["icon-64.png", 64],
    ["icon-80.png", 80],
    ["logo-filled.png", 128],
  ])("%s is a valid %i px PNG", (name, size) => {
    const buf = fs.readFileSync(path.join(__dirname, "..", "..", "assets", name as string));
    expect(buf.subarray(0, 8).equals(PNG_SIG)).toBe(true);
    let off = 8;
    const types: string[] = [];
    while (off < buf.length) {
      const len = buf.readUInt32BE(off);
      const type = buf.toString("ascii", off + 4, off + 8);
      const crc = buf.readUInt32BE(off + 8 + len);
      expect(crc32(buf.subarray(off + 4, off + 8 + len))).toBe(crc);
      if (type === "IHDR") {
        expect(buf.readUInt32BE(off + 8)).toBe(size);
        expect(buf.readUInt32BE(off + 12)).toBe(size);
      }
      types.push(type);
      off += 12 + len;
    }
    expect(types[0]).toBe("IHDR");
    expect(types[types.length - 1]).toBe("IEND");
    expect(types).toContain("IDAT");
  });
});

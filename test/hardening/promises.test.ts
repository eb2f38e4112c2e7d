/**
 * Promises the add-in makes to the province IT team: the pane runs only our scripts and Office's, talks
 * only to its own origin, never evaluates strings as code, and asks Excel for the document only.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

/** Directive → sources of a Content-Security-Policy string. */
function parseCsp(policy: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) m.set(name.toLowerCase(), sources);
  }
  return m;
}

function cspOfHtml(html: string): string | undefined {
  // the production build minifies the page: http-equiv may lose its quotes
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html);
  return m?.[2];
}

function checkPolicy(policy: string) {
  const csp = parseCsp(policy);
  const script = csp.get("script-src") ?? csp.get("default-src");
  const connect = csp.get("connect-src") ?? csp.get("default-src");
  expect(script).toBeDefined();
  expect(connect).toBeDefined();
  expect(script).toContain("'self'");
  for (const s of script!) expect(["'self'", OFFICE_ORIGIN, OFFICE_ORIGIN + "/"]).toContain(s);
  expect(connect).toEqual(["'self'"]);
  // default-src, the fallback for everything not named, is 'self' only
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(policy).not.toMatch(/unsafe-eval/);
}

/** The pages as the production build writes them: each HtmlWebpackPlugin template with its parameters. */
async function builtPages(): Promise<Map<string, string>> {
  const factory = require(path.join(ROOT, "webpack.config.js"));
  const config = typeof factory === "function" ? await factory({}, { mode: "production" }) : factory;
  const configs = Array.isArray(config) ? config : [config];
  const pages = new Map<string, string>();
  for (const c of configs) {
    for (const p of c.plugins ?? []) {
      const o = (p as { userOptions?: { filename?: string; template?: string; templateParameters?: Record<string, string> } }).userOptions;
      if (!o || !o.filename || !o.template) continue;
      const template = fs.readFileSync(path.resolve(ROOT, String(o.template).replace(/^.*!/, "")), "utf8");
      pages.set(o.filename, template.replace(/<%=\s*(\w+)\s*%>/g, (_, k: string) => String(o.templateParameters?.[k] ?? "")));
    }
  }
  return pages;
}

async function builtPaneHtml(): Promise<string> {
  const html = (await builtPages()).get("taskpane.html");
  if (!html) throw new Error("no taskpane.html in the webpack configuration");
  return html;
}

describe("the task pane's Content-Security-Policy", () => {
  test("src/taskpane/taskpane.html carries a CSP meta tag", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(cspOfHtml(html)).toBeDefined();
  });

  test("the production page allows scripts only from 'self' and Office's CDN, connections only to 'self'", async () => {
    const html = await builtPaneHtml();
    const policy = cspOfHtml(html);
    expect(policy).toBeDefined();
    checkPolicy(policy!);
    // and office.js comes from where the policy allows it
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']([^"']+)["']/gi)].map((m) => m[1]);
    for (const s of scripts) expect(/^https?:/.test(s) ? s.startsWith(OFFICE_ORIGIN + "/") : true).toBe(true);
  });

  test("every page of the build (commands.html too) carries the same kind of policy", async () => {
    const pages = await builtPages();
    expect(pages.size).toBeGreaterThan(0);
    for (const [name, html] of pages) {
      const policy = cspOfHtml(html);
      expect([name, policy !== undefined]).toEqual([name, true]);
      checkPolicy(policy!);
    }
  });

  test("a page already built in dist/ (when present) carries the same policy", () => {
    const built = path.join(ROOT, "dist/taskpane.html");
    if (!fs.existsSync(built)) return; // nothing built in this checkout
    const policy = cspOfHtml(fs.readFileSync(built, "utf8"));
    expect(policy).toBeDefined();
    checkPolicy(policy!);
  });

  test("the checker itself rejects a looser policy", () => {
    expect(() => checkPolicy("default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'")).toThrow();
    expect(() => checkPolicy("default-src 'self'; script-src 'self' https://cdn.example.com; connect-src 'self'")).toThrow();
    expect(() => checkPolicy("default-src 'self'; script-src 'self'; connect-src 'self' https:")).toThrow();
    expect(() => checkPolicy("default-src *; script-src 'self'; connect-src 'self'")).toThrow();
    expect(() => checkPolicy(`default-src 'self'; script-src 'self' ${OFFICE_ORIGIN}; connect-src 'self'`)).not.toThrow();
  });
});

// ------------------------------------------------------------------ no eval

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Source without comments and string contents (so "no eval(" in a comment does not count). */
function codeOnly(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/(^|[^:\\])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

const EVAL_PATTERNS = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/, /\bset(?:Timeout|Interval)\s*\(\s*["'`]/];

describe("no string is ever run as code", () => {
  test("no source file under src/ uses eval(, new Function( or string timers", () => {
    const files = sourceFiles(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const f of files) {
      const code = codeOnly(fs.readFileSync(f, "utf8"));
      for (const re of EVAL_PATTERNS) if (re.test(code)) hits.push(`${path.relative(ROOT, f)}: ${re}`);
    }
    expect(hits).toEqual([]);
  });

  test("the scanner finds eval in code but not in comments or strings", () => {
    const found = (s: string) => EVAL_PATTERNS.some((re) => re.test(codeOnly(s)));
    expect(found("const x = eval(s);")).toBe(true);
    expect(found("const f = new Function('a', 'return a');")).toBe(true);
    expect(found("// we never call eval(x)\nconst a = 1;")).toBe(false);
    expect(found("/* new Function( */ const b = 2;")).toBe(false);
    expect(found('const msg = "eval(";')).toBe(false);
  });
});

// ------------------------------------------------------------------ manifest

describe("manifest permissions", () => {
  test("manifest.xml asks for ReadWriteDocument and nothing broader", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(perms).toEqual(["ReadWriteDocument"]);
    expect(xml).not.toMatch(/ReadWriteMailbox|ReadItem|ReadWriteItem|Restricted/);
  });
});

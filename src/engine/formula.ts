/**
 * A small, safe evaluator for the formulas this project writes (ratios, sums) and simple hand-made
 * ones, used when a formula cell carries no cached result (a file written by a library).
 * It parses the formula itself; nothing is ever handed to eval or Function. Anything it does not
 * understand (an unknown function, another workbook, a cycle) gives `undefined`: the caller reads
 * the cell as missing with a reason instead of guessing; so does a formula too deep for the call stack.
 * Only these are caught: a defect of the evaluator itself (a TypeError, ...) propagates, so that it is
 * reported as a check that failed, never as a formula of the user's that is "not supported".
 */
import { parseCell } from "./a1";
import type { GridSheet, GridValue } from "./types";
import { roundHalfUp } from "./numbers";

type Err = { error: string };
type Scalar = number | string | boolean | null | Err;
type Val = Scalar | { range: Scalar[] };

class Unsupported extends Error {}

/** What the evaluator declines (a formula it does not understand, a cycle, nesting deeper than the stack). */
function declined(e: unknown): boolean {
  return e instanceof Unsupported || (e instanceof RangeError && /call stack/i.test(e.message));
}

const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && typeof (v as Err).error === "string";
const isRange = (v: Val): v is { range: Scalar[] } =>
  typeof v === "object" && v !== null && Array.isArray((v as { range?: unknown }).range);

// ------------------------------------------------------------------ tokens

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet?: string; a: string; b?: string }
  | { t: "name"; v: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const s = src;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= s.length) throw new Unsupported("unterminated string");
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      out.push({ t: "str", v });
      i = j + 1;
      continue;
    }
    if (c === "#") {
      const m = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)/i.exec(s.slice(i));
      if (!m) throw new Unsupported("bad error literal");
      out.push({ t: "err", v: m[0].toUpperCase() });
      i += m[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    if (num && !/^\d+[A-Za-z]/.test(s.slice(i)) && !/^\d+:/.test(s.slice(i))) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // sheet-qualified or plain reference / name
    let sheet: string | undefined;
    let rest = s.slice(i);
    const q = /^'((?:[^']|'')+)'!/.exec(rest) ?? /^([A-Za-z_\u00C0-\u1EF9][\w.\u00C0-\u1EF9]*)!/.exec(rest);
    if (q) {
      sheet = q[1].replace(/''/g, "'");
      i += q[0].length;
      rest = s.slice(i);
    }
    const r = /^(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?/.exec(rest);
    if (r && !/^[\w(]/.test(rest.slice(r[0].length))) {
      out.push({ t: "ref", sheet, a: r[1], b: r[2] });
      i += r[0].length;
      continue;
    }
    if (sheet !== undefined) throw new Unsupported("unsupported reference");
    const n = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (n) {
      out.push({ t: "name", v: n[0].toUpperCase() });
      i += n[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%:;])/.exec(rest);
    if (op) {
      out.push({ t: "op", v: op[0] === ";" ? "," : op[0] });
      i += op[0].length;
      continue;
    }
    throw new Unsupported(`unexpected ${c}`);
  }
  return out;
}

// ------------------------------------------------------------------ syntax tree

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; a: string; b?: string }
  | { k: "un"; op: string; x: Node }
  | { k: "pct"; x: Node }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "call"; name: string; args: Node[] };

function parse(toks: Tok[]): Node {
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const t = toks[p];
    return !!t && t.t === "op" && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Unsupported(`expected ${v}`);
    p++;
  };
  const binary =
    (ops: string[], next: () => Node): (() => Node) =>
    () => {
      let l = next();
      for (;;) {
        const t = peek();
        if (t && t.t === "op" && ops.includes(t.v)) {
          p++;
          l = { k: "bin", op: t.v, l, r: next() };
        } else return l;
      }
    };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Unsupported("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "err":
        return { k: "lit", v: { error: t.v } };
      case "ref":
        return { k: "ref", sheet: t.sheet, a: t.a, b: t.b };
      case "name": {
        if (isOp("(")) {
          p++;
          const args: Node[] = [];
          if (!isOp(")")) {
            for (;;) {
              if (isOp(",") || isOp(")")) args.push({ k: "lit", v: null });
              else args.push(expr());
              if (isOp(",")) {
                p++;
                continue;
              }
              break;
            }
          }
          expect(")");
          return { k: "call", name: t.v.replace(/^_XLFN\./, ""), args };
        }
        if (t.v === "TRUE") return { k: "lit", v: true };
        if (t.v === "FALSE") return { k: "lit", v: false };
        throw new Unsupported(`name ${t.v}`);
      }
      case "op":
        if (t.v === "(") {
          const e = expr();
          expect(")");
          return e;
        }
        throw new Unsupported(`unexpected ${t.v}`);
    }
    throw new Unsupported("unexpected token");
  };
  const postfix = (): Node => {
    let x = primary();
    while (isOp("%")) {
      p++;
      x = { k: "pct", x };
    }
    return x;
  };
  const unary = (): Node => {
    if (isOp("-") || isOp("+")) {
      const op = (toks[p++] as { v: string }).v;
      return { k: "un", op, x: unary() };
    }
    return postfix();
  };
  const power = binary(["^"], unary);
  const term = binary(["*", "/"], power);
  const additive = binary(["+", "-"], term);
  const concat = binary(["&"], additive);
  const comparison = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  const expr = comparison;
  const root = expr();
  if (p !== toks.length) throw new Unsupported("trailing input");
  return root;
}

// ------------------------------------------------------------------ evaluation

function cellOf(a1: string): { row: number; col: number } {
  const cell = parseCell(a1);
  if (!cell) throw new Unsupported("bad cell");
  return cell;
}

const VALUE: Err = { error: "#VALUE!" };
const DIV0: Err = { error: "#DIV/0!" };

function toNum(v: Scalar): number | Err {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isErr(v)) return v;
  const t = v.trim();
  if (t !== "" && !isNaN(Number(t))) return Number(t);
  return VALUE;
}

function toBool(v: Scalar): boolean | Err {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isErr(v)) return v;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return VALUE;
}

function toStr(v: Scalar): string | Err {
  if (v === null) return "";
  if (isErr(v)) return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: Scalar, b: Scalar): number {
  const rank = (x: Scalar): number => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Evaluates cells of a set of sheets, using cached values where present. */
export class FormulaEvaluator {
  private readonly byName = new Map<string, GridSheet>();
  private readonly memo = new Map<string, Scalar | undefined>();
  private readonly visiting = new Set<string>();

  constructor(private readonly sheets: GridSheet[]) {
    for (const s of sheets) this.byName.set(s.name.toLowerCase(), s);
  }

  /**
   * The value of a cell (1-based row/col): its cached value, or, when it has a formula and no
   * cached value, the evaluated formula; undefined when the formula cannot be evaluated.
   */
  cell(sheetName: string, row: number, col: number): GridValue | undefined {
    try {
      return this.cellScalar(sheetName, row, col);
    } catch (e) {
      if (declined(e)) return undefined;
      throw e;
    }
  }

  /** Evaluates a formula text ("=D10/D9*100") in the context of a sheet; undefined when unsupported. */
  formula(sheetName: string, formula: string): GridValue | undefined {
    try {
      const src = formula.trim().replace(/^=/, "");
      const v = this.evalNode(parse(tokenize(src)), sheetName);
      if (isRange(v)) return v.range.length === 1 ? nullToZero(v.range[0]) : VALUE;
      return nullToZero(v);
    } catch (e) {
      if (declined(e)) return undefined;
      throw e;
    }
  }

  private sheet(name: string): GridSheet | undefined {
    return this.byName.get(name.toLowerCase());
  }

  private raw(sh: GridSheet, row: number, col: number): { v: GridValue; f: string | null } {
    const o = sh.origin ?? { row: 1, col: 1 };
    const r = row - o.row;
    const c = col - o.col;
    const v = sh.values[r]?.[c];
    const f = sh.formulas?.[r]?.[c] ?? null;
    return { v: v === undefined ? null : v, f };
  }

  private cellScalar(sheetName: string, row: number, col: number): Scalar | undefined {
    const sh = this.sheet(sheetName);
    if (!sh) return undefined;
    const { v, f } = this.raw(sh, row, col);
    const cached = v !== null && !(typeof v === "string" && v === "" && f);
    if (!f || cached) return v as Scalar;
    const key = `${sh.name}!${row}:${col}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.visiting.has(key)) throw new Unsupported("cycle");
    this.visiting.add(key);
    try {
      const src = f.trim().replace(/^=/, "");
      let out: Scalar | undefined;
      try {
        const res = this.evalNode(parse(tokenize(src)), sh.name);
        out = isRange(res) ? (res.range.length === 1 ? nullToZero(res.range[0]) : VALUE) : nullToZero(res);
      } catch (e) {
        // a cycle or a stack overflow concerns the whole chain of precedents: the outermost call declines it
        if (!(e instanceof Unsupported) || e.message === "cycle") throw e;
        out = undefined;
      }
      this.memo.set(key, out);
      return out;
    } finally {
      this.visiting.delete(key);
    }
  }

  private refValue(sheetName: string, n: { sheet?: string; a: string; b?: string }): Val {
    const name = n.sheet ?? sheetName;
    if (!this.sheet(name)) throw new Unsupported("unknown sheet");
    const get = (row: number, col: number): Scalar => {
      const v = this.cellScalar(name, row, col);
      if (v === undefined) throw new Unsupported("unevaluable precedent");
      return v;
    };
    const a = cellOf(n.a);
    if (!n.b) return get(a.row, a.col);
    const b = cellOf(n.b);
    const r0 = Math.min(a.row, b.row);
    const r1 = Math.max(a.row, b.row);
    const c0 = Math.min(a.col, b.col);
    const c1 = Math.max(a.col, b.col);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > 100000) throw new Unsupported("range too large");
    const out: Scalar[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(get(r, c));
    return { range: out };
  }

  private scalar(n: Node, sheet: string): Scalar {
    const v = this.evalNode(n, sheet);
    if (isRange(v)) return v.range.length === 1 ? v.range[0] : VALUE;
    return v;
  }

  private evalNode(n: Node, sheet: string): Val {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        return this.refValue(sheet, n);
      case "pct": {
        const x = toNum(this.scalar(n.x, sheet));
        return isErr(x) ? x : x / 100;
      }
      case "un": {
        const x = toNum(this.scalar(n.x, sheet));
        if (isErr(x)) return x;
        return n.op === "-" ? -x : x;
      }
      case "bin":
        return this.binary(n.op, this.scalar(n.l, sheet), this.scalar(n.r, sheet));
      case "call":
        return this.call(n.name, n.args, sheet);
    }
    throw new Unsupported("node");
  }

  private binary(op: string, l: Scalar, r: Scalar): Scalar {
    if (op === "&") {
      const a = toStr(l);
      const b = toStr(r);
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      return a + b;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      if (isErr(l)) return l;
      if (isErr(r)) return r;
      const c = compare(l, r);
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case ">":
          return c > 0;
        case "<=":
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const a = toNum(l);
    const b = toNum(r);
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    let res: number;
    switch (op) {
      case "+":
        res = a + b;
        break;
      case "-":
        res = a - b;
        break;
      case "*":
        res = a * b;
        break;
      case "/":
        if (b === 0) return DIV0;
        res = a / b;
        break;
      case "^":
        res = Math.pow(a, b);
        break;
      default:
        throw new Unsupported(`op ${op}`);
    }
    return Number.isFinite(res) ? res : { error: "#NUM!" };
  }

  /** Numbers of the arguments: ranges give only their numbers, direct arguments are coerced. */
  private numbers(args: Node[], sheet: string, countOnly = false): number[] | Err {
    const out: number[] = [];
    for (const a of args) {
      const v = this.evalNode(a, sheet);
      if (isRange(v)) {
        for (const x of v.range) {
          if (isErr(x) && !countOnly) return x;
          if (typeof x === "number") out.push(x);
        }
      } else {
        if (isErr(v)) {
          if (countOnly) continue;
          return v;
        }
        if (v === null && a.k === "ref") continue;
        const x = toNum(v);
        if (isErr(x)) {
          if (countOnly) continue;
          return x;
        }
        out.push(x);
      }
    }
    return out;
  }

  private call(name: string, args: Node[], sheet: string): Val {
    const need = (min: number, max: number): void => {
      if (args.length < min || args.length > max) throw new Unsupported(`arity ${name}`);
    };
    switch (name) {
      case "SUM": {
        const xs = this.numbers(args, sheet);
        if (isErr(xs)) return xs;
        return xs.reduce((s, x) => s + x, 0);
      }
      case "COUNT": {
        const xs = this.numbers(args, sheet, true);
        return isErr(xs) ? 0 : xs.length;
      }
      case "MIN":
      case "MAX": {
        const xs = this.numbers(args, sheet);
        if (isErr(xs)) return xs;
        if (xs.length === 0) return 0;
        return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "ABS": {
        need(1, 1);
        const x = toNum(this.scalar(args[0], sheet));
        return isErr(x) ? x : Math.abs(x);
      }
      case "ROUND": {
        need(2, 2);
        const x = toNum(this.scalar(args[0], sheet));
        const d = toNum(this.scalar(args[1], sheet));
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        const k = Math.trunc(d);
        if (k >= 0) return roundHalfUp(x, k);
        const f = Math.pow(10, -k);
        return roundHalfUp(x / f, 0) * f;
      }
      case "IF": {
        need(1, 3);
        const c = toBool(this.scalar(args[0], sheet));
        if (isErr(c)) return c;
        if (c) return args.length > 1 ? (this.scalar(args[1], sheet) ?? 0) : true;
        return args.length > 2 ? (this.scalar(args[2], sheet) ?? 0) : false;
      }
      case "IFERROR": {
        need(2, 2);
        const v = this.scalar(args[0], sheet);
        return isErr(v) ? this.scalar(args[1], sheet) : v;
      }
      case "AND":
      case "OR": {
        if (args.length === 0) throw new Unsupported("arity");
        const bs: boolean[] = [];
        for (const a of args) {
          const v = this.evalNode(a, sheet);
          const items = isRange(v)
            ? v.range.filter((x) => typeof x === "number" || typeof x === "boolean" || isErr(x))
            : [v];
          for (const x of items) {
            const b = toBool(x);
            if (isErr(b)) return b;
            bs.push(b);
          }
        }
        if (bs.length === 0) return VALUE;
        return name === "AND" ? bs.every(Boolean) : bs.some(Boolean);
      }
      case "ISNUMBER": {
        need(1, 1);
        return typeof this.scalar(args[0], sheet) === "number";
      }
      case "ISBLANK": {
        need(1, 1);
        return this.scalar(args[0], sheet) === null;
      }
      default:
        throw new Unsupported(`function ${name}`);
    }
  }
}

function nullToZero(v: Scalar): Scalar {
  return v === null ? 0 : v;
}

/** Evaluates one formula against the given sheet (and, for qualified references, the others). */
export function evaluateFormula(formula: string, sheet: GridSheet, others: GridSheet[] = []): GridValue | undefined {
  return new FormulaEvaluator([sheet, ...others.filter((s) => s !== sheet)]).formula(sheet.name, formula);
}

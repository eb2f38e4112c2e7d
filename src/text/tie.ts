/**
 * Tying the figures of the text to indicators, by the words around each figure (text-words.json), the
 * section it stands in and the level the text speaks of. A figure no concept claims, or two concepts
 * claim equally, is left out: never guessed. Pure.
 */
import { catalog, inEdition, indicatorById, relationsIn } from "../catalog";
import type { Level } from "../engine/types";
import { findFigures } from "./figures";
import type { TextFigure, TextParagraph, Tie } from "./types";
import { Concept, textWords } from "./words";

export type Scope = Level | "mixed" | "other" | undefined;

export interface Edition {
  level: Level;
  version: string;
}

/** A figure with what the words around it say. */
export interface ReadFigure {
  figure: TextFigure;
  concept?: Concept;
  scope: Scope;
  /** Where the scope came from: the figure's own words, its paragraph, an earlier paragraph, the unit's level. */
  scopeFrom: "own" | "paragraph" | "carried" | "default" | "none";
  /** A rate attached to the figure just before it ("… 37.995 hồ sơ, chiếm tỷ lệ 99,68%"). */
  rateOf?: number;
  context: string;
  sentence: string;
  section: number;
}

interface Mention {
  at: number;
  end: number;
  scope: Exclude<Scope, undefined>;
}

function mentions(t: string): Mention[] {
  const w = textWords().levels;
  const out: Mention[] = [];
  for (const [scope, words] of Object.entries(w) as [Exclude<Scope, undefined>, string[]][])
    for (const word of words) {
      let k = t.indexOf(word);
      while (k >= 0) {
        out.push({ at: k, end: k + word.length, scope });
        k = t.indexOf(word, k + 1);
      }
    }
  // a longer mention covering a shorter one wins ("xã, phường, thị trấn" over nothing; "huyện, xã" over "cấp huyện")
  out.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (last && m.at < last.end) {
      if (m.scope === "mixed" || m.scope === "other") {
        if (m.end - m.at >= last.end - last.at || m.scope === "other") kept[kept.length - 1] = m;
      }
      continue;
    }
    kept.push(m);
  }
  return kept;
}

/** The level spoken of by mentions in [from, to): the nearest one, "mixed" when two levels stand together. */
function scopeIn(ms: Mention[], from: number, to: number): Scope {
  const inside = ms.filter((m) => m.at >= from && m.end <= to);
  if (inside.length === 0) return undefined;
  const last = inside[inside.length - 1];
  const prev = inside[inside.length - 2];
  if (prev && prev.scope !== last.scope && last.at - prev.end <= 12 && prev.scope !== "other" && last.scope !== "other")
    return "mixed";
  return last.scope;
}

function has(t: string, words: string[] | undefined): boolean {
  return !!words && words.some((w) => t.includes(w));
}

/** Best concept for a figure's context, or undefined when none or two equally good ones match. */
function bestConcept(
  kind: "count" | "percent" | "money",
  ctx: string,
  sentence: string,
  paragraph: string,
  unit: string,
  section: number
): Concept | undefined {
  let best: Concept | undefined;
  let bestScore = 0;
  let tie = false;
  for (const c of textWords().concepts) {
    if (c.kind !== kind) continue;
    if (kind !== "percent" && c.units.length > 0 && !c.units.includes(unit) && !(unit === "" && c.units.includes(""))) {
      // money is recognised by its unit; counts need the unit when the concept names some
      continue;
    }
    if (has(ctx, c.exclude) || has(sentence, c.sentenceExclude)) continue;
    if (c.sentenceNeeds && !has(sentence, c.sentenceNeeds)) continue;
    if (c.paragraphNeeds && !has(paragraph, c.paragraphNeeds)) continue;
    if (!(c.sections ?? [c.form]).includes(section)) continue;
    let score = 0;
    for (const p of c.phrases) if (p.every((w) => ctx.includes(w))) score = Math.max(score, p.join(" ").length);
    if (score === 0) continue;
    if (score > bestScore) {
      best = c;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/** Bullet ranks as the seeds use them: "*" groups, "-" items, "+" sub-items; 0 for running text. */
function markerRank(text: string): number {
  const m = /^\s*([*•\-–+])/.exec(text);
  if (!m) return 0;
  return m[1] === "*" || m[1] === "•" ? 3 : m[1] === "+" ? 1 : 2;
}

const BOUNDARY = /[;()|[\]]/;
const RATE_WORDS = /chiếm|đạt|tỷ lệ|bằng|=|\(/;

/** Sentences of a paragraph as [start, end) offsets. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  const re = /[.!?](?=\s+[A-ZÀ-ỸĐ\-+*•(]|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push([s, m.index + 1]);
    s = m.index + 1;
  }
  if (s < text.length) out.push([s, text.length]);
  return out;
}

/** Reads every figure of the body with its concept and scope. */
export function readFigures(paragraphs: TextParagraph[], edition: Edition): ReadFigure[] {
  const out: ReadFigure[] = [];
  let carried: Scope;
  let carriedSection = -1;
  const ownDefault: Scope =
    edition.level === "huyen" || edition.level === "xa" || edition.level === "so" ? edition.level : undefined;
  let carriedRank = -1;
  for (const p of paragraphs) {
    const lower = p.text.normalize("NFC").toLowerCase();
    const ms = mentions(lower);
    const rank = markerRank(p.text);
    const headingLike = p.heading || /^\s*(?:[IVX]{1,4}|\d{1,2}|[a-zđ])\s*[.)]\s/.test(p.text);
    if (p.section !== carriedSection || headingLike || rank >= carriedRank) {
      carried = undefined;
      carriedRank = -1;
      carriedSection = p.section;
    }
    // a paragraph that opens with a level ("+ Cấp tỉnh:", "* Công an xã:", "Riêng Chi nhánh …", "… theo ngành dọc:")
    // sets it for itself and what follows
    const openingAt = scopeIn(ms, 0, Math.min(lower.length, 60));
    const opening = openingAt ?? (lower.length < 140 && /:\s*$/.test(lower) ? scopeIn(ms, 0, lower.length) : undefined);
    const figs = findFigures(p.text, p.number);
    const sents = sentences(p.text);
    for (let i = 0; i < figs.length; i++) {
      const f = figs[i];
      const [ss, se] = sents.find(([a, b]) => f.start >= a && f.start < b) ?? [0, p.text.length];
      const prev = figs[i - 1];
      const next = figs[i + 1];
      let from = ss;
      if (prev && prev.end <= f.start && prev.start >= ss) {
        // the previous figure's own trailing words end at the first separator after it
        const gap = lower.slice(prev.end, f.start);
        const sep = /,|(?:^|\s)và(?=\s)|;|\(|\)/.exec(gap);
        from = sep ? prev.end + sep.index + sep[0].length : prev.end;
      }
      for (let k = f.start - 1; k >= from; k--)
        if (BOUNDARY.test(p.text[k]) || (p.text[k] === ":" && /[A-Za-zÀ-ỹĐđ]/.test(p.text.slice(k + 1, f.start)))) {
          from = k + 1;
          break;
        }
      let to = Math.min(se, next && next.start < se ? next.start : se);
      for (let k = f.end; k < to; k++)
        if (BOUNDARY.test(p.text[k]) || p.text[k] === ",") {
          to = k;
          break;
        }
      const before = lower.slice(from, f.start);
      const after = lower.slice(f.end, to);
      const sentence = lower.slice(ss, se);
      const ctx = `${before} ${f.unit} ${after}`.replace(/\s+/g, " ");

      // scope: the figure's own words, then its sentence, then its paragraph's opening, then what an earlier
      // paragraph set, then the unit's own level
      let scope: Scope;
      let scopeFrom: ReadFigure["scopeFrom"] = "none";
      const adjacentAfter = /^\s*(?:cấp|của cấp|thuộc cấp)\s+(tỉnh|huyện|xã)/.exec(lower.slice(f.end));
      const adjacentBefore = /cấp (tỉnh|huyện|xã)\s*:?\s*$/.exec(before);
      const adjacent = adjacentAfter ?? adjacentBefore;
      const adjScope: Scope = adjacent
        ? ({ tỉnh: "tinh", huyện: "huyen", xã: "xa" } as const)[adjacent[1] as "tỉnh"]
        : undefined;
      const own = adjacentAfter ? adjScope : scopeIn(ms, from, f.start);
      const inSentence = scopeIn(ms, ss, f.start);
      const otherInSentence = ms.some((m) => m.scope === "other" && m.at >= ss && m.end <= f.start);
      if (otherInSentence) {
        scope = "other";
        scopeFrom = "own";
      } else if (own) {
        scope = own;
        scopeFrom = "own";
      } else if (inSentence) {
        scope = inSentence;
        scopeFrom = "paragraph";
      } else if (openingAt) {
        scope = openingAt;
        scopeFrom = "paragraph";
      } else if (carried) {
        scope = carried;
        scopeFrom = "carried";
      } else if (ownDefault) {
        scope = ownDefault;
        scopeFrom = "default";
      }

      const kind = f.kind === "percent" ? "percent" : f.kind === "money" ? "money" : "count";
      let concept = f.approx ? undefined : bestConcept(kind, ctx, sentence, lower, f.unit, p.section);
      if (concept?.levelInWords) {
        // "1.558 TTHC cấp tỉnh", "TTHC cấp huyện: 256": the level must stand right beside the figure
        if (!adjScope || scope !== adjScope) concept = undefined;
      }
      const rf: ReadFigure = {
        figure: f,
        concept,
        scope,
        scopeFrom,
        context: ctx,
        sentence: p.text.slice(ss, se).trim(),
        section: p.section,
      };
      if (f.kind === "percent" && !concept && prev && prev.start >= ss) {
        const gap = lower.slice(prev.end, f.start);
        if (gap.length <= 45 && !/[;]/.test(gap) && RATE_WORDS.test(gap)) rf.rateOf = out.length - 1;
      }
      out.push(rf);
    }
    if (opening) {
      carried = opening;
      carriedRank = rank;
    }
  }
  return out;
}

/** The indicator a concept names for a scope in an edition, if the edition prints it. */
export function indicatorFor(c: Concept, scope: Scope, edition: Edition): string | undefined {
  if (scope === "mixed" || scope === "other") return undefined;
  const own = edition.level;
  const anyLevel = c.indicators["*"];
  if (anyLevel) {
    if (c.ownLevelOnly) {
      const ok = scope === undefined || ((own === "huyen" || own === "xa" || own === "so") && scope === own);
      if (!ok) return undefined;
    }
    return anyLevel.find((id) => {
      const i = indicatorById(id);
      return i !== undefined && inEdition(i, edition.level, edition.version);
    });
  }
  const level = scope ?? (c.unscopedOwn ? own : undefined);
  if (level === undefined) return undefined;
  return (c.indicators[level] ?? []).find((id) => {
    const i = indicatorById(id);
    return i !== undefined && inEdition(i, edition.level, edition.version);
  });
}

/** The ratio row whose numerator is `id` in the edition. */
export function ratioOver(id: string, edition: Edition): { ratio: string; denominator: string } | undefined {
  for (const i of catalog.indicators) {
    if (!inEdition(i, edition.level, edition.version)) continue;
    const r = relationsIn(i, edition.level, edition.version).ratio;
    if (r && r.numerator === id) return { ratio: i.id, denominator: r.denominator };
  }
  return undefined;
}

function confidence(rf: ReadFigure, c: Concept): number {
  let k = 1;
  if (c.units.length > 0 && rf.figure.unit === "" && rf.figure.kind !== "percent") k *= 0.85;
  if (rf.section !== c.form) k *= 0.8;
  if (rf.scopeFrom === "carried" || rf.scopeFrom === "default") k *= 0.9;
  return Math.round(k * 100) / 100;
}

export interface TieResult {
  ties: Tie[];
  figures: ReadFigure[];
  /** Rates with the parts the text itself gives: [rate figure index, numerator, denominator]. */
  rates: { rate: ReadFigure; num: number; den: number }[];
}

/** Ties the body's figures to the edition's indicators. */
export function tieFigures(paragraphs: TextParagraph[], edition: Edition): TieResult {
  const figs = readFigures(paragraphs, edition);
  const ties: Tie[] = [];
  const rates: TieResult["rates"] = [];
  const words = textWords();
  const byId = new Map(words.concepts.map((c) => [c.id, c]));
  const tieOf = new Map<number, Tie>();
  const partOfSum = new Set<number>();

  const add = (k: number, t: Omit<Tie, "figure" | "quote">) => {
    const rf = figs[k];
    const tie: Tie = { figure: rf.figure, quote: rf.sentence, ...t };
    ties.push(tie);
    if (t.role !== "denominator") tieOf.set(k, tie);
  };

  // sums of parts within one paragraph and scope
  for (const s of words.sums) {
    const target = byId.get(s.target);
    if (!target) continue;
    const groups = new Map<string, number[][]>();
    figs.forEach((rf, k) => {
      if (!rf.concept || rf.section === 0) return;
      const pi = s.parts.indexOf(rf.concept.id);
      if (pi < 0) return;
      // a target figure that names both parts itself ("trước và đúng hạn") is whole, not a part
      if (
        rf.concept.id === s.target &&
        s.parts.some(
          (q) => q !== s.target && byId.get(q)?.phrases.some((ph) => ph.every((w) => rf.context.includes(w)))
        )
      )
        return;
      const key = `${rf.figure.paragraph}|${rf.scope ?? ""}`;
      const g = groups.get(key) ?? s.parts.map(() => []);
      g[pi].push(k);
      groups.set(key, g);
    });
    for (const g of groups.values()) {
      if (g.some((list) => list.length !== 1)) continue;
      const ks = g.map((list) => list[0]);
      const first = figs[ks[0]];
      const id = indicatorFor(target, first.scope, edition);
      ks.forEach((k) => partOfSum.add(k));
      if (!id) continue;
      const value = ks.reduce((a, k) => a + figs[k].figure.value, 0);
      const tie: Tie = {
        figure: { ...first.figure, raw: ks.map((k) => figs[k].figure.raw).join(" + ") },
        indicator: id,
        concept: target.id,
        role: "sum",
        value,
        confidence: Math.min(...ks.map((k) => confidence(figs[k], target))),
        quote: first.sentence,
      };
      ties.push(tie);
    }
  }

  figs.forEach((rf, k) => {
    const c = rf.concept;
    if (rf.section === 0) return;
    if (c) {
      const id = partOfSum.has(k) ? undefined : indicatorFor(c, rf.scope, edition);
      if (id)
        add(k, { indicator: id, concept: c.id, role: "direct", value: rf.figure.value, confidence: confidence(rf, c) });
      if (rf.figure.kind === "fraction" && rf.figure.den !== undefined) {
        // the denominator is the whole the numerator is part of
        const whole = c.whole ? byId.get(c.whole) : undefined;
        let den = whole ? indicatorFor(whole, rf.scope, edition) : undefined;
        const own = indicatorFor(c, rf.scope, edition);
        if (!den && own) den = ratioOver(own, edition)?.denominator;
        if (den)
          ties.push({
            figure: rf.figure,
            quote: rf.sentence,
            indicator: den,
            concept: whole?.id ?? c.id,
            role: "denominator",
            value: rf.figure.den,
            confidence: Math.round(confidence(rf, c) * 0.95 * 100) / 100,
          });
      }
    }
    if (rf.rateOf !== undefined && rf.rateOf >= 0 && !rf.figure.approx) {
      const of = figs[rf.rateOf];
      // the rate's own parts, as the text gives them
      if (of.figure.kind === "fraction" && of.figure.den)
        rates.push({ rate: rf, num: of.figure.value, den: of.figure.den });
      else if (of.concept?.whole) {
        const wholeFig = figs.find(
          (w) =>
            w.concept?.id === of.concept?.whole &&
            w.figure.paragraph === of.figure.paragraph &&
            w.scope === of.scope &&
            w !== of
        );
        if (wholeFig) rates.push({ rate: rf, num: of.figure.value, den: wholeFig.figure.value });
      }
      const ofTie = tieOf.get(rf.rateOf);
      if (ofTie && ofTie.role === "direct" && of.concept && !partOfSum.has(rf.rateOf)) {
        const r = ratioOver(ofTie.indicator, edition);
        if (r)
          add(k, {
            indicator: r.ratio,
            concept: of.concept.id,
            role: "rate",
            value: rf.figure.value,
            confidence: Math.round(ofTie.confidence * 0.95 * 100) / 100,
          });
      }
    }
  });
  return { ties, figures: figs, rates };
}

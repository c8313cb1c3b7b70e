import { memoized } from '../memo';
import type { Finding, Rule } from '../rule';
import type { Paragraph } from '../lines';
import { sectionAt } from '../outline';
import { charTable } from '../text';

// A whole sentence said twice in one speech is a slip of copy and paste; a short
// clause said twice is how speeches talk (在党中央坚强领导下, 保持经济运行在合理区间).
const MIN_SENTENCE = 20;
// Inside one paragraph, two clauses said again (…功夫不够，准备不足) are a slip too.
const MIN_CLAUSES = 12;
const WINDOW = 8;

export const repeatedSentence: Rule = {
  meta: {
    id: 'repeated-sentence',
    defaultSeverity: 'information',
    title: '重复的句子',
    description:
      '同一整句（20 字以上）在相隔几段之内几乎一字不差地又出现，或同一段里连续两个分句原样再说一遍，多为拼接旧稿时的无意重复。短的固定说法、引语、数据句式、长篇讲话隔了很远的回扣都不提示；汇编中各篇分别比较。',
  },
  check(doc, ctx) {
    const speechOf = (offset: number) => Math.max(0, doc.speeches.indexOf(sectionAt(doc.speeches, offset) ?? doc.speeches[0]));
    const recent: Sentence[] = [];
    const runs = new Map<number | string, ClauseRun>();
    // Clause keys numbered once per check, so runs and pairs are keyed by numbers, not joined strings.
    const ids = new Map<string, number>();
    const flagged = new Set<Sentence>();
    const out: Finding[] = [];
    const report = (x: Sentence, other: Sentence) => {
      if (flagged.has(x)) return;
      flagged.add(x);
      out.push({
        start: x.start,
        end: x.end,
        message: `这一整句与${x.start < other.start ? '后文' : '前文'}几乎一字不差：“${doc.text.slice(x.start, x.end).replace(/\s+/g, '').slice(0, 30)}”。`,
        related: [{ start: other.start, end: other.end, message: '重复的另一处' }],
      });
    };
    doc.paragraphs.forEach((p, pi) => {
      // Only the last few paragraphs: a copy slip stands near its source; a long talk
      // coming back to a point much later is a callback, not a slip.
      while (recent.length && pi - recent[0].paragraph > WINDOW) recent.shift();
      // What a paragraph's words alone decide is read once per paragraph text (and kept between versions).
      const { sentences, clauses } = memoized(ctx.memo, 'repeated-sentence', p.flat, () => readParagraph(p.flat));
      const clauseIds = new Int32Array(clauses.length).fill(-1);
      const idAt = (i: number) => {
        if (clauseIds[i] < 0) {
          const key = clauses[i].key;
          clauseIds[i] = ids.get(key) ?? ids.size;
          if (clauseIds[i] === ids.size) ids.set(key, clauseIds[i]);
        }
        return clauseIds[i];
      };
      for (const s of sentences) {
        const key = s.key;
        const start = p.offsets[s.from];
        const here: Sentence = { start, end: p.offsets[s.to - 1] + 1, paragraph: pi, speech: speechOf(start), key, grams: null };
        for (const other of recent) {
          if (other.speech !== here.speech || !nearlySame(here, other)) continue;
          // Within one paragraph only the very same words count; a restated point with a word changed is emphasis.
          if (other.paragraph === pi && other.key !== key) continue;
          report(other, here);
          report(here, other);
          break;
        }
        recent.push(here);
      }
      for (const f of repeatedWithinParagraph(p, clauses, idAt)) out.push(f);
      for (const f of repeatedClauseRuns(p, clauses, pi, runs, idAt, speechOf)) out.push(f);
    });
    // One finding per place: a repeated sentence also repeats its clauses.
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    let coveredTo = -1;
    return out.filter((f) => {
      if (f.start < coveredTo) return false;
      coveredTo = f.end;
      return true;
    });
  },
};

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  speech: number;
  key: string;
  /** Character bigrams, made only when a near copy is in question. */
  grams: Set<string> | null;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + 1 < s.length; k++) out.add(s.slice(k, k + 2));
  return out;
}

/** The same sentence, or the same with a word or two changed (既是 → 既展现了). */
function nearlySame(a: Sentence, b: Sentence): boolean {
  if (a.key === b.key) return true;
  if (Math.abs(a.key.length - b.key.length) > a.key.length * 0.2) return false;
  // A copy with a word changed keeps its opening or its ending: a cheap test before the bigrams.
  if (a.key.slice(0, 6) !== b.key.slice(0, 6) && a.key.slice(-6) !== b.key.slice(-6)) return false;
  const ga = (a.grams ??= bigrams(a.key));
  const gb = (b.grams ??= bigrams(b.key));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size) >= 0.8;
}

interface ClauseRun {
  start: number;
  end: number;
  paragraph: number;
  speech: number;
  reported: boolean;
}

/**
 * Three clauses in a row said again a few paragraphs later (the same results
 * reported twice: 物理省一7人，全国决赛获1金1银，1人入选国家集训队): a copied block.
 */
function repeatedClauseRuns(p: Paragraph, clauses: Clause[], pi: number, runs: Map<number | string, ClauseRun>, idAt: (i: number) => number, speechOf: (offset: number) => number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i + 2 < clauses.length; i++) {
    const [a, b, c] = [clauses[i], clauses[i + 1], clauses[i + 2]];
    if (a.key.length < 4 || b.key.length < 4 || c.key.length < 4 || a.key.length + b.key.length + c.key.length < 18) continue;
    const key = tripleKey(idAt(i), idAt(i + 1), idAt(i + 2));
    const here: ClauseRun = { start: p.offsets[clauses[i].from], end: p.offsets[clauses[i + 2].to - 1] + 1, paragraph: pi, speech: speechOf(p.offsets[clauses[i].from]), reported: false };
    const before = runs.get(key);
    if (before && before.paragraph !== pi && pi - before.paragraph <= WINDOW && before.speech === here.speech && !before.reported) {
      before.reported = true;
      here.reported = true;
      for (const [x, y] of [[before, here], [here, before]]) {
        out.push({
          start: x.start,
          end: x.end,
          message: `这几句与${x === before ? '后文' : '前文'}一字不差：“${p.flat.slice(clauses[i].from, clauses[i + 2].to).slice(0, 30)}”。`,
          related: [{ start: y.start, end: y.end, message: '重复的另一处' }],
        });
      }
      i += 2;
    }
    if (!before || before.reported || pi - before.paragraph > WINDOW || before.speech !== here.speech) runs.set(key, here);
  }
  return out;
}

/** A paragraph's clauses (between ，。；！？：), each with its comparison key. Read once per paragraph. */
type Clause = { from: number; to: number; key: string; figures: boolean };
const CLAUSE_END = charTable('，。；！？：');
const SENTENCE_END = charTable('。！？');
const DATA = /[0-9０-９×XＸ%％]/;
function clausesOf(flat: string, keys: ParagraphKeys): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let k = 0; k <= flat.length; k++) {
    if (k < flat.length && !CLAUSE_END[flat.charCodeAt(k)]) continue;
    if (k > from) {
      const key = keys.slice(from, k);
      out.push({ from, to: k, key, figures: DATA.test(key) });
    }
    from = k + 1;
  }
  return out;
}

// Clause-key numbers below 2^17 pack three to a number (2^51 < 2^53); past that, a string.
function tripleKey(a: number, b: number, c: number): number | string {
  return a < 131072 && b < 131072 && c < 131072 ? a + b * 131072 + c * 17179869184 : `${a},${b},${c}`;
}

// A comparison key leaves out spaces, quotation marks, brackets and Markdown emphasis.
const HAS_KEY_DROP = /[\s“”"‘’「」『』（）()《》*_]/;
const KEY_DROP = charTable(' \t\r\n\u3000“”"‘’「」『』（）()《》*_');
interface ParagraphKeys {
  /** The key of flat[from, to). */
  slice(from: number, to: number): string;
}
/** A paragraph's text without what keys leave out, computed once; clauses and sentences are slices of it. */
function keysOf(flat: string): ParagraphKeys {
  if (!HAS_KEY_DROP.test(flat)) return { slice: (from, to) => flat.slice(from, to) };
  const at = new Int32Array(flat.length + 1);
  let key = '';
  let n = 0;
  let runFrom = 0;
  for (let k = 0; k < flat.length; k++) {
    at[k] = n;
    if (KEY_DROP[flat.charCodeAt(k)]) {
      key += flat.slice(runFrom, k);
      runFrom = k + 1;
    } else n++;
  }
  key += flat.slice(runFrom);
  at[flat.length] = n;
  return { slice: (from, to) => key.slice(at[from], at[to]) };
}

/** The sentences that could be a copy (long enough, not data, quotation or heading), and the clauses, of one paragraph's text. */
function readParagraph(flat: string): { sentences: { from: number; to: number; key: string }[]; clauses: Clause[] } {
  const keys = keysOf(flat);
  const sentences: { from: number; to: number; key: string }[] = [];
  for (const s of sentencesOf(flat)) {
    if (s.to - s.from < MIN_SENTENCE) continue;
    const key = keys.slice(s.from, s.to);
    if (key.length < MIN_SENTENCE) continue;
    // A short sentence with figures is a data frame: its form repeats by design.
    if (key.length < 30 && DATA.test(key)) continue;
    if (isQuoted(flat, s.from) || /：[“"]/.test(flat.slice(s.from, s.to))) continue;
    // A title or heading has no full stop; 办学目标为：… restates a definition on purpose.
    if (s.to >= flat.length || /^[^，。]{1,12}[为是]：/.test(flat.slice(s.from, s.to))) continue;
    sentences.push({ ...s, key });
  }
  return { sentences, clauses: clausesOf(flat, keys) };
}

function sentencesOf(flat: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = 0;
  for (let k = 0; k <= flat.length; k++) {
    if (k === flat.length || SENTENCE_END[flat.charCodeAt(k)]) {
      if (k > from) out.push({ from, to: k });
      from = k + 1;
    }
  }
  return out;
}

/** A sentence inside quotation marks is a quotation: it may well be quoted twice. */
function isQuoted(flat: string, from: number): boolean {
  const reach = Math.max(0, from - 300);
  // No opening quotation mark within reach: nothing to count.
  if (from === 0 || flat.lastIndexOf('“', from - 1) < reach) return false;
  let depth = 0;
  for (let k = reach; k < from; k++) {
    const c = flat.charCodeAt(k);
    if (c === 0x201c) depth++;
    else if (c === 0x201d) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** Two or more clauses said again later in the same paragraph. */
function repeatedWithinParagraph(p: Paragraph, clauses: Clause[], idAt: (i: number) => number): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<number | string, number>();
  for (let i = 0; i + 1 < clauses.length; i++) {
    const [x, y] = [clauses[i], clauses[i + 1]];
    if (x.key.length + y.key.length < MIN_CLAUSES || x.figures || y.figures) continue;
    const pair = tripleKey(idAt(i), idAt(i + 1), 0);
    const first = seen.get(pair);
    if (first === undefined) {
      seen.set(pair, i);
      continue;
    }
    if (first + 1 >= i) continue;
    const a = clauses[first];
    const b = clauses[i + 1];
    out.push({
      start: p.offsets[clauses[i].from],
      end: p.offsets[b.to - 1] + 1,
      message: `同一段里这两个分句又说了一遍：“${p.flat.slice(clauses[i].from, b.to).slice(0, 30)}”。`,
      related: [{ start: p.offsets[a.from], end: p.offsets[clauses[first + 1].to - 1] + 1, message: '前面的一处' }],
    });
  }
  return out;
}

import { kept } from '../memo';
import type { Finding, Rule } from '../rule';
import type { Paragraph } from '../lines';
import { sectionAt } from '../outline';
import { charTable } from '../text';

// A whole sentence said twice in one speech is a slip of copy and paste; a short
// clause said twice is how speeches talk (在党中央坚强领导下, 保持经济运行在合理区间).
const MIN_SENTENCE = 20;
const HAN_CHARS = /\p{Script=Han}/gu;
// A chair's script says its procedure again at every item: the vote, the pause, the applause.
const PROCEDURE = /举手|表决|请放下|手放下|稍候|稍停|稍后|鼓掌|请坐|起立|请发表|没有意见/;
// Inside one paragraph, two clauses said again (…功夫不够，准备不足) are a slip too.
const MIN_CLAUSES = 12;
const WINDOW = 8;
// An unnumbered subheading is restated within this many paragraphs below it (subheadings may stand two in a row).
const HEADLINE_REACH = 3;
// A subheading: one line, no sentence mark at its end or a full stop inside it.
const isHeadline = (p: Paragraph) => p.firstLine === p.lastLine && p.flat.length <= 80 && !/[。！？!?；;：:，,、…]/.test(p.flat.slice(-1)) && !/[。！？!?]/.test(p.flat);

export const repeatedSentence: Rule = {
  meta: {
    id: 'repeated-sentence',
    defaultSeverity: 'information',
    title: '重复的句子',
    description:
      '同一整句（20 字以上）在相隔几段之内几乎一字不差地又出现（编号标题、不带句号的小标题在其下正文里再说一遍的除外），或同一段里连续两个分句原样再说一遍，多为拼接旧稿时的无意重复。短的固定说法、引语和转述（他指出，……）、数据句式（数字不同，阿拉伯数字或汉字数字）、长篇讲话隔了很远的回扣都不提示；汇编中各篇分别比较。',
  },
  check(doc) {
    const recent: Sentence[] = [];
    const runs = new Map<number, ClauseRun>();
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
    // Paragraphs a numbered heading opens: its words said again in the body under it are the point developed, not a slip.
    const headings = new Set<number>();
    for (const m of doc.markers) if (m.level !== null && m.paragraphStart) headings.add(m.paragraph);
    // (A talk's heading may be a paragraph of summary sentences: **一、…。要建立…。** restated one by one below.)
    const headingAbove = (paragraph: number, pi: number) => {
      // A news report's subheading (a line of its own, no full stop) says what the next paragraph or two say at length.
      if (pi - paragraph <= HEADLINE_REACH && isHeadline(doc.paragraphs[paragraph])) return true;
      if (!headings.has(paragraph)) return false;
      for (let k = paragraph + 1; k < pi; k++) if (headings.has(k)) return false;
      return true;
    };
    doc.paragraphs.forEach((p, pi) => {
      // Only the last few paragraphs: a copy slip stands near its source; a long talk
      // coming back to a point much later is a callback, not a slip.
      while (recent.length && pi - recent[0].paragraph > WINDOW) recent.shift();
      // What a paragraph's words alone decide is read once per paragraph text (and kept between versions).
      const read = kept(p.results, 'repeated-sentence', () => readParagraph(p.flat));
      // A speech (of a compilation) begins at a paragraph: the whole paragraph is in one.
      const speech = Math.max(0, doc.speeches.indexOf(sectionAt(doc.speeches, p.start) ?? doc.speeches[0]));
      for (const s of read.sentences) {
        const key = s.key;
        const start = p.offsets[s.from];
        const here: Sentence = { start, end: p.offsets[s.to - 1] + 1, paragraph: pi, speech, words: s };
        for (const other of recent) {
          if (other.speech !== here.speech || !nearlySame(here, other) || headingAbove(other.paragraph, pi)) continue;
          // Within one paragraph a restated point with a word changed is emphasis, right after it; a long
          // sentence said again sentences later, a word apart, is the same sentence twice.
          if (other.paragraph === pi && other.words.key !== key && !(key.length >= 30 && here.start - other.end >= 10 && similarity(here, other) >= 0.85)) continue;
          report(other, here);
          report(here, other);
          break;
        }
        recent.push(here);
      }
      if (read.clauses.count < 2) return;
      for (const f of read.withinParagraph) out.push({ start: p.offsets[f.from], end: p.offsets[f.to - 1] + 1, message: f.message, related: [{ start: p.offsets[f.earlierFrom], end: p.offsets[f.earlierTo - 1] + 1, message: '前面的一处' }] });
      for (const f of repeatedClauseRuns(p, read, pi, speech, runs, (paragraph) => headingAbove(paragraph, pi))) out.push(f);
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
  /** The paragraph's reading of it (kept between versions): its comparison key, and its bigrams once made. */
  words: ReadSentence;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k + 1 < s.length; k++) out.add(s.slice(k, k + 2));
  return out;
}

/** Whether two keys (20 units or more) share their first six units (fromEnd 0) or their last six (fromEnd 6). */
function sameEdge(a: string, b: string, fromEnd: 0 | 6): boolean {
  const da = fromEnd ? a.length - 6 : 0;
  const db = fromEnd ? b.length - 6 : 0;
  for (let k = 0; k < 6; k++) if (a.charCodeAt(da + k) !== b.charCodeAt(db + k)) return false;
  return true;
}

/** Six units of a key from `at`, hashed (keys have 20 units or more). */
function edgeHash(key: string, at: number): number {
  let h = 0x811c9dc5;
  for (let k = at; k < at + 6; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h;
}

/** The same sentence, or the same with a word or two changed (既是 → 既展现了). */
function nearlySame(a: Sentence, b: Sentence): boolean {
  // The same words, or the same opening or ending (below), have the same edges.
  if (a.words.head !== b.words.head && a.words.tail !== b.words.tail) return false;
  if (a.words.key === b.words.key) return true;
  if (Math.abs(a.words.key.length - b.words.key.length) > a.words.key.length * 0.2) return false;
  // A copy with a word changed keeps its opening or its ending: a cheap test before the bigrams.
  if (!sameEdge(a.words.key, b.words.key, 0) && !sameEdge(a.words.key, b.words.key, 6)) return false;
  return similarity(a, b) >= 0.8;
}

/** Shared character bigrams (Dice), 1 for the same words. */
function similarity(a: Sentence, b: Sentence): number {
  if (a.words.key === b.words.key) return 1;
  const ga = (a.words.grams ??= bigrams(a.words.key));
  const gb = (b.words.grams ??= bigrams(b.words.key));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** A run of three clauses seen: its paragraph (text, reading, offsets), first clause and speech, and whether it was reported. */
interface ClauseRun {
  side: Side;
  offsets: Int32Array;
  clause: number;
  paragraph: number;
  speech: number;
  reported: boolean;
}

/**
 * Three clauses in a row said again a few paragraphs later (the same results
 * reported twice: 物理省一7人，全国决赛获1金1银，1人入选国家集训队): a copied block.
 */
function repeatedClauseRuns(p: Paragraph, read: ReadParagraph, pi: number, speech: number, runs: Map<number, ClauseRun>, headingAbove: (paragraph: number) => boolean): Finding[] {
  const out: Finding[] = [];
  const { from, to } = read.clauses;
  const here: Side = { clauses: read.clauses, flat: p.flat };
  const candidates = read.runCandidates;
  for (let c = 0; c < candidates.length; c += 2) {
    const i = candidates[c];
    const key = candidates[c + 1];
    const before = runs.get(key);
    const fresh = !before || before.reported || pi - before.paragraph > WINDOW || before.speech !== speech;
    if (!fresh && before.paragraph !== pi && !headingAbove(before.paragraph) && sameClauses(before.side, before.clause, here, i, 3)) {
      before.reported = true;
      const earlier = { start: before.offsets[before.side.clauses.from[before.clause]], end: before.offsets[before.side.clauses.to[before.clause + 2] - 1] + 1 };
      const later = { start: p.offsets[from[i]], end: p.offsets[to[i + 2] - 1] + 1 };
      const words = p.flat.slice(from[i], to[i + 2]).slice(0, 30);
      out.push({ ...earlier, message: `这几句与后文一字不差：“${words}”。`, related: [{ ...later, message: '重复的另一处' }] });
      out.push({ ...later, message: `这几句与前文一字不差：“${words}”。`, related: [{ ...earlier, message: '重复的另一处' }] });
      // The next two runs overlap this one: stepped over.
      while (c + 2 < candidates.length && candidates[c + 2] <= i + 2) c += 2;
      continue;
    }
    if (fresh) runs.set(key, { side: here, offsets: p.offsets, clause: i, paragraph: pi, speech, reported: false });
  }
  return out;
}

/** A paragraph's text and its reading: one side of a comparison. */
type Side = { clauses: Clauses; flat: string };

/** Whether n clauses from clause i of `a` say what n clauses from clause j of `b` say: the hashes agreed, the keys decide. */
function sameClauses(a: Side, i: number, b: Side, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const x = a.clauses;
    const y = b.clauses;
    if (keyOf(a.flat, x.from[i + k], x.to[i + k]) !== keyOf(b.flat, y.from[j + k], y.to[j + k])) return false;
  }
  return true;
}

/**
 * A paragraph's clauses (between ，。；！？：) in parallel arrays: bounds in the paragraph's text,
 * the length and a 32-bit hash of each clause's comparison key, and whether it holds figures.
 * Read once per paragraph, without a string per clause.
 */
interface Clauses {
  count: number;
  from: number[];
  to: number[];
  keyLength: number[];
  hash: number[];
  figures: number[];
}
const CLAUSE_END = charTable('，。；！？：');
const SENTENCE_END = charTable('。！？');
// Figures (and their masks): a clause or sentence holding them is data.
const FIGURES = charTable('0123456789０１２３４５６７８９×XＸ%％');
// Figures written in Chinese numerals with their measure word (二十七个, 四项, 三千吨; not 一个).
const CHINESE_FIGURE = /(?:[二三四五六七八九两]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九十]+[百千万亿])[个项家所座吨人户元倍条种批名次]/;
const hasFigures = (s: string) => {
  for (let k = 0; k < s.length; k++) if (FIGURES[s.charCodeAt(k)]) return true;
  return CHINESE_FIGURE.test(s);
};

/** The clauses, and the bounds of the sentences (between 。！？) pushed to `sentences` as from, to pairs: one pass. */
function clausesOf(flat: string, sentences: number[]): Clauses {
  // Plain arrays: a paragraph has a few dozen clauses, and typed arrays cost more to make than that.
  const c: Clauses = { count: 0, from: [], to: [], keyLength: [], hash: [], figures: [] };
  let from = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let length = 0;
  let figures = 0;
  let sentenceFrom = 0;
  for (let k = 0; k <= flat.length; k++) {
    const unit = k < flat.length ? flat.charCodeAt(k) : -1;
    if (unit < 0 || SENTENCE_END[unit]) {
      if (k > sentenceFrom) sentences.push(sentenceFrom, k);
      sentenceFrom = k + 1;
    }
    if (unit >= 0 && !CLAUSE_END[unit]) {
      if (KEY_DROP[unit]) continue;
      h1 = Math.imul(h1 ^ unit, 0x01000193);
      h2 = Math.imul(h2 ^ unit, 0x5bd1e995);
      h2 ^= h2 >>> 13;
      length++;
      figures |= FIGURES[unit];
      continue;
    }
    if (k > from) {
      c.count++;
      c.from.push(from);
      c.to.push(k);
      c.keyLength.push(length);
      c.hash.push((h1 ^ Math.imul(h2, 0x27d4eb2d) ^ length) | 0);
      c.figures.push(figures);
    }
    from = k + 1;
    h1 = 0x811c9dc5;
    h2 = 0x9747b28c;
    length = 0;
    figures = 0;
  }
  return c;
}

/**
 * Two hashes as one (order matters), in 30 bits: a small integer is a Map key without an
 * allocation. Equal keys are only candidates; sameClauses compares the words.
 */
function combine(a: number, b: number): number {
  return Math.imul(Math.imul(a, 0x165667b1) ^ b, 0x85ebca6b) & 0x3fffffff;
}

// A comparison key leaves out spaces, quotation marks, brackets and Markdown emphasis: one list,
// as a table for the clause pass and as a pattern for whole keys.
const KEY_DROP_CHARS = ' \t\r\n\u3000“”"‘’「」『』（）()《》*_';
const KEY_DROP = charTable(KEY_DROP_CHARS);
const KEY_DROPS = new RegExp(`[${KEY_DROP_CHARS.replace(/[\]\\^-]/g, '\\$&')}]`, 'g');

/** The comparison key of flat[from, to). */
function keyOf(flat: string, from: number, to: number): string {
  return flat.slice(from, to).replace(KEY_DROPS, '');
}

interface ReadSentence {
  from: number;
  to: number;
  key: string;
  /** Its key's first and last six units, hashed: two sentences whose edges both differ are no near copy (a test of two integers). */
  head: number;
  tail: number;
  /** Character bigrams, made only when a near copy is in question. */
  grams?: Set<string>;
}

interface ReadParagraph {
  sentences: ReadSentence[];
  clauses: Clauses;
  withinParagraph: WithinParagraph[];
  runCandidates: number[];
}

interface WithinParagraph {
  from: number;
  to: number;
  earlierFrom: number;
  earlierTo: number;
  message: string;
}

/** The sentences that could be a copy (long enough, not data, quotation or heading), and the clauses, of one paragraph's text. */
function readParagraph(flat: string): ReadParagraph {
  const bounds: number[] = [];
  const clauses = clausesOf(flat, bounds);
  const sentences: ReadSentence[] = [];
  const quotes = flat.includes('“');
  for (let k = 0; k < bounds.length; k += 2) {
    const from = bounds[k];
    const to = bounds[k + 1];
    // Long enough; and a title or heading has no full stop.
    if (to - from < MIN_SENTENCE || to >= flat.length) continue;
    const key = keyOf(flat, from, to);
    if (key.length < MIN_SENTENCE) continue;
    // A short sentence with figures is a data frame: its form repeats by design.
    if (key.length < 30 && hasFigures(key)) continue;
    const text = flat.slice(from, to);
    if ((quotes && isQuoted(flat, from)) || /：[“"]/.test(text)) continue;
    // 办学目标为：… restates a definition on purpose; 他指出，… reports what was said, in words the text may use again.
    if (/^[^，。]{1,12}[为是]：/.test(text) || /^[^，。：]{0,8}(指出|强调|说|认为|要求|提出|表示)[，：]/.test(text)) continue;
    if (PROCEDURE.test(text)) continue;
    sentences.push({ from, to, key, head: edgeHash(key, 0), tail: edgeHash(key, key.length - 6) });
  }
  return { sentences, clauses, withinParagraph: repeatedWithinParagraph(flat, clauses), runCandidates: runCandidatesOf(clauses) };
}

/** A sentence inside quotation marks is a quotation: it may well be quoted twice. */
function isQuoted(flat: string, from: number): boolean {
  const reach = Math.max(0, from - 300);
  // No opening quotation mark within reach: nothing to count.
  const first = from === 0 ? -1 : flat.indexOf('“', reach);
  if (first < 0 || first >= from) return false;
  let depth = 0;
  // Closing marks before the first opening one within reach change nothing (depth stays 0).
  for (let k = first; k < from; k++) {
    const c = flat.charCodeAt(k);
    if (c === 0x201c) depth++;
    else if (c === 0x201d) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** Two or more clauses said again later in the same paragraph, at flat indexes (the paragraph's text alone decides). */
function repeatedWithinParagraph(flat: string, clauses: Clauses): WithinParagraph[] {
  const out: WithinParagraph[] = [];
  const { from, to, keyLength, hash, figures, count } = clauses;
  if (count < 2) return out;
  const seen = new Map<number, number>();
  const here: Side = { clauses, flat };
  for (let i = 0; i + 1 < count; i++) {
    if (keyLength[i] + keyLength[i + 1] < MIN_CLAUSES || figures[i] || figures[i + 1]) continue;
    const pair = combine(hash[i], hash[i + 1]);
    const first = seen.get(pair);
    if (first === undefined) {
      seen.set(pair, i);
      continue;
    }
    if (first + 1 >= i) continue;
    if (!sameClauses(here, first, here, i, 2)) continue;
    // Words of a speech: a style sheet or a font list a page left in the line ("Times New Roman", serif) repeats by design,
    // and so does a chair's script at each vote (同意的请举手，（稍候）请放下).
    const said = flat.slice(from[i], to[i + 1]);
    if ((said.match(HAN_CHARS)?.length ?? 0) < 4 || PROCEDURE.test(said)) continue;
    out.push({ from: from[i], to: to[i + 1], earlierFrom: from[first], earlierTo: to[first + 1], message: `同一段里这两个分句又说了一遍：“${flat.slice(from[i], to[i + 1]).slice(0, 30)}”。` });
  }
  return out;
}

/** Runs of three clauses long enough to be a copied block: the first clause's index and the run's hash, in pairs. */
function runCandidatesOf(clauses: Clauses): number[] {
  const out: number[] = [];
  const { keyLength, hash, count } = clauses;
  for (let i = 0; i + 2 < count; i++) {
    const a = keyLength[i];
    const b = keyLength[i + 1];
    const c = keyLength[i + 2];
    if (a < 4 || b < 4 || c < 4 || a + b + c < 18) continue;
    out.push(i, combine(combine(hash[i], hash[i + 1]), hash[i + 2]));
  }
  return out;
}

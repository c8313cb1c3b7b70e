// Stock-phrase dictionaries: parsing the TSV format (built-in and team files
// share it), compiling a matcher, and finding phrases in a document.

import type { SpeechDocument } from './document';
import { literalIndex, type LiteralIndex } from './literals';
import { kept } from './memo';
import { normalizeForMatching } from './text';

export const CATEGORIES = ['空话套话', '口号堆砌', '开头结尾程式', '过时提法'] as const;

export interface StockPhrase {
  phrase: string;
  category: string;
  note: string;
  alternatives: string[];
  /** For 过时提法: the date it went out of use. */
  obsoleteSince: string | null;
  /** Where the entry came from, e.g. "内置词典" or a team file. */
  source: string;
}

export interface DictionaryProblem {
  line: number;
  message: string;
}

export function parseDictionary(text: string, source: string): { entries: StockPhrase[]; problems: DictionaryProblem[] } {
  const entries: StockPhrase[] = [];
  const problems: DictionaryProblem[] = [];
  text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [phrase, category, note = '', alternatives = '', since = ''] = raw.split('\t').map((s) => s.trim());
    if (!phrase || !category) {
      problems.push({ line: i, message: '每行至少需要“短语<TAB>类别”两列' });
      return;
    }
    // Each … is a lazy gap; many of them in a row backtrack without end on a long run of the same word.
    if ((phrase.match(/…/g)?.length ?? 0) > 3) {
      problems.push({ line: i, message: `短语“${phrase.slice(0, 20)}”的“…”超过 3 个，已忽略` });
      return;
    }
    if (phrase.replace(/[…!]/g, '').length < 2 || phrase.length > 40) {
      problems.push({ line: i, message: `短语“${phrase}”长度应在 2 到 40 字之间` });
      return;
    }
    if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      problems.push({ line: i, message: `停用日期“${since}”应写作 YYYY-MM-DD` });
      return;
    }
    entries.push({
      phrase,
      category,
      note,
      alternatives: alternatives ? alternatives.split('|').map((s) => s.trim()).filter(Boolean) : [],
      obsoleteSince: since || null,
      source,
    });
  });
  return { entries, problems };
}

interface GappedPhrase {
  re: RegExp;
  entry: StockPhrase;
}

interface Literal {
  notFollowedBy: string;
  entry: StockPhrase;
}

export interface StockPhraseMatcher {
  /** Literal phrases, searched in one pass (longest first at each place). */
  literals: LiteralIndex<Literal>;
  /** Phrases with a gap (A…B), in dictionary order. */
  patterns: GappedPhrase[];
  /** The same, by the words before the gap: a text without them is not searched. */
  heads: LiteralIndex<GappedPhrase>;
  /** The same phrases by their last words: a paragraph holding a head (以, 在) but not the tail (为抓手) is not searched. */
  tails: LiteralIndex<GappedPhrase>;
  entries: StockPhrase[];
}

/** Keys are matched on compact text: simplified, full-width punctuation, no spaces or line breaks. */
function compactKey(s: string): string {
  return normalizeForMatching(s).replace(/\s+/g, '');
}

export function compileMatcher(entries: StockPhrase[], disabled: string[] = []): StockPhraseMatcher {
  const off = new Set(disabled.map(compactKey));
  const literals: [string, Literal][] = [];
  const patterns: [string, GappedPhrase][] = [];
  const seen = new Set<string>();
  // Team entries come later and override built-in ones with the same phrase.
  for (const entry of [...entries].reverse()) {
    const [body, notFollowedBy = ''] = entry.phrase.split('!');
    const key = compactKey(body);
    if (off.has(key) || off.has(compactKey(entry.phrase)) || seen.has(key)) continue;
    seen.add(key);
    if (key.includes('…')) {
      const source = key.split('…').map(escapeRe).join('[^。！？；\\n]{1,20}?');
      patterns.push([key.split('…')[0], { re: new RegExp(source, 'g'), entry }]);
      continue;
    }
    literals.push([key, { notFollowedBy, entry }]);
  }
  // Longest first, so 进一步加强 wins over a shorter phrase at the same place.
  const notFollowed = (l: Literal, text: string, end: number) => !(l.notFollowedBy && text.startsWith(l.notFollowedBy, end));
  const tails = patterns.map(([, p]): [string, GappedPhrase] => [compactKey(p.entry.phrase.split('!')[0]).split('…').pop()!, p]);
  return { literals: literalIndex(literals, notFollowed), patterns: patterns.map(([, p]) => p), heads: literalIndex(patterns), tails: literalIndex(tails), entries };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface StockPhraseMatch {
  start: number;
  end: number;
  entry: StockPhrase;
  /** The phrase opens its paragraph. */
  opensParagraph: boolean;
}

// One search per document model and dictionary: the rule, the hover and the outline share it.
const memo = new WeakMap<SpeechDocument, { matcher: StockPhraseMatcher; matches: StockPhraseMatch[] }>();

/** Each paragraph's search is kept in its record of results (the server's memo, memo.ts). */
export function findStockPhrases(doc: SpeechDocument, matcher: StockPhraseMatcher): StockPhraseMatch[] {
  const cached = memo.get(doc);
  if (cached && cached.matcher === matcher) return cached.matches;
  const matches = searchStockPhrases(doc, matcher);
  memo.set(doc, { matcher, matches });
  return matches;
}

// A dictionary's results are kept under a name of their own: the team may load another.
const spaces = new WeakMap<StockPhraseMatcher, string>();
let spacesMade = 0;

/** Paragraph by paragraph: a phrase never runs from one paragraph into the next. */
function searchStockPhrases(doc: SpeechDocument, matcher: StockPhraseMatcher): StockPhraseMatch[] {
  let space = spaces.get(matcher);
  if (!space) spaces.set(matcher, (space = `stock-phrases-${++spacesMade}`));
  const out: StockPhraseMatch[] = [];
  for (const p of doc.paragraphs) {
    for (const h of kept(p.results, space, () => searchParagraph(p.flat, matcher))) out.push({ start: p.offsets[h.from], end: p.offsets[h.to - 1] + 1, entry: h.entry, opensParagraph: p.offsets[h.from] === p.start });
  }
  return out;
}

/** One paragraph's phrases, at indexes of its text; matched on its compact form (no spaces). */
function searchParagraph(flat: string, matcher: StockPhraseMatcher): { from: number; to: number; entry: StockPhrase }[] {
  let text = flat;
  let at: number[] | null = null;
  if (/[ \t\r]/.test(flat)) {
    at = [];
    for (let k = 0; k < flat.length; k++) {
      const c = flat.charCodeAt(k);
      if (c === 32 || c === 9 || c === 13) continue;
      at.push(k);
    }
    text = flat.replace(/[ \t\r]/g, '');
  }
  const found = matcher.literals.find(text).map((h) => ({ from: h.start, to: h.end, entry: h.value.entry }));
  const present = matcher.heads.present(text);
  const ends = present.size ? matcher.tails.present(text) : present;
  for (const { re, entry } of matcher.patterns.filter((p) => present.has(p) && ends.has(p))) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ from: m.index, to: m.index + m[0].length, entry });
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: { from: number; to: number; entry: StockPhrase }[] = [];
  let lastTo = -1;
  for (const f of found) {
    if (f.from < lastTo) continue;
    lastTo = f.to;
    out.push(at ? { from: at[f.from], to: at[f.to - 1] + 1, entry: f.entry } : f);
  }
  return out;
}

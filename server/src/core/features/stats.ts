// The measures of a speech: length, speaking time and stock-phrase density, per
// speech and per main part. Shared by `jianggao stats`, hover, the outline and the
// status bar, so every place shows the same figures.

import { rangeOf, Range, SpeechDocument } from '../document';
import { Section, topHeadings } from '../outline';
import { firstIndexWhere } from '../search';
import { findStockPhrases, StockPhraseMatch, StockPhraseMatcher } from '../stockPhrases';

/** Characters a minute when a speech is read aloud at an official meeting's pace. */
export const DEFAULT_PACE = 200;

export interface PartStats {
  name: string;
  range: Range;
  chars: number;
  stockPhrasesPer1000: number;
}

export interface SpeechStats {
  title: string;
  range: Range;
  chars: number;
  speakingMinutes: number;
  stockPhrases: { count: number; per1000: number; top: { phrase: string; count: number }[] };
  parts: PartStats[];
}

export interface DocumentStats {
  chars: number;
  speakingMinutes: number;
  speeches: SpeechStats[];
}

export function per1000(count: number, chars: number): number {
  return chars === 0 ? 0 : Math.round((count / chars) * 10000) / 10;
}

/** Stock phrases per 1,000 characters of speech in the whole document (the CLI's summary line). */
export function stockPhraseDensity(doc: SpeechDocument, matcher: StockPhraseMatcher): number {
  return per1000(findStockPhrases(doc, matcher).length, doc.compact.text.length);
}

export function minutes(chars: number, pace = DEFAULT_PACE): number {
  return Math.round((chars / Math.max(1, pace)) * 10) / 10;
}

export function documentStats(doc: SpeechDocument, matcher: StockPhraseMatcher | null, pace = DEFAULT_PACE): DocumentStats {
  const matches = matcher ? findStockPhrases(doc, matcher) : [];
  const speeches = doc.speeches.map((s) => speechStats(doc, s, matches, pace));
  const chars = doc.compact.text.length;
  return { chars, speakingMinutes: minutes(chars, pace), speeches };
}

/** Characters of speech (no spaces, no residue) between two offsets, read off the compact text's offsets. */
export function charsBetween(doc: SpeechDocument, start: number, end: number): number {
  const offsets = doc.compact.offsets;
  const index = (at: number) => firstIndexWhere(offsets.length, (k) => offsets[k] >= at);
  return index(end) - index(start);
}

/** The phrases used most, most first. */
export function topPhrases(matches: StockPhraseMatch[], n: number): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of matches) counts.set(m.entry.phrase, (counts.get(m.entry.phrase) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([phrase, count]) => ({ phrase, count }));
}

function speechStats(doc: SpeechDocument, speech: Section, all: StockPhraseMatch[], pace: number): SpeechStats {
  const inSpeech = all.filter((m) => m.start >= speech.start && m.start < speech.end);
  const chars = charsBetween(doc, speech.start, speech.end);
  const top = topPhrases(inSpeech, 10);
  const parts = topHeadings([speech]).map((p) => {
    const n = charsBetween(doc, p.start, p.end);
    return {
      name: doc.text.slice(p.nameStart, p.nameEnd),
      range: rangeOf(doc, p.start, p.end),
      chars: n,
      stockPhrasesPer1000: per1000(inSpeech.filter((m) => m.start >= p.start && m.start < p.end).length, n),
    };
  });
  return {
    title: speech.title,
    range: rangeOf(doc, speech.start, speech.end),
    chars,
    speakingMinutes: minutes(chars, pace),
    stockPhrases: { count: inSpeech.length, per1000: per1000(inSpeech.length, chars), top },
    parts,
  };
}

// The outline features, read off the section tree: document symbols (LSP
// DocumentSymbol shape), folding ranges, and the announcements report.

import { lineOf, rangeOf, Range, SpeechDocument } from '../document';
import type { Section } from '../outline';
import { firstIndexWhere } from '../search';
import { findStockPhrases, StockPhraseMatch, StockPhraseMatcher } from '../stockPhrases';
import { charsBetween, minutes, per1000 } from './stats';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

// LSP SymbolKind values: File; Module for 第一部分, then Namespace, Class, Method, Function; Constant for
// ordinal paragraphs, EnumMember for items inside running text.
const KIND_BY_LEVEL = [2, 3, 5, 6, 12];
const KIND_FILE = 1;
const KIND_CONSTANT = 14;
const KIND_ENUM_MEMBER = 22;

function trimmedEnd(doc: SpeechDocument, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(doc.text[e - 1])) e--;
  return e;
}

function toSymbol(doc: SpeechDocument, s: Section, phrases: StockPhraseMatch[] | null): DocumentSymbol {
  const end = trimmedEnd(doc, s.start, s.end);
  const m = s.marker;
  const name =
    s.kind === 'speech'
      ? s.title || '（无标题讲话）'
      : `${doc.text.slice(m!.start, m!.end)}${s.title}`.trim() || doc.text.slice(m!.start, m!.end);
  const kind = s.kind === 'speech' ? KIND_FILE : m!.level !== null ? KIND_BY_LEVEL[m!.level] : m!.paragraphStart ? KIND_CONSTANT : KIND_ENUM_MEMBER;
  return {
    name,
    detail: s.kind === 'speech' ? speechDetail(doc, s, phrases) : phrases && m!.level !== null ? densityDetail(doc, s, phrases) : undefined,
    kind,
    range: rangeOf(doc, s.start, Math.max(end, s.nameEnd)),
    selectionRange: rangeOf(doc, s.nameStart, s.nameEnd),
    children: s.children.map((c) => toSymbol(doc, c, phrases)),
  };
}

/** A speech's length and speaking time (at the default pace) beside its title. */
function speechDetail(doc: SpeechDocument, s: Section, phrases: StockPhraseMatch[] | null): string {
  const chars = charsBetween(doc, s.start, s.end);
  const parts = [`讲话 · ${chars} 字 · 约 ${minutes(chars)} 分钟`];
  const density = phrases ? densityDetail(doc, s, phrases) : undefined;
  if (density) parts.push(density);
  return parts.join(' · ');
}

/** Stock phrases per 1,000 characters of a part: the outline shows where a draft is padded. */
function densityDetail(doc: SpeechDocument, s: Section, phrases: StockPhraseMatch[]): string | undefined {
  const firstFrom = (offset: number) => firstIndexWhere(phrases.length, (i) => phrases[i].start >= offset);
  const n = firstFrom(s.end) - firstFrom(s.start);
  const chars = charsBetween(doc, s.start, s.end);
  return chars ? `套话 ${per1000(n, chars).toFixed(1)}/千字` : undefined;
}


export function documentSymbols(doc: SpeechDocument, stockPhrases?: StockPhraseMatcher): DocumentSymbol[] {
  const phrases = stockPhrases ? findStockPhrases(doc, stockPhrases) : null;
  const roots = doc.speeches.filter((r) => r.title || r.children.length > 0);
  // A single untitled speech shows its parts at the top, as a drafter expects.
  if (roots.length === 1 && !roots[0].title) return roots[0].children.map((c) => toSymbol(doc, c, phrases));
  return roots.map((r) => toSymbol(doc, r, phrases));
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export function foldingRanges(doc: SpeechDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (s: Section) => {
    // A speech folds to its title, not to the page banner above it.
    const startLine = lineOf(doc.lineStarts, s.kind === 'speech' && s.title ? s.nameStart : s.start);
    const endLine = lineOf(doc.lineStarts, trimmedEnd(doc, s.start, s.end));
    if (endLine > startLine) out.push({ startLine, endLine });
    s.children.forEach(visit);
  };
  doc.speeches.forEach(visit);
  return out;
}

export interface AnnouncementReport {
  range: Range;
  text: string;
  announced: number | null;
  found: number;
  items: { range: Range; text: string }[];
}

export function announcementReport(doc: SpeechDocument): AnnouncementReport[] {
  return doc.announcements.map((a) => ({
    range: rangeOf(doc, a.start, a.end),
    text: a.text,
    announced: a.announced,
    found: a.items.length,
    items: a.items.map((s) => ({ range: rangeOf(doc, s.nameStart, s.nameEnd), text: doc.text.slice(s.nameStart, s.nameEnd) })),
  }));
}

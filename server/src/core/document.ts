// The document model, built once per text version. Rules and features only read it.

import { Announcement, findAnnouncements } from './announcements';
import { buildParagraphs, detectHardWrap, Line, localWraps, Paragraph, splitLines } from './lines';
import { dropLoneInlineItems, dropPagePrefixes, dropPreviewLists, findMarkers, LONE_FAMILIES, Marker } from './markers';
import { buildSections, Section, SpeechBreak } from './outline';
import { findPlaceholders, mayHoldPlaceholder, Placeholder, PlaceholderOptions } from './placeholders';
import { kept, recordOf, type TextMemo } from './memo';
import { CollectionLabel, collectionLabelOf, findResidueLines, tableOfContentsLines } from './residue';
import { firstIndexWhere } from './search';
import { despaced, letterSpaced, normalizeForMatching } from './text';
import { findSuppressions, Suppression } from './suppressions';

export interface SpeechDocument {
  text: string;
  /** Same length as text: simplified, full-width punctuation. */
  norm: string;
  markdown: boolean;
  lines: Line[];
  lineStarts: number[];
  residueLines: Set<number>;
  /** Line width of a hard-wrapped (PDF) text, null when lines are paragraphs. */
  wrapWidth: number | null;
  paragraphs: Paragraph[];
  markers: Marker[];
  /** Inline first items of a run (一是…) with no second after them: not items of the outline. */
  loneItems: Marker[];
  /** One root per speech; a compilation file has several. */
  speeches: Section[];
  announcements: Announcement[];
  placeholders: Placeholder[];
  /** Inline jianggao-disable directives. */
  suppressions: Suppression[];
  /** A collection page's labels (第2篇：…), among the residue lines, in text order: each opens a speech. */
  collectionLabels: CollectionLabel[];
  /** The document's own table of contents (目录, 一、…………1), among the residue lines: skipped, but no page's. */
  tableOfContents: Set<number>;
  /** The speech text without residue lines, whitespace or line breaks, normalized; for phrase matching. */
  compact: { text: string; offsets: Int32Array };
}

export interface ParseOptions {
  markdown?: boolean;
  placeholders?: PlaceholderOptions;
  /** Only what placeholders need (lines, residue, suppressions): the workspace scan and `jianggao placeholders`. */
  placeholdersOnly?: boolean;
  /** Per-line results kept from the previous version (the server's; see memo.ts). */
  memo?: TextMemo;
}

export function parseDocument(text: string, options: ParseOptions = {}): SpeechDocument {
  const markdown = options.markdown ?? false;
  const norm = options.memo ? options.memo.normalized(text) : normalizeForMatching(text);
  const lines = splitLines(text, markdown);
  // Each line's record of results from the last version, found once here: every later per-line result is read from it.
  const memo = options.memo;
  if (memo) {
    const kind = markdown ? 'line-md' : 'line';
    for (const l of lines) if (!l.blank) l.results = recordOf(memo, kind, text.slice(l.start, l.end)).results;
  }
  const { directiveLines, suppressions } = findSuppressions(text, lines);
  const residueLines = findResidueLines(norm, lines.filter((l) => !directiveLines.has(l.index)));
  // Directive lines are not speech: they take no part in paragraphs or phrases.
  const skipped = new Set([...residueLines, ...directiveLines]);
  const starts = lines.map((l) => l.start);
  // Slots are counted wherever they stand, residue included (a crumb or a related title keeps the template's XX): the reviewer wants every one.
  const placeholders = placeholdersByLine(text, norm, lines, directiveLines, { markdown, ...options.placeholders });
  if (options.placeholdersOnly) {
    return { text, norm, markdown, lines, lineStarts: starts, residueLines, wrapWidth: null, paragraphs: [], markers: [], loneItems: [], speeches: [], announcements: [], placeholders, suppressions, collectionLabels: [], tableOfContents: new Set(), compact: { text: '', offsets: new Int32Array(0) } };
  }
  const wrapWidth = detectHardWrap(norm, lines, skipped);
  // Markdown breaks lines inside paragraphs on purpose; plain text does not.
  const joins = wrapWidth === null && !markdown ? localWraps(norm, lines, skipped) : new Set<number>();
  const paragraphs = buildParagraphs(norm, lines, skipped, wrapWidth, joins, markdown);
  // A paragraph's record of results (markers, phrases, slips…), found once here; the same text as last version
  // becomes last version's string, so what still looks a paragraph up by its text finds it by identity.
  if (memo)
    for (const p of paragraphs) {
      const record = recordOf(memo, 'paragraph', p.flat);
      p.flat = record.text;
      p.results = record.results;
    }
  const { kept: withoutLone, lone } = dropLoneInlineItems(paragraphs.map((p, i) => markersOf(p, i)));
  const markersByParagraph = dropPreviewLists(dropPagePrefixes(withoutLone, paragraphs), paragraphs);
  // 一是… with no 二是 after it: no item, but numbering-sequence tells of it.
  const loneItems = [...lone].filter((m) => LONE_FAMILIES.includes(m.family)).sort((a, b) => a.start - b.start);
  const collectionLabels = [...residueLines].sort((a, b) => a - b).flatMap((i) => collectionLabelOf(norm, lines[i]) ?? []);
  const tableOfContents = tableOfContentsLines(norm, lines, [...residueLines].map((i) => lines[i]));
  const speeches = buildSections(text, paragraphs, markersByParagraph, speechBreaks(text, lines, collectionLabels, paragraphs));
  const announcements = findAnnouncements(text, paragraphs, speeches);
  let compact: SpeechDocument['compact'] | undefined;
  return {
    text,
    norm,
    markdown,
    lines,
    lineStarts: starts,
    residueLines,
    wrapWidth,
    paragraphs,
    markers: markersByParagraph.flat(),
    loneItems,
    speeches,
    announcements,
    placeholders,
    suppressions,
    collectionLabels,
    tableOfContents,
    // Built when first read: only the speech's date (an outdated phrase found) and the density figures need it.
    get compact() {
      return (compact ??= compactText(norm, lines, skipped));
    },
  };
}

const NONE: Placeholder[] = [];

/** Placeholders line by line (each line's kept between versions), outside directive lines and lines of copy junk or markup alone. */
function placeholdersByLine(text: string, norm: string, lines: Line[], skipped: Set<number>, options: PlaceholderOptions): Placeholder[] {
  const out: Placeholder[] = [];
  const own = !!options.extraPatterns?.length;
  // Options change what is found: results are kept per set of options.
  const space = own || options.exclusions?.length ? `placeholders ${JSON.stringify(options)}` : options.markdown ? 'placeholders md' : 'placeholders';
  const find = (line: Line): Placeholder[] => {
    if (!own && !mayHoldPlaceholder(text, line.start, line.contentEnd)) return NONE;
    // A forum's copy junk (X+ u0 U) or HTML around the words (<p style=…>) holds no slot: cut off after the content, blanked before it.
    return placeholdersOnLine(withoutJunk(text, line), options, withoutJunk(norm, line));
  };
  for (const line of lines) {
    if (line.blank || line.junk || skipped.has(line.index)) continue;
    for (const p of kept(line.results, space, () => find(line))) out.push({ start: line.start + p.start, end: line.start + p.end, text: p.text });
  }
  return out;
}

/** A line's text up to its content's end, the copy junk or markup before the content blanked (offsets kept). */
function withoutJunk(text: string, line: Line): string {
  const raw = text.slice(line.start, line.contentEnd);
  if (line.junkStart === line.contentStart) return raw;
  return raw.slice(0, line.junkStart - line.start) + ' '.repeat(line.contentStart - line.junkStart) + raw.slice(line.contentStart - line.start);
}

/** A line's placeholders; a letter-spaced line (× × ×, a PDF's extraction) is read without its single spaces. */
function placeholdersOnLine(raw: string, options: PlaceholderOptions, norm: string): Placeholder[] {
  if (!raw.includes(' ') || !letterSpaced(raw)) return findPlaceholders(raw, options, norm);
  const { text, at } = despaced(raw);
  // The normalized copy with the same characters left out, so the two stay aligned.
  const close = at.map((i) => norm[i]).join('');
  return findPlaceholders(text, options, close).map((p) => {
    const start = at[p.start];
    const end = at[p.end - 1] + 1;
    return { start, end, text: raw.slice(start, end) };
  });
}

/** Each collection label opens a speech at the paragraph after it, named by the title on its line. */
function speechBreaks(text: string, lines: Line[], labels: CollectionLabel[], paragraphs: Paragraph[]): SpeechBreak[] {
  const out: SpeechBreak[] = [];
  for (const label of labels) {
    const paragraph = firstIndexWhere(paragraphs.length, (i) => paragraphs[i].firstLine > label.line);
    const line = lines[label.line];
    if (paragraph < paragraphs.length) out.push({ paragraph, start: line.start, title: text.slice(label.titleStart, line.end).trim(), nameEnd: line.end });
  }
  return out;
}

/**
 * A paragraph's markers. Through the memo they are found once per paragraph text, at flat indexes
 * (identity offsets), and placed at this version's text offsets here; fresh objects each time, as the
 * outline writes into them.
 */
function markersOf(p: Paragraph, index: number): Marker[] {
  if (!p.results) return findMarkers(p, index);
  const local = kept(p.results, 'markers', () => findMarkers({ ...p, offsets: Int32Array.from({ length: p.flat.length + 1 }, (_, k) => k) }, 0));
  const at = p.offsets;
  return local.map((m) => ({ ...m, paragraph: index, start: at[m.start], end: at[m.end - 1] + 1, numeralStart: at[m.numeralStart], numeralEnd: at[m.numeralEnd - 1] + 1 }));
}

function compactText(norm: string, lines: Line[], residue: Set<number>): { text: string; offsets: Int32Array } {
  const units = new Uint16Array(norm.length);
  const offsets = new Int32Array(norm.length);
  let n = 0;
  for (const line of lines) {
    if (line.blank || residue.has(line.index)) continue;
    for (let o = line.contentStart; o < line.end; o++) {
      const c = norm.charCodeAt(o);
      if (c === 32 || c === 9 || c === 13) continue;
      units[n] = c;
      offsets[n++] = o;
    }
  }
  return { text: UTF16.decode(units.subarray(0, n)), offsets: offsets.slice(0, n) };
}

// ignoreBOM: a U+FEFF opening the compact text is kept (see text.ts), or every offset after it is one off.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

// The line last found, per line-start array: findings come mostly in text order, so the
// next offset is usually on that line or the next (a check shapes tens of thousands).
let hintStarts: number[] | null = null;
let hintLine = 0;

export function lineOf(starts: number[], offset: number): number {
  if (starts === hintStarts) {
    const at = hintLine;
    if (starts[at] <= offset && (at + 1 === starts.length || offset < starts[at + 1])) return at;
    if (at + 2 <= starts.length && starts[at + 1] <= offset && (at + 2 === starts.length || offset < starts[at + 2])) return (hintLine = at + 1);
  }
  hintStarts = starts;
  hintLine = Math.max(0, firstIndexWhere(starts.length, (i) => starts[i] > offset) - 1);
  return hintLine;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export function positionAt(doc: { lineStarts: number[] }, offset: number): Position {
  const line = lineOf(doc.lineStarts, offset);
  return { line, character: offset - doc.lineStarts[line] };
}

export function rangeOf(doc: { lineStarts: number[] }, start: number, end: number): Range {
  const from = positionAt(doc, start);
  // Most findings end on the line they start on: no second search.
  const next = doc.lineStarts[from.line + 1];
  if (end >= start && (next === undefined || end < next)) return { start: from, end: { line: from.line, character: end - doc.lineStarts[from.line] } };
  return { start: from, end: positionAt(doc, end) };
}

export function offsetAt(doc: { lineStarts: number[]; text: string }, pos: Position): number {
  const start = doc.lineStarts[Math.min(pos.line, doc.lineStarts.length - 1)] ?? 0;
  return Math.min(start + pos.character, doc.text.length);
}

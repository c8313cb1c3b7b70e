// Lines and paragraphs: the first layer of the document model.

import { indentLength, isBlank, SENTENCE_END } from './text';
import { firstIndexWhere } from './search';

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  /** Offset where content starts, after indentation and Markdown prefixes. */
  contentStart: number;
  blank: boolean;
}

export interface Paragraph {
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  /** Content of the paragraph with indentation and hard-wrap line breaks removed, normalized. */
  flat: string;
  /** flat index → text offset; one extra entry for the end. */
  offsets: Int32Array;
}

// Heading hashes, quotes, and an opening bold marker (**一、提高认识**) come before the content.
const MARKDOWN_PREFIX = /^(#{1,6}\s+|>\s?|\*\*|__)+/;

export function splitLines(text: string, markdown: boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    // \n, \r\n, and a lone \r (old Mac files) all end a line, as in the editor.
    let nl = start;
    while (nl < text.length && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    let end = nl;
    if (nl < text.length && text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10) nl++;
    const raw = text.slice(start, end);
    let contentStart = start + indentLength(raw);
    if (markdown) {
      const m = MARKDOWN_PREFIX.exec(text.slice(contentStart, end));
      if (m) contentStart += m[0].length;
    } else if (text.startsWith('**', contentStart) && text.slice(contentStart + 2, end).includes('**')) {
      // Bold markup pasted into plain text (**1、…**): the heading starts after it.
      contentStart += 2;
    }
    lines.push({ index, start, end, contentStart, blank: isBlank(raw) });
    index++;
    start = nl + 1;
    if (nl === text.length) break;
  }
  return lines;
}

/**
 * A text copied from a PDF breaks every line at the same width. Such a text
 * has most of its lines within a character or two of one length.
 */
export function detectHardWrap(lines: Line[], skip: Set<number>): number | null {
  const lengths = lines.filter((l) => !l.blank && !skip.has(l.index)).map((l) => l.end - l.contentStart);
  if (lengths.length < 8) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.75)];
  if (width < 12 || width > 80) return null;
  const full = lengths.filter((n) => n >= width - 2 && n <= width + 1).length;
  return full / lengths.length >= 0.5 ? width : null;
}

const PARAGRAPH_OPENER =
  /^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,3}[，,、：:]|[一二三四五六七八九十]{1,2}[是要靠]|首先|其次|再次|最后|其[一二三四五六七八九十][，,、]|[①②③④⑤⑥⑦⑧⑨⑩])/;

export function buildParagraphs(norm: string, lines: Line[], skip: Set<number>, wrapWidth: number | null): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const flat = current.map((l) => norm.slice(l.contentStart, l.end)).join('');
    const offsets = new Int32Array(flat.length + 1);
    let k = 0;
    for (const line of current) for (let o = line.contentStart; o < line.end; o++) offsets[k++] = o;
    offsets[k] = current[current.length - 1].end;
    paragraphs.push({
      firstLine: current[0].index,
      lastLine: current[current.length - 1].index,
      start: current[0].contentStart,
      end: current[current.length - 1].end,
      flat,
      offsets,
    });
    current = [];
  };
  let skipped = 0;
  for (const line of lines) {
    if (line.blank) {
      flush();
      continue;
    }
    // A page footer inside a PDF paragraph (第 2 页 共 10 页) is stepped over, not a
    // paragraph break; a longer block of page furniture is.
    if (skip.has(line.index)) {
      skipped++;
      if (wrapWidth === null || skipped > 2) flush();
      continue;
    }
    skipped = 0;
    if (current.length > 0 && !continuesParagraph(norm, current[current.length - 1], line, wrapWidth)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

function continuesParagraph(norm: string, prev: Line, line: Line, wrapWidth: number | null): boolean {
  if (wrapWidth === null) return false;
  const prevLength = prev.end - prev.contentStart;
  if (prevLength < wrapWidth - 2) return false;
  const prevLast = norm[prev.end - 1] ?? '';
  const opens = PARAGRAPH_OPENER.test(norm.slice(line.contentStart, line.contentStart + 6));
  return !(opens && SENTENCE_END.includes(prevLast));
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The first flat index whose text offset is at or after `offset` (offsets ascend), or -1. */
export function flatIndexAt(p: Paragraph, offset: number): number {
  const i = firstIndexWhere(p.offsets.length, (k) => p.offsets[k] >= offset);
  return i === p.offsets.length ? -1 : i;
}

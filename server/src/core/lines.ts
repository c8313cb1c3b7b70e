// Lines and paragraphs: the first layer of the document model.

import { charTest, copyJunk, htmlMarkup, indentLength, isBlank, isHan, isSingleSpace, letterSpaced, markupBreaks, parseNumeral, SENTENCE_END, toChineseNumeral, ZERO_WIDTH_CHARS } from './text';
import { isSalutation, isTitleLike } from './residue';
import { firstIndexWhere } from './search';
import { kept, type Results } from './memo';

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  /** Offset where content starts, after indentation, Markdown prefixes and a forum's copy junk (text.ts `copyJunk`). */
  contentStart: number;
  /** Offset just past the content: before copy junk closing the line and the spaces before it (usually `end`). */
  contentEnd: number;
  blank: boolean;
  /** The line is a forum's copy junk or HTML markup and nothing else (page residue). */
  junk: boolean;
  /** What the content bounds step over is (or includes) HTML markup, not only a forum's copy junk. */
  markup: boolean;
  /** Where copy junk or markup opening the line starts (it runs to contentStart); contentStart when it has none. */
  junkStart: number;
  /** What this line's text gave in the last version, kept by the server's memo (memo.ts); null without one. */
  results: Results | null;
}

export interface Paragraph {
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  /** Content of the paragraph with indentation, hard-wrap line breaks and stray spaces (beside a full-width mark, zero-width) removed, normalized. */
  flat: string;
  /** flat index → text offset; one extra entry for the end. */
  offsets: Int32Array;
  /** What this paragraph's flat text gave in the last version, kept by the server's memo (memo.ts); null without one. */
  results: Results | null;
}

// Heading hashes, quotes, and an opening bold marker (**一、提高认识**) come before the content.
const MARKDOWN_PREFIX = /^(#{1,6}\s+|>\s?|\*\*|__)+/;

export function splitLines(text: string, markdown: boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  // Without a \r anywhere, the native indexOf finds each line end.
  const crlf = text.includes('\r');
  while (start <= text.length) {
    // \n, \r\n, and a lone \r (old Mac files) all end a line, as in the editor.
    let nl = start;
    if (!crlf) {
      nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
    } else while (nl < text.length && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
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
    let contentEnd = end;
    let junk = false;
    let junkStart = -1;
    // A forum's hidden anti-copy junk at the line's start or end is not the speech's (a line of it alone is page residue).
    if (raw.includes(' ') && contentStart < end) {
      const found = copyJunk(text.slice(contentStart, end));
      if (found.lead >= end - contentStart) junk = true;
      else {
        contentEnd = contentStart + found.tail;
        if (found.lead) {
          // ASCII spaces before it are its own (a unit opened by a space), not the paragraph's indentation.
          junkStart = contentStart;
          while (junkStart > start && (text.charCodeAt(junkStart - 1) === 32 || text.charCodeAt(junkStart - 1) === 9)) junkStart--;
        }
        contentStart += found.lead;
      }
    }
    // HTML a page's source or a converter left around the line's words (<p>一、…</p>, <br/>, a Word export's
    // style rules) is stepped over too; a line of markup alone is page residue. (Markdown may hold HTML on purpose.)
    let markup = false;
    if (!junk && !markdown && (raw.includes('<') || raw.includes('{') || raw.includes('&'))) {
      const found = htmlMarkup(text.slice(contentStart, contentEnd));
      if (found.lead || found.tail < contentEnd - contentStart) {
        markup = true;
        if (found.lead >= contentEnd - contentStart) junk = true;
        else {
          if (junkStart < 0) junkStart = contentStart;
          contentEnd = contentStart + found.tail;
          contentStart += found.lead;
        }
      }
    }
    // Every line has every field: lines of one shape keep the loops over them fast.
    lines.push({ index, start, end, contentStart, contentEnd, blank: isBlank(raw), junk, markup, junkStart: junkStart < 0 ? contentStart : junkStart, results: null });
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
export function detectHardWrap(norm: string, lines: Line[], skip: Set<number>): number | null {
  const content = lines.filter((l) => !l.blank && !skip.has(l.index));
  const lengths = content.map((l) => l.contentEnd - l.contentStart);
  if (lengths.length < 8) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.75)];
  if (width < 12 || width > 80) return null;
  const full = content.filter((_, k) => lengths[k] >= width - 2 && lengths[k] <= width + 1);
  if (full.length / lengths.length < 0.5) return null;
  // A page's full lines break mid-sentence; lines of one length that each end a sentence (a list of short
  // sentences, an agenda) are paragraphs that happen to be alike.
  const ended = full.filter((l) => END_OF_LINE_MARK.test(norm.slice(l.contentStart, l.contentEnd).trimEnd())).length;
  return ended * 2 > full.length ? null : width;
}

const PARAGRAPH_OPENER =
  /^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,3}(点|个问题|句话|层意思|件事|个方面|方面)?[，,、：:]|[一二三四五六七八九十]{1,2}[是要靠]|首先|其次|再次|最后|其[一二三四五六七八九十][，,、]|[①②③④⑤⑥⑦⑧⑨⑩⑴-⒛]|\d{1,2}[）)](?![\d）)]))/;

/** Width on the page: a Han character or full-width mark takes two columns, ASCII one. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x1100 ? 1 : 2;
  return w;
}

const END_OF_LINE_MARK = /[。；：！？…”’」』）》】.!?;:)"']$/;
const CLAUSE_BREAK = /[，、,]$/;

/**
 * One paragraph copied from a PDF into an otherwise clean text: a run of lines
 * broken at the same width, mid-sentence. Returns the lines that continue onto
 * the next content line. A clean line ends a sentence; a heading or title is not
 * followed by a line of its own width.
 */
export function localWraps(norm: string, lines: Line[], skip: Set<number>): Set<number> {
  const joins = new Set<number>();
  // Content lines with the residue lines between them stepped over (a page footer inside the paragraph).
  const content = lines.filter((l) => !l.blank && !skip.has(l.index));
  const textOf = (l: Line) => norm.slice(l.start, l.contentEnd).trimEnd();
  // Indentation counts: a PDF paragraph's indented first line is as wide as the others.
  const sizes = content.map((l) =>
    kept(l.results, 'wrap-size', () => {
      const t = textOf(l);
      // A row of names or a flattened table (three or more gaps) is not prose broken at a width.
      const gaps = (t.trimStart().match(/[ \t\u3000]+/g) ?? []).length;
      return { chars: t.length, cols: displayWidth(t), marked: END_OF_LINE_MARK.test(t) || gaps >= 3 };
    }),
  );
  // Same width: the same number of characters, or of columns when digits and Latin letters are narrower.
  const sameWidth = (a: number, b: number) => Math.abs(sizes[a].chars - sizes[b].chars) <= 1 || Math.abs(sizes[a].cols - sizes[b].cols) <= 2;
  const adjacent = (a: Line, b: Line) => {
    if (b.index - a.index > 3) return false;
    for (let k = a.index + 1; k < b.index; k++) if (lines[k].blank || !skip.has(k)) return false;
    return true;
  };
  const opens = (l: Line) => PARAGRAPH_OPENER.test(norm.slice(l.contentStart, l.contentStart + 6)) || l.contentStart > l.start;
  // Widths at which runs of two or more lines were found broken, and single full lines left for a second look.
  const widths: number[] = [];
  const single: number[] = [];
  let i = 0;
  while (i < content.length - 1) {
    // PDF pages hold 24 to 45 characters a line.
    if (sizes[i].chars < 24 || sizes[i].cols > 100) {
      i++;
      continue;
    }
    // The run: following lines of the first line's width, none opening a paragraph of its own.
    let j = i;
    while (j + 1 < content.length && adjacent(content[j], content[j + 1]) && sameWidth(i, j + 1) && !opens(content[j + 1])) j++;
    const last = content[j + 1];
    const ends = last !== undefined && adjacent(content[j], last) && !opens(last) && sizes[j + 1].chars <= sizes[j].chars + 1;
    let unmarked = 0;
    for (let k = i; k <= j; k++) if (!sizes[k].marked) unmarked++;
    const n = j - i + 1;
    // Lines of one width that mostly break mid-sentence (clean lines end sentences), or one line
    // broken after a comma (no clean line ends there; a slogan's second line, ending in ！, stands alone).
    // Two lines of one width, the first broken after a comma or 、, are one sentence too.
    const afterComma = CLAUSE_BREAK.test(textOf(content[i])) && !/[！!]$/.test(textOf(n === 1 ? (last ?? content[i]) : content[j]));
    const wrapped = n >= 2 ? (unmarked >= Math.max(2, Math.ceil(n / 2)) || (n === 2 && afterComma)) && !sizes[i].marked : afterComma;
    if (wrapped && (ends || n >= 2)) {
      for (let k = i; k < j; k++) joins.add(content[k].index);
      if (ends) joins.add(content[j].index);
      if (n >= 2) widths.push(sizes[i].chars);
    } else if (n === 1 && ends) single.push(i);
    i = j + 1;
  }
  // 提升…的具体措施主要有四 / 项：: one full line broken mid-word before the short tail of its sentence,
  // in a text that breaks other paragraphs at that same width. A heading is not such a line.
  for (const k of single) {
    const line = textOf(content[k]);
    const tail = textOf(content[k + 1]);
    if (sizes[k].marked || !isHan(line[line.length - 1]) || !/[。：；！？]$/.test(tail) || PARAGRAPH_OPENER.test(norm.slice(content[k].contentStart, content[k].contentStart + 6))) continue;
    // A title over its salutation (…上的讲话 / 同志们：) is two lines of their own.
    if (isTitleLike(line.trim()) || isSalutation(tail.trim())) continue;
    if (widths.some((w) => Math.abs(w - sizes[k].chars) <= 1)) joins.add(content[k].index);
  }
  return joins;
}

export function buildParagraphs(norm: string, lines: Line[], skip: Set<number>, wrapWidth: number | null, joins: Set<number> = new Set(), markdown = false): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  // Every paragraph's offsets are a view of one array: thousands of small typed arrays, each with a
  // store of its own, cost more to make (and to collect) than the offsets they hold.
  let room = 0;
  for (const line of lines) if (!line.blank && !skip.has(line.index)) room += line.contentEnd - line.contentStart + 1;
  const shared = new Int32Array(room);
  let used = 0;
  const flush = () => {
    if (current.length === 0) return;
    let size = 0;
    for (const line of current) size += line.contentEnd - line.contentStart;
    const pieces: string[] = [];
    const at = shared.subarray(used, used + size + 1);
    let k = 0;
    let last = 0;
    for (const line of current) {
      // A paragraph's first line reads the same wherever it stands (nothing before it): its piece is kept with the line.
      const piece = k === 0 && line.results ? kept(line.results, 'flat-piece', () => pieceOf(norm, line, 0)) : pieceOf(norm, line, last);
      if (piece.at === null) for (let o = line.contentStart; o < line.contentEnd; o++) at[k++] = o;
      else for (let i = 0; i < piece.at.length; i++) at[k++] = line.contentStart + piece.at[i];
      last = piece.last;
      pieces.push(piece.text);
    }
    at[k] = current[current.length - 1].contentEnd;
    const flat = pieces.join('');
    const offsets = k === size ? at : at.subarray(0, k + 1);
    used += k + 1;
    const breaks = paragraphBreaks(flat, markdown);
    if (breaks.length === 0)
      paragraphs.push({
        firstLine: current[0].index,
        lastLine: current[current.length - 1].index,
        start: current[0].contentStart,
        end: current[current.length - 1].contentEnd,
        flat,
        offsets,
        results: null,
      });
    else {
      // Each stretch between two converted breaks is a paragraph of its own, without the spaces around the break.
      const lineAt = (offset: number) => current.find((l) => offset < l.end)?.index ?? current[current.length - 1].index;
      let from = 0;
      for (const b of [...breaks, { at: flat.length, length: 0 }]) {
        let to = b.at;
        while (from < to && flat.charCodeAt(from) === 32) from++;
        while (to > from && flat.charCodeAt(to - 1) === 32) to--;
        if (to > from)
          paragraphs.push({
            firstLine: lineAt(offsets[from]),
            lastLine: lineAt(offsets[to - 1]),
            start: offsets[from],
            end: offsets[to - 1] + 1,
            flat: flat.slice(from, to),
            offsets: offsets.subarray(from, to + 1),
            results: null,
          });
        from = b.at + b.length;
      }
    }
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
      const joined = current.length > 0 && joins.has(current[current.length - 1].index);
      if ((wrapWidth === null && !joined) || skipped > 2) flush();
      continue;
    }
    skipped = 0;
    const prev = current[current.length - 1];
    if (prev && !(joins.has(prev.index) || continuesParagraph(norm, current, line, wrapWidth))) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

// A document site's text export writes each paragraph break as the Cyrillic letter Р (…的讲话Р同志们:Р今天…);
// one between two characters that are not Cyrillic is such a break.
const NO_BREAKS: { at: number; length: number }[] = [];
const isCyrillic = (c: number) => c >= 0x400 && c <= 0x4ff;
export function convertedBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('Р'); i >= 0; i = text.indexOf('Р', i + 1)) if (!isCyrillic(text.charCodeAt(i - 1)) && !isCyrillic(text.charCodeAt(i + 1))) out.push(i);
  return out;
}

/**
 * Where a paragraph's text breaks into paragraphs it was written as: converted breaks (Р) and, outside Markdown
 * (whose HTML is meant), a page's own line and paragraph breaks copied as tags (<br>, </p><p>).
 */
export function paragraphBreaks(flat: string, markdown: boolean): { at: number; length: number }[] {
  const letters = flat.includes('Р') ? convertedBreaks(flat).map((at) => ({ at, length: 1 })) : NO_BREAKS;
  const tags = markdown ? NO_BREAKS : markupBreaks(flat);
  if (!tags.length) return letters;
  return letters.length ? [...letters, ...tags].sort((a, b) => a.at - b.at) : tags;
}

/**
 * A line's piece of its paragraph's flat text, after a last character `lastBefore` (0: the paragraph's first line):
 * the text kept, where each kept character stands in the line (null when every one is kept), and the last kept one.
 */
function pieceOf(norm: string, line: Line, lastBefore: number): { text: string; at: number[] | null; last: number } {
  const piece = norm.slice(line.contentStart, line.contentEnd);
  if (!mayIgnoreInFlat(norm, line.contentStart, line.contentEnd)) return { text: piece, at: null, last: piece ? piece.charCodeAt(piece.length - 1) : lastBefore };
  const at: number[] = [];
  let text = '';
  let last = lastBefore;
  const spaced = letterSpaced(piece);
  for (let o = line.contentStart; o < line.contentEnd; o++) {
    const c = norm.charCodeAt(o);
    if (IGNORED_IN_FLAT[c] === 1 || (IGNORED_IN_FLAT[c] === 2 && isWide(last) && strayAfter(norm, last, o + 1, line.contentEnd))) continue;
    // 同 志 们 ： a PDF's extraction letter-spaced: the single spaces between its characters are not the text's.
    if (spaced && isSingleSpace(norm, o)) continue;
    text += norm[o];
    last = c;
    at.push(o - line.contentStart);
  }
  return { text, at, last };
}

// What a paragraph's flat text leaves out: zero-width characters (1) always, and spaces (2) beside a
// full-width mark (。 二是…, 一、 加强) or closing a line: web pages and half-width pastes leave both.
// A space between two Han characters stays: it may part a heading's label from its title (第一部分 总则).
const IGNORED_IN_FLAT = new Uint8Array(65536);
for (const c of ZERO_WIDTH_CHARS) IGNORED_IN_FLAT[c.charCodeAt(0)] = 1;
IGNORED_IN_FLAT[32] = 2;
IGNORED_IN_FLAT[9] = 2;
const mayIgnoreInFlat = charTest(' \t' + ZERO_WIDTH_CHARS);

/** Whether the spaces after a wide character `before`, from `from` on, are stray: the line ends, or a mark stands on one side. */
function strayAfter(norm: string, before: number, from: number, end: number): boolean {
  let o = from;
  while (o < end && (norm.charCodeAt(o) === 32 || norm.charCodeAt(o) === 9)) o++;
  if (o === end) return true;
  const next = norm.charCodeAt(o);
  return isWide(next) && (isWideMark(before) || isWideMark(next));
}

/** Han, full-width forms, and the dashes, quotes and ellipsis Chinese text writes (— “ ” ‘ ’ …). */
function isWide(c: number): boolean {
  return c >= 0x2e80 || (c >= 0x2010 && c <= 0x2027);
}

/** A wide punctuation mark: CJK marks, full-width forms, dashes, quotes, ellipsis. */
function isWideMark(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027);
}

function continuesParagraph(norm: string, current: Line[], line: Line, wrapWidth: number | null): boolean {
  if (wrapWidth === null) return false;
  const prev = current[current.length - 1];
  const prevLength = prev.contentEnd - prev.contentStart;
  if (prevLength < wrapWidth - 2) return false;
  const prevLast = norm[prev.contentEnd - 1] ?? '';
  const head = norm.slice(line.contentStart, line.contentStart + 6);
  // A salutation opens the speech under its title, whatever the title's width.
  if (isSalutation(norm.slice(line.contentStart, line.contentEnd).trim())) return false;
  if (!(PARAGRAPH_OPENER.test(head) && SENTENCE_END.includes(prevLast))) return true;
  return continuesInlineRun(current.map((l) => norm.slice(l.contentStart, l.contentEnd)).join(''), head);
}

// An item of a run written inside a paragraph (…：一是…；二是…, ①…；②…) that a PDF's line break put at a line's start.
const RUN_ITEM = /^(?:([一二三四五六七八九十]{1,2})([是要靠])|第([一二三四五六七八九十]{1,3})(?=[，,、：:])|(其次|再次)|([②-⑩])|[（(](\d{1,2})[）)]|(\d{1,2})(?=[.．、]\D))/;

/** The item before a run item (三是 → 二是), as a pattern; null for a first item. */
function previousRunItem(m: RegExpExecArray): RegExp | null {
  if (m[4]) return m[4] === '其次' ? /首先/g : /其次/g;
  if (m[5]) return new RegExp(String.fromCharCode(m[5].charCodeAt(0) - 1), 'g');
  const digits = m[6] ?? m[7];
  const n = digits ? Number(digits) : parseNumeral(m[1] ?? m[3]);
  if (n === null || n < 2) return null;
  if (m[1]) return new RegExp(`${toChineseNumeral(n - 1)}${m[2]}`, 'g');
  if (m[3]) return new RegExp(`第${toChineseNumeral(n - 1)}(?=[，,、：:])`, 'g');
  if (m[6]) return new RegExp(`[（(]${n - 1}[）)]`, 'g');
  return new RegExp(`(?<!\\d)${n - 1}(?=[.．、]\\D)`, 'g');
}

/**
 * Whether a line opening with a run item continues the paragraph: it does when the item before
 * it stands inside the paragraph, after a mark (…：一是…；), not at the paragraph's start (where
 * each item is a paragraph of its own).
 */
function continuesInlineRun(paragraph: string, head: string): boolean {
  const m = RUN_ITEM.exec(head);
  const previous = m && previousRunItem(m);
  if (!previous) return false;
  for (const hit of paragraph.matchAll(previous)) if (hit.index > 0 && RUN_ITEM_BEFORE.includes(paragraph[hit.index - 1])) return true;
  return false;
}

const RUN_ITEM_BEFORE = '，。；：！？”';

/** The first flat index whose text offset is at or after `offset` (offsets ascend), or -1. */
export function flatIndexAt(p: Paragraph, offset: number): number {
  const i = firstIndexWhere(p.offsets.length, (k) => p.offsets[k] >= offset);
  return i === p.offsets.length ? -1 : i;
}

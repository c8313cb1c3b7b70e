import { kept } from '../memo';
import type { SpeechDocument } from '../document';
import type { Line } from '../lines';
import type { Finding, Rule, Severity } from '../rule';
import { charTable, charTest, HAN, isHan, mayHaveGloss, PINYIN_GLOSS } from '../text';

// Marks that sit on the Chinese side of a half-width mark: after one (closing) or before one (opening).
const CJK_CLOSE = '。，、；：！？”’）》」』】…—';
const CJK_OPEN = '“‘（《「『【';
const PAIRED_HALF: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const FULL_DIGIT = /[０-９]/;
// Spans where half-width marks are not prose: addresses, Markdown code and link targets, HTML tags.
// Each part is bounded so that a line of millions of characters is scanned in linear time.
const NOT_PROSE = /(?:https?|ftp):\/\/[^\s，。；）》”]{1,500}|www\.[^\s，。；）》”]{1,500}|\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,63}|`[^`\n]{0,500}`|\]\([^)\n]{0,500}\)|<\/?[A-Za-z][^<>\n]{0,200}>/g;
// What every NOT_PROSE span contains: lines without it skip that pattern.
const MAY_NOT_PROSE = /:\/\/|www\.|@|`|\]\(|</;
const FULL_MARKS = charTable('，；：！？（');
// The characters a correction can start at; every other character is passed over at once.
const STARTS = charTable(',;:!?("。.…—-，、；： ');
// Any mark this rule could correct; a line without one is skipped.
const CANDIDATE = /[,;:!?()"…—]|\.\.\.|--|。。|，，|、、|；；|：：|\p{Script=Han} {1,2}\p{Script=Han}|[０-９][,;:][０-９]|\p{Script=Han}\.\s*$/u;
// What CANDIDATE needs, tested first (most lines have none): one of these characters, or a full-width mark doubled.
const mayBeCandidate = charTest(',;:!?()"…—.- ');
const DOUBLED = ['。。', '，，', '、、', '；；', '：：'];
export const mayNeedPunctuationEdits = (raw: string) => (mayBeCandidate(raw) || DOUBLED.some((d) => raw.includes(d))) && CANDIDATE.test(raw);
// A mark inside a sentence, before a line's closing dot: the line is prose.
const SENTENCE_MARK = /[，；：、,;:]/;
// A bracket or quote pair closes within this many characters, or is not a pair.
const PAIR_REACH = 300;

type Kind = 'half' | 'paren' | 'ellipsis' | 'dash' | 'quote' | 'double' | 'space';
interface Edit {
  start: number;
  end: number;
  newText: string;
  kind: Kind;
}

/** Full-width marks in text[start, end), counted only up to one past `enough` (all a caller compares with). */
function countFullMarks(text: string, enough: number, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end && n <= enough; i++) n += FULL_MARKS[text.charCodeAt(i)];
  return n;
}

const KIND_NAME: Record<Kind, string> = {
  half: '半角标点',
  paren: '半角括号',
  ellipsis: '省略号写法',
  dash: '破折号写法',
  quote: '直引号',
  double: '重复标点',
  space: '汉字间空格',
};

const chineseSide = (ch: string | undefined, side: 'before' | 'after') =>
  ch !== undefined && (isHan(ch) || (side === 'before' ? CJK_CLOSE : CJK_OPEN).includes(ch) || ch === '×');

/** The character before `i` and after `j`, stepping over ASCII spaces. */
function neighbours(line: string, i: number, j: number): { before?: string; after?: string; afterAt: number } {
  let b = i - 1;
  while (b >= 0 && line[b] === ' ') b--;
  let a = j;
  while (a < line.length && line[a] === ' ') a++;
  return { before: b >= 0 ? line[b] : undefined, after: a < line.length ? line[a] : undefined, afterAt: a };
}

/** The punctuation edits of one line of prose (offsets within the line); masked spans are left alone. */
export function punctuationEdits(line: string, masked: (i: number) => boolean): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < line.length; i++) {
    if (!STARTS[line.charCodeAt(i)] || masked(i)) continue;
    const ch = line[i];
    if (PAIRED_HALF[ch]) {
      const { before, after, afterAt } = neighbours(line, i, i + 1);
      // Latin or numbers on both sides (Hello, world; 1,000; 10:30; 3:2) are not Chinese prose.
      const ascii = (c?: string) => c === undefined || LATIN.test(c) || DIGIT.test(c);
      if (ascii(before) && ascii(after)) continue;
      if (FULL_DIGIT.test(before ?? '') && FULL_DIGIT.test(after ?? '')) {
        edits.push({ start: i, end: i + 1, newText: PAIRED_HALF[ch], kind: 'half' }); // ５，９６０ set in full-width
        continue;
      }
      if (ch === ':' && after === '/') continue;
      if (!chineseSide(before, 'before') && !chineseSide(after, 'after')) continue;
      // The space a half-width comma brought with it goes too.
      edits.push({ start: i, end: after !== undefined && afterAt > i + 1 && chineseSide(after, 'after') ? afterAt : i + 1, newText: PAIRED_HALF[ch], kind: 'half' });
      continue;
    }
    if (ch === '(') {
      const reach = line.slice(i + 1, i + 1 + PAIR_REACH);
      const close = reach.indexOf(')') + i + 1;
      const reopen = reach.indexOf('(') + i + 1;
      if (close === i || (reopen > i && reopen < close) || masked(close)) continue;
      const inner = line.slice(i + 1, close);
      const before = line[i - 1];
      // foo(x) and (a) in Latin text stay; a bracket in or next to Chinese text is full-width.
      if (before !== undefined && LATIN.test(before) && !/\p{Script=Han}/u.test(inner)) continue;
      if (!/[\p{Script=Han}×]/u.test(inner) && !chineseSide(before, 'before') && !chineseSide(line[close + 1], 'after') && !isHan(line[close + 1])) continue;
      edits.push({ start: i, end: i + 1, newText: '（', kind: 'paren' }, { start: close, end: close + 1, newText: '）', kind: 'paren' });
      i = close;
      continue;
    }
    if (ch === '。' && line[i + 1] === '。') {
      let j = i;
      while (line[j] === '。') j++;
      edits.push(j - i >= 3 ? { start: i, end: j, newText: '……', kind: 'ellipsis' } : { start: i, end: j, newText: '。', kind: 'double' });
      i = j - 1;
      continue;
    }
    // 要强化考核. : a half-width full stop ending a Chinese sentence at the line's end (inside a line, a dot
    // between Han characters is a foreign name's separator or a page's stray mark, not a full stop).
    // (A title or heading, with no other mark before the dot, is left alone: its dot is to go, not to become 。)
    if (ch === '.' && line[i + 1] !== '.' && isHan(line[i - 1] ?? '') && SENTENCE_MARK.test(line.slice(0, i)) && /^\s*$/.test(line.slice(i + 1))) {
      edits.push({ start: i, end: i + 1, newText: '。', kind: 'half' });
      continue;
    }
    if (ch === '.' && line.startsWith('...', i)) {
      let j = i;
      while (line[j] === '.') j++;
      if (chineseSide(line[i - 1], 'before') && !masked(j - 1)) edits.push({ start: i, end: j, newText: '……', kind: 'ellipsis' });
      i = j - 1;
      continue;
    }
    if (ch === '…') {
      let j = i;
      while (line[j] === '…') j++;
      if (j - i === 1 && chineseSide(line[i - 1], 'before')) edits.push({ start: i, end: j, newText: '……', kind: 'ellipsis' });
      i = j - 1;
      continue;
    }
    if (ch === '—' || (ch === '-' && line[i + 1] === '-')) {
      let j = i;
      while (line[j] === ch) j++;
      const isDash = ch === '—' ? j - i === 1 : j - i >= 2;
      if (isDash && isHan(line[i - 1]) && (isHan(line[j]) || CJK_OPEN.includes(line[j] ?? ' '))) edits.push({ start: i, end: j, newText: '——', kind: 'dash' });
      i = j - 1;
      continue;
    }
    if (ch === '"') {
      const close = line.slice(i + 1, i + 1 + PAIR_REACH).indexOf('"') + i + 1;
      if (close === i || masked(close)) continue;
      const inner = line.slice(i + 1, close);
      if (/\p{Script=Han}/u.test(inner) && !/[A-Za-z]{3,}/.test(inner)) {
        edits.push({ start: i, end: i + 1, newText: '“', kind: 'quote' }, { start: close, end: close + 1, newText: '”', kind: 'quote' });
      }
      i = close;
      continue;
    }
    if ('，、；：'.includes(ch) && line[i + 1] === ch) {
      let j = i;
      while (line[j] === ch) j++;
      edits.push({ start: i, end: j, newText: ch, kind: 'double' });
      i = j - 1;
      continue;
    }
    if (ch === ' ' && isHan(line[i - 1])) {
      let j = i;
      while (line[j] === ' ') j++;
      // A space inside a clause (县政 府认真贯彻), not one between a heading's number and title or in a caption.
      if (j - i <= 2 && isHan(line[j]) && /[，、；]/.test(line.slice(Math.max(0, i - 30), i)) && /[，。；、！？]/.test(line.slice(j, j + 30))) {
        edits.push({ start: i, end: j, newText: '', kind: 'space' });
      }
      i = j - 1;
    }
  }
  return edits;
}

/** A line's edits, with addresses, code, links and glosses masked. */
function proseEdits(raw: string): Edit[] {
  let mask: Uint8Array | null = null;
  const cover = (m: RegExpMatchArray) => (mask ??= new Uint8Array(raw.length)).fill(1, m.index!, m.index! + m[0].length);
  if (MAY_NOT_PROSE.test(raw)) for (const m of raw.matchAll(NOT_PROSE)) cover(m);
  // A converter's pinyin gloss is conversion-residue's to remove, brackets and all.
  if (mayHaveGloss(raw)) for (const m of raw.matchAll(PINYIN_GLOSS)) cover(m);
  const masked = (i: number) => mask !== null && mask[i] === 1;
  return punctuationEdits(raw, masked);
}

export const punctuation: Rule = {
  meta: {
    id: 'punctuation',
    defaultSeverity: 'warning',
    title: '标点用法',
    safeFix: true,
    // No date gate: half-width marks, 。。。 and the like are damage a paste or a keyboard left, whenever the speech was given
    // (a 1948 speech reprinted on a web page is set in today's marks).
    description:
      '按《标点符号用法》（GB/T 15834—2011）检查中文句子里的半角标点（, ; : ! ? ( )，行末句号写成的 .）、“。。。”“...”或单个“…”写的省略号、单个“—”或“--”写的破折号、中文外的直引号、重复标点（，，）、汉字之间的空格。数字（3.5、1,000、10:30）、西文、网址、Markdown 代码里的不算。网页粘贴留下的（整行、整篇半角，。。。、...、，，）为警告；通篇规范的文稿里偶有一处（半角逗号、单个…或—、直引号）只作提示。每行一条，修复整行。这些多是粘贴或输入法留下的，与讲话年代无关，老讲话稿也检查。',
  },
  check(doc) {
    const perLine: { line: Line; found: LineMarks }[] = [];
    let fenced = false;
    for (const line of doc.lines) {
      if (doc.markdown && (doc.text.startsWith('```', line.contentStart) || doc.text.startsWith('~~~', line.contentStart))) {
        fenced = !fenced;
        continue;
      }
      if (line.blank || fenced || doc.residueLines.has(line.index)) continue;
      // Most lines of a clean draft have nothing to correct: one scan says so (and is kept with the line).
      const found = kept(line.results, 'punctuation', () => marksOf(doc.text.slice(line.contentStart, line.contentEnd)));
      if (found) perLine.push({ line, found });
    }
    // A page pasted with half-width marks throughout: every line of it is a warning.
    let halfInDoc = 0;
    for (const { found } of perLine) halfInDoc += found.halfOnly;
    const pastedHalfWidth = halfInDoc >= 5 && fullMarksIn(doc, halfInDoc) <= halfInDoc;
    const out: Finding[] = [];
    for (const { line, found } of perLine) {
      // Half-width text pasted in (the page or this line), or a mark only a paste leaves (。。。, ..., ，，):
      // a warning. A stray half-width mark, a lone … or —, straight quotes in a clean text: a hint.
      const severity: Severity | undefined = pastedHalfWidth || found.pasted ? undefined : 'hint';
      const base = line.contentStart;
      const [head, ...more] = found.edits.map((e) => ({ start: base + e.start, end: base + e.end, newText: e.newText }));
      out.push({
        start: head.start,
        end: head.end,
        message: found.message,
        ...(severity ? { severity } : {}),
        fixes: [{ title: found.title, ...head, more }],
        data: { marks: found.edits.length, kinds: found.kinds },
      });
    }
    return out;
  },
};

/** What a line's marks come to, all read from its text alone (kept with the line between versions). */
interface LineMarks {
  edits: Edit[];
  /** The kinds of mark, in the order they first appear (as the message names them). */
  kinds: Kind[];
  /** Half-width marks other than brackets: the page's count of them says whether it was pasted half-width. */
  halfOnly: number;
  /** The line pasted half-width, or holding a mark only a paste leaves (。。。, ..., ，，). */
  pasted: boolean;
  message: string;
  title: string;
}

function marksOf(raw: string): LineMarks | null {
  if (!mayNeedPunctuationEdits(raw) || !HAN.test(raw)) return null;
  const edits = proseEdits(raw);
  if (edits.length === 0) return null;
  const kinds: Kind[] = [];
  let half = 0;
  let halfOnly = 0;
  let pasteMark = false;
  for (const e of edits) {
    if (!kinds.includes(e.kind)) kinds.push(e.kind);
    if (e.kind === 'half' || e.kind === 'paren') half++;
    if (e.kind === 'half') halfOnly++;
    if (e.kind === 'double' || (e.kind === 'ellipsis' && (e.end - e.start !== 1 || raw.charCodeAt(e.start) !== 0x2026))) pasteMark = true;
  }
  const what = kinds.map((k) => KIND_NAME[k]).join('、');
  const sample = edits.slice(0, 3).map((e) => `${raw.slice(e.start, e.end).trim() || '空格'}→${e.newText || '删去'}`).join('，');
  return {
    edits,
    kinds,
    halfOnly,
    pasted: (half >= 3 && countFullMarks(raw, half) <= half) || pasteMark,
    message: `标点：本行有 ${edits.length} 处${what}（${sample}）。`,
    title: `改正本行标点（${edits.length} 处）`,
  };
}

/** The document's full-width marks, counted up to one past `enough`: line by line, each line's count kept with it. */
function fullMarksIn(doc: SpeechDocument, enough: number): number {
  // Without kept results (the CLI), one scan of the whole text: a loop per line runs colder.
  if (!doc.lines.some((l) => l.results)) return countFullMarks(doc.text, enough);
  let n = 0;
  for (const line of doc.lines) {
    if (n > enough) break;
    n += kept(line.results, 'full-marks', () => countFullMarks(doc.text, Infinity, line.start, line.end));
  }
  return n;
}

// Character-level helpers shared by the document model and the rules.
// Everything here keeps string length, so an offset found in a normalized
// copy is the same offset in the user's text.

import t2sData from './data/t2s-chars.json';

// One table over the BMP: every mapping here is one UTF-16 unit to one, so
// normalizing is a table lookup per unit and keeps offsets.
const TABLE = new Uint16Array(65536);
for (let i = 0; i < 65536; i++) TABLE[i] = i;
{
  const from = [...t2sData.from];
  const to = [...t2sData.to];
  from.forEach((ch, i) => {
    if (ch.length === 1 && to[i].length === 1) TABLE[ch.charCodeAt(0)] = to[i].charCodeAt(0);
  });
  // ASCII punctuation as it appears in pasted drafts, mapped to the full-width
  // form the rules are written against; odd spaces become plain spaces.
  const punct: [string, string][] = [
    [',', '，'], [':', '：'], [';', '；'], ['(', '（'], [')', '）'], ['!', '！'], ['?', '？'], ['\u00a0', ' '], ['\u3000', ' '],
  ];
  for (const [a, b] of punct) TABLE[a.charCodeAt(0)] = b.charCodeAt(0);
  // Full-width digits and Latin letters (a Word draft's １．, ２０ＸＸ年) read as ASCII ones.
  for (let c = 0xff10; c <= 0xff5a; c++) if (c <= 0xff19 || (c >= 0xff21 && c <= 0xff3a) || c >= 0xff41) TABLE[c] = c - 0xfee0;
}

// ignoreBOM: a U+FEFF opening the text (a file saved with a BOM, a slice starting at one) is a unit like any other;
// by default the decoder drops it, and every offset after it in the normalized text was one off.
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/** A lookup table over UTF-16 units: 1 for each of `chars`. Faster in hot loops than a Set or includes(). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

// What /\s/ matches, as a table: tested per character, a regex would cost a string each.
export const WHITE_SPACE = charTable('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff');

/** How many characters of text[start, end) are not white space (what /\s/ matches). */
export function countNonSpace(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (WHITE_SPACE[text.charCodeAt(i)] !== 1) n++;
  return n;
}

/** The characters from `first` to `last` (UTF-16 units), for a charTable. */
export function charRange(first: string, last: string): string {
  let out = '';
  for (let c = first.charCodeAt(0); c <= last.charCodeAt(0); c++) out += String.fromCharCode(c);
  return out;
}

/**
 * Whether a text (or text[start, end)) holds any of `chars`: a table lookup per character. The cheap tests
 * before a pattern run on every line, and a one-character-class regex scanned long Chinese lines several times slower.
 */
export function charTest(chars: string): (text: string, start?: number, end?: number) => boolean {
  const table = charTable(chars);
  return (text, start = 0, end = text.length) => {
    for (let i = start; i < end; i++) if (table[text.charCodeAt(i)] === 1) return true;
    return false;
  };
}

/**
 * Same length as `text`: traditional → simplified, ASCII punctuation → full-width, full-width digits and letters → ASCII,
 * odd spaces → ' ', and the dots of a line that writes its full stops as dots → 。 (see `sentenceDots`).
 */
export function normalizeForMatching(text: string): string {
  return normalizeRange(text, 0, text.length);
}

/**
 * `normalizeForMatching(text).slice(start, end)`, read with the text around it: whether a dot is a full stop is read
 * from its whole line (so a caller redoing part of a text redoes whole lines).
 */
export function normalizeRange(text: string, start: number, end: number): string {
  const dot = text.indexOf('.', start);
  if (end - start < 64 && (dot < 0 || dot >= end)) {
    let out = '';
    for (let i = start; i < end; i++) out += String.fromCharCode(TABLE[text.charCodeAt(i)]);
    return borrowed(out);
  }
  const units = new Uint16Array(end - start);
  for (let i = start; i < end; i++) units[i - start] = TABLE[text.charCodeAt(i)];
  // Line by line from the first dot: a line that writes its full stops as dots has them read as 。.
  for (let from = dot; from >= 0 && from < end; ) {
    const lineStart = text.lastIndexOf('\n', from) + 1;
    let lineEnd = text.indexOf('\n', from);
    if (lineEnd < 0) lineEnd = text.length;
    const stops = sentenceDots(text, lineStart, lineEnd);
    for (const i of stops) if (i >= start && i < end) units[i - start] = 0x3002;
    from = text.indexOf('.', lineEnd);
  }
  return borrowed(decoder.decode(units));
}

// 藉此, 藉以, 藉助, 藉口, 憑藉: where simplified writes 借 (the character table keeps 藉, which 狼藉 and 慰藉 still use).
// Read from the next or the last character, within a line: the memo redoes whole lines.
const BORROWED = /藉(?=[此以助口故])|(?<=凭)藉/g;
function borrowed(norm: string): string {
  return norm.includes('藉') ? norm.replace(BORROWED, '借') : norm;
}

const CLOSING_MARKS = charTable('）”’」』》】');
const NOT_AFTER_STOP = /[0-9A-Za-z.．]/;
const CN_NUMERAL = charTable('一二三四五六七八九十');

/**
 * The dots of a line that writes its full stops as dots (同志们.今天召开会议.主要任务是…): none when the line has a 。
 * (a dot there is a stray mark: 做了进一步的.安排) or fewer than two such dots. A full stop's dot follows a Han
 * character or a closing mark and comes before neither a digit, a letter nor another dot (3.5, www.gov.cn, ......),
 * and is not a heading numeral's (一.总体要求 at the line's start).
 */
function sentenceDots(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('.', start); i >= 0 && i < end; i = text.indexOf('.', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (!(HAN_UNITS[before] || CLOSING_MARKS[before]) || (i + 1 < end && NOT_AFTER_STOP.test(text[i + 1]))) continue;
    let k = i - 1;
    while (k >= start && CN_NUMERAL[text.charCodeAt(k)]) k--;
    if (k < i - 1 && i - 1 - k <= 3 && (k < start || WHITE_SPACE[text.charCodeAt(k)])) continue;
    out.push(i);
  }
  if (out.length < 2) return [];
  const fullStop = text.indexOf('。', start);
  return fullStop >= 0 && fullStop < end ? [] : out;
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2, 兩: 2,
};

/** 一 … 九十九 and ASCII digits; null for anything else. */
export function parseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 3) return null;
  if (s.length === 1) return DIGIT[s] ?? (s === '十' ? 10 : null);
  const ten = s.indexOf('十');
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : DIGIT[s[0]];
  const ones = ten === s.length - 1 ? 0 : DIGIT[s[ten + 1]];
  if (tens === undefined || ones === undefined || ten > 1) return null;
  return tens * 10 + ones;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + CN[n - 10];
  return CN[Math.floor(n / 10)] + '十' + CN[n % 10];
}

/** A line with a single space after nearly every character (同 志 们 ：), as some PDF extractions write Chinese. */
export function letterSpaced(line: string): boolean {
  // Most lines are turned down by their first character: a letter-spaced one has a space after it.
  let first = 0;
  while (line.charCodeAt(first) === 32 || line.charCodeAt(first) === 0x3000) first++;
  if (line.charCodeAt(first + 1) !== 32) return false;
  let chars = 0;
  let spacedAfter = 0;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) === 32) continue;
    chars++;
    if (line.charCodeAt(i + 1) === 32 && i + 2 < line.length && line.charCodeAt(i + 2) !== 32) spacedAfter++;
  }
  return chars >= 3 && spacedAfter >= 0.8 * (chars - 1);
}

/** Whether `s[i]` is a single space between two other characters: what letter-spacing puts in. */
export function isSingleSpace(s: string, i: number): boolean {
  return i > 0 && s.charCodeAt(i) === 32 && s.charCodeAt(i - 1) !== 32 && s.charCodeAt(i + 1) !== 32;
}

/** A letter-spaced line without its single spaces, and for each character kept its index in the line. */
export function despaced(line: string): { text: string; at: number[] } {
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < line.length; i++) {
    if (isSingleSpace(line, i)) continue;
    text += line[i];
    at.push(i);
  }
  return { text, at };
}

export const HAN = /\p{Script=Han}/u;
// The BMP's Han code units (what HAN matches in one unit), as a table: a hot loop tests a
// unit without making a one-character string for a regex. test/text.test.ts checks isHan against HAN.
const HAN_RANGES = [
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3005, 0x3005], [0x3007, 0x3007], [0x3021, 0x3029],
  [0x3038, 0x303b], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfa6d], [0xfa70, 0xfad9],
];
export const HAN_UNITS = new Uint8Array(65536);
for (const [from, to] of HAN_RANGES) HAN_UNITS.fill(1, from, to + 1);
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch.length === 1 ? HAN_UNITS[ch.charCodeAt(0)] === 1 : HAN.test(ch);
}

/** Sentence and clause punctuation, after normalization. */
export const CLAUSE_END = '，。；：！？、…';
export const SENTENCE_END = '。；：！？';
export const CLOSING = '”’」』）》】"\'';

/** The zero-width characters a web page leaves in text (space, non-joiner, joiner, word joiner, BOM): nothing to read. */
export const ZERO_WIDTH_CHARS = '\u200b\u200c\u200d\u2060\ufeff';
const BLANK = new RegExp(`^[\\s\u3000\u00a0${ZERO_WIDTH_CHARS}]*$`);
const INDENT = new RegExp(`^[ \t\u3000\u00a0${ZERO_WIDTH_CHARS}]*`);

export function isBlank(s: string): boolean {
  return BLANK.test(s);
}

/**
 * Length of the leading indentation (ASCII spaces, tabs, U+3000, U+00A0, and the zero-width characters a web
 * page leaves before it: ​    首先，… opens its paragraph with 首先).
 */
export function indentLength(line: string): number {
  const m = INDENT.exec(line);
  return m ? m[0].length : 0;
}

/**
 * Plain-text and Markdown files are checked only when they are Chinese prose:
 * an English README or a log should not fill the Problems panel.
 */
export function looksLikeChineseText(text: string): boolean {
  const sample = text.slice(0, 5000).replace(/\s+/g, '');
  if (sample.length === 0) return true;
  let han = 0;
  for (const ch of sample) if (HAN.test(ch)) han++;
  return han / sample.length >= 0.2;
}

/** What every PINYIN_GLOSS match contains (a toned vowel or zhuyin): a cheap test before the pattern. */
export const mayHaveGloss = charTest('āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ' + charRange('\u3105', '\u312F') + charRange('\u31A0', '\u31BF'));
/**
 * A pinyin gloss a script converter left after a character: 建設(shè), 發（fā）. It has
 * at least one tone mark, so list labels such as 方案（a） are not glosses. A lone Latin letter
 * before it is a character the converter mangled (七M(jìn)). Zhuyin glosses (發(ㄈㄚ)) are read too.
 */
export const PINYIN_GLOSS = /(?<=\p{Script=Han}|(?<![A-Za-z])[A-Za-z])[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[\u3105-\u312F\u31A0-\u31BF]{1,4}[ˊˇˋ˙]?)[)）]/gu;

/** `s` without its pinyin or zhuyin glosses (建設(shè) → 建設). */
export function withoutGlosses(s: string): string {
  return (s.includes('(') || s.includes('（')) && mayHaveGloss(s) ? s.replace(PINYIN_GLOSS, '') : s;
}

// HTML a page's source or a converter's export left in the text: the tags a page's text is made of (<p>,
// </span>, <br/>, <o:p>), comments, entities for spaces, and a Word export's style rules (p.cjk { font-family: … }).
// Only these tag names: <会议名称> is a placeholder, and a < in a sentence compares.
const TAG = String.raw`</?(?:p|br|div|span|strong|b|i|em|u|font|h[1-6]|li|ul|ol|dl|dt|dd|table|tbody|thead|tr|td|th|section|article|img|a|sup|sub|center|blockquote|hr|o:p|html|head|body|style|meta|title|pre|label|small|big)(?=[\s/>])[^<>
]{0,300}>`;
const COMMENT = String.raw`<!--[^
]{0,2000}?-->`;
const SPACE_ENTITY = String.raw`&(?:nbsp|ensp|emsp|#160|#12288);`;
// The properties a page's or a Word export's styles set (one list for style rules and for attributes left in the words).
const CSS_PROPERTY_NAME = String.raw`(?:margin|padding|font|line-height|text-|size|color|background|border|width|height|so-language|direction|orphans|widows|mso-|letter-spacing|page-break)[\w-]*`;
const CSS_PROPERTY = String.raw`${CSS_PROPERTY_NAME}\s*:`;
const CSS_RULE = String.raw`(?:[@.#]?[A-Za-z][\w.#:-]*(?:\s*,\s*[@.#]?[A-Za-z][\w.#:-]*)*\s*)?\{[^{}
]{0,800}?${CSS_PROPERTY}[^{}
]{0,800}\}`;
// A run of tags inside a line's words that holds a line or paragraph break (…工作:<BR>一是…, …。</p><p>二、…):
// the page's line breaks, copied as text.
const MARKUP_RUN = new RegExp(`(?:[ \t\u3000]*(?:${TAG}|${COMMENT}))+[ \t\u3000]*`, 'gi');
const BREAK_TAG = /<\/?(?:br|p|div|li|tr|h[1-6]|section|article|blockquote|center|hr|table|ul|ol|dl|dt|dd)(?=[\s/>])/i;
/** Markup runs holding a break, strictly inside [from, to) of a text (markup closing or opening the words is not a break). */
export function markupBreaks(text: string, from = 0, to = text.length): { at: number; length: number }[] {
  const out: { at: number; length: number }[] = [];
  const inside = text.slice(from, to);
  if (!inside.includes('<')) return out;
  for (const m of inside.matchAll(MARKUP_RUN)) {
    const end = m.index! + m[0].length;
    if (m.index! > 0 && end < inside.length && BREAK_TAG.test(m[0])) out.push({ at: from + m.index!, length: m[0].length });
  }
  return out;
}

// A Word export's style attribute left in the words without its tag (…全力推进。 le=font-size:9pt;color:navy;mso-bidi-font-size:
// 12.0pt第2页): two declarations or more of the properties such exports write, the attribute's cut name before them.
const CSS_DECLARATION = String.raw`${CSS_PROPERTY}\s*[^;:<>"'\n\u3000-\u9fff\uff00-\uffef]{1,40}`;
/** Style declarations standing in a line's words (global: read with matchAll). */
export const STYLE_FRAGMENT = new RegExp(`(?:\\b[a-z]{1,5}=["']?)?${CSS_DECLARATION}(?:;\\s*${CSS_DECLARATION})+;?["']?`, 'gi');

/** Every HTML tag, comment and space entity of a line (global: read with matchAll). */
export const HTML_MARKUP = new RegExp(`${TAG}|${COMMENT}`, 'gi');
const MARKUP_UNIT = new RegExp(`[ \t\u3000]*(?:${TAG}|${COMMENT}|${SPACE_ENTITY}|${CSS_RULE})`, 'iy');
// A tag cut off by the copy (…tml>, l>) before the markup that opens a line.
const CUT_TAG = /[a-z]{1,4}>(?=[ \t]*[<@.#a-z{])/iy;
const TRAILING_MARKUP = new RegExp(`(?:${TAG}|${COMMENT})[ \t\u3000]*$`, 'i');

/**
 * HTML markup opening or closing a line (its text as written): the length of the markup before the content
 * (with the spaces after it) and where the markup after it starts (line.length when none). Markup alone: lead = length.
 */
export function htmlMarkup(line: string): { lead: number; tail: number } {
  let lead = 0;
  CUT_TAG.lastIndex = 0;
  if (CUT_TAG.test(line)) lead = CUT_TAG.lastIndex;
  for (;;) {
    MARKUP_UNIT.lastIndex = lead;
    if (!MARKUP_UNIT.test(line)) break;
    lead = MARKUP_UNIT.lastIndex;
  }
  // A cut tag alone is not markup.
  if (lead && !/[<{&]/.test(line.slice(0, lead))) lead = 0;
  if (line.slice(lead).trim() === '') return lead ? { lead: line.length, tail: line.length } : { lead: 0, tail: line.length };
  while (lead && (line[lead] === ' ' || line[lead] === '\t' || line[lead] === '\u3000')) lead++;
  return { lead, tail: closingRuns(line, lead, TRAILING_MARKUP, 400) };
}

/**
 * Where the runs that `closing` (a pattern anchored at the end) finds and `accept` allows start, stepped back over
 * one after another from the line's end but never before `lead`, with the spaces before them; line.length when
 * none. Only the last `reach` characters are tried at a time: a pattern anchored at the end would be tried from every place.
 */
function closingRuns(line: string, lead: number, closing: RegExp, reach: number, accept: (run: string) => boolean = () => true): number {
  let tail = line.length;
  for (;;) {
    const from = Math.max(lead, tail - reach);
    const m = closing.exec(line.slice(from, tail));
    if (!m || !accept(m[0])) break;
    tail = from + m.index;
  }
  if (tail < line.length) while (tail > lead && (line[tail - 1] === ' ' || line[tail - 1] === '\t')) tail--;
  return tail;
}

// A PDF's page counter (第1页共2页, 共19页第3页), which its extraction runs into the text (…；6.选举事项；第1页共2页7.其他事项。);
// never across a line break.
export const PAGE_COUNTER = /第[^\S\n]*\d+[^\S\n]*页[^\S\n]*[，,]?[^\S\n]*共[^\S\n]*\d+[^\S\n]*页|共[^\S\n]*\d+[^\S\n]*页[^\S\n]*第[^\S\n]*\d+[^\S\n]*页/g;

// Discuz! forums hide anti-copy junk at each line break of a post: 5–15 units of an ASCII mark, digit
// or space, a space, then an ASCII letter or mark (+ v% [0 P+ _; u3 {$ y9 r). Copied from the page, it
// sits at a line's start or end, or makes a line of its own; a space unit may have lost one space.
const JUNK_UNIT = '(?:[!-;] | {1,2})[?-~]';
// At a line's start the first unit may have lost its space to the line's trimming (t' j- M: …).
const LEADING_JUNK = new RegExp(`^[ \\t]*[?-~]?(?:${JUNK_UNIT}){4,}`);
// At its end the last unit may have lost its letter (a page or an excerpt cut there: …要害). S$ S% W/ l0 Y6 a* E$ ).
const TRAILING_JUNK = new RegExp(`(?:${JUNK_UNIT}){4,}[!-;]?[ \\t]*$`);

/**
 * Whether a run is that junk: four units or more, most of them opened by a mark or digit, not a space, and by
 * three different ones at least (random junk is; a list pasted half-width, A, B, C, D, E, is not).
 */
function isJunkRun(run: string): boolean {
  const units = run.trim().match(new RegExp(JUNK_UNIT, 'g')) ?? [];
  const opened = units.filter((u) => u[0] !== ' ');
  return units.length >= 4 && opened.length * 2 > units.length && new Set(opened.map((u) => u[0])).size >= 3;
}

/**
 * A forum's hidden anti-copy junk in one line (its text as written, not normalized): the length of a run
 * opening it (with the spaces after it), and where a run closing it starts, with the spaces before it
 * (line.length when none). A line of junk alone: lead = length.
 */
export function copyJunk(line: string): { lead: number; tail: number } {
  if (!line.includes(' ')) return { lead: 0, tail: line.length };
  // Runs one after another (a page's text may join two with a space) are all junk.
  let lead = 0;
  for (let m = LEADING_JUNK.exec(line); m && isJunkRun(m[0]); m = LEADING_JUNK.exec(line.slice(lead))) lead += m[0].length;
  if (line.slice(lead).trim() === '') return lead ? { lead: line.length, tail: line.length } : { lead: 0, tail: line.length };
  // A last unit's [ or { that the line closes soon after opens the speech's own label ([破题]), not the junk's.
  if (lead && /[[{]/.test(line[lead - 1]) && line.slice(lead, lead + 16).includes(line[lead - 1] === '[' ? ']' : '}')) lead--;
  // The spaces between the junk and the speech are neither's.
  while (lead && (line[lead] === ' ' || line[lead] === '\t')) lead++;
  return { lead, tail: closingRuns(line, lead, TRAILING_JUNK, 64, isJunkRun) };
}

/**
 * Titles of office, as a regex source: what a name or a name's slot goes with (××处长, 张三同志, 县委书记 ×××).
 * Placeholders read a slot before one as a name; residue reads a line holding one as a byline.
 */
export const OFFICE_TITLE = '书记|[省市县区镇乡]长|主任|委员|同志|[部局厅处科所院校行]长|经理|董事长|主席|先生|女士';

// Enumeration markers: the numbered headings of GB/T 9704 (一、 （一） 1. （1）)
// and the softer ordinals speeches use inside paragraphs (第一， 一是 一要 首先).

import { flatIndexAt, type Paragraph } from './lines';
import { parseNumeral } from './text';

export type MarkerFamily =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'arabic-dot' // 1.
  | 'arabic-paren' // （1）
  | 'di' // 第一，
  | 'sequence-adverb' // 首先 其次 再次 最后
  | 'qi' // 其一 其二
  | 'circled' // ① ②
  | `di-${string}` // 第一步 第一方面
  | `run-${string}`; // 一是 一要 一靠 …

export interface Marker {
  family: MarkerFamily;
  /** 1–4 for the GB heading levels; null for soft ordinals. */
  level: number | null;
  number: number;
  /** Offsets of the marker as written, e.g. "一、" or "一是". */
  start: number;
  end: number;
  /** Offsets of the numeral inside the marker. */
  numeralStart: number;
  numeralEnd: number;
  /** The punctuation written after the numeral ('、', '，', '.', …), '' for 一是-style runs. */
  punct: string;
  /** True when the marker opens its paragraph; false for items inside running text. */
  paragraphStart: boolean;
  /** Right after a count and a colon (有三个方面：一是…) or the sentence a count ends (讲三点意见。一是…): a list even if the text is cut after it. */
  afterCount?: boolean;
  paragraph: number;
  /** A run a paragraph opens inside itself while an outer run of paragraph-opening items is open (set by the outline). */
  inner?: boolean;
  /** One of a list of short numbered items run into a paragraph's sentence: it ends with its paragraph. */
  listed?: boolean;
  /** An item written in another family's numerals than the list it goes on (首先，… 第二，…): the item before it (set by the outline). */
  goesOn?: Marker;
  /** A paragraph-opening 第一， whose paragraph is a heading's line (第一，全国动员，大办农业): it holds the GB headings under it. */
  headsLine?: boolean;
  /**
   * An item of a list inside what is open, in the numerals of a part above it (set by the outline): 一、 alone on its line
   * with its words below, or one-paragraph items one after another, after which the open item's own run goes on.
   */
  subListItem?: boolean;
  /** 第一个环节是谋划。: a counted noun's item read only with its next (or last) item near it (dropLoneInlineItems). */
  needsSibling?: boolean;
}

export const GB_FAMILY_BY_LEVEL: MarkerFamily[] = ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren'];
export const MARKER_EXAMPLE: Record<string, string> = {
  'cn-dun': '一、',
  'cn-paren': '（一）',
  'arabic-dot': '1.',
  'arabic-paren': '（1）',
  di: '第一，',
  'sequence-adverb': '首先，',
};

const CN = '[一二三四五六七八九十]';
const HEADINGS: { level: number; family: MarkerFamily; re: RegExp }[] = [
  // 第一部分 of a long report stands above 一、.
  { level: 0, family: 'di-部分', re: new RegExp(`^第(${CN}{1,3})部分([ ：，、]|$)`) },
  // Pasted text sometimes has a space inside the marker: 一 、 （ 一 ） 1 .
  { level: 1, family: 'cn-dun', re: new RegExp(`^(${CN}{1,3}) ?([、．.])`) },
  { level: 2, family: 'cn-paren', re: new RegExp(`^（ ?(${CN}{1,3}) ?）(、|，)?`) },
  { level: 3, family: 'arabic-dot', re: /^(\d{1,2}) ?([．.](?![\d.．])|、)/ },
  { level: 4, family: 'arabic-paren', re: /^（ ?(\d{1,2}) ?）(、|，)?/ },
  // The same levels as Word and web pages write them: ⒈ (one character), ⑴ (one character), 1） and 1).
  { level: 3, family: 'arabic-dot', re: /^([⒈-⒛])()/ },
  { level: 4, family: 'arabic-paren', re: /^([⑴-⒇])()/ },
  { level: 4, family: 'arabic-paren', re: /^(\d{1,2})()[）)](?![\d）)])/ },
];

/** A marker's numeral as a number: 一 … 九十九, digits, and the one-character ⒈ and ⑴ forms. */
function markerNumber(numeral: string): number | null {
  const c = numeral.charCodeAt(0);
  if (numeral.length === 1 && c >= 0x2474 && c <= 0x2487) return c - 0x2473;
  if (numeral.length === 1 && c >= 0x2488 && c <= 0x249b) return c - 0x2487;
  return parseNumeral(numeral);
}

// A numbered item run on after a full stop or colon; text pasted flat keeps even 一、 there. A numeral list
// (三、四月份, 一、二、三级) is no item; 三、一所好的学校 is.
const INLINE_HEADING = /[。；：！？] ?(?=（[一二三四五六七八九十\d]{1,3}）|[⑴-⒛]|\d{1,2}(?:[.．](?![\d.．])|、|[）)](?![\d）)]))|[一二三四五六七八九十]{1,2}、(?![一二三四五六七八九十\d][、，,.．\d一二三四五六七八九十月年日号级]))/g;
// An item of an inline list is a few words (个人服从组织；): headings run into a flattened page hold their text.
const INLINE_LIST_ITEM = 24;
// 我讲三点意见。一是…: a count of parts ending the sentence right before the item.
const COUNT_ENDING_SENTENCE = /[一二三四五六七八九十两\d]{1,2}(个方面|方面|个问题|点|项|条|句话|部分)[^。；！？，了]{0,8}。$/;
// The sentence before an inline 一、 that announces it (下面，我讲三点意见。一、…).
const COUNT_BEFORE = /[一二三四五六七八九十两\d]{1,2}(个方面|方面|个问题|句话|点|项|条|大|部分|个|种|类|层次|层面)[^。；！？]{0,60}[。：；]? ?$/;

// Verbs that make 一X…二X… runs. 一是 and 一要 are by far the most common.
const RUN_VERBS = '是要靠抓看讲比则来';
// 一则消息, 一来就…, 一来二去: these read as a run only beside their next item (needsSibling).
const RUN_VERBS_NEEDING_SIBLING = '则来';
const SOFT = new RegExp(
  `第(${CN}{1,3})(?:(步|个方面|方面|项|板块|阶段|条|点|个问题|句话|层意思|件事|部分)|([，、：]|是(?![否非])|(?=从)))|(${CN}{1,2})([${RUN_VERBS}])|(首先|其次|再次|最后)(，|是)|其(${CN})([，、：])|([①②③④⑤⑥⑦⑧⑨⑩])|第(${CN}{1,3})个([^\s一二三四五六七八九十百千万\d，。；：、！？“”]{1,4}?)([，、：]|是)`,
  'g',
);
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
// What may stand right before an inline ordinal: the start of the paragraph or a clause break.
const BOUNDARY = '，。；：！？、 ”）';
// 一要素, 一要求, 一看就…: the numeral and verb are part of a word, not an ordinal.
const RUN_BLOCKERS: Record<string, string> = { 要: '素求务点件是', 看: '就到见' };
const ADVERB_NUMBER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 };

// A paragraph that is a heading's line: short, and no sentence ends in it (第一，全国动员，大办农业).
const HEADING_LINE_LENGTH = 30;
const isHeadingLine = (flat: string) => flat.length <= HEADING_LINE_LENGTH && !/[。！？；]/.test(flat);

export function findMarkers(paragraph: Paragraph, index: number): Marker[] {
  const { flat, offsets } = paragraph;
  const out: Marker[] = [];
  const at = (i: number) => offsets[i];
  let headingEnd = -1;
  for (const h of HEADINGS) {
    const m = h.re.exec(flat);
    if (!m) continue;
    const number = markerNumber(m[1]);
    if (number === null || number === 0) continue;
    // 一、两年之内…, 三、四月份…, 一、二年级…: a span of two numbers opening a line (a quotation split off) is no heading.
    if (h.family === 'cn-dun' && m[2] === '、') {
      const next = /^([两二三四五六七八九十])(?:[年月日天周级]|季度|个(?:月|星期|小时|季度))/.exec(flat.slice(m[0].length));
      if (next && parseNumeral(next[1]) === number + 1) break;
    }
    const numeralStart = flat.indexOf(m[1]);
    out.push({
      family: h.family,
      level: h.level,
      number,
      start: at(0),
      end: at(m[0].length - 1) + 1,
      numeralStart: at(numeralStart),
      numeralEnd: at(numeralStart + m[1].length - 1) + 1,
      punct: m[2] ?? '',
      paragraphStart: true,
      paragraph: index,
    });
    headingEnd = m[0].length;
    break;
  }
  // Numbered items that begin mid-paragraph after a full stop: 。2.抓开工 ；（二）…
  const inline: { marker: Marker; at: number }[] = [];
  INLINE_HEADING.lastIndex = 0;
  for (let m = INLINE_HEADING.exec(flat); m; m = INLINE_HEADING.exec(flat)) {
    const i = m.index + m[0].length;
    if (i <= headingEnd) continue;
    // 9:00-18:30） is a time (its colon read full-width): the minutes after it are no item.
    if (m[0][0] === '：' && /\d/.test(flat[m.index - 1] ?? '')) continue;
    const h = HEADINGS.find((x) => x.re.test(flat.slice(i)));
    if (!h || h.level < 1) continue;
    // 一、 mid-paragraph only in flattened text: after a colon, or an announcing
    // sentence, or as 二、 and later (kept only after its predecessor, see below).
    if (h.level === 1 && flat[i - 1 - (flat[i - 1] === ' ' ? 1 : 0)] !== '：' && /^[一1]/.test(flat.slice(i)) && !COUNT_BEFORE.test(flat.slice(Math.max(0, i - 90), i))) continue;
    const hm = h.re.exec(flat.slice(i))!;
    const number = markerNumber(hm[1]);
    if (number === null || number === 0) continue;
    const numeralStart = i + hm[0].indexOf(hm[1]);
    const marker: Marker = {
      family: h.family,
      level: h.level,
      number,
      start: at(i),
      end: at(i + hm[0].length - 1) + 1,
      numeralStart: at(numeralStart),
      numeralEnd: at(numeralStart + hm[1].length - 1) + 1,
      punct: hm[2] ?? '',
      paragraphStart: false,
      paragraph: index,
    };
    out.push(marker);
    inline.push({ marker, at: i });
  }
  // …纪律：（一）个人服从组织；（二）少数服从多数；…: short items run into one sentence are a list inside the
  // paragraph, not headings of a flattened page: they hold nothing after the paragraph.
  const sentenceEnd = (from: number) => {
    const stop = flat.slice(from).search(/[。！？]/);
    return stop < 0 ? flat.length : from + stop;
  };
  if (inline.length >= 2 && inline.every((x, k) => (inline[k + 1]?.at ?? sentenceEnd(x.at)) - x.at <= INLINE_LIST_ITEM)) for (const x of inline) x.marker.listed = true;
  SOFT.lastIndex = 0;
  for (let m = SOFT.exec(flat); m; m = SOFT.exec(flat)) {
    const i = m.index;
    if (i < headingEnd) continue;
    const before = flat[i - 1];
    // 2、第二步改革是…: an ordinal right after a heading's marker names the heading; it is not an item.
    if (headingEnd > 0 && i === headingEnd) continue;
    const atStart = i === 0;
    if (!atStart && (before === undefined || !BOUNDARY.includes(before))) continue;
    const after = flat[i + m[0].length];
    let family: MarkerFamily;
    let number: number | null;
    let numeral: string;
    let punct = '';
    let needsSibling = false;
    if (m[1] !== undefined) {
      // 第一、第二、第三产业, 第一、二产业: ordinals listed before the noun they count are no item.
      if (m[3] === '、' && /^第?[一二三四五六七八九十]{1,3}[、产]/.test(flat.slice(i + m[0].length))) continue;
      // 第一， 第一步 第一方面 第一项 第一板块
      family = m[2] ? `di-${m[2].replace('个', '')}` as MarkerFamily : 'di';
      numeral = m[1];
      number = parseNumeral(m[1]);
      // 第一是…, 第一从历史看，…: the ordinal runs into its words, with no mark after it.
      punct = m[3] === '是' ? '' : (m[3] ?? '');
    } else if (m[4] !== undefined) {
      const verb = m[5];
      // 一是一、二是二 is an idiom, not a list.
      if (after === m[4] && '、，。；！'.includes(flat[i + m[0].length + 1] ?? '。')) continue;
      if (RUN_BLOCKERS[verb]?.includes(after ?? '')) continue;
      family = `run-${verb}`;
      numeral = m[4];
      number = parseNumeral(m[4]);
      if (RUN_VERBS_NEEDING_SIBLING.includes(verb)) needsSibling = true;
    } else if (m[6] !== undefined) {
      family = 'sequence-adverb';
      numeral = m[6];
      number = ADVERB_NUMBER[m[6]];
      punct = m[7] === '是' ? '' : m[7];
    } else if (m[8] !== undefined) {
      // 其一， 其二，
      family = 'qi';
      numeral = m[8];
      number = parseNumeral(m[8]);
      punct = m[9];
    } else if (m[10] !== undefined) {
      family = 'circled';
      numeral = m[10];
      number = CIRCLED.indexOf(m[10]) + 1;
    } else {
      // 第一个角度， 第二个角度， opening their paragraphs: the noun names the run (never inside a sentence:
      // 第一个吃螃蟹的人 or 第一个站出来，).
      if (!atStart) continue;
      family = `di-${m[12]}`;
      numeral = m[11];
      number = parseNumeral(m[11]);
      // 第一个关键词是“担当”。, 第一个环节是谋划。: the noun's word after 是; unquoted, only beside the next item (第一个站出来是他).
      punct = m[13] === '是' ? '' : m[13];
      if (m[13] === '是' && !'：“'.includes(after ?? '')) needsSibling = true;
    }
    if (number === null) continue;
    const numeralStart = i + m[0].indexOf(numeral);
    out.push({
      family,
      level: null,
      number,
      start: at(i),
      end: at(i + m[0].length - 1) + 1,
      numeralStart: at(numeralStart),
      numeralEnd: at(numeralStart + numeral.length - 1) + 1,
      punct,
      paragraphStart: atStart,
      afterCount: !atStart && ((before === '：' && COUNT_BEFORE.test(flat.slice(Math.max(0, i - 30), i))) || (before === '。' && COUNT_ENDING_SENTENCE.test(flat.slice(Math.max(0, i - 30), i)))),
      paragraph: index,
      ...(atStart && m[1] !== undefined && isHeadingLine(flat) ? { headsLine: true } : {}),
      ...(needsSibling ? { needsSibling } : {}),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The runs whose first item alone (no second after it) numbering-sequence tells of: 一是, 一要 (一看 is as often “at a glance”). */
export const LONE_FAMILIES: string[] = ['run-是', 'run-要'];

/** 首先 stands for 第一 and 其次 for 第二: a list may open in one family and go on in the other. */
export const ORDINAL_PAIR: Record<string, string> = { di: 'sequence-adverb', 'sequence-adverb': 'di' };

/**
 * An inline 一是 (or 一看, 首先) only starts a run when a later item follows within a
 * few paragraphs; alone it is an ordinary phrase. Returns the markers kept, and those dropped.
 */
export function dropLoneInlineItems(byParagraph: Marker[][]): { kept: Marker[][]; lone: Set<Marker> } {
  const flat = byParagraph.flat();
  // One backward pass: for each family, the nearest later item numbered two or more.
  const nextLater = new Map<string, Marker>();
  const lone = new Set<Marker>();
  for (let i = flat.length - 1; i >= 0; i--) {
    const m = flat[i];
    if (m.level === null && !m.paragraphStart && m.number === 1 && !m.afterCount) {
      // …三点意见。首先，…  /  第二，…: the list may go on in the paired family's numerals.
      const paired = ORDINAL_PAIR[m.family] ? nextLater.get(ORDINAL_PAIR[m.family]) : undefined;
      const later = nextLater.get(m.family) ?? (paired?.number === 2 ? paired : undefined);
      if (!later || later.paragraph - m.paragraph > 3) lone.add(m);
    }
    if (m.number > 1) nextLater.set(m.family, m);
  }
  // An inline 二、 (flattened text) counts only right after its 一、.
  let lastTop = 0;
  for (const m of flat) {
    if (m.level !== 1) continue;
    if (!m.paragraphStart && m.number > 1 && m.number !== lastTop + 1) {
      lone.add(m);
      continue;
    }
    lastTop = m.number;
  }
  // 第一个环节是谋划。 with no 第二个环节是 near it: a sentence about a first, not an item.
  const asking = flat.filter((m) => m.needsSibling);
  if (asking.length) {
    // Looked up by family, number and paragraph: a page of thousands of such items stays linear.
    const at = new Set(flat.map((m) => `${m.family}|${m.number}|${m.paragraph}`));
    const hasNear = (m: Marker) => {
      for (let d = -3; d <= 3; d++) for (const n of [m.number - 1, m.number + 1]) if (at.has(`${m.family}|${n}|${m.paragraph + d}`)) return true;
      return false;
    };
    for (const m of asking) if (!hasNear(m)) lone.add(m);
  }
  return { kept: byParagraph.map((ms) => ms.filter((m) => !lone.has(m))), lone };
}

// A page's text in a document site's preview: long, and its run of pages may break off mid-word.
const PAGE_LENGTH = 100;
const ENDS_SENTENCE = /[。！？；：…”’）)!?;:.]$/;

/**
 * A document site's preview numbers the text of each page it shows (1、…  2、…), and a page may end mid-word
 * (…一、内容上具 / 2、有完整性…). Long paragraphs opened by 1、 2、 … in a row, one of them cut where the next
 * begins, are numbered pages, not the speech's parts: their opening numbers are dropped.
 */
export function dropPagePrefixes(byParagraph: Marker[][], paragraphs: Paragraph[]): Marker[][] {
  const pages = new Set<number>();
  let last = -1;
  let lastNumber = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const m = byParagraph[i][0];
    if (!m || !m.paragraphStart || m.family !== 'arabic-dot' || m.punct !== '、') continue;
    // (The last page shown may be short, the preview cut off: it goes on from a page that broke off mid-sentence.)
    const cutBefore = pages.has(last) && last === i - 1 && !ENDS_SENTENCE.test(paragraphs[last].flat);
    const follows = last >= 0 && m.number === lastNumber + 1 && (paragraphs[i].flat.length >= PAGE_LENGTH || cutBefore) && paragraphs[last].flat.length >= PAGE_LENGTH;
    if (follows && (pages.has(last) || (last === i - 1 && !ENDS_SENTENCE.test(paragraphs[last].flat)))) {
      pages.add(last);
      pages.add(i);
    }
    last = i;
    lastNumber = m.number;
  }
  if (pages.size === 0) return byParagraph;
  return byParagraph.map((ms, i) => (pages.has(i) ? ms.slice(1) : ms));
}

// A preview's item is one short clause: its name, said once.
const PREVIEW_ITEM = 40;
// How many characters of a name must open the part developed under it.
const SAME_NAME = 4;

/** The words after a paragraph's opening marker, up to the first stop or comma. */
function nameAfter(p: Paragraph, m: Marker): string {
  const from = flatIndexAt(p, m.end);
  if (from < 0) return '';
  const rest = p.flat.slice(from);
  const stop = rest.search(/[。；，！？：]/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/**
 * A speech may list its parts before developing them (下边主要讲三个问题：/（一）甲；/（二）乙；/（三）丙。/（一）甲。……):
 * short paragraphs opened by 1…n of one family, one after another, then the same family's 1 again naming the first
 * of them. The preview's numbers are not parts (the outline showed six siblings); its words stay the speech's.
 * A run whose names the parts after it do not repeat is kept: numbering-sequence tells of a list restarted by mistake.
 */
export function dropPreviewLists(byParagraph: Marker[][], paragraphs: Paragraph[]): Marker[][] {
  const dropped = new Set<number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const first = byParagraph[i][0];
    if (!first || !first.paragraphStart || first.level === null || first.number !== 1) continue;
    let n = 0;
    const names: string[] = [];
    while (i + n < paragraphs.length) {
      const m = byParagraph[i + n][0];
      if (!m || !m.paragraphStart || m.family !== first.family || m.number !== n + 1 || byParagraph[i + n].length > 1) break;
      if (paragraphs[i + n].flat.length > PREVIEW_ITEM) break;
      names.push(nameAfter(paragraphs[i + n], m));
      n++;
    }
    const again = byParagraph[i + n]?.[0];
    if (n < 2 || !again || !again.paragraphStart || again.family !== first.family || again.number !== 1) continue;
    // Each part developed after it, as far as the text goes, opens with the name the preview gave it.
    let k = 0;
    for (let j = i + n; j < paragraphs.length && k < n; j++) {
      const m = byParagraph[j][0];
      if (!m || !m.paragraphStart || m.family !== first.family) continue;
      if (m.number !== k + 1) break;
      const name = names[k];
      if (name.length < SAME_NAME || !nameAfter(paragraphs[j], m).startsWith(name.slice(0, Math.min(name.length, 8)))) break;
      k++;
    }
    if (k === 0) continue;
    for (let j = i; j < i + n; j++) dropped.add(j);
    i += n - 1;
  }
  if (dropped.size === 0) return byParagraph;
  return byParagraph.map((ms, i) => (dropped.has(i) ? ms.slice(1) : ms));
}

// How far back (in paragraphs) the item before a mixed item may stand.
const REACH = 6;

/**
 * The items that go on a list in another family's numerals (首先，… 第二，…), with the item before each: the outline
 * places each as the next item of the list it goes on (goesOn), and numbering-sequence reports it once, as a mix.
 */
export function mixedOrdinals(markers: Marker[]): { item: Marker; prev: Marker }[] {
  const soft = markers.filter((m) => m.level === null && m.number > 0);
  const out: { item: Marker; prev: Marker }[] = [];
  for (let k = 1; k < soft.length; k++) {
    const m = soft[k];
    if (m.number < 2) continue;
    const prev = soft[k - 1];
    if (prev.family === m.family || prev.number !== m.number - 1 || m.paragraph - prev.paragraph > REACH) continue;
    // 第一、（a heading） … 就是一要…，二要…: an item inside a sentence does not go on a list whose item opened a paragraph.
    if (prev.paragraphStart && !m.paragraphStart) continue;
    // The item before in m's own family exists nearby: m continues its own list, nested around prev's.
    const near = (x: Marker) => m.paragraph - x.paragraph <= REACH * 3;
    let own = false;
    for (let j = k - 1; j >= 0 && near(soft[j]) && !own; j--) own = soft[j].family === m.family && soft[j].number === m.number - 1;
    if (own) continue;
    // prev's family goes on past m (一是…第二…二是…): two lists, not one.
    let continues = false;
    for (let j = k + 1; j < soft.length && soft[j].paragraph - m.paragraph <= REACH && !continues; j++) continues = soft[j].family === prev.family && soft[j].number === m.number;
    if (continues) continue;
    out.push({ item: m, prev });
  }
  return out;
}

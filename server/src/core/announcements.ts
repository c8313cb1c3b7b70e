// Announcements: count phrases that promise a list (下面，我讲三点意见), and the
// list each one is linked to.

import { kept } from './memo';
import { flatIndexAt, Paragraph } from './lines';
import type { Section } from './outline';
import { sectionAt, siblingRuns, walkSections } from './outline';
import { parseNumeral, withoutGlosses } from './text';
import { firstIndexWhere } from './search';

export interface Announcement {
  /** Offsets of the count phrase, e.g. 三点意见. */
  start: number;
  end: number;
  /** The clause that holds the count phrase, as written. */
  text: string;
  /** null for indefinite counts (几点). */
  announced: number | null;
  numeral: string;
  /** The parts it was linked to; empty when none follow. */
  items: AnnouncedItem[];
  /** Where a list was expected to begin. */
  paragraph: number;
}

/** One part an announcement promised: a numbered part, or an entry of a list run into the sentence. */
export interface AnnouncedItem {
  start: number;
  /** The words that name it. */
  nameStart: number;
  nameEnd: number;
  /** Its marker as written (一、 一是 第一，), '' for an unmarked list entry. */
  label: string;
  section: Section | null;
}

const NUMERAL = '[一二三四五六七八九十两]{1,3}|\\d{1,2}|几';
// A paragraph this long is a page flattened into one line, not a speech's paragraph.
const FLATTENED_PAGE = 3000;
// Measure words that count parts. Traditional forms (個 點 條 項) arrive simplified.
const MEASURE =
  '个方面|方面|个维度|维度|个层面|层面|个层次|层次|个部分|部分|个阶段|阶段|个环节|环节|层|点|条|项|件|句话|个|大|种|步|字|类|招|派|句|板块';
// The count phrase, then the rest of its clause up to the next break.
// (Up to 32 characters to the clause's end, but more than 20 only where a colon ends it: 用三句话来表达我们…全体队员共同的心声：.)
const COUNT = new RegExp(`(${NUMERAL})(${MEASURE})([^，。；：！？、\\n]{0,32}?)(?=[，。；：！？、]|$)`, 'g');
const LONG_REST = 20;

// Cues that make a count phrase an announcement even when no list follows it (the text may be cut short).
// Multi-character cues may stand a little before the count; the one-character
// verbs (讲 谈 提 说) only right before it, so 提高三个方面 or 讲话中 are not cues.
const SPEAKING_CUE =
  /(以下|如下|下面|强调|提出|交流|汇报|谈谈|讲讲|概括为|归纳为|送给大家|送大家|给大家)[^，。；！？了]{0,12}$|[讲谈提说](一下|以下|这么|这样)?$/;
const PROMISE_HEAD = /^(的?意见|的?要求|的?建议|的?体会|的?看法|的?考虑|的?认识|的?思考|的?希望|的?打算|的?想法|的?问题|意思|角度|视角|关键词|故事|感受|观点)/;
// A count that looks back, not forward: 以上三点, 这两个方面.
const BACK_REFERENCE = /(以上|上述|前面|前述|这|那|上面|这些|每|第|哪|各|其中|近|约|共)$/;

interface Candidate {
  flatStart: number;
  flatEnd: number;
  announced: number | null;
  numeral: string;
  /** The measure word after the numeral (点 项 个方面), '' for a slogan. */
  measure: string;
  strong: boolean;
  /** The measure counts parts (点, 方面, 项…), not things (个, 件, 种…). */
  listy?: boolean;
  /** Words that look back (谈了, 刚才…, 所提出…): what was said before, not a promise. */
  looksBack?: boolean;
  sentenceFinal: boolean;
  /** A quoted slogan with no measure word (“两增”): only a list right after it makes it a count. */
  slogan?: boolean;
  /** The count names a concept (四项基本原则。): no list it is followed by is its own. */
  named?: boolean;
  /** The count's words name a concept, wherever it stands (四个现代化, “三个代表”重要思想). */
  namesConcept?: boolean;
  /** The count sums up a list said right before it (A和B两方面) or is a quoted formula (“八个坚持、八个反对”): only a list of exactly that many is its own. */
  exactOnly?: boolean;
}

// A speaking cue inside a relative clause (所提出, 提出的): words said before, by someone, named.
const SAID_BEFORE = /所(以下|如下|下面|强调|提出|交流|汇报|谈谈|讲讲|概括为|归纳为)|(强调|提出|概括|归纳|汇报)的[^，。；！？]{0,12}$/;

// A count in a formula's words: 八个坚持, 两个确立, 三项政策.
const FORMULA_COUNT = '[一二三四五六七八九十两]{1,2}(个|项|大|条|种|类|点)';
const FORMULA_COUNTS = new RegExp(FORMULA_COUNT, 'g');
const FORMULA_COUNT_AT_START = new RegExp(`^${FORMULA_COUNT}`);

/** A count inside quotation marks that hold another count after a 、 (“八个坚持、八个反对”, “两个确立”、“两个维护”). */
function quotedFormula(flat: string, i: number): boolean {
  const open = flat.lastIndexOf('“', i);
  if (open < 0 || i - open > 8 || flat.lastIndexOf('”', i) > open) return false;
  const close = flat.indexOf('”', i);
  const inside = close < 0 || close - open > 40 ? '' : flat.slice(open + 1, close);
  if ((inside.match(FORMULA_COUNTS) ?? []).length >= 2) return true;
  // “两个确立”、“两个维护”: the quotation next to it, across a 、, names another count.
  const opensWithCount = (at: number) => flat[at] === '“' && FORMULA_COUNT_AT_START.test(flat.slice(at + 1, at + 4));
  if (close > 0 && flat[close + 1] === '、' && opensWithCount(close + 2)) return true;
  if (flat.slice(open - 2, open) !== '”、') return false;
  const before = flat.lastIndexOf('“', open - 3);
  return before >= 0 && open - before <= 12 && opensWithCount(before);
}

// Words that frame a list of entries named before a count.
const LIST_FRAME = /从|由|在|就|对|围绕|着眼于?|立足于?|通过|把握好?|抓住|统筹|兼顾|包括|涵盖/g;

/**
 * Whether the clause before a count ends with a list of exactly that many entries: 甲和乙 (两), 甲、乙和丙 (三).
 * The entries are short (a phrase each), split by 、 and a last 和/与/及/以及, outside quotation marks and brackets.
 */
function listedBefore(clause: string, announced: number): boolean {
  // The entries follow the last word that frames them: 从甲和乙两方面, 由甲、乙和丙三部分组成.
  let from = -1;
  for (const m of clause.matchAll(LIST_FRAME)) from = m.index! + m[0].length;
  if (from < 0) return false;
  const body = clause.slice(from);
  if (body.length < 4) return false;
  let depth = 0;
  let entries = 1;
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if ('“（《'.includes(ch)) depth++;
    else if ('”）》'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '、' || ((ch === '和' || ch === '与' || ch === '及') && k > 0 && k < body.length - 1))) entries++;
  }
  return entries === announced;
}

// What a list's count counts: work, measures, aspects, questions… (三项工作, 三个方面的问题, 三点需要说明).
// The measure words that also name concepts (四项基本原则, 三大攻坚战, 两个务必); 三个方面 or 三点 always count parts.
const NAMING_MEASURES = ['项', '大', '个', '条', '种', '类', '层'];
const GENERIC_COUNTED = /工作|意思|含义|涵义|举措|措施|任务|方面|事|问题|板块|层面|维度|方向|环节|阶段|步骤|重点|内容|议程|要求|意见|建议|考量|目标|说明|认识|体会|看法|想法|情况|^(需要|要|来|去|上|中|的)/;

// A verb summing up what follows: 概括为, 归纳成, 总结成.
const SUMMED_UP = /(概括|归纳|总结|归结)(为|成)[^，。；！？]{0,4}$/;

// A slogan that counts its own parts, with no measure word: “十抓” “两增” “三突破”.
const SLOGAN = /“([一二三四五六七八九十两]{1,2})([^”“，。；：！？、\d一二三四五六七八九十两]{1,5})”/g;

function findCandidates(p: Paragraph): Candidate[] {
  const out: Candidate[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(p.flat); m; m = COUNT.exec(p.flat)) {
    const [whole, numeral, measure, rest] = m;
    const i = m.index;
    // Search on right after the numeral: 下一步的两点想法 holds a count after a non-count.
    COUNT.lastIndex = i + numeral.length;
    if (rest.length > LONG_REST && p.flat[i + whole.length] !== '：') continue;
    const before = p.flat.slice(Math.max(0, i - 16), i);
    const prev = p.flat[i - 1] ?? '';
    // 那两句话： looks forward all the same: a colon right after it opens the words.
    const opensColon = /^[^，。；！？]{0,6}：/.test(p.flat.slice(i + whole.length - rest.length));
    // 议程共八项： looks forward too: the colon opens the list.
    if (/[\d一二三四五六七八九十百千万两几.．]/.test(prev) || (BACK_REFERENCE.test(before) && !(opensColon && /(那|这|共)$/.test(before)))) continue;
    // 百分之十点二, 三点五亿: a number with a decimal point, not a count of points.
    if (measure === '点' && /^[零〇一二三四五六七八九]/.test(rest)) continue;
    const announced = numeral === '几' ? null : parseNumeral(numeral);
    if (announced !== null && (announced < 2 || announced > 12)) continue;
    // 1000个以上, 7天, 4月份: quantities, not lists.
    if (/^(以上|以下|左右|多|余|月|年|百分点|次|天)/.test(rest)) continue;
    const after = p.flat[i + whole.length] ?? '';
    const sentenceFinal = after === '' || '。：；！'.includes(after);
    // Read without a converter's pinyin glosses, which stand inside the words (我講(jiǎng)三點, 總結(jié)成三個).
    const clauseBefore = withoutGlosses(p.flat.slice(clauseStartBefore(p.flat, i, '，。；'), i));
    const listy = !['个', '件', '句话', '大', '种', '字', '句', '类', '步', '招', '派'].includes(measure);
    // A cue after the count, in the same sentence: 作如下说明, 分述如下, 作一汇报.
    const sentenceRest = p.flat.slice(i + whole.length, i + whole.length + 60).split(/[。！？；]/)[0];
    // 从四个角度跟大家分享, 从三个方面与大家交流: the speaker turns to the audience with what is counted.
    const cueAfter =
      // 下降到百分之四以下 is “below”, not “as follows”.
      /如下|(?<![\d一二三四五六七八九十百千万%％])以下/.test(rest) ||
      /^[^：]*(分述如下|作[^，。：]{0,4}?(汇报|说明|阐述|发言|交流)|谈谈|讲讲|(跟|和|与|同|向|给)(大家|各位|同志们)[^，。：]{0,4}?(分享|交流|汇报|谈谈|讲讲|聊聊|探讨))/.test(rest + sentenceRest) ||
      // 共有五项议程，下面进行：: the chair's cue to go through them, its colon opening the list.
      /^[^，：]{0,8}，(下面|现在|接下来)(就|逐项|依次|开始|分别)*(进行|宣布|介绍)?：/.test(rest + sentenceRest) ||
      // 从五个方面谈具体要求, 就三个方面的问题讲点意见: the speaker says what he will say, after the count (谈了 looks back).
      /^[^，。：了]{0,6}[谈讲说提](?!了|过|出了)[^，。：了]{0,6}(意见|要求|看法|认识|体会|想法|建议)/.test(rest);
    // 讲两个问题 is a promise too: 个 with a speaking verb and a promising noun.
    // 毛主席所提出六条标准, 中央提出的…: what someone said before, named by a relative clause, is no promise of the speaker's.
    const spoken = SPEAKING_CUE.test(clauseBefore) && !SAID_BEFORE.test(clauseBefore);
    const strong =
      (listy && (spoken || /(以下|如下)$/.test(clauseBefore) || cueAfter)) ||
      (measure === '个' && (spoken || cueAfter) && PROMISE_HEAD.test(rest)) ||
      (measure === '句话' && spoken);
    // 要坚持四项基本原则。 三大攻坚战取得决定性进展。: a count naming a concept, its sentence closed by a full stop,
    // promises nothing, whatever numbered parts follow. A list's count names generic things (三项工作, 三个方面的问题)
    // or a short slogan (“三个吃透”).
    const words = rest.replace(/[”"’]+$/, '');
    const quoted = /[“"]$/.test(prev) && words.length <= 3;
    const namesConcept = NAMING_MEASURES.includes(measure) && words !== '' && !quoted && !GENERIC_COUNTED.test(words);
    // 印象可以总结成三个“没想到”。一是…: a quoted word counted after a summing-up verb may name the points that follow; held to
    // exactly as many, as a name would otherwise be.
    const summedUp = namesConcept && /^[“"]/.test(rest) && SUMMED_UP.test(clauseBefore);
    const named = !strong && after === '。' && namesConcept && !summedUp;
    // 从增加供给和抑制需求两方面采取措施: the count sums up the entries said just before it (same clause);
    // “八个坚持、八个反对”: a quoted formula of several counts is a name. Either promises no list after it, unless exactly as many.
    const exactOnly = !strong && announced !== null && (summedUp || listedBefore(clauseBefore, announced) || quotedFormula(p.flat, i));
    // (谈了三点意见, 刚才…三个方面: said before, not a promise of what follows.)
    const looksBack = /[了过]/.test(rest) || /(刚才|前面|上面|已经)/.test(clauseBefore) || SAID_BEFORE.test(clauseBefore);
    out.push({ flatStart: i, flatEnd: i + whole.length, announced, numeral, measure, strong, listy, looksBack, sentenceFinal, named, namesConcept, exactOnly });
  }
  SLOGAN.lastIndex = 0;
  for (let m = SLOGAN.exec(p.flat); m; m = SLOGAN.exec(p.flat)) {
    const announced = parseNumeral(m[1]);
    if (announced === null || announced < 2 || announced > 12) continue;
    const i = m.index + 1;
    const flatEnd = m.index + m[0].length;
    if (out.some((c) => c.flatStart < flatEnd && c.flatEnd > i)) continue;
    const after = p.flat[flatEnd] ?? '';
    out.push({ flatStart: i, flatEnd: flatEnd - 1, announced, numeral: m[1], measure: '', strong: false, sentenceFinal: after === '' || '。：；！'.includes(after), slogan: true });
  }
  // 其理论依据有二：一是…
  for (const m of p.flat.matchAll(/有([二两三四五六七八九])：/g)) {
    const i = m.index! + 1;
    out.push({ flatStart: i, flatEnd: i + 1, announced: parseNumeral(m[1]), numeral: m[1], measure: '', strong: false, sentenceFinal: true, slogan: true });
  }
  out.sort((x, y) => x.flatStart - y.flatStart);
  // 我再讲三点意见，也是三句话：: one promise said twice in one breath is one announcement.
  return out.filter((c, k) => k === 0 || c.announced === null || out[k - 1].announced !== c.announced || !RESTATES.test(p.flat.slice(out[k - 1].flatEnd, c.flatStart)));
}

const RESTATES = /^[，、]?(也就是|也是|就是|即|亦即)$/;

/**
 * Finds announcements and links each to the list it promises: the first
 * numbered part after it, when that part is number one and sits in the
 * announcement's own section or an enclosing one; then that part's run of
 * siblings of the same family. A list run into the sentence after a colon
 * (有五个层次：生理需要、安全需要…; 两种，一种是…，一种是…) is read there.
 */
export function findAnnouncements(text: string, paragraphs: Paragraph[], roots: Section[]): Announcement[] {
  const parts = walkSections(roots).filter((s) => s.kind === 'part');
  const out: Announcement[] = [];
  const runsByParent = new Map<Section, Map<Section, Section[]>>();
  paragraphs.forEach((p, pi) => {
    // Candidates are read off the paragraph's words alone (flat indexes): kept between versions.
    for (const c of kept(p.results, 'announcement-candidates', () => findCandidates(p))) {
      const start = p.offsets[c.flatStart];
      const end = p.offsets[c.flatEnd - 1] + 1;
      // Parts are in document order (a pre-order walk): the first at or after the phrase.
      const next = parts[firstIndexWhere(parts.length, (k) => parts[k].start >= end)];
      const container = innermost(roots, start);
      let sections: Section[] = [];
      if (next && next.marker!.number === 1 && isAncestorOrSelf(next.parent!, container)) {
        let runs = runsByParent.get(next.parent!);
        if (!runs) runsByParent.set(next.parent!, (runs = new Map(siblingRuns(next.parent!).map((r) => [r[0], r]))));
        sections = runs.get(next) ?? [];
        // A list counts 1, 2, 3…: a number met again (a later 第二步 developing the first) ends it.
        const upTo = sections.findIndex((x, k) => x.marker!.number !== k + 1);
        if (upTo > 0) sections = sections.slice(0, upTo);
      }
      const immediate = sections.length > 0 && followsDirectly(paragraphs, pi, c.flatEnd, sections[0].start);
      // 二、有关主题的两点想法: a count in a heading promises the heading's own parts.
      const heading = container.kind === 'part' && container.marker!.paragraph === pi && p.flat.length <= 40;
      const inHeading = !c.slogan && sections.length > 0 && heading && next.parent === container;
      let items: AnnouncedItem[] = sections.map(itemOf(text));
      let runIn = false;
      // ——甲。——乙。 or ●甲 ●乙: paragraphs opened by one bullet right after the announcement are its parts.
      const bulleted = !immediate && c.sentenceFinal ? bulletedParagraphs(paragraphs, pi, c.flatEnd) : [];
      if (bulleted.length >= 2) {
        items = dropUnlikeTail(bulleted, c.announced, text);
        runIn = true;
      }
      // 附：五大文化建设工程总体要求 / 理念文化：…。环境文化：…: labels opening the sentences of what follows.
      if (!runIn && !immediate && !inHeading && c.announced !== null) {
        const labelled = labelItems(paragraphs, pi, c.announced) ?? (c.sentenceFinal && !c.namesConcept ? parallelParagraphs(paragraphs, pi, c.flatEnd, c.announced) : null);
        if (labelled) {
          items = labelled;
          runIn = true;
        }
      }
      if (!runIn && !inHeading && c.announced !== null && (!immediate || items[items.length - 1].start < p.end)) {
        const listed = runInList(p, c.flatEnd, c.announced, paragraphs[pi + 1], c.measure ? c.numeral + c.measure : '');
        // Numbered parts run into the sentence (1.…；2.…) are read on past a number the outline lost (…共2页7.其他事项).
        if (listed && (!immediate || (listed.length > items.length && listed[0].label === '1.'))) {
          items = listed;
          runIn = true;
        }
      }
      const colonList = immediate && /^[”"」』]?[：，]/.test(p.flat.slice(c.flatEnd, c.flatEnd + 2));
      // 三项中央集权垂直深入到…内部，如何…？第一，…第二，…第三，…: a count naming what its paragraph opens
      // with, and the paragraph's own run of exactly that many parts.
      const ownRun =
        !runIn && !immediate && !c.slogan && c.announced !== null && items.length === c.announced && c.flatStart === 0 &&
        items.every((x) => x.start > start && x.start < p.end);
      // 今年要抓好四个方面的工作。/ 一、…(the page cut off): a count of parts ending its sentence right before a heading numbered one
      // (or its first item run on after it: …三项工作。一是…).
      const first = items[0]?.section?.marker;
      const cutAfterFirst = !!c.listy && !c.looksBack && c.sentenceFinal && items.length === 1 && !!(first?.paragraphStart || first?.afterCount);
      // …今年重点抓好三个方面的工作： and the text ends there (a page cut off right after its announcement): a count of parts
      // ending the speech's last paragraph, or any count ending it with a colon, promises what the page no longer shows.
      // (Only what a promise counts may follow the measure: 三点意见, 三个方面的工作, 三件事 — not 三项工作落地见效, a closing's words.)
      const countWords = p.flat.slice(c.flatStart + c.numeral.length + c.measure.length, c.flatEnd);
      const endsText =
        pi === paragraphs.length - 1 && p.flat.length - c.flatEnd <= 1 && items.length === 0 && !c.named && !c.namesConcept && !c.looksBack && PROMISED_THINGS.test(countWords);
      // (A count the cut itself ends, 强化五项, may be a phrase cut short: said only with its stop.)
      const cutAtAnnouncement = endsText && (p.flat[c.flatEnd] === '：' || (!!c.listy && p.flat[c.flatEnd] === '。'));
      const accepted =
        // 二、全面贯彻“三个代表”重要思想 / 打好四个现代化的第一个战役: a heading naming a concept by its count owns only a list of that many.
        (!(c.exactOnly || (heading && c.namesConcept)) || items.length === c.announced) &&
        (runIn || inHeading || c.strong || ownRun || cutAtAnnouncement || (immediate && !c.named && (items.length >= 2 || (colonList && items.length >= 1) || cutAfterFirst)));
      if (!accepted) continue;
      // A page flattened to one paragraph (thousands of characters, its headings run into the text): parts found
      // inside it fall short only because the reader cannot see where they begin. Say nothing rather than a wrong
      // count; a numbered list run into the sentence (1.…；2.…) is read as it stands.
      if (!runIn && p.flat.length >= FLATTENED_PAGE && c.announced !== null && items.length < c.announced && items.every((x) => x.section && !x.section.marker!.paragraphStart)) continue;
      if (!c.strong && !runIn && !inHeading && !cutAtAnnouncement && items.length < 1) continue;
      // Nothing follows: only a count that ends its sentence promises parts (我强调三点。),
      // not a name in running text (强调坚持四项基本原则但…).
      if (items.length === 0 && !c.sentenceFinal) continue;
      let clauseFrom = clauseStartBefore(p.flat, c.flatStart);
      // 下面，我讲三点意见: a short lead-in clause belongs to the announcement.
      if (clauseFrom > 0 && p.flat[clauseFrom - 1] === '，') {
        const lead = clauseStartBefore(p.flat, clauseFrom - 1);
        if (clauseFrom - 1 - lead <= 4) clauseFrom = lead;
      }
      const fromOffset = sameLine(text, p.offsets[clauseFrom], start) ? p.offsets[clauseFrom] : start;
      out.push({
        start: fromOffset,
        end,
        text: text.slice(fromOffset, end),
        announced: c.announced,
        numeral: c.numeral,
        items,
        paragraph: pi,
      });
    }
  });
  // 大体上有四种类型：一是…二是…。在这两大类之间，还有两类：一类是…另一类是…: a later count in the same paragraph
  // that says 还有 adds its entries to a list that fell short of its count by just that many.
  for (const [k, a] of out.entries()) {
    if (a.announced === null || !a.items.length || a.items.length >= a.announced) continue;
    const last = a.items[a.items.length - 1].start;
    // (Read in the paragraph's normalized words: 還有 is 还有.)
    const p = paragraphs[a.paragraph];
    const more = out.slice(k + 1).find((b) => b.paragraph === a.paragraph && b.start > last && MORE_OF.test(p.flat.slice(flatIndexAt(p, b.start))));
    if (more && a.items.length + more.items.length === a.announced) a.items = [...a.items, ...more.items];
  }
  return out;
}

// What a count that promises parts may count, after its measure word: 三点意见, 三个方面的工作, 三件事, 两点.
const PROMISED_THINGS = /^(的)?(意见|要求|工作|问题|建议|任务|重点|措施|举措|事|事情|看法|体会|想法|认识|内容|希望|考虑)?$/;

// A count of what comes on top of a list just given: 还有两类, 另有一种, 此外还有三项.
const MORE_OF = /^(还有|另有|另外还有|此外还有)[一二三四五六七八九十两]/;

// What opens a bulleted paragraph: a dash (——甲。), a bullet a web page or Word list leaves (● ■ ◆ ▲ ★ • ➢ Ø,
// Wingdings glyphs in the private-use area), or a Markdown list item (- * +).
const BULLET = /^(——|—|[•●■□◆◇▲△★☆◎○√✓✔▪►▶➢➤Ø·\uf000-\uf0ff]|[-*+](?= ))\s*/;

// A bulleted head is a short line of one sentence; a few paragraphs of body may stand under each.
const BULLET_HEAD = 30;
const BODY_UNDER_HEAD = 6;
// Where the bulleted parts have surely ended: a numbered heading or a salutation opening a closing paragraph.
const PART_START = /^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|同志们[，！]|各位)/;

/** Paragraphs right after the announcement, each opened by the same bullet: its parts. */
function bulletedParagraphs(paragraphs: Paragraph[], pi: number, flatEnd: number): AnnouncedItem[] {
  if (paragraphs[pi].flat.length - flatEnd > 2) return [];
  const bullet = BULLET.exec(paragraphs[pi + 1]?.flat ?? '')?.[1];
  if (!bullet) return [];
  const out: AnnouncedItem[] = [];
  // Short bulleted lines (——提高认识。) may head parts with their own paragraphs under them: a few
  // paragraphs between two such heads do not end the list; a long bulleted paragraph or a numbered heading does.
  const isHead = (p: Paragraph, m: RegExpExecArray) => p.flat.length - m[0].length <= BULLET_HEAD && !/[。；！？](?!$)/.test(p.flat.slice(m[0].length));
  let headsOnly = true;
  let between = 0;
  for (let k = pi + 1; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    const m = BULLET.exec(p.flat);
    if (!m) {
      if (!headsOnly || out.length === 0 || ++between > BODY_UNDER_HEAD || PART_START.test(p.flat)) break;
      continue;
    }
    // Another bullet between the items is a list nested in one of them.
    if (m[1] !== bullet) continue;
    // After body paragraphs, only another short head continues the list.
    if (between > 0 && !isHead(p, m)) break;
    between = 0;
    headsOnly &&= isHead(p, m);
    const stop = p.flat.slice(m[0].length).search(/[。；！？]/);
    const nameEnd = p.offsets[Math.min(p.flat.length, m[0].length + (stop < 0 ? 40 : Math.min(stop, 40))) - 1] + 1;
    out.push({ start: p.start, nameStart: p.offsets[0], nameEnd, label: bullet, section: null });
  }
  return out;
}

/**
 * ——突出抓项目。——突出抓民生。——突出抓生态。——这是大家共同奋斗的结果！: when the announced number of bulleted
 * lines open alike (their first two characters) and the ones after them do not, those are the speaker's own words.
 */
function dropUnlikeTail(items: AnnouncedItem[], announced: number | null, text: string): AnnouncedItem[] {
  if (announced === null || announced < 2 || items.length <= announced) return items;
  const opening = (x: AnnouncedItem) => text.slice(x.nameStart, x.nameEnd).replace(BULLET, '').slice(0, 2);
  const shared = opening(items[0]);
  if (shared.length < 2 || !items.slice(1, announced).every((x) => opening(x) === shared)) return items;
  return items.slice(announced).some((x) => opening(x) === shared) ? items : items.slice(0, announced);
}

function itemOf(text: string): (s: Section) => AnnouncedItem {
  return (s) => ({ start: s.start, nameStart: s.nameStart, nameEnd: s.nameEnd, label: text.slice(s.marker!.start, s.marker!.end), section: s });
}

// Entries of a pair that are not ordinals: 一种是…，一种是… / 一类是…，另一类是… / 一是…，一是….
// An explicit ordinal (第一个…，第二条是…) needs no 是 after it.
const ONE_OF = '一(?:种|类|个|层|方面|条)';
const PAIR_ENTRY = new RegExp(`(?:^|[，；。])((?:还有|另|再)?${ONE_OF}?[^，；。]{0,8}?(?:是|为|：)|第[一二](?:种|类|个|条)[^，；。]{0,8}?(?:是|为|：)?)`, 'g');
// …三种倾向。有的同志…；有的同志…；有的同志…: in the sentences after a count that ended its own, 有的 opens entries too.
const SOME_ENTRY = /(?:^|[，；。])(有的)/g;
// 我强调两点。一个是…，一个是…: a pair's entries may open the sentence after a count that ended its own.
const PAIR_OPENS = new RegExp(`^[另再]?${ONE_OF}[^，；。]{0,8}?(?:是|为)|^有的`);

/**
 * A list run into the announcing sentence: after the count, a colon or comma
 * (or 即, 具体指) and then entries up to the sentence's end. Entries without
 * markers are trusted only when their number is the number announced.
 */
// A run-in label: a short name opening a sentence, then a colon (not a quotation: 指出：“).
const SENTENCE_LABEL = /(?:^|[。！？])([\p{Script=Han}“”《》]{2,16})：(?![“"])/gu;

/**
 * An announcement that is a line of its own (a heading or 附： title, no sentence end), and the next
 * paragraph opening exactly that many sentences with a label: the labels are the parts.
 */
function labelItems(paragraphs: Paragraph[], pi: number, announced: number): AnnouncedItem[] | null {
  const p = paragraphs[pi];
  const next = paragraphs[pi + 1];
  if (!next || p.flat.length > 40 || /[。！？；，]/.test(p.flat.replace(/[。！？]$/, ''))) return null;
  const labels: AnnouncedItem[] = [];
  SENTENCE_LABEL.lastIndex = 0;
  for (let m = SENTENCE_LABEL.exec(next.flat); m; m = SENTENCE_LABEL.exec(next.flat)) {
    const a = m.index + m[0].length - m[1].length - 1;
    labels.push({ start: next.offsets[a], nameStart: next.offsets[a], nameEnd: next.offsets[a + m[1].length - 1] + 1, label: '', section: null });
  }
  return labels.length === announced && announced >= 2 && labels[0].start === next.start ? labels : null;
}

// What opens an item of its own: a marker, a salutation or a closing (then the parallel run has ended).
const NOT_PARALLEL = /^(第[一二三四五六七八九十]|[一二三四五六七八九十]{1,3}[、是要]|[（(]|\d|首先|其次|再次|最后|其[一二三四]|同志们|总之|总的来说)/;
// A one-character lead the parts of a requirement share (要…，要…；抓…，抓…): a longer shared lead may be any words (坚持…, 加强…).
const PARALLEL_LEAD = '要抓把让以用靠做在从向对';

/**
 * 我提三点要求：/ 要提高认识。…/ 要加强领导。…/ 要狠抓落实。…: paragraphs right after the announcement, unnumbered,
 * each opening with the same lead (要, 坚持, 加强…), exactly as many as announced, the paragraph after them opening
 * otherwise. Read only at exactly the count: a different number is too weak a reading to say anything by.
 */
function parallelParagraphs(paragraphs: Paragraph[], pi: number, flatEnd: number, announced: number): AnnouncedItem[] | null {
  if (paragraphs[pi].flat.length - flatEnd > 8 || announced < 2) return null;
  const first = paragraphs[pi + 1]?.flat ?? '';
  if (NOT_PARALLEL.test(first)) return null;
  // The lead: the first two characters when the next paragraph opens with them too, else the first when it is a verb of requirement.
  const second = paragraphs[pi + 2]?.flat ?? '';
  const lead = first.length >= 2 && second.startsWith(first.slice(0, 2)) && /^\p{Script=Han}{2}$/u.test(first.slice(0, 2)) ? first.slice(0, 2) : PARALLEL_LEAD.includes(first[0]) ? first[0] : '';
  if (!lead) return null;
  const out: AnnouncedItem[] = [];
  for (let k = pi + 1; k < paragraphs.length && out.length <= announced; k++) {
    const p = paragraphs[k];
    if (!p.flat.startsWith(lead) || p.flat.length < 8) break;
    const stop = p.flat.search(/[。；！？，]/);
    if (stop < 0 || stop > 30) break;
    out.push({ start: p.start, nameStart: p.offsets[0], nameEnd: p.offsets[stop - 1] + 1, label: '', section: null });
  }
  return out.length === announced ? out : null;
}

function runInList(p: Paragraph, flatEnd: number, announced: number, next?: Paragraph, count = ''): AnnouncedItem[] | null {
  const flat = p.flat;
  // 那两句话：“ at the end of a paragraph: the words follow in the next one (敌人一天天烂下去，我们一天天好起来。).
  // (A salutation or a closing call opening the next paragraph is no list: 同志们，让我们共同努力，…！)
  if (next && /^[^。！？]{0,12}：[“"]?\s*$/.test(flat.slice(flatEnd)) && next.flat.length <= 120 && !/^(同志们|各位|让我们)/.test(next.flat)) {
    const inner = next.flat.replace(/^[“"]/, '').replace(/[。！？]?[”"]?[。！？]?$/, '');
    const lead = next.flat.length - next.flat.replace(/^[“"]/, '').length;
    for (const split of splitEntries(inner)) {
      if (split.length !== announced || split.some(([a, b]) => b - a < 2 || b - a > 60)) continue;
      return split.map(([a, b]) => ({ start: next.offsets[lead + a], nameStart: next.offsets[lead + a], nameEnd: next.offsets[lead + b - 1] + 1, label: '', section: null }));
    }
    return null;
  }
  const sentenceEnd = (() => {
    for (let k = flatEnd; k < Math.min(flat.length, flatEnd + 400); k++) if ('。！？'.includes(flat[k])) return k;
    return Math.min(flat.length, flatEnd + 400);
  })();
  // Where the list starts: a colon later in the sentence, or right after the count.
  let from = -1;
  // Plain commas after the count admit only entries that mark themselves (一种是…).
  let marked = false;
  const quoted = flat[flatEnd] === '”' || flat[flatEnd] === '"';
  const colon = flat.indexOf('：', flatEnd);
  let end = sentenceEnd;
  if (colon >= 0 && colon < sentenceEnd && (!quoted || colon === flatEnd + 1)) from = colon + 1;
  else if (sentenceEnd === flatEnd && PAIR_OPENS.test(flat.slice(flatEnd + 1, flatEnd + 12))) {
    // Only entries that mark themselves, up to the paragraph's end.
    from = flatEnd + 1;
    end = flat.length;
    marked = true;
  }
  else if (!quoted) {
    const m = /^[^，；]{0,12}?[，；](即|具体指|具体是|分别是|分别为|就是)?：?/.exec(flat.slice(flatEnd, sentenceEnd));
    if (m) {
      from = flatEnd + m[0].length;
      marked = !m[1];
    }
  }
  if (from < 0 || from >= end) return null;
  const body = flat.slice(from, end);
  if (body.length < 2) return null;
  const toItem = (a: number, b: number, label = ''): AnnouncedItem => ({
    start: p.offsets[from + a],
    nameStart: p.offsets[from + a],
    nameEnd: p.offsets[Math.max(from + a, from + b - 1)] + 1,
    label,
    section: null,
  });
  // Pairs and the like: each entry opens with 一种是 / 一类是 ….
  const pairs: number[] = [];
  const entry = end > sentenceEnd && body.startsWith('有的') ? SOME_ENTRY : PAIR_ENTRY;
  entry.lastIndex = 0;
  for (let m = entry.exec(body); m; m = entry.exec(body)) pairs.push(m.index + (m[0].length - m[1].length));
  if (pairs.length >= 2 && pairs[0] === 0) {
    if (pairs.length !== announced) return null;
    return pairs.map((a, i) => toItem(a, Math.min(pairs[i + 1] ?? body.length, a + 40) - (pairs[i + 1] !== undefined ? 1 : 0)));
  }
  // 两个“双培养”制度，一个“双培养”为…。……第二个“双培养”是…: the second of a pair may come sentences later in the paragraph.
  if (pairs.length === 1 && pairs[0] === 0 && announced === 2) {
    const later = /[，；。！？](另一(?:种|类|个|方面|条)|第二(?:种|类|个|条))[^，；。]{0,8}?(?:是|为|：)/.exec(flat.slice(sentenceEnd));
    if (later) {
      const a = sentenceEnd + later.index + 1;
      return [toItem(0, Math.min(body.length, 40)), { start: p.offsets[a], nameStart: p.offsets[a], nameEnd: p.offsets[Math.min(flat.length, a + 40) - 1] + 1, label: '', section: null }];
    }
  }
  if (marked) return null;
  // 1.…；2.…；3.…: entries that number themselves are the list, however many the count said.
  const numbered = numberedEntries(body);
  if (numbered) return numbered.map(([a, b], i) => toItem(a, b, `${i + 1}.`));
  // 具体指甲，乙，丙三项试点工作: the count said again closes the list (its last entry ends there).
  const echo = count.length >= 2 ? body.indexOf(count) : -1;
  if (echo > 0) {
    for (const split of splitEntries(body.slice(0, echo))) {
      if (split.length === announced && split.every(([a, b]) => b - a >= 2 && b - a <= 60)) return split.map(([a, b]) => toItem(a, b));
    }
  }
  // Unmarked entries: split on ；, else on 、 (the last joined by 和/以及/及), else on ，.
  for (const split of splitEntries(body)) {
    if (split.length !== announced) continue;
    if (split.some(([a, b]) => b - a < 1 || b - a > 60)) continue;
    return split.map(([a, b]) => toItem(a, b));
  }
  return null;
}

/**
 * A run-in list numbered 1. 2. 3. (or 1、 2、), from the body's start: each next number is looked for
 * after the last, wherever it stands (a page footer pasted in before 7. does not hide it); at least two.
 */
function numberedEntries(body: string): [number, number][] | null {
  if (!/^1[.．、](?!\d)/.test(body)) return null;
  const starts = [0];
  for (let n = 2; n <= 20; n++) {
    const m = new RegExp(`(?<!\\d)${n}[.．、](?!\\d)`).exec(body.slice(starts[starts.length - 1] + 2));
    if (!m) break;
    starts.push(starts[starts.length - 1] + 2 + m.index);
  }
  if (starts.length < 2) return null;
  return starts.map((a, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : body.length;
    // The entry's words: after its number, up to its clause end.
    const from = a + String(i + 1).length + 1;
    const stop = body.slice(from, end).search(/[；，。]/);
    return [a, stop < 0 ? end : from + stop] as [number, number];
  });
}

/** Ways to read a run-in list as entries, most certain first, as [start, end) pairs. */
function splitEntries(body: string): [number, number][][] {
  const by = (sep: string, text: string, base = 0): [number, number][] => {
    const out: [number, number][] = [];
    let a = 0;
    let depth = 0;
    for (let k = 0; k <= text.length; k++) {
      const ch = text[k];
      if (ch === '“' || ch === '（' || ch === '《') depth++;
      else if (ch === '”' || ch === '）' || ch === '》') depth = Math.max(0, depth - 1);
      if (k === text.length || (depth === 0 && sep.includes(ch))) {
        if (k > a) out.push([base + a, base + k]);
        a = k + 1;
      }
    }
    return out;
  };
  if (body.includes('；')) return [by('；', body)];
  const ways: [number, number][][] = [];
  if (body.includes('、')) {
    const plain = by('、', body);
    ways.push(plain);
    const [la, lb] = plain[plain.length - 1];
    const last = body.slice(la, lb);
    for (const conj of ['以及', '和', '及']) {
      const k = last.indexOf(conj);
      // 发展和安全、速度和质量: a conjunction inside every entry joins words, not entries.
      if (plain.slice(0, -1).some(([a, b]) => body.slice(a, b).includes(conj))) continue;
      if (k > 0 && k + conj.length < last.length) {
        ways.push([...plain.slice(0, -1), [la, la + k], [la + k + conj.length, lb]]);
        break;
      }
    }
  }
  const commas = by('，', body);
  ways.push(commas);
  // 即坚持…，坚持…，坚持…，是…: parallel entries share their opening; the sentence goes on after them.
  for (let n = commas.length - 1; n >= 2; n--) {
    const head = body.slice(commas[0][0], commas[0][0] + 2);
    if (commas.slice(0, n).every(([a]) => body.startsWith(head, a)) && !body.startsWith(head, commas[n][0])) {
      ways.push(commas.slice(0, n));
      break;
    }
  }
  // 两个层面：外显的物质环境和内隐的精神环境
  if (commas.length === 1) {
    const k = body.indexOf('和');
    if (k > 0 && k < body.length - 1 && body.indexOf('和', k + 1) < 0) ways.push([[0, k], [k + 1, body.length]]);
  }
  return ways;
}

/** Where the clause holding index i starts: after the nearest break, looking back a bounded way. */
function clauseStartBefore(flat: string, i: number, breaks = '，。；：！？'): number {
  const stop = Math.max(0, i - 200);
  for (let k = i - 1; k >= stop; k--) if (breaks.includes(flat[k])) return k + 1;
  return stop;
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(a, b).includes('\n');
}

function innermost(roots: Section[], offset: number): Section {
  let best = sectionAt(roots, offset) ?? roots[0];
  for (;;) {
    const child = sectionAt(best.children, offset);
    if (!child) return best;
    best = child;
  }
}

function isAncestorOrSelf(a: Section, b: Section): boolean {
  for (let s: Section | null = b; s; s = s.parent) if (s === a) return true;
  return false;
}

/** The list starts right after the announcing sentence: same paragraph, or the next one. */
function followsDirectly(paragraphs: Paragraph[], pi: number, flatEnd: number, itemStart: number): boolean {
  const p = paragraphs[pi];
  if (itemStart < p.end) {
    const between = p.flat.slice(flatEnd, flatIndexAt(p, itemStart));
    return /^[”"」』]?[。：；！，]?\s*(即|就是|分别是|具体是)?：?\s*$/.test(between);
  }
  const rest = p.flat.slice(flatEnd, flatEnd + 4);
  return p.flat.length - flatEnd <= 4 && /^[”"」』]?[。：；！]?\s*$/.test(rest) && paragraphs[pi + 1]?.start === itemStart;
}

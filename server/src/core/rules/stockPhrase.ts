import type { Finding, Rule } from '../rule';
import { option } from '../rule';
import { findStockPhrases, StockPhrase, StockPhraseMatcher } from '../stockPhrases';
import { Section, sectionAt, topHeadings } from '../outline';

export const stockPhrase: Rule = {
  meta: {
    id: 'stock-phrase',
    defaultSeverity: 'hint',
    title: '套话与过时提法',
    description:
      '套话是一种度量，不是错误：词典里的空话套话、口号堆砌、开头结尾程式默认只作淡色提示（不进问题面板），全文与各部分的每千字密度见大纲、悬停、状态栏和 jianggao stats。只有听众听得出来的才警告：同一短语在约 500 字之内出现达到设定次数（默认 4 次），段首或分句开头的排比、引语、口号和政策名称不算；过时提法按讲话日期判断（标题、署名或日期行中的日期，阿拉伯数字或“二〇二〇年十二月八日”这样的汉字；没有则取文中说到两次以上的最晚年份的年初——“到2035年”之类的目标、“2011-2020年”这样的区间终点、以年份命名的活动不算——只说到一次的再取最晚的；网页信息栏有发布日期时，取文中说到的、不晚于发布年份的最晚年份（纪念讲话反复说到历史年份）；文中不说年份才取发布日期（转载的范文常晚于讲话多年）；再没有则按今天；正文里叙述历史的日期不算讲话日期；.jianggao.json 可设 speechDate），讲述过去的“打赢了”“如期打赢”不算。',
    options: { overuse: 4, window: 500 },
  },
  check(doc, ctx) {
    const matcher = ctx.resources.stockPhrases as StockPhraseMatcher | undefined;
    if (!matcher) return [];
    const overuse = option<number>(ctx, stockPhrase.meta, 'overuse');
    const window = option<number>(ctx, stockPhrase.meta, 'window');
    const matches = findStockPhrases(doc, matcher);
    // A phrase that opens every paragraph it is in is a refrain (排比), not overuse.
    const refrain = new Map<string, boolean>();
    for (const m of matches) refrain.set(m.entry.phrase, (refrain.get(m.entry.phrase) ?? true) && m.opensParagraph);
    const parts = topHeadings(doc.speeches);
    const partNames = new Map<Section, string>();
    const quoted = quotedRanges(doc.text);
    // A phrase's recent places, counted within one speech: matches come in text order, a speech's together.
    let recent = new Map<string, { at: number; opensClause: boolean }[]>();
    let speech: Section | undefined | null = null;
    return matches.map((m): Finding => {
      const e = m.entry;
      const part = sectionAt(parts, m.start);
      const written = doc.text.slice(m.start, m.end);
      // What a listener hears: the same phrase again and again within a short stretch.
      let cluster = 0;
      if (!refrain.get(e.phrase) && e.category !== '口号堆砌' && !inQuotation(doc.text, quoted, m.start)) {
        const here = sectionAt(doc.speeches, m.start);
        if (here !== speech) {
          speech = here;
          recent = new Map();
        }
        let near = recent.get(e.phrase);
        if (!near) recent.set(e.phrase, (near = []));
        let gone = 0;
        while (gone < near.length && m.start - near[gone].at > window) gone++;
        if (gone) near.splice(0, gone);
        near.push({ at: m.start, opensClause: m.opensParagraph || CLAUSE_BREAK.includes(doc.text[m.start - 1]) });
        cluster = near.length;
        // …，不断提高A的能力；…，不断提高B的能力: each time opening a clause, the phrase is the parallel clauses' refrain (排比).
        if (near.every((x) => x.opensClause)) cluster = 0;
      }
      const over = cluster >= overuse;
      const obsolete = e.obsoleteSince !== null && ctx.speechDate() >= e.obsoleteSince && !pastTense(doc.norm, m.start, m.end);
      // The note (why) is in the hover; the Problems panel gets a short line.
      let message = messageOf(e, written);
      if (over) message = `“${written}”在约 ${window} 字内出现了 ${cluster} 次，听众听得出重复。` + message;
      let partName: string | null = null;
      if (part) {
        partName = partNames.get(part) ?? null;
        if (partName === null) partNames.set(part, (partName = doc.text.slice(part.nameStart, part.nameEnd)));
      }
      return {
        start: m.start,
        end: m.end,
        message,
        severity: over || obsolete ? 'warning' : undefined,
        data: {
          phrase: e.phrase,
          category: e.category,
          source: e.source,
          part: partName,
          ...(e.obsoleteSince ? { speechDate: ctx.speechDate() } : {}),
        },
        ...(e.alternatives.length ? { fixes: e.alternatives.map((alt) => ({ title: `“${written}”改为“${alt}”`, start: m.start, end: m.end, newText: alt })) } : {}),
      };
    });
  },
};

// What ends the clause before a phrase that opens one.
const CLAUSE_BREAK = '，；：。！？';

// A phrase's message as written in a draft, made once per dictionary entry and wording (the same thousands every keystroke).
const messages = new WeakMap<StockPhrase, Map<string, string>>();
function messageOf(e: StockPhrase, written: string): string {
  let byWriting = messages.get(e);
  if (!byWriting) messages.set(e, (byWriting = new Map()));
  let message = byWriting.get(written);
  if (message === undefined) {
    message = `${e.category}“${written}”${e.obsoleteSince ? `（${e.obsoleteSince} 起不再使用）` : ''}`;
    if (e.alternatives.length) message += `，可改为：${e.alternatives.join('、')}`;
    byWriting.set(written, message);
  }
  return message;
}

/** Offsets of “…” spans, found once: a quotation keeps the words it quotes. */
function quotedRanges(text: string): number[] {
  const out: number[] = [];
  let open = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x201c) open = k;
    else if (c === 0x201d && open >= 0) {
      out.push(open, k);
      open = -1;
    } else if (c === 10 && open >= 0 && k - open > 2000) open = -1;
  }
  return out;
}

function inQuotation(text: string, quoted: number[], at: number): boolean {
  // quoted holds [open, close] pairs in order: binary search for the last open at or before `at`.
  let lo = 0;
  let hi = quoted.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quoted[mid * 2] <= at) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && at <= quoted[(lo - 1) * 2 + 1]) return true;
  // After 指出/强调/要求 and a colon, the rest of the sentence is quoted speech.
  const before = text.slice(Math.max(0, at - 60), at);
  return /(指出|强调|要求|说|讲)[：:][^。！？]*$/.test(before);
}

/** 已经打赢脱贫攻坚战, 打赢脱贫攻坚战以来: a past achievement reported as history keeps its name. */
function pastTense(text: string, start: number, end: number): boolean {
  // 党的十八大以来，我们…打赢脱贫攻坚战…: a sentence that looks back.
  const sentence = text.slice(Math.max(0, start - 120), start).split(/[。！？\n]/).pop() ?? '';
  if (/以来|回顾|过去|年来|那时|当年|曾经/.test(sentence)) return true;
  const before = text.slice(Math.max(0, start - 8), start);
  // 如期打赢脱贫攻坚战 among a year's achievements; 确保如期打赢… is still a goal.
  if (/如期$/.test(before) && !/(确保|要|必须|坚决|努力|力争|争取|能否|能够)如期$/.test(before)) return true;
  return /(已经|已|曾|曾经|成功|胜利)[^，。；！？]{0,2}$/.test(before.slice(-6)) || /^(了|以来|之后|后，)/.test(text.slice(end, end + 3));
}

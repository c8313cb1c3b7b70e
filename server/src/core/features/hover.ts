// Hover text for a position, read off the document model.

import type { SpeechDocument } from '../document';
import { guessPlaceholderMeaning } from '../rules/placeholder';
import { findStockPhrases, StockPhraseMatcher } from '../stockPhrases';
import { sectionAt, topHeadings } from '../outline';
import { charsBetween, minutes, per1000, topPhrases } from './stats';

export interface HoverResult {
  start: number;
  end: number;
  /** Markdown. */
  contents: string;
}

export function hoverAt(doc: SpeechDocument, offset: number, stockPhrases?: StockPhraseMatcher): HoverResult | null {
  const a = doc.announcements.find((x) => x.start <= offset && offset <= x.end);
  if (a) {
    const found = a.items.length;
    const head =
      a.announced === null
        ? `**宣布“几点”**：数量不定，其后找到 ${found} 点。`
        : a.announced === found
          ? `**宣布 ${a.announced} 点，找到 ${found} 点** ✓`
          : `**宣布 ${a.announced} 点，实际找到 ${found} 点** ⚠`;
    const items = a.items.map((s, i) => `${i + 1}. ${doc.text.slice(s.nameStart, s.nameEnd)}`);
    return { start: a.start, end: a.end, contents: [head, '', ...items].join('\n') };
  }
  const p = doc.placeholders.find((x) => x.start <= offset && offset <= x.end);
  if (p) {
    const meaning = guessPlaceholderMeaning(doc.text, p.start, p.end);
    return {
      start: p.start,
      end: p.end,
      contents: `**未填写的占位符** \`${p.text}\`\n\n按上下文，此处应填：**${meaning}**。用“下一个占位符”（Ctrl+Alt+N）逐个定位填写。`,
    };
  }
  // On a main part's heading: its length, speaking time and stock-phrase density.
  const heading = topHeadings(doc.speeches).find((h) => h.nameStart <= offset && offset <= h.nameEnd);
  if (heading) {
    const chars = charsBetween(doc, heading.start, heading.end);
    const inPart = stockPhrases ? findStockPhrases(doc, stockPhrases).filter((x) => x.start >= heading.start && x.start < heading.end) : [];
    const top = topPhrases(inPart, 3).map((t) => `${t.phrase}×${t.count}`).join('、');
    const lines = [`**${doc.text.slice(heading.nameStart, heading.nameEnd)}**`, '', `本部分 ${chars} 字，约 ${minutes(chars)} 分钟；套话 ${inPart.length} 处，每千字 ${per1000(inPart.length, chars)}${top ? `（${top}）` : ''}。`];
    return { start: heading.nameStart, end: heading.nameEnd, contents: lines.join('\n') };
  }
  if (stockPhrases) {
    const matches = findStockPhrases(doc, stockPhrases);
    const m = matches.find((x) => x.start <= offset && offset <= x.end);
    if (m) {
      const e = m.entry;
      const same = matches.filter((x) => x.entry === e).length;
      const perK = per1000(matches.length, doc.compact.text.length);
      const lines = [
        `**${e.category}**：${doc.text.slice(m.start, m.end)}${e.obsoleteSince ? `（${e.obsoleteSince} 起不再使用）` : ''}`,
        '',
        e.note,
      ];
      if (e.alternatives.length) lines.push('', `可改为：${e.alternatives.map((a) => `“${a}”`).join('、')}`);
      // The part's density next to the document's: where the padding sits.
      const part = sectionAt(topHeadings(doc.speeches), m.start);
      const partNote = part
        ? `；本部分（${doc.text.slice(part.nameStart, part.nameEnd).slice(0, 12)}）${per1000(matches.filter((x) => x.start >= part.start && x.start < part.end).length, charsBetween(doc, part.start, part.end))} 处/千字`
        : '';
      lines.push('', `本篇出现 ${same} 次；全文套话密度 ${perK} 处/千字${partNote}。来源：${e.source}`);
      return { start: m.start, end: m.end, contents: lines.join('\n') };
    }
  }
  return null;
}

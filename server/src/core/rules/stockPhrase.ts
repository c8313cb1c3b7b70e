import type { Finding, Rule } from '../rule';
import { option } from '../rule';
import { findStockPhrases, StockPhraseMatcher } from '../stockPhrases';
import { Section, sectionAt, topHeadings } from '../outline';

/** Stock phrases per 1,000 characters of speech text. */
export function density(count: number, chars: number): number {
  return chars === 0 ? 0 : Math.round((count / chars) * 10000) / 10;
}

export const stockPhrase: Rule = {
  meta: {
    id: 'stock-phrase',
    defaultSeverity: 'information',
    title: '套话与过时提法',
    description:
      '标出词典中的空话套话、口号堆砌、开头结尾程式和过时提法，给出全文与各部分每千字的套话密度；同一短语在一篇讲话中超过设定次数（默认 3 次）时，多出的各处升为警告（每次都用作段首的排比句不算）。词典可由团队扩充或停用条目。',
    options: { overuse: 3 },
  },
  check(doc, ctx) {
    const matcher = ctx.resources.stockPhrases as StockPhraseMatcher | undefined;
    if (!matcher) return [];
    const overuse = option<number>(ctx, stockPhrase.meta, 'overuse');
    const matches = findStockPhrases(doc, matcher);
    const docDensity = density(matches.length, doc.compact.text.length);
    const seen = new Map<string, number>();
    // A phrase that opens every paragraph it is in is a refrain (排比), not overuse.
    const paragraphStarts = new Set(doc.paragraphs.map((p) => p.start));
    const refrain = new Map<string, boolean>();
    for (const m of matches) refrain.set(m.entry.phrase, (refrain.get(m.entry.phrase) ?? true) && paragraphStarts.has(m.start));
    const parts = topHeadings(doc.speeches);
    const partOf = matches.map((m) => sectionAt(parts, m.start) ?? null);
    const partCounts = new Map<Section, number>();
    const partChars = new Map<Section, number>();
    const charsOf = (part: Section) => {
      let n = partChars.get(part);
      if (n === undefined) partChars.set(part, (n = doc.text.slice(part.start, part.end).replace(/\s/g, '').length));
      return n;
    };
    for (const part of partOf) if (part) partCounts.set(part, (partCounts.get(part) ?? 0) + 1);
    return matches.map((m, i): Finding => {
      const e = m.entry;
      const n = (seen.get(e.phrase) ?? 0) + 1;
      seen.set(e.phrase, n);
      const part = partOf[i];
      const partDensity = part ? density(partCounts.get(part) ?? 0, charsOf(part)) : null;
      const written = doc.text.slice(m.start, m.end);
      const over = n > overuse && !refrain.get(e.phrase);
      const obsolete = e.obsoleteSince ? `（${e.obsoleteSince} 起不再使用）` : '';
      // The note (why) is in the hover; the Problems panel gets a short line.
      let message = `${e.category}“${written}”${obsolete}`;
      if (e.alternatives.length) message += `，可改为：${e.alternatives.join('、')}`;
      if (over) message = `“${written}”在本篇已出现 ${n} 次（超过 ${overuse} 次）。` + message;
      return {
        start: m.start,
        end: m.end,
        message,
        severity: over || e.obsoleteSince ? 'warning' : undefined,
        data: {
          phrase: e.phrase,
          category: e.category,
          source: e.source,
          occurrence: n,
          density: docDensity,
          partDensity,
          part: part ? doc.text.slice(part.nameStart, part.nameEnd) : null,
        },
        fixes: e.alternatives.map((alt) => ({ title: `改为“${alt}”`, start: m.start, end: m.end, newText: alt })),
      };
    });
  },
};

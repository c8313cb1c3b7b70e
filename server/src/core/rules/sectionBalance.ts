import type { Finding, Rule } from '../rule';
import { option } from '../rule';
import { siblingRuns, walkSections } from '../outline';

export const sectionBalance: Rule = {
  meta: {
    id: 'section-balance',
    defaultSeverity: 'information',
    title: '并列部分篇幅悬殊',
    description: '并列的各部分篇幅应大体均衡。最长一部分超过最短一部分的若干倍（默认 3 倍）时提示，指出最长和最短的部分。',
    options: { ratio: 3 },
  },
  check(doc, ctx) {
    const ratio = option<number>(ctx, sectionBalance.meta, 'ratio');
    const out: Finding[] = [];
    const size = (start: number, end: number) => doc.text.slice(start, end).replace(/\s/g, '').length;
    for (const parent of walkSections(doc.speeches)) {
      for (const run of siblingRuns(parent)) {
        const parts = run.filter((s) => s.marker!.paragraphStart);
        if (parts.length < 2) continue;
        const sized = parts.map((s) => ({ s, n: size(s.start, s.end) }));
        const longest = sized.reduce((a, b) => (b.n > a.n ? b : a));
        const shortest = sized.reduce((a, b) => (b.n < a.n ? b : a));
        if (shortest.n === 0 || longest.n / shortest.n <= ratio) continue;
        const name = (x: typeof longest) => doc.text.slice(x.s.marker!.start, x.s.nameEnd);
        out.push({
          start: shortest.s.nameStart,
          end: shortest.s.nameEnd,
          message: `并列部分篇幅悬殊：最长的“${name(longest)}”约${longest.n}字，最短的“${name(shortest)}”约${shortest.n}字，相差${(longest.n / shortest.n).toFixed(1)}倍（阈值${ratio}倍）。`,
          data: { longest: longest.n, shortest: shortest.n, ratio },
          related: [{ start: longest.s.nameStart, end: longest.s.nameEnd, message: `最长部分（${longest.n}字）` }],
        });
      }
    }
    return out;
  },
};

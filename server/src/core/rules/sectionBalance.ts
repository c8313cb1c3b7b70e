import type { Finding, Rule } from '../rule';
import { option } from '../rule';
import { siblingRuns } from '../outline';
import { countNonSpace } from '../text';



export const sectionBalance: Rule = {
  meta: {
    id: 'section-balance',
    defaultSeverity: 'hint',
    title: '并列部分篇幅悬殊',
    description:
      '讲话的几个主体部分（同一列一、二、三、，至少三部分）篇幅应大体均衡。最长一部分超过最短一部分的若干倍（默认 4 倍）时给出淡色提示（篇幅是度量，已发表的讲话也常有长短，故默认不进问题面板，可在设置里调高级别），指出最长和最短的部分。最后一部分不计其后的结束语（同志们，……）、附件和问答；小标题下的细目、段内的一是二是不比较。',
    options: { ratio: 4 },
  },
  check(doc, ctx) {
    const ratio = option<number>(ctx, sectionBalance.meta, 'ratio');
    const out: Finding[] = [];
    const size = (start: number, end: number) => countNonSpace(doc.text, start, end);
    // Only the main parts of a speech are certain enough to compare.
    for (const parent of doc.speeches) {
      for (const run of siblingRuns(parent)) {
        const parts = run.filter((s) => s.marker!.paragraphStart && s.marker!.level !== null);
        if (parts.length < 3 || parts.length !== run.length) continue;
        // The last part ends where the closing begins (the outline cuts it there).
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

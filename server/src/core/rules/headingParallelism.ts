import type { Finding, Rule } from '../rule';
import { siblingRuns, walkSections } from '../outline';

// A sibling heading breaks the pattern when the others all share a word at
// the same place (their start or their end) and it does not.
function sharedFrames(titles: string[]): { gram: string; where: 'start' | 'end' }[] {
  const frames: { gram: string; where: 'start' | 'end' }[] = [];
  const grams = (t: string, where: 'start' | 'end') => {
    const zone = where === 'start' ? t.slice(0, 4) : t.slice(-6);
    const set = new Set<string>();
    for (let i = 0; i + 2 <= zone.length; i++) set.add(zone.slice(i, i + 2));
    return set;
  };
  for (const where of ['start', 'end'] as const) {
    const counts = new Map<string, number>();
    for (const t of titles) for (const g of grams(t, where)) counts.set(g, (counts.get(g) ?? 0) + 1);
    for (const [gram, n] of counts) if (n === titles.length - 1 && /\p{Script=Han}{2}/u.test(gram)) frames.push({ gram, where });
  }
  return frames;
}

export const headingParallelism: Rule = {
  meta: {
    id: 'heading-parallelism',
    // A hint, like section-balance: on published speeches it spoke only where editors saw nothing to change.
    defaultSeverity: 'hint',
    title: '并列标题句式不一',
    description: '并列标题宜句式一致。其余各标题在开头或结尾共用同一词语（如“……要再提高”“……要再强化”），只有一个不同时提示。默认只作提示（编辑器里的虚线，不进问题面板），需要时可在配置里调高。',
  },
  check(doc) {
    const out: Finding[] = [];
    for (const parent of walkSections(doc.speeches)) {
      for (const run of siblingRuns(parent)) {
        const headings = run.filter((s) => s.marker!.level !== null && s.title.length >= 2);
        if (headings.length < 4) continue;
        const titles = headings.map((s) => s.title.replace(/[\s。，、；：！？]/g, ''));
        const frames = sharedFrames(titles);
        if (frames.length === 0) continue;
        const frame = frames[0];
        const zone = (t: string) => (frame.where === 'start' ? t.slice(0, 4) : t.slice(-6));
        const odd = headings.find((_, i) => !zone(titles[i]).includes(frame.gram));
        if (!odd) continue;
        const example = headings.find((s) => s !== odd)!;
        out.push({
          start: odd.nameStart,
          end: odd.nameEnd,
          message: `并列标题句式不一：其他${headings.length - 1}个标题${frame.where === 'start' ? '开头' : '结尾'}都用“${frame.gram}”（如“${example.title}”），此标题不同。`,
          data: { pattern: frame.gram, where: frame.where },
        });
      }
    }
    return out;
  },
};

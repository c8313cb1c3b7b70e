import type { Finding, Rule } from '../rule';

// Verb reduplication (研究研究, 讨论讨论) is grammar; a doubled noun (工作工作) is a slip.
// Segmentation with part-of-speech tags tells them apart: verbs ('v') and
// adjectives ('a') may repeat; a verbal noun ('vn') may repeat only where it
// acts as a verb (after 要/再/来…, not before a noun or after a determiner).
// Numeral-classifier doubling (一个一个, 一项一项: one by one) is grammar too.
const REDUPLICABLE = new Set(['v', 'a', 'ad', 'vd', 'm', 'q', 'mq']);
const NOUNISH_NEXT = new Set(['n', 'vn', 'nz', 'ng', 'nr', 'ns', 'nt']);
const DETERMINER_BEFORE = /^(各项|这项|此项|该项|各|的|下步|本|全年|今年|明年)$/;
const FUNCTION_DOUBLES = new Set(['的', '了', '在', '和', '是', '与', '及', '对', '把', '被']);

export const duplicateWord: Rule = {
  meta: {
    id: 'duplicate-word',
    defaultSeverity: 'warning',
    title: '词语重复',
    description:
      '按分词和词性找出无意重复的词（工作工作、的的），放过汉语允许的重叠（看看、研究研究、人人、天天、红红火火）。需要 nodejieba 分词，分词库加载完成后给出。',
    needsSegmenter: true,
  },
  check(doc, ctx) {
    if (!ctx.segmenter) return [];
    const out: Finding[] = [];
    for (const p of doc.paragraphs) {
      const tags = ctx.segmenter.tag(p.flat);
      let pos = 0;
      const spans = tags.map((t) => {
        const start = p.flat.indexOf(t.word, pos);
        pos = start < 0 ? pos : start + t.word.length;
        return { ...t, start };
      });
      for (let i = 1; i < spans.length; i++) {
        const a = spans[i - 1];
        const b = spans[i];
        if (a.word !== b.word || a.start < 0 || b.start !== a.start + a.word.length) continue;
        if (!/\p{Script=Han}/u.test(a.word)) continue;
        if (a.word.length === 1 && !FUNCTION_DOUBLES.has(a.word)) continue;
        if (a.word.length > 1 && REDUPLICABLE.has(a.tag)) continue;
        if (a.word.length > 1 && a.tag === 'vn') {
          const before = spans[i - 2];
          const after = spans[i + 1];
          const nounUse = (after && NOUNISH_NEXT.has(after.tag)) || (before && DETERMINER_BEFORE.test(before.word));
          if (!nounUse) continue;
        }
        const end = p.offsets[b.start + b.word.length - 1] + 1;
        const removeFrom = p.offsets[a.start + a.word.length - 1] + 1;
        out.push({
          start: p.offsets[a.start],
          end,
          message: `“${b.word}”重复了：“${doc.text.slice(p.offsets[a.start], end)}”。`,
          data: { word: b.word },
          fixes: [{ title: `删除重复的“${b.word}”`, start: removeFrom, end, newText: '' }],
        });
      }
    }
    return out;
  },
};

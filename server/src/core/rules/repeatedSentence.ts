import type { Finding, Rule } from '../rule';

const MIN_CHARS = 8;
const MAX_ACCIDENTAL = 4;

export const repeatedSentence: Rule = {
  meta: {
    id: 'repeated-sentence',
    defaultSeverity: 'information',
    title: '重复的句子',
    description:
      '同一分句（8 字以上）在一篇讲话中出现两次以上，多为拼接旧稿时的无意重复，指出每一处。各段开头反复出现的同一句（排比、复沓）是有意为之，含数字或占位符的数据句式本就相似，出现五次以上的多为有意的复沓或模板，均不提示。',
  },
  check(doc) {
    const seen = new Map<string, { start: number; end: number; paragraphStart: boolean }[]>();
    for (const p of doc.paragraphs) {
      const clause = /[^，。；！？：]+/g;
      for (let m = clause.exec(p.flat); m; m = clause.exec(p.flat)) {
        const key = m[0].replace(/[\s“”"‘’「」『』（）()]/g, '');
        // A clause with figures or placeholders is a data statement: its form repeats by design.
        if (key.length < MIN_CHARS || /[0-9０-９×XＸ%％]/.test(key)) continue;
        const list = seen.get(key) ?? [];
        list.push({ start: p.offsets[m.index], end: p.offsets[m.index + m[0].length - 1] + 1, paragraphStart: m.index === 0 });
        seen.set(key, list);
      }
    }
    const out: Finding[] = [];
    for (const places of seen.values()) {
      // Five or more times is a refrain or a template, not a slip of copy and paste.
      if (places.length < 2 || places.length > MAX_ACCIDENTAL || places.every((x) => x.paragraphStart)) continue;
      places.forEach((place, i) => {
        // A few other places are enough to find them; listing all would grow with the square.
        const others = places.filter((_, j) => j !== i).slice(0, 3);
        out.push({
          start: place.start,
          end: place.end,
          message: `这一句在本篇出现了 ${places.length} 次：“${doc.text.slice(place.start, place.end).slice(0, 30)}”。`,
          data: { occurrences: places.length },
          related: others.map((o) => ({ start: o.start, end: o.end, message: '同一句的另一处' })),
        });
      });
    }
    return out;
  },
};

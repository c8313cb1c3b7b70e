import { option, type Finding, type Rule } from '../rule';
import { kept } from '../memo';
import { simplifiedEdits } from '../scriptConversion';
import { HAN_UNITS, PINYIN_GLOSS } from '../text';

// 藉 reads 借 in 藉此 and 憑藉 (text.ts), but is no traditional character: a simplified draft may write it.
const JIE = '藉'.charCodeAt(0);
const hasTraditional = (text: string, norm: string, start: number, end: number) => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (HAN_UNITS[c] && c !== norm.charCodeAt(i) && c !== JIE) return true;
  }
  return false;
};

// A line with this many Han characters says something about the document's script.
const SIZEABLE_LINE = 10;
const isSizeable = (text: string, start: number, end: number) => {
  let han = 0;
  for (let o = start; o < end && han < SIZEABLE_LINE; o++) han += HAN_UNITS[text.charCodeAt(o)];
  return han >= SIZEABLE_LINE;
};
const NO_EDITS: ReturnType<typeof simplifiedEdits> = [];

export const script: Rule = {
  meta: {
    id: 'script',
    defaultSeverity: 'warning',
    title: '繁体字',
    safeFix: true,
    options: { traditionalDocuments: false },
    norm: { name: '《汉字简化方案》', since: '1956-01-28' },
    description:
      '简体讲稿里混入的繁体字（多由网页转换或复制带入）。修复用 OpenCC 的词组表转换（乾隆、著名不会被误改），可逐行转换，也可一键全文转换。通篇用繁体写成、且没有转换痕迹（拼音注音）的文稿不检查，除非设置 traditionalDocuments 为 true。',
  },
  check(doc, ctx) {
    // The model's normalized text already maps traditional characters: only lines where a Han
    // character differs from it are converted (a clean draft costs one comparison, not a conversion).
    const perLine = new Map<number, ReturnType<typeof simplifiedEdits>>();
    for (const line of doc.lines) {
      if (line.blank) continue;
      const relative = kept(line.results, 'script', () => (hasTraditional(doc.text, doc.norm, line.start, line.end) ? simplifiedEdits(doc.text.slice(line.start, line.end)) : NO_EDITS));
      if (relative.length) perLine.set(line.index, relative.map((e) => ({ start: line.start + e.start, end: line.start + e.end, newText: e.newText })));
    }
    if (perLine.size === 0) return [];
    // Written in traditional characters throughout, with no converter's glosses: a text in its own script.
    let sizeable = 0;
    let sizeableTraditional = 0;
    for (const line of doc.lines) {
      if (line.blank || !kept(line.results, 'sizeable', () => isSizeable(doc.text, line.start, line.end))) continue;
      sizeable++;
      if (perLine.has(line.index)) sizeableTraditional++;
    }
    const throughout = sizeable >= 3 && sizeableTraditional / sizeable >= 0.8;
    // search(), not test(): the shared global pattern keeps no lastIndex for the next rule to trip on.
    if (throughout && !option<boolean>(ctx, script.meta, 'traditionalDocuments') && doc.text.search(PINYIN_GLOSS) < 0) return [];
    const out: Finding[] = [];
    for (const lineEdits of perLine.values()) {
      const [head, ...more] = lineEdits;
      const sample = lineEdits.slice(0, 3).map((e) => `${doc.text.slice(e.start, e.end)}→${e.newText}`).join('，');
      const count = lineEdits.reduce((n, e) => n + (e.end - e.start), 0);
      out.push({
        start: head.start,
        end: lineEdits[lineEdits.length - 1].end,
        message: `繁体字：本行有 ${count} 个繁体字（${sample}）。`,
        fixes: [{ title: `本行转为简体（${count} 字）`, ...head, more }],
        data: { characters: count },
      });
    }
    return out;
  },
};

import { option, type Finding, type Rule } from '../rule';
import { simplifiedEdits } from '../scriptConversion';
import { isHan, PINYIN_GLOSS } from '../text';

// A line with this many Han characters says something about the document's script.
const SIZEABLE_LINE = 10;

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
    const perLine: { line: number; edits: ReturnType<typeof simplifiedEdits> }[] = [];
    let sizeable = 0;
    let sizeableTraditional = 0;
    for (const line of doc.lines) {
      if (line.blank) continue;
      const text = doc.text.slice(line.start, line.end);
      const edits = simplifiedEdits(text, line.start);
      let han = 0;
      for (const ch of text) if (isHan(ch) && ++han >= SIZEABLE_LINE) break;
      if (han >= SIZEABLE_LINE) {
        sizeable++;
        if (edits.length) sizeableTraditional++;
      }
      if (edits.length) perLine.push({ line: line.index, edits });
    }
    if (perLine.length === 0) return [];
    // Written in traditional characters throughout, with no converter's glosses: a text in its own script.
    const throughout = sizeable >= 3 && sizeableTraditional / sizeable >= 0.8;
    // search(), not test(): the shared global pattern keeps no lastIndex for the next rule to trip on.
    if (throughout && !option<boolean>(ctx, script.meta, 'traditionalDocuments') && doc.text.search(PINYIN_GLOSS) < 0) return [];
    const out: Finding[] = [];
    for (const { edits } of perLine) {
      const [head, ...more] = edits;
      const sample = edits.slice(0, 3).map((e) => `${doc.text.slice(e.start, e.end)}→${e.newText}`).join('，');
      const count = edits.reduce((n, e) => n + (e.end - e.start), 0);
      out.push({
        start: head.start,
        end: edits[edits.length - 1].end,
        message: `繁体字：本行有 ${count} 个繁体字（${sample}）。`,
        fixes: [{ title: `本行转为简体（${count} 字）`, ...head, more }],
        data: { characters: count },
      });
    }
    return out;
  },
};

import type { Finding, Fix, Rule } from '../rule';
import { indentLength } from '../text';

const LATIN_END = /[A-Za-z]$/;
const LATIN_START = /^[A-Za-z]/;

export const hardWrap: Rule = {
  meta: {
    id: 'hard-wrap',
    defaultSeverity: 'warning',
    title: '硬换行',
    safeFix: true,
    description:
      '从 PDF 复制的段落在固定宽度处断行（每行二三十字、行尾没有句末标点）。修复把整段接回一行，夹在中间的页眉页脚（第1页共10页）一并删去；西文单词之间补回空格。',
  },
  check(doc) {
    if (doc.markdown) return [];
    const out: Finding[] = [];
    for (const p of doc.paragraphs) {
      if (p.lastLine === p.firstLine) continue;
      // The paragraph's own lines; residue lines between them (page footers) go with the breaks.
      const own = doc.lines.slice(p.firstLine, p.lastLine + 1).filter((l) => !l.blank && !doc.residueLines.has(l.index));
      const edits: NonNullable<Fix['more']> = [];
      for (let k = 0; k + 1 < own.length; k++) {
        const a = own[k];
        const b = own[k + 1];
        const aText = doc.text.slice(a.start, a.end);
        const end = a.start + aText.trimEnd().length;
        const next = b.start + indentLength(doc.text.slice(b.start, b.end));
        const glue = LATIN_END.test(aText.trimEnd()) && LATIN_START.test(doc.text.slice(next, next + 1)) ? ' ' : '';
        edits.push({ start: end, end: next, newText: glue });
      }
      if (edits.length === 0) continue;
      const [head, ...more] = edits;
      let width = 0;
      for (let k = 0; k + 1 < own.length; k++) width = Math.max(width, own[k].end - own[k].contentStart);
      out.push({
        start: own[0].contentStart,
        end: own[0].end,
        message: `硬换行：这一段在约 ${width} 字处断成了 ${own.length} 行（PDF 复制所致），应接成一段。`,
        fixes: [{ title: `接成一段（${own.length} 行）`, ...head, more }],
        data: { lines: own.length },
      });
    }
    return out;
  },
};

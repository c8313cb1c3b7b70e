import type { Fix, Rule } from '../rule';
import { toChineseNumeral } from '../text';

export const announcedCount: Rule = {
  meta: {
    id: 'announced-count',
    defaultSeverity: 'warning',
    title: '宣布数与实际不符',
    description:
      '“下面，我讲三点意见”之类的宣布句承诺了几部分，就应紧跟几部分并列内容（下一级标题，或同段的一是/二是）。数量不符多因漏写、合并或网页截断。',
  },
  check(doc) {
    return doc.announcements
      .filter((a) => a.announced !== null && a.items.length !== a.announced)
      .map((a) => {
        const found = a.items.length;
        const listed = a.items.map((s) => (s.label || doc.text.slice(s.nameStart, Math.min(s.nameEnd, s.nameStart + 6))).replace(/[、，,：:．.]$/, '')).join('、');
        return {
          start: a.start,
          end: a.end,
          message:
            found === 0
              ? `宣布了${a.announced}点，但其后没有找到对应的并列部分。`
              : `宣布了${a.announced}点，实际找到${found}点（${listed}）${found < a.announced! ? `，缺少${a.announced! - found}点` : `，多出${found - a.announced!}点`}。`,
          data: {
            announced: a.announced,
            found,
            items: a.items.map((s) => ({ text: doc.text.slice(s.nameStart, s.nameEnd) })),
          },
          fixes: found > 0 && /^[一二三四五六七八九十两\d]/.test(a.numeral) ? [countFix(a.text, a.start, a.numeral, found)] : [],
        };
      });
  },
};

/**
 * The count rewritten in the announcement's own numerals: 3 → 2 stays in digits,
 * 三 → 两 (两点意见, never 二点意见). The title quotes exactly what is written.
 */
export function countFix(text: string, start: number, numeral: string, found: number): Fix {
  const at = text.lastIndexOf(numeral);
  const newText = /\d/.test(numeral) ? String(found) : found === 2 ? '两' : toChineseNumeral(found);
  const after = text.slice(at + numeral.length, at + numeral.length + 3).replace(/[，。；：！？、,.;:!?].*$/, '');
  return {
    title: `“${numeral}${after}”改为“${newText}${after}”`,
    start: start + at,
    end: start + at + numeral.length,
    newText,
  };
}

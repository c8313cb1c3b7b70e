import type { Rule } from '../rule';
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
        const listed = a.items.map((s) => doc.text.slice(s.marker!.start, s.marker!.end).replace(/[、，,：:．.]$/, '')).join('、');
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
            items: a.items.map((s) => ({ start: s.start, text: doc.text.slice(s.nameStart, s.nameEnd) })),
          },
          fixes:
            found > 0 && /^[一二三四五六七八九十两\d]/.test(a.numeral)
              ? [{ title: `改为“${toChineseNumeral(found)}”`, start: a.start + a.text.lastIndexOf(a.numeral), end: a.start + a.text.lastIndexOf(a.numeral) + a.numeral.length, newText: /\d/.test(a.numeral) ? String(found) : toChineseNumeral(found) }]
              : [],
        };
      });
  },
};

import type { Finding, Rule } from '../rule';

export const webResidue: Rule = {
  meta: {
    id: 'web-residue',
    defaultSeverity: 'warning',
    title: '网页残留',
    description:
      '从网页复制时带进来的页面元素：发布时间、点击数、会员广告、分享按钮、“相关热词”“评论”等，以及讲话正文之前的横幅和正文之后的整块页面内容。快速修复可删除该行。',
  },
  check(doc) {
    const out: Finding[] = [];
    for (const index of [...doc.residueLines].sort((a, b) => a - b)) {
      const line = doc.lines[index];
      const next = doc.lines[index + 1];
      out.push({
        start: line.contentStart,
        end: line.end,
        message: `网页残留：“${doc.text.slice(line.contentStart, line.end).trim().slice(0, 30)}”不是讲话内容。`,
        fixes: [{ title: '删除该行', start: line.start, end: next ? next.start : line.end, newText: '' }],
      });
    }
    return out;
  },
};

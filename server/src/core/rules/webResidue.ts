import type { Finding, Rule } from '../rule';

export const webResidue: Rule = {
  meta: {
    id: 'web-residue',
    defaultSeverity: 'warning',
    title: '网页残留',
    description:
      '从网页复制时带进来的页面元素：发布时间、点击数、会员广告、分享按钮、“相关热词”“评论”等，只有 HTML 代码或样式规则的行，以及讲话正文之前的横幅和正文之后的整块页面内容，汇编网页的篇名（……汇编4篇）和篇目标签（第2篇：）。文档自己的目录（目录、一、…………1）不计入讲话结构，也不报告。快速修复删除该行，或一次删除整块（横幅、文末的链接列表）；篇目标签只删标签，保留其后的标题。',
  },
  check(doc) {
    const out: Finding[] = [];
    // A collection page's label before a speech's title (第2篇：在…上的讲话): only the label goes; the
    // title stays and keeps that speech apart from the one before it.
    const labelled = new Set<number>();
    for (const label of doc.collectionLabels) {
      const line = doc.lines[label.line];
      if (label.titleStart >= line.end) continue;
      labelled.add(label.line);
      out.push({
        start: label.start,
        end: label.end,
        message: `网页残留：“${doc.text.slice(label.start, label.end).trim()}”是汇编网页的篇目标签，不是讲话内容。`,
        // The label and the space after it; the title stays.
        fixes: [{ title: '删去篇目标签，保留标题', start: label.start, end: label.titleStart, newText: '' }],
      });
    }
    // A document's own table of contents (目录 / 一、…………1) is left out of the speech's structure but is not a
    // web page's: not reported, nothing offered for deletion.
    const sorted = [...doc.residueLines].filter((i) => !labelled.has(i) && !doc.tableOfContents.has(i)).sort((a, b) => a - b);
    // Blocks: residue lines with nothing but blank lines between them (a banner, a trailing list of links).
    const blocks: number[][] = [];
    sorted.forEach((index, i) => {
      let joined = i > 0;
      for (let k = sorted[i - 1] + 1; joined && k < index; k++) if (!doc.lines[k].blank) joined = false;
      if (joined) blocks[blocks.length - 1].push(index);
      else blocks.push([index]);
    });
    const after = (index: number) => doc.lines[index + 1]?.start ?? doc.lines[index].end;
    for (const block of blocks) {
      const whole = { title: `删除这一整块网页残留（${block.length} 行）`, start: doc.lines[block[0]].start, end: after(block[block.length - 1]), newText: '' };
      for (const index of block) {
        const line = doc.lines[index];
        const one = { title: '删除该行', start: line.start, end: after(index), newText: '' };
        out.push({
          start: line.contentStart,
          end: line.end,
          message: `网页残留：“${doc.text.slice(line.contentStart, line.end).trim().slice(0, 30)}”${line.junk ? (line.markup ? '是网页的 HTML 代码，' : '是论坛网页的防复制干扰码，') : ''}不是讲话内容。`,
          fixes: block.length > 1 ? [whole, one] : [one],
        });
      }
    }
    return out;
  },
};

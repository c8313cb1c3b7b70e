// Web-page residue: what a copy from a web page drags along with the speech
// (site banners, view counters, share buttons, comment boxes, related links).

import type { Line } from './lines';

// Words that only page furniture uses. Checked on short lines only, since a
// speech may well say 分享 or 举报 in a sentence.
const FURNITURE =
  /(发布时间|发表时间|来源：|点击：|点击数|浏览次数|阅读量|阅读时长|加入收藏|收藏本页|分享到|扫码|二维码|领取福利|VIP|QQ群|微信群|侵权投诉|免责声明|Copyright|©|上一篇|下一篇|返回顶部|打印本页|关闭窗口|责任编辑|相关热词|热词搜索|热点文章|热门文章|相关阅读|相关文章|推荐阅读|延伸阅读|猜你喜欢|新闻推荐|热门推荐|展开>>|收起<<|摘要：|仅供学习|禁止外传|共计\d+个字|第\d+\/\d+页|（[^）]{0,4}\d+篇）|ICP备|扫一扫|阅读原文|返回列表|网站地图|联系我们|相关推荐|字号：|字体：|作者：|浏览：|阅读：|阅读数|【打印|【关闭|打印本页|原标题：|转载请注明|【纠错】|【字号|字号 ?大 ?中 ?小|长按识别|点击上方|关注公众号|蓝字关注|更多精彩|阅读全文|全文阅读|点击查看|查看更多|下载本文|文章来源|当前位置|首页\s*[>›»/]|栏目：|更新时间|上传时间|文档格式|文档页数|文档大小|下载积分|本文地址|复制本页|用户评论|推荐度|热门标签|精品范文|TAGS[：:]|全文共\d+字|阅读本文需要|立即下载|免费下载|https?:\/\/|www\.|第\s*\d+\s*页\s*[，,]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*第\s*\d+\s*页)/i;
// Words a speech may also use: they mark furniture only on a short line with no full stop.
const WEAK_FURNITURE = /(评论|登录|注册|下载|订阅|举报|会员|版权|声明|海报|文库|分享|投诉|收藏|点赞|范文|精选|文档)/;

// Lines that open the trailing block of a page: everything after them is page, not speech.
const TAIL_OPENER =
  /^(相关热词|热词搜索|热点文章|热门文章|相关阅读|相关文章|相关推荐|推荐阅读|延伸阅读|猜你喜欢|新闻推荐|热门推荐|摘要[：:]|评论[（(]\d|上一篇|下一篇|微信扫码|领取福利|责任编辑|版权所有|免责声明)/;

// A line of nothing but counters, sizes, ISO dates and symbols: 999+, 31KB, 22 页, 2024-03-19, 221381.
const BARE_DATUM = /^[\d\s.+\-/:：KMGB页条次%~]+$|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/i;

const HEADING_START = /^(第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}[，、]|一是|一要|首先，)/;
const NUMBERED = /^(第[一二三四五六七八九十]{1,3}|[一二三四五六七八九十]{1,3} ?[、．.]|（ ?[一二三四五六七八九十\d]{1,3} ?）|\d{1,2} ?[.．、](?!\d))/;
const SALUTATION = /^(同志们|各位|女士们|尊敬的|亲爱的|老师们|同学们)/;

export function isTitleLike(content: string): boolean {
  // 讲话（摘要） 讲话（2024年1月8日）: a trailing note in brackets does not make it less a title.
  const t = content.trim().replace(/（[^（）]{1,16}）$/, '');
  return (
    t.length >= 6 &&
    t.length <= 60 &&
    !/[。！？；，：]$/.test(t) &&
    /(讲话|致辞|发言|讲稿|报告|讲话稿|主持词|上的讲话提纲)$/.test(t)
  );
}

/** `norm` is the normalized text (simplified, full-width punctuation). */
export function findResidueLines(norm: string, lines: Line[]): Set<number> {
  const residue = new Set<number>();
  const content = (l: Line) => norm.slice(l.contentStart, l.end).trim();
  const nonBlank = lines.filter((l) => !l.blank);

  for (const line of nonBlank) {
    const c = content(line);
    // A numbered heading is speech, whatever words it uses (三、加强版权保护).
    if (NUMBERED.test(c)) continue;
    const rule = /^([-*_=]\s*){3,}$/.test(c); // a Markdown or plain-text horizontal rule
    if (BARE_DATUM.test(c) && !rule && !/^\d{1,2}[.．]/.test(c)) residue.add(line.index);
    else if (c.length <= 50 && FURNITURE.test(c)) residue.add(line.index);
    else if (c.length <= 30 && !c.includes('。') && WEAK_FURNITURE.test(c)) residue.add(line.index);
    else if (/^(发布时间|发表时间|来源)：/.test(c)) residue.add(line.index);
  }

  // Before the speech proper (its salutation or first real paragraph), short
  // lines that are not the title, a byline or a date are page banners.
  const bodyStart = nonBlank.find((l) => {
    const c = content(l);
    return SALUTATION.test(c) || (c.length >= 60 && /[。！]/.test(c)) || HEADING_START.test(c);
  });
  if (bodyStart) {
    const head = nonBlank.filter((l) => l.index < bodyStart.index);
    head.forEach((line, i) => {
      // The line right before the body is its headline or title, whatever it looks like.
      if (i === head.length - 1) return;
      const c = content(line);
      // A title copied from a PDF may be broken over two lines.
      const wrappedTitle = i + 1 < head.length && isTitleLike(c + content(head[i + 1]));
      const sentence = /[。！？；：]/.test(c);
      if (c.length <= 20 && !sentence && !isTitleLike(c) && !wrappedTitle && !isByline(c)) residue.add(line.index);
    });
  }

  // After a tail opener, the rest of the page, up to where another speech
  // begins (a compilation page goes on with its next speech).
  let inTail = false;
  for (const line of nonBlank) {
    if (bodyStart && line.index <= bodyStart.index) continue;
    const c = content(line);
    if (!inTail && TAIL_OPENER.test(c)) inTail = true;
    else if (inTail && (isTitleLike(c) || SALUTATION.test(c) || HEADING_START.test(c))) inTail = false;
    if (inTail) residue.add(line.index);
  }
  return residue;
}

function isByline(c: string): boolean {
  return (
    /(书记|市长|省长|县长|区长|主任|部长|局长|厅长|主席|校长|院长|经理|同志)/.test(c) ||
    /\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年/.test(c) ||
    /^（/.test(c)
  );
}

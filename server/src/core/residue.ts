// Web-page residue: what a copy from a web page drags along with the speech
// (site banners, view counters, share buttons, comment boxes, related links).

import type { Line } from './lines';
import { kept } from './memo';
import { despaced, HAN_UNITS, HTML_MARKUP, OFFICE_TITLE, letterSpaced, PAGE_COUNTER, WHITE_SPACE, withoutGlosses } from './text';

// Words that only page furniture uses. Checked on short lines only, since a
// speech may well say 分享 or 举报 in a sentence.
const FURNITURE =
  /(发布时间|发表时间|来源：|点击：|点击数|浏览次数|阅读量|阅读时长|加入收藏|收藏本页|分享到|扫码|二维码|领取福利|VIP|QQ群|微信群|侵权投诉|免责声明|Copyright|©|上一篇|下一篇|返回顶部|打印本页|关闭窗口|责任编辑|相关热词|热词搜索|热点文章|热门文章|相关阅读|相关文章|推荐阅读|延伸阅读|猜你喜欢|新闻推荐|热门推荐|展开>>|收起<<|摘要：|仅供学习|禁止外传|共计\d+个字|第\d+\/\d+页|（[^）]{0,4}\d+篇）|ICP备|扫一扫|阅读原文|返回列表|网站地图|联系我们|相关推荐|字号：|字体：|作者：|浏览：|阅读：|阅读数|【打印|【关闭|打印本页|原标题：|转载请注明|转载请联系|禁止转载|不得转载|未经(授权|许可|同意|允许)[^，。]{0,8}转载|版权归(原)?作者所有|报料(电话|热线)?[：:]\s*\d|【纠错】|【字号|字号 ?大 ?中 ?小|长按识别|点击上方|关注公众号|蓝字关注|更多精彩|阅读全文|全文阅读|点击查看|查看更多|下载本文|文章来源|当前位置|首页\s*[>›»/]|栏目：|更新时间|上传时间|移动端[：:]|手机版[：:]|文档格式|文档页数|文档大小|下载积分|本文地址|复制本页|用户评论|推荐度|热门标签|精品范文|TAGS[：:]|全文共计?\s*\d+\s*字|预计阅读时间|本文共计?\s*\d+\s*字|阅读(本文|全文)[^，。]{0,4}需要?\s*\d+\s*分钟|阅读本文需要|立即下载|免费下载|https?[:：]\/\/|www\.|维基文库|版权失效|公有领域|Public domain|预览结束|免费获取全文|免费使用|目录\/提纲|定制代笔|联系老师|联系客服|正文复制|小编精心|精心推荐|内容预览|全文预览|当前仅显示|此处隐藏|VIP可见|登录后阅读|登陆后阅读|下载后阅读|想阅读完全部|需要先登|打赏|赞赏|赏赞|尊享会员|会员权益|购物车|我的足迹|大家正在看|换一换|最新文档|精选留言|我要留言|发表评论|点击下载|附件列表|本文链接|人气[：:]\s*\d|时间[：:]\s*\d{4}[-/.]\d|AccessDenied|Access Denied|Flash Player|微信号|QQ[：:]?\s*\d{5,}|\d+(\.\d+)?\s?[KM]B\b|¥\s?\d|\d{4}-\d{2}-\d{2}\s?\d{2}[:：]\d{2}|版权说明|本文档由用户提供并上传|收益归属内容提供方|请进行举报或认领|不代表本站(立场|观点)|本文来自投稿|快速回复|上一主题|下一主题|复制链接|发表于\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}|查看[：:]\s*\d+\s*[|｜]\s*回复[：:]\s*\d+|引用本文[：:]|作者姓名[：:]|本文献已被|数据库收录|【\s*字体|【\s*背景色|背景色\s*[：:]?\s*杏仁黄)/i;
// Those words, or a PDF's page counter (第1页共2页).
const hasFurniture = (c: string) => FURNITURE.test(c) || c.search(PAGE_COUNTER) >= 0;
// A host script's own label over its parts ([会议操作], 【会议议程】, 开场白): the document's, not a page's banner.
const SCRIPT_LABEL = /^[[【［〔（(]?(会议|大会|典礼|仪式|活动)?(操作|议程|流程|程序|主持词|串词|开场白|开场|结束语)[\]】］〕）)]?$/;
// What only a site's own bars and notices say, on lines longer than other furniture: a forum post's header and
// footer, a document site's meta bar and its notices (1、下载文档前请自行甄别…), a shared file's page captions.
const SITE_BAR = /显示全部楼层|只看该作者|电梯直达|跳转到指定楼层|使用道具|本帖最后由|下载文档前请|甄别文档内容的完整性|仅部分预览|申请退款|如文档侵犯您的权益|本文档由用户上传|本文档内容版权|内容提供方所有|本站不保证|申明敬告|^论文部分内容阅读$|确认后进行付费下载|人工客服工作时间|由会员分享|在线阅读，更多相关|珍藏版）》请在|上传人[：:].{1,30}(文档编号|上传时间)|_第\d+页$|还剩\d+页未读|^欢迎(来到|访问|光临)[^，。]{1,20}(网|网站|论坛|平台|社区)[！!]?$|以文本方式查看主题|加载中，?请稍候|本章未完|下载或查看附件|没有帐号|本帖子中包含更多资源|参与人数\s*\d+|本主题由.{1,20}审核通过|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}[:：]\d{2}\s*上传$|继续免费阅读|已阅读\d+页|更换[^，。]{0,6}(Firefox|Chrome|Edge|Safari|谷歌|火狐)[^，。]{0,12}浏览器|^首页\s+[^\s，。]{2,8}\s+\S/i;
// Words a speech may also use: they mark furniture only on a short line with no full stop (an advert's button too:
// 公文写作神器！立即了解).
const WEAK_FURNITURE = /(评论|登录|注册|下载|订阅|举报|会员|版权|声明|海报|文库|分享|投诉|收藏|点赞|范文|精选|文档|(立即|马上|点击)(了解|体验|咨询|领取|开通|购买|试用)$|免费试用|了解详情$|(本文|资料|文档|内容)仅供参考|^仅供参考$|返回目录|最新更新|栏目推荐|精品资料|页脚内容|(来源|收集|整理)(于|自)网络)/;

// Gambling sites' names, which hacked pages inject into their titles and banners.
const GAMBLING = /百家乐|博彩|赌场|娱乐场|棋牌游戏|澳门金沙|金沙(老品牌|娱乐|官网|平台)|彩票(网|平台|官网)|真人(娱乐|视讯)|老虎机|体育投注|bet365|365bet/i;

// Lines that open the trailing block of a page: everything after them is page, not speech.
const TAIL_OPENER =
  /^(阅读全文|查看全文|更多相关|相关内容|预览结束|内容预览|[（(]?未完|……[（(]未完|全文共\d+字|[（(]想阅读完全部|精选留言|点击下载|目录\/提纲|本作品(是|在|来自|采用|根据|已|属于)|注：中文维基|维基文库|相关热词|热词搜索|热点文章|热门文章|相关阅读|相关文章|相关推荐|推荐阅读|延伸阅读|猜你喜欢|新闻推荐|热门推荐|摘要[：:]|评论[（(]\d|上一篇|下一篇|微信扫码|领取福利|责任编辑|版权所有|免责声明|©\s*版权声明|回复\s*使用道具|使用道具|您需要登录后才可以回帖)/;

// A line of nothing but counters, sizes, ISO dates and symbols: 999+, 31KB, 22 页, 2024-03-19, 221381.
const BARE_DATUM = /^[\d\s.+\-/:：KMGB页条次%~]+$|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/i;
// A printed page number: GB/T 9704's — 2 — (a one-em dash each side), －2－, ·2·, 第2页.
const PAGE_NUMBER = /^([—－–-]\s*\d{1,3}\s*[—－–-]|·\s*\d{1,3}\s*·|第\s*\d{1,3}\s*页)$/;

const HEADING_START = /^(第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}[，、]|一是|一要|首先，)/;
const NUMBERED = /^(第[一二三四五六七八九十]{1,3}|[一二三四五六七八九十]{1,3} ?[、．.]|（ ?[一二三四五六七八九十\d]{1,3} ?）|\d{1,2} ?[.．、](?!\d))/;
const SALUTATION = /^(同志们|各位|女士们|尊敬的|亲爱的|老师们|同学们)/;

/** A salutation on a line of its own: 同志们： 各位代表： 尊敬的各位领导、各位来宾：. */
export function isSalutation(c: string): boolean {
  return c.length <= 30 && SALUTATION.test(c) && /[：:]$/.test(c);
}
// A breadcrumb: 您的当前位置：首页 > 范文 > 讲话稿.
const BREADCRUMB = /(当前位置|您的位置|所在位置)[：:]|([^\s>›»]{1,12}\s*[>›»]\s*){2,}/;
// A breadcrumb has two arrows or a 位置 label; testing for them first spares the pattern's backtracking on every line.
const hasTwoArrows = (c: string) => /位置/.test(c) || /[>›»][^>›»]*[>›»]/.test(c);
// A document number: 电邮讲话【2016】083号, 市政发〔2024〕12号.
const DOCUMENT_NUMBER = /[【〔［\[（(]\s*(19|20)\d{2}\s*[】〕］\]）)]\s*第?\s*\d{1,4}\s*号/;
// The site's own words about the page: 下面是小编为大家整理的…
const SITE_VOICE = /小编|本站观点|范文网|(给|为)大家(精心)?(精编|整理|精选|收集|搜集|汇编)的\s*\d+\s*篇|来源于网友上传|网友上传|网友投稿|本文是由[^。]{0,10}投稿|以下是[^。]{0,20}为大家(整理|收集|精选)|(下面|以下)是[^。]{0,30}(供大家参考|供您参考|仅供参考|希望对[你您大家]+有(所)?帮助|欢迎(阅读|参考|借鉴))|^(导语|导读|阅读提示)[：:]|^【(导语|导读|摘要|关键词)】|版权归原作者|如有侵权|侵权请联系|联系删除|温馨提示[：:](本|该)(文|文档|资料|站)|投稿邮箱|本站为(你|您|大家)|为(你|您)的(创作|写作)提供|客服老师|为(您|你)(搜集|收集|整理|精选)(分享)?的|供(你|您)参考[，,]?希望能够?帮助到|^[^，。]{2,40}(讲话|致辞|发言|讲稿|演讲稿|发言稿|讲话稿|主持词)\d{2,5}字。?$|(整理|收集|精选)了(一些|几篇|\d+篇)[^。]{0,10}范文|范文怎么写才能|少不了接触(到)?作文|下面(我们)?就?(一起)?来(了解|看看)一下吧|(以下|下面)(为|是)[^。！？]{0,20}全文[：:]?$|全文如下[：:]?$|(可任意|可以|可)编辑(修改|复制)?(。|）|\)|$)/;

export function isTitleLike(content: string): boolean {
  // 讲话（摘要） 讲话（2024年1月8日）: a trailing note in brackets does not make it less a title.
  const t = content.trim().replace(/（[^（）]{1,16}）$/, '');
  return (
    t.length >= 6 &&
    t.length <= 60 &&
    // 》这部伟大著作，继《…报告: the rest of a sentence a PDF broke, not a title.
    !/^[》”’）」』】、，。；：！？…]/.test(t) &&
    !/[。！？；，：]$/.test(t) &&
    // 下面，进行第三项议程：工作会议主持词: a chair's cue with a site's keywords run on after it, not a title.
    !/^(下面|下边|现在|接下来|首先|其次|最后|然后|刚才)[，：]/.test(t) &&
    /(讲话|致辞|发言|讲稿|报告|汇报|讲话稿|发言稿|演讲稿|讲话提纲|主持词|贺词|党课|讲义)$/.test(t)
  );
}

// A collection page's labels between its speeches (第1篇：…, 篇一：, 【篇二】…): the site's words,
// not the speech's; each still opens the next speech (the model's collectionLabels, read by the outline).
const COLLECTION_LABEL = /^【?(第\s*[0-9一二三四五六七八九十]{1,3}\s*篇|篇\s*[0-9一二三四五六七八九十]{1,3}|(精选|优秀|推荐|热门)?(范文|范例|例文|文章|模板)\s*[0-9一二三四五六七八九十]{1,3})】?(\s*：|\s|$)/;
// Or after the item's title, closing its line: 主持会议的开场白篇1, 表态发言 篇2.
const COLLECTION_ITEM = /^[^。！？，；：]{2,40}?\s*([【\[（(]\s*)?篇\s*[0-9一二三四五六七八九十]{1,3}(\s*[】\]）)])?$/;
// And the collection's own title: …党课讲稿汇编4篇, …讲话（精选5篇）.
const COLLECTION_TITLE = /([（(【](精选|通用|优选|热门)?\s*[0-9一二三四五六七八九十]{1,3}\s*篇[）)】]|(汇编|范文|精选|合集|大全|集锦|汇总)\s*[0-9一二三四五六七八九十]{1,3}\s*篇)$/;

/** A collection label opening a line (第2篇：在…上的讲话): where the label is, and the title after it ('' if none). */
export interface CollectionLabel {
  line: number;
  start: number;
  end: number;
  /** Where the title after the label starts (the end of the line when there is none). */
  titleStart: number;
}

/** The collection label opening a residue line, if it has one. `norm` is the normalized text. */
export function collectionLabelOf(norm: string, line: Line): CollectionLabel | null {
  const raw = norm.slice(line.contentStart, line.end);
  const content = raw.trim();
  if (content.length > 60) return null;
  const start = line.contentStart + (raw.length - raw.trimStart().length);
  // The item's title before its label: the line names the speech that follows.
  if (COLLECTION_ITEM.test(content)) return { line: line.index, start, end: start + content.length, titleStart: start };
  const m = COLLECTION_LABEL.exec(content);
  if (!m) return null;
  const rest = norm.slice(start + m[0].length, line.end);
  return { line: line.index, start, end: start + m[0].length, titleStart: line.end - rest.trimStart().length };
}

// A document's own table of contents: 目录, and an entry with leader dots before its page number
// (一、过去一年工作回顾……………1), or a numbered heading with a tab before it (a table's row with a tab is not one). Kept out of the speech's structure; web-residue does not report it.
const TABLE_OF_CONTENTS =
  /^目\s*录$|^\S.{1,60}?(…{2,}|[.．·]{4,})\s*\d{1,3}$|^(第[一二三四五六七八九十\d]{1,3}[章节部分篇]|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、]).{1,60}?\t\s*\d{1,3}$/;

/** A table of contents' line (every entry ends in its page number: most lines are turned down by their last character). */
function isTableOfContents(c: string): boolean {
  const last = c.charCodeAt(c.length - 1);
  return (last === 0x5f55 || (last >= 48 && last <= 57)) && TABLE_OF_CONTENTS.test(c);
}

/** A line that is page furniture by its own words, wherever it stands. */
function isFurnitureLine(c: string): boolean {
  if (isTableOfContents(c)) return true;
  if (c.length <= 60 && (COLLECTION_LABEL.test(c) || COLLECTION_ITEM.test(c) || (COLLECTION_TITLE.test(c) && !/[。！？；，]/.test(c)))) return true;
  // A collection's table of contents run into one line: 第一篇：…讲话第二篇：…讲话第三篇：….
  if (c.length <= 600 && !/[。！？]/.test(c) && (c.match(/第\s*[0-9一二三四五六七八九十]{1,3}\s*篇\s*[：:]/g)?.length ?? 0) >= 2) return true;
  // A site's bar or notice is longer than other furniture, and may be numbered (1、下载文档前请自行甄别…): its words are only a site's.
  if (c.length <= 200 && SITE_BAR.test(c)) return true;
  // 《文稿，还能这样写》作者雄文《笔杆子碎语》作者王一端…: a site's book advertisements, title after title with its author.
  if (c.length <= 300 && (c.match(/》\s*作者/g)?.length ?? 0) >= 2) return true;
  // A numbered heading is speech, whatever words it uses (三、加强版权保护); so is a salutation, whatever
  // a site's watermark runs on after its colon (同志们： 公文汇，办公文档之家).
  if (NUMBERED.test(c) || (SALUTATION.test(c) && /^[^。！？：]{0,30}：/.test(c))) return false;
  // Page furniture is short; a line of millions of characters is not tested (nor can overflow a regex).
  if (c.length > 400) return false;
  const rule = /^([-*_=]\s*){3,}$/.test(c); // a Markdown or plain-text horizontal rule
  // A truncation mark (……, ...) on its own line; a lone 。 is the end of a broken sentence.
  if (/^(…+|[．.。]{2,})$/.test(c)) return true;
  if (BARE_DATUM.test(c) && !rule && !/^\d{1,2}[.．]/.test(c)) return true;
  if (PAGE_NUMBER.test(c)) return true;
  // 一 alone on its line: a collection page numbering the speeches it holds (a heading has its 、 and words).
  if (/^[一二三四五六七八九十]{1,3}$/.test(c)) return true;
  if (c.length <= 200 && ((hasTwoArrows(c) && BREADCRUMB.test(c)) || SITE_VOICE.test(c))) return true;
  // 德育素材网 首页, 10-28 德育素材网: a site's name with its menu's first word, or under a post's date.
  if (c.length <= 40 && (/^\S{2,12}网(站)?\s+首页$/.test(c) || /^(\d{4}-)?\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s+\S{2,12}网$/.test(c))) return true;
  // 发言稿2018-06-11李一老师, 2025/12/09演讲稿: a page's category, date and author run together.
  if (c.length <= 40 && /\d{4}-\d{2}-\d{2}|\d{4}\/\d{1,2}\/\d{1,2}/.test(c) && !/[。！？]/.test(c)) return true;
  if (c.length <= 50 && hasFurniture(c) && !holdsSpeechBeside(c, PAGE_COUNTER) && !holdsSpeechBeside(c, WEB_ADDRESS)) return true;
  if (c.length <= 30 && !c.includes('。') && WEAK_FURNITURE.test(c)) return true;
  // A hacked site's injected page title (…娱乐场_全讯网 (中国)·官方网站): no speech line is a gambling advert or ends in 官方网站.
  // (Both with a page title's separators or Latin letters: an unnumbered heading 坚决取缔非法彩票平台, or 详情请登录市政府官网, is speech.)
  if (c.length <= 120 && !/[。！？；]/.test(c) && (GAMBLING.test(c) || /(官方网站|官网)$/.test(c)) && /[_|｜\-–—·]|[A-Za-z]{3}/.test(c)) return true;
  // A page's <title> of keywords: three or more phrases joined by _ (…乱码AV_国产日韩一区二区_…), never a speech's line.
  if (c.length <= 120 && !/[。！？；，]/.test(c) && /^[^_\s]{2,24}(_[^_\s]{2,24}){2,}$/.test(c)) return true;
  // 腾讯文库在…上的讲话在…上的讲话: a document site's name before the title it prints again (once or twice) in its footer.
  const site = /^(腾讯|百度|人人|金锄头|360|新浪|爱问|冰点|豆丁|搜狗|原创力|七七|蚂蚁|帮帮)文库/.exec(c);
  if (site && c.length <= 130 && !/[。！？，；]/.test(c) && isTitleLike(c.slice(site[0].length))) return true;
  if (SITE_LINE.test(c) || ((c.includes('|') || c.includes('｜')) && isNavigationBar(c))) return true;
  // | 党的建设: one item of a menu bar left on its line (a Markdown table's row closes with a bar too).
  if (/^[|｜]\s*[^|｜。，；！？：:]{1,12}$/.test(c)) return true;
  // 编辑：张三  审核：李四: a page's credits.
  // (WeChat sets them with 丨: 来源丨人民日报 作者丨张三.)
  if (c.length <= 40 && /^(本期)?(编辑|审核|校对|责编|审校|初审|终审|复审|供稿|摄影|监制|统筹|出品|策划|美编|排版|作者|来源|文|图|图源|图片来源|图片)\s*[：:|｜丨]/.test(c) && !/[。！？]/.test(c)) return true;
  // A photo's caption in a news page or a WeChat article: ▲图为会议现场.
  // (A ▲ that opens a list's items is its bullet.)
  if (c.length <= 60 && (/^(▲\s*)?[（(]?图(为|片|示)/.test(c) || /^▲.{0,30}(讲话|致辞|发言|调研|考察|检查|出席|主持|合影|现场|会场)$/.test(c))) return true;
  // …在分组会议上发言。记者 张三 李四 摄: a news photo's caption with its credit.
  if (c.length <= 100 && /(记者|通讯员)(\s*\p{Script=Han}{2,4}){1,3}\s*摄$/u.test(c)) return true;
  return /^(发布时间|发表时间|来源)：/.test(c);
}

// A page counter a PDF's extraction ran into the text (PAGE_COUNTER) or a web address a sentence gives: the
// line is speech when, without it, a sentence of its own remains.
// A site's own short lines: its menu words alone on a line, labels opening one, counters (阅读(1234)).
const SITE_LINE =
  /^(网站首页|首页|手机版|设为首页|关于我们|意见反馈|广告服务|猜你喜欢|展开全文|点击展开全文|继续阅读|阅读全文|返回首页|往期推荐|往期回顾|精彩推荐|原文链接|(THE\s+)?END|[-—－]+\s*END\s*[-—－]+|（完）|关灯|开启左侧|高级模式|楼主|沙发|板凳|地板|\d{1,4}\s*[楼#＃]|加入书架|资源描述|合集下载|文档简介|最近更新|(用户名|密\s*码|验证码|登录名)[：:]?|感谢阅读|谢谢阅读|谢谢观看|网站编辑|精品推荐|最新文章|最新推荐|相关搜索|猜你感兴趣[：:]?|更多\s*(>>|»|＞＞)|(点击)?复制全文|评分|点评|只看大图|QQ好友和群|赞同\s*\d+|喜欢|赠金笔|\[(图片|视频|表情|动画表情|语音)\]|image|点击图片查看大图|THANKS?(\s+YOU)?[!！]?|最新资料推荐|学习资料|专业资料|[Ww][Oo][Rr][Dd]格式|可修改编辑|打印|检索|高级检索|正文|友情链接|微信支付|支付宝支付|扫码支付|(Shape|Picture|Image|Text ?Box|图片|文本框)\s*\d{1,3}|Loading(\.{1,3}|…+)?|(正在)?加载中(\.{1,3}|…+)?)$|点个在看|点亮在看|^点在看|(转发|分享)(就?是|是对我们)最大的支持|^(热门搜索|文章分类|所属分类|相关标签|本文标签|文章标签|标签|联系邮箱|关键词|关键字|文章编号|发布者|发布人|录入|录入者|浏览量|点击量|视力保护色|页数|字数|网站编辑|文章编辑|信息来源|文章标题|上传者|上传人|分类|转自|转载自)[：:]|^【(本文)?标签】|^(赞|阅读|浏览|评论|点赞|收藏|分享|下载)\s*（\d+）$/;

/** A menu bar: three or more short items between vertical bars or wide gaps (网站首页 | 范文大全   讲话稿 | 高级检索). */
function isNavigationBar(c: string): boolean {
  // A Markdown table's row (| 姓名 | 职务 |) is the draft's own.
  if (/^[|｜]|[|｜]$/.test(c)) return false;
  const items = c.split(/\s*[|｜]\s*|\s{2,}/);
  return items.length >= 3 && items.every((x) => x.length <= 8 && !/[。，；！？]/.test(x));
}

// A web address a sentence gives (详见 http://…。, 报名网址：www.….cn。).
// Read in the normalized text, where the colon is full-width.
const WEB_ADDRESS = /(https?[:：]\/\/|www\.)[\w\-./?=&%#~:：+]*/g;
function holdsSpeechBeside(c: string, furniture: RegExp): boolean {
  if (!c.match(furniture)) return false;
  const rest = c.replace(furniture, '');
  return !hasFurniture(rest) && /[；。！？]/.test(rest) && (rest.match(/\p{Script=Han}/gu) ?? []).length >= 2;
}

/** Whether a line is a table of contents' entry, read as the residue finder reads its content. */
function isTableOfContentsLine(norm: string, l: Line): boolean {
  return kept(l.results, 'table-of-contents', () => isTableOfContents(contentOf(norm, l)));
}

// An entry under 目录 with a space for its leader (做新时代的“拓荒牛” 272): a short title and a page number.
const LISTED_ENTRY = /^[^\s。！？；，].{1,60}?\s\d{1,4}$/;

/**
 * A document's own table of contents among `candidates` (its 目录 line and entries with leaders), and when it has one,
 * the entries listed under 目录 whose leaders were lost: what residue skips and the model keeps apart.
 */
export function tableOfContentsLines(norm: string, lines: Line[], candidates: Iterable<Line>): Set<number> {
  const out = new Set<number>();
  for (const l of candidates) if (isTableOfContentsLine(norm, l)) out.add(l.index);
  if (out.size) for (const i of listedContents(norm, lines)) out.add(i);
  return out;
}

/** The lines listed under a 目录 line, each a title and a page number (a compilation's contents, its leaders lost). */
function listedContents(norm: string, lines: Line[]): number[] {
  const out: number[] = [];
  const nonBlank = lines.filter((l) => !l.blank);
  for (let k = 0; k < nonBlank.length; k++) {
    if (!/^目\s*录$/.test(contentOf(norm, nonBlank[k]))) continue;
    for (let j = k + 1; j < nonBlank.length; j++) {
      const c = contentOf(norm, nonBlank[j]);
      if (!LISTED_ENTRY.test(c) || /[。！？；，]/.test(c)) break;
      out.push(nonBlank[j].index);
    }
  }
  return out;
}

/** A line's content as residue reads it, kept with the line between versions. */
const contentOf = (norm: string, l: Line) => kept(l.results, 'residue-content', () => lineContent(norm, l));

function lineContent(norm: string, l: Line): string {
  let c = norm.slice(l.contentStart, l.contentEnd).trim();
  // Tags inside the words are read as the words alone: the > of <br> is no breadcrumb's arrow.
  if (c.includes('<')) c = c.replace(HTML_MARKUP, '').trim();
  // 发 布 时 间 ： a letter-spaced line (a PDF's extraction) reads as its words.
  if (c.includes(' ') && letterSpaced(c)) c = despaced(c).text;
  return withoutGlosses(c);
}

// A line of prose in a Western language: ten words or more (tested on lines without a Han character).
const FOREIGN_PROSE = /^(?:[A-Za-z'’-]+[\s,.;:!?()"“”，。；：！？（）]+){9,}[A-Za-z'’-]+/;

/**
 * A page that prints a translation of what it shows (a paper database's English abstract, a machine translation
 * of the text): in a Chinese document, a line of English prose is the site's, not the speech's.
 */
function markForeignProse(nonBlank: Line[], content: (l: Line) => string, residue: Set<number>): void {
  const hanIn = (c: string, enough: number) => {
    let han = 0;
    for (let k = 0; k < c.length && han < enough; k++) han += HAN_UNITS[c.charCodeAt(k)];
    return han;
  };
  // Long lines without a Han character (a Chinese line is turned down at its first characters).
  const foreign = nonBlank.filter((l) => {
    const c = content(l);
    return c.length >= 80 && hanIn(c, 1) === 0 && FOREIGN_PROSE.test(c);
  });
  if (foreign.length === 0) return;
  // Chinese by its lines: at least as many lines of Chinese (ten Han characters or more) as of foreign prose.
  const chinese = nonBlank.filter((l) => hanIn(content(l), 10) >= 10).length;
  if (chinese >= foreign.length) for (const l of foreign) residue.add(l.index);
}

/** `norm` is the normalized text (simplified, full-width punctuation). */
export function findResidueLines(norm: string, lines: Line[]): Set<number> {
  const residue = new Set<number>();
  // Glosses and spaces stripped: 時(shí)間：… reads as 時間：…. Made once per line: the passes below ask again.
  const contents = new Array<string | undefined>(lines.length ? lines[lines.length - 1].index + 1 : 0);
  const content = (l: Line) => (contents[l.index] ??= contentOf(norm, l));
  const nonBlank = lines.filter((l) => !l.blank);

  // A line the speech or its script writes under the one before, however like a page's it looks.
  const ownLine = (k: number) => k > 0 && speechOwn(content(nonBlank[k]), content(nonBlank[k - 1]));

  nonBlank.forEach((line, k) => {
    // What a line's own words decide, kept with the line between versions (the server's memo).
    // A forum's copy junk on a line of its own is the page's.
    if (line.junk || (kept(line.results, 'residue-line', () => isFurnitureLine(content(line))) && !ownLine(k))) residue.add(line.index);
  });
  // Only where a 目录 line stands does a title with a page number read as an entry (a handful of lines a page).
  for (const i of tableOfContentsLines(norm, lines, nonBlank.filter((l) => residue.has(l.index)))) residue.add(i);

  // Before the speech proper (its salutation or first real paragraph), short
  // lines that are not the title, a byline or a date are page banners.
  // A page may print the speech's outline (一、… 二、…) before its title and salutation:
  // a speech's parts never come before 同志们, so numbered lines there are the page's.
  const opening = nonBlank.slice(0, 15);
  // The salutation that opens a speech stands alone: 同志们： (not 同志们，认识问题很重要。).
  const salutation = opening.find((l) => SALUTATION.test(content(l)) && content(l).length <= 30 && /[：:！!]$/.test(content(l)));
  if (salutation) {
    const before = opening.filter((l) => l.index < salutation.index);
    const numbered = before.filter((l) => NUMBERED.test(content(l)));
    if (numbered.length >= 2 && !before.some((l) => content(l).length >= 60 && /[。！]/.test(content(l)))) {
      for (const l of before) if (NUMBERED.test(content(l)) && content(l).length <= 60) residue.add(l.index);
    }
  }
  markNewsLead(nonBlank, content, residue);
  markForeignProse(nonBlank, content, residue);
  const bodyStart = nonBlank.find((l) => {
    const c = content(l);
    if (residue.has(l.index) && NUMBERED.test(c)) return false;
    return SALUTATION.test(c) || (c.length >= 60 && /[。！]/.test(c)) || HEADING_START.test(c);
  });
  markAbstracts(norm, nonBlank, residue, salutation);
  // 学习专栏 under 当前位置：首页 > 党建引领 > 学习专栏: the page's column title echoes a crumb (above the breadcrumb too, as a
  // site's menu prints it: 党史学习 / 当前位置：首页 > 党史学习 > 正文).
  const crumbs = new Set<string>();
  let sinceCrumb = 99;
  const top = nonBlank.slice(0, 12);
  top.forEach((l, k) => {
    const c = content(l);
    sinceCrumb++;
    if (c.length <= 200 && hasTwoArrows(c) && BREADCRUMB.test(c)) {
      const parts = c.split(/[>›»：:]/).map((part) => part.trim());
      for (const part of parts) crumbs.add(part);
      for (const above of top.slice(Math.max(0, k - 4), k)) if (parts.includes(content(above)) && !isTitleLike(content(above))) residue.add(above.index);
      sinceCrumb = 0;
      // (The speech's title echoing the last crumb is its title.)
    } else if (sinceCrumb <= 2 && crumbs.has(c) && !isTitleLike(c)) residue.add(l.index);
  });
  if (bodyStart) {
    const head = nonBlank.filter((l) => l.index < bodyStart.index);
    // 每周一学（11月3日-9日）关于《…》的说明 above the meta bar, 关于《…》的说明 under it: the page's headline is the
    // speech's title with a column's words before it. With the speaker's name before it (习近平：在…上的讲话) it is the title.
    head.forEach((line, i) => {
      const c = content(line);
      const repeats = (o: Line) => {
        const t = content(o);
        if (t.length < 10 || c.length <= t.length || !c.endsWith(t) || /[。！？]/.test(t)) return false;
        const before = c.slice(0, c.length - t.length).trim();
        // A title set over two lines below (博雅通达 求真力行 / ——…工作汇报) repeats the headline whole.
        return !/^[\p{Script=Han}·]{2,4}[：:\s]?$/u.test(before) && !head.some((h) => content(h) === before);
      };
      if (head.slice(i + 1).some(repeats)) residue.add(line.index);
    });
    // The line right before the body is its headline or title, whatever it looks like (a forum's copy junk between them stepped over).
    let title = head.length - 1;
    while (title > 0 && head[title].junk) title--;
    const titleBlock = titleOverSpeaker(head, content, residue);
    head.forEach((line, i) => {
      if (i === title || titleBlock.has(i)) return;
      const c = content(line);
      // A title copied from a PDF may be broken over two lines, its byline run into the second (…讲话酒泉市委书记 张三).
      // (Not a banner over a title that opens with 在: 精品推荐 / 在全县大会上的讲话 — only a speaker's name or office goes before 在.)
      const below = i + 1 < head.length ? content(head[i + 1]) : '';
      // (Not over a whole title the page prints again: 我们的节日 / 秋季开学典礼讲话稿 … 秋季开学典礼讲话稿 is a column's name over the page's title.)
      const wholeTitleBelow = isTitleLike(below) && head.filter((h) => content(h) === below).length > 1 && !head.some((h, k) => k !== i && content(h) === c);
      const wrappedTitle = !!below && !(/^在/.test(below) && !isByline(c)) && !wholeTitleBelow && (isTitleLike(c + below) || titleThenByline(c + below));
      const sentence = /[。！？；：]/.test(c);
      // 周生信, or 张三、李四、王五 (a talk given by several): names alone under the title are its byline.
      const nameUnderTitle = i > 0 && isTitleLike(content(head[i - 1])) && /^[\p{Script=Han}·]{2,4}([、，,\s]+[\p{Script=Han}·]{2,4}){0,5}$/u.test(c);
      // A dash line (——在…上的讲话, ——刊于《…》) is the subtitle or source of the title over it, and that line a title.
      const next = head.slice(i + 1).find((l) => !l.junk);
      const dashLine = /^——/.test(c) || (!!next && /^——/.test(content(next)));
      // A page prints its title more than once, and right above its meta bar (发布时间：…; a forum's 发表于 or [复制链接]).
      const pageTitle =
        !/^【[^】]*】$/.test(c) &&
        (head.some((o, k) => k !== i && content(o) === c) ||
        (i + 1 < head.length && /发布时间|发表时间|来源[：:]|发表于|^\[复制链接\]$|^(时间|日期)[：:]\s*\d{4}/.test(content(head[i + 1]))) ||
        /(通知|通报|决定|意见|方案|纪要|公告|公报|决议)$/.test(c));
      // An issuing body's letterhead, set letter-spaced (总 裁 办 电 子 邮 件) or above a document number (〔2016〕83号): the document's own.
      // (Read as written: the line's content has its letter-spacing taken out.)
      const letterhead = /^(\*\*)?(\p{Script=Han}[ \t]+){3,}\p{Script=Han}(\*\*)?$/u.test(norm.slice(line.contentStart, line.contentEnd).trim()) || DOCUMENT_NUMBER.test(c) || (i + 1 < head.length && DOCUMENT_NUMBER.test(content(head[i + 1])));
      // (head is the start of nonBlank: its indexes are nonBlank's.)
      if (c.length <= 20 && !sentence && !isTitleLike(c) && !wrappedTitle && !isByline(c) && !nameUnderTitle && !dashLine && !ownLine(i) && !pageTitle && !letterhead && !SCRIPT_LABEL.test(c)) residue.add(line.index);
    });
  }

  // After a tail opener, the rest of the page, up to where another speech
  // begins (a compilation page goes on with its next speech).
  let inTail = false;
  for (let k = 0; k < nonBlank.length; k++) {
    const line = nonBlank[k];
    if (bodyStart && line.index <= bodyStart.index) continue;
    const c = content(line);
    const facts = line.results ? kept(line.results, 'residue-tail', () => tailFacts(c)) : null;
    if (!inTail && tailFact(facts, OPENS_TAIL, c)) {
      inTail = true;
      // The page prints its title again above its download bar: that copy goes with the tail.
      const above = nonBlank[k - 1];
      const title = above ? content(above) : '';
      if (above && title.length <= 60 && !/[。！？]$/.test(title) && nonBlank.slice(0, k - 1).some((l) => content(l) === title)) residue.add(above.index);
    } else if (inTail && (tailFact(facts, OPENS_SPEECH, c) || (tailFact(facts, TITLE_LIKE, c) && startsBody(nonBlank, k, content)))) inTail = false;
    // The speech goes on after a block of links (a page that interleaves them), unless
    // the long line only repeats what came before (a site abstract after 摘要：).
    else if (inTail && tailFact(facts, LONG_PROSE, c) && !repeatsEarlier(norm, line)) inTail = false;
    if (inTail) residue.add(line.index);
  }
  return residue;
}

const DATE_ONLY = /^(19|20)\d{2}[.．\-/年]\d{1,2}[.．\-/月]\d{1,2}日?$/;

// The date under a speech's byline, in brackets, a template's too: （2021年6月28日） （二〇〇八年一月） （X年X月X日）.
const BRACKETED_DATE = /^（\s*((19|20)\d{2}|[〇○零一二三四五六七八九]{4}|(20)?[X×xＸ*]{1,4})\s*年[^（）]{0,14}）$/;
// A speaker's line: a name, or a template's slot for one, with an office before it or none.
const SPEAKER = /^([\p{Script=Han}]{0,16}(书记|长|主任|主席|委员|部长|经理|同志)\s*)?([\p{Script=Han}·]{2,4}|[X×xＸ*○]{2,6}|某某某?)$/u;

/**
 * 高举…伟大旗帜 / 为建设…而努力奋斗 / 张三 / （2021年6月28日）: a published speech's title, over a line or three,
 * above its speaker and the date. Those title lines are the speech's, however unlike a title they read (head indexes).
 */
function titleOverSpeaker(head: Line[], content: (l: Line) => string, residue: Set<number>): Set<number> {
  const out = new Set<number>();
  const dated = head.findIndex((l, j) => j >= 1 && BRACKETED_DATE.test(content(l)) && SPEAKER.test(content(head[j - 1])));
  if (dated < 0) return out;
  out.add(dated - 1);
  for (let j = dated - 2; j >= 0 && j >= dated - 4; j--) {
    const c = content(head[j]);
    if (residue.has(head[j].index) || c.length > 40 || /[。！？；：]/.test(c)) break;
    out.add(j);
  }
  return out;
}

/** 在…大会上的讲话酒泉市委书记 张三: a title with its byline run into the same line. */
function titleThenByline(c: string): boolean {
  const m = /(讲话|致辞|发言|报告|讲稿|党课)(?=[^讲话致辞发言报告]{2,20}$)/.exec(c);
  return !!m && isTitleLike(c.slice(0, m.index + m[0].length)) && isByline(c.slice(m.index + m[0].length));
}

// A chair's line handing over to a speaker or a reading: 请×××同志作重要讲话。 宣读表彰决定。
const LEAVES_OUT = /(请|由)[^。！？]{0,30}(讲话|致辞|发言|报告|宣读|介绍|作[^。！？]{0,12}(说明|部署|动员))[^。！？]{0,6}[。：！]?$|(宣读|颁发|介绍)[^。！？]{0,12}[。：]$|(讲话|致辞|发言|报告)[。：]$|(讲话|致辞|发言|报告)[。！]?(请?大家)?(热烈)?(鼓掌)?欢迎[！。]?$/;

/**
 * 下面请×××同志作重要讲话。/ …… : a host script's own mark for the speech it leaves out, not a page's cut.
 * 北京市委第一书记 彭真 / 1965.12.14: a date under the speaker's byline is the speech's, not a page's.
 */
function speechOwn(c: string, before: string): boolean {
  return (/^(…+|[．.。]{2,})$/.test(c) && LEAVES_OUT.test(before)) || (DATE_ONLY.test(c) && isByline(before) && !DATE_ONLY.test(before));
}

// What a line's words say to the tail's reading: each test a bit; through the memo all are run once and kept
// with the line as bits, without it only the ones a line is asked.
const TAIL_TESTS = [
  (c: string) => TAIL_OPENER.test(c),
  (c: string) => SALUTATION.test(c) || HEADING_START.test(c),
  isTitleLike,
  (c: string) => c.length >= 100 && /[。！？]/.test(c) && !hasFurniture(c),
];
const OPENS_TAIL = 0;
const OPENS_SPEECH = 1;
const TITLE_LIKE = 2;
const LONG_PROSE = 3;
const tailFacts = (c: string) => TAIL_TESTS.reduce((bits, test, k) => (test(c) ? bits | (1 << k) : bits), 0);
/** Test `k` of the tail's reading on `c`, from its kept bits when there are. */
const tailFact = (facts: number | null, k: number, c: string) => (facts === null ? TAIL_TESTS[k](c) : (facts & (1 << k)) !== 0);

/**
 * A site's abstract: a line near the top that repeats the opening of a later
 * paragraph (推荐阅读：同志们：今天… / 标题同志们：这次…), cut short.
 */
function markAbstracts(norm: string, nonBlank: Line[], residue: Set<number>, salutation: Line | undefined): void {
  const compact = (l: Line) => kept(l.results, 'residue-compact', () => norm.slice(l.contentStart, l.contentEnd).replace(/\s+/g, ''));
  // After the salutation (同志们：) is the speech: its paragraphs may share a refrain, and none is an abstract.
  const head = nonBlank.slice(0, 6).filter((l) => !salutation || l.index < salutation.index);
  for (let i = 0; i < head.length; i++) {
    const c = compact(head[i]);
    // A title the first sentence restates (…开学典礼的讲话 / 今天我们隆重举行…开学典礼) is the speech's own.
    if (c.length < 40 || residue.has(head[i].index) || isTitleLike(c)) continue;
    // A probe from inside the line, past any label and title it starts with (and past a salutation the abstract
    // copies after the title: 在…上的讲话 同志们：根据…).
    const greeting = /^.{0,60}?(同志们|朋友们|各位[^：]{0,20}|尊敬的[^：]{0,20})：/.exec(c);
    const from = greeting && c.length - greeting[0].length >= 24 ? greeting[0].length : Math.min(c.length - 24, 20);
    const probe = c.slice(from, from + 24);
    for (let j = i + 1; j < Math.min(nonBlank.length, i + 8); j++) {
      const later = compact(nonBlank[j]);
      // The very same paragraph again is a page printing the speech's opening twice, not an abstract of it.
      if (later === c) break;
      if (later.length > c.length * 0.8 && later.includes(probe)) {
        residue.add(head[i].index);
        break;
      }
    }
  }
}

/** A title that a salutation or a paragraph follows opens a speech; one among a list of links does not. */
function startsBody(nonBlank: Line[], k: number, content: (l: Line) => string): boolean {
  const next = nonBlank[k + 1];
  if (!next) return false;
  const c = content(next);
  return SALUTATION.test(c) || c.length >= 40 || isByline(c);
}

/**
 * 习近平：在北京大学师生座谈会上的讲话 / 文章来源：… 发布时间：… / 5月2日，…习近平来到北京大学考察… /
 * 在北京大学师生座谈会上的讲话: between a page's meta bar and the speech's own title, where that title
 * repeats the page's title above the bar, what stands is the page's news lead, not the speech.
 */
function markNewsLead(nonBlank: Line[], content: (l: Line) => string, residue: Set<number>): void {
  const opening = nonBlank.slice(0, 12);
  opening.forEach((meta, i) => {
    if (!residue.has(meta.index) || !/发布时间|发表时间|来源[：:]|作者[：:]/.test(content(meta))) return;
    for (let j = i + 2; j <= Math.min(i + 3, opening.length - 1); j++) {
      const title = content(opening[j]);
      if (!isTitleLike(title)) continue;
      const echoed = opening.slice(Math.max(0, i - 4), i).some((l) => content(l) !== title && content(l).includes(title));
      if (!echoed) return;
      // A lead is news prose; a short line without a full stop is the title's own first half (博雅通达 求真力行 / ——…工作汇报).
      if (opening.slice(i + 1, j).some((l) => content(l).length < 40 && !/[。！？]/.test(content(l)))) return;
      for (let k = i + 1; k < j; k++) residue.add(opening[k].index);
      return;
    }
  });
}

/** Whether a line's text (a probe from its start) already stands earlier in the text. */
function repeatsEarlier(norm: string, line: Line): boolean {
  const probe = norm.slice(line.contentStart, line.contentEnd).replace(/\s+/g, '').slice(30, 54);
  if (probe.length < 24) return false;
  // Found as it stands before the line, or with white space between its characters (wrapped or spaced differently there).
  const plain = norm.indexOf(probe);
  if (plain >= 0 && plain < line.contentStart) return true;
  const first = probe[0];
  for (let at = norm.indexOf(first); at >= 0 && at < line.contentStart; at = norm.indexOf(first, at + 1)) {
    let j = 1;
    for (let i = at + 1; j < probe.length && i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (c === probe.charCodeAt(j)) j++;
      else if (!WHITE_SPACE[c]) break;
    }
    if (j === probe.length) return true;
  }
  return false;
}


const OFFICE_TITLE_IN = new RegExp(OFFICE_TITLE);

function isByline(c: string): boolean {
  return (
    OFFICE_TITLE_IN.test(c) ||
    /\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年/.test(c) ||
    /^（/.test(c)
  );
}

import { describe, expect, it } from 'vitest';
import { announcementReport, checkDocument, defaultConfig, parseDocument } from '../server/src/core';
import { findPlaceholders, mayHoldPlaceholder } from '../server/src/core/placeholders';
import { fuzzDraft, rng } from './fuzzDrafts';
import { codes, lines, seed, SEEDS } from './helpers';

const lineOfOffset = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const runs = (text: string, markdown = false) => findPlaceholders(text, { markdown }).map((p) => p.text);

describe('placeholders on the seeds', () => {
  for (const name of SEEDS) {
    it(`${name}: the count on every line matches the truth`, () => {
      const { text, truth } = seed(name);
      const got = new Map<number, number>();
      for (const l of lines(codes(text, 'placeholder'))) got.set(l, (got.get(l) ?? 0) + 1);
      const want = new Map(truth.placeholders.map((p) => [p.line, p.count]));
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    });
  }

  it('a template in traditional script holds the same slots as in simplified (x區長, （待補）, 根據實際替換)', () => {
    const simplified = '尊敬的x区长，同志们：今年全县投资增长--%（待补），请（此处根据实际替换为单位名称）介绍经验。';
    const traditional = '尊敬的x區長，同志們：今年全縣投資增長--%（待補），請（此處根據實際替換為單位名稱）介紹經驗。';
    expect(runs(simplified)).toEqual(['x', '--', '（待补）', '（此处根据实际替换为单位名称）']);
    expect(runs(traditional)).toEqual(['x', '--', '（待補）', '（此處根據實際替換為單位名稱）']);
  });

  it('a template’s fields in brackets are slots, named in the message; a bracket that only mentions a field is not', () => {
    const text = '同志们：\n感谢【单位名称】的支持，请[姓名]同志发言。{会议名称}期间全市投资增长（具体数字），△△△同志作报告。\n';
    expect(runs(text)).toEqual(['【单位名称】', '[姓名]', '{会议名称}', '（具体数字）', '△△△']);
    expect(codes(text, 'placeholder').map((d) => d.message)[0]).toBe('未填写的占位符“【单位名称】”，此处应为单位名称。');
    expect(runs('会议时间（北京时间）上午九点，请提交材料（含单位名称）和（2024年度）报表。')).toEqual([]);
    // What a slot stands for is read in either script: 億元 is 亿元, 同誌 is 同志.
    const said = (t: string) => codes(t, 'placeholder').map((d) => (d.data as { meaning: string }).meaning);
    expect(said('同誌們：今年投資×億元，增長×%，×××同誌作報告。')).toEqual(['金额', '百分比', '人名或职务']);
    expect(said('同志们：今年投资×亿元，增长×%，×××同志作报告。')).toEqual(['金额', '百分比', '人名或职务']);
    // A title or a byline's role before a slot, a space between or not, asks for a name.
    expect(said('水利局局长 XXX\n主讲人：××\n今年新建水库×座。')).toEqual(['人名或职务', '人名或职务', '数量']);
    // Who one is, where one comes from, and a number of years are a name, a unit and a count, not a year.
    expect(said('大家好，我叫×××，来自××，参加工作已有××年。')).toEqual(['人名或职务', '单位名称', '数量']);
    // A surname before any title of office (traditional too), a name whose speech or report is spoken of.
    expect(said('欢迎×处长、××厅长和×校长。下面请×××作重要讲话，再次感谢×××的讲话。')).toEqual(Array(5).fill('人名或职务'));
    expect(said('歡迎×處長。')).toEqual(['人名或职务']);
    expect(said('请xxx副市长传达文件精神，再请xxx代市长讲话。')).toEqual(['人名或职务', '人名或职务']);
    expect(said('***总书记指出，要不断学习领会。××总经理作了报告。')).toEqual(['人名或职务', '人名或职务']);
    expect(said('回顾总结了x年度安全生产情况，他已有**年党龄。')).toEqual(['年份', '数量']);
    expect(said('将培训列入了201x年年度工作计划。')).toEqual(['年份']);
    expect(said('要牢记（一位领导同志的职务，一个组织的首领）的殷切期望。')).toEqual(['人名或职务']);
    // A converter's pinyin glosses between the slot and its words are read past.
    expect(said('公司黨組書(shū)記、總經(jīng)理×××多次強調指出。')).toEqual(['人名或职务']);
    expect(said('坚持人民至上\nXXX\n（2024年1月5日）\n同志们：')).toEqual(['人名或职务']);
    expect(said('今天举行XXXX学年度表彰大会。')).toEqual(['年份']);
    expect(said('我宣布__中学20__—20__学年开学典礼开始！')).toEqual(['单位名称', '年份', '年份']);
    // Slots joined by 、 or 和 stand for the same kind of thing: the last one's words tell it.
    expect(said('建议由×××、×××担任副秘书长，欢迎×××和×处长。')).toEqual(Array(4).fill('人名或职务'));
    expect(said('××年×月，我们召开了动员会。高xxxx届的同学已经毕业。')).toEqual(['年份', '日期', '年份']);
    // A place's people or land, and a place one is stationed in.
    expect(said('向驻××部队官兵致敬，向××儿女问好。')).toEqual(['地名', '地名']);
    // An empty bracket is a blank to fill in; a Markdown task box or a call f() is not.
    expect(runs('成立（　　）领导小组，完成（ ）项任务。')).toEqual(['（　　）', '（ ）']);
    expect(runs('- [ ] 准备会议材料\n调用 f() 即可', true)).toEqual([]);
    // 〇〇年〇〇月 with no numeral beside it is a date to fill; 二〇〇八年 is a year written out.
    expect(runs('会议定于〇〇年〇〇月召开，二〇〇八年和两〇〇〇年的数据附后。')).toEqual(['〇〇', '〇〇']);
  });

  it('the prefilter never passes over a line that holds a placeholder (samples, 500 random drafts, the slots written for these tests)', () => {
    const random = rng(23);
    const texts = [...SEEDS.map((n) => seed(n).text), ...Array.from({ length: 500 }, () => fuzzDraft(random)), ['成立（　　）领导小组', '【单位名称】', '△△同志', '〇〇年', 'x區長', '（待補）', '某某', '增长--%', '20xx年', '*县长'].join('\n')];
    for (const line of texts.flatMap((t) => t.split(/\r?\n|\r/))) if (findPlaceholders(line).length) expect(mayHoldPlaceholder(line, 0, line.length), line).toBe(true);
  });

  it('×区-× is two placeholders, ××× is one, and each range is exactly the run', () => {
    const text = '低于目标值的有×区-×、×××同志';
    const ps = findPlaceholders(text);
    expect(ps.map((p) => [p.text, p.start])).toEqual([['×', 7], ['×', 10], ['×××', 12]]);
  });
});

describe('placeholder shapes', () => {
  it.each([
    ['投资×亿元', ['×']],
    ['增长×%', ['×']],
    ['有XX个项目', ['XX']],
    ['前×个月', ['×']],
    ['达到 X 亿元', ['X']],
    ['×同志通报了情况', ['×']],
    ['省委X书记', ['X']],
    ['X省人民政府', ['X']],
    ['XX区', ['XX']],
    ['中国制造“×”试点', ['×']],
    ['20xx 年考核结果', ['20xx']],
    ['201x年', ['201x']],
    ['20XX年', ['20XX']],
    ['20**年', ['20**']],
    ['X月X日召开', ['X', 'X']],
    ['xx同志', ['xx']],
    ['XXXX资源型城市', ['XXXX']],
    ['某某同志', ['某某']],
    ['○○县', ['○○']],
    ['□□单位', ['□□']],
    ['增长***%', ['***']],
    ['金额为____元', ['____']],
    ['增长--%', ['--']],
    ['数据（待补）', ['（待补）']],
    ['【待定】', ['【待定】']],
    ['全年完成投资（待补充）亿元', ['（待补充）']],
    ['参会名单（名单待定）', ['（名单待定）']],
    ['增长率（数据待更新）', ['（数据待更新）']],
    ['会议于○月○日召开', ['○', '○']],
    ['二○二四年○月', ['○']],
    ['囗囗同志', ['囗囗']],
    ['今年的亮点（此处插入具体数据）十分突出', ['（此处插入具体数据）']],
    ['我们的做法（举例说明）', ['（举例说明）']],
    ['[具体事例]说明了这一点', ['[具体事例]']],
    ['在<会议名称>上', ['<会议名称>']],
    ['尊敬的{{嘉宾姓名}}：', ['{{嘉宾姓名}}']],
  ])('%s', (text, want) => {
    expect(runs(text)).toEqual(want);
  });
});

describe('not placeholders', () => {
  it.each([
    'GDP增长6%',
    '3D打印',
    'CPU和Excel',
    '新款iPhone X发布',
    'X射线检查，拍X光片',
    '推行“X”型结构，形成“Y”字形布局',
    '阿Q正传',
    '面积3×4米',
    '2×10^6次',
    'Windows XP',
    '宝马X5',
    '（此处有掌声）',
    '□加强组织领导，健全工作机制。',
    '（具体情况见附件）',
    '这个判断（有待确认）还不成熟',
    '名单（略）',
    '推行1+X证书制度',
    '高考改为“3+X”模式，推广“X+1”工作法',
    '某些地方，某单位',
    '二○○八年',
    '注：带*的为约束性指标',
    '我们要学习（一位老党员的先进事迹），向他看齐。',
    '主要指标：粮食产量*、 工业增加值均创新高。',
    'o八年',
  ])('%s', (text) => {
    expect(runs(text)).toEqual([]);
  });

  it.each([
    '[文章编号] 1009-928X(2018)07-0006-04',
    '身份证号码：11010519491231002X',
    '标准之争中，我们没有做IS-95，做的是CDMA 1X，可国内招标只要IS-95，不要1X。',
  ])('a code’s check character or a model’s name: %s', (text) => {
    expect(runs(text)).toEqual([]);
  });

  it('a slot after digits keeps its unit and is still one: 201X年, 增长1X%', () => {
    expect(runs('201X年全市增长1X%。')).toEqual(['201X', '1X']);
  });

  it('a bold lead in a Markdown transcript (its number before it, its answer run on after it) is no slot', () => {
    const md = '**1、记者：您怎么看今年的市场？**答：市场很好。\n一、**在向高端市场进军的过程中，不要忽略低端市场。**\n';
    expect(runs(md, true)).toEqual([]);
    // Plain text: **年**月 is a template's masked date, as before.
    expect(runs('会议于**年**月召开。')).toEqual(['**', '**']);
  });

  it('Markdown emphasis, bullets and rules are not placeholders in .md', () => {
    const md = '**重点**工作\n\n* 条目一\n* 条目二\n\n---\n\n***\n\n__强调__\n';
    expect(runs(md, true)).toEqual([]);
    expect(codes(md, 'placeholder', true)).toHaveLength(0);
  });

  it('extra patterns and exclusions come from configuration', () => {
    expect(findPlaceholders('请填写〈单位〉', { extraPatterns: ['〈[^〉]+〉'] }).map((p) => p.text)).toEqual(['〈单位〉']);
    expect(findPlaceholders('型号XX-100已淘汰', { exclusions: ['XX-100'] })).toHaveLength(0);
  });

  it('a slot on a line of the page (a crumb, a related title) is still a slot; a line of forum copy junk holds none', () => {
    const text = '当前位置：首页 > 讲话稿 > XX县长在20XX年工作会议上的讲话\n同志们：\n今年增长×%。\n下一篇：在XX镇换届大会上的讲话\n8 l" k3 m; C! J# X- ?  M\n';
    const doc = parseDocument(text);
    expect([...doc.residueLines].sort()).toEqual([0, 3, 4]);
    expect(doc.placeholders.map((p) => `${lineOfOffset(text, p.start)}:${p.text}`)).toEqual(['0:XX', '0:20XX', '2:×', '3:XX']);
  });
});

describe('web-residue on the seeds', () => {
  for (const name of SEEDS) {
    it(`${name}: exactly the truth's residue lines`, () => {
      const { text, truth } = seed(name);
      expect(lines(codes(text, 'web-residue'))).toEqual(truth.residue_lines);
    });
  }

  it('keeps the title, byline and date of a speech', () => {
    const text = '在全市工作会议上的讲话\n市委书记 张三\n（2024年1月5日）\n同志们：\n今天召开会议。\n';
    expect(codes(text, 'web-residue')).toHaveLength(0);
  });

  it('does not flag speech sentences that mention 评论 or 分享', () => {
    const text = '同志们：\n要及时回应网上评论。\n要分享经验。\n';
    expect(codes(text, 'web-residue')).toHaveLength(0);
  });
});

describe('more shapes seen in templates', () => {
  it('a masked decimal ×.× is one placeholder', () => {
    expect(runs('地区生产总值增长×.×%')).toEqual(['×.×']);
  });

  it('a Markdown horizontal rule is not web residue', () => {
    expect(codes('同志们：\n今天开会。\n\n---\n\n要抓落实。\n', 'web-residue', true)).toEqual([]);
  });
});

describe('page furniture from document-sharing sites', () => {
  it.each([
    '当前位置：首页 > 讲话稿 > 领导讲话',
    '更新时间：2023-01-05 栏目：领导讲话',
    '文档格式：.doc 文档页数：12页 下载积分：2',
    '【本文地址：http://www.example.cn/a/123.html】',
    '全文共3000字，阅读本文需要5分钟',
    '立即下载',
    '第 2 页 共 10 页',
    '- 3 -',
  ])('%s', (line) => {
    const text = `在全市工作会议上的讲话\n${line}\n同志们：\n今天召开会议，研究部署今年工作。\n`;
    expect(lines(codes(text, 'web-residue'))).toEqual([2]);
  });
});

describe('measurements and headings', () => {
  it('a product of measurements is not a placeholder', () => {
    expect(runs('长100米×宽50米')).toEqual([]);
    expect(runs('3米×4米的展板')).toEqual([]);
    expect(runs('有×个县')).toEqual(['×']);
  });

  it('a numbered heading with a furniture word is not residue', () => {
    expect(codes('同志们：\n今天开会。\n三、加强版权保护\n（一）做好文物收藏工作\n', 'web-residue')).toEqual([]);
  });
});

describe('headlines', () => {
  it('a short news headline right before the text is not residue', () => {
    const text = '全市三季度经济运行分析会召开\n本报讯 10月12日，全市三季度经济运行分析会召开。市长出席会议并讲话，会议指出前三季度全市经济运行总体平稳。\n';
    expect(codes(text, 'web-residue')).toEqual([]);
  });
});

describe('placeholders as real templates mask data', () => {
  const texts = (t: string, markdown = false) => findPlaceholders(t, { markdown }).map((p) => p.text);

  it.each([
    ['请*县长讲话。', ['*']],
    ['今天召开*镇**年度总结大会，总结**年工作。', ['*', '**', '**']],
    ['20*年是全区发展史上不平凡的一年。', ['20*']],
    ['但*起事故造成*人死亡，*个家庭失去亲人。', ['*', '*', '*']],
    ['我代表中共**市委、**市人民政府，对****公司开业表示祝贺。', ['**', '**', '****']],
    ['深入实施“六个**”和“平安**”战略。', ['**', '**']],
    ['刚才，*部门、* 县（区）作了发言。', ['*', '*']],
    ['按照年初确定的“*”思路，建设“*制造新城”。', ['*', '*']],
    ['总之，##县最大的事是招商引资，##上了一条电视机生产线。', ['##', '##']],
  ])('asterisks standing for names, places and years: %s', (t, want) => {
    expect(texts(t)).toEqual(want);
  });

  it.each([
    ['欢迎x市长作重要讲话。', ['x']],
    // A PDF's extraction sets spaces around the slot: still a name, a body, a number.
    ['按照 x 直机关党工委要求，我们召开 x 党支部组织生活会，局长 x 同志参加，x 名党员请假。', ['x', 'x', 'x', 'x']],
    ['尊敬的x区长、各位来宾：', ['x']],
    ['中国_百年史，就是一部奋斗史。', ['_']],
    ['开学典礼定于20_年9月举行。', ['20_']],
    // In a page's name (no sentence mark on its line) an underscore joins two names: 标题_栏目, 标题_文库.
    ['县委书记在春耕动员会上的讲话_领导讲话范文\n同志们：', []],
    ['春耕动员讲话稿_农业农村局 春耕动员讲话稿_农业农村局\n同志们：', []],
    ['市长讲话_百度文库\n中国_百年史，就是一部奋斗史。', ['_']],
    ['这次会议总结~的工作，部署~的任务。', ['~', '~']],
    ['深入学习贯彻(领导人姓名和职务，请根据实际替换)系列重要讲话精神。', ['(领导人姓名和职务，请根据实际替换)']],
    ['各级各部门要牢记（一位领导同志的职务，一个组织的首领）的殷切期望。', ['（一位领导同志的职务，一个组织的首领）']],
  ])('other masks: %s', (t, want) => {
    expect(texts(t)).toEqual(want);
  });

  it.each([
    '**四、****加强组织领导**',
    '**一、改革分三步走：第一步，建机制；第二步，调结构；第三步，转职能，各单位要按照时间节点推进落实，确保改革平稳有序。**',
    '**要建设保障部****队****，以及后勤部****队****。**',
    '计划安排在3~5月完成，一月～三月试点。',
    '注：带*的为约束性指标',
    '我们要学习（一位老党员的先进事迹），向他看齐。',
    '主要指标：粮食产量*、 工业增加值均创新高。',
    'variable_name 与 snake_case 不是空位',
    '函数中变量 x 的取值范围要先确定。',
    '标签：#动员大会 #讲话稿',
    '## 一、统一思想',
    '铜片（ｘī）是拼音注音残留',
  ])('markup, ranges and notes are not placeholders: %s', (t) => {
    expect(texts(t)).toEqual([]);
  });
});

describe('web residue as real pages leave it', () => {
  const residue = (text: string) => lines(codes(text, 'web-residue'));

  it('a long title whose words the first sentence says again is the speech’s title, not a site’s abstract', () => {
    const text =
      '在全市第十届职工运动会暨全民健身月启动仪式、优秀职工表彰暨职工技能大赛颁奖典礼开幕式暨文艺汇演上的讲话\n各位领导、同志们：\n' +
      '今天，我们在这里隆重举行全市第十届职工运动会暨全民健身月启动仪式、优秀职工表彰暨职工技能大赛颁奖典礼开幕式暨文艺汇演，这是全市职工的一件盛事。\n';
    expect(residue(text)).toEqual([]);
    // A site's abstract is the opening cut short, and still the page's.
    expect(residue(`${text.split('\n')[2].slice(0, 56)}……\n${text}`)).toEqual([1]);
  });

  it('over a title the page prints twice, a column’s name is the page’s; a main title over its subtitle stays the speech’s', () => {
    const body = '尊敬的老师们、亲爱的同学们：\n新的学期开始了，我们又回到了美丽的校园，开始了紧张而又快乐的校园生活。\n';
    expect(residue(`校园活动资料阅览\n秋季开学典礼讲话稿\n\n我们的节日\n秋季开学典礼讲话稿\n${body}`)).toEqual([1, 4]);
    expect(residue(`勤学善思 笃行致远\n秋季开学典礼讲话稿\n${body}`)).toEqual([]);
  });

  it('a hacked site’s injected title and a column’s name printed above its breadcrumb are the page’s', () => {
    const body = '一九二一年，我们党开第一次代表大会，这是开天辟地的大事变，中国革命的面貌从此焕然一新。\n';
    const page = `某某娱乐场_真人视讯_全讯网 (中国)·官方网站\n\n党史学习\n\n当前位置: 首页 > 党史学习 > 正文\n\n论党的历史 15\n\n${body}`;
    expect(residue(page)).toEqual([1, 3, 5]);
    expect(residue(`在线视频_免费观看_高清资源_最新合集\n${body}`)).toEqual([1]);
    // Two phrases joined by _ may be a title and its part (讲话_摘要): not by this alone.
    expect(residue(`在全县春耕动员会上的讲话_摘要\n同志们：\n${body}`)).toEqual([]);
    // A heading about gambling is the speech's; so is a sentence that speaks of it.
    expect(residue(`同志们：\n三、严厉打击地下赌场\n要坚决打击地下赌场和网络博彩，决不手软。\n坚决取缔非法彩票平台\n各地要开展专项整治。\n各单位要及时关注省政府官网\n`)).toEqual([]);
  });

  it('a news page’s lead into the full text and its photo credit are the page’s', () => {
    const text = '本报北京3月13日电 大会今天上午闭幕，国家主席出席并发表重要讲话。以下为讲话全文：\n\n图源：新华社\n\n各位代表：\n这次大会选举我继续担任国家主席，我对各位代表的信任，表示衷心感谢！\n';
    expect(residue(text)).toEqual([1, 3]);
  });

  it('a site’s abstract that copies the title and the salutation before the opening sentence is the page’s', () => {
    const opening = '根据县委统一安排部署，今年的中青年干部培训班今天就要开学了。在此，我代表县委向参加培训的全体学员表示热烈的欢迎！';
    const text = `在县委党校中青年干部培训班开学典礼上的讲话 同志们：${opening}\n同志们：\n${opening}向各位老师表示衷心的感谢！\n`;
    expect(residue(text)).toEqual([1]);
    // The speech's own opening line, salutation and all, is not an abstract of itself.
    expect(residue(`同志们：${opening}\n今天的培训，主要任务是学习。\n`)).toEqual([]);
  });

  it('a 范文 site’s collection furniture: its contents run into one line, 正文, 文章标题：', () => {
    const body = '尊敬的各位领导、青年朋友们：\n今天，我们在这里举行团校开学典礼，我代表局党委表示热烈的祝贺！\n';
    const page = `第一篇：在团校开学典礼上的讲话第二篇：在作风整顿大会上的讲话第三篇：在干部大会上的讲话\n正文\n第一篇：在团校开学典礼上的讲话\n文章标题：在团校开学典礼上的讲话\n在团校开学典礼上的讲话\n${body}`;
    expect(residue(page)).toEqual([1, 2, 3, 4]);
  });

  it('a site’s name with 首页 above the title, and a post’s month-day with the site’s name, are the page’s', () => {
    const body = '同志们：\n今天，我们在这里专门召开全市防汛工作会议，全面安排部署今年的防汛工作。\n';
    expect(residue(`某某素材网 首页\n\n市长在全市防汛工作会议上的讲话\n\n10-28 某某素材网\n${body}`)).toEqual([1, 5]);
  });

  it('a blog’s copyright block after the speech is the page’s', () => {
    const text = '同志们：\n一、绷紧安全生产这根弦。安全是发展的前提，没有安全一切工作都等于零。\n© 版权声明\n文章版权归作者所有，未经允许请勿转载。\nTHE END\n';
    expect(residue(text)).toEqual([3, 4, 5]);
  });

  it('a salutation with a site’s watermark run on after it is still the speech’s line; the watermark alone is the site’s', () => {
    const text = '同志们: 范文汇,办公文档之家\n今天召开大会，主要任务是部署全年工作。\n范文汇,办公文档之家\n一、统一思想\n';
    expect(residue(text)).toEqual([3]);
  });

  it('a column title echoing a crumb is the page’s; the speech’s title echoing the last crumb is its title', () => {
    const body = '同志们：\n今天召开大会，目的很明确，就是要把大家的认识都统一起来，把大家的力量都凝聚起来。';
    expect(residue(`首页>演讲稿>公众演讲>在纪念大会上的讲话\n在纪念大会上的讲话\n${body}`)).toEqual([1]);
    expect(residue(`当前位置：首页 > 党建引领 > 学习专栏\n学习专栏\n${body}`)).toEqual([1, 2]);
  });

  it('a title right above a meta bar that opens 时间： is the page’s title, not a banner', () => {
    const text = '首页 理论学习 “实干精神”(上)\n\n“实干精神”(上)\n\n时间:2022-01-26 理论学习 版权反馈\n干部的精神状态决定工作成效，要在实干中锤炼作风，在担当中彰显本色，这是各级干部必须回答好的问题，也是群众检验干部的标尺。';
    expect(residue(text)).toEqual([1, 5]);
  });

  it('a site abstract above the salutation is residue; paragraphs after it that share a refrain are speech', () => {
    const refrain = '各级各部门要高度重视，认真抓好落实，确保各项任务取得实实在在的成效。';
    const speech = `同志们：\n下面，我讲三点意见。\n一是提高政治站位。${refrain}\n二是突出工作重点。${refrain}\n三是强化责任落实。${refrain}\n`;
    expect(residue(speech)).toEqual([]);
    expect(announcementReport(parseDocument(speech))).toMatchObject([{ announced: 3, found: 3 }]);
    // The same page with the site's abstract (the opening, cut short) printed above the salutation.
    const page = `摘要：在全县大会上，县长强调各级各部门要高度重视，认真抓好落实，确保各项任务取得实实在在的成效……\n${speech.replace('同志们：\n', '同志们：\n在全县大会上，县长强调各级各部门要高度重视，认真抓好落实，确保各项任务取得实实在在的成效，现将有关要求通报如下。\n')}`;
    expect(residue(page)).toEqual([1]);
  });

  it('a sharing site’s notices, credits and labels are residue wherever they stand; the same words in a sentence are speech', () => {
    const speech = '在全县工作会议上的讲话\n同志们：\n今天召开这次会议，主要任务是总结去年工作，部署今年任务。\n一、统一思想\n要提高认识，确保各项工作落地见效。\n二、狠抓落实\n要真抓实干，确保全年目标任务圆满完成。\n';
    const notices = ['前言：本站为你精心整理了安全生产月启动仪式上的讲话范文，希望能为你的创作提供参考价值，我们的客服老师可以帮助你，欢迎咨询。', '以下是我们为您搜集的与“院长致辞”有关的资料，大家可以通过你在台上的发言而认识你，供你参考，希望能够帮助到大家！', '院长年会致辞1000字。', '医院院长年会致辞【篇1】', '在日常学习、工作或生活中，大家总少不了接触作文或者范文吧。这里我整理了一些优秀的范文，希望对大家有所帮助，下面我们就来了解一下吧。', '导语：讲话稿是领导在会上讲话的文稿，下面是一篇县长讲话稿，供大家参考。', '阅读提示：本文约3000字', '声明：本文来源于网络，版权归原作者所有，如有侵权请联系删除。', '温馨提示：本文内容仅供参考', '编辑：张三  审核：李四', '投稿邮箱：abc@163.com', '（此文档为word格式，可任意编辑修改）', '返回目录', '精品资料', '版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领', '本文来自投稿，不代表本站立场', '本文是由网友投稿的《县长讲话》，希望对大家有所帮助。', '【导读】这是一篇关于县长讲话的文章。', '【摘要】：本文是县长在全县大会上的讲话。', '首页 党政范文 领导讲话', '已阅读5页，还剩13页未读 继续免费阅读', '在全县工作会议上的讲话_第1页', '欢迎来到某某合作经济网', '网站编辑：叶某', '加载中，请稍候......', '以文本方式查看主题 - 某某部落 -- 『 茶艺社 』', '- 1、本文档由用户上传，平台整理后发布。', '- 2、本文档内容版权归属原作者所有，收益归内容提供方所有。', '申明敬告：本站不保证文档的完整性，请预览后再下载。', '3、请仔细阅读文档，确认后进行付费下载。', '开幕词怎么写？下面是我们的范文网给大家精编的9篇开幕词，内容仅供参考！', '以下我们为大家精选的12篇表态发言，欢迎阅读。', '论文部分内容阅读', '2025/12/09演讲稿', '主持会议的开场白篇1', '表态发言 篇2', '县长强调要抓好春耕生产。以下是网友为您整理分享的“县长在全县春耕生产工作会议上的讲话汇编”相关范文，供您参考！'];
    for (const notice of notices) {
      expect(residue(`${notice}\n${speech}`)).toEqual([1]);
      expect(residue(`${speech}${notice}\n`)).toEqual([8]);
    }
    for (const sentence of ['下面，我讲几点意见，供大家参考。', '这份材料是办公室为大家整理分享的，请认真学习。', '以上意见仅供参考，不妥之处请批评指正。', '以上意见，仅供参考！', '以上是我的一点体会，希望对大家有所帮助。', '谢谢大家！', '首页要做好，群众才满意。', '欢迎来到美丽的东山县！', '我赞同大家的意见。', '温馨提示：请将手机调至静音。', '视频：《奋进新时代》', '要加强编辑审核，确保内容准确。', '这些资料整理自网络公开信息，我们逐一做了核实。', '我给大家整理了三篇学习材料，会后发到群里。', '会前，办公室为大家整理的学习材料已经发到各位手中。', '今年的讲话稿共3000字。', '详见http://www.gov.cn/zhengce/2024.htm。', '报名请登录www.zjzs.net，按要求填报。'])
      expect(residue(`${speech}${sentence}\n`)).toEqual([]);
    // A site's menu, labels and counters, above the title or after the text.
    for (const line of ['网站首页 | 范文大全 | 工作总结 | 讲话稿', '手机版', '设为首页', '文章分类：领导讲话', '标签：讲话稿,工作会议']) expect(residue(`${line}\n${speech}`)).toEqual([1]);
    // A journal database's page: its menu (items parted by bars or wide gaps), its search button, citation and notes.
    for (const line of ['首页 | 学科导航   期刊检索 | 高级检索', '检索', '【字体  】 【背景色 杏仁黄 秋叶褐 天蓝(默认色)', '引用本文:张三.在全县工作会议上的讲话[J].某某政报,2006(10).', '作者姓名:张三', '本文献已被 CNKI 等数据库收录!'])
      expect(residue(`${line}\n${speech}`), line).toEqual([1]);
    expect(residue(`${speech}要检索问题，一个也不放过。\n`)).toEqual([]);
    // A forum's advertisement of books, each with its author; one book quoted in a sentence is speech.
    expect(residue(`《公文写作入门》作者张三《机关文稿五十讲》作者李四\n${speech}`)).toEqual([1]);
    expect(residue(`${speech}大家要读《机关文稿五十讲》，作者是一位老秘书。\n`)).toEqual([]);
    // A Word drawing's name left on its own line, right above the salutation (where a title would stand).
    for (const shape of ['Shape2', '文本框 1']) expect(residue(`在全县工作会议上的讲话\n2026-03-18 10.00元 免费试读\n${shape}\n同志们：\n今天召开会议。\n`), shape).toEqual([2, 3]);
    for (const line of ['意见反馈 | 关于我们 | 广告服务', '相关标签：讲话稿', '文章编号：12345', '发布者：管理员', '录入：张三', '浏览量：1234', '原文链接', '还剩3页未读，继续阅读', '点击展开全文', '阅读(1234)', '页数：12', '字数：3000', '加入书架', '最近更新', '用户名：', '密   码：', '验证码：', '本文共计2356字', '阅读本文大约需要5分钟', '感谢阅读', '谢谢观看', 'THANKS', '喜欢', '赠金笔', '最新资料推荐', 'Word格式', '可修改编辑', '打印', '友情链接', '微信支付', '| 党的建设', '此页面上的内容需要较新版本的 Adobe Flash Player。', '获取 Adobe Flash Player', '10-28 | 移动端：区委书记在全区领导干部大会上的讲话'])
      expect(residue(`${speech}${line}\n`)).toEqual([8]);
    // A WeChat article's captions, credits and closing lines.
    for (const line of ['编辑 | 张三', '本期编辑：张三', '摄影：李四', '往期推荐', '- END -', '喜欢就点个在看吧', '转发是最大的支持', '来源丨某某日报', '作者丨张三', '编辑丨李四', '文｜王五', '[图片]', '[视频]', '点击图片查看大图', '赞同 123', '（本文系作者原创，转载请联系授权）', '未经授权，禁止转载。', '附件列表']) expect(residue(`${speech}${line}\n`)).toEqual([8]);
    // A document site's footer: its name before the title, printed once or twice.
    for (const line of ['腾讯文库在全县安全生产工作会议上的讲话', '百度文库在全县安全生产工作会议上的讲话在全县安全生产工作会议上的讲话']) expect(residue(`${speech}${line}\n`), line).toEqual([8]);
    for (const caption of ['▲图为会议现场', '▲ 县委书记张三讲话']) expect(residue(speech.replace('二、狠抓落实', `${caption}\n二、狠抓落实`))).toEqual([6]);
    // A ▲ bullet opening a list's item and words like 文字： in a sentence are the speech's.
    expect(residue(`${speech}▲统一思想，提高认识。\n文字：要简洁明了，让群众看得懂。\n关键要看成效，重点在看落实。\n`)).toEqual([]);
    // A Markdown table's row and a sentence that starts with the same words are the draft's.
    expect(residue(`${speech}| 姓名 | 职务 | 单位 |\n关于我们县的发展，我再讲两句。\n`)).toEqual([]);
    // A page's link lines, whatever the colon (the text is read with a full-width one).
    for (const link of ['原文链接：https://mp.weixin.qq.com/s/abc', 'https://mp.weixin.qq.com/s/abc', '网址：www.fanwen.com']) expect(residue(`${speech}${link}\n`)).toEqual([8]);
  });

  it('a forum thread: its bars, counters, floor labels and the replies after the post are residue; the post is the speech', () => {
    const post = ['同志们：', '今年汛期以来，全市降雨偏多，部分河道水位一度超过警戒线。下面，我讲两点意见。', '一、认清形势，克服麻痹思想', '各地要清醒认识防汛形势的复杂性，决不能有侥幸心理。', '二、压实责任，做好应急准备', '要落实值班值守制度，备足抢险物资。'];
    const lines = ['关灯', '在全市秋季防汛工作会议上的讲话', '[复制链接]', '王五 发表于 2022-7-15 08:30:11 | 显示全部楼层 |阅读模式 打印 上一主题 下一主题', '查看: 1879|回复: 6', '本帖最后由 王五 于 2022-7-15 08:41 编辑', ...post, '下载附件 (25.3 KB)', '2022-7-15 08:40 上传', '附件: 您需要登录才可以下载或查看附件。没有帐号？立即注册', '评分', '参与人数 1威望 +1 收起 理由', '收藏0 分享 点赞0', '回复 使用道具 举报', '沙发', '赵六 发表于 2022-7-15 09:02:37 | 只看该作者', '受益匪浅，谢谢分享！', '2#', '返回列表', '您需要登录后才可以回帖 登录 | 立即注册'];
    const text = lines.join('\n');
    const postLines = post.map((_, k) => k + 6);
    // (Lines counted from 1, as the editor shows them.)
    expect(residue(text)).toEqual(lines.map((_, i) => i).filter((i) => i !== 1 && !postLines.includes(i)).map((i) => i + 1));
    expect(announcementReport(parseDocument(text))).toMatchObject([{ announced: 2, found: 2 }]);
    // A speech on reading that names a reading mode, or a reply in its sentences, is speech.
    expect(residue(`${post.join('\n')}\n要创新全民阅读模式，回复群众关切。\n`)).toEqual([]);
  });

  it('a document site\'s page: its notices (numbered or not), meta bar, page captions and share line are residue', () => {
    const title = '在全市秋季防汛工作会议上的讲话';
    const speech = ['同志们：', '今年汛期以来，全市降雨偏多，部分河道水位一度超过警戒线。下面，我讲两点意见。', '一、认清形势，克服麻痹思想', '各地要清醒认识防汛形势的复杂性，决不能有侥幸心理。', '二、压实责任，做好应急准备', '要落实值班值守制度，备足抢险物资。'];
    const page = [
      '合集下载',
      '1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充等附加服务。',
      '2、“仅部分预览”的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款。',
      '3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。',
      '上传人：王五 文档编号：2468013 上传时间：2023-03-08 格式：DOCX 页数：6 大小：26KB',
      `${title}.docx_第1页`,
      '第1页 / 共6页',
      '资源描述',
      `《${title}.docx》由会员分享，可在线阅读，更多相关《${title}（6页珍藏版）》请在文库网上搜索。`,
    ];
    const text = [title, ...page, ...speech].join('\n');
    expect(residue(text)).toEqual(page.map((_, k) => k + 2));
    const doc = parseDocument(text);
    expect(announcementReport(doc)).toMatchObject([{ announced: 2, found: 2 }]);
    expect(checkDocument(doc, { config: defaultConfig() }).filter((d) => d.code.startsWith('heading') || d.code.startsWith('numbering'))).toEqual([]);
  });

  it('a host script\'s own label over its parts is the document\'s; a page\'s bracketed banner is not', () => {
    const script = ['主持人出场：', '一、准备工作：乐队伴奏，纪念大会开始。', '男：尊敬的各位领导、各位来宾，大家好！', '女：今天，我们在这里隆重集会，纪念五四运动。'];
    for (const label of ['[会议操作]', '【会议议程】', '会议流程', '开场白']) expect(residue([label, ...script].join('\n')), label).toEqual([]);
    for (const banner of ['【打印正文】', '【加入收藏】']) expect(residue([banner, ...script].join('\n')), banner).toEqual([1]);
  });

  it('paywall, preview and contact lines after the text are residue', () => {
    const text = '在全县大会上的讲话\n同志们：\n今天召开大会，主要是部署工作，大家要认真落实，确保各项任务按期完成。\n预览结束，免费获取全文请联系客服！\n请点击👉 abc123 👈联系老师\n（想阅读完全部内容，您需要先登录！）\n';
    expect(residue(text)).toEqual([4, 5, 6]);
  });

  it('a block of related links ends where the speech goes on', () => {
    const body = '我们一定要把这项工作做实做细，让群众满意，这是我们的责任所在，也是我们的初心所在。'.repeat(3);
    const more = '青年同志们要在实践中经受锻炼，在基层一线增长才干，把个人理想融入国家发展的大局之中，走好自己的路。'.repeat(3);
    const text = `同志们：\n${body}\n更多相关文章：某某讲话稿\n纪念大会演讲稿\n关于青年的演讲稿三篇\n${more}\n`;
    expect(residue(text)).toEqual([3, 4, 5]);
  });

  it('the page’s outline printed before the title and salutation is residue; the same headings in the body are not', () => {
    const text = '一、回顾成绩\n二、分析形势\n在全县工作会议上的讲话\n同志们：\n下面，我讲两点意见。\n一、回顾成绩，坚定信心\n去年全县经济平稳增长。\n二、分析形势，把握机遇\n今年形势依然复杂。\n';
    expect(residue(text)).toEqual([1, 2]);
  });

  it('a breadcrumb, the column title echoing it, the site’s own voice and a date-author bar are residue', () => {
    const text = '您的当前位置：网站 > 范文大全 > 讲话稿 > 在全县大会上的讲话（精选）\n讲话稿\n下面是小编为大家整理的在全县大会上的讲话，供大家参考。\n讲话2023-06-11王老师\n在全县大会上的讲话\n同志们：\n今天召开大会，主要是部署工作，大家要认真落实。\n';
    expect(residue(text)).toEqual([1, 2, 3, 4]);
  });

  it('a site abstract repeating the opening is residue, the opening itself is not', () => {
    const opening = '同志们：今天召开全县三级干部大会，这是换届之后召开的第一次大会，也是凝心聚力谋发展的一次大会。';
    const text = `推荐阅读：${opening.slice(0, 40)}\n${opening}\n`;
    expect(residue(text)).toEqual([1]);
  });

  it('a licence template after a reprinted speech is residue', () => {
    const text = '同志们：\n今天召开大会，主要是部署工作，大家要认真落实。\n本作品是中华人民共和国的\n法律\n、\n法规\n属于\n公有领域\n';
    expect(residue(text)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('a date under the speaker\'s byline is the speech\'s; a page\'s date under its title is the page\'s', () => {
    for (const date of ['2019.3.5', '2019-03-05', '2019/3/5'])
      expect(residue(`在全县冬春水利建设会议上的讲话\n县委书记 王建国\n${date}\n同志们：\n今天召开会议，部署冬春水利建设。\n`), date).toEqual([]);
    expect(residue('在全县冬春水利建设会议上的讲话\n县委书记 王建国\n2019.3.5\n（根据录音整理）\n同志们：\n今天召开会议，部署冬春水利建设。\n')).toEqual([]);
    expect(residue('党课：守住初心\n\n2024-03-22\n\n同志们：\n今天给大家讲一堂党课。\n')).toEqual([3]);
  });

  it('a page that prints the speech\'s opening twice has no abstract: neither copy is residue', () => {
    const opening = ['在全县文明创建推进会上的讲话', '同志们：今天召开全县文明创建推进会，主要任务是总结前段工作，查找差距不足，部署下步任务。', '上周，县委专题听取了创建工作汇报，对有关事项作了安排，今天会上县委书记还将作重要讲话。', '下面，我先讲三点意见。'];
    expect(residue([...opening, ...opening].join('\n'))).toEqual([]);
    // A site's abstract, cut short or run on from a label, still is.
    expect(residue(['推荐阅读：' + opening[1].slice(0, -3), ...opening].join('\n'))).toEqual([1]);
  });

  it('a chair\'s …… for the speech it hands over to is the script\'s own; a page\'s cut is still residue', () => {
    const script = ['在全镇表彰大会上的主持词', '同志们：', '现在开会。', '下面，请镇党委书记×××同志作重要讲话。', '……', '刚才，×××同志的讲话很重要，大家要认真贯彻。', '下面宣读表彰决定。', '……', '散会。'];
    expect(residue(script.join('\n'))).toEqual([]);
    expect(residue(script.join('\n').replace('作重要讲话。', '作重要讲话。大家欢迎！'))).toEqual([]);
    expect(residue('同志们：\n今天召开大会，主要是部署全年工作，大家要认真抓好落实。\n……\n')).toEqual([3]);
  });

  it('a name alone under the title is its byline, and a page title above its meta bar is kept', () => {
    expect(residue('在全区工作会议上的讲话\n周明华\n同志们：\n今天召开会议，部署全年工作。\n')).toEqual([]);
    // A talk given by several: their names under the title, set apart by 、 or spaces.
    expect(residue('在青年干部座谈会上的讲话\n\n王立新、陈思、欧阳明远\n\n（2024年5月4日）\n同志们：\n今天召开座谈会，听听大家的想法。\n')).toEqual([]);
    expect(residue('在青年干部座谈会上的讲话\n王立新 陈思\n2024年5月4日\n同志们：\n今天召开座谈会，听听大家的想法。\n')).toEqual([]);
    expect(residue('年度述职报告展示\n文章来源： 发布时间：2023年01月13日\n同志们：\n今天召开会议，部署全年工作。\n')).toEqual([2]);
    // A forum post's title over its bar (发表于 …, [复制链接]) is the post's, however it ends.
    const post = ['一篇表态发言的修改心得', '[复制链接]', '老王 发表于 2019-3-2 10:15:06 | 显示全部楼层 |阅读模式', '表态发言要短，态度要鲜明，措施要具体。改稿的时候，我先砍掉了空话套话，再把三条措施压成了三句话，每句话不超过二十个字，念起来既顺口又有力量。'];
    expect(residue(post.join('\n'))).toEqual([2, 3]);
    expect(residue([post[0], ...post.slice(2)].join('\n'))).toEqual([2]);
  });

  it('a published speech’s title over its speaker and date is the speech’s, however unlike a title it reads', () => {
    // Title and subtitle, the speaker (a template's slot for one), the date in brackets.
    const template = '坚持人民至上\n奋力谱写XX发展新篇章\nXXX\n（X年X月X日）\n同志们，朋友们：\n今天，我们在这里隆重集会，庆祝XX成立XX周年。\n';
    expect(residue(template)).toEqual([]);
    expect(lines(codes(template, 'placeholder'))).toEqual([2, 3, 4, 4, 4, 6, 6]);
    expect(residue('守正创新 勇毅前行\n市委书记 李国强\n（2023年12月28日）\n同志们：\n今天召开全会，部署明年工作。\n')).toEqual([]);
    // Page banners above a title with no speaker under it are still the page's.
    expect(residue('VIP专享\n热门推荐\n在全县大会上的讲话\n同志们：\n今天召开会议，部署全年工作。\n')).toEqual([1, 2]);
    // A banner right over a title that opens with 在 is no first half of it; a speaker's office over it is the title's.
    expect(residue('精品推荐\n在全县大会上的讲话\n同志们：\n今天召开会议，部署全年工作。\n')).toEqual([1]);
    expect(residue('县委书记\n在全县大会上的讲话\n同志们：\n今天召开会议，部署全年工作。\n')).toEqual([]);
    // A title a PDF broke over two lines, its byline run into the second.
    expect(residue('在全市庆祝建党100周年\n“两优一先”表彰大会上的讲话市委书记 张三\n（2021年6月28日）\n同志们：\n今天我们隆重集会。\n')).toEqual([]);
  });

  it('a news lead between the meta bar and a title that repeats the page title is the page’s', () => {
    const page = [
      '市长：在全市乡村振兴工作会议上的讲话',
      '文章来源：本站 发布时间：2024年03月02日',
      '3月1日，市委副书记、市长李明出席全市乡村振兴工作会议并讲话，对今年的工作作出部署，与会同志进行了讨论。',
      '在全市乡村振兴工作会议上的讲话',
      '同志们：',
      '今天召开会议，部署全年工作，大家要认真抓好落实，确保各项任务按期完成。',
    ];
    expect(residue(page.join('\n'))).toEqual([2, 3]);
    // Without the title repeated above the bar, the paragraph may be the speech's own opening: kept.
    expect(residue(page.slice(1).join('\n'))).toEqual([1]);
  });

  it('the title printed again above a download bar goes with the tail; a heading that only looks like it stays', () => {
    const body = ['关于作风建设的党课讲稿', '同志们：', '今天我们围绕作风建设上一次党课，大家要认真学习，联系实际查找问题，抓好整改落实。'];
    expect(residue([...body, '关于作风建设的党课讲稿', '点击下载', '相关文章'].join('\n'))).toEqual([4, 5, 6]);
    expect(residue([...body, '关于作风建设的几点体会', '点击下载', '相关文章'].join('\n'))).toEqual([5, 6]);
  });

  it('glossed traditional furniture is still furniture: 時(shí)間：2022-05-21', () => {
    expect(residue('時(shí)間:2022-05-21 06:02:00\n同志們：\n今天召開會議，部署全年工作。\n')).toEqual([1]);
  });

  it('a title over two lines under the meta bar is the speech’s, though the page title above repeats it; …工作汇报 is a title', () => {
    const page = [
      '当前位置：首页 > 新闻中心 > 校长专栏',
      '守正创新 实干担当——城南中学创建省示范学校工作汇报',
      '文章来源：本站原创 作者：李华 发布时间：2024年11月05日',
      '守正创新 实干担当',
      '——城南中学创建省示范学校工作汇报',
      '各位专家、领导：',
      '下面，我代表学校就创建工作作简要汇报，请各位专家批评指正。',
    ];
    expect(residue(page.join('\n'))).toEqual([1, 3]);
    expect(parseDocument(page.join('\n')).speeches[0].title).toBe('守正创新 实干担当——城南中学创建省示范学校工作汇报');
  });

  it('a headline that is the speech’s title with a column’s words before it is the page’s; with the speaker’s name, or as a title set over two lines, it is the title', () => {
    const page = (headline: string, title: string[]) =>
      ['当前位置：首页 > 学习园地', headline, '来源：市委办 发布时间：2025年3月5日', ...title, '同志们：', '今天召开会议，部署全年安全生产工作，大家要认真抓好落实。'].join('\n');
    expect(residue(page('学习园地第12期（3月第1周）在全市安全生产工作会议上的讲话', ['在全市安全生产工作会议上的讲话']))).toEqual([1, 2, 3]);
    expect(residue(page('王建国：在全市安全生产工作会议上的讲话', ['在全市安全生产工作会议上的讲话']))).toEqual([1, 3]);
    expect(residue(page('守牢底线 护航发展——在全市安全生产工作会议上的讲话', ['守牢底线 护航发展', '——在全市安全生产工作会议上的讲话']))).toEqual([1, 3]);
  });

  it('a letter-spaced text (a PDF’s extraction) has its page furniture and its placeholders read as its words', () => {
    const spaced = (l: string) => [...l].join(' ');
    const text = ['在全县工作会议上的讲话', '同志们：', '今年全县完成投资××亿元，同比增长X%。', '发布时间：2024年3月5日', '要真抓实干，确保全年目标任务圆满完成。'].map(spaced).join('\n');
    const doc = parseDocument(text);
    expect([...doc.residueLines]).toEqual([3]);
    expect(doc.placeholders.map((p) => p.text)).toEqual(['× ×', 'X']);
  });

  it('a letterhead is the document’s own: letter-spaced, or above a document number; a site banner is not', () => {
    const body = ['在全市安全生产工作会议上的讲话', '同志们：', '今天召开会议，部署全年安全生产工作，大家要认真抓好落实。'];
    expect(residue(['中 共 某 某 市 委 办 公 室', ...body].join('\n'))).toEqual([]);
    expect(residue(['市委办公室电子邮件', '市委办发〔2024〕12号', ...body].join('\n'))).toEqual([]);
    expect(residue(['范文大全网', ...body].join('\n'))).toEqual([1]);
  });

  it('a collection page: its title with the number of pieces and its labels are the site’s; each label still opens a speech', () => {
    const page = [
      '2024年主题教育党课讲稿汇编3篇',
      '第1篇：在机关支部主题党课上的讲话',
      '同志们：',
      '今天讲三个问题。',
      '一、提高政治站位',
      '要认清形势。',
      '二、压实工作责任',
      '要明确分工。',
      '三、抓好整改落实',
      '要动真碰硬。',
      '【篇二】 在全县主题教育推进会上的讲话',
      '同志们：',
      '一、学习理论',
      '要原原本本学。',
      '二、检视问题',
      '要刀刃向内。',
    ].join('\n');
    expect(residue(page)).toEqual([1, 2, 11]);
    expect(parseDocument(page).speeches.map((s) => s.title)).toEqual(['在机关支部主题党课上的讲话', '在全县主题教育推进会上的讲话']);
    // No “一、 after 三、”: the two speeches are numbered apart.
    expect(codes(page, 'numbering-sequence')).toEqual([]);
    // The label's fix takes the label and the space after it, and leaves the title.
    const label = codes(page, 'web-residue').find((d) => d.range.start.line === 10)!;
    expect(label.message).toContain('【篇二】');
    const fix = (label.data!.fixes as { range: { end: { character: number } } }[])[0];
    expect(page.split('\n')[10].slice(fix.range.end.character)).toBe('在全县主题教育推进会上的讲话');
  });

  it('other labels collection pages use (精选范文一：, 文章二：) open speeches the same way; a label alone leaves the next line the title', () => {
    const page = ['精选范文一：在机关党课上的讲话', '同志们：', '一、学习理论', '要原原本本学。', '文章二：在全县推进会上的讲话', '同志们：', '一、检视问题', '要刀刃向内。'].join('\n');
    expect(residue(page)).toEqual([1, 5]);
    expect(parseDocument(page).speeches.map((s) => s.title)).toEqual(['在机关党课上的讲话', '在全县推进会上的讲话']);
    const alone = ['党课讲稿范文（精选2篇）', '篇一', '在机关党课上的讲话', '同志们：', '一、学习理论', '要学。', '篇二', '在全县推进会上的讲话', '同志们：', '一、检视问题', '要改。'].join('\n');
    expect(residue(alone)).toEqual([1, 2, 7]);
    expect(parseDocument(alone).speeches.map((s) => s.title)).toEqual(['在机关党课上的讲话', '在全县推进会上的讲话']);
    // A writing guide's examples: 【范例一】, 例文二：.
    const guide = ['【范例一】', '在机关党课上的讲话', '同志们：', '一、学习理论', '要学。', '例文二：在全县推进会上的讲话', '同志们：', '一、检视问题', '要改。'].join('\n');
    expect(residue(guide)).toEqual([1, 6]);
    expect(parseDocument(guide).speeches.map((s) => s.title)).toEqual(['在机关党课上的讲话', '在全县推进会上的讲话']);
  });

  it('a title that only counts its parts, or a sentence about 第一篇, is not a collection', () => {
    expect(residue('学习三篇文章的体会\n同志们：\n第一篇文章讲的是为人民服务，我们要认真学习，联系实际查找差距。\n')).toEqual([]);
    expect(residue('同志们：\n文章一开头就讲了为人民服务，我们要认真学习，联系实际查找差距。\n')).toEqual([]);
  });
});


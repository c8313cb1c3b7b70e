import { describe, expect, it } from 'vitest';
import { announcementReport, parseDocument } from '../server/src/core';
import { codes, lines, seed, SEEDS } from './helpers';

describe('announcements on the seed speeches', () => {
  for (const name of SEEDS) {
    const { text, truth } = seed(name);
    const doc = parseDocument(text);
    const report = announcementReport(doc);

    it(`${name}: every truth announcement is found with its announced and found counts`, () => {
      for (const a of truth.announcements.filter((x) => x.announced !== null)) {
        const got = report.filter((r) => r.range.start.line + 1 === a.line && r.announced === a.announced);
        expect(got.map((g) => g.found), `line ${a.line} ${a.text}`).toContain(a.found);
        const match = got.find((g) => g.found === a.found)!;
        expect(match.items.map((i) => i.range.start.line + 1)).toEqual(a.item_lines);
      }
    });

    it(`${name}: reports no announcement a careful reader would not`, () => {
      const allowed = new Set([...truth.announcements.map((a) => a.line), ...truth.ambiguous_announcement_lines]);
      for (const r of report) expect(allowed, `line ${r.range.start.line + 1}: ${r.text}`).toContain(r.range.start.line + 1);
    });

    it(`${name}: announced-count fires exactly on the mismatched announcements`, () => {
      const want = truth.announcements.filter((a) => a.announced !== null && a.announced !== a.found).map((a) => a.line);
      const got = lines(codes(text, 'announced-count')).filter((l) => !truth.ambiguous_announcement_lines.includes(l));
      expect([...new Set(got)].sort((x, y) => x - y)).toEqual([...new Set(want)].sort((x, y) => x - y));
    });
  }

  it('seed003 line 28 announces five parts and finds only 第一 and 第二', () => {
    const { text } = seed('seed003');
    const [d] = codes(text, 'announced-count');
    expect(d.range.start.line + 1).toBe(28);
    expect(d.message).toContain('宣布了5点，实际找到2点');
    expect(d.data).toMatchObject({ announced: 5, found: 2 });
  });
});

function report(text: string) {
  return announcementReport(parseDocument(text));
}

describe('announcement phrasing', () => {
  const list3 = '\n一、甲\n内容。\n二、乙\n内容。\n三、丙\n内容。\n';
  it.each([
    ['下面，我讲三点意见。', 3],
    ['下面,我先講三點意見:', 3],
    ['下面，我讲3点意见。', 3],
    ['今天重点做好以下五个方面工作。', 5],
    ['主要基于以下四点考虑。', 4],
    ['我讲两点意见。', 2],
  ])('%s announces %i', (phrase, n) => {
    const [a] = report(`同志们：\n${phrase}${list3}`);
    expect(a.announced).toBe(n);
    expect(a.found).toBe(3);
  });

  it('几点 is indefinite: announced is null, the parts are still counted', () => {
    const [a] = report(`下面，我讲几点意见。${list3}`);
    expect(a.announced).toBeNull();
    expect(a.found).toBe(3);
    expect(codes(`下面，我讲几点意见。${list3}`, 'announced-count')).toHaveLength(0);
  });

  it('a quoted count followed at once by its run is an announcement', () => {
    const [a] = report('要做到“三个吃透”。一要吃透优势。二要吃透现状。三要吃透政策。');
    expect(a).toMatchObject({ announced: 3, found: 3 });
  });

  it('an inline run after the announcement in the same paragraph is its list', () => {
    const [a] = report('重点要聚焦3个方面。一要聚焦补链。二要聚焦招优。');
    expect(a).toMatchObject({ announced: 3, found: 2 });
  });

  it('slogans and summaries that no list follows are not announcements', () => {
    for (const t of [
      '坚定捍卫“两个确立”、忠诚践行“两个维护”，旗帜鲜明讲政治。',
      '大家进一步强化“四个意识”，忠诚担当。',
      '坚持“三个一”的工作理念，持续解决问题。',
      '时间满打满算也就剩四个月。',
      '全年引进项目200个以上、开复工项目1000个以上。',
      '以上三点意见，请大家认真落实。',
      '这一点必须充分肯定。',
    ]) {
      expect(report(t), t).toHaveLength(0);
    }
  });

  it('the list is counted inside the announcement’s scope only', () => {
    const text = '一、总体要求\n要把握好三个方面。\n（一）甲。\n（二）乙。\n二、重点任务\n（一）丙。\n（二）丁。\n（三）戊。\n';
    const [a] = report(text);
    expect(a).toMatchObject({ announced: 3, found: 2 });
  });

  it('a truncated text: announced parts that never come are found 0', () => {
    const [a] = report('同志们：\n下面，我讲三点意见。\n今天天气很好。');
    expect(a).toMatchObject({ announced: 3, found: 0 });
  });
});

describe('announcements in a typical county speech', () => {
  const text = [
    '在全县2024年经济工作会议上的讲话',
    '同志们：',
    '　　刚才，××同志作了很好的报告。下面，我就做好今年的经济工作，讲四个方面的意见。',
    '　　一、准确把握当前经济形势',
    '　　主要体现在三个方面：一是经济总量稳步提升；二是产业结构持续优化；三是民生福祉不断增进。',
    '　　二、突出抓好重点工作',
    '　　今年要重点抓好以下几项工作。',
    '　　（一）着力扩大有效投资。',
    '　　（二）着力做强实体经济。',
    '　　（三）着力推进乡村振兴。要做到“三个坚持”：第一，坚持规划引领；第二，坚持产业为本；第三，坚持改革创新。',
    '　　三、持续优化营商环境',
    '　　营商环境是发展的生命线。我讲两个问题。',
    '　　一是政务服务还不够便捷。二是要素成本偏高。',
    '　　四、加强党对经济工作的领导',
    '　　首先，要提高站位。其次，要压实责任。最后，要转变作风。',
  ].join('\n');

  it('links each announcement to its own list', () => {
    expect(report(text).map((a) => [a.range.start.line + 1, a.announced, a.found])).toEqual([
      [3, 4, 4],
      [5, 3, 3],
      [7, null, 3],
      [10, 3, 3],
      [12, 2, 2],
    ]);
  });
});

describe('more announcing phrases', () => {
  it('送给大家三句话 and 我讲两个问题 promise lists even when cut short', () => {
    expect(report('最后，我送给大家三句话。')).toMatchObject([{ announced: 3, found: 0 }]);
    expect(report('下面我讲两个问题。')).toMatchObject([{ announced: 2, found: 0 }]);
  });

  it('one count said again in the same breath (三点意见，也是三句话) is one announcement', () => {
    expect(report('下面我再讲三点意见，也是三句话：一是看清大势。二是找准位置。三是干出实绩。')).toMatchObject([{ announced: 3, found: 3 }]);
    expect(report('我讲两个问题，即两个方面：一是稳增长。')).toMatchObject([{ announced: 2, found: 1 }]);
  });

  it('a long verb phrase after the count, up to the colon that opens the list (用三句话来表达…的心声：)', () => {
    expect(report('借此机会，我想用三句话来表达我们第九批挂职干部全体同志共同的心声：第一句话，有收获。第二句话，有感激。第三句话，有期待。')).toMatchObject([{ announced: 3, found: 3 }]);
    // Without the colon, a count that far from its clause's end is no announcement.
    expect(report('我们用三句话来概括全县上下这几年来克服种种困难取得的成绩和经验，大家都很认同。')).toEqual([]);
  });

  it('a count followed by 其一/其二 or ①② is linked to them', () => {
    expect(report('原因有三点：其一，基础弱；其二，投入少；其三，人才缺。')).toMatchObject([{ announced: 3, found: 3 }]);
    expect(report('要抓好三个环节：①摸底；②建账。')).toMatchObject([{ announced: 3, found: 2 }]);
  });
});

describe('announcements as real speeches write them', () => {
  const one = (t: string) => report(t).map((a) => ({ announced: a.announced, found: a.found }));

  it.each([
    ['五大工程：一是甲工程；二是乙工程；三是丙工程；四是丁工程；五是戊工程。', 5, 5],
    ['全局要树牢四种意识：一是政治意识；二是大局意识；三是核心意识；四是看齐意识。', 4, 4],
    ['这项改革分两步走：第一步，试点；第二步，推开。', 2, 2],
    ['各乡镇要做到“两增”：一是收入增加。二是投入增加。', 2, 2],
    ['这个理念的依据有二：一是历史经验；二是现实需要。', 2, 2],
    ['下面，我讲三点意见。\n第一点，思想要统一。\n第二点，责任要压实。\n第三点，作风要过硬。', 3, 3],
    ['我着重讲两个问题。\n第一个问题，关于形势。\n第二个问题，关于任务。', 2, 2],
    // The talk's plan run into the announcing paragraph, its first part's heading after it (the rest beyond the page).
    ['我想讲三个部分。第一部分，讲形势。第二部分，讲任务。第三部分，讲保障。\n第一部分，讲讲形势。\n今年形势总体平稳。', 3, 3],
    ['我讲三句话。\n第一句话，要讲政治。\n第二句话，要顾大局。\n第三句话，要守规矩。', 3, 3],
  ])('count words beyond 点/个/方面: %s', (t, announced, found) => {
    expect(one(t)).toContainEqual({ announced, found });
  });

  it('a cue after the count makes it an announcement: 作如下说明, 作一汇报', () => {
    expect(one('就整改情况的五个方面作如下说明。')).toEqual([{ announced: 5, found: 0 }]);
    expect(one('下面我从基本情况、主要做法、存在问题三个方面作一汇报。\n一、基本情况\n二、主要做法\n三、存在问题')).toEqual([{ announced: 3, found: 3 }]);
  });

  it('a list run on after a comma: 主要目的有两方面，一是…；二是…', () => {
    expect(one('今天开会主要目的有两方面，一是总结上半年工作；二是部署下半年任务。')).toEqual([{ announced: 2, found: 2 }]);
  });

  it('flattened text: 一、 right after the announcing colon or sentence is its first part', () => {
    expect(one('同志们，下面我讲四点意见：一、提高站位抓落实全县上下要统一思想')).toEqual([{ announced: 4, found: 1 }]);
    expect(one('同志们，下面，我讲三个问题。 一、认清形势坚定信心去年全市经济平稳增长。二、突出重点全力攻坚今年要抓好项目。三、强化保障狠抓落实各部门要各负其责。')).toEqual([{ announced: 3, found: 3 }]);
  });

  it('an inline 二、 with no 一、 before it is not a part (flattened text mentions 二、三线城市 too)', () => {
    expect(report('今年工作讲两点。二、三线城市的房价还在下降。').every((a) => a.found === 0)).toBe(true);
  });

  it('a list cut off after its first item still counts that item', () => {
    expect(one('我们体会最深的是“三个不寻常”：一是挑战不寻常，从年初的')).toEqual([{ announced: 3, found: 1 }]);
  });

  it('unmarked entries after a colon count when they are as many as announced', () => {
    expect(one('需要分五个层次：温饱需要、安全需要、归属需要、尊重需要、成长的需要。')).toEqual([{ announced: 5, found: 5 }]);
    expect(one('我们希望老师具备五个特质：担当的意识、钻研的习惯、宽厚的素养、独到的见解和开阔的胸怀。')).toEqual([{ announced: 5, found: 5 }]);
    expect(one('有两件事必须先办好：道路要通，水电要稳；学校要开学。')).toEqual([{ announced: 2, found: 2 }]);
    expect(one('学校坚持三项原则，即坚持育人为本，坚持依法治校，坚持开放办学，是我们多年办学的经验。')).toEqual([{ announced: 3, found: 3 }]);
  });

  it('unmarked entries that do not add up are not read as a list', () => {
    expect(one('要处理好三个关系：发展和安全、速度和质量。')).toEqual([]);
  });

  it('pairs that are not ordinals: 一种是…，一种是… / 一类是…，另一类是…', () => {
    expect(one('干部分两种，一种是干事的，一种是看事的。')).toEqual([{ announced: 2, found: 2 }]);
    expect(one('人员分两类，一类是建设型人才，另一类是诉讼型人才。')).toEqual([{ announced: 2, found: 2 }]);
    // The pair may open the sentence after the count's own: 我强调两点。一个是…，再一个是…
    expect(one('我强调两点。一个是要守纪律，再一个是要讲规矩。')).toEqual([{ announced: 2, found: 2 }]);
    expect(one('我强调三点。一个是要守纪律，一个是要讲规矩。')).toEqual([{ announced: 3, found: 0 }]);
    // 有的…；有的…；有的…: in the sentences after a count that ended its own, each 有的 opens an entry; 还有一类是 closes a series.
    expect(one('工作中存在三种倾向。有的同志怕担责任，不敢作为；有的同志图省事，不愿作为；有的同志本领不足，不会作为。')).toEqual([{ announced: 3, found: 3 }]);
    expect(one('工作中存在三种倾向。有的同志怕担责任；有的同志图省事。')).toEqual([]);
    expect(one('群众反映的问题主要有三类，一类是住房，一类是就业，还有一类是教育。')).toEqual([{ announced: 3, found: 3 }]);
  });

  it('a count in a heading promises the heading’s own parts', () => {
    expect(one('二、关于下一步的两点想法\n（一）要抓住窗口期。\n（二）要补齐短板。\n三、其他')).toEqual([{ announced: 2, found: 2 }]);
  });

  it('a heading naming a concept by its count owns only a list of exactly that many', () => {
    const four = '\n（一）甲。\n（二）乙。\n（三）丙。\n（四）丁。\n三、其他';
    expect(one(`二、深入学习“三个代表”重要思想${four}`)).toEqual([]);
    expect(one(`二、打好四个现代化建设的第一仗\n（一）甲。\n（二）乙。\n（三）丙。\n三、其他`)).toEqual([]);
    expect(one(`二、健全三层审核机制${four}`)).toEqual([]);
    // As many parts as it names: its list.
    expect(one(`二、坚持“四个全面”战略布局${four}`)).toEqual([{ announced: 4, found: 4 }]);
    expect(one(`二、把握三层意思\n（一）甲。\n（二）乙。\n三、其他`)).toEqual([{ announced: 3, found: 2 }]);
    // A heading counting generic things still promises, and falls short.
    expect(one(`二、抓好五项重点工作${four}`)).toEqual([{ announced: 5, found: 4 }]);
  });

  it('a quoted slogan in a heading is a name, not a count: （二）加强“三农”工作', () => {
    expect(one('（二）加强“三农”工作。\n一是稳定生产。\n二是增加收入。\n三是改善环境。\n四是深化改革。')).toEqual([]);
  });

  it('the count fix writes what its title says, in the announcement’s own numerals', () => {
    const [d] = codes('下面，我讲三点意见。\n一、甲\n二、乙\n', 'announced-count');
    const [fix] = (d.data as { fixes: { title: string; newText: string }[] }).fixes;
    expect(fix.newText).toBe('两');
    expect(fix.title).toBe('“三点意见”改为“两点意见”');
    const [d2] = codes('下面，我讲3点意见。\n一、甲\n二、乙\n', 'announced-count');
    expect((d2.data as { fixes: { title: string; newText: string }[] }).fixes[0]).toMatchObject({ newText: '2', title: '“3点意见”改为“2点意见”' });
  });
});

describe('where announced lists are and are not', () => {
  const one = (t: string) => report(t).map((a) => ({ announced: a.announced, found: a.found }));

  it('paragraphs opened by a dash are the parts: 突出了以下三个方面。——甲 ——乙 ——丙', () => {
    expect(one('规划突出了以下三个方面。\n——坚持创新发展。要如何。\n——坚持协调发展。要如何。\n——坚持绿色发展。要如何。')).toEqual([{ announced: 3, found: 3 }]);
    // A dashed line after them that does not open as they all do is the speaker's own words, not a fourth part…
    const three = '今年突出了以下三个方面：\n——突出抓项目。新开工一百个。\n——突出抓民生。新建学校十所。\n——突出抓生态。新增造林五万亩。';
    expect(one(`${three}\n——这是全县上下共同奋斗的结果！`)).toEqual([{ announced: 3, found: 3 }]);
    // …but one that opens alike is a fourth part, and lines that open differently from the first are all parts.
    expect(one(`${three}\n——突出抓安全。全年零事故。`)).toEqual([{ announced: 3, found: 4 }]);
    expect(one('今年突出了以下三个方面：\n——抓项目。\n——惠民生。\n——护生态。\n——保安全。')).toEqual([{ announced: 3, found: 4 }]);
  });

  it('short dashed heads with paragraphs of their own under them are the parts; the list ends at a numbered heading or a closing salutation', () => {
    const heads = ['——统一思想。', '——突出重点。', '——狠抓落实。'];
    const bodies = ['要把思想统一到县委的部署上来。\n各级干部要带头学习。', '要聚焦重点项目，集中力量攻坚。', '要压实责任，一级抓一级。'];
    const parts = heads.map((h, i) => `${h}\n${bodies[i]}`);
    expect(one(`下面，我讲三点意见：\n${parts.join('\n')}\n同志们，让我们共同努力。`)).toEqual([{ announced: 3, found: 3 }]);
    // One left out is a mismatch, as with any list.
    expect(one(`下面，我讲三点意见：\n${parts.slice(0, 2).join('\n')}\n同志们，让我们共同努力。`)).toEqual([{ announced: 3, found: 2 }]);
    // Another dashed list after the closing salutation belongs to no part.
    expect(one(`下面，我讲两点意见：\n${parts.slice(0, 2).join('\n')}\n同志们，这次会议很重要。\n我们要做到：\n——坚持人民至上。\n——坚持安全第一。`)).toEqual([{ announced: 2, found: 2 }]);
    // Long dashed paragraphs are items without bodies: a paragraph after them ends the list.
    const long = ['——统一思想，把思想和行动统一到县委的部署上来。要带头学习，学深悟透。', '——突出重点，聚焦项目集中攻坚。要挂图作战，倒排工期。'];
    expect(one(`下面，我讲三点意见：\n${long.join('\n')}\n要形成合力。\n——狠抓落实。`)).toEqual([{ announced: 3, found: 2 }]);
  });

  it('in a page flattened into one line, parts found short of the count are not reported; a numbered list run into the sentence still is', () => {
    const body = '各级各部门要提高政治站位，把这项工作摆上重要议事日程，主要负责同志要亲自过问、亲自协调，确保各项部署落到实处。'.repeat(20);
    // Three parts, the second and third run into the page where the reader cannot see them begin.
    const flattened = `同志们：下面，我讲三点意见：第一项，统一思想。${body}其二是突出重点。${body}最后是狠抓落实。${body}`;
    expect(flattened.length).toBeGreaterThan(3000);
    expect(one(flattened)).toEqual([]);
    expect(one(`同志们：建议议程共三项：1.听取工作报告；2.审议预算。${body}`)).toEqual([{ announced: 3, found: 2 }]);
    // The same shortfall in a paragraph of a speech's own size is reported.
    expect(one(`同志们：\n下面，我讲三点意见：第一项，统一思想。${body.slice(0, 200)}\n`)).toEqual([{ announced: 3, found: 1 }]);
  });

  it('a count naming a concept, closing its sentence before the first heading, announces nothing', () => {
    const headings = '\n一、统一思想\n要提高认识。\n二、狠抓落实\n要真抓实干。';
    for (const named of ['要坚持四项基本原则。', '全县上下要树牢“五大发展理念”。', '当前，全县三大攻坚战取得决定性进展。']) expect(one(`同志们：\n${named}${headings}`)).toEqual([]);
    // Counting generic things, or a short slogan, it announces the headings, and a mismatch is found.
    for (const promise of ['今年要重点抓好三项工作。', '今年要在三个方面实现突破。', '关键要做到“三个确保”。']) expect(one(`同志们：\n${promise}${headings}`)).toEqual([{ announced: 3, found: 2 }]);
  });

  it('paragraphs opened by one bullet are the parts, as a web page, a Word list or Markdown writes them', () => {
    for (const bullet of ['●', '■', '□', '○', '◆', '★', '• ', '➢', '\uf0d8']) {
      const items = ['统一思想，提高认识。', '突出重点，精准发力。', '压实责任，狠抓落实。'].map((x) => bullet + x);
      expect(one(`下面，我讲三点意见：\n${items.join('\n')}\n同志们，让我们共同努力。`)).toEqual([{ announced: 3, found: 3 }]);
      // One missing is a real mismatch.
      expect(one(`下面，我讲三点意见：\n${items.slice(0, 2).join('\n')}\n同志们，让我们共同努力。`)).toEqual([{ announced: 3, found: 2 }]);
    }
    const markdown = parseDocument('下面，我讲三点意见：\n\n- 统一思想。\n- 突出重点。\n- 狠抓落实。\n', { markdown: true });
    expect(announcementReport(markdown)).toMatchObject([{ announced: 3, found: 3 }]);
  });

  it('第一项措施： paragraphs keep their own 1. 2. items and stay one list', () => {
    const t = '我们要采取以下两项措施：\n第一项措施：完善制度。\n1．建立台账。\n2．定期通报。\n第二项措施：强化考核。\n1．季度考核。\n2．年终评比。';
    expect(one(t)).toEqual([{ announced: 2, found: 2 }]);
  });

  it('a list counts 1, 2, 3: a number met again later ends it', () => {
    const t = '一、改革分三步走\n第一步，建机制；第二步，调结构；第三步，转职能。\n1、第一步\n内容。\n2、第二步\n内容。';
    expect(one(t)).toContainEqual({ announced: 3, found: 3 });
  });

  it('a count in running text with nothing after it is a name, not a promise: 强调坚持四项基本原则但…', () => {
    expect(one('有的同志强调坚持四项基本原则但思想不够解放，这是片面的。')).toEqual([]);
  });

  it('a decimal number is no count of points, and 以下 after a figure means “below”', () => {
    expect(one('全年事故起数从百分之八点六降到百分之三以下，成效明显。')).toEqual([]);
    expect(one('总投资达到三点五亿元，比上年增长两成。')).toEqual([]);
    // A figure closing the paragraph before the headings is no announcement of them.
    expect(one('全年完成固定资产投资三点二亿元。\n一、主要做法\n内容。\n二、存在问题\n内容。')).toEqual([]);
    expect(one('全年两项指标均控制在百分之五以下。')).toEqual([]);
  });

  it('what someone proposed before, named in a relative clause, promises nothing: 所提出五条要求, 会议提出的三项任务', () => {
    expect(one('各单位都要以市委所提出五条纪律要求作为行动准则。')).toEqual([]);
    expect(one('我们要落实好会议提出的三项重点任务。')).toEqual([]);
    // The speaker's own 提出 is still a promise with nothing after it (the text may be cut short).
    expect(one('最后，我再提出三点要求。')).toEqual([{ announced: 3, found: 0 }]);
  });

  it('a count summing up the entries said just before it promises no list of another length', () => {
    const run = '一要抓好春耕备耕。二要抓好水利建设。三要抓好农资供应。';
    expect(one(`必须从稳定面积和提高单产两方面发力。${run}`)).toEqual([]);
    expect(one(`要在改革、开放和创新三个方面下功夫。一要深化改革。二要扩大开放。`)).toEqual([]);
    expect(one(`一篇讲话稿一般由开头、主体和结尾三个部分组成。\n一、开头\n交代背景。\n二、主体\n展开论述。`)).toEqual([]);
    // As many entries after it as it counts: its list.
    expect(one(`要在改革、开放和创新三个方面下功夫。${run}`)).toEqual([{ announced: 3, found: 3 }]);
    // The speaker announcing on a subject named by two words still promises: 就学习和落实讲两点意见。
    expect(one(`下面，我就学习和落实讲三点意见。${run}`)).toEqual([{ announced: 3, found: 3 }]);
    expect(one(`下面，我就学习和落实讲四点意见。${run}`)).toEqual([{ announced: 4, found: 3 }]);
  });

  it('a quoted formula of several counts is a name: “两个坚持、三个反对” with a run after it', () => {
    expect(one('要按照上级提出的“两个坚持、三个反对”，一靠教育，二靠制度，切实改进作风。')).toEqual([]);
    expect(one('要做到“三个确保”、“四个不准”，一是确保安全，二是确保稳定。')).toEqual([]);
    // Defined by exactly its entries, it stays one: “三项政策”，即甲、乙、丙。
    expect(one('去年又提出“三项政策、一项改革”，即按质论价、顺价销售、封闭运行，加快企业改革。')).toEqual([{ announced: 3, found: 3 }]);
  });
});

describe('a list in the next paragraph', () => {
  it('那两句话：“ at a paragraph’s end: the words follow in the next paragraph', () => {
    const text = '形势还是老话说的那两句话：“\n困难一天天过去，日子一天天好起来。\n”我们要坚定信心。';
    expect(report(text).map((a) => [a.announced, a.found])).toEqual([[2, 2]]);
  });

  it('第一项措施： is an item, not a count looking forward', () => {
    const text = '我们要采取以下两项措施：\n第一项措施：完善制度。\n第二项措施：强化考核。';
    expect(report(text).map((a) => a.range.start.line)).toEqual([0]);
  });
});

describe('labels opening the sentences after a title line', () => {
  const title = '附：三大能力建设工作要求';
  it('a title line with a count, then a paragraph of as many labelled sentences: the labels are the parts', () => {
    const text = `${title}\n学习能力：要读原著学原文。实践能力：要到基层去。创新能力：要敢闯敢试。\n`;
    const [a] = report(text);
    expect(a).toMatchObject({ announced: 3, found: 3 });
    expect(a.items.map((i) => i.text)).toEqual(['学习能力', '实践能力', '创新能力']);
    expect(codes(text, 'announced-count')).toEqual([]);
  });

  it('as many labels only: two labels for three is not read as a short list, nor is a quotation after a colon', () => {
    expect(report(`${title}\n学习能力：要读原著学原文。实践能力：要到基层去，还要多调研。\n`).filter((a) => a.found > 0)).toEqual([]);
    expect(report(`${title}\n总书记指出：“要读原著学原文。”他强调：“要到基层去。”还说：“要敢闯敢试。”\n`).filter((a) => a.found > 0)).toEqual([]);
  });

  it('a sentence of running text is not a title line', () => {
    const text = '我们的工作有三大特点，大家都清楚。\n学习能力：要读原著学原文。实践能力：要到基层去。创新能力：要敢闯敢试。\n';
    expect(report(text).filter((a) => a.found === 3)).toEqual([]);
  });
});

describe('an agenda numbered inside the chair’s sentence (议程共N项：1.…；2.…)', () => {
  const agenda = (items: string[], count: string, between = '；') =>
    `同志们：\n现在开会。本次会议的议程共${count}项：${items.map((x, i) => `${i + 1}.${x}`).join(between)}。请大家审议。\n`;
  const items = ['听取和审议政府工作报告', '审查和批准财政预算', '听取法院工作报告', '选举事项'];

  it('共 before the count looks forward when a colon opens the list: four numbered entries for 四项', () => {
    const report = announcementReport(parseDocument(agenda(items, '四')));
    expect(report).toHaveLength(1);
    expect(report[0].announced).toBe(4);
    expect(report[0].found).toBe(4);
    expect(codes(agenda(items, '四'), 'announced-count')).toEqual([]);
  });

  it('an entry dropped from the template: 五项 announced, four numbered, reported', () => {
    const found = codes(agenda(items, '五'), 'announced-count');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('宣布了5点，实际找到4点');
  });

  it('a page footer pasted in before an entry does not hide its number', () => {
    const text = agenda(items, '四').replace('4.选举事项', '第1页共2页4.选举事项');
    const report = announcementReport(parseDocument(text));
    expect(report.map((r) => r.found)).toEqual([4]);
  });

  it('the chair counts the agenda, then cues it (共有四项议程，下面进行：) and each item opens its own paragraph', () => {
    const script = (count: string, cue: string) =>
      `同志们：\n\n今天会议共有${count}项议程，${cue}\n\n第一项：奏国歌。\n\n第二项：请组织部长通报情况。\n\n（通报完毕）\n\n第三项：颁奖。\n\n第四项：请书记讲话。\n`;
    const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);
    expect(found(script('四', '下面进行：'))).toEqual(['4/4']);
    expect(found(script('四', '现在逐项进行：'))).toEqual(['4/4']);
    expect(codes(script('五', '下面进行：'), 'announced-count')).toHaveLength(1);
    // No cue to go through them: a count in passing, as before.
    expect(found(script('四', '下面请大家安静。'))).toEqual([]);
  });

  it('共 as a total that looks back is still not an announcement', () => {
    expect(announcementReport(parseDocument('同志们：\n去年全县共三项工程通过验收，今年要再接再厉。\n'))).toEqual([]);
  });
});

describe('run-in lists read in more of the ways reports write them', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('a list after 具体是 closed by the count said again (…三项改革任务): the echo ends the last entry', () => {
    const text = '同志们：\n今年推进三项改革，具体是机关事业单位养老保险制度改革，公立医院综合改革，县域教育资源统筹三项改革任务，各单位要抓好落实，按时完成。\n';
    const report = announcementReport(parseDocument(text));
    expect(report.map((r) => `${r.announced}/${r.found}`)).toEqual(['3/3']);
    expect(report[0].items.map((i) => i.text)).toEqual(['机关事业单位养老保险制度改革', '公立医院综合改革', '县域教育资源统筹']);
  });

  it('a page that writes its full stops as dots is read sentence by sentence', () => {
    const text = '同志们:今天召开全县安全生产工作会议.下面,我讲三点意见.第一,提高认识.安全生产事关群众生命财产安全.第二,突出重点.要抓好道路交通和建筑施工.第三,落实责任.各级要把责任落到实处.\n';
    expect(found(text)).toEqual(['3/3']);
  });

  it('a list that falls short of its count goes on with a later 还有 count of the same paragraph that makes up the rest', () => {
    const text = '同志们：\n对各类企业可以分别管理，大体有四种情况：一是由国家直接管理的大型企业。二是完全放开经营的小企业。在这两者之间，还有两种企业：一种是以国家管理为主的，另一种是以自主经营为主的。\n';
    expect(found(text)).toEqual(['4/4', '2/2']);
    // Entries that do not make up the rest exactly are not borrowed: the shortfall is told.
    expect(found(text.replace('四种情况', '五种情况'))).toEqual(['5/2', '2/2']);
    // 還有 in a traditional-character text is 还有.
    expect(found(text.replace('还有两种', '還有兩種'))).toEqual(['4/4', '2/2']);
  });

  it('the second of a pair may come sentences later: 一种是…。……第二种是…', () => {
    const text = '同志们：\n基层干部有两种作风问题，一种是不敢担当的问题，遇事推诿扯皮。这类问题群众反映强烈，必须下决心解决。第二种是不会担当的问题，本领跟不上形势。\n';
    expect(found(text)).toEqual(['2/2']);
    // A lone 一种是 with no second in the paragraph is not a pair.
    expect(found('同志们：\n基层干部有两种作风问题，一种是不敢担当的问题，遇事推诿扯皮。这类问题群众反映强烈。\n')).toEqual([]);
  });

  it('a pair by explicit ordinals, even mixed (第一个…。……第二条是…), needs no 是 after the first', () => {
    const text = '同志们：\n怎么办？我看有两条，第一个要沉得住气，不去在乎一时的评价。只要给干事的机会就行。第二条是，组织上要宽容，允许失败。\n';
    expect(found(text)).toEqual(['2/2']);
  });

  it('a paragraph that opens naming a count, and runs exactly that many parts of its own (三项制度…。第一，…第二，…第三，…)', () => {
    const text = '同志们：\n三项制度要一直延伸到基层站所和村级组织内部，怎么抓？第一，建立台账，逐项登记。第二，定期督查，发现问题及时纠正。第三，严格问责，不搞下不为例。\n';
    expect(found(text)).toEqual(['3/3']);
    // Not when the count is not what the paragraph opens with, nor when the run is longer.
    expect(found('同志们：\n去年我们抓了三项制度，效果很好，今年怎么抓？第一，建立台账。第二，定期督查。第三，严格问责。\n')).toEqual([]);
    expect(found('同志们：\n两项制度要延伸到基层，怎么抓？第一，建立台账。第二，定期督查。第三，严格问责。\n')).toEqual([]);
  });

  it('a quoted word counted after a verb that sums up (总结成三个“想不到”) names the parts that follow, when exactly as many follow', () => {
    const text = '同志们：\n这次调研的收获可以归纳为三个“想不到”。一是想不到村里的路修得这么好。大家都很意外。\n二是想不到合作社办得这么红火。\n三是想不到年轻人回来了这么多。\n';
    expect(found(text)).toEqual(['3/3']);
    // One item short is no mismatch: the count may be a name; with no list after it, nor is it an announcement.
    const short = '同志们：\n这次调研的收获可以归纳为三个“想不到”。一是想不到村里的路修得这么好。\n二是想不到合作社办得这么红火。\n';
    expect(found(short)).toEqual([]);
    expect(codes(short, 'announced-count')).toEqual([]);
    expect(found('同志们：\n这些要求可以概括为两个“务必”。我们要牢记在心，抓好落实。\n')).toEqual([]);
    // Without the summing-up verb a counted quoted word is a name, as before.
    expect(found('同志们：\n我们要增强三个“想不到”。一是想不到村里的路修得这么好。\n二是想不到合作社办得这么红火。\n三是想不到年轻人回来了这么多。\n')).toEqual([]);
  });

  it('a converter’s pinyin gloss inside the words before a count does not hide the verb (總結(jié)成, 我講(jiǎng))', () => {
    const summed = '同志們：\n這次調研的收穫可以歸納(nà)為三個“想不到”。一是想不到村裡的路修得這麼好。\n二是想不到合作社辦得這麼紅火。\n三是想不到年輕人回來了這麼多。\n';
    expect(found(summed)).toEqual(['3/3']);
    // The same with no gloss, and the gloss alone (no verb) still a name.
    expect(found(summed.replace('(nà)', ''))).toEqual(['3/3']);
    expect(found(summed.replace('可以歸納(nà)為', '要增(zēng)強'))).toEqual([]);
  });

  it('labels of up to sixteen characters open the parts an appendix title counts', () => {
    const text = [
      '附：三方面重点工作具体内容',
      '加强思想政治建设：组织全体党员深入学习。完善基层组织设置和运行机制：按照应建尽建的要求调整支部。提升干部队伍专业能力：开展分层分类培训。',
    ].join('\n');
    expect(found(text)).toEqual(['3/3']);
  });
});

describe('a count of angles or points shared with the audience, and parts named 第一个角度', () => {
  const talk = (intro: string, heads: string[]) =>
    ['同志们：', intro, ...heads.flatMap((h) => [`${h}，${'要把这方面的工作做细做实，'.repeat(2)}不断取得新成效。`, '这一点，大家要认真体会。'])].join('\n\n');

  it('从四个角度跟大家分享 promises the paragraphs opened by 第一个角度, 第二个角度…', () => {
    const heads = ['第一个角度', '第二个角度', '第三个角度', '第四个角度'];
    expect(report(talk('今天主要从四个角度跟大家分享，谈得不对的地方请批评。', heads))).toMatchObject([{ announced: 4, found: 4 }]);
    // A page cut off after the second one.
    expect(report(talk('今天主要从四个角度跟大家分享，谈得不对的地方请批评。', heads.slice(0, 2)))).toMatchObject([{ announced: 4, found: 2 }]);
    expect(report(talk('下面我从三个关键词与大家交流。', ['第一个关键词', '第二个关键词', '第三个关键词']))).toMatchObject([{ announced: 3, found: 3 }]);
  });

  it('leaves counts that turn to nobody, and 第一个 inside a sentence or before a long phrase, alone', () => {
    expect(report(talk('村里有三个孩子跟大家分享了自己的故事，很感人。', ['第一个孩子', '第二个孩子']))).toEqual([]);
    const doc = parseDocument(['同志们：', '第一个吃螃蟹的人，往往要付出代价。', '我们要做第一个角度，也要做第二个角度。', '那一年抗洪，第一个站出来，第二个站出来，都是党员。'].join('\n'));
    expect(doc.markers).toEqual([]);
  });
});

describe('parts written as parallel paragraphs with no ordinals (要…。/ 要…。/ 要…。)', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);
  const talk = (intro: string, paras: string[]) => ['同志们：', intro, ...paras, '同志们，让我们共同努力，把各项工作做得更好！'].join('\n') + '\n';

  it('exactly as many paragraphs opening with the same lead as announced are its parts: no “none found”', () => {
    const text = talk('对于做好今年的工作，我提三点要求：', ['要提高认识。认识到位了，工作才能到位。', '要加强领导。主要负责同志要亲自抓。', '要狠抓落实。一分部署，九分落实。']);
    expect(found(text)).toEqual(['3/3']);
    expect(codes(text, 'announced-count')).toEqual([]);
    expect(found(talk('我讲三点意见。', ['坚持人民至上，把群众的事办好。', '坚持问题导向，把短板补齐。', '坚持系统观念，把工作统筹好。']))).toEqual(['3/3']);
  });

  it('a run of another length, or paragraphs with no shared lead, say nothing new: the count still finds none', () => {
    const two = talk('对于做好今年的工作，我提三点要求：', ['要提高认识。认识到位了，工作才能到位。', '要加强领导。主要负责同志要亲自抓。', '今年的任务很重，时间很紧。']);
    expect(found(two)).toEqual(['3/0']);
    const prose = talk('我讲三点意见。', ['今年的形势总体是好的，大家有目共睹。', '但是问题也不少，必须高度重视。', '下一步要抓好落实，确保完成任务。']);
    expect(found(prose)).toEqual(['3/0']);
    // A count naming a concept is no promise, whatever parallel paragraphs follow it.
    const concept = talk('我们必须始终坚持四项基本原则。', ['坚持社会主义道路，这是根本。', '坚持人民民主专政，这是保障。', '坚持党的领导，这是关键。', '坚持马克思列宁主义，这是指导。']);
    expect(found(concept)).toEqual([]);
  });
});

describe('the speaker says what he will say after the count (从五个方面谈具体要求)', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('promises the parts even when the page shows only the first: the shortfall is reported', () => {
    const text = '同志们：\n今天召开会议，部署整治工作。下面，我从五个方面谈具体要求。\n一、提高政治站位\n要把整治工作摆上重要位置。\n';
    expect(found(text)).toEqual(['5/1']);
    expect(codes(text, 'announced-count')).toHaveLength(1);
    expect(found('同志们：\n下面，我就三个方面的问题讲点意见。\n一、关于形势\n形势总体向好。\n')).toEqual(['3/1']);
  });

  it('what was said before (谈了, 提出了) promises nothing', () => {
    expect(found('同志们：\n刚才，书记从五个方面谈了具体要求。\n一、提高政治站位\n要把整治工作摆上重要位置。\n')).toEqual([]);
    expect(found('同志们：\n文件从三个方面提出了明确要求。\n一、提高政治站位\n要把整治工作摆上重要位置。\n')).toEqual([]);
  });
});

describe('a count of parts ending its sentence, the page cut off after the first part', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('今年要重点抓好四个方面的工作。 then 一、… and the page ends: 4 announced, 1 found', () => {
    expect(found('同志们：\n今年要重点抓好四个方面的工作。\n一、抓项目建设\n项目是经济发展的支撑。\n')).toEqual(['4/1']);
  });

  it('its first item run on after the sentence (…三项工作。一是…, 讲三点意见。一是…) and the page cut off: one found', () => {
    expect(found('同志们：\n今年要重点抓好三项工作。一是抓项目建设，项目是经济发展的支撑，要早谋划、早开工\n')).toEqual(['3/1']);
    expect(found('同志们：\n下面，我讲三点意见。一是提高认识，认识到位了\n')).toEqual(['3/1']);
    // The whole list there, as before.
    expect(found('同志们：\n下面，我讲三点意见。一是提高认识。二是加强领导。三是狠抓落实。\n')).toEqual(['3/3']);
  });

  it('the page cut off right after its announcement (…抓好三个方面的工作：, …三件事： and nothing after): none found', () => {
    const cut = (words: string) => found(`同志们：\n今天召开会议，部署工作。${words}`);
    expect(cut('今年重点抓好三个方面的工作：')).toEqual(['3/0']);
    expect(cut('今年重点抓好三个方面的工作。')).toEqual(['3/0']);
    expect(cut('要着力抓好三件事：')).toEqual(['3/0']);
    // A closing's words after the count are no promise; a count the cut itself ends may be a phrase cut short;
    // a count of things with a full stop is a quantity.
    expect(cut('我们要齐心协力，推动三项工作落地见效。')).toEqual([]);
    expect(cut('要完成八项重点工作，强化五项')).toEqual([]);
    expect(cut('这次共有三个乡镇受灾。')).toEqual([]);
    // Not the text's end: a weak count with nothing numbered after it is still read as before, and a closing call
    // after it is no run-in list of three (同志们，让我们…，…！).
    expect(found('同志们：\n今年重点抓好三个方面的工作：\n同志们，让我们共同努力！\n')).toEqual([]);
    expect(found('同志们：\n今年重点抓好三个方面的工作：\n同志们，让我们共同努力，把工作做得更好！\n')).toEqual([]);
    // What someone proposed before, cut there, promises nothing.
    expect(cut('各单位都要落实市委所提出的五条要求。')).toEqual([]);
  });

  it('a count of things (三个乡镇) or a name (四项基本原则) before one heading is no announcement', () => {
    expect(found('同志们：\n这次受灾的有三个乡镇。\n一、灾情总体可控\n各地要抓紧救灾。\n')).toEqual([]);
    expect(found('同志们：\n我们必须坚持四项基本原则。\n一、坚持社会主义道路\n这是根本。\n')).toEqual([]);
  });
});

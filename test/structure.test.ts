import { describe, expect, it } from 'vitest';
import { announcementReport, documentSymbols, parseDocument } from '../server/src/core';
import { codes, diagnose, lines, seed, SEEDS } from './helpers';

function outline(text: string): string[] {
  const out: string[] = [];
  const walk = (s: { name: string; children: any[] }, depth: number) => {
    out.push(`${'  '.repeat(depth)}${s.name}`);
    s.children.forEach((c) => walk(c, depth + 1));
  };
  documentSymbols(parseDocument(text)).forEach((s) => walk(s, 0));
  return out;
}

describe('headings on the seeds', () => {
  for (const name of SEEDS) {
    it(`${name}: every truth heading is a section starting on its line`, () => {
      const { text, truth } = seed(name);
      const doc = parseDocument(text);
      const starts = doc.markers.map((m) => ({ line: doc.lineStarts.filter((s) => s <= m.start).length, text: text.slice(m.start, m.end) }));
      for (const h of truth.headings) {
        const hit = starts.find((s) => s.line === h.line && s.text.replace(/\s/g, '').startsWith(h.marker.replace(/[,，]$/, '')));
        expect(hit, `${name}:${h.line} ${h.marker}`).toBeTruthy();
      }
    });
  }

  it('seed004 is two speeches, the second titled at line 43', () => {
    const doc = parseDocument(seed('seed004').text);
    const titled = doc.speeches.filter((s) => s.title);
    expect(titled.map((s) => s.title)).toEqual(['在全市高质量项目建设年动员大会上的讲话']);
    expect(doc.speeches).toHaveLength(2);
  });

  it('seed004 line 53 holds 第二, 第三 and 第四 of one run', () => {
    const doc = parseDocument(seed('seed004').text);
    const speech = doc.speeches[1];
    expect(speech.children.filter((c) => c.marker!.family === 'di').map((c) => c.marker!.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('markers and traps', () => {
  it('nests 一、 （一） 1. （1） and inline runs', () => {
    const text = '一、总体\n（一）分项\n1.要点\n（1）细目。一是甲；二是乙。\n二、其次\n';
    expect(outline(text)).toEqual(['一、总体', '  （一）分项', '    1.要点', '      （1）细目', '        一是甲', '        二是乙', '二、其次']);
  });

  it('accepts half-width forms and odd indentation', () => {
    const text = '\u3000\u3000一、甲\n\u00a0\u00a0(一)乙\n    1、丙\n  1．丁\n';
    const doc = parseDocument(text);
    expect(doc.markers.map((m) => [m.family, m.number])).toEqual([
      ['cn-dun', 1], ['cn-paren', 1], ['arabic-dot', 1], ['arabic-dot', 1],
    ]);
  });

  it.each([
    '一季度开工120个，二季度达产191个。',
    '必须扭住第一要务。',
    '今天是春节后上班第一天。',
    '这是第一次会议。',
    '要统一要求，进一步要求大家。',
    '做到一是一、二是二。',
    '拉动经济的三驾马车。',
  ])('trap is not an enumeration: %s', (text) => {
    expect(parseDocument(text).markers).toHaveLength(0);
  });

  it('一是一些 is still an item (only 一是一、二是二 is the idiom)', () => {
    const doc = parseDocument('一是一些地方进展慢。\n二是一些指标落后。\n');
    expect(doc.markers.map((m) => m.number)).toEqual([1, 2]);
  });

  it('首先/其次/最后 make a run; a closing 最后 alone does not', () => {
    expect(parseDocument('首先，要学习。其次，要落实。最后，要总结。').markers.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(parseDocument('最后，预祝大会圆满成功！').speeches[0].children).toHaveLength(0);
  });

  it('hard-wrapped PDF text is read as paragraphs', () => {
    const doc = parseDocument(seed('seed003').text);
    expect(doc.wrapWidth).not.toBeNull();
    const one = doc.markers.filter((m) => m.family === 'run-要');
    expect(one.map((m) => m.number)).toEqual([1, 2, 3, 1, 2, 3]);
  });
});

describe('numbering-sequence', () => {
  it('flags a gap, a repeat and names the expected number', () => {
    const ds = codes('一、甲\n二、乙\n四、丁\n', 'numbering-sequence');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toContain('缺少三');
    const rep = codes('一、甲\n二、乙\n二、丙\n', 'numbering-sequence');
    expect(rep[0].message).toContain('重复');
    expect((rep[0].data as any).fixes[0].newText).toBe('三');
  });

  it('a questioner’s 第二点 in a transcript’s exchange goes on nobody’s run (问： 学员2： 张总：)', () => {
    const talk = ['第一点，要把队伍带好。', '第二点，要把客户服务好。', '第三点，要把成本降下来。', '今天就讲这些。'];
    for (const turn of ['问：', '学员2：', '张总：']) {
      const text = [...talk, `${turn}我有两点体会。第一个是要学习，第二点是要实践，不知道对不对？`].join('\n');
      expect(codes(text, 'numbering-sequence'), turn).toEqual([]);
    }
    // The speaker's own run still goes on its own way: a slip in it is told.
    expect(lines(codes([...talk, '第二点，要把质量抓好。'].join('\n'), 'numbering-sequence'))).toEqual([5]);
  });

  it('a （三） whose （一）（二） stand earlier in the speech, closed by 一、 headings between, is not told it has no 一; one with none before is', () => {
    const body = '今年经济运行总体平稳，主要指标好于预期。'.repeat(6);
    // A report that puts （一） above 一、: the 一、 parts stand inside （二）. (各位代表： again is no new speech: （三） goes on.)
    const inverted = ['各位代表：', '（一）当前的经济形势', body, '（二）今后的方针', '一、加快农业发展', body, '二、搞好技术改造', body, '各位代表：', '（三）经济发展的前景', body].join('\n');
    expect(codes(inverted, 'numbering-sequence')).toEqual([]);
    expect(lines(codes(inverted.replace(/（一）当前的经济形势\n.*\n（二）今后的方针\n/, ''), 'numbering-sequence'))).toEqual([7]);
  });

  it('flags a gap in an inline run', () => {
    const ds = codes('工作中，一是抓落实，三是抓督查。', 'numbering-sequence');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toContain('缺少二');
  });

  it('a time is no item: the minutes of 9:00-18:30） or 11:30) are not numbers', () => {
    for (const text of ['同志们：\n办公时间为（9:00-18:30），请大家合理安排。\n', '会议时间：上午9:00-11:30）。\n', '开放时间（8：30-17：30）。\n'])
      expect(codes(text, 'numbering-sequence'), text).toEqual([]);
    // A list after a colon still is one.
    expect(announcementReport(parseDocument('同志们：\n要点有三项：1）抓项目；2）抓招商；3）抓民生。\n'))).toMatchObject([{ announced: 3, found: 3 }]);
  });

  it('reads 三、 run into a paragraph after a full stop even when its words open with a numeral (三、一所好学校…), not a list of numerals', () => {
    const script = '同志们：\n一、学校发展快，靠的是好班子。下面请校长致辞。\n二、成绩离不开老师。下面请教师代表发言。三、一所好的学校，更要有一流的学生。下面请学生代表发言。\n四、下面请家长代表讲话。\n';
    expect(codes(script, 'numbering-sequence')).toEqual([]);
    // 三、四月份 after a full stop is a span of months, not item 三.
    expect(codes('一、抓春耕\n二、抓防汛。三、四月份要备足物资。\n', 'numbering-sequence')).toEqual([]);
  });

  it('is silent on the seeds, whose numbering is regular', () => {
    for (const name of SEEDS) expect(codes(seed(name).text, 'numbering-sequence'), name).toHaveLength(0);
  });
});

describe('heading-hierarchy', () => {
  it('flags 1. directly under a 一、 and （1） under （一）; a speech numbered from （一） or 1. at its top is not a skip', () => {
    expect(codes('一、甲\n1.乙\n2.丙\n', 'heading-hierarchy')[0].message).toContain('“（一）”');
    expect(codes('一、甲\n（一）乙\n（1）丙\n（2）丁\n', 'heading-hierarchy')[0].message).toContain('“1.”');
    expect(codes('（一）甲\n（二）乙\n', 'heading-hierarchy')).toEqual([]);
    expect(codes('同志们：\n下面，我讲三点意见：\n1.统一思想。\n2.突出重点。\n3.狠抓落实。\n', 'heading-hierarchy')).toEqual([]);
  });

  it('a list numbered inside a sentence is not a heading level, in half- or full-width digits', () => {
    const list = '同志们：\n这次改革要回答三个问题：（1）为什么改，改革的动因从哪里来；（2）改什么，重点领域在哪里；（3）怎么改，路径和步骤如何安排。\n';
    expect(codes(list, 'heading-hierarchy')).toEqual([]);
    expect(codes(list.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), 'heading-hierarchy')).toEqual([]);
    // A paragraph that opens with （1） and runs on to （2） is a list too.
    expect(codes('同志们：\n（1）加强领导；（2）落实责任。\n', 'heading-hierarchy')).toEqual([]);
    // The same items as headings of their own under a 一、 are still a skipped level.
    expect(codes('同志们：\n一、改革\n（１）为什么改\n（２）改什么\n', 'heading-hierarchy')[0].message).toContain('前面没有“1.”级标题');
  });

  it('reads a Word draft’s full-width numbers (１．２０ＸＸ年) as it reads ASCII ones', () => {
    const doc = parseDocument('今年重点抓好两件事。\n１．抓项目，２０ＸＸ年底前全部开工。\n２．抓环境，年内见到成效。\n');
    expect(doc.markers.map((m) => [m.family, m.number])).toEqual([['arabic-dot', 1], ['arabic-dot', 2]]);
    expect(announcementReport(doc)).toMatchObject([{ announced: 2, found: 2 }]);
    expect(doc.placeholders.map((p) => p.text)).toEqual(['２０ＸＸ']);
  });

  it('fixes marker punctuation per GB/T 15834', () => {
    const cases: [string, string][] = [
      ['第一、要学习。第二、要落实。', '，'],
      ['一、甲\n（一）、乙\n', ''],
      ['一、甲\n（一）乙\n1、丙\n', '.'],
    ];
    for (const [text, fix] of cases) {
      const d = codes(text, 'heading-hierarchy')[0];
      expect(d, text).toBeTruthy();
      expect((d.data as any).fixes[0].newText).toBe(fix);
    }
  });

  it('flags mixed half-width and full-width parentheses in one run', () => {
    const ds = codes('一、甲\n（一）乙\n(二)丙\n（三）丁\n', 'heading-hierarchy');
    expect(ds).toHaveLength(1);
    expect(ds[0].range.start.line).toBe(2);
  });

  it('a plain 一、二、三、 list inside a part is its next level, and the parts’ own numbering goes on after it', () => {
    const report = [
      '一、过去一年的工作',
      '全年粮食产量稳定在较高水平，农民收入持续增长，农村面貌明显改善。',
      '二、今年的主要任务',
      '今年要着重抓好以下工作。',
      '一、稳定粮食生产',
      '二、发展特色产业',
      '三、深化农村改革',
      '三、保障措施',
      '各级各部门要加强组织领导，把各项任务落到实处。',
    ].join('\n');
    const hierarchy = codes(report, 'heading-hierarchy');
    expect(lines(hierarchy)).toEqual([5, 6, 7]);
    expect(hierarchy[0].message).toContain('在“二、”之下重新从一编号');
    // 三、保障措施 is the third part, not a 三 said again after the list's 三.
    expect(codes(report, 'numbering-sequence')).toEqual([]);
    // A part's number that fits no list before it is still told.
    expect(lines(codes(report.replace('三、保障措施', '五、保障措施'), 'numbering-sequence'))).toEqual([8]);
  });

  it('a list of bare markers (一、 alone on its line, its words below, as a wiki renders one) inside a part is a list there, not new parts', () => {
    const report = [
      '一、过去五年的工作',
      '五年来经济持续增长。',
      '二、今后的主要任务',
      '（一）关于基本建设',
      '第一，建设规模问题。',
      '有人担心规模过大，我们的财力是足够的，理由如下：',
      '一、',
      '国家已经掌握了主要的经济命脉。',
      '二、',
      '农民的收入逐年增加。',
      '第二，投资比例问题。',
      '轻重工业要统筹安排。',
      '（二）关于工业生产',
      '要增产节约。',
    ].join('\n');
    expect(codes(report, 'numbering-sequence')).toEqual([]);
    expect(outline(report)).toEqual(['一、过去五年的工作', '二、今后的主要任务', '  （一）关于基本建设', '    第一，建设规模问题', '      一、', '      二、', '    第二，投资比例问题', '  （二）关于工业生产']);
    // Bare markers as a draft's own parts (nothing of their family open above them) are its parts.
    expect(outline('一、\n总的要求。\n二、\n主要任务。\n')).toEqual(['一、', '二、']);
  });

  it('short one-paragraph items begun at 一、 under 第一、, after which 第二、 goes on, are a list inside 第一、', () => {
    const report = [
      '一、过去五年的工作',
      '五年来经济持续增长。',
      '二、今后的主要任务',
      '第一、严格控制投资规模。',
      '为了控制投资规模，国务院决定：',
      '一、投资总规模由计划部门综合平衡。',
      '二、大中型项目一律报国家审批。',
      '不经审批的项目，银行不得贷款。',
      '三、建设项目必须按程序办事。',
      '各地要认真执行上述规定。',
      '第二、整顿现有企业。',
      '要关停并转一批企业。',
    ].join('\n');
    expect(codes(report, 'numbering-sequence')).toEqual([]);
    expect(outline(report).slice(2)).toEqual(['  第一、严格控制投资规模', '    一、投资总规模由计划部门综合平衡', '    二、大中型项目一律报国家审批', '    三、建设项目必须按程序办事', '  第二、整顿现有企业']);
    // A compilation's next report, begun again at 一、 with paragraphs under its parts, is no list inside the last one.
    const next = ['一、基本情况', '本单位共有职工一百二十人。', '二、存在的问题', '一些同志工作作风不够扎实。', '三、下一步打算', '要进一步加强学习。'];
    const compiled = outline([...report.split('\n'), ...next].join('\n'));
    expect(compiled.slice(-3)).toEqual(['一、基本情况', '二、存在的问题', '三、下一步打算']);
  });
});

describe('a run of 一是… begun anew inside a paragraph', () => {
  it('…政策。一是… after a run that ended at 四是 starts a new run; the paragraphs after it go on with it', () => {
    const run = (topic: string) => `${topic}。一是抓好第一件事。\n二是抓好第二件事。\n三是抓好第三件事。\n四是抓好第四件事。\n`;
    const text = `同志们：\n${run('继续做好财政工作')}${run('继续做好金融工作')}`;
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    // A real slip in the second run is still found.
    expect(codes(text.replace(/三是抓好第三件事。\n四是抓好第四件事。\n$/, '四是抓好第三件事。\n五是抓好第四件事。\n'), 'numbering-sequence')).toHaveLength(1);
  });
});

describe('a run of 一是… begun anew after other lists and paragraphs', () => {
  const run = ['一是抓好第一件事。', '二是抓好第二件事。', '三是抓好第三件事。'];
  it('with a 一要…三要 list between the two runs, the second 一是 still begins its run anew', () => {
    const text = ['今年重点抓好三件事：', ...run, '推进科技创新，要抓好三个环节。', '一要加强基础研究。', '二要推动成果转化。', '三要培养创新人才。', '加强生态环保。一是抓好节能降耗。', '二是发展循环经济。', '三是治理重点流域。'].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
  });

  it('with a paragraph of the first item between it and 二是', () => {
    const text = ['今年重点抓好三件事：', ...run, '完善社会保障体系。一是推进养老保险省级统筹。', '出台养老保险关系转移接续办法。', '二是扩大社会保障覆盖范围。', '三是提高社会保障待遇。'].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    // A real slip in the second run is still found.
    expect(codes(text.replace('三是提高', '四是提高'), 'numbering-sequence')).toHaveLength(1);
  });
});

describe('a report that addresses its hearers again', () => {
  const body = '这一年，全县经济平稳增长，财政收入稳步提高，人民生活持续改善。'.repeat(12);
  it('各位代表： between （一） and （二） is no new speech: the parts go on', () => {
    const text = `各位代表：\n（一）过去一年的工作\n${body}\n各位代表：\n（二）今年的主要任务\n${body}\n`;
    const doc = parseDocument(text);
    expect(doc.speeches).toHaveLength(1);
    expect(codes(text, 'numbering-sequence')).toEqual([]);
  });
  it('a salutation before parts numbered anew still opens the next speech of a compilation', () => {
    const text = `各位代表：\n（一）过去一年的工作\n${body}\n各位代表：\n（一）今年的主要任务\n${body}\n`;
    expect(parseDocument(text).speeches).toHaveLength(2);
  });
});

describe('a list of short numbered items run into a sentence', () => {
  it('stands inside the item it is written in and ends with its paragraph: the run around it goes on', () => {
    const before = ['第一，要统一思想。', '第二，要加强团结。'];
    const text = `同志们：\n${before.join('\n')}\n第三，要严明纪律。重申四条：（一）个人服从组织；（二）少数服从多数；（三）下级服从上级；（四）全党服从中央。\n第四，要统筹兼顾。\n`;
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    const third = documentSymbols(parseDocument(text)).find((c) => c.name.startsWith('第三'));
    expect(third?.children?.map((c) => c.name)).toEqual(['（一）个人服从组织', '（二）少数服从多数', '（三）下级服从上级', '（四）全党服从中央']);
  });
});

describe('a span of two numbers opening a line', () => {
  it('一、两年之内… (a quotation split onto its own line) is no heading; 一、两个确立… is', () => {
    const quote = '同志们：\n毛主席说：\n一、两年之内逐步活跃起来，三年、四年、五年也好嘛。\n我们要照这个指示办。\n';
    expect(parseDocument(quote).markers.filter((m) => m.level !== null)).toEqual([]);
    expect(parseDocument('同志们：\n一、二年级的学生要多读书。\n').markers.filter((m) => m.level !== null)).toEqual([]);
    expect(parseDocument('同志们：\n一、两个确立的决定性意义\n内容。\n二、新的任务\n内容。\n').markers.filter((m) => m.level === 1)).toHaveLength(2);
  });
});

describe('ordinals listed before what they count', () => {
  it('第一、第二、第三产业 opens no item: no mark to correct, no list to number', () => {
    const text = '同志们：\n第一、第二、第三产业的结构都要调整。\n第一、二产业要协调发展。\n第一、要抓好结构调整。\n第二、要抓好产业升级。\n';
    const found = diagnose(text).filter((d) => d.code === 'heading-hierarchy' || d.code === 'numbering-sequence');
    // Only the two real items are told to take a comma after 第一 and 第二.
    expect(found.map((d) => d.range.start.line)).toEqual([3, 4]);
  });
});

describe('section-balance and heading-parallelism', () => {
  it('names the longest and the shortest sibling past the ratio', () => {
    const text = `一、甲\n${'很长的内容。'.repeat(40)}\n二、乙\n短。\n三、丙\n${'中等内容。'.repeat(10)}\n`;
    const [d] = codes(text, 'section-balance');
    expect(d.message).toContain('最长的“一、甲”');
    expect(d.message).toContain('最短的“二、乙”');
    const balanced = `一、甲\n${'很长的内容。'.repeat(40)}\n二、乙\n${'内容。'.repeat(40)}\n三、丙\n${'中等内容。'.repeat(20)}\n`;
    expect(codes(balanced, 'section-balance')).toHaveLength(0);
    // White space is no content: a part indented and spaced out like a PDF's text is as long as its words.
    const spaced = `一、甲\n${'　　内   容   不   多   。\n'.repeat(12)}二、乙\n${'内容不多。'.repeat(8)}\n三、丙\n${'内容不多。'.repeat(8)}\n`;
    expect(codes(spaced, 'section-balance')).toHaveLength(0);
  });

  it('seed002: 一、 breaks the 要再… pattern of 二 to 六', () => {
    const ds = codes(seed('seed002').text, 'heading-parallelism');
    expect(ds).toHaveLength(1);
    expect(ds[0].range.start.line + 1).toBe(19);
    expect(ds[0].message).toContain('要再');
    // A suggestion of style: a hint, outside the Problems panel, unless the team raises it.
    expect(ds[0].severity).toBe(4);
  });
});

describe('reading flattened and nested runs', () => {
  it('a paragraph’s own 第一…第二 inside a 第一/第二 run of paragraphs nests, and the outer run goes on', () => {
    const text = [
      '一、做好“防火”建设',
      '第一，法务部的定位要清楚，重在预防。',
      '法务人员要有本领。第一，要有敏锐的嗅觉。第二，要有认真的精神。',
      '第二，专利申请要重质量，不求数量第一。',
      '二、加强激励',
    ].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    expect(outline(text)).toEqual(['一、做好“防火”建设', '  第一，法务部的定位要清楚', '    第一，要有敏锐的嗅觉', '    第二，要有认真的精神', '  第二，专利申请要重质量', '二、加强激励']);
  });

  it('a run inside the paragraph that a run’s item opens (四是…：一是…；二是…) nests in that item, and the outer run goes on', () => {
    const text = [
      '开头部分可分为三方面内容：',
      '一是宣布开会。',
      '二是介绍背景，要把握两个原则：一是站位要高；二是交代要全。',
      '三是介绍议程。',
    ].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    expect(outline(text)).toEqual(['一是宣布开会', '二是介绍背景', '  一是站位要高', '  二是交代要全', '三是介绍议程']);
    expect(announcementReport(parseDocument(text)).map((a) => [a.announced, a.found])).toEqual([[3, 3], [2, 2]]);
  });

  it('第一，… as a heading’s line holds the （一） headings under it, and 第二，… goes on the run', () => {
    const text = [
      '第一，全面动员，大办农业',
      '（一）抓好商品粮基地建设，使提供的商品粮逐年增加。',
      '（二）有计划地开垦荒地，使耕地面积逐年有所增加。',
      '第二，加快发展基础工业',
      '（一）加强能源工业建设，逐步缓解供应紧张的局面。',
    ].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    expect(outline(text).map((l) => l.split('，')[0])).toEqual(['第一', '  （一）抓好商品粮基地建设', '  （二）有计划地开垦荒地', '第二', '  （一）加强能源工业建设']);
    // A 第一， opening a sentence of prose holds nothing: a （一） after it closes it (and 第二 is not told it has no 一:
    // the 第一 was said).
    const prose = text.replace('第一，全面动员，大办农业', '第一，要全面动员，大办农业，这是全局的基础。');
    expect(outline(prose).map((l) => l.split('，')[0]).slice(0, 3)).toEqual(['第一', '（一）抓好商品粮基地建设', '（二）有计划地开垦荒地']);
    expect(codes(prose, 'numbering-sequence')).toEqual([]);
  });

  it('a paragraph-opening 第二 after another is still a repeated number', () => {
    const text = '一、总体要求\n第一，统一思想。\n第二，加强领导。\n第二，抓好落实。\n';
    expect(codes(text, 'numbering-sequence').map((d) => d.message)).toEqual(['序号“第二，”与上一项重复，应为“三”。']);
  });

  it('a book title a PDF broke out of its sentence (继《 / …上的报告 / 》之后) does not start a new speech', () => {
    const text = [
      '一、关于形势',
      '一九五七年发表的',
      '关于正确处理矛盾的问题',
      '》这部著作，继《',
      '在中央委员会第二次全体会议上的报告',
      '》之后，全面提出了新的理论。',
      '二、关于任务',
      '任务很重。',
    ].join('\n');
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    expect(outline(text).filter((l) => !l.startsWith(' '))).toEqual(['一、关于形势', '二、关于任务']);
  });
});

describe('numbered items inside a paragraph', () => {
  it('1. 2. 3. after full stops are items of the level they name', () => {
    const text = '一、总体\n（一）扩大投资。1.抓谋划。2.抓开工。3.抓保障。\n（二）做强实体。\n';
    expect(outline(text)).toEqual(['一、总体', '  （一）扩大投资', '    1.抓谋划', '    2.抓开工', '    3.抓保障', '  （二）做强实体']);
  });

  it('decimals and amounts are not items', () => {
    expect(parseDocument('一、总体\n增长2.5%。3.5亿元已到位。\n').markers.map((m) => m.family)).toEqual(['cn-dun']);
  });
});

describe('other ordinal runs', () => {
  it.each([
    ['其一，要学习；其二，要落实；其三，要总结。', 'qi'],
    ['主要有：①摸清底数；②制定方案；③抓好落实。', 'circled'],
    ['第一步，摸底；第二步，建账；第三步，销号。', 'di-步'],
    ['第一个方面，抓项目。第二个方面，抓环境。', 'di-方面'],
  ])('%s', (text, family) => {
    const doc = parseDocument(text);
    expect(doc.markers.map((m) => [m.family, m.number])).toEqual(doc.markers.map((_, i) => [family, i + 1]));
    expect(doc.markers.length).toBeGreaterThanOrEqual(2);
  });
});

describe('titles', () => {
  it('a title with a bracketed note still opens a speech', () => {
    const doc = parseDocument('在全市工作会议上的讲话（摘要）\n同志们：\n一、甲\n');
    expect(doc.speeches[0].title).toBe('在全市工作会议上的讲话（摘要）');
  });
});

describe('markers with stray spaces from pasting', () => {
  it('一 、 （ 一 ） 1 . are still headings', () => {
    const doc = parseDocument('一 、认清形势\n（ 一 ）把握大局\n1 .看数据\n');
    expect(doc.markers.map((m) => [m.family, m.number])).toEqual([['cn-dun', 1], ['cn-paren', 1], ['arabic-dot', 1]]);
  });
});

describe('PDF page footers', () => {
  it('a footer inside a hard-wrapped paragraph does not break it', () => {
    const width = '这是一行排满了的正文文字用来模拟版心宽度啊';
    const lines = [
      '同志们：',
      ...Array.from({ length: 6 }, () => width),
      '今年要重点做好以下三个方面工作，确保全年目标任',
      '- 2 -',
      '务圆满完成，各项工作全面推进落实到位这是一行',
      ...Array.from({ length: 4 }, () => width),
      '各项工作全面推进。',
      '一、抓项目。',
      '二、抓环境。',
      '三、抓作风。',
    ];
    const doc = parseDocument(lines.join('\n'));
    expect(doc.wrapWidth).not.toBeNull();
    expect([...doc.residueLines]).toEqual([8]);
    const para = doc.paragraphs.find((p) => p.flat.includes('确保全年目标任务圆满完成'));
    expect(para).toBeTruthy();
    expect(announcementReport(doc)).toMatchObject([{ announced: 3, found: 3 }]);
  });
});

describe('numbers as Word and web pages write them', () => {
  const items = ['统一思想，提高认识。', '突出重点，精准发力。', '压实责任，狠抓落实。'];
  it.each([
    ['1）', (i: number) => `${i + 1}）`],
    ['1)', (i: number) => `${i + 1})`],
    ['⑴', (i: number) => String.fromCharCode(0x2474 + i)],
    ['⒈', (i: number) => String.fromCharCode(0x2488 + i)],
  ])('%s numbers parts on their own lines and inside a sentence', (_, label) => {
    const own = parseDocument(`同志们：\n下面，我讲三点意见：\n${items.map((x, i) => label(i) + x).join('\n')}\n同志们，让我们共同努力。\n`);
    expect(own.markers.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(announcementReport(own)).toMatchObject([{ announced: 3, found: 3 }]);
    const inline = parseDocument(`同志们：\n下面，我讲三点意见：${items.map((x, i) => label(i) + x).join('')}\n`);
    expect(announcementReport(inline)).toMatchObject([{ announced: 3, found: 3 }]);
  });

  it('a closing bracket after a number in running text is no marker', () => {
    for (const t of ['见附件1）。', '比分是3)', '（2020）12号文件']) expect(parseDocument(`同志们：\n${t}\n`).markers).toEqual([]);
  });
});

describe('a document’s own table of contents', () => {
  const report = (toc: string[]) =>
    ['政府工作报告', '目  录', ...toc, '过去一年，我们在县委的坚强领导下，全面完成了各项目标任务。下面，我报告三个方面的内容。', '一、过去一年工作回顾', '全县经济平稳增长。', '二、今年工作总体要求', '今年要稳中求进。', '三、今年重点工作任务', '今年要抓好以下工作。'].join('\n');
  it.each([
    ['leader dots', ['一、过去一年工作回顾……………1', '二、今年工作总体要求……………5', '三、今年重点工作任务……………8']],
    ['a tab', ['一、过去一年工作回顾\t1', '二、今年工作总体要求\t5', '三、今年重点工作任务\t8']],
    ['a space (its leaders lost)', ['一、过去一年工作回顾 1', '二、今年工作总体要求 5', '三、今年重点工作任务 18']],
  ])('with %s is left out of the outline and not reported as web residue', (_, toc) => {
    const doc = parseDocument(report(toc));
    expect(doc.speeches[0].children.map((c) => c.title)).toEqual(['过去一年工作回顾', '今年工作总体要求', '今年重点工作任务']);
    expect(announcementReport(doc)).toMatchObject([{ announced: 3, found: 3 }]);
    expect(codes(report(toc), 'web-residue')).toEqual([]);
  });

  it('a table’s row with a tab before a figure is not an entry', () => {
    expect(parseDocument('报告\nXX乡\t12\n粮食产量\t125\n').residueLines.size).toBe(0);
    // Nor, without a 目录 over it, a title with a number after a space; nor a sentence after the entries.
    expect(parseDocument('党课讲稿 2\n同志们：\n今天讲三点。\n').residueLines.size).toBe(0);
    const compilation = parseDocument('目录\n做新时代的“拓荒牛” 272\n专题党课讲稿 1\n按照要求，今天我讲 3\n');
    expect([...compilation.tableOfContents].sort()).toEqual([0, 1, 2]);
  });
});

describe('compilations', () => {
  it('an item’s title closing with its label (开场白篇1) opens the speech under it', () => {
    const item = (n: number) => `会议开场白篇${n}\n同志们：\n${'今天召开这次会议，主要任务是总结上半年工作，部署下半年任务，动员大家再鼓干劲。'.repeat(4)}\n一、统一思想\n二、狠抓落实\n`;
    const doc = parseDocument(`会议开场白（2篇）\n${item(1)}${item(2)}`);
    expect(doc.speeches.map((s) => s.title)).toEqual(['会议开场白篇1', '会议开场白篇2']);
    expect(doc.speeches.map((s) => s.children.length)).toEqual([2, 2]);
    // A title whose last word is a count of articles is not a label.
    expect(parseDocument('优秀讲话稿共十篇。\n同志们：\n').residueLines.size).toBe(0);
  });

  it('a salutation alone on its line after a speech’s body opens the next speech, even without a title', () => {
    const first = '在全县工作会议上的讲话\n同志们：\n' + '今年以来，全县上下认真贯彻上级部署，各项工作取得了明显成效，经济运行总体平稳。'.repeat(8) + '\n我们要始终坚持四项基本原则，坚定不移走自己的路。\n谢谢大家！\n';
    const second = '各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n去年经济平稳增长。\n二、今年的主要任务\n今年要稳中求进。\n三、加强政府自身建设\n要建设法治政府。\n';
    const doc = parseDocument(first + second);
    expect(doc.speeches).toHaveLength(2);
    expect(doc.speeches[1].children.map((c) => c.title)).toEqual(['过去一年的工作', '今年的主要任务', '加强政府自身建设']);
    // 四项基本原则 names a principle: with no parts of its own speech after it, it announces nothing.
    expect(announcementReport(doc)).toEqual([]);
    // Inside one speech, a salutation early in the body (before 300 characters) does not split it.
    expect(parseDocument('同志们：\n今天开个短会。\n各位同志：\n一、统一思想\n二、狠抓落实\n').speeches).toHaveLength(1);
  });
});

describe('printed page numbers', () => {
  it('a page number in any of the forms a 公文 PDF prints is page furniture, not speech', () => {
    for (const page of ['— 2 —', '－2－', '- 12 -', '·3·', '第 4 页', '– 5 –']) {
      const doc = parseDocument(`同志们：\n下面，我讲两点意见。\n一、统一思想\n要提高认识。\n${page}\n二、狠抓落实\n要真抓实干。\n`);
      expect([...doc.residueLines]).toEqual([4]);
      expect(announcementReport(doc)).toMatchObject([{ announced: 2, found: 2 }]);
    }
    // A dash opening a part is not a page number.
    expect(parseDocument('同志们：\n——2025年是关键之年。\n').residueLines.size).toBe(0);
  });
});

describe('a PDF’s outline run into one line', () => {
  it('（一） after a heading with no stop, （二） after a sentence: the item before （二） is written there, no “no 一”', () => {
    const line = '同志们： 一、认清违规吃喝的危害，把牢思想总开关 （一）从政治上看，违规吃喝侵蚀党的执政根基。 （二）从纪律上看，违规吃喝是触碰红线的高危区。 （三）从作风上看，违规吃喝败坏风气。';
    expect(codes(line, 'numbering-sequence')).toEqual([]);
    // A list that really starts at （二） is still told.
    expect(codes(line.replace('（一）从政治上看', '从政治上看'), 'numbering-sequence').map((d) => d.message)).toEqual(['序号“（二）”前没有从“一”开始的同级序号。']);
  });
});

describe('runs inside a PDF paragraph', () => {
  // A page 24 characters wide: a paragraph's lines are full but its last.
  const full = '各级各部门要提高政治站位，把这项工作摆上议程，';
  const body = [full, full, full, '确保各项部署落到实处。'];

  it('an item the line break put at a line start (…；/二是…) stays in the run it belongs to', () => {
    const run = ['围绕这个目标，今年主要抓了三件事：一是建立台账；', '二是开展集中督查，紧盯薄弱环节，限期整改到位；', '三是完善考核办法。'];
    // Full lines: within a character of the page's width.
    expect(run.slice(0, 2).every((l) => Math.abs(l.length - full.length) <= 1)).toBe(true);
    const doc = parseDocument([...body, ...run, ...body].join('\n'));
    expect(doc.wrapWidth).not.toBeNull();
    expect(doc.paragraphs.find((p) => p.flat.includes('三件事'))!.flat).toContain('；三是完善考核办法。');
    expect(announcementReport(doc)).toMatchObject([{ announced: 3, found: 3 }]);
    // Circled and numbered items alike: ③ after an inline ②.
    const circled = parseDocument([...body, '今年主要抓三件事：①建立台账，明确责任单位；②开', '展集中督查，紧盯薄弱环节，限期整改全部到位；', '③完善考核办法。', ...body].join('\n'));
    expect(circled.paragraphs.find((p) => p.flat.includes('三件事'))!.flat).toContain('③完善考核办法');
  });

  it('items that each open a paragraph of their own still do', () => {
    const items = ['一是建立台账，逐项明确责任单位和完成的时限；', '二是开展集中督查，紧盯薄弱环节限期整改到位；', '三是完善考核办法，把结果用到干部评价中去。'];
    expect(items.every((l) => l.length >= full.length - 2)).toBe(true);
    const doc = parseDocument([...body, '今年要抓好三项工作：', ...items, ...body].join('\n'));
    expect(doc.paragraphs.filter((p) => /^[一二三]是/.test(p.flat))).toHaveLength(3);
  });

  it('a page counter run into a line of speech leaves the line speech; alone it is page furniture', () => {
    const doc = parseDocument([...body, '建议议程共三项：1.听取工作报告；2.审议预算；', '第1页共3页3.选举事项。', ...body].join('\n'));
    expect(doc.residueLines.size).toBe(0);
    expect(announcementReport(doc)).toMatchObject([{ announced: 3, found: 3 }]);
    expect(parseDocument([...body, '第1页共3页', ...body].join('\n')).residueLines).toEqual(new Set([4]));
  });
});

describe('spaces a web page or a half-width paste leaves', () => {
  const speech = [
    '同志们：',
    '今年的工作，我讲三点意见：一是抓项目，扩大有效投资；二是抓环境，优化营商服务；三是抓作风，狠抓工作落实。',
    '对明年的工作，要突出以下两个方面：',
    '——坚持稳中求进。保持政策连续稳定。',
    '——坚持改革创新。激发市场主体活力。',
  ].join('\n');
  const read = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('reads the speech the same with a space after each mark, zero-width spaces, or spaces closing each line', () => {
    expect(read(speech)).toEqual(['3/3', '2/2']);
    expect(read(speech.replace(/([。；：])/g, '$1 '))).toEqual(['3/3', '2/2']);
    expect(read(speech.replace(/([。；])/g, '$1\u200b'))).toEqual(['3/3', '2/2']);
    expect(read(speech.replace(/\n/g, '  \n'))).toEqual(['3/3', '2/2']);
  });

  it('reads a speech a PDF’s extraction letter-spaced (同 志 们 ：) as it reads the speech', () => {
    const spaced = speech.split('\n').map((l) => [...l].join(' ')).join('\n');
    expect(read(spaced)).toEqual(['3/3', '2/2']);
    const doc = parseDocument(spaced);
    const second = doc.markers.find((m) => m.number === 2)!;
    expect(doc.text.slice(second.start, second.end)).toBe('二 是');
    // An English line is not letter-spaced.
    expect(parseDocument('同志们：\nI am a boy and you are a girl.\n').paragraphs[1].flat).toBe('I am a boy and you are a girl.');
  });

  it('keeps a space between Latin words and Han text, and places what it finds on the text as written', () => {
    const doc = parseDocument('同志们：\n要用好 Office 办公软件。 一是学会排版；二是学会审校。\n');
    const p = doc.paragraphs[1];
    expect(p.flat).toBe('要用好 Office 办公软件。一是学会排版；二是学会审校。');
    const second = doc.markers.find((m) => m.number === 2)!;
    expect(doc.text.slice(second.start, second.end)).toBe('二是');
  });
});

describe('long reports and Markdown drafts', () => {
  it('第一部分 stands above 一、', () => {
    const text = '第一部分 过去一年的工作\n一、经济平稳\n二、民生改善\n第二部分 今年的任务\n一、稳增长\n';
    expect(outline(text)).toEqual(['第一部分 过去一年的工作', '  一、经济平稳', '  二、民生改善', '第二部分 今年的任务', '  一、稳增长']);
  });

  it('bold Markdown headings are headings, named without the bold markers', () => {
    const doc = parseDocument('**一、提高认识**\n\n内容。\n\n**二、狠抓落实**\n', { markdown: true });
    expect(documentSymbols(doc).map((s) => s.name)).toEqual(['一、提高认识', '二、狠抓落实']);
  });
});

describe('seed003 titles', () => {
  it('the page title and the hard-wrapped speech title around a block of residue stay apart', () => {
    const doc = parseDocument(seed('seed003').text);
    expect(doc.speeches.map((s) => s.title)).toEqual(['在全市统筹推进疫情防控和经济社会发展工作视频会议上的讲话']);
  });
});

describe('a speech that lists its parts before developing them', () => {
  const speech = (preview: string[], parts: string[]) =>
    ['同志们：', '今天请大家来，是想把近期的几件事说清楚。', '下边主要讲三个问题：', ...preview, ...parts].join('\n') + '\n';
  const preview = ['（一）怎样看待当前的形势；', '（二）工作重点放在哪里；', '（三）作风建设怎么抓。'];
  const parts = [
    '（一）怎样看待当前的形势。总的看，形势是好的，但困难不少，大家要有清醒认识。',
    '（二）工作重点放在哪里。重点是项目建设和民生改善，两手都要硬。',
    '（三）作风建设怎么抓。关键是领导带头，从具体的事情抓起。',
  ];

  it('the preview’s numbers are not parts: the outline shows the three parts once, and the count finds them', () => {
    const text = speech(preview, parts);
    expect(outline(text).filter((n) => n.trim().startsWith('（'))).toEqual(['（一）怎样看待当前的形势', '（二）工作重点放在哪里', '（三）作风建设怎么抓']);
    const report = announcementReport(parseDocument(text));
    expect(report.map((r) => `${r.announced}/${r.found}`)).toEqual(['3/3']);
    expect(report[0].items.map((x) => x.range.start.line)).toEqual([6, 7, 8]);
    expect(codes(text, 'numbering-sequence')).toEqual([]);
  });

  it('a page cut off after the first part developed reads the same way', () => {
    const text = speech(preview, parts.slice(0, 1));
    expect(outline(text).filter((n) => n.trim().startsWith('（'))).toEqual(['（一）怎样看待当前的形势']);
  });

  it('a list restarted under other names is not a preview: its numbers stay parts', () => {
    const text = speech(['（一）抓项目；', '（二）抓民生；'], ['（一）统一思想。要把思想统一到会议精神上来。', '（二）狠抓落实。要一件一件抓好。']);
    expect(outline(text).filter((n) => n.trim().startsWith('（'))).toHaveLength(4);
  });
});

describe('ordinals run into their words with no mark after them (第一是…, 第一从…看，)', () => {
  const talk = (heads: string[]) => ['同志们：', '下面，我从三个方面谈谈认识。', ...heads].join('\n') + '\n';
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('paragraphs opened by 第一是 or 第一从 are the announced parts (they were not read, and the count said none followed)', () => {
    expect(found(talk(['第一是从历史看，我们走过了不平凡的道路。', '第二是从现实看，困难不少。', '第三是从未来看，前景光明。']))).toEqual(['3/3']);
    expect(found(talk(['第一从历史看，我们走过了不平凡的道路。', '第二从现实看，困难不少。', '第三从未来看，前景光明。']))).toEqual(['3/3']);
    expect(codes(talk(['第一从历史看，道路不平凡。', '第二从现实看，困难不少。']), 'announced-count')).toHaveLength(1);
  });

  it('inside a sentence, 第一是 opens a run only when 第二是 follows; 安全第一是 and 第一是否 are no ordinals', () => {
    expect(outline('同志们：\n现在处在关头，第一是号召大家立功，第二是把优秀人员选拔上来。\n').filter((n) => n.includes('第'))).toHaveLength(2);
    expect(outline('同志们：\n我们常说安全第一是底线，第二是什么呢？\n').filter((n) => n.includes('第'))).toEqual([]);
    expect(outline('同志们：\n第一是否合适，要看群众的评价。\n').filter((n) => n.includes('第'))).toEqual([]);
  });
});

describe('parts named by a counted noun and its quoted word (第一个关键词是“担当”。)', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);
  const talk = (heads: string[]) => ['同志们：', '下面，我想用三个关键词和大家交流。', ...heads].join('\n') + '\n';

  it('paragraphs opened by 第一个关键词是“…” are the three announced (the count said none followed)', () => {
    expect(found(talk(['第一个关键词是“担当”。担当是本分。', '第二个关键词是“实干”。实干兴邦。', '第三个关键词是“清廉”。清廉是底线。']))).toEqual(['3/3']);
    expect(found(talk(['第一个问题是：怎么看。要看全局。', '第二个问题是：怎么干。要抓重点。', '第三个问题是：谁来干。要压实责任。']))).toEqual(['3/3']);
  });

  it('unquoted after 是 (第一个环节是谋划。), the parts are read when the next of the same noun follows', () => {
    const heads = ['第一个环节是谋划。要早谋划。', '第二个环节是推进。要快推进。', '第三个环节是督查。要严督查。'];
    expect(found(['同志们：', '具体讲，要抓好三个环节。', ...heads].join('\n') + '\n')).toEqual(['3/3']);
    // Alone, it is a sentence about a first: no item, and no count to find it.
    expect(outline('同志们：\n第一个站出来是他，大家都很佩服。\n后来又有人站出来了。\n').filter((n) => n.includes('第'))).toEqual([]);
  });

  it('第一个 naming a person or a deed stays running text', () => {
    expect(outline('同志们：\n第一个站出来是他，第二个是她。\n').filter((n) => n.includes('第'))).toEqual([]);
    expect(outline('同志们：\n第一个吃螃蟹的人是勇敢的。\n').filter((n) => n.includes('第'))).toEqual([]);
  });
});

describe('a chair’s cue with a site’s keywords run on after it', () => {
  it('下面，进行第三项议程：工作会议主持词 is the script’s line, not the title of a second speech', () => {
    const script = (cue: string) =>
      ['工作会议主持词', '同志们：', '今天的会议有三项议程。', '下面，进行第一项议程：', '请办公室通报情况。', '下面，进行第二项议程：', '请先进代表发言。', cue, '请书记讲话。', '同志们，今天的会议开得很好，请大家抓好落实。'].join('\n') + '\n';
    const roots = (text: string) => documentSymbols(parseDocument(text)).map((s) => s.name);
    expect(roots(script('下面，进行第三项议程：工作会议主持词'))).toEqual(['工作会议主持词']);
    // A title standing alone after a speech's body still opens the next speech of a compilation.
    expect(roots(script('下面，进行第三项议程：') + '在全县表彰大会上的讲话\n同志们：今天召开表彰大会，表彰先进。\n')).toHaveLength(2);
  });
});

describe('runs of 一则…二则… and 一来…二来…', () => {
  const found = (text: string) => announcementReport(parseDocument(text)).map((r) => `${r.announced}/${r.found}`);

  it('paragraphs or clauses opened by 一则, 二则, 三则 (一来, 二来) are a run', () => {
    expect(found('同志们：\n我讲三点意见。\n一则要提高认识，不能掉以轻心。\n二则要加强领导，落实责任。\n三则要严格考核，奖惩分明。\n')).toEqual(['3/3']);
    expect(outline('同志们：\n这样做，一来可以节约成本，二来可以提高效率，三来可以方便群众。\n').filter((n) => /[一二三]来/.test(n))).toHaveLength(3);
  });

  it('一则消息, 一来就, 一来二去 with no next item near are words, not items', () => {
    expect(outline('同志们：\n一则消息传来，大家都很高兴。\n一来就忙着开会。一来二去，大家熟悉了。\n').filter((n) => /一[则来]/.test(n))).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, parseDocument } from '../server/src/core';
import type { Segmenter } from '../server/src/core/rule';
import { loadJieba, validSegmenterWord } from '../server/src/segmenter/jieba';
import { mayHaveDoubles } from '../server/src/core/rules/duplicateWord';
import { codes, lines, seed } from './helpers';

let segmenter: Segmenter;
beforeAll(() => {
  const r = loadJieba();
  if (!r.ok) throw new Error(`nodejieba must load for these tests: ${r.reason}`);
  segmenter = r.segmenter;
});

function doubled(text: string) {
  return checkDocument(parseDocument(text), { config: defaultConfig(), segmenter, only: 'segmented' })
    .filter((d) => d.code === 'duplicate-word')
    .map((d) => (d.data as any).word);
}

describe('duplicate-word', () => {
  it('flags 工作工作 on seed000 line 29', () => {
    const ds = checkDocument(parseDocument(seed('seed000').text), { config: defaultConfig(), segmenter, only: 'segmented' });
    expect(ds.map((d) => [d.code, d.range.start.line + 1])).toEqual([['duplicate-word', 29]]);
    expect((ds[0].data as any).fixes[0].newText).toBe('');
  });

  it.each(['抓好下步工作工作谋划', '各项工作工作要抓实', '这个问题问题很大', '我们我们要努力', '这是我们的的任务', '我们的比划比划要规范', '坦克坦克不会开', '要落实好各项政策政策', '防范化解重大风险风险', '听取了政府工作报告报告'])('flags %s', (text) => {
    expect(doubled(text)).toHaveLength(1);
  });

  it.each(['各单位要要高度重视', '大家也也要注意', '各项工作都都要落实', '向向先进学习', '又又一次强调'])('flags a doubled function word: %s', (text) => {
    expect(doubled(text)).toHaveLength(1);
  });

  it.each(['客户都会说，放心放心吧，不吃亏不吃亏。', '价值观是公司最重要最重要的基础', '这件事非常重要非常重要'])('leaves a phrase said twice for weight alone (a clause of its own, or a degree adverb with its adjective): %s', (text) => {
    expect(doubled(text)).toEqual([]);
  });

  it.each(['同志们们，大家好', '各位来宾们们好', '我们们要努力', '他们们都来了'])('flags the plural suffix said twice, in its word or apart: %s', (text) => {
    expect(doubled(text)).toEqual(['们']);
  });

  it.each(['这件事要要求大家', '他将将来的事安排好了', '我们都要要求自己', '不了了之的现象要杜绝', '的的确确做到了'])('leaves a function word before a word that starts with it alone: %s', (text) => {
    expect(doubled(text)).toEqual([]);
  });

  it.each(['大家要研究研究这个问题', '我们讨论讨论', '回去学习学习', '看看再说', '人人有责，天天向上', '常常想起', '红红火火过大年', '一个一个地解决', '一项一项对照督导', '安全生产非常非常重要', '逐步逐步地推开', '大家先比划比划，再动手', '请大家比划比划吧', '他自己比划比划战场', '工作要实实在在，不搞花架子', '涉及方方面面的利益', '家家户户都通了自来水', '他兢兢业业干了三十年', '这件事我们再商量商量', '要扎扎实实抓好每一项工作'])(
    'leaves reduplication alone: %s',
    (text) => {
      expect(doubled(text)).toEqual([]);
    },
  );

  it.each(['提高公共安全公共安全治理水平', '要好好学习好好学习', '加强食品从业人员从业人员培训'])('flags a phrase said twice, whatever the dictionary calls one word: %s', (text) => {
    expect(doubled(text)).toHaveLength(1);
  });

  it.each(['一步一步往前走', '一年一年地干下去', '弘扬艰苦奋斗、奋斗、再奋斗的精神', '技术与技术之间、技术之间、行业之间'])('leaves numeral runs and lists alone: %s', (text) => {
    expect(doubled(text)).toEqual([]);
  });

  it('segments only paragraphs that say something twice in a row, and finds the same', () => {
    expect(mayHaveDoubles('各级各部门要认真贯彻落实会议精神。')).toBe(false);
    expect(mayHaveDoubles('这是我们的的任务')).toBe(true);
    expect(mayHaveDoubles('大家要研究研究这个问题')).toBe(true);
    // 人人 and 天天 are single characters that are not function words: no need to segment.
    expect(mayHaveDoubles('人人有责，天天向上')).toBe(false);
    const asked: string[] = [];
    const counting: Segmenter = { tag: (t) => (asked.push(t), segmenter.tag(t)) };
    const text = seed('seed000').text;
    const ds = checkDocument(parseDocument(text), { config: defaultConfig(), segmenter: counting, only: 'segmented' });
    expect(ds.map((d) => d.range.start.line + 1)).toEqual([29]);
    const paragraphs = parseDocument(text).paragraphs.length;
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(paragraphs / 4);
  });

  it('is not run without the segmenter, and everything else still is', () => {
    const ds = checkDocument(parseDocument('抓好下步工作工作谋划，增长×%。'), { config: defaultConfig(), segmenter: null });
    expect(ds.map((d) => d.code)).toEqual(['placeholder']);
  });

  it('only hands nodejieba words it can take', () => {
    expect(validSegmenterWord('凝心聚力')).toBe(true);
    expect(validSegmenterWord('')).toBe(false);
    expect(validSegmenterWord('带 空格')).toBe(false);
    expect(validSegmenterWord('换\n行')).toBe(false);
  });
});

describe('repeated-sentence', () => {
  const S1 = '学校把立德树人作为根本任务，既注重学生的全面发展，也注重每一个学生的个性成长。';
  const S2 = '学校把立德树人作为根本任务，既重视学生的全面发展，也注重每一个学生的个性成长。';

  it('a whole sentence said again a few paragraphs later is found in both places', () => {
    const text = `同志们：\n${S1}今年要继续抓好。\n其他工作照常推进。\n${S1}各年级要落实。\n`;
    const ds = codes(text, 'repeated-sentence');
    expect(lines(ds)).toEqual([2, 4]);
    expect((ds[0].data as any).related[0].range.start.line).toBe(3);
  });

  it('inside one paragraph: the long sentence said again sentences later, a word apart, is found; a restatement right after it is emphasis', () => {
    const later = `${S1}这几年各年级都制定了培养方案，老师们花了很多心血，取得了明显成效，家长也普遍认可。所以，${S2}`;
    expect(lines(codes(`同志们：\n${later}\n`, 'repeated-sentence'))).toEqual([2, 2]);
    expect(codes(`同志们：\n${S1}${S2}\n`, 'repeated-sentence')).toEqual([]);
  });

  it('a numbered heading said again in the body under it is the point developed; under the next heading it is a copy', () => {
    const heading = '三、学校把立德树人作为根本任务，注重学生的全面发展和个性成长。';
    const body = '学校把立德树人作为根本任务，注重学生的全面发展和个性成长。这几年，我们制定了培养方案。';
    expect(codes(`${heading}\n${body}\n`, 'repeated-sentence')).toEqual([]);
    expect(lines(codes(`${heading}\n其他工作照常推进。\n四、抓好安全\n${body}\n`, 'repeated-sentence'))).toEqual([1, 4]);
  });

  it('a talk’s heading of summary sentences, restated below one by one, is its outline, not a copy', () => {
    const heading = '**二、变革要扎扎实实推进。变革不是一下子就见实效，收益不是很快体现，关键是要打通。**';
    const body = ['公司管理的宗旨就是高效、及时、准确地提供服务。', '我们讲了很多年，大家也都清楚。', '变革不是一下子就见实效，收益不是很快体现，关键是要打通，打通了才有效果。'];
    expect(codes([heading, ...body].join('\n\n'), 'repeated-sentence', true)).toEqual([]);
    // Under the next heading the same clauses are a copy.
    expect(codes([heading, body[0], '**三、加强队伍建设。**', body[2]].join('\n\n'), 'repeated-sentence', true).length).toBeGreaterThan(0);
  });

  it('a report’s unnumbered subheading (a line of its own, no full stop) restated in the paragraph or two below it is not a copy; further down, or with a full stop, it is', () => {
    const subheading = '各地区各部门团结协作，凝聚各方力量，形成推进乡村全面振兴的强大合力';
    const body = '会议强调，各地区各部门团结协作，凝聚各方力量，形成推进乡村全面振兴的强大合力，确保各项任务落到实处。';
    const second = '全省农业农村系统转变作风，深入基层一线，把服务农民的工作做细做实';
    const secondBody = '会议要求，全省农业农村系统转变作风，深入基层一线，把服务农民的工作做细做实，让群众真正得到实惠。';
    expect(codes([subheading, body].join('\n\n'), 'repeated-sentence')).toEqual([]);
    // Two subheadings in a row, each restated below.
    expect(codes([subheading, second, body, secondBody].join('\n\n'), 'repeated-sentence')).toEqual([]);
    const filler = ['其他工作照常推进，各单位按计划落实。', '有关部门要加强督促检查。', '年底前要对照任务逐项验收。'];
    expect(lines(codes([subheading, ...filler, body].join('\n'), 'repeated-sentence'))).toEqual([1, 5]);
    // A line that ends its sentence is a paragraph said twice, not a subheading.
    expect(lines(codes([`${subheading}。`, body].join('\n'), 'repeated-sentence'))).toEqual([1, 2]);
  });

  it('a copy with a word changed is still a copy (注重 → 重视)', () => {
    expect(lines(codes(`${S1}\n中间一段。\n${S2}\n`, 'repeated-sentence'))).toEqual([1, 3]);
  });

  it('quotation marks, brackets and spaces do not make a copy different', () => {
    const quoted = S1.replace('立德树人', '“立德树人”').replace('个性成长', '个性 成长（全面）');
    const plain = S1.replace('个性成长', '个性成长全面');
    expect(lines(codes(`${quoted}\n中间一段。\n${plain}\n`, 'repeated-sentence'))).toEqual([1, 3]);
  });

  it('a point a long talk comes back to much later is a callback, not a slip', () => {
    const topics = ['春耕备耕', '安全生产', '招商引资', '城市更新', '乡村振兴', '营商环境', '生态保护', '民生保障', '教育医疗', '干部作风', '防汛抗旱', '基层治理'];
    const filler = topics.map((t, i) => `关于${t}${'要抓紧要抓实'.slice(0, i % 6 + 1)}。`).join('\n');
    expect(codes(`${S1}\n${filler}\n${S1}\n`, 'repeated-sentence')).toEqual([]);
  });

  it('two clauses said again in the same paragraph are found: …功夫不够，准备不足', () => {
    const text = '第一，理论联系实际的功夫不够，准备不足，学用脱节。其主要原因，是水平有限，理论联系实际的功夫不够，准备不足。';
    expect(lines(codes(text, 'repeated-sentence'))).toEqual([1]);
    // A page's style sheet left in the line repeats its font lists by design: not the speech's words.
    const styled =
      '市长在全市防汛会议上的讲话 p.western { font-family: "Times New Roman", serif; font-size: 10pt; so-language: en-US } p.cjk { font-family: "宋体", "SimSun"; font-size: 10pt } p.ctl { font-family: "Times New Roman", serif; font-size: 10pt } 同志们，今天我们开会。';
    expect(codes(styled, 'repeated-sentence')).toEqual([]);
    // A chair's script says the vote again at every item of its agenda.
    const votes = '一、通过选举办法。请大家审议，如果没有意见，现在进行表决，同意的请举手，（稍候）请放下，不同意的请举手，（稍候）没有。二、通过监票人名单。请大家审议，如果没有意见，现在进行表决，同意的请举手，（稍候）请放下，不同意的请举手，（稍候）没有。';
    expect(codes(votes, 'repeated-sentence')).toEqual([]);
  });

  it('a block of results reported twice is found by its clauses', () => {
    const text = '去年竞赛成绩突出：物理省一七人，全国决赛获一金一银，一人入选国家集训队；其他学科也有进步。\n另一段。\n今年总结：物理省一七人，全国决赛获一金一银，一人入选国家集训队；继续努力。\n';
    expect(lines(codes(text, 'repeated-sentence'))).toEqual([1, 3]);
  });

  it('leaves alone short formulas, quotations, titles, data frames and restated definitions', () => {
    expect(codes('要抓落实。要抓落实。完成投资XX亿元。完成投资XX亿元。', 'repeated-sentence')).toEqual([]);
    expect(codes('总书记指出：“我们必须牢牢把握发展的主动权，一刻也不能放松。”\n他还说：“我们必须牢牢把握发展的主动权，一刻也不能放松。”', 'repeated-sentence')).toEqual([]);
    expect(codes('在全市教育工作会议上的讲话稿全文版本\n同志们：\n在全市教育工作会议上的讲话稿全文版本', 'repeated-sentence')).toEqual([]);
    expect(codes('办学目标为：打造全国一流的现代化高水平学校。\n办学目标为：打造全国一流的现代化高水平学校。我们这样做。', 'repeated-sentence')).toEqual([]);
    // A data frame in Chinese numerals, its figures changed; a report of what someone said, in the text's own words.
    expect(codes('同志们：\n这批项目，今年年内能够全部建成并投产的有二十七个。\n这批项目，今年年内能够全部建成并投产的有四个。\n', 'repeated-sentence')).toEqual([]);
    expect(codes('同志们：\n明年的主要任务是，在更加深入地开展调查研究的基础上，大力发展农业生产。\n会上他指出，明年的主要任务就是，在更加深入地开展调查研究的基础上，大力发展农业生产。\n', 'repeated-sentence')).toEqual([]);
    // The same sentence with no figures and no one reported is still a copy.
    expect(codes('同志们：\n明年的主要任务是，在更加深入地开展调查研究的基础上，大力发展农业生产。\n明年的主要任务是，在更加深入地开展调查研究的基础上，大力发展农业生产。\n', 'repeated-sentence')).toHaveLength(2);
  });

  it('leaves anaphora at paragraph starts alone (seed004 奋进新征程、再创新辉煌)', () => {
    const ds = codes(seed('seed004').text, 'repeated-sentence');
    expect(ds.every((d) => !d.message.includes('奋进新征程'))).toBe(true);
  });
});

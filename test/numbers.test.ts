// number-usage (GB/T 15835) and numbering-sequence's mixed ordinals, on sentences written for the test.
import { describe, expect, it } from 'vitest';
import { announcementReport, defaultConfig, fixText, parseDocument } from '../server/src/core';
import { codes } from './helpers';

const fix = (text: string) => fixText(text, { markdown: false, config: defaultConfig() }).text;

describe('number-usage', () => {
  it('writes fixed expressions, congress numbers and five-year plans in Chinese numerals', () => {
    const text = '我们要深入学习党的20大精神和十九届4中全会精神，增强4个意识，做到2个维护，谋划好“15五”规划。\n';
    expect(codes(text, 'number-usage').map((d) => d.severity)).toEqual([2, 2, 2, 2, 2]);
    expect(fix(text)).toBe('我们要深入学习党的二十大精神和十九届四中全会精神，增强四个意识，做到两个维护，谋划好“十五五”规划。\n');
  });

  it('千 and 百 after figures: 3千亿 is a warning, 2千人 a hint; unit prefixes (千米, 千瓦, 百分点) and approximations (2、3百人) stay', () => {
    const text = '今年投资3千亿元，新增就业2千人，修路5千米，用电3千瓦，增长3个百分点，多的2、3百人。\n';
    const found = codes(text, 'number-usage').map((d) => [d.message.match(/“(.+?)”应为“(.+?)”/)!.slice(1).join('→'), d.severity]);
    expect(found).toEqual([['3千亿→3000亿', 2], ['2千→2000', 4]]);
  });

  it('joins 千万 to the digits, drops padded zeros in dates, and keeps units on both ends of a range', () => {
    expect(fix('全年投入3千万元，会议定于2024年05月08日召开，增长5-10%，投资3-5万元。\n')).toBe('全年投入3000万元，会议定于2024年5月8日召开，增长5%～10%，投资3万～5万元。\n');
  });

  it('a year with ○ or 零 for 〇 is a hint; counts that are not the fixed expression, and phone numbers, stay', () => {
    const year = codes('二○二四年十月八日\n', 'number-usage');
    expect(year.map((d) => d.severity)).toEqual([4]);
    expect(fix('二零二四年十月八日\n')).toBe('二〇二四年十月八日\n');
    expect(codes('抓好3个全面的工作，电话0571-88888888，共10个代表团。\n', 'number-usage')).toHaveLength(0);
  });
});

describe('ordinals of two families in one list (numbering-sequence)', () => {
  const mixes = (text: string) => codes(text, 'numbering-sequence').filter((d) => d.message.startsWith('序数混用'));
  it('finds a list that starts with 首先 and goes on with 第二, and says it once', () => {
    const text = '同志们：\n首先，要提高认识。\n第二，要落实责任。\n第三，要加强督查。\n';
    const found = codes(text, 'numbering-sequence');
    expect(found).toHaveLength(1);
    expect(found[0].range.start.line).toBe(2);
    expect(found[0].message).toContain('前面用“首先，”起头');
  });

  it('a first part of many paragraphs: still one list, the mix still said once, the announced count met', () => {
    const text = `今天提出四项要求。\n首先，一定要提高认识。\n\n${'这方面要多学习，多思考。\n\n'.repeat(9)}第二，一定要落实责任。\n第三，一定要加强督查。\n第四，一定要转变作风。\n`;
    expect(parseDocument(text).paragraphs.length).toBe(14);
    expect(mixes(text).map((d) => d.range.start.line)).toEqual([21]);
    expect(codes(text, 'numbering-sequence')).toHaveLength(1);
    expect(codes(text, 'announced-count')).toEqual([]);
    const doc = parseDocument(text);
    expect(doc.announcements[0].items.map((x) => x.label)).toEqual(['首先，', '第二，', '第三，', '第四，']);
    expect(doc.speeches[0].children.map((s) => s.marker!.number)).toEqual([1, 2, 3, 4]);
    // 第一，… 其次，…: the other way round.
    expect(mixes('第一，要提高认识。\n第二，……\n'.replace('第二', '其次'))).toHaveLength(1);
  });

  it('a 首先 part holding its own 第一、第二 is not a mix; nor a list closed by 最后', () => {
    const nested = '首先，要抓好项目。\n第一，抓谋划。\n第二，抓落地。\n其次，要抓好民生。\n';
    expect(mixes(nested)).toEqual([]);
    expect(parseDocument(nested).speeches[0].children.map((s) => s.marker!.family)).toEqual(['sequence-adverb', 'sequence-adverb']);
    const inner = '第一，抓好项目。一是抓谋划，二是抓落地。\n第二，抓好民生。一是抓就业，二是抓教育。\n第三，抓好安全。\n';
    expect(mixes(inner)).toHaveLength(0);
    expect(mixes('首先，要提高认识。其次，要落实责任。最后，要加强督查。\n')).toHaveLength(0);
  });

  it('首先 inside the announcing sentence, then paragraphs opened by 第二 and 第三: one list of three, the mix said once', () => {
    const text = '下面我讲三点意见。首先，要提高认识，统一思想。\n第二，要突出重点，精准发力。\n第三，要压实责任，狠抓落实。\n';
    expect(announcementReport(parseDocument(text)).map((a) => [a.announced, a.found])).toEqual([[3, 3]]);
    expect(mixes(text).map((d) => d.range.start.line)).toEqual([1]);
    expect(codes(text, 'numbering-sequence')).toHaveLength(1);
  });

  it('an item inside a sentence does not go on a list whose item opened a paragraph (第一、 heading … 就是一要…，二要…)', () => {
    const text = '第一、严格控制投资规模\n资金要用得合理，最重要的就是一要保重点建设，二要保技术改造。\n';
    expect(mixes(text)).toEqual([]);
  });

  it('a web page’s zero-width character before the indentation: 首先 still opens its paragraph', () => {
    const text = '\u200b    首先，是解决网络的问题。\n第二，是预测流量。\n';
    expect(parseDocument(text).markers.map((m) => [m.family, m.paragraphStart])).toEqual([['sequence-adverb', true], ['di', true]]);
    expect(mixes(text)).toHaveLength(1);
  });
});

describe('an item whose predecessors were said inside sentences', () => {
  const noFirst = (text: string) => codes(text, 'numbering-sequence').filter((d) => d.message.includes('前没有从“一”开始'));
  it('我讲的第二个问题，是… in a sentence, then 第三点， opening a paragraph: no “before which no 一”', () => {
    const text = '我讲的第一个问题，是认清形势。\n形势很复杂。\n我讲的第二个问题，是明确任务。\n任务很繁重。\n第三点，如何面对竞争对手。\n';
    expect(noFirst(text)).toEqual([]);
  });

  it('an ordinal that is a word (第一个五年计划, 第一反应) is no item before it', () => {
    const text = '第一个五年计划完成得很好。\n大家的第一反应是高兴。\n第二，要抓好农业。\n';
    expect(noFirst(text)).toHaveLength(1);
  });
});

describe('a run left at its first item', () => {
  const lone = (text: string) => codes(text, 'numbering-sequence').filter((d) => (d.data as { lone?: boolean }).lone);
  it('一是… with no 二是 after it is told, as information', () => {
    const text = '今年要加强管理，一是完善制度建设，把各项规定落到实处。\n其他工作照常推进。\n';
    const [d] = lone(text);
    expect(d.message).toBe('只有“一是”，后面没有“二是”：或补全其余各项，或去掉序号。');
    expect(d.severity).toBe(3);
    expect(lone(text.replace('一是完善', '一要完善'))[0].message).toContain('“二要”');
  });

  it('a paragraph-opening 一是 alone is told too, unless near the text’s end (a page cut off)', () => {
    const tail = '\n其他工作照常推进。\n要抓好安全生产。\n要做好民生保障。\n要加强作风建设。\n';
    expect(lone(`今年要加强管理。\n一是完善制度建设，把各项规定落到实处。${tail}`).map((d) => d.range.start.line)).toEqual([1]);
    expect(lone(`今年要加强管理。\n一是完善制度建设，把各项规定落到实处。\n其他工作照常推进。\n`)).toEqual([]);
    expect(lone(`今年要加强管理。\n一是完善制度建设。\n二是强化考核。${tail}`)).toEqual([]);
  });

  it('not a pair in the older style, a second item in other words, a run that goes on, or a text cut off after it', () => {
    expect(lone('方针是抓两头：一是开发新矿，一是改造老矿。\n其他工作照常推进。\n')).toEqual([]);
    expect(lone('要抓好管理，一是完善制度；其二，强化考核。\n其他工作照常推进。\n')).toEqual([]);
    expect(lone('要抓好管理，一是完善制度。\n二是强化考核。\n其他工作照常推进。\n')).toEqual([]);
    expect(lone('其他工作照常推进。\n今年要加强管理，一是完善制度建设，把各项规定落')).toEqual([]);
    expect(lone('赶快拿来看一看，一看这个人就该提拔。\n其他工作照常推进。\n')).toEqual([]);
  });
});

describe('a pair that grows a third part', () => {
  it('一方面……另一方面……第三方面 is told to count its parts', () => {
    const text = '同志们：\n当前的困难，一方面，资金紧张，项目推进慢；另一方面，人才不足，服务跟不上；第三方面，机制不顺，协调不够。\n';
    const found = codes(text, 'numbering-sequence');
    expect(found).toHaveLength(1);
    expect(text.slice(text.indexOf('第三方面'), text.indexOf('第三方面') + 4)).toBe('第三方面');
    expect(found[0].range.start.character).toBe(text.split('\n')[1].indexOf('第三方面'));
    expect(codes('同志们：\n一方面，资金紧张；另一方面，人才不足。第三，要抓落实。\n', 'numbering-sequence')).toHaveLength(0);
  });
});

// number-usage (GB/T 15835) and ordinal-mix, on sentences written for the test.
import { describe, expect, it } from 'vitest';
import { defaultConfig, fixText } from '../server/src/core';
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

describe('ordinal-mix', () => {
  it('finds a list that starts with 首先 and goes on with 第二', () => {
    const text = '同志们：\n首先，要提高认识。\n第二，要落实责任。\n第三，要加强督查。\n';
    const found = codes(text, 'ordinal-mix');
    expect(found).toHaveLength(1);
    expect(found[0].range.start.line).toBe(2);
    expect(found[0].message).toContain('首先');
    // One slip, said once: numbering-sequence does not add "no 第一 before 第二" on the same place.
    expect(codes(text, 'numbering-sequence')).toEqual([]);
    // Far from its 首先 (ordinal-mix does not reach), the list without its 第一 is numbering-sequence's.
    const far = `同志们：\n首先，要提高认识。\n${'要学习。\n'.repeat(8)}第二，要落实责任。\n第三，要加强督查。\n`;
    expect(codes(far, 'ordinal-mix')).toEqual([]);
    expect(codes(far, 'numbering-sequence').map((d) => d.message)).toEqual(['序号“第二，”前没有从“一”开始的同级序号。']);
  });

  it('does not take a nested list, or a list closed by 最后, for a mix', () => {
    const nested = '第一，抓好项目。一是抓谋划，二是抓落地。\n第二，抓好民生。一是抓就业，二是抓教育。\n第三，抓好安全。\n';
    expect(codes(nested, 'ordinal-mix')).toHaveLength(0);
    expect(codes('首先，要提高认识。其次，要落实责任。最后，要加强督查。\n', 'ordinal-mix')).toHaveLength(0);
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

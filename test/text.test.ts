// Character helpers that hot loops use in place of regular expressions must agree with them.
import { describe, expect, it } from 'vitest';
import { HAN, isHan, normalizeForMatching } from '../server/src/core/text';

describe('isHan', () => {
  it('says of every BMP code unit what /\\p{Script=Han}/u says of it', () => {
    const disagree: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      if (isHan(String.fromCharCode(unit)) !== HAN.test(String.fromCharCode(unit))) disagree.push(unit);
    }
    expect(disagree).toEqual([]);
  });

  it('isHan still reads a character outside the BMP, and nothing from undefined', () => {
    expect(isHan('𠮷')).toBe(true);
    expect(isHan('〇')).toBe(true);
    expect(isHan('a')).toBe(false);
    expect(isHan(undefined)).toBe(false);
  });

  it('normalization keeps length and maps traditional characters and ASCII marks', () => {
    const text = '發展, 經濟(一)';
    expect(normalizeForMatching(text)).toBe('发展， 经济（一）');
    expect(normalizeForMatching(text.repeat(20))).toHaveLength(text.length * 20);
    // 藉 where simplified writes 借 (藉此, 憑藉) reads 借; 狼藉 and 慰藉 keep theirs, in short texts and long.
    for (const n of [1, 20]) expect(normalizeForMatching('藉此機會，憑藉努力；杯盤狼藉，給人慰藉。'.repeat(n))).toBe('借此机会，凭借努力；杯盘狼藉，给人慰藉。'.repeat(n));
  });

  it('a line that writes its full stops as dots has them read as 。; a stray dot, a decimal, an address or a heading number keeps its dot', () => {
    expect(normalizeForMatching('同志们.今天召开全县大会.下面,我讲三点意见.')).toBe('同志们。今天召开全县大会。下面，我讲三点意见。');
    // A line with a 。 of its own: its dot is a stray mark (and the line's next line is read by itself).
    expect(normalizeForMatching('对下半年工作做了进一步的.安排部署。\n会议开得很好.大家都很满意.')).toBe('对下半年工作做了进一步的.安排部署。\n会议开得很好。大家都很满意。');
    // One dot alone in its line is not enough to say the line writes its stops that way.
    expect(normalizeForMatching('要强化考核.')).toBe('要强化考核.');
    expect(normalizeForMatching('一.总体要求.今年增长3.5个百分点.详见www.gov.cn.')).toBe('一.总体要求。今年增长3.5个百分点。详见www.gov.cn.');
  });
});

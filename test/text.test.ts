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
  });
});

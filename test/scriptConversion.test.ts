// The script rule's converter matches over lookup tables built from opencc-js's dictionaries;
// opencc-js's own converter is the oracle: the two must write the same text, character for character.
import { describe, expect, it } from 'vitest';
import { toSimplified, toSimplifiedByLibrary } from '../server/src/core/scriptConversion';
import { SEEDS, seed } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Locale } = require('opencc-js/t2cn') as { Locale: { from: { hk: string[][] }; to: { cn: string[][] } } };
const keys = [...Locale.from.hk, ...Locale.to.cn].flat().flatMap((dict) => dict.split('|').map((e) => e.split(' ')[0]));

// A small deterministic generator, so a failure can be replayed.
function random(seedValue: number): () => number {
  let s = seedValue;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('toSimplified', () => {
  it('writes what opencc-js writes for its own keys run together, so that phrases overlap and compete', () => {
    const next = random(7);
    const filler = ['，', '的', '乾', '著', '後', '了', '髮', '發', ' ', 'a', '。'];
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let k = 0; k < 12; k++) text += next() < 0.2 ? filler[Math.floor(next() * filler.length)] : keys[Math.floor(next() * keys.length)];
      expect(toSimplified(text), text).toBe(toSimplifiedByLibrary(text));
    }
  });

  it('writes what opencc-js writes for every sample speech and its traditional conversion', () => {
    for (const name of SEEDS) {
      const { text } = seed(name);
      expect(toSimplified(text)).toBe(toSimplifiedByLibrary(text));
    }
  });

  it('keeps phrase exceptions and hands characters outside the BMP to opencc-js', () => {
    expect(toSimplified('乾隆年間的著名學者說過，要把院子打掃乾淨')).toBe('乾隆年间的著名学者说过，要把院子打扫干净');
    const astral = '𠮷野家門前的乾淨街道';
    expect(toSimplified(astral)).toBe(toSimplifiedByLibrary(astral));
    expect(toSimplified(astral)).toContain('干净');
  });
});

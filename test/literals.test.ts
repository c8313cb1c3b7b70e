import { describe, expect, it } from 'vitest';
import { literalIndex } from '../server/src/core/literals';

describe('literalIndex: many words in one pass', () => {
  const words = ['自已', '不能自已', '部份', '按步就班', '按步'];
  const index = literalIndex(words.map((w) => [w, w] as [string, string]));
  // The reference: a regex alternation, longest first, which the index replaces.
  const reference = new RegExp([...words].sort((a, b) => b.length - a.length).join('|'), 'g');

  it('finds leftmost-longest matches that do not overlap, as a longest-first alternation does', () => {
    const text = '他不能自已，一部份人按步就班，自已按步走，部部份份。';
    const hits = index.find(text).map((h) => [h.start, text.slice(h.start, h.end), h.value]);
    const expected = [...text.matchAll(reference)].map((m) => [m.index, m[0], m[0]]);
    expect(hits).toEqual(expected);
    expect(hits.map((h) => h[1])).toEqual(['不能自已', '部份', '按步就班', '自已', '按步', '部份']);
  });

  it('finds nothing in text without the words, and nothing in empty text', () => {
    expect(index.find('全面推进乡村振兴。')).toEqual([]);
    expect(index.find('')).toEqual([]);
  });

  it('present: every word the text holds anywhere, those a longer match covers too', () => {
    // 自已 inside 不能自已 and 按步 inside 按步就班: find takes the longer, present names both.
    expect([...index.present('他不能自已，按步就班。')].sort()).toEqual(['不能自已', '按步', '按步就班', '自已']);
    expect(index.present('全面推进乡村振兴。').size).toBe(0);
  });
});


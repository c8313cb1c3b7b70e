import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, parseDocument } from '../server/src/core';
import type { Segmenter } from '../server/src/core/rule';
import { loadJieba, validSegmenterWord } from '../server/src/segmenter/jieba';
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

  it.each(['抓好下步工作工作谋划', '各项工作工作要抓实', '这个问题问题很大', '我们我们要努力', '这是我们的的任务'])('flags %s', (text) => {
    expect(doubled(text)).toHaveLength(1);
  });

  it.each(['大家要研究研究这个问题', '我们讨论讨论', '回去学习学习', '看看再说', '人人有责，天天向上', '常常想起', '红红火火过大年', '一个一个地解决', '一项一项对照督导'])(
    'leaves reduplication alone: %s',
    (text) => {
      expect(doubled(text)).toEqual([]);
    },
  );

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
  it('seed000: the clause of lines 5 and 25 is found in both places', () => {
    const ds = codes(seed('seed000').text, 'repeated-sentence');
    expect(lines(ds)).toEqual([5, 25]);
    expect((ds[0].data as any).related[0].range.start.line).toBe(24);
  });

  it('leaves anaphora at paragraph starts alone (seed004 奋进新征程、再创新辉煌)', () => {
    const ds = codes(seed('seed004').text, 'repeated-sentence');
    expect(ds.every((d) => !d.message.includes('奋进新征程'))).toBe(true);
  });

  it('ignores short clauses and data statements', () => {
    expect(codes('要抓落实。要抓落实。完成投资XX亿元。完成投资XX亿元。', 'repeated-sentence')).toEqual([]);
    expect(codes('我们必须牢牢把握发展主动权。他说，我们必须牢牢把握发展主动权。', 'repeated-sentence')).toHaveLength(2);
  });
});

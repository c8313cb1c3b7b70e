import { describe, expect, it } from 'vitest';
import { announcementReport, checkDocument, defaultConfig, documentSymbols, foldingRanges, parseDocument } from '../server/src/core';
import { hoverAt } from '../server/src/core/features/hover';
import { loadStockPhrases } from '../server/src/resources';
import { seed, SEEDS } from './helpers';

// A fixed-seed generator: the same "random" drafts on every run.
function rng(seedValue: number) {
  let s = seedValue >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const PIECES = [
  '一、', '二、', '（一）', '(二)', '1.', '2、', '（1）', '第一，', '第二,', '一是', '二是', '三要', '首先，', '最后，', '其一，', '①',
  '下面，我讲三点意见。', '以下五个方面', '“三个吃透”', '几点', '×', 'XX', '20xx', '某某', '***', '__', '--', '（待补）',
  '，', '。', '：', '；', '\n', '\n\n', '\r\n', '\u3000\u3000', '\u00a0', ' ', '\t', '😀', '\ud800', '\u0000', '\ufeff',
  '同志们：', '相关热词搜索', '发布时间：', '<!-- jianggao-disable -->', '// jianggao-enable', '工作工作', '高度重视', '新冠肺炎',
  '在全市工作会议上的讲话', 'GDP', 'iPhone X', '3×4', '二○○八年', '**重点**', '---',
];

describe('the core never throws on odd input', () => {
  const { matcher } = loadStockPhrases(defaultConfig());
  const config = defaultConfig();

  it('handles 300 random drafts built from markers, traps, control characters and broken surrogates', () => {
    const next = rng(20261123);
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = Math.floor(next() * 80);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      for (const markdown of [false, true]) {
        const doc = parseDocument(text, { markdown });
        const ds = checkDocument(doc, { config, resources: { stockPhrases: matcher } });
        const lines = text.split('\n').length;
        for (const d of ds) {
          expect(d.range.start.line).toBeLessThan(lines);
          expect(d.range.end.line).toBeLessThan(lines);
          const startOffset = doc.lineStarts[d.range.start.line] + d.range.start.character;
          const endOffset = doc.lineStarts[d.range.end.line] + d.range.end.character;
          expect(startOffset).toBeLessThanOrEqual(endOffset);
          expect(endOffset).toBeLessThanOrEqual(text.length);
        }
        documentSymbols(doc, matcher);
        foldingRanges(doc);
        announcementReport(doc);
        for (let k = 0; k < 5; k++) hoverAt(doc, Math.floor(next() * (text.length + 1)), matcher);
      }
    }
  });

  it('handles empty, whitespace-only, one huge line and many empty lines', () => {
    for (const text of ['', ' ', '\n\n\n', '\u3000', '一、'.repeat(20000), '\n'.repeat(50000), '×'.repeat(100000)]) {
      const doc = parseDocument(text);
      expect(() => checkDocument(doc, { config, resources: { stockPhrases: matcher } })).not.toThrow();
    }
  });

  it('handles a whole speech pasted as one enormous line', () => {
    // Each of these once took seconds to minutes: scans back to the start of the line for every match.
    for (const piece of ['下面讲三点意见：一是甲；二是乙；三是丙。', '“三个吃透”。一要甲。', '增长*%，**重点**，', '填写__元，', '高度重视，进一步加强。']) {
      const text = piece.repeat(Math.ceil(300000 / piece.length));
      const doc = parseDocument(text);
      checkDocument(doc, { config, resources: { stockPhrases: matcher } });
      documentSymbols(doc, matcher);
    }
  });

  it('every diagnostic on the seeds covers text that exists', () => {
    for (const name of SEEDS) {
      const { text } = seed(name);
      const doc = parseDocument(text);
      for (const d of checkDocument(doc, { config, resources: { stockPhrases: matcher } })) {
        const start = doc.lineStarts[d.range.start.line] + d.range.start.character;
        const end = doc.lineStarts[d.range.end.line] + d.range.end.character;
        expect(end, `${name} ${d.code}`).toBeGreaterThan(start);
      }
    }
  });
});

describe('a speech in traditional characters reads as the same speech', () => {
  // The same text through OpenCC (simplified → Hong Kong traditional): every finding but the script rule's is the same.
  const OpenCC = require('opencc-js') as { Converter(o: { from: 'cn'; to: 'hk' }): (t: string) => string };
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const config = defaultConfig();
  const resources = { stockPhrases: loadStockPhrases(config).matcher, today: '2026-11-24' };
  const findings = (text: string) =>
    checkDocument(parseDocument(text), { config, resources, only: 'fast' })
      .filter((d) => d.code !== 'script')
      .map((d) => `${d.range.start.line + 1} ${d.code} ${d.severity}`);
  for (const name of SEEDS) {
    it(`${name}: the same findings, announcements and outline`, () => {
      const text = seed(name).text;
      const traditional = toTraditional(text);
      expect(traditional).not.toBe(text);
      expect(findings(traditional)).toEqual(findings(text));
      const counts = (t: string) => announcementReport(parseDocument(t)).map((a) => `${a.range.start.line} ${a.announced}/${a.found}`);
      expect(counts(traditional)).toEqual(counts(text));
      const shape = (t: string) => JSON.stringify(documentSymbols(parseDocument(t)), (k, v) => (k === 'name' || k === 'detail' ? undefined : v));
      expect(shape(traditional)).toBe(shape(text));
    });
  }
});

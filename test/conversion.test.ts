import { describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, parseDocument } from '../server/src/core';
import { codes, seed } from './helpers';

/** Applies every edit of every fix of the given rule, back to front. */
function fixAll(text: string, rule: string): string {
  const doc = parseDocument(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  const offset = (p: { line: number; character: number }) => doc.lineStarts[p.line] + p.character;
  for (const d of checkDocument(doc, { config: defaultConfig() }).filter((x) => x.code === rule)) {
    for (const f of (d.data as any)?.fixes ?? []) for (const e of [f, ...(f.more ?? [])]) edits.push({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('conversion-residue', () => {
  it('finds every pinyin gloss of seed000, one finding per line, and the fixes leave none', () => {
    const { text } = seed('seed000');
    const ds = codes(text, 'conversion-residue');
    const glosses = ds.reduce((n, d) => n + ((d.data as any)?.glosses ?? 0), 0);
    expect(glosses).toBeGreaterThan(300);
    expect(new Set(ds.map((d) => d.range.start.line)).size).toBe(ds.length);
    const fixed = fixAll(text, 'conversion-residue');
    expect(codes(fixed, 'conversion-residue').filter((d) => (d.data as any)?.glosses)).toEqual([]);
    expect(fixed).toContain('建設');
    expect(fixed).not.toContain('建設(shè)');
  });

  it('decodes HTML entities left as text, and leaves list labels and English in brackets alone', () => {
    expect(fixAll('同志们：&ldquo;两个确立&rdquo;要牢记。&nbsp;我们要做好工作。', 'conversion-residue')).toBe('同志们：“两个确立”要牢记。 我们要做好工作。');
    expect(codes('方案（a）和方案（b）都可以，见附件(one)。', 'conversion-residue')).toEqual([]);
  });

  it('reports mojibake without guessing', () => {
    for (const t of ['我们要\uFFFD\uFFFD工作。', '锟斤拷锟斤拷的问题。', '烫烫烫烫烫。', '标题Ã¤Â¸Â­Ã¦Â–Â‡乱码。']) {
      const [d] = codes(t, 'conversion-residue');
      expect(d.message, t).toMatch(/乱码/);
      expect((d.data as any)?.fixes ?? []).toEqual([]);
    }
  });
});

describe('zero-width characters a web page leaves', () => {
  it('a line of nothing but one is blank (no web residue, no break in the paragraphs), and is still cleaned up', () => {
    const text = '同志们：\n\u200b  \n今天开会。\n\u200b\n';
    expect(codes(text, 'web-residue')).toEqual([]);
    expect(parseDocument(text).lines.map((l) => l.blank)).toEqual([false, true, false, true, true]);
    const hints = codes(text, 'conversion-residue');
    expect(hints.map((d) => [d.range.start.line, d.severity])).toEqual([[1, 4], [3, 4]]);
    expect(fixAll(text, 'conversion-residue')).toBe('同志们：\n  \n今天开会。\n\n');
  });
});

import type { Finding, Fix, Rule } from '../rule';
import { lineOf } from '../document';
import { MAY_HAVE_GLOSS, PINYIN_GLOSS } from '../text';

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ', '&ldquo;': '“', '&rdquo;': '”', '&lsquo;': '‘', '&rsquo;': '’', '&mdash;': '—', '&hellip;': '…',
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&middot;': '·', '&times;': '×',
};
const ENTITY = /&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|amp|lt|gt|quot|middot|times|#\d{2,6}|#x[0-9a-fA-F]{2,6});/g;
// Text decoded with the wrong encoding: the replacement character, GBK's 锟斤拷, MSVC's 烫烫烫/屯屯屯, UTF-8 read as Latin-1.
const MOJIBAKE = /\uFFFD+|(?:锟斤拷)+|烫{3,}|屯{3,}|(?:[ÃÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß][\u0080-\u00BF¡-¿]){2,}/g;

// Zero-width space, non-joiner, word joiner and a byte-order mark inside the text (the joiner U+200D stays: emoji use it).
const ZERO_WIDTH = /[\u200b\u200c\u2060\ufeff]+/g;
const MAY_HOLD_ZERO_WIDTH = /[\u200b\u200c\u2060\ufeff]/;

function decodeEntity(e: string): string {
  if (ENTITIES[e]) return ENTITIES[e];
  const code = e.startsWith('&#x') ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : e;
}

export const conversionResidue: Rule = {
  meta: {
    id: 'conversion-residue',
    defaultSeverity: 'warning',
    title: '转换残留',
    safeFix: true,
    description:
      '网页转换留下的痕迹：汉字后的拼音或注音符号注音（建設(shè)、發（fā）、發(ㄈㄚ)）、当作文字留下的 HTML 实体（&nbsp; &ldquo;）、乱码（�、锟斤拷、烫烫烫、UTF-8 被当作 Latin-1 读出的 Ã¤Â¸Â）、看不见的零宽字符（只作提示）。注音、实体和零宽字符可一键清除（每行一条，修复整行）；乱码只指出，不猜原文。',
  },
  check(doc) {
    const out: Finding[] = [];
    // One finding per line for glosses and entities: a converted page has hundreds.
    // Both patterns stay within a line: one pass over the text each, grouped by line after.
    const byLine = new Map<number, { start: number; end: number; newText: string }[]>();
    const add = (start: number, end: number, newText: string) => {
      const line = lineOf(doc.lineStarts, start);
      const list = byLine.get(line) ?? [];
      list.push({ start, end, newText });
      byLine.set(line, list);
    };
    if (MAY_HAVE_GLOSS.test(doc.text)) for (const m of doc.text.matchAll(PINYIN_GLOSS)) add(m.index!, m.index! + m[0].length, '');
    if (doc.text.includes('&')) for (const m of doc.text.matchAll(ENTITY)) add(m.index!, m.index! + m[0].length, decodeEntity(m[0]));
    for (const [index, edits] of [...byLine].sort((a, b) => a[0] - b[0])) {
      const line = doc.lines[index];
      edits.sort((a, b) => a.start - b.start);
      const glosses = edits.filter((e) => e.newText === '').length;
      const entities = edits.length - glosses;
      const first = edits[0];
      const sample = doc.text.slice(Math.max(line.start, first.start - 2), first.end);
      const what = [glosses ? `${glosses} 处拼音注音` : '', entities ? `${entities} 个 HTML 实体` : ''].filter(Boolean).join('、');
      const [head, ...more] = edits;
      const fix: Fix = { title: `清除本行的 ${what}`, ...head, more };
      out.push({ start: first.start, end: first.end, message: `转换残留：本行有 ${what}（如“${sample}”）。`, fixes: [fix], data: { glosses, entities } });
    }
    // Invisible, so a hint (no Problems entry), removed by the clean-up: they break search and character counts.
    let zeroWidth: { line: number; edits: { start: number; end: number; newText: string }[] } | null = null;
    const flushZeroWidth = () => {
      if (!zeroWidth) return;
      const [head, ...more] = zeroWidth.edits;
      const n = zeroWidth.edits.reduce((sum, e) => sum + e.end - e.start, 0);
      out.push({ start: head.start, end: head.end, severity: 'hint', message: `转换残留：本行有 ${n} 个零宽字符（网页复制留下，看不见，但妨碍查找和字数统计）。`, fixes: [{ title: '清除本行的零宽字符', ...head, more }], data: { zeroWidth: n } });
      zeroWidth = null;
    };
    if (MAY_HOLD_ZERO_WIDTH.test(doc.text))
      for (const m of doc.text.matchAll(ZERO_WIDTH)) {
        const line = lineOf(doc.lineStarts, m.index!);
        if (zeroWidth && zeroWidth.line !== line) flushZeroWidth();
        (zeroWidth ??= { line, edits: [] }).edits.push({ start: m.index!, end: m.index! + m[0].length, newText: '' });
      }
    flushZeroWidth();
    for (const m of doc.text.matchAll(MOJIBAKE)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, message: `乱码“${m[0].slice(0, 12)}”：原文在转换编码时已丢失，请对照原稿补上。` });
    }
    return out;
  },
};

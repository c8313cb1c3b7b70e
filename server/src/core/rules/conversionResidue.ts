import type { Finding, Fix, Rule } from '../rule';
import { kept } from '../memo';
import { convertedBreaks, type Line } from '../lines';
import { lineOf, type SpeechDocument } from '../document';
import { charRange, charTest, HTML_MARKUP, markupBreaks, mayHaveGloss, PAGE_COUNTER, PINYIN_GLOSS, STYLE_FRAGMENT } from '../text';

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ', '&ldquo;': '“', '&rdquo;': '”', '&lsquo;': '‘', '&rsquo;': '’', '&mdash;': '—', '&hellip;': '…',
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&middot;': '·', '&times;': '×',
};
// A site's name, a dash, its slogan and its web address: a watermark, never a speech's words.
// (Read from each "www." back and forth: a pattern opening with any Han character would be tried at every one.)
const WATERMARK_HEAD = /\p{Script=Han}{2,8}[—－-]{1,2}\p{Script=Han}{2,12}[^\S\n]*(?:https?[:：]\/\/)?$/u;
const WATERMARK_TAIL = /^www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** The watermarks in a text, each as where it starts and what it is. */
function watermarks(text: string): { index: number; mark: string }[] {
  const found: { index: number; mark: string }[] = [];
  for (let at = text.indexOf('www.'); at >= 0; at = text.indexOf('www.', at + 4)) {
    const from = Math.max(0, at - 40);
    const head = WATERMARK_HEAD.exec(text.slice(from, at));
    const tail = head && WATERMARK_TAIL.exec(text.slice(at, at + 80));
    if (head && tail) found.push({ index: from + head.index, mark: head[0] + tail[0] });
  }
  return found;
}
// A document site's number opening a line, and a page's word count in brackets.
const PAGE_LABEL = /编号[：:][^\S\n]*\d{6,}|[（(](?:本页|本文|全文)约?[^\S\n]*\d+\+?[^\S\n]*字[）)]|[[［【]标签[：:][^\]］】\n]{1,20}[\]］】]|(?:文章标题|标题)[：:]/g;
// A paywall's notice in brackets (the site's name and address, 省略826字, 正式会员可完整阅读), with the dots around it;
// a traditional page's pinyin glosses (網(wǎng), 會(huì)員) inside it are its own.
const PAYWALL_UNIT = '(?:[^（）()\\n]|[（(][a-zA-Zü\\u0300-\\u036fāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,8}[）)])';
const PAYWALL = new RegExp(`(?:…+|\\.{3,})?[（(]${PAYWALL_UNIT}{0,40}?省略[^\\S\\n]*\\d+[^\\S\\n]*字${PAYWALL_UNIT}{0,40}?[）)](?:…+|\\.{3,})?`, 'g');
// What a watermark that stands clear follows: the line's start, a space or a sentence's end.
const CLEAR_BEFORE = /(?:^|[\s。！？；：…])$/;
const STRAY_BACKTICK = /(?<=\p{Script=Han})`(?=\p{Script=Han})/gu;
const ENTITY = /&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|amp|lt|gt|quot|middot|times|#\d{2,6}|#x[0-9a-fA-F]{2,6});/g;
// Text decoded with the wrong encoding: the replacement character, GBK's 锟斤拷, MSVC's 烫烫烫/屯屯屯, UTF-8 read as Latin-1.
const MOJIBAKE = /\uFFFD+|(?:锟斤拷)+|烫{3,}|屯{3,}|(?:[ÃÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß][\u0080-\u00BF¡-¿]){2,}/g;

// Zero-width space, non-joiner, word joiner and a byte-order mark inside the text (the joiner U+200D stays: emoji use it).
const ZERO_WIDTH = /[\u200b\u200c\u2060\ufeff]+/g;

// What any of the patterns below needs on a line: a bracket, an ampersand, a style declaration's semicolon, an invisible or a garbled character.
const mayHoldResidue = charTest('(（&<{;Р`\u200b\u200c\u2060\ufeff\uFFFD锟烫屯' + charRange('\u00C2', '\u00DF'));

interface LocalEdit {
  at: number;
  length: number;
  newText: string;
  /** What a mark is (zero-width runs and mojibake are apart). */
  kind?: 'gloss' | 'entity' | 'markup' | 'break' | 'stray';
}

/**
 * One line's residue, at indexes of its text: glosses, entities, HTML markup (the model's `Line` says where it
 * stepped over markup around the words; tags inside them are found here, not in Markdown, which may hold HTML
 * on purpose), stray marks and converted breaks (in text order), zero-width runs, mojibake.
 */
function residueIn(text: string, line: Line, markdown: boolean): { marks: LocalEdit[]; zeroWidth: LocalEdit[]; mojibake: LocalEdit[] } {
  const found: LocalEdit[] = [];
  if (mayHaveGloss(text)) for (const m of text.matchAll(PINYIN_GLOSS)) found.push({ at: m.index!, length: m[0].length, newText: '', kind: 'gloss' });
  const from = line.contentStart - line.start;
  const to = line.contentEnd - line.start;
  if (line.markup) {
    // (Space entities alone before the words are entities, written back as spaces below.)
    const lead = line.junkStart - line.start;
    if (lead < from && /[<{]/.test(text.slice(lead, from))) found.push({ at: lead, length: from - lead, newText: '', kind: 'markup' });
    if (to < text.length) found.push({ at: to, length: text.length - to, newText: '', kind: 'markup' });
  }
  if (!markdown && text.includes('<')) {
    // A page's break copied as tags is written back as a line break; other markup goes.
    for (const b of markupBreaks(text, from, to)) found.push({ at: b.at, length: b.length, newText: '\n', kind: 'markup' });
    for (const m of text.slice(from, to).matchAll(HTML_MARKUP)) found.push({ at: from + m.index!, length: m[0].length, newText: '', kind: 'markup' });
  }
  if (!markdown && text.includes(';')) for (const m of text.slice(from, to).matchAll(STYLE_FRAGMENT)) found.push({ at: from + m.index!, length: m[0].length, newText: '', kind: 'markup' });
  if (text.includes('&')) for (const m of text.matchAll(ENTITY)) found.push({ at: m.index!, length: m[0].length, newText: decodeEntity(m[0]), kind: 'entity' });
  // A page's anti-copy mark slipped between two characters of a word (厚重的`文化底蕴); Markdown's code spans are its own.
  if (!markdown && text.includes('`')) for (const m of text.matchAll(STRAY_BACKTICK)) found.push({ at: m.index!, length: 1, newText: '', kind: 'stray' });
  // A document site's paragraph break turned into the letter Р: the break is written back.
  if (text.includes('Р')) for (const at of convertedBreaks(text)) found.push({ at, length: 1, newText: '\n', kind: 'break' });
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  // One edit per place: an entity inside markup goes with the markup.
  const marks: LocalEdit[] = [];
  for (const e of found) if (!marks.length || e.at >= marks[marks.length - 1].at + marks[marks.length - 1].length) marks.push(e);
  // (The line passed mayHoldResidue already: these run on the few lines that may hold something.)
  const zeroWidth = [...text.matchAll(ZERO_WIDTH)].map((m) => ({ at: m.index!, length: m[0].length, newText: '' }));
  const mojibake = [...text.matchAll(MOJIBAKE)].map((m) => ({ at: m.index!, length: m[0].length, newText: '' }));
  return { marks, zeroWidth, mojibake };
}

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
      '网页转换留下的痕迹：汉字后的拼音或注音符号注音（建設(shè)、發（fā）、發(ㄈㄚ)）、当作文字留下的 HTML 实体（&nbsp; &ldquo;）和 HTML 代码（<p>…</p>、<br/>、<span …>，网页导出的样式规则 p.MsoNormal { font-family: … } 和混进文字的样式属性 font-size:9pt;color:navy；一行文字中间的换行、分段标签 <br>、</p><p> 按换行读，修复时改回换行；Markdown 文稿里的 HTML 不算）、文档网站把段落换行转成的字母“Р”（…的讲话Р同志们:Р…，按段落读，修复时改回换行）、网页防复制插进词里的“`”（厚重的`文化）、乱码（�、锟斤拷、烫烫烫、UTF-8 被当作 Latin-1 读出的 Ã¤Â¸Â）、看不见的零宽字符（只作提示）、论坛网页藏在行首行尾的防复制干扰码（如“+ v% [0 P+ _; u3 {$ y9 r”，单独成行的算网页残留）、PDF 复制时混进句中的页码（…选举事项；第1页共2页7.其他事项。）、网站印在文档里的水印（站名—口号 www.网址，在行首或插在词中间：规划目…www.…标任务）、混进行里的网页标注（行首的“编号:541193579”、标题后的“(本页约4900+字)”、网站模板留下的“[标签:标题]”、压成一行的页面里的“文章标题:”）和付费墙删去一段后留下的提示（……(某某网 省略826字，正式会员可完整阅读)……，原文缺了一段，只指出）。注音、实体、HTML 代码、零宽字符、干扰码、页码、水印和网页标注可一键清除（每行一条，修复整行）；乱码只指出，不猜原文。',
  },
  check(doc) {
    // One finding per line for glosses and entities (a converted page has hundreds), one per line for
    // zero-width characters, one per run of mojibake; each line's text is read once and kept between versions.
    const marked: Finding[] = [];
    const invisible: Finding[] = [];
    const garbled: Finding[] = [];
    const junk: Finding[] = [];
    for (const line of doc.lines) {
      // A line of nothing but a zero-width character or two is blank, and they are still cleaned up.
      if (line.blank && !mayHoldResidue(doc.text.slice(line.start, line.end))) continue;
      // A forum's hidden anti-copy junk at the line's start or end (a line of it alone is web-residue's).
      if (line.junk) continue;
      if (!line.markup && (line.junkStart < line.contentStart || line.contentEnd < line.end)) {
        const spans: { start: number; end: number; newText: string }[] = [];
        if (line.junkStart < line.contentStart) spans.push({ start: line.junkStart, end: line.contentStart, newText: '' });
        // (The spaces between the speech and the junk are outside the content too, and go with it.)
        if (line.contentEnd < line.end) spans.push({ start: line.contentEnd, end: line.end, newText: '' });
        const [head, ...more] = spans;
        const sample = doc.text.slice(head.start, head.end).trim();
        junk.push({ start: head.start, end: head.end, message: `转换残留：本行有论坛网页的防复制干扰码（“${sample}”），不是讲话内容。`, fixes: [{ title: '清除本行的干扰码', ...head, more }], data: { junk: spans.length } });
      }
      const found = kept(line.results, 'conversion-residue', () => {
        const text = doc.text.slice(line.start, line.end);
        return mayHoldResidue(text) ? residueIn(text, line, doc.markdown) : null;
      });
      if (!found) continue;
      const at = (e: LocalEdit) => ({ start: line.start + e.at, end: line.start + e.at + e.length, newText: e.newText });
      if (found.marks.length) {
        const edits = found.marks.map(at);
        const count = (kind: LocalEdit['kind']) => found.marks.filter((e) => e.kind === kind).length;
        const glosses = count('gloss');
        const entities = count('entity');
        const tags = count('markup');
        const breaks = count('break');
        const strays = count('stray');
        const first = edits[0];
        const sample = found.marks[0].kind === 'break' ? doc.text.slice(Math.max(line.start, first.start - 4), first.end + 4) : found.marks[0].kind === 'markup' ? doc.text.slice(first.start, first.end).trim().slice(0, 30) : doc.text.slice(Math.max(line.start, first.start - 2), first.end);
        const what = [glosses ? `${glosses} 处拼音注音` : '', entities ? `${entities} 个 HTML 实体` : '', tags ? `${tags} 处 HTML 代码` : '', breaks ? `${breaks} 处被文档网站转成字母“Р”的换行` : '', strays ? strays + ' 个网页防复制插入的“`”' : ''].filter(Boolean).join('、');
        const [head, ...more] = edits;
        const fix: Fix = { title: `清除本行的 ${what}`, ...head, more };
        marked.push({ start: first.start, end: first.end, message: `转换残留：本行有 ${what}（如“${sample}”）。`, fixes: [fix], data: { glosses, entities, ...(tags ? { tags } : {}), ...(breaks ? { breaks } : {}), ...(strays ? { strays } : {}) } });
      }
      if (found.zeroWidth.length) {
        // Invisible, so a hint (no Problems entry), removed by the clean-up: they break search and character counts.
        const [head, ...more] = found.zeroWidth.map(at);
        const n = found.zeroWidth.reduce((sum, e) => sum + e.length, 0);
        invisible.push({ start: head.start, end: head.end, severity: 'hint', message: `转换残留：本行有 ${n} 个零宽字符（网页复制留下，看不见，但妨碍查找和字数统计）。`, fixes: [{ title: '清除本行的零宽字符', ...head, more }], data: { zeroWidth: n } });
      }
      for (const e of found.mojibake) {
        const written = doc.text.slice(line.start + e.at, line.start + e.at + e.length);
        garbled.push({ start: line.start + e.at, end: line.start + e.at + e.length, message: `乱码“${written.slice(0, 12)}”：原文在转换编码时已丢失，请对照原稿补上。` });
      }
    }
    return [...marked, ...invisible, ...garbled, ...junk, ...printedFurniture(doc)];
  },
};

/**
 * What a PDF or a site printed into a speech's line, looked for over the whole text (rare in a speech, and anywhere in a
 * line): page counters, watermarks, page labels, paywall notices. On a residue or contents line it is web-residue's.
 */
function printedFurniture(doc: SpeechDocument): Finding[] {
  const out: Finding[] = [];
  // The line an offset stands on, or null when that line is not the speech's.
  const speechLine = (at: number): number | null => {
    const index = lineOf(doc.lineStarts, at);
    return doc.residueLines.has(index) || doc.tableOfContents.has(index) ? null : index;
  };
  // (Each scan of the whole text is skipped when the one character or word it needs is absent.)
  // A PDF's page counter (…选举事项；第1页共2页7.其他事项。); a line of it alone is web-residue's.
  if (doc.norm.includes('页')) for (const m of doc.norm.matchAll(PAGE_COUNTER)) {
    if (speechLine(m.index!) === null) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const written = doc.text.slice(start, end);
    out.push({ start, end, message: `转换残留：“${written}”是 PDF 的页码，复制时混进了正文，不是讲话内容。`, fixes: [{ title: `删去页码“${written}”`, start, end, newText: '' }], data: { pageCounter: true } });
  }
  // A site's watermark, its name, slogan and address, printed into the text where a PDF's page began
  // (秘书之家—全网资源每日更新 www.example.com在区…, even inside a word: 规划目…www.example.com标任务). Where
  // the text runs into the name, where the name starts is read from the same watermark standing clear (after
  // a line's start, a space or a sentence's end) elsewhere in the text, or else taken as its last four characters.
  const marks = watermarks(doc.norm).filter((m) => speechLine(m.index) !== null);
  const clear = new Set(marks.filter((m) => CLEAR_BEFORE.test(doc.norm.slice(Math.max(0, m.index - 1), m.index))).map((m) => m.mark));
  for (const m of marks) {
    let start = m.index;
    const end = start + m.mark.length;
    if (!clear.has(m.mark)) {
      const same = [...clear].find((c) => m.mark.endsWith(c));
      start = same ? end - same.length : start + Math.max(0, m.mark.search(/[—－-]/) - 4);
    }
    const written = doc.text.slice(start, end);
    out.push({ start, end, message: `转换残留：“${written}”是网站印在文档里的水印，不是讲话内容。`, fixes: [{ title: '删去水印', start, end, newText: '' }], data: { watermark: true } });
  }
  // A page's labels run into a speech's line: a document number opening it (编号:541193579县委书记在…的讲话…),
  // a word count after a title (…的讲话 (本页约4900+字)) and a site's template tag ([标签:标题]) left in the words.
  for (const m of doc.norm.matchAll(PAGE_LABEL)) {
    const start = m.index!;
    const end = start + m[0].length;
    const index = speechLine(start);
    if (index === null) continue;
    const number = m[0].startsWith('编号');
    const tag = m[0].includes('标签');
    // 文章标题:县长在…的讲话 同志们：… — a field's label in a line the page flattened, at its start or after a space (a line of it alone is web-residue's).
    const field = /^(文章)?标题/.test(m[0]);
    // (A number opens its line; a word count goes with the spaces before it, a number keeps the line's indent.)
    let from = start;
    while (from > doc.lineStarts[index] && /[^\S\n]/.test(doc.norm[from - 1])) from--;
    if (number && from > doc.lineStarts[index]) continue;
    // (A field's label stands at the line's start or after a space: the page's title, then 文章标题:….)
    if (field && start > doc.lineStarts[index] && from === start) continue;
    const written = doc.text.slice(start, end);
    out.push({ start, end, message: `转换残留：“${written}”是网页的${number ? '文档编号' : tag ? '模板标签' : field ? '字段标签' : '字数标注'}，不是讲话内容。`, fixes: [{ title: '删去', start: number || field ? start : from, end, newText: '' }], data: { pageLabel: true } });
  }
  // A paywall's notice where a site cut a passage out (……(某某网 http://… 省略826字,正式会员可完整阅读)……):
  // the passage is lost, so it is only pointed out, like mojibake.
  if (doc.norm.includes('省略')) for (const m of doc.norm.matchAll(PAYWALL)) {
    if (speechLine(m.index!) === null) continue;
    const start = m.index!;
    const end = start + m[0].length;
    out.push({ start, end, message: `转换残留：“${doc.text.slice(start, end).slice(0, 80)}”是网站付费墙的提示，这里缺了原文的一段，请对照原稿补上。`, data: { paywall: true } });
  }
  return out;
}

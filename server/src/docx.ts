// Word drafts (.docx): the body's paragraphs in order, one line each, with the
// numbers Word draws itself (automatic numbering) written back in front of the
// text, as a reader sees them on the page. Tables' paragraphs come in order;
// footnotes, comments, deleted revisions and headers are not the speech.

import type * as Fflate from 'fflate';
import type * as FastXmlParser from 'fast-xml-parser';
import { toChineseNumeral } from './core/text';

export type DocxResult = { ok: true; text: string } | { ok: false; reason: string };

// preserveOrder keeps runs and paragraphs in document order; attributes under ':@'.
type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };
// Loaded when the first Word file is read: most runs read none, and the two libraries were a tenth of the CLI's start.
let libraries: { unzipSync: typeof Fflate.unzipSync; parser: FastXmlParser.XMLParser } | undefined;
function docxLibraries(): NonNullable<typeof libraries> {
  if (!libraries) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { XMLParser } = require('fast-xml-parser') as typeof FastXmlParser;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unzipSync } = require('fflate') as typeof Fflate;
    libraries = { unzipSync, parser: new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false, processEntities: true }) };
  }
  return libraries;
}

const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[] | undefined) ?? [];
const attr = (n: XNode | undefined, name: string) => n?.[':@']?.[name];
const child = (n: XNode | undefined, tag: string) => (n ? kids(n).find((c) => tagOf(c) === tag) : undefined);

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: undefined restarts after any higher level; 0 never; k after level k (one-based) or higher. */
  restart?: number;
  /** w:isLgl: every level's number in the text drawn in Arabic figures (1.1.2). */
  legal: boolean;
}

/** A list as a paragraph meets it: the levels, the abstract definition whose counters it shares, and its own restarts. */
interface List {
  levels: Level[];
  abstractId: string;
  /** Levels a w:startOverride restarts the first time this list reaches them. */
  overrides: Map<number, number>;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return n < 100 ? toChineseNumeral(n) : String(n);
    case 'ideographTraditional':
      return TIANGAN[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
    case 'lowerRoman': {
      const r = roman(n);
      return format === 'upperRoman' ? r : r.toLowerCase();
    }
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function readLevel(l: XNode): Level {
  const restart = attr(child(l, 'w:lvlRestart'), 'w:val');
  const legal = child(l, 'w:isLgl');
  return {
    start: Number(attr(child(l, 'w:start'), 'w:val') ?? 1),
    format: attr(child(l, 'w:numFmt'), 'w:val') ?? 'decimal',
    text: attr(child(l, 'w:lvlText'), 'w:val') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: legal !== undefined && !['0', 'false', 'off'].includes(attr(legal, 'w:val') ?? 'true'),
  };
}

/**
 * numbering.xml: each w:num's list. Lists of one abstract definition share its counters (Word goes on
 * counting across them); a w:lvlOverride may restart a level (w:startOverride) or redefine it (w:lvl).
 */
function readNumbering(xml: string | undefined): Map<string, List> {
  const out = new Map<string, List>();
  if (!xml) return out;
  const root = docxLibraries().parser.parse(xml) as XNode[];
  const numbering = root.find((n) => tagOf(n) === 'w:numbering');
  if (!numbering) return out;
  const abstracts = new Map<string, Level[]>();
  for (const a of kids(numbering).filter((n) => tagOf(n) === 'w:abstractNum')) {
    const levels: Level[] = [];
    for (const l of kids(a).filter((n) => tagOf(n) === 'w:lvl')) levels[Number(attr(l, 'w:ilvl') ?? 0)] = readLevel(l);
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', levels);
  }
  for (const num of kids(numbering).filter((n) => tagOf(n) === 'w:num')) {
    const abstractId = attr(child(num, 'w:abstractNumId'), 'w:val') ?? '';
    const levels = [...(abstracts.get(abstractId) ?? [])];
    const overrides = new Map<number, number>();
    for (const o of kids(num).filter((n) => tagOf(n) === 'w:lvlOverride')) {
      const i = Number(attr(o, 'w:ilvl') ?? 0);
      const redefined = child(o, 'w:lvl');
      if (redefined) levels[i] = readLevel(redefined);
      const start = attr(child(o, 'w:startOverride'), 'w:val');
      if (start !== undefined) overrides.set(i, Number(start));
      else if (redefined && child(redefined, 'w:start')) overrides.set(i, levels[i].start);
    }
    out.set(attr(num, 'w:numId') ?? '', { levels, abstractId, overrides });
  }
  return out;
}

/** styles.xml: the numbering a paragraph style gives (heading styles numbered by Word), through basedOn. */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return out;
  const root = docxLibraries().parser.parse(xml) as XNode[];
  const styles = root.find((n) => tagOf(n) === 'w:styles');
  if (!styles) return out;
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of kids(styles).filter((n) => tagOf(n) === 'w:style')) {
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
    own.set(attr(s, 'w:styleId') ?? '', {
      numId: attr(child(numPr, 'w:numId'), 'w:val'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
    });
  }
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let s = own.get(id), sid = id; s && !seen.has(sid); sid = s.basedOn ?? '', s = own.get(sid)) {
      seen.add(sid);
      numId ??= s.numId;
      ilvl ??= s.ilvl;
    }
    if (numId !== undefined) out.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return out;
}

function paragraphText(p: XNode): string {
  let text = '';
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:t') text += kids(n).map((t) => String(t['#text'] ?? '')).join('');
      else if (tag === 'w:tab') text += '\t';
      // Deleted revisions, field codes and footnote references are not read.
      else if (tag === 'w:del' || tag === 'w:instrText' || tag === 'w:delText' || tag === 'w:pPr' || tag === 'w:rPr') continue;
      else if (tag !== '#text') walk(kids(n));
    }
  };
  walk(kids(p));
  // A paragraph is one line: the positions' line is the paragraph's index.
  return text.replace(/[\r\n\u2028\u2029]/g, '');
}

export function readDocx(bytes: Uint8Array): DocxResult {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, reason: '这是加密的 .docx 或旧版 .doc（OLE 格式），无法读取：请在 Word 中去掉密码或另存为 .docx' };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: '不是 .docx 文件（不是 zip 格式）' };
  let parts: Record<string, Uint8Array>;
  try {
    parts = docxLibraries().unzipSync(bytes, { filter: (f) => ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(f.name) });
  } catch (e) {
    return { ok: false, reason: `.docx 已损坏，无法解压：${(e as Error).message}` };
  }
  const utf8 = (name: string) => (parts[name] ? new TextDecoder('utf-8').decode(parts[name]) : undefined);
  const documentXml = utf8('word/document.xml');
  if (!documentXml) return { ok: false, reason: '.docx 里没有正文（word/document.xml）' };
  let body: XNode | undefined;
  let numbering: Map<string, List>;
  let styleNumbering: Map<string, { numId: string; ilvl: number }>;
  try {
    body = child((docxLibraries().parser.parse(documentXml) as XNode[]).find((n) => tagOf(n) === 'w:document'), 'w:body');
    numbering = readNumbering(utf8('word/numbering.xml'));
    styleNumbering = readStyleNumbering(utf8('word/styles.xml'));
  } catch (e) {
    return { ok: false, reason: `.docx 的 XML 无法解析：${(e as Error).message}` };
  }
  if (!body) return { ok: false, reason: '.docx 里没有正文（w:body）' };

  // Counters per abstract definition and level (lists sharing a definition count on together); an item
  // restarts the levels under it, as each level's w:lvlRestart allows.
  const counters = new Map<string, (number | undefined)[]>();
  const overridden = new Set<string>();
  const lines: string[] = [];
  const marker = (numId: string, ilvl: number): string => {
    const list = numbering.get(numId);
    const levels = list?.levels;
    if (!list || !levels || numId === '0' || !levels[ilvl]) return '';
    const c = counters.get(list.abstractId) ?? [];
    const restartAt = list.overrides.get(ilvl);
    if (restartAt !== undefined && !overridden.has(`${numId}:${ilvl}`)) {
      overridden.add(`${numId}:${ilvl}`);
      c[ilvl] = restartAt;
    } else c[ilvl] = c[ilvl] === undefined ? levels[ilvl].start : c[ilvl]! + 1;
    for (let j = ilvl + 1; j < c.length; j++) {
      const restart = levels[j]?.restart;
      if (restart === undefined || (restart > 0 && ilvl <= restart - 1)) c[j] = undefined;
    }
    counters.set(list.abstractId, c);
    const level = levels[ilvl];
    if (level.format === 'none') return '';
    // A bullet is drawn as a bullet: a list of them after 我讲三点： is its three parts. Symbol and Wingdings
    // glyphs (private-use code points, ) become ●.
    if (level.format === 'bullet') return /^[^\ue000-\uf8ff\s]$/u.test(level.text) ? level.text : '●';
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      const n = c[i] ?? levels[i]?.start ?? 1;
      return level.legal ? String(n) : formatNumber(n, levels[i]?.format ?? 'decimal');
    });
  };
  // Iterative walk in document order: paragraphs, and tables' cells' paragraphs.
  const stack: XNode[] = [...kids(body)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    const tag = tagOf(n);
    if (tag === 'w:p') {
      const pPr = child(n, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      let numId = attr(child(numPr, 'w:numId'), 'w:val');
      let ilvl = Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? NaN);
      const style = styleNumbering.get(attr(child(pPr, 'w:pStyle'), 'w:val') ?? '');
      if (numId === undefined && style) numId = style.numId;
      if (Number.isNaN(ilvl)) ilvl = style?.ilvl ?? 0;
      lines.push((numId !== undefined ? marker(numId, ilvl) : '') + paragraphText(n));
    } else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || tag === 'w:sdt' || tag === 'w:sdtContent') {
      const inner = kids(n);
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
    }
  }
  return { ok: true, text: lines.join('\n') };
}

export function isDocxPath(file: string): boolean {
  return /\.docx$/i.test(file);
}

// Word drafts: the numbers Word draws (automatic numbering) are read back into the text.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { announcementReport, parseDocument } from '../server/src/core';
import { readDocx } from '../server/src/docx';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const run = (args: string[], input?: Buffer) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30000, input });
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

type Para = { text: string; numId?: number; ilvl?: number; style?: string };
const p = ({ text, numId, ilvl, style }: Para) => {
  const numPr = numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl ?? 0}"/><w:numId w:val="${numId}"/></w:numPr>` : '';
  const pStyle = style ? `<w:pStyle w:val="${style}"/>` : '';
  // Text split over runs, as Word does.
  const half = Math.ceil(text.length / 2);
  return `<w:p><w:pPr>${pStyle}${numPr}</w:pPr><w:r><w:t xml:space="preserve">${esc(text.slice(0, half))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${esc(text.slice(half))}</w:t></w:r></w:p>`;
};

function docx(body: string, extra: Record<string, string> = {}): Buffer {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
  </w:numbering>`;
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`;
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
      'word/numbering.xml': strToU8(numbering),
      'word/styles.xml': strToU8(styles),
      'word/footnotes.xml': strToU8(`<w:footnotes ${W}><w:footnote><w:p><w:r><w:t>脚注不是讲话</w:t></w:r></w:p></w:footnote></w:footnotes>`),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
    }),
  );
}

// The same speech, with its heading numbers typed, and as Word numbers them.
const typed = [
  '在全县安全生产工作会议上的讲话',
  '同志们：',
  '下面，我讲三点意见。',
  '一、提高认识',
  '安全生产是底线，必须时刻绷紧这根弦。',
  '（一）认清形势',
  '今年以来，全县发生事故×起。',
  '（二）找准差距',
  '1.排查不到位',
  '2.整改不彻底',
  '二、压实责任',
  '各级要把责任落实到岗位、落实到人。',
  '三、强化保障',
  '表格里的一段话也是正文。',
];
const word: Para[] = [
  { text: typed[0] },
  { text: typed[1] },
  { text: typed[2] },
  { text: '提高认识', style: 'Heading1' },
  { text: typed[4] },
  { text: '认清形势', numId: 3, ilvl: 1 },
  { text: typed[6] },
  { text: '找准差距', numId: 3, ilvl: 1 },
  { text: '排查不到位', numId: 3, ilvl: 2 },
  { text: '整改不彻底', numId: 3, ilvl: 2 },
  { text: '压实责任', style: 'MyHeading' },
  { text: typed[11] },
  { text: '强化保障', numId: 3, ilvl: 0 },
];
const body = word.map(p).join('') + `<w:tbl><w:tr><w:tc>${p({ text: typed[13] })}</w:tc></w:tr></w:tbl>` + '<w:p><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del></w:p>';

describe('.docx drafts', () => {
  it('reads the paragraphs in order with Word’s numbers written back, tables included, footnotes and deletions left out', () => {
    const r = readDocx(docx(body));
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).toBe([...typed, ''].join('\n'));
  });

  it('gives the same announcements and outline as the same speech typed as text', () => {
    const dir = tempDir('jg-docx-');
    fs.writeFileSync(path.join(dir, 'speech.docx'), docx(body));
    fs.writeFileSync(path.join(dir, 'speech.txt'), [...typed, ''].join('\n'));
    const outline = (f: string) => {
      const r = run(['outline', '--format', 'json', path.join(dir, f)]);
      expect(r.status, r.stderr).toBe(0);
      const { symbols, announcements } = JSON.parse(r.stdout);
      return { symbols, announcements };
    };
    const fromWord = outline('speech.docx');
    expect(fromWord).toEqual(outline('speech.txt'));
    expect(fromWord.announcements[0]).toMatchObject({ announced: 3, found: 3 });
    const check = run(['check', path.join(dir, 'speech.docx')]);
    expect(check.stdout).toMatch(/speech\.docx:第 7 段第 12 字: warning placeholder .*（“今年以来，全县发生事故×起。”）/);
    // The reviewers' scan names the same place the same way.
    const scan = run(['placeholders', path.join(dir, 'speech.docx')]);
    expect(scan.stdout).toMatch(/speech\.docx:第 7 段第 12 字: warning placeholder .*（“今年以来，全县发生事故×起。”）/);
  });

  it('a file that is not a zip, an encrypted one and a broken zip: a clear message each, exit 2, the others still checked', () => {
    const dir = tempDir('jg-docx-');
    fs.writeFileSync(path.join(dir, 'a-text.docx'), '这其实是文本');
    fs.writeFileSync(path.join(dir, 'b-encrypted.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    fs.writeFileSync(path.join(dir, 'c-broken.docx'), docx(body).subarray(0, 300));
    fs.writeFileSync(path.join(dir, 'd-good.txt'), '同志们：\n今年增长×%。\n');
    const r = run(['check', '--format', 'json', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a-text\.docx: 不是 \.docx 文件/);
    expect(r.stderr).toMatch(/b-encrypted\.docx: 这是加密的 \.docx 或旧版 \.doc/);
    expect(r.stderr).toMatch(/c-broken\.docx: \.docx 已损坏/);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => path.basename(f.path))).toEqual(['d-good.txt']);
  });

  it('reads a .docx from standard input when --stdin-filename names one', () => {
    const r = run(['placeholders', '--format', 'json', '--stdin', '--stdin-filename', 'draft.docx'], docx(body));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].count).toBe(1);
  });

  describe('Word’s own numbering rules', () => {
    const numbering = (levels: string, nums: string) =>
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="1">${levels}</w:abstractNum>${nums}</w:numbering>`;
    const lvl = (i: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
    const read = (paras: Para[], numberingXml: string) => {
      const r = readDocx(docx(paras.map(p).join(''), { 'word/numbering.xml': numberingXml }));
      if (!r.ok) throw new Error(r.reason);
      return r.text.split('\n');
    };

    it('two lists of one definition count on together; a list with a start override begins again', () => {
      const xml = numbering(lvl(0, 'chineseCounting', '%1、'), '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>');
      const lines = read([{ text: '甲', numId: 1 }, { text: '乙', numId: 1 }, { text: '丙', numId: 2 }, { text: '丁', numId: 3 }, { text: '戊', numId: 3 }], xml);
      expect(lines).toEqual(['一、甲', '二、乙', '三、丙', '一、丁', '二、戊']);
    });

    it('a legal level draws every number in figures; a level that never restarts counts on under the next heading', () => {
      const xml = numbering(
        lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/>') + lvl(2, 'decimal', '（%3）', '<w:lvlRestart w:val="0"/>'),
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      );
      const lines = read([{ text: '总体要求', numId: 1, ilvl: 0 }, { text: '目标', numId: 1, ilvl: 1 }, { text: '甲', numId: 1, ilvl: 2 }, { text: '重点任务', numId: 1, ilvl: 0 }, { text: '措施', numId: 1, ilvl: 1 }, { text: '乙', numId: 1, ilvl: 2 }], xml);
      expect(lines).toEqual(['一、总体要求', '1.1目标', '（1）甲', '二、重点任务', '2.1措施', '（2）乙']);
    });

    it('a bulleted list keeps its bullets, a Symbol font’s glyph drawn as ●, and the parts after an announcement are found', () => {
      const xml = numbering(lvl(0, 'bullet', '\uf0b7') + lvl(1, 'bullet', '◆'), '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>');
      const lines = read([{ text: '下面，我讲三点意见：' }, { text: '统一思想。', numId: 1 }, { text: '突出重点。', numId: 1 }, { text: '其中要抓项目。', numId: 1, ilvl: 1 }, { text: '狠抓落实。', numId: 1 }], xml);
      expect(lines).toEqual(['下面，我讲三点意见：', '●统一思想。', '●突出重点。', '◆其中要抓项目。', '●狠抓落实。']);
      expect(announcementReport(parseDocument(lines.join('\n')))).toMatchObject([{ announced: 3, found: 3 }]);
    });
  });
});


import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30000 });
const tmp = () => tempDir('jg-fix-');
const DRAFT = '同志们：\r\n我們要抓好項目建設(shè)工作。&nbsp;\r\n第一、要团结。\r\n第二、要奋斗。\r\n';
const FIXED = '同志们：\r\n我们要抓好项目建设工作。 \r\n第一，要团结。\r\n第二，要奋斗。\r\n';

describe('jianggao fix', () => {
  it.each([
    ['UTF-8', (t: string) => Buffer.from(t, 'utf8')],
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['GB18030', (t: string) => iconv.encode(t, 'gb18030')],
    ['UTF-16LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16BE', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf16-be')])],
  ])('applies the safe fixes and keeps the file’s encoding (%s), its CRLF line ends and final newline', (_name, encode) => {
    const file = path.join(tmp(), 'draft.txt');
    fs.writeFileSync(file, encode(DRAFT));
    const r = run(['fix', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(file).equals(encode(FIXED))).toBe(true);
  });

  it('--dry-run prints a unified diff and writes nothing; --rules limits the fixes', () => {
    const file = path.join(tmp(), 'draft.txt');
    fs.writeFileSync(file, DRAFT);
    const r = run(['fix', '--dry-run', file]);
    expect(r.stdout).toMatch(/^-我們要抓好項目建設\(shè\)工作。/m);
    expect(r.stdout).toMatch(/^\+第一，要团结。/m);
    expect(fs.readFileSync(file, 'utf8')).toBe(DRAFT);
    run(['fix', '--rules', 'heading-hierarchy', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(DRAFT.replace('第一、', '第一，').replace('第二、', '第二，'));
  });

  it('an interrupted write loses nothing: the old file stays whole and no temporary is left', async () => {
    const { fixFile } = await import('../server/src/fixFiles');
    const { defaultConfig } = await import('../server/src/core');
    const dir = tmp();
    const file = path.join(dir, 'draft.txt');
    fs.writeFileSync(file, DRAFT);
    // The write beside the file fails halfway (here: its temporary name is taken by a folder).
    const temp = path.join(dir, `.draft.txt.jianggao-${process.pid}.tmp`);
    fs.mkdirSync(temp);
    const r = fixFile(file, defaultConfig(), { dryRun: false, rules: null });
    expect(r.error).toMatch(/原文件未改动/);
    expect(fs.readFileSync(file, 'utf8')).toBe(DRAFT);
    fs.rmdirSync(temp);
    expect(fixFile(file, defaultConfig(), { dryRun: false, rules: null }).edits).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.readdirSync(dir)).toEqual(['draft.txt']);
  });
});

describe('fix-all to a fixed point, as edits on the original text', () => {
  it('composes a second pass onto the first: an edit inside what the first wrote merges with it, the others stay apart', async () => {
    const { composeEdits, applyEdits } = await import('../server/src/core');
    const original = 'aaa bbb ccc ddd';
    const first = [{ start: 0, end: 3, newText: 'AA' }, { start: 8, end: 11, newText: 'CCCC' }];
    const middle = applyEdits(original, first); // 'AA bbb CCCC ddd'
    // The space right after AA goes; CCCC loses a C (inside what the first pass wrote); ddd becomes D.
    const second = [{ start: 2, end: 3, newText: '' }, { start: 9, end: 10, newText: '' }, { start: 12, end: 15, newText: 'D' }];
    const result = applyEdits(middle, second); // 'AAbbb CCC D'
    const composed = composeEdits(first, second, result);
    expect(applyEdits(original, composed)).toBe(result);
    expect(composed).toEqual([
      { start: 0, end: 3, newText: 'AA' },
      { start: 3, end: 4, newText: '' },
      { start: 8, end: 11, newText: 'CCC' },
      { start: 12, end: 15, newText: 'D' },
    ]);
  });

  it('the edits it returns make the fixed text, on the samples and on seeded random drafts', async () => {
    const { applyEdits, defaultConfig, fixText } = await import('../server/src/core');
    const { fuzzDraft, rng } = await import('./fuzzDrafts');
    const { SEEDS, seed } = await import('./helpers');
    const texts = [...SEEDS.map((n) => seed(n).text)];
    const random = rng(11);
    for (let i = 0; i < 300; i++) texts.push(fuzzDraft(random));
    let multiPass = 0;
    for (const text of texts) {
      const fixed = fixText(text, { markdown: false, config: defaultConfig() });
      expect(applyEdits(text, fixed.changes)).toBe(fixed.text);
      if (fixed.text !== fixText(text, { markdown: false, config: defaultConfig() }, 1).text) multiPass++;
    }
    // The property is tested where it matters: drafts that needed more than one pass.
    expect(multiPass).toBeGreaterThan(3);
  });
});

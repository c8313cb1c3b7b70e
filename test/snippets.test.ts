import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { announcementReport, parseDocument } from '../server/src/core';
import { parseSnippetLibrary, previewSnippet, typedPrefixLength } from '../server/src/core/snippets';
import { saveSnippet } from '../server/src/saveSnippet';
import { SnippetLibraries } from '../server/src/snippetLibraries';
import { tempDir } from './tempDirs';

const BUILTIN = path.join(__dirname, '..', 'snippets', 'speech.code-snippets');
const TEAM = path.join(__dirname, '..', 'examples', 'team-package', 'snippets');

function tmp(): string {
  return tempDir('jianggao-snip-');
}

describe('built-in snippets', () => {
  const lib = parseSnippetLibrary(fs.readFileSync(BUILTIN, 'utf8'), BUILTIN, '内置');

  it('parse without problems, with Chinese and pinyin-initial prefixes', () => {
    expect(lib.problems).toEqual([]);
    const prefixes = lib.snippets.flatMap((s) => s.prefixes);
    expect(prefixes).toEqual(expect.arrayContaining(['同志们', 'tzm', '三点意见', 'sdyj', '四点意见', '五点意见', 'wdyj', '预祝', 'yzcg', '日期']));
  });

  it.each([['三点意见', 3], ['四点意见', 4], ['五点意见', 5]])('%s writes a skeleton whose announcement matches its parts', (prefix, n) => {
    const s = lib.snippets.find((x) => x.prefixes.includes(prefix))!;
    const [a] = announcementReport(parseDocument(`同志们：\n${previewSnippet(s.body)}`));
    expect(a).toMatchObject({ announced: n, found: n });
  });

  it('sub-parts and 一是 runs number correctly; dates use VS Code variables, not 20xx', () => {
    const sub = lib.snippets.find((x) => x.prefixes.includes('三个分项'))!;
    expect(parseDocument(`一、总体\n${previewSnippet(sub.body)}`).markers.map((m) => [m.family, m.number])).toEqual([['cn-dun', 1], ['cn-paren', 1], ['cn-paren', 2], ['cn-paren', 3]]);
    const run = lib.snippets.find((x) => x.prefixes.includes('一是三是'))!;
    expect(parseDocument(previewSnippet(run.body)).markers.map((m) => m.number)).toEqual([1, 2, 3]);
    const date = lib.snippets.find((x) => x.prefixes.includes('日期'))!;
    expect(date.body).toContain('$CURRENT_YEAR年');
    expect(previewSnippet(date.body)).toMatch(/^\d{4}年\d{2}月\d{2}日$/);
  });
});

describe('library formats', () => {
  it('reads VS Code snippet JSON with comments and trailing commas, and the Markdown format', () => {
    const libs = new SnippetLibraries().load([TEAM]);
    const team = libs.snippets.filter((s) => s.library !== '内置');
    expect(team.map((s) => [s.library, s.name, s.prefixes[0]])).toEqual([
      ['closings.md', '动员结尾', '动员结尾'],
      ['closings.md', '表彰结尾', '表彰结尾'],
      ['team.code-snippets', '专题会开头', '专题会开头'],
      ['team.code-snippets', '三点意见', '三点意见'],
    ]);
    expect(team[0].body).toContain('${1:目标任务}');
    expect(team[1].body).toBe('希望受表彰的${1:先进集体和个人}珍惜荣誉、再接再厉。');
    expect(libs.snippets.findIndex((s) => s.library === '内置')).toBeGreaterThan(3);
  });

  it('reports malformed JSON with its position and keeps the good entries', () => {
    const text = '{\n  "好的": { "prefix": "hd", "body": "好" },\n  "坏的": { "body": "缺前缀" },\n  "断的": { "prefix": "dd", "body": [\n}';
    const lib = parseSnippetLibrary(text, 'x.code-snippets', 'x');
    expect(lib.snippets.map((s) => s.name)).toEqual(['好的']);
    expect(lib.problems.some((p) => p.message.includes('坏的') && p.message.includes('prefix'))).toBe(true);
    const syntax = lib.problems.find((p) => p.message.startsWith('JSON 语法错误'))!;
    expect(text.slice(0, syntax.offset).split('\n').length).toBe(5);
  });

  it('reports a Markdown snippet without a prefix line at its heading', () => {
    const text = '## 好\n前缀：h\n\n正文\n\n## 没前缀\n\n正文\n';
    const lib = parseSnippetLibrary(text, 'x.md', 'x');
    expect(lib.snippets.map((s) => s.name)).toEqual(['好']);
    expect(lib.problems[0].message).toContain('缺少“前缀：”');
    expect(lib.problems[0].offset).toBe(text.indexOf('## 没前缀'));
  });

  it('matches what was typed before the cursor, mid-sentence in Chinese', () => {
    expect(typedPrefixLength('今天我讲三点', '三点意见')).toBe(2);
    expect(typedPrefixLength('今天我讲三点意见', '三点意见')).toBe(4);
    expect(typedPrefixLength('sd', 'sdyj')).toBe(2);
    expect(typedPrefixLength('xsd', 'sdyj')).toBe(0);
    expect(typedPrefixLength('今天', '三点意见')).toBe(0);
  });
});

describe('saving a selection as a team snippet', () => {
  it('adds to a JSON library keeping its comments and formatting', () => {
    const dir = tmp();
    const file = path.join(dir, 'team.code-snippets');
    const original = '{\n    // 我们的片段\n    "旧的": { "prefix": "jd", "body": "旧" }\n}\n';
    fs.writeFileSync(file, original);
    const r = saveSnippet(file, { name: '新的', prefix: 'xd', description: '说明', text: '增长$5亿元\n第二行' });
    expect(r.ok).toBe(true);
    const after = fs.readFileSync(file, 'utf8');
    expect(after.startsWith('{\n    // 我们的片段\n    "旧的": { "prefix": "jd", "body": "旧" },')).toBe(true);
    const lib = parseSnippetLibrary(after, file, 't');
    expect(lib.problems).toEqual([]);
    expect(lib.snippets[1]).toMatchObject({ name: '新的', prefixes: ['xd'], body: '增长\\$5亿元\n第二行', description: '说明' });
    saveSnippet(file, { name: '新的', prefix: 'xd2', description: '', text: '再来' });
    expect(parseSnippetLibrary(fs.readFileSync(file, 'utf8'), file, 't').snippets.map((s) => s.name)).toEqual(['旧的', '新的', '新的（2）']);
  });

  it('appends a section to a Markdown library, and creates a missing library', () => {
    const dir = tmp();
    const md = path.join(dir, 'lib.md');
    fs.writeFileSync(md, '## 已有\n前缀：yy\n\n已有正文\n');
    expect(saveSnippet(md, { name: '新段', prefix: 'xd', description: '', text: '新正文' }).ok).toBe(true);
    expect(parseSnippetLibrary(fs.readFileSync(md, 'utf8'), md, 't').snippets.map((s) => [s.name, s.body])).toEqual([['已有', '已有正文'], ['新段', '新正文']]);
    const created = path.join(dir, 'new', 'team.code-snippets');
    expect(saveSnippet(created, { name: 'a', prefix: 'a', description: '', text: 'x' }).ok).toBe(true);
    expect(parseSnippetLibrary(fs.readFileSync(created, 'utf8'), created, 't').snippets).toHaveLength(1);
  });

  it('refuses to write into a library it cannot parse, losing nothing', () => {
    const dir = tmp();
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "a": ');
    const r = saveSnippet(file, { name: 'b', prefix: 'b', description: '', text: 'x' });
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "a": ');
  });
});

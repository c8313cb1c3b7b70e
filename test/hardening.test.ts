// Each row of the hardening report, as a test that failed before and passes now.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, parseDocument } from '../server/src/core';
import { compileUserPattern } from '../server/src/core/userPattern';
import { findPlaceholders } from '../server/src/core/placeholders';
import { compileMatcher, findStockPhrases, parseDictionary } from '../server/src/core/stockPhrases';
import { loadStockPhrases, readDataFile } from '../server/src/resources';
import { configFromText, loadProjectConfig } from '../server/src/projectConfig';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const tmp = () => tempDir('jg-hard-');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000 });

describe('user regexes cannot hang anything', () => {
  it('a pattern with nested repetition is refused with a reason, in a config and at use', () => {
    expect(compileUserPattern('(a+)+$').ok).toBe(false);
    const { config, errors } = configFromText('{"placeholders":{"extraPatterns":["(a+)+$","〈[^〉]+〉"]}}', process.cwd());
    expect(errors.join()).toMatch(/嵌套的重复/);
    expect(config.placeholders.extraPatterns).toEqual(['〈[^〉]+〉']);
    // Even handed straight to the core, it is not run.
    expect(findPlaceholders('a'.repeat(40) + 'b', { extraPatterns: ['(a+)+$'] })).toEqual([]);
  });

  it('a dictionary entry with many … wildcards is refused', () => {
    const { entries, problems } = parseDictionary(`${'甲…'.repeat(12)}乙\t空话套话\n`, 't');
    expect(entries).toEqual([]);
    expect(problems[0].message).toMatch(/超过 3 个/);
  });

  it('three wildcards on a long run of the same word still finish', () => {
    const { entries } = parseDictionary('甲…甲…甲…乙\t空话套话\n', 't');
    const doc = parseDocument('甲'.repeat(3000));
    expect(findStockPhrases(doc, compileMatcher(entries))).toEqual([]);
  });
});

describe('files and team data', () => {
  it('a dictionary path that is a FIFO or a device is refused, not read', () => {
    const dir = tmp();
    const fifo = path.join(dir, 'dict.tsv');
    execFileSync('mkfifo', [fifo]);
    expect(readDataFile(fifo)).toMatchObject({ ok: false, reason: '不是普通文件' });
    expect(readDataFile('/dev/zero')).toMatchObject({ ok: false });
    const config = defaultConfig();
    config.stockPhrases.dictionaries = ['/dev/stdin', fifo];
    expect(loadStockPhrases(config).problems.map((p) => p.message)).toEqual(['团队词典无法读取：不是普通文件', '团队词典无法读取：不是普通文件']);
  });

  it('a file that is not a dictionary is rejected whole, without echoing its lines', () => {
    const dir = tmp();
    const secret = path.join(dir, 'secrets.txt');
    fs.writeFileSync(secret, 'password=hunter2\ntoken=abc\n');
    const config = defaultConfig();
    config.stockPhrases.dictionaries = [secret];
    const messages = loadStockPhrases(config).problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/格式不对/);
    expect(messages).not.toMatch(/hunter2|token/);
  });

  it('a .jianggao.json saved with a BOM is read', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '.jianggao.json'), '\ufeff{"rules":{"placeholder":"error"}}');
    const r = loadProjectConfig(null, dir);
    expect(r.errors).toEqual([]);
    expect(r.config.rules.placeholder).toBe('error');
  });

  it('a dangling link, a link loop and a FIFO are reported and skipped; the good draft is still checked', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'good.txt'), '同志们：\n今年增长×%。\n');
    fs.symlinkSync('/nonexistent/x.txt', path.join(dir, 'broken.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'loop'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const r = run(['check', '--format', 'json', dir]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string }) => path.basename(f.path))).toEqual(['good.txt']);
    expect(out.files[0].diagnostics.some((d: { code: string }) => d.code === 'placeholder')).toBe(true);
    expect(r.stderr).toMatch(/broken\.txt: 找不到/);
    expect(r.stderr).toMatch(/pipe\.txt: 不是普通文件/);
  });
});

describe('positions and sizes', () => {
  it('CR-only line endings count as line breaks, as in the editor', () => {
    const ds = checkDocument(parseDocument('一、甲\r三、乙\r增长×%。\r'), { config: defaultConfig() });
    const placeholder = ds.find((d) => d.code === 'placeholder')!;
    expect(placeholder.range.start).toEqual({ line: 2, character: 2 });
    expect(ds.find((d) => d.code === 'numbering-sequence')!.range.start.line).toBe(1);
  });

  it('130,000 headings, a line of 2.2 million dashes and 5 MB of 某 are checked without a stack overflow', () => {
    for (const text of ['（一）\n'.repeat(130000), '-'.repeat(2_200_000), '*'.repeat(2_200_000), '_'.repeat(2_200_000), '某'.repeat(2_500_000)]) {
      expect(() => checkDocument(parseDocument(text), { config: defaultConfig() })).not.toThrow();
    }
  }, 120000);
});

describe('team packages (extends)', () => {
  const pkg = (dir: string, name: string, json: object) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'jianggao.json'), JSON.stringify(json));
  };

  it('a diamond (a→b, a→c, b→d, c→d) is not a cycle; a real cycle is', () => {
    const dir = tmp();
    pkg(dir, 'd', { rules: { 'heading-parallelism': 'off' } });
    pkg(dir, 'b', { extends: '../d' });
    pkg(dir, 'c', { extends: '../d' });
    const a = configFromText(JSON.stringify({ extends: ['./b', './c'] }), dir);
    expect(a.errors).toEqual([]);
    expect(a.config.rules['heading-parallelism']).toBe('off');
    pkg(dir, 'x', { extends: '../y' });
    pkg(dir, 'y', { extends: '../x' });
    expect(configFromText(JSON.stringify({ extends: './x' }), dir).errors.join()).toMatch(/循环引用/);
  });

  it('a package with only an exports map is found', () => {
    const dir = tmp();
    const p = path.join(dir, 'node_modules', '@office', 'style');
    fs.mkdirSync(p, { recursive: true });
    fs.writeFileSync(path.join(p, 'package.json'), JSON.stringify({ name: '@office/style', exports: { '.': './index.js' } }));
    fs.writeFileSync(path.join(p, 'jianggao.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    const r = configFromText(JSON.stringify({ extends: '@office/style' }), dir);
    expect(r.errors).toEqual([]);
    expect(r.config.rules.placeholder).toBe('error');
  });
});

describe('team snippet libraries', () => {
  it('a Markdown library of 160,000 meta-like lines under one heading parses in linear time', async () => {
    const { parseSnippetLibrary } = await import('../server/src/core/snippets');
    const text = '## 大段\n正文开头\n' + '前缀：p\n'.repeat(160000);
    const parsed = parseSnippetLibrary(text, 'team.md', 'team');
    // The lines after the body began are body, not meta: the snippet has no prefix, which is reported.
    expect(parsed.snippets).toEqual([]);
    expect(parsed.problems[0].message).toMatch(/缺少“前缀：”/);
  });
});

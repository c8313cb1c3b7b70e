import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../server/src/projectConfig';
import { codes } from './helpers';
import { tempDir } from './tempDirs';

const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('.jianggao.json', () => {
  it('extends a team package folder: its settings, snippets and dictionaries; the project wins', () => {
    // The workspace is examples/: the project and the team package beside it.
    const r = loadProjectConfig(null, path.join(EXAMPLES, 'project'), [EXAMPLES]);
    expect(r.errors).toEqual([]);
    expect(r.config.rules).toMatchObject({ placeholder: 'error', 'heading-parallelism': 'off', 'section-balance': { ratio: 4 } });
    expect(r.config.snippetLibraries).toContain(path.join(EXAMPLES, 'team-package', 'snippets'));
    expect(r.config.stockPhrases.dictionaries).toEqual([path.join(EXAMPLES, 'team-package', 'dictionaries', 'team.tsv')]);
    expect(r.config.stockPhrases.disabled).toEqual(['坚定不移']);
  });

  it('reads team data only inside the workspace, installed packages and allowed folders', () => {
    // Opened on its own, examples/project may not reach the sibling folder it extends.
    const alone = loadProjectConfig(null, path.join(EXAMPLES, 'project'));
    expect(alone.errors).toEqual([expect.stringMatching(/extends：“\.\.\/team-package”在工作区之外，未读取/)]);
    const dir = tempDir('jianggao-cfg-');
    const outside = tempDir('jianggao-outside-');
    fs.writeFileSync(path.join(outside, 'secret.tsv'), '短语\t建议\n');
    // A link inside the workspace that points out of it does not get around the rule.
    fs.symlinkSync(path.join(outside, 'secret.tsv'), path.join(dir, 'linked.tsv'));
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ stockPhrases: { dictionaries: ['/etc/passwd', 'linked.tsv', path.join(outside, 'secret.tsv')] }, snippetLibraries: [outside] }));
    const r = loadProjectConfig(null, dir);
    expect(r.config.stockPhrases.dictionaries).toEqual([]);
    expect(r.config.snippetLibraries).not.toContain(outside);
    expect(r.errors.filter((e) => e.includes('在工作区之外'))).toHaveLength(4);
    const allowed = loadProjectConfig(null, dir, [outside]);
    expect(allowed.config.stockPhrases.dictionaries).toEqual([path.join(dir, 'linked.tsv'), path.join(outside, 'secret.tsv')]);
  });

  it('counts as installed only packages Node would resolve from the workspace, not any node_modules on the disk', () => {
    const dir = tempDir('jianggao-cfg-');
    const outside = tempDir('jianggao-outside-');
    for (const base of [dir, outside]) {
      fs.mkdirSync(path.join(base, 'node_modules', 'style'), { recursive: true });
      fs.writeFileSync(path.join(base, 'node_modules', 'style', 'words.tsv'), '短语\t建议\n');
    }
    const own = path.join(dir, 'node_modules', 'style', 'words.tsv');
    const foreign = path.join(outside, 'node_modules', 'style', 'words.tsv');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ stockPhrases: { dictionaries: [own, foreign] } }));
    const r = loadProjectConfig(null, dir);
    expect(r.config.stockPhrases.dictionaries).toEqual([own]);
    expect(r.errors).toEqual([expect.stringContaining(`“${foreign}”在工作区之外`)]);
  });

  it('extends an npm package resolved from the workspace', () => {
    const dir = tempDir('jianggao-cfg-');
    const pkg = path.join(dir, 'node_modules', '@team', 'speech-style');
    fs.mkdirSync(path.join(pkg, 'snippets'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"@team/speech-style","version":"1.0.0"}');
    fs.writeFileSync(path.join(pkg, 'jianggao.json'), '{"rules":{"wording":"error"}}');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), '{"extends":"@team/speech-style"}');
    const r = loadProjectConfig(null, dir);
    expect(r.errors).toEqual([]);
    expect(r.config.rules.wording).toBe('error');
    expect(r.config.snippetLibraries).toContain(path.join(pkg, 'snippets'));
  });

  it('reports what is broken and keeps the rest', () => {
    const dir = tempDir('jianggao-cfg-');
    fs.writeFileSync(
      path.join(dir, '.jianggao.json'),
      JSON.stringify({ rules: { placeholder: 'loud', wording: 'error', nope: 'off', 'ordinal-mix': 'off' }, extends: './missing', colour: 1, placeholders: { extraPatterns: ['(unclosed'] } }),
    );
    const r = loadProjectConfig(null, dir);
    expect(r.config.rules).toEqual({ wording: 'error' });
    expect(r.errors.join('\n')).toMatch(/“loud”无效/);
    expect(r.errors.join('\n')).toMatch(/未知规则“nope”/);
    // A rule merged into another is named, with where its findings went.
    expect(r.errors.join('\n')).toMatch(/规则“ordinal-mix”已并入“numbering-sequence”/);
    expect(r.errors.join('\n')).toMatch(/找不到“\.\/missing”/);
    expect(r.errors.join('\n')).toMatch(/未知的配置项“colour”/);
    expect(r.errors.join('\n')).toMatch(/正则表达式“\(unclosed”无效/);
  });
});

describe('inline disabling', () => {
  it('Markdown comments disable a rule for a block and for the next line', () => {
    const md = '增长×%。\n<!-- jianggao-disable placeholder -->\n增长×%。\n增长×%。\n<!-- jianggao-enable -->\n增长×%。\n<!-- jianggao-disable-next-line -->\n增长×%。\n增长×%。\n';
    expect(codes(md, 'placeholder', true).map((d) => d.range.start.line)).toEqual([0, 5, 8]);
  });

  it('plain text uses a // line, and a disable names only its rules', () => {
    const txt = '// jianggao-disable wording\n其它方面，增长×%。\n';
    expect(codes(txt, 'wording')).toHaveLength(0);
    expect(codes(txt, 'placeholder')).toHaveLength(1);
  });

  it('directive lines are not speech text', () => {
    expect(codes('<!-- jianggao-disable-next-line -->\n今天天气好。\n', 'web-residue')).toHaveLength(0);
  });
});

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const SEED_DIR = path.join(FIXTURES, 'seeds');

function run(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpdir(): string {
  return tempDir('jianggao-cli-');
}

describe('jianggao check', () => {
  it('prints the LSP-shaped JSON contract for a folder of drafts', () => {
    const r = run(['check', '--format', 'json', SEED_DIR]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: any) => path.basename(f.path))).toEqual(['seed000.txt', 'seed001.txt', 'seed002.txt', 'seed003.txt', 'seed004.txt']);
    const d = json.files[3].diagnostics.find((x: any) => x.code === 'announced-count');
    expect(d).toMatchObject({ severity: 2, source: 'jianggao', range: { start: { line: 27 } } });
    expect(Object.keys(d.range.end)).toEqual(['line', 'character']);
  });

  it('--fail-on placeholder exits 1 and says where; a clean draft exits 0', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '同志们：\n今年增长×%。\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), '同志们：\n今年增长6%。\n');
    const bad = run(['check', '--fail-on', 'placeholder', path.join(dir, 'a.txt')]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/a\.txt:2:5: warning placeholder/);
    expect(run(['check', '--fail-on', 'placeholder', path.join(dir, 'b.txt')]).code).toBe(0);
  });

  it('--max-warnings gates warnings; warnings alone exit 0', () => {
    const file = path.join(SEED_DIR, 'seed003.txt');
    expect(run(['check', file]).code).toBe(0);
    expect(run(['check', '--max-warnings', '0', file]).code).toBe(1);
    expect(run(['check', '--max-warnings', '1000', file]).code).toBe(0);
  });

  it('usage and file errors exit 2 with a clear message', () => {
    expect(run(['check']).code).toBe(2);
    const missing = run(['check', '/no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/no/such/file.txt: 找不到');
    expect(run(['check', '--fail-on', 'nope', SEED_DIR]).err).toContain('没有名为“nope”的规则');
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('skips binary files and reads GB18030 drafts', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    // "增长×%。" in GB18030
    const gb = Buffer.from(new Uint8Array([0xd4, 0xf6, 0xb3, 0xa4, 0xa1, 0xc1, 0x25, 0xa1, 0xa3]));
    fs.writeFileSync(path.join(dir, 'gb.txt'), gb);
    const r = run(['check', '--format', 'json', dir]);
    expect(r.err).toContain('二进制文件');
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].diagnostics.map((d: any) => d.code)).toEqual(['placeholder']);
  });

  it('a draft whose last character was cut off (a write interrupted) is checked without it and says so; fix leaves it untouched', () => {
    const dir = tmpdir();
    const whole = Buffer.from('同志们：\n今年增长×%。\n全年完成投资', 'utf8');
    const cutUtf8 = whole.subarray(0, whole.length - 1); // 资 is three bytes: two are left
    // The same in GB18030, its last character's first byte alone.
    const gb = Buffer.from(new Uint8Array([0xd4, 0xf6, 0xb3, 0xa4, 0xa1, 0xc1, 0x25, 0xa1, 0xa3, 0xd7]));
    fs.writeFileSync(path.join(dir, 'cut.txt'), cutUtf8);
    fs.writeFileSync(path.join(dir, 'cut-gb.txt'), gb);
    // An ASCII line ending in one whole GB18030 character is not mistaken for cut-off UTF-8.
    fs.writeFileSync(path.join(dir, 'whole-gb.txt'), Buffer.concat([Buffer.from('2024 '), Buffer.from([0xd6, 0xd0])]));
    const r = run(['check', '--format', 'json', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/cut\.txt: 文件末尾有 2 个字节不成一个完整的字/);
    expect(r.err).toMatch(/cut-gb\.txt: 文件末尾有 1 个字节不成一个完整的字/);
    expect(r.err).not.toMatch(/whole-gb/);
    const files = JSON.parse(r.out).files;
    expect(files.map((f: any) => path.basename(f.path))).toEqual(['cut-gb.txt', 'cut.txt', 'whole-gb.txt']);
    for (const f of files.slice(0, 2)) expect(f.diagnostics.map((d: any) => d.code)).toContain('placeholder');
    const scan = run(['placeholders', path.join(dir, 'cut.txt')]);
    expect(scan.code).toBe(0);
    expect(scan.err).toMatch(/文件末尾有 2 个字节/);
    // fix would write the text back without the cut-off bytes: it refuses, and the file keeps every byte.
    fs.writeFileSync(path.join(dir, 'cut.txt'), Buffer.concat([Buffer.from('今年增长６%,'), cutUtf8.subarray(cutUtf8.length - 2)]));
    const before = fs.readFileSync(path.join(dir, 'cut.txt'));
    const fix = run(['fix', path.join(dir, 'cut.txt')]);
    expect(fix.code).toBe(2);
    expect(fix.err).toMatch(/不修改此文件/);
    expect(fs.readFileSync(path.join(dir, 'cut.txt')).equals(before)).toBe(true);
  });

  it('reads .jianggao.json: a rule turned to error fails the check, a malformed config is reported', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '同志们：\n今年增长×%。\n');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    const r = run(['check', path.join(dir, 'a.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('error placeholder');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), '{ "rules": ');
    const broken = run(['check', path.join(dir, 'a.txt')]);
    expect(broken.code).toBe(0);
    expect(broken.err).toContain('不是有效的 JSON');
    expect(broken.out).toContain('warning placeholder');
  });
});

describe('jianggao outline and placeholders', () => {
  it('outline JSON lists every announcement, matched or not, with its items', () => {
    const r = run(['outline', '--format', 'json', path.join(SEED_DIR, 'seed004.txt')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const byLine = json.announcements.map((a: any) => [a.range.start.line + 1, a.announced, a.found]);
    expect(byLine).toEqual([[49, 4, 4], [53, 3, 2], [57, 3, 3], [67, 5, 4], [69, 3, 3], [71, 3, 3], [73, 3, 3], [75, 4, 4]]);
    expect(json.announcements[1].items.map((i: any) => i.text)).toEqual(['一、统一思想、凝聚共识,将"项目为王"理念真正嵌入脑海', '二、突出重点、聚焦关键,以"超常之法"抓实高质量项目建设']);
    expect(json.symbols[1].name).toBe('在全市高质量项目建设年动员大会上的讲话');
  });

  it('placeholders lists per-file counts', () => {
    const r = run(['placeholders', '--format', 'json', SEED_DIR]);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: any) => f.count)).toEqual([187, 0, 122, 22, 0]);
    const text = run(['placeholders', path.join(SEED_DIR, 'seed003.txt')]).out;
    expect(text).toContain('seed003.txt: 22 处占位符');
  });

  it('placeholders over a large folder is spread over worker threads and reports the same, in the same order, as one thread', () => {
    const dir = tmpdir();
    const seeds = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 120; i++) {
      const sub = path.join(dir, `part${i % 3}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.copyFileSync(path.join(SEED_DIR, seeds[i % seeds.length]), path.join(sub, `d${String(i).padStart(3, '0')}.txt`));
    }
    // A file that cannot be read as a draft, and a broken config over one part: each said once, the rest reported.
    fs.writeFileSync(path.join(dir, 'part1', 'binary.txt'), Buffer.from([0, 1, 2, 0, 255]));
    fs.writeFileSync(path.join(dir, 'part2', '.jianggao.json'), '{ "rules": ');
    const scan = (threads: string, format: string) => spawnSync(process.execPath, [CLI, 'placeholders', '--format', format, dir], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, JIANGGAO_THREADS: threads } });
    for (const format of ['json', 'text']) {
      const one = scan('1', format);
      const many = scan('3', format);
      // (Compared as booleans: a failing toBe would print megabytes.)
      expect(many.stdout === one.stdout, 'the same report').toBe(true);
      expect(many.stderr).toBe(one.stderr);
      expect(many.status).toBe(2);
      expect(one.stderr.match(/binary\.txt/g)).toHaveLength(1);
      expect(one.stderr.match(/\.jianggao\.json/g)).toHaveLength(1);
    }
    const files = JSON.parse(scan('3', 'json').stdout).files;
    expect(files).toHaveLength(120);
    expect(files.map((f: { path: string }) => f.path)).toEqual([...files.map((f: { path: string }) => f.path)].sort());
    expect(files.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(24 * (187 + 122 + 22));
  });

  it('rules prints the table the README carries', () => {
    const table = run(['rules']).out.trim();
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain(table);
  });
});

describe('ignore files', () => {
  it('.jianggaoignore (gitignore syntax, character classes, dir/**) and `ignore` in .jianggao.json keep files out of a folder walk; a file named on the command line is still checked', () => {
    const dir = tempDir('jg-ignore-');
    for (const d of ['drafts', 'archive/2023', 'build']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of ['drafts/a.txt', 'drafts/v1.txt', 'drafts/v12.txt', 'archive/2023/old.txt', 'build/out.txt']) fs.writeFileSync(path.join(dir, f), '今年增长×%。\n');
    fs.writeFileSync(path.join(dir, '.jianggaoignore'), '\ufeffarchive/**\ndrafts/v[0-9].txt\n');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ ignore: ['build/'] }));
    const r = spawnSync(process.execPath, [CLI, 'placeholders', '--format', 'json', dir], { encoding: 'utf8', cwd: os.tmpdir() });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(dir, f.path)).sort()).toEqual([path.join('drafts', 'a.txt'), path.join('drafts', 'v12.txt')]);
    const explicit = spawnSync(process.execPath, [CLI, 'placeholders', '--format', 'json', path.join(dir, 'build', 'out.txt')], { encoding: 'utf8' });
    expect(JSON.parse(explicit.stdout).files).toHaveLength(1);
  });
});

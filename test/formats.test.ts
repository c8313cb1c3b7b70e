import { spawnSync } from 'child_process';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/core';

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const SEED = path.join('test', 'fixtures', 'seeds', 'seed004.txt');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 30000 });

describe('output for CI and review tools', () => {
  it('SARIF 2.1.0 passes the official schema, with every rule and 1-based regions', () => {
    const r = run(['check', '--format', 'sarif', SEED]);
    const log = JSON.parse(r.stdout);
    // The official SARIF 2.1.0 JSON schema (draft-04), as Microsoft's jest-sarif ships it.
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    expect(driver.rules[0].helpUri).toMatch(/docs\/rules\/announced-count\.md$/);
    const count = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'announced-count');
    // seed004 line 53 (1-based), as the JSON contract says line 52 (0-based).
    expect(count.locations[0].physicalLocation.region.startLine).toBe(53);
    expect(count.level).toBe('warning');
    expect(log.runs[0].results.every((x: { level: string }) => x.level !== 'none')).toBe(true);
  });

  it('rdjson for reviewdog and GitHub workflow commands carry the same problems', () => {
    const rd = JSON.parse(run(['check', '--format', 'rdjson', SEED]).stdout);
    const gh = run(['check', '--format', 'github', SEED]).stdout.trim().split('\n');
    expect(rd.diagnostics.length).toBe(gh.length);
    const count = rd.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'announced-count');
    expect(count.location.range.start.line).toBe(53);
    expect(gh.find((l) => l.includes('announced-count'))).toMatch(/^::warning file=test\/fixtures\/seeds\/seed004\.txt,line=53,col=\d+,endLine=53,endColumn=\d+,title=讲稿 announced-count::宣布了3点/);
  });

  it('--stdin with --stdin-filename: the name decides the file type and where the result is reported', () => {
    const r = run(['check', '--format', 'json', '--stdin', '--stdin-filename', 'drafts/a.md'], '同志们：\n今年增长×%。\n');
    const out = JSON.parse(r.stdout);
    expect(out.files[0].path).toBe(path.resolve('drafts/a.md'));
    expect(out.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['placeholder']);
    expect(run(['check', '--stdin', SEED]).status).toBe(2);
  });
});

describe('rules that could not run', () => {
  it('the JSON says so at the top level when the segmenter does not load; the rest is checked', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', SEED], {
      encoding: 'utf8',
      env: { ...process.env, JIANGGAO_JIEBA_MODULE: 'nodejieba-that-does-not-exist' },
      timeout: 30000,
    });
    const out = JSON.parse(r.stdout);
    expect(out.skipped.map((s: { rule: string }) => s.rule)).toEqual(['duplicate-word']);
    expect(out.skipped[0].reason).toBeTruthy();
    expect(out.files[0].diagnostics.some((d: { code: string }) => d.code === 'announced-count')).toBe(true);
  });
});

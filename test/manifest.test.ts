import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../server/src/core';

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('the extension manifest', () => {
  it('every %key% it uses has an English and a Chinese text', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
      for (const k of keys) expect(nls[k], `${file}: ${k}`).toBeTruthy();
    }
  });

  it('the README documents every setting', () => {
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      const short = key.replace(/^jianggao\./, '').split('.').pop()!;
      expect(readme.includes(key) || readme.includes(short), key).toBe(true);
    }
  });

  it('every command has a localized title; the config schema names exactly the rules there are', () => {
    for (const c of pkg.contributes.commands) expect(c.title).toMatch(/^%command\./);
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'jianggao.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

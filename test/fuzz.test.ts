// A seeded fuzz run in CI: thousands of random drafts through the core, a folder of
// them through the CLI, and a stream of them through the language server. Nothing
// may throw, every range stays inside the text, and the server keeps answering.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, documentStats, documentSymbols, foldingRanges, parseDocument } from '../server/src/core';
import { hoverAt } from '../server/src/core/features/hover';
import { loadStockPhrases } from '../server/src/resources';
import { fuzzDraft, rng } from './fuzzDrafts';
import { LspClient } from './lspClient';
import { tempDir } from './tempDirs';

const SEED = 20261124;

describe('fuzz (seeded)', () => {
  it('3,000 random drafts through the core: no throw, ranges inside the text', () => {
    const random = rng(SEED);
    const { matcher } = loadStockPhrases(defaultConfig());
    for (let i = 0; i < 3000; i++) {
      const text = fuzzDraft(random);
      const doc = parseDocument(text, { markdown: i % 3 === 0 });
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of checkDocument(doc, { config: defaultConfig(), resources: { stockPhrases: matcher } })) {
        for (const p of [d.range.start, d.range.end]) {
          expect(p.line, `draft ${i}`).toBeLessThan(lines.length);
          expect(p.character, `draft ${i}`).toBeLessThanOrEqual(lines[p.line].length);
        }
      }
      documentSymbols(doc, matcher);
      foldingRanges(doc);
      documentStats(doc, matcher);
      hoverAt(doc, Math.floor(random() * (text.length + 1)), matcher);
    }
  });

  it('a folder of random drafts through the CLI: every file reported, valid JSON', () => {
    const random = rng(SEED + 1);
    const dir = tempDir('jg-fuzz-');
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.txt`), fuzzDraft(random, 400));
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'server', 'out', 'cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', timeout: 60000 });
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    expect(JSON.parse(r.stdout).files).toHaveLength(40);
  });

  let client: LspClient | undefined;
  afterAll(async () => client?.stop());

  it('200 random drafts opened and edited in the language server: it keeps answering', async () => {
    const random = rng(SEED + 2);
    const dir = tempDir('jg-fuzz-ls-');
    client = new LspClient();
    await client.initialize(dir);
    for (let i = 0; i < 200; i++) {
      const uri = pathToFileURL(path.join(dir, `f${i}.speech`)).toString();
      client.open(uri, fuzzDraft(random));
      client.change(uri, 2, [{ text: fuzzDraft(random) }]);
    }
    const last = pathToFileURL(path.join(dir, 'last.speech')).toString();
    client.open(last, '同志们：\n今年增长×%。\n');
    const published = await client.diagnostics(last, () => true, 60000);
    expect(published.diagnostics.map((d) => d.code)).toContain('placeholder');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: last } });
    expect(Array.isArray(symbols)).toBe(true);
  }, 120000);
});

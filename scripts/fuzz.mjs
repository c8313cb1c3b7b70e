// npm run fuzz: the long fuzz run (10,000 seeded drafts and 5 MB cases) through the
// core, printing its figures. The CI suite runs a shorter seeded run (test/fuzz.test.ts).
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
require('esbuild').buildSync({ entryPoints: ['test/fuzzDrafts.ts'], outfile: 'out/fuzzDrafts.cjs', format: 'cjs', platform: 'node', logLevel: 'error' });
const { fuzzDraft, rng } = require('../out/fuzzDrafts.cjs');
const core = require('../server/out/core');
const { loadStockPhrases } = require('../server/out/resources');
const { matcher } = loadStockPhrases(core.defaultConfig());
const count = Number(process.argv[2] ?? 10000);
const random = rng(Number(process.argv[3] ?? 1));
let failures = 0;
let worst = 0;
const started = Date.now();
for (let i = 0; i < count; i++) {
  const text = fuzzDraft(random, 600);
  const t = Date.now();
  try {
    core.checkDocument(core.parseDocument(text), { config: core.defaultConfig(), resources: { stockPhrases: matcher } });
  } catch (e) {
    failures++;
    console.log(`draft ${i} threw: ${e.message}`);
  }
  worst = Math.max(worst, Date.now() - t);
}
console.log(`${count} drafts in ${((Date.now() - started) / 1000).toFixed(1)} s, slowest ${worst} ms, ${failures} threw`);
for (const [name, text] of [['130,000 headings', '（一）\n'.repeat(130000)], ['2.2 M dashes', '-'.repeat(2_200_000)], ['2.2 M asterisks', '*'.repeat(2_200_000)], ['5 MB of 某', '某'.repeat(1_700_000)], ['5 MB of a speech', '同志们：\n下面，我讲三点意见。\n一、提高认识\n今年增长×%。\n'.repeat(60000)]]) {
  const t = Date.now();
  try {
    const n = core.checkDocument(core.parseDocument(text), { config: core.defaultConfig(), resources: { stockPhrases: matcher } }).length;
    console.log(`${name}: ${Date.now() - t} ms, ${n} diagnostics`);
  } catch (e) {
    failures++;
    console.log(`${name}: threw ${e.message}`);
  }
}
process.exitCode = failures ? 1 : 0;

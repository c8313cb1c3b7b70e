// The segmenter's word list: nodejieba's own dictionary without its rarer words
// (frequency below 100: 36k of 350k words). duplicate-word is all that segments, and it compares
// two- and three-word phrases, so a compound the list no longer knows is still found. Measured
// (2026-11, words of two or three characters doubled at random in 2,094 development sentences):
// frequency ≥ 100 flags 488, ≥ 20 flags 471, each within a few of the other's decisions; both
// flag none of 50 sentences with a legitimate reduplication (研究研究, 实实在在, 方方面面…), and the
// development texts score the same. nodejieba loads it in 0.06 s and +25 MB (≥ 20: 0.13 s, +54 MB;
// the whole list: 0.8 s, 276 MB). Written at build time from node_modules, never committed.

import * as fs from 'fs';
import * as path from 'path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const source = path.join(root, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
const target = path.join(root, 'dictionaries', 'jieba', 'jieba.dict.utf8');
const MIN_FREQUENCY = 100;

if (!fs.existsSync(source)) {
  console.error(`jieba-dict: ${source} missing (did npm ci install nodejieba?); the segmenter will use nodejieba's default dictionary`);
  process.exit(0);
}
const kept = fs
  .readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => Number(line.split(' ')[1]) >= MIN_FREQUENCY);
// Written whole, then renamed: an interrupted build leaves no half dictionary for nodejieba to abort on.
fs.writeFileSync(`${target}.tmp`, kept.join('\n') + '\n');
fs.renameSync(`${target}.tmp`, target);
console.log(`jieba-dict: ${kept.length} words (frequency ≥ ${MIN_FREQUENCY}) → ${path.relative(root, target)}`);

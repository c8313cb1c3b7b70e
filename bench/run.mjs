// npm run bench: prints speed and memory figures. Not a test: these machines
// are shared and noisy, so compare ratios, and note the machine with the figures.

import { spawn } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = require(path.join(root, 'server/out/core'));
const { loadStockPhrases } = require(path.join(root, 'server/out/resources'));
const { loadJieba } = require(path.join(root, 'server/out/segmenter/jieba'));
const rpc = require('vscode-jsonrpc/node');

const seeds = fs.readdirSync(path.join(root, 'test/fixtures/seeds')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(root, 'test/fixtures/seeds', f), 'utf8'));
let big = '';
while (big.length < 400_000) big += seeds.join('\n');
const draft10k = seeds.join('\n').slice(0, 10_000);
const mb = Buffer.byteLength(big, 'utf8') / 1e6;

function time(fn, minMs = 1500) {
  fn();
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    n++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / n;
}

const config = core.defaultConfig();
const { matcher } = loadStockPhrases(config);
const resources = { stockPhrases: matcher };
const fastMs = time(() => core.checkDocument(core.parseDocument(big), { config, resources, only: 'fast' }));
const parseMs = time(() => core.parseDocument(big));
const jieba = loadJieba();
const segMs = jieba.ok ? time(() => core.checkDocument(core.parseDocument(big), { config, resources, segmenter: jieba.segmenter }), 3000) : NaN;
const ac = require('autocorrect-node');
// autocorrect-node's lintFor answers a text over about 250,000 characters only on the first
// call in a process; later calls return no lines ("call limit reached"). Feed it chunks of at
// most 100,000 characters split at line ends, and check it really did the work: the number of
// lines it reports must equal what one valid call on the whole text reports.
function chunks(text, size = 100_000) {
  const out = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    if (end < text.length) end = text.lastIndexOf('\n', end) + 1 || end;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}
const acChunks = chunks(big);
const linesOf = (r) => (Array.isArray(r?.lines) ? r.lines.length : 0);
const acChunked = () => acChunks.reduce((n, c) => n + linesOf(ac.lintFor(c, 'text.txt')), 0);
const acWhole = linesOf(ac.lintFor(big, 'text.txt')); // the first call in this process is valid
const acChunkedLines = acChunked();
const acMs = time(acChunked);
const acAgain = acChunked();

console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`input: ${big.length} characters (${mb.toFixed(2)} MB UTF-8), the seeds concatenated`);
console.log(`parse (document model only):        ${parseMs.toFixed(1)} ms  ${(mb / (parseMs / 1000)).toFixed(1)} MB/s`);
console.log(`rules without segmentation:         ${fastMs.toFixed(1)} ms  ${(mb / (fastMs / 1000)).toFixed(1)} MB/s`);
console.log(`all rules with nodejieba:           ${segMs.toFixed(1)} ms  ${(mb / (segMs / 1000)).toFixed(1)} MB/s${jieba.ok ? '' : ' (nodejieba unavailable)'}`);
console.log(`autocorrect-node lintFor, same text: ${acMs.toFixed(1)} ms  ${(mb / (acMs / 1000)).toFixed(1)} MB/s (${acChunks.length} chunks of ≤100,000 characters)`);
console.log(`  check: one whole-text call reports ${acWhole} lines; the chunks report ${acChunkedLines}, and ${acAgain} after the timing runs — ${acWhole > 0 && acChunkedLines === acWhole && acAgain === acWhole ? 'the peer did the work it is timed for' : 'MISMATCH: the timing of autocorrect is not trustworthy'}`);
console.log(`ratio jianggao (no segmentation) / autocorrect time: ${(fastMs / acMs).toFixed(2)}`);

// The real server over stdio.
function rssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return NaN;
  }
}
function childPids(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function server() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianggao-bench-'));
  const started = Date.now();
  const proc = spawn(process.execPath, [path.join(root, 'server/out/languageServer.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, JIANGGAO_DEBOUNCE_MS: '0', JIANGGAO_TRACE_TIMING: process.env.JIANGGAO_TRACE_TIMING ?? '' } });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  if (process.env.JIANGGAO_TRACE_TIMING) conn.onNotification('window/logMessage', (m) => console.log('  server:', m.message));
  conn.listen();
  const published = (pred) => new Promise((resolve) => waiters.push((p) => (pred(p) ? (resolve(p), true) : false)));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const rssBefore = rssKb(proc.pid);

  const small = pathToFileURL(path.join(dir, 'draft.speech')).toString();
  let t = performance.now();
  const first = published((p) => p.uri === small);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'speech', version: 1, text: draft10k } });
  await first;
  const openMs = performance.now() - t;
  const coldMs = Date.now() - started;

  // Wait for the segmenter child to report ready (segmented findings arrive).
  const withSegments = published((p) => p.uri === small && p.diagnostics.some((d) => d.code === 'duplicate-word'));
  await Promise.race([withSegments, new Promise((r) => setTimeout(r, 15000))]);
  const kids = childPids(proc.pid);
  const rssAfter = rssKb(proc.pid);
  const rssSegmenter = kids.reduce((a, k) => a + rssKb(k), 0);

  const large = pathToFileURL(path.join(dir, 'large.speech')).toString();
  const opened = published((p) => p.uri === large && p.version === 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: large, languageId: 'speech', version: 1, text: big } });
  await opened;
  const edits = [];
  for (let v = 2; v < 12; v++) {
    const done = published((p) => p.uri === large && p.version === v);
    t = performance.now();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: large, version: v },
      contentChanges: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: '增长×%。' }],
    });
    await done;
    edits.push(performance.now() - t);
  }
  edits.sort((a, b) => a - b);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  proc.kill();
  console.log(`server: open → first diagnostics, 10k-character draft: ${openMs.toFixed(0)} ms (process start → first diagnostics, cold: ${coldMs} ms)`);
  console.log(`server: edit → diagnostics on ${big.length} characters, median of 10: ${edits[5].toFixed(0)} ms (debounce set to 0 for the measurement, the editor waits 150 ms more; best ${edits[0].toFixed(0)} ms)`);
  console.log(`server RSS: ${(rssBefore / 1024).toFixed(0)} MB before nodejieba, ${(rssAfter / 1024).toFixed(0)} MB after; segmenter process ${(rssSegmenter / 1024).toFixed(0)} MB`);
}
if (!process.env.JIANGGAO_BENCH_ONLY_SCAN) await server();

// `jianggao placeholders` over a folder of 5,000 drafts (the seeds, repeated), beside `cat` of the same
// files. Peak memory is the CLI process's own (getrusage of the child: maxrss).
async function placeholderScan() {
  const { spawnSync } = await import('child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jg-bench-scan-'));
  const names = fs.readdirSync(path.join(root, 'test/fixtures/seeds')).filter((f) => f.endsWith('.txt'));
  let bytes = 0;
  for (let i = 0; i < 5000; i++) {
    const sub = path.join(dir, String(Math.floor(i / 500)));
    if (i % 500 === 0) fs.mkdirSync(sub);
    const text = fs.readFileSync(path.join(root, 'test/fixtures/seeds', names[i % names.length]));
    fs.writeFileSync(path.join(sub, `d${i}.txt`), text);
    bytes += text.length;
  }
  const run = (cmd, args) => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
    return { ms: performance.now() - t, r };
  };
  const cli = path.join(root, 'server/out/cli.js');
  const ours = [];
  let out;
  for (let i = 0; i < 3; i++) {
    const { ms, r } = run('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'placeholders', '--format', 'json', dir]);
    ours.push({ ms, kb: Number(String(r.stderr).trim().split('\n').pop()) });
    out = r.stdout;
  }
  const cats = [];
  let catBytes = 0;
  for (let i = 0; i < 3; i++) {
    const { ms, r } = run('sh', ['-c', `find "${dir}" -type f -name '*.txt' -exec cat {} +`]);
    cats.push(ms);
    catBytes = r.stdout.length;
  }
  const files = JSON.parse(out).files;
  const perSeed = new Map(names.map((n) => [n, core.checkDocument(core.parseDocument(fs.readFileSync(path.join(root, 'test/fixtures/seeds', n), 'utf8')), { config: core.defaultConfig() }).filter((d) => d.code === 'placeholder').length]));
  let expected = 0;
  for (let i = 0; i < 5000; i++) expected += perSeed.get(names[i % names.length]);
  const found = files.reduce((n, f) => n + f.count, 0);
  ours.sort((a, b) => a.ms - b.ms);
  cats.sort((a, b) => a - b);
  console.log(`placeholders --format json over 5,000 drafts (${(bytes / 1e6).toFixed(1)} MB): best ${ours[0].ms.toFixed(0)} ms, median ${ours[1].ms.toFixed(0)} ms, peak RSS ${(Math.max(...ours.map((o) => o.kb)) / 1024).toFixed(0)} MB (${(bytes / 1e6 / (ours[0].ms / 1000)).toFixed(1)} MB/s; goal: 47 MB in ≤ 2,000 ms, i.e. ≥ 23.5 MB/s)`);
  console.log(`  peer: cat of the same files: best ${cats[0].toFixed(0)} ms, median ${cats[1].toFixed(0)} ms`);
  console.log(`  check: ${files.length} files, ${found} placeholders reported (${expected} expected from the core); cat read ${catBytes} of ${bytes} bytes — ${files.length === 5000 && found === expected && catBytes === bytes ? 'both did the work' : 'MISMATCH'}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
await placeholderScan();

// The CLI as a whole process on the 400k draft (segmentation on), beside autocorrect's own CLI on the same file.
async function cliWhole() {
  const { spawnSync } = await import('child_process');
  const file = path.join(os.tmpdir(), `jg-bench-${process.pid}.txt`);
  fs.writeFileSync(file, big);
  const best = (cmd, args) => {
    let min = Infinity;
    let out;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      out = spawnSync(cmd, args, { maxBuffer: 1 << 30, encoding: 'utf8' });
      min = Math.min(min, performance.now() - t);
    }
    return { ms: min, out };
  };
  const ours = best(process.execPath, [path.join(root, 'server/out/cli.js'), 'check', '--format', 'json', file]);
  const theirs = best(process.execPath, [path.join(root, 'node_modules/autocorrect-node/cli.js'), '--lint', '--format', 'json', file]);
  const reported = JSON.parse(ours.out.stdout).files[0].diagnostics;
  const segmented = reported.filter((d) => d.code === 'duplicate-word').length;
  let theirLines = 0;
  try {
    theirLines = JSON.parse(theirs.out.stdout).messages?.reduce((n, m) => n + (m.lines?.length ?? 0), 0) ?? 0;
  } catch {
    theirLines = -1;
  }
  console.log(`CLI check, whole process, ${big.length} characters: ${ours.ms.toFixed(0)} ms (${reported.length} diagnostics, ${segmented} from the segmented rule); autocorrect CLI --lint: ${theirs.ms.toFixed(0)} ms (${theirLines} lines reported) — ratio ${(ours.ms / theirs.ms).toFixed(2)} (goal ≤ 1)`);
  fs.rmSync(file, { force: true });
}
await cliWhole();

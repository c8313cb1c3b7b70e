#!/usr/bin/env node
// jianggao: the command-line checker. A thin shell over the analysis core.

import * as path from 'path';
import { announcementReport, byPosition, checkDocument, DEFAULT_PACE, Diagnostic, documentStats, documentSymbols, DocumentSymbol, parseDocument, RULES, TextMemo } from './core';
import * as fs from 'fs';
import { decodeDraft, expandPaths, isMarkdownPath, readDraft } from './files';
import { isDocxPath, readDocx } from './docx';
import { cliIgnores } from './ignoreFiles';
import { textLine, toGithub, toRdjson, toSarif } from './reportFormats';
import { configLoader, placeholderDiagnostics, reportFile, scanFiles, scanThreads, type ScanOptions, type ScanResult } from './placeholderScan';
import type * as FixFiles from './fixFiles';
import { ruleTableMarkdown } from './ruleTable';
import { loadStockPhrases, segmenterWords } from './resources';
import { stockPhraseDensity } from './core/features/stats';
import { BackgroundSegmenter } from './segmenter/background';
import { textsToSegment } from './core/rules/duplicateWord';
import type { JianggaoConfig } from './core';

const USAGE = `用法：
  jianggao check [--format text|json|sarif|rdjson|github] [--max-warnings N] [--fail-on RULE[,RULE]] [--config FILE] PATH...
  jianggao check --stdin [--stdin-filename NAME] …     （从标准输入读一篇讲稿）
  jianggao outline [--format text|json] FILE
  jianggao placeholders [--format text|json] PATH...
  jianggao stats [--format text|json] [--pace 字/分钟] PATH...
  jianggao fix [--dry-run] [--rules RULE[,RULE]] PATH...   （应用确定的修复：转换残留、繁体字、标点、硬换行、数字用法、序号标点）
  jianggao rules [--format markdown|json]

PATH 可以是文件或文件夹（递归检查 .txt .md .speech .docx；.docx 按 Word 自动编号还原序号）。
团队词典、片段库和 extends 只从当前文件夹、配置文件所在文件夹和已安装的包（node_modules）读取；别处的用 --allow-path DIR 放行（可重复）。
退出码：0 通过；1 发现错误级问题、--fail-on 指定的问题或警告超过 --max-warnings；2 用法或文件错误。`;

class UsageError extends Error {}

const VERSION = (() => {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
  } catch {
    return '0.0.0';
  }
})();

interface Args {
  command: string;
  format: string;
  maxWarnings: number | null;
  failOn: string[];
  config: string | null;
  /** Folders outside the working folder that team data may be read from. */
  allowPaths: string[];
  paths: string[];
  /** Characters a minute, for speaking time. */
  pace: number;
  /** Read one draft from standard input; its name decides config lookup and Markdown. */
  stdin?: boolean;
  stdinFilename?: string;
  dryRun?: boolean;
  /** fix: only these rules' fixes. */
  rules?: string[];
}

/** A line on stderr, named as the tool's (a warning or an error the exit code also tells of). */
function warn(message: string): void {
  process.stderr.write(`jianggao: ${message}\n`);
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('');
  if (!['check', 'outline', 'placeholders', 'stats', 'fix', 'rules'].includes(command)) throw new UsageError(`未知命令：${command}`);
  const args: Args = { command, format: command === 'rules' ? 'markdown' : 'text', maxWarnings: null, failOn: [], config: null, paths: [], pace: DEFAULT_PACE, allowPaths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} 需要一个值`);
      return v;
    };
    if (a === '--format') args.format = value();
    else if (a === '--max-warnings') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings 需要非负整数，收到“${v}”`);
      args.maxWarnings = Number(v);
    } else if (a === '--fail-on') args.failOn.push(...value().split(',').filter(Boolean));
    else if (a === '--config') args.config = value();
    else if (a === '--allow-path') args.allowPaths.push(path.resolve(value()));
    else if (a === '--stdin') args.stdin = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--rules') args.rules = value().split(',').filter(Boolean);
    else if (a === '--stdin-filename') args.stdinFilename = value();
    else if (a === '--pace') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) === 0) throw new UsageError(`--pace 需要正整数（每分钟字数），收到“${v}”`);
      args.pace = Number(v);
    }
    else if (a.startsWith('--')) throw new UsageError(`未知选项：${a}`);
    else args.paths.push(a);
  }
  const formats = command === 'rules' ? ['markdown', 'json'] : command === 'check' || command === 'placeholders' ? ['text', 'json', 'sarif', 'rdjson', 'github'] : ['text', 'json'];
  if (!formats.includes(args.format)) throw new UsageError(`--format 只能是 ${formats.join(' 或 ')}`);
  for (const id of args.failOn) if (!RULES.some((r) => r.meta.id === id)) throw new UsageError(`--fail-on：没有名为“${id}”的规则`);
  for (const id of args.rules ?? []) if (!RULES.some((r) => r.meta.id === id)) throw new UsageError(`--rules：没有名为“${id}”的规则`);
  if (command === 'fix' && args.stdin) throw new UsageError('fix 只改文件，不读标准输入');
  if (args.stdin && args.paths.length > 0) throw new UsageError('--stdin 与文件路径不能同时使用');
  if (command !== 'rules' && args.paths.length === 0 && !args.stdin) throw new UsageError('请给出要检查的文件或文件夹');
  if (command === 'outline' && args.paths.length !== 1) throw new UsageError('outline 只接受一个文件');
  return args;
}

interface Loaded {
  file: string;
  text: string;
}

function load(paths: string[], errors: string[], config: string | null): Loaded[] {
  const ignored = cliIgnores(config);
  const { files, problems } = expandPaths(paths, ignored.ignores);
  errors.push(...ignored.problems);
  errors.push(...problems);
  const out: Loaded[] = [];
  for (const file of files) {
    const r = readDraft(file);
    if (r.ok) out.push({ file, text: r.text });
    else errors.push(`${file}: ${r.reason}`);
    // Read, but not whole: said, without failing the run.
    if (r.ok && r.warning) warn(`${file}: ${r.warning}`);
  }
  return out;
}

class FileError extends Error {}

function readStdin(name: string, errors: string[]): Loaded[] {
  const bytes = fs.readFileSync(0);
  const r = isDocxPath(name) ? readDocx(bytes) : decodeDraft(bytes);
  if (!r.ok) {
    errors.push(`标准输入：${r.reason}`);
    return [];
  }
  if ('warning' in r && r.warning) warn(`标准输入：${r.warning}`);
  return [{ file: path.resolve(name), text: r.text }];
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'rules') {
    process.stdout.write(
      args.format === 'json' ? JSON.stringify(RULES.map((r) => r.meta), null, 2) + '\n' : ruleTableMarkdown() + '\n',
    );
    return 0;
  }
  const errors: string[] = [];
  if (args.command === 'placeholders' && (args.format === 'json' || args.format === 'text')) return placeholdersCommand(args, errors);
  const drafts = args.stdin ? readStdin(args.stdinFilename ?? 'stdin.speech', errors) : load(args.paths, errors, args.config ? path.resolve(args.config) : null);
  const fileErrors = errors.length;
  const configFor = cliConfigLoader(args, errors);
  let exit = 0;
  if (args.command === 'fix') {
    // Loaded for `fix` only (with its diff library): the other commands start without it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { fixFile } = require('./fixFiles') as typeof FixFiles;
    // The files expanded from the paths, not their text: fixFile reads each itself to keep its bytes' encoding.
    for (const d of drafts) {
      if (isDocxPath(d.file)) {
        warn(`${d.file}: .docx 只检查不修改，已跳过`);
        continue;
      }
      const r = fixFile(d.file, configFor(d.file), { dryRun: !!args.dryRun, rules: args.rules ?? null });
      if (r.error) {
        errors.push(`${d.file}: ${r.error}`);
        exit = 2;
      } else if (r.diff) process.stdout.write(r.diff);
      else if (r.edits) process.stdout.write(`${d.file}: 已修复 ${r.edits} 处\n`);
    }
  } else if (args.command === 'stats') {
    const files = drafts.map((d) => {
      const config = configFor(d.file);
      const doc = parseDocument(d.text, { markdown: isMarkdownPath(d.file), placeholders: config.placeholders });
      return { path: d.file, ...documentStats(doc, loadStockPhrases(config).matcher, args.pace) };
    });
    if (args.format === 'json') process.stdout.write(JSON.stringify({ files }, null, 1) + '\n');
    else
      for (const f of files) {
        process.stdout.write(`${f.path}: ${f.chars} 字，约 ${f.speakingMinutes} 分钟（每分钟 ${args.pace} 字）\n`);
        for (const s of f.speeches) {
          const top = s.stockPhrases.top.slice(0, 3).map((t) => `${t.phrase}×${t.count}`).join('、');
          process.stdout.write(`  ${s.title || '（无标题）'}  ${s.chars} 字，约 ${s.speakingMinutes} 分钟；套话 ${s.stockPhrases.count} 处，每千字 ${s.stockPhrases.per1000}${top ? `（${top}）` : ''}\n`);
          for (const p of s.parts) process.stdout.write(`    ${p.name}  ${p.chars} 字，套话每千字 ${p.stockPhrasesPer1000}\n`);
        }
      }
  } else if (args.command === 'outline') {
    const d = drafts[0];
    if (!d) throw new FileError(errors.join('\n'));
    const config = configFor(d.file);
    const doc = parseDocument(d.text, { markdown: isMarkdownPath(d.file), placeholders: config.placeholders });
    const symbols = documentSymbols(doc, loadStockPhrases(config).matcher);
    const announcements = announcementReport(doc);
    if (args.format === 'json') process.stdout.write(JSON.stringify({ path: d.file, symbols, announcements }, null, 1) + '\n');
    else {
      const print = (s: DocumentSymbol, depth: number) => {
        process.stdout.write(`${'  '.repeat(depth)}${s.name}  [${s.range.start.line + 1}]${s.detail && s.detail !== '讲话' ? `  ${s.detail}` : ''}\n`);
        s.children.forEach((c) => print(c, depth + 1));
      };
      symbols.forEach((s) => print(s, 0));
      for (const a of announcements)
        process.stdout.write(`宣布 ${a.range.start.line + 1}行 “${a.text}”：宣布 ${a.announced ?? '几'} 点，找到 ${a.found} 点\n`);
    }
  } else {
    const results: { path: string; diagnostics: Diagnostic[]; density?: number }[] = [];
    // Rules that could not run (the segmenter did not load): said at the top of the JSON.
    const skipped: { rule: string; reason: string }[] = [];
    // nodejieba loads (0.06 s) in its own process while the draft is checked, and only when a draft
    // says something twice in a row (duplicate-word's own test): most drafts never need it.
    let background: BackgroundSegmenter | undefined;
    let ready: Promise<boolean> | undefined;
    const startSegmenter = (words: string[]) => {
      if (background) return;
      let settle: (ok: boolean) => void = () => undefined;
      ready = new Promise<boolean>((resolve) => (settle = resolve));
      background = new BackgroundSegmenter((state, reason) => {
        if (state === 'failed') {
          errors.push(`${reason}；依赖分词的规则（duplicate-word）已跳过，其余规则照常检查`);
          for (const rule of RULES.filter((x) => x.meta.needsSegmenter)) skipped.push({ rule: rule.meta.id, reason });
        }
        settle(state === 'ready');
      });
      background.start(words);
    };
    const needsSegmenter = (config: JianggaoConfig) => args.command === 'check' && RULES.some((r) => r.meta.needsSegmenter && config.rules[r.meta.id] !== 'off');
    for (const d of drafts) {
      const config = configFor(d.file);
      let diagnostics: Diagnostic[];
      let density: number | undefined;
      // placeholders in a review format (SARIF, rdjson, github); text and JSON stream from placeholdersCommand.
      if (args.command === 'placeholders') diagnostics = placeholderDiagnostics(d.text, d.file, config);
      else {
        const doc = parseDocument(d.text, { markdown: isMarkdownPath(d.file), placeholders: config.placeholders });
        const dictionaries = loadStockPhrases(config);
        for (const p of dictionaries.problems) errors.push(`${p.file}${p.line !== null ? `:${p.line + 1}` : ''}: ${p.message}`);
        const resources = { stockPhrases: dictionaries.matcher };
        // Which paragraphs need segmenting is worked out once: the rule asks the same of the same memo.
        const asked = new TextMemo();
        const toSegment = needsSegmenter(config) ? textsToSegment(doc.paragraphs, asked) : [];
        const teamWords = toSegment.length ? segmenterWords(dictionaries.matcher) : [];
        if (toSegment.length) startSegmenter(teamWords);
        diagnostics = checkDocument(doc, { config, resources, only: 'fast' });
        if (toSegment.length && background && (await ready)) {
          background.addWords(teamWords);
          try {
            const segmenter = await background.segmenterFor(toSegment);
            diagnostics = [...diagnostics, ...checkDocument(doc, { config, resources, segmenter, only: 'segmented', memo: asked })].sort(byPosition);
          } catch (e) {
            errors.push(`${d.file}: 分词失败（${(e as Error).message}），duplicate-word 未检查`);
          }
        }
        // Reported when the rule ran and found something, as before the measure left the findings.
        if (diagnostics.some((x) => x.code === 'stock-phrase')) density = stockPhraseDensity(doc, resources.stockPhrases);
      }
      results.push({ path: d.file, diagnostics, density });
    }
    background?.stop();
    const all = results.flatMap((r) => r.diagnostics);
    const failing = all.filter((x) => x.severity === 1 || args.failOn.includes(x.code));
    const warnings = all.filter((x) => x.severity === 2).length;
    if (failing.length > 0) exit = 1;
    if (args.maxWarnings !== null && warnings > args.maxWarnings) exit = 1;
    // Hints are measures (a single stock phrase), not review comments: CI formats leave them out.
    const annotations = results.map((r) => ({ path: r.path, diagnostics: r.diagnostics.filter((x) => x.severity < 4) }));
    if (args.format === 'sarif') process.stdout.write(JSON.stringify(toSarif(annotations, VERSION), null, 1) + '\n');
    else if (args.format === 'rdjson') process.stdout.write(JSON.stringify(toRdjson(annotations)) + '\n');
    else if (args.format === 'github') {
      const lines = toGithub(annotations);
      if (lines) process.stdout.write(lines + '\n');
    } else if (args.format === 'json') {
      // One compact line per file, as `placeholders` writes: a compilation's findings are megabytes, and
      // indentation more than doubled them (14 → 6 MB for 420k characters) for tools that parse them anyway.
      const files = results.map((r) => JSON.stringify({ path: r.path, diagnostics: r.diagnostics }));
      const head = skipped.length ? `"skipped":${JSON.stringify(skipped)},` : '';
      process.stdout.write(`{${head}"files":[${files.length ? '\n' + files.join(',\n') + '\n' : ''}]}\n`);
    } else {
      for (const r of results) {
        if (r.density !== undefined) process.stdout.write(`${r.path}: 套话密度 ${r.density} 处/千字\n`);
        // A Word draft has no lines: the text output names the paragraph and quotes it.
        const paragraphs = isDocxPath(r.path) ? drafts.find((d) => d.file === r.path)?.text.split('\n') : undefined;
        for (const x of r.diagnostics) if (x.severity < 4) process.stdout.write(textLine(r.path, x, paragraphs));
      }
      const hints = all.filter((x) => x.severity === 4).length;
      const summary = `${results.length} 个文件，${all.length - hints} 条问题（错误 ${all.filter((x) => x.severity === 1).length}，警告 ${warnings}）${hints ? `，另有 ${hints} 条提示未列出（--format json 可见）` : ''}`;
      process.stdout.write(summary + '\n');
      if (args.failOn.length && failing.length) process.stdout.write(`--fail-on ${args.failOn.join(',')}：${failing.length} 处未通过\n`);
      if (args.maxWarnings !== null && warnings > args.maxWarnings) process.stdout.write(`警告 ${warnings} 条，超过 --max-warnings ${args.maxWarnings}\n`);
    }
  }
  for (const e of errors) warn(e);
  // A file that could not be read is a file error (2), after the others were checked.
  if (fileErrors > 0 || (errors.length && exit === 0 && drafts.length === 0)) exit = 2;
  return exit;
}

/** The config that applies to a file, loaded once per folder; its problems are said once. */
function cliConfigLoader(args: Args, errors: string[]): (file: string) => JianggaoConfig {
  return configLoader(args.config ? path.resolve(args.config) : null, args.allowPaths, errors);
}

/**
 * `jianggao placeholders`: only what finds placeholders runs (a light parse), and each
 * file's result is written as soon as it is known; no file's text is kept after its turn,
 * so memory stays flat however many drafts a folder holds. The JSON stays one valid document.
 * A large folder is spread over worker threads (placeholderScan.ts); the report keeps the files' order.
 */
async function placeholdersCommand(args: Args, errors: string[]): Promise<number> {
  const options: ScanOptions = { configFile: args.config ? path.resolve(args.config) : null, allowPaths: args.allowPaths, json: args.format === 'json', failOn: args.failOn };
  let fileErrors = 0;
  let results: AsyncIterable<ScanResult> | Iterable<ScanResult>;
  if (args.stdin) {
    const loaded = readStdin(args.stdinFilename ?? 'stdin.speech', errors);
    results = loaded.map((d) => reportFile(d.file, d.text, cliConfigLoader(args, errors)(d.file), options));
    if (!loaded.length) fileErrors++;
  } else {
    const ignored = cliIgnores(options.configFile);
    const expanded = expandPaths(args.paths, ignored.ignores);
    errors.push(...ignored.problems, ...expanded.problems);
    fileErrors += expanded.problems.length;
    results = scanFiles(expanded.files, options, errors, scanThreads(expanded.files.length));
  }
  // Written as it goes, waiting for the reader when the pipe is full: memory stays flat.
  const out = async (s: string) => {
    if (!process.stdout.write(s)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  if (options.json) await out('{\n "files": [');
  let first = true;
  let total = 0;
  let failing = 0;
  let checked = 0;
  for await (const r of results) {
    if ('error' in r) {
      errors.push(r.error);
      fileErrors++;
      continue;
    }
    if (r.warning) warn(r.warning);
    checked++;
    total += r.count;
    failing += r.failing;
    await out(options.json ? `${first ? '' : ','}\n  ${r.chunk}` : r.chunk);
    first = false;
  }
  if (options.json) await out(first ? ']\n}\n' : '\n ]\n}\n');
  else {
    await out(`${checked} 个文件，${total} 处占位符\n`);
    if (args.failOn.length && failing) await out(`--fail-on ${args.failOn.join(',')}：${failing} 处未通过\n`);
  }
  for (const e of errors) warn(e);
  if (fileErrors > 0 || (checked === 0 && errors.length > 0)) return 2;
  return failing > 0 ? 1 : 0;
}

// `jianggao … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    if (e instanceof UsageError) {
      if (e.message) warn(`${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      process.exitCode = e.message ? 2 : 0;
    } else if (e instanceof FileError) {
      warn(e.message);
      process.exitCode = 2;
    } else throw e;
  },
);

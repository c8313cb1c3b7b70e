// `jianggao placeholders`, one file at a time: read it, find its placeholders (a light parse and the one rule),
// and write its part of the report. The CLI runs it in order, or spreads a large folder over worker threads
// (placeholderWorker.ts) and writes their parts back in the files' order.

import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkDocument, parseDocument, type Diagnostic, type JianggaoConfig } from './core';
import { isDocxPath } from './docx';
import { isMarkdownPath, readDraft } from './files';
import { loadProjectConfig } from './projectConfig';
import { textLine } from './reportFormats';

export interface ScanOptions {
  /** --config, resolved; null to look for .jianggao.json beside each file. */
  configFile: string | null;
  /** Folders outside the working folder that team data may be read from. */
  allowPaths: string[];
  json: boolean;
  failOn: string[];
}

/** One file's part of the report. */
export interface ScanReport {
  /** The file's JSON object, or its text lines. */
  chunk: string;
  count: number;
  /** Errors, and findings of the --fail-on rules. */
  failing: number;
  /** Read, but not whole (a cut-off last character): said on stderr, the run not failed. */
  warning?: string;
}

/** The config that applies to a file, loaded once per folder; its problems go to `errors` once. */
export function configLoader(configFile: string | null, allowPaths: string[], errors: string[]): (file: string) => JianggaoConfig {
  const configs = new Map<string, JianggaoConfig>();
  return (file) => {
    const dir = path.dirname(path.resolve(file));
    let config = configs.get(dir);
    if (!config) {
      const r = loadProjectConfig(configFile, dir, [process.cwd(), ...allowPaths]);
      for (const e of r.errors) errors.push(`${r.file}: ${e}`);
      configs.set(dir, (config = r.config));
    }
    return config;
  };
}

/** Placeholders only: a light parse and the one rule. */
export function placeholderDiagnostics(text: string, file: string, config: JianggaoConfig): Diagnostic[] {
  const doc = parseDocument(text, { markdown: isMarkdownPath(file), placeholders: config.placeholders, placeholdersOnly: true });
  return checkDocument(doc, { config, rules: ['placeholder'] });
}

/** A file's part of the report from its text. */
export function reportFile(file: string, text: string, config: JianggaoConfig, options: ScanOptions): ScanReport {
  const diagnostics = placeholderDiagnostics(text, file, config);
  const failing = diagnostics.filter((x) => x.severity === 1 || options.failOn.includes(x.code)).length;
  // One compact line per file: a scan of thousands of drafts is read by programs, not people.
  if (options.json) return { chunk: JSON.stringify({ path: file, count: diagnostics.length, diagnostics }), count: diagnostics.length, failing };
  let lines = `${file}: ${diagnostics.length} 处占位符\n`;
  // A Word document has paragraphs, not lines: its places are written as check writes them (第 N 段).
  const paragraphs = isDocxPath(file) ? text.split('\n') : undefined;
  for (const x of diagnostics) if (x.severity < 4) lines += textLine(file, x, paragraphs);
  return { chunk: lines, count: diagnostics.length, failing };
}

/** A file's part of the report, or why it has none. */
export type ScanResult = ScanReport | { error: string };

/** Reads a file and reports it; a file that cannot be read, or that the checker trips on, gives its reason instead. */
export function scanFile(file: string, configFor: (file: string) => JianggaoConfig, options: ScanOptions): ScanResult {
  const r = readDraft(file);
  if (!r.ok) return { error: `${file}: ${r.reason}` };
  try {
    const report = reportFile(file, r.text, configFor(file), options);
    return r.warning ? { ...report, warning: `${file}: ${r.warning}` } : report;
  } catch (e) {
    // One draft the checker trips on loses only its own part of the report.
    return { error: `${file}: 检查失败（${(e as Error).message}）` };
  }
}

// Below this many files the threads' start (each loads the core) costs more than it saves.
const PARALLEL_FROM = 100;
// Files handed out ahead of the one being written: the parts waiting to be written stay few, whatever the folder holds.
const AHEAD_PER_THREAD = 4;

/** How many worker threads a scan of `files` files uses: none for a few files or one processor (JIANGGAO_THREADS sets it). */
export function scanThreads(files: number): number {
  const set = Number(process.env.JIANGGAO_THREADS);
  if (Number.isInteger(set) && set >= 0) return set <= 1 ? 0 : set;
  if (files < PARALLEL_FROM) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores > 1 ? Math.min(cores, 8) : 0;
}

/**
 * Each file's part of the report, in the files' order. With threads, the files are handed out to workers a few
 * ahead of the one being written, and their parts written back in order. Config problems go to `errors` once each.
 */
export async function* scanFiles(files: string[], options: ScanOptions, errors: string[], threads: number): AsyncGenerator<ScanResult> {
  const said = new Set(errors);
  const tell = (e: string) => {
    if (said.has(e)) return;
    said.add(e);
    errors.push(e);
  };
  if (threads === 0) {
    const found: string[] = [];
    const configFor = configLoader(options.configFile, options.allowPaths, found);
    for (const file of files) {
      const result = scanFile(file, configFor, options);
      found.splice(0).forEach(tell);
      yield result;
    }
    return;
  }
  const workers = Array.from({ length: Math.min(threads, files.length) }, () => new Worker(path.join(__dirname, 'placeholderWorker.js'), { workerData: options }));
  const results = new Map<number, ScanResult>();
  const idle: Worker[] = [];
  let next = 0;
  let written = 0;
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const handOut = (w: Worker) => {
    if (next < files.length && next < written + workers.length * AHEAD_PER_THREAD) w.postMessage({ index: next, file: files[next++] });
    else idle.push(w);
  };
  for (const w of workers) {
    w.on('message', (m: { index: number; result: ScanResult; errors: string[] }) => {
      m.errors.forEach(tell);
      results.set(m.index, m.result);
      handOut(w);
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    // A thread gone before the scan is over (killed, out of memory) must not leave the report waiting for its file.
    w.on('exit', (code) => {
      if (finished) return;
      failure ??= new Error(`占位符扫描的工作线程意外退出（${code}）`);
      wake?.();
    });
    handOut(w);
  }
  try {
    while (written < files.length) {
      while (!results.has(written)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const result = results.get(written)!;
      results.delete(written++);
      // The window moved on: workers waiting for a file get one.
      for (const w of idle.splice(0)) handOut(w);
      yield result;
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

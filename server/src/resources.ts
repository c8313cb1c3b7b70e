// Loading the data the rules read: the built-in stock-phrase dictionary and
// team dictionaries. Problems are reported, never thrown.

import * as fs from 'fs';
import * as path from 'path';
import type { JianggaoConfig } from './core';
import { compileMatcher, parseDictionary, StockPhrase, StockPhraseMatcher } from './core/stockPhrases';

/** The package's dictionaries/ folder, from compiled sources (server/out) or the bundle (dist). */
export function dictionariesDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dictionaries');
    if (fs.existsSync(path.join(candidate, 'stock-phrases.tsv'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(__dirname, '..', '..', 'dictionaries');
  }
}

const MAX_DATA_FILE = 5 * 1024 * 1024;

/**
 * Reads a team data file: only a regular file (not a FIFO, a device or /dev/stdin,
 * which would block or never end), with the size checked before reading.
 */
export function readDataFile(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message };
  }
  if (!stat.isFile()) return { ok: false, reason: '不是普通文件' };
  if (stat.size > MAX_DATA_FILE) return { ok: false, reason: `文件超过 ${MAX_DATA_FILE / 1024 / 1024} MB` };
  try {
    return { ok: true, text: fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '') };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

export interface DictionaryLoad {
  matcher: StockPhraseMatcher;
  /** Problems per file: unreadable files and malformed lines. */
  problems: { file: string; line: number | null; message: string }[];
}

let builtin: StockPhrase[] | null = null;

function builtinEntries(problems: DictionaryLoad['problems']): StockPhrase[] {
  if (builtin) return builtin;
  const file = path.join(dictionariesDir(), 'stock-phrases.tsv');
  try {
    const parsed = parseDictionary(fs.readFileSync(file, 'utf8'), '内置词典');
    builtin = parsed.entries;
  } catch (e) {
    problems.push({ file, line: null, message: `内置套话词典无法读取：${(e as Error).message}` });
    return [];
  }
  return builtin;
}

export function loadStockPhrases(config: JianggaoConfig): DictionaryLoad {
  const problems: DictionaryLoad['problems'] = [];
  const entries = [...builtinEntries(problems)];
  for (const file of config.stockPhrases.dictionaries) {
    const read = readDataFile(file);
    if (!read.ok) {
      problems.push({ file, line: null, message: `团队词典无法读取：${read.reason}` });
      continue;
    }
    const parsed = parseDictionary(read.text, path.basename(file));
    // A file that is not a dictionary at all: say so, without echoing its lines.
    if (parsed.entries.length === 0 && parsed.problems.length > 0) {
      problems.push({ file, line: null, message: `团队词典格式不对（没有一行是“短语<TAB>类别”），已忽略整个文件` });
      continue;
    }
    entries.push(...parsed.entries);
    for (const p of parsed.problems) problems.push({ file, line: p.line, message: p.message });
  }
  return { matcher: compileMatcher(entries, config.stockPhrases.disabled), problems };
}

/** Words segmentation should keep whole: stock phrases without wildcards. */
export function segmenterWords(matcher: StockPhraseMatcher): string[] {
  return matcher.entries.map((e) => e.phrase.split('!')[0]).filter((w) => !w.includes('…') && /^\p{Script=Han}{2,12}$/u.test(w));
}

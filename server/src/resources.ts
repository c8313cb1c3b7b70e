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
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ file, line: null, message: `团队词典无法读取：${(e as Error).message}` });
      continue;
    }
    const parsed = parseDictionary(text, path.basename(file));
    entries.push(...parsed.entries);
    for (const p of parsed.problems) problems.push({ file, line: p.line, message: p.message });
  }
  return { matcher: compileMatcher(entries, config.stockPhrases.disabled), problems };
}

/** Words segmentation should keep whole: stock phrases without wildcards. */
export function segmenterWords(matcher: StockPhraseMatcher): string[] {
  return matcher.entries.map((e) => e.phrase.split('!')[0]).filter((w) => !w.includes('…') && /^\p{Script=Han}{2,12}$/u.test(w));
}

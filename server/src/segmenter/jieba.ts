// nodejieba, loaded with care: its default load takes over a second and
// ~300 MB, and a malformed dictionary file aborts the whole process. So it
// is loaded off the critical path (a child process in the server), with our
// own small IDF and stop-word files, and user words are validated first.

import * as fs from 'fs';
import * as path from 'path';
import type { Segmenter } from '../core/rule';
import { dictionariesDir } from '../resources';

export type JiebaLoad = { ok: true; segmenter: Segmenter; ms: number } | { ok: false; reason: string };

/** A word nodejieba can take: Han characters or letters, no whitespace, not too long. */
export function validSegmenterWord(word: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9]{1,20}$/u.test(word);
}

export function loadJieba(userWords: string[] = []): JiebaLoad {
  const started = Date.now();
  let jieba: typeof import('nodejieba');
  try {
    // JIANGGAO_JIEBA_MODULE lets a test stand in a module that cannot load.
    jieba = require(process.env.JIANGGAO_JIEBA_MODULE || 'nodejieba');
  } catch (e) {
    return { ok: false, reason: `分词库 nodejieba 无法加载（${(e as Error).message}）` };
  }
  const dir = path.join(dictionariesDir(), 'jieba');
  const idfDict = path.join(dir, 'idf.utf8');
  const stopWordDict = path.join(dir, 'stop_words.utf8');
  // An empty IDF or stop-word file makes nodejieba abort the process.
  for (const f of [idfDict, stopWordDict]) {
    if (!fs.existsSync(f) || fs.statSync(f).size === 0) return { ok: false, reason: `分词词典文件缺失或为空：${f}` };
  }
  // The build's trimmed word list (scripts/jieba-dict.mjs) when present; else nodejieba's own.
  const dict = path.join(dir, 'jieba.dict.utf8');
  const trimmed = fs.existsSync(dict) && fs.statSync(dict).size > 0;
  try {
    jieba.load(trimmed ? { dict, idfDict, stopWordDict } : { idfDict, stopWordDict });
    for (const w of userWords) if (validSegmenterWord(w)) jieba.insertWord(w);
  } catch (e) {
    return { ok: false, reason: `分词库加载失败：${(e as Error).message}` };
  }
  return {
    ok: true,
    segmenter: { tag: (text: string) => (text ? jieba.tag(text) : []), insertWord: (w: string) => void jieba.insertWord(w) },
    ms: Date.now() - started,
  };
}

// Regular expressions written by users (placeholder patterns in settings and
// .jianggao.json): checked before use, so that none can hang the checker with
// catastrophic backtracking ((a+)+$ on a line of a's).

import safeRegex from 'safe-regex2';

export type PatternCheck = { ok: true; re: RegExp } | { ok: false; reason: string };

const MAX_SOURCE = 500;

export function compileUserPattern(source: string, flags = 'gu'): PatternCheck {
  if (source.length > MAX_SOURCE) return { ok: false, reason: `长度超过 ${MAX_SOURCE} 个字符` };
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  // Nested quantifiers ((a+)+, (a*)*) backtrack exponentially: such a pattern is refused.
  if (!safeRegex(re, { limit: 25 })) return { ok: false, reason: '含有嵌套的重复（如 (a+)+），可能让检查卡死，请改写' };
  return { ok: true, re };
}

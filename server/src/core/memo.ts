// Results of per-line (or per-paragraph) work kept from one version of a document to the
// next, keyed by the text they were computed from: after an edit only the changed lines
// are worked again. A rule's results are the same with or without it (the key is the whole
// input), so the core stays a pure function of the text; the server keeps one per document.

import { normalizeRange } from './text';

export class TextMemo {
  // One map per space, keyed by the text itself; each entry remembers the last version that used it,
  // so a kept result costs one lookup (two maps, previous and current, cost three).
  private readonly spaces = new Map<string, Map<string, { value: unknown; used: number }>>();
  private version = 0;

  /**
   * The result for `text` in `space` (a rule's id and what it computes), computed only when not kept. `compute`
   * is given the key as kept: a copy of `text` that holds on to no larger string.
   */
  get<T>(space: string, text: string, compute: (key: string) => T): T {
    let here = this.spaces.get(space);
    if (!here) this.spaces.set(space, (here = new Map()));
    const kept = here.get(text);
    if (kept) {
      kept.used = this.version;
      return kept.value as T;
    }
    const key = detached(text);
    const value = compute(key);
    here.set(key, { value, used: this.version });
    return value;
  }

  /**
   * What each rule reported for the last version checked, by rule id (check.ts): a finding that reads as one
   * of them is given that object again, so unchanged findings are neither made nor kept twice.
   */
  readonly lastReported = new Map<string, unknown[]>();

  // The last whole text and its normalized form: the next version differs from it only where it was edited.
  private lastText = '';
  private lastNorm = '';

  /**
   * `normalizeForMatching(text)`, redone only between the common start and end of this text and the last one, widened
   * to whole lines (normalizing maps each unit by itself, or a dot by its line, so the rest is the last result's): a keystroke in a compilation
   * normalized 420,000 characters again.
   */
  normalized(text: string): string {
    const last = this.lastText;
    const shorter = Math.min(text.length, last.length);
    // Whole lines around what changed: whether a dot is a full stop is read from its line (text.ts normalizeRange).
    const common = commonRun(text, last, 0, 0, shorter, 1);
    const head = common === 0 ? 0 : text.lastIndexOf('\n', common - 1) + 1;
    let tail = commonRun(text, last, text.length - 1, last.length - 1, shorter - head, -1);
    const lineEnd = text.indexOf('\n', text.length - tail);
    tail = lineEnd < 0 ? 0 : text.length - lineEnd;
    const norm =
      text === last
        ? this.lastNorm
        : this.lastNorm.slice(0, head) + normalizeRange(text, head, text.length - tail) + this.lastNorm.slice(this.lastNorm.length - tail);
    this.lastText = text;
    this.lastNorm = norm;
    return norm;
  }

  /** Before each check of a new version: what the last version did not use is dropped, so memory stays two versions' worth. */
  nextVersion(): void {
    for (const [space, here] of this.spaces) {
      for (const [text, entry] of here) if (entry.used < this.version) here.delete(text);
      if (here.size === 0) this.spaces.delete(space);
    }
    this.version++;
  }

  /** How many results this version has used. */
  get size(): number {
    let n = 0;
    for (const space of this.spaces.values()) for (const entry of space.values()) if (entry.used === this.version) n++;
    return n;
  }
}

/**
 * What one line's or paragraph's text has given, space by space (a rule's id and what it computes): the
 * parse finds a line's or paragraph's record with one lookup (`recordOf`), and every later result
 * for that text is read from the record, with no lookup by text again.
 */
export type Results = Map<string, unknown>;

/**
 * The record of results for this text (a line's or a paragraph's; `kind` says which, and how it was read),
 * with the text as first seen: an unchanged text becomes last version's very string, whose hash is known.
 */
export function recordOf(memo: TextMemo, kind: string, text: string): { text: string; results: Results } {
  return memo.get(kind, text, (key) => ({ text: key, results: new Map() }));
}

/**
 * `text` copied whole. A line's text is a slice of its version's whole text, and V8 keeps a slice as a view
 * that holds the whole string alive: a key kept for an unchanged line kept its version's 420,000 characters,
 * and a long session of edits in a compilation kept one such text per line edited (measured: +1 MB per edit,
 * never freed). Joining to a character and slicing it off makes a flat copy of the text alone.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * A kept result with every string in it (`depth` levels of plain objects and arrays down) a copy of its own
 * (`detached`): a line's content, a placeholder's text or a message made from a slice of the version's text
 * would keep that whole text alive for as long as the line stays unchanged (or its diagnostic is given again,
 * check.ts). Shorter strings are copies already.
 */
export function ownStrings<T>(value: T, depth: number): T {
  if (typeof value === 'string') return (value.length >= 13 ? detached(value) : value) as T;
  if (depth === 0 || value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = ownStrings(value[i], depth - 1);
    return value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const fields = value as Record<string, unknown>;
  for (const k in fields) fields[k] = ownStrings(fields[k], depth - 1);
  return value;
}

/** A result kept in a line's or paragraph's record; computed directly when there is none (the CLI checks each text once). */
export function kept<T>(results: Results | null, space: string, compute: () => T): T {
  if (!results) return compute();
  const found = results.get(space);
  if (found !== undefined || results.has(space)) return found as T;
  const value = ownStrings(compute(), 4);
  results.set(space, value);
  return value;
}

/** Through the memo when there is one; computed directly otherwise (the CLI checks each text once). */
export function memoized<T>(memo: TextMemo | undefined, space: string, text: string, compute: () => T): T {
  return memo ? memo.get(space, text, () => ownStrings(compute(), 4)) : compute();
}

/**
 * How many units `a` and `b` share walking from a[i] and b[j] in direction `step` (1 forward, -1 back), at most `limit`.
 * Compared a block at a time (string equality compares memory; a loop of charCodeAt was a millisecond per 400k units).
 */
function commonRun(a: string, b: string, i: number, j: number, limit: number, step: 1 | -1): number {
  const BLOCK = 2048;
  let n = 0;
  while (n + BLOCK <= limit) {
    const same = step === 1 ? a.slice(i + n, i + n + BLOCK) === b.slice(j + n, j + n + BLOCK) : a.slice(i - n - BLOCK + 1, i - n + 1) === b.slice(j - n - BLOCK + 1, j - n + 1);
    if (!same) break;
    n += BLOCK;
  }
  while (n < limit && a.charCodeAt(i + step * n) === b.charCodeAt(j + step * n)) n++;
  return n;
}

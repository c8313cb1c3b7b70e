// Results of per-line (or per-paragraph) work kept from one version of a document to the
// next, keyed by the text they were computed from: after an edit only the changed lines
// are worked again. A rule's results are the same with or without it (the key is the whole
// input), so the core stays a pure function of the text; the server keeps one per document.

export class TextMemo {
  // One map per space, keyed by the text itself; each entry remembers the last version that used it,
  // so a kept result costs one lookup (two maps, previous and current, cost three).
  private readonly spaces = new Map<string, Map<string, { value: unknown; used: number }>>();
  private version = 0;

  /** The result for `text` in `space` (a rule's id and what it computes), computed only when not kept. */
  get<T>(space: string, text: string, compute: () => T): T {
    let here = this.spaces.get(space);
    if (!here) this.spaces.set(space, (here = new Map()));
    const kept = here.get(text);
    if (kept) {
      kept.used = this.version;
      return kept.value as T;
    }
    const value = compute();
    here.set(text, { value, used: this.version });
    return value;
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
  return memo.get(kind, text, () => ({ text, results: new Map() }));
}

/** A result kept in a line's or paragraph's record; computed directly when there is none (the CLI checks each text once). */
export function kept<T>(results: Results | null, space: string, compute: () => T): T {
  if (!results) return compute();
  const found = results.get(space);
  if (found !== undefined || results.has(space)) return found as T;
  const value = compute();
  results.set(space, value);
  return value;
}

/** Through the memo when there is one; computed directly otherwise (the CLI checks each text once). */
export function memoized<T>(memo: TextMemo | undefined, space: string, text: string, compute: () => T): T {
  return memo ? memo.get(space, text, compute) : compute();
}

// Results of per-line (or per-paragraph) work kept from one version of a document to the
// next, keyed by the text they were computed from: after an edit only the changed lines
// are worked again. A rule's results are the same with or without it (the key is the whole
// input), so the core stays a pure function of the text; the server keeps one per document.

export class TextMemo {
  // One map per space, keyed by the text itself: joining space and text into one key copied every line once per space.
  private previous = new Map<string, Map<string, unknown>>();
  private current = new Map<string, Map<string, unknown>>();

  /** The result for `text` in `space` (a rule's id and what it computes), computed only when not kept. */
  get<T>(space: string, text: string, compute: () => T): T {
    let here = this.current.get(space);
    if (!here) this.current.set(space, (here = new Map()));
    let value = here.get(text) as T | undefined;
    if (value === undefined) {
      value = (this.previous.get(space)?.get(text) as T | undefined) ?? compute();
      here.set(text, value);
    }
    return value;
  }

  /** Before each check of a new version: what the last version did not use is dropped, so memory stays two versions' worth. */
  nextVersion(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    let n = 0;
    for (const space of this.current.values()) n += space.size;
    return n;
  }
}

/** Through the memo when there is one; computed directly otherwise (the CLI checks each text once). */
export function memoized<T>(memo: TextMemo | undefined, space: string, text: string, compute: () => T): T {
  return memo ? memo.get(space, text, compute) : compute();
}

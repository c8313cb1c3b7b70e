// Fix-all: every safe fix of a document (rules whose metadata says their fix is
// certain), as one list of non-overlapping edits. Shared by `source.fixAll.jianggao`
// in the editor and anything else that cleans a draft in one step.

import type { Diagnostic } from '../check';
import { RULES } from '../rules';
import type { Range } from '../document';

export interface TextEditLike {
  range: Range;
  newText: string;
}

const SAFE = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

export function safeFixEdits(diagnostics: Diagnostic[]): TextEditLike[] {
  const edits: TextEditLike[] = [];
  for (const d of diagnostics) {
    if (!SAFE.has(d.code)) continue;
    const fix = (d.data?.fixes as { range: Range; newText: string; more?: TextEditLike[] }[] | undefined)?.[0];
    if (!fix) continue;
    edits.push({ range: fix.range, newText: fix.newText }, ...(fix.more ?? []));
  }
  // Document order; an edit overlapping one already taken waits for the next run.
  edits.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  const out: TextEditLike[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && before(e.range.start, last.range.end)) continue;
    out.push(e);
  }
  return out;
}

// Fix-all: every safe fix of a document (rules whose metadata says their fix is
// certain), as one list of non-overlapping edits. Shared by `source.fixAll.jianggao`
// in the editor and anything else that cleans a draft in one step.

import { checkDocument, type Diagnostic } from '../check';
import type { JianggaoConfig } from '../config';
import { offsetAt, parseDocument, type Range } from '../document';
import { RULES } from '../rules';

export interface TextEditLike {
  range: Range;
  newText: string;
}

const SAFE = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** `anyRule`: take the first fix of every diagnostic given, not only those of rules whose fix is certain. */
export function safeFixEdits(diagnostics: Pick<Diagnostic, 'code' | 'data'>[], anyRule = false): TextEditLike[] {
  const edits: TextEditLike[] = [];
  for (const d of diagnostics) {
    if (!anyRule && !SAFE.has(d.code)) continue;
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

/** Text with offset edits applied (edits in document order, not overlapping); one join, not a copy per edit. */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export interface FixTextOptions {
  markdown: boolean;
  config: JianggaoConfig;
  /** Only these rules' fixes; all safe ones when absent. */
  rules?: string[] | null;
}

/**
 * Every safe fix, run to a fixed point: one fix can uncover another (a gloss
 * removed next to a bracket), and edits that overlapped wait for the next pass.
 */
export function fixText(text: string, options: FixTextOptions, maxPasses = 4): { text: string; edits: number } {
  let current = text;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const doc = parseDocument(current, { markdown: options.markdown, placeholders: options.config.placeholders });
    const diagnostics = checkDocument(doc, { config: options.config, only: 'fast' }).filter((d) => !options.rules || options.rules.includes(d.code));
    const edits = safeFixEdits(diagnostics).map((e) => ({ start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end), newText: e.newText }));
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    total += edits.length;
  }
  return { text: current, edits: total };
}

// Fix-all: every safe fix of a document (rules whose metadata says their fix is
// certain), as one list of non-overlapping edits. Shared by `source.fixAll.jianggao`
// in the editor and anything else that cleans a draft in one step.

import { checkDocument, type Diagnostic } from '../check';
import type { JianggaoConfig } from '../config';
import { offsetAt, parseDocument, type Range, type SpeechDocument } from '../document';
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
  /** The text's model when the caller has it (the server's): the first pass does not parse again. */
  parsed?: SpeechDocument;
  /** Only these rules' fixes; all safe ones when absent. */
  rules?: string[] | null;
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Every safe fix, run to a fixed point: one fix can uncover another (a gloss
 * removed next to a bracket, a space left by a joined line), and edits that
 * overlapped wait for the next pass. The result is the fixed text and the edits
 * that make it from the original, each pass's edits composed onto the last's
 * (where they touch, one edit), so the editor can apply them as one change.
 */
export function fixText(text: string, options: FixTextOptions, maxPasses = 4): { text: string; edits: number; changes: OffsetEdit[] } {
  let current = text;
  let total = 0;
  let changes: OffsetEdit[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const doc = pass === 0 && options.parsed?.text === current ? options.parsed : parseDocument(current, { markdown: options.markdown, placeholders: options.config.placeholders });
    const diagnostics = checkDocument(doc, { config: options.config, only: 'fast' }).filter((d) => !options.rules || options.rules.includes(d.code));
    const edits = safeFixEdits(diagnostics).map((e) => ({ start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end), newText: e.newText }));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    changes = composeEdits(changes, edits, next);
    current = next;
    total += edits.length;
  }
  return { text: current, edits: total, changes };
}

/**
 * `first` (on some text) then `second` (on the text `first` made) as edits on the first text that
 * make `result`. A second edit that overlaps a first one (or falls inside what it wrote) merges with it.
 */
export function composeEdits(first: OffsetEdit[], second: OffsetEdit[], result: string): OffsetEdit[] {
  // Each edit as a range of the original and what it changes the length by. A second edit's ends
  // are mapped back through the first edits; an end inside a first edit's new text takes that edit's end.
  const spans: { start: number; end: number; delta: number }[] = first.map((e) => ({ start: e.start, end: e.end, delta: e.newText.length - (e.end - e.start) }));
  let k = 0;
  let shift = 0;
  const back = (p: number, side: 'start' | 'end'): number => {
    // Positions come in order: the first edits wholly before p are passed once.
    while (k < first.length && first[k].start + shift + first[k].newText.length < p) {
      shift += first[k].newText.length - (first[k].end - first[k].start);
      k++;
    }
    const e = first[k];
    if (e) {
      const from = e.start + shift;
      const to = from + e.newText.length;
      if (side === 'start' ? p >= from && p < to : p > from && p <= to) return side === 'start' ? e.start : e.end;
      if (p >= to) return e.end + (p - to);
    }
    return p - shift;
  };
  for (const e of second) {
    const start = back(e.start, 'start');
    const end = Math.max(start, back(e.end, 'end'));
    spans.push({ start, end, delta: e.newText.length - (e.end - e.start) });
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  // Overlapping spans become one edit; between edits the text is untouched, so an edit's place
  // in the result is its place in the original moved by the edits before it.
  const out: OffsetEdit[] = [];
  let moved = 0;
  for (let i = 0; i < spans.length; ) {
    let end = spans[i].end;
    let delta = 0;
    const start = spans[i].start;
    for (let first = true; i < spans.length && (first || spans[i].start < end); i++, first = false) {
      end = Math.max(end, spans[i].end);
      delta += spans[i].delta;
    }
    out.push({ start, end, newText: result.slice(start + moved, end + moved + delta) });
    moved += delta;
  }
  return out;
}

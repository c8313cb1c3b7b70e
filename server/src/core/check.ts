// Runs the rules over one document model and shapes the findings as LSP
// diagnostics (plain objects: the core imports nothing from LSP).

import { JianggaoConfig, optionsFor, severityFor } from './config';
import { lineOf, rangeOf, Range, SpeechDocument } from './document';
import type { Finding, Fix, Rule, Segmenter, Severity } from './rule';
import { RULES } from './rules';
import { ownStrings, type TextMemo } from './memo';
import { sameJson } from './sameJson';
import { isSuppressed } from './suppressions';
import { speechDateOf, todayIso } from './speechDate';

export const SEVERITY_CODE: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

export interface Diagnostic {
  range: Range;
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: 'jianggao';
  message: string;
  data?: Record<string, unknown>;
}

export interface CheckOptions {
  config: JianggaoConfig;
  segmenter?: Segmenter | null;
  resources?: Record<string, unknown>;
  /** Which rules to run: those needing the segmenter, those not, or all. */
  only?: 'fast' | 'segmented' | 'all';
  /** Only these rules (by id). */
  rules?: string[];
  /** Per-line results kept between versions of one document (see memo.ts). */
  memo?: TextMemo;
  /**
   * Keep quick fixes beside their diagnostic (read with `keptFixes`) instead of in its data: as the rules
   * wrote them (text offsets), invisible to JSON. The server shapes the few a code action asks for
   * (`shapeFix`); the diagnostics it sends carry none. Without it, fixes are shaped into data.fixes.
   */
  keepFixes?: boolean;
}

/** A rule's fix as LSP edits: the first edit's range, its text, and the further edits of the same fix. */
export function shapeFix(doc: { lineStarts: number[] }, x: Fix): { title: string; range: Range; newText: string; more?: { range: Range; newText: string }[] } {
  return {
    title: x.title,
    range: rangeOf(doc, x.start, x.end),
    newText: x.newText,
    ...(x.more?.length ? { more: x.more.map((e) => ({ range: rangeOf(doc, e.start, e.end), newText: e.newText })) } : {}),
  };
}

// Quick fixes kept beside a diagnostic, invisible to JSON: as the rule wrote them for the finding at `madeAt`;
// the finding is at `at` in the version last checked (a diagnostic given again moves with its finding).
const KEPT_FIXES = Symbol('kept fixes');
interface KeptFixes {
  fixes: Fix[];
  madeAt: number;
  at: number;
}
type WithKeptFixes = { [KEPT_FIXES]?: KeptFixes };

/** The quick fixes kept beside a diagnostic (CheckOptions.keepFixes), at the offsets of the version it was last reported for. */
export function keptFixes(d: Diagnostic): Fix[] | undefined {
  const kept = (d as WithKeptFixes)[KEPT_FIXES];
  if (!kept) return undefined;
  const shift = kept.at - kept.madeAt;
  if (shift === 0) return kept.fixes;
  const moved = <T extends { start: number; end: number }>(e: T): T => ({ ...e, start: e.start + shift, end: e.end + shift });
  return kept.fixes.map((x) => ({ ...moved(x), ...(x.more ? { more: x.more.map(moved) } : {}) }));
}

/** Diagnostics in text order: the order a check returns them in, and the one to merge two checks' results in. */
export const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

export function checkDocument(doc: SpeechDocument, options: CheckOptions): Diagnostic[] {
  const only = options.only ?? 'all';
  const out: Diagnostic[] = [];
  // The speech's date, found at most once per check: norms and outdated formulations both read it.
  let date: string | undefined;
  const speechDate = () => (date ??= speechDateOf(doc, (options.resources?.today as string | undefined) ?? todayIso(), options.config.speechDate));
  for (const rule of RULES) {
    if (options.rules && !options.rules.includes(rule.meta.id)) continue;
    if (only === 'fast' && rule.meta.needsSegmenter) continue;
    if (only === 'segmented' && !rule.meta.needsSegmenter) continue;
    const severity = severityFor(options.config, rule.meta.id, rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    if (rule.meta.needsSegmenter && !options.segmenter) continue;
    // A norm is not applied to a speech given before it existed.
    if (rule.meta.norm) {
      if (speechDate() < rule.meta.norm.since) continue;
    }
    // No spread: a rule may return more findings than a call takes arguments.
    for (const d of runRule(rule, doc, options, severity, speechDate)) out.push(d);
  }
  return out.sort(byPosition);
}

// How far ahead in last version's findings one is looked for.
const REUSE_WINDOW = 8;

/**
 * Whether last version's diagnostic `d` says what finding `f` says: the same place (line and column), severity,
 * message, data, and the same fixes where the finding is (each edit at the same distance from its start).
 */
function sameFinding(d: Diagnostic, f: Finding, line: number, severity: number, message: string, starts: number[]): boolean {
  const r = d.range;
  if (r.start.line !== line || r.start.character !== f.start - starts[line] || d.severity !== severity || d.message !== message) return false;
  const endLine = f.end >= f.start && (line + 1 === starts.length || f.end < starts[line + 1]) ? line : lineOf(starts, f.end);
  if (r.end.line !== endLine || r.end.character !== f.end - starts[endLine]) return false;
  if (!sameJson(d.data, f.data)) return false;
  const kept = (d as WithKeptFixes)[KEPT_FIXES];
  return sameFixes(kept?.fixes, kept?.madeAt ?? 0, f.fixes, f.start);
}

function sameFixes(a: Fix[] | undefined, aAt: number, b: Fix[] | undefined, bAt: number): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  if (a.length !== b.length) return false;
  const sameEdit = (x: { start: number; end: number; newText: string }, y: { start: number; end: number; newText: string }) =>
    x.start - aAt === y.start - bAt && x.end - aAt === y.end - bAt && x.newText === y.newText;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.title !== y.title || !sameEdit(x, y) || (x.more?.length ?? 0) !== (y.more?.length ?? 0)) return false;
    for (let k = 0; k < (x.more?.length ?? 0); k++) if (!sameEdit(x.more![k], y.more![k])) return false;
  }
  return true;
}

function runRule(rule: Rule, doc: SpeechDocument, options: CheckOptions, severity: Severity, speechDate: () => string): Diagnostic[] {
  const findings = rule.check(doc, {
    options: optionsFor(options.config, rule.meta.id),
    segmenter: options.segmenter ?? null,
    resources: options.resources ?? {},
    speechDate,
    memo: options.memo,
  });
  // 不再提示: a phrase (or the exact words) the team accepted for this rule.
  const allowed = new Set((options.config.allow?.[rule.meta.id] ?? []).map((x) => x.replace(/\s+/g, '')));
  const accepted = (f: Finding) =>
    allowed.size > 0 && (allowed.has(doc.text.slice(f.start, f.end).replace(/\s+/g, '')) || (typeof f.data?.phrase === 'string' && allowed.has(f.data.phrase)));
  // The rule's diagnostics of the last version: a finding that reads the same (see sameFinding) is given its object
  // again. A keystroke in a compilation changes a few of 11,000; making them all anew cost time and, as each
  // outlives a collection or two, memory (they were promoted to the old generation every version).
  const reusing = !!options.memo && !!options.keepFixes;
  const last = reusing ? (options.memo!.lastReported.get(rule.meta.id) as Diagnostic[] | undefined) : undefined;
  let next = 0;
  const starts = doc.lineStarts;
  // One pass, no array between the filter and the shaping: a compilation's check shapes 11,000 per keystroke.
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (accepted(f) || (doc.suppressions.length && isSuppressed(doc.suppressions, lineOf(starts, f.start), rule.meta.id))) continue;
    const severityCode = SEVERITY_CODE[f.severity && severity === rule.meta.defaultSeverity ? f.severity : severity];
    // A phrase quoted from hard-wrapped text carries no line break into the message.
    const message = f.message.includes('\n') ? f.message.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '') : f.message;
    if (last && next < last.length && !f.related?.length) {
      const line = lineOf(starts, f.start);
      // The next of last version's findings, or one a little further on (findings added or removed before it).
      let found = -1;
      for (let k = next; k < last.length && k < next + REUSE_WINDOW; k++) {
        if (sameFinding(last[k], f, line, severityCode, message, starts)) {
          found = k;
          break;
        }
      }
      if (found >= 0) {
        const again = last[found];
        const kept = (again as WithKeptFixes)[KEPT_FIXES];
        if (kept) kept.at = f.start;
        out.push(again);
        next = found + 1;
        continue;
      }
      // Many removed at once: skip last version's findings that lie before this one.
      while (next < last.length && last[next].range.start.line < line) next++;
    }
    // The rule's own data object is fresh per finding: extended in place, not copied.
    const data: Record<string, unknown> = f.data ?? {};
    const kept = !!options.keepFixes && !!f.fixes?.length;
    if (f.fixes?.length && !kept) data.fixes = f.fixes.map((x) => shapeFix(doc, x));
    if (f.related?.length) data.related = f.related.map((r) => ({ range: rangeOf(doc, r.start, r.end), message: r.message }));
    const d: Diagnostic = { range: rangeOf(doc, f.start, f.end), severity: severityCode, code: rule.meta.id, source: 'jianggao', message };
    if (f.data || (f.fixes?.length && !kept) || f.related?.length) d.data = data;
    // Given again in later versions: its words must not keep this version's whole text alive (memo.ts ownStrings).
    if (reusing) ownStrings(d, 4);
    if (kept) (d as WithKeptFixes)[KEPT_FIXES] = { fixes: reusing ? ownStrings(f.fixes!, 3) : f.fixes!, madeAt: f.start, at: f.start };
    out.push(d);
  }
  if (reusing) options.memo!.lastReported.set(rule.meta.id, out);
  return out;
}

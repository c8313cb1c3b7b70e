// Runs the rules over one document model and shapes the findings as LSP
// diagnostics (plain objects: the core imports nothing from LSP).

import { JianggaoConfig, optionsFor, severityFor } from './config';
import { lineOf, rangeOf, Range, SpeechDocument } from './document';
import type { Finding, Fix, Rule, Segmenter, Severity } from './rule';
import { RULES } from './rules';
import type { TextMemo } from './memo';
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
   * Where quick fixes go instead of the diagnostic's data: as the rules wrote them (text offsets),
   * handed over with their diagnostic. The server keeps them and shapes the few a code action asks
   * for (`shapeFix`); the diagnostics it sends carry none. Without it, fixes are shaped into data.fixes.
   */
  keepFixes?: (diagnostic: Diagnostic, fixes: Fix[]) => void;
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
  // One pass, no array between the filter and the shaping: a compilation's check shapes 11,000 per keystroke.
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (accepted(f) || (doc.suppressions.length && isSuppressed(doc.suppressions, lineOf(doc.lineStarts, f.start), rule.meta.id))) continue;
    // The rule's own data object is fresh per finding: extended in place, not copied.
    const data: Record<string, unknown> = f.data ?? {};
    const kept = !!options.keepFixes && !!f.fixes?.length;
    if (f.fixes?.length && !kept) data.fixes = f.fixes.map((x) => shapeFix(doc, x));
    if (f.related?.length) data.related = f.related.map((r) => ({ range: rangeOf(doc, r.start, r.end), message: r.message }));
    const d: Diagnostic = {
      range: rangeOf(doc, f.start, f.end),
      severity: SEVERITY_CODE[f.severity && severity === rule.meta.defaultSeverity ? f.severity : severity],
      code: rule.meta.id,
      source: 'jianggao',
      // A phrase quoted from hard-wrapped text carries no line break into the message.
      message: f.message.includes('\n') ? f.message.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '') : f.message,
    };
    if (f.data || (f.fixes?.length && !kept) || f.related?.length) d.data = data;
    if (kept) options.keepFixes!(d, f.fixes!);
    out.push(d);
  }
  return out;
}

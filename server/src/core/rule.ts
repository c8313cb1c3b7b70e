// What every rule is: its metadata (the one source of truth for the server,
// the CLI and the README's rule table) and a pure check over the document model.

import type { SpeechDocument } from './document';
import type { TextMemo } from './memo';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Short Chinese name, for tables and settings. */
  title: string;
  /** One or two Chinese sentences: what it checks and why. */
  description: string;
  /** Options the rule reads from configuration, with defaults. */
  options?: Record<string, unknown>;
  /** The published norm the rule applies and the date it took effect: a speech given before it is not held to it. */
  norm?: { name: string; since: string };
  /** Its first fix is certain (no choice of words involved): fix-all and `source.fixAll` apply it. */
  safeFix?: boolean;
  /** True when the rule needs word segmentation (it runs once the segmenter is ready). */
  needsSegmenter?: boolean;
}

export interface Fix {
  title: string;
  start: number;
  end: number;
  newText: string;
  /** Further edits made by the same fix (renumbering a whole run). */
  more?: { start: number; end: number; newText: string }[];
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Severity for this finding when it differs from the rule's (e.g. overuse). */
  severity?: Severity;
  data?: Record<string, unknown>;
  fixes?: Fix[];
  related?: { start: number; end: number; message: string }[];
}

export interface Segmenter {
  /** Words with part-of-speech tags, in order, covering the text. */
  tag(text: string): { word: string; tag: string }[];
  /** Adds a word segmentation must keep whole (team terms); optional. */
  insertWord?(word: string): void;
}

export interface RuleContext {
  options: Record<string, unknown>;
  segmenter: Segmenter | null;
  /** Shared dictionaries and other loaded resources. */
  resources: Record<string, unknown>;
  /** The date the speech was given (YYYY-MM-DD): configured, or read from the text once per check. */
  speechDate: () => string;
  /** Per-line work kept from the previous version of the document (the server's); absent in one-off checks. */
  memo?: TextMemo;
}

export interface Rule {
  meta: RuleMeta;
  check(doc: SpeechDocument, ctx: RuleContext): Finding[];
}

export function option<T>(ctx: RuleContext, meta: RuleMeta, key: string): T {
  return (ctx.options[key] ?? meta.options?.[key]) as T;
}

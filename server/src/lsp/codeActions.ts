// Code actions beyond a diagnostic's own fixes: every safe fix of the document
// (source.fixAll.jianggao, 讲稿：一键清理) and every fix of one rule at once
// (a converted page's hundred lines of traditional characters in one step).

import { CodeAction, CodeActionKind } from 'vscode-languageserver/node';
import { fixText, JianggaoConfig, rangeOf, safeFixEdits, SpeechDocument } from '../core';
import { RULES } from '../core/rules';
import type { KeptFixes } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jianggao`;

const TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

/** Every safe fix to a fixed point (a space left by a joined line goes too), as one change of the document. */
export function fixAllAction(uri: string, model: SpeechDocument, config: JianggaoConfig): CodeAction[] {
  const fixed = fixText(model.text, { markdown: model.markdown, config, parsed: model });
  const edits = fixed.changes.map((e) => ({ range: rangeOf(model, e.start, e.end), newText: e.newText }));
  return edits.length ? [{ title: `讲稿：一键清理（${fixed.edits} 处）`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } }] : [];
}

/**
 * 修复本文全部「繁体字」: the first fix of every finding of these rules, when a rule has more
 * than one. Read from the fixes kept for the published diagnostics (keyed `code@range`):
 * a lightbulb request does not run the rules again.
 */
export function sameRuleActions(uri: string, published: KeptFixes, codes: Set<string>): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const code of codes) {
    const mine = [...published.ofRule(code)].map(([, fixes]) => ({ code, data: { fixes } }));
    if (mine.length < 2) continue;
    // safeFixEdits keeps the first fix of each and drops overlaps; the rule filter is ours.
    const edits = safeFixEdits(mine, true);
    if (edits.length) actions.push({ title: `修复本文全部“${TITLES.get(code) ?? code}”（${mine.length} 处）`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

// Inline disabling in drafts:
//   <!-- jianggao-disable placeholder -->  …  <!-- jianggao-enable -->
//   <!-- jianggao-disable-next-line -->
// and the same in plain text as a line of its own: // jianggao-disable placeholder
// A directive without rule ids covers every rule.

import type { Line } from './lines';

export interface Suppression {
  fromLine: number;
  /** Inclusive. */
  toLine: number;
  /** null: every rule. */
  rules: Set<string> | null;
}

const DIRECTIVE = /^(?:<!--\s*|\/\/\s*)jianggao-(disable-next-line|disable|enable)((?:\s+[\w-]+(?:\s*,\s*[\w-]+)*)?)\s*(?:-->)?\s*$/;

export function findSuppressions(text: string, lines: Line[]): { directiveLines: Set<number>; suppressions: Suppression[] } {
  const directiveLines = new Set<number>();
  const suppressions: Suppression[] = [];
  const open: { fromLine: number; rules: Set<string> | null }[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const m = DIRECTIVE.exec(text.slice(line.start, line.end).trim());
    if (!m) continue;
    directiveLines.add(line.index);
    const ids = m[2].trim() ? new Set(m[2].split(/[\s,]+/).filter(Boolean)) : null;
    if (m[1] === 'disable-next-line') suppressions.push({ fromLine: line.index + 1, toLine: line.index + 1, rules: ids });
    else if (m[1] === 'disable') open.push({ fromLine: line.index + 1, rules: ids });
    else {
      // jianggao-enable closes everything open (or only the named rules).
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        if (ids && o.rules && ![...o.rules].every((r) => ids.has(r))) continue;
        suppressions.push({ fromLine: o.fromLine, toLine: line.index - 1, rules: o.rules });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) suppressions.push({ fromLine: o.fromLine, toLine: lines.length - 1, rules: o.rules });
  return { directiveLines, suppressions };
}

export function isSuppressed(suppressions: Suppression[], line: number, rule: string): boolean {
  return suppressions.some((s) => line >= s.fromLine && line <= s.toLine && (s.rules === null || s.rules.has(rule)));
}

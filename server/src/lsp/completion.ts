// Snippet completions: built-in and team snippets as LSP snippet items.

import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver/node';
import { previewSnippet, Snippet, typedPrefixLength } from '../core/snippets';

export function snippetCompletions(snippets: Snippet[], lineBefore: string, position: Position): CompletionItem[] {
  const items: CompletionItem[] = [];
  snippets.forEach((s, index) => {
    const team = s.library !== '内置';
    for (const prefix of s.prefixes) {
      const typed = typedPrefixLength(lineBefore, prefix);
      const range = { start: { line: position.line, character: position.character - typed }, end: position };
      items.push({
        label: prefix,
        labelDetails: { detail: ` ${s.name}`, description: team ? `团队：${s.library}` : '内置' },
        kind: CompletionItemKind.Snippet,
        detail: `${s.description || s.name}（${team ? `团队片段库 ${s.library}` : '内置片段'}）`,
        documentation: { kind: MarkupKind.Markdown, value: `${s.description ? `${s.description}\n\n` : ''}\`\`\`speech\n${previewSnippet(s.body)}\n\`\`\`\n\n来源：${team ? s.file : '内置片段'}` },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: s.body },
        filterText: prefix,
        // Team snippets sort before built-in ones with the same prefix.
        sortText: `${team ? 0 : 1}-${String(index).padStart(4, '0')}`,
      });
    }
  });
  return items;
}

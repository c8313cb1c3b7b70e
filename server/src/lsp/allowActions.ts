// 不再提示: a code action that adds a finding's phrase to the team's allow list in
// .jianggao.json (created if there is none), and one that silences it in this
// place only with an inline directive. Nothing is written unless the drafter picks it.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyEdits, modify, parseTree } from 'jsonc-parser';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

// Rules whose findings are about words a team may accept; structure and placeholders are not waved through.
const ALLOWABLE = new Set(['stock-phrase', 'wording', 'duplicate-word', 'repeated-sentence', 'heading-parallelism']);

export function allowActions(doc: TextDocument, d: Diagnostic, configFile: string | null, workspaceDir: string | null, markdown: boolean): CodeAction[] {
  const id = String(d.code);
  const out: CodeAction[] = [];
  const phrase = typeof (d.data as { phrase?: unknown } | undefined)?.phrase === 'string' ? String((d.data as { phrase: string }).phrase) : doc.getText(d.range).replace(/\s+/g, '');
  const file = configFile ?? (workspaceDir ? path.join(workspaceDir, '.jianggao.json') : null);
  if (ALLOWABLE.has(id) && phrase && file) {
    const edit = allowEdit(file, id, phrase);
    if (edit) out.push({ title: `不再提示“${phrase.slice(0, 20)}”（写入 ${path.basename(file)} 的 allow.${id}）`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
  }
  const line = d.range.start.line;
  const directive = markdown ? `<!-- jianggao-disable-next-line ${id} -->` : `// jianggao-disable-next-line ${id}`;
  out.push({
    title: `仅此处不再提示 ${id}（在上一行插入“${directive}”）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: [TextEdit.insert({ line, character: 0 }, directive + '\n')] } },
  });
  return out;
}

function allowEdit(file: string, id: string, phrase: string): WorkspaceEdit | null {
  const uri = pathToFileURL(file).toString();
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  if (!fs.existsSync(file)) {
    const text = applyEdits('{}\n', modify('{}\n', ['allow', id], [phrase], { formattingOptions }));
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [TextEdit.insert({ line: 0, character: 0 }, text)] }] };
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  // A config that does not parse is not edited: the drafter's file stays as it is.
  const errors: { error: number }[] = [];
  const root = parseTree(text.replace(/^\ufeff/, ''), errors as never, { allowTrailingComma: true });
  if (errors.length || !root || root.type !== 'object') return null;
  const existing = (root.children ?? []).find((p) => p.children?.[0]?.value === 'allow')?.children?.[1]?.children?.find((p) => p.children?.[0]?.value === id)?.children?.[1];
  const already = existing?.children?.some((c) => c.value === phrase);
  if (already) return null;
  const edits = modify(text, existing ? ['allow', id, -1] : ['allow', id], existing ? phrase : [phrase], { formattingOptions, isArrayInsertion: !!existing });
  const model = TextDocument.create(uri, 'json', 0, text);
  return { changes: { [uri]: edits.map((e) => TextEdit.replace({ start: model.positionAt(e.offset), end: model.positionAt(e.offset + e.length) }, e.content)) } };
}

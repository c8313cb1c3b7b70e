// Status bar count of placeholders and next/previous navigation. Reads the
// diagnostics the server published; computes nothing itself.

import * as vscode from 'vscode';

function placeholderRanges(uri: vscode.Uri): vscode.Range[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'jianggao' && codeOf(d) === 'placeholder')
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function go(direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const ranges = placeholderRanges(editor.document.uri);
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage('本文档没有未填写的占位符。');
    return;
  }
  const cursor = direction === 1 ? editor.selection.end : editor.selection.start;
  const target =
    direction === 1
      ? ranges.find((r) => r.start.isAfterOrEqual(cursor) && !r.isEqual(editor.selection)) ?? ranges[0]
      : [...ranges].reverse().find((r) => r.end.isBeforeOrEqual(cursor) && !r.isEqual(editor.selection)) ?? ranges[ranges.length - 1];
  // Selecting the run means typing replaces it.
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerPlaceholderNavigation(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('jianggao.placeholders', vscode.StatusBarAlignment.Left, 100);
  item.name = '讲稿占位符';
  item.command = 'jianggao.nextPlaceholder';
  const refresh = () => {
    const editor = vscode.window.activeTextEditor;
    const n = editor ? placeholderRanges(editor.document.uri).length : 0;
    if (!editor || n === 0) {
      item.hide();
      return;
    }
    item.text = `$(edit) 待填 ${n}`;
    item.tooltip = `本文档有 ${n} 处未填写的占位符，单击跳到下一处`;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand('jianggao.nextPlaceholder', () => go(1)),
    vscode.commands.registerCommand('jianggao.previousPlaceholder', () => go(-1)),
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
  refresh();
}

// “保存为团队片段”: asks for a prefix, a description and a library file; the
// server writes the file (keeping its content and formatting).

import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerSaveSnippet(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('jianggao.saveSelectionAsSnippet', async () => {
    const editor = vscode.window.activeTextEditor;
    const text = editor?.document.getText(editor.selection);
    if (!editor || !text) {
      void vscode.window.showWarningMessage('请先选中要保存为片段的文字。');
      return;
    }
    const prefix = await vscode.window.showInputBox({
      title: '保存为团队片段',
      prompt: '前缀：输入它即可插入片段（中文或拼音首字母，多个用逗号分隔时取第一个）',
      validateInput: (v) => (v.trim() ? null : '前缀不能为空'),
    });
    if (!prefix) return;
    const description = (await vscode.window.showInputBox({ title: '保存为团队片段', prompt: '说明（可空）' })) ?? '';
    const { files, defaultFile } = await client.sendRequest<{ files: string[]; defaultFile: string }>('jianggao/snippetLibraryFiles', { uri: editor.document.uri.toString() });
    const picks = [
      ...files.map((f) => ({ label: path.basename(f), description: vscode.workspace.asRelativePath(f), file: f })),
      { label: '$(new-file) 新建团队片段库', description: vscode.workspace.asRelativePath(defaultFile), file: defaultFile },
    ];
    const pick = files.length ? await vscode.window.showQuickPick(picks, { title: '写入哪个片段库？' }) : picks[0];
    if (!pick) return;
    const result = await client.sendRequest<{ ok: boolean; message?: string; name?: string; file?: string }>('jianggao/saveSnippet', {
      file: pick.file,
      name: prefix.trim(),
      prefix: prefix.trim(),
      description,
      text,
    });
    if (result.ok) void vscode.window.showInformationMessage(`已保存片段“${result.name}”到 ${vscode.workspace.asRelativePath(result.file!)}`);
    else void vscode.window.showErrorMessage(`保存片段失败：${result.message}`);
  });
}

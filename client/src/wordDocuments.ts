// 讲稿：检查 Word 文档: a .docx opened as a read-only speech document. The
// server reads the file (with Word's numbering written back); the client only
// shows the text under its own scheme so nothing can be saved over the .docx.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const DOCX_SCHEME = 'jianggao-docx';

export function wordDocumentUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCX_SCHEME, path: file.fsPath });
}

export function registerWordDocuments(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const r = await client.sendRequest<{ ok: boolean; text?: string; reason?: string }>('jianggao/docxText', { path: uri.path });
      if (!r.ok) throw new Error(r.reason ?? '无法读取 .docx');
      return r.text ?? '';
    },
  };
  const open = async (file?: vscode.Uri) => {
    file ??= (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word 文档': ['docx'] }, openLabel: '检查' }))?.[0];
    if (!file) return;
    try {
      const doc = await vscode.workspace.openTextDocument(wordDocumentUri(file));
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(doc, 'speech'), { preview: false });
    } catch (e) {
      void vscode.window.showErrorMessage(`讲稿：无法打开 ${file.fsPath}：${(e as Error).message}`);
    }
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('jianggao.openWordDocument', open),
  );
}

// Status bar: length, speaking time and stock-phrase density of the speech at the
// cursor. The figures come from the server (the same as `jianggao stats`).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface SpeechStats {
  title: string;
  range: { start: { line: number }; end: { line: number } };
  chars: number;
  speakingMinutes: number;
  stockPhrases: { count: number; per1000: number; top: { phrase: string; count: number }[] };
}

export function registerSpeechStats(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('jianggao.stats', vscode.StatusBarAlignment.Left, 99);
  item.name = '讲稿篇幅与时长';
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    const languages = vscode.workspace.getConfiguration('jianggao').get<string[]>('languages', ['speech', 'plaintext', 'markdown']);
    if (!editor || !languages.includes(editor.document.languageId) || !client.isRunning()) return item.hide();
    const stats = await client.sendRequest<{ speeches: SpeechStats[]; checkedOnPause?: boolean; pauseMs?: number } | null>('jianggao/stats', { uri: editor.document.uri.toString() }).catch(() => null);
    const line = editor.selection.active.line;
    const speech = stats?.speeches.find((s) => s.range.start.line <= line && line <= s.range.end.line) ?? stats?.speeches[0];
    if (!speech || speech.chars === 0) return item.hide();
    item.text = `$(clock) ${speech.chars.toLocaleString('zh-CN')} 字 · 约 ${speech.speakingMinutes} 分钟${stats?.checkedOnPause ? ' · 停顿后检查' : ''}`;
    const top = speech.stockPhrases.top.slice(0, 5).map((t) => `${t.phrase} ×${t.count}`).join('、');
    item.tooltip = `${speech.title || '本篇讲话'}：${speech.chars} 字，按设定语速约 ${speech.speakingMinutes} 分钟\n套话 ${speech.stockPhrases.count} 处，每千字 ${speech.stockPhrases.per1000}${top ? `\n最常用：${top}` : ''}${stats?.checkedOnPause ? `\n文档很大：为不拖慢输入，停止输入 ${((stats.pauseMs ?? 1500) / 1000).toFixed(1)} 秒后才检查` : ''}`;
    item.show();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.window.onDidChangeTextEditorSelection(later),
    vscode.languages.onDidChangeDiagnostics(later),
  ];
  later();
  return vscode.Disposable.from(...subscriptions, { dispose: () => clearTimeout(timer) });
}

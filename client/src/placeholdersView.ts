// Explorer view "待填数据 / Placeholders": every file with unfilled data. The
// server scans the workspace (custom request); this only draws the answer.

import * as vscode from 'vscode';
import { wordDocumentUri } from './wordDocuments';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Entry {
  line: number;
  character: number;
  endCharacter: number;
  text: string;
  kind: string;
  context: string;
}
interface FileEntry {
  uri: string;
  path: string;
  count: number;
  placeholders: Entry[];
}
type Node = { file: FileEntry } | { file: FileEntry; entry: Entry };

export class PlaceholdersView implements vscode.TreeDataProvider<Node> {
  private files: FileEntry[] = [];
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private scanned = false;
  private scans = 0;

  constructor(private readonly client: LanguageClient) {}

  register(): vscode.Disposable {
    const tree = vscode.window.createTreeView('jianggao.placeholders', { treeDataProvider: this, showCollapseAll: true });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,speech,markdown}');
    const soon = () => this.scheduleRefresh();
    // Scan when the view is first shown (it may already be open when the window loads).
    if (tree.visible) void this.refresh();
    return vscode.Disposable.from(
      tree,
      watcher,
      watcher.onDidChange(soon),
      watcher.onDidCreate(soon),
      watcher.onDidDelete(soon),
      vscode.workspace.onDidChangeTextDocument(soon),
      tree.onDidChangeVisibility((e) => e.visible && !this.scanned && this.refresh()),
      vscode.commands.registerCommand('jianggao.refreshPlaceholders', () => this.refresh()),
      vscode.commands.registerCommand('jianggao.openPlaceholder', (uri: string, entry: Entry) => this.open(uri, entry)),
    );
  }

  private scheduleRefresh(): void {
    if (!this.scanned) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 800);
  }

  async refresh(): Promise<void> {
    const config = vscode.workspace.getConfiguration();
    const exclude = Object.entries(config.get<Record<string, boolean>>('files.exclude', {}))
      .filter(([, on]) => on)
      .map(([glob]) => glob);
    const include = config.get<string>('jianggao.placeholders.include') || undefined;
    const first = !this.scanned;
    this.scanned = true;
    // Files arrive while the server scans (tagged with this scan's id); the answer brings the rest.
    const scanId = `${Date.now()}-${++this.scans}`;
    const run = async () => {
      const found: FileEntry[] = [];
      const listening = this.client.onNotification('jianggao/scanProgress', (p: { scanId?: string; files?: FileEntry[] }) => {
        if (p.scanId !== scanId || !p.files?.length) return;
        found.push(...p.files);
      });
      try {
        const result = await this.client.sendRequest<{ files: FileEntry[] }>('jianggao/workspacePlaceholders', { include, exclude, scanId });
        found.push(...result.files);
      } finally {
        listening.dispose();
      }
      this.files = found;
      this.changed.fire(undefined);
    };
    if (first) await vscode.window.withProgress({ location: { viewId: 'jianggao.placeholders' }, title: '正在扫描待填数据…' }, run);
    else await run();
  }

  private async open(uri: string, entry: Entry): Promise<void> {
    const file = vscode.Uri.parse(uri);
    // A Word draft opens as its read-only text, where the line is the paragraph.
    const isWord = /\.docx$/i.test(file.path);
    const doc = await vscode.workspace.openTextDocument(isWord ? wordDocumentUri(file) : file);
    const editor = await vscode.window.showTextDocument(isWord ? await vscode.languages.setTextDocumentLanguage(doc, 'speech') : doc);
    const range = new vscode.Range(entry.line, entry.character, entry.line, entry.endCharacter);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.files.map((file) => ({ file }));
    if ('entry' in node) return [];
    return node.file.placeholders.map((entry) => ({ file: node.file, entry }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('entry' in node) {
      // The placeholder and what belongs there first, then where and its context: “×” 百分比 · 第18行.
      const item = new vscode.TreeItem(`“${node.entry.text}” ${node.entry.kind} · 第${node.entry.line + 1}行`, vscode.TreeItemCollapsibleState.None);
      item.description = node.entry.context;
      item.command = { command: 'jianggao.openPlaceholder', title: '打开', arguments: [node.file.uri, node.entry] };
      return item;
    }
    const uri = vscode.Uri.parse(node.file.uri);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${node.file.count} 处`;
    item.tooltip = `${vscode.workspace.asRelativePath(uri)}：${node.file.count} 处待填数据`;
    return item;
  }
}

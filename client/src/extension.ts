// The VS Code client: starts the language server and draws what it returns.
// No analysis happens here.

import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerPlaceholderNavigation } from './placeholderNavigation';
import { PlaceholdersView } from './placeholdersView';
import { registerSaveSnippet } from './saveSnippet';
import { registerSpeechStats } from './speechStats';
import { DOCX_SCHEME, registerWordDocuments } from './wordDocuments';

let client: LanguageClient | undefined;

function serverModule(context: vscode.ExtensionContext): string {
  // The packaged extension ships a bundle; a development checkout runs the compiled sources.
  const bundled = context.asAbsolutePath('dist/server.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath('server/out/languageServer.js');
}

function selector(): { scheme: string; language: string }[] {
  const languages = vscode.workspace.getConfiguration('jianggao').get<string[]>('languages', ['speech', 'plaintext', 'markdown']);
  // A bare plaintext selector would also lint VS Code's own input boxes: keep to files and untitled drafts.
  return [
    ...languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // Word drafts opened read-only by 讲稿：检查 Word 文档.
    { scheme: DOCX_SCHEME, language: 'speech' },
  ];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('讲稿 Jianggao', { log: true });
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    outputChannel: output,
    synchronize: {
      configurationSection: 'jianggao',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.jianggao.json'),
        vscode.workspace.createFileSystemWatcher('**/*.tsv'),
        vscode.workspace.createFileSystemWatcher('**/.jianggao/**'),
        vscode.workspace.createFileSystemWatcher('**/*.code-snippets'),
      ],
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration('jianggao') },
  };
  client = new LanguageClient('jianggao', '讲稿 Jianggao', serverOptions, clientOptions);
  await client.start();

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('jianggao.languages') && client) {
        client.clientOptions.documentSelector = selector();
        await client.restart();
      }
    }),
  );
  registerPlaceholderNavigation(context);
  // 讲稿：一键清理: the server's source.fixAll.jianggao action, applied as one undoable edit.
  context.subscriptions.push(
    vscode.commands.registerCommand('jianggao.fixAll', () => vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.jianggao', apply: 'first' })),
  );
  const view = new PlaceholdersView(client);
  context.subscriptions.push(view.register(), registerSaveSnippet(client), registerSpeechStats(client), registerWordDocuments(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

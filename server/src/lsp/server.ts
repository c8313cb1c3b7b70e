// The language server: a thin adapter from LSP to the analysis core. It keeps
// one document model per open document version and answers every feature from it.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionKind,
  Connection,
  Diagnostic as LspDiagnostic,
  DocumentSymbol as LspDocumentSymbol,
  DidChangeConfigurationNotification,
  Hover,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, defaultConfig, Diagnostic, documentSymbols, foldingRanges, JianggaoConfig, parseDocument, rangeOf, SpeechDocument } from '../core';
import { offsetAt } from '../core/document';
import { hoverAt } from '../core/features/hover';
import { MAX_FILE_BYTES } from '../files';
import { CONFIG_FILE, findConfigFile, parseConfigText } from '../projectConfig';
import { mergeSettings, Settings } from './settings';
import { scanWorkspacePlaceholders, WorkspacePlaceholdersParams, WORKSPACE_PLACEHOLDERS_REQUEST } from './workspacePlaceholders';

const DEBOUNCE_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new Map<string, { version: number; model: SpeechDocument }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let settings: Settings = {};
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;

  const log = (message: string) => connection.console.log(`[jianggao] ${message}`);
  // User data must never take the server down: a failing feature logs and answers empty.
  function guard<F extends (...a: any[]) => any>(name: string, fallback: ReturnType<F>, fn: F): F {
    return ((...a: Parameters<F>) => {
      try {
        return fn(...a);
      } catch (e) {
        connection.console.error(`[jianggao] ${name} 失败：${(e as Error).stack ?? e}`);
        return fallback;
      }
    }) as F;
  }

  function configFor(uri: string): { config: JianggaoConfig; errors: string[]; file: string | null } {
    let file: string | null = null;
    if (uri.startsWith('file:')) file = findConfigFile(path.dirname(fileURLToPath(uri)));
    const base = defaultConfig();
    let errors: string[] = [];
    let config = base;
    if (file) {
      try {
        const parsed = parseConfigText(fs.readFileSync(file, 'utf8'));
        config = parsed.config;
        errors = parsed.errors;
      } catch (e) {
        errors = [`无法读取配置文件：${(e as Error).message}`];
      }
    }
    return { config: mergeSettings(config, settings), errors, file };
  }

  function isMarkdown(doc: TextDocument): boolean {
    return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
  }

  /** The one model of this document version; every feature reads it. */
  function modelOf(doc: TextDocument): SpeechDocument {
    const cached = models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    const { config } = configFor(doc.uri);
    const model = parseDocument(doc.getText(), { markdown: isMarkdown(doc), placeholders: config.placeholders });
    models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  function toLsp(d: Diagnostic): LspDiagnostic {
    return d as unknown as LspDiagnostic;
  }

  const validate = guard('检查', undefined, (doc: TextDocument) => {
    if (doc.getText().length > MAX_FILE_BYTES) {
      connection.sendDiagnostics({
        uri: doc.uri,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'jianggao', message: '文件过大，讲稿检查已跳过。' }],
      });
      return;
    }
    const { config } = configFor(doc.uri);
    const diagnostics = checkDocument(modelOf(doc), { config }).map(toLsp);
    connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  });

  const validateConfigFile = guard('检查配置', undefined, (doc: TextDocument) => {
    const { errors } = parseConfigText(doc.getText());
    connection.sendDiagnostics({
      uri: doc.uri,
      diagnostics: errors.map((message) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, source: 'jianggao', message })),
    });
  });

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    if (doc.uri.endsWith(CONFIG_FILE)) {
      validateConfigFile(doc);
      return;
    }
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) validate(current);
    }, delay));
  }

  function revalidateAll(): void {
    models.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
    settings = (params.initializationOptions?.settings as Settings) ?? {};
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '讲稿结构' },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'jianggao-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      void pullSettings().then(revalidateAll);
    }
    log('讲稿语言服务器已启动');
  });

  async function pullSettings(): Promise<void> {
    try {
      const [s] = await connection.workspace.getConfiguration([{ section: 'jianggao' }]);
      if (s && typeof s === 'object') settings = s as Settings;
    } catch (e) {
      log(`读取设置失败：${(e as Error).message}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else settings = (change.settings?.jianggao as Settings) ?? {};
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((c) => c.uri.endsWith(CONFIG_FILE))) revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidSave((e) => {
    if (e.document.uri.endsWith(CONFIG_FILE)) revalidateAll();
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    models.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(guard('大纲', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    // The core's symbols have LSP's shape; only SymbolKind is typed as a plain number there.
    return doc ? (documentSymbols(modelOf(doc)) as unknown as LspDocumentSymbol[]) : [];
  }));

  connection.onFoldingRanges(guard('折叠', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? foldingRanges(modelOf(doc)) : [];
  }));

  connection.onHover(guard('悬停', null, (params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const model = modelOf(doc);
    const h = hoverAt(model, offsetAt(model, params.position));
    return h ? { contents: { kind: 'markdown', value: h.contents }, range: rangeOf(model, h.start, h.end) } : null;
  }));

  connection.onCodeAction(guard('快速修复', [], (params): CodeAction[] => {
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== 'jianggao') continue;
      const fixes = (d.data as { fixes?: { title: string; range: LspDiagnostic['range']; newText: string }[] } | undefined)?.fixes ?? [];
      fixes.forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [params.textDocument.uri]: [{ range: fix.range, newText: fix.newText }] } },
        }),
      );
    }
    return actions;
  }));

  connection.onRequest(WORKSPACE_PLACEHOLDERS_REQUEST, async (params: WorkspacePlaceholdersParams, token) => {
    try {
      return await scanWorkspacePlaceholders(params, {
        folders: workspaceFolders,
        open: (uri) => documents.get(uri)?.getText(),
        configFor: (uri) => configFor(uri).config,
        token,
        progress: (done, total) => connection.sendNotification('jianggao/scanProgress', { done, total }),
      });
    } catch (e) {
      connection.console.error(`[jianggao] 工作区占位符扫描失败：${(e as Error).message}`);
      return { files: [] };
    }
  });

  documents.listen(connection);
  connection.listen();
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

// The language server: a thin adapter from LSP to the analysis core. It keeps
// one document model per open document version and answers every feature from it.

import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CompletionTriggerKind,
  CodeAction,
  CodeActionKind,
  Connection,
  Diagnostic as LspDiagnostic,
  DocumentSymbol as LspDocumentSymbol,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  Hover,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_PACE, defaultConfig, documentStats, documentSymbols, foldingRanges, JianggaoConfig, parseDocument, rangeOf, SpeechDocument, TextMemo } from '../core';
import { offsetAt } from '../core/document';
import { hoverAt } from '../core/features/hover';
import { readDraft } from '../files';
import { isDocxPath } from '../docx';
import { CONFIG_FILE, configFromText, findConfigFile, loadProjectConfig } from '../projectConfig';
import { mergeSettings, Settings } from './settings';
import { DictionaryLoad, loadStockPhrases, segmenterWords } from '../resources';
import { BackgroundSegmenter } from '../segmenter/background';
import { SnippetLibraries } from '../snippetLibraries';
import { snippetCompletions } from './completion';
import { allowActions } from './allowActions';
import { FIX_ALL_KIND, fixAllAction, sameRuleActions } from './codeActions';
import { DiagnosticDelivery, fixKey, partIdentifier, PULL_PARTS } from './diagnostics';
import { DocumentChecks } from './checking';
import { containConfig } from '../containment';
import { saveSnippet, NewSnippet, SaveResult } from '../saveSnippet';
import { SCAN_PROGRESS_NOTIFICATION, scanWorkspacePlaceholders, WorkspacePlaceholdersParams, WORKSPACE_PLACEHOLDERS_REQUEST } from './workspacePlaceholders';

// Typing pauses shorter than this are one edit. JIANGGAO_DEBOUNCE_MS overrides it (the benchmark sets 0).
const DEBOUNCE_MS = Number(process.env.JIANGGAO_DEBOUNCE_MS ?? 150);
// Above this many characters a full check takes longer than a keystroke should wait.
const LARGE_DOCUMENT = 1_000_000;
const LARGE_PAUSE_MS = 1500;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new Map<string, { version: number; model: SpeechDocument }>();
  // Per-line results of the previous version, per open document: an edit re-works only the lines it changed.
  const memos = new Map<string, TextMemo>();
  const memoOf = (uri: string) => {
    let memo = memos.get(uri);
    if (!memo) memos.set(uri, (memo = new TextMemo()));
    return memo;
  };
  let settings: Settings = {};
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;
  const dictionaries = new Map<string, DictionaryLoad>();
  const segmenter = new BackgroundSegmenter((state, reason) => {
    if (state === 'ready') {
      log(`分词库已就绪（${segmenter.loadMs} ms），开始检查重复词`);
      for (const doc of documents.all()) schedule(doc, 0);
    } else if (state === 'failed') {
      // Said once; every other rule keeps working.
      void connection.window.showWarningMessage(`讲稿：${reason}。依赖分词的检查（词语重复）不可用，其他检查照常。`);
      log(`分词库不可用：${reason}`);
    }
  });
  const segmenterDisabled = process.env.JIANGGAO_NO_SEGMENTER === '1';
  const libraries = new SnippetLibraries();
  const publishedLibraryProblems = new Map<string, string>();

  /** Loads the snippet libraries for a document and reports problems on the library files. */
  function snippetsFor(uri: string) {
    const loaded = libraries.load(configFor(uri).config.snippetLibraries);
    for (const [file, { text, parsed }] of loaded.problems) {
      const key = JSON.stringify(parsed.problems);
      if (publishedLibraryProblems.get(file) === key) continue;
      publishedLibraryProblems.set(file, key);
      const lib = TextDocument.create(uriOf(file), 'json', 0, text);
      connection.sendDiagnostics({
        uri: uriOf(file),
        diagnostics: parsed.problems.map((p) => ({
          range: { start: lib.positionAt(p.offset), end: lib.positionAt(p.offset + p.length) },
          severity: 1,
          source: 'jianggao',
          message: p.message,
        })),
      });
    }
    return loaded;
  }

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

  /** Stock-phrase dictionaries for a config, loaded once; their problems go to the dictionary files. */
  function dictionariesFor(config: JianggaoConfig): DictionaryLoad {
    const key = JSON.stringify(config.stockPhrases);
    let loaded = dictionaries.get(key);
    if (!loaded) {
      loaded = loadStockPhrases(config);
      dictionaries.set(key, loaded);
      segmenter.addWords(segmenterWords(loaded.matcher));
      const byFile = new Map<string, LspDiagnostic[]>();
      for (const p of loaded.problems) {
        const line = p.line ?? 0;
        const list = byFile.get(p.file) ?? [];
        list.push({ range: { start: { line, character: 0 }, end: { line, character: 1000 } }, severity: 1, source: 'jianggao', message: p.message });
        byFile.set(p.file, list);
      }
      for (const [file, diagnostics] of byFile) {
        connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
        log(`词典问题：${file}：${diagnostics.map((d) => d.message).join('；')}`);
      }
    }
    return loaded;
  }

  // Project configs by file, read once; cleared whenever a config, setting or dictionary changes.
  const projectConfigs = new Map<string, { config: JianggaoConfig; errors: string[] }>();

  function configFor(uri: string): { config: JianggaoConfig; errors: string[]; file: string | null } {
    let file: string | null = null;
    if (uri.startsWith('file:')) file = findConfigFile(path.dirname(fileURLToPath(uri)));
    // A Word draft opened read-only: its path is the .docx's, and so is its project's config.
    else if (uri.startsWith('jianggao-docx:')) file = findConfigFile(path.dirname(decodeURIComponent(new URL(uri).pathname)));
    // Team data is read from the workspace folders, installed packages, and what the user allowed (user settings only).
    const roots = [...workspaceFolders, ...(Array.isArray(settings.allowedPaths) ? settings.allowedPaths.filter((p) => typeof p === 'string') : [])];
    let project = { config: defaultConfig(), errors: [] as string[] };
    if (file) {
      const cached = projectConfigs.get(file);
      project = cached ?? loadProjectConfig(file, path.dirname(file), roots);
      projectConfigs.set(file, project);
    }
    const merged = containConfig(mergeSettings(project.config, settings, workspaceFolders[0]), file ? [path.dirname(file), ...roots] : roots);
    return { config: merged.config, errors: [...project.errors, ...merged.errors], file };
  }

  function isMarkdown(doc: TextDocument): boolean {
    return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
  }

  /** The one model of this document version; every feature reads it. */
  function modelOf(doc: TextDocument): SpeechDocument {
    const cached = models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    const { config } = configFor(doc.uri);
    // A new version: what the memo kept from the one before is offered to this parse and check, then dropped if unused.
    const memo = memoOf(doc.uri);
    memo.nextVersion();
    const model = parseDocument(doc.getText(), { markdown: isMarkdown(doc), placeholders: config.placeholders, memo });
    models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  // Diagnostics go out through one channel: pulled with result ids when the client can, pushed otherwise (diagnostics.ts).
  let delivery: DiagnosticDelivery;
  let pullInParts = false;
  const checks = new DocumentChecks({
    documents,
    delivery: () => delivery,
    segmenter,
    configFor,
    dictionariesFor,
    modelOf,
    memoOf,
    log,
    error: (message) => connection.console.error(`[jianggao] ${message}`),
  });

  const validateConfigFile = guard('检查配置', undefined, (doc: TextDocument) => {
    const dir = doc.uri.startsWith('file:') ? path.dirname(fileURLToPath(doc.uri)) : process.cwd();
    const text = doc.getText();
    const { errors } = configFromText(text, dir);
    // Point at the key or value a message quotes (“loud”, “nope”); else at the top.
    const rangeFor = (message: string) => {
      const found = [...message.matchAll(/“([^”]+)”/g)].map((m) => JSON.stringify(m[1])).filter((q) => text.includes(q)).pop();
      if (!found) return { start: doc.positionAt(0), end: doc.positionAt(1) };
      const at = text.indexOf(found);
      return { start: doc.positionAt(at), end: doc.positionAt(at + found.length) };
    };
    connection.sendDiagnostics({
      uri: doc.uri,
      diagnostics: errors.map((message) => ({ range: rangeFor(message), severity: 1, source: 'jianggao', message })),
    });
  });

  function schedule(doc: TextDocument, delay: number): void {
    if (doc.uri.endsWith(CONFIG_FILE)) validateConfigFile(doc);
    else checks.schedule(doc, delay);
  }

  function revalidateAll(): void {
    models.clear();
    memos.clear();
    projectConfigs.clear();
    dictionaries.clear();
    checks.forgetSegmented();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
    settings = (params.initializationOptions?.settings as Settings) ?? {};
    const pull = !!params.capabilities.textDocument?.diagnostic;
    // A client that registers providers as asked (VS Code) pulls the diagnostics in parts (diagnostics.ts).
    pullInParts = pull && !!params.capabilities.textDocument?.diagnostic?.dynamicRegistration;
    delivery = new DiagnosticDelivery(connection, pull, !!params.capabilities.workspace?.diagnostics?.refreshSupport, pullInParts ? PULL_PARTS : 1);
    return {
      capabilities: {
        ...(pull && !pullInParts ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '讲稿结构' },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // An input method delivers 三点 as one composed insertion, which does not open the
        // suggestions by itself: the characters of the Chinese prefixes are trigger characters.
        completionProvider: { resolveProvider: false, triggerCharacters: chinesePrefixCharacters(libraries) },
      },
      serverInfo: { name: 'jianggao-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // The client's own document selector (null) for each part.
    if (pullInParts)
      for (let k = 0; k < PULL_PARTS; k++)
        void connection.client.register(DocumentDiagnosticRequest.type, { documentSelector: null, identifier: partIdentifier(k), interFileDependencies: false, workspaceDiagnostics: false });
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      void pullSettings().then(revalidateAll);
    }
    log('讲稿语言服务器已启动');
    // Off the path to the first diagnostics: the segmenter loads in its own process.
    if (!segmenterDisabled) setTimeout(() => segmenter.start(segmenterWords(dictionariesFor(mergeSettings(defaultConfig(), settings)).matcher)), 50);
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
    if (change.changes.some((c) => c.uri.endsWith(CONFIG_FILE) || c.uri.endsWith('.tsv'))) revalidateAll();
    // Library files are re-read on their next use; re-check them now so their problems show at once.
    if (change.changes.some((c) => /\.(code-snippets|json|md)$/.test(c.uri)) && documents.all()[0]) snippetsFor(documents.all()[0].uri);
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  // A very large document is checked when typing pauses longer, so keystrokes never queue behind a full check.
  documents.onDidChangeContent((e) => schedule(e.document, e.document.getText().length > LARGE_DOCUMENT ? Math.max(DEBOUNCE_MS, LARGE_PAUSE_MS) : DEBOUNCE_MS));
  documents.onDidSave((e) => {
    if (e.document.uri.endsWith(CONFIG_FILE)) revalidateAll();
  });
  documents.onDidClose((e) => {
    checks.forget(e.document.uri);
    models.delete(e.document.uri);
    memos.delete(e.document.uri);
    delivery.clear(e.document.uri);
  });

  // A pull is answered once the document's current version has been checked (the usual pause
  // after typing still applies); a pull for a document the server does not hold is answered empty.
  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    // A config file's problems are pushed (it is not a speech); an unknown document has none.
    if (!doc || doc.uri.endsWith(CONFIG_FILE)) return { kind: 'full', items: [] };
    if (!delivery.has(doc.uri, doc.version) && !checks.pending(doc.uri)) schedule(doc, 0);
    return delivery.report(doc.uri, doc.version, params.previousResultId, token, params.identifier);
  });

  connection.onDocumentSymbol(guard('大纲', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    // The core's symbols have LSP's shape; only SymbolKind is typed as a plain number there.
    return doc ? (documentSymbols(modelOf(doc), dictionariesFor(configFor(doc.uri).config).matcher) as unknown as LspDocumentSymbol[]) : [];
  }));

  connection.onFoldingRanges(guard('折叠', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? foldingRanges(modelOf(doc)) : [];
  }));

  connection.onHover(guard('悬停', null, (params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const model = modelOf(doc);
    const h = hoverAt(model, offsetAt(model, params.position), dictionariesFor(configFor(doc.uri).config).matcher);
    return h ? { contents: { kind: 'markdown', value: h.contents }, range: rangeOf(model, h.start, h.end) } : null;
  }));

  connection.onCodeAction(guard('快速修复', [], (params): CodeAction[] => {
    // editor.codeActionsOnSave / 讲稿：一键清理: every safe fix as one undoable edit.
    if (params.context.only?.some((k) => FIX_ALL_KIND.startsWith(k) || k.startsWith(FIX_ALL_KIND))) {
      const doc = documents.get(params.textDocument.uri);
      return doc ? fixAllAction(doc.uri, modelOf(doc), configFor(doc.uri).config) : [];
    }
    const actions: CodeAction[] = [];
    const doc = documents.get(params.textDocument.uri);
    const configFile = doc ? configFor(doc.uri).file : null;
    type Edit = { range: LspDiagnostic['range']; newText: string };
    const fixedCodes = new Set<string>();
    for (const d of params.context.diagnostics) {
      // Only the problems at the cursor or selection, not every one the editor passes for the line.
      if (d.source !== 'jianggao' || !overlaps(d.range, params.range)) continue;
      const fixes = (delivery.fixesFor(params.textDocument.uri).get(fixKey(d)) ?? []) as (Edit & { title: string; more?: Edit[] })[];
      fixes.forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [params.textDocument.uri]: [{ range: fix.range, newText: fix.newText }, ...(fix.more ?? [])] } },
        }),
      );
      if (doc) actions.push(...allowActions(doc, d, configFile, workspaceFolders[0] ?? null, isMarkdown(doc)));
      if (fixes.length) fixedCodes.add(String(d.code));
    }
    actions.push(...sameRuleActions(params.textDocument.uri, delivery.fixesFor(params.textDocument.uri), fixedCodes));
    return actions;
  }));

  connection.onCompletion(guard('补全', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lineBefore = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const items = snippetCompletions(snippetsFor(doc.uri).snippets, lineBefore, params.position);
    // Opened by a typed Chinese character: only the snippets whose prefix the text before the cursor begins.
    if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter) return items.filter((i) => i.textEdit && 'range' in i.textEdit && i.textEdit.range.start.character < params.position.character);
    return items;
  }));

  // 讲稿：检查 Word 文档: the text of a .docx, with Word's numbering written back.
  type DocxText = { ok: boolean; text?: string; reason?: string };
  connection.onRequest('jianggao/docxText', guard('读取 Word 文档', { ok: false, reason: '读取失败' } as DocxText, (params: { path: string }): DocxText => {
    if (!isDocxPath(params.path)) return { ok: false, reason: '不是 .docx 文件' };
    const r = readDraft(params.path);
    return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
  }));

  // The measures shown in the status bar: the same figures as `jianggao stats`.
  connection.onRequest('jianggao/stats', guard('统计', null, (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const pace = typeof settings.speakingPace === 'number' && settings.speakingPace > 0 ? settings.speakingPace : DEFAULT_PACE;
    // A document so large that typing would lag is checked after a pause: the status bar says so.
    const checkedOnPause = doc.getText().length > LARGE_DOCUMENT;
    return { ...documentStats(modelOf(doc), dictionariesFor(configFor(doc.uri).config).matcher, pace), checkedOnPause, pauseMs: checkedOnPause ? Math.max(DEBOUNCE_MS, LARGE_PAUSE_MS) : DEBOUNCE_MS };
  }));

  connection.onRequest('jianggao/snippetLibraryFiles', guard('片段库列表', { files: [] as string[], defaultFile: '' }, (params: { uri?: string }) => {
    const uri = params.uri ?? (workspaceFolders[0] ? uriOf(path.join(workspaceFolders[0], 'x')) : '');
    const loaded = snippetsFor(uri);
    const base = workspaceFolders[0] ?? (uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : process.cwd());
    return { files: loaded.files, defaultFile: path.join(base, '.jianggao', 'snippets', 'team.code-snippets') };
  }));

  connection.onRequest<SaveResult, unknown>('jianggao/saveSnippet', guard('保存片段', { ok: false, message: '保存失败' } as SaveResult, (params: { file: string } & NewSnippet): SaveResult => {
    // Only a library file the team configured and the server loaded, or the default team
    // file of a workspace folder: never a path the request makes up (../, notes.md, package.json).
    const target = path.resolve(String(params.file ?? ''));
    const uri = workspaceFolders[0] ? uriOf(path.join(workspaceFolders[0], 'x')) : '';
    const allowed = new Set([...snippetsFor(uri).files.map((f) => path.resolve(f)), ...workspaceFolders.map((w) => path.resolve(w, '.jianggao', 'snippets', 'team.code-snippets'))]);
    if (!allowed.has(target)) return { ok: false, message: '只能写入已配置并已加载的团队片段库文件' };
    const result = saveSnippet(target, params);
    if (result.ok) log(`已把片段“${result.name}”写入 ${result.file}`);
    return result;
  }));

  connection.onRequest(WORKSPACE_PLACEHOLDERS_REQUEST, async (params: WorkspacePlaceholdersParams, token) => {
    try {
      return await scanWorkspacePlaceholders(params, {
        folders: workspaceFolders,
        open: (uri) => documents.get(uri)?.getText(),
        configFor: (uri) => configFor(uri).config,
        token,
        progress: (progress) => connection.sendNotification(SCAN_PROGRESS_NOTIFICATION, progress),
      });
    } catch (e) {
      connection.console.error(`[jianggao] 工作区占位符扫描失败：${(e as Error).message}`);
      return { files: [] };
    }
  });

  connection.onShutdown(() => segmenter.stop());
  connection.onExit(() => segmenter.stop());

  documents.listen(connection);
  connection.listen();
}

function chinesePrefixCharacters(libraries: SnippetLibraries): string[] {
  const chars = new Set<string>();
  // The built-in library, read through the server's cache: the first completion does not read it again.
  for (const s of libraries.load([]).snippets) for (const prefix of s.prefixes) for (const ch of prefix) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  return [...chars];
}

type LspRange = LspDiagnostic['range'];
function before(a: LspRange['start'], b: LspRange['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
/** Ranges that touch: a cursor at either end of a diagnostic counts. */
function overlaps(a: LspRange, b: LspRange): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

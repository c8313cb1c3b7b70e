import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { afterEach, describe, expect, it } from 'vitest';
import { seed } from './helpers';
import { LspClient } from './lspClient';
import { tempDir } from './tempDirs';

let client: LspClient | null = null;
afterEach(async () => {
  await client?.stop();
  client = null;
});

function workspace(): string {
  return tempDir('jianggao-lsp-');
}

describe('language server over stdio', () => {
  it('publishes diagnostics and a hierarchical outline for seed004', async () => {
    const dir = workspace();
    client = new LspClient();
    const init = await client.initialize(dir);
    expect(init.capabilities.documentSymbolProvider).toBeTruthy();
    const uri = pathToFileURL(path.join(dir, 'seed004.speech')).toString();
    client.open(uri, seed('seed004').text);
    const pub = await client.diagnostics(uri);
    const counts = pub.diagnostics.filter((d) => d.code === 'announced-count').map((d) => d.range.start.line + 1);
    expect(counts).toEqual([53, 67]);
    expect(pub.diagnostics.filter((d) => d.code === 'web-residue').map((d) => d.range.start.line + 1)).toEqual([1, 3, 5, 77, 78, 80, 82]);

    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(2);
    const speech = symbols[1];
    expect(speech.name).toBe('在全市高质量项目建设年动员大会上的讲话');
    const part2 = speech.children.find((s: any) => s.name.startsWith('二、'));
    expect(part2.children.map((s: any) => s.name.slice(0, 3))).toEqual(['(一)', '(二)', '(三)', '(四)']);
    expect(part2.children[0].children.map((s: any) => s.name.slice(0, 2))).toEqual(['一要', '二要', '三要']);

    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.some((f: any) => f.startLine === 64 && f.endLine >= 74)).toBe(true);
  });

  it('hovers an announcement with announced vs found, and offers quick fixes', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'a.speech')).toString();
    client.open(uri, '同志们：\n下面，我讲三点意见。\n一、甲\n内容。\n二、乙\n内容。\n第一、要学习。第二、要落实。\n');
    const pub = await client.diagnostics(uri);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } });
    expect(hover.contents.value).toContain('宣布 3 点，实际找到 2 点');
    expect(hover.contents.value).toContain('1. 一、甲');
    const hierarchy = pub.diagnostics.filter((d) => d.code === 'heading-hierarchy');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: hierarchy[0].range,
      context: { diagnostics: hierarchy },
    });
    const edit = actions[0].edit.changes[uri][0];
    expect(edit.newText).toBe('，');
    expect(edit.range.start.line).toBe(6);
  });

  it('不再提示: the allow-list fix writes the phrase into .jianggao.json, and the finding is gone', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'w.speech')).toString();
    client.open(uri, '同志们：\n这个称号名符其实。\n');
    const { diagnostics } = await client.diagnostics(uri);
    const wording = diagnostics.filter((d) => d.code === 'wording');
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: wording[0].range, context: { diagnostics: wording } });
    const allow = actions.find((a) => a.title.startsWith('不再提示“名符其实”'));
    const here = actions.find((a) => a.title.startsWith('仅此处不再提示'));
    expect(here.edit.changes[uri][0]).toMatchObject({ newText: '// jianggao-disable-next-line wording\n', range: { start: { line: 1, character: 0 } } });
    // No config yet: the fix creates one holding the allow list.
    const [create, write] = allow.edit.documentChanges;
    expect(create).toMatchObject({ kind: 'create' });
    const config = path.join(dir, '.jianggao.json');
    fs.writeFileSync(config, write.edits[0].newText);
    expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ allow: { wording: ['名符其实'] } });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
    client.change(uri, 2, [{ text: '同志们：\n这个称号名符其实。\n' }]);
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    expect(after.diagnostics.filter((d) => d.code === 'wording')).toEqual([]);
  });

  it('source.fixAll.jianggao returns every safe fix as one action, and nothing that is a choice of words', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'f.speech')).toString();
    client.open(uri, '同志们：\n我們要抓好建設(shè)工作，名符其实。\n第一、要团结。\n');
    await client.diagnostics(uri);
    const [action] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.jianggao'] } });
    expect(action.kind).toBe('source.fixAll.jianggao');
    const edits = action.edit.changes[uri];
    expect(edits.map((e: any) => e.newText).sort()).toEqual(['', '们', '设', '，']);
  });

  it('offers to fix every finding of one rule in the document at once', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'g.speech')).toString();
    client.open(uri, '同志们：\n今天召開這次會議。\n大家要認真學習。\n會後抓好落實。\n');
    const { diagnostics } = await client.diagnostics(uri);
    const script = diagnostics.filter((d) => d.code === 'script');
    expect(script).toHaveLength(3);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: script[0].range, context: { diagnostics: [script[0]] } });
    // The edits are not shipped with the diagnostic; the code action brings them.
    expect(script[0].data?.fixes).toBeUndefined();
    expect(actions.find((a: any) => a.title.startsWith('本行转为简体')).edit.changes[uri][0].newText).toBe('开这');
    const all = actions.find((a: any) => a.title.startsWith('修复本文全部“繁体字”'));
    expect(all.title).toBe('修复本文全部“繁体字”（3 处）');
    expect(new Set(all.edit.changes[uri].map((e: any) => e.range.start.line))).toEqual(new Set([1, 2, 3]));
  });

  it('says in the stats when a document is so large it is checked after a pause', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const small = pathToFileURL(path.join(dir, 's.speech')).toString();
    const large = pathToFileURL(path.join(dir, 'l.speech')).toString();
    client.open(small, '同志们：\n今天开会。\n');
    const paragraph = '各级各部门要认真贯彻落实会议精神，确保各项工作落到实处。\n';
    client.open(large, '同志们：\n' + paragraph.repeat(Math.ceil(1_050_000 / paragraph.length)));
    expect((await client.request('jianggao/stats', { uri: small })).checkedOnPause).toBe(false);
    const stats = await client.request('jianggao/stats', { uri: large });
    expect(stats.checkedOnPause).toBe(true);
    expect(stats.pauseMs).toBeGreaterThanOrEqual(1500);
  }, 60000);

  it('updates diagnostics after an incremental edit', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'b.speech')).toString();
    client.open(uri, '同志们：\n今年增长×%。\n');
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['placeholder']);
    client.change(uri, 2, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: '6' }]);
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    expect(second.diagnostics).toEqual([]);
  });

  it('honours .jianggao.json severity and reports a broken config on the config file', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'c.speech')).toString();
    client.open(uri, '今年增长×%。\n');
    const pub = await client.diagnostics(uri);
    expect(pub.diagnostics[0].severity).toBe(1);
    const configUri = pathToFileURL(path.join(dir, '.jianggao.json')).toString();
    client.open(configUri, '{\n  "rules": {\n    "placeholder": "loud"\n  }\n}', 'json');
    const configDiag = await client.diagnostics(configUri);
    expect(configDiag.diagnostics[0].message).toContain('“loud”无效');
    expect(configDiag.diagnostics[0].range.start).toEqual({ line: 2, character: 19 });
  });

  it('survives binary junk and answers the next document', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const junk = pathToFileURL(path.join(dir, 'junk.speech')).toString();
    client.open(junk, '\u0000\u0001\uFFFD'.repeat(1000) + '一、'.repeat(5000));
    await client.diagnostics(junk);
    const ok = pathToFileURL(path.join(dir, 'ok.speech')).toString();
    client.open(ok, '今年增长×%。\n');
    expect((await client.diagnostics(ok)).diagnostics).toHaveLength(1);
  });

  it('pulled diagnostics: an unchanged result is not resent, a changed one is, and the segmented pass asks for a pull', async () => {
    const dir = workspace();
    client = new LspClient({}, {});
    const init = await client.initialize(dir, { pull: true });
    expect(init.capabilities.diagnosticProvider).toEqual({ interFileDependencies: false, workspaceDiagnostics: false });
    const uri = pathToFileURL(path.join(dir, 'p.speech')).toString();
    client.open(uri, '同志们：\n今年增长×%，我们的工作工作要抓实。\n会后抓好落实\n');
    const pull = (previousResultId?: string) => client!.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const first = await pull();
    expect(first.kind).toBe('full');
    expect(first.items.map((d: any) => d.code)).toContain('placeholder');
    // Nothing is pushed to a client that pulls.
    expect(client.published.filter((p) => p.uri === uri)).toEqual([]);
    expect(await pull(first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // An edit at the end of a line with no finding changes no finding: still unchanged.
    client.change(uri, 2, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } }, text: '。' }]);
    const second = await pull(first.resultId);
    expect(second.kind, JSON.stringify(second.items)).toBe('unchanged');
    // Filling the placeholder does change them.
    client.change(uri, 3, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: '6' }]);
    const third = await pull(first.resultId);
    expect(third.kind).toBe('full');
    expect(third.items.map((d: any) => d.code)).not.toContain('placeholder');
    // nodejieba's findings come later: the server asks the client to pull again, and the pull has them.
    const deadline = Date.now() + 20000;
    while (client.refreshes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(client.refreshes).toBeGreaterThan(0);
    const later = await pull(third.resultId);
    expect(later.kind).toBe('full');
    expect(later.items.map((d: any) => d.code)).toContain('duplicate-word');
    // Quick fixes still come from the code action, not the diagnostic.
    const placeholderFree = later.items.find((d: any) => d.code === 'duplicate-word');
    expect(placeholderFree.data?.fixes).toBeUndefined();
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: placeholderFree.range, context: { diagnostics: [placeholderFree] } });
    expect(actions.some((a: any) => a.edit)).toBe(true);
  }, 40000);

  it('pulled in parts (a client that registers providers): an edit resends only the part holding its lines', async () => {
    const dir = workspace();
    client = new LspClient({}, {});
    const init = await client.initialize(dir, { pull: true, pullParts: true });
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    const deadline = Date.now() + 5000;
    while (client.registrations.filter((r) => r.method === 'textDocument/diagnostic').length < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const identifiers = client.registrations.filter((r) => r.method === 'textDocument/diagnostic').map((r) => r.registerOptions.identifier);
    expect(identifiers).toEqual(['jianggao-1', 'jianggao-2', 'jianggao-3', 'jianggao-4', 'jianggao-5', 'jianggao-6', 'jianggao-7', 'jianggao-8']);
    // 120 lines, a placeholder on each: lines 0–49 are in part 1, 50–99 in part 2, 100–119 in part 3.
    const uri = pathToFileURL(path.join(dir, 'big.speech')).toString();
    // Short lines of varied length: no sentence long enough to compare, no PDF-like width.
    const lines = Array.from({ length: 120 }, (_, i) => `第${i + 1}项增长×%${'，好'.repeat(i % 6)}。`);
    client.open(uri, lines.join('\n') + '\n');
    const pull = (identifier: string, previousResultId?: string) => client!.request('textDocument/diagnostic', { textDocument: { uri }, identifier, previousResultId });
    const first = await Promise.all(identifiers.map((id) => pull(id)));
    const placeholderLines = (r: any) => r.items.filter((d: any) => d.code === 'placeholder').map((d: any) => d.range.start.line);
    expect(placeholderLines(first[0])).toEqual(lines.slice(0, 50).map((_, i) => i));
    expect(placeholderLines(first[1])).toEqual(lines.slice(50, 100).map((_, i) => 50 + i));
    expect(placeholderLines(first[2])).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
    expect(first.slice(3).every((r: any) => r.items.length === 0)).toBe(true);
    // A placeholder typed on line 60: part 2 comes again, every other part is unchanged.
    client.change(uri, 2, [{ range: { start: { line: 60, character: 0 }, end: { line: 60, character: 0 } }, text: '××同志说，' }]);
    const second = await Promise.all(identifiers.map((id, k) => pull(id, first[k].resultId)));
    expect(second.map((r: any) => r.kind)).toEqual(['unchanged', 'full', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(placeholderLines(second[1]).filter((l: number) => l === 60)).toHaveLength(2);
  });

  it('publishes structure and placeholders before nodejieba loads, then the segmented findings', async () => {
    const dir = workspace();
    client = new LspClient({}, {});
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'seed000.speech')).toString();
    const opened = Date.now();
    client.open(uri, seed('seed000').text);
    const first = await client.diagnostics(uri);
    const firstMs = Date.now() - opened;
    expect(first.diagnostics.some((d) => d.code === 'placeholder')).toBe(true);
    expect(first.diagnostics.some((d) => d.code === 'duplicate-word')).toBe(false);
    const later = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-word'), 20000);
    expect(later.diagnostics.find((d) => d.code === 'duplicate-word')!.range.start.line + 1).toBe(29);
    expect(later.diagnostics.filter((d) => d.code === 'placeholder')).toHaveLength(187);
    // Not a timing assertion: the order is what matters, the figure goes to the log.
    console.log(`first diagnostics after ${firstMs} ms`);
  });

  it('says once that nodejieba cannot load, and every other rule keeps working', async () => {
    const dir = workspace();
    client = new LspClient({}, { JIANGGAO_JIEBA_MODULE: 'nodejieba-that-does-not-exist' });
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'd.speech')).toString();
    client.open(uri, '抓好下步工作工作谋划，增长×%。\n');
    const pub = await client.diagnostics(uri);
    expect(pub.diagnostics.map((d) => d.code)).toEqual(['placeholder']);
    for (let i = 0; i < 50 && client.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(client.messages).toHaveLength(1);
    expect(client.messages[0].message).toContain('nodejieba');
    expect(client.messages[0].message).toContain('其他检查照常');
  });

  it('the bundled server that ships in the .vsix works, nodejieba included', async () => {
    const dir = workspace();
    client = new LspClient({}, {}, path.join(__dirname, '..', 'dist', 'server.js'));
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'e.speech')).toString();
    client.open(uri, '新冠肺炎疫情以来，抓好下步工作工作谋划，增长×%。\n');
    const pub = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-word'), 20000);
    expect(pub.diagnostics.map((d) => d.code).sort()).toEqual(['duplicate-word', 'placeholder', 'stock-phrase']);
    // Each diagnostic links its rule's page, which ships with the extension.
    for (const d of pub.diagnostics as any[]) {
      expect(d.codeDescription.href).toMatch(new RegExp(`/docs/rules/${d.code}\\.md$`));
      expect(fs.existsSync(fileURLToPath(d.codeDescription.href)), d.codeDescription.href).toBe(true);
    }
  });

  it('completes built-in and team snippets, team first, and sees a library change without restart', async () => {
    const dir = workspace();
    const lib = path.join(dir, '.jianggao', 'snippets');
    fs.mkdirSync(lib, { recursive: true });
    fs.writeFileSync(path.join(lib, 'team.code-snippets'), JSON.stringify({ 我们的三点: { prefix: ['三点意见'], body: ['下面，我讲三点意见。', '一、${1}'], description: '团队版' } }));
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'f.speech')).toString();
    client.open(uri, '今天我讲三点');
    await client.diagnostics(uri);
    const complete = async () => {
      const items: any[] = await client!.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 6 } });
      return items.filter((i) => i.label === '三点意见').sort((a, b) => a.sortText.localeCompare(b.sortText));
    };
    const items = await complete();
    expect(items.map((i) => i.labelDetails.description)).toEqual(['团队：team.code-snippets', '内置']);
    expect(items[0].insertTextFormat).toBe(2);
    expect(items[0].textEdit.range).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 6 } });
    expect(items[0].documentation.value).toContain('下面，我讲三点意见。');

    fs.writeFileSync(path.join(lib, 'team.code-snippets'), JSON.stringify({ 改过的: { prefix: '三点意见', body: '改过的正文', description: '新版' } }));
    const later = Date.now() + 2000;
    while (Date.now() < later && !(await complete()).some((i) => i.labelDetails.detail === ' 改过的')) await new Promise((r) => setTimeout(r, 50));
    expect((await complete()).map((i) => i.labelDetails.detail)).toEqual([' 改过的', ' 宣布·三点意见']);
  });

  it('reports a malformed library on that file while other snippets keep working', async () => {
    const dir = workspace();
    const lib = path.join(dir, '.jianggao', 'snippets');
    fs.mkdirSync(lib, { recursive: true });
    fs.writeFileSync(path.join(lib, 'good.md'), '## 好的\n前缀：hd\n\n好的正文\n');
    const bad = path.join(lib, 'bad.code-snippets');
    fs.writeFileSync(bad, '{\n  "a": { "prefix": "a", "body": "x" },\n  "b": {\n}');
    client = new LspClient();
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'g.speech')).toString();
    client.open(uri, 'h');
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['hd', 'a', '三点意见']));
    const problems = await client.diagnostics(pathToFileURL(bad).toString());
    expect(problems.diagnostics.length).toBeGreaterThan(0);
    expect(problems.diagnostics.map((d) => d.range.start.line)).toContain(3);
    expect(problems.diagnostics.some((d) => d.message.includes('JSON 语法错误'))).toBe(true);
  });

  it('saves a selection into a team library through the server', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const { files, defaultFile } = await client.request('jianggao/snippetLibraryFiles', {});
    expect(files).toEqual([]);
    expect(defaultFile).toBe(path.join(dir, '.jianggao', 'snippets', 'team.code-snippets'));
    const r = await client.request('jianggao/saveSnippet', { file: defaultFile, name: '收尾', prefix: 'sw', description: '', text: '散会。' });
    expect(r).toMatchObject({ ok: true, name: '收尾' });
    const uri = pathToFileURL(path.join(dir, 'h.speech')).toString();
    client.open(uri, 'sw');
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 2 } });
    expect(items.find((i) => i.label === 'sw')?.textEdit.newText).toBe('散会。');
    // Nowhere else: not up the tree, not an absolute path, not a file the team did not configure.
    fs.writeFileSync(path.join(dir, 'notes.md'), '# 笔记\n');
    for (const file of [path.join(dir, '..', 'x', 'notes.md'), '/tmp/evil.sh', path.join(dir, 'notes.md'), path.join(dir, 'package.json')]) {
      const refused = await client.request('jianggao/saveSnippet', { file, name: 'x', prefix: 'x', description: '', text: 'x' });
      expect(refused, file).toMatchObject({ ok: false });
    }
    expect(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8')).toBe('# 笔记\n');
    expect(fs.existsSync('/tmp/evil.sh')).toBe(false);
  });

  it('leaves plain text that is not Chinese prose alone', async () => {
    const dir = workspace();
    client = new LspClient();
    await client.initialize(dir);
    const readme = pathToFileURL(path.join(dir, 'README.txt')).toString();
    client.open(readme, 'Build with make. Set XX to the path. See 2.5 below.\n', 'plaintext');
    expect((await client.diagnostics(readme)).diagnostics).toEqual([]);
    const draft = pathToFileURL(path.join(dir, 'draft.txt')).toString();
    client.open(draft, '今年全市增长×%，完成投资XX亿元。\n', 'plaintext');
    expect((await client.diagnostics(draft)).diagnostics.map((d) => d.code)).toEqual(['placeholder', 'placeholder']);
  });

  it('lists placeholders across the workspace for reviewers', async () => {
    const dir = workspace();
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.mkdirSync(path.join(dir, 'old'));
    fs.writeFileSync(path.join(dir, 'drafts', 'a.txt'), '今年增长×%，完成XX亿元。\n');
    fs.writeFileSync(path.join(dir, 'drafts', 'b.md'), '**重点**工作已完成。\n');
    fs.writeFileSync(path.join(dir, 'old', 'c.txt'), '某某同志。\n');
    client = new LspClient();
    await client.initialize(dir);
    const all = await client.request('jianggao/workspacePlaceholders', {});
    expect(all.files.map((f: any) => [path.relative(dir, f.path), f.count])).toEqual([[path.join('drafts', 'a.txt'), 2], [path.join('old', 'c.txt'), 1]]);
    expect(all.files[0].placeholders[1]).toMatchObject({ line: 0, character: 9, text: 'XX' });
    // Each row says what belongs there, for the view's “×” 百分比 · 第1行.
    expect(all.files[0].placeholders[0].kind).toBe('百分比');
    const some = await client.request('jianggao/workspacePlaceholders', { exclude: ['old/**'] });
    expect(some.files).toHaveLength(1);
    const classes = await client.request('jianggao/workspacePlaceholders', { include: '[a-d]*/[ab].txt' });
    expect(classes.files.map((f: any) => path.basename(f.path))).toEqual(['a.txt']);
  });

  it('a large workspace scan sends files as it finds them, and they add up to the whole answer', async () => {
    const dir = workspace();
    const text = seed('seed000').text;
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(3, '0')}.txt`), text);
    client = new LspClient();
    await client.initialize(dir);
    const whole = await client.request('jianggao/workspacePlaceholders', {});
    const streamed: any[] = [];
    client.conn.onNotification('jianggao/scanProgress', (p: any) => p.scanId === 'scan-1' && streamed.push(...(p.files ?? [])));
    const rest = await client.request('jianggao/workspacePlaceholders', { scanId: 'scan-1' });
    expect(whole.files).toHaveLength(150);
    // Most files went out during the scan; the answer holds only what was left.
    expect(streamed.length).toBeGreaterThan(0);
    expect(rest.files.length).toBeLessThan(150);
    expect([...streamed, ...rest.files]).toEqual(whole.files);
  }, 60000);

  it('the workspace scan honours .jianggaoignore and the config’s ignore patterns', async () => {
    const dir = workspace();
    for (const d of ['drafts', 'archive', 'tmp']) fs.mkdirSync(path.join(dir, d));
    for (const f of ['drafts/a.txt', 'drafts/b2.txt', 'archive/c.txt', 'tmp/d.txt']) fs.writeFileSync(path.join(dir, f), '今年增长×%。\n');
    fs.writeFileSync(path.join(dir, '.jianggaoignore'), '# 旧稿\narchive/\ndrafts/b[0-9].txt\n');
    fs.writeFileSync(path.join(dir, '.jianggao.json'), JSON.stringify({ ignore: ['tmp/**'] }));
    client = new LspClient();
    await client.initialize(dir);
    const all = await client.request('jianggao/workspacePlaceholders', {});
    expect(all.files.map((f: any) => path.relative(dir, f.path))).toEqual([path.join('drafts', 'a.txt')]);
  });
});

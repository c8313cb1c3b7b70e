// End-to-end: a real VS Code with the extension loaded, driven through the vscode API.

import * as assert from 'assert';
import { strToU8, zipSync } from 'fflate';
import * as vscode from 'vscode';

const EXTENSION_ID = 'jianggao.jianggao';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opens a workspace folder with the sample drafts');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function diagnosticsOf(uri: vscode.Uri, until: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  const started = Date.now();
  for (;;) {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jianggao');
    if (until(ds)) return ds;
    if (Date.now() - started > timeoutMs) throw new Error(`diagnostics never matched; last: ${ds.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

describe('讲稿 Jianggao in VS Code', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  it('puts announced-count on seed004 lines 53 and 67, with the count phrase as range', async () => {
    const editor = await open('seed004.speech');
    assert.strictEqual(editor.document.languageId, 'speech');
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'announced-count'));
    const counts = ds.filter((d) => codeOf(d) === 'announced-count');
    assert.deepStrictEqual(counts.map((d) => d.range.start.line + 1), [53, 67]);
    assert.strictEqual(editor.document.getText(counts[0].range), '下面,我讲3点意见');
    assert.match(counts[0].message, /宣布了3点，实际找到2点/);
    assert.strictEqual(counts[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('finds every placeholder on seed000', async () => {
    const editor = await open('seed000.speech');
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.filter((d) => codeOf(d) === 'placeholder').length === 187);
    const first = ds.find((d) => codeOf(d) === 'placeholder')!;
    assert.strictEqual(editor.document.getText(first.range), '×');
  });

  it('returns the hierarchical outline through the document symbol provider', async () => {
    const uri = workspaceFile('seed004.speech');
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri))!;
    assert.strictEqual(symbols.length, 2);
    assert.strictEqual(symbols[1].name, '在全市高质量项目建设年动员大会上的讲话');
    const part2 = symbols[1].children.find((s) => s.name.startsWith('二、'))!;
    assert.deepStrictEqual(part2.children.map((s) => s.name.slice(0, 3)), ['(一)', '(二)', '(三)', '(四)']);
    assert.deepStrictEqual(part2.children[0].children.map((s) => s.name.slice(0, 2)), ['一要', '二要', '三要']);
  });

  it('hovers an announcement and offers the quick fix for it', async () => {
    const editor = await open('seed004.speech');
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'announced-count'));
    const count = ds.find((d) => codeOf(d) === 'announced-count')!;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, count.range.end.translate(0, -1)))!;
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /宣布 3 点，实际找到 2 点/);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, count.range))!;
    // The title says exactly what the edit writes, and Ctrl+. here lists only this problem's fixes.
    const fix = actions.find((a) => a.title === '“3点意见”改为“2点意见”');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const ours = actions.filter((a) => a.diagnostics?.some((d) => d.source === 'jianggao'));
    assert.ok(ours.every((a) => a.diagnostics!.every((d) => d.range.intersection(count.range))), 'only fixes for the problem at the cursor');
    const line = count.range.start.line;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.lineAt(line).text, /我讲2点意见/);
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(line).text, /我讲3点意见/);
  });

  it('links every diagnostic to its rule page', async () => {
    const editor = await open('seed004.speech');
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'announced-count'));
    for (const d of ds) {
      assert.ok(typeof d.code === 'object', `${codeOf(d)} has a code link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(target.path.endsWith(`/docs/rules/${codeOf(d)}.md`), target.toString());
    }
  });

  it('reads Chinese prose well out of the box: word wrap on, no boxes around full-width punctuation or U+3000', async () => {
    const editor = await open('seed004.speech');
    const config = vscode.workspace.getConfiguration('editor', editor.document);
    assert.strictEqual(config.get('wordWrap'), 'on');
    assert.strictEqual(config.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(config.get('unicodeHighlight.invisibleCharacters'), false);
  });

  it('folds each speech to its title, not the page banner above it', async () => {
    const uri = workspaceFile('seed004.speech');
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri))!;
    const folds = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri))!;
    for (const speech of symbols) assert.ok(folds.some((f) => f.start === speech.selectionRange.start.line), `a fold starts at the title “${speech.name}”`);
  });

  it('next/previous placeholder commands select the run', async () => {
    const editor = await open('seed000.speech');
    await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'placeholder'));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('jianggao.nextPlaceholder');
    assert.strictEqual(editor.selection.start.line, 4);
    assert.strictEqual(editor.document.getText(editor.selection), '×');
    await vscode.commands.executeCommand('jianggao.nextPlaceholder');
    assert.strictEqual(editor.document.getText(editor.selection), '×');
    const second = editor.selection.start;
    await vscode.commands.executeCommand('jianggao.previousPlaceholder');
    assert.ok(editor.selection.start.isBefore(second));
    await vscode.commands.executeCommand('jianggao.refreshPlaceholders');
  });

  it('updates diagnostics when the draft is edited', async () => {
    const editor = await open('edit.speech');
    const before = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'placeholder'));
    const placeholder = before.find((d) => codeOf(d) === 'placeholder')!;
    await editor.edit((e) => e.replace(placeholder.range, '6'));
    await diagnosticsOf(editor.document.uri, (x) => !x.some((d) => codeOf(d) === 'placeholder'));
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '一、甲\n三、丙\n'));
    const after = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'numbering-sequence'));
    assert.match(after.find((d) => codeOf(d) === 'numbering-sequence')!.message, /缺少二/);
  });

  it('renumbers the whole run in one fix', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'speech', content: '同志们：\n一、甲\n三、丙\n四、丁\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'numbering-sequence' && /缺少二/.test(d.message)));
    const d = ds.find((x) => codeOf(x) === 'numbering-sequence' && /缺少二/.test(x.message))!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range))!;
    const fix = actions.find((a) => a.title.startsWith('重新编号'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const text = editor.document.getText();
    assert.match(text, /一、甲\n二、丙\n三、丁/);
    await diagnosticsOf(editor.document.uri, (x) => !x.some((y) => codeOf(y) === 'numbering-sequence'));
  });
});

describe('fix-all in VS Code', () => {
  it('source.fixAll.jianggao on save removes glosses, converts traditional characters, fixes punctuation and markers in one edit', async () => {
    const uri = workspaceFile('fixall.speech');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('同志们：\n今天,我們要抓好項目建設(shè)工作。。。\n第一、要团结。\n第二、要奋斗。\n'));
    await vscode.workspace.getConfiguration('editor', { languageId: 'speech' }).update('codeActionsOnSave', { 'source.fixAll.jianggao': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const editor = await open('fixall.speech');
    await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'conversion-residue'));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), ''));
    await editor.edit((e) => e.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n'));
    await editor.document.save();
    const text = editor.document.getText();
    assert.match(text, /^同志们：\n今天，我们要抓好项目建设工作……\n第一，要团结。\n第二，要奋斗。/);
    // One undo takes the whole clean-up back.
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /建設\(shè\)/);
  });
});

describe('Word drafts in VS Code', () => {
  it('讲稿：检查 Word 文档 opens a .docx read-only with Word’s numbers, diagnostics and outline', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const para = (text: string, numbered = false) =>
      `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const body = [para('同志们：'), para('下面，我讲三点意见。'), para('抓好项目建设', true), para('今年完成投资×亿元。'), para('抓好民生保障', true), para('办好十件实事。')].join('');
    const file = workspaceFile('word-draft.docx');
    await vscode.workspace.fs.writeFile(file, zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'word/numbering.xml': strToU8(numbering) }));
    await vscode.commands.executeCommand('jianggao.openWordDocument', file);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.scheme, 'jianggao-docx');
    assert.strictEqual(editor.document.languageId, 'speech');
    assert.strictEqual(editor.document.lineAt(2).text, '一、抓好项目建设');
    const ds = await diagnosticsOf(editor.document.uri, (x) => x.some((d) => codeOf(d) === 'announced-count') && x.some((d) => codeOf(d) === 'placeholder'));
    assert.match(ds.find((d) => codeOf(d) === 'announced-count')!.message, /宣布了3点，实际找到2点/);
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri))!;
    const names = JSON.stringify(symbols);
    assert.match(names, /一、抓好项目建设/);
    assert.match(names, /二、抓好民生保障/);
  });
});

describe('snippets in VS Code', () => {
  it('offers the 三点意见 skeleton as a snippet completion', async () => {
    const editor = await open('edit.speech');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n三点'));
    const pos = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos))!;
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '三点意见');
    assert.ok(item, 'a 三点意见 completion is offered');
    assert.ok(item.insertText instanceof vscode.SnippetString);
    assert.match((item.insertText as vscode.SnippetString).value, /下面，我讲三点意见/);
  });
});

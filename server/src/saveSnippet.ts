// Writing a snippet into a team library without disturbing what is there:
// JSON libraries are edited in place (jsonc-parser keeps comments and
// formatting), Markdown libraries get a section appended.

import * as fs from 'fs';
import * as path from 'path';
import { parseTree, ParseError } from 'jsonc-parser';

export interface NewSnippet {
  name: string;
  prefix: string;
  description: string;
  /** The selected text, literal: '$' is escaped so it is not read as a tab stop. */
  text: string;
}

export type SaveResult = { ok: true; file: string; name: string } | { ok: false; message: string };

function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /\n([ \t]+)"/.exec(text);
  if (!m) return { insertSpaces: true, tabSize: 2 };
  return m[1].startsWith('\t') ? { insertSpaces: false, tabSize: 1 } : { insertSpaces: true, tabSize: m[1].length };
}

export function saveSnippet(file: string, snippet: NewSnippet): SaveResult {
  if (!snippet.prefix.trim()) return { ok: false, message: '前缀不能为空' };
  const body = snippet.text.replace(/\$/g, '\\$');
  let text = '';
  try {
    if (fs.existsSync(file)) text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `无法读取 ${file}：${(e as Error).message}` };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let name = snippet.name.trim() || snippet.prefix.trim();
  let out: string;
  if (/\.(md|markdown)$/i.test(file)) {
    const taken = new Set([...text.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]));
    for (let n = 2; taken.has(name); n++) name = `${snippet.name.trim() || snippet.prefix.trim()}（${n}）`;
    const section = [`## ${name}`, `前缀：${snippet.prefix.trim()}`, ...(snippet.description.trim() ? [`说明：${snippet.description.trim()}`] : []), '', '```', body, '```', ''].join(eol);
    const sep = text === '' ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
    out = text + sep + section;
  } else {
    if (!text.trim()) text = `{${eol}}${eol}`;
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true });
    if (errors.length || !root || root.type !== 'object') return { ok: false, message: `${path.basename(file)} 有语法错误或不是片段库对象，为免丢失内容未写入；请先修复` };
    const taken = new Set((root.children ?? []).map((p) => String(p.children?.[0]?.value)));
    for (let n = 2; taken.has(name); n++) name = `${snippet.name.trim() || snippet.prefix.trim()}（${n}）`;
    const value: Record<string, unknown> = { prefix: snippet.prefix.trim(), body: body.split(/\r?\n/) };
    if (snippet.description.trim()) value.description = snippet.description.trim();
    // Insert by hand rather than reformat: everything already in the file stays byte for byte.
    const { insertSpaces, tabSize } = detectIndent(text);
    const unit = insertSpaces ? ' '.repeat(tabSize) : '\t';
    const entry = `${unit}${JSON.stringify(name)}: ${JSON.stringify(value, null, unit).split('\n').join(eol + unit)}`;
    const props = root.children ?? [];
    if (props.length) {
      const last = props[props.length - 1];
      const end = last.offset + last.length;
      const trailingComma = /^\s*,/.exec(text.slice(end));
      out = trailingComma
        ? text.slice(0, end + trailingComma[0].length) + eol + entry + ',' + text.slice(end + trailingComma[0].length)
        : text.slice(0, end) + ',' + eol + entry + text.slice(end);
    } else {
      const close = root.offset + root.length - 1;
      out = text.slice(0, root.offset + 1) + eol + entry + eol + text.slice(close);
    }
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write beside it, then rename: an interrupted write never leaves half a library.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, out);
    fs.renameSync(temp, file);
  } catch (e) {
    return { ok: false, message: `无法写入 ${file}：${(e as Error).message}` };
  }
  return { ok: true, file, name };
}

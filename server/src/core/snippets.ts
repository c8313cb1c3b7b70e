// Snippet libraries as data: VS Code's snippet JSON (comments and trailing
// commas allowed) and a Markdown format for people who do not write JSON.
// Nothing in a library is executed; a malformed entry is reported with its
// position and the rest of the library still loads.

import { parseTree, findNodeAtLocation, Node, ParseError, printParseErrorCode } from 'jsonc-parser';

export interface Snippet {
  name: string;
  prefixes: string[];
  body: string;
  description: string;
  /** The library's display name (file name, or 内置). */
  library: string;
  file: string;
}

export interface LibraryProblem {
  offset: number;
  length: number;
  message: string;
}

export interface ParsedLibrary {
  snippets: Snippet[];
  problems: LibraryProblem[];
}

export function parseSnippetLibrary(text: string, file: string, library: string): ParsedLibrary {
  return /\.(md|markdown)$/i.test(file) ? parseMarkdownLibrary(text, file, library) : parseJsonLibrary(text, file, library);
}

function parseJsonLibrary(text: string, file: string, library: string): ParsedLibrary {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: LibraryProblem[] = errors.map((e) => ({ offset: e.offset, length: Math.max(1, e.length), message: `JSON 语法错误：${describe(printParseErrorCode(e.error))}` }));
  const snippets: Snippet[] = [];
  if (!root) return { snippets, problems: problems.length ? problems : [{ offset: 0, length: 1, message: '片段库为空或不是 JSON' }] };
  if (root.type !== 'object') return { snippets, problems: [...problems, { offset: root.offset, length: 1, message: '片段库的顶层应是对象：{ "名称": { "prefix": …, "body": … } }' }] };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    const at = (n: Node | undefined, message: string) => problems.push({ offset: (n ?? keyNode).offset, length: (n ?? keyNode).length, message: `片段“${name}”：${message}` });
    if (valueNode.type !== 'object') {
      at(valueNode, '应是含 prefix 和 body 的对象');
      continue;
    }
    const prefixNode = findNodeAtLocation(valueNode, ['prefix']);
    const bodyNode = findNodeAtLocation(valueNode, ['body']);
    const descNode = findNodeAtLocation(valueNode, ['description']);
    const prefixes = strings(prefixNode);
    const body = strings(bodyNode);
    if (!prefixes || prefixes.length === 0) {
      at(prefixNode ?? valueNode, '缺少 prefix（字符串或字符串数组）');
      continue;
    }
    if (!body || body.join('').trim() === '') {
      at(bodyNode ?? valueNode, '缺少 body（字符串或字符串数组）或 body 为空');
      continue;
    }
    snippets.push({ name, prefixes, body: body.join('\n'), description: typeof descNode?.value === 'string' ? descNode.value : '', library, file });
  }
  return { snippets, problems };
}

function strings(node: Node | undefined): string[] | null {
  if (!node) return null;
  if (node.type === 'string') return [node.value as string];
  if (node.type === 'array' && node.children?.every((c) => c.type === 'string')) return node.children.map((c) => c.value as string);
  return null;
}

function describe(code: string): string {
  const zh: Record<string, string> = {
    InvalidSymbol: '无效的符号',
    InvalidNumberFormat: '数字格式错误',
    PropertyNameExpected: '缺少属性名',
    ValueExpected: '缺少值',
    ColonExpected: '缺少冒号',
    CommaExpected: '缺少逗号',
    CloseBraceExpected: '缺少右花括号 }',
    CloseBracketExpected: '缺少右方括号 ]',
    EndOfFileExpected: '文件末尾有多余内容',
    UnexpectedEndOfString: '字符串没有结束',
    UnexpectedEndOfComment: '注释没有结束',
  };
  return zh[code] ?? code;
}

/**
 * Markdown libraries:
 *
 *   ## 三点意见开头
 *   前缀：sdyj，三点意见
 *   说明：宣布三点意见并写出三个部分
 *
 *   ```
 *   下面，我讲三点意见。
 *   一、${1:标题}
 *   ```
 *
 * The body is the first fenced block of the section, or else the section's remaining text.
 */
function parseMarkdownLibrary(text: string, file: string, library: string): ParsedLibrary {
  const snippets: Snippet[] = [];
  const problems: LibraryProblem[] = [];
  const lines = text.split('\n');
  const offsets: number[] = [];
  let o = 0;
  for (const l of lines) {
    offsets.push(o);
    o += l.length + 1;
  }
  let i = 0;
  while (i < lines.length) {
    const heading = /^##\s+(.+?)\s*$/.exec(lines[i]);
    if (!heading) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < lines.length && !/^##\s/.test(lines[end])) end++;
    const section = lines.slice(start + 1, end).map((l) => l.replace(/\r$/, ''));
    const name = heading[1];
    let prefixes: string[] = [];
    let description = '';
    const rest: string[] = [];
    // Meta lines count only before the body: one flag, not a rescan of the body per line.
    let inBody = false;
    for (const line of section) {
      const meta = inBody ? null : /^(前缀|prefix|说明|description)\s*[：:]\s*(.*)$/i.exec(line.trim());
      if (meta) {
        if (/前缀|prefix/i.test(meta[1])) prefixes = meta[2].split(/[，,、\s]+/).filter(Boolean);
        else description = meta[2].trim();
      } else {
        rest.push(line);
        if (line.trim() !== '') inBody = true;
      }
    }
    const fenceStart = rest.findIndex((l) => /^\s*(```|~~~)/.test(l));
    let body: string;
    if (fenceStart >= 0) {
      const fence = rest[fenceStart].trim().slice(0, 3);
      const close = rest.findIndex((l, k) => k > fenceStart && l.trim().startsWith(fence));
      body = rest.slice(fenceStart + 1, close < 0 ? rest.length : close).join('\n');
      if (close < 0) problems.push({ offset: offsets[start], length: lines[start].length, message: `片段“${name}”：代码块没有结束的 ${fence}` });
    } else body = rest.join('\n').trim();
    if (prefixes.length === 0) problems.push({ offset: offsets[start], length: lines[start].length, message: `片段“${name}”：缺少“前缀：”一行` });
    else if (!body.trim()) problems.push({ offset: offsets[start], length: lines[start].length, message: `片段“${name}”：正文为空` });
    else snippets.push({ name, prefixes, body, description, library, file });
    i = end;
  }
  return { snippets, problems };
}

/** The body as a drafter will see it once inserted: tab stops shown by their placeholder text. */
export function previewSnippet(body: string): string {
  return body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\$\{?(CURRENT_YEAR)\}?/g, String(new Date().getFullYear()))
    .replace(/\$\{?(CURRENT_MONTH)\}?/g, String(new Date().getMonth() + 1).padStart(2, '0'))
    .replace(/\$\{?(CURRENT_DATE)\}?/g, String(new Date().getDate()).padStart(2, '0'));
}

/**
 * How much of a prefix the drafter has typed just before the cursor: the
 * longest start of the prefix that ends the line so far. Chinese has no word
 * breaks, so this is what lets 三点 complete to 三点意见 mid-sentence.
 */
export function typedPrefixLength(lineBefore: string, prefix: string): number {
  for (let k = Math.min(prefix.length, lineBefore.length); k > 0; k--) {
    if (lineBefore.endsWith(prefix.slice(0, k))) {
      // An ASCII prefix must start at a word boundary (sdyj, not xsdyj).
      const before = lineBefore[lineBefore.length - k - 1];
      if (/[A-Za-z0-9]/.test(prefix[0]) && before !== undefined && /[A-Za-z0-9_]/.test(before)) continue;
      return k;
    }
  }
  return 0;
}

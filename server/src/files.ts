// Reading drafts from disk: encodings, binary and oversized files, folders.

import * as fs from 'fs';
import * as path from 'path';
import { isDocxPath, readDocx } from './docx';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DRAFT_EXTENSIONS = ['.txt', '.md', '.speech', '.markdown', '.docx'];

function tooLarge(bytes: number): string {
  return `文件过大（${(bytes / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），已跳过`;
}

/** `cutTail`: bytes at the end that were half a character (a write cut off), left out of `text`; `warning` says so. */
export type ReadResult = { ok: true; text: string; encoding: string; cutTail?: number; warning?: string } | { ok: false; reason: string };

/**
 * How many bytes at the end are the start of a character the file stops inside (a write interrupted halfway):
 * a UTF-8 lead byte with fewer continuation bytes after it than it needs, or GB18030's lone first byte.
 */
function halfCharacterAtEnd(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): number {
  const n = bytes.length;
  if (encoding === 'gb18030') return n > 0 && bytes[n - 1] >= 0x81 && bytes[n - 1] <= 0xfe ? 1 : 0;
  for (let cut = 1; cut <= 3 && cut <= n; cut++) {
    const lead = bytes[n - cut];
    if (lead >= 0x80 && lead <= 0xbf) continue; // a continuation byte: look further back for its lead
    const needs = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
    return needs > cut ? cut : 0;
  }
  return 0;
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a draft: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. Never throws. */
export function decodeDraft(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: '二进制文件（含 NUL 字节），不是文本讲稿，已跳过' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return { ok: true, text: encoding === 'utf-8' ? text.replace(/^\ufeff/, '') : text, encoding };
    // A file whose last character was cut off (a write interrupted halfway) is read without that half character, and says so.
    const cut = halfCharacterAtEnd(bytes, encoding);
    const rest = cut ? decodeStrict(bytes.subarray(0, bytes.length - cut), encoding) : null;
    if (rest !== null) {
      const warning = `文件末尾有 ${cut} 个字节不成一个完整的字（写入可能中断），检查时略去`;
      return { ok: true, text: encoding === 'utf-8' ? rest.replace(/^\ufeff/, '') : rest, encoding, cutTail: cut, warning };
    }
  }
  return { ok: false, reason: '无法识别的文本编码（既不是 UTF-8 也不是 GB18030），已跳过' };
}

export function readDraft(file: string): ReadResult {
  try {
    const refused = refuse(fs.statSync(file));
    return refused ?? fromBytes(file, fs.readFileSync(file));
  } catch (e) {
    return { ok: false, reason: `无法读取：${(e as Error).message}` };
  }
}

/** The same, reading without blocking: the editor's workspace scan uses it, so the server keeps answering. */
export async function readDraftAsync(file: string): Promise<ReadResult> {
  try {
    const refused = refuse(await fs.promises.stat(file));
    return refused ?? fromBytes(file, await fs.promises.readFile(file));
  } catch (e) {
    return { ok: false, reason: `无法读取：${(e as Error).message}` };
  }
}

function refuse(stat: fs.Stats): ReadResult | null {
  // A FIFO or a device named *.txt would block or never end.
  if (!stat.isFile()) return { ok: false, reason: '不是普通文件（如管道或设备），已跳过' };
  if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(stat.size) };
  return null;
}

function fromBytes(file: string, bytes: Uint8Array): ReadResult {
  if (isDocxPath(file)) {
    const r = readDocx(bytes);
    return r.ok ? { ok: true, text: r.text, encoding: 'docx' } : r;
  }
  return decodeDraft(bytes);
}

export function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

/**
 * Expands folders into the drafts they hold, in a stable order. A path that
 * cannot be read (missing, a dangling link, a link loop, a folder without
 * permission) is reported in `problems` and skipped; the rest are still listed.
 */
export function expandPaths(paths: string[], ignores: (absPath: string, isDir: boolean) => boolean = () => false): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const why = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? '找不到（或是指向不存在位置的链接）' : code === 'ELOOP' ? '链接循环' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
  };
  // An explicit stack, not recursion: a deep tree cannot overflow it.
  const stack = [...paths].reverse().map((p) => ({ p, explicit: true }));
  while (stack.length) {
    const { p, explicit } = stack.pop()!;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      problems.push(`${p}: ${why(e)}，已跳过`);
      continue;
    }
    // .jianggaoignore and `ignore` apply to what a folder holds; a file named on the command line is checked.
    if (!explicit && ignores(path.resolve(p), stat.isDirectory())) continue;
    if (stat.isDirectory()) {
      let real: string;
      let names: string[];
      try {
        real = fs.realpathSync(p);
        names = fs.readdirSync(p).sort();
      } catch (e) {
        problems.push(`${p}: ${why(e)}，已跳过`);
        continue;
      }
      if (seen.has(real)) continue; // a link back into a folder already listed
      seen.add(real);
      const children = names
        .filter((name) => !name.startsWith('.') && name !== 'node_modules')
        .map((name) => path.join(p, name));
      for (const child of children.reverse()) stack.push({ p: child, explicit: false });
    } else if (explicit || DRAFT_EXTENSIONS.some((ext) => p.toLowerCase().endsWith(ext))) files.push(p);
  }
  return { files, problems };
}

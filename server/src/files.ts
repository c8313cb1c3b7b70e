// Reading drafts from disk: encodings, binary and oversized files, folders.

import * as fs from 'fs';
import * as path from 'path';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DRAFT_EXTENSIONS = ['.txt', '.md', '.speech', '.markdown'];

function tooLarge(bytes: number): string {
  return `文件过大（${(bytes / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），已跳过`;
}

export type ReadResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Decodes a draft: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. Never throws. */
export function decodeDraft(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: '二进制文件（含 NUL 字节），不是文本讲稿，已跳过' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\ufeff/, ''), encoding: 'utf-8' };
  } catch {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return { ok: false, reason: '无法识别的文本编码（既不是 UTF-8 也不是 GB18030），已跳过' };
    }
  }
}

export function readDraft(file: string): ReadResult {
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(stat.size) };
    return decodeDraft(fs.readFileSync(file));
  } catch (e) {
    return { ok: false, reason: `无法读取：${(e as Error).message}` };
  }
}

export function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

/** Expands folders into the drafts they hold, in a stable order. Throws on a missing path. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const child = path.join(p, name);
        const s = fs.statSync(child);
        if (s.isDirectory()) walk(child);
        else if (DRAFT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) out.push(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

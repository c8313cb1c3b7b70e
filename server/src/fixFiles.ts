// `jianggao fix`: applies the safe fixes to files on disk. A file keeps its
// encoding (UTF-8 with or without BOM, GB18030, UTF-16), its line endings and its
// final newline; it is replaced atomically (written beside, then renamed), so an
// interrupted run leaves the old file whole.

import * as fs from 'fs';
import * as path from 'path';
import { createTwoFilesPatch } from 'diff';
import * as iconv from 'iconv-lite';
import { fixText, JianggaoConfig } from './core';
import { decodeDraft, isMarkdownPath, MAX_FILE_BYTES } from './files';

export interface FixOutcome {
  file: string;
  /** Edits applied (or that would be, with --dry-run). */
  edits: number;
  /** Unified diff, for --dry-run. */
  diff?: string;
  error?: string;
}

/** The encoding the draft was read in (from decodeDraft), and whether UTF-8 came with a BOM. */
function encodingOf(bytes: Buffer, decoded: string): { name: string; bom: boolean } {
  return { name: decoded, bom: decoded === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

function encode(text: string, enc: { name: string; bom: boolean }): Buffer {
  if (enc.name === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (enc.name === 'utf-16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]);
  if (enc.name === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([enc.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export function fixFile(file: string, config: JianggaoConfig, options: { dryRun: boolean; rules: string[] | null }): FixOutcome {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { file, edits: 0, error: '不是普通文件，已跳过' };
    if (stat.size > MAX_FILE_BYTES) return { file, edits: 0, error: '文件过大，已跳过' };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file, edits: 0, error: `无法读取：${(e as Error).message}` };
  }
  const decoded = decodeDraft(bytes);
  if (!decoded.ok) return { file, edits: 0, error: decoded.reason };
  // Writing the fixed text back would drop the cut-off bytes: the file is left for its owner to look at first.
  if (decoded.cutTail) return { file, edits: 0, error: `${decoded.warning}；为免丢失内容，不修改此文件` };
  const text = decoded.text;
  const fixed = fixText(text, { markdown: isMarkdownPath(file), config, rules: options.rules });
  if (fixed.edits === 0) return { file, edits: 0 };
  const out = fixed.text;
  if (options.dryRun) return { file, edits: fixed.edits, diff: createTwoFilesPatch(file, file, text, out, '', '', { context: 2 }) };
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.jianggao-${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, encode(out, encodingOf(bytes, decoded.encoding)), { mode: fs.statSync(file).mode });
    fs.renameSync(temp, file);
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
    return { file, edits: 0, error: `无法写入（原文件未改动）：${(e as Error).message}` };
  }
  return { file, edits: fixed.edits };
}

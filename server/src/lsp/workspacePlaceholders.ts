// The reviewers' list: every placeholder in the workspace, file by file.
// The server scans; the client only draws the tree.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CancellationToken } from 'vscode-languageserver/node';
import { JianggaoConfig, lineOf, parseDocument } from '../core';
import { isMarkdownPath, readDraftAsync, ReadResult } from '../files';
import { ignoreRoot, IgnoreRoot } from '../ignoreFiles';
import { looksLikeChineseText } from '../core/text';
import { globMatcher, PathMatcher } from './glob';
import { guessPlaceholderMeaning } from '../core/rules/placeholder';

export const WORKSPACE_PLACEHOLDERS_REQUEST = 'jianggao/workspacePlaceholders';

export interface WorkspacePlaceholdersParams {
  /** Glob relative to each workspace folder; default all drafts. */
  include?: string;
  /** Globs to leave out (files.exclude and the like). */
  exclude?: string[];
  /**
   * When given, files are sent as they are found, in `jianggao/scanProgress` notifications with this id,
   * and the answer holds only the rest: a workspace's answer can be tens of megabytes, and writing it
   * at once would hold the server up.
   */
  scanId?: string;
}

export const SCAN_PROGRESS_NOTIFICATION = 'jianggao/scanProgress';

export interface ScanProgress {
  scanId?: string;
  done: number;
  total: number;
  /** Files found since the last notification (only with a scanId). */
  files?: WorkspacePlaceholdersResult['files'];
}

export interface PlaceholderEntry {
  line: number;
  character: number;
  endCharacter: number;
  text: string;
  /** What belongs there, read from the context: 年份, 百分比, 姓名… */
  kind: string;
  /** The line around the placeholder, trimmed. */
  context: string;
}

export interface WorkspacePlaceholdersResult {
  files: { uri: string; path: string; count: number; placeholders: PlaceholderEntry[] }[];
}

interface ScanContext {
  folders: string[];
  open(uri: string): string | undefined;
  configFor(uri: string): JianggaoConfig;
  token?: CancellationToken;
  /** Progress, and (when streaming) the files found since the last call. */
  progress?(progress: ScanProgress): void;
}

const DEFAULT_INCLUDE = '**/*.{txt,md,speech,markdown,docx}';
const MAX_FILES = 20000;
const YIELD_EVERY_MS = 8;
const READ_AHEAD = 8;

/** The drafts under root, in a stable order; read without blocking, and yielding to the editor's requests as it goes. */
async function listFiles(root: string, include: PathMatcher, exclude: PathMatcher[], ignored: IgnoreRoot, pause: () => Promise<void>): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES) return;
      await pause();
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (e.name === 'node_modules' || e.name === '.git' || exclude.some((match) => match(rel)) || ignored.ignores(abs, e.isDirectory())) continue;
      if (e.isDirectory()) await walk(abs);
      else if (e.isFile() && include(rel)) out.push(abs);
    }
  };
  await walk(root);
  return out;
}

export async function scanWorkspacePlaceholders(params: WorkspacePlaceholdersParams, ctx: ScanContext): Promise<WorkspacePlaceholdersResult> {
  const include = globMatcher(params.include || DEFAULT_INCLUDE);
  const exclude = (params.exclude ?? []).map(globMatcher);
  // The server answers the editor at least every few milliseconds while the scan runs.
  let lastYield = performance.now();
  const due = () => performance.now() - lastYield > YIELD_EVERY_MS;
  const pause = async () => {
    if (!due()) return;
    await new Promise((r) => setImmediate(r));
    lastYield = performance.now();
  };
  const files: string[] = [];
  for (const f of ctx.folders) {
    // .jianggaoignore at the folder's root and the folder config's `ignore` patterns.
    const ignored = ignoreRoot(f, ctx.configFor(pathToFileURL(path.join(f, '.jianggao.json')).toString()).ignore ?? []);
    files.push(...(await listFiles(f, include, exclude, ignored, pause)));
  }
  const result: WorkspacePlaceholdersResult = { files: [] };
  // The next few files are read while this one is parsed: reading waits on the disk, parsing on the CPU.
  // An open document's text is the editor's, not the disk's: it is not read.
  const uris = files.map((f) => pathToFileURL(f).toString());
  const reads = new Map<number, Promise<ReadResult>>();
  const readAhead = (from: number) => {
    for (let k = from; k < Math.min(files.length, from + READ_AHEAD); k++) if (!reads.has(k) && ctx.open(uris[k]) === undefined) reads.set(k, readDraftAsync(files[k]));
  };
  for (let i = 0; i < files.length; i++) {
    if (ctx.token?.isCancellationRequested) break;
    // Files found so far go out (when streaming) each time the scan makes way for the editor.
    if (i === 0 || due()) {
      ctx.progress?.(params.scanId ? { scanId: params.scanId, done: i, total: files.length, files: result.files.splice(0) } : { done: i, total: files.length });
      await pause();
    }
    const file = files[i];
    const uri = uris[i];
    readAhead(i);
    const read = reads.get(i);
    reads.delete(i);
    let text = ctx.open(uri);
    if (text === undefined) {
      const r = await (read ?? readDraftAsync(file));
      if (!r.ok) continue;
      text = r.text;
    }
    // Only Chinese drafts: .speech files always, other text files when they are Chinese prose.
    if (!/\.speech$/i.test(file) && !looksLikeChineseText(text)) continue;
    const config = ctx.configFor(uri);
    const doc = parseDocument(text, { markdown: isMarkdownPath(file), placeholders: config.placeholders, placeholdersOnly: true });
    if (config.rules.placeholder === 'off' || doc.placeholders.length === 0) continue;
    result.files.push({
      uri,
      path: file,
      count: doc.placeholders.length,
      placeholders: doc.placeholders.map((p) => {
        const line = lineOf(doc.lineStarts, p.start);
        const lineStart = doc.lineStarts[line];
        const lineEnd = doc.lines[line].end;
        const from = Math.max(lineStart, p.start - 15);
        return {
          line,
          character: p.start - lineStart,
          endCharacter: p.end - lineStart,
          text: p.text,
          kind: guessPlaceholderMeaning(doc.text, p.start, p.end),
          context: doc.text.slice(from, Math.min(lineEnd, p.end + 15)).trim(),
        };
      }),
    });
  }
  ctx.progress?.({ ...(params.scanId ? { scanId: params.scanId } : {}), done: files.length, total: files.length });
  return result;
}

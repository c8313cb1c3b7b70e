// The reviewers' list: every placeholder in the workspace, file by file.
// The server scans; the client only draws the tree.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CancellationToken } from 'vscode-languageserver/node';
import { JianggaoConfig, lineOf, parseDocument } from '../core';
import { isMarkdownPath, readDraft } from '../files';
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
}

export interface PlaceholderEntry {
  line: number;
  character: number;
  endCharacter: number;
  text: string;
  /** The line around the placeholder, trimmed. */
  /** What belongs there, read from the context: 年份, 百分比, 姓名… */
  kind: string;
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
  progress?(done: number, total: number): void;
}

const DEFAULT_INCLUDE = '**/*.{txt,md,speech,markdown,docx}';
const MAX_FILES = 20000;

function listFiles(root: string, include: PathMatcher, exclude: PathMatcher[], ignored: IgnoreRoot): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES) return;
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (e.name === 'node_modules' || e.name === '.git' || exclude.some((match) => match(rel)) || ignored.ignores(abs, e.isDirectory())) continue;
      if (e.isDirectory()) walk(abs);
      else if (e.isFile() && include(rel)) out.push(abs);
    }
  };
  walk(root);
  return out;
}

export async function scanWorkspacePlaceholders(params: WorkspacePlaceholdersParams, ctx: ScanContext): Promise<WorkspacePlaceholdersResult> {
  const include = globMatcher(params.include || DEFAULT_INCLUDE);
  const exclude = (params.exclude ?? []).map(globMatcher);
  // .jianggaoignore at the folder's root and the folder config's `ignore` patterns.
  const files = ctx.folders.flatMap((f) => listFiles(f, include, exclude, ignoreRoot(f, ctx.configFor(pathToFileURL(path.join(f, '.jianggao.json')).toString()).ignore ?? [])));
  const result: WorkspacePlaceholdersResult = { files: [] };
  for (let i = 0; i < files.length; i++) {
    if (ctx.token?.isCancellationRequested) break;
    // Let the server answer the editor between files.
    if (i % 20 === 0) {
      ctx.progress?.(i, files.length);
      await new Promise((r) => setImmediate(r));
    }
    const file = files[i];
    const uri = pathToFileURL(file).toString();
    let text = ctx.open(uri);
    if (text === undefined) {
      const r = readDraft(file);
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
  ctx.progress?.(files.length, files.length);
  return result;
}

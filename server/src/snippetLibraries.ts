// Team snippet libraries on disk, plus the built-in snippets/ folder. Files
// are re-read when their modification time changes, so edits show up at the
// next completion without restarting anything.

import * as fs from 'fs';
import * as path from 'path';
import { parseSnippetLibrary, ParsedLibrary, Snippet } from './core/snippets';

const LIBRARY_FILE = /\.(code-snippets|json|md|markdown)$/i;

export function builtinSnippetsDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'snippets', 'speech.code-snippets'))) return path.join(dir, 'snippets');
    if (path.dirname(dir) === dir) return path.join(__dirname, '..', '..', 'snippets');
  }
}

export interface LoadedLibraries {
  /** Team snippets first, then built-in ones. */
  snippets: Snippet[];
  /** Per library file: its text (for positions) and problems. */
  problems: Map<string, { text: string; parsed: ParsedLibrary }>;
  files: string[];
}

export class SnippetLibraries {
  private cache = new Map<string, { mtimeMs: number; size: number; text: string; parsed: ParsedLibrary }>();

  /** Files of the configured libraries: a file itself, or the library files in a folder. */
  static filesOf(paths: string[]): string[] {
    const files: string[] = [];
    for (const p of paths) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(p);
      } catch {
        continue; // a library folder that does not exist yet is not an error
      }
      if (stat.isFile()) files.push(p);
      else if (stat.isDirectory())
        for (const name of fs.readdirSync(p).sort()) if (LIBRARY_FILE.test(name) && fs.statSync(path.join(p, name)).isFile()) files.push(path.join(p, name));
    }
    return [...new Set(files)];
  }

  load(teamPaths: string[]): LoadedLibraries {
    const team = SnippetLibraries.filesOf(teamPaths);
    const builtin = SnippetLibraries.filesOf([builtinSnippetsDir()]);
    const snippets: Snippet[] = [];
    const problems = new Map<string, { text: string; parsed: ParsedLibrary }>();
    for (const file of [...team, ...builtin.filter((f) => !team.includes(f))]) {
      const entry = this.read(file, builtin.includes(file) ? '内置' : path.basename(file));
      if (!entry) continue;
      snippets.push(...entry.parsed.snippets);
      problems.set(file, { text: entry.text, parsed: entry.parsed });
    }
    return { snippets, problems, files: team };
  }

  private read(file: string, library: string) {
    try {
      const stat = fs.statSync(file);
      const cached = this.cache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
      if (stat.size > 2 * 1024 * 1024) {
        const parsed: ParsedLibrary = { snippets: [], problems: [{ offset: 0, length: 1, message: '片段库文件超过 2 MB，已跳过' }] };
        const entry = { mtimeMs: stat.mtimeMs, size: stat.size, text: '', parsed };
        this.cache.set(file, entry);
        return entry;
      }
      const text = fs.readFileSync(file, 'utf8');
      const entry = { mtimeMs: stat.mtimeMs, size: stat.size, text, parsed: parseSnippetLibrary(text, file, library) };
      this.cache.set(file, entry);
      return entry;
    } catch {
      return null;
    }
  }
}

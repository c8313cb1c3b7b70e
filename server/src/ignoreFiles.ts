// Files a team keeps out of checking: a .jianggaoignore (gitignore syntax) at the
// workspace or config root, and `ignore` patterns in .jianggao.json. Shared by the
// CLI's folder walk and the editor's workspace placeholder scan.

import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import { findConfigFile, loadProjectConfig } from './projectConfig';
import { MAX_FILE_BYTES } from './files';

export const IGNORE_FILE = '.jianggaoignore';

export interface IgnoreRoot {
  root: string;
  /** True when the path (a file, or a folder with isDir) is ignored under this root. */
  ignores(absPath: string, isDir: boolean): boolean;
  problems: string[];
}

export function ignoreRoot(root: string, patterns: string[] = []): IgnoreRoot {
  const problems: string[] = [];
  const ig = ignore();
  const file = path.join(root, IGNORE_FILE);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) problems.push(`${file}: 不是普通文件，已忽略`);
    else if (stat.size > MAX_FILE_BYTES) problems.push(`${file}: 文件过大，已忽略`);
    else ig.add(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${file}: ${(e as Error).message}`);
  }
  ig.add(patterns);
  return {
    root,
    problems,
    ignores(absPath, isDir) {
      const rel = path.relative(root, absPath).split(path.sep).join('/');
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
      return ig.ignores(isDir ? `${rel}/` : rel);
    },
  };
}

/**
 * The CLI's rule set for a path: the current folder's .jianggaoignore, and the one
 * beside the .jianggao.json that applies, with that config's `ignore` patterns.
 */
export function cliIgnores(explicitConfig: string | null): { ignores(absPath: string, isDir: boolean): boolean; problems: string[] } {
  const roots = new Map<string, IgnoreRoot>();
  // Per folder: a walk asks for every entry, and finding the config walks up the tree.
  const byDir = new Map<string, IgnoreRoot>();
  const problems: string[] = [];
  const rootFor = (dir: string): IgnoreRoot => {
    const known = byDir.get(dir);
    if (known) return known;
    const configFile = explicitConfig ?? findConfigFile(dir);
    const root = configFile ? path.dirname(configFile) : process.cwd();
    let r = roots.get(root);
    if (!r) {
      const patterns = configFile ? loadProjectConfig(configFile, root).config.ignore ?? [] : [];
      r = ignoreRoot(root, patterns);
      problems.push(...r.problems);
      roots.set(root, r);
    }
    byDir.set(dir, r);
    return r;
  };
  // The current folder is the workspace root for the CLI: its .jianggaoignore counts too.
  const workspace = ignoreRoot(process.cwd());
  problems.push(...workspace.problems);
  return {
    problems,
    ignores: (absPath, isDir) => workspace.ignores(absPath, isDir) || rootFor(path.dirname(absPath)).ignores(absPath, isDir),
  };
}

// Where team data may come from: dictionaries, snippet libraries and extended
// folders are read only inside the workspace (the project's folders), inside an
// installed package (node_modules), or inside folders the user allowed in their
// own settings (jianggao.allowedPaths, --allow-path). A checked-out repository
// cannot make the editor read /etc/passwd or a key file as a "dictionary".

import * as fs from 'fs';
import * as path from 'path';
import type { JianggaoConfig } from './core';

const real = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

const inside = (dir: string, target: string) => {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function isWithin(file: string, roots: string[]): boolean {
  const target = real(file);
  const realRoots = roots.map(real);
  if (realRoots.some((root) => inside(root, target))) return true;
  // An installed package: in a node_modules folder that Node's resolution from a root would search
  // (the root's own or an ancestor's), not any folder of that name elsewhere on the disk.
  const parts = target.split(path.sep);
  const at = parts.indexOf('node_modules');
  if (at < 0) return false;
  const holder = parts.slice(0, at).join(path.sep) || path.sep;
  return realRoots.some((root) => inside(holder, root));
}

/** The config with every path outside `roots` dropped, and a message for each. */
export function containConfig(config: JianggaoConfig, roots: string[]): { config: JianggaoConfig; errors: string[] } {
  const errors: string[] = [];
  const keep = (p: string) => {
    if (isWithin(p, roots)) return true;
    errors.push(`“${p}”在工作区之外，未读取（确需使用时，把它所在的文件夹加入用户设置 jianggao.allowedPaths，或命令行 --allow-path）`);
    return false;
  };
  return {
    config: {
      ...config,
      stockPhrases: { ...config.stockPhrases, dictionaries: config.stockPhrases.dictionaries.filter(keep) },
      snippetLibraries: config.snippetLibraries.filter(keep),
    },
    errors,
  };
}

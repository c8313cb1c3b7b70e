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

export function isWithin(file: string, roots: string[]): boolean {
  const target = real(file);
  if (target.split(path.sep).includes('node_modules')) return true;
  return roots.some((root) => {
    const rel = path.relative(real(root), target);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
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

// Bundles the client, the language server and the segmenter process into dist/
// with esbuild, and copies in what nodejieba needs at run time (its native
// binary, its JavaScript and the dictionaries it loads). Nothing else from
// node_modules goes into the .vsix.

import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });

// mainFields prefers ESM builds: jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow.
const common = { bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, minify: true, logLevel: 'warning', external: ['vscode', 'nodejieba'] };
await esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: dist });
await esbuild.build({ ...common, entryPoints: { server: 'server/src/languageServer.ts', segmenter: 'server/src/segmenter/segmenterProcess.ts' }, outdir: dist });

const jieba = path.join(root, 'node_modules', 'nodejieba');
const target = path.join(dist, 'node_modules', 'nodejieba');
const files = ['package.json', 'index.js', 'LICENSE', 'build/Release/nodejieba.node'];
for (const dict of ['jieba.dict.utf8', 'hmm_model.utf8', 'user.dict.utf8']) files.push(`submodules/cppjieba/dict/${dict}`);
for (const f of files) {
  const from = path.join(jieba, f);
  if (!fs.existsSync(from)) throw new Error(`nodejieba file missing: ${from} (did npm ci build nodejieba?)`);
  fs.mkdirSync(path.dirname(path.join(target, f)), { recursive: true });
  fs.copyFileSync(from, path.join(target, f));
}
console.log(`bundled into ${path.relative(root, dist)}/: ${fs.readdirSync(dist).join(', ')}`);

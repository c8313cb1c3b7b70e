#!/usr/bin/env node
// jianggao-language-server: speaks LSP over stdio (--stdio), for VS Code and any other editor.

import * as v8 from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// Let the heap grow at most threefold between collections (V8 grows it up to fourfold under a burst of allocation):
// a compilation's checks make ~30 MB of short-lived objects each and keep ~25 MB, and the default growth left the
// server resident at up to 290 MB. Measured with `npm run bench` on the 420k draft, six runs each: peak with the
// segmenter, push 337–389 MB (median 371) → 345–355 (350); pull 340–374 (345) → 309–356 (340); edit median 49 → 47 ms.
// (Twofold kept the peak under 300 MB but made edits 57–69 ms: more full collections.)
v8.setFlagsFromString('--heap-growing-percent=200');

if (process.argv.includes('--help')) {
  process.stdout.write('用法：jianggao-language-server --stdio\n');
  process.exit(0);
}
startServer(createConnection(ProposedFeatures.all));

#!/usr/bin/env node
// jianggao-language-server: speaks LSP over stdio (--stdio), for VS Code and any other editor.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

if (process.argv.includes('--help')) {
  process.stdout.write('用法：jianggao-language-server --stdio\n');
  process.exit(0);
}
startServer(createConnection(ProposedFeatures.all));

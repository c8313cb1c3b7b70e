// A minimal LSP client for tests: starts the built server over stdio.

import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const SERVER = path.join(__dirname, '..', 'server', 'out', 'languageServer.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: any; severity: number; code: string; message: string; data?: any }[];
}

interface Registration {
  id: string;
  method: string;
  registerOptions?: any;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly stderr: string[] = [];
  private waiters: { uri: string; pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  readonly messages: { type: number; message: string }[] = [];

  /** By default the segmenter process is not started: most tests do not need it. Pass env {} to have it. */
  constructor(readonly settings: Record<string, unknown> = {}, env: Record<string, string> = { JIANGGAO_NO_SEGMENTER: '1' }, server = SERVER) {
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.proc.stdin!.on('error', () => undefined);
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', () => [this.settings]);
    this.conn.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('window/showMessage', (m: { type: number; message: string }) => this.messages.push(m));
    this.conn.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => {
      this.messages.push(m);
      return null;
    });
    this.conn.listen();
  }

  /** workspace/diagnostic/refresh requests the server sent (pull mode). */
  refreshes = 0;
  /** What the server registered dynamically (client/registerCapability). */
  registrations: Registration[] = [];

  /** pullParts: the client registers diagnostic providers dynamically, as VS Code does. */
  async initialize(rootDir: string, capabilities: { pull?: boolean; pullParts?: boolean } = {}): Promise<any> {
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(rootDir).toString(), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(capabilities.pull ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, ...(capabilities.pull ? { diagnostic: { dynamicRegistration: !!capabilities.pullParts } } : {}) },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'speech', version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: any[]): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  diagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const have = [...this.published].reverse().find((p) => p.uri === uri && pred(p));
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => (this.proc.exitCode !== null ? r(null) : this.proc.once('exit', r)));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.proc.kill();
    this.conn.dispose();
  }
}

// The server's handle on the segmenter child process: start it after the
// server is up, ask it for tags, remember paragraphs it has already tagged.

import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Segmenter } from '../core/rule';

export type Tag = { word: string; tag: string };
type State = 'idle' | 'loading' | 'ready' | 'failed';

const CACHE_LIMIT = 20000;

function childScript(): string {
  // Compiled sources keep it beside this file; the bundle ships it as dist/segmenter.js.
  const beside = path.join(__dirname, 'segmenterProcess.js');
  return fs.existsSync(beside) ? beside : path.join(__dirname, 'segmenter.js');
}

export class BackgroundSegmenter {
  state: State = 'idle';
  reason = '';
  loadMs = 0;
  private child: ChildProcess | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (t: Tag[][]) => void; reject: (e: Error) => void }>();
  private cache = new Map<string, Tag[]>();
  private words = new Set<string>();

  constructor(private readonly onStateChange: (state: State, reason: string) => void) {}

  start(words: string[]): void {
    if (this.state !== 'idle') return;
    this.state = 'loading';
    try {
      this.child = fork(childScript(), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    } catch (e) {
      this.fail(`分词进程无法启动：${(e as Error).message}`);
      return;
    }
    this.child.on('message', (msg: { type: string; id?: number; tags?: Tag[][]; error?: string; reason?: string; ms?: number }) => {
      if (msg.type === 'ready') {
        this.state = 'ready';
        this.loadMs = msg.ms ?? 0;
        this.onStateChange('ready', '');
      } else if (msg.type === 'failed') this.fail(msg.reason ?? '未知原因');
      else if (msg.type === 'tags' && msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error || !msg.tags) p?.reject(new Error(msg.error ?? '分词失败'));
        else p?.resolve(msg.tags);
      }
    });
    this.child.on('exit', (code, signal) => {
      if (this.state !== 'failed') this.fail(`分词进程意外退出（${signal ?? code}）`);
    });
    this.child.on('error', (e) => this.fail(`分词进程出错：${e.message}`));
    for (const w of words) this.words.add(w);
    this.child.send({ type: 'load', words: [...this.words] });
  }

  private fail(reason: string): void {
    const was = this.state;
    this.state = 'failed';
    this.reason = reason;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    if (was !== 'failed') this.onStateChange('failed', reason);
  }

  /** A synchronous Segmenter over the given texts, tagging only those not seen before. */
  async segmenterFor(texts: string[]): Promise<Segmenter> {
    const missing = [...new Set(texts.filter((t) => t && !this.cache.has(t)))];
    if (missing.length > 0) {
      if (this.state !== 'ready' || !this.child) throw new Error(this.reason || '分词库尚未就绪');
      const id = this.nextId++;
      const tags = await new Promise<Tag[][]>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.child!.send({ type: 'tag', id, texts: missing });
      });
      if (this.cache.size + missing.length > CACHE_LIMIT) this.cache.clear();
      missing.forEach((t, i) => this.cache.set(t, tags[i]));
    }
    const snapshot = new Map(texts.map((t) => [t, this.cache.get(t) ?? []]));
    return { tag: (text: string) => snapshot.get(text) ?? [] };
  }

  /** Words to keep whole from now on; tags cached before them may split them, so the cache goes. */
  addWords(words: string[]): void {
    const fresh = words.filter((w) => !this.words.has(w));
    if (fresh.length === 0) return;
    for (const w of fresh) this.words.add(w);
    if (this.child && this.state !== 'failed') {
      this.child.send({ type: 'words', words: fresh });
      this.cache.clear();
    }
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
  }
}

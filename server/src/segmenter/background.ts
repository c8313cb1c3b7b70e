// The server's handle on the segmenter child process: start it after the
// server is up, ask it for tags, remember paragraphs it has already tagged.

import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Segmenter } from '../core/rule';

export type Tag = { word: string; tag: string };
type State = 'idle' | 'loading' | 'ready' | 'failed';

// The tag cache is bounded by an estimate of its bytes, not its count: a few long
// paragraphs re-edited many times must not grow it without end.
const CACHE_BYTES = 48 * 1024 * 1024;
// A segmenter that stopped answering (SIGSTOP, a hang) is given up on after this long.
const REQUEST_TIMEOUT_MS = 15000;
// A segmenter that died is restarted a few times, waiting longer each time.
const RESTART_DELAYS_MS = [1000, 4000, 16000];

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
  private cache = new Map<string, { tags: Tag[]; bytes: number }>();
  private cacheBytes = 0;
  private words = new Set<string>();
  private restarts = 0;
  private stopped = false;

  constructor(private readonly onStateChange: (state: State, reason: string) => void) {}

  start(words: string[]): void {
    if (this.state !== 'idle' || this.stopped) return;
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
    const child = this.child;
    child.on('exit', (code, signal) => {
      if (this.child !== child || this.stopped) return;
      this.child = null;
      this.restartOrFail(`分词进程意外退出（${signal ?? code}）`);
    });
    this.child.on('error', (e) => this.fail(`分词进程出错：${e.message}`));
    for (const w of words) this.words.add(w);
    this.child.send({ type: 'load', words: [...this.words] });
  }

  /** A dead segmenter comes back a few times (with backoff); then the drafter is told, once. */
  private restartOrFail(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    const delay = RESTART_DELAYS_MS[this.restarts];
    if (delay === undefined) {
      this.fail(`${reason}，已重启 ${this.restarts} 次仍不成功`);
      return;
    }
    this.restarts++;
    this.state = 'idle';
    this.cache.clear();
    this.cacheBytes = 0;
    setTimeout(() => this.start([]), delay).unref?.();
  }

  private fail(reason: string): void {
    const was = this.state;
    this.state = 'failed';
    this.reason = reason;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    if (was !== 'failed') this.onStateChange('failed', reason);
  }

  /**
   * What is known already, at once: tags for texts seen before, none for the others (a paragraph
   * just edited). `complete` says whether every text was known.
   */
  known(texts: string[]): { segmenter: Segmenter; complete: boolean } {
    const complete = this.state === 'ready' && texts.every((t) => !t || this.cache.has(t));
    return { segmenter: { tag: (text: string) => this.cache.get(text)?.tags ?? [] }, complete };
  }

  /** A synchronous Segmenter over the given texts, tagging only those not seen before. */
  async segmenterFor(texts: string[]): Promise<Segmenter> {
    const missing = [...new Set(texts.filter((t) => t && !this.cache.has(t)))];
    if (missing.length > 0) {
      if (this.state !== 'ready' || !this.child) throw new Error(this.reason || '分词库尚未就绪');
      const id = this.nextId++;
      const tags = await new Promise<Tag[][]>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error('分词进程没有响应'));
          // A stopped or hung child is replaced.
          const child = this.child;
          this.child = null;
          child?.kill('SIGKILL');
          this.restartOrFail('分词进程没有响应');
        }, REQUEST_TIMEOUT_MS);
        this.pending.set(id, {
          resolve: (t) => (clearTimeout(timer), resolve(t)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        this.child!.send({ type: 'tag', id, texts: missing });
      });
      missing.forEach((t, i) => this.remember(t, tags[i]));
    }
    const snapshot = new Map(texts.map((t) => [t, this.cache.get(t)?.tags ?? []]));
    return { tag: (text: string) => snapshot.get(text) ?? [] };
  }

  private remember(text: string, tags: Tag[]): void {
    const bytes = text.length * 2 + tags.length * 48 + 64;
    this.cache.set(text, { tags, bytes });
    this.cacheBytes += bytes;
    // Oldest first: a Map keeps insertion order.
    for (const [key, entry] of this.cache) {
      if (this.cacheBytes <= CACHE_BYTES) break;
      this.cache.delete(key);
      this.cacheBytes -= entry.bytes;
    }
  }

  /** Bytes the tag cache holds, by its estimate (for tests and the bench). */
  get cachedBytes(): number {
    return this.cacheBytes;
  }

  /** Words to keep whole from now on; tags cached before them may split them, so the cache goes. */
  addWords(words: string[]): void {
    const fresh = words.filter((w) => !this.words.has(w));
    if (fresh.length === 0) return;
    for (const w of fresh) this.words.add(w);
    if (this.child && this.state !== 'failed') {
      this.child.send({ type: 'words', words: fresh });
      this.cache.clear();
      this.cacheBytes = 0;
    }
  }

  stop(): void {
    this.stopped = true;
    this.child?.kill();
    this.child = null;
  }

  /** The child's process id, for tests that kill it. */
  get pid(): number | undefined {
    return this.child?.pid;
  }
}

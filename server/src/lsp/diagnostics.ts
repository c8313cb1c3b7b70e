// How a document's diagnostics reach the client. Pulled (textDocument/diagnostic, LSP 3.17)
// when the client can: each result has an id, kept while the findings stay the same, and a pull
// whose previous result is still current is answered "unchanged", so an edit that changes no finding
// sends nothing. Pushed (publishDiagnostics) to clients that cannot pull. Either way the
// quick-fix edits stay here, keyed by their diagnostic, and are not sent.

import type { CancellationToken, Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { sameJson } from '../core/sameJson';

export type Fixes = unknown[];
/** Turns the fixes as the checker left them (text offsets) into LSP edits, for the version they belong to. */
export type ShapeFixes = (fixes: Fixes) => Fixes;
/** The fixes the checker kept beside a diagnostic (CheckOptions.keepFixes), if any. */
export type FixesOf = (diagnostic: Diagnostic) => Fixes | undefined;

/**
 * One document's quick fixes by diagnostic, shaped into LSP edits only when a code action asks.
 * The keys (`code@range`) are made on the first ask, not for every diagnostic of every version.
 */
export class KeptFixes {
  private readonly shaped = new Map<string, Fixes>();
  private raw: Map<string, Fixes> | null = null;
  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly fixesOf: FixesOf,
    private readonly shape: ShapeFixes,
  ) {}

  private byKey(): Map<string, Fixes> {
    if (!this.raw) {
      this.raw = new Map();
      for (const d of this.diagnostics) {
        const fixes = this.fixesOf(d);
        if (fixes?.length) this.raw.set(fixKey(d), fixes);
      }
    }
    return this.raw;
  }

  get(key: string): Fixes | undefined {
    let fixes = this.shaped.get(key);
    if (!fixes) {
      const raw = this.byKey().get(key);
      if (!raw) return undefined;
      this.shaped.set(key, (fixes = this.shape(raw)));
    }
    return fixes;
  }

  /** The keys of one rule's diagnostics (`code@range`), with their fixes. */
  *ofRule(code: string): Iterable<[string, Fixes]> {
    for (const key of this.byKey().keys()) if (key.startsWith(`${code}@`)) yield [key, this.get(key)!];
  }
}

/**
 * Pulled diagnostics come in parts, each a provider of its own (LSP 3.17's `identifier`, registered
 * dynamically): part k holds the lines of every PULL_PARTS-th block of BLOCK_LINES lines. An edit
 * changes the findings of the block it is in, so the client fetches that part again and is told
 * "unchanged" for the others: a 400,000-character compilation no longer resends 3 MB per keystroke.
 * A client that cannot register providers gets one part, everything in it.
 */
export const PULL_PARTS = 8;
const BLOCK_LINES = 50;
export const partIdentifier = (k: number) => `jianggao-${k + 1}`;
function partOfIdentifier(identifier: string | undefined, parts: number): number {
  const k = Number(/^jianggao-(\d+)$/.exec(identifier ?? '')?.[1] ?? 1) - 1;
  return k >= 0 && k < parts ? k : 0;
}

interface Part {
  items: Diagnostic[];
  resultId: string;
}

interface Result {
  version: number;
  parts: Part[];
}

export const fixKey = (d: { code?: unknown; range: Diagnostic['range'] }) =>
  `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

export class DiagnosticDelivery {
  private readonly results = new Map<string, Result>();
  private readonly fixes = new Map<string, KeptFixes>();
  private readonly waiting = new Map<string, { version: number; resolve: () => void }[]>();
  private issued = 0;

  constructor(
    private readonly connection: Connection,
    readonly pull: boolean,
    private readonly canRefresh: boolean,
    /** How many pull providers the client was given (1, or PULL_PARTS when it registers them). */
    readonly parts = 1,
  ) {}

  /** A version's diagnostics, as the checker computed them; their quick fixes as `fixesOf` finds them, shaped by `shape` when asked for. */
  set(uri: string, version: number, items: Diagnostic[], fixesOf: FixesOf = () => undefined, shape: ShapeFixes = (f) => f): void {
    this.fixes.set(uri, new KeptFixes(items, fixesOf, shape));
    if (!this.pull) {
      this.connection.sendDiagnostics({ uri, version, diagnostics: items });
      return;
    }
    const split: Diagnostic[][] = Array.from({ length: this.parts }, () => []);
    for (const d of items) split[Math.floor(d.range.start.line / BLOCK_LINES) % this.parts].push(d);
    // The same findings as before keep the same id (compared field by field: cheaper than hashing 3 MB of JSON).
    const before = this.results.get(uri);
    let changed = !before;
    const parts = split.map((partItems, k) => {
      const old = before?.parts[k];
      if (old && sameDiagnostics(old.items, partItems)) return { items: partItems, resultId: old.resultId };
      changed = true;
      return { items: partItems, resultId: String(++this.issued) };
    });
    this.results.set(uri, { version, parts });
    const waiters = this.waiting.get(uri) ?? [];
    const ready = waiters.filter((w) => w.version <= version);
    this.waiting.set(uri, waiters.filter((w) => w.version > version));
    for (const w of ready) w.resolve();
    // A result nobody asked for (the segmented pass, new settings): the client is asked to pull again.
    if (ready.length === 0 && changed && this.canRefresh) void this.connection.languages.diagnostics.refresh();
  }

  /** The answer to a pull for `version` (of the part `identifier` names): waits (cancellably) until that version has been checked. */
  async report(uri: string, version: number, previousResultId: string | undefined, token: CancellationToken, identifier?: string): Promise<DocumentDiagnosticReport> {
    const current = this.results.get(uri);
    if (!current || current.version < version) {
      await new Promise<void>((resolve) => {
        const list = this.waiting.get(uri) ?? [];
        list.push({ version, resolve });
        this.waiting.set(uri, list);
        token.onCancellationRequested(() => resolve());
      });
    }
    const result = this.results.get(uri)?.parts[partOfIdentifier(identifier, this.parts)];
    if (!result) return { kind: 'full', items: [] };
    if (previousResultId === result.resultId) return { kind: 'unchanged', resultId: result.resultId };
    return { kind: 'full', resultId: result.resultId, items: result.items };
  }

  /** Whether this version (or a later one) has been checked. */
  has(uri: string, version: number): boolean {
    return (this.results.get(uri)?.version ?? -Infinity) >= version;
  }

  fixesFor(uri: string): KeptFixes {
    return this.fixes.get(uri) ?? new KeptFixes([], () => undefined, (f) => f);
  }

  /** A closed document: its diagnostics go away. */
  clear(uri: string): void {
    this.results.delete(uri);
    this.fixes.delete(uri);
    for (const w of this.waiting.get(uri) ?? []) w.resolve();
    this.waiting.delete(uri);
    if (!this.pull) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** The same diagnostics in the same order: each of LSP's diagnostic fields compared by name (no walk over keys). */
export function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // The checker gives a finding that reads as before last version's object (check.ts).
    if (x === y) continue;
    const p = x.range;
    const q = y.range;
    if (p.start.line !== q.start.line || p.start.character !== q.start.character || p.end.line !== q.end.line || p.end.character !== q.end.character) return false;
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || x.source !== y.source) return false;
    // A rule's link is one shared object; the rest are JSON values.
    if (!sameJson(x.codeDescription, y.codeDescription) || !sameJson(x.data, y.data) || !sameJson(x.tags, y.tags) || !sameJson(x.relatedInformation, y.relatedInformation)) return false;
  }
  return true;
}

// When and how an open document is checked: debounced after each change, the rules that need no
// segmentation at once, nodejieba's after a longer pause; the results go to the delivery (diagnostics.ts).

import type { Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, keptFixes, shapeFix, type Diagnostic, type JianggaoConfig, type SpeechDocument, type TextMemo } from '../core';
import type { Fix } from '../core/rule';
import { textsToSegment } from '../core/rules/duplicateWord';
import { looksLikeChineseText } from '../core/text';
import { MAX_FILE_BYTES } from '../files';
import type { DictionaryLoad } from '../resources';
import { ruleDocUri } from '../ruleDocs';
import type { BackgroundSegmenter } from '../segmenter/background';
import type { DiagnosticDelivery } from './diagnostics';

const SEGMENTED_DELAY_MS = 400;

/** What the checks read from the server: its documents, models, settings and channels. */
export interface CheckingContext {
  documents: TextDocuments<TextDocument>;
  delivery(): DiagnosticDelivery;
  segmenter: BackgroundSegmenter;
  configFor(uri: string): { config: JianggaoConfig };
  dictionariesFor(config: JianggaoConfig): DictionaryLoad;
  modelOf(doc: TextDocument): SpeechDocument;
  memoOf(uri: string): TextMemo;
  log(message: string): void;
  error(message: string): void;
}

export class DocumentChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly segmentedTimers = new Map<string, NodeJS.Timeout>();
  /** nodejieba's findings of a document version, kept until the next version is checked. */
  private readonly segmented = new Map<string, { version: number; diagnostics: LspDiagnostic[] }>();

  constructor(private readonly ctx: CheckingContext) {}

  /** A check of the document's current version after `delay` ms (a later call replaces an earlier one). */
  schedule(doc: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      const current = this.ctx.documents.get(doc.uri);
      if (current) this.validate(current);
    }, delay));
  }

  /** Whether a check of this document is waiting to run. */
  pending(uri: string): boolean {
    return this.timers.has(uri);
  }

  /** A closed document: nothing more is checked or kept for it. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    clearTimeout(this.segmentedTimers.get(uri));
    this.segmented.delete(uri);
  }

  /** Settings or dictionaries changed: kept segmented findings are stale. */
  forgetSegmented(): void {
    this.segmented.clear();
  }

  private publish(uri: string, version: number, diagnostics: LspDiagnostic[], model?: SpeechDocument): void {
    // Each diagnostic's quick fixes as the checker kept them (text offsets of its model, invisible to JSON): a code
    // action shapes the few it shows.
    this.ctx.delivery().set(uri, version, diagnostics, (d) => keptFixes(d as unknown as Diagnostic), model ? (fixes) => (fixes as Fix[]).map((f) => shapeFix(model, f)) : undefined);
  }

  // A check that fails still answers (empty), so a pull waiting for this version is not left hanging.
  private validate(doc: TextDocument): void {
    try {
      this.check(doc);
    } catch (e) {
      this.ctx.error(`检查 失败：${(e as Error).stack ?? e}`);
      this.publish(doc.uri, doc.version, []);
    }
  }

  private check(doc: TextDocument): void {
    const { ctx } = this;
    if (doc.getText().length > MAX_FILE_BYTES) {
      this.publish(doc.uri, doc.version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'jianggao', message: '文件过大，讲稿检查已跳过。' }]);
      return;
    }
    if (doc.languageId !== 'speech' && !looksLikeChineseText(doc.getText())) {
      this.publish(doc.uri, doc.version, []);
      return;
    }
    const t0 = performance.now();
    const { config } = ctx.configFor(doc.uri);
    const model = ctx.modelOf(doc);
    const t1 = performance.now();
    const resources = { stockPhrases: ctx.dictionariesFor(config).matcher };
    // First the rules that need no segmentation, at once; the segmented ones follow when nodejieba is ready.
    const memo = ctx.memoOf(doc.uri);
    const fast = checkDocument(model, { config, resources, only: 'fast', memo, keepFixes: true }).map(toLsp);
    const t2 = performance.now();
    // nodejieba's findings for every paragraph it has tagged before (all but the one being typed in) go out
    // with the others, so an edit does not make them blink; the edited paragraphs follow after a pause.
    // Only paragraphs that say something twice in a row are segmented (duplicate-word's own test).
    const segmenter = ctx.segmenter;
    const segmentedOn = segmenter.state === 'ready' && config.rules['duplicate-word'] !== 'off';
    const flats = segmentedOn ? textsToSegment(model.paragraphs, memo) : [];
    const known = segmentedOn ? segmenter.known(flats) : null;
    const previous = this.segmented.get(doc.uri);
    const done = (previous !== undefined && previous.version === doc.version) || !!known?.complete;
    const now = known ? checkDocument(model, { config, resources, segmenter: known.segmenter, only: 'segmented', memo, keepFixes: true }).map(toLsp) : [];
    if (known?.complete) this.segmented.set(doc.uri, { version: doc.version, diagnostics: now });
    this.publish(doc.uri, doc.version, [...fast, ...(previous?.version === doc.version ? previous.diagnostics : now)], model);
    if (process.env.JIANGGAO_TRACE_TIMING) ctx.log(`解析 ${(t1 - t0).toFixed(1)} ms，规则 ${(t2 - t1).toFixed(1)} ms，分词规则与交付 ${(performance.now() - t2).toFixed(1)} ms，${fast.length} 条`);
    if (!segmentedOn || done) return;
    const version = doc.version;
    // The segmented pass waits for a longer pause than the fast one: while the drafter types, it would only be thrown away.
    clearTimeout(this.segmentedTimers.get(doc.uri));
    this.segmentedTimers.set(doc.uri, setTimeout(() => {
      this.segmentedTimers.delete(doc.uri);
      if (ctx.documents.get(doc.uri)?.version !== version) return;
      segmenter
        .segmenterFor(flats)
        .then((seg) => {
          const current = ctx.documents.get(doc.uri);
          if (!current || current.version !== version) return;
          const slow = checkDocument(model, { config, resources, segmenter: seg, only: 'segmented', keepFixes: true }).map(toLsp);
          this.segmented.set(doc.uri, { version, diagnostics: slow });
          this.publish(doc.uri, version, [...fast, ...slow], model);
        })
        .catch((e) => ctx.log(`分词检查跳过：${(e as Error).message}`));
    }, SEGMENTED_DELAY_MS));
  }
}

// One link object per rule, shared by its diagnostics (never changed once made): thousands fewer objects
// per edit, and comparing two versions' results finds it the same by identity.
const descriptions = new Map<string, { href: string } | null>();

function toLsp(d: Diagnostic): LspDiagnostic {
  let description = descriptions.get(d.code);
  if (description === undefined) {
    const href = ruleDocUri(d.code);
    descriptions.set(d.code, (description = href ? Object.freeze({ href }) : null));
  }
  // Set on the core's fresh object, not copied: thousands per edit in a compilation.
  if (description) (d as unknown as LspDiagnostic).codeDescription = description;
  return d as unknown as LspDiagnostic;
}

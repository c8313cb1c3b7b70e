import * as v8 from 'v8';
import * as vm from 'vm';
import { describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, keptFixes, parseDocument, shapeFix, TextMemo, type Diagnostic, type SpeechDocument } from '../server/src/core';
import { applyEdits } from '../server/src/core/features/fixAll';
import { codes, seed, SEEDS } from './helpers';
import { normalizeForMatching } from '../server/src/core/text';

// The server keeps per-line results from one version to the next (TextMemo). Whatever the
// edits, a check through the memo must equal a check from scratch.
describe('incremental checking: per-line results kept between versions', () => {
  const config = defaultConfig();
  const fresh = (text: string) => checkDocument(parseDocument(text), { config });
  let state = 7;
  const random = (n: number) => ((state = (state * 48271) % 2147483647) % n);
  // Edits a drafter makes: type a placeholder, paste a half-width or traditional line, delete a line, split one, undo.
  const EDITS: ((lines: string[], i: number) => void)[] = [
    (l, i) => (l[i] = '增长×%。' + l[i]),
    (l, i) => l.splice(i, 0, '他說:"我們要堅持(jiān chí)下去..."'),
    (l, i) => l.splice(i, 1),
    (l, i) => l.splice(i, 1, l[i].slice(0, 10), l[i].slice(10)),
    (l, i) => l.splice(i, 0, l[Math.max(0, i - 3)]),
    // A line's last character only: a result kept for a key cut short, or for a neighbour's text, would show here.
    (l, i) => (l[i] = l[i].slice(0, -1) + (l[i].endsWith('。') ? ',' : '。')),
    (l, i) => (l[i] += '  XX'),
  ];

  it('the normalized text redone only where a version differs equals normalizing it whole', () => {
    const memo = new TextMemo();
    // Lines that write their full stops as dots among the speech's own: an edit's 。 or line break there changes how
    // every dot of its line reads.
    let text = seed('seed004').text.repeat(6) + '\n同志们.今天召开会议.主要任务是部署工作.\n'.repeat(200);
    // (Dots and line breaks too: whether a dot is a full stop is read from its whole line.)
    const pieces = ['', '說', '，', ',', '：', 'Ａ', '\u3000', '同志們', 'x'.repeat(2100), '。'.repeat(4100), '.', '\n', '开会.散会.', '3.5', '。'];
    for (let v = 0; v < 200; v++) {
      // An insertion, a deletion or a replacement anywhere, of any length (a block's edge included), or no change.
      const at = random(text.length + 1);
      const cut = v % 7 === 0 ? 0 : random(Math.min(5000, text.length - at + 1));
      text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + cut);
      expect(memo.normalized(text) === normalizeForMatching(text), `version ${v}`).toBe(true);
    }
    expect(memo.normalized('') === '').toBe(true);
    // A line break typed before the first character: nothing of the last version's start is kept.
    memo.normalized('發展，工作.落实.');
    expect(memo.normalized('\n發展，工作.落实.')).toBe(normalizeForMatching('\n發展，工作.落实.'));
  });

  it('a U+FEFF opening the text, or the part an edit redoes, is a unit like any other', () => {
    // A file saved with a byte-order mark, long enough to be normalized in one block.
    const text = '\ufeff' + '同志們：今年我們要完成一個目標，二個任務。'.repeat(8);
    expect(normalizeForMatching(text)).toHaveLength(text.length);
    expect(normalizeForMatching(text).slice(1, 4)).toBe('同志们');
    // A stray U+FEFF in the words, right where an edit begins.
    const memo = new TextMemo();
    const before = '同志们：'.repeat(20) + '今年\ufeff' + '我们要完成目标。'.repeat(20);
    memo.normalized(before);
    const after = before.replace('今年\ufeff', '今年要\ufeff');
    expect(memo.normalized(after)).toBe(normalizeForMatching(after));
    expect(memo.normalized(after)).toHaveLength(after.length);
    // And the findings stay where they are: a wording slip after the mark is quoted as written.
    const found = codes('\ufeff' + '他们在其他业务上都做出了新贡献，'.repeat(5), 'wording');
    expect(found.map((d) => d.message.slice(0, 4))).toEqual(Array(5).fill('“做出”'));
  });

  // As the server checks: fixes kept beside their diagnostic, and a finding that reads as before given last version's object.
  const asServer = (doc: SpeechDocument, memo: TextMemo) => checkDocument(doc, { config, memo, keepFixes: true });
  // What a check without kept fixes gives: the fixes shaped into data (and nothing kept beside it, which JSON would not show).
  const withFixesShaped = (doc: SpeechDocument, ds: Diagnostic[]) =>
    ds.map(({ range, severity, code, source, message, data, ...rest }) => {
      const fixes = keptFixes({ range, severity, code, source, message, data, ...rest });
      const shaped = fixes ? { ...data, fixes: fixes.map((f) => shapeFix(doc, f)) } : data;
      return { range, severity, code, source, message, ...(shaped ? { data: shaped } : {}) };
    });

  it.each(SEEDS)('%s: thirty random edits, the memo never changes a finding, nor does giving unchanged findings again', (name) => {
    const memo = new TextMemo();
    // A second document checked as the server checks it, through the same versions.
    const served = new TextMemo();
    let text = seed(name).text;
    for (let v = 0; v < 30; v++) {
      const lines = text.split('\n');
      EDITS[random(EDITS.length)](lines, random(lines.length));
      text = lines.join('\n');
      memo.nextVersion();
      served.nextVersion();
      const expected = fresh(text);
      expect(checkDocument(parseDocument(text, { memo }), { config, memo })).toEqual(expected);
      const doc = parseDocument(text, { memo: served });
      expect(withFixesShaped(doc, asServer(doc, served))).toEqual(expected);
    }
    // Kept results do not pile up: after thirty versions the memo holds what one check of this text holds.
    const once = new TextMemo();
    once.nextVersion();
    checkDocument(parseDocument(text, { memo: once }), { config, memo: once });
    expect(memo.size).toBe(once.size);
    expect(memo.size).toBeGreaterThan(0);
  });

  it('an edit above a finding moves it: the same object is given again, and its fix edits the new text', () => {
    const memo = new TextMemo();
    const before = '同志们：\n今年我们要完成一个目标,二个任务.\n全年增长××%。\n';
    memo.nextVersion();
    const first = asServer(parseDocument(before, { memo }), memo);
    const comma = first.find((d) => d.code === 'punctuation')!;
    expect(comma).toBeDefined();
    // Three characters typed into the first line: every later offset moves, no line or column does.
    const after = '同志们好：\n今年我们要完成一个目标,二个任务.\n全年增长××%。\n'.replace('好', '好好好');
    memo.nextVersion();
    const doc = parseDocument(after, { memo });
    const second = asServer(doc, memo);
    expect(second).toContain(comma);
    const fixed = applyEdits(after, keptFixes(comma)!.flatMap((f) => [f, ...(f.more ?? [])]));
    expect(fixed).toContain('今年我们要完成一个目标，二个任务');
    expect(fixed.startsWith('同志们好好好：')).toBe(true);
    // Words changed after the mark: the finding reads the same, so it is still that object.
    memo.nextVersion();
    const third = asServer(parseDocument(after.replace('二个任务', '两个任务'), { memo }), memo);
    expect(third).toContain(comma);
    // The mark moved within its line: a new finding, a new object.
    memo.nextVersion();
    const fourth = asServer(parseDocument(after.replace('一个目标', '一个大目标'), { memo }), memo);
    expect(fourth.find((d) => d.code === 'punctuation')!.range.start.character).toBe(comma.range.start.character + 1);
    expect(fourth).not.toContain(comma);
  });

  // A kept result or a diagnostic given again that holds a slice of its version's text holds that whole text:
  // typing in a new line of a compilation each time kept one more copy of it, for as long as the server ran.
  it('edits in one line after another keep no earlier version of the text alive', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const memo = new TextMemo();
    let text = SEEDS.map((n) => seed(n).text).join('\n').repeat(12);
    const heapAfter = (edits: number, from: number) => {
      for (let v = from; v < from + edits; v++) {
        const lines = text.split('\n');
        const i = 20 + v * 31;
        lines[i] = lines[i].slice(0, 2) + '我们' + lines[i].slice(2);
        text = lines.join('\n');
        memo.nextVersion();
        asServer(parseDocument(text, { memo }), memo);
      }
      gc();
      return process.memoryUsage().heapUsed;
    };
    const settled = heapAfter(10, 0);
    const later = heapAfter(30, 10);
    // Each version's text is ~0.5 MB: thirty kept would be 15 MB and more.
    expect(text.length).toBeGreaterThan(200_000);
    expect((later - settled) / 1e6).toBeLessThan(4);
  });

  it('a line whose text is unchanged is not worked again', () => {
    const memo = new TextMemo();
    const calls: string[] = [];
    memo.nextVersion();
    memo.get('test', '第一行', () => (calls.push('第一行'), 1));
    memo.nextVersion();
    expect(memo.get('test', '第一行', () => (calls.push('again'), 2))).toBe(1);
    memo.nextVersion();
    memo.nextVersion();
    // Not used in the last version: dropped, computed again.
    expect(memo.get('test', '第一行', () => (calls.push('again'), 3))).toBe(3);
    expect(calls).toEqual(['第一行', 'again']);
  });
});

describe('pull results: the same findings keep their result id', () => {
  const base = () => ({ range: { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } }, severity: 2 as const, code: 'placeholder', source: 'jianggao' as const, message: '未填写的占位符“××”', data: { meaning: '数量' } });
  it('equal findings are the same, and any field that differs makes them differ', async () => {
    const { sameDiagnostics } = await import('../server/src/lsp/diagnostics');
    expect(sameDiagnostics([base()], [base()])).toBe(true);
    const changes: ((d: any) => void)[] = [
      (d) => (d.range.end.character = 5),
      (d) => (d.data.meaning = '金额'),
      (d) => delete d.data,
      (d) => (d.codeDescription = { href: 'https://example.org' }),
      (d) => (d.source = 'other'),
      (d) => (d.message += '。'),
    ];
    for (const change of changes) {
      const d = base();
      change(d);
      expect(sameDiagnostics([base()], [d])).toBe(false);
      expect(sameDiagnostics([d], [base()])).toBe(false);
    }
  });
});

import { kept, memoized, type TextMemo } from '../memo';
import type { Paragraph } from '../lines';
import type { Finding, Rule } from '../rule';
import { charTable, HAN } from '../text';

// Verb reduplication (研究研究, 讨论讨论) is grammar; a doubled noun (工作工作) is a slip.
// Segmentation with part-of-speech tags tells them apart: verbs ('v'), adverbs said twice for weight
// (非常非常重要, 逐步逐步地) and
// adjectives ('a') may repeat; a verbal noun ('vn') may repeat only where it
// acts as a verb (after 要/再/来…, not before a noun or after a determiner).
// Numeral-classifier doubling (一个一个, 一项一项: one by one) is grammar too.
const REDUPLICABLE = new Set(['v', 'a', 'ad', 'vd', 'd', 'm', 'q', 'mq']);
const NOUNISH_NEXT = new Set(['n', 'vn', 'nz', 'ng', 'nr', 'ns', 'nt']);
const VERB_BEFORE = /^(要|想|得|来|去|请|让|先|再|好好|一起|自己)$/;
const SUBJECT_BEFORE = /^(大家|我们|你们|咱们|同志们|都|也|就|还|多)$/;
const PAUSE_AFTER = /^(吧|了|一下|啊|呀|嘛)$/;
const DETERMINER_BEFORE = /^(各项|这项|此项|该项|各|的|下步|本|全年|今年|明年)$/;
// Function words, and the plural suffix 们 (同志们们: never doubled on purpose).
const FUNCTION_DOUBLES = new Set(['的', '了', '在', '和', '是', '与', '及', '对', '把', '被', '要', '就', '将', '也', '都', '从', '向', '并', '又', '由', '于', '以', '们']);
const FUNCTION_DOUBLE_CODES = charTable([...FUNCTION_DOUBLES].join(''));
// A doubled word or phrase is at most this long (公共安全公共安全, 好好学习好好学习).
const LONGEST_DOUBLE = 12;
const NUMERAL_TAGS = new Set(['m', 'mq', 'q']);
// Where a clause begins or ends ('' is the paragraph's edge).
const CLAUSE_EDGE = /^$|[，。！？；：、“”]/;
// Words only, no marks: 奋斗、奋斗、 is a list of its own kind, not a slip of the same phrase.
const HAN_WORD = /^\p{Script=Han}+$/u;

/**
 * The paragraph texts worth segmenting: those that say something twice in a row (的的, 工作工作),
 * the only ones that can hold a finding. The rule, the server and the CLI ask this before tagging or
 * starting nodejieba; through the memo each paragraph is answered once.
 */
export function textsToSegment(paragraphs: Paragraph[], memo?: TextMemo): string[] {
  const worth = (p: Paragraph) => (p.results ? kept(p.results, 'may-have-doubles', () => mayHaveDoubles(p.flat)) : memoized(memo, 'may-have-doubles', p.flat, () => mayHaveDoubles(p.flat)));
  return paragraphs.filter(worth).map((p) => p.flat);
}

/** Whether the text says something twice in a row (character comparisons only). */
export function mayHaveDoubles(flat: string): boolean {
  const n = flat.length;
  for (let k = 0; k + 1 < n; k++) {
    const c = flat.charCodeAt(k);
    if (c === flat.charCodeAt(k + 1) && FUNCTION_DOUBLE_CODES[c]) return true;
  }
  // A run of len positions j with flat[j] === flat[j + len] is a text of len characters said twice;
  // it counts when a Han character is in it (2020 and ---- are not words said twice).
  for (let len = 2; len <= LONGEST_DOUBLE; len++) {
    let run = 0;
    let lastHan = -LONGEST_DOUBLE;
    for (let j = 0; j + len < n; j++) {
      const c = flat.charCodeAt(j);
      if (c >= 0x3400) lastHan = j;
      if (c !== flat.charCodeAt(j + len)) run = 0;
      else if (++run >= len && j - lastHan < len) return true;
    }
  }
  return false;
}

export const duplicateWord: Rule = {
  meta: {
    id: 'duplicate-word',
    defaultSeverity: 'warning',
    title: '词语重复',
    description:
      '按分词和词性找出无意重复的词或短语（工作工作、的的、公共安全公共安全），放过汉语允许的重叠（看看、研究研究、人人、天天、红红火火）和为加重语气叠用的副词（非常非常重要）。需要 nodejieba 分词，分词库加载完成后给出。',
    needsSegmenter: true,
  },
  check(doc, ctx) {
    const segmenter = ctx.segmenter;
    if (!segmenter) return [];
    const out: Finding[] = [];
    // Most paragraphs say nothing twice in a row: they need no segmentation at all.
    const worth = new Set(textsToSegment(doc.paragraphs, ctx.memo));
    for (const p of doc.paragraphs) {
      if (!worth.has(p.flat)) continue;
      const tags = segmenter.tag(p.flat);
      // No tags for a paragraph the segmenter has not seen yet (being typed in): nothing to keep for it.
      const doubles = tags.length ? kept(p.results, 'duplicate-word', () => doublesIn(p.flat, tags)) : [];
      for (const { from, word, removeFrom, to } of doubles) {
        const start = p.offsets[from];
        const end = p.offsets[to - 1] + 1;
        out.push({
          start,
          end,
          message: `“${word}”重复了：“${doc.text.slice(start, end)}”。`,
          data: { word },
          fixes: [{ title: `删除重复的“${word}”`, start: p.offsets[removeFrom - 1] + 1, end, newText: '' }],
        });
      }
    }
    return out;
  },
};

/** Unintended doubles in one paragraph's text, as flat indexes: the pair [from, to), the second word from removeFrom. */
function doublesIn(flat: string, tags: { word: string; tag: string }[]): { from: number; removeFrom: number; to: number; word: string }[] {
  const out: { from: number; removeFrom: number; to: number; word: string }[] = [];
  // Where each word starts in the text (-1 if the segmenter's word is not found), without an object per word.
  const starts = new Int32Array(tags.length);
  let pos = 0;
  for (let i = 0; i < tags.length; i++) {
    const at = flat.indexOf(tags[i].word, pos);
    starts[i] = at;
    if (at >= 0) pos = at + tags[i].word.length;
  }
  for (let i = 1; i < tags.length; i++) {
    const a = tags[i - 1];
    const b = tags[i];
    // 我们们: the segmenter keeps the first 们 in its word and the second apart.
    if (b.word === '们' && a.word.length > 1 && a.word.endsWith('们') && starts[i - 1] >= 0 && starts[i] === starts[i - 1] + a.word.length) {
      out.push({ from: starts[i] - 1, removeFrom: starts[i], to: starts[i] + 1, word: '们' });
      continue;
    }
    if (a.word !== b.word || starts[i - 1] < 0 || starts[i] !== starts[i - 1] + a.word.length) continue;
    if (!HAN.test(a.word)) continue;
    if (a.word.length === 1 && !FUNCTION_DOUBLES.has(a.word)) continue;
    if (a.word.length > 1 && REDUPLICABLE.has(a.tag)) continue;
    const before = tags[i - 2];
    const after = tags[i + 1];
    // 先比划比划战场, 大家比划比划吧: a word the segmenter calls a noun, doubled after 先/要/请/自己 (whatever follows), or after
    // an adverb or 大家 and before a pause (or 吧, 一下), is a verb said twice to soften it.
    if (a.word.length === 2 && a.tag === 'n') {
      const pause = !after || after.tag === 'x' || PAUSE_AFTER.test(after.word);
      if (VERB_BEFORE.test(before?.word ?? '') || (pause && (before?.tag === 'd' || SUBJECT_BEFORE.test(before?.word ?? '')))) continue;
    }
    if (a.word.length > 1 && a.tag === 'vn') {
      const nounUse = (after && NOUNISH_NEXT.has(after.tag)) || (before && DETERMINER_BEFORE.test(before.word));
      if (!nounUse) continue;
    }
    out.push({ from: starts[i - 1], removeFrom: starts[i], to: starts[i] + b.word.length, word: b.word });
  }
  // A phrase of two or three words said twice (公共/安全/公共/安全): whatever the dictionary knows as one
  // word, the same words again right after are a slip, unless numeral and classifier (一/步/一/步: step by step).
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + 2 * n <= tags.length; i++) {
      if (starts[i] < 0 || NUMERAL_TAGS.has(tags[i].tag)) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) same = tags[i + k].word === tags[i + n + k].word && starts[i + n + k] >= 0 && HAN_WORD.test(tags[i + k].word);
      if (!same) continue;
      const secondFrom = starts[i + n];
      const to = starts[i + 2 * n - 1] + tags[i + 2 * n - 1].word.length;
      const phrase = tags.slice(i, i + n).map((t) => t.word).join('');
      // Contiguous, Han, and long enough to be a phrase rather than 看一看-like play.
      if (secondFrom !== starts[i] + phrase.length || to !== secondFrom + phrase.length || phrase.length < 3) continue;
      // 最重要最重要的基础: a degree adverb and its adjective said twice for weight, as 非常非常 is.
      if (n === 2 && tags[i].tag === 'd' && tags[i + 1].tag === 'a') continue;
      // ，不吃亏不吃亏。: a phrase said twice as a whole clause of its own is an exclamation, not a slip within a sentence.
      if (CLAUSE_EDGE.test(flat[starts[i] - 1] ?? '') && CLAUSE_EDGE.test(flat[to] ?? '')) continue;
      if (out.some((d) => d.from < to && secondFrom < d.to)) continue;
      out.push({ from: starts[i], removeFrom: secondFrom, to, word: phrase });
      i += 2 * n - 1;
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

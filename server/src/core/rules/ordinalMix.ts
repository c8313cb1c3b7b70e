import type { Rule } from '../rule';
import type { Marker } from '../markers';
import type { SpeechDocument } from '../document';

// A list's items written in one family: 第一…第二…第三, 首先…其次…再次, 其一…其二, 一是…二是.
const FAMILY_NAME: Record<string, string> = { di: '第一、第二', 'sequence-adverb': '首先、其次、再次', qi: '其一、其二', circled: '①②' };
const nameOf = (family: string) => FAMILY_NAME[family] ?? (family.startsWith('run-') ? `一${family.slice(4)}、二${family.slice(4)}` : family);
// How far back (in paragraphs) the item before may stand.
const REACH = 6;

export const ordinalMix: Rule = {
  meta: {
    id: 'ordinal-mix',
    defaultSeverity: 'warning',
    title: '序数混用',
    description:
      '同一组并列内容混用两套序数：首先……其次……第三……、一是……二是……第三……。按第一项的写法统一（首先、其次、再次，或第一、第二、第三）。嵌套的下一层（第一，……一是……二是……第二，……）不算混用；“最后”可收任何一组。',
  },
  check(doc) {
    return mixedOrdinals(doc).map(({ item, prev, first }) => ({
      start: item.start,
      end: item.end,
      message: `序数混用：前面用“${doc.text.slice(first.start, first.end)}”起头（${nameOf(prev.family)}），这里却用“${doc.text.slice(item.start, item.end)}”（${nameOf(item.family)}），宜统一为一套。`,
      related: [{ start: prev.start, end: prev.end, message: '上一项' }],
    }));
  },
};

/**
 * The items that go on a list in another family's numerals (首先，… 第二，…): the item, the one before it and the
 * list's first. numbering-sequence leaves these to this rule: one slip, said once.
 */
export function mixedOrdinals(doc: Pick<SpeechDocument, 'markers'>): { item: Marker; prev: Marker; first: Marker }[] {
  const soft = doc.markers.filter((m) => m.level === null && m.number > 0);
  const out: { item: Marker; prev: Marker; first: Marker }[] = [];
  for (let k = 1; k < soft.length; k++) {
    const m = soft[k];
    if (m.number < 2) continue;
    const prev = soft[k - 1];
    if (prev.family === m.family || prev.number !== m.number - 1 || m.paragraph - prev.paragraph > REACH) continue;
    // The item before in m's own family exists nearby: m continues its own list, nested around prev's.
    const near = (x: Marker) => m.paragraph - x.paragraph <= REACH * 3;
    let own = false;
    for (let j = k - 1; j >= 0 && near(soft[j]) && !own; j--) own = soft[j].family === m.family && soft[j].number === m.number - 1;
    if (own) continue;
    // prev's family goes on past m (一是…第二…二是…): two lists, not one.
    let continues = false;
    for (let j = k + 1; j < soft.length && soft[j].paragraph - m.paragraph <= REACH && !continues; j++) continues = soft[j].family === prev.family && soft[j].number === m.number;
    if (continues) continue;
    // The list's first item decides its family.
    let first = prev;
    for (let j = k - 1; j >= 0 && soft[j].family === prev.family && soft[j].number === first.number - 1; j--) first = soft[j];
    out.push({ item: m, prev, first });
  }
  return out;
}

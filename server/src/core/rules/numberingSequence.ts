import type { Finding, Fix, Rule } from '../rule';
import type { SpeechDocument } from '../document';
import { LONE_FAMILIES, type Marker } from '../markers';
import { Section, sectionAt, siblingRuns, walkSections } from '../outline';
import { flatIndexAt } from '../lines';
import { toChineseNumeral } from '../text';

/**
 * Whether the item before a 第N item was said in running text in the few paragraphs before it, as an enumeration
 * (我讲的第二个问题，是… / 第二点是…), not as a word (第一个五年计划, 第一反应).
 */
function saidBefore(doc: SpeechDocument, m: Marker): boolean {
  if (m.number < 2) return false;
  const previous = new RegExp(`第${toChineseNumeral(m.number - 1)}(?:个[^，。；：、\\s]{0,3}|点|条|项|方面|部分)?[，、：是]`);
  for (let k = m.paragraph - 1; k >= 0 && k >= m.paragraph - SAID_BEFORE_REACH; k--) if (previous.test(doc.paragraphs[k].flat)) return true;
  return false;
}
const SAID_BEFORE_REACH = 15;

function loneItem(doc: SpeechDocument, m: Marker): Finding {
  const written = doc.text.slice(m.start, m.end);
  return { start: m.start, end: m.end, severity: 'information', message: `只有“${written}”，后面没有“${written.replace(/^./, '二')}”：或补全其余各项，或去掉序号。`, data: { lone: true } };
}

// A second item said in other words than the first's family.
const SECOND_IN_OTHER_WORDS = /[，。；：]\s*(其二|第二|其次|再者|再一个|另一个|另一方面|二来)/;

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    defaultSeverity: 'warning',
    title: '序号跳号或重复',
    description:
      '同一层级、同一组序号（一、二、三、或一是、二是……）应从一开始连续编号，不跳号、不重复、不倒序（某一部分里用“一、”另起的小列表之后，部分本身的序号接着编，不算倒序），并用同一套序数：首先……其次……第三……、一是……二是……第三……是混用，按第一项的写法统一（首先、其次、再次，或第一、第二、第三）；嵌套的下一层（第一，……一是……二是……第二，……）不算混用，“最后”可收任何一组。“一方面……另一方面”之后不再接“第三方面”。只有“一是”（或“一要”）而后面没有“二是”的，作为信息提示：或补全其余各项，或去掉序号（“一是……，一是……”这种旧式对举、用“其二”“第二”接续的、靠近全文末尾可能是网页截断的不算）。',
  },
  check(doc) {
    const out: Finding[] = [];
    // 首先，… 第二，…: an item the outline set on the list of another family's item before it (Marker.goesOn) is a mix,
    // said once as a mix, however far apart its items (not as a list without its 一).
    const soft = doc.markers.filter((m) => m.level === null && m.number > 0);
    for (const m of soft) {
      if (!m.goesOn) continue;
      const first = firstOfList(soft, m.goesOn);
      out.push({
        start: m.start,
        end: m.end,
        message: `序数混用：前面用“${doc.text.slice(first.start, first.end)}”起头（${nameOf(first.family)}），这里却用“${doc.text.slice(m.start, m.end)}”（${nameOf(m.family)}），宜统一为一套。`,
        data: { mixed: true },
        related: [{ start: first.start, end: first.end, message: '这一组的第一项' }],
      });
    }
    for (const parent of walkSections(doc.speeches)) {
      for (const run of siblingRuns(parent)) {
        // 一是… opening a paragraph and nothing after it: unfinished as an inline one (near the text's end, a page cut off).
        const first = run[0].marker!;
        if (run.length === 1 && first.number === 1 && LONE_FAMILIES.includes(first.family) && first.paragraph < doc.paragraphs.length - 3) {
          out.push(loneItem(doc, first));
          continue;
        }
        run.forEach((item, i) => {
          const m = item.marker!;
          const written = doc.text.slice(m.start, m.end);
          const expected = i === 0 ? 1 : run[i - 1].marker!.number + 1;
          if (m.goesOn || m.number === expected) return;
          const prev = run[i - 1]?.marker;
          const range = { start: m.numeralStart, end: m.numeralEnd };
          let message: string;
          const fixes: Fix[] = [];
          if (i === 0) {
            // 我讲的第二个问题，是…（inside a sentence）… 第三点，…: the item before was said in running text.
            if (m.level === null && m.family.startsWith('di') && saidBefore(doc, m)) return;
            // （一）…（二）… 一、…十、 （三）…: the items before it stand earlier in the speech, closed by headings of a higher
            // rank between them (a report that puts （一） above 一、, or numbers （一） on across its parts).
            if (m.level !== null && numberedEarlier(doc, m)) return;
            // （一）… （二）… run into one line by a PDF's extraction, the （一） after a heading with no stop: the item before
            // is written right there in the paragraph, though not read as a marker.
            if (writtenBefore(doc, m)) return;
            message = `序号“${written}”前没有从“一”开始的同级序号。`;
          }
          else if (m.number === prev!.number && sameText(doc, run[i - 1], item)) {
            // 四是… twice, the second a copy: the fix deletes the copy, not renumbers it.
            message = `“${written}”这一项与上一项重复，像是多粘贴了一遍。`;
            fixes.push({ title: `删除重复的“${written}”这一项`, start: item.start, end: item.end, newText: '' });
          } else {
            if (m.number === prev!.number) message = `序号“${written}”与上一项重复，应为“${numeral(doc, m, expected)}”。`;
            else if (m.number > expected)
              message = `序号“${written}”跳号：上一项是${toChineseNumeral(prev!.number)}，缺少${toChineseNumeral(expected)}${m.number - expected > 1 ? `至${toChineseNumeral(m.number - 1)}` : ''}。`;
            else message = `序号“${written}”倒序：上一项已是${toChineseNumeral(prev!.number)}。`;
            fixes.push(renumberFrom(doc, run, i));
          }
          out.push({ ...range, message, data: { expected, found: m.number }, fixes });
        });
      }
    }
    // 一是… alone: a list left unfinished, or a number it does not need. Not for 一是…，一是… (a pair in the older
    // style), a second item in other words (其二, 第二), or the text's last paragraph (a page may be cut off there).
    for (const m of doc.loneItems) {
      const p = doc.paragraphs[m.paragraph];
      if (m.paragraph === doc.paragraphs.length - 1) continue;
      const after = p.flat.slice(flatIndexAt(p, m.end));
      if (doc.loneItems.some((o) => o !== m && o.paragraph === m.paragraph && o.family === m.family) || SECOND_IN_OTHER_WORDS.test(after)) continue;
      out.push(loneItem(doc, m));
    }
    // 一方面……另一方面…… closes a pair: a third 方面 after it has no first and second to follow.
    for (const p of doc.paragraphs) {
      if (!p.flat.includes('另一方面')) continue;
      PAIR_THEN_THIRD.lastIndex = 0;
      for (let m = PAIR_THEN_THIRD.exec(p.flat); m; m = PAIR_THEN_THIRD.exec(p.flat)) {
        const at = m.index + m[0].length - m[1].length;
        out.push({
          start: p.offsets[at],
          end: p.offsets[at + m[1].length - 1] + 1,
          message: `“一方面……另一方面”只说两层，这里又有“${m[1]}”：三层应写作“第一方面、第二方面、第三方面”（或“其一、其二、其三”）。`,
          data: { pair: true },
        });
      }
    }
    return out;
  },
};

/** Whether the item before `m`, written as `m` is with one less (（二） → （一）), stands earlier in m's paragraph. */
function writtenBefore(doc: SpeechDocument, m: Marker): boolean {
  if (m.number < 2) return false;
  const p = doc.paragraphs[m.paragraph];
  const digits = /\d/.test(doc.text.slice(m.numeralStart, m.numeralEnd));
  const previous = doc.norm.slice(m.start, m.numeralStart) + (digits ? String(m.number - 1) : toChineseNumeral(m.number - 1)) + doc.norm.slice(m.numeralEnd, m.end);
  return doc.norm.slice(p.start, m.start).includes(previous);
}

/** Whether the item before heading `m` (its family, one less) opens a paragraph earlier in the same speech. */
function numberedEarlier(doc: SpeechDocument, m: Marker): boolean {
  const speech = sectionAt(doc.speeches, m.start);
  return doc.markers.some((x) => x.start < m.start && x.paragraphStart && x.family === m.family && x.number === m.number - 1 && sectionAt(doc.speeches, x.start) === speech);
}

/** The first item of the list `item` closes a run of (the soft markers before it in its family, counting down to it). */
function firstOfList(soft: Marker[], item: Marker): Marker {
  let first = item;
  for (let j = soft.indexOf(item) - 1; j >= 0 && soft[j].family === item.family && soft[j].number === first.number - 1; j--) first = soft[j];
  return first;
}

// A list's items written in one family: 第一…第二…第三, 首先…其次…再次, 其一…其二, 一是…二是.
const FAMILY_NAME: Record<string, string> = { di: '第一、第二', 'sequence-adverb': '首先、其次、再次', qi: '其一、其二', circled: '①②' };
const nameOf = (family: string) => FAMILY_NAME[family] ?? (family.startsWith('run-') ? `一${family.slice(4)}、二${family.slice(4)}` : family);

const PAIR_THEN_THIRD = /(?:^|[，。；：！？])一方面[，,].{1,400}?[，。；]另一方面[，,].{1,400}?[。；，](第三个?方面|再一方面|还有一方面)/g;

function numeral(doc: SpeechDocument, m: Marker, n: number): string {
  return /\d/.test(doc.text.slice(m.numeralStart, m.numeralEnd)) ? String(n) : toChineseNumeral(n);
}

/** One fix renumbers the rest of the run, so the next item is not flagged in turn. */
function renumberFrom(doc: SpeechDocument, run: Section[], from: number): Fix {
  const edits = run.slice(from).map((s, k) => {
    const m = s.marker!;
    return { start: m.numeralStart, end: m.numeralEnd, newText: numeral(doc, m, run[from - 1].marker!.number + 1 + k) };
  }).filter((e) => doc.text.slice(e.start, e.end) !== e.newText);
  const [first, ...more] = edits;
  const label = (e: { start: number; end: number; newText: string }) => `“${doc.text.slice(e.start, e.end)}”改为“${e.newText}”`;
  return {
    title: edits.length > 1 ? `重新编号：${label(first)}等 ${edits.length} 处` : label(first),
    ...first,
    more,
  };
}

/** The same text after the marker: an item pasted twice. */
function sameText(doc: SpeechDocument, a: Section, b: Section): boolean {
  const body = (s: Section) => doc.text.slice(s.marker!.end, s.end).replace(/\s+/g, '');
  const x = body(a);
  return x.length >= 6 && x === body(b);
}

// Announcements: count phrases that promise a list (下面，我讲三点意见), and the
// list each one is linked to.

import { flatIndexAt, Paragraph } from './lines';
import type { Section } from './outline';
import { sectionAt, siblingRuns, walkSections } from './outline';
import { parseNumeral } from './text';
import { firstIndexWhere } from './search';

export interface Announcement {
  /** Offsets of the count phrase, e.g. 三点意见. */
  start: number;
  end: number;
  /** The clause that holds the count phrase, as written. */
  text: string;
  /** null for indefinite counts (几点). */
  announced: number | null;
  numeral: string;
  /** The parts it was linked to; empty when none follow. */
  items: Section[];
  /** Where a list was expected to begin. */
  paragraph: number;
}

const NUMERAL = '[一二三四五六七八九十两]{1,3}|\\d{1,2}|几';
const MEASURE = '个方面|方面|个维度|维度|个层面|层面|个部分|部分|层|点|条|项|件|句话|个';
// The count phrase, then the rest of its clause up to the next break.
const COUNT = new RegExp(`(${NUMERAL})(${MEASURE})([^，。；：！？、\\n]{0,14}?)(?=[，。；：！？、]|$)`, 'g');

// Cues that make a count phrase an announcement even when no list follows it (the text may be cut short).
// Multi-character cues may stand a little before the count; the one-character
// verbs (讲 谈 提 说) only right before it, so 提高三个方面 or 讲话中 are not cues.
const SPEAKING_CUE =
  /(以下|如下|下面|强调|提出|交流|汇报|谈谈|讲讲|概括为|归纳为|送给大家|送大家|给大家)[^，。；！？了]{0,12}$|[讲谈提说](一下|以下|这么|这样)?$/;
const PROMISE_HEAD = /^(的?意见|的?要求|的?建议|的?体会|的?看法|的?考虑|的?认识|的?思考|的?希望|的?打算|的?想法|的?问题|意思)/;
// A count that looks back, not forward: 以上三点, 这两个方面.
const BACK_REFERENCE = /(以上|上述|前面|前述|这|那|上面|这些|每|第|哪|各|其中|近|约|共)$/;

interface Candidate {
  flatStart: number;
  flatEnd: number;
  announced: number | null;
  numeral: string;
  strong: boolean;
  sentenceFinal: boolean;
}

function findCandidates(p: Paragraph): Candidate[] {
  const out: Candidate[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(p.flat); m; m = COUNT.exec(p.flat)) {
    const [whole, numeral, measure, rest] = m;
    const i = m.index;
    const before = p.flat.slice(Math.max(0, i - 16), i);
    const prev = p.flat[i - 1] ?? '';
    if (/[\d一二三四五六七八九十百千万两几.．]/.test(prev) || BACK_REFERENCE.test(before)) continue;
    const announced = numeral === '几' ? null : parseNumeral(numeral);
    if (announced !== null && (announced < 2 || announced > 12)) continue;
    // 1000个以上, 7天, 4月份: quantities, not lists.
    if (/^(以上|以下|左右|多|余|月|年|百分点|次|天)/.test(rest)) continue;
    const after = p.flat[i + whole.length] ?? '';
    const sentenceFinal = after === '' || '。：；！'.includes(after);
    const clauseBefore = p.flat.slice(clauseStartBefore(p.flat, i, '，。；'), i);
    const listy = measure !== '个' && measure !== '件' && measure !== '句话';
    // 讲两个问题 is a promise too: 个 with a speaking verb and a promising noun.
    const strong =
      (listy && (SPEAKING_CUE.test(clauseBefore) || /(以下|如下)$/.test(clauseBefore))) ||
      (measure === '个' && SPEAKING_CUE.test(clauseBefore) && PROMISE_HEAD.test(rest)) ||
      (measure === '句话' && SPEAKING_CUE.test(clauseBefore));
    out.push({ flatStart: i, flatEnd: i + whole.length, announced, numeral, strong, sentenceFinal });
  }
  return out;
}

/**
 * Finds announcements and links each to the list it promises: the first
 * numbered part after it, when that part is number one and sits in the
 * announcement's own section or an enclosing one; then that part's run of
 * siblings of the same family.
 */
export function findAnnouncements(text: string, paragraphs: Paragraph[], roots: Section[]): Announcement[] {
  const parts = [...walkSections(roots)].filter((s) => s.kind === 'part');
  const out: Announcement[] = [];
  const runsByParent = new Map<Section, Map<Section, Section[]>>();
  paragraphs.forEach((p, pi) => {
    for (const c of findCandidates(p)) {
      const start = p.offsets[c.flatStart];
      const end = p.offsets[c.flatEnd - 1] + 1;
      // Parts are in document order (a pre-order walk): the first at or after the phrase.
      const next = parts[firstIndexWhere(parts.length, (k) => parts[k].start >= end)];
      const container = innermost(roots, start);
      let items: Section[] = [];
      if (next && (next.marker!.number === 1) && isAncestorOrSelf(next.parent!, container)) {
        let runs = runsByParent.get(next.parent!);
        if (!runs) runsByParent.set(next.parent!, (runs = new Map(siblingRuns(next.parent!).map((r) => [r[0], r]))));
        items = runs.get(next) ?? [];
      }
      const immediate = items.length > 0 && followsDirectly(paragraphs, pi, c.flatEnd, items[0].start);
      if (!c.strong && !(c.sentenceFinal && immediate)) continue;
      if (!c.strong && items.length < 2) continue;
      let clauseFrom = clauseStartBefore(p.flat, c.flatStart);
      // 下面，我讲三点意见: a short lead-in clause belongs to the announcement.
      if (clauseFrom > 0 && p.flat[clauseFrom - 1] === '，') {
        const lead = clauseStartBefore(p.flat, clauseFrom - 1);
        if (clauseFrom - 1 - lead <= 4) clauseFrom = lead;
      }
      const fromOffset = sameLine(text, p.offsets[clauseFrom], start) ? p.offsets[clauseFrom] : start;
      out.push({
        start: fromOffset,
        end,
        text: text.slice(fromOffset, end),
        announced: c.announced,
        numeral: c.numeral,
        items,
        paragraph: pi,
      });
    }
  });
  return out;
}


/** Where the clause holding index i starts: after the nearest break, looking back a bounded way. */
function clauseStartBefore(flat: string, i: number, breaks = '，。；：！？'): number {
  const stop = Math.max(0, i - 200);
  for (let k = i - 1; k >= stop; k--) if (breaks.includes(flat[k])) return k + 1;
  return stop;
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(a, b).includes('\n');
}

function innermost(roots: Section[], offset: number): Section {
  let best = sectionAt(roots, offset) ?? roots[0];
  for (;;) {
    const child = sectionAt(best.children, offset);
    if (!child) return best;
    best = child;
  }
}

function isAncestorOrSelf(a: Section, b: Section): boolean {
  for (let s: Section | null = b; s; s = s.parent) if (s === a) return true;
  return false;
}

/** The list starts right after the announcing sentence: same paragraph, or the next one. */
function followsDirectly(paragraphs: Paragraph[], pi: number, flatEnd: number, itemStart: number): boolean {
  const p = paragraphs[pi];
  if (itemStart < p.end) {
    const between = p.flat.slice(flatEnd, flatIndexAt(p, itemStart));
    return /^[”"」』]?[。：；！]?\s*$/.test(between);
  }
  const rest = p.flat.slice(flatEnd, flatEnd + 4);
  return p.flat.length - flatEnd <= 4 && /^[”"」』]?[。：；！]?\s*$/.test(rest) && paragraphs[pi + 1]?.start === itemStart;
}

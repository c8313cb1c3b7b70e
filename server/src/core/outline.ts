// The section tree: speeches (a file may hold several), their numbered parts,
// and the items of inline runs, built once from the markers in document order.

import { mixedOrdinals, ORDINAL_PAIR, type Marker } from './markers';
import { flatIndexAt, Paragraph } from './lines';
import { isSalutation, isTitleLike } from './residue';
import { firstIndexWhere } from './search';

export interface Section {
  kind: 'speech' | 'part';
  marker: Marker | null;
  /** Heading text, or the first clause of an inline item. */
  title: string;
  /** Offset where the section starts (its marker, or the speech title). */
  start: number;
  /** Offset where the next section at its level or above starts. */
  end: number;
  /** Offsets of the text that names the section: the heading line, or the item's first clause. */
  nameStart: number;
  nameEnd: number;
  parent: Section | null;
  children: Section[];
}

const TITLE_CLAUSE_END = /[。；！？]/;
// Who speaks, opening a paragraph of a transcript: 问： 答： 主持人： 学员2： 任总： Q：.
const SPEAKER_TURN = /^(问|答|提问|回答|主持人|记者|学员|员工|党员|代表|嘉宾|听众|[\p{Script=Han}]{1,2}总|Q|A)\d{0,2}[：:]/u;

function sectionName(text: string, p: Paragraph, m: Marker): { title: string; end: number } {
  const from = flatIndexAt(p, m.end);
  if (from < 0) return { title: '', end: m.end };
  const rest = p.flat.slice(from);
  const stop = rest.search(m.level !== null ? TITLE_CLAUSE_END : /[。；！？，]/);
  const length = Math.min(stop < 0 ? rest.length : stop, 60);
  // The name as written, not normalized; hard-wrap breaks are dropped.
  let title = '';
  for (let k = from; k < from + length; k++) title += text[p.offsets[k]];
  title = title.replace(/(\*\*|__)\s*$/, '').trim(); // a bold heading's closing marker
  return { title, end: length > 0 ? p.offsets[from + length - 1] + 1 : m.end };
}

function original(text: string, p: Paragraph, to = p.flat.length): string {
  let s = '';
  for (let k = 0; k < to; k++) s += text[p.offsets[k]];
  return s;
}

/** Where a collection page's label (第2篇：…) opens a speech: at this paragraph, named by what followed the label. */
export interface SpeechBreak {
  paragraph: number;
  start: number;
  title: string;
  nameEnd: number;
}

export function buildSections(text: string, paragraphs: Paragraph[], markersByParagraph: Marker[][], breaks: SpeechBreak[] = []): Section[] {
  const textLength = text.length;
  const roots: Section[] = [];
  const newRoot = (start: number, title: string, nameEnd: number): Section => {
    const root: Section = {
      kind: 'speech', marker: null, title, start, end: textLength, nameStart: start, nameEnd, parent: null, children: [],
    };
    roots.push(root);
    return root;
  };
  let root = newRoot(0, '', 0);
  let stack: Section[] = [root];
  let rootHasBody = false;
  let bodyChars = 0;
  // The next speech of a compilation: a label, a title or a salutation after a speech's body opens it.
  const openSpeech = (start: number, title: string, nameEnd: number) => {
    root = newRoot(start, title, nameEnd);
    stack = [root];
    rootHasBody = false;
    bodyChars = 0;
  };

  // 首先，… 第二，… 第三，…: one list written in two families' numerals (numbering-sequence says so); its parts are siblings.
  const markers = markersByParagraph.flat();
  for (const { item, prev } of mixedOrdinals(markers)) item.goesOn = prev;
  pairedOpenings(markers);
  let skipNext = false;
  let nextBreak = 0;
  paragraphs.forEach((p, pi) => {
    while (nextBreak < breaks.length && breaks[nextBreak].paragraph < pi) nextBreak++;
    const label = breaks[nextBreak]?.paragraph === pi ? breaks[nextBreak] : undefined;
    if (label && rootHasBody) openSpeech(label.start, label.title, label.nameEnd);
    else if (label && !root.title) {
      root.title = label.title;
      root.nameStart = label.start;
      root.nameEnd = label.nameEnd;
    }
    if (skipNext) {
      skipNext = false;
      return;
    }
    const markers = markersByParagraph[pi];
    const next = paragraphs[pi + 1];
    // A title broken over two short lines.
    const twoLineTitle =
      markers.length === 0 && next && p.flat.length <= 30 && !/[。！？；：，]$/.test(p.flat) && markersByParagraph[pi + 1].length === 0 && !isTitleLike(p.flat) && isTitleLike(p.flat + next.flat);
    // 继《 / 在…全体会议上的报告 / 》之后: a book title a PDF broke out of its sentence is not a speech's title.
    const brokenOut = /[《“‘（「『【]$/.test(paragraphs[pi - 1]?.flat ?? '') || /^[》”’）」』】]/.test((twoLineTitle ? paragraphs[pi + 2] : next)?.flat ?? '');
    if (markers.length === 0 && !brokenOut && (isTitleLike(p.flat) || twoLineTitle)) {
      const title = twoLineTitle ? original(text, p) + original(text, next) : original(text, p);
      const end = twoLineTitle ? next.end : p.end;
      skipNext = twoLineTitle;
      // A title after the body of a speech opens the next speech of a compilation.
      if (rootHasBody) openSpeech(p.start, title, end);
      else {
        root.title = title;
        root.nameStart = p.start;
        root.nameEnd = end;
      }
      return;
    }
    // A salutation standing alone (各位代表：) after a speech's body opens the next speech of a compilation, titled or not;
    // unless the parts after it go on numbering this speech's (（一）… 各位代表： …（二）): a report addressing its hearers again.
    if (markers.length === 0 && rootHasBody && bodyChars >= 300 && isSalutation(p.flat) && !continuesParts(root, markersByParagraph, pi)) {
      openSpeech(p.start, '', p.start);
      return;
    }
    rootHasBody = true;
    bodyChars += p.flat.length;
    // A turn of a transcript's exchange (问：… 党员1：… 任总：…): the one speaking now goes on nobody's 第一…第二.
    if (SPEAKER_TURN.test(p.flat)) while (stack.length > 1 && stack[stack.length - 1].marker!.level === null) stack.pop();
    // An inline list of the paragraph before ends with it.
    while (stack.length > 1 && stack[stack.length - 1].marker!.listed && stack[stack.length - 1].marker!.paragraph !== pi) stack.pop();
    for (const m of markers) {
      const placed = placeSubListItem(stack, m, pi, paragraphs, markersByParagraph) ?? place(stack, m);
      if (!placed) continue;
      const { title, end } = sectionName(text, p, m);
      const section: Section = {
        kind: 'part', marker: m, title, start: m.start, end: textLength, nameStart: m.start, nameEnd: end,
        parent: placed, children: [],
      };
      placed.children.push(section);
      stack.push(section);
    }
  });
  for (const r of roots) closeEnds(r, roots[roots.indexOf(r) + 1]?.start ?? textLength);
  for (const r of roots) endLastPartAtClosing(r, paragraphs);
  return roots;
}

/**
 * 首先，一定要…。(paragraphs of it) 第二，一定要…: paragraph-opening items, the first written 首先 and the rest
 * 第二、第三 (or 第一 and then 其次), however long the first part runs: one list, its parts siblings. Only when
 * nothing of either family opened a paragraph between them, and no numbered heading.
 */
function pairedOpenings(markers: Marker[]): void {
  let last: Marker | undefined;
  for (const m of markers) {
    if (m.level !== null) {
      if (m.paragraphStart) last = undefined;
      continue;
    }
    if (!m.paragraphStart || !(m.family in ORDINAL_PAIR)) continue;
    if (m.number === 2 && !m.goesOn && last?.family === ORDINAL_PAIR[m.family] && last.number === 1) m.goesOn = last;
    last = m;
  }
}

/**
 * Pops the stack to where the marker belongs and returns its parent, or null
 * when the marker is not an item after all (an inline 二是 with no 一是 before it).
 */
function place(stack: Section[], m: Marker): Section | null {
  // An inline list's items stand inside what is open (…纪律：（一）…；（二）…, under 第七，…): they close nothing
  // but the item before them.
  if (m.listed) {
    const top = stack[stack.length - 1].marker;
    if (m.number > 1 && top?.listed && top.family === m.family) stack.pop();
    return stack[stack.length - 1];
  }
  if (m.level !== null) {
    // A GB heading closes every soft item and every heading at its level or deeper.
    while (stack.length > 1) {
      const top = stack[stack.length - 1].marker!;
      // 第一项措施： opening a paragraph holds the 1. 2. items under it.
      // It holds a list that starts under it (1．) or goes on under it, not one it interrupts.
      const topSection = stack[stack.length - 1];
      // 第一，全国动员，大办农业 as a heading's line holds the （一） 1. headings under it, the same way.
      const holds =
        top.level === null &&
        top.paragraphStart &&
        ((top.family.startsWith('di-') && m.level >= 3) || (top.headsLine === true && m.level >= 2)) &&
        stack[stack.length - 2]?.marker?.paragraph !== top.paragraph &&
        (m.number === 1 || topSection.children.some((c) => c.marker!.family === m.family));
      if (holds) break;
      if (top.level === null || top.level >= m.level) stack.pop();
      else break;
    }
    return stack[stack.length - 1];
  }
  // Soft ordinals look for an open run of their family, but never across a GB heading,
  // except 第二项措施： opening a paragraph after its predecessor's 1. 2. items.
  const crossHeadings = m.paragraphStart && m.family.startsWith('di');
  // …的能力。第一，…第二，… inside a paragraph of a 第一/第二 run that opens paragraphs: that inner run
  // ends with its paragraph, and the next paragraph-opening item goes on with the outer one.
  if (m.paragraphStart) {
    restartRun(stack, m);
    while (stack.length > 1 && stack[stack.length - 1].marker!.inner && stack[stack.length - 1].marker!.paragraph !== m.paragraph) stack.pop();
  }
  let same = -1;
  for (let i = stack.length - 1; i > 0; i--) {
    const sm = stack[i].marker!;
    if (sm.level !== null && !crossHeadings) break;
    if (sm.family === m.family || sm === m.goesOn) {
      same = i;
      break;
    }
  }
  if (m.family === 'sequence-adverb' && m.number === 0) {
    // 最后 closes a 首先/其次 run; alone it is an ordinary word.
    if (same < 0) return null;
    m.number = stack[same].marker!.number + 1;
  }
  const outer = same >= 0 ? stack[same].marker! : null;
  // A new inline run after an item that opened its paragraph (in a later paragraph, or its own: 二是…：一是…；二是…) is inside it.
  if (outer && m.number === 1 && !m.paragraphStart && outer.paragraphStart && !outer.inner && outer.number >= 1) {
    m.inner = true;
    return stack[stack.length - 1];
  }
  if (same >= 0) {
    if (stack[same].marker!.inner) m.inner = true;
    stack.length = same;
    return stack[same - 1];
  }
  if (m.number !== 1 && !m.paragraphStart) return null;
  return stack[stack.length - 1];
}

/**
 * 三、… （一）… 第一，… then 一、 / 二、 / 三、 in the numerals of the open part: a plain list inside what is open, not
 * new parts that close it. Either each marker stands alone on its line with its words below (how a wiki renders a
 * numbered list), or the items are one paragraph each, one right after another, and the item they stand under goes on
 * after them (第一、… 一、…二、…三、… 第二、). The list goes on while its next item follows; any other marker closes it
 * first. Null when `m` is no such item (`place` then decides).
 */
function placeSubListItem(stack: Section[], m: Marker, pi: number, paragraphs: Paragraph[], markersByParagraph: Marker[][]): Section | null {
  const top = stack[stack.length - 1].marker;
  if (top?.subListItem) {
    if (m.paragraphStart && top.family === m.family && m.number === top.number + 1 && (bareAt(m, paragraphs) || m.paragraph - top.paragraph <= 2)) {
      m.subListItem = true;
      stack.pop();
      return stack[stack.length - 1];
    }
    while (stack.length > 1 && stack[stack.length - 1].marker!.subListItem) stack.pop();
  }
  if (m.level === null || !m.paragraphStart || m.number !== 1) return null;
  // Begun at 一 under an open part of the same family (三、 is open): the part's own list would go on at 四、.
  const part = stack.findIndex((s) => s.marker?.family === m.family && s.marker.number >= 2);
  if (part < 0) return null;
  if (!bareAt(m, paragraphs) && !(part < stack.length - 1 && shortListGoesBack(stack.slice(part + 1), m, pi, paragraphs, markersByParagraph))) return null;
  m.subListItem = true;
  return stack[stack.length - 1];
}

/** The marker is all its paragraph holds (一、 alone on its line). */
const bareAt = (m: Marker, paragraphs: Paragraph[]) => paragraphs[m.paragraph].flat.length === m.end - m.start;

// An item of a short list inside a part: one paragraph of at most this many characters.
const SUB_LIST_ITEM = 300;

/**
 * From paragraph `pi`: two or more items of `m`'s family, one paragraph each, one right after another, and then the next
 * paragraph-opening item goes on one of the items `above` (open between the part and the list).
 */
function shortListGoesBack(above: Section[], m: Marker, pi: number, paragraphs: Paragraph[], markersByParagraph: Marker[][]): boolean {
  let k = pi;
  let n = 0;
  // Paragraph j opens with the list's next item.
  const item = (j: number) => {
    const x = markersByParagraph[j]?.[0];
    return !!x?.paragraphStart && x.family === m.family && x.number === n + 1 && paragraphs[j].flat.length <= SUB_LIST_ITEM;
  };
  for (; k < paragraphs.length; k++, n++) {
    if (item(k)) continue;
    // (An item's words may run on into one paragraph of its own, unnumbered: a wiki breaks a list item's line at a link.)
    if (n > 0 && markersByParagraph[k].length === 0 && item(k + 1)) k++;
    else break;
  }
  if (n < 2) return false;
  for (let j = k; j < paragraphs.length && j <= k + 40; j++) {
    const next = markersByParagraph[j].find((x) => x.paragraphStart);
    if (next) return above.some((s) => s.marker!.family === next.family && s.marker!.number === next.number - 1);
  }
  return false;
}

/**
 * 继续实施积极的财政政策。一是… / 二是… / 三是… after a run that ended at 四是: the inline 一是 began the run anew
 * beside the last one, it is not a list inside 四是 (nor inside a 一要…五要 list that came between). When a
 * paragraph-opening item is the next of such an inline run in the paragraph right before, and not of the outer run,
 * the inline items move up beside the outer item.
 */
function restartRun(stack: Section[], m: Marker): void {
  if (stack.length < 3) return;
  const top = stack[stack.length - 1];
  const holder = stack[stack.length - 2];
  const tm = top.marker!;
  // (A paragraph or two of the first item may stand between: 一是推…。 / 出台…。 / 二是…)
  if (!tm.inner || tm.family !== m.family || tm.number !== m.number - 1 || m.paragraph - tm.paragraph > 3) return;
  // The outer run: the nearest open item of the same family below the inline one.
  let at = stack.length - 2;
  while (at > 0 && (stack[at].marker!.family !== m.family || stack[at].marker!.inner)) at--;
  const outer = stack[at];
  if (at === 0 || outer.marker!.number === m.number - 1 || !outer.parent) return;
  const moved = holder.children.filter((c) => c.marker!.inner && c.marker!.family === m.family && c.marker!.paragraph === tm.paragraph);
  if (moved[0]?.marker!.number !== 1) return;
  holder.children = holder.children.filter((c) => !moved.includes(c));
  for (const c of moved) {
    c.marker!.inner = false;
    c.parent = outer.parent;
    outer.parent.children.push(c);
  }
  stack.splice(at, stack.length - at, top);
}

// What follows the last numbered part without belonging to it: the closing address,
// an appendix, a Q&A, the thanks.
const CLOSING = /^(同志们[，！,!：:]|同志们、朋友们|各位代表[，！,!]|最后，我再(强调|讲)|附件[：:\d一二三四五六七八九十 ]|附[：:]|附表|问[：:]|答记者问|谢谢大家|谢谢！|谢谢。)/;

/** The last top-level part ends where the speech's closing begins; its descendants with it. */
function endLastPartAtClosing(root: Section, paragraphs: Paragraph[]): void {
  const last = root.children[root.children.length - 1];
  if (!last || last.marker!.level === null) return;
  const from = firstIndexWhere(paragraphs.length, (k) => paragraphs[k].start > last.start);
  for (let k = from; k < paragraphs.length && paragraphs[k].start < last.end; k++) {
    if (!CLOSING.test(paragraphs[k].flat)) continue;
    trimEnd(last, paragraphs[k].start);
    return;
  }
}

function trimEnd(section: Section, end: number): void {
  if (section.end <= end) return;
  section.end = end;
  section.children = section.children.filter((c) => c.start < end);
  section.children.forEach((c) => trimEnd(c, end));
}

function closeEnds(section: Section, end: number): void {
  section.end = end;
  section.children.forEach((child, i) => closeEnds(child, section.children[i + 1]?.start ?? end));
}

/** Every section under `sections`, each before its children. (An array: nested generators made an object per level per section, 1.7 MB a keystroke in a compilation.) */
export function walkSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const stack: Section[] = [];
  for (let i = sections.length - 1; i >= 0; i--) stack.push(sections[i]);
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]);
  }
  return out;
}

// A parent's runs, read by four rules and the announcements: worked out once per section (the outline is built anew
// for each version of a document, so a section's children never change once it is read). Callers only read them.
const runsOf = new WeakMap<Section, Section[][]>();

/** Children of one parent that share a marker family, split where numbering restarts at 1. */
export function siblingRuns(parent: Section): Section[][] {
  let runs = runsOf.get(parent);
  if (!runs) runsOf.set(parent, (runs = findSiblingRuns(parent)));
  return runs;
}

function findSiblingRuns(parent: Section): Section[][] {
  const runs: Section[][] = [];
  const open = new Map<string, Section[]>();
  const runOf = new Map<Marker, Section[]>();
  for (const child of parent.children) {
    const m = child.marker!;
    // 首先，… 第二，…: the item goes on the run of the one before it, in the other family's numerals.
    let run = (m.goesOn && runOf.get(m.goesOn)) || open.get(m.family);
    // 二、… 一、… 二、… 三、: a list of headings that began again at 一 inside a part (an old report's sub-list), and
    // then the parts' own numbering goes on (its next number, not the inner list's): the heading goes back to the
    // run it is the next of. (Not inline runs: 一是…三是 / 一是、二是、四是 is a slip in the second run.)
    if (run && m.level !== null && m.number > 1 && !m.goesOn && run[run.length - 1].marker!.number !== m.number - 1) {
      for (let k = runs.length - 1; k >= 0; k--) {
        const r = runs[k];
        if (r !== run && r[0].marker!.family === m.family && r[r.length - 1].marker!.number === m.number - 1) {
          run = r;
          break;
        }
      }
    }
    if (!run || m.number === 1) {
      run = [];
      runs.push(run);
    }
    open.set(m.family, run);
    runOf.set(m, run);
    run.push(child);
  }
  return runs;
}

/** Among ordered, non-overlapping sections: the one that contains `offset`, if any. */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  const s = sections[firstIndexWhere(sections.length, (i) => sections[i].start > offset) - 1];
  return s && offset < s.end ? s : undefined;
}

/** The outermost numbered headings (一、 or whatever level a speech starts at), in order. */
export function topHeadings(roots: Section[]): Section[] {
  const out: Section[] = [];
  const visit = (s: Section) => {
    if (s.kind === 'part' && s.marker!.level !== null) out.push(s);
    else s.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/**
 * Whether the first numbered heading after paragraph `pi` is the next of one of the speech's top runs: of its last top
 * part, or of an earlier run of top parts in another family ((一)…(二)… 一、…十、 各位代表： (三)…).
 */
function continuesParts(root: Section, markersByParagraph: Marker[][], pi: number): boolean {
  if (root.children[root.children.length - 1]?.marker?.level == null) return false;
  for (let k = pi + 1; k < markersByParagraph.length && k <= pi + 40; k++) {
    const first = markersByParagraph[k].find((m) => m.paragraphStart && m.level !== null);
    if (!first) continue;
    for (let c = root.children.length - 1; c >= 0; c--) {
      const last = root.children[c].marker!;
      if (last.family === first.family) return last.level !== null && first.number === last.number + 1;
    }
    return false;
  }
  return false;
}

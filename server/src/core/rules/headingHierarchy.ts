import type { Finding, Rule } from '../rule';
import { GB_FAMILY_BY_LEVEL, MARKER_EXAMPLE } from '../markers';
import { Section, siblingRuns, walkSections } from '../outline';
import type { SpeechDocument } from '../document';

/** 1．2．3．4. : within one run the dot after the number is one and the same. */
function mixedDots(doc: SpeechDocument, run: Section[]): Finding[] {
  const dotted = run.filter((s) => s.marker!.family === 'arabic-dot' && (s.marker!.punct === '.' || s.marker!.punct === '．'));
  const full = dotted.filter((s) => s.marker!.punct === '．');
  if (full.length === 0 || full.length === dotted.length) return [];
  const minority = full.length * 2 >= dotted.length ? dotted.filter((s) => s.marker!.punct === '.') : full;
  const want = minority[0].marker!.punct === '.' ? '．' : '.';
  return minority.map((s) => {
    const m = s.marker!;
    const at = doc.text.lastIndexOf(m.punct, m.end - 1);
    return {
      start: m.start,
      end: m.end,
      message: `“${doc.text.slice(m.start, m.end).trim()}”的点号与同级其他序号不一致，应统一为“${want}”。`,
      fixes: at >= m.start ? [{ title: `“${m.punct}”改为“${want}”`, start: at, end: at + 1, newText: want }] : [],
    };
  });
}

/**
 * 四、… then 一、二、三、 as a plain list inside it: a run of one-line items that
 * starts again at 一 under a later part of the same level belongs a level down (（一）).
 */
function nestedRestarts(doc: SpeechDocument): Finding[] {
  const out: Finding[] = [];
  for (const speech of doc.speeches) {
    const runs = siblingRuns(speech).filter((r) => r[0].marker!.level === 1);
    for (let k = 1; k < runs.length; k++) {
      const run = runs[k];
      // The part it starts in: the last part of that level before it (the outer list may go on after it).
      let parent: Section | undefined;
      for (const s of speech.children) if (s.start < run[0].start && s.marker!.level === 1) parent = s;
      if (!parent || parent.marker!.number < 2 || run.length < 2) continue;
      // A list, not sections: each item is one paragraph and the next item follows at once.
      const paragraphs = run.map((s) => s.marker!.paragraph);
      const oneLine = paragraphs.every((p, i) => i === 0 || p === paragraphs[i - 1] + 1) && run.every((s) => doc.paragraphs[s.marker!.paragraph].flat.length <= 80);
      if (!oneLine) continue;
      for (const s of run) {
        const m = s.marker!;
        out.push({
          start: m.start,
          end: m.end,
          message: `“${doc.text.slice(m.start, m.end)}”在“${doc.text.slice(parent.marker!.start, parent.marker!.end)}”之下重新从一编号，是它的下一级，应改用“（${doc.text.slice(m.numeralStart, m.numeralEnd)}）”。`,
          fixes: [{ title: `“${doc.text.slice(m.start, m.end)}”改为“（${doc.text.slice(m.numeralStart, m.numeralEnd)}）”`, start: m.start, end: m.end, newText: `（${doc.text.slice(m.numeralStart, m.numeralEnd)}）` }],
        });
      }
    }
  }
  return out;
}

// GB/T 15834 B.3: the punctuation each marker takes.
const RIGHT_PUNCT: Record<string, string> = { 'cn-dun': '、', 'arabic-dot': '.', di: '，' };

export const headingHierarchy: Rule = {
  meta: {
    id: 'heading-hierarchy',
    defaultSeverity: 'warning',
    title: '层级与序号标点',
    safeFix: true,
    norm: { name: '《标点符号用法》（1951 年 9 月 26 日由出版总署公布，现行为 GB/T 15834—2011 附录 B）', since: '1951-09-26' },
    description:
      '结构层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704—2012 7.3.3）。越过一级（一、下直接 1.）是常见写法，GB/T 9704 说各层“依次可以用”，只作信息提示；讲话从“1.”或“（一）”起编号（不用“一、”）不算越级；序号后的标点是警告：按《标点符号用法》（GB/T 15834—2011 附录 B）“第一，”不用顿号，“（一）”后不加标点，“1.”不用顿号，同一组里“1．”“1.”与括号全角半角应一致；一段之内重新从“一、”编号的一串短项是下一级，应改为“（一）”。',
  },
  check(doc) {
    const out: Finding[] = [];
    for (const parent of walkSections(doc.speeches)) {
      for (const run of siblingRuns(parent)) {
        const first = run[0].marker!;
        // Headings only: （1）（2）（3） run inside a sentence (证明了下列几点：（1）…；（2）…) or a paragraph is a list, not a level.
        if (first.level !== null && first.level > 1 && run.every((s) => s.marker!.paragraphStart)) {
          // Under a heading only: a short speech may number its parts 1. 2. 3. from the start (下面讲三点：1.…),
          // and no one renumbers it for that; a level left out between two headings (一、 then 1.) is the finding.
          const parentLevel = parent.marker?.level ?? null;
          if (parentLevel !== null && parentLevel >= 1 && parentLevel < first.level - 1) {
            const missing = GB_FAMILY_BY_LEVEL[first.level - 2];
            // GB/T 9704 7.3.3 says the levels 依次可以用: a skipped level is accepted practice, so only information.
            out.push({
              start: first.start,
              end: first.end,
              message: `“${doc.text.slice(first.start, first.end)}”级标题越级：前面没有“${MARKER_EXAMPLE[missing]}”级标题。`,
              severity: 'information',
              data: { level: first.level, parentLevel },
            });
          }
        }
        for (const f of mixedDots(doc, run)) out.push(f);
        // One style of parentheses within a run.
        const parens = run.filter((s) => s.marker!.family.endsWith('paren'));
        const ascii = parens.filter((s) => doc.text[s.marker!.start] === '(');
        if (ascii.length > 0 && ascii.length < parens.length) {
          for (const s of ascii) {
            const m = s.marker!;
            const close = doc.text.indexOf(')', m.start);
            out.push({
              start: m.start,
              end: m.end,
              message: `同级序号括号全角半角混用：“${doc.text.slice(m.start, m.end)}”应与其他各项一致，用全角“（）”。`,
              fixes: close > 0 && close < m.end ? [{ title: '改为全角括号', start: m.start, end: close + 1, newText: `（${doc.text.slice(m.start + 1, close)}）` }] : [],
            });
          }
        }
      }
    }
    for (const f of nestedRestarts(doc)) out.push(f);
    for (const m of doc.markers) {
      if (!m.paragraphStart && m.family !== 'di') continue;
      const written = doc.text.slice(m.start, m.end);
      const punctAt = m.punct ? m.end - m.punct.length : -1;
      if (m.family === 'cn-paren' || m.family === 'arabic-paren') {
        if (m.punct) {
          out.push({
            start: m.start,
            end: m.end,
            message: `“${written}”后不加标点，应为“${written.slice(0, -m.punct.length)}”。`,
            fixes: [{ title: `删除“${m.punct}”`, start: punctAt, end: m.end, newText: '' }],
          });
        }
        continue;
      }
      const right = RIGHT_PUNCT[m.family];
      if (!right || !m.punct) continue;
      const wrong =
        m.family === 'arabic-dot' ? m.punct === '、' : m.family === 'di' ? m.punct === '、' : m.punct !== '、';
      if (!wrong) continue;
      out.push({
        start: m.start,
        end: m.end,
        message: `序号“${written}”标点不当，应为“${written.slice(0, -m.punct.length)}${right}”。`,
        fixes: [{ title: `改为“${right}”`, start: punctAt, end: m.end, newText: right }],
      });
    }
    return out;
  },
};

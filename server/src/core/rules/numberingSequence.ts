import type { Finding, Rule } from '../rule';
import { siblingRuns, walkSections } from '../outline';
import { toChineseNumeral } from '../text';

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    defaultSeverity: 'warning',
    title: '序号跳号或重复',
    description: '同一层级、同一组序号（一、二、三、或一是、二是……）应从一开始连续编号，不跳号、不重复、不倒序。',
  },
  check(doc) {
    const out: Finding[] = [];
    for (const parent of walkSections(doc.speeches)) {
      for (const run of siblingRuns(parent)) {
        run.forEach((item, i) => {
          const m = item.marker!;
          const written = doc.text.slice(m.start, m.end);
          const expected = i === 0 ? 1 : run[i - 1].marker!.number + 1;
          if (m.number === expected) return;
          const range = { start: m.numeralStart, end: m.numeralEnd };
          const prev = run[i - 1]?.marker;
          let message: string;
          if (i === 0) message = `序号“${written}”前没有从“一”开始的同级序号。`;
          else if (m.number === prev!.number) message = `序号“${written}”与上一项重复，应为“${toChineseNumeral(expected)}”。`;
          else if (m.number > expected)
            message = `序号“${written}”跳号：上一项是${toChineseNumeral(prev!.number)}，缺少${toChineseNumeral(expected)}${m.number - expected > 1 ? `至${toChineseNumeral(m.number - 1)}` : ''}。`;
          else message = `序号“${written}”倒序：上一项已是${toChineseNumeral(prev!.number)}。`;
          const arabic = /\d/.test(doc.text.slice(m.numeralStart, m.numeralEnd));
          out.push({
            ...range,
            message,
            data: { expected, found: m.number },
            fixes: i === 0 ? [] : [{ title: `改为“${arabic ? expected : toChineseNumeral(expected)}”`, ...range, newText: arabic ? String(expected) : toChineseNumeral(expected) }],
          });
        });
      }
    }
    return out;
  },
};

import type { Finding, Rule, Severity } from '../rule';
import { kept } from '../memo';
import { toChineseNumeral } from '../text';

// Fixed political expressions are written in Chinese numerals (GB/T 15835—2011, 4.2): 四个意识, not 4个意识.
const FIXED_COUNT: Record<string, number> = { 意识: 4, 自信: 4, 维护: 2, 全面: 4, 确立: 2, 代表: 3, 务必: 2, 没有变: 2 };
const cnCount = (n: number) => (n === 2 ? '两' : toChineseNumeral(n));

interface Rewrite {
  re: RegExp;
  severity?: Severity;
  /** The replacement for a match, or null when the match is not one after all. */
  replace(m: RegExpExecArray): string | null;
  why: string;
}

const REWRITES: Rewrite[] = [
  {
    // 党的20大 党的19届4中全会
    re: /党的(\d{1,2})(大|届)/g,
    replace: (m) => `党的${toChineseNumeral(Number(m[1]))}${m[2]}`,
    why: '党的代表大会届次用汉字数字',
  },
  {
    re: /([一二三四五六七八九十]{1,3})届(\d)中全会/g,
    replace: (m) => `${m[1]}届${toChineseNumeral(Number(m[2]))}中全会`,
    why: '全会次序用汉字数字',
  },
  {
    re: new RegExp(`(\\d)个(${Object.keys(FIXED_COUNT).join('|')})`, 'g'),
    replace: (m) => (Number(m[1]) === FIXED_COUNT[m[2]] ? `${cnCount(Number(m[1]))}个${m[2]}` : null),
    why: '固定提法里的数字用汉字',
  },
  {
    re: /(?<![\d.])(1[0-9])五(?=”?(?:规划|时期|期间|末|初))/g,
    replace: (m) => `${toChineseNumeral(Number(m[1]))}五`,
    why: '五年规划的序号用汉字',
  },
  {
    // 二○二四年 二零二四年 二O二四年: the zero of a year in Chinese numerals is 〇.
    re: /(?<![一二三四五六七八九〇○零OoΟ０0])[一二][〇○零OoΟ０0一二三四五六七八九]{3}(?=年)/g,
    severity: 'hint',
    replace: (m) => (/[○零OoΟ０0]/.test(m[0]) ? m[0].replace(/[○零OoΟ０0]/g, '〇') : null),
    why: '年份里的零写作“〇”',
  },
  {
    re: /(?<![\d.])(\d{1,3})([千百])([万亿])/g,
    replace: (m) => `${Number(m[1]) * (m[2] === '千' ? 1000 : 100)}${m[3]}`,
    why: '阿拉伯数字不与“千”“百”连用',
  },
  {
    // 2千人 → 2000人: 千 and 百 are no units after figures (千克, 千米, 千瓦, 百分点 are). A hint: the old rule is firmer than today's.
    // Not in an approximation (2、3百人 is 二三百人, not 2、300人).
    re: /(?<![\d.、～~\-—至到])(\d{1,3})([千百])(?![万亿克米瓦伏帕赫焦卡兆分]|字节)/g,
    severity: 'hint',
    replace: (m) => `${Number(m[1]) * (m[2] === '千' ? 1000 : 100)}`,
    why: '阿拉伯数字不以“千”“百”作单位',
  },
  {
    // 5-10% → 5%～10%; 3-5万 → 3万～5万: both ends keep the unit.
    re: /(?<![\d.\-])(\d+(?:\.\d+)?)\s?[-~—–]\s?(\d+(?:\.\d+)?)(%|‰|万|亿)/g,
    severity: 'hint',
    replace: (m) => `${m[1]}${m[3]}～${m[2]}${m[3]}`,
    why: '数值范围两端都带单位，用浪纹线连接',
  },
  {
    // 2024年05月08日 → 2024年5月8日
    re: /(?<=\d年)0(\d)(?=月)|(?<=\d月)0(\d)(?=日)/g,
    severity: 'hint',
    replace: (m) => m[1] ?? m[2],
    why: '月、日不补零',
  },
];

export const numberUsage: Rule = {
  meta: {
    id: 'number-usage',
    defaultSeverity: 'warning',
    title: '数字用法',
    safeFix: true,
    norm: { name: 'GB/T 15835—2011《出版物上数字用法》', since: '2011-11-01' },
    description:
      '固定提法用汉字数字（党的二十大、十九届四中全会、四个意识、两个维护、“十四五”）；阿拉伯数字不与“千”“百”连用（3千万 → 3000万，3千亿 → 3000亿；2千人 → 2000人只作提示，千克、千米、千瓦、百分点不算）；月、日不补零（05月 → 5月）。年份的“○”“零”写作“〇”、数值范围两端带单位（5%～10%）、月日补零只作提示。',
  },
  check(doc) {
    const out: Finding[] = [];
    for (const line of doc.lines) {
      if (line.blank || doc.residueLines.has(line.index)) continue;
      // Found per line's text (kept between versions of a document), placed at this version's offsets.
      const rewrites = kept(line.results, 'number-usage', () => {
        const text = doc.text.slice(line.contentStart, line.contentEnd);
        return /[\d○零Oo０]/.test(text) ? rewritesIn(text) : NO_REWRITES;
      });
      for (const r of rewrites) {
        const start = line.contentStart + r.at;
        out.push({
          start,
          end: start + r.written.length,
          message: `数字用法：“${r.written}”应为“${r.replacement}”（${r.why}）。`,
          ...(r.severity ? { severity: r.severity } : {}),
          fixes: [{ title: `改为“${r.replacement}”`, start, end: start + r.written.length, newText: r.replacement }],
        });
      }
    }
    return out;
  },
};

/** A line's rewrites, at indexes of its text. */
type Found = { at: number; written: string; replacement: string; why: string; severity?: Severity };
const NO_REWRITES: Found[] = [];

function rewritesIn(text: string): Found[] {
  const found: Found[] = [];
  for (const rw of REWRITES) {
    rw.re.lastIndex = 0;
    for (let m = rw.re.exec(text); m; m = rw.re.exec(text)) {
      const replacement = rw.replace(m);
      if (replacement === null || replacement === m[0]) continue;
      found.push({ at: m.index, written: m[0], replacement, why: rw.why, severity: rw.severity });
    }
  }
  return found;
}

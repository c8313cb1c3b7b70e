import type { Finding, Rule } from '../rule';
import { MISSPELLINGS } from '../data/commonMisspellings';
import { literalIndex } from '../literals';
import { kept } from '../memo';

interface WordingCheck {
  /** Matched against the normalized text; group 1 (or the whole match) is what gets replaced. */
  re: RegExp;
  replacement: string;
  message: string;
  /** Context that makes a match correct after all. */
  unless?: (norm: string, start: number, end: number) => boolean;
}

const DATE_OR_TIME = '(?:\\d|[一二三四五六七八九十〇零]|目前|今年|去年|本年|本月|上月|上年|年底|年末|月底|当前|现在|今天|昨天|发稿|[×X]{1,4})';
const ABSTRACT = '(?:贡献|决定|部署|努力|决策|安排|承诺|规定|判断|选择|回答|解释|表率|榜样|牺牲|指示|批示|答复|调整|评价|处理|处分|响应|回应|反应|让步|保证|结论|规划|计划)';
// Adverbial words that take 地 before a verb: 顺利地进行了, 认真地学习了.
const ADVERBIAL = '(?:顺利|认真|积极|大概|深入|扎实|迅速|逐步|不断|大力|努力|尽快|稳步|切实|仔细|简单|主动|热情|坚决|彻底|高效|圆满|严格|系统|集中|广泛)';
const XIANG_WORDS = '现形景对印气抽迹想具表万意物大假险乱天星图';

const CHECKS: WordingCheck[] = [
  {
    re: new RegExp(`(截止)(?:到)?(?=${DATE_OR_TIME})`, 'g'),
    replacement: '截至',
    message: '“截止”表示到某时停止，后面不接时间；表示“直到某时为止”应用“截至”。',
  },
  { re: /(其它)/g, replacement: '其他', message: '按《通用规范汉字表》和公文用字习惯，“其它”统一写作“其他”。' },
  {
    re: new RegExp(`(做出)(?=(?:了|过)?(?:(?:新|更大|更多|重大|重要|积极|突出|巨大|应有|卓越|不懈|正确|明确|具体|全面|相应)的?){0,3}${ABSTRACT})`, 'g'),
    replacement: '作出',
    message: '“作出”后接决定、部署、贡献、努力等抽象事物；“做出”用于制作具体东西。',
  },
  {
    // 做出 with a modifier before its object: 做出了积极努力, 做出最真诚的回应.
    re: new RegExp(`(做出)(?=(?:了|过)?[^，。；！？、]{0,8}的${ABSTRACT})`, 'g'),
    replacement: '作出',
    message: '“作出”后接决定、部署、贡献、回应等抽象事物；“做出”用于制作具体东西。',
  },
  {
    re: new RegExp(`(做)(?=了[^，。；！？、]{0,8}(?:研究部署|部署|安排|决定|批示|指示|检讨|说明))`, 'g'),
    replacement: '作',
    message: '“作了部署（安排、决定、说明）”用“作”，这类抽象动作不用“做”。',
  },
  {
    // 即要…又要 is 既要…又要.
    re: /(即)(?=(?:要|是|有|能|讲|抓|重视|注重|坚持|不)[^。；！？]{1,24}?又)/g,
    replacement: '既',
    message: '“既……又……”表示两方面兼有，“即”是“就是”的意思，不能和“又”搭配。',
    unless: (norm, start) => /[立随当即旋亦]$/.test(norm[start - 1] ?? ''),
  },
  {
    // (集中的财力过少: 过少 is "too few", no aspect mark after a verb.)
    re: new RegExp(`${ADVERBIAL}(的)(?=[\\u4e00-\\u9fa5]{1,2}(?:了|着|过(?![少多快慢高低大小于度分重轻早晚热冷宽窄长短]))(?!解))`, 'g'),
    replacement: '地',
    message: '修饰动词用“地”（顺利地进行），修饰名词才用“的”。',
  },
  {
    // 复杂的多, 好的多: a complement of degree takes 得.
    re: /[\u4e00-\u9fa5](的)(?=多[。，；！？]|多了|很[。，；！？]|不得了)/g,
    replacement: '得',
    message: '补充程度用“得”（复杂得多、好得很），不用“的”。',
    // 比预料的多: after 比, 预料的 is what was expected, the thing compared with, not a verb and its degree.
    unless: (norm, start) => /[我你他她它们这那谁大]/.test(norm[start - 1] ?? '') || /比[\u4e00-\u9fa5]{1,4}$/.test(norm.slice(Math.max(0, start - 5), start)),
  },
  {
    re: /(?:(?:好|就|正|真|很|不|活|恰|要|都|它|他|她|也)(象)|(象)(?=这样|那样|一样|是|似的|[^，。；]{1,12}(?:一样|似的|一般)))/g,
    replacement: '像',
    message: '表示比喻、比较或“好像”时用“像”；“象”用于现象、形象、景象、对象等词。',
    unless: (norm, start, end) => XIANG_WORDS.includes(norm[start - 1] ?? '') || /^[征棋牙]/.test(norm[end] ?? ''),
  },
  {
    re: /(必需)(?=要|坚持|加强|做好|把|以|在|进一步|认真|切实|始终|高度|全面|深入|严格|着力|提高|落实|抓好|强化|推进|确保|充分|按照|依法|及时|牢固|重视|明确|有|是|从)/g,
    replacement: '必须',
    message: '“必需”指不可缺少的（必需品），作副词修饰动作应用“必须”。',
  },
  { re: /(按步就班)/g, replacement: '按部就班', message: '成语是“按部就班”（部：门类），不是“按步就班”。' },
  { re: /题中应有之(意)/g, replacement: '义', message: '固定说法是“题中应有之义”（义：道理），不是“之意”。' },
  { re: /(交待)/g, replacement: '交代', message: '表示说明、嘱咐、把事情交给别人时用“交代”，“交待”为旧写法。' },
  {
    re: /(泄漏)/g,
    replacement: '泄露',
    message: '秘密、信息等“不该让人知道的事让人知道了”用“泄露”；“泄漏”指液体、气体漏出。',
    unless: (norm, start, end) =>
      !/(秘密|机密|信息|隐私|消息|数据|情报|天机|密码|风声|内容|底数)/.test(norm.slice(end, end + 8).split(/[，。；]/)[0]) &&
      !/(秘密|机密|信息|隐私|消息|数据|情报|密码)被?$/.test(norm.slice(Math.max(0, start - 5), start)),
  },
];

// One pass for the list of common misspellings, longest first.
const MISSPELLING_INDEX = literalIndex(MISSPELLINGS.map((m) => [m[0], m] as [string, (typeof MISSPELLINGS)[number]]));

export const wording: Rule = {
  meta: {
    id: 'wording',
    defaultSeverity: 'warning',
    title: '常见用词错误',
    description:
      '公文常见用词错误，附快速修复：截止→截至（接时间时）、其它→其他、做出→作出（接决定、部署、贡献、回应等，含中间有修饰语的）、作了部署、即要…又要→既要…又要、的/地/得（顺利地进行、复杂得多）、象→像（比喻比较时）、必需→必须（修饰动作时）、交待→交代、泄漏→泄露（秘密、信息），以及两百余条常见别字和成语误写（名副其实、英雄辈出、花大力气、形式主义、自己、拼搏、选拔、阻挠……，以《现代汉语词典》第7版为准）。序号“第一、”的标点见 heading-hierarchy。',
  },
  check(doc) {
    const out: Finding[] = [];
    // Paragraph by paragraph (a PDF's broken lines joined; page residue left out), each kept between versions.
    for (const p of doc.paragraphs) {
      for (const f of kept(p.results, 'wording', () => slipsIn(p.flat))) {
        const start = p.offsets[f.start];
        const end = p.offsets[f.end - 1] + 1;
        const written = doc.text.slice(start, end);
        out.push({
          start,
          end,
          message: f.check ? `“${written}”应为“${f.replacement}”：${f.check.message}` : `“${written}”应为“${f.replacement}”（常见别字）。`,
          fixes: [{ title: `“${written}”改为“${f.replacement}”`, start, end, newText: f.replacement }],
        });
      }
    }
    return out;
  },
};

interface Slip {
  start: number;
  end: number;
  replacement: string;
  /** The check that found it; none for the list of common misspellings. */
  check?: WordingCheck;
}

/** One paragraph's slips, at indexes of its normalized text. */
function slipsIn(flat: string): Slip[] {
  const out: Slip[] = [];
  for (const check of CHECKS) {
    check.re.lastIndex = 0;
    for (let m = check.re.exec(flat); m; m = check.re.exec(flat)) {
      const groupIndex = m.slice(1).findIndex((g) => g !== undefined) + 1;
      const group = groupIndex > 0 ? m[groupIndex] : m[0];
      const start = m.index + (groupIndex > 0 ? m[0].indexOf(group) : 0);
      const end = start + group.length;
      if (check.unless?.(flat, start, end)) continue;
      out.push({ start, end, replacement: check.replacement, check });
    }
  }
  for (const { start, end, value } of MISSPELLING_INDEX.find(flat)) {
    const [, right, rightAfter] = value;
    // 不能自已: right after these words the form is correct.
    if (rightAfter && new RegExp(`(${rightAfter})$`).test(flat.slice(Math.max(0, start - 4), start))) continue;
    out.push({ start, end, replacement: right });
  }
  if (out.length < 2) return out;
  // Two checks may find the same slip (做出 before a bare or a modified object): one finding each place.
  out.sort((a, b) => a.start - b.start);
  return out.filter((f, i) => i === 0 || f.start !== out[i - 1].start);
}

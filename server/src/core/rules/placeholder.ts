import { lineOf } from '../document';
import type { Line } from '../lines';
import { fieldNameOf, type Placeholder } from '../placeholders';
import type { Finding, Rule } from '../rule';
import { isHan, OFFICE_TITLE, withoutGlosses } from '../text';

// A title of office (××处长, ×书记: a surname or a name) or a byline's role just before a slot (交通局局长 xxx, 主讲人：××): the slot is the person's name.
const TITLE_OR_ROLE = new RegExp(`(${OFFICE_TITLE}|(?:主讲|发言|报告|主持|讲话)人[：:]?|我叫|名叫|我是)$`);
// A slot a title follows, or one whose speech or report is spoken of (对×××的讲话表示感谢, 由×××作重要讲话);
// four characters are read after a slot.
const NAME_BEFORE = new RegExp(`^((常务)?[副代总]?(${OFFICE_TITLE})|担任|出任|兼任|当选|的(重要)?(讲话|报告|致辞|发言|讲|报)|作(重要|动员|工作)?(讲|报告))`);

/** What a placeholder probably stands for, from the words around it. */
export function guessPlaceholderMeaning(text: string, start: number, end: number): string {
  // A converter's pinyin glosses (總經(jīng)理) are left out: the words around are read as written.
  const after = withoutGlosses(text.slice(end, end + 40)).replace(/^\s+/, '').slice(0, 4);
  const before = withoutGlosses(text.slice(Math.max(0, start - 40), start)).replace(/\s+$/, '').slice(-6);
  const run = text.slice(start, end);
  // A bracketed field names itself: 【单位名称】, [在此输入姓名].
  const field = fieldNameOf(run);
  if (field) return field;
  // A description in brackets (一个伟人的名字加最高职务…) says what it asks for.
  if (/^[（(].*(名字|姓名|职务|首领|称谓|头衔)/.test(run)) return '人名或职务';
  // 已有**年: a number of years (总结了x年度工作, 列入了201x年: a year).
  if (/(有|近|满|了)$/.test(before) && /^年(?!度)/.test(after) && !/^(19|20)/.test(run)) return '数量';
  // 20××年, ××年×月, 高xxxx届: a year.
  // 20__—20__学年: a blank run on after the century is the year's last digits.
  if (/^(19|20)/.test(run) || /^年/.test(after) || (run.length === 4 && /^([届级]|学年)/.test(after)) || (/(^|[^\d])(19|20)$/.test(before) && /^[_＿xX×*]{1,2}$/.test(run))) return '年份';
  if (/^[%％]|^个百分点|^百分点/.test(after)) return '百分比';
  if (/^(亿|万|千)?元|^(亿|万)美元/.test(after)) return '金额';
  if (/^[月日号]/.test(after)) return '日期';
  if (/^第/.test(before.slice(-1)) || /^位/.test(after)) return '名次或序号';
  // A line of its own over the bracketed date (XXX / （X年X月X日）): the speaker's name.
  const alone = (start === 0 || text[start - 1] === '\n') && text[end] === '\n';
  if (NAME_BEFORE.test(after) || TITLE_OR_ROLE.test(before) || (alone && /^（/.test(after))) return '人名或职务';
  // 驻××官兵, ××儿女, ××大地: a place's people or land.
  if (/^(省|市|县|区|镇|乡|村|街道|示范区|新区|园区|儿女|人民|大地|父老)/.test(after) || /(驻|地处|位于|来到|扎根)$/.test(before)) return '地名';
  if (/^(公司|集团|企业|单位|部门|局|厅|委|办|中学|小学|学校|学院|大学|医院)/.test(after) || /来自$/.test(before)) return '单位名称';
  if (/^(个|项|家|户|人|名|次|件|批|座|所|台|辆|吨|亩|平方米|公里|万吨|亿吨)/.test(after) || /^(亿|万)/.test(after)) return '数量';
  return '数据';
}

/** A line's placeholder messages, and what they were read from besides the line: its edges and the placeholders' places. */
interface LineMessages {
  edges: string;
  places: number[];
  meanings: string[];
  messages: string[];
}

function samePlaces(last: LineMessages, all: Placeholder[], i: number, j: number, lineStart: number): boolean {
  if (last.places.length !== (j - i) * 2) return false;
  for (let k = i; k < j; k++) if (last.places[(k - i) * 2] !== all[k].start - lineStart || last.places[(k - i) * 2 + 1] !== all[k].end - lineStart) return false;
  return true;
}

function messagesOf(text: string, all: Placeholder[], i: number, j: number, line: Line, from: number, edges: string): LineMessages {
  // What each stands for is read from the four characters either side, normalized (億元 reads 亿元): the line and its edges decide it.
  const window = text.slice(from, line.end + 4);
  const out: LineMessages = { edges, places: [], meanings: [], messages: [] };
  for (let k = i; k < j; k++) {
    const p = all[k];
    out.places.push(p.start - line.start, p.end - line.start);
    out.meanings.push(guessPlaceholderMeaning(window, p.start - from, p.end - from));
  }
  // 由×××、×××担任, 对×××和×处长: a name's slot (two marks or more, after a word) joined by 、 or 和 to the next slot
  // stands for the same kind of thing, which the last one's words tell. (A single × in a list of figures, ×区-×、×区-×, is not.)
  for (let k = j - 2; k >= i; k--) {
    const between = text.slice(all[k].end, all[k + 1].start);
    const nameLike = all[k].end - all[k].start >= 2 && isHan(text[all[k].start - 1]);
    if (out.meanings[k - i] === '数据' && nameLike && /^[、和与及]$/.test(between)) out.meanings[k - i] = out.meanings[k + 1 - i];
  }
  for (let k = i; k < j; k++) out.messages.push(`未填写的占位符“${all[k].text}”，此处应为${out.meanings[k - i]}。`);
  return out;
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    defaultSeverity: 'warning',
    title: '未填写的占位符',
    description:
      '模板和旧稿里遮盖数据、姓名用的 ×、XX、20xx、某某、○○、○月○日、△△、***、##、（待补）等，方括号、圆括号、尖括号里留给起草人填的栏目（【单位名称】、[姓名]、（具体数字）、<会议名称>、[具体事例]）、写给起草人的说明（（此处插入具体数据）、（根据本单位实际修改））、模板变量（{{姓名}}）和留空的括号（成立（　　）领导小组）。按上下文判断：3×4、GDP、iPhone X、X射线、Markdown 的 **强调** 与列表符号、脚注星号、二○○八年 都不算。可用 --fail-on placeholder 在 CI 中把关。',
  },
  check(doc) {
    const out: Finding[] = [];
    const all = doc.placeholders;
    // A line's placeholders at once: what each stands for is read from the four characters either side, so the
    // line with four characters beyond each end (and where its placeholders are) decides it; kept between versions.
    for (let i = 0; i < all.length; ) {
      const line = doc.lines[lineOf(doc.lineStarts, all[i].start)];
      let j = i;
      while (j < all.length && all[j].start <= line.end) j++;
      const from = Math.max(0, line.start - 4);
      const edges = doc.text.slice(from, line.start) + '\n' + doc.text.slice(line.end, line.end + 4);
      // The line's text is its record's key: with the same edges and placeholders, the same messages.
      const last = line.results?.get('placeholder-messages') as LineMessages | undefined;
      const said = last && last.edges === edges && samePlaces(last, all, i, j, line.start) ? last : messagesOf(doc.norm, all, i, j, line, from, edges);
      line.results?.set('placeholder-messages', said);
      for (let k = i; k < j; k++) {
        const p = all[k];
        out.push({ start: p.start, end: p.end, message: said.messages[k - i], data: { text: p.text, meaning: said.meanings[k - i] } });
      }
      i = j;
    }
    return out;
  },
};

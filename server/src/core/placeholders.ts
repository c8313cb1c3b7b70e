// Unfilled data: the runs of ×, X, 20xx, 某某, *** … that templates leave in a draft.
//
// Heuristics (also in the rule's docs):
// - × and X runs are placeholders unless they are multiplication between numbers
//   (3×4, 2×10^6), part of a Latin word or code (GDP, iPhone X, X5, Windows XP),
//   or a fixed term (X射线, X光, X线, X轴, X型).
// - Digits written right before the run belong to it (20xx, 201x, 1XX万).
// - 某某 and longer runs of 某 are placeholders; a single 某 (某些, 某单位) is ordinary language.
// - ○○ and □□ are placeholders unless they stand among Chinese numerals (二○○八年).
// - Asterisk runs are placeholders unless they are Markdown emphasis (**重点**,
//   delimiters flanking as CommonMark has them; *italic* only in Markdown files;
//   whole bold paragraphs and empty **** inside them), a list bullet or horizontal
//   rule, or a footnote mark (a lone * before punctuation or 的/为/号). A lone *
//   before a Chinese word masks a name, place or year (请*县长讲话, 20*年).
// - A lowercase x before a title (x市长) is a name slot; a single _ between Chinese
//   words or after a year's digits (中国_百年史, 20_年) and a ~ between Chinese words
//   (总结~的工作) are blanks, but not one joining a page's names (讲话稿_百度文库); a bracketed
//   instruction to the drafter ((…请替换)) is one.
// - Underscore runs of two or more are placeholders unless they join Latin words
//   (snake_case) or make a horizontal rule; -- is a placeholder only where a
//   number belongs (增长--%, 共--个).
// - Bracketed notes such as （待补） 【待定】 [待填] are one placeholder each, and so is a
//   template's field in brackets (【单位名称】 [姓名] {会议名称} （具体数字）) and an empty bracket
//   left to fill in (成立（　　）领导小组). △△ runs are like ○○.

import { charTest, isHan, normalizeForMatching, OFFICE_TITLE } from './text';
import { compileUserPattern } from './userPattern';

export interface Placeholder {
  start: number;
  end: number;
  text: string;
}

export interface PlaceholderOptions {
  /** Extra regular expressions (source strings) whose matches are placeholders. */
  extraPatterns?: string[];
  /** Regular expressions (source strings); a candidate whose surrounding text matches is not a placeholder. */
  exclusions?: string[];
  markdown?: boolean;
}

const X_FIXED_TERMS = /^(射线|光|线|轴|型|染色体|战警|一代)/;
const UNIT_AFTER = /^\s?[%％‰个万亿元年月日号名家项人次位倍条件所处座台辆吨公里平方米亩户届期批层级]/;
// A title, place or body after a one-letter slot: x市长, *县长, x区, x党支部, x直机关; a PDF's extraction may set a space
// either side of it (按照 x 直机关党工委…, 局长 x 同志).
const NAME_SLOT_AFTER = new RegExp(`^\\s?(${OFFICE_TITLE}|副|市|县|区|镇|乡|村|省|公司|集团|学校|街道|年|月|日|直属|直机关|党支部|党委|党组|党工委|单位|部门)`);
const NUMBER_PLACE_BEFORE = /(增长|下降|提高|降低|达到|达|为|约|共|第|前|近|超过|占|完成|实现|投资|累计|同比|环比)\s?$/;

function isLatin(ch: string | undefined): boolean {
  // Any Latin letter, with diacritics too (a pinyin gloss: ｘī).
  return ch !== undefined && /\p{Script=Latin}/u.test(ch);
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9０-９]/.test(ch);
}

/**
 * A character every placeholder below holds one of (a team's own patterns aside): a line without
 * any is passed over. Kept beside the patterns: a new kind of slot adds its characters here.
 */
export const mayHoldPlaceholder = charTest('×✕╳XxＸｘ某○◯〇□△▲囗*＊_＿~～-－（(【[〔{｛<〈＜#＃');

// A template's field in brackets, one grammar for finding it and for naming it: the brackets, the words to the
// drafter before it (在此输入), and what is to be filled in (名称, 姓名, 数字…; 具体事例).
const FIELD_OPEN = '[（(【\\[〔{｛<〈＜]';
const FIELD_CLOSE = '[）)】\\]〕}｝>〉＞]';
const FIELD_LEAD = '(?:在此|此处|请)?(?:输入|填写|填入|写明|注明)?';
const FIELD_NOUNS = '名称|姓名|名字|单位|职务|时间|日期|地点|数字|数据|金额|人数';
const FIELD_DETAILS = '事例|案例|事迹|做法|措施|成效|情况|成绩';
const FIELD = new RegExp(
  `${FIELD_OPEN}\\s*${FIELD_LEAD}(?:(?:具体)?(?:公司|会议|单位|活动|项目|企业|学校|部门|领导|讲话人|主持人|发言人|会场|嘉宾)?(?:${FIELD_NOUNS})|具体(?:${FIELD_DETAILS}))\\s*${FIELD_CLOSE}`,
);
// Naming reads any words before the field's noun (a team's own pattern may find 【项目负责人姓名】).
const FIELD_NAME = new RegExp(`^${FIELD_OPEN}\\s*${FIELD_LEAD}(?:具体)?([^（()）【】\\[\\]〔〕{}｛｝<>〈〉＜＞]*?(?:${FIELD_NOUNS}|${FIELD_DETAILS}))\\s*${FIELD_CLOSE}$`);

/** What a bracketed field asks for (【在此输入姓名】 → 姓名, <会议名称> → 会议名称), or null when the run is no field. */
export function fieldNameOf(run: string): string | null {
  return FIELD_NAME.exec(run)?.[1] ?? null;
}

/** `normalized`: normalizeForMatching(original), when the caller has it. */
export function findPlaceholders(original: string, options: PlaceholderOptions = {}, normalized?: string): Placeholder[] {
  // Read in the normalized copy (same length), so words around a slot count in either script (x區長, 根據實際替換);
  // a team's own patterns read the text as written.
  const text = normalized ?? normalizeForMatching(original);
  const found: Placeholder[] = [];
  const add = (start: number, end: number) => found.push({ start, end, text: original.slice(start, end) });

  // × / X / x runs, with leading digits (20xx); ×.× is one masked decimal.
  const xRun = /[0-9]*[×✕╳XxＸｘ]+(?:[.．][×✕╳XxＸｘ]+)?/g;
  for (let m = xRun.exec(text); m; m = xRun.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    const digits = /^[0-9]*/.exec(m[0])![0].length;
    const xs = m[0].slice(digits).replace(/[.．]/, '');
    const before = text[start - 1];
    const after = text[end];
    // Latin words: the run must not touch other Latin letters.
    if (isLatin(before) || isLatin(after)) continue;
    // Multiplication: digit × digit (spaces allowed), or a lone x between numbers.
    const prevNonSpace = text.slice(Math.max(0, start - 8), start).replace(/\s+$/, '').slice(-1);
    const nextNonSpace = text.slice(end, end + 8).replace(/^\s+/, '')[0];
    if (xs.length === 1 && (digits > 0 || isDigit(prevNonSpace)) && isDigit(nextNonSpace)) continue;
    // 长100米×宽50米, 3米×4米: a product of measurements.
    if (xs === '×' && /\d\s*[^\d\s×，。；]{1,3}\s*$/.test(text.slice(Math.max(0, start - 6), start)) && /^\s*[\d宽高长深]/.test(text.slice(end, end + 3))) continue;
    // Codes and models: X5, X86, iPhone X.
    if (isDigit(after) && digits === 0) continue;
    if (digits === 0 && /[A-Za-z][A-Za-z0-9]*\s$/.test(text.slice(Math.max(0, start - 12), start)) && xs.length === 1) continue;
    // (A quoted letter counts too: “X”型.)
    if (/^[xXＸｘ]$/.test(xs) && X_FIXED_TERMS.test(text.slice(end, end + 4).replace(/^[”"’']/, ''))) continue;
    // A named model written as a sum: 1+X 证书, 3+X 高考, X+1, 1+N+X. A single X there is the model's name, not a slot.
    if (/^[xXＸｘ]$/.test(xs) && digits === 0 && (/[+＋]\s*$/.test(text.slice(Math.max(0, start - 2), start)) || /^\s*[+＋]/.test(text.slice(end, end + 2)))) continue;
    // A lone lowercase x in running prose is more often a variable than a datum, unless a number belongs there.
    // x市长, x区长: a Chinese title right after it makes it a name slot.
    if (xs === 'x' && digits === 0 && !UNIT_AFTER.test(text.slice(end, end + 3)) && !NUMBER_PLACE_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && !NAME_SLOT_AFTER.test(text.slice(end, end + 5))) continue;
    // A code's check character: 1009-928X (an ISSN, a journal's article number), an ID number's final X.
    if (xs.length === 1 && digits > 0 && (/[0-9][-－]$/.test(text.slice(Math.max(0, start - 2), start)) || digits >= 6)) continue;
    // 我们做的是1X。 in a sentence naming IS-95 and CDMA: a model's name, no slot (a slot has its unit: 1X%, 20X年).
    if (xs.length === 1 && digits > 0 && digits <= 3 && /^([，。；！？、）)]|$)/.test(text.slice(end, end + 1)) && /[A-Za-z]{2,}/.test(sentenceAround(text, start))) continue;
    // Only a short number prefix is part of the datum (20xx, 1XX万); a long one is a real figure.
    if (digits > 3) start = end - xs.length;
    add(start, end);
  }

  // 某某, ○○, □□, △△.
  // A single ○ before a date's unit (○月○日) is a slot too; 囗囗 is □□ typed with the look-alike character.
  for (const re of [/某{2,}/g, /[○◯〇]{2,}|[○◯〇](?=[年月日时号])/g, /□+/g, /[△▲]{2,}/g, /囗{2,}/g]) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      // 二○○八年: a run among Chinese numerals is a year written out; 〇〇年〇〇月 with none beside it is a slot.
      if (m[0][0] !== '某' && m[0][0] !== '□' && (/[零〇○一二三四五六七八九十两]/.test(before ?? '') || /[零〇○一二三四五六七八九十]/.test(after ?? ''))) continue;
      // □是 □否: a form's checkbox.
      if (m[0][0] === '□' && /^[是否有无]/.test(text.slice(m.index + m[0].length))) continue;
      // □加强组织领导 opening a line: a list's bullet (Word's lost Wingdings glyph), not a blank.
      if (m[0] === '□' && /^[ \t\u3000]*$/.test(text.slice(lineAround(text, m.index, m.index + 1)[0], m.index)) && isHan(text[m.index + 1])) continue;
      add(m.index, m.index + m[0].length);
    }
  }

  // Asterisks.
  const star = /[*＊]+/g;
  for (let m = star.exec(text); m; m = star.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // A run of dozens of asterisks is a divider, not a masked datum.
    if (m[0].length > 12) continue;
    const [lineStart, lineEnd] = lineAround(text, start, end);
    const line = text.slice(lineStart, lineEnd);
    const beforeOnLine = text.slice(lineStart, start);
    if (/^\s*([*＊\-_]\s*){3,}$/.test(line)) continue; // horizontal rule
    if (/^\s*$/.test(beforeOnLine) && /^\s/.test(text.slice(end, end + 1))) continue; // bullet
    if (m[0].length === 2 && boldParagraphDelimiter(text, start, end)) continue;
    // Plain text keeps only **bold** (pasted from Markdown); *italic* is Markdown's own.
    if ((options.markdown || m[0].length >= 2) && isEmphasis(text, start, end, lineStart, lineEnd)) continue;
    // Markdown: **1、问题？**答： a bold head opening the line, closed before the answer run on after it (CommonMark would not
    // close it after punctuation; a Chinese transcript means it all the same).
    if (options.markdown && m[0].length === 2 && boldLead(text, start)) continue;
    // 机关****BG, 部****队: empty bold markup inside a bold paragraph.
    if (m[0].length % 2 === 0 && m[0].length >= 4 && /^\s*\*\*/.test(line)) continue;
    const digitsBefore = /[0-9]+$/.exec(beforeOnLine)?.[0] ?? '';
    // A lone * after a word and before punctuation is a footnote mark; before a Chinese
    // word (请*县长讲话, 使*协调发展) it stands for a name, a place or a year.
    // A footnote mark follows a word; after a list's 、 or a comma a web page's space may stand between the * and its word (*部门、* 县).
    const wordAt = /[、，,]/.test(text[start - 1] ?? '') ? end + (/^[ \u3000]*/.exec(text.slice(end, end + 2))![0].length) : end;
    // A * alone in quotes (按照“*”思路) is a slogan's masked name.
    const quoted = /[“‘《「]/.test(text[start - 1] ?? '') && /[”’》」]/.test(text[end] ?? '');
    if (m[0].length === 1 && !digitsBefore && !quoted && (!isHan(text[wordAt]) || /[的号者为表标注]/.test(text[wordAt])) && !UNIT_AFTER.test(text.slice(end, end + 3)) && !NUMBER_PLACE_BEFORE.test(text.slice(Math.max(0, start - 4), start))) continue;
    add(start - (/^(1[89]|20)\d?$/.test(digitsBefore) ? digitsBefore.length : 0), end);
  }

  // ##上了一条生产线, ##县: hash marks run between words mask a name (a Markdown heading's ## opens its line, a tag's # is one).
  const hashes = /(?<=[\p{Script=Han}，、。；：！？“])[#＃]{2,6}(?=\p{Script=Han})/gu;
  for (let m = hashes.exec(text); m; m = hashes.exec(text)) add(m.index, m.index + m[0].length);

  // Underscores and dashes.
  const under = /[_＿]{2,}/g;
  for (let m = under.exec(text); m; m = under.exec(text)) {
    const end = m.index + m[0].length;
    if (isLatin(text[m.index - 1]) && isLatin(text[end])) continue;
    const [lineStart, lineEnd] = lineAround(text, m.index, end);
    if (options.markdown && /^\s*[_＿\s]+$/.test(text.slice(lineStart, lineEnd)) && m[0].length >= 3) continue;
    if (options.markdown && isEmphasis(text, m.index, end, lineStart, lineEnd)) continue;
    add(m.index, end);
  }
  // A single underscore blanks out a word (中国_百年史, 黑暗_，) or a year's digits (20_年).
  const lone = /(?<![_＿])[_＿](?![_＿])/g;
  for (let m = lone.exec(text); m; m = lone.exec(text)) {
    const before = text[m.index - 1];
    const after = text[m.index + 1];
    if (isLatin(before) || isLatin(after)) continue;
    const yearDigits = /(?:^|[^0-9])(1[89]|20)\d?$/.test(text.slice(Math.max(0, m.index - 5), m.index));
    if (yearDigits || (isHan(before) && (isHan(after) || /^[，。；：！？、,.;:!?]/.test(after ?? '')) && !joinsTitles(text, m.index))) {
      add(m.index - (yearDigits ? (/\d+$/.exec(text.slice(0, m.index))![0].length) : 0), m.index + 1);
    }
  }
  // A tilde between Chinese words stands for a stripped year (总结~的工作); between numbers it is a range.
  const tilde = /[~～]/g;
  for (let m = tilde.exec(text); m; m = tilde.exec(text)) {
    const before = text[m.index - 1];
    const after = text[m.index + 1];
    if (isHan(before) && isHan(after) && !/[零〇一二三四五六七八九十百千万月日年号时]/.test(before!) && !/[零〇一二三四五六七八九十]/.test(after!)) add(m.index, m.index + 1);
  }
  const dash = /(?<![-－])[-－]{2,3}(?![-－])/g;
  for (let m = dash.exec(text); m; m = dash.exec(text)) {
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 3)) || NUMBER_PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) add(m.index, end);
  }

  // Bracketed notes: （待补） 【待定】 （待补充） （数据待更新）; not a remark that something 有待确认.
  const note = /[（(【\[〔]\s*([^（）()【】\[\]〔〕\s]{0,6}?(?<!有)(待补充?|待完善|待定|待填写?|待核实?|待确认|待更新)|暂缺|空缺|此处填写[^）)】\]〕]{0,10})\s*[）)】\]〕]/g;
  for (let m = note.exec(text); m; m = note.exec(text)) add(m.index, m.index + m[0].length);
  // A blank in brackets to fill in: 成立（　　）领导小组, 【 】; not a Markdown task box (- [ ] …).
  const blank = /[（(【\[][ \u3000]*[）)】\]]/g;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    // (Looking back a few characters only: a line of millions of brackets stays linear.)
    const head = text.slice(Math.max(0, m.index - 10), m.index);
    const atLineStart = m.index <= 10 || head.includes('\n');
    if (atLineStart && /^\s*([-*+]|\d+[.)])\s+$/.test(head.slice(head.lastIndexOf('\n') + 1))) continue;
    // f() and list[]: code, not a blank.
    if (/[A-Za-z0-9_]/.test(text[m.index - 1] ?? '') && /^[(\[]/.test(original[m.index])) continue;
    add(m.index, m.index + m[0].length);
  }
  // A template's field in brackets: 【单位名称】 [姓名] {会议名称} （具体数字） 【在此输入姓名】.
  const field = new RegExp(FIELD.source, 'g');
  for (let m = field.exec(text); m; m = field.exec(text)) add(m.index, m.index + m[0].length);
  // A template's instruction to the drafter: (一个伟人的名字加最高职务，你可以…替换).
  const instruction = /[（(【\[]([^（()）【】\[\]\n]{0,60}?(替换|填写|填入|自行修改|根据实际|按实际|本单位实际|插入|补充具体|列举具体|举例说明)[^（()）【】\[\]\n]{0,20})[）)】\]]/g;
  for (let m = instruction.exec(text); m; m = instruction.exec(text)) add(m.index, m.index + m[0].length);
  // Or a description of what goes there, in a sentence's place: (一个服务大众的职务，一个组织的首领).
  const described = /[（(]一(个|位|名)[^（()）\n]{1,20}?(名字|姓名|职务|名称|首领|称谓|头衔)[^（()）\n]{0,30}[）)]/g;
  for (let m = described.exec(text); m; m = described.exec(text)) if (!found.some((f) => f.start === m!.index)) add(m.index, m.index + m[0].length);
  // A template engine's variable left in the text: {{姓名}} ${name}.
  const variable = /\{\{[^{}\n]{1,30}\}\}|\$\{[^{}\n]{1,30}\}/g;
  for (let m = variable.exec(original); m; m = variable.exec(original)) add(m.index, m.index + m[0].length);

  for (const source of options.extraPatterns ?? []) {
    // Settings are checked when read; a pattern that slips through unchecked is not run.
    const checked = compileUserPattern(source);
    if (!checked.ok) continue;
    const re = checked.re;
    for (let m = re.exec(original); m; m = re.exec(original)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      add(m.index, m.index + m[0].length);
    }
  }

  let result = dedupe(found);
  if (options.exclusions?.length) {
    const exclusions = options.exclusions.flatMap((s) => {
      const checked = compileUserPattern(s);
      return checked.ok ? [checked.re] : [];
    });
    result = result.filter((p) => !exclusions.some((re) => covers(re, original, p)));
  }
  return result;
}

/**
 * The line around a match, but no more than a sentence's reach either side:
 * a one-line paste of a whole speech must not make every check scan all of it.
 */
function lineAround(text: string, start: number, end: number): [number, number] {
  const REACH = 120;
  let from = start;
  while (from > 0 && start - from < REACH && text[from - 1] !== '\n') from--;
  let to = end;
  while (to < text.length && to - end < REACH && text[to] !== '\n') to++;
  return [from, to];
}

function isEmphasis(text: string, start: number, end: number, lineStart: number, lineEnd: number): boolean {
  const run = text.slice(start, end);
  if (run.length > 3) return false;
  // A run touching a digit (20*年) is a masked figure, not a delimiter.
  if (isDigit(text[start - 1]) || isDigit(text[end])) return false;
  const after = text[end];
  const before = text[start - 1];
  const line = text.slice(lineStart, lineEnd);
  const rel = start - lineStart;
  // Opening run: followed by non-space, and the same run closes later on the line.
  if (after && !/\s/.test(after) && opensEmphasis(line, rel, run.length) && line.indexOf(run, rel + run.length + 1) > 0) {
    const close = line.indexOf(run, rel + run.length + 1);
    if (!/\s/.test(line[close - 1]) && closes(line, close, run.length) && (atLineStart(line, rel) || plausibleSpan(line.slice(rel + run.length, close)))) return true;
  }
  // Closing run: preceded by non-space and opened earlier on the line.
  if (before && !/\s/.test(before) && rel > 0 && closes(line, rel, run.length)) {
    const open = line.lastIndexOf(run, rel - 1);
    if (open >= 0 && line[open + run.length] && !/\s/.test(line[open + run.length]) && opensEmphasis(line, open, run.length) && (atLineStart(line, open) || plausibleSpan(line.slice(open + run.length, rel)))) return true;
  }
  return false;
}

/** An opening delimiter before punctuation needs space, punctuation or the start before it (left-flanking). */
function opensEmphasis(line: string, at: number, length: number): boolean {
  const before = line[at - 1] ?? '';
  const after = line[at + length] ?? '';
  return !/[\p{P}]/u.test(after) || after === '*' || before === '' || /[\s\p{P}]/u.test(before);
}

/** A closing delimiter after punctuation needs space, punctuation or the end after it (CommonMark's right-flanking). */
function closes(line: string, at: number, length: number): boolean {
  const before = line[at - 1] ?? '';
  const after = line[at + length] ?? '';
  if (isDigit(after)) return false;
  return !/[\p{P}]/u.test(before) || after === '' || /[\s\p{P}*]/u.test(after);
}

/** The ** that opens or closes a whole bold paragraph (**一、…。**), however long the line. */
function boldParagraphDelimiter(text: string, start: number, end: number): boolean {
  // Cheap, bounded tests first: only a run at a line's very start or end goes on to scan the line.
  const [nearStart, nearEnd] = lineAround(text, start, end);
  const opens = (nearStart === 0 || text[nearStart - 1] === '\n') && /^[ \t\u3000]*$/.test(text.slice(nearStart, start));
  const ends = (nearEnd === text.length || text[nearEnd] === '\n') && /^[ \t\u3000\r]*$/.test(text.slice(end, nearEnd));
  if (!opens && !ends) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (opens) {
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = text.length;
    return /\*\*[ \t\u3000\r]*$/.test(text.slice(Math.max(end, lineEnd - 8), lineEnd));
  }
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (!/^[ \t\u3000\r]*$/.test(text.slice(end, lineEnd))) return false;
  return /^[ \t\u3000]*\*\*/.test(text.slice(lineStart, lineStart + 8));
}

const LINE_LEAD = /^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[、.．]|[-+]\s+)?/;

/** The ** opening a line before words (after its number, if any), or the first ** after it on that line: a bold lead's two delimiters. */
function boldLead(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // After the indentation and a heading's or list item's number, if any: 一、**…。**
  const lead = LINE_LEAD.exec(text.slice(lineStart, lineStart + 12));
  const open = lineStart + (lead ? lead[0].length : 0);
  if (!text.startsWith('**', open) || /\s/.test(text[open + 2] ?? ' ')) return false;
  const close = text.indexOf('**', open + 3);
  if (at !== open) return close === at;
  const lineEnd = text.indexOf('\n', open);
  return close > 0 && (lineEnd < 0 || close < lineEnd);
}

/** A bold paragraph (**一、…。**) may hold whole sentences. */
function atLineStart(line: string, at: number): boolean {
  return /^\s*$/.test(line.slice(0, at));
}

/** Emphasised words are a phrase, not a stretch of sentences. */
function plausibleSpan(inner: string): boolean {
  // 召开**年…总结**年: a masked year or place name opens with the word it stands before.
  return inner.length <= 25 && !/[。；;！？，,]/.test(inner) && !/^[年月日市县区镇乡村省]/.test(inner);
}

function covers(re: RegExp, text: string, p: Placeholder): boolean {
  const from = Math.max(0, p.start - 20);
  const window = text.slice(from, p.end + 20);
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (from + m.index <= p.start && from + m.index + m[0].length >= p.end) return true;
  }
  return false;
}

function dedupe(list: Placeholder[]): Placeholder[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placeholder[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) continue;
    out.push(p);
  }
  return out;
}

/**
 * A document site names a page 标题_栏目 or 标题_百度文库: on a short line without a sentence mark, an underscore
 * between two names of four characters or more joins them; it blanks nothing out.
 */
function joinsTitles(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const next = text.indexOf('\n', at);
  const lineEnd = next < 0 ? text.length : next;
  if (lineEnd - lineStart > 200 || /[，。；！？,;!?]/.test(text.slice(lineStart, lineEnd))) return false;
  const left = /[^\s_＿]*$/.exec(text.slice(lineStart, at))![0];
  const right = /^[^\s_＿]*/.exec(text.slice(at + 1, lineEnd))![0];
  return left.length >= 4 && right.length >= 4;
}

/** The sentence around an offset (between full stops, at most 200 characters either side). */
function sentenceAround(text: string, at: number): string {
  const from = Math.max(0, at - 200);
  const head = text.slice(from, at);
  const stop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  const tail = text.slice(at, at + 200);
  const end = tail.search(/[。！？]/);
  return head.slice(stop + 1) + (end < 0 ? tail : tail.slice(0, end));
}

// The date a speech was given, for norms that took effect on a date: a draft is
// judged by the norms of its own day.

import type { SpeechDocument } from './document';
import { kept } from './memo';
import { parseNumeral } from './text';

/** YYYY-MM-DD. */
export type IsoDate = string;

const FULL_DATE = /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/;
// The same in Chinese numerals, as a published speech's date line writes it: （一九八七年三月二十五日）.
const CN_FULL_DATE = /([一二][九〇○零][〇○零一二三四五六七八九]{2})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;
const YEAR = /((?:19|20)\d{2}|[一二][九〇○零][〇○零一二三四五六七八九]{2})年/g;
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

// A year the speech aims at or counts to, not one it was given in: 到2020年, 力争2025年前, 2035年远景目标, 2030年以前,
// the end of a span (2011-2020年扶贫开发纲要), and an event named by its year (办好2010年上海世博会).
const TARGET_BEFORE = /(到|至|争取|力争|确保|提前|预计|计划|规划|展望|于|[-－—–~～])\s*$/;
// 年的82.7万亿元, 年的3679亿元: a figure the year had.
const FIGURE_OF_YEAR = /^年的[\d０-９一二三四五六七八九十百千万]/;
// (Read on the year's 年 and the eleven characters after it: an event's name may stand between.)
const TARGET_AFTER = /^\s*年?\s*(前|以前|之前|远景|目标|愿景|[^，。；、]{0,8}(奥运会|冬奥会|亚运会|世博会|博览会|运动会|峰会))/;

/**
 * The speech's date: a configured date; else a full date on its own short opening lines (title,
 * byline, date line; in figures or in Chinese numerals; not a date its first paragraph tells); else
 * the first day of the latest year the text names as a year it speaks from, twice if any is (a speech
 * that names no year after 2020 was not written in 2024; 到2035年 is a goal, not a date) — or, under a
 * page's meta bar, the latest named up to the year of posting — never later than today; else the
 * date on the meta bar (residue: when the page was posted); else today. A year alone says the speech
 * was given on or after its first day: a norm that took effect later that year is not held against it.
 */
export function speechDateOf(doc: Pick<SpeechDocument, 'text' | 'lineStarts' | 'paragraphs' | 'residueLines'>, today: IsoDate, configured?: string): IsoDate {
  if (configured && /^\d{4}-\d{2}-\d{2}$/.test(configured)) return configured;
  // The speech's own date line; a page's meta bar (发布时间：…, residue) says when the page was posted, often years
  // after the speech (a reposted 范文): it counts only when the speech names no year of its own.
  const own = headDate(doc, false);
  if (own) return own;
  const thisYear = Number(today.slice(0, 4));
  // How often each year is named: a report names its own year and the last one again and again, a goal or an
  // event once (明确提出2020年…目标): the latest year named twice decides, the latest named once only if none is.
  const named = new Map<number, number>();
  // Years in digits or in Chinese numerals (一九六八年); the speech's own words, not the page around it (a licence footer dated 2024).
  // Paragraphs leave out residue lines; the first 200,000 characters are enough, and a year may be written 2024 年.
  let read = 0;
  for (const p of doc.paragraphs) {
    if (read > 200000) break;
    read += p.flat.length;
    // (A paragraph's years are read once and kept with it: the date is asked at every check.)
    for (const n of kept(p.results, 'years-named', () => yearsNamed(p.flat))) if (n <= thisYear) named.set(n, (named.get(n) ?? 0) + 1);
  }
  let twice = 0;
  let once = 0;
  for (const [year, count] of named) {
    if (count >= 2 && year > twice) twice = year;
    if (year > once) once = year;
  }
  // A page's meta bar says when it was posted: no year up to it is a goal, so the latest the speech names decides
  // (a fortieth anniversary names 1978 and 1981 again and again, and its own year once).
  const page = headDate(doc, true);
  const latest = page && once <= Number(page.slice(0, 4)) ? once : twice || once;
  if (latest && latest < thisYear) return `${latest}-01-01`;
  return page ?? today;
}

// The longest line that is a title, a byline or a date line.
const DATE_LINE = 60;

/** The first full date in the opening lines (about 16 lines, 1,500 characters): on the speech's own lines, or on the page's. */
function headDate(doc: Pick<SpeechDocument, 'text' | 'lineStarts' | 'residueLines'>, residue: boolean): IsoDate | null {
  const end = Math.min(doc.lineStarts.length > 16 ? doc.lineStarts[16] : doc.text.length, 1500);
  for (let i = 0; i < doc.lineStarts.length && doc.lineStarts[i] < end; i++) {
    if (doc.residueLines.has(i) !== residue) continue;
    const line = doc.text.slice(doc.lineStarts[i], Math.min(doc.lineStarts[i + 1] ?? doc.text.length, end));
    // The speech's own date stands on a short line (title, byline, date line), not in its prose: “1978年12月18日，…全会”
    // in the first paragraph of a speech given forty years later is history.
    if (!residue && line.trim().length > DATE_LINE) continue;
    const m = FULL_DATE.exec(line);
    if (m) return isoDate(m[1], Number(m[2]), Number(m[3]));
    const c = CN_FULL_DATE.exec(line);
    const month = c && parseNumeral(c[2]);
    const day = c && parseNumeral(c[3]);
    if (c && month && day && month <= 12 && day <= 31) return isoDate(yearDigits(c[1]), month, day);
  }
  return null;
}

const isoDate = (year: string, month: number, day: number): IsoDate => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A year as digits, written in them or in Chinese numerals (一九六八). */
const yearDigits = (year: string) => year.replace(/[〇○零一二三四五六七八九]/g, (d) => CN_DIGIT[d]);

/** The years a paragraph names as years it speaks from, in order (goals, spans' ends and events left out). */
function yearsNamed(text: string): number[] {
  if (!text.includes('年')) return NO_YEARS;
  const flat = text.replace(/\s/g, '');
  const out: number[] = [];
  for (const y of flat.matchAll(YEAR)) {
    const at = y.index!;
    const after = flat.slice(at + y[0].length - 1, at + y[0].length + 12);
    // (从1978年的3679亿元增长到2017年的82.7万亿元: a figure the year had is a span's past end, not a goal.)
    if ((TARGET_BEFORE.test(flat.slice(Math.max(0, at - 4), at)) && !FIGURE_OF_YEAR.test(after)) || TARGET_AFTER.test(after)) continue;
    out.push(Number(yearDigits(y[1])));
  }
  return out;
}
const NO_YEARS: number[] = [];

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

// The date a speech was given, for norms that took effect on a date: a draft is
// judged by the norms of its own day.

import type { SpeechDocument } from './document';

/** YYYY-MM-DD. */
export type IsoDate = string;

const FULL_DATE = /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/;
const YEAR = /((?:19|20)\d{2}|[一二][九〇○零][〇○零一二三四五六七八九]{2})年/g;
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * The speech's date: a configured date; else a full date in its opening lines
 * (title, byline, date line, a page's meta bar); else the latest year the text
 * names (a speech that names no year after 2020 was not written in 2024), never
 * later than today; else today.
 */
export function speechDateOf(doc: Pick<SpeechDocument, 'text' | 'lineStarts' | 'paragraphs'>, today: IsoDate, configured?: string): IsoDate {
  if (configured && /^\d{4}-\d{2}-\d{2}$/.test(configured)) return configured;
  const headEnd = doc.lineStarts.length > 16 ? doc.lineStarts[16] : doc.text.length;
  const head = doc.text.slice(0, Math.min(headEnd, 1500));
  const m = FULL_DATE.exec(head);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const thisYear = Number(today.slice(0, 4));
  let latest = 0;
  // Years in digits or in Chinese numerals (一九六八年); the speech's own words, not the page around it (a licence footer dated 2024).
  // Paragraphs leave out residue lines; the first 200,000 characters are enough, and a year may be written 2024 年.
  let read = 0;
  for (const p of doc.paragraphs) {
    if (read > 200000) break;
    read += p.flat.length;
    if (!p.flat.includes('年')) continue;
    for (const y of p.flat.replace(/\s/g, '').matchAll(YEAR)) {
      const n = Number(y[1].replace(/[〇○零一二三四五六七八九]/g, (c) => CN_DIGIT[c]));
      if (n <= thisYear && n > latest) latest = n;
    }
  }
  if (latest && latest < thisYear) return `${latest}-12-31`;
  return today;
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

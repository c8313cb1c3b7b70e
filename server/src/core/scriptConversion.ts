// Traditional → simplified with OpenCC's phrase tables (hk → cn), not the core's
// matching table: 乾隆 stays 乾隆, 著名 stays 著名, 乾净 becomes 干净.
//
// The dictionaries are opencc-js's own; the matching is done here over lookup tables
// instead of its per-character Map trie (measured 5× faster on a traditional text). Same
// algorithm: each dictionary group in turn, longest key first, left to right. Text the tables
// cannot take (characters outside the BMP, ideographic description sequences) goes to
// opencc-js's converter itself. test/scriptConversion.test.ts holds the two to the same output.

// The package's types are ESM-only; its CommonJS build is what runs here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js/t2cn') as {
  Converter(options: { from: 'hk'; to: 'cn' }): (text: string) => string;
  Locale: { from: Record<'hk', string[][]>; to: Record<'cn', string[][]> };
};

/** One dictionary group: single characters in a table, longer keys bucketed by their first unit. */
interface Group {
  /** Replacement unit for a one-unit key with a one-unit value; 0 when there is none. */
  single: Uint16Array;
  /** One-unit keys whose value is longer. */
  singleLong: Map<number, string>;
  /** Keys of two or more units starting with a unit, longest first. */
  phrases: Map<number, { key: string; value: string }[]>;
  /** 1 for each unit that starts any key: other units are copied at once. */
  starts: Uint8Array;
}

function buildGroup(dicts: string[]): Group {
  const entries = new Map<string, string>();
  // As opencc-js loads a group: the first dictionary wins; within one, the last entry of a key.
  for (const dict of [...dicts].reverse()) {
    for (const entry of dict.split('|')) {
      const space = entry.indexOf(' ');
      if (space > 0) entries.set(entry.slice(0, space), entry.slice(space + 1));
    }
  }
  const group: Group = { single: new Uint16Array(65536), singleLong: new Map(), phrases: new Map(), starts: new Uint8Array(65536) };
  for (const [key, value] of entries) {
    // A key outside the BMP never matches text the tables take (such text goes to opencc-js).
    if (/[\ud800-\udfff]/.test(key)) continue;
    const first = key.charCodeAt(0);
    group.starts[first] = 1;
    if (key.length === 1) {
      if (value.length === 1 && value.charCodeAt(0) !== 0) group.single[first] = value.charCodeAt(0);
      else group.singleLong.set(first, value);
    } else {
      let bucket = group.phrases.get(first);
      if (!bucket) group.phrases.set(first, (bucket = []));
      bucket.push({ key, value });
    }
  }
  for (const bucket of group.phrases.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  return group;
}

function convertWith(group: Group, text: string): string {
  let out = '';
  let copiedTo = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!group.starts[c]) {
      i++;
      continue;
    }
    let value: string | undefined;
    let length = 1;
    const bucket = group.phrases.get(c);
    if (bucket) {
      for (const p of bucket) {
        if (text.startsWith(p.key, i)) {
          value = p.value;
          length = p.key.length;
          break;
        }
      }
    }
    if (value === undefined) {
      const unit = group.single[c];
      value = unit ? String.fromCharCode(unit) : group.singleLong.get(c);
    }
    if (value !== undefined && value !== text.slice(i, i + length)) {
      out += text.slice(copiedTo, i) + value;
      copiedTo = i + length;
    }
    i += length;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

let groups: Group[] | undefined;
let library: ((text: string) => string) | undefined;
// What the tables do not take: surrogates (characters outside the BMP) and ideographic description characters.
const BEYOND_TABLES = /[\ud800-\udfff\u2ff0-\u2fff]/;

export function toSimplified(text: string): string {
  if (BEYOND_TABLES.test(text)) {
    // From 'hk': standard traditional plus the Hong Kong variants (保衞); not 'tw', whose variant table turns 显著 into 显着.
    library ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
    return library(text);
  }
  groups ??= [...OpenCC.Locale.from.hk, ...OpenCC.Locale.to.cn].map(buildGroup);
  let out = text;
  for (const group of groups) out = convertWith(group, out);
  return out;
}

/** opencc-js's own converter, for comparing with `toSimplified` in tests. */
export function toSimplifiedByLibrary(text: string): string {
  library ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return library(text);
}

export interface ScriptEdit {
  start: number;
  end: number;
  newText: string;
}

/** The runs of `text` that conversion changes, as edits at offsets within it. */
export function simplifiedEdits(text: string): ScriptEdit[] {
  const converted = toSimplified(text);
  if (converted === text) return [];
  // OpenCC's t2cn tables map phrases to phrases of the same length; if one ever
  // does not, the whole text is one edit rather than a misaligned diff.
  if (converted.length !== text.length) return [{ start: 0, end: text.length, newText: converted }];
  const edits: ScriptEdit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === converted.charCodeAt(i)) continue;
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== converted.charCodeAt(j)) j++;
    edits.push({ start: i, end: j, newText: converted.slice(i, j) });
    i = j;
  }
  return edits;
}

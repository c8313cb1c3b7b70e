// Traditional → simplified with OpenCC's phrase tables (hk → cn), not the core's
// matching table: 乾隆 stays 乾隆, 著名 stays 著名, 乾净 becomes 干净.
//
// The dictionaries are opencc-js's own; the matching is the project's literal index (literals.ts)
// instead of opencc-js's per-character Map trie (measured faster on a traditional text). Same
// algorithm: each dictionary group in turn, longest key first, left to right. Text the index
// is not built for (characters outside the BMP, ideographic description sequences) goes to
// opencc-js's converter itself. test/scriptConversion.test.ts holds the two to the same output.

import { literalIndex, type LiteralIndex } from './literals';

type OpenCCModule = {
  Converter(options: { from: 'hk'; to: 'cn' }): (text: string) => string;
  Locale: { from: Record<'hk', string[][]>; to: Record<'cn', string[][]> };
};
// Loaded when a text first holds a traditional character: most drafts never do. (The package's types are ESM-only;
// its CommonJS build is what runs here.)
let openCC: OpenCCModule | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = () => (openCC ??= require('opencc-js/t2cn') as OpenCCModule);

/**
 * One dictionary group as a literal index: opencc-js matches each group longest key first, left
 * to right, without overlaps, which is what `literalIndex.find` does.
 */
type Group = LiteralIndex<string>;

function buildGroup(dicts: string[]): Group {
  const entries = new Map<string, string>();
  // As opencc-js loads a group: the first dictionary wins; within one, the last entry of a key.
  for (const dict of [...dicts].reverse()) {
    for (const entry of dict.split('|')) {
      const space = entry.indexOf(' ');
      if (space > 0) entries.set(entry.slice(0, space), entry.slice(space + 1));
    }
  }
  return literalIndex([...entries]);
}

function convertWith(group: Group, text: string): string {
  let out = '';
  let copiedTo = 0;
  for (const hit of group.find(text)) {
    if (hit.value === text.slice(hit.start, hit.end)) continue;
    out += text.slice(copiedTo, hit.start) + hit.value;
    copiedTo = hit.end;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

let groups: Group[] | undefined;
let library: ((text: string) => string) | undefined;
// What the index is not built for: surrogates (characters outside the BMP) and ideographic description characters.
const BEYOND_TABLES = /[\ud800-\udfff\u2ff0-\u2fff]/;

export function toSimplified(text: string): string {
  if (BEYOND_TABLES.test(text)) {
    // From 'hk': standard traditional plus the Hong Kong variants (保衞); not 'tw', whose variant table turns 显著 into 显着.
    library ??= OpenCC().Converter({ from: 'hk', to: 'cn' });
    return library(text);
  }
  groups ??= [...OpenCC().Locale.from.hk, ...OpenCC().Locale.to.cn].map(buildGroup);
  let out = text;
  for (const group of groups) out = convertWith(group, out);
  return out;
}

/** opencc-js's own converter, for comparing with `toSimplified` in tests. */
export function toSimplifiedByLibrary(text: string): string {
  library ??= OpenCC().Converter({ from: 'hk', to: 'cn' });
  return library(text);
}

export interface ScriptEdit {
  start: number;
  end: number;
  newText: string;
}

// Characters a simplified text writes as they are, though OpenCC rewrites them: the 通用规范汉字表 (2013) lists 拚 (拚弃),
// 陞, 昇, 鉅 and 頫 as standard (names, 赵孟頫), and names keep 崑 (胡厚崑). Not traditional, whatever the converter says.
const WRITTEN_AS_IS = /[拚陞昇鉅頫崑]/g;

/**
 * The runs of `text` that conversion to simplified characters changes, as edits at offsets within it; the characters
 * a simplified text writes as they are stay (the text is converted in the stretches between them: 頫 would become 𫖯,
 * two units, and the whole text one edit).
 */
export function simplifiedEdits(text: string): ScriptEdit[] {
  if (!text.match(WRITTEN_AS_IS)) return convertedRuns(text);
  const edits: ScriptEdit[] = [];
  let from = 0;
  for (const at of [...[...text.matchAll(WRITTEN_AS_IS)].map((m) => m.index!), text.length]) {
    for (const e of convertedRuns(text.slice(from, at))) edits.push({ start: from + e.start, end: from + e.end, newText: e.newText });
    from = at + 1;
  }
  return edits;
}

function convertedRuns(text: string): ScriptEdit[] {
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

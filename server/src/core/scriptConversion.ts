// Traditional → simplified with OpenCC's phrase tables (hk → cn), not the core's
// matching table: 乾隆 stays 乾隆, 著名 stays 著名, 乾净 becomes 干净.

// The package's types are ESM-only; its CommonJS build is what runs here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js/t2cn') as { Converter(options: { from: 'hk'; to: 'cn' }): (text: string) => string };

let converter: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  // From 'hk': standard traditional plus the Hong Kong variants (保衞); not 'tw', whose variant table turns 显著 into 显着.
  converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return converter(text);
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

// Seeded random drafts for the fuzz tests: fragments of real speech grammar
// (markers, count phrases, placeholders, residue, Markdown, odd spaces and line
// ends) mixed with random characters, so every layer of the reader is exercised.

const FRAGMENTS = [
  '同志们：', '下面，我讲三点意见。', '一、', '二、', '三、', '（一）', '（二）', '1.', '2、', '（1）', '一是', '二是', '三要', '第一，', '第二，', '首先，', '其次，', '最后，',
  '×', 'XX', '20xx年', '某某', '○○', '***', '**重点**', '（待补）', '~', '_', '——', '……', '。', '，', '；', '：', '！', '？', '“', '”', '（', '）',
  '发布时间：2024-01-01', '阅读全文', '相关文章', '预览结束', '当前位置：首页 > 讲话', '<!-- jianggao-disable -->', '// jianggao-disable-next-line wording',
  '高度重视', '切实加强', '名符其实', '做出了积极努力', '即要…又要', '顺利的进行了', '两个“双培养”', '有二：', '“两增”：', '那两句话：“',
  '\n', '\n\n', '\r', '\r\n', '\u3000\u3000', '\u00a0', '\ufeff', '\t', ' ', '#', '## ', '> ', '- ', '|', '\\', '$', '{', '}', '[', ']',
];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fuzzDraft(random: () => number, maxPieces = 200): string {
  const n = Math.floor(random() * maxPieces);
  let out = '';
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.7) out += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    else if (r < 0.9) out += String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
    else out += String.fromCharCode(Math.floor(random() * 0xffff));
  }
  return out;
}

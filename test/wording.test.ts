import { describe, expect, it } from 'vitest';
import { codes, seed, SEEDS } from './helpers';

const fixOf = (text: string) => codes(text, 'wording').map((d) => [text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character), (d.data as any).fixes[0].newText]);

describe('wording', () => {
  it.each([
    ['截止2023年底，共完成投资。', '截止', '截至'],
    ['截止目前，已完成过半。', '截止', '截至'],
    ['截止到6月末，全市开工。', '截止', '截至'],
    ['及其它市场前景好的项目', '其它', '其他'],
    ['为全市发展做出了重要贡献', '做出', '作出'],
    ['市委做出决定', '做出', '作出'],
    ['做出新的更大的贡献', '做出', '作出'],
    ['要象爱护眼睛一样爱护生态', '象', '像'],
    ['好象没有这回事', '象', '像'],
    ['我们必需坚持人民至上', '必需', '必须'],
    ['按步就班地推进', '按步就班', '按部就班'],
    ['这是题中应有之意', '意', '义'],
    ['把问题交待清楚', '交待', '交代'],
    ['严防泄漏国家秘密', '泄漏', '泄露'],
    ['防止个人信息泄漏', '泄漏', '泄露'],
  ])('%s: %s → %s', (text, wrong, right) => {
    expect(fixOf(text)).toEqual([[wrong, right]]);
  });

  it.each([
    '报名于5月15日截止。',
    '申报截止时间另行通知。',
    '做出产品，做出样品。',
    '这种现象值得重视，形象、景象、对象、印象、气象、抽象。',
    '象征意义，象棋比赛。',
    '生活必需品，必需的物资。',
    '其他方面也要跟上。',
    '按部就班，题中应有之义。',
    '把问题交代清楚。',
    '防止天然气泄漏，管道泄漏事故。',
    '泄露国家秘密。',
  ])('no false positive: %s', (text) => {
    expect(codes(text, 'wording')).toEqual([]);
  });

  it('finds only real errors on the seeds', () => {
    const found = SEEDS.flatMap((name) => codes(seed(name).text, 'wording').map((d) => [name, d.range.start.line + 1, (d.data as any).fixes[0].newText]));
    expect(found).toEqual([
      ['seed002', 21, '截至'],
      ['seed002', 24, '其他'],
      ['seed002', 30, '截至'],
    ]);
  });
});

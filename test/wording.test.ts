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
    ['领导干部要以身作责', '以身作责', '以身作则'],
    ['面对重大决择', '决择', '抉择'],
    ['干部要竞竞业业地工作', '竞竞业业', '兢兢业业'],
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
    '继续推动解决择校、入园等热点难点问题。',
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

describe('wording: the slips editors find in published speeches', () => {
  const fixes = (t: string) => codes(t, 'wording').map((d) => (d.data as { fixes: { newText: string }[] }).fixes[0].newText);

  it.each([
    ['这个称号名符其实。', '名副其实'],
    ['通过改革，一定是英雄倍出。', '英雄辈出'],
    ['要化大力气帮助家长。', '花大力气'],
    ['坚决反对走形势主义。', '形式主义'],
    ['每个人都要管好自已。', '自己'],
    ['发扬顽强拼博的精神。', '拼搏'],
    ['做好干部选拨任用工作。', '选拔'],
    ['不能阻扰信息流动。', '阻挠'],
    ['虽然做出了积极努力。', '作出'],
    ['我们要做出最真诚的回应。', '作出'],
    ['会议对这项工作做了专题研究部署。', '作'],
    ['在市场上，即要激进又要保守。', '既'],
    ['换届选举顺利的进行了。', '地'],
    ['现在的情况复杂的多。', '得'],
    ['它象光芒万丈的灯塔。', '像'],
  ])('%s → %s', (text, right) => {
    expect(fixes(text)).toEqual([right]);
  });

  it.each([
    '激动得不能自已。',
    '当时即要求各单位上报。',
    '这是我们的多年心愿。',
    '我们做了大量工作。',
    '认真的态度是成事的前提。',
    '全面的了解需要时间。',
    '要做出样品来。',
    '他们的多，我们的少。',
    '困难比预料的多，结果比预想的好。',
    '主要原因是国家集中的财力过少。',
    '现象和形象都很重要。',
  ])('leaves right usage alone: %s', (text) => {
    expect(codes(text, 'wording')).toEqual([]);
  });

  it('every entry of the misspelling list is a real correction', async () => {
    const { MISSPELLINGS } = await import('../server/src/core/data/commonMisspellings');
    expect(MISSPELLINGS.length).toBeGreaterThan(180);
    for (const [wrong, right] of MISSPELLINGS) {
      expect(wrong).not.toBe(right);
      expect(fixes(`我们说${wrong}。`)).toContain(right);
    }
  });
});

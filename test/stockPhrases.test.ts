import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkDocument, defaultConfig, documentStats, parseDocument } from '../server/src/core';
import { stockPhraseDensity } from '../server/src/core/features/stats';
import { hoverAt } from '../server/src/core/features/hover';
import { CATEGORIES, compileMatcher, parseDictionary } from '../server/src/core/stockPhrases';
import { loadStockPhrases } from '../server/src/resources';
import { seed } from './helpers';
import { tempDir } from './tempDirs';

const DICT = path.join(__dirname, '..', 'dictionaries', 'stock-phrases.tsv');

function stock(text: string, config = defaultConfig()) {
  const { matcher } = loadStockPhrases(config);
  return checkDocument(parseDocument(text), { config, resources: { stockPhrases: matcher } }).filter((d) => d.code === 'stock-phrase');
}

describe('the built-in dictionary', () => {
  const text = fs.readFileSync(DICT, 'utf8');
  const { entries, problems } = parseDictionary(text, '内置词典');

  it('has at least 300 well-formed entries in the four categories, with sources cited', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const c of CATEGORIES) expect(entries.filter((e) => e.category === c).length, c).toBeGreaterThan(20);
    expect(entries.every((e) => (CATEGORIES as readonly string[]).includes(e.category))).toBe(true);
    expect(entries.every((e) => e.note.length > 0)).toBe(true);
    expect(text).toMatch(/^# 来源/m);
    expect(new Set(entries.map((e) => e.phrase)).size).toBe(entries.length);
  });

  it('gives every outdated term the date it went out of use', () => {
    const obsolete = entries.filter((e) => e.category === '过时提法');
    expect(obsolete.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.obsoleteSince ?? ''))).toBe(true);
    expect(obsolete.find((e) => e.phrase === '新冠肺炎')).toMatchObject({ obsoleteSince: '2022-12-26', alternatives: ['新型冠状病毒感染'] });
  });
});

describe('stock-phrase', () => {
  it('matches across line breaks, in traditional script and with half-width punctuation', () => {
    // A paragraph broken at one width mid-sentence is one paragraph: the phrase is found across the break,
    // and the message quotes it as read, without the line break.
    const wrapped = '今年以来全县上下认真贯彻落实上级部署各项工作取得新进展我们要高度\n重视这项工作切实加强组织领导层层压实工作责任确保各项任务按时完\n成。';
    expect(stock(wrapped).map((d) => d.message).find((m) => m.includes('高度重视'))).toContain('“高度重视”');
    // Two paragraphs are two: a phrase does not run from one into the next.
    expect(stock('会议要求我们要高度\n\n重视安全生产。').filter((d) => d.message.includes('高度重视'))).toEqual([]);
    expect(stock('我們要高度重視這項工作。')).toHaveLength(1);
    expect(stock('藉此機會，我向大家表示感謝。').map((d) => d.data?.phrase)).toContain('借此机会');
    // A simplified draft that writes 藉此 is matched too, and is told of no traditional character for it.
    const simplified = checkDocument(parseDocument('同志们：\n藉此机会，我代表县委向大家表示感谢。\n'), { config: defaultConfig(), resources: { stockPhrases: loadStockPhrases(defaultConfig()).matcher } });
    expect(simplified.map((d) => d.code)).toEqual(['stock-phrase']);
    expect(stock('成绩是肯定的,问题是存在的。')[0].data).toMatchObject({ category: '开头结尾程式' });
  });

  it('matches wildcard phrases such as 在…的正确领导下', () => {
    const [d] = stock('在市委市政府的正确领导下，全市经济稳定。');
    expect(d.data).toMatchObject({ phrase: '在…的正确领导下' });
  });

  it('an outdated term is a warning with its replacement as a quick fix', () => {
    const [d] = stock('新冠肺炎疫情对经济造成冲击。');
    expect(d.severity).toBe(2);
    expect(d.message).toContain('2022-12-26');
    expect((d.data as any).fixes[0].newText).toBe('新型冠状病毒感染');
  });

  it('an outdated agency name does not match the generic word (农业部门)', () => {
    expect(stock('农业部门要加强指导。')).toHaveLength(0);
    expect(stock('原农业部发布通知。')).toHaveLength(1);
  });

  it('a single hit is a hint; the same phrase four times within about 500 characters is a warning', () => {
    const ds = stock('要高度重视。'.repeat(5));
    expect(ds.map((d) => d.severity)).toEqual([4, 4, 4, 2, 2]);
    expect(ds[3].message).toContain('出现了 4 次');
    const config = defaultConfig();
    config.rules['stock-phrase'] = { overuse: 6 };
    expect(stock('要高度重视。'.repeat(5), config).every((d) => d.severity === 4)).toBe(true);
    // 凝心聚力 is a slogan: said often on purpose, never overuse.
    expect(stock('要凝心聚力。'.repeat(5)).every((d) => d.severity === 4)).toBe(true);
  });

  it('the same phrase spread over a long speech is not overuse', () => {
    const filler = '今年全市经济运行总体平稳，主要指标好于预期，民生保障持续加强。'.repeat(10);
    const ds = stock(('要高度重视。' + filler + '\n').repeat(5));
    expect(ds.every((d) => d.severity === 4)).toBe(true);
  });

  it('quotations and slogans are not overuse', () => {
    const quoted = '总书记强调：“要高度重视，要高度重视，要高度重视，要高度重视。”';
    expect(stock(quoted).every((d) => d.severity === 4)).toBe(true);
  });

  it('an outdated formulation is a warning only for a speech given after it went out of use', () => {
    const config = defaultConfig();
    const old = stock('在2010年全县卫生工作会议上的讲话\n同志们：\n卫生部要求我们做好工作。', config);
    expect(old.filter((d) => d.severity === 2)).toEqual([]);
    const now = stock('在2025年全县卫生工作会议上的讲话\n同志们：\n卫生部要求我们做好工作。', config);
    expect(now.filter((d) => d.severity === 2).map((d) => d.data!.phrase)).toEqual(['卫生部!门']);
  });

  it('the speech\'s date is the latest year its own words name, spaced or not, never a year in the page around it', () => {
    const config = defaultConfig();
    const body = '同志们：\n2010 年，全县卫生工作取得新进展。卫生部要求我们做好工作。\n';
    expect(stock(body + '版权所有 Copyright © 2025年 某某网 ICP备12345号\n', config).filter((d) => d.severity === 2)).toEqual([]);
    expect(stock(body + '2025 年，我们要完成任务。\n', config).filter((d) => d.severity === 2).map((d) => d.data!.phrase)).toEqual(['卫生部!门']);
  });

  it('a past achievement keeps its name: 党的十八大以来，我们打赢脱贫攻坚战', () => {
    const text = '2025年工作会议讲话\n党的十八大以来，我们团结奋斗，打赢脱贫攻坚战，全面建成小康社会。';
    expect(stock(text).filter((d) => d.severity === 2)).toEqual([]);
  });

  it('reports density per 1,000 characters for the document and the part, outside the findings', () => {
    const text = '一、总体要求\n' + '我们要高度重视。'.repeat(2) + '今年经济运行平稳。'.repeat(10) + '\n二、其他\n今年完成任务。\n';
    const [d] = stock(text);
    const doc = parseDocument(text);
    const chars = doc.compact.text.length;
    const { matcher } = loadStockPhrases(defaultConfig());
    expect(stockPhraseDensity(doc, matcher)).toBeCloseTo((2 / chars) * 1000, 1);
    expect(d.data!.part).toBe('一、总体要求');
    // A measure of the whole text changes with every keystroke: it is not in each finding (an editor pulling
    // diagnostics would get every one as changed), but in the stats and the outline.
    expect(d.data!.density).toBeUndefined();
    const [part] = documentStats(doc, matcher).speeches[0].parts;
    expect(part.stockPhrasesPer1000).toBeGreaterThan(stockPhraseDensity(doc, matcher));
  });

  it('team dictionaries add entries and disable built-in ones; bad lines are reported', () => {
    const dir = tempDir('jianggao-dict-');
    const team = path.join(dir, 'team.tsv');
    fs.writeFileSync(team, '# 团队词典\n新质生产力新动能\t口号堆砌\t本单位少用\t新动能\n坏行没有类别\n');
    const config = defaultConfig();
    config.stockPhrases.dictionaries = [team, path.join(dir, 'missing.tsv')];
    config.stockPhrases.disabled = ['高度重视'];
    const load = loadStockPhrases(config);
    expect(load.problems.map((p) => [path.basename(p.file), p.line])).toEqual([['team.tsv', 2], ['missing.tsv', null]]);
    const ds = stock('要高度重视新质生产力新动能。', config);
    expect(ds.map((d) => (d.data as any).phrase)).toEqual(['新质生产力新动能']);
    expect((ds[0].data as any).source).toBe('team.tsv');
  });

  it('hover explains the phrase and offers alternatives', () => {
    const text = '我们要高度重视。';
    const doc = parseDocument(text);
    const { matcher } = loadStockPhrases(defaultConfig());
    const h = hoverAt(doc, 4, matcher)!;
    expect(h.contents).toContain('空话套话');
    expect(h.contents).toContain('“重视”');
  });

  it('finds stock phrases in the seeds without flagging residue lines', () => {
    const ds = stock(seed('seed004').text);
    expect(ds.length).toBeGreaterThan(20);
    expect(ds.some((d) => [1, 3, 5].includes(d.range.start.line + 1))).toBe(false);
  });

  it('compileMatcher prefers the longest phrase at one place', () => {
    const { entries } = parseDictionary('进一步\t空话套话\tx\n进一步加强\t空话套话\ty\n', 't');
    const doc = parseDocument('要进一步加强管理。');
    const d = checkDocument(doc, { config: defaultConfig(), resources: { stockPhrases: compileMatcher(entries) } });
    expect(d.map((x) => (x.data as any).phrase)).toEqual(['进一步加强']);
  });
});

describe('overuse and refrains', () => {
  it('a phrase opening every paragraph it is in is a refrain, not overuse', () => {
    const refrain = '高度重视，必须讲政治。\n高度重视，必须抓发展。\n高度重视，必须惠民生。\n高度重视，必须强党建。\n';
    expect(stock(refrain).every((d) => d.severity === 4)).toBe(true);
    const mixed = refrain + '我们要高度重视。\n';
    expect(stock(mixed).some((d) => d.severity === 2)).toBe(true);
  });

  it('a phrase opening each of a paragraph’s parallel clauses (排比) is their refrain, not overuse', () => {
    const parallel = '干部要善于学习，不断提高理论水平；善于调研，不断提高决策水平；善于协调，不断提高统筹水平；善于创新，不断提高工作水平。';
    expect(stock(parallel).filter((d) => d.severity === 2)).toEqual([]);
    // Said inside the clauses, the same four times are heard as repetition.
    const repeated = '干部要在学习中不断提高理论水平，在调研中不断提高决策水平，在协调中不断提高统筹水平，在创新中不断提高工作水平。';
    expect(stock(repeated).some((d) => d.severity === 2)).toBe(true);
  });
});

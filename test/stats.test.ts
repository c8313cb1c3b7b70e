import { execFileSync } from 'child_process';
import { describe, expect, it } from 'vitest';
import { checkDocument, documentStats, foldingRanges, parseDocument } from '../server/src/core';
import { speechDateOf } from '../server/src/core/speechDate';
import { loadStockPhrases } from '../server/src/resources';
import { defaultConfig } from '../server/src/core';
import { codes } from './helpers';
import { tempDir } from './tempDirs';

const speech = ['在全县工作会议上的讲话', '同志们：', '下面，我讲两点意见。', '一、提高认识', '我们要高度重视这项工作，切实加强领导。', '二、狠抓落实', '各单位要抓好落实。', '同志们，让我们共同努力！'].join('\n');

describe('jianggao stats: length, speaking time and density', () => {
  const { matcher } = loadStockPhrases(defaultConfig());

  it('counts the speech’s characters, its speaking time at the pace and its stock phrases per part', () => {
    const stats = documentStats(parseDocument(speech), matcher, 200);
    const [s] = stats.speeches;
    expect(s.title).toBe('在全县工作会议上的讲话');
    expect(stats.chars).toBe(speech.replace(/\s/g, '').length);
    expect(s.speakingMinutes).toBeCloseTo(s.chars / 200, 1);
    expect(s.parts.map((p) => p.name)).toEqual(['一、提高认识', '二、狠抓落实']);
    expect(s.stockPhrases.top.map((t) => t.phrase)).toEqual(expect.arrayContaining(['切实加强领导', '狠抓落实']));
    // The last part ends where the closing address begins.
    expect(s.parts[1].chars).toBe('二、狠抓落实各单位要抓好落实。'.length);
    expect(s.parts[0].stockPhrasesPer1000).toBeGreaterThan(0);
  });

  it('a compilation is measured speech by speech', () => {
    const two = speech + '\n在全县表彰大会上的讲话\n同志们：\n今天我们表彰先进。';
    expect(documentStats(parseDocument(two), matcher).speeches.map((s) => s.title)).toEqual(['在全县工作会议上的讲话', '在全县表彰大会上的讲话']);
  });

  it('the CLI prints the JSON contract', () => {
    const dir = tempDir('jg-stats-');
    const file = require('path').join(dir, 'a.speech');
    require('fs').writeFileSync(file, speech);
    const out = JSON.parse(execFileSync(process.execPath, ['server/out/cli.js', 'stats', '--format', 'json', '--pace', '100', file], { encoding: 'utf8' }));
    const f = out.files[0];
    expect(Object.keys(f)).toEqual(['path', 'chars', 'speakingMinutes', 'speeches']);
    expect(Object.keys(f.speeches[0])).toEqual(['title', 'range', 'chars', 'speakingMinutes', 'stockPhrases', 'parts']);
    expect(Object.keys(f.speeches[0].stockPhrases)).toEqual(['count', 'per1000', 'top']);
    expect(Object.keys(f.speeches[0].parts[0])).toEqual(['name', 'range', 'chars', 'stockPhrasesPer1000']);
    expect(f.speakingMinutes).toBeCloseTo(f.chars / 100, 1);
  });
});

describe('folding and fixes that say what they write', () => {
  it('a speech folds from its title, not from the page banner above it', () => {
    const text = '首页 > 讲话\n\n' + speech;
    const folds = foldingRanges(parseDocument(text));
    expect(folds[0].startLine).toBe(2);
  });

  it('renumbering fixes the whole run, and a pasted duplicate is offered for deletion', () => {
    const [d] = codes('一、甲\n三、丙\n四、丁\n', 'numbering-sequence');
    const fix = (d.data as any).fixes[0];
    expect(fix.title).toBe('重新编号：“三”改为“二”等 2 处');
    expect([fix.newText, ...fix.more.map((m: any) => m.newText)]).toEqual(['二', '三']);
    const dup = codes('同志们：\n一是抓好项目建设工作。\n二是抓好招商引资工作。\n二是抓好招商引资工作。\n', 'numbering-sequence');
    expect(dup[0].message).toContain('重复');
    expect((dup[0].data as any).fixes[0].title).toContain('删除');
  });

  it('CLI messages never carry a raw line break', () => {
    const text = '同志们：\n' + '我们要高度重视这项工作，切实加强领导，确保各项任务落到实处，向全县人民交出\n满意答卷。'.repeat(1);
    for (const d of codes(text)) expect(d.message).not.toMatch(/\n/);
  });
});

// The severity of each out-of-use phrase a text holds, checked with the built-in dictionary.
function obsoleteSeverities(text: string): number[] {
  const config = defaultConfig();
  const found = checkDocument(parseDocument(text), { config, resources: { stockPhrases: loadStockPhrases(config).matcher } });
  return found.filter((d) => d.code === 'stock-phrase' && d.message.includes('不再使用')).map((d) => d.severity);
}

describe('norms and dates', () => {
  it('a rule with a norm is not applied to a speech given before the norm existed', () => {
    expect(codes('在1950年全县大会上的讲话\n（1950年3月1日）\n同志们：\n第一、要团结。\n第二、要生产。\n', 'heading-hierarchy')).toEqual([]);
    expect(codes('在1990年全县大会上的讲话\n（1990年3月1日）\n同志们：\n第一、要团结。\n第二、要生产。\n', 'heading-hierarchy')).toHaveLength(2);
    // Half-width marks are a paste's damage whenever the speech was given: an old speech on a web page is checked too.
    expect(codes('在1948年全区干部会上的讲话\n（1948年6月6日）\n同志们：\n我们要团结,要生产,要把工作做好。\n', 'punctuation')).toHaveLength(1);
  });

  it('a page’s meta bar dates the page, not the speech: the speech’s own years decide when it names them', () => {
    const speech = '2021年，我们要打赢脱贫攻坚战。2021年要抓好落实。';
    const page = (body: string) => `首页 > 范文 > 讲话稿\n发布时间：2024-03-05 09:12  浏览次数：1234\n在全县大会上的讲话\n同志们：\n${body}\n`;
    // Reposted in 2024, given in 2021 (before 打赢脱贫攻坚战 went out of use on 2021-02-25): a hint, not a warning.
    expect(obsoleteSeverities(page(speech))).toEqual([4]);
    // A date line in Chinese numerals, as a published speech writes it, is the speech's date (not the years it names).
    expect(obsoleteSeverities('在全县大会上的讲话\n（二〇二〇年十二月八日）\n同志们：\n我们要打赢脱贫攻坚战，为2022年开好局。2022年要抓好落实。\n')).toEqual([4]);
    // A date in the speech's first paragraph is history it tells, not its date line.
    const dateOf = (text: string) => speechDateOf(parseDocument(text), '2026-11-25');
    expect(dateOf('在庆祝大会上的讲话\n同志们：\n1978年12月18日，我们党召开了具有重大历史意义的全会，开启了改革开放的历史征程。四十年来，我们从1978年的3679亿元增长到2017年的82.7万亿元。2017年，我们又取得新的成就。\n')).toBe('2017-01-01');
    // With a page's meta bar, the latest year the speech names up to the posting decides, even named once among
    // older years named again and again.
    expect(dateOf(page('1978年，我们开启了改革开放。1978年以来，我们走过了不平凡的历程。1981年，我们作出了历史决议，1981年以后又有新的发展。2018年，我们迎来了四十周年。'))).toBe('2018-01-01');
    // A speech that names no year of its own is dated by the page.
    expect(obsoleteSeverities(page('我们要打赢脱贫攻坚战，抓好落实。'))).toEqual([2]);
  });

  it('a speech dated only by the years it names is not dated by a goal, a span\'s end or an event to come', () => {
    const severity = obsoleteSeverities;
    // Its own year named twice; 到2025年, 2016-2025年 and 2024年…运动会 are goals, a span and an event, not its date.
    const own = '同志们：\n2019年是决胜之年。2019年，我们要打赢脱贫攻坚战，到2025年再上新台阶，落实2016-2025年规划纲要，办好2024年全省运动会。\n';
    expect(severity(own)).toEqual([4]);
    // An event to come, its name between the year and 会, is no date either (named twice, it would decide).
    expect(severity('同志们：\n2019年，我们要打赢脱贫攻坚战。2019年底前，筹办好2024年全省农民运动会，2024年全省农民运动会要办出特色。\n')).toEqual([4]);
    // Given after the phrase went out of use, it is told.
    expect(severity('同志们：\n2023年，我们要打赢脱贫攻坚战，2023年要抓好落实。\n')).toEqual([2]);
  });

  it('an achievement reported as done keeps its name; the same words as a goal do not', () => {
    const severity = obsoleteSeverities;
    expect(severity('政府工作报告\n——2022年3月5日\n我们隆重庆祝建党百年，胜利召开全会，如期打赢脱贫攻坚战。\n')).toEqual([4]);
    expect(severity('政府工作报告\n——2022年3月5日\n今年要确保如期打赢脱贫攻坚战。\n')).toEqual([2]);
    // Read the same in traditional characters (回顧 is 回顾, 過去 is 过去).
    expect(severity('政府工作報告\n——2022年3月5日\n回顧過去一年，我們如期打贏脫貧攻堅戰。\n')).toEqual([4]);
    expect(severity('政府工作報告\n——2022年3月5日\n今年要確保如期打贏脫貧攻堅戰。\n')).toEqual([2]);
  });
});

describe('where the last part ends', () => {
  it('the closing, an appendix or a Q&A after the last part are not inside it', () => {
    for (const tail of ['同志们，让我们共同努力，再创佳绩！', '附件：1.任务分工表', '问：这项工作什么时候完成？\n答：年底前。', '谢谢大家！']) {
      const text = `同志们：\n一、提高认识\n内容一。\n二、狠抓落实\n内容二。\n${tail}\n`;
      const doc = parseDocument(text);
      const last = doc.speeches[0].children[1];
      expect(text.slice(last.start, last.end).trim(), tail).toBe('二、狠抓落实\n内容二。');
    }
  });

  it('an address to the audience inside a part, with parts after it, stays in its part', () => {
    const text = '一、提高认识\n同志们，认识问题很重要。\n二、狠抓落实\n内容二。\n';
    const doc = parseDocument(text);
    expect(text.slice(doc.speeches[0].children[0].start, doc.speeches[0].children[0].end)).toContain('同志们，认识问题很重要。');
  });
});

describe('hover on a part', () => {
  it('shows the part’s length, speaking time and stock-phrase density', async () => {
    const { hoverAt } = await import('../server/src/core/features/hover');
    const { matcher } = loadStockPhrases(defaultConfig());
    const doc = parseDocument(speech);
    const h = hoverAt(doc, speech.indexOf('提高认识') + 1, matcher)!;
    expect(h.contents).toMatch(/本部分 \d+ 字，约 [\d.]+ 分钟；套话 \d+ 处，每千字 [\d.]+/);
  });
});

// Paste hygiene: script, punctuation and hard wraps, each on text written for the test,
// and the one-step clean-up that brings a damaged speech back to its clean form.
import { describe, expect, it } from 'vitest';
import { announcementReport, checkDocument, defaultConfig, fixText, parseDocument } from '../server/src/core';
import { codes, seed, SEEDS } from './helpers';
import { mayNeedPunctuationEdits, punctuationEdits } from '../server/src/core/rules/punctuation';
import { copyJunk } from '../server/src/core/text';
import { fuzzDraft, rng } from './fuzzDrafts';

const clean = [
  '在全县秋季农业生产工作会议上的讲话',
  '同志们：',
  '今天召开这次会议，主要是总结前一阶段的秋收秋种工作，分析当前面临的形势，安排部署下一步的重点任务。刚才，农业农村局的同志通报了全县的进度情况，几个乡镇作了交流发言，讲得都很好，我都同意。',
  '一、认清形势，增强做好秋季生产的紧迫感',
  '今年以来，全县上下克服了春季低温、夏季干旱等多种不利因素的影响，粮食生产总体保持了稳定的态势，为完成全年的目标任务打下了坚实的基础。但是我们也要清醒地看到，秋收时间短、任务重，天气变化多，稍有松懈就会前功尽弃，各级各部门务必把思想和行动统一到县委的部署上来。',
  '二、突出重点，抓好秋收秋种各项措施的落实',
  '要抢抓晴好天气，组织农机具跨区作业，做到成熟一块、收获一块；要加强技术指导，因地制宜推广良种良法，确保种足种好；要做好烘干仓储，防止已收获的粮食霉变损失。',
  '同志们，秋季生产时间紧、任务重，希望大家振奋精神，真抓实干，为全年农业丰收作出新的更大的贡献！',
].join('\n');

describe('script', () => {
  it('reports a paragraph left in traditional characters and converts it with phrase tables', () => {
    const text = clean.replace('要抢抓晴好天气，组织农机具跨区作业', '要搶抓晴好天氣，組織農機具跨區作業');
    const found = codes(text, 'script');
    expect(found).toHaveLength(1);
    expect(found[0].range.start.line).toBe(6);
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe(clean);
  });

  it('keeps 乾隆 and 著名, which are simplified too, and turns 乾淨 into 干净', () => {
    const text = '同志们：\n乾隆年间的著名学者说過，要把院子打掃乾淨。\n';
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe('同志们：\n乾隆年间的著名学者说过，要把院子打扫干净。\n');
  });

  it('leaves characters a simplified text writes as they are: 拚弃, names (胡厚崑, 赵孟頫, 陞), though a converter rewrites them', () => {
    expect(codes('同志们：\n要拚弃旧观念。胡厚崑同志讲了话，大家学习赵孟頫的书法，祝贺王陞同志。\n', 'script')).toEqual([]);
    // The same line with a traditional character beside them: that one alone is said and fixed.
    const mixed = '同志们：\n要拚弃舊观念，胡厚崑同志讲了话。\n';
    expect(codes(mixed, 'script').map((d) => d.message)).toEqual(['繁体字：本行有 1 个繁体字（舊→旧）。']);
    expect(fixText(mixed, { markdown: false, config: defaultConfig() }).text).toBe('同志们：\n要拚弃旧观念，胡厚崑同志讲了话。\n');
  });

  it('leaves a speech written in traditional characters throughout alone, unless the setting asks', () => {
    const traditional = '各位同事：\n今天我們在這裏舉行年度會議，總結過去一年的工作成績。\n各部門要繼續努力，為明年的發展打下基礎。\n請大家會後認真討論，提出寶貴意見。\n';
    expect(codes(traditional, 'script')).toHaveLength(0);
    const asked = { ...defaultConfig(), rules: { script: { severity: 'warning' as const, traditionalDocuments: true } } };
    expect(checkDocument(parseDocument(traditional), { config: asked }).filter((d) => d.code === 'script')).toHaveLength(3);
    // With a converter's pinyin glosses it is a converted mainland page: reported.
    expect(codes(traditional.replace('舉行', '舉(jǔ)行'), 'script').length).toBeGreaterThan(0);
  });

  it('on seed000, fix leaves no gloss and no traditional character, and check then finds none of the paste rules', () => {
    const fixed = fixText(seed('seed000').text, { markdown: false, config: defaultConfig() }).text;
    expect(fixed).not.toMatch(/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/);
    for (const code of ['conversion-residue', 'script', 'punctuation']) expect(codes(fixed, code), code).toHaveLength(0);
    expect(fixed).toContain('在招商引资、项目建设电视电话会议上的讲话');
  });
});

describe('conversion-residue', () => {
  it('removes zhuyin glosses as well as pinyin ones', () => {
    expect(fixText('同志们：\n我们要加快发(ㄈㄚ)展，建(jiàn)设好家园。\n', { markdown: false, config: defaultConfig() }).text).toBe('同志们：\n我们要加快发展，建设好家园。\n');
  });

  it('zero-width characters a web page left are a hint, one per line, and the clean-up removes them', () => {
    const text = '同志们：\n\u200b今年要抓好两件事。\u200b一是抓项目；\u200b\u200b二是抓环境。\n明年\u2060再接再厉。\n';
    const found = codes(text, 'conversion-residue');
    expect(found.map((d) => [d.range.start.line, d.severity, (d.data as { zeroWidth: number }).zeroWidth])).toEqual([[1, 4, 4], [2, 4, 1]]);
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe('同志们：\n今年要抓好两件事。一是抓项目；二是抓环境。\n明年再接再厉。\n');
    // The joiner inside an emoji is left alone.
    expect(codes('同志们：\n为大家点赞👍🏻‍，继续努力。\n', 'conversion-residue')).toEqual([]);
  });
});

describe('punctuation', () => {
  it('the cheap test before the scan never passes over a line with something to correct (samples, 500 random drafts, cases written here)', () => {
    const random = rng(31);
    const cases = ['他说:好', '好,好', '真的!', '是吗?', '他"好"的', '等等...', '等等…', '好--好', '好—好', '好。。', '好，，好', '好、、好', '好；；好', '好：：好', '县政 府认真，贯彻。', '５,９６０', '(好)', '一是抓好，二是落实.'];
    const texts = [...SEEDS.map((n) => seed(n).text), ...Array.from({ length: 500 }, () => fuzzDraft(random)), cases.join('\n')];
    let checked = 0;
    for (const line of texts.flatMap((t) => t.split(/\r?\n|\r/)))
      if (punctuationEdits(line, () => false).length) {
        checked++;
        expect(mayNeedPunctuationEdits(line), line).toBe(true);
      }
    expect(checked).toBeGreaterThan(cases.length);
  });

  it('turns half-width marks in Chinese text full-width, with the space a comma brought', () => {
    const text = '同志们:\n今天的会议很重要, 大家要认真听;会后要抓落实!有没有问题?请提出来(书面也可以)。\n';
    const found = codes(text, 'punctuation');
    expect(found).toHaveLength(2);
    expect(found.every((d) => d.severity === 2)).toBe(true);
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe('同志们：\n今天的会议很重要，大家要认真听；会后要抓落实！有没有问题？请提出来（书面也可以）。\n');
  });

  it('leaves numbers, times, Latin text, addresses and Markdown code alone', () => {
    const text = '全年投资1,000万元，增长3.5%，会议10:30开始，比分3:2，详见https://example.com/a?b=1,2，英文写作Hello, world，命令是`npm run a,b`。\n';
    expect(codes(text, 'punctuation', true)).toHaveLength(0);
  });

  it('one stray comma in a full-width speech is a hint; a page pasted half-width is a warning', () => {
    const stray = clean.replace('分析当前面临的形势，安排', '分析当前面临的形势,安排');
    expect(codes(stray, 'punctuation').map((d) => d.severity)).toEqual([4]);
    // A lone … or — in a clean speech is a hint too; 。。。 is what a paste leaves: a warning.
    expect(codes(clean.replace('前功尽弃', '前功尽弃…').replace('，天气变化多', '—天气变化多'), 'punctuation').map((d) => d.severity)).toEqual([4]);
    expect(codes(clean.replace('前功尽弃，', '前功尽弃。。。'), 'punctuation').map((d) => d.severity)).toEqual([2]);
    const pasted = clean.replace(/[，；：！]/g, (c) => ({ '，': ',', '；': ';', '：': ':', '！': '!' })[c]!);
    const found = codes(pasted, 'punctuation');
    expect(found.length).toBeGreaterThan(3);
    expect(found.every((d) => d.severity === 2)).toBe(true);
    expect(fixText(pasted, { markdown: false, config: defaultConfig() }).text).toBe(clean);
  });

  it('writes ellipses, dashes, quotes and doubled marks as the norm does', () => {
    const text = '我们要发扬“三种精神”。。。还有许多工作要做...目标只有一个—发展。他说"要干"，，大家都同意。\n';
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe('我们要发扬“三种精神”……还有许多工作要做……目标只有一个——发展。他说“要干”，大家都同意。\n');
  });

  it('a half-width full stop ending a sentence at the line’s end becomes 。; a dot inside the line or after a title stays', () => {
    const text = '一是要加强领导；二是要完善制度；三是要强化考核.\n市政府第四次全体会议主持词.\n从法国德布尼斯.斯贝西姆公司引进设备，纪念一二.九运动。\n';
    expect(fixText(text, { markdown: false, config: defaultConfig() }).text).toBe(text.replace('考核.', '考核。'));
  });

  it('removes a space inside a clause, not one between a heading number and its title', () => {
    expect(fixText('第一部分 总体要求\n县委、县政 府认真贯彻落实，取得了成效。\n', { markdown: false, config: defaultConfig() }).text).toBe(
      '第一部分 总体要求\n县委、县政府认真贯彻落实，取得了成效。\n',
    );
  });
});

describe('hard-wrap', () => {
  const wrap = (line: string, width: number) => line.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n');

  it('lines of one length that each end a sentence (a list of short sentences) are not a page broken at a width', () => {
    const sentences = ['今年要坚持稳中求进，推动经济高质量发展。', '全县要抓好项目建设，扩大有效投资规模。', '各乡镇要守住安全底线，防范化解风险。', '各部门要改进工作作风，提高办事效率。', '要着力保障改善民生，办好民生实事。', '要深化重点领域改革，激发市场活力。', '要加强生态环境保护，守护绿水青山。', '要全面加强党的建设，锻造过硬队伍。'];
    const text = sentences.join('\n');
    expect(codes(text, 'hard-wrap')).toEqual([]);
    expect(parseDocument(text).paragraphs).toHaveLength(8);
    // The same sentences broken mid-sentence at one width are a PDF's lines.
    expect(codes(wrap(sentences.join(''), 19), 'hard-wrap')).toHaveLength(1);
  });

  it('joins one paragraph copied from a PDF into a clean speech, whatever width it was broken at', () => {
    const lines = clean.split('\n');
    for (const width of [24, 28, 33, 40]) {
      const damaged = [...lines.slice(0, 4), wrap(lines[4], width), ...lines.slice(5)].join('\n');
      const found = codes(damaged, 'hard-wrap');
      expect(found, `width ${width}`).toHaveLength(1);
      expect(fixText(damaged, { markdown: false, config: defaultConfig() }).text).toBe(clean);
    }
  });

  it('joins a full line broken mid-word before its sentence’s short tail, where other paragraphs break at that width', () => {
    const lines = clean.split('\n');
    // The line before the tail is as wide as the page; the tail ends the sentence.
    const broken = ['今年要提升教师的追求目标、增强教师的内驱力，促使教师肯教的措施主要有四', '项：'];
    const width = broken[0].length;
    const damaged = [...lines.slice(0, 4), wrap(lines[4], width), ...broken, ...lines.slice(5)].join('\n');
    expect(parseDocument(damaged).paragraphs.some((p) => p.flat.endsWith('主要有四项：'))).toBe(true);
    // Without other paragraphs broken at that width, the two lines stay apart.
    expect(parseDocument([...lines.slice(0, 4), ...broken, ...lines.slice(5)].join('\n')).paragraphs.some((p) => p.flat.endsWith('主要有四项：'))).toBe(false);
    // Not a title over its salutation, nor a heading over a short line, at that same width.
    const title = '在全县秋季农业生产暨防汛抗旱和森林防火工作会议上的讲话稿全文内容'.padStart(width, '在').slice(-width);
    const heading = '一、认清形势，增强做好秋季生产暨防汛抗旱各项工作的紧迫感和责任感之必要'.slice(0, width);
    const kept = parseDocument([title, '同志们：', ...lines.slice(2, 4), wrap(lines[4], width), heading, '感。', ...lines.slice(5)].join('\n'));
    expect(kept.wrapWidth).toBeNull();
    expect(kept.paragraphs.map((p) => p.flat)).toContain('同志们：');
    expect(kept.paragraphs.map((p) => p.flat)).toContain('感。');
    // In a text broken at one width throughout, the salutation still stands on its own.
    const pdf = parseDocument([title, '同志们：', wrap(lines[4], width), wrap(lines[4], width)].join('\n'));
    expect(pdf.wrapWidth).toBe(width);
    expect(pdf.paragraphs.map((p) => p.flat)).toContain('同志们：');
  });

  it('joins two lines of one width when the first breaks after a comma or 、', () => {
    const pair = ['马斯洛认为，人的需要有五个层次：生理需要、安全需要、', '社交需要、尊重需要和自我实现的需要，五个层次层层递进。'];
    expect(Math.abs(pair[0].length - pair[1].length)).toBeLessThanOrEqual(1);
    const doc = parseDocument([...clean.split('\n').slice(0, 4), ...pair, ...clean.split('\n').slice(4)].join('\n'));
    expect(doc.paragraphs.map((p) => p.flat)).toContain(pair.join(''));
    expect(announcementReport(doc)).toContainEqual(expect.objectContaining({ announced: 5, found: 5 }));
  });

  it('removes a page footer caught between the pieces', () => {
    const lines = clean.split('\n');
    const pieces = wrap(lines[4], 30).split('\n');
    pieces.splice(2, 0, '第 2 页 共 5 页');
    const damaged = [...lines.slice(0, 4), ...pieces, ...lines.slice(5)].join('\n');
    expect(fixText(damaged, { markdown: false, config: defaultConfig() }).text).toBe(clean);
  });

  it('leaves headings above their text, a title over its date, and a slogan in two lines alone', () => {
    const text = [
      '在全县秋季农业生产工作会议上的讲话稿全文',
      '（2024年9月20日）',
      '一、认清形势增强做好秋季生产工作的紧迫感和责任感',
      '今年以来，全县上下克服了多种不利因素的影响，粮食生产保持稳定。',
      '全县人民团结起来，高举旗帜，坚定信心，不怕困难，',
      '下定决心，排除万难，去争取更大的胜利！',
    ].join('\n');
    expect(codes(text, 'hard-wrap')).toHaveLength(0);
    // Rows of names of one width are a list, not a broken paragraph.
    const names = ['主席团成员：王建国　李卫东　张海燕　刘志强　陈晓明', '赵德胜　孙丽华　周建军　吴海波　郑国庆　冯志远　何平', '许文涛　韩立新　曹明辉　邓小军　彭立平　曾庆华　肖勇', '以上同志当选。'];
    expect(codes([clean, ...names].join('\n'), 'hard-wrap')).toHaveLength(0);
  });
});

describe('web-residue blocks', () => {
  it('a banner of several lines goes in one action, a lone line by itself', () => {
    const text = ['首页 > 讲话稿 > 会议讲话', '发布时间：2024-05-06 点击：88', '', '分享到：微信 微博', '同志们：', '今天召开会议，部署工作。', '相关热词搜索：会议 讲话'].join('\n');
    const found = codes(text, 'web-residue');
    const titles = found.map((d) => (d.data!.fixes as { title: string }[])[0].title);
    expect(titles).toEqual(['删除这一整块网页残留（3 行）', '删除这一整块网页残留（3 行）', '删除这一整块网页残留（3 行）', '删除该行']);
    const block = (found[1].data!.fixes as { range: { start: { line: number }; end: { line: number } } }[])[0].range;
    expect([block.start.line, block.end.line]).toEqual([0, 4]);
  });
});

describe('a forum page\'s hidden anti-copy junk', () => {
  // Discuz! hides junk at each line break of a post: 5–15 units of an ASCII mark, digit or space, a space, and
  // an ASCII letter or mark. Generated here by that grammar (a page's rendering may drop one of two spaces).
  const random = rng(47);
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const junk = () => {
    let s = '';
    for (let n = pick(5, 15); n > 0; n--) s += String.fromCharCode(pick(32, 59)) + ' ' + String.fromCharCode(pick(63, 126));
    return random() < 0.5 ? s.replace(/ {2}/g, ' ') : s;
  };
  const speech = [
    '在全市秋季防汛工作会议上的讲话',
    '同志们：',
    '今年汛期以来，全市降雨偏多，部分河道水位一度超过警戒线。下面，我讲两点意见。',
    '一、认清形势，克服麻痹思想',
    '各地要清醒认识防汛形势的复杂性，决不能有侥幸心理，要把困难估计得更充分一些，把措施考虑得更周密一些。',
    '二、压实责任，做好应急准备',
    '要落实值班值守制度，备足抢险物资，确保一旦出现险情，人员、物资、设备能够第一时间到位。',
  ];

  it('is found at a line\'s start or end, or as a line of its own, and nowhere it is not', () => {
    for (let k = 0; k < 200; k++) {
      // A line's start loses its spaces (a first unit may lose its own); in a line's end the junk stands as written.
      const written = junk();
      const j = written.trim();
      expect(copyJunk(j), j).toEqual({ lead: j.length, tail: j.length });
      expect(copyJunk(`${j}二、压实责任`), j).toEqual({ lead: j.length, tail: j.length + 6 });
      expect(copyJunk(`做好准备。${written.trimEnd()}`), written).toEqual({ lead: 0, tail: 5 });
      // The spaces after it are not the speech's; a bracket the line closes opens the speech's own label.
      expect(copyJunk(`${j}  同志们：`), j).toEqual({ lead: j.length + 2, tail: j.length + 6 });
      expect(copyJunk(`${j} [主持词]`), j).toEqual({ lead: j.length + 1, tail: j.length + 6 });
      // Cut at the page's (or excerpt's) end, its last unit having lost its letter: still the junk's.
      const cut = `做好准备。${written.trimEnd()}${'$%&'[k % 3]} `;
      expect(copyJunk(cut), cut).toEqual({ lead: 0, tail: 5 });
      // Two runs a page's text joined with a space are one line of junk.
      const two = `${j} ${junk().trim()}`;
      expect(copyJunk(two), two).toEqual({ lead: two.length, tail: two.length });
    }
    for (const line of ['- a b c d e', 'GDP 1 A 2 B 3 C', '要做到 1 2 3 4 5。', '示例：a b c d e f', '第一部分 总则', 'Hello, world: it is a test.', '同 志 们 ：', '1. A 2. B 3. C 4. D', 'A, B, C, D, E五个档次', '变量为 x, y, z, w, v'])
      expect(copyJunk(line), line).toEqual({ lead: 0, tail: line.length });
  });

  it('leaves a title above it a title, and the dash line under that title the title\'s', () => {
    // A title that does not read as a speech's (no 会议, no 讲话), junk, the title's source line, junk, the text.
    for (let k = 0; k < 20; k++) {
      const lines = ['谈谈基层调研的五个方法', junk(), `${junk().trim()}——摘自《秘书工作》第3期`, junk(), '调查研究是谋事之基、成事之道。基层干部怎样把调研做实，我的体会有五条，下面逐一来谈。', '一、带着问题下去'];
      expect([...parseDocument(lines.join('\n')).residueLines].sort(), lines.join('\n')).toEqual([1, 3]);
      // Without the source line: the title, junk, and a long first paragraph.
      const bare = ['谈谈基层调研的五个方法', junk(), '调查研究是谋事之基、成事之道。基层干部怎样把调研做实，我的体会有五条：带着问题下去，沉到一线去，听真话察实情，回头看落实，把经验变成制度。'];
      expect([...parseDocument(bare.join('\n')).residueLines], bare.join('\n')).toEqual([1]);
    }
  });

  it('leaves the speech read as without it: parts, residue, findings; the clean-up removes what sits on a line of speech', () => {
    const config = defaultConfig();
    const plain = speech.join('\n');
    const before = checkDocument(parseDocument(plain), { config }).map((d) => `${d.code} ${d.message}`);
    for (let k = 0; k < 30; k++) {
      const lines: string[] = [];
      const alone: number[] = [];
      for (const line of speech) {
        if (random() < 0.3) {
          alone.push(lines.length);
          lines.push(junk());
        }
        const where = random();
        lines.push(where < 0.3 ? junk() + line : where < 0.6 ? line + junk() : line);
      }
      const text = lines.join('\n');
      const doc = parseDocument(text);
      expect(announcementReport(doc).map((r) => [r.announced, r.found]), text).toEqual([[2, 2]]);
      expect([...doc.residueLines].sort((a, b) => a - b), text).toEqual(alone);
      const found = checkDocument(doc, { config });
      // Only the junk is reported: on a line of its own by web-residue, on a line of speech by conversion-residue.
      const others = found.filter((d) => d.code !== 'web-residue' && !(d.code === 'conversion-residue' && d.message.includes('干扰码')));
      expect(others.map((d) => `${d.code} ${d.message}`), text).toEqual(before);
      expect(found.filter((d) => d.code === 'web-residue' && d.message.includes('干扰码'))).toHaveLength(alone.length);
      const cleaned = fixText(text, { markdown: false, config }).text.split('\n').filter((_, i) => !alone.includes(i));
      expect(cleaned.join('\n')).toBe(plain);
    }
  });
});

describe('HTML a page\'s source or a converter left in the text', () => {
  const speech = [
    '在全县冬季安全生产工作会议上的讲话',
    '同志们：',
    '岁末年初是安全事故的易发期。下面，我讲三点意见。',
    '一、绷紧安全这根弦',
    '各地要把安全生产摆在更加突出的位置，决不能因为临近年底而有所松懈。',
    '二、抓住重点行业',
    '要盯紧道路交通、危化品、燃气和建筑施工，开展拉网式排查。',
    '三、压实各方责任',
    '要层层签订责任书，把责任落实到岗位、落实到人。',
  ];
  const config = defaultConfig();
  const plain = speech.join('\n');
  const before = checkDocument(parseDocument(plain), { config }).map((d) => `${d.code} ${d.message}`);
  // Ways pages and exports wrap a line: a paragraph tag, a styled one, a line break tag, a span, space entities.
  const wraps: ((line: string) => string)[] = [
    (l) => `<p>${l}</p>`,
    (l) => `<p style="text-indent:2em;line-height:150%">${l}</p>`,
    (l) => `${l}<br/>`,
    (l) => `<span lang="EN-US">${l}</span><o:p></o:p>`,
    (l) => `&nbsp;&nbsp;<P class=MsoNormal>${l}<BR>`,
    (l) => l,
  ];

  it('is stepped over for the speech\'s structure and findings, reported with a fix, and the clean-up gives the speech back', () => {
    const random = rng(53);
    for (let k = 0; k < 40; k++) {
      const lines = speech.map((l) => wraps[Math.floor(random() * wraps.length)](l));
      const styled = random() < 0.5;
      // A Word export's style rules: on a line of their own, or run into the first line of the speech.
      const styles = 'p.MsoNormal { margin: 0cm; font-size: 10.5pt; font-family: "宋体" } @page { size: 595.3pt 841.9pt }';
      if (styled) lines.splice(1, 0, styles);
      const text = lines.join('\n');
      const doc = parseDocument(text);
      expect(announcementReport(doc).map((r) => [r.announced, r.found]), text).toEqual([[3, 3]]);
      expect([...doc.residueLines], text).toEqual(styled ? [1] : []);
      const found = checkDocument(doc, { config });
      const others = found.filter((d) => d.code !== 'web-residue' && !(d.code === 'conversion-residue' && d.message.includes('HTML 代码')));
      expect(others.map((d) => `${d.code} ${d.message}`), text).toEqual(before);
      const marked = lines.filter((l, i) => l !== speech[i - (styled && i > 1 ? 1 : 0)] && !(styled && i === 1)).length;
      expect(found.filter((d) => d.code === 'conversion-residue'), text).toHaveLength(marked);
      const cleaned = fixText(text, { markdown: false, config }).text.split('\n').filter((_, i) => !(styled && i === 1));
      expect(cleaned.join('\n'), text).toBe(plain);
    }
    // Style rules run into a line of speech (a cut tag before them) go, and the words stay.
    const runIn = `l> @page { size: 8.27in 11.69in; margin-left: 1.25in } p { line-height: 115%; text-align: justify } ${speech[2]}`;
    const text = [speech[0], speech[1], runIn, ...speech.slice(3)].join('\n');
    expect(announcementReport(parseDocument(text)).map((r) => [r.announced, r.found])).toEqual([[3, 3]]);
    expect(fixText(text, { markdown: false, config }).text).toBe(plain);
  });

  it('reads a page\'s paragraphs joined on one line by its break tags one by one, and the clean-up writes the breaks back', () => {
    const random = rng(71);
    const joiners = ['<br>', '<BR/>', '<br />', '</p><p>', '</P> <P class=MsoNormal>', '<br><br>'];
    for (let k = 0; k < 20; k++) {
      const text = `<p>${speech.map((l, i) => (i ? joiners[Math.floor(random() * joiners.length)] : '') + l).join('')}</p>`;
      const doc = parseDocument(text);
      expect(announcementReport(doc).map((r) => [r.announced, r.found]), text).toEqual([[3, 3]]);
      const found = checkDocument(doc, { config }).filter((d) => d.code !== 'conversion-residue');
      expect(found.map((d) => `${d.code} ${d.message}`), text).toEqual(before);
      expect(fixText(text, { markdown: false, config }).text, text).toBe(plain);
    }
    // Tags that break nothing (a span, a bold run) stay inside their paragraph: the clean-up only removes them.
    const inline = speech.map((l) => l.replace('安全', '<span style="color:red">安全</span>')).join('\n');
    expect(announcementReport(parseDocument(inline)).map((r) => [r.announced, r.found])).toEqual([[3, 3]]);
    expect(fixText(inline, { markdown: false, config }).text).toBe(plain);
  });

  it('a Word export\'s style attribute left in the words without its tag is reported and removed; one declaration in a sentence is not', () => {
    const line = `${speech[4]}le=font-size:9pt;color:navy;mso-bidi-font-size: 12.0pt`;
    const text = [speech[0], speech[1], speech[2], speech[3], line, ...speech.slice(5)].join('\n');
    expect(codes(text, 'conversion-residue').map((d) => d.range.start.line)).toEqual([4]);
    expect(fixText(text, { markdown: false, config }).text).toBe(plain);
    for (const sentence of ['会标用红色，写成 color:red 也行。', '三个比例是 1:2:3，font 不用改。'])
      expect(codes([speech[0], speech[1], sentence].join('\n'), 'conversion-residue'), sentence).toEqual([]);
  });

  it('leaves what only looks like it alone: a field in angle brackets, a comparison, a template variable, and Markdown\'s own HTML', () => {
    // A line with an ampersand and a space at its end holds no markup (the space is not HTML code).
    expect(codes('同志们：\n今天研究A&B两项工作。 \n', 'conversion-residue')).toEqual([]);
    for (const line of ['请<会议名称>筹备组做好准备。', '当增速<5%时，要启动预案。', '欢迎{{姓名}}同志。', '把 a<b 写成小于号。', '一、p { 这是正文 }'])
      expect(codes([speech[0], speech[1], line].join('\n'), 'conversion-residue'), line).toEqual([]);
    const markdown = ['# 在全县冬季安全生产工作会议上的讲话', '', '<p align="center">（2024年12月5日）</p>', '', '同志们：', '', speech[4]].join('\n');
    const doc = parseDocument(markdown, { markdown: true });
    expect(checkDocument(doc, { config }).filter((d) => d.code === 'conversion-residue' || d.code === 'web-residue')).toEqual([]);
  });
});

describe('a document site\'s paragraph breaks turned into the letter Р', () => {
  // Some document sites' text exports write every paragraph break as the Cyrillic Р: one long line.
  const speech = [
    '在全镇秸秆禁烧工作会议上的讲话',
    '同志们：',
    '秋收在即，秸秆禁烧工作又到了关键时期。下面，我讲三点意见。',
    '一、提高认识，把禁烧工作摆上重要位置',
    '焚烧秸秆污染空气、危及交通，群众反映强烈，各村务必高度重视。',
    '二、疏堵结合，抓好秸秆综合利用',
    '要推广秸秆还田和饲料化利用，给秸秆找出路。',
    '三、严格考核，层层压实禁烧责任',
    '镇里将实行网格化管理，发现火点一律追责。',
  ];
  const config = defaultConfig();

  it('reads each stretch between two breaks as a paragraph, reports the breaks, and the clean-up writes them back', () => {
    const plain = speech.join('\n');
    const joined = speech.join('Р');
    const text = ['全文预览', '', '上传者:学无止境 | 格式:doc | 页数:3', '', joined].join('\n');
    const doc = parseDocument(text);
    expect(announcementReport(doc).map((r) => [r.announced, r.found])).toEqual([[3, 3]]);
    expect(doc.paragraphs.map((p) => p.flat).slice(-speech.length)).toEqual(speech);
    const found = codes(text, 'conversion-residue');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('8 处被文档网站转成字母“Р”的换行');
    expect([...doc.residueLines].sort()).toEqual([0, 2]);
    expect(fixText(joined, { markdown: false, config }).text).toBe(plain);
  });

  it('leaves Russian words alone', () => {
    const text = ['同志们：', '中俄友谊的象征“Россия”一词，意为俄罗斯。', '我们要加强交流合作。'].join('\n');
    expect(codes(text, 'conversion-residue')).toEqual([]);
    expect(parseDocument(text).paragraphs).toHaveLength(3);
  });
});

describe('a page\'s anti-copy mark slipped into a word', () => {
  it('a backtick between two Chinese characters is reported and removed; Markdown\'s code and Latin text keep theirs', () => {
    const config = defaultConfig();
    const text = '同志们：\n我们感受的是母校厚重的`文化底蕴。\n';
    const found = codes(text, 'conversion-residue');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('防复制');
    expect(fixText(text, { markdown: false, config }).text).toBe('同志们：\n我们感受的是母校厚重的文化底蕴。\n');
    expect(codes('同志们：\n运行`npm test`即可，变量a`b不动。\n', 'conversion-residue')).toEqual([]);
    expect(codes('同志们：\n用`中文`写的代码。\n', 'conversion-residue', true)).toEqual([]);
  });
});

describe('a PDF\'s page counter run into the text', () => {
  it('is reported where it stands, removed by the fix, and the sentences around it are joined again', () => {
    const config = defaultConfig();
    const text = '同志们：\n大会共有六项议程：一是听取报告；二是审议预算；第1页 共3页三是选举委员。\n';
    const found = codes(text, 'conversion-residue');
    expect(found).toHaveLength(1);
    expect(text.split('\n')[1].slice(found[0].range.start.character, found[0].range.end.character)).toBe('第1页 共3页');
    expect(found[0].message).toContain('页码');
    expect(fixText(text, { markdown: false, config }).text).toBe('同志们：\n大会共有六项议程：一是听取报告；二是审议预算；三是选举委员。\n');
    // Written with full-width digits and the total first.
    expect(codes('同志们：\n要抓好落实，共１２页第２页确保按期完成。\n', 'conversion-residue')).toHaveLength(1);
  });
  it('a counter alone on its line is web-residue\'s, and a speech\'s own pages are not a counter', () => {
    const alone = '同志们：\n今天召开这次会议。\n第2页共3页\n要抓好落实。\n';
    expect(codes(alone, 'conversion-residue')).toEqual([]);
    expect(codes(alone, 'web-residue')).toHaveLength(1);
    for (const speech of ['同志们：\n请大家翻到材料第3页，共有五条意见。\n', '同志们：\n这份报告共12页，第一部分讲形势。\n', '同志们：\n请看材料第1页\n共3页的附件会后再读。\n'])
      expect(codes(speech, 'conversion-residue')).toEqual([]);
  });
});

describe('a site\'s watermark printed into a flattened document', () => {
  const mark = '文稿之窗—范文天天更新 www.wengao-example.cn';
  it('is found at the line\'s start and inside a word, and the fix deletes exactly the mark', () => {
    const config = defaultConfig();
    const text = `${mark}在全镇防汛工作会议上的讲话同志们：今天召开会议，部署防汛工作。今年要确保完成全年目${mark}标任务，确保安全度汛。\n`;
    const found = codes(text, 'conversion-residue');
    expect(found.map((d) => text.slice(d.range.start.character, d.range.end.character))).toEqual([mark, mark]);
    expect(fixText(text, { markdown: false, config }).text).toBe('在全镇防汛工作会议上的讲话同志们：今天召开会议，部署防汛工作。今年要确保完成全年目标任务，确保安全度汛。\n');
  });
  it('inside a word with no clear copy elsewhere, the name is taken as four characters and no more', () => {
    const text = '同志们：\n要全面完成规划目文稿之窗—范文天天更新www.wengao-example.cn标任务。\n';
    const found = codes(text, 'conversion-residue');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('“文稿之窗—范文天天更新www.wengao-example.cn”');
  });
  it('a speech that gives a web address is not a watermark', () => {
    for (const speech of ['同志们：\n详情请登录市政府网站www.example.gov.cn查询。\n', '同志们：\n市民可通过“城市服务—政务公开”栏目或 www.example.gov.cn 了解进展。\n'])
      expect(codes(speech, 'conversion-residue')).toEqual([]);
  });
});

describe('a page\'s labels run into a speech\'s line', () => {
  it('a document number opening the line and a word count after the title are reported and deleted, nothing else', () => {
    const config = defaultConfig();
    const text = '编号:820417365在全县春季防火工作会议上的讲话 (本页约3200+字)\n同志们：\n今天召开会议，部署春季防火工作。\n';
    const found = codes(text, 'conversion-residue');
    expect(found.map((d) => d.message)).toEqual(['转换残留：“编号:820417365”是网页的文档编号，不是讲话内容。', '转换残留：“(本页约3200+字)”是网页的字数标注，不是讲话内容。']);
    expect(fixText(text, { markdown: false, config }).text.split('\n')[0]).toBe('在全县春季防火工作会议上的讲话');
  });
  it('a site\'s template tag left in the words ([标签:标题]) is reported and deleted; a bracketed word of the speech is not', () => {
    const config = defaultConfig();
    const text = '在全县春季防火工作会议上的讲话 [标签:标题] 同志们：今天召开会议，部署春季防火工作。\n';
    expect(codes(text, 'conversion-residue').map((d) => d.message)).toEqual(['转换残留：“[标签:标题]”是网页的模板标签，不是讲话内容。']);
    expect(fixText(text, { markdown: false, config }).text.split('\n')[0]).toBe('在全县春季防火工作会议上的讲话 同志们：今天召开会议，部署春季防火工作。');
    expect(codes('同志们：\n要给先进典型贴上【标兵】的标签，大力宣传。\n', 'conversion-residue')).toEqual([]);
  });

  it('a field label in a line the page flattened (… 文章标题:…) is reported and deleted; 标题： in a sentence is not', () => {
    const config = defaultConfig();
    const text = '在全县春季防火工作会议上的讲话 文章标题:在全县春季防火工作会议上的讲话 同志们：今天召开会议，部署春季防火工作。\n';
    expect(codes(text, 'conversion-residue').map((d) => d.message)).toEqual(['转换残留：“文章标题:”是网页的字段标签，不是讲话内容。']);
    expect(fixText(text, { markdown: false, config }).text).not.toContain('文章标题');
    expect(codes('同志们：\n这次征文的标题：奋进新时代。请大家踊跃投稿。\n', 'conversion-residue')).toEqual([]);
  });

  it('a speech\'s own numbers and counts are not labels', () => {
    for (const speech of ['同志们：\n编号为820417365的文件已经下发。\n', '同志们：\n这份报告约3200字，请大家会后细读。\n', '同志们：\n今年共编号登记12000户。\n', '同志们：\n请查阅文件编号：820417365。\n'])
      expect(codes(speech, 'conversion-residue')).toEqual([]);
  });
});

describe('a paywall\'s notice where a site cut a passage out', () => {
  it('is pointed out with no fix (the passage is lost), also in a traditional page with its pinyin glosses', () => {
    const config = defaultConfig();
    const text = '同志们：\n今年以来，全县上下攻坚克难，……(某某文秘网 https://www.example.cn 省略512字,正式会员可完整阅读)…… 各项工作取得了新的进展。\n';
    const found = codes(text, 'conversion-residue');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('缺了原文的一段');
    expect(found[0].message).toContain('省略512字');
    expect(fixText(text, { markdown: false, config }).text).toContain('省略512字');
    expect(codes('同志們：\n全縣上下攻堅克難，……(某某文網(wǎng)http://m.example.com省略300字,正式會(huì)員可完整閱讀)……各項工作取得新進展。\n', 'conversion-residue').filter((d) => d.message.includes('付费墙'))).toHaveLength(1);
  });
  it('a speech\'s own words about leaving something out are not one', () => {
    for (const speech of ['同志们：\n每一个环节都不能省略，每一项数字都要核准。\n', '同志们：\n报告全文一万二千字，这里我省略一些数字，只讲三点。\n'])
      expect(codes(speech, 'conversion-residue')).toEqual([]);
  });
});

describe('a document site\'s preview, its pages numbered 1、 2、 3、', () => {
  // Each page's text is one long paragraph under its number; a page may end mid-word, the next going on with it.
  const page1 = '1、在全区消防安全工作会议上的讲话 同志们：入冬以来，火灾风险明显上升，个别乡镇接连发生民房火灾，教训十分深刻。今天召开这次会议，就是要把冬季消防安全工作再动员、再部署。下面，我讲三点意见。 一、认清形势，切实增强做好消防工作的责任';
  const page2 = '2、感和紧迫感。消防安全事关群众生命财产安全，事关经济发展和社会稳定，各级各部门务必把这项工作放在心上、抓在手上，决不能麻痹大意。 二、突出重点，全面排查整治各类火灾隐患。要盯住人员密集场所、老旧小区、出租房屋和小作坊，逐一登记、逐户检查。';
  const page3 = '3、三、压实责任，确保各项措施落到实处。要严格落实属地管理责任、部门监管责任和单位主体责任，层层签订责任书，把责任落实到每一个岗位、每一名责任人，对工作不力的要严肃追责。同志们，做好冬季消防工作责任重大，大家一定要齐心协力，确保全区火灾形势平稳。';

  it('reads the numbers as the site\'s, not as the speech\'s parts', () => {
    const text = ['资源描述', page1, '', page2, '', page3].join('\n');
    const found = checkDocument(parseDocument(text), { config: defaultConfig() });
    expect(found.filter((d) => /^(heading|numbering)/.test(d.code)).map((d) => d.message)).toEqual([]);
  });

  it('the last page shown may be short, cut off by the preview, and begin at a comma', () => {
    const last = '3、、层层签订责任书，把责任落实到每一个岗位';
    const text = ['资源描述', page1, '', page2.replace(/。[^。]*$/, '，要严格落实属地管理责任'), '', last].join('\n');
    const found = checkDocument(parseDocument(text), { config: defaultConfig() });
    expect(found.filter((d) => /^(heading|numbering)/.test(d.code)).map((d) => d.message)).toEqual([]);
  });

  it('leaves a speech\'s own 1、 2、 paragraphs, each a whole sentence, its parts', () => {
    const own = [page1, page2, page3].map((p) => p.replace(/[^。]*$/, ''));
    const doc = parseDocument(['同志们：', '今年要办好三件事。', ...own].join('\n'));
    const hierarchy = checkDocument(doc, { config: defaultConfig() }).filter((d) => d.code === 'heading-hierarchy');
    expect(hierarchy.map((d) => d.message)).toEqual(['序号“1、”标点不当，应为“1.”。', '序号“2、”标点不当，应为“2.”。', '序号“3、”标点不当，应为“3.”。']);
  });
});

describe('what a page prints beside the speech: a translation, a loader, advice about browsers', () => {
  const residueLines = (text: string) => codes(text, 'web-residue').map((d) => d.range.start.line);
  const english =
    'The meeting summed up the work of the autumn harvest, analysed the situation we face and set out the key tasks for the next stage, and every township reported on its progress.';

  it('a line of English prose under a Chinese text is the site’s translation', () => {
    expect(residueLines(`${clean}\n${english}`)).toEqual([clean.split('\n').length]);
  });

  it('a short English phrase, a text in English, or English on as many lines as the Chinese is not', () => {
    expect(residueLines(`${clean}\nThank you very much for your kind attention.`)).toEqual([]);
    expect(residueLines([english, english, english].join('\n'))).toEqual([]);
    expect(residueLines(`同志们：今天我们开会，部署秋收秋种工作。\n${english}\n${english}`)).toEqual([]);
  });

  it('a news site’s footer: its tip line and its reprint notice', () => {
    const text = `${clean}\n新闻热线报料：0571-1234567 本网站，未经授权不得转载\n本文未经许可，一律不得转载。`;
    const n = clean.split('\n').length;
    expect(residueLines(text)).toEqual([n, n + 1]);
  });

  it('an advert’s line with its button (…写作神器！立即了解) is the page’s; a heading saying 立即 is not', () => {
    expect(residueLines(`公文高手，超级方便的写作神器！立即了解\n${clean}`)).toEqual([0]);
    expect(residueLines(`新版上线，马上体验\n${clean}`)).toEqual([0]);
    expect(residueLines(`${clean}\n（一）发现险情要立即报告`)).toEqual([]);
    expect(residueLines(`${clean}\n各单位要立即了解灾情，及时上报。`)).toEqual([]);
  });

  it('a collection page numbering its speeches with a bare numeral on a line (一 / 二) is the page’s; 一、 with words is a heading', () => {
    const text = `一\n${clean}\n二\n${clean}`;
    const n = clean.split('\n').length;
    expect(residueLines(text)).toEqual([0, n + 1]);
    expect(residueLines(`${clean}\n一、提高认识`)).toEqual([]);
  });

  it('a WeChat footer’s 网站编辑 alone on its line is the page’s', () => {
    expect(residueLines(`${clean}\n微信订阅号\n网站编辑`)).toEqual([clean.split('\n').length, clean.split('\n').length + 1]);
  });

  it('a document site’s widgets under the speech (精品推荐, 最新文章, 相关搜索, 更多 >>, 复制全文, word count and reading time, tags, uploader) are the page’s', () => {
    const widgets = ['精品推荐', '最新文章', '点击复制全文', '全文共计2031字，预计阅读时间6分钟', '猜你感兴趣：', '【本文标签】讲话稿', '上传者：张三', '相关搜索', '更多 >>'];
    const n = clean.split('\n').length;
    expect(residueLines(`${clean}\n${widgets.join('\n')}`)).toEqual(widgets.map((_, k) => n + k));
    expect(residueLines(`${clean}\n各单位要把最新文章精神传达下去。\n要复制全文发给大家。`)).toEqual([]);
  });

  it('a page’s category, reprint source and END mark are the page’s; 分类指导： in the speech is not', () => {
    expect(residueLines(`分类：讲话稿\n转自：某某网\n${clean}\n——END——`)).toEqual([0, 1, clean.split('\n').length + 2]);
    expect(residueLines(`${clean}\n分类指导：要因地制宜，不搞一刀切。`)).toEqual([]);
  });

  it('a news photo’s caption with its credit (…发言。记者 张三 李四 摄) is the page’s; a sentence about a reporter is not', () => {
    expect(residueLines(`张代表在分组会议上发言。记者 王小明 李华 摄\n${clean}`)).toEqual([0]);
    expect(residueLines(`${clean}\n我们要感谢记者同志们的辛勤工作，他们用镜头记录了这一切。`)).toEqual([]);
  });

  it('a page’s loader and its advice to change browsers are the page’s', () => {
    const text = `${clean}\nLoading...\n加载中…\n如打不开，请尝试更换Firefox或Chrome浏览器。`;
    const n = clean.split('\n').length;
    expect(residueLines(text)).toEqual([n, n + 1, n + 2]);
  });
});

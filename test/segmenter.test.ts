import { afterAll, describe, expect, it } from 'vitest';
// The compiled module: it forks its compiled child script beside it.
import { BackgroundSegmenter } from '../server/out/segmenter/background';

const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return cond();
};

describe('the segmenter child process', () => {
  const states: string[] = [];
  const seg = new BackgroundSegmenter((state) => states.push(state));
  afterAll(() => seg.stop());

  it('a killed segmenter is restarted and answers again; the drafter is told only if it gives up', async () => {
    seg.start([]);
    expect(await until(() => seg.state === 'ready', 30000)).toBe(true);
    const before = seg.pid!;
    process.kill(before, 'SIGKILL');
    expect(await until(() => seg.state === 'ready' && seg.pid !== undefined && seg.pid !== before, 30000)).toBe(true);
    const tagger = await seg.segmenterFor(['我们要抓好工作工作']);
    expect(tagger.tag('我们要抓好工作工作').map((t) => t.word).join('')).toBe('我们要抓好工作工作');
    expect(states).not.toContain('failed');
  }, 70000);
});

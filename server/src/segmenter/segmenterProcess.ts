// Child process that owns nodejieba, so that its slow load and its memory
// stay out of the language server, and a crash in it cannot take the server down.

import { loadJieba, validSegmenterWord } from './jieba';
import type { Segmenter } from '../core/rule';

let segmenter: Segmenter | null = null;

process.on('message', (msg: { type: string; id?: number; words?: string[]; texts?: string[] }) => {
  if (msg.type === 'load') {
    const r = loadJieba(msg.words ?? []);
    if (r.ok) {
      segmenter = r.segmenter;
      process.send!({ type: 'ready', ms: r.ms });
    } else process.send!({ type: 'failed', reason: r.reason });
  } else if (msg.type === 'words') {
    // Team terms added after start: nodejieba keeps them whole from now on.
    if (segmenter?.insertWord) for (const w of msg.words ?? []) if (validSegmenterWord(w)) segmenter.insertWord(w);
  } else if (msg.type === 'tag') {
    try {
      const tags = (msg.texts ?? []).map((t) => segmenter!.tag(t));
      process.send!({ type: 'tags', id: msg.id, tags });
    } catch (e) {
      process.send!({ type: 'tags', id: msg.id, error: (e as Error).message });
    }
  }
});
process.on('disconnect', () => process.exit(0));

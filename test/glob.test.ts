import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../server/src/lsp/glob';

describe('workspace globs', () => {
  it.each([
    ['**/*.{txt,md,speech}', 'drafts/2024/a.md', true],
    ['**/*.{txt,md,speech}', 'a.speech', true],
    ['**/*.{txt,md,speech}', 'a.docx', false],
    ['**/node_modules', 'x/node_modules', true],
    ['old/**', 'old/a/b.txt', true],
    ['old/**', 'older/a.txt', false],
    ['drafts/*.txt', 'drafts/sub/a.txt', false],
    ['**/.git', '.git', true],
  ])('%s matches %s: %s', (glob, file, want) => {
    expect(globToRegExp(glob).test(file)).toBe(want);
  });
});

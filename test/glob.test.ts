import { describe, expect, it } from 'vitest';
import { globMatcher } from '../server/src/lsp/glob';

describe('workspace globs', () => {
  it.each([
    ['**/*.{txt,md,speech}', 'drafts/2024/a.md', true],
    ['**/*.{txt,md,speech}', 'a.speech', true],
    ['**/*.{txt,md,speech}', 'a.docx', false],
    ['**/node_modules', 'x/node_modules', true],
    ['old/**', 'old/a/b.txt', true],
    ['old/**', 'old', true],
    ['old/**', 'older/a.txt', false],
    ['drafts/*.txt', 'drafts/sub/a.txt', false],
    ['**/.git', '.git', true],
    ['drafts/[0-9]*.txt', 'drafts/2024.txt', true],
    ['drafts/[0-9]*.txt', 'drafts/a2024.txt', false],
  ])('%s matches %s: %s', (glob, file, want) => {
    expect(globMatcher(glob)(file)).toBe(want);
  });

  it('an unclosed brace neither hangs nor matches everything', () => {
    const match = globMatcher('{abc');
    expect(match('abc')).toBe(false);
    expect(match('{abc')).toBe(true);
  });
});

// Globs of workspace scans (jianggao.placeholders.include, files.exclude, ignore
// lists), matched with picomatch as VS Code users write them: **, *, ?, {a,b},
// [0-9]; `dir/**` matches the folder too. A malformed glob matches literally and
// never hangs. Paths use '/'.

import picomatch from 'picomatch';

export type PathMatcher = (path: string) => boolean;

export function globMatcher(glob: string): PathMatcher {
  try {
    const match = picomatch(glob, { dot: true });
    return (p) => match(p);
  } catch {
    // A pattern picomatch cannot read matches nothing rather than everything.
    return () => false;
  }
}

// Folders the tests make under the system's temp folder, removed when the test file's tests end
// (each test file loads its own copy of this module). A run used to leave about 60 behind, and
// machines that keep /tmp filled up with them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

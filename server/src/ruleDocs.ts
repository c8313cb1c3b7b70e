// Each rule's page, docs/rules/<id>.md (generated from its metadata), as it ships
// beside the compiled sources or the bundle. Diagnostics, SARIF and rdjson link to it.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let rulesDir: string | null | undefined;
// Asked once per diagnostic (thousands in a compilation): each rule's address is made once.
const uris = new Map<string, string | undefined>();

export function ruleDocUri(id: string): string | undefined {
  if (uris.has(id)) return uris.get(id);
  if (rulesDir === undefined) {
    rulesDir = null;
    for (let dir = __dirname, k = 0; k < 5; k++, dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'docs', 'rules'))) {
        rulesDir = path.join(dir, 'docs', 'rules');
        break;
      }
    }
  }
  const uri = rulesDir ? pathToFileURL(path.join(rulesDir, `${id}.md`)).toString() : undefined;
  uris.set(id, uri);
  return uri;
}

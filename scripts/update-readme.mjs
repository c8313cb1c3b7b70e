// Rewrites the rule table in README.md from the rules' metadata (npm run docs).
import { execFileSync } from 'child_process';
import * as fs from 'fs';

const table = execFileSync(process.execPath, ['server/out/cli.js', 'rules'], { encoding: 'utf8' }).trim();
const readme = fs.readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md has no rule table markers');
fs.writeFileSync('README.md', readme.slice(0, i + start.length) + '\n' + table + '\n' + readme.slice(j));
console.log('README.md rule table updated');

// The config schema lists the rule ids, so VS Code completes them in .jianggao.json.
const rules = JSON.parse(execFileSync(process.execPath, ['server/out/cli.js', 'rules', '--format', 'json'], { encoding: 'utf8' }));
const schemaFile = 'schemas/jianggao.schema.json';
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const setting = schema.properties.rules.additionalProperties;
schema.properties.rules.properties = Object.fromEntries(rules.map((r) => [r.id, { ...setting, description: `${r.title}（默认 ${r.defaultSeverity}）` }]));
fs.writeFileSync(schemaFile, JSON.stringify(schema, null, 2) + '\n');
console.log('schemas/jianggao.schema.json rule ids updated');

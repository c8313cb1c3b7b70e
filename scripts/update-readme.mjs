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

// One page per rule, from the same metadata: diagnostics link to these (codeDescription).
const SEVERITY_ZH = { error: '错误', warning: '警告', information: '信息', hint: '提示（不进问题面板）' };
fs.mkdirSync('docs/rules', { recursive: true });
for (const f of fs.readdirSync('docs/rules')) if (f.endsWith('.md')) fs.unlinkSync(`docs/rules/${f}`);
for (const r of rules) fs.writeFileSync(`docs/rules/${r.id}.md`, rulePage(r));
fs.writeFileSync('docs/rules/README.md', ['# 规则', '', '由各规则的元数据生成（`npm run docs`），勿手改。', '', ...rules.map((r) => `- [\`${r.id}\`](${r.id}.md)：${r.title}`), ''].join('\n'));
console.log(`docs/rules: ${rules.length} pages written`);

export function rulePage(r) {
  const lines = [`# \`${r.id}\`：${r.title}`, '', r.description, '', `- 默认级别：${SEVERITY_ZH[r.defaultSeverity]}`];
  if (r.norm) lines.push(`- 依据：${r.norm.name}（${r.norm.since} 起施行；此前日期的讲话不按它检查）`);
  if (r.needsSegmenter) lines.push('- 需要分词（nodejieba 加载后运行）');
  if (r.options) lines.push(`- 选项：${Object.entries(r.options).map(([k, v]) => `\`${k}\` = \`${JSON.stringify(v)}\``).join('，')}`);
  lines.push('', '## 配置', '', '```json', JSON.stringify({ rules: { [r.id]: r.options ? { severity: r.defaultSeverity, ...r.options } : r.defaultSeverity } }, null, 2), '```', '', `在一处停用：\`<!-- jianggao-disable-next-line ${r.id} -->\`。`, '');
  return lines.join('\n');
}

// The README's rule table, generated from the rules' metadata.

import { RULES } from './core';

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

export function ruleTableMarkdown(): string {
  const rows = RULES.map((r) => {
    const m = r.meta;
    const opts = m.options ? Object.entries(m.options).map(([k, v]) => `\`${k}\`=${JSON.stringify(v)}`).join('，') : '';
    return `| \`${m.id}\` | ${m.title} | ${SEVERITY_ZH[m.defaultSeverity]} | ${m.description}${opts ? `（选项：${opts}）` : ''} |`;
  });
  return ['| 规则 | 名称 | 默认级别 | 说明 |', '|---|---|---|---|', ...rows].join('\n');
}

// Output for CI and review tools: SARIF 2.1.0, reviewdog's rdjson and GitHub
// workflow commands, and the CLI's own text lines. Positions: LSP's 0-based lines and UTF-16 columns in, each
// format's own convention out (SARIF, GitHub and the text lines 1-based).

import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES } from './core';
import { ruleDocUri } from './ruleDocs';
import type { Diagnostic } from './core';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

const SARIF_LEVEL = ['none', 'error', 'warning', 'note', 'note'] as const;
const RDJSON_SEVERITY = ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO', 'INFO'] as const;
const GITHUB_COMMAND = ['notice', 'error', 'warning', 'notice', 'notice'] as const;
const TEXT_SEVERITY = ['', 'error', 'warning', 'info', 'hint'] as const;

/**
 * One finding as the CLI's text output writes it: `path:line:column: severity rule message`. A Word draft has no
 * lines: given its paragraphs, the line names the paragraph and quotes its opening.
 */
export function textLine(file: string, d: Diagnostic, paragraphs?: string[]): string {
  const { line, character } = d.range.start;
  const where = paragraphs ? `第 ${line + 1} 段第 ${character + 1} 字` : `${line + 1}:${character + 1}`;
  const quote = paragraphs ? `（“${quoteOf(paragraphs[line] ?? '')}”）` : '';
  return `${file}:${where}: ${TEXT_SEVERITY[d.severity]} ${d.code} ${d.message}${quote}\n`;
}

const quoteOf = (paragraph: string) => (paragraph.length > 24 ? `${paragraph.slice(0, 24)}…` : paragraph);


export function toSarif(reports: FileReport[], version: string): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.meta.title },
    fullDescription: { text: r.meta.description },
    helpUri: ruleDocUri(r.meta.id),
    defaultConfiguration: { level: SARIF_LEVEL[{ error: 1, warning: 2, information: 3, hint: 4 }[r.meta.defaultSeverity]] },
  }));
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const results: Result[] = reports.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(f.path) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'jianggao', version, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
}

function relativeUri(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? pathToFileURL(file).toString() : rel.split(path.sep).map(encodeURIComponent).join('/');
}

/** reviewdog's Diagnostic Format (rdjson): 1-based lines and columns. */
export function toRdjson(reports: FileReport[]): unknown {
  return {
    source: { name: 'jianggao' },
    diagnostics: reports.flatMap((f) =>
      f.diagnostics.map((d) => ({
        message: d.message,
        location: {
          path: path.relative(process.cwd(), f.path) || f.path,
          range: { start: { line: d.range.start.line + 1, column: d.range.start.character + 1 }, end: { line: d.range.end.line + 1, column: d.range.end.character + 1 } },
        },
        severity: RDJSON_SEVERITY[d.severity],
        code: { value: d.code, url: ruleDocUri(d.code) },
      })),
    ),
  };
}

/** GitHub Actions workflow commands: one annotation a line; data and properties escaped as GitHub asks. */
export function toGithub(reports: FileReport[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return reports
    .flatMap((f) =>
      f.diagnostics.map((d) => {
        const file = path.relative(process.cwd(), f.path) || f.path;
        const props = [`file=${prop(file)}`, `line=${d.range.start.line + 1}`, `col=${d.range.start.character + 1}`, `endLine=${d.range.end.line + 1}`, `endColumn=${d.range.end.character + 1}`, `title=${prop(`讲稿 ${d.code}`)}`];
        return `::${GITHUB_COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}`;
      }),
    )
    .join('\n');
}

// Effective configuration: defaults, then the project's .jianggao.json, then editor settings.

import type { Severity } from './rule';

export type RuleSetting = Severity | 'off' | ({ severity?: Severity | 'off' } & Record<string, unknown>);

export interface JianggaoConfig {
  rules: Record<string, RuleSetting>;
  placeholders: { extraPatterns: string[]; exclusions: string[] };
  /** Team dictionaries (absolute paths) and phrases a team switched off. */
  stockPhrases: { dictionaries: string[]; disabled: string[] };
  /** Snippet library files or folders (absolute paths). */
  snippetLibraries: string[];
  /** Per rule, phrases or exact matches a team accepted (不再提示). */
  allow?: Record<string, string[]>;
  /** The date the speech is given (YYYY-MM-DD), for norms and outdated formulations; found in the text when unset. */
  speechDate?: string;
  /** gitignore-style patterns of files the CLI and the workspace scan pass over (besides .jianggaoignore). */
  ignore?: string[];
}

export function defaultConfig(): JianggaoConfig {
  return { rules: {}, placeholders: { extraPatterns: [], exclusions: [] }, stockPhrases: { dictionaries: [], disabled: [] }, snippetLibraries: [] };
}

export function severityFor(config: JianggaoConfig, id: string, fallback: Severity): Severity | 'off' {
  const s = config.rules[id];
  if (s === undefined) return fallback;
  if (typeof s === 'string') return s;
  return s.severity ?? fallback;
}

export function optionsFor(config: JianggaoConfig, id: string): Record<string, unknown> {
  const s = config.rules[id];
  return s && typeof s === 'object' ? s : {};
}

/** A shared package's config under a project's own: the project wins, lists add up. */
export function mergeConfigs(base: JianggaoConfig, local: JianggaoConfig): JianggaoConfig {
  return {
    rules: { ...base.rules, ...local.rules },
    placeholders: {
      extraPatterns: [...base.placeholders.extraPatterns, ...local.placeholders.extraPatterns],
      exclusions: [...base.placeholders.exclusions, ...local.placeholders.exclusions],
    },
    stockPhrases: {
      dictionaries: [...base.stockPhrases.dictionaries, ...local.stockPhrases.dictionaries],
      disabled: [...base.stockPhrases.disabled, ...local.stockPhrases.disabled],
    },
    snippetLibraries: [...base.snippetLibraries, ...local.snippetLibraries],
    speechDate: local.speechDate ?? base.speechDate,
    allow: mergeAllow(base.allow, local.allow),
    ...(base.ignore || local.ignore ? { ignore: [...(base.ignore ?? []), ...(local.ignore ?? [])] } : {}),
  };
}

function mergeAllow(a?: Record<string, string[]>, b?: Record<string, string[]>): Record<string, string[]> | undefined {
  if (!a && !b) return undefined;
  const out: Record<string, string[]> = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b ?? {})) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

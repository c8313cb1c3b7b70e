// Editor settings (jianggao.*) merged under the project's .jianggao.json:
// the team's file wins over a drafter's personal settings.

import type { JianggaoConfig } from '../core';
import { parseConfigText } from '../projectConfig';

export interface Settings {
  rules?: Record<string, unknown>;
  placeholders?: { extraPatterns?: string[]; exclusions?: string[]; include?: string };
  languages?: string[];
  stockPhrases?: { dictionaries?: string[]; disabled?: string[] };
}

export function mergeSettings(project: JianggaoConfig, settings: Settings, workspaceDir?: string): JianggaoConfig {
  // Settings go through the same validation as the project file; invalid entries are dropped.
  const { config: fromSettings } = parseConfigText(
    JSON.stringify({
      rules: settings.rules ?? {},
      placeholders: { extraPatterns: settings.placeholders?.extraPatterns ?? [], exclusions: settings.placeholders?.exclusions ?? [] },
      stockPhrases: { dictionaries: settings.stockPhrases?.dictionaries ?? [], disabled: settings.stockPhrases?.disabled ?? [] },
    }),
    workspaceDir,
  );
  return {
    rules: { ...fromSettings.rules, ...project.rules },
    placeholders: {
      extraPatterns: [...fromSettings.placeholders.extraPatterns, ...project.placeholders.extraPatterns],
      exclusions: [...fromSettings.placeholders.exclusions, ...project.placeholders.exclusions],
    },
    stockPhrases: {
      dictionaries: [...fromSettings.stockPhrases.dictionaries, ...project.stockPhrases.dictionaries],
      disabled: [...fromSettings.stockPhrases.disabled, ...project.stockPhrases.disabled],
    },
  };
}

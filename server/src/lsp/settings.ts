// Editor settings (jianggao.*) merged under the project's .jianggao.json:
// the team's file wins over a drafter's personal settings.

import { JianggaoConfig, mergeConfigs } from '../core';
import { DEFAULT_SNIPPET_LIBRARY, parseConfigText } from '../projectConfig';

export interface Settings {
  rules?: Record<string, unknown>;
  placeholders?: { extraPatterns?: string[]; exclusions?: string[]; include?: string };
  languages?: string[];
  stockPhrases?: { dictionaries?: string[]; disabled?: string[] };
  snippetLibraries?: string[];
  /** Characters a minute, for speaking time. */
  speakingPace?: number;
  /** Folders outside the workspace that team data may be read from (user settings only). */
  allowedPaths?: string[];
}

export function mergeSettings(project: JianggaoConfig, settings: Settings, workspaceDir?: string): JianggaoConfig {
  // Settings go through the same validation as the project file; invalid entries are dropped.
  const { config: fromSettings } = parseConfigText(
    JSON.stringify({
      rules: settings.rules ?? {},
      placeholders: { extraPatterns: settings.placeholders?.extraPatterns ?? [], exclusions: settings.placeholders?.exclusions ?? [] },
      stockPhrases: { dictionaries: settings.stockPhrases?.dictionaries ?? [], disabled: settings.stockPhrases?.disabled ?? [] },
      snippetLibraries: settings.snippetLibraries ?? [DEFAULT_SNIPPET_LIBRARY],
    }),
    workspaceDir,
  );
  return mergeConfigs(fromSettings, project);
}

// .jianggao.json: the project config that travels with the drafts. Errors never
// throw: they are reported, and what is broken falls back to the defaults.

import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig, JianggaoConfig, RULES } from './core';

export const CONFIG_FILE = '.jianggao.json';
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export interface ConfigResult {
  config: JianggaoConfig;
  file: string | null;
  errors: string[];
}

export function findConfigFile(fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Loads the config file that applies to drafts in fromDir (or an explicit one). */
export function loadProjectConfig(explicit: string | null, fromDir: string): ConfigResult {
  const file = explicit ?? findConfigFile(fromDir);
  if (!file) return { config: defaultConfig(), file: null, errors: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { config: defaultConfig(), file, errors: [`无法读取配置文件：${(e as Error).message}`] };
  }
  return { ...parseConfigText(text, path.dirname(file)), file };
}

/** Parses .jianggao.json text; relative paths in it resolve against baseDir. */
export function parseConfigText(text: string, baseDir = process.cwd()): { config: JianggaoConfig; errors: string[] } {
  const config = defaultConfig();
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { config, errors: [`配置文件不是有效的 JSON（${(e as Error).message}），已使用默认设置`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config, errors: ['配置文件应是一个 JSON 对象，已使用默认设置'] };
  const obj = raw as Record<string, unknown>;
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object') errors.push('“rules”应是对象，已忽略');
    else
      for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULES.some((r) => r.meta.id === id)) {
          errors.push(`未知规则“${id}”，已忽略`);
          continue;
        }
        const severity = typeof setting === 'string' ? setting : (setting as { severity?: unknown })?.severity;
        if (typeof setting !== 'string' && (typeof setting !== 'object' || setting === null)) {
          errors.push(`规则“${id}”的设置应是级别字符串或对象，已忽略`);
          continue;
        }
        if (severity !== undefined && !SEVERITIES.includes(severity as string)) {
          errors.push(`规则“${id}”的级别“${String(severity)}”无效（可用：${SEVERITIES.join('、')}），已忽略`);
          continue;
        }
        config.rules[id] = setting as JianggaoConfig['rules'][string];
      }
  }
  const ph = obj.placeholders as Record<string, unknown> | undefined;
  if (ph !== undefined) {
    for (const key of ['extraPatterns', 'exclusions'] as const) {
      const list = ph?.[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        errors.push(`“placeholders.${key}”应是字符串数组，已忽略`);
        continue;
      }
      for (const source of list) {
        try {
          new RegExp(String(source), 'u');
          config.placeholders[key].push(String(source));
        } catch (e) {
          errors.push(`“placeholders.${key}”中的正则表达式“${String(source)}”无效：${(e as Error).message}`);
        }
      }
    }
  }
  const sp = obj.stockPhrases as Record<string, unknown> | undefined;
  if (sp !== undefined) {
    if (!sp || typeof sp !== 'object') errors.push('“stockPhrases”应是对象，已忽略');
    else {
      for (const key of ['dictionaries', 'disabled'] as const) {
        const list = sp[key];
        if (list === undefined) continue;
        if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
          errors.push(`“stockPhrases.${key}”应是字符串数组，已忽略`);
          continue;
        }
        config.stockPhrases[key] = key === 'dictionaries' ? list.map((f: string) => path.resolve(baseDir, f)) : list;
      }
    }
  }
  return { config, errors };
}

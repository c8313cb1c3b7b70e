// .jianggao.json: the project config that travels with the drafts. Errors never
// throw: they are reported, and what is broken falls back to the defaults.

import * as fs from 'fs';
import * as path from 'path';
import { compileUserPattern } from './core/userPattern';
import { readDataFile } from './resources';
import { containConfig, isWithin } from './containment';
import { defaultConfig, JianggaoConfig, mergeConfigs, RULES } from './core';

export const CONFIG_FILE = '.jianggao.json';
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
// Rules merged into another: a setting of the old id is named, not silently lost.
const RETIRED_RULES: Record<string, string> = { 'ordinal-mix': 'numbering-sequence' };

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

export const DEFAULT_SNIPPET_LIBRARY = path.join('.jianggao', 'snippets');
const MAX_EXTENDS_DEPTH = 16;

/** Loads the config file that applies to drafts in fromDir (or an explicit one), with what it extends. */
export function loadProjectConfig(explicit: string | null, fromDir: string, allowedRoots: string[] = []): ConfigResult {
  const file = explicit ?? findConfigFile(fromDir);
  if (!file) return { config: defaultConfig(), file: null, errors: [] };
  // The same guard as every other team file: a regular file, size first.
  const read = readDataFile(file);
  if (!read.ok) return { config: defaultConfig(), file, errors: [`无法读取配置文件：${read.reason}`] };
  const loaded = configFromText(read.text, path.dirname(file), new Set(), [path.dirname(file), ...allowedRoots]);
  // Team data only from the project's folder, installed packages, or folders the user allowed.
  const contained = containConfig(loaded.config, [path.dirname(file), ...allowedRoots]);
  return { config: contained.config, errors: [...loaded.errors, ...contained.errors], file };
}

/** Parses config text and resolves its extends; the team default library .jianggao/snippets is always included. */
export function configFromText(text: string, dir: string, seen = new Set<string>(), allowedRoots?: string[]): { config: JianggaoConfig; errors: string[] } {
  const { config, errors, extendsList } = parseConfigWithExtends(text, dir);
  let base = defaultConfig();
  for (const name of extendsList) {
    const folder = resolvePackage(name, dir);
    if (!folder) {
      errors.push(`extends：找不到“${name}”（相对路径的文件夹，或从此处可解析的 npm 包）`);
      continue;
    }
    if (allowedRoots && !isWithin(folder, allowedRoots)) {
      errors.push(`extends：“${name}”在工作区之外，未读取（确需使用时，把它加入用户设置 jianggao.allowedPaths，或命令行 --allow-path）`);
      continue;
    }
    // `seen` is the chain of packages that led here: a package reached twice by two
    // branches (a diamond) is fine, one that extends its own ancestor is a cycle.
    if (seen.has(folder)) {
      errors.push(`extends：“${name}”循环引用，已忽略`);
      continue;
    }
    if (seen.size >= MAX_EXTENDS_DEPTH) {
      errors.push(`extends：“${name}”嵌套超过 ${MAX_EXTENDS_DEPTH} 层，已忽略`);
      continue;
    }
    base = mergeConfigs(base, loadTeamPackage(folder, errors, new Set([...seen, folder]), allowedRoots));
  }
  const local = defaultConfig();
  local.snippetLibraries.push(path.join(dir, DEFAULT_SNIPPET_LIBRARY));
  return { config: mergeConfigs(mergeConfigs(base, local), config), errors };
}

/** A shared team package: jianggao.json (optional), snippets/ and dictionaries/*.tsv. */
function loadTeamPackage(folder: string, errors: string[], seen: Set<string>, allowedRoots?: string[]): JianggaoConfig {
  let config = defaultConfig();
  const own = path.join(folder, 'jianggao.json');
  if (fs.existsSync(own)) {
    const read = readDataFile(own);
    if (!read.ok) errors.push(`${own}：无法读取：${read.reason}`);
    else {
      const r = configFromText(read.text, folder, seen, allowedRoots && [...allowedRoots, folder]);
      errors.push(...r.errors.map((e) => `${own}：${e}`));
      config = r.config;
    }
  }
  const extra = defaultConfig();
  if (fs.existsSync(path.join(folder, 'snippets'))) extra.snippetLibraries.push(path.join(folder, 'snippets'));
  const dicts = path.join(folder, 'dictionaries');
  if (fs.existsSync(dicts)) for (const f of fs.readdirSync(dicts).sort()) if (f.endsWith('.tsv')) extra.stockPhrases.dictionaries.push(path.join(dicts, f));
  return mergeConfigs(extra, config);
}

function resolvePackage(name: string, dir: string): string | null {
  if (name.startsWith('.') || path.isAbsolute(name)) {
    const folder = path.resolve(dir, name);
    return fs.existsSync(folder) && fs.statSync(folder).isDirectory() ? folder : null;
  }
  // node_modules/<name> up the tree: a package whose `exports` map hides package.json is found too.
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(d) === d) break;
  }
  try {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [dir] }));
  } catch {
    return null;
  }
}

/** Parses .jianggao.json text (extends not resolved); relative paths in it resolve against baseDir. */
export function parseConfigText(text: string, baseDir = process.cwd()): { config: JianggaoConfig; errors: string[] } {
  const { config, errors } = parseConfigWithExtends(text, baseDir);
  return { config, errors };
}

function parseConfigWithExtends(raw: string, baseDir: string): { config: JianggaoConfig; errors: string[]; extendsList: string[] } {
  // Windows Notepad saves JSON with a byte-order mark.
  const text = raw.replace(/^\ufeff/, '');
  const extendsList: string[] = [];
  const r = parseOwnConfig(text, baseDir, extendsList);
  return { ...r, extendsList };
}

function parseOwnConfig(text: string, baseDir: string, extendsList: string[]): { config: JianggaoConfig; errors: string[] } {
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
          errors.push(RETIRED_RULES[id] ? `规则“${id}”已并入“${RETIRED_RULES[id]}”，此项已忽略（要调整请设置“${RETIRED_RULES[id]}”）` : `未知规则“${id}”，已忽略`);
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
        const checked = compileUserPattern(String(source));
        if (checked.ok) config.placeholders[key].push(String(source));
        else errors.push(`“placeholders.${key}”中的正则表达式“${String(source).slice(0, 60)}”无效，已忽略：${checked.reason}`);
      }
    }
  }
  if (obj.extends !== undefined) {
    const list = typeof obj.extends === 'string' ? [obj.extends] : obj.extends;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) errors.push('“extends”应是字符串或字符串数组，已忽略');
    else extendsList.push(...(list as string[]));
  }
  if (obj.snippetLibraries !== undefined) {
    const list = obj.snippetLibraries;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) errors.push('“snippetLibraries”应是字符串数组，已忽略');
    else config.snippetLibraries.push(...(list as string[]).map((f) => path.resolve(baseDir, f)));
  }
  if (obj.speechDate !== undefined) {
    if (typeof obj.speechDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(obj.speechDate)) errors.push('“speechDate”应写作 YYYY-MM-DD，已忽略');
    else config.speechDate = obj.speechDate;
  }
  if (obj.allow !== undefined) {
    const allow = obj.allow as Record<string, unknown>;
    if (!allow || typeof allow !== 'object' || Array.isArray(allow)) errors.push('“allow”应是对象：规则 id → 不再提示的短语数组，已忽略');
    else {
      config.allow = {};
      for (const [id, list] of Object.entries(allow)) {
        if (!RULES.some((r) => r.meta.id === id)) errors.push(`allow：没有名为“${id}”的规则，已忽略`);
        else if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) errors.push(`“allow.${id}”应是字符串数组，已忽略`);
        else config.allow[id] = list as string[];
      }
    }
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((x) => typeof x !== 'string')) errors.push('“ignore”应是字符串数组（gitignore 写法），已忽略');
    else config.ignore = obj.ignore as string[];
  }
  const known = ['rules', 'placeholders', 'stockPhrases', 'snippetLibraries', 'speechDate', 'allow', 'ignore', 'extends', '$schema'];
  for (const key of Object.keys(obj)) if (!known.includes(key)) errors.push(`未知的配置项“${key}”，已忽略（可用：${known.join('、')}）`);
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

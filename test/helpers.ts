import * as fs from 'fs';
import * as path from 'path';
import { checkDocument, defaultConfig, parseDocument } from '../server/src/core';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const SEEDS = ['seed000', 'seed001', 'seed002', 'seed003', 'seed004'];

export interface Truth {
  announcements: { line: number; text: string; announced: number | null; found: number; item_lines: number[] }[];
  ambiguous_announcement_lines: number[];
  headings: { line: number; level: number; marker: string }[];
  placeholders: { line: number; count: number }[];
  residue_lines: number[];
}

export function seed(name: string): { text: string; truth: Truth } {
  return {
    text: fs.readFileSync(path.join(FIXTURES, 'seeds', `${name}.txt`), 'utf8'),
    truth: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seeds', `${name}.truth.json`), 'utf8')),
  };
}

export function diagnose(text: string, markdown = false) {
  return checkDocument(parseDocument(text, { markdown }), { config: defaultConfig() });
}

export function codes(text: string, code: string, markdown = false) {
  return diagnose(text, markdown).filter((d) => d.code === code);
}

/** 1-based line numbers, as the truth files count. */
export function lines(ds: { range: { start: { line: number } } }[]): number[] {
  return ds.map((d) => d.range.start.line + 1);
}

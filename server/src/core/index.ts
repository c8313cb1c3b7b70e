// The analysis core's public face: pure functions over text. No LSP, no VS Code.

export { parseDocument, rangeOf, positionAt, offsetAt, lineOf } from './document';
export type { SpeechDocument, Range, Position, ParseOptions } from './document';
export { byPosition, checkDocument, keptFixes, shapeFix, SEVERITY_CODE } from './check';
export { TextMemo } from './memo';
export type { Diagnostic, CheckOptions } from './check';
export { defaultConfig, mergeConfigs } from './config';
export type { JianggaoConfig } from './config';
export { RULES } from './rules';
export { documentSymbols, foldingRanges, announcementReport } from './features/symbols';
export type { DocumentSymbol, FoldingRange, AnnouncementReport } from './features/symbols';
export { documentStats, DEFAULT_PACE } from './features/stats';
export type { DocumentStats, SpeechStats, PartStats } from './features/stats';
export { applyEdits, composeEdits, fixText, safeFixEdits } from './features/fixAll';

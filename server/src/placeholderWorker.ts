// A worker thread of a large `jianggao placeholders` scan (placeholderScan.ts): it is handed files one at a time
// and gives back each file's part of the report, with the config problems it met since its last answer.

import { parentPort, workerData } from 'worker_threads';
import { configLoader, scanFile, type ScanOptions, type ScanResult } from './placeholderScan';

const options = workerData as ScanOptions;
const errors: string[] = [];
const configFor = configLoader(options.configFile, options.allowPaths, errors);

parentPort!.on('message', ({ index, file }: { index: number; file: string }) => {
  const result: ScanResult = scanFile(file, configFor, options);
  parentPort!.postMessage({ index, result, errors: errors.splice(0) });
});

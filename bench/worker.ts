// Worker thread of the benchmark: lints a share of the scan corpus, or runs a ratio that may take
// too long for the main thread (the main thread can stop a worker, not a synchronous lint).
import { parentPort, workerData } from 'node:worker_threads';
import { collect } from './harness';
import { floor, lintAsServer, scanLint, type CorpusFile, type Kind } from './subjects';

export type WorkerTask =
  | { task: 'scan'; files: CorpusFile[] }
  | { task: 'ratio'; kind: Kind; rel: string; text: string; warmText: string; budgetMs: number; maxRounds: number };

/** Lint a share of the files (indices), or warm up on a tenth of them. */
export type ScanRequest = { only: number[] } | { warm: true };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'scanned'; findings: number }
  | { type: 'start'; name: string }
  | { type: 'sample'; name: string; ms: number }
  | { type: 'done' };

const data = workerData as WorkerTask;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

if (data.task === 'scan') {
  parentPort!.on('message', (req: ScanRequest) => {
    const findings = 'warm' in req ? scanLint(data.files.filter((_, i) => i % 10 === 0)) : scanLint(data.files, req.only);
    post({ type: 'scanned', findings });
  });
  post({ type: 'ready' });
} else if (data.task === 'ratio') {
  // Warm the JIT on a smaller text of the same kind, then alternate floor and lint.
  for (let i = 0; i < 3; i++) {
    lintAsServer(data.rel, data.warmText);
    floor(data.kind, data.warmText);
  }
  const sample = (name: string) => {
    collect();
    post({ type: 'start', name });
    const t0 = performance.now();
    if (name === 'lint') lintAsServer(data.rel, data.text);
    else floor(data.kind, data.text);
    post({ type: 'sample', name, ms: performance.now() - t0 });
  };
  // Floor samples first: the lint may be stopped by the main thread.
  for (let i = 0; i < 3; i++) sample('floor');
  const start = performance.now();
  for (let round = 0; round < data.maxRounds; round++) {
    if (round >= 1 && performance.now() - start > data.budgetMs) break;
    const order = round % 2 === 0 ? ['floor', 'lint'] : ['lint', 'floor'];
    for (const name of order) sample(name);
  }
  post({ type: 'done' });
}

// Worker thread of the benchmark: lints a share of the scan corpus, or runs a ratio that may take
// too long for the main thread (the main thread can stop a worker, not a synchronous lint).
import { parentPort, workerData } from 'node:worker_threads';
import { collect } from './harness';
import { floor, lintAsServer, scanFacts, scanIndex, scanLint, scanSeed, type CorpusFile, type Kind } from './subjects';
import type { FileFacts } from '../engine/index';

export type WorkerTask =
  | { task: 'scan'; files: CorpusFile[] }
  | { task: 'ratio'; kind: Kind; rel: string; text: string; warmText: string; budgetMs: number; maxRounds: number };

/**
 * The CLI's parallel run (cli/lint-worker.ts), in two phases: `facts` indexes every file, parses the
 * share and returns the facts cross-file indexes need of it; `lint` takes the other shares' facts and
 * lints the share. Or warm up on a tenth of the files (both phases on them, alone).
 */
export type ScanRequest = { phase: 'facts'; only: number[] } | { phase: 'lint'; only: number[]; facts: [number, FileFacts][] } | { warm: true };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'scanned'; findings: number }
  | { type: 'facts'; facts: [number, FileFacts][] }
  | { type: 'start'; name: string }
  | { type: 'sample'; name: string; ms: number }
  | { type: 'done' };

const data = workerData as WorkerTask;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

if (data.task === 'scan') {
  let index: ReturnType<typeof scanIndex> | undefined;
  parentPort!.on('message', (req: ScanRequest) => {
    if ('warm' in req) {
      const tenth = data.files.filter((_, i) => i % 10 === 0);
      const warm = scanIndex(tenth);
      const all = [...tenth.keys()];
      scanSeed(warm, scanFacts(warm, all), all);
      post({ type: 'scanned', findings: scanLint(tenth, undefined, warm) });
    } else if (req.phase === 'facts') {
      index = scanIndex(data.files);
      post({ type: 'facts', facts: scanFacts(index, req.only) });
    } else {
      scanSeed(index!, req.facts, req.only);
      post({ type: 'scanned', findings: scanLint(data.files, req.only, index) });
      index = undefined;
    }
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

// Piscina task: lint one batch of files (the worker keeps the workspace index between batches).
// With an exchange port (a parallel run), in two phases: parse the batch and send the facts the
// cross-file indexes need of it, receive the facts of the other batches, then lint the batch; so
// no worker parses the files of another (cross-file rules still see the whole index).
import type { MessagePort } from 'node:worker_threads';
import { initEngine } from '../engine/index';
import { batchFacts, lintFiles, seedFacts, type BatchFacts, type LintTask } from './lint-files';

export default async function run(task: LintTask & { exchange?: MessagePort }) {
  await initEngine();
  const { exchange, ...rest } = task;
  if (exchange) {
    const others = new Promise<BatchFacts>((resolve) => exchange.once('message', resolve));
    exchange.postMessage(batchFacts(rest));
    seedFacts(rest, await others);
    exchange.close();
  }
  return lintFiles(rest);
}

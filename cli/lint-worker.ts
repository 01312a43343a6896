// Piscina task: lint one batch of files (the worker keeps the workspace index between batches).
import { initEngine } from '../engine/index';
import { lintFiles, type LintTask } from './lint-files';

export default async function run(task: LintTask) {
  await initEngine();
  return lintFiles(task);
}

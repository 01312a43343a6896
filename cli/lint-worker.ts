// Piscina task: lint one batch of files (the worker keeps the workspace index between batches).
import { lintFiles, type LintTask } from './lint-files';

export default function run(task: LintTask) {
  return lintFiles(task);
}

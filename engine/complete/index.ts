// Completion at a cursor, for every kind of file the engine knows. Returns engine types; the
// server converts them (server/convert.ts).
import type { SourceFile } from '../documents/source';
import type { WorkspaceView } from '../workspace';
import { completeKubernetes } from './kubernetes';
import { completeCompose } from './compose';
import { completeDockerfile } from './dockerfile';
import { completeWorkflow } from './workflow';
import { completeTerraform } from './terraform';
import type { CompletionItem } from './types';

export type { CompletionItem, CompletionItemKind, HoverResult } from './types';
export { preloadWorkflowService } from './workflow';

export interface CompleteOptions {
  /** The workspace index: base images of other Dockerfiles, secrets other workflows use. */
  workspace?: WorkspaceView;
}

/** Completion items at `offset` (UTF-16) of `file`. */
export async function complete(file: SourceFile, offset: number, options: CompleteOptions = {}): Promise<CompletionItem[]> {
  switch (file.kind) {
    case 'kubernetes':
      return completeKubernetes(file, offset);
    case 'compose':
      return completeCompose(file, offset);
    case 'dockerfile':
      return completeDockerfile(file, offset, options.workspace);
    case 'workflow':
      return completeWorkflow(file, offset, options.workspace);
    case 'terraform':
      return completeTerraform(file, offset);
    case 'yaml':
      // A YAML file that is nothing yet (new, empty): offer to start a Kubernetes object.
      return /\S/.test(file.text.replace(/^\s*#.*$/gm, '').slice(0, offset).replace(/[\w-]*$/, '')) ? [] : completeKubernetes(file, offset);
    default:
      return [];
  }
}

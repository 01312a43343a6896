import { initHcl } from './documents/hcl';

/**
 * Load what the engine parses asynchronously (the Terraform wasm parser). Await it once before
 * linting: `lint()` is synchronous, and until this resolves Terraform files are skipped with a
 * reason. Never rejects; a parser that failed to load is reported the same way.
 */
export function initEngine(): Promise<void> {
  return initHcl();
}

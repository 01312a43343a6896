// Types for scripts/package-vsix.mjs, so the TypeScript e2e tests can import it.
export const repoRoot: string;
export function build(options?: { quiet?: boolean }): Promise<void>;
export function packageVsix(options?: { out?: string; build?: boolean; quiet?: boolean }): Promise<string>;

// Types for scripts/code-server.mjs, so the TypeScript e2e tests can import it.
import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const repoRoot: string;
export const testSettings: Record<string, unknown>;

export interface CodeServerPaths { dir: string; pkg: string; entry: string; marker: string; lock: string; log: string }
export interface RunDirs {
  runDir: string; userData: string; extensions: string; config: string;
  xdgConfig: string; xdgData: string; xdgCache: string; tmp: string; log: string;
}
export interface CodeServer {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  runDir: string;
  dirs: RunDirs;
  keepRunDir: boolean;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  folderUrl(folder: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}
export interface StartOptions {
  port?: number;
  runDir?: string;
  keepRunDir?: boolean;
  vsix?: string | string[];
  settings?: Record<string, unknown>;
  extraArgs?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  log?: (msg: string) => void;
  inheritOutput?: boolean;
}

export function codeServerDir(): string;
export function checkInstallPrerequisites(): void;
export function findChromium(): string;
export function isCodeServerInstalled(): boolean;
export function ensureCodeServer(options?: { log?: (msg: string) => void; force?: boolean }): Promise<CodeServerPaths>;
export function freePort(): Promise<number>;
export function installVsix(serverOrRunDir: CodeServer | string, vsix: string): Promise<string>;
export function startCodeServer(options?: StartOptions): Promise<CodeServer>;
export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string;
export function remoteUri(server: CodeServer, absPath: string): string;
export function stopCodeServer(server: CodeServer | undefined, options?: { timeoutMs?: number }): Promise<void>;
export function withLock<T>(lockDir: string, fn: () => Promise<T>, log?: (msg: string) => void): Promise<T>;

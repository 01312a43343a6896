// A minimal LSP client over stdio: enough to time the server's start-up and its requests.
import { spawn, type ChildProcess } from 'node:child_process';

type Json = Record<string, unknown>;

export class LspClient {
  readonly proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters: { method: string; match: (params: Json) => boolean; resolve: (p: Json) => void }[] = [];
  stderr = '';

  /**
   * `settings` answers the server's workspace/configuration requests (the `shipready` section);
   * without it the client does not advertise configuration support.
   */
  constructor(
    serverJs: string,
    private readonly settings?: Json,
    env?: NodeJS.ProcessEnv,
  ) {
    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}) ${this.stderr.slice(0, 300)}`));
      this.pending.clear();
    });
  }

  get supportsConfiguration() {
    return !!this.settings;
  }

  private send(msg: Json) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown) {
    this.send({ method, params });
  }

  /** Resolves with the params of the first notification `method` for which `match` holds. */
  waitFor(method: string, match: (params: Json) => boolean = () => true): Promise<Json> {
    return new Promise((resolve) => this.waiters.push({ method, match, resolve }));
  }

  private onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length:\s*(\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'));
      const len = m ? Number(m[1]) : 0;
      if (this.buf.length < headerEnd + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8')) as Json;
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Json) {
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server: answer what we know, null otherwise.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') {
        const items = ((msg.params as Json)?.items as unknown[]) ?? [];
        result = items.map(() => this.settings ?? null);
      }
      this.send({ id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) {
      const params = (msg.params ?? {}) as Json;
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.method === msg.method && w.match(params)) {
          this.waiters.splice(i, 1);
          w.resolve(params);
          i--;
        }
      }
      return;
    }
    const p = this.pending.get(msg.id as number);
    if (!p) return;
    this.pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(JSON.stringify(msg.error)));
    else p.resolve(msg.result);
  }

  initializeParams() {
    return {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: this.supportsConfiguration, workspaceFolders: false },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    };
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const exited = new Promise((r) => this.proc.once('exit', r));
    const timer = setTimeout(() => this.proc.kill(), 2000);
    if (this.proc.exitCode === null) await exited;
    clearTimeout(timer);
  }
}

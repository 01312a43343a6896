// Timing helpers: round-robin between contenders in one process, medians, percentiles.

export interface Contender {
  name: string;
  /** One measured run; may return a promise (awaited inside the timing). */
  run: () => unknown;
  /** Called when `run` throws; the sample is dropped and the error counted. */
  onError?: (e: unknown) => Promise<void> | void;
}

export interface Sampled {
  samples: number[];
  median: number;
  errors: number;
  lastError?: string;
}

export interface RoundRobinOptions {
  /** Untimed runs of each contender before sampling (JIT, caches). */
  warmup?: number;
  /** Rounds always taken, whatever the budget. */
  min?: number;
  /** Rounds never exceeded. */
  max?: number;
  /** Stop starting new rounds after this many milliseconds (once `min` is reached). */
  budgetMs?: number;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Collect garbage if the process was started with --expose-gc (outside any timing). */
export function collect() {
  gc?.();
}

export const hasGc = () => !!gc;

/**
 * Alternate the contenders (A B, B A, A B, …) so that drift of the machine hits all of them alike;
 * a GC before every sample keeps one contender's garbage out of the next one's time.
 */
export async function roundRobin(contenders: Contender[], opts: RoundRobinOptions = {}): Promise<Record<string, Sampled>> {
  const { warmup = 1, min = 3, max = 25, budgetMs = 5000 } = opts;
  const out: Record<string, Sampled> = {};
  for (const c of contenders) out[c.name] = { samples: [], median: NaN, errors: 0 };
  const once = async (c: Contender, timed: boolean) => {
    collect();
    const t0 = performance.now();
    try {
      await c.run();
    } catch (e) {
      out[c.name].errors++;
      out[c.name].lastError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      await c.onError?.(e);
      return;
    }
    const ms = performance.now() - t0;
    if (timed) out[c.name].samples.push(ms);
  };
  for (let w = 0; w < warmup; w++) for (const c of contenders) await once(c, false);
  const start = performance.now();
  for (let round = 0; round < max; round++) {
    if (round >= min && performance.now() - start > budgetMs) break;
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) await once(c, true);
  }
  for (const c of contenders) out[c.name].median = median(out[c.name].samples);
  return out;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100); NaN for no samples. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '?';
  if (x >= 10000) return `${(x / 1000).toFixed(1)}s`;
  if (x >= 100) return `${Math.round(x)}ms`;
  if (x >= 1) return `${x.toFixed(1)}ms`;
  return `${x.toFixed(2)}ms`;
}

export function fixed(x: number): string {
  if (!Number.isFinite(x)) return '?';
  if (Math.abs(x) < 0.1) return x.toFixed(3);
  return x.toFixed(2);
}

/** Shared helpers for bench files: timing, medians, JSON-line output. */

/** One benchmark: `bench/<name>.bench.ts` exports `bench` of this type; bench/run.ts finds it. */
export interface Bench {
  name: string;
  /** Runs the benchmark and reports results through `emit`, one JSON line each. */
  run(emit: (line: Record<string, unknown>) => void): Promise<void> | void;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface TimeOptions {
  warmup?: number;
  runs?: number;
  /** Called before each timed run, outside the timing (e.g. to make a fresh input). */
  setup?: () => void;
}

/** Median wall time of `fn` in milliseconds over `runs` runs after `warmup` untimed ones. */
export function time(fn: () => unknown, { warmup = 3, runs = 9, setup }: TimeOptions = {}): { medianMs: number; minMs: number; runs: number } {
  for (let i = 0; i < warmup; i++) {
    setup?.();
    fn();
  }
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { medianMs: round(median(ms)), minMs: round(Math.min(...ms)), runs };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

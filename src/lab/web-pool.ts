/**
 * The lab's worker pool in the page: one Web Worker per core but one (navigator.hardwareConcurrency, capped). Each
 * worker is posted every job once (packed, src/lab/share.ts), then handed batches by src/lab/schedule.ts exactly like
 * src/cli/lab-pool.ts, two at a time (the next is queued while one runs, so a worker need not wait for the page's
 * thread between batches); each result is put back at its canonical job index, so the numbers equal the CLI's for
 * the same config. Progress (done / total, ETA) is reported as runs arrive; `cancel()` terminates every worker at
 * once. The worker factory is injectable, so the scheduling and ordering are tested without a browser.
 */
import type { LabConfig } from './config';
import type { LabJob, RunMetrics } from './runs';
import { JobRanges, type JobRange } from './schedule';
import { packJobs, type PackedJobs } from './share';

export type WorkerIn =
  /** First: the config and every job, in canonical order. */
  | { kind: 'init'; config: LabConfig; jobs: PackedJobs }
  /** Then: run these jobs. */
  | ({ kind: 'range' } & JobRange);

export type WorkerOut =
  /** Runs with their canonical indexes, batched (one message per ~50 ms), so the page is never flooded. */
  | { kind: 'runs'; runs: [number, RunMetrics][] }
  /** A range is done (its last runs were posted before this). */
  | { kind: 'idle' }
  | { kind: 'error'; message: string };

/** The part of a Worker the pool uses. */
export interface WorkerLike {
  postMessage(m: WorkerIn): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerOut>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export const MAX_WORKERS = 8;

/**
 * Workers for this machine: one per core but one, which the page's own thread keeps for drawing the charts as runs
 * stream in (the CLI, with no page to draw, uses every core); at least 1, at most MAX_WORKERS and never more than
 * the jobs. Measured on 2 cores (bench:lab, quiet machine): one worker finished the sweep as fast as two (5.3 s both:
 * the page's thread and the browser's own threads share the cores with the workers) and left no main-thread task
 * over 50 ms, where two workers left tasks of 61-143 ms, most of it waiting for a core (25-34 ms of CPU each).
 */
export function workerCount(
  jobs: number,
  cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1,
) {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores || 1) - 1, jobs || 1));
}

export interface Progress {
  done: number;
  total: number;
  /** Wall-clock ms since the start. */
  elapsed: number;
  /** Estimated ms left (null until the first run is in). */
  eta: number | null;
}

export function progressOf(done: number, total: number, elapsed: number): Progress {
  return { done, total, elapsed, eta: done > 0 ? Math.max(0, (elapsed / done) * (total - done)) : null };
}

export interface PoolHandle {
  /** Resolves with every run in canonical job order, or rejects (a worker failed, or `cancel()`). */
  done: Promise<RunMetrics[]>;
  cancel(): void;
}

export class LabCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function defaultWorker(): WorkerLike {
  return new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export function runLabWeb(
  config: LabConfig,
  jobs: readonly LabJob[],
  opts: {
    workers?: number;
    makeWorker?: () => WorkerLike;
    /** Each run as it arrives, with its canonical index. */
    onRun?: (i: number, m: RunMetrics) => void;
    onProgress?: (p: Progress) => void;
    now?: () => number;
  } = {},
): PoolHandle {
  const now = opts.now ?? (() => performance.now());
  const make = opts.makeWorker ?? defaultWorker;
  const n = opts.workers ?? workerCount(jobs.length);
  const results: (RunMetrics | undefined)[] = new Array(jobs.length);
  const t0 = now();
  const workers: WorkerLike[] = [];
  let done = 0;
  let finished = 0;
  let settled = false;
  let resolve!: (r: RunMetrics[]) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<RunMetrics[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const stopAll = () => workers.forEach((w) => w.terminate());
  const fail = (e: Error) => {
    if (settled) return;
    settled = true;
    stopAll();
    reject(e);
  };
  if (!jobs.length) {
    settled = true;
    resolve([]);
  } else {
    const count = Math.max(1, Math.min(n, jobs.length));
    const ranges = new JobRanges(jobs.length, count);
    const packed = packJobs(jobs);
    for (let w = 0; w < count; w++) {
      const worker = make();
      workers.push(worker);
      let inFlight = 0;
      const give = () => {
        const r = ranges.next(w);
        if (r === null) return;
        inFlight++;
        worker.postMessage({ kind: 'range', ...r });
      };
      worker.onmessage = (e) => {
        if (settled) return;
        const m = e.data;
        if (m.kind === 'runs') {
          for (const [i, metrics] of m.runs) {
            if (results[i] === undefined) done++;
            results[i] = metrics;
            opts.onRun?.(i, metrics);
          }
          opts.onProgress?.(progressOf(done, jobs.length, now() - t0));
        } else if (m.kind === 'error') fail(new Error(m.message));
        else {
          inFlight--;
          give();
          if (inFlight === 0 && ++finished === count) {
            settled = true;
            stopAll();
            if (done !== jobs.length) reject(new Error(`only ${done} of ${jobs.length} runs came back`));
            else resolve(results as RunMetrics[]);
          }
        }
      };
      worker.onerror = (e) => fail(new Error(e.message || 'a lab worker failed'));
      worker.postMessage({ kind: 'init', config, jobs: packed });
      give();
      give();
    }
  }
  return { done: promise, cancel: () => fail(new LabCancelled()) };
}

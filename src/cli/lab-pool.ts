/**
 * The lab's worker pool in Node (worker_threads): the jobs are dealt round-robin to N workers, each simulates its
 * jobs and sends back their metrics; the results are put back in canonical job order, so 1 or N workers give the
 * same numbers. The page's pool does the same with Web Workers.
 */
import { Worker } from 'node:worker_threads';
import type { LabConfig } from '../lab/config';
import type { RunMetrics } from '../lab/runs';
import { labJobs, patternsOf, type LabResult, type Shard } from '../lab/sweep';

export async function runLabNode(
  c: LabConfig,
  opts: { workers?: number; shard?: Shard | null; progress?: (done: number, total: number) => void } = {},
): Promise<LabResult> {
  const shard = opts.shard ?? null;
  const jobs = labJobs(c, shard);
  const n = Math.max(1, Math.min(opts.workers ?? 1, jobs.length || 1));
  const results: (RunMetrics | undefined)[] = new Array(jobs.length);
  let done = 0;
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const mine = jobs.map((j, i) => [i, j] as const).filter(([i]) => i % n === w);
      return new Promise<void>((resolve, reject) => {
        // The worker is TypeScript: register tsx's loader inside the thread, then load it.
        const file = new URL('./lab-worker.ts', import.meta.url).href;
        const boot = `import('tsx/esm/api').then((t) => t.register()).then(() => import(${JSON.stringify(file)}))`;
        const worker = new Worker(boot, { eval: true, workerData: { config: c, jobs: mine } });
        worker.on('message', (m: { i: number; metrics: RunMetrics }) => {
          results[m.i] = m.metrics;
          done++;
          opts.progress?.(done, jobs.length);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lab worker exited with ${code}`))));
      });
    }),
  );
  return { config: c, patterns: patternsOf(c).map((p) => p.id), shard, runs: results as RunMetrics[] };
}

/**
 * The lab's worker pool in Node (worker_threads): N workers are handed batches of jobs by src/lab/schedule.ts (each
 * its own stretch of the canonical order, then the others' leftovers), each simulates its batch and sends back the
 * metrics run by run; the results are put back in canonical job order, so 1 or N workers give the same numbers. The
 * page's pool does the same with Web Workers.
 *
 * The worker is TypeScript. Loading it through tsx's module hooks costs each thread 1–3 s of start-up (every module
 * compiled again, one round trip to the hooks thread per import), a quarter of a 10-s sweep; so the worker is
 * bundled once per process with esbuild (tsx's own transpiler, resolved through tsx, ~0.3 s) and every thread starts
 * from that one script in ~0.15 s. Where esbuild cannot be loaded, the threads fall back to tsx's loader.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LabConfig } from '../lab/config';
import type { RunMetrics } from '../lab/runs';
import { JobRanges } from '../lab/schedule';
import { labJobs, patternsOf, type LabResult, type Shard } from '../lab/sweep';
import type { LabWorkerIn, LabWorkerOut } from './lab-worker';

const WORKER_URL = new URL('./lab-worker.ts', import.meta.url);

interface Esbuild {
  build(o: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

let bundled: Promise<string | null> | null = null;

/** The worker as one CommonJS script (null: no esbuild here; use tsx's loader). Built once per process. */
function workerScript(): Promise<string | null> {
  bundled ??= (async () => {
    try {
      const fromHere = createRequire(import.meta.url);
      const esbuild = createRequire(fromHere.resolve('tsx'))('esbuild') as Esbuild;
      const out = await esbuild.build({
        entryPoints: [fileURLToPath(WORKER_URL)],
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        write: false,
        logLevel: 'silent',
      });
      return out.outputFiles[0].text;
    } catch {
      return null;
    }
  })();
  return bundled;
}

function startWorker(script: string | null, workerData: unknown): Worker {
  if (script !== null) return new Worker(script, { eval: true, workerData });
  // Register tsx's loader inside the thread, then load the TypeScript worker.
  const boot = `import('tsx/esm/api').then((t) => t.register()).then(() => import(${JSON.stringify(WORKER_URL.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

export async function runLabNode(
  c: LabConfig,
  opts: { workers?: number; shard?: Shard | null; progress?: (done: number, total: number) => void } = {},
): Promise<LabResult> {
  const shard = opts.shard ?? null;
  const jobs = labJobs(c, shard);
  const n = Math.max(1, Math.min(opts.workers ?? 1, jobs.length || 1));
  const results: (RunMetrics | undefined)[] = new Array(jobs.length);
  const script = await workerScript();
  let done = 0;
  const ranges = new JobRanges(jobs.length, n);
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      return new Promise<void>((resolve, reject) => {
        const worker = startWorker(script, { config: c, jobs });
        const give = () => {
          const r = ranges.next(w);
          worker.postMessage((r ?? { stop: true }) satisfies LabWorkerIn);
        };
        worker.on('message', (m: LabWorkerOut) => {
          if ('idle' in m) return give();
          results[m.i] = m.metrics;
          done++;
          opts.progress?.(done, jobs.length);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lab worker exited with ${code}`))));
        give();
      });
    }),
  );
  if (done !== jobs.length) throw new Error(`only ${done} of ${jobs.length} lab runs came back`);
  return { config: c, patterns: patternsOf(c).map((p) => p.id), shard, runs: results as RunMetrics[] };
}

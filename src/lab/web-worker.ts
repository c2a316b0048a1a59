/**
 * One lab Web Worker (the page's counterpart of src/cli/lab-worker.ts): it is given the config and its share of the
 * jobs (with their canonical indexes), simulates them one by one and posts each run's metrics, then `done`.
 * Nothing here touches the DOM; a cancelled run is simply terminated by the pool.
 */
import type { PatternDef } from '../engine';
import { runJob, type RunMetrics } from './runs';
import { patternsOf } from './sweep';
import { unpackShare } from './share';
import type { WorkerIn, WorkerOut } from './web-pool';

const BATCH_MS = 50;

const post = (m: WorkerOut) => (self as unknown as { postMessage(m: WorkerOut): void }).postMessage(m);

self.onmessage = (e: MessageEvent<WorkerIn>) => {
  const { config } = e.data;
  try {
    const jobs = unpackShare(e.data.jobs);
    const byId = new Map(patternsOf(config).map((p) => [p.id, p]));
    // Batched: at most one message per BATCH_MS (and one at the end), so a fast run cannot flood the page.
    let batch: [number, RunMetrics][] = [];
    let last = performance.now();
    for (const [i, job] of jobs) {
      batch.push([i, runJob(byId.get(job.pattern) as PatternDef, config, job)]);
      if (performance.now() - last >= BATCH_MS) {
        post({ kind: 'runs', runs: batch });
        batch = [];
        last = performance.now();
      }
    }
    if (batch.length) post({ kind: 'runs', runs: batch });
    post({ kind: 'done' });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};

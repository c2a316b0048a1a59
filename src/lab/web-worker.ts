/**
 * One lab Web Worker (the page's counterpart of src/cli/lab-worker.ts): it is given the config and every job, then
 * ranges of jobs to run (src/lab/schedule.ts); it simulates a range's jobs one by one, posts their metrics, then
 * `idle`. Nothing here touches the DOM; a cancelled run is simply terminated by the pool.
 */
import type { PatternDef } from '../engine';
import type { LabConfig } from './config';
import { runJob, type LabJob, type RunMetrics } from './runs';
import { patternsOf } from './sweep';
import { unpackJobs } from './share';
import type { WorkerIn, WorkerOut } from './web-pool';

const BATCH_MS = 50;

const post = (m: WorkerOut) => (self as unknown as { postMessage(m: WorkerOut): void }).postMessage(m);

let config: LabConfig | null = null;
let jobs: LabJob[] = [];
let byId = new Map<string, PatternDef>();

self.onmessage = (e: MessageEvent<WorkerIn>) => {
  const m = e.data;
  try {
    if (m.kind === 'init') {
      config = m.config;
      jobs = unpackJobs(m.jobs);
      byId = new Map(patternsOf(config).map((p) => [p.id, p]));
      return;
    }
    const c = config as LabConfig;
    // Batched: at most one message per BATCH_MS (and one at the range's end), so a fast run cannot flood the page.
    let batch: [number, RunMetrics][] = [];
    let last = performance.now();
    for (let i = m.from; i < m.to; i++) {
      batch.push([i, runJob(byId.get(jobs[i].pattern) as PatternDef, c, jobs[i])]);
      if (performance.now() - last >= BATCH_MS) {
        post({ kind: 'runs', runs: batch });
        batch = [];
        last = performance.now();
      }
    }
    if (batch.length) post({ kind: 'runs', runs: batch });
    post({ kind: 'idle' });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};

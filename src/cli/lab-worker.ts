/**
 * One lab worker thread (Node): given the config and every job, it simulates the batches the pool hands it
 * (src/lab/schedule.ts), posting each run's metrics and then `idle` for the next batch, until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PatternDef } from '../engine';
import type { LabConfig } from '../lab/config';
import { runJob, type LabJob, type RunMetrics } from '../lab/runs';
import type { JobRange } from '../lab/schedule';
import { patternsOf } from '../lab/sweep';

export type LabWorkerIn = JobRange | { stop: true };
export type LabWorkerOut = { i: number; metrics: RunMetrics } | { idle: true };

const port = parentPort;
if (port) {
  const { config, jobs } = workerData as { config: LabConfig; jobs: LabJob[] };
  const byId = new Map(patternsOf(config).map((p) => [p.id, p]));
  const post = (m: LabWorkerOut) => port.postMessage(m);
  port.on('message', (m: LabWorkerIn) => {
    if ('stop' in m) return port.close();
    for (let i = m.from; i < m.to; i++)
      post({ i, metrics: runJob(byId.get(jobs[i].pattern) as PatternDef, config, jobs[i]) });
    post({ idle: true });
  });
}

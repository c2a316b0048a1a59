/** One lab worker thread (Node): simulates the jobs it is given and posts each run's metrics. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PatternDef } from '../engine';
import type { LabConfig } from '../lab/config';
import { runJob, type LabJob } from '../lab/runs';
import { patternsOf } from '../lab/sweep';

const { config, jobs } = workerData as { config: LabConfig; jobs: [number, LabJob][] };
const byId = new Map(patternsOf(config).map((p) => [p.id, p]));
for (const [i, job] of jobs) {
  parentPort?.postMessage({ i, metrics: runJob(byId.get(job.pattern) as PatternDef, config, job) });
}

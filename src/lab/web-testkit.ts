/**
 * A stand-in for the lab Web Worker in Vitest (Node has no Worker): it takes the same messages as web-worker.ts and
 * runs the same runJob(), one job per macrotask (so a cancel can land midway), and records whether it was terminated.
 */
import type { PatternDef } from '../engine';
import type { LabConfig } from './config';
import { runJob, type LabJob } from './runs';
import type { JobRange } from './schedule';
import { patternsOf } from './sweep';
import { unpackJobs } from './share';
import type { WorkerIn, WorkerLike, WorkerOut } from './web-pool';

export class FakeLabWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerOut>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  /** The ranges it was handed, in order. */
  readonly ranges: JobRange[] = [];
  private config: LabConfig | null = null;
  private jobs: LabJob[] = [];
  private byId = new Map<string, PatternDef>();
  private queue: number[] = [];
  private pumping = false;
  constructor(private readonly failOn?: number) {}

  postMessage(m: WorkerIn) {
    if (m.kind === 'init') {
      this.config = m.config;
      this.jobs = unpackJobs(m.jobs);
      this.byId = new Map(patternsOf(m.config).map((p) => [p.id, p]));
      return;
    }
    this.ranges.push({ from: m.from, to: m.to });
    for (let k = m.from; k < m.to; k++) this.queue.push(k);
    this.queue.push(-1); // the range's end
    if (!this.pumping) {
      this.pumping = true;
      setTimeout(this.next, 0);
    }
  }

  private readonly next = () => {
    if (this.terminated) return;
    const emit = (data: WorkerOut) => this.onmessage?.({ data } as MessageEvent<WorkerOut>);
    const i = this.queue.shift();
    if (i === undefined) {
      this.pumping = false;
      return;
    }
    if (i < 0) emit({ kind: 'idle' });
    else {
      if (i === this.failOn) return emit({ kind: 'error', message: `job ${i} failed` });
      const job = this.jobs[i];
      this.posted++;
      emit({
        kind: 'runs',
        runs: [[i, runJob(this.byId.get(job.pattern) as PatternDef, this.config as LabConfig, job)]],
      });
    }
    setTimeout(this.next, 0);
  };

  terminate() {
    this.terminated = true;
  }
}

/** A worker factory for runLabWeb that keeps every fake it makes (`failOn` as FakeLabWorker's). */
export function fakeWorkers(failOn?: number): { workers: FakeLabWorker[]; makeWorker: () => FakeLabWorker } {
  const workers: FakeLabWorker[] = [];
  const makeWorker = () => {
    const w = new FakeLabWorker(failOn);
    workers.push(w);
    return w;
  };
  return { workers, makeWorker };
}

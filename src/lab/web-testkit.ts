/**
 * A stand-in for the lab Web Worker in Vitest (Node has no Worker): it runs the same runJob() as web-worker.ts,
 * one job per macrotask (so a cancel can land midway), and records whether it was terminated.
 */
import type { PatternDef } from '../engine';
import { runJob } from './runs';
import { patternsOf } from './sweep';
import { unpackShare } from './share';
import type { WorkerIn, WorkerLike, WorkerOut } from './web-pool';

export class FakeLabWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkerOut>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  posted = 0;
  constructor(private readonly failOn?: number) {}
  postMessage(m: WorkerIn) {
    const byId = new Map(patternsOf(m.config).map((p) => [p.id, p]));
    const jobs = unpackShare(m.jobs);
    const emit = (data: WorkerOut) => this.onmessage?.({ data } as MessageEvent<WorkerOut>);
    const next = () => {
      if (this.terminated) return;
      const item = jobs.shift();
      if (!item) return emit({ kind: 'done' });
      const [i, job] = item;
      if (i === this.failOn) return emit({ kind: 'error', message: `job ${i} failed` });
      this.posted++;
      emit({ kind: 'runs', runs: [[i, runJob(byId.get(job.pattern) as PatternDef, m.config, job)]] });
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

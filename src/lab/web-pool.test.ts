/** The page's worker pool: the CLI's dealing and canonical order (same numbers), progress with ETA, cancel. */
import { describe, expect, it } from 'vitest';
import { defaultLabConfig, FAULT_PRESETS, type LabConfig } from './config';
import { labJobs, runLabSync } from './sweep';
import { LabCancelled, progressOf, runLabWeb, workerCount, type Progress } from './web-pool';
import { FakeLabWorker, fakeWorkers } from './web-testkit';

const config: LabConfig = {
  ...defaultLabConfig(),
  patterns: ['2pc'],
  workload: { transactions: 3, perSecond: 4, failureRate: 0.2 },
  faults: FAULT_PRESETS.flaky,
  runs: 4,
  seed: 7,
  sweep: { key: 'loss', values: [0, 0.1] },
};

describe('web pool', () => {
  it('each worker starts on its own stretch of the canonical order, with the next batch queued', async () => {
    const big = { ...config, runs: 64 };
    const { workers, makeWorker } = fakeWorkers();
    const h = runLabWeb(big, labJobs(big, null), {
      workers: 2,
      makeWorker,
    });
    // Before any run: two batches each, from the front of each half (128 jobs, batches of 1).
    expect(workers.map((w) => w.ranges)).toEqual([
      [
        { from: 0, to: 1 },
        { from: 1, to: 2 },
      ],
      [
        { from: 64, to: 65 },
        { from: 65, to: 66 },
      ],
    ]);
    expect((await h.done).length).toBe(128);
    const handed = workers.flatMap((w) =>
      w.ranges.flatMap((r) => Array.from({ length: r.to - r.from }, (_, k) => r.from + k)),
    );
    expect(handed.sort((a, b) => a - b)).toEqual(Array.from({ length: 128 }, (_, i) => i));
  });

  it('uses one worker per core but one (the page keeps one), capped, at least one, never more than the jobs', () => {
    expect(workerCount(100, 4)).toBe(3);
    expect(workerCount(100, 2)).toBe(1);
    expect(workerCount(100, 1)).toBe(1);
    expect(workerCount(100, 64)).toBe(8);
    expect(workerCount(2, 8)).toBe(2);
    expect(workerCount(0, 0)).toBe(1);
  });

  it('ETA is the mean time per run times the runs left', () => {
    expect(progressOf(0, 10, 500)).toEqual({ done: 0, total: 10, elapsed: 500, eta: null });
    expect(progressOf(4, 10, 2000).eta).toBe(3000);
  });

  it.each([1, 2, 3])('%i worker(s) give exactly the in-process (CLI) runs, in canonical order', async (n) => {
    const ref = runLabSync(config).runs;
    const progress: Progress[] = [];
    const h = runLabWeb(config, labJobs(config, null), {
      workers: n,
      makeWorker: () => new FakeLabWorker(),
      onProgress: (p) => progress.push(p),
    });
    expect(await h.done).toEqual(ref);
    expect(progress.map((p) => p.done)).toEqual(ref.map((_, i) => i + 1));
    expect(progress.at(-1)?.total).toBe(ref.length);
  });

  it('cancel terminates every worker at once and rejects with LabCancelled', async () => {
    const { workers, makeWorker } = fakeWorkers();
    let runs = 0;
    const h = runLabWeb(config, labJobs(config, null), {
      workers: 2,
      makeWorker,
      onRun: () => {
        if (++runs === 2) h.cancel();
      },
    });
    await expect(h.done).rejects.toBeInstanceOf(LabCancelled);
    expect(workers.length).toBe(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(workers.reduce((s, w) => s + w.posted, 0)).toBeLessThan(labJobs(config, null).length);
  });

  it('a failing worker stops the others and rejects with its message', async () => {
    const { workers, makeWorker } = fakeWorkers(3);
    const h = runLabWeb(config, labJobs(config, null), {
      workers: 2,
      makeWorker,
    });
    await expect(h.done).rejects.toThrow('job 3 failed');
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { baseScenario, indexTrace, simulate, traceHash, type Scenario } from '../engine';
import { ledger } from '../ui/tables/testPattern';
import {
  LoadJob,
  MAX_STEP,
  MIN_STEP,
  progressFraction,
  runInSlices,
  runSlice,
  runToEnd,
  type Clock,
  type LoadProgress,
  type SlicedJob,
} from './loader';

/** A clock that only moves when work is done. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

/** A job of `units` units costing `msPerUnit` each on the fake clock. */
function fakeJob(clock: ReturnType<typeof fakeClock>, units: number, msPerUnit: number) {
  const job = {
    done: 0,
    steps: [] as number[],
    step(n: number) {
      const k = Math.min(n, units - job.done);
      job.steps.push(n);
      job.done += k;
      clock.advance(k * msPerUnit);
      return job.done >= units;
    },
  };
  return job;
}

/** A manual task queue standing in for the event loop. */
function manualYield() {
  const q: (() => void)[] = [];
  return {
    yieldTo: (cb: () => void) => void q.push(cb),
    pending: () => q.length,
    runNext: () => q.shift()?.(),
    drain() {
      let n = 0;
      while (q.length) {
        q.shift()?.();
        n++;
      }
      return n;
    },
  };
}

const scenario = (count: number, extra: Partial<Scenario> = {}): Scenario => ({
  ...baseScenario(ledger),
  params: { count },
  workload: ledger.workload({ count }),
  ...extra,
});

describe('slice scheduler', () => {
  it('stops a slice once its time is used, and adapts the step so a slice overshoots by little', () => {
    const clock = fakeClock();
    const job = fakeJob(clock, 1_000_000, 0.001); // 1 µs per unit
    const size = { n: 256 };
    expect(runSlice(job, clock, 20, size)).toBe(false);
    expect(clock.now()).toBeGreaterThanOrEqual(20);
    expect(clock.now()).toBeLessThan(20 * 1.5);
    // steps grew from 256 while each cost well under an eighth of the slice
    expect(job.steps[0]).toBe(256);
    expect(job.steps[1]).toBe(512);
    expect(size.n).toBeGreaterThan(256);
  });

  it('shrinks the step when one step costs more than half a slice', () => {
    const clock = fakeClock();
    const job = fakeJob(clock, 1_000_000, 1); // 1 ms per unit
    const size = { n: 256 };
    runSlice(job, clock, 20, size);
    expect(size.n).toBe(128);
    for (let i = 0; i < 10; i++) runSlice(job, clock, 20, size);
    expect(size.n).toBe(MIN_STEP);
  });

  it('never grows the step beyond its cap', () => {
    const clock = fakeClock();
    const job = fakeJob(clock, Number.MAX_SAFE_INTEGER, 0);
    const size = { n: 256 };
    // a job that costs nothing never uses up a slice: stop it by hand after a few steps
    let calls = 0;
    const capped: SlicedJob = { step: (n) => (job.step(n), ++calls > 40) };
    runSlice(capped, clock, 20, size);
    expect(size.n).toBe(MAX_STEP);
  });

  it('finishes a small job in the first slice, synchronously, without yielding', () => {
    const clock = fakeClock();
    const y = manualYield();
    let done = 0;
    const handle = runInSlices(
      fakeJob(clock, 100, 0.01),
      { clock, yieldTo: y.yieldTo },
      () => done++,
      () => {},
    );
    expect(handle).toBeNull();
    expect(done).toBe(1);
    expect(y.pending()).toBe(0);
  });

  it('deferFirst: even a small job runs in a later task; firstStep sets its first step', () => {
    const clock = fakeClock();
    const y = manualYield();
    const job = fakeJob(clock, 100, 0.01);
    let done = 0;
    const handle = runInSlices(
      job,
      { clock, yieldTo: y.yieldTo, firstStep: 2, deferFirst: true },
      () => done++,
      () => {},
    );
    expect(handle).not.toBeNull();
    expect(job.steps).toEqual([]);
    expect(y.pending()).toBe(1);
    y.drain();
    expect(done).toBe(1);
    expect(job.steps[0]).toBe(2);
  });

  it('runs a long job slice by slice, yielding between slices, reporting after each', () => {
    const clock = fakeClock();
    const y = manualYield();
    const job = fakeJob(clock, 100_000, 0.01); // 1 s of work in all
    let done = 0;
    let slices = 0;
    const handle = runInSlices(
      job,
      { clock, yieldTo: y.yieldTo, sliceMs: 20, onSlice: () => slices++ },
      () => done++,
      () => {},
    );
    expect(handle).not.toBeNull();
    expect(done).toBe(0);
    expect(y.pending()).toBe(1);
    const tasks = y.drain();
    expect(done).toBe(1);
    expect(job.done).toBe(100_000);
    // about 1000 ms / 20 ms slices (the first ran synchronously)
    expect(tasks).toBeGreaterThan(35);
    expect(tasks).toBeLessThan(60);
    expect(slices).toBe(tasks - 1);
  });

  it('cancel stops before the next slice: the job is never finished', () => {
    const clock = fakeClock();
    const y = manualYield();
    const job = fakeJob(clock, 100_000, 0.01);
    let done = 0;
    const handle = runInSlices(
      job,
      { clock, yieldTo: y.yieldTo },
      () => done++,
      () => {},
    );
    y.runNext();
    y.runNext();
    const at = job.done;
    handle?.cancel();
    expect(handle?.cancelled).toBe(true);
    y.drain();
    expect(done).toBe(0);
    expect(job.done).toBe(at);
  });

  it('reports an error thrown in a later slice and stops', () => {
    const clock = fakeClock();
    const y = manualYield();
    let calls = 0;
    const job: SlicedJob = {
      step() {
        clock.advance(30);
        if (++calls === 3) throw new Error('boom');
        return false;
      },
    };
    const errors: unknown[] = [];
    runInSlices(
      job,
      { clock, yieldTo: y.yieldTo },
      () => {},
      (e) => errors.push(e),
    );
    y.drain();
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
    expect(calls).toBe(3);
  });
});

describe('progress', () => {
  const p = (over: Partial<LoadProgress>): LoadProgress => ({
    phase: 'simulate',
    events: 0,
    t: 0,
    horizon: 1000,
    maxEvents: 1_000_000,
    indexed: 0,
    total: 0,
    ...over,
  });
  it('counts the simulation by virtual time or by the event budget, whichever is further', () => {
    expect(progressFraction(p({}))).toBe(0);
    expect(progressFraction(p({ t: 500 }))).toBeCloseTo(0.85 * 0.5);
    expect(progressFraction(p({ t: 100, events: 500_000 }))).toBeCloseTo(0.85 * 0.5);
    expect(progressFraction(p({ t: 5000 }))).toBeCloseTo(0.85);
    expect(progressFraction(p({ horizon: 0, maxEvents: 0 }))).toBe(0);
  });
  it('then the indexing of the trace, up to 1', () => {
    expect(progressFraction(p({ phase: 'index', indexed: 0, total: 100 }))).toBeCloseTo(0.85);
    expect(progressFraction(p({ phase: 'index', indexed: 50, total: 100 }))).toBeCloseTo(0.925);
    expect(progressFraction(p({ phase: 'index', indexed: 100, total: 100 }))).toBe(1);
    expect(progressFraction(p({ phase: 'index', indexed: 0, total: 0 }))).toBe(1);
  });
});

describe('LoadJob', () => {
  it('gives the same result, hash and index in tiny steps as simulate + indexTrace at once', () => {
    const s = scenario(20);
    const whole = simulate(ledger, s);
    const ix = indexTrace(whole);
    const job = new LoadJob(ledger, s);
    let steps = 0;
    while (!job.step(7)) steps++;
    expect(steps).toBeGreaterThan(10);
    const { result, index } = job.loaded!;
    expect(result.hash).toBe(whole.hash);
    expect(result.hash).toBe(traceHash(whole.events));
    expect(result.events).toEqual(whole.events);
    expect(index.result).toBe(result);
    expect(index.stateSeqs).toEqual(ix.stateSeqs);
    expect(index.tables).toEqual(ix.tables);
    expect(index.arrival).toEqual(ix.arrival);
    expect(index.arrivalMore).toEqual(ix.arrivalMore);
    expect(index.nodeSeqs).toEqual(ix.nodeSeqs);
    expect(index.kindSeqs).toEqual(ix.kindSeqs);
    expect(index.links).toEqual(ix.links);
    expect(index.noteSeqs).toEqual(ix.noteSeqs);
    expect(index.faultSends).toEqual(ix.faultSends);
    expect(index.sends.length).toBe(ix.sends.length);
    expect(index.maxFlight).toBe(ix.maxFlight);
  });

  it('reports progress through both phases', () => {
    const job = new LoadJob(ledger, scenario(20));
    expect(job.progress()).toMatchObject({ phase: 'simulate', events: 0 });
    job.step(10);
    expect(job.progress()).toMatchObject({ phase: 'simulate', events: 10 });
    while (job.progress().phase === 'simulate') job.step(10);
    const p = job.progress();
    expect(p.total).toBeGreaterThan(0);
    runToEnd(job);
    expect(job.progress()).toMatchObject({ phase: 'index', indexed: p.total });
  });

  it('stops at the scenario’s event budget', () => {
    const job = new LoadJob(ledger, scenario(20, { maxEvents: 25 }));
    runToEnd(job);
    expect(job.loaded!.result.stoppedBy).toBe('maxEvents');
    expect(job.loaded!.result.maxEvents).toBe(25);
    expect(job.loaded!.result.events.length).toBe(25);
  });
});

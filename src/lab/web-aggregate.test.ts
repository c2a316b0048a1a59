/** Streaming aggregation: final figures equal aggregateAll's whatever the arrival order; throttled flushes. */
import { describe, expect, it } from 'vitest';
import { aggregateAll } from './aggregate';
import { defaultLabConfig, FAULT_PRESETS, type LabConfig } from './config';
import { labJobs, runLabSync } from './sweep';
import { StreamingAggregator, throttle } from './web-aggregate';

const config: LabConfig = {
  ...defaultLabConfig(),
  patterns: ['2pc'],
  workload: { transactions: 3, perSecond: 4, failureRate: 0.3 },
  faults: FAULT_PRESETS['bad-day'],
  runs: 5,
  seed: 11,
  sweep: { key: 'crashRate', values: [0, 1] },
};

describe('streaming aggregation', () => {
  const jobs = labJobs(config, null);
  const runs = runLabSync(config).runs;

  it('runs arriving out of order give exactly aggregateAll of the canonical result', () => {
    const agg = new StreamingAggregator(jobs);
    const order = runs.map((_, i) => i).reverse();
    for (const [k, i] of order.entries()) {
      agg.add(i, runs[i]);
      if (k % 3 === 0) agg.flush();
    }
    expect(agg.flush()).toEqual(aggregateAll(runs));
    expect(agg.runs()).toEqual(runs);
    expect(agg.count).toBe(runs.length);
  });

  it('any arrival order, with flushes anywhere between, gives the figures of the canonical order, bit for bit', () => {
    // Runs come in slot order, or shuffled (workers fill their stretches from the front and take others' leftovers
    // from the back); the folded prefix of slots and the slots past it must add up exactly as one pass over the runs
    // in canonical order.
    const ref = aggregateAll(runs);
    let seed = 5;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const order = runs.map((_, i) => i);
      if (trial % 2)
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
      else {
        const [a, b] = [order.filter((i) => i % 2 === 0), order.filter((i) => i % 2 === 1)];
        order.length = 0;
        while (a.length || b.length)
          order.push(...(a.length && (rand() < 0.5 || !b.length) ? a : b).splice(0, 1 + Math.floor(rand() * 3)));
      }
      const agg = new StreamingAggregator(jobs);
      for (const i of order) {
        agg.add(i, runs[i]);
        if (rand() < 0.3) agg.flush();
      }
      if (trial === 4) agg.add(order[2], runs[order[2]]); // a run given twice: the group is rebuilt
      expect(JSON.stringify(agg.flush())).toBe(JSON.stringify(ref));
    }
  });

  it('a flush recomputes only the groups that received runs', () => {
    const agg = new StreamingAggregator(jobs);
    runs.forEach((r, i) => agg.add(i, r));
    const first = agg.flush();
    agg.add(runs.length - 1, runs[runs.length - 1]); // a run of the second sweep point, again
    const second = agg.flush();
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual(first[1]);
  });

  it('partial groups aggregate the runs in so far', () => {
    const agg = new StreamingAggregator(jobs);
    agg.add(2, runs[2]);
    agg.add(0, runs[0]);
    const out = agg.flush();
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual(aggregateAll([runs[0], runs[2]])[0]);
  });
});

describe('throttle', () => {
  function fakeClock() {
    let now = 0;
    const timers: { at: number; f: () => void; id: number }[] = [];
    let ids = 0;
    return {
      clock: {
        now: () => now,
        set: (f: () => void, ms: number) => {
          const id = ++ids;
          timers.push({ at: now + ms, f, id });
          return id;
        },
        clear: (h: unknown) => {
          const i = timers.findIndex((t) => t.id === h);
          if (i >= 0) timers.splice(i, 1);
        },
      },
      advance(ms: number) {
        const end = now + ms;
        for (;;) {
          const t = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
          if (!t) break;
          timers.splice(timers.indexOf(t), 1);
          now = t.at;
          t.f();
        }
        now = end;
      },
    };
  }

  it('calls at most once per interval, and once more after the last request', () => {
    const c = fakeClock();
    const calls: number[] = [];
    const th = throttle(() => calls.push(c.clock.now()), 250, c.clock);
    th.request(); // first: at once
    for (let t = 0; t < 10; t++) {
      c.advance(50);
      th.request();
    }
    c.advance(1000);
    expect(calls).toEqual([0, 250, 500, 750]);
    for (let i = 1; i < calls.length; i++) expect(calls[i] - calls[i - 1]).toBeGreaterThanOrEqual(250);
  });

  it('a due request fires at once even while its timer has not run (timers starved by worker messages)', () => {
    const c = fakeClock();
    let n = 0;
    let now = 0;
    const starved = { now: () => now, set: () => 1, clear: () => undefined }; // timers never run
    const th = throttle(() => n++, 250, starved);
    th.request(); // fires
    now = 100;
    th.request(); // schedules a timer that never runs
    now = 300;
    th.request(); // due: fires without the timer
    expect(n).toBe(2);
    void c;
  });

  it('now() flushes at once and drops the pending call; cancel() drops it', () => {
    const c = fakeClock();
    let n = 0;
    const th = throttle(() => n++, 250, c.clock);
    th.request();
    th.request();
    th.now();
    c.advance(1000);
    expect(n).toBe(2);
    th.request();
    th.cancel();
    c.advance(1000);
    expect(n).toBe(3);
  });
});

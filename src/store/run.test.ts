import { beforeEach, describe, expect, it, vi } from 'vitest';
import { baseScenario, type Scenario } from '../engine';
import { ledger } from '../ui/tables/testPattern';

// The store runs whatever the page's catalog of patterns holds: here one small test pattern with tables and locks,
// and 'slow', a copy of it whose code arrives only when the test says so.
const slow = vi.hoisted(() => {
  let resolve: (p: unknown) => void = () => {};
  const promise = new Promise<unknown>((r) => (resolve = r));
  return { promise, resolve: (p: unknown) => resolve(p), loaded: null as unknown };
});
vi.mock('../patterns/catalog', () => ({
  catalog: [{ id: ledger.id, family: ledger.family, load: () => Promise.resolve(ledger) }],
  defaultPattern: ledger,
  isKnownPattern: (id: string) => id === ledger.id || id === 'slow',
  loadedPattern: (id: string) => (id === ledger.id ? ledger : id === 'slow' ? (slow.loaded ?? undefined) : undefined),
  loadPattern: (id: string) => (id === 'slow' ? slow.promise : Promise.resolve(id === ledger.id ? ledger : undefined)),
}));

const { useRun, loadTiming } = await import('./run');

/** Every call to now() moves 5 ms: a slice (20 ms) holds about two steps, so a big run takes many slices. */
let now = 0;
const queue: (() => void)[] = [];
beforeEach(() => {
  now = 0;
  queue.length = 0;
  loadTiming.clock = { now: () => (now += 5) };
  loadTiming.yieldTo = (cb) => void queue.push(cb);
  loadTiming.sliceMs = 20;
});
const drain = () => {
  while (queue.length) queue.shift()?.();
};

const scenario = (count: number, extra: Partial<Scenario> = {}): Scenario => ({
  ...baseScenario(ledger),
  params: { count },
  workload: ledger.workload({ count }),
  ...extra,
});

describe('run store: loading in slices', () => {
  it('shows a small scenario at once (no loading state, no yield)', () => {
    loadTiming.clock = { now: () => 0 }; // all work fits one slice
    expect(useRun.getState().loadScenario(scenario(4))).toBe(true);
    const s = useRun.getState();
    expect(s.loading).toBeNull();
    expect(queue.length).toBe(0);
    expect(s.scenario.params.count).toBe(4);
    expect(s.result.events.length).toBeGreaterThan(0);
  });

  it('keeps the previous run on screen while a big one is computed, with progress, until it is ready', () => {
    loadTiming.clock = { now: () => 0 };
    useRun.getState().loadScenario(scenario(3));
    const before = useRun.getState().result;
    loadTiming.clock = { now: () => (now += 5) };
    expect(useRun.getState().loadScenario(scenario(300))).toBe(true);
    let s = useRun.getState();
    expect(s.loading).not.toBeNull();
    expect(s.loading?.scenario.params.count).toBe(300);
    expect(s.result).toBe(before);
    const first = s.loading!.progress.events;
    queue.shift()?.();
    s = useRun.getState();
    expect(s.result).toBe(before);
    expect(s.loading!.progress.events + s.loading!.progress.indexed).toBeGreaterThan(first);
    drain();
    s = useRun.getState();
    expect(s.loading).toBeNull();
    expect(s.result).not.toBe(before);
    expect(s.scenario.params.count).toBe(300);
    expect(s.cursor).toEqual({ pos: 0, t: 0 });
  });

  it('Cancel keeps the previous run and scenario; the dropped run never lands', () => {
    loadTiming.clock = { now: () => 0 };
    useRun.getState().loadScenario(scenario(3));
    const before = useRun.getState();
    loadTiming.clock = { now: () => (now += 5) };
    useRun.getState().loadScenario(scenario(300));
    queue.shift()?.();
    useRun.getState().cancelLoad();
    drain();
    const s = useRun.getState();
    expect(s.loading).toBeNull();
    expect(s.result).toBe(before.result);
    expect(s.scenario).toBe(before.scenario);
  });

  it('a newer load replaces an unfinished one', () => {
    useRun.getState().loadScenario(scenario(300));
    useRun.getState().loadScenario(scenario(301));
    drain();
    expect(useRun.getState().scenario.params.count).toBe(301);
  });

  it('an edit keeps the cursor’s virtual time, also when computed in slices', () => {
    loadTiming.clock = { now: () => 0 };
    useRun.getState().loadScenario(scenario(3));
    useRun.getState().seekTime(150);
    loadTiming.clock = { now: () => (now += 5) };
    useRun
      .getState()
      .editScenario((s) => ({ ...s, params: { count: 300 }, workload: ledger.workload({ count: 300 }) }));
    expect(useRun.getState().loading).not.toBeNull();
    drain();
    expect(useRun.getState().cursor.t).toBe(150);
  });

  it('a run stopped by its event budget says so in its result', () => {
    loadTiming.clock = { now: () => 0 };
    useRun.getState().loadScenario(scenario(50, { maxEvents: 40 }));
    const r = useRun.getState().result;
    expect(r.stoppedBy).toBe('maxEvents');
    expect(r.maxEvents).toBe(40);
  });

  it('a scenario the engine rejects at once leaves everything as it was and shows an error', () => {
    loadTiming.clock = { now: () => 0 };
    useRun.getState().loadScenario(scenario(3));
    const before = useRun.getState().result;
    const bad = { ...scenario(3), workload: [{ at: 0, node: 'nobody', request: { type: 'GO' } }] };
    expect(useRun.getState().loadScenario(bad)).toBe(false);
    expect(useRun.getState().result).toBe(before);
    expect(useRun.getState().errors.at(-1)?.key).toBe('error.runFailed');
  });
});

describe('run store: a pattern whose code is still loading', () => {
  it('is pending until it arrives (the picker shows it, the Tour button waits); a newer pick clears it', async () => {
    loadTiming.clock = { now: () => 0 };
    const run = useRun.getState();
    run.setPattern(ledger.id);
    run.setPattern('slow');
    expect(useRun.getState().pendingPattern).toBe('slow');
    expect(useRun.getState().pattern.id).toBe(ledger.id);
    // Picked again before it arrives, then back to a loaded one: the older pick is dropped.
    useRun.getState().setPattern(ledger.id);
    expect(useRun.getState().pendingPattern).toBeNull();
    const slowPattern = { ...ledger, id: 'slow' };
    slow.resolve(slowPattern);
    await slow.promise;
    await new Promise((r) => setTimeout(r, 0));
    expect(useRun.getState().pendingPattern).toBeNull();
    expect(useRun.getState().pattern.id).toBe(ledger.id);
    // Picked and arrived: it becomes the pattern on screen, nothing pending.
    slow.loaded = slowPattern;
    useRun.getState().setPattern('slow');
    expect(useRun.getState().pendingPattern).toBeNull();
    expect(useRun.getState().pattern.id).toBe('slow');
  });

  it('a pick that is still loading clears when its code arrives, and it is shown', async () => {
    slow.loaded = null;
    loadTiming.clock = { now: () => 0 };
    useRun.getState().setPattern(ledger.id);
    useRun.getState().setPattern('slow');
    expect(useRun.getState().pendingPattern).toBe('slow');
    await slow.promise;
    await new Promise((r) => setTimeout(r, 0));
    expect(useRun.getState().pendingPattern).toBeNull();
    expect(useRun.getState().pattern.id).toBe('slow');
  });
});

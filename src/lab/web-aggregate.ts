/**
 * Aggregation while runs stream in, without long tasks on the main thread: each run is folded, as it arrives, into
 * its (pattern, sweep point) group's accumulator at its rank in canonical order (GroupAccumulator: the cost of the
 * run itself); `flush()` asks only the groups that received runs since the last flush for their figures, which is
 * linear in the group's runs, with no re-sort of everything. The final figures equal aggregateAll() of the whole
 * result, as the CLI prints them, whatever the arrival order. `throttle()` calls a flush at most once per interval.
 */
import { GroupAccumulator, type PatternAggregate } from './aggregate';
import type { LabJob, RunMetrics } from './runs';

export class StreamingAggregator {
  private readonly groupOf: number[] = [];
  private readonly slotOf: number[] = [];
  private readonly groups: GroupAccumulator[] = [];
  private readonly results: (RunMetrics | undefined)[];
  private readonly cached: (PatternAggregate | undefined)[] = [];
  private readonly dirty = new Set<number>();
  count = 0;

  constructor(jobs: readonly LabJob[]) {
    // pattern → sweep point → group: no key string built per job (a sweep can have 20,000 and more).
    const ids = new Map<string, Map<number, number>>();
    const sizes: number[] = [];
    jobs.forEach((j, i) => {
      let points = ids.get(j.pattern);
      if (!points) ids.set(j.pattern, (points = new Map()));
      let g = points.get(j.point);
      if (g === undefined) {
        g = sizes.length;
        points.set(j.point, g);
        sizes.push(0);
      }
      this.groupOf[i] = g;
      this.slotOf[i] = sizes[g]++;
    });
    for (const n of sizes) this.groups.push(new GroupAccumulator(n));
    this.results = new Array(jobs.length);
  }

  add(i: number, m: RunMetrics): void {
    if (this.results[i] === undefined) this.count++;
    this.results[i] = m;
    const g = this.groupOf[i];
    this.groups[g].add(this.slotOf[i], m);
    this.dirty.add(g);
  }

  /** Every group with at least one run, in canonical order (only the changed groups are recomputed). */
  flush(): PatternAggregate[] {
    for (const g of this.dirty) this.cached[g] = this.groups[g].result();
    this.dirty.clear();
    return this.cached.filter((a): a is PatternAggregate => a !== undefined);
  }

  /** The runs received so far, in canonical order. */
  runs(): RunMetrics[] {
    return this.results.filter((r): r is RunMetrics => r !== undefined);
  }
}

export interface Throttled {
  /** Ask for a call: runs now if the interval has passed since the last one, else once at the end of it. */
  request(): void;
  /** Call now (and drop a pending one). */
  now(): void;
  cancel(): void;
  /** Change the interval (e.g. to back off when each call turns out to be costly). */
  setInterval(ms: number): void;
}

export function throttle(
  fn: () => void,
  ms: number,
  clock: {
    now: () => number;
    set: (f: () => void, ms: number) => unknown;
    clear: (h: unknown) => void;
  } = {
    now: () => performance.now(),
    set: (f, d) => setTimeout(f, d),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): Throttled {
  let last = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    last = clock.now();
    fn();
  };
  return {
    request() {
      const wait = last + ms - clock.now();
      // Due: call now, even if the timer has not run yet (a flood of worker messages can starve timers).
      if (wait <= 0) {
        if (timer !== null) clock.clear(timer);
        fire();
      } else if (timer === null) timer = clock.set(fire, wait);
    },
    now() {
      if (timer !== null) clock.clear(timer);
      fire();
    },
    cancel() {
      if (timer !== null) clock.clear(timer);
      timer = null;
    },
    setInterval(next) {
      ms = next;
    },
  };
}

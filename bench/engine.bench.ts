/**
 * `npm run bench`: the engine's speed.
 * (a) An M/M/1 queue of 180,000 customers, our engine in batch mode beside simjs (SIM.JS 2.0.3) in this process,
 *     same parameters, interleaved repetitions after a warm-up. Goals: ≥ 3× simjs, ≥ 2 million engine events/s.
 * (b) A real pattern (2PC, from the registry): many transactions, batch mode vs record mode.
 * Figures are medians (and best) of the repetitions; run on an idle machine for stable numbers.
 */
import { createRequire } from 'node:module';
import { simulate } from '../src/engine/simulator';
import { baseScenario } from '../src/engine/scenario';
import type { PatternDef } from '../src/engine/pattern';
import { getPattern, patterns } from '../src/patterns/registry';
import { mm1OneNodePattern, mm1Pattern, type SrvD } from './mm1';
import { manyTransactions } from './workloads';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 180_000);
const MEAN_ARRIVAL = 1; // ms between arrivals (λ = 1/ms)
const MEAN_SERVICE = 0.8; // ms of service (μ = 1.25/ms, ρ = 0.8)
const REPS = Number(process.env.REPS ?? 7);

// ---------------------------------------------------------------- simjs

interface SimjsRequest {
  done(cb: () => void): void;
}
interface SimjsEntity {
  setTimer(d: number): SimjsRequest;
  useFacility(f: unknown, d: number): SimjsRequest;
}
interface SimjsApi {
  Sim: new () => { addEntity(k: unknown): unknown; simulate(end: number): void; time(): number };
  Entity: new (...a: unknown[]) => SimjsEntity;
  Facility: new (name: string) => { usage(): number; queueStats(): { durationSeries: { average(): number } } };
  Random: new (seed: number) => { exponential(lambda: number): number };
}

function loadSimjs(): SimjsApi {
  const g = globalThis as unknown as { window?: unknown; Sim?: SimjsApi };
  g.window = globalThis; // the browserify bundle attaches itself to window
  createRequire(import.meta.url)('simjs');
  if (!g.Sim) throw new Error('simjs did not load');
  return g.Sim;
}

/** The classic SIM.JS M/M/1: a generator entity with an arrival timer; each customer uses a FCFS facility. */
function runSimjs(S: SimjsApi, customers: number, seed: number) {
  const sim = new S.Sim();
  const server = new S.Facility('server');
  const rnd = new S.Random(seed);
  let arrived = 0;
  let served = 0;
  class Generator extends S.Entity {
    start() {
      this.next();
    }
    next() {
      if (arrived >= customers) return;
      this.setTimer(rnd.exponential(1 / MEAN_ARRIVAL)).done(() => {
        arrived++;
        this.useFacility(server, rnd.exponential(1 / MEAN_SERVICE)).done(() => {
          served++;
        });
        this.next();
      });
    }
  }
  sim.addEntity(Generator);
  sim.simulate(Number.MAX_VALUE);
  return { served, endTime: sim.time(), utilization: server.usage() / sim.time() };
}

// ---------------------------------------------------------------- ours

function runOurs(p: PatternDef, seed: number) {
  const r = simulate(p, baseScenario(p, seed), { record: false, invariants: false });
  const d = r.final.states.server.durable as SrvD;
  return {
    events: r.stats.events,
    served: d.served,
    endTime: r.endTime,
    meanWait: d.queueArea / d.served,
    utilization: d.busyTime / r.endTime,
  };
}

// ---------------------------------------------------------------- helpers

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = <T>(f: () => T): [number, T] => {
  const t0 = performance.now();
  const v = f();
  return [performance.now() - t0, v];
};
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

// ---------------------------------------------------------------- (a) M/M/1

function mm1() {
  const S = loadSimjs();
  const one = mm1OneNodePattern(CUSTOMERS, MEAN_ARRIVAL, MEAN_SERVICE);
  const two = mm1Pattern(CUSTOMERS, MEAN_ARRIVAL, MEAN_SERVICE);
  const t = { simjs: [] as number[], one: [] as number[], two: [] as number[] };
  let evOne = 0;
  let evTwo = 0;
  let check = '';
  // Warm-up (JIT), then interleave so background load hits every contender alike.
  runSimjs(S, 20_000, 1);
  runOurs(mm1OneNodePattern(20_000, MEAN_ARRIVAL, MEAN_SERVICE), 1);
  runOurs(mm1Pattern(20_000, MEAN_ARRIVAL, MEAN_SERVICE), 1);
  for (let i = 0; i < REPS; i++) {
    const [ts, rs] = time(() => runSimjs(S, CUSTOMERS, 42 + i));
    const [t1, r1] = time(() => runOurs(one, 42 + i));
    const [t2, r2] = time(() => runOurs(two, 42 + i));
    t.simjs.push(ts);
    t.one.push(t1);
    t.two.push(t2);
    evOne = r1.events;
    evTwo = r2.events;
    if (rs.served !== CUSTOMERS || r1.served !== CUSTOMERS || r2.served !== CUSTOMERS)
      throw new Error('lost customers');
    if (i === 0) {
      check =
        `same model: utilization simjs ${fmt(rs.utilization, 3)}, ours ${fmt(r1.utilization, 3)} (theory ${MEAN_SERVICE / MEAN_ARRIVAL}); ` +
        `mean wait in queue ours ${fmt(r1.meanWait, 2)} ms (theory ${fmt((MEAN_SERVICE / (1 / MEAN_SERVICE - 1 / MEAN_ARRIVAL) / MEAN_SERVICE) * MEAN_SERVICE, 2)} ms)`;
    }
  }
  const mSimjs = median(t.simjs);
  const mOne = median(t.one);
  const mTwo = median(t.two);
  const W = [44, 10, 10, 12, 14, 9];
  console.log(
    `\n(a) M/M/1 queue, ${CUSTOMERS.toLocaleString('en-US')} customers, ρ = ${MEAN_SERVICE / MEAN_ARRIVAL}, ${REPS} runs each after warm-up (median, best)`,
  );
  console.log(row(['contender', 'median ms', 'best ms', 'events', 'events/s', 'vs simjs'], W));
  console.log(
    row(['simjs 2.0.3 (timer + FCFS facility)', fmt(mSimjs), fmt(Math.min(...t.simjs)), '—', '—', '1.00×'], W),
  );
  console.log(
    row(
      [
        'dtx engine, batch, 1 node (2 timers/customer)',
        fmt(mOne),
        fmt(Math.min(...t.one)),
        evOne.toLocaleString('en-US'),
        fmt(evOne / mOne / 1000, 2) + ' M',
        fmt(mSimjs / mOne, 2) + '×',
      ],
      W,
    ),
  );
  console.log(
    row(
      [
        'dtx engine, batch, source→server messages',
        fmt(mTwo),
        fmt(Math.min(...t.two)),
        evTwo.toLocaleString('en-US'),
        fmt(evTwo / mTwo / 1000, 2) + ' M',
        fmt(mSimjs / mTwo, 2) + '×',
      ],
      W,
    ),
  );
  console.log(check);
  const ratio = mSimjs / mOne;
  const evps = evOne / mOne / 1000;
  console.log(
    `engine vs simjs on the same M/M/1 workload: ${fmt(ratio, 2)}× faster (goal ≥ 3×) ${ratio >= 3 ? 'MET' : 'NOT MET'}`,
  );
  const best = evOne / Math.min(...t.one) / 1000;
  console.log(
    `engine batch throughput: ${fmt(evps, 2)} million events/s median, ${fmt(best, 2)} best (goal ≥ 2) ${evps >= 2 ? 'MET' : 'NOT MET'}`,
  );
}

// ---------------------------------------------------------------- (b) a real pattern

function realPattern() {
  const p = getPattern('2pc') ?? patterns[0];
  if (!p) {
    console.log('\n(b) skipped: no pattern is registered yet');
    return;
  }
  const n = Number(process.env.TX ?? 200);
  const sc = manyTransactions(p, n);
  simulate(p, manyTransactions(p, 20), { record: true }); // warm-up
  const W = [40, 10, 10, 14];
  console.log(`\n(b) ${p.id}: ${n.toLocaleString('en-US')} transactions (TX=…), default parameters (median of 3)`);
  console.log(row(['mode', 'median ms', 'events', 'events/s'], W));
  const modes = [
    { label: 'batch (record: false, no invariants)', opts: { record: false, invariants: false } },
    { label: 'batch (record: false, invariants on)', opts: { record: false } },
    { label: 'record (full trace, invariants on)', opts: { record: true } },
  ];
  for (const { label, opts } of modes) {
    const times: number[] = [];
    let events = 0;
    for (let i = 0; i < 3; i++) {
      const [ms, r] = time(() => simulate(p, sc, opts));
      times.push(ms);
      events = r.stats.events;
    }
    const m = median(times);
    console.log(row([label, fmt(m), events.toLocaleString('en-US'), fmt(events / m / 1000, 3) + ' M'], W));
  }
}

mm1();
realPattern();

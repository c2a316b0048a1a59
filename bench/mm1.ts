/**
 * An M/M/1 queue as a pattern of the engine (source → server), the workload on which the engine is compared with
 * simjs (bench/engine.bench.ts). Arrivals: Poisson with mean gap `meanArrival`, from the source's own timer; service:
 * exponential with mean `meanService`, FIFO, one server. Customers cross a zero-latency link.
 *
 * The model is lean but pure: the server keeps only counters, and the mean wait in queue comes from the time-integral
 * of the queue length (Little's law: Wq = ∫Q dt / customers), so no per-customer array is needed.
 */
import { role, type PatternDef } from '../src/engine/pattern';
import type { Effect, NodeState } from '../src/engine/types';
import { rngNext, rngState } from '../src/engine/prng';

interface SrcD {
  sent: number;
}
export interface SrvD {
  /** Customers whose service finished. */
  served: number;
  /** Customers waiting (not in service). */
  queue: number;
  busy: boolean;
  /** Last time `queue` or `busy` changed. */
  last: number;
  /** ∫ queue dt (ms · customers). */
  queueArea: number;
  /** ∫ busy dt (ms). */
  busyTime: number;
}

const exp = (u: number, mean: number) => -Math.log(1 - u) * mean;

export function mm1Pattern(customers: number, meanArrival: number, meanService: number): PatternDef {
  const arrive: Effect = { kind: 'send', to: 'server', msg: { type: 'C' } };
  return {
    id: 'mm1',
    family: 'bench',
    roles: {
      source: role<SrcD, null>({
        init: () => ({ durable: { sent: 0 }, volatile: null }),
        step(s, input, ctx) {
          if (input.kind === 'start') {
            return { state: s, effects: [{ kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) }] };
          }
          if (input.kind === 'timer') {
            const sent = s.durable.sent + 1;
            const state: NodeState<SrcD, null> = { durable: { sent }, volatile: null };
            if (sent >= customers) return { state, effects: [arrive] };
            return { state, effects: [arrive, { kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) }] };
          }
          return { state: s, effects: [] };
        },
      }),
      server: role<SrvD, null>({
        init: () => ({
          durable: { served: 0, queue: 0, busy: false, last: 0, queueArea: 0, busyTime: 0 },
          volatile: null,
        }),
        step(s, input, ctx) {
          const d = s.durable;
          const dt = ctx.now - d.last;
          const queueArea = d.queueArea + d.queue * dt;
          const busyTime = d.busy ? d.busyTime + dt : d.busyTime;
          if (input.kind === 'deliver') {
            if (!d.busy) {
              return {
                state: {
                  durable: { served: d.served, queue: 0, busy: true, last: ctx.now, queueArea, busyTime },
                  volatile: null,
                },
                effects: [{ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) }],
              };
            }
            return {
              state: {
                durable: { served: d.served, queue: d.queue + 1, busy: true, last: ctx.now, queueArea, busyTime },
                volatile: null,
              },
              effects: [],
            };
          }
          if (input.kind === 'timer') {
            const served = d.served + 1;
            if (d.queue > 0) {
              return {
                state: {
                  durable: { served, queue: d.queue - 1, busy: true, last: ctx.now, queueArea, busyTime },
                  volatile: null,
                },
                effects: [{ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) }],
              };
            }
            return {
              state: { durable: { served, queue: 0, busy: false, last: ctx.now, queueArea, busyTime }, volatile: null },
              effects: [],
            };
          }
          return { state: s, effects: [] };
        },
      }),
    },
    params: [],
    guards: [],
    topology: () => ({
      nodes: [
        { id: 'source', role: 'source', label: 'source', x: 0, y: 0 },
        { id: 'server', role: 'server', label: 'server', x: 200, y: 0 },
      ],
      edges: [{ from: 'source', to: 'server' }],
    }),
    defaultNetwork: { default: { latency: { kind: 'constant', value: 0 }, loss: 0, duplicate: 0, reorder: 0 } },
    defaultHorizon: Number.MAX_VALUE,
    workload: () => [],
    invariants: [],
    outcomes: () => [],
    view: () => ({ tone: 'idle', statusKey: '', durable: [], volatile: [] }),
    scenarios: [],
    handlers: [],
    surface: () => ({ crashable: [], channels: [] }),
  };
}

interface OneD {
  arrived: number;
  served: number;
  queue: number;
  busy: boolean;
  last: number;
  queueArea: number;
  busyTime: number;
}

/**
 * The same M/M/1 queue on one node, arrivals and service completions both as the node's timers: the same two events
 * per customer that simjs schedules (arrival timer, facility completion), so the comparison is like for like.
 */
export function mm1OneNodePattern(customers: number, meanArrival: number, meanService: number): PatternDef {
  return {
    ...mm1Pattern(customers, meanArrival, meanService),
    id: 'mm1-1node',
    roles: {
      server: role<OneD, null>({
        init: () => ({
          durable: { arrived: 0, served: 0, queue: 0, busy: false, last: 0, queueArea: 0, busyTime: 0 },
          volatile: null,
        }),
        step(s, input, ctx) {
          const d = s.durable;
          if (input.kind === 'start') {
            return { state: s, effects: [{ kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) }] };
          }
          if (input.kind !== 'timer') return { state: s, effects: [] };
          const now = ctx.now;
          const dt = now - d.last;
          const queueArea = d.queueArea + d.queue * dt;
          const busyTime = d.busy ? d.busyTime + dt : d.busyTime;
          if (input.name === 'a') {
            const arrived = d.arrived + 1;
            const effects: Effect[] =
              arrived < customers ? [{ kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) }] : [];
            if (!d.busy) effects.push({ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) });
            const queue = d.busy ? d.queue + 1 : 0;
            return {
              state: {
                durable: { arrived, served: d.served, queue, busy: true, last: now, queueArea, busyTime },
                volatile: null,
              },
              effects,
            };
          }
          const served = d.served + 1;
          const busy = d.queue > 0;
          return {
            state: {
              durable: {
                arrived: d.arrived,
                served,
                queue: busy ? d.queue - 1 : 0,
                busy,
                last: now,
                queueArea,
                busyTime,
              },
              volatile: null,
            },
            effects: busy ? [{ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) }] : [],
          };
        },
      }),
    },
    topology: () => ({ nodes: [{ id: 'server', role: 'server', label: 'server', x: 0, y: 0 }], edges: [] }),
  };
}

/**
 * The ceiling: the same M/M/1 queue as a bare loop over a typed-array binary heap (times in a Float64Array, kinds in
 * a Uint8Array), no engine, no objects per event — the fastest a JavaScript discrete-event loop can run this model.
 * The same sfc32 stream and draw order as the one-node pattern, so it serves the same customers.
 */
export function mm1Ceiling(customers: number, meanArrival: number, meanService: number, seed: number) {
  const rng = rngState(seed, 'node:server');
  const cap = 1 << 16;
  const times = new Float64Array(cap);
  const kinds = new Uint8Array(cap);
  const orders = new Float64Array(cap);
  let n = 0;
  let order = 0;
  const push = (t: number, k: number) => {
    let i = n++;
    const o = order++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < t || (times[p] === t && orders[p] < o)) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      orders[i] = orders[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
    orders[i] = o;
  };
  const pop = (): number => {
    const k = kinds[0];
    const lt = times[--n];
    const lk = kinds[n];
    const lo = orders[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      if (l + 1 < n && (times[l + 1] < times[l] || (times[l + 1] === times[l] && orders[l + 1] < orders[l]))) c = l + 1;
      if (lt < times[c] || (lt === times[c] && lo < orders[c])) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      orders[i] = orders[c];
      i = c;
    }
    times[i] = lt;
    kinds[i] = lk;
    orders[i] = lo;
    return k;
  };
  let now = 0;
  let arrived = 0;
  let served = 0;
  let queue = 0;
  let busy = false;
  let events = 0;
  push(exp(rngNext(rng), meanArrival), 0);
  while (n > 0) {
    now = times[0];
    const k = pop();
    events++;
    if (k === 0) {
      arrived++;
      if (arrived < customers) push(now + exp(rngNext(rng), meanArrival), 0);
      if (!busy) {
        busy = true;
        push(now + exp(rngNext(rng), meanService), 1);
      } else queue++;
    } else {
      served++;
      if (queue > 0) {
        queue--;
        push(now + exp(rngNext(rng), meanService), 1);
      } else busy = false;
    }
  }
  return { served, events, endTime: now };
}

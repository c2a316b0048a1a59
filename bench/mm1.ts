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
    view: () => ({ tone: 'idle', statusKey: '', locks: [], durable: [], volatile: [] }),
    scenarios: [],
    handlers: [],
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

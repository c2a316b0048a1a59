/**
 * An M/M/1 queue as a pattern of the engine (source → server), the workload used to compare the engine with simjs.
 * Arrivals: Poisson(rate λ) from the source's own timer; service: exponential(mean 1/μ). Messages cross a zero-latency link.
 */
import { role, type PatternDef } from '../src/engine/pattern';

interface SrcD { sent: number }
interface SrvD { served: number; queue: number; busy: boolean; waitSum: number; arrivals: number[] }

export function mm1Pattern(customers: number, meanArrival: number, meanService: number): PatternDef {
  const exp = (u: number, mean: number) => -Math.log(1 - u) * mean;
  return {
    id: 'mm1',
    family: 'bench',
    roles: {
      source: role<SrcD, null>({
        init: () => ({ durable: { sent: 0 }, volatile: null }),
        step(s, input, ctx) {
          if (input.kind === 'start') return { state: s, effects: [{ kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) }] };
          if (input.kind === 'timer') {
            const sent = s.durable.sent + 1;
            const effects: import('../src/engine/types').Effect[] = [{ kind: 'send', to: 'server', msg: { type: 'C' } }];
            if (sent < customers) effects.push({ kind: 'setTimer', name: 'a', after: exp(ctx.random(), meanArrival) });
            return { state: { durable: { sent }, volatile: null }, effects };
          }
          return { state: s, effects: [] };
        },
      }),
      server: role<SrvD, null>({
        init: () => ({ durable: { served: 0, queue: 0, busy: false, waitSum: 0, arrivals: [] }, volatile: null }),
        step(s, input, ctx) {
          const d = s.durable;
          if (input.kind === 'deliver') {
            if (!d.busy) {
              return { state: { durable: { ...d, busy: true }, volatile: null }, effects: [{ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) }] };
            }
            d.arrivals.push(ctx.now); // queue kept as an append-only array for speed (bench-only model)
            return { state: { durable: { ...d, queue: d.queue + 1 }, volatile: null }, effects: [] };
          }
          if (input.kind === 'timer') {
            if (d.queue > 0) {
              const arrivedAt = d.arrivals[d.served - (d.served - (d.arrivals.length - d.queue))] ?? ctx.now;
              return {
                state: { durable: { ...d, served: d.served + 1, queue: d.queue - 1, waitSum: d.waitSum + (ctx.now - arrivedAt) }, volatile: null },
                effects: [{ kind: 'setTimer', name: 's', after: exp(ctx.random(), meanService) }],
              };
            }
            return { state: { durable: { ...d, served: d.served + 1, busy: false }, volatile: null }, effects: [] };
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
    defaultHorizon: Infinity,
    workload: () => [],
    invariants: [],
    outcomes: () => [],
    view: () => ({ tone: 'idle', statusKey: '', locks: [], durable: [], volatile: [] }),
    scenarios: [],
    handlers: [],
  };
}

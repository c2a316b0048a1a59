/** A minimal two-node pattern used by the engine's own tests (not shown in the app). */
import { STATE_TABLE, role, same, type InvariantDef, type PatternDef, type World } from '../pattern';
import type { NodeState } from '../types';

type S = NodeState<{ acked: number }, { inflight: number }>;

const acked = (w: World) => (w.states.client.durable as { acked: number }).acked;
const seen = (w: World) => (w.states.server.durable as { seen: number }).seen;

/** A global fact over two nodes' states, re-checked when either changes. */
function global(id: string, kind: 'always' | 'eventually', f: (w: World) => boolean): InvariantDef {
  return { id, kind, watch: { by: 'key', tables: [STATE_TABLE], keyOf: () => 'all', check: f }, reference: f };
}

export const pingPong: PatternDef = {
  id: 'pingpong',
  family: 'test',
  roles: {
    client: role<S['durable'], S['volatile']>({
      init: () => ({ durable: { acked: 0 }, volatile: { inflight: 0 } }),
      step(s, input, ctx) {
        if (input.kind === 'request') {
          return {
            state: { ...s, volatile: { inflight: s.volatile.inflight + 1 } },
            effects: [
              { kind: 'send', to: 'server', msg: { type: 'PING', tx: String(input.request.tx) } },
              { kind: 'setTimer', name: 'retry:' + input.request.tx, after: Number(ctx.params.timeout) },
            ],
          };
        }
        if (input.kind === 'deliver' && input.msg.type === 'PONG') {
          return {
            state: { durable: { acked: s.durable.acked + 1 }, volatile: { inflight: s.volatile.inflight - 1 } },
            effects: [{ kind: 'cancelTimer', name: 'retry:' + input.msg.tx }],
          };
        }
        if (input.kind === 'timer') {
          const tx = input.name.slice(6);
          return same(s, [
            { kind: 'send', to: 'server', msg: { type: 'PING', tx } },
            { kind: 'setTimer', name: input.name, after: Number(ctx.params.timeout) },
          ]);
        }
        return same(s);
      },
    }),
    server: role<{ seen: number }, { busy: boolean }>({
      init: () => ({ durable: { seen: 0 }, volatile: { busy: false } }),
      step(s, input) {
        if (input.kind === 'deliver' && input.msg.type === 'PING') {
          return {
            state: { ...s, durable: { seen: s.durable.seen + 1 } },
            effects: [{ kind: 'send', to: input.from, msg: { type: 'PONG', tx: input.msg.tx } }],
          };
        }
        return same(s);
      },
    }),
  },
  params: [{ key: 'timeout', kind: 'ms', default: 100 }],
  guards: [],
  topology: () => ({
    nodes: [
      { id: 'client', role: 'client', label: 'client', x: 0, y: 0 },
      { id: 'server', role: 'server', label: 'server', x: 200, y: 0 },
    ],
    edges: [{ from: 'client', to: 'server' }],
  }),
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 5, max: 15 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 10_000,
  workload: () => [1, 2, 3].map((i) => ({ at: i * 10, node: 'client', request: { type: 'GO', tx: 'T' + i } })),
  invariants: [
    global('all-acked', 'eventually', (w) => acked(w) >= 3),
    global('server-not-ahead', 'always', (w) => seen(w) <= acked(w) + 3),
  ],
  outcomes: () => [],
  view: () => ({ tone: 'idle', statusKey: 'x', durable: [], volatile: [] }),
  scenarios: [],
  handlers: [],
  surface: () => ({ crashable: ['client', 'server'], channels: [{ from: 'client', to: 'server', types: ['PING'] }] }),
};

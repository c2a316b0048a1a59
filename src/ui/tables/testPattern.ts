/** A tiny pattern with tables and locks for the table view's and the loader's tests (not in the registry). */
import { role, same, type PatternDef } from '../../engine';

export const ledger: PatternDef = {
  id: 'ledger',
  family: 'test',
  roles: {
    bank: role<{ n: number }, Record<string, never>>({
      init: (ctx) => {
        ctx.db.put('accounts', 'alice', { balance: 100 });
        return { durable: { n: 0 }, volatile: {} };
      },
      step(s, input, ctx) {
        if (input.kind === 'request') {
          const tx = String(input.request.tx);
          ctx.db.put('txs', tx, { st: 'try', gid: 'G-' + tx });
          ctx.db.put('scratch', tx, { seen: true });
          return {
            state: { ...s, durable: { n: s.durable.n + 1 } },
            effects: [
              { kind: 'lock', resource: 'acct:' + tx },
              { kind: 'send', to: 'peer', msg: { type: 'TRY', tx } },
              { kind: 'setTimer', name: 'fin:' + tx, after: 50 },
            ],
          };
        }
        if (input.kind === 'timer') {
          const tx = input.name.slice(4);
          ctx.db.put('txs', tx, { st: 'done', gid: 'G-' + tx });
          return same(s, [
            { kind: 'unlock', resource: 'acct:' + tx },
            { kind: 'send', to: 'peer', msg: { type: 'CONFIRM', tx, mid: 'M-' + tx } },
          ]);
        }
        return same(s);
      },
      tables: {
        accounts: {
          durable: true,
          view: {
            title: 'Accounts',
            columns: [
              { field: '$key', label: 'id' },
              { field: 'balance', label: 'balance' },
            ],
          },
        },
        txs: {
          durable: true,
          view: {
            title: 'ledger.table.txs',
            columns: [
              { field: '$key', label: 'tx' },
              { field: 'st', label: 'state', valueKey: 'ledger.st' },
              { field: 'gid', label: 'gid' },
            ],
            tone: (row) => (row.st === 'done' ? 'committed' : 'prepared'),
          },
        },
        scratch: { durable: false },
      },
    }),
    peer: role<Record<string, never>, Record<string, never>>({
      init: () => ({ durable: {}, volatile: {} }),
      step: (s) => same(s),
    }),
  },
  params: [{ key: 'count', kind: 'int', default: 3, min: 1, max: 100_000 }],
  guards: [],
  topology: () => ({
    nodes: [
      { id: 'bank', role: 'bank', label: 'bank', x: 0, y: 0 },
      { id: 'peer', role: 'peer', label: 'peer', x: 200, y: 0 },
    ],
    edges: [{ from: 'bank', to: 'peer' }],
  }),
  defaultNetwork: { default: { latency: { kind: 'constant', value: 10 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 10_000_000,
  workload: (p) =>
    Array.from({ length: Number(p.count) }, (_, i) => ({
      at: i * 100,
      node: 'bank',
      request: { type: 'GO', tx: 'T' + (i + 1) },
    })),
  invariants: [],
  outcomes: () => [],
  view: (_n, _r, _s, _up, db) => ({
    tone: 'idle',
    statusKey: 'x',
    durable: [{ label: 'txs', value: db.size('txs') }],
    volatile: [],
  }),
  scenarios: [],
  handlers: [],
  surface: () => ({ crashable: ['bank'], channels: [] }),
};

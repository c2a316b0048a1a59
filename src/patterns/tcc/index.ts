/**
 * TCC (Try / Confirm / Cancel), the seed's S-TCC-1: Bob transfers money to Smith through a transaction manager.
 * Guard 'barrier': dtm's sub-transaction barrier / Seata's TCC fence (shared/barrier.ts).
 */
import { role, type NodeView, type PatternDef, type TxReport, type World } from '../../engine/pattern';
import type { NodeId, NodeState, Params, WorkloadItem } from '../../engine/types';
import { atomicity, conservation, exactlyOnce, ledgerOf, noDirtyRead, noLeak, noNegative } from '../shared/invariants';
import { clientRole } from '../shared/client';
import type { ServiceDurable } from '../shared/service';
import { clientView, gtxView, serviceView } from '../shared/view';
import { payeeRole, payerRole } from './accounts';
import { tccHandlers } from './handlers';
import { requests } from './requests';
import { tccScenarios } from './scenarios';
import { BRANCHES, tmRole, type TmState } from './tm';

export const TCC_GID = 'g1';

export function transferWorkload(p: Params): WorkloadItem[] {
  const w: WorkloadItem[] = [
    { at: 0, node: 'client', request: { type: 'TRANSFER', tx: TCC_GID, amount: Number(p.amount) } },
  ];
  if (Number(p.auditAt) > 0)
    w.push({ at: Number(p.auditAt), node: 'client', request: { type: 'AUDIT', target: String(p.auditTarget) } });
  return w;
}

export function transferTopology(pattern: string) {
  return {
    nodes: [
      { id: 'client', role: 'client', label: `node.${pattern}.client`, x: 0, y: 150 },
      { id: 'TM', role: 'tm', label: `node.${pattern}.TM`, x: 260, y: 150 },
      { id: 'bob', role: 'payer', label: `node.${pattern}.bob`, x: 520, y: 40 },
      { id: 'smith', role: 'payee', label: `node.${pattern}.smith`, x: 520, y: 260 },
    ],
    edges: [
      { from: 'client', to: 'TM' },
      { from: 'TM', to: 'bob' },
      { from: 'TM', to: 'smith' },
      { from: 'client', to: 'bob' },
      { from: 'client', to: 'smith' },
    ],
  };
}

function tmView(state: NodeState): NodeView {
  const s = state as TmState;
  return gtxView('tcc', Object.values(s.durable.txs), s.volatile.awaiting, tccPhases, (t) =>
    Object.entries(t.branches).map(([b, st]) => ({ label: 'tcc.row.branch', value: `${t.gid} · ${b}: ${st}` })),
  );
}

const tccPhases = { committed: 'confirmed', aborted: 'cancelled' };

export function tccOutcomes(w: World): TxReport[] {
  const tm = w.states.TM as TmState | undefined;
  if (!tm) return [];
  return Object.values(tm.durable.txs).map((tx) => {
    const at: Record<NodeId, string> = { TM: tx.phase };
    const settled: boolean[] = [];
    let leftovers = false;
    for (const b of BRANCHES) {
      const st = w.states[b];
      const l = ledgerOf(w, b);
      at[b] = st ? ((st.durable as ServiceDurable).status[tx.gid] ?? 'none') : 'none';
      settled.push(l?.settled[tx.gid] !== undefined);
      if (l && (l.frozen[tx.gid] !== undefined || l.pending[tx.gid] !== undefined)) leftovers = true;
    }
    const final = tx.phase === 'confirmed' || tx.phase === 'cancelled';
    const all = settled.every(Boolean);
    const none = settled.every((x) => !x);
    let outcome: TxReport['outcome'];
    if (!all && !none) outcome = final ? 'inconsistent' : 'pending';
    else if (!final) outcome = 'pending';
    else if (leftovers) outcome = 'inconsistent';
    else if (tx.phase === 'confirmed') outcome = all ? 'committed' : 'inconsistent';
    else outcome = none ? 'aborted' : 'inconsistent';
    return { tx: tx.gid, outcome, at };
  });
}

export const tcc: PatternDef = {
  id: 'tcc',
  family: 'compensation',
  roles: {
    client: role(clientRole('tcc', 'TM')),
    tm: role(tmRole),
    payer: role(payerRole),
    payee: role(payeeRole),
  },
  params: [
    { key: 'amount', kind: 'int', default: 30, min: 1, max: 1000 },
    { key: 'bobBalance', kind: 'int', default: 100, min: 0, max: 1000 },
    { key: 'smithBalance', kind: 'int', default: 50, min: 0, max: 1000 },
    {
      key: 'tryTimeout',
      kind: 'ms',
      default: 35_000,
      min: 100,
      max: 120_000,
      source: 'dtm dtmsvr/config/config.go TimeoutToFail = 35 s (Seata global timeout approx. 60 s)',
    },
    {
      key: 'retryInterval',
      kind: 'ms',
      default: 10_000,
      min: 100,
      max: 60_000,
      source: 'dtm dtmsvr/config/config.go RetryInterval = 10 s, doubled after each failed retry (Seata approx. 1 s)',
    },
    { key: 'tryFails', kind: 'enum', default: 'none', options: ['none', 'bob', 'smith'] },
    { key: 'transientBranch', kind: 'enum', default: 'bob', options: ['bob', 'smith'] },
    { key: 'confirmFailures', kind: 'int', default: 0, min: 0, max: 10 },
    { key: 'cancelFailures', kind: 'int', default: 0, min: 0, max: 10 },
    { key: 'auditAt', kind: 'ms', default: 0, min: 0, max: 60_000 },
    { key: 'auditTarget', kind: 'enum', default: 'smith', options: ['smith', 'bob'] },
  ],
  guards: [{ key: 'barrier', default: true }],
  topology: () => transferTopology('tcc'),
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 600_000,
  workload: transferWorkload,
  invariants: [conservation, noNegative, noLeak, exactlyOnce, noDirtyRead, atomicity],
  outcomes: tccOutcomes,
  view(_node, roleName, state): NodeView {
    if (roleName === 'tm') return tmView(state);
    if (roleName === 'client') return clientView('tcc', state);
    return serviceView('tcc', state, true);
  },
  scenarios: tccScenarios,
  handlers: tccHandlers,
  requests,
};

export default tcc;

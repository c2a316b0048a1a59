/**
 * Saga, orchestrated: the same Bob → Smith transfer as forward steps T1 debit Bob, T2 credit Smith with compensations
 * C2, C1 run in reverse order (param 'order' swaps the steps, to show which order leaks what). Guard 'barrier': dtm's
 * sub-transaction barrier for action / compensate.
 */
import { role, type NodeView, type PatternDef, type TxReport, type World } from '../../engine/pattern';
import type { NodeId, NodeState, Params, Topology } from '../../engine/types';
import { clientRole, type ClientDurable } from '../shared/client';
import { atomicity, conservation, exactlyOnce, ledgerOf, noDirtyRead, noNegative } from '../shared/invariants';
import type { ServiceDurable } from '../shared/service';
import { clientView, gtxView, serviceView } from '../shared/view';
import { transferTopology, transferWorkload } from '../tcc';
import { choreoRole, choreoStepOrder, type ChoreoDurable } from './choreography';
import { payeeOps, payerOps, sagaCommon, sagaPayeeRole, sagaPayerRole } from './accounts';
import { coordinatorRole, type CoordState } from './coordinator';
import { sagaHandlers } from './handlers';
import { requests } from './requests';
import { sagaScenarios } from './scenarios';

/** Orchestration: client, coordinator, two services. Choreography: no coordinator; services publish to each other. */
function sagaTopology(p: Params): Topology {
  const t = transferTopology('saga');
  if (p.coordination !== 'choreography') return t;
  return {
    nodes: t.nodes
      .filter((n) => n.id !== 'TM')
      .map((n) => (n.role === 'payer' || n.role === 'payee' ? { ...n, role: `${n.role}Events` } : n)),
    edges: [
      { from: 'client', to: 'bob' },
      { from: 'client', to: 'smith' },
      { from: 'bob', to: 'smith' },
    ],
  };
}

function coordView(state: NodeState): NodeView {
  const s = state as CoordState;
  return gtxView('saga', Object.values(s.durable.txs), s.volatile.awaiting, sagaPhases, (t) =>
    t.steps.map((b, i) => ({ label: 'saga.row.step', value: `${t.gid} · T${i + 1}/C${i + 1} ${b}: ${t.st[i]}` })),
  );
}

const sagaPhases = { committed: 'succeeded', aborted: 'aborted' };

/** Choreography has no coordinator log: the client's result and the accounts say how each saga ended. */
function choreoOutcomes(w: World): TxReport[] {
  const client = w.states.client?.durable as ClientDurable | undefined;
  const gids = new Set<string>(Object.keys(client?.results ?? {}));
  for (const b of ['bob', 'smith'])
    for (const g of Object.keys((w.states[b]?.durable as ServiceDurable | undefined)?.status ?? {})) gids.add(g);
  return [...gids].sort().map((gid) => {
    const result = client?.results[gid];
    const at: Record<NodeId, string> = { client: result ?? 'none' };
    const settled = ['bob', 'smith'].map((b) => {
      const st = w.states[b]?.durable as ChoreoDurable | undefined;
      at[b] = st?.status[gid] ?? 'none';
      return ledgerOf(w, b)?.settled[gid] !== undefined;
    });
    const all = settled.every(Boolean);
    const none = settled.every((x) => !x);
    const outcome: TxReport['outcome'] =
      result === undefined
        ? 'pending'
        : result === 'succeeded'
          ? all
            ? 'committed'
            : 'inconsistent'
          : none
            ? 'aborted'
            : 'inconsistent';
    return { tx: gid, outcome, at };
  });
}

export function sagaOutcomes(w: World): TxReport[] {
  if (w.params.coordination === 'choreography') return choreoOutcomes(w);
  const tm = w.states.TM as CoordState | undefined;
  if (!tm) return [];
  return Object.values(tm.durable.txs).map((tx) => {
    const at: Record<NodeId, string> = { TM: tx.phase };
    const settled = tx.steps.map((b) => {
      const st = w.states[b];
      at[b] = st ? ((st.durable as ServiceDurable).status[tx.gid] ?? 'none') : 'none';
      return ledgerOf(w, b)?.settled[tx.gid] !== undefined;
    });
    const all = settled.every(Boolean);
    const none = settled.every((x) => !x);
    const final = tx.phase === 'succeeded' || tx.phase === 'aborted';
    let outcome: TxReport['outcome'];
    if (!final) outcome = 'pending';
    else if (tx.phase === 'succeeded') outcome = all ? 'committed' : 'inconsistent';
    else outcome = none ? 'aborted' : 'inconsistent';
    return { tx: tx.gid, outcome, at };
  });
}

export const saga: PatternDef = {
  id: 'saga',
  family: 'compensation',
  roles: {
    client: role(
      clientRole('saga', (ctx) => (ctx.params.coordination === 'choreography' ? choreoStepOrder(ctx)[0] : 'TM')),
    ),
    tm: role(coordinatorRole),
    payer: role(sagaPayerRole),
    payee: role(sagaPayeeRole),
    payerEvents: role(
      choreoRole({ ...sagaCommon, ops: payerOps, initialBalance: (ctx) => Number(ctx.params.bobBalance) }),
    ),
    payeeEvents: role(
      choreoRole({ ...sagaCommon, ops: payeeOps, initialBalance: (ctx) => Number(ctx.params.smithBalance) }),
    ),
  },
  params: [
    { key: 'amount', kind: 'int', default: 30, min: 1, max: 1000 },
    { key: 'bobBalance', kind: 'int', default: 100, min: 0, max: 1000 },
    { key: 'smithBalance', kind: 'int', default: 50, min: 0, max: 1000 },
    { key: 'coordination', kind: 'enum', default: 'orchestration', options: ['orchestration', 'choreography'] },
    { key: 'order', kind: 'enum', default: 'debit-first', options: ['debit-first', 'credit-first'] },
    {
      key: 'retryInterval',
      kind: 'ms',
      default: 10_000,
      min: 100,
      max: 60_000,
      source: 'dtm dtmsvr/config/config.go RetryInterval = 10 s, doubled after each failed retry (Seata approx. 1 s)',
    },
    { key: 'failStep', kind: 'enum', default: 'none', options: ['none', 'bob', 'smith'] },
    { key: 'transientBranch', kind: 'enum', default: 'bob', options: ['bob', 'smith'] },
    { key: 'compensateFailures', kind: 'int', default: 0, min: 0, max: 10 },
    { key: 'auditAt', kind: 'ms', default: 0, min: 0, max: 60_000 },
    { key: 'auditTarget', kind: 'enum', default: 'smith', options: ['smith', 'bob'] },
  ],
  guards: [{ key: 'barrier', default: true }],
  topology: sagaTopology,
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 600_000,
  workload: transferWorkload,
  invariants: [conservation, noNegative, exactlyOnce, noDirtyRead, atomicity],
  outcomes: sagaOutcomes,
  view(_node, roleName, state): NodeView {
    if (roleName === 'tm') return coordView(state);
    if (roleName === 'client') return clientView('saga', state);
    const v = serviceView('saga', state, false);
    const outbox = (state.durable as Partial<ChoreoDurable>).outbox;
    if (!outbox) return v;
    return {
      ...v,
      durable: [
        ...v.durable,
        ...outbox.map((o) => ({ label: 'saga.row.outbox', value: `${o.eid} ${o.msg.type} → ${o.to}` })),
      ],
    };
  },
  scenarios: sagaScenarios,
  handlers: sagaHandlers,
  requests,
};

export default saga;

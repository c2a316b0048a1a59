/**
 * Saga, orchestrated: the same Bob → Smith transfer as forward steps T1 debit Bob, T2 credit Smith with compensations
 * C2, C1 run in reverse order (param 'order' swaps the steps, to show which order leaks what). Guard 'barrier': dtm's
 * sub-transaction barrier for action / compensate.
 */
import { role, type NodeView, type PatternDef, type TxReport, type World } from '../../engine/pattern';
import type { NodeId, NodeState } from '../../engine/types';
import { clientRole } from '../shared/client';
import { atomicity, conservation, exactlyOnce, ledgerOf, noDirtyRead, noNegative } from '../shared/invariants';
import type { ServiceDurable } from '../shared/service';
import { clientView, serviceView } from '../shared/view';
import { transferTopology, transferWorkload } from '../tcc';
import { sagaPayeeRole, sagaPayerRole } from './accounts';
import { coordinatorRole, type CoordState } from './coordinator';
import { sagaHandlers } from './handlers';
import { sagaScenarios } from './scenarios';

function coordView(state: NodeState): NodeView {
  const s = state as CoordState;
  const txs = Object.values(s.durable.txs);
  const last = txs[txs.length - 1];
  const tone = !last
    ? 'idle'
    : last.phase === 'succeeded'
      ? 'committed'
      : last.phase === 'aborted'
        ? 'aborted'
        : last.retries > 0
          ? 'blocked'
          : 'working';
  return {
    tone,
    statusKey: `saga.status.${last ? last.phase : 'idle'}`,
    locks: [],
    durable: txs.flatMap((t) => [
      { label: 'saga.row.gtx', value: `${t.gid}: ${t.phase}`, valueKey: `saga.status.${t.phase}` },
      ...t.steps.map((b, i) => ({ label: 'saga.row.step', value: `${t.gid} · T${i + 1}/C${i + 1} ${b}: ${t.st[i]}` })),
      { label: 'saga.row.retry', value: `${t.retries} · ${t.interval} ms` },
    ]),
    volatile: s.volatile.awaiting.map((a) => ({ label: 'saga.row.awaiting', value: a })),
  };
}

export function sagaOutcomes(w: World): TxReport[] {
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
    client: role(clientRole('saga', 'TM')),
    tm: role(coordinatorRole),
    payer: role(sagaPayerRole),
    payee: role(sagaPayeeRole),
  },
  params: [
    { key: 'amount', kind: 'int', default: 30, min: 1, max: 1000 },
    { key: 'bobBalance', kind: 'int', default: 100, min: 0, max: 1000 },
    { key: 'smithBalance', kind: 'int', default: 50, min: 0, max: 1000 },
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
  topology: () => transferTopology('saga'),
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 600_000,
  workload: transferWorkload,
  invariants: [conservation, noNegative, exactlyOnce, noDirtyRead, atomicity],
  outcomes: sagaOutcomes,
  view(_node, roleName, state): NodeView {
    if (roleName === 'tm') return coordView(state);
    if (roleName === 'client') return clientView('saga', state);
    return serviceView('saga', state, false);
  },
  scenarios: sagaScenarios,
  handlers: sagaHandlers,
};

export default saga;

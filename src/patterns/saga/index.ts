/**
 * Saga, orchestrated: the same Bob → Smith transfers (g1 … gN) as forward steps T1 debit Bob, T2 credit Smith with
 * compensations C2, C1 run in reverse order (param 'order' swaps the steps, to show which order leaks what). Guard
 * 'barrier': dtm's sub-transaction barrier for action / compensate.
 */
import {
  role,
  type FaultSurface,
  type NodeView,
  type PatternDef,
  type TxReport,
  type World,
} from '../../engine/pattern';
import type { NodeId, Params, Topology } from '../../engine/types';
import { SETTLED, STATUS, type StatusRow } from '../compensation/accounts';
import { clientRole, RESULTS, type ResultRow } from '../compensation/client';
import { OPEN, TXS } from '../compensation/gtx';
import {
  accountBalance,
  atomicity,
  booksOk,
  conservation,
  exactlyOnce,
  noDirtyRead,
  noNegative,
} from '../compensation/invariants';
import { frameworkParam, maxRetriesParam, retryIntervalParam, SAGA_FRAMEWORKS } from '../compensation/frameworks';
import {
  auditParams,
  BRANCHES,
  hubSurface,
  transferParams,
  transientBranchParam,
  transferTopology,
  transferLabScenario,
  transferWorkload,
} from '../compensation/transfer';
import { clientView, gtxView, newestKeys, serviceView } from '../compensation/view';
import { choreoRole, choreoStepOrder, OUTBOX, type OutboxRow } from './choreography';
import { payeeOps, payerOps, sagaCommon, sagaPayeeRole, sagaPayerRole } from './accounts';
import { coordinatorRole, sagaPhases, type SagaTx } from './coordinator';
import { sagaHandlers } from './handlers';
import { requests } from './requests';
import { sagaScenarios } from './scenarios';
import { tour } from './tour';
import { meta } from './meta';

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

const statusAt = (w: World, b: NodeId, gid: string) =>
  w.states[b] ? (w.db(b).get<StatusRow>(STATUS, gid)?.st ?? 'none') : 'none';
const settledAt = (w: World, b: NodeId, gid: string) => (w.states[b] ? w.db(b).has(SETTLED, gid) : false);

/** Choreography has no coordinator log: the client's result and the accounts say how each saga ended. */
function choreoOutcomes(w: World): TxReport[] {
  const client = w.states.client ? w.db('client') : undefined;
  const gids = new Set<string>(client ? client.keys(RESULTS) : []);
  for (const b of BRANCHES) if (w.states[b]) for (const g of w.db(b).keys(STATUS)) gids.add(g);
  return [...gids].sort().map((gid) => {
    const res = client?.get<ResultRow>(RESULTS, gid);
    const result = res?.outcome;
    const at: Record<NodeId, string> = { client: result ?? 'none' };
    const settled = BRANCHES.map((b) => {
      at[b] = statusAt(w, b, gid);
      return settledAt(w, b, gid);
    });
    const all = settled.every(Boolean);
    const none = settled.every((x) => !x);
    const outcome: TxReport['outcome'] =
      result === undefined
        ? 'pending'
        : !booksOk(w, gid)
          ? 'inconsistent' // wrong books are never a clean end
          : result === 'succeeded'
            ? all
              ? 'committed'
              : 'inconsistent'
            : none
              ? 'aborted'
              : 'inconsistent';
    const report: TxReport = { tx: gid, outcome, at };
    if (res) report.end = res.t;
    return report;
  });
}

export function sagaOutcomes(w: World): TxReport[] {
  if (w.params.coordination === 'choreography') return choreoOutcomes(w);
  if (!w.states.TM) return [];
  const tm = w.db('TM');
  const out: TxReport[] = [];
  for (const gid of tm.keys(TXS)) {
    const tx = tm.get<SagaTx>(TXS, gid);
    if (!tx) continue;
    const at: Record<NodeId, string> = { TM: tx.phase };
    let settled = 0;
    for (const b of tx.steps) {
      at[b] = statusAt(w, b, gid);
      if (settledAt(w, b, gid)) settled++;
    }
    const all = settled === tx.steps.length;
    const none = settled === 0;
    const final = tx.phase === 'succeeded' || tx.phase === 'aborted';
    let outcome: TxReport['outcome'];
    if (!final) outcome = 'pending';
    else if (!booksOk(w, gid))
      outcome = 'inconsistent'; // wrong books are never a clean abort or commit
    else if (tx.phase === 'succeeded') outcome = all ? 'committed' : 'inconsistent';
    else outcome = none ? 'aborted' : 'inconsistent';
    const report: TxReport = { tx: gid, outcome, at, start: tx.start };
    if (tx.end !== undefined) report.end = tx.end;
    out.push(report);
  }
  return out;
}

/** Choreography: the services crash and publish to each other and the client; no hub. */
function sagaSurface(p: Params): FaultSurface {
  if (p.coordination !== 'choreography') return hubSurface(['ACTION', 'COMPENSATE']);
  const events = ['ACTION', 'COMPENSATE', 'ACK'];
  return {
    crashable: [...BRANCHES],
    channels: [
      { from: 'bob', to: 'smith', types: events },
      { from: 'smith', to: 'bob', types: events },
      ...BRANCHES.map((b) => ({ from: 'client', to: b, types: ['BEGIN', 'ACK'] })),
      ...BRANCHES.map((b) => ({ from: b, to: 'client', types: ['RESULT'] })),
    ],
  };
}

export const saga: PatternDef = {
  id: meta.id,
  family: meta.family,
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
    frameworkParam(SAGA_FRAMEWORKS),
    ...transferParams,
    { key: 'coordination', kind: 'enum', default: 'orchestration', options: ['orchestration', 'choreography'] },
    { key: 'order', kind: 'enum', default: 'debit-first', options: ['debit-first', 'credit-first'] },
    retryIntervalParam(SAGA_FRAMEWORKS),
    maxRetriesParam(SAGA_FRAMEWORKS),
    { key: 'failStep', kind: 'enum', default: 'none', options: ['none', 'bob', 'smith'] },
    transientBranchParam,
    { key: 'compensateFailures', kind: 'int', default: 0, min: 0, max: 10 },
    ...auditParams,
  ],
  guards: [
    { key: 'barrier', default: true },
    { key: 'business', default: false },
  ],
  topology: sagaTopology,
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 600_000,
  workload: transferWorkload,
  invariants: [conservation, accountBalance, noNegative, exactlyOnce, noDirtyRead, atomicity],
  outcomes: sagaOutcomes,
  view(_node, roleName, state, _up, db): NodeView {
    if (roleName === 'tm')
      return gtxView<SagaTx>('saga', db, db.size(OPEN), sagaPhases, (t) =>
        t.steps.map((b, i) => ({ label: 'saga.row.step', value: `${t.gid} · T${i + 1}/C${i + 1} ${b}: ${t.st[i]}` })),
      );
    if (roleName === 'client') return clientView('saga', db);
    const v = serviceView('saga', state, db, false);
    if (roleName !== 'payerEvents' && roleName !== 'payeeEvents') return v;
    const rows = newestKeys(db, OUTBOX, 3).flatMap((k) => {
      const o = db.get<OutboxRow>(OUTBOX, k);
      return o ? [{ label: 'saga.row.outbox', value: `${o.eid} ${o.type} → ${o.to}` }] : [];
    });
    const more = db.size(OUTBOX) - rows.length;
    return {
      ...v,
      durable: [...v.durable, ...rows, ...(more > 0 ? [{ label: 'saga.row.more', value: more }] : [])],
    };
  },
  scenarios: sagaScenarios,
  tour,
  handlers: sagaHandlers,
  surface: sagaSurface,
  // The lab's side-by-side fault plans (choreography has no TM: the lab then takes a crashable node).
  lab: {
    roles: { money: 'bob', coordinator: 'TM', receiver: 'smith' },
    scenario: (w, seed) => transferLabScenario(saga, w, seed),
  },
  requests,
};

export default saga;

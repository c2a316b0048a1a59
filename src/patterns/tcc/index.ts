/**
 * TCC (Try / Confirm / Cancel), the seed's S-TCC-1: Bob transfers money to Smith through a transaction manager
 * (`txCount` transfers g1 … gN, one every `txGap` ms). Guard 'barrier': dtm's sub-transaction barrier / Seata's TCC
 * fence (compensation/barrier.ts).
 */
import { role, type NodeView, type PatternDef, type TxReport, type World } from '../../engine/pattern';
import type { NodeId } from '../../engine/types';
import { FROZEN, PENDING, SETTLED, STATUS, type StatusRow } from '../compensation/accounts';
import { clientRole } from '../compensation/client';
import { OPEN, TXS } from '../compensation/gtx';
import {
  accountBalance,
  atomicity,
  booksOk,
  conservation,
  exactlyOnce,
  noDirtyRead,
  noLeak,
  noNegative,
} from '../compensation/invariants';
import {
  frameworkParam,
  maxRetriesParam,
  retryIntervalParam,
  TCC_FRAMEWORKS,
  tryTimeoutParam,
} from '../compensation/frameworks';
import {
  auditParams,
  FIRST_GID,
  hubSurface,
  transferParams,
  transientBranchParam,
  transferTopology,
  transferLabScenario,
  transferWorkload,
} from '../compensation/transfer';
import { clientView, gtxView, serviceView } from '../compensation/view';
import { payeeRole, payerRole } from './accounts';
import { tccHandlers } from './handlers';
import { requests } from './requests';
import { tccScenarios } from './scenarios';
import { tour } from './tour';
import { BRANCHES, tccPhases, tmRole, type TccGlobalTx } from './tm';
import { meta } from './meta';

export const TCC_GID = FIRST_GID;

/** Per transaction, from the TM's log and the branches' rows: O(transactions), at the end of a run only. */
export function tccOutcomes(w: World): TxReport[] {
  const tmDb = w.nodesOf('tm').length ? w.db('TM') : undefined;
  if (!tmDb) return [];
  const out: TxReport[] = [];
  for (const gid of tmDb.keys(TXS)) {
    const tx = tmDb.get<TccGlobalTx>(TXS, gid);
    if (!tx) continue;
    const at: Record<NodeId, string> = { TM: tx.phase };
    let settled = 0;
    let leftovers = false;
    for (const b of BRANCHES) {
      const db = w.states[b] !== undefined ? w.db(b) : undefined;
      at[b] = db?.get<StatusRow>(STATUS, gid)?.st ?? 'none';
      if (db?.has(SETTLED, gid)) settled++;
      if (db && (db.has(FROZEN, gid) || db.has(PENDING, gid))) leftovers = true;
    }
    const final = tx.phase === 'confirmed' || tx.phase === 'cancelled';
    const all = settled === BRANCHES.length;
    const none = settled === 0;
    let outcome: TxReport['outcome'];
    if (tx.dead)
      outcome = 'given-up'; // the framework's retry cap: left as it is
    else if (!all && !none) outcome = final ? 'inconsistent' : 'pending';
    else if (!final) outcome = 'pending';
    else if (leftovers || !booksOk(w, gid))
      outcome = 'inconsistent'; // wrong books are never a clean end
    else if (tx.phase === 'confirmed') outcome = all ? 'committed' : 'inconsistent';
    else outcome = none ? 'aborted' : 'inconsistent';
    const report: TxReport = { tx: gid, outcome, at, start: tx.start };
    if (tx.end !== undefined) report.end = tx.end;
    out.push(report);
  }
  return out;
}

export const tcc: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    client: role(clientRole('tcc', 'TM')),
    tm: role(tmRole),
    payer: role(payerRole),
    payee: role(payeeRole),
  },
  params: [
    frameworkParam(TCC_FRAMEWORKS),
    ...transferParams,
    tryTimeoutParam(TCC_FRAMEWORKS),
    retryIntervalParam(TCC_FRAMEWORKS),
    maxRetriesParam(TCC_FRAMEWORKS),
    { key: 'tryFails', kind: 'enum', default: 'none', options: ['none', 'bob', 'smith'] },
    transientBranchParam,
    { key: 'confirmFailures', kind: 'int', default: 0, min: 0, max: 50 },
    { key: 'cancelFailures', kind: 'int', default: 0, min: 0, max: 50 },
    ...auditParams,
  ],
  guards: [
    { key: 'barrier', default: true },
    { key: 'business', default: false },
  ],
  topology: () => transferTopology('tcc'),
  defaultNetwork: { default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 600_000,
  workload: transferWorkload,
  invariants: [conservation, accountBalance, noNegative, noLeak, exactlyOnce, noDirtyRead, atomicity],
  outcomes: tccOutcomes,
  view(_node, roleName, state, _up, db): NodeView {
    if (roleName === 'tm')
      return gtxView<TccGlobalTx>('tcc', db, db.size(OPEN), tccPhases, (t) =>
        Object.entries(t.branches).map(([b, st]) => ({ label: 'tcc.row.branch', value: `${t.gid} · ${b}: ${st}` })),
      );
    if (roleName === 'client') return clientView('tcc', db);
    return serviceView('tcc', state, db, true);
  },
  scenarios: tccScenarios,
  tour,
  handlers: tccHandlers,
  surface: () => hubSurface(['TRY', 'CONFIRM', 'CANCEL']),
  // The lab's side-by-side fault plans: Bob's account holds the money, the TM drives, Smith is paid.
  lab: {
    roles: { money: 'bob', coordinator: 'TM', receiver: 'smith' },
    scenario: (w, seed) => transferLabScenario(tcc, w, seed),
  },
  requests,
};

export default tcc;

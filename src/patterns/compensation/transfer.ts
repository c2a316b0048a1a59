/**
 * What TCC and Saga share around the transfers: the topology (client, transaction manager, Bob's and Smith's
 * account services), the workload (transfers g1 … gN, one every `txGap` ms, and an optional audit read), the
 * parameters both patterns have, and each one's fault surface.
 */
import type { FaultSurface, LabWorkload, ParamDef, PatternDef } from '../../engine/pattern';
import { baseScenario } from '../../engine/scenario';
import type { Params, Scenario, Topology, WorkloadItem } from '../../engine/types';

export const FIRST_GID = 'g1';
export const BRANCHES = ['bob', 'smith'] as const;

/** The gid of the i-th transfer (1-based): g1 stays "g1", so every named scenario is unchanged. */
export const gidOf = (i: number) => `g${i}`;

export function transferWorkload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.floor(Number(p.txCount ?? 1)) || 1);
  const gap = Math.max(0, Number(p.txGap ?? 0) || 0);
  const w: WorkloadItem[] = [];
  for (let i = 1; i <= n; i++)
    w.push({
      at: (i - 1) * gap,
      node: 'client',
      request: { type: 'TRANSFER', tx: gidOf(i), amount: Number(p.amount) },
    });
  if (Number(p.auditAt) > 0)
    w.push({ at: Number(p.auditAt), node: 'client', request: { type: 'AUDIT', target: String(p.auditTarget) } });
  return w.sort((a, b) => a.at - b.at);
}

/**
 * The comparison lab's business workload on TCC / Saga: `w.transactions` transfers of the default amount from Bob to
 * Smith, `w.perSecond` a second. Bob starts with enough for all of them (the default 100 pays for three transfers of
 * 30, so a lab run of 100 aborted ~97 % on insufficient funds, not on faults): like the other patterns, a healthy run
 * commits every transaction, and what fails is what the fault profile breaks.
 */
export function transferLabScenario(p: PatternDef, w: LabWorkload, seed: number): Scenario {
  const base = baseScenario(p, seed);
  const n = Math.max(1, Math.floor(w.transactions));
  const params: Params = {
    ...base.params,
    txCount: n,
    txGap: Math.round(1000 / Math.max(0.001, w.perSecond)),
    bobBalance: Math.max(Number(base.params.bobBalance), n * Number(base.params.amount)),
  };
  const workload = p.workload(params);
  const last = workload.reduce((m, x) => Math.max(m, x.at), 0);
  return { ...base, params, workload, horizon: last + p.defaultHorizon };
}

export function transferTopology(pattern: string): Topology {
  return {
    nodes: [
      { id: 'client', role: 'client', label: `node.${pattern}.client`, x: 0, y: 150 },
      { id: 'TM', role: 'tm', label: `node.${pattern}.TM`, x: 260, y: 150 },
      { id: 'bob', role: 'payer', label: `node.${pattern}.bob`, x: 520, y: 40 },
      { id: 'smith', role: 'payee', label: `node.${pattern}.smith`, x: 520, y: 260 },
    ],
    edges: [
      { from: 'client', to: 'TM' },
      // Try / Confirm / Cancel (Saga: action / compensate) are separate HTTP / gRPC calls: no order between them, so a
      // Cancel can overtake a delayed Try (悬挂) with no per-link tweak
      { from: 'TM', to: 'bob', kind: 'rpc' },
      { from: 'TM', to: 'smith', kind: 'rpc' },
      { from: 'client', to: 'bob' },
      { from: 'client', to: 'smith' },
    ],
  };
}

const replies = (types: string[]) => types.flatMap((t) => [`${t}_OK`, `${t}_FAIL`]);

/** A hub-and-spoke fault surface: the TM and the services may crash; TM ↔ branch links carry `requests` and replies. */
export function hubSurface(requests: string[]): FaultSurface {
  return {
    crashable: ['TM', ...BRANCHES],
    channels: [
      ...BRANCHES.map((b) => ({ from: 'TM', to: b, types: requests })),
      ...BRANCHES.map((b) => ({ from: b, to: 'TM', types: replies(requests) })),
      { from: 'client', to: 'TM', types: ['BEGIN'] },
      { from: 'TM', to: 'client', types: ['RESULT'] },
    ],
  };
}

/** The parameters TCC and Saga have in common (defaults as today; txCount / txGap: how many transfers, how often). */
export const transferParams: ParamDef[] = [
  { key: 'amount', kind: 'int', default: 30, min: 1, max: 1000 },
  // max: the lab's 20,000 transfers of the default amount (transferLabScenario) must fit, and open from its charts
  { key: 'bobBalance', kind: 'int', default: 100, min: 0, max: 1_000_000 },
  { key: 'smithBalance', kind: 'int', default: 50, min: 0, max: 1000 },
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 10_000 },
];

export const transientBranchParam: ParamDef = {
  key: 'transientBranch',
  kind: 'enum',
  default: 'bob',
  options: ['bob', 'smith'],
};

export const auditParams: ParamDef[] = [
  { key: 'auditAt', kind: 'ms', default: 0, min: 0, max: 60_000 },
  { key: 'auditTarget', kind: 'enum', default: 'smith', options: ['smith', 'bob'] },
];

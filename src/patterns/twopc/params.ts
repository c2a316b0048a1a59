/**
 * Parameters, guards, topology, network and workload of the 2PC pattern. Times are virtual milliseconds, scaled
 * down from production settings so a run fits a screen; the sources of the production values are cited.
 */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, TopologyEdge, TopologyNode, WorkloadItem } from '../../engine/types';
import { APP, COORD, num, STANDBY } from './types';

export const params: ParamDef[] = [
  { key: 'participants', kind: 'int', default: 3, min: 2, max: 5 },
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 10_000 },
  // Local execution of the branch's SQL (XA START … XA END); a few tens of ms is typical of an OLTP update.
  { key: 'workTime', kind: 'ms', default: 50, min: 0, max: 5_000 },
  {
    key: 'voteTimeout',
    kind: 'ms',
    default: 1_000,
    min: 50,
    max: 60_000,
    source: 'scaled down; dtm TimeoutToFail 35 s (dtmsvr/config/config.go), Seata global timeout 60 s',
  },
  {
    key: 'participantTimeout',
    kind: 'ms',
    default: 1_500,
    min: 50,
    max: 60_000,
    source: 'scaled down; JTA UserTransaction.setTransactionTimeout, Atomikos default_jta_timeout 10 s',
  },
  {
    key: 'queryInterval',
    kind: 'ms',
    default: 500,
    min: 20,
    max: 60_000,
    source: 'scaled down; Seata phase-two retry period 1 s, dtm RetryInterval 10 s (doubled after each retry)',
  },
  {
    key: 'takeoverTimeout',
    kind: 'ms',
    default: 1_000,
    min: 50,
    max: 60_000,
    source: 'scaled down; ZooKeeper session timeout ≥ 2 × tickTime (2 s) — heartbeats every half of it',
  },
  { key: 'lockBound', kind: 'ms', default: 3_000, min: 100, max: 600_000 },
  { key: 'thirdPartyAt', kind: 'ms', default: 0, min: 0, max: 60_000 },
  { key: 'voteNoProb', kind: 'prob', default: 0, min: 0, max: 1 },
];

export const guards: GuardDef[] = [
  { key: 'decisionLog', default: true },
  { key: 'reElection', default: true },
  { key: 'participantTimeout', default: false },
  { key: 'cooperativeTermination', default: false },
  { key: 'threePC', default: false, requires: ['participantTimeout'] },
];

export function partIds(p: Params): string[] {
  const n = Math.max(2, Math.min(5, Math.round(num(p, 'participants') || 3)));
  return Array.from({ length: n }, (_, i) => 'P' + (i + 1));
}

/**
 * Layout (top-left corners, px; nodes are about 200 × 140): coordinator top centre above the participants' row,
 * standby to its right, the application on the left at mid height.
 */
export function topology(p: Params): Topology {
  const ps = partIds(p);
  const gap = 240;
  const left = 260;
  const cx = left + ((ps.length - 1) * gap) / 2;
  const nodes: TopologyNode[] = [
    { id: APP, role: 'client', label: 'node.2pc.app', x: 0, y: 220 },
    { id: COORD, role: 'coordinator', label: 'node.2pc.C', x: cx, y: 40 },
    { id: STANDBY, role: 'standby', label: 'node.2pc.C2', x: cx + 300, y: 40 },
    ...ps.map((id, i) => ({ id, role: 'participant', label: 'node.2pc.' + id, x: left + i * gap, y: 400 })),
  ];
  const edges: TopologyEdge[] = [
    { from: APP, to: COORD },
    { from: COORD, to: STANDBY },
    ...ps.flatMap((id) => [
      { from: APP, to: id },
      { from: COORD, to: id },
      { from: STANDBY, to: id },
    ]),
    ...ps.flatMap((a, i) => ps.slice(i + 1).map((b) => ({ from: a, to: b }))),
  ];
  return { nodes, edges };
}

/** Uniform 20–60 ms one way: a LAN/same-region round trip with some jitter. */
export const defaultNetwork: NetworkSpec = {
  default: { latency: { kind: 'uniform', min: 20, max: 60 }, loss: 0, duplicate: 0, reorder: 0 },
};

export function workload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.round(num(p, 'txCount') || 1));
  const gap = num(p, 'txGap');
  const items: WorkloadItem[] = Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gap,
    node: APP,
    request: { type: 'BEGIN', tx: 'T' + (i + 1) },
  }));
  const third = num(p, 'thirdPartyAt');
  if (third > 0) items.push({ at: third, node: APP, request: { type: 'THIRD_PARTY', node: 'P1' } });
  return items.sort((a, b) => a.at - b.at);
}

/** What random fault schedules may break: any node but the application, and every protocol channel. */
export function surface(p: Params): FaultSurface {
  const ps = partIds(p);
  return {
    crashable: [COORD, STANDBY, ...ps],
    channels: [
      { from: APP, to: COORD, types: ['COMMIT_REQ', 'ROLLBACK_REQ'] },
      { from: COORD, to: STANDBY, types: ['HB'] },
      ...ps.flatMap((id) => [
        { from: APP, to: id, types: ['EXEC'] },
        { from: id, to: APP, types: ['EXEC_OK', 'EXEC_FAIL'] },
        { from: COORD, to: id, types: ['PREPARE', 'CANCOMMIT', 'PRECOMMIT', 'COMMIT', 'DOCOMMIT', 'ABORT'] },
        { from: id, to: COORD, types: ['VOTE', 'PRECOMMIT_ACK', 'ACK', 'QUERY'] },
        { from: STANDBY, to: id, types: ['STATE_REQ', 'COMMIT', 'DOCOMMIT', 'ABORT'] },
        { from: id, to: STANDBY, types: ['STATE', 'QUERY'] },
      ]),
    ],
  };
}

/** Parameters, guards, topology, network, workload and fault surface of the Didi order + coupon flow (virtual ms). */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { ddmqParams } from '../broker/ddmq';
import { BROKER, COUPON, num, ORDER } from './types';

export const params: ParamDef[] = [
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 600_000 },
  {
    key: 'saveTime',
    kind: 'ms',
    default: 200,
    min: 0,
    max: 600_000,
    source:
      'approx.: how long saving the order (the base operation, a local transaction) takes; a slow database takes seconds',
  },
  { key: 'failRate', kind: 'prob', default: 0, min: 0, max: 1 },
  ...ddmqParams,
  {
    key: 'sendTimeout',
    kind: 'ms',
    default: 1_000,
    min: 10,
    max: 60_000,
    source: 'CarreraTxMsgExample: setCarreraClientTimeout(1000) — the client–proxy socket timeout',
  },
  {
    key: 'sendRetries',
    kind: 'int',
    default: 2,
    min: 0,
    max: 10,
    source: 'CarreraTxMsgExample: setCarreraClientRetry(2)',
  },
];

/** S-DIDI-3: send the message first. Off: lock the coupon and save the order first, send the message afterwards. */
export const guards: GuardDef[] = [{ key: 'sendFirst', default: true }];

/** The order service on the left, the queue in the middle, the coupon service on the right. */
export function topology(): Topology {
  return {
    nodes: [
      { id: ORDER, role: 'order', label: 'node.didi-coupon.order', x: 0, y: 140 },
      { id: BROKER, role: 'broker', label: 'node.didi-coupon.broker', x: 300, y: 0 },
      { id: COUPON, role: 'coupon', label: 'node.didi-coupon.coupon', x: 600, y: 140 },
    ],
    edges: [
      // The producer's connection to the queue (a stream), the coupon calls (separate RPCs).
      { from: ORDER, to: BROKER, kind: 'stream' },
      { from: ORDER, to: COUPON, kind: 'rpc' },
    ],
  };
}

/** Uniform 10–30 ms one way: services and queue in one region. */
export const defaultNetwork: NetworkSpec = {
  default: { latency: { kind: 'uniform', min: 10, max: 30 }, loss: 0, duplicate: 0, reorder: 0 },
};

export function workload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.round(num(p, 'txCount') || 1));
  const gap = num(p, 'txGap');
  return Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gap,
    node: ORDER,
    request: { type: 'PLACE', tx: 'T' + (i + 1) },
  }));
}

/** Every node can crash (and recover); every message between them can be lost or repeated. */
export function surface(): FaultSurface {
  return {
    crashable: [ORDER, BROKER, COUPON],
    channels: [
      { from: ORDER, to: BROKER, types: ['DELAY_ADD', 'DELAY_CANCEL'] },
      { from: BROKER, to: ORDER, types: ['DELAY_ACK', 'CANCEL_ACK', 'TX_MONITOR'] },
      { from: ORDER, to: COUPON, types: ['LOCK', 'UNLOCK'] },
      { from: COUPON, to: ORDER, types: ['LOCKED', 'UNLOCKED'] },
    ],
  };
}

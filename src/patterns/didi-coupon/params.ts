/** Parameters, guards, topology, network, workload and fault surface of the Didi order + coupon flow (virtual ms). */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { ddmqParams } from '../broker/ddmq';
import { mqParam } from '../broker/mq';
import { rocketConsumerParams, txnParams } from '../broker/txn';
import { BROKER, COUPON, num, onRocketMQ, ORDER } from './types';

export const params: ParamDef[] = [
  mqParam,
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
  // RocketMQ's side of the switch (broker/txn.ts): the broker's check-back timing, and the coupon service's long poll.
  ...txnParams.filter((p) => p.key !== 'maxReconsumeTimes'),
  ...rocketConsumerParams.filter((p) => p.key === 'fetchTimeout'),
];

/** S-DIDI-3: send the message first. Off: lock the coupon and save the order first, send the message afterwards. */
export const guards: GuardDef[] = [{ key: 'sendFirst', default: true }];

/** The order service on the left, the queue in the middle, the coupon service on the right. */
export function topology(p: Params = {}): Topology {
  const rocket = onRocketMQ(p);
  return {
    nodes: [
      { id: ORDER, role: 'order', label: 'node.didi-coupon.order', x: 0, y: 140 },
      {
        id: BROKER,
        role: 'broker',
        label: rocket ? 'node.didi-coupon.rocketmq' : 'node.didi-coupon.broker',
        x: 300,
        y: 0,
      },
      { id: COUPON, role: 'coupon', label: 'node.didi-coupon.coupon', x: 600, y: 140 },
    ],
    edges: [
      // DDMQ: the producer's connection to the queue (a stream); RocketMQ: separate calls (half, end, check).
      { from: ORDER, to: BROKER, kind: rocket ? 'rpc' : 'stream' },
      // The coupon calls (separate RPCs).
      { from: ORDER, to: COUPON, kind: 'rpc' },
      // RocketMQ: the coupon service consumes the committed unlock messages (its fetch connection).
      ...(rocket ? [{ from: BROKER, to: COUPON, kind: 'stream' as const }] : []),
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
export function surface(p: Params = {}): FaultSurface {
  if (onRocketMQ(p)) {
    return {
      crashable: [ORDER, BROKER, COUPON],
      channels: [
        { from: ORDER, to: BROKER, types: ['SEND_HALF', 'END_TX'] },
        { from: BROKER, to: ORDER, types: ['HALF_OK', 'CHECK_TX'] },
        { from: ORDER, to: COUPON, types: ['LOCK'] },
        { from: COUPON, to: ORDER, types: ['LOCKED'] },
        { from: COUPON, to: BROKER, types: ['FETCH', 'OFFSET_COMMIT'] },
        { from: BROKER, to: COUPON, types: ['RECORDS'] },
      ],
    };
  }
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

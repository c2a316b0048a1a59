/**
 * Parameters, guards, topology, network, workload and fault surface of the RocketMQ transactional message. Times are
 * virtual ms at real scale: a check round every 60 s, the consumer's retry ladder up to 2 h.
 */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { rocketConsumerParams, txnParams } from '../broker/txn';
import { BROKER, CONSUMER, num, PRODUCER } from './types';

export const params: ParamDef[] = [
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 60_000 },
  // executeLocalTransaction: how long the local transaction takes, whether the business fails, and what it answers.
  { key: 'localTxTime', kind: 'ms', default: 50, min: 0, max: 600_000 },
  { key: 'bizFail', kind: 'prob', default: 0, min: 0, max: 1 },
  { key: 'localAnswer', kind: 'enum', default: 'commit', options: ['commit', 'unknow'] },
  {
    key: 'sendTimeout',
    kind: 'ms',
    default: 3_000,
    min: 100,
    max: 60_000,
    source: 'RocketMQ DefaultMQProducer.sendMsgTimeout = 3000 ms: the half message’s synchronous send',
  },
  ...txnParams,
  { key: 'consumeFails', kind: 'int', default: 0, min: 0, max: 20 },
  ...rocketConsumerParams,
];

export const guards: GuardDef[] = [
  { key: 'idempotent', default: true },
  { key: 'checkListener', default: true },
  { key: 'retry', default: true },
];

/** Left to right: the order service with its database, the broker, the inventory service. */
export function topology(): Topology {
  return {
    nodes: [
      { id: PRODUCER, role: 'producer', label: 'node.rocketmq.producer', x: 0, y: 160 },
      { id: BROKER, role: 'broker', label: 'node.rocketmq.broker', x: 340, y: 160 },
      { id: CONSUMER, role: 'consumer', label: 'node.rocketmq.consumer', x: 680, y: 160 },
    ],
    edges: [
      // Remoting calls: the half send, the one-way end-transaction and the broker's check are separate requests.
      { from: PRODUCER, to: BROKER, kind: 'rpc' },
      // The consumer's pulls of one queue: in order.
      { from: BROKER, to: CONSUMER, kind: 'stream' },
    ],
  };
}

/** Uniform 10–30 ms one way: services and broker in one region. */
export const defaultNetwork: NetworkSpec = {
  default: { latency: { kind: 'uniform', min: 10, max: 30 }, loss: 0, duplicate: 0, reorder: 0 },
};

export function workload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.round(num(p, 'txCount') || 1));
  const gap = num(p, 'txGap');
  return Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gap,
    node: PRODUCER,
    request: { type: 'PLACE', tx: 'T' + (i + 1), qty: 1 },
  }));
}

/**
 * What random faults may break: every node crashes (and recovers); the half send, its ack, the end-transaction,
 * the check and its answer, and the consumer's pulls can be lost or duplicated. The consumer's send-back is a
 * synchronous call that RocketMQ's client repeats locally when it fails, so it is not offered as lossy.
 */
export function surface(): FaultSurface {
  return {
    crashable: [PRODUCER, BROKER, CONSUMER],
    channels: [
      { from: PRODUCER, to: BROKER, types: ['SEND_HALF', 'END_TX'] },
      { from: BROKER, to: PRODUCER, types: ['HALF_OK', 'CHECK_TX'] },
      { from: CONSUMER, to: BROKER, types: ['FETCH', 'OFFSET_COMMIT'] },
      { from: BROKER, to: CONSUMER, types: ['RECORDS'] },
    ],
  };
}

/** Parameters, guards, topology, network, workload and fault surface of the Didi payment fan-out (virtual ms). */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { consumerParams } from '../broker';
import { retryParams } from '../broker/ddmq';
import { mqParam } from '../broker/mq';
import { txnParams } from '../broker/txn';
import { BROKER, CONSUMERS, LEDGER, num, onRocketMQ, ORDERS, PAY, PROCURE, STOCK } from './types';

export const params: ParamDef[] = [
  mqParam,
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 600_000 },
  { key: 'stock', kind: 'int', default: 100, min: 0, max: 1_000_000 },
  { key: 'amount', kind: 'int', default: 2_000, min: 1, max: 1_000_000 },
  {
    key: 'commissionRate',
    kind: 'prob',
    default: 0.2,
    min: 0,
    max: 1,
    source: 'approx.: a platform commission on a ride (figures vary; a parameter)',
  },
  { key: 'ledgerFailures', kind: 'int', default: 0, min: 0, max: 100 },
  { key: 'failRate', kind: 'prob', default: 0, min: 0, max: 1 },
  {
    key: 'ackTimeout',
    kind: 'ms',
    default: 1_000,
    min: 10,
    max: 60_000,
    source: 'CarreraTxMsgExample: setCarreraClientTimeout(1000)',
  },
  {
    key: 'localFailRate',
    kind: 'prob',
    default: 0,
    min: 0,
    max: 1,
    source:
      'approx.: the payment service’s local transaction (recording the payment) fails; RocketMQ then rolls the half message back',
  },
  {
    key: 'localAnswer',
    kind: 'enum',
    default: 'commit',
    options: ['commit', 'unknow'],
    source:
      'RocketMQ LocalTransactionState: executeLocalTransaction may answer UNKNOW (it cannot tell yet); then only the check-back ends it',
  },
  ...retryParams,
  ...consumerParams,
  // RocketMQ's side of the switch (broker/txn.ts): the check-back timing and the retry ladder's length.
  ...txnParams,
];

/** S-DIDI-4: consumers are idempotent (a processed-message table). Retries: a failed consumption is retried. */
export const guards: GuardDef[] = [
  { key: 'idempotent', default: true },
  { key: 'retries', default: true },
];

/** The four consumers in a 2 × 2 block right of the queue: a wide diagram that stays readable in a short panel. */
const AT: Record<string, [number, number]> = {
  [ORDERS]: [560, 0],
  [STOCK]: [820, 0],
  [LEDGER]: [560, 220],
  [PROCURE]: [820, 220],
};

export function topology(p: Params = {}): Topology {
  const rocket = onRocketMQ(p);
  return {
    nodes: [
      { id: PAY, role: 'pay', label: 'node.didi-pay.pay', x: 0, y: 110 },
      {
        id: BROKER,
        role: 'broker',
        label: rocket ? 'node.didi-pay.rocketmq' : 'node.didi-pay.broker',
        x: 280,
        y: 110,
      },
      ...CONSUMERS.map((c) => ({ id: c, role: c, label: 'node.didi-pay.' + c, x: AT[c][0], y: AT[c][1] })),
    ],
    edges: [
      // DDMQ: the producer's connection (a stream); RocketMQ: separate calls (half, end, check-back).
      { from: PAY, to: BROKER, kind: rocket ? ('rpc' as const) : ('stream' as const) },
      ...CONSUMERS.map((c) => ({ from: BROKER, to: c, kind: 'stream' as const })),
      // The reverse flow's calls: the refund, then the commission's reversal.
      { from: STOCK, to: PAY, kind: 'rpc' as const },
      { from: STOCK, to: LEDGER, kind: 'rpc' as const },
    ],
  };
}

export const defaultNetwork: NetworkSpec = {
  default: { latency: { kind: 'uniform', min: 10, max: 30 }, loss: 0, duplicate: 0, reorder: 0 },
};

export function workload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.round(num(p, 'txCount') || 1));
  const gap = num(p, 'txGap');
  return Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gap,
    node: PAY,
    request: { type: 'PAID', tx: 'P' + (i + 1) },
  }));
}

/** Every node may crash and recover; every message on the queue's links and the refund call may be lost or repeated. */
export function surface(p: Params = {}): FaultSurface {
  const rocket = onRocketMQ(p);
  return {
    crashable: [PAY, BROKER, ...CONSUMERS],
    channels: [
      { from: PAY, to: BROKER, types: rocket ? ['SEND_HALF', 'END_TX'] : ['PRODUCE'] },
      { from: BROKER, to: PAY, types: rocket ? ['HALF_OK', 'CHECK_TX'] : ['PRODUCE_ACK'] },
      ...CONSUMERS.flatMap((c) => [
        { from: c, to: BROKER, types: rocket ? ['FETCH', 'OFFSET_COMMIT', 'SEND_BACK'] : ['FETCH', 'OFFSET_COMMIT'] },
        { from: BROKER, to: c, types: rocket ? ['RECORDS', 'SEND_BACK_OK'] : ['RECORDS'] },
      ]),
      { from: STOCK, to: PAY, types: ['REFUND'] },
      { from: PAY, to: STOCK, types: ['REFUNDED'] },
      { from: STOCK, to: LEDGER, types: ['REVERSE'] },
      { from: LEDGER, to: STOCK, types: ['REVERSED'] },
    ],
  };
}

/** Parameters, guards, topology, network, workload and fault surface of the Didi payment fan-out (virtual ms). */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { consumerParams } from '../broker';
import { retryParams } from '../broker/ddmq';
import { BROKER, CONSUMERS, LEDGER, num, ORDERS, PAY, PROCURE, STOCK } from './types';

export const params: ParamDef[] = [
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
  ...retryParams,
  ...consumerParams,
];

/** S-DIDI-4: consumers are idempotent (a processed-message table). Retries: a failed consumption is retried. */
export const guards: GuardDef[] = [
  { key: 'idempotent', default: true },
  { key: 'retries', default: true },
];

const CY: Record<string, number> = { [ORDERS]: 0, [STOCK]: 130, [LEDGER]: 260, [PROCURE]: 390 };

export function topology(): Topology {
  return {
    nodes: [
      { id: PAY, role: 'pay', label: 'node.didi-pay.pay', x: 0, y: 195 },
      { id: BROKER, role: 'broker', label: 'node.didi-pay.broker', x: 300, y: 195 },
      ...CONSUMERS.map((c) => ({ id: c, role: c, label: 'node.didi-pay.' + c, x: 620, y: CY[c] })),
    ],
    edges: [
      { from: PAY, to: BROKER, kind: 'stream' as const },
      ...CONSUMERS.map((c) => ({ from: BROKER, to: c, kind: 'stream' as const })),
      // The reverse flow's refund call.
      { from: STOCK, to: PAY, kind: 'rpc' as const },
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
export function surface(): FaultSurface {
  return {
    crashable: [PAY, BROKER, ...CONSUMERS],
    channels: [
      { from: PAY, to: BROKER, types: ['PRODUCE'] },
      { from: BROKER, to: PAY, types: ['PRODUCE_ACK'] },
      ...CONSUMERS.flatMap((c) => [
        { from: c, to: BROKER, types: ['FETCH', 'OFFSET_COMMIT'] },
        { from: BROKER, to: c, types: ['RECORDS'] },
      ]),
      { from: STOCK, to: PAY, types: ['REFUND'] },
      { from: PAY, to: STOCK, types: ['REFUNDED'] },
    ],
  };
}

/**
 * Parameters, guards, topology, network, workload and fault surface of best-effort notification. Times are real
 * (virtual ms): the WeChat ladder spans 24 h 4 min, so the default horizon is 30 h.
 */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { CLIENT, MERCHANT, num, PLATFORM } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;

export const params: ParamDef[] = [
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 1_000, min: 0, max: HOUR },
  {
    key: 'ladder',
    kind: 'enum',
    default: 'wechat',
    options: ['wechat', 'alipay', 'custom'],
    source:
      'WeChat Pay: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h (24h4m); Alipay: 4m,10m,10m,1h,2h,6h,15h',
  },
  { key: 'customLadder', kind: 'text', default: '1s,5s,30s' },
  {
    key: 'deadline',
    kind: 'ms',
    default: 5_000,
    min: 100,
    max: 60_000,
    source: 'WeChat Pay: the merchant must verify and answer within 5 s, else the notification counts as failed',
  },
  // The merchant's handler: verify the signature, update the order in one local transaction, answer.
  { key: 'handlerTime', kind: 'ms', default: 50, min: 0, max: 60_000 },
  { key: 'slowCount', kind: 'int', default: 0, min: 0, max: 100 },
  { key: 'slowTime', kind: 'ms', default: 8_000, min: 0, max: 600_000 },
  { key: 'reconcile', kind: 'enum', default: 'off', options: ['off', 'schedule', 'on-demand'] },
  {
    key: 'reconcileEvery',
    kind: 'ms',
    default: 10 * MIN,
    min: 1_000,
    max: 24 * HOUR,
    source: 'a merchant choice; WeChat Pay asks merchants to query orders they were not notified about',
  },
  { key: 'reconcileAt', kind: 'ms', default: 25 * HOUR, min: 0, max: 72 * HOUR },
];

export const guards: GuardDef[] = [{ key: 'idempotency', default: true }];

export function topology(): Topology {
  return {
    nodes: [
      { id: CLIENT, role: 'client', label: 'node.notify.client', x: 0, y: 220 },
      { id: PLATFORM, role: 'platform', label: 'node.notify.platform', x: 320, y: 40 },
      { id: MERCHANT, role: 'merchant', label: 'node.notify.merchant', x: 640, y: 220 },
    ],
    // HTTP calls: no order between them (a retry can overtake a slow earlier attempt's answer).
    edges: [
      { from: CLIENT, to: MERCHANT, kind: 'rpc' },
      { from: CLIENT, to: PLATFORM, kind: 'rpc' },
      { from: PLATFORM, to: MERCHANT, kind: 'rpc' },
    ],
  };
}

/** 20–80 ms one way: calls over the public internet between a payment platform and a merchant's server. */
export const defaultNetwork: NetworkSpec = {
  default: { latency: { kind: 'uniform', min: 20, max: 80 }, loss: 0, duplicate: 0, reorder: 0 },
};

export function workload(p: Params): WorkloadItem[] {
  const n = Math.max(1, Math.min(20_000, Math.round(num(p, 'txCount') || 1)));
  const gap = num(p, 'txGap');
  const items: WorkloadItem[] = Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gap,
    node: CLIENT,
    request: { type: 'PAY', tx: 'O' + (i + 1) },
  }));
  if (p.reconcile === 'on-demand')
    items.push({ at: num(p, 'reconcileAt'), node: MERCHANT, request: { type: 'RECONCILE' } });
  return items.sort((a, b) => a.at - b.at);
}

/**
 * What random faults may break: the platform and the merchant crash; notifications, their answers and the
 * reconciliation calls are lost or duplicated. The client's order creation is the precondition, not under test.
 */
export function surface(): FaultSurface {
  return {
    crashable: [PLATFORM, MERCHANT],
    channels: [
      { from: PLATFORM, to: MERCHANT, types: ['NOTIFY', 'QUERY_RESULT'] },
      { from: MERCHANT, to: PLATFORM, types: ['ACK', 'QUERY'] },
    ],
  };
}

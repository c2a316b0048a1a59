/**
 * Parameters, guards, topology, network, workload and fault surface of the outbox pattern. Times are virtual ms.
 */
import type { FaultSurface, GuardDef, ParamDef } from '../../engine/pattern';
import type { NetworkSpec, Params, Topology, WorkloadItem } from '../../engine/types';
import { consumerParams } from '../broker';
import { BROKER, CONSUMER, num, ORDER, RELAY } from './types';

export const params: ParamDef[] = [
  { key: 'txCount', kind: 'int', default: 1, min: 1, max: 20_000 },
  { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 10_000 },
  { key: 'relay', kind: 'enum', default: 'polling', options: ['polling', 'log-tailing'] },
  {
    key: 'pollInterval',
    kind: 'ms',
    default: 1_000,
    min: 20,
    max: 60_000,
    source: 'a scheduled task, typically every second (e.g. Shikibu outbox relayer DEFAULT_POLL_INTERVAL 1.0 s)',
  },
  {
    key: 'cdcLag',
    kind: 'ms',
    default: 50,
    min: 0,
    max: 10_000,
    source: 'binlog read lag of a log-tailing connector (Debezium, Eventuate CDC): tens of ms when the log is hot',
  },
  { key: 'batch', kind: 'int', default: 100, min: 1, max: 1_000 },
  {
    key: 'ackTimeout',
    kind: 'ms',
    default: 500,
    min: 20,
    max: 60_000,
    source: 'scaled down; Kafka producer request.timeout.ms 30 s, retry.backoff.ms 100',
  },
  { key: 'onAck', kind: 'enum', default: 'mark', options: ['mark', 'delete'] },
  ...consumerParams,
];

export const guards: GuardDef[] = [{ key: 'dedup', default: true }];

/** Left to right: the order service with its database, the relay, the broker, the consumer. */
export function topology(): Topology {
  return {
    nodes: [
      { id: ORDER, role: 'order', label: 'node.outbox.order', x: 0, y: 160 },
      { id: RELAY, role: 'relay', label: 'node.outbox.relay', x: 260, y: 20 },
      { id: BROKER, role: 'broker', label: 'node.outbox.broker', x: 520, y: 160 },
      { id: CONSUMER, role: 'consumer', label: 'node.outbox.consumer', x: 780, y: 160 },
    ],
    edges: [
      // The JDBC connection / the binlog stream, the producer connection, the consumer's fetch connection.
      { from: ORDER, to: RELAY, kind: 'stream' },
      { from: RELAY, to: BROKER, kind: 'stream' },
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
    node: ORDER,
    request: { type: 'PLACE', tx: 'T' + (i + 1), qty: 1 },
  }));
}

/**
 * What random faults may break: the relay, the broker and the consumer crash (and recover); every message between
 * relay, broker and consumer can be lost or duplicated. The database connection to the relay is lossy only for the
 * polling publisher (its next query repeats a lost one); a log tail is a TCP stream that resumes where it stopped.
 */
export function surface(p: Params): FaultSurface {
  const channels: FaultSurface['channels'] = [
    { from: RELAY, to: BROKER, types: ['PRODUCE'] },
    { from: BROKER, to: RELAY, types: ['PRODUCE_ACK'] },
    { from: CONSUMER, to: BROKER, types: ['FETCH', 'OFFSET_COMMIT'] },
    { from: BROKER, to: CONSUMER, types: ['RECORDS'] },
  ];
  if (p.relay !== 'log-tailing') {
    channels.push({ from: RELAY, to: ORDER, types: ['SCAN', 'MARK'] }, { from: ORDER, to: RELAY, types: ['ROWS'] });
  }
  return { crashable: [RELAY, BROKER, CONSUMER], channels };
}

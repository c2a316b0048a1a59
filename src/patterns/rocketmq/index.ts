/**
 * Transactional message, RocketMQ ≥ 4.3 (SEED-EN.md "RocketMQ transactional messages", PATTERNS.md): the order
 * service sends a half message (stored, invisible to consumers), runs its local transaction on the broker's ack and
 * ends the transaction one way (COMMIT / ROLLBACK / UNKNOW); the broker's check rounds ask the producer's check
 * listener about half messages left waiting (S-TXM-1, 反查) and discard them after transactionCheckMax checks; the
 * inventory service consumes at least once, idempotently, with RocketMQ's retry ladder and dead-letter queue.
 * The broker mechanics live in src/patterns/broker/txn.ts (shared with the Didi flows).
 */
import type { PatternDef } from '../../engine/pattern';
import { txnBrokerRole } from '../broker/txn';
import { consumerNodeRole } from './consumer';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { producerRole } from './producer';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { view } from './view';
import { meta } from './meta';

export const rocketmq: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    producer: producerRole,
    broker: txnBrokerRole({ notePrefix: 'rocketmq.note.broker' }),
    consumer: consumerNodeRole,
  },
  params,
  guards,
  topology,
  defaultNetwork,
  // 20 min: room for the 15 check rounds of a message nobody answers (the 16th, at 16 min, discards it).
  defaultHorizon: 20 * 60_000,
  workload,
  invariants,
  outcomes,
  view,
  scenarios,
  tour,
  handlers,
  surface,
  lab: { failureParam: 'bizFail' },
};

export default rocketmq;

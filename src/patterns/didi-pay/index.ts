/**
 * Didi payment fan-out (SEED-EN.md S-DIDI-2, S-DIDI-4) on DDMQ: "payment succeeded" goes to four consumers, each
 * with its own database (stock, orders, ledger, procurement); transient failures are retried, a message that can
 * never succeed (oversold) triggers the reverse flow (a refund, and the commission taken back), and consumers must
 * be idempotent because delivery is at-least-once.
 *
 * Parameter mq = rocketmq runs the same scenario, same seed, on RocketMQ's model (broker/mq.ts, broker/txn.ts): a
 * half message, COMMIT / ROLLBACK / UNKNOW after the payment's local transaction, the broker's check-back, and the
 * consumers' 16-step retry ladder into %DLQ%<group>.
 */
import type { PatternDef } from '../../engine/pattern';
import { mqBrokerRole } from '../broker/mq';
import { fanoutConsumer } from './consumers';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { payRole } from './pay';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { LEDGER, ORDERS, PROCURE, STOCK } from './types';
import { view } from './view';
import { meta } from './meta';

export const didiPay: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    pay: payRole,
    // DDMQ keeps no delayed messages here (its retries are the consumers'); RocketMQ's scheduled retries are.
    broker: mqBrokerRole({ notePrefix: 'didipay.note.broker', delayedView: 'rocketmq' }),
    [STOCK]: fanoutConsumer(STOCK),
    [ORDERS]: fanoutConsumer(ORDERS),
    [LEDGER]: fanoutConsumer(LEDGER),
    [PROCURE]: fanoutConsumer(PROCURE),
  },
  params,
  guards,
  topology,
  defaultNetwork,
  // 90 s, so a run shows RocketMQ's first check round (60 s after the broker starts) on the same scenario; the ledger
  // retry scenario runs longer (its ladder takes 10 s + 30 s + 1 min).
  defaultHorizon: 90_000,
  workload,
  invariants,
  outcomes,
  view,
  scenarios,
  tour,
  handlers,
  surface,
  lab: { failureParam: 'failRate' },
};

export default didiPay;

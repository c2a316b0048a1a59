/**
 * Didi payment fan-out (SEED-EN.md S-DIDI-2, S-DIDI-4) on DDMQ: "payment succeeded" goes to four consumers, each
 * with its own database (stock, orders, ledger, procurement); transient failures are retried, a message that can
 * never succeed (oversold) triggers the reverse flow (a refund), and consumers must be idempotent because delivery
 * is at-least-once.
 */
import type { PatternDef } from '../../engine/pattern';
import { ddmqBrokerRole } from '../broker/ddmq';
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
    broker: ddmqBrokerRole({ notePrefix: 'didipay.note.broker' }),
    [STOCK]: fanoutConsumer(STOCK),
    [ORDERS]: fanoutConsumer(ORDERS),
    [LEDGER]: fanoutConsumer(LEDGER),
    [PROCURE]: fanoutConsumer(PROCURE),
  },
  params,
  guards,
  topology,
  defaultNetwork,
  defaultHorizon: 30_000,
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

/**
 * Didi order + coupon (SEED-EN.md S-DIDI-1, S-DIDI-3, S-DIDI-5) on DDMQ's own model (PATTERNS.md "Didi DDMQ"): the
 * order service sends a cancellable delayed tx monitor first, locks the coupon (the preparation), saves the order
 * (the base operation, last) and cancels the monitor; if saving fails the monitor, delivered after its delay to the
 * order service's own consumer, drives the coupon's unlock, retried until it succeeds.
 */
import type { PatternDef } from '../../engine/pattern';
import { mqBrokerRole } from '../broker/mq';
import { couponRole } from './coupon';
import { handlers } from './handlers';
import { invariants, outcomes } from './invariants';
import { orderRole } from './order';
import { defaultNetwork, guards, params, surface, topology, workload } from './params';
import { scenarios } from './scenarios';
import { tour } from './tour';
import { view } from './view';
import { meta } from './meta';

/**
 * The queue: DDMQ (delayed messages, broker/ddmq.ts) or, with mq = rocketmq, RocketMQ's transactional broker
 * (broker/txn.ts: half messages and check-backs) — one node, its model chosen by the parameter, so the same scenario
 * and seed run on either (broker/mq.ts, shared with the Didi payment fan-out).
 */
const broker = mqBrokerRole({ notePrefix: 'didi.note.broker', delayedView: 'ddmq' });

export const didiCoupon: PatternDef = {
  id: meta.id,
  family: meta.family,
  roles: {
    order: orderRole,
    broker,
    coupon: couponRole,
  },
  params,
  guards,
  topology,
  defaultNetwork,
  defaultHorizon: 900_000,
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

export default didiCoupon;

/**
 * Named scenarios: S-BEN-1 (retries on the ladder, then delivered or given up), S-BEN-2 (reconciliation repairs a
 * lost notification), duplicates with and without the idempotency guard, the handler's deadline, Alipay's ladder and
 * a short custom ladder. Outages are triggered by trace events ("right after the merchant confirmed the order"), so
 * they stay right when latencies change; recoveries are at clock times on the ladder's scale.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';
import { MERCHANT, PLATFORM } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The merchant goes down right after it confirmed the order to the client (it knows the order, then is gone). */
const merchantDown = (until: number | null): Fault[] => [
  { id: 'merchant-down', when: { on: { kind: 'send', node: MERCHANT, type: 'ORDER_OK' } }, do: { crash: MERCHANT } },
  ...(until === null ? [] : [{ id: 'merchant-up', when: { at: until }, do: { recover: MERCHANT } } satisfies Fault]),
];

const allHold = {
  'exactly-once': 'holds',
  'eventually-consistent': 'holds',
  'no-lost-notification': 'holds',
} as const;

export const scenarios: NamedScenario[] = [
  {
    id: 'ben-happy',
    claims: [],
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      neverBreaks: ['exactly-once', 'no-lost-notification'],
      durable: {
        platform: { 'notify.O1.n': 1, 'notify.O1.st': 'delivered', 'orders.O1.st': 'paid' },
        merchant: { 'orders.O1.st': 'paid', 'orders.O1.applied': 1, 'processed.N-O1.tx': 'O1' },
      },
    },
  },
  {
    id: 's-ben-1',
    claims: ['S-BEN-1'],
    // Down for 5 minutes: attempts at +0, 15 s, 30 s, 1 min and 4 min fail; the 6th, at 14 min, is delivered.
    faults: merchantDown(5 * MIN),
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      neverBreaks: ['exactly-once', 'no-lost-notification'],
      durable: { platform: { 'notify.O1.n': 6, 'notify.O1.st': 'delivered' }, merchant: { 'orders.O1.applied': 1 } },
    },
  },
  {
    id: 's-ben-1-give-up',
    claims: ['S-BEN-1'],
    // Down for 25 hours: all 16 notifications (24 h 4 min) fail and the platform gives up; nothing repairs it.
    faults: merchantDown(25 * HOUR),
    expect: {
      outcomes: { O1: 'given-up' },
      invariants: { 'exactly-once': 'holds', 'eventually-consistent': 'violated', 'no-lost-notification': 'violated' },
      breaks: ['no-lost-notification'],
      durable: {
        platform: { 'notify.O1.n': 16, 'notify.O1.st': 'given-up', 'orders.O1.st': 'paid' },
        merchant: { 'orders.O1.st': 'unpaid', 'orders.O1.applied': 0 },
      },
    },
  },
  {
    id: 's-ben-2',
    claims: ['S-BEN-2'],
    // As above, but the merchant's reconciliation job runs every 10 minutes once it is back.
    params: { reconcile: 'schedule' },
    faults: merchantDown(25 * HOUR),
    expect: {
      outcomes: { O1: 'repaired' },
      invariants: allHold,
      breaks: ['no-lost-notification'],
      neverBreaks: ['exactly-once'],
      durable: {
        platform: { 'notify.O1.st': 'given-up' },
        merchant: { 'orders.O1.st': 'paid', 'orders.O1.via': 'reconcile', 'orders.O1.applied': 1 },
      },
    },
  },
  {
    id: 's-ben-2-on-demand',
    claims: ['S-BEN-2'],
    // An operator runs reconciliation by hand one minute after the merchant is back.
    params: { reconcile: 'on-demand', reconcileAt: 25 * HOUR + MIN },
    faults: merchantDown(25 * HOUR),
    expect: {
      outcomes: { O1: 'repaired' },
      invariants: allHold,
      breaks: ['no-lost-notification'],
      durable: { merchant: { 'orders.O1.via': 'reconcile', 'orders.O1.applied': 1, queries: 1 } },
    },
  },
  {
    id: 'ben-duplicate',
    claims: [],
    faults: [{ id: 'dup', when: { at: 0 }, do: { duplicate: { from: PLATFORM, to: MERCHANT, type: 'NOTIFY' } } }],
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      neverBreaks: ['exactly-once'],
      durable: { merchant: { 'orders.O1.applied': 1, handled: 2, applied: 1 } },
    },
  },
  {
    id: 'ben-duplicate-no-idempotency',
    claims: [],
    guards: { idempotency: false },
    faults: [{ id: 'dup', when: { at: 0 }, do: { duplicate: { from: PLATFORM, to: MERCHANT, type: 'NOTIFY' } } }],
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: { 'exactly-once': 'violated', 'eventually-consistent': 'holds' },
      breaks: ['exactly-once'],
      durable: { merchant: { 'orders.O1.applied': 2, handled: 2, applied: 2 } },
    },
  },
  {
    id: 'ben-lost-ack',
    claims: [],
    // The merchant's "success" is lost: the platform counts the attempt failed and notifies again 15 s later.
    faults: [{ id: 'lose-ack', when: { at: 0 }, do: { drop: { from: MERCHANT, to: PLATFORM, type: 'ACK' } } }],
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      neverBreaks: ['exactly-once'],
      durable: { platform: { 'notify.O1.n': 2 }, merchant: { 'orders.O1.applied': 1, handled: 2 } },
    },
  },
  {
    id: 'ben-lost-ack-no-idempotency',
    claims: [],
    guards: { idempotency: false },
    faults: [{ id: 'lose-ack', when: { at: 0 }, do: { drop: { from: MERCHANT, to: PLATFORM, type: 'ACK' } } }],
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: { 'exactly-once': 'violated' },
      breaks: ['exactly-once'],
      durable: { platform: { 'notify.O1.n': 2 }, merchant: { 'orders.O1.applied': 2 } },
    },
  },
  {
    id: 'ben-slow-handler',
    claims: [],
    // The first notification takes the handler 8 s: past the 5 s deadline it counts as failed and is retried.
    params: { slowCount: 1, slowTime: 8_000 },
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      neverBreaks: ['exactly-once'],
      durable: { platform: { 'notify.O1.n': 2, 'notify.O1.st': 'delivered' }, merchant: { 'orders.O1.applied': 1 } },
    },
  },
  {
    id: 'ben-alipay',
    claims: ['S-BEN-1'],
    // Alipay's ladder, the merchant down for 2 h: attempts at +0, 4 m, 14 m, 24 m, 1 h 24 m fail; 3 h 24 m delivered.
    params: { ladder: 'alipay' },
    faults: merchantDown(2 * HOUR),
    expect: {
      outcomes: { O1: 'delivered' },
      invariants: allHold,
      durable: { platform: { 'notify.O1.n': 6, 'notify.O1.st': 'delivered' } },
    },
  },
  {
    id: 'ben-custom',
    claims: ['S-BEN-1', 'S-BEN-2'],
    // A short custom ladder (1 s, 5 s, 30 s) gives up within a minute; reconciliation by hand at 2 min repairs it.
    params: { ladder: 'custom', customLadder: '1s,5s,30s', reconcile: 'on-demand', reconcileAt: 2 * MIN },
    faults: merchantDown(MIN),
    horizon: 10 * MIN,
    expect: {
      outcomes: { O1: 'repaired' },
      invariants: allHold,
      breaks: ['no-lost-notification'],
      durable: {
        platform: { 'notify.O1.n': 4, 'notify.O1.st': 'given-up' },
        merchant: { 'orders.O1.via': 'reconcile' },
      },
    },
  },
];

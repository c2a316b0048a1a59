/**
 * Named scenarios: S-DIDI-2 (the fan-out, a transient failure retried, retries off, the oversold reverse flow) and
 * S-DIDI-4 (a duplicate delivery with and without idempotent consumers). Faults are triggered by trace events.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';
import { BROKER, PAY } from './types';

/**
 * The first acknowledgement is lost. DDMQ (PRODUCE_ACK): the payment service sends again, and the topic holds two
 * copies. RocketMQ (HALF_OK): the payment service sends the half message again as a new message, commits that one, and
 * the broker's check-back commits the first as well (the payment is recorded) — two copies too. Each drop matches
 * only on its own model.
 */
export const lostAck: Fault[] = [
  { id: 'drop-first-ack', when: { at: 0 }, do: { drop: { from: BROKER, to: PAY, type: 'PRODUCE_ACK', count: 1 } } },
  { id: 'drop-first-half-ack', when: { at: 0 }, do: { drop: { from: BROKER, to: PAY, type: 'HALF_OK', count: 1 } } },
];

const ALL = { 'commission-or-refund': 'holds', 'exactly-once': 'holds', 'eventually-consistent': 'holds' } as const;
const once = { 'applied.P1.n': 1 };

export const scenarios: NamedScenario[] = [
  {
    id: 's-didi-2-happy',
    claims: ['S-DIDI-2'],
    expect: {
      outcomes: { P1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: {
        pay: { 'payments.P1.st': 'paid', unacked: {}, refunds: {} },
        stock: { ...once, value: 99 },
        orders: once,
        ledger: { ...once, value: 400 },
        procure: once,
      },
    },
  },
  {
    id: 's-didi-2-ledger-retry',
    claims: ['S-DIDI-2'],
    params: { ledgerFailures: 3 },
    // 2 min: on RocketMQ the three retries come 10 s, 30 s and 1 min after each failure.
    horizon: 120_000,
    expect: {
      outcomes: { P1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: { ledger: { ...once, value: 400, retries: {}, dead: {} } },
    },
  },
  {
    id: 's-didi-2-no-retry',
    claims: ['S-DIDI-2'],
    params: { ledgerFailures: 1 },
    guards: { retries: false },
    expect: {
      outcomes: { P1: 'inconsistent' },
      invariants: { ...ALL, 'commission-or-refund': 'violated', 'eventually-consistent': 'violated' },
      durable: { ledger: { applied: {}, 'dead.P1.reason': 'dropped', value: 0 }, stock: once },
    },
  },
  {
    id: 's-didi-2-oversold',
    claims: ['S-DIDI-2'],
    params: { stock: 1, txCount: 2 },
    expect: {
      outcomes: { P1: 'delivered', P2: 'repaired' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: {
        pay: { 'refunds.P2.reason': 'oversold', 'refunds.P2.asked': 1 },
        stock: { value: 0, 'applied.P1.n': 1, 'reverse.P2.st': 'done' },
        // P2's commission was booked, then taken back by the reverse flow: only P1's stays.
        ledger: { 'applied.P2.n': 1, 'reversed.P2.cents': 400, value: 400 },
      },
    },
  },
  {
    id: 's-didi-4-idempotent',
    claims: ['S-DIDI-4'],
    faults: lostAck,
    expect: {
      outcomes: { P1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: { stock: { ...once, value: 99 }, ledger: { ...once, value: 400 } },
    },
  },
  {
    id: 's-didi-4-not-idempotent',
    claims: ['S-DIDI-4'],
    guards: { idempotent: false },
    faults: lostAck,
    expect: {
      outcomes: { P1: 'inconsistent' },
      invariants: { ...ALL, 'exactly-once': 'violated' },
      breaks: ['exactly-once'],
      durable: {
        stock: { 'applied.P1.n': 2, value: 98 },
        ledger: { 'applied.P1.n': 2, value: 800 },
        orders: { 'applied.P1.n': 2 },
        procure: { 'applied.P1.n': 2 },
      },
    },
  },
];

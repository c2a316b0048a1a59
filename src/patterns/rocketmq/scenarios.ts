/**
 * Named scenarios: every branch of the transactional message — the happy path (the seed's steps 1–4), the check-back
 * of S-TXM-1 (a lost end-transaction, UNKNOW answers, a producer that dies after its half message, a lost ack),
 * rollback, the discard after the last check, the consumer's retry ladder into the dead-letter queue, and duplicate
 * delivery with and without an idempotent consumer. Faults are triggered by trace events, not clock times.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';
import { BROKER, CONSUMER, PRODUCER } from './types';

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

const ALL = {
  'no-visible-rollback': 'holds',
  'exactly-once': 'holds',
  'eventually-consistent': 'holds',
  'no-stuck-half': 'holds',
} as const;

/** The consumer crashes right after applying the effect, before its offset commit leaves; back 300 ms later. */
export const consumerCrashAfterApply: Fault[] = [
  {
    id: 'crash-consumer-after-apply',
    when: { on: { kind: 'note', node: CONSUMER, type: 'rocketmq.note.applied' } },
    do: { crash: CONSUMER },
  },
  {
    id: 'recover-consumer',
    when: { on: { kind: 'note', node: CONSUMER, type: 'rocketmq.note.applied' }, delay: 300 },
    do: { recover: CONSUMER },
  },
];

export const scenarios: NamedScenario[] = [
  {
    id: 's-rmq-happy',
    claims: [],
    horizon: 2 * MIN,
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        producer: { 'txLog.T1.st': 'committed', 'orders.T1.qty': 1 },
        broker: { 'halfMsgs.msg-T1.state': 'committed', 'halfMsgs.msg-T1.checks': 0, halfOpen: {} },
        consumer: { 'reservations.T1.n': 1, 'consumed.msg-T1.reconsume': 0, stock: 999_999 },
      },
    },
  },
  {
    id: 's-rmq-commit-lost',
    claims: ['S-TXM-1'],
    horizon: 3 * MIN,
    // The one-way COMMIT is lost: the message stays half until the first check round after born + 6 s (t = 60 s).
    faults: [{ id: 'drop-commit', when: { at: 0 }, do: { drop: { from: PRODUCER, to: BROKER, type: 'END_TX' } } }],
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        broker: { 'halfMsgs.msg-T1.state': 'committed', 'halfMsgs.msg-T1.checks': 1, 'halfMsgs.msg-T1.by': 'check' },
        consumer: { 'reservations.T1.n': 1 },
      },
    },
  },
  {
    id: 's-rmq-unknow',
    claims: ['S-TXM-1'],
    horizon: 3 * MIN,
    // executeLocalTransaction commits but answers UNKNOW: the check-back reads the committed row and commits.
    params: { localAnswer: 'unknow' },
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: { broker: { 'halfMsgs.msg-T1.checks': 1, 'halfMsgs.msg-T1.state': 'committed' } },
    },
  },
  {
    id: 's-rmq-slow-local',
    claims: ['S-TXM-1'],
    horizon: 4 * MIN,
    // The local transaction takes 90 s: the first check (60 s) finds it still running → UNKNOW; the second commits.
    params: { localTxTime: 90 * SEC, localAnswer: 'unknow' },
    expect: {
      outcomes: { T1: 'repaired' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: { broker: { 'halfMsgs.msg-T1.checks': 2, 'halfMsgs.msg-T1.state': 'committed' } },
    },
  },
  {
    id: 's-rmq-rollback',
    claims: [],
    horizon: 2 * MIN,
    // The business fails: the local transaction rolls back and the producer sends ROLLBACK.
    params: { bizFail: 1 },
    expect: {
      outcomes: { T1: 'aborted' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        producer: { 'txLog.T1.st': 'rolled-back', orders: {} },
        broker: { 'halfMsgs.msg-T1.state': 'rolled-back' },
        consumer: { reservations: {}, stock: 1_000_000 },
      },
    },
  },
  {
    id: 's-rmq-producer-crash',
    claims: ['S-TXM-1'],
    horizon: 3 * MIN,
    // The producer dies as the half message is acknowledged, before its local transaction ends; back 2 s later.
    faults: [
      {
        id: 'crash-producer-on-ack',
        when: { on: { kind: 'deliver', node: PRODUCER, type: 'HALF_OK' } },
        do: { crash: PRODUCER },
      },
      {
        id: 'recover-producer',
        when: { on: { kind: 'deliver', node: PRODUCER, type: 'HALF_OK' }, delay: 2 * SEC },
        do: { recover: PRODUCER },
      },
    ],
    expect: {
      outcomes: { T1: 'aborted' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        producer: { txLog: {}, orders: {} },
        broker: { 'halfMsgs.msg-T1.state': 'rolled-back', 'halfMsgs.msg-T1.by': 'check', 'halfMsgs.msg-T1.checks': 1 },
      },
    },
  },
  {
    id: 's-rmq-half-ack-lost',
    claims: ['S-TXM-1'],
    horizon: 3 * MIN,
    // The broker stored the half message but its ack is lost: the send times out (3 s), the order fails; the check
    // finds the failure in the transaction log and rolls the half message back.
    faults: [{ id: 'drop-ack', when: { at: 0 }, do: { drop: { from: BROKER, to: PRODUCER, type: 'HALF_OK' } } }],
    expect: {
      outcomes: { T1: 'aborted' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        producer: { 'txLog.T1.st': 'send-failed', orders: {} },
        broker: { 'halfMsgs.msg-T1.state': 'rolled-back', 'halfMsgs.msg-T1.by': 'check' },
      },
    },
  },
  {
    id: 's-rmq-check-max',
    claims: ['S-TXM-1'],
    horizon: 17 * MIN,
    // A buggy check listener answers UNKNOW every time: 15 checks, one a minute, then the broker discards the
    // message into TRANS_CHECK_MAX_TIME_TOPIC — while the order was committed.
    params: { localAnswer: 'unknow' },
    guards: { checkListener: false },
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { ...ALL, 'eventually-consistent': 'violated' },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        producer: { 'txLog.T1.st': 'committed' },
        broker: { 'halfMsgs.msg-T1.state': 'discarded', 'halfMsgs.msg-T1.checks': 15, halfOpen: {} },
        consumer: { reservations: {} },
      },
    },
  },
  {
    id: 's-rmq-consumer-retry',
    claims: [],
    horizon: 5 * MIN,
    // The inventory service fails the first three times (RECONSUME_LATER): retried after 10 s, 30 s and 1 min.
    params: { consumeFails: 3 },
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 1, 'consumed.msg-T1.reconsume': 3 }, broker: { delayedMsgs: {} } },
    },
  },
  {
    id: 's-rmq-dlq',
    claims: [],
    horizon: 5 * HOUR,
    // It fails every time: 16 retries on the 10 s … 2 h ladder, then %DLQ%inventory_group.
    params: { consumeFails: 17 },
    expect: {
      outcomes: { T1: 'dead-lettered' },
      invariants: { ...ALL, 'eventually-consistent': 'violated' },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: {
        broker: { 'logEnds.%DLQ%inventory_group/0.next': 1, 'logEnds.%RETRY%inventory_group/0.next': 16 },
        consumer: { reservations: {}, 'failedConsumes.msg-T1.n': 17 },
      },
    },
  },
  {
    id: 's-rmq-no-retry',
    claims: [],
    horizon: 2 * MIN,
    // The listener swallows the failure and returns CONSUME_SUCCESS: the message is gone.
    params: { consumeFails: 1 },
    guards: { retry: false },
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { ...ALL, 'eventually-consistent': 'violated' },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: { consumer: { reservations: {}, 'failedConsumes.msg-T1.st': 'swallowed' } },
    },
  },
  {
    id: 's-rmq-duplicate',
    claims: [],
    horizon: 2 * MIN,
    faults: consumerCrashAfterApply,
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['no-visible-rollback', 'exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 1, stock: 999_999 } },
    },
  },
  {
    id: 's-rmq-duplicate-no-idempotency',
    claims: [],
    horizon: 2 * MIN,
    guards: { idempotent: false },
    faults: consumerCrashAfterApply,
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { ...ALL, 'exactly-once': 'violated' },
      breaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 2, stock: 999_998 } },
    },
  },
];

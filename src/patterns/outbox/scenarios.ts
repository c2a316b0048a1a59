/**
 * Named scenarios: the seed's three steps, and each way the outbox delivers a message more than once (or late).
 * Faults are triggered by trace events ("the relay's first PRODUCE_ACK"), not clock times.
 */
import type { NamedScenario } from '../../engine/pattern';
import type { Fault } from '../../engine/types';
import { BROKER, CONSUMER, RELAY } from './types';

const ALL = {
  'exactly-once': 'holds',
  'eventually-consistent': 'holds',
  'no-lost-message': 'holds',
  'outbox-drained': 'holds',
} as const;

/** The relay crashes as the broker's ack arrives: published, not marked. Back 300 ms later. */
export const relayCrashAfterPublish: Fault[] = [
  {
    id: 'crash-relay-on-ack',
    when: { on: { kind: 'deliver', node: RELAY, type: 'PRODUCE_ACK' } },
    do: { crash: RELAY },
  },
  {
    id: 'recover-relay',
    when: { on: { kind: 'deliver', node: RELAY, type: 'PRODUCE_ACK' }, delay: 300 },
    do: { recover: RELAY },
  },
];

/** The consumer crashes right after applying the effect, before its offset commit leaves. Back 300 ms later. */
export const consumerCrashAfterApply: Fault[] = [
  {
    id: 'crash-consumer-after-apply',
    when: { on: { kind: 'note', node: CONSUMER, type: 'outbox.note.applied' } },
    do: { crash: CONSUMER },
  },
  {
    id: 'recover-consumer',
    when: { on: { kind: 'note', node: CONSUMER, type: 'outbox.note.applied' }, delay: 300 },
    do: { recover: CONSUMER },
  },
];

export const scenarios: NamedScenario[] = [
  {
    id: 's-outbox-happy',
    claims: [],
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: {
        order: { 'orders.T1.st': 'created', 'outbox.evt-T1.status': 'sent', outboxPending: {} },
        consumer: { 'reservations.T1.n': 1, 'inbox.evt-T1.offset': 0, stock: 999_999 },
      },
    },
  },
  {
    id: 's-outbox-relay-crash',
    claims: [],
    faults: relayCrashAfterPublish,
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 1 }, order: { 'outbox.evt-T1.status': 'sent' } },
    },
  },
  {
    id: 's-outbox-relay-crash-no-dedup',
    claims: [],
    guards: { dedup: false },
    faults: relayCrashAfterPublish,
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { ...ALL, 'exactly-once': 'violated' },
      breaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 2, stock: 999_998 } },
    },
  },
  {
    id: 's-outbox-consumer-crash',
    claims: [],
    faults: consumerCrashAfterApply,
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 1 } },
    },
  },
  {
    id: 's-outbox-consumer-crash-no-dedup',
    claims: [],
    guards: { dedup: false },
    faults: consumerCrashAfterApply,
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: { ...ALL, 'exactly-once': 'violated' },
      breaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 2 } },
    },
  },
  {
    id: 's-outbox-broker-down',
    claims: [],
    // The broker is down from before the first publish until 4 s; the relay keeps retrying the unacked row.
    faults: [
      { id: 'crash-broker', when: { at: 5 }, do: { crash: BROKER } },
      { id: 'recover-broker', when: { at: 4_000 }, do: { recover: BROKER } },
    ],
    expect: {
      outcomes: { T1: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
      durable: { consumer: { 'reservations.T1.n': 1 } },
    },
  },
  {
    id: 's-outbox-log-tailing',
    claims: [],
    params: { relay: 'log-tailing', txCount: 5 },
    expect: {
      outcomes: { T1: 'delivered', T5: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
    },
  },
  {
    id: 's-outbox-polling',
    claims: [],
    params: { relay: 'polling', txCount: 5 },
    expect: {
      outcomes: { T1: 'delivered', T5: 'delivered' },
      invariants: { ...ALL },
      neverBreaks: ['exactly-once'],
    },
  },
  {
    id: 's-outbox-auto-commit-loss',
    claims: [],
    // Auto-commit every 100 ms commits what poll returned; processing takes 300 ms; the consumer dies in between.
    params: { commit: 'auto', autoCommitInterval: 100, procTime: 300 },
    faults: [
      {
        id: 'crash-consumer-after-autocommit',
        when: { on: { kind: 'send', node: CONSUMER, type: 'OFFSET_COMMIT' } },
        do: { crash: CONSUMER },
      },
      {
        id: 'recover-consumer',
        when: { on: { kind: 'send', node: CONSUMER, type: 'OFFSET_COMMIT' }, delay: 300 },
        do: { recover: CONSUMER },
      },
    ],
    expect: {
      outcomes: { T1: 'inconsistent' },
      invariants: {
        'exactly-once': 'holds',
        'eventually-consistent': 'violated',
        'no-lost-message': 'violated',
        'outbox-drained': 'holds',
      },
      durable: { consumer: { reservations: {} } },
    },
  },
];

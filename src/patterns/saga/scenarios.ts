/**
 * Named Saga scenarios: the same Bob → Smith transfer as forward steps with compensations. The guard ('barrier')
 * ships ON unless a scenario shows what goes wrong without it; `sagaUnguardedExpect` / `sagaGuardedExpect` give the
 * promise for the other setting of the guard on the same seed.
 */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { presetParams } from '../compensation/frameworks';

/** The Saga pattern has no try timeout: only the retry parameters follow the framework. */
const preset = (id: 'dtm' | 'seata') => presetParams(id, ['retryInterval', 'maxRetries']);

const ALL = ['conservation', 'account-balance', 'no-negative', 'exactly-once', 'no-dirty-read', 'atomicity'];
const allHold = Object.fromEntries(ALL.map((i) => [i, 'holds' as const]));

export const sagaScenarios: NamedScenario[] = [
  {
    id: 'saga-happy',
    claims: [],
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      neverBreaks: ['conservation', 'no-negative', 'exactly-once', 'no-dirty-read'],
      durable: {
        bob: { available: 70 },
        smith: { available: 80 },
        TM: { 'txs.g1.phase': 'succeeded' },
      },
    },
  },
  {
    id: 'saga-compensate',
    claims: [],
    // T2 (credit Smith) answers FAILURE → C2 (an empty compensation: T2 never committed), then C1 refunds Bob
    params: { failStep: 'smith' },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      neverBreaks: ['conservation', 'exactly-once'],
      durable: {
        bob: { available: 100, 'status.g1.st': 'compensated' },
        smith: { available: 50, 'status.g1.st': 'emptyCompensation' },
        TM: { 'txs.g1.phase': 'aborted' },
      },
    },
  },
  {
    id: 'saga-compensation-retry',
    claims: [],
    params: { failStep: 'smith', transientBranch: 'bob', compensateFailures: 3 },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100, 'failures.COMPENSATE': 3 },
        smith: { available: 50 },
        TM: { 'txs.g1.retries': 3 },
      },
    },
  },
  {
    id: 'saga-dirty-read',
    claims: [],
    // credit first; Bob cannot pay 150 and his step is slow: the auditor reads Smith's credited balance, later taken back
    params: { order: 'credit-first', amount: 150, auditAt: 200 },
    faults: [
      { id: 'slow-debit-bob', when: { at: 0 }, do: { delay: { from: 'TM', to: 'bob', type: 'ACTION' }, by: 400 } },
    ],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: { ...allHold, 'no-dirty-read': 'violated' },
      breaks: ['no-dirty-read'],
      neverBreaks: ['conservation'],
      durable: {
        bob: { available: 100 },
        smith: { available: 50 },
        client: { 'reads.0.balance': 200 },
      },
    },
  },
  {
    id: 'saga-idempotency',
    claims: [],
    guards: { barrier: false },
    // the network delivers T2 (credit Smith) twice
    faults: [
      { id: 'dup-action-smith', when: { at: 0 }, do: { duplicate: { from: 'TM', to: 'smith', type: 'ACTION' } } },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
      breaks: ['conservation', 'exactly-once'],
      durable: { bob: { available: 70 }, smith: { available: 110, 'applied.g1/action.n': 2 } },
    },
  },
  {
    id: 'saga-tm-crash',
    claims: [],
    faults: [
      { id: 'crash-tm', when: { on: { kind: 'send', node: 'TM', type: 'ACTION', to: 'smith' } }, do: { crash: 'TM' } },
      {
        id: 'recover-tm',
        when: { on: { kind: 'send', node: 'TM', type: 'ACTION', to: 'smith' }, delay: 5_000 },
        do: { recover: 'TM' },
      },
    ],
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      durable: {
        bob: { available: 70 },
        smith: { available: 80 },
        TM: { 'txs.g1.phase': 'succeeded' },
      },
    },
  },
  {
    id: 'saga-tm-crash-compensate',
    claims: [],
    guards: { barrier: false },
    // T2 fails → C2 (an empty compensation: the naive code takes 30 from Smith) → the C1 refund to Bob is sent and the
    // TM crashes; Bob's reply is lost with it, and recovery sends C1 again: Bob is refunded twice. Bob 130 / Smith 20 —
    // the sum is 150 again at the end (conservation holds), no settled row is left (atomicity holds), yet the books
    // are wrong: account-balance breaks and the outcome is inconsistent, not aborted.
    params: { failStep: 'smith' },
    faults: [
      {
        id: 'crash-tm',
        when: { on: { kind: 'send', node: 'TM', type: 'COMPENSATE', to: 'bob' } },
        do: { crash: 'TM' },
      },
      {
        id: 'recover-tm',
        when: { on: { kind: 'send', node: 'TM', type: 'COMPENSATE', to: 'bob' }, delay: 5_000 },
        do: { recover: 'TM' },
      },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', 'exactly-once': 'violated' },
      breaks: ['account-balance', 'exactly-once'],
      durable: { bob: { available: 130 }, smith: { available: 20 }, TM: { 'txs.g1.phase': 'aborted' } },
    },
  },
  {
    id: 'saga-choreography',
    claims: [],
    params: { coordination: 'choreography' },
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      neverBreaks: ['conservation', 'exactly-once'],
      durable: { bob: { available: 70, unacked: 0 }, smith: { available: 80, unacked: 0 } },
    },
  },
  {
    id: 'saga-choreography-compensate',
    claims: [],
    params: { coordination: 'choreography', failStep: 'smith' },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      neverBreaks: ['conservation', 'exactly-once'],
      durable: { bob: { available: 100, 'status.g1.st': 'compensated' }, smith: { available: 50 } },
    },
  },
  {
    id: 'saga-choreography-lost-ack',
    claims: [],
    guards: { barrier: false },
    params: { coordination: 'choreography' },
    // Smith's ack of Bob's event is lost: Bob's outbox relay publishes it again (at-least-once)
    faults: [{ id: 'lose-ack', when: { at: 0 }, do: { drop: { from: 'smith', to: 'bob', type: 'ACK' } } }],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
      breaks: ['conservation', 'exactly-once'],
      durable: { bob: { available: 70, unacked: 0 }, smith: { available: 110 } },
    },
  },

  // ------------------------------------------------------------ framework presets (frameworks.ts), on the same seed
  {
    id: 'saga-dtm-compensate-retry',
    claims: [],
    // Smith's step fails; C1 (refund Bob) fails three times: dtm's cronBackoff retries it 20 s, 10 s, 20 s apart
    params: { ...preset('dtm'), failStep: 'smith', transientBranch: 'bob', compensateFailures: 3 },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100, 'failures.COMPENSATE': 3, 'barrier.g1/compensate.reason': 'compensate' },
        smith: { available: 50, 'barrier.g1/action.reason': 'compensate' },
        TM: { 'txs.g1.retries': 3, 'txs.g1.fw': 'dtm' },
      },
    },
  },
  {
    id: 'saga-seata-empty-compensation',
    claims: [],
    // Seata's Saga state machine has no fence: the empty compensation C2 of Smith's failed step runs the naive code
    // (takes 30 he never got) — the business must guard it. C1 fails twice and is retried every 1 s
    params: { ...preset('seata'), failStep: 'smith', transientBranch: 'bob', compensateFailures: 2 },
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
      durable: {
        bob: { available: 100, 'failures.COMPENSATE': 2 },
        smith: { available: 20 },
        TM: { 'txs.g1.retries': 2 },
      },
    },
  },
];

/** With the barrier ON, for scenarios that ship with it off. */
export const sagaGuardedExpect: Record<string, Expectation> = {
  'saga-tm-crash-compensate': {
    outcomes: { g1: 'aborted' },
    invariants: allHold,
    neverBreaks: ['conservation', 'account-balance', 'exactly-once'],
    durable: { bob: { available: 100 }, smith: { available: 50, 'status.g1.st': 'emptyCompensation' } },
  },
  'saga-choreography-lost-ack': {
    outcomes: { g1: 'committed' },
    invariants: allHold,
    neverBreaks: ['conservation', 'exactly-once'],
    durable: { bob: { available: 70, unacked: 0 }, smith: { available: 80 } },
  },
  'saga-idempotency': {
    outcomes: { g1: 'committed' },
    invariants: allHold,
    neverBreaks: ['conservation', 'exactly-once'],
    durable: { bob: { available: 70 }, smith: { available: 80 } },
  },
};

/** With the business code guarding itself too (guard 'business' on). */
export const sagaBusinessExpect: Record<string, Expectation> = {
  'saga-seata-empty-compensation': {
    outcomes: { g1: 'aborted' },
    invariants: allHold,
    durable: { bob: { available: 100 }, smith: { available: 50, 'status.g1.st': 'emptyCompensation' } },
  },
};

/** With the barrier OFF, for scenarios that ship with it on. */
export const sagaUnguardedExpect: Record<string, Expectation> = {
  'saga-dtm-compensate-retry': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
    durable: { bob: { available: 100 }, smith: { available: 20 } },
  },
  // C2 runs although T2 never committed: the naive compensation takes 30 from Smith that he never got
  'saga-compensate': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
    durable: { bob: { available: 100 }, smith: { available: 20 } },
  },
  'saga-compensation-retry': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
    durable: { bob: { available: 100 }, smith: { available: 20 } },
  },
  // both the dirty read and the empty compensation of Bob's failed debit (a naive refund of 150)
  'saga-dirty-read': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', 'no-dirty-read': 'violated', conservation: 'violated' },
    durable: { bob: { available: 250 }, smith: { available: 50 } },
  },
  // recovery re-sends T2 to Smith, whose first T2 already credited him: without the guard he is credited twice
  'saga-tm-crash': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
    durable: { bob: { available: 70 }, smith: { available: 110 } },
  },
};

/**
 * Named TCC scenarios: the seed's S-TCC-1 and the three anomalies frameworks guard against (dtm docs
 * docs/exception/exception.md; Seata TCC fence). Anomaly scenarios ship with the barrier OFF (what goes wrong); the
 * UI toggles it on the same seed (how the framework prevents it). `guardedExpect` is the promise with the guard on.
 * Faults name messages by type and link, never by wall-clock instant, so they stay right when latencies change.
 */
import type { Expectation, NamedScenario } from '../../engine/pattern';
import { presetParams } from '../compensation/frameworks';

const ALL = ['conservation', 'account-balance', 'no-negative', 'no-leak', 'exactly-once', 'no-dirty-read', 'atomicity'];
const allHold = Object.fromEntries(ALL.map((i) => [i, 'holds' as const]));

export const tccScenarios: NamedScenario[] = [
  {
    id: 's-tcc-1',
    claims: ['S-TCC-1'],
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      neverBreaks: ['conservation', 'no-negative', 'exactly-once', 'no-dirty-read'],
      durable: {
        bob: { available: 70 },
        smith: { available: 80 },
        TM: { 'txs.g1.phase': 'confirmed' },
      },
    },
  },
  {
    id: 's-tcc-1-confirm-retry',
    claims: ['S-TCC-1'],
    params: { transientBranch: 'smith', confirmFailures: 2 },
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      durable: {
        bob: { available: 70 },
        smith: { available: 80, 'failures.CONFIRM': 2 },
        TM: { 'txs.g1.retries': 2 },
      },
    },
  },
  {
    id: 'tcc-try-fails',
    claims: ['S-TCC-1'],
    params: { tryFails: 'smith', transientBranch: 'bob', cancelFailures: 2 },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: { bob: { available: 100, 'failures.CANCEL': 2 }, smith: { available: 50 } },
    },
  },
  {
    id: 'tcc-empty-rollback',
    claims: [],
    guards: { barrier: false },
    faults: [{ id: 'lose-try-bob', when: { at: 0 }, do: { drop: { from: 'TM', to: 'bob', type: 'TRY' } } }],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
      breaks: ['conservation'],
      durable: { bob: { available: 130 }, smith: { available: 50 } },
    },
  },
  {
    id: 'tcc-hanging',
    claims: [],
    guards: { barrier: false },
    // the Try to Smith is held in the network longer than the TM's try timeout (35 s): the Cancel, a separate RPC call
    // (TM ↔ branch links are rpc in the topology: no order between calls), overtakes it
    faults: [
      // 70 s: past every framework's stuck-Try rollback (generic 35 s, dtm 40 s, Seata / ByteTCC / Hmily 60 s), so
      // switching the framework on this scenario shows what each does with the late Try
      { id: 'late-try-smith', when: { at: 0 }, do: { delay: { from: 'TM', to: 'smith', type: 'TRY' }, by: 70_000 } },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'no-leak': 'violated' },
      neverBreaks: ['conservation'],
      durable: { bob: { available: 100 }, smith: { available: 50, 'pending.g1.amount': 30 } },
    },
  },
  {
    id: 'tcc-idempotency',
    claims: [],
    guards: { barrier: false },
    faults: [
      { id: 'dup-confirm-smith', when: { at: 0 }, do: { duplicate: { from: 'TM', to: 'smith', type: 'CONFIRM' } } },
      { id: 'lose-confirm-reply-bob', when: { at: 0 }, do: { drop: { from: 'bob', to: 'TM', type: 'CONFIRM_OK' } } },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
      breaks: ['conservation', 'exactly-once'],
      durable: { bob: { available: 70 }, smith: { available: 110 } },
    },
  },
  {
    id: 'tcc-tm-crash',
    claims: [],
    faults: [
      { id: 'crash-tm', when: { on: { kind: 'send', node: 'TM', type: 'CONFIRM' } }, do: { crash: 'TM' } },
      {
        id: 'recover-tm',
        when: { on: { kind: 'send', node: 'TM', type: 'CONFIRM' }, delay: 5_000 },
        do: { recover: 'TM' },
      },
    ],
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      durable: {
        bob: { available: 70 },
        smith: { available: 80 },
        TM: { 'txs.g1.phase': 'confirmed' },
      },
    },
  },
  {
    id: 'tcc-tm-crash-cancel',
    claims: [],
    params: { tryFails: 'smith' },
    faults: [
      { id: 'crash-tm', when: { on: { kind: 'send', node: 'TM', type: 'CANCEL' } }, do: { crash: 'TM' } },
      {
        id: 'recover-tm',
        when: { on: { kind: 'send', node: 'TM', type: 'CANCEL' }, delay: 5_000 },
        do: { recover: 'TM' },
      },
    ],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100 },
        smith: { available: 50 },
        TM: { 'txs.g1.phase': 'cancelled' },
      },
    },
  },
  {
    id: 'tcc-no-dirty-read',
    claims: [],
    // Bob cannot pay 150; his Try is slow, so the auditor reads Smith's balance while Smith's credit is reserved
    params: { amount: 150, auditAt: 200 },
    faults: [{ id: 'slow-try-bob', when: { at: 0 }, do: { delay: { from: 'TM', to: 'bob', type: 'TRY' }, by: 400 } }],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      neverBreaks: ['no-dirty-read', 'conservation'],
      durable: {
        bob: { available: 100 },
        smith: { available: 50 },
        client: { 'reads.0.balance': 50 },
      },
    },
  },

  // ------------------------------------------------------------ framework presets (frameworks.ts), on the same seed
  {
    id: 'tcc-dtm-stuck-try',
    claims: [],
    // Smith's Try is lost: dtm tests TimeoutToFail (35 s) only when its cron picks the transaction up, every
    // RetryInterval (10 s): the rollback comes at the pick-up at 40 s
    params: presetParams('dtm'),
    faults: [{ id: 'lose-try-smith', when: { at: 0 }, do: { drop: { from: 'TM', to: 'smith', type: 'TRY' } } }],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100, 'barrier.g1/try.reason': 'try', 'barrier.g1/cancel.reason': 'cancel' },
        smith: { available: 50, 'barrier.g1/try.reason': 'cancel', 'status.g1.st': 'emptyRollback' },
        TM: { 'txs.g1.phase': 'cancelled', 'txs.g1.fw': 'dtm' },
      },
    },
  },
  {
    id: 'tcc-dtm-cancel-order',
    claims: [],
    // Smith's Try is rejected → cancel. dtm cancels in reverse order (Smith, then Bob) and stops at the first failure:
    // Smith's Cancel fails three times, retried 20 s, 10 s, 20 s apart, and Bob's freeze stays frozen meanwhile
    params: { ...presetParams('dtm'), tryFails: 'smith', transientBranch: 'smith', cancelFailures: 3 },
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100, 'status.g1.st': 'cancelled' },
        smith: { available: 50, 'failures.CANCEL': 3 },
        TM: { 'txs.g1.phase': 'cancelled', 'txs.g1.retries': 3 },
      },
    },
  },
  {
    id: 'tcc-seata-fence',
    claims: [],
    // Smith's Try is held past Seata's 60 s global timeout: the rollback finds no fence row and writes `suspended`;
    // the late Try then hits the primary key and is refused
    params: presetParams('seata'),
    faults: [
      { id: 'late-try-smith', when: { at: 0 }, do: { delay: { from: 'TM', to: 'smith', type: 'TRY' }, by: 70_000 } },
    ],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      neverBreaks: ['conservation', 'account-balance', 'exactly-once'],
      durable: {
        bob: { available: 100, 'tcc_fence_log.g1.status': 'rollbacked' },
        smith: { available: 50, 'tcc_fence_log.g1.status': 'suspended', 'status.g1.st': 'refusedTry' },
        TM: { 'txs.g1.phase': 'cancelled', 'txs.g1.fw': 'seata' },
      },
    },
  },
  {
    id: 'tcc-seata-confirm-retry',
    claims: [],
    // Smith's Confirm fails three times: Seata's TC retries committing every 1 s
    params: { ...presetParams('seata'), transientBranch: 'smith', confirmFailures: 3 },
    expect: {
      outcomes: { g1: 'committed' },
      invariants: allHold,
      durable: {
        bob: { available: 70, 'tcc_fence_log.g1.status': 'committed' },
        smith: { available: 80, 'tcc_fence_log.g1.status': 'committed', 'failures.CONFIRM': 3 },
        TM: { 'txs.g1.retries': 3 },
      },
    },
  },
  {
    id: 'tcc-hmily-hanging',
    claims: [],
    // Hmily handles the empty rollback (no participant log: nothing to do, nothing recorded) but not hanging: the late
    // Try reserves Smith's 30 and nothing ever releases it
    params: presetParams('hmily'),
    faults: [
      { id: 'late-try-smith', when: { at: 0 }, do: { delay: { from: 'TM', to: 'smith', type: 'TRY' }, by: 70_000 } },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'no-leak': 'violated' },
      durable: { bob: { available: 100 }, smith: { available: 50, 'pending.g1.amount': 30 } },
    },
  },
  {
    id: 'tcc-bytetcc-hanging',
    claims: [],
    // ByteTCC lets the late Try run too, but its recovery job cancels that branch again a round later
    params: presetParams('bytetcc'),
    faults: [
      { id: 'late-try-smith', when: { at: 0 }, do: { delay: { from: 'TM', to: 'smith', type: 'TRY' }, by: 70_000 } },
    ],
    expect: {
      outcomes: { g1: 'aborted' },
      invariants: allHold,
      durable: {
        bob: { available: 100 },
        smith: { available: 50, 'participant_log.g1.phase': 'cancelled' },
        TM: { 'txs.g1.phase': 'cancelled' },
      },
    },
  },
  {
    id: 'tcc-transaction-idempotency',
    claims: [],
    // tcc-transaction leaves idempotency to the business (its README): a duplicated Confirm credits Smith twice
    params: presetParams('tcc-transaction'),
    faults: [
      { id: 'dup-confirm-smith', when: { at: 0 }, do: { duplicate: { from: 'TM', to: 'smith', type: 'CONFIRM' } } },
    ],
    expect: {
      outcomes: { g1: 'inconsistent' },
      invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
      durable: { bob: { available: 70 }, smith: { available: 110, 'applied.g1/confirm.n': 2 } },
    },
  },
  {
    id: 'tcc-hmily-gives-up',
    claims: [],
    // Smith's Confirm keeps failing: Hmily retries every 60 s, 10 times, then leaves the participant (dead)
    params: { ...presetParams('hmily'), transientBranch: 'smith', confirmFailures: 20 },
    horizon: 1_200_000,
    expect: {
      outcomes: { g1: 'given-up' },
      invariants: { ...allHold, 'no-leak': 'violated', atomicity: 'violated' },
      durable: { smith: { available: 50, 'failures.CONFIRM': 11 }, TM: { 'txs.g1.retries': 10, 'txs.g1.dead': true } },
    },
  },
];

/**
 * With the business code guarding itself too (guard 'business' on): what the framework leaves to the business is
 * done, and every framework keeps the books right.
 */
export const tccBusinessExpect: Record<string, Expectation> = {
  'tcc-hmily-hanging': {
    outcomes: { g1: 'aborted' },
    invariants: allHold,
    durable: { smith: { available: 50, 'status.g1.st': 'refusedTry' } },
  },
  'tcc-transaction-idempotency': {
    outcomes: { g1: 'committed' },
    invariants: allHold,
    durable: { bob: { available: 70 }, smith: { available: 80, 'applied.g1/confirm.n': 1 } },
  },
};

/** What each scenario promises with the barrier guard ON (scenarios not listed: same as `expect`). */
export const tccGuardedExpect: Record<string, Expectation> = {
  'tcc-empty-rollback': {
    outcomes: { g1: 'aborted' },
    invariants: allHold,
    neverBreaks: ALL.filter((i) => i !== 'no-leak' && i !== 'atomicity'),
    durable: { bob: { available: 100, 'status.g1.st': 'emptyRollback' }, smith: { available: 50 } },
  },
  'tcc-hanging': {
    outcomes: { g1: 'aborted' },
    invariants: allHold,
    neverBreaks: ['conservation', 'exactly-once'],
    durable: { bob: { available: 100 }, smith: { available: 50, 'status.g1.st': 'refusedTry' } },
  },
  'tcc-idempotency': {
    outcomes: { g1: 'committed' },
    invariants: allHold,
    neverBreaks: ['conservation', 'exactly-once'],
    durable: { bob: { available: 70 }, smith: { available: 80 } },
  },
};

/** With the barrier OFF, for scenarios that ship with it on (their default `expect` is the guarded one). */
export const tccUnguardedExpect: Record<string, Expectation> = {
  // the naive code: Smith's Cancel of a Try that never ran is harmless for him (drops nothing); Bob refunds his freeze
  'tcc-dtm-stuck-try': { outcomes: { g1: 'aborted' }, invariants: allHold, durable: { bob: { available: 100 } } },
  'tcc-dtm-cancel-order': { outcomes: { g1: 'aborted' }, invariants: allHold, durable: { bob: { available: 100 } } },
  'tcc-seata-fence': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'no-leak': 'violated' },
    durable: { smith: { 'pending.g1.amount': 30 } },
  },
  'tcc-seata-confirm-retry': { outcomes: { g1: 'committed' }, invariants: allHold },
  'tcc-bytetcc-hanging': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'no-leak': 'violated' },
    durable: { smith: { 'pending.g1.amount': 30 } },
  },
  // Recovery re-sends Confirm to Bob, whose reply was lost while the TM was down: his confirm runs twice
  'tcc-tm-crash': {
    outcomes: { g1: 'committed' },
    invariants: { ...allHold, 'exactly-once': 'violated' },
    durable: { bob: { available: 70, 'applied.g1/confirm.n': 2 }, smith: { available: 80 } },
  },
  // Recovery re-sends Cancel to Bob (his reply was lost while the TM was down): the naive refund runs twice
  'tcc-tm-crash-cancel': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated', 'exactly-once': 'violated' },
    durable: { bob: { available: 130, 'applied.g1/cancel.n': 2 }, smith: { available: 50 } },
  },
  // Bob's Try failed, so the Cancel the TM sends him is an empty rollback: the naive refund creates 150
  'tcc-no-dirty-read': {
    outcomes: { g1: 'inconsistent' },
    invariants: { ...allHold, 'account-balance': 'violated', conservation: 'violated' },
    neverBreaks: ['no-dirty-read'],
    durable: { bob: { available: 250 }, smith: { available: 50 } },
  },
};

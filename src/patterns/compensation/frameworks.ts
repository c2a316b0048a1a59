/**
 * Framework presets for the compensation patterns (TCC, Saga): what a real framework's code does about the three
 * anomalies (empty rollback 空回滚, hanging 悬挂, idempotency 幂等), how its transaction manager / recovery job
 * times the stuck-Try rollback and the phase-two retries, and where each default comes from. One table; the TMs
 * (tcc/tm.ts, saga/coordinator.ts) and the account services (service.ts) read it through `frameworkOf(params)`.
 *
 * The 'barrier' guard stays the switch "the framework's guard is on": off, every framework runs the naive business
 * code alone (what goes wrong); on, each does what its own code does — which for some frameworks is not everything.
 *
 * Sources (re-read for issue 11; see ../shared/PATTERNS.md):
 * - dtm: dtmsvr/config/config.go (TimeoutToFail 35 s, RetryInterval 10 s); dtmsvr/trans_status.go (a stuck TCC is
 *   only tested for the timeout when the cron picks it up, every pick-up pushes next_cron_time RetryInterval ahead;
 *   execBranch's failure doubles NextCronInterval but resets it to RetryInterval once it already exceeds it — Go's
 *   `&&` binds tighter than `||` — so failed retries come 20 s, 10 s, 20 s, 10 s …); dtmsvr/trans_type_tcc.go (the
 *   branches are processed in reverse order, stopping at the first failing one until the next pick-up);
 *   client/dtmcli/barrier.go (BranchBarrier.Call: insert-ignore rows, compensation/barrier.ts).
 * - Seata: TCCFenceHandler (tcc_fence_log, statuses tried 1 / committed 2 / rollbacked 3 / suspended 4, primary key
 *   (xid, branch_id); a rollback with no row inserts `suspended`); DefaultCoordinator (committing / rollbacking
 *   retry period 1 s, timeout check period 1 s); DefaultValues DEFAULT_GLOBAL_TRANSACTION_TIMEOUT 60 s.
 * - ByteTCC (on ByteJTA): TransactionRecoveryImpl.timingRecover — a transaction is recovered once
 *   now ≥ createdTime + 60 s × 2^min(recoveredTimes, 10), no cap; cancel skips a branch whose Try never committed;
 *   confirm / cancel idempotent through its XID record; Try not idempotent; hanging repaired only by recovery.
 * - Hmily: recovery every 60 s for participants older than 60 s, at most 10 retries, then the participant is left
 *   (marked dead); cancel with no participant log does nothing; idempotency and hanging are the business's job.
 * - tcc-transaction: recovery job every 30 s (15 s in 1.6), up to 30 retries (maxRetryCount); cancel of an unknown
 *   branch is ignored; idempotency is the business's job (its README says so); hanging repaired by recovery.
 */
import type { ParamDef } from '../../engine/pattern';
import type { ParamValue, Params } from '../../engine/types';

export type FrameworkId = 'generic' | 'dtm' | 'seata' | 'bytetcc' | 'hmily' | 'tcc-transaction';

export const TCC_FRAMEWORKS: readonly FrameworkId[] = [
  'generic',
  'dtm',
  'seata',
  'bytetcc',
  'hmily',
  'tcc-transaction',
];
/**
 * ByteTCC, Hmily and tcc-transaction are TCC frameworks (no Saga mode); Seata's Saga (its state machine engine)
 * has no fence: empty compensation, hanging and idempotency are the business's job there.
 */
export const SAGA_FRAMEWORKS: readonly FrameworkId[] = ['generic', 'dtm', 'seata'];

/**
 * What the framework's guard does (guard 'barrier' on):
 * - barrier: dtm's insert-ignore barrier rows (compensation/barrier.ts): all three anomalies;
 * - fence: Seata's tcc_fence_log, one row per (xid, branch) with its status: all three;
 * - log: the framework's participant log (ByteTCC, Hmily, tcc-transaction): the flags below say what it covers;
 * - none: nothing (Seata's Saga) — the business code alone.
 */
export type GuardStyle = 'barrier' | 'fence' | 'log' | 'none';

/** Who handles each anomaly: the framework, or the business code (the naive code here). */
export interface Handles {
  /** Cancel / compensate of a branch whose Try never ran does nothing. */
  emptyRollback: 'framework' | 'business';
  /** A Try arriving after its Cancel: refused, repaired later by the recovery job (a second Cancel), or leaked. */
  hanging: 'refused' | 'recovery' | 'business';
  /** A repeated Confirm / Cancel (and Try) applies once: all ops, Confirm / Cancel only, or the business's job. */
  idempotency: 'all' | 'phase2' | 'business';
}

/**
 * How the wait before the next phase-two attempt is chosen:
 * - double: today's generic model (10 s, 20 s, 40 s …, reset after a success);
 * - dtm: NextCronInterval doubled after a failure, reset to RetryInterval when it already exceeds it (20 s / 10 s);
 * - fixed: the same period every time (Seata 1 s; Hmily, tcc-transaction: their recovery job period);
 * - bytetcc: attempt k at the transaction's start + RetryInterval × 2^min(k, 10).
 */
export type Backoff = 'double' | 'dtm' | 'fixed' | 'bytetcc';

export interface FrameworkPreset {
  id: FrameworkId;
  guard: GuardStyle;
  handles: Handles;
  backoff: Backoff;
  /** Phase two: every branch at once, or one at a time in reverse order stopping at the first failure (dtm). */
  phase2: 'parallel' | 'reverse-serial';
  /**
   * When a stuck Try is rolled back: exactly at tryTimeout, or at the first pick-up at or after it where pick-ups
   * come every `timeoutGrid` ms from the start (dtm: RetryInterval; Seata: its 1 s timeout check; recovery-job
   * frameworks: their job period = retryInterval).
   */
  timeoutGrid: 'exact' | 'retryInterval' | number;
  /** Default values of the timing parameters, each with the file / doc it comes from. */
  defaults: Record<PresetParam, { value: number; source: string }>;
}

export type PresetParam = 'tryTimeout' | 'retryInterval' | 'maxRetries';

const GENERIC: FrameworkPreset = {
  id: 'generic',
  guard: 'barrier',
  handles: { emptyRollback: 'framework', hanging: 'refused', idempotency: 'all' },
  backoff: 'double',
  phase2: 'parallel',
  timeoutGrid: 'exact',
  defaults: {
    tryTimeout: { value: 35_000, source: 'generic: dtm dtmsvr/config/config.go TimeoutToFail 35 s, tested exactly' },
    retryInterval: { value: 10_000, source: 'generic: dtm RetryInterval 10 s, doubled after each failed round' },
    maxRetries: { value: 0, source: 'generic: no cap (retried until it succeeds)' },
  },
};

export const FRAMEWORKS: Record<FrameworkId, FrameworkPreset> = {
  generic: GENERIC,
  dtm: {
    id: 'dtm',
    guard: 'barrier',
    handles: { emptyRollback: 'framework', hanging: 'refused', idempotency: 'all' },
    backoff: 'dtm',
    phase2: 'reverse-serial',
    timeoutGrid: 'retryInterval',
    defaults: {
      tryTimeout: { value: 35_000, source: 'dtm: dtmsvr/config/config.go TimeoutToFail 35 s (tested at cron pick-up)' },
      retryInterval: {
        value: 10_000,
        source: 'dtm: dtmsvr/config/config.go RetryInterval 10 s; trans_status.go backoff 20 s / 10 s',
      },
      maxRetries: { value: 0, source: 'dtm: dtmsvr/trans_status.go — no cap' },
    },
  },
  seata: {
    id: 'seata',
    guard: 'fence',
    handles: { emptyRollback: 'framework', hanging: 'refused', idempotency: 'all' },
    backoff: 'fixed',
    phase2: 'parallel',
    timeoutGrid: 1_000,
    defaults: {
      tryTimeout: {
        value: 60_000,
        source: 'Seata: DefaultValues DEFAULT_GLOBAL_TRANSACTION_TIMEOUT 60 s (checked every 1 s)',
      },
      retryInterval: {
        value: 1_000,
        source: 'Seata: DefaultCoordinator committing / rollbacking retry period 1 s',
      },
      maxRetries: { value: 0, source: 'Seata: max commit / rollback retry timeout −1 — no cap' },
    },
  },
  bytetcc: {
    id: 'bytetcc',
    guard: 'log',
    handles: { emptyRollback: 'framework', hanging: 'recovery', idempotency: 'phase2' },
    backoff: 'bytetcc',
    phase2: 'parallel',
    timeoutGrid: 'retryInterval',
    defaults: {
      tryTimeout: { value: 60_000, source: 'ByteTCC: TransactionRecoveryImpl — first recovery at created + 60 s' },
      retryInterval: {
        value: 60_000,
        source: 'ByteTCC: TransactionRecoveryImpl.timingRecover created + 60 s × 2^min(n, 10)',
      },
      maxRetries: { value: 0, source: 'ByteTCC: TransactionRecoveryImpl — no cap' },
    },
  },
  hmily: {
    id: 'hmily',
    guard: 'log',
    handles: { emptyRollback: 'framework', hanging: 'business', idempotency: 'business' },
    backoff: 'fixed',
    phase2: 'parallel',
    timeoutGrid: 'retryInterval',
    defaults: {
      tryTimeout: { value: 60_000, source: 'Hmily: recovery takes participants older than 60 s' },
      retryInterval: { value: 60_000, source: 'Hmily: self-recovery job every 60 s' },
      maxRetries: { value: 10, source: 'Hmily: retryMax 10, then the participant is marked dead' },
    },
  },
  'tcc-transaction': {
    id: 'tcc-transaction',
    guard: 'log',
    handles: { emptyRollback: 'framework', hanging: 'recovery', idempotency: 'business' },
    backoff: 'fixed',
    phase2: 'parallel',
    timeoutGrid: 'retryInterval',
    defaults: {
      tryTimeout: { value: 30_000, source: 'tcc-transaction: recovery job (approx.: transactions older than 30 s)' },
      retryInterval: { value: 30_000, source: 'tcc-transaction: recovery job every 30 s (15 s in 1.6)' },
      maxRetries: { value: 30, source: 'tcc-transaction: RecoverConfig maxRetryCount 30' },
    },
  },
};

/** Seata's Saga mode: the state machine engine retries like the TC (1 s) but has no fence. */
const SEATA_SAGA: FrameworkPreset = {
  ...FRAMEWORKS.seata,
  guard: 'none',
  handles: { emptyRollback: 'business', hanging: 'business', idempotency: 'business' },
};

/** The preset a run uses (an unknown or absent name: generic, today's behaviour). */
export function frameworkOf(params: Params, pattern: 'tcc' | 'saga' = 'tcc'): FrameworkPreset {
  const id = String(params.framework ?? 'generic') as FrameworkId;
  if (pattern === 'saga' && id === 'seata') return SEATA_SAGA;
  return FRAMEWORKS[id] ?? GENERIC;
}

/** The parameter values a framework sets (what the parameters panel writes when the framework changes). */
export function presetParams(
  id: FrameworkId,
  keys: readonly PresetParam[] = ['tryTimeout', 'retryInterval', 'maxRetries'],
): Params {
  const p: Params = { framework: id };
  for (const k of keys) p[k] = FRAMEWORKS[id].defaults[k].value;
  return p;
}

/** The `presets` of a timing parameter: per framework, its default and where it comes from. */
function presetsOf(key: PresetParam, ids: readonly FrameworkId[]): NonNullable<ParamDef['presets']> {
  const values: Record<string, { value: ParamValue; source: string }> = {};
  for (const id of ids) values[id] = FRAMEWORKS[id].defaults[key];
  return { by: 'framework', values };
}

export function frameworkParam(ids: readonly FrameworkId[]): ParamDef {
  return { key: 'framework', kind: 'enum', default: 'generic', options: [...ids] };
}

export function tryTimeoutParam(ids: readonly FrameworkId[]): ParamDef {
  return {
    key: 'tryTimeout',
    kind: 'ms',
    default: GENERIC.defaults.tryTimeout.value,
    min: 100,
    max: 600_000,
    source: GENERIC.defaults.tryTimeout.source,
    presets: presetsOf('tryTimeout', ids),
  };
}

export function retryIntervalParam(ids: readonly FrameworkId[]): ParamDef {
  return {
    key: 'retryInterval',
    kind: 'ms',
    default: GENERIC.defaults.retryInterval.value,
    min: 100,
    max: 600_000,
    source: GENERIC.defaults.retryInterval.source,
    presets: presetsOf('retryInterval', ids),
  };
}

export function maxRetriesParam(ids: readonly FrameworkId[]): ParamDef {
  return {
    key: 'maxRetries',
    kind: 'int',
    default: GENERIC.defaults.maxRetries.value,
    min: 0,
    max: 1000,
    source: GENERIC.defaults.maxRetries.source,
    presets: presetsOf('maxRetries', ids),
  };
}

// ---------------------------------------------------------------- timings

/** When a transaction begun at `start` that is still trying is rolled back. */
export function stuckTryDeadline(fw: FrameworkPreset, params: Params, start: number): number {
  const timeout = Number(params.tryTimeout);
  const grid =
    fw.timeoutGrid === 'exact' ? 0 : fw.timeoutGrid === 'retryInterval' ? Number(params.retryInterval) : fw.timeoutGrid;
  if (!(grid > 0)) return start + timeout;
  return start + Math.ceil(timeout / grid) * grid;
}

/** A transaction's retry bookkeeping (the fields of GtxRow it reads). */
export interface RetryState {
  start: number;
  interval: number;
  retries: number;
}

/** The wait before the first retry, armed when phase two (or a saga step) starts. */
export function firstWait(fw: FrameworkPreset, params: Params, tx: RetryState, now: number): number {
  const base = Number(params.retryInterval);
  if (fw.backoff === 'double') return tx.interval;
  if (fw.backoff === 'bytetcc') return bytetccWait(base, tx.start, tx.retries, now).after;
  return base; // dtm: the pick-up pushes next_cron_time RetryInterval ahead; fixed: the period
}

/** The framework's retry cap is reached: no more attempts (Hmily's dead participant, tcc-transaction's last try). */
export function retriesExhausted(params: Params, tx: RetryState): boolean {
  const cap = Number(params.maxRetries ?? 0);
  return cap > 0 && tx.retries >= cap;
}

/**
 * The retry timer fired (the last attempt failed or went unanswered): the attempt being made now is number
 * tx.retries + 1. Returns how long to wait after it and the interval to keep.
 */
export function afterAttempt(
  fw: FrameworkPreset,
  params: Params,
  tx: RetryState,
  now: number,
): { after: number; interval: number } {
  const base = Number(params.retryInterval);
  switch (fw.backoff) {
    case 'double':
      return { after: tx.interval * 2, interval: tx.interval * 2 };
    case 'dtm':
      // the pick-up pushes next_cron_time RetryInterval ahead; a failed call then re-arms with dtmBackoff
      return { after: base, interval: tx.interval };
    case 'fixed':
      return { after: base, interval: base };
    case 'bytetcc':
      return bytetccWait(base, tx.start, tx.retries + 1, now);
  }
}

/**
 * ByteTCC's next recovery (TransactionRecoveryImpl.timingRecover): the first k ≥ `from` with
 * start + base × 2^min(k, 10) later than now; once k reaches 10 the due time stops moving (every later scan would
 * recover it), modelled as a wait of base × 2^10.
 */
function bytetccWait(base: number, start: number, from: number, now: number): { after: number; interval: number } {
  for (let k = Math.max(0, from); k <= 10; k++) {
    const due = start + base * 2 ** k;
    if (due > now) return { after: due - now, interval: base * 2 ** k };
  }
  return { after: base * 2 ** 10, interval: base * 2 ** 10 };
}

/**
 * dtm's cronBackoff after a failed branch call (dtmsvr/trans_status.go): NextCronInterval doubled, but reset to
 * RetryInterval when it already exceeds it — so 20 s, 10 s, 20 s, 10 s … with RetryInterval 10 s.
 */
export function dtmBackoff(params: Params, interval: number): number {
  const base = Number(params.retryInterval);
  return interval > base ? base : interval * 2;
}

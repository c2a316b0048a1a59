/**
 * An account service (Bob's or Smith's) of a compensation pattern: its database holds the ledger, a per-transaction
 * status row and — with the 'barrier' guard — the barrier table. One pure reducer, configured per pattern (TCC: try /
 * confirm / cancel; Saga: action / compensate) and per side (payer / payee).
 *
 * One request = one local transaction: either everything it writes commits (business change + barrier rows +
 * status), or — on a business failure or an injected transient failure — nothing does (dtm rolls the barrier insert
 * back with the business error, so a later cancel sees an empty rollback).
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Effect, NodeState, StepContext } from '../../engine/types';
import { barrierCall, type BarrierOp, type BarrierRow } from './barrier';
import { countApplied, newLedger, readBalance, type Ledger } from './accounts';

export type OpKind = 'forward' | 'finish' | 'undo';

export interface OpSpec {
  /** Request message type (TRY, CONFIRM, CANCEL, ACTION, COMPENSATE); replies are `${type}_OK` / `${type}_FAIL`. */
  type: string;
  barrierOp: BarrierOp;
  kind: OpKind;
  /** Param holding how many times this op fails transiently on `transientBranch` before it succeeds. */
  transientParam?: string;
  /** Status word written on success. */
  status: string;
  /** The business change; a string is a business failure (its reason, an i18n key suffix). */
  apply(l: Ledger, gid: string, amount: number, ctx: StepContext, self: string): Ledger | string;
}

export interface ServiceConfig {
  /** i18n prefix ('tcc' / 'saga'). */
  prefix: string;
  ops: OpSpec[];
  /** Status words for barrier verdicts and business failures. */
  emptyStatus: string;
  refusedStatus: string;
  failedStatus: string;
  initialBalance(ctx: StepContext): number;
}

export interface ServiceDurable {
  ledger: Ledger;
  /** Per gid: this branch's local transaction status (the business's own status row). */
  status: Record<string, string>;
  barrier: BarrierRow[];
  /** Injected transient failures so far, per op type (simulation bookkeeping for the failure knobs). */
  failures: Record<string, number>;
}

export interface ServiceVolatile {
  /** Requests handled since the service (re)started. */
  handled: number;
}

export type ServiceState = NodeState<ServiceDurable, ServiceVolatile>;

/** How one request ended: the business ran, the barrier skipped it, the business refused, or a transient error. */
export type OpVerdict = 'run' | 'empty' | 'duplicate' | 'refused' | 'failed' | 'transient';

export interface OpResult {
  /** The database after the request's local transaction (unchanged but for bookkeeping when it rolled back). */
  durable: ServiceDurable;
  verdict: OpVerdict;
  /** Business failure reason (verdict 'failed'). */
  reason?: string;
  notes: Effect[];
}

/** One request = one local transaction on the service's database. Pure; shared by every way a request arrives. */
export function handleOp(
  cfg: ServiceConfig,
  d: ServiceDurable,
  op: OpSpec,
  gid: string,
  amount: number,
  ctx: StepContext,
): OpResult {
  const p = cfg.prefix;
  const self = ctx.self;
  const np = { gid, node: self, op: op.type };

  // Injected transient failure (e.g. a deadlock): the local transaction rolls back, nothing is written.
  const failN = op.transientParam ? Number(ctx.params[op.transientParam] ?? 0) : 0;
  const done = d.failures[op.type] ?? 0;
  if (failN > 0 && ctx.params.transientBranch === self && done < failN) {
    return {
      durable: { ...d, failures: { ...d.failures, [op.type]: done + 1 } },
      verdict: 'transient',
      notes: [{ kind: 'note', key: `${p}.note.transientFail`, params: { ...np, n: done + 1, of: failN }, tag: 'warn' }],
    };
  }

  let barrier = d.barrier;
  if (ctx.guards.barrier) {
    const b = barrierCall(d.barrier, gid, self, op.barrierOp);
    if (b.verdict !== 'run') {
      const status =
        b.verdict === 'empty'
          ? { ...d.status, [gid]: cfg.emptyStatus }
          : b.verdict === 'refused'
            ? { ...d.status, [gid]: cfg.refusedStatus }
            : d.status;
      return {
        durable: { ...d, barrier: b.rows, status },
        verdict: b.verdict,
        notes: [{ kind: 'note', key: `${p}.note.barrier.${b.verdict}`, params: np, tag: 'info' }],
      };
    }
    barrier = b.rows;
  }

  const before = d.status[gid];
  const res = op.apply(d.ledger, gid, amount, ctx, self);
  if (typeof res === 'string') {
    // Business failure: the local transaction (and the barrier insert with it) rolls back.
    return {
      durable: { ...d, status: { ...d.status, [gid]: cfg.failedStatus } },
      verdict: 'failed',
      reason: res,
      notes: [{ kind: 'note', key: `${p}.note.businessFail.${res}`, params: np, tag: 'warn' }],
    };
  }
  const undoStatuses = new Set([...cfg.ops.filter((o) => o.kind === 'undo').map((o) => o.status), cfg.emptyStatus]);
  const warn: Effect[] = [];
  const key = `${gid}/${op.barrierOp}`;
  if ((d.ledger.applied[key] ?? 0) >= 1) {
    warn.push({ kind: 'note', key: `${p}.note.duplicateApplied`, params: np, tag: 'warn' });
  } else if (op.kind === 'undo' && (before === undefined || before === cfg.failedStatus)) {
    warn.push({ kind: 'note', key: `${p}.note.emptyApplied`, params: np, tag: 'warn' });
  } else if (op.kind === 'forward' && before !== undefined && undoStatuses.has(before)) {
    warn.push({ kind: 'note', key: `${p}.note.hangingApplied`, params: np, tag: 'warn' });
  }
  return {
    durable: { ...d, ledger: countApplied(res, gid, op.barrierOp), barrier, status: { ...d.status, [gid]: op.status } },
    verdict: 'run',
    notes: [
      { kind: 'note', key: `${p}.note.applied.${op.barrierOp}`, params: { ...np, amount }, tag: 'effect' },
      ...warn,
    ],
  };
}

export function initialService(cfg: ServiceConfig, ctx: StepContext): ServiceDurable {
  return { ledger: newLedger(cfg.initialBalance(ctx)), status: {}, barrier: [], failures: {} };
}

export function reservationLocks(d: ServiceDurable): string[] {
  return [
    ...Object.keys(d.ledger.frozen).map((g) => `frozen:${g}`),
    ...Object.keys(d.ledger.pending).map((g) => `pending:${g}`),
  ];
}

export function readReply(d: ServiceDurable): { type: string; balance: number; effects: string[] } {
  const r = readBalance(d.ledger);
  return { type: 'READ_REPLY', balance: r.balance, effects: r.effects };
}

/** The request/reply service (TCC branches, orchestrated Saga steps): answers `${TYPE}_OK` / `${TYPE}_FAIL`. */
export function serviceRole(cfg: ServiceConfig): RoleDef<ServiceDurable, ServiceVolatile> {
  return {
    init: (ctx) => ({ durable: initialService(cfg, ctx), volatile: { handled: 0 } }),
    locks: (s) => reservationLocks(s.durable),
    step(s, input, ctx) {
      if (input.kind !== 'deliver') return same(s);
      const msg = input.msg;
      const vol = { handled: s.volatile.handled + 1 };
      if (msg.type === 'READ') {
        return {
          state: { ...s, volatile: vol },
          effects: [{ kind: 'send', to: input.from, msg: readReply(s.durable) }],
        };
      }
      const op = cfg.ops.find((o) => o.type === msg.type);
      if (!op) return same(s);
      const gid = String(msg.tx);
      const r = handleOp(cfg, s.durable, op, gid, Number(msg.amount), ctx);
      const ok = r.verdict === 'run' || r.verdict === 'empty' || r.verdict === 'duplicate';
      const reason =
        r.verdict === 'failed'
          ? r.reason
          : r.verdict === 'transient' || r.verdict === 'refused'
            ? r.verdict
            : undefined;
      // a reply names the request it answers (gid, and the saga step when there is one)
      const reply: Effect = {
        kind: 'send',
        to: input.from,
        msg: {
          type: `${op.type}_${ok ? 'OK' : 'FAIL'}`,
          tx: gid,
          ...(msg.step !== undefined ? { step: Number(msg.step) } : {}),
          ...(reason ? { reason } : {}),
        },
      };
      return { state: { durable: r.durable, volatile: vol }, effects: [...r.notes, reply] };
    },
  };
}

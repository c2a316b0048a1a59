/**
 * An account service (Bob's or Smith's) of a compensation pattern: its database holds the ledger (accounts.ts), a
 * per-transaction status row and — with the 'barrier' guard — the barrier table. One pure reducer, configured per
 * pattern (TCC: try / confirm / cancel; Saga: action / compensate) and per side (payer / payee).
 *
 * One request = one local transaction: either everything it writes commits (business change + barrier rows +
 * status), or — on a business failure or an injected transient failure — nothing does (dtm rolls the barrier insert
 * back with the business error, so a later cancel sees an empty rollback).
 */
import { same, type RoleDef, type TableSpec, type Tone } from '../../engine/pattern';
import type { Effect, Msg, NodeState, Row, StepContext } from '../../engine/types';
import { barrierCall, type BarrierOp, type BarrierVerdict } from './barrier';
import { FENCE, fenceCall, PLOG, plogCall } from './fence';
import { frameworkOf } from './frameworks';
import { withKey } from './rows';
import {
  APPLIED,
  BARRIER,
  FROZEN,
  MOVED,
  PENDING,
  SETTLED,
  STATUS,
  appliedKey,
  applyChange,
  readBalance,
  type AccountDurable,
  type AppliedRow,
  type LedgerChange,
  type StatusRow,
} from './accounts';

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
  apply(l: { available: number }, gid: string, amount: number, ctx: StepContext, self: string): LedgerChange | string;
}

export interface ServiceConfig {
  /** i18n prefix ('tcc' / 'saga'). */
  prefix: string;
  ops: OpSpec[];
  /** Status words for barrier verdicts and business failures. */
  emptyStatus: string;
  refusedStatus: string;
  failedStatus: string;
  /** Whether the ops reserve (TCC's frozen / pending tables; a Saga never reserves). */
  reservations: boolean;
  initialBalance(ctx: StepContext): number;
}

export type ServiceDurable = AccountDurable;

export interface ServiceVolatile {
  /** Requests handled since the service (re)started. */
  handled: number;
}

export type ServiceState = NodeState<ServiceDurable, ServiceVolatile>;

/** How one request ended: the business ran, the barrier skipped it, the business refused, or a transient error. */
export type OpVerdict = 'run' | 'empty' | 'duplicate' | 'refused' | 'failed' | 'transient';

export interface OpResult {
  /**
   * The durable fields after the request's local transaction (its rows are written to ctx.db): the same values as
   * the state's when nothing changed — the caller builds its own state from them (an object literal per role).
   */
  available: number;
  failures: Record<string, number>;
  verdict: OpVerdict;
  /** Business failure reason (verdict 'failed'). */
  reason?: string;
}

export const SERVICE_TONE: Record<string, Tone> = {
  tried: 'prepared',
  done: 'committed',
  confirmed: 'committed',
  cancelled: 'aborted',
  compensated: 'aborted',
  emptyRollback: 'aborted',
  emptyCompensation: 'aborted',
  refusedTry: 'aborted',
  refusedAction: 'aborted',
  tryFailed: 'aborted',
  failed: 'aborted',
};

const FENCE_TONE: Record<string, Tone> = {
  tried: 'prepared',
  committed: 'committed',
  rollbacked: 'aborted',
  suspended: 'aborted',
};

const undoStatusCache = new WeakMap<ServiceConfig, Set<string>>();
function undoStatuses(cfg: ServiceConfig): Set<string> {
  let s = undoStatusCache.get(cfg);
  if (!s) {
    s = new Set([...cfg.ops.filter((o) => o.kind === 'undo').map((o) => o.status), cfg.emptyStatus]);
    undoStatusCache.set(cfg, s);
  }
  return s;
}

const result = (
  available: number,
  failures: Record<string, number>,
  verdict: OpVerdict,
  reason?: string,
): OpResult => ({ available, failures, verdict, reason });

/** The request changed the service's durable fields. */
export const changed = (d: ServiceDurable, r: OpResult) => r.available !== d.available || r.failures !== d.failures;

/**
 * One request = one local transaction on the service's database. Shared by every way a request arrives. Its notes,
 * then the reservations' lock / unlock effects, are appended to `effects`.
 *
 * Hot path (every TCC / Saga branch call): no spreads that add a key (V8 gives each such object a map of its own),
 * no closures, the note params written out as literals (same key order).
 */
export function handleOp(
  cfg: ServiceConfig,
  d: ServiceDurable,
  op: OpSpec,
  gid: string,
  amount: number,
  ctx: StepContext,
  effects: Effect[],
): OpResult {
  const p = cfg.prefix;
  const self = ctx.self;
  const db = ctx.db;

  // Injected transient failure (e.g. a deadlock): the local transaction rolls back, nothing is written.
  const failN = op.transientParam ? Number(ctx.params[op.transientParam] ?? 0) : 0;
  const done = d.failures[op.type] ?? 0;
  if (failN > 0 && ctx.params.transientBranch === self && done < failN) {
    const failures = withKey(d.failures, op.type, done + 1);
    effects.push({
      kind: 'note',
      key: `${p}.note.transientFail`,
      params: { gid, node: self, op: op.type, n: done + 1, of: failN },
      tag: 'warn',
    });
    return result(d.available, failures, 'transient');
  }

  // The framework's guard (frameworks.ts): rows to commit with the business change, or a verdict that skips it.
  let guardTable = BARRIER;
  let inserts: readonly { key: string; row: Row }[] = NO_INSERTS;
  const fw = frameworkOf(ctx.params, p === 'saga' ? 'saga' : 'tcc');
  if (ctx.guards.barrier && fw.guard !== 'none') {
    let verdict: BarrierVerdict;
    let noteKey = `${p}.note.barrier`;
    if (fw.guard === 'barrier') {
      const b = barrierCall(db, BARRIER, gid, self, op.barrierOp);
      verdict = b.verdict;
      inserts = b.inserts;
    } else if (fw.guard === 'fence') {
      const f = fenceCall(db, gid, self, `${self}Action`, op.kind);
      verdict = f.verdict;
      noteKey = `${p}.note.fence`;
      guardTable = FENCE;
      if (f.write) inserts = [{ key: gid, row: f.write }];
    } else {
      const l = plogCall(db, gid, self, op.kind, fw.handles);
      verdict = l.verdict;
      noteKey = `${p}.note.plog`;
      guardTable = PLOG;
      if (l.write) inserts = [{ key: gid, row: l.write }];
    }
    if (verdict !== 'run') {
      for (const i of inserts) db.put(guardTable, i.key, i.row);
      if (verdict === 'empty' || verdict === 'refused')
        db.put(STATUS, gid, { st: verdict === 'empty' ? cfg.emptyStatus : cfg.refusedStatus } satisfies StatusRow);
      effects.push({
        kind: 'note',
        key: `${noteKey}.${verdict}`,
        params: { gid, node: self, op: op.type, fw: fw.id },
        tag: 'info',
      });
      return result(d.available, d.failures, verdict);
    }
  }

  const before = db.get<StatusRow>(STATUS, gid)?.st;
  const key = appliedKey(gid, op.barrierOp);
  const runs = db.get<AppliedRow>(APPLIED, key)?.n ?? 0;

  // The business code's own checks (guard 'business'): what a framework leaves to the business team — a repeated
  // request, an undo with nothing done, a forward op after its undo — judged from its own status and run rows.
  if (ctx.guards.business) {
    // undone, or a forward op already refused once (a duplicate of the late Try)
    const undone = before !== undefined && (undoStatuses(cfg).has(before) || before === cfg.refusedStatus);
    const verdict: OpVerdict | null =
      runs >= 1 || (op.kind === 'undo' && before === cfg.emptyStatus)
        ? 'duplicate'
        : op.kind === 'undo' && (before === undefined || before === cfg.failedStatus)
          ? 'empty'
          : op.kind === 'forward' && undone
            ? 'refused'
            : null;
    if (verdict) {
      if (verdict !== 'duplicate')
        db.put(STATUS, gid, { st: verdict === 'empty' ? cfg.emptyStatus : cfg.refusedStatus } satisfies StatusRow);
      effects.push({
        kind: 'note',
        key: `${p}.note.business.${verdict}`,
        params: { gid, node: self, op: op.type },
        tag: 'info',
      });
      return result(d.available, d.failures, verdict);
    }
  }

  const res = op.apply({ available: d.available }, gid, amount, ctx, self);
  if (typeof res === 'string') {
    // Business failure: the local transaction (and the barrier insert with it) rolls back.
    db.put(STATUS, gid, { st: cfg.failedStatus } satisfies StatusRow);
    effects.push({
      kind: 'note',
      key: `${p}.note.businessFail.${res}`,
      params: { gid, node: self, op: op.type },
      tag: 'warn',
    });
    return result(d.available, d.failures, 'failed', res);
  }
  effects.push({
    kind: 'note',
    key: `${p}.note.applied.${op.barrierOp}`,
    params: { gid, node: self, op: op.type, amount },
    tag: 'effect',
  });
  const warn =
    runs >= 1
      ? 'duplicateApplied'
      : op.kind === 'undo' && (before === undefined || before === cfg.failedStatus)
        ? 'emptyApplied'
        : op.kind === 'forward' && before !== undefined && undoStatuses(cfg).has(before)
          ? 'hangingApplied'
          : null;
  if (warn)
    effects.push({ kind: 'note', key: `${p}.note.${warn}`, params: { gid, node: self, op: op.type }, tag: 'warn' });
  const available = applyChange(db, d.available, gid, res, effects);
  db.put(APPLIED, key, { n: runs + 1 } satisfies AppliedRow);
  for (const i of inserts) db.put(guardTable, i.key, i.row);
  db.put(STATUS, gid, { st: op.status } satisfies StatusRow);
  return result(available, d.failures, 'run');
}

const NO_INSERTS: readonly { key: string; row: Row }[] = [];

export function initialService(cfg: ServiceConfig, ctx: StepContext): ServiceDurable {
  return { available: cfg.initialBalance(ctx), failures: {} };
}

export function readReply(d: ServiceDurable, ctx: StepContext): { type: string; balance: number; effects: string[] } {
  const r = readBalance(ctx.db, d.available);
  return { type: 'READ_REPLY', balance: r.balance, effects: r.effects };
}

const amountTone = () => 'prepared' as const;

/** The account service's tables, with how the generic table view draws them. */
export function serviceTables(prefix: string, reservations: boolean): Record<string, TableSpec> {
  const gid = { field: '$key', label: `${prefix}.col.gid` };
  const amount = { field: 'amount', label: `${prefix}.col.amount` };
  return {
    [STATUS]: {
      durable: true,
      view: {
        title: `${prefix}.table.status`,
        columns: [gid, { field: 'st', label: `${prefix}.col.status`, valueKey: `${prefix}.status` }],
        tone: (r: Row) => SERVICE_TONE[String(r.st)] ?? 'working',
      },
    },
    ...(reservations
      ? {
          [FROZEN]: {
            durable: true,
            view: { title: `${prefix}.table.frozen`, columns: [gid, amount], tone: amountTone },
          },
          [PENDING]: {
            durable: true,
            view: { title: `${prefix}.table.pending`, columns: [gid, amount], tone: amountTone },
          },
        }
      : {}),
    [SETTLED]: { durable: true, view: { title: `${prefix}.table.settled`, columns: [gid, amount] } },
    [MOVED]: { durable: true, view: { title: `${prefix}.table.moved`, columns: [gid, amount] } },
    [APPLIED]: {
      durable: true,
      view: {
        title: `${prefix}.table.applied`,
        columns: [
          { field: '$key', label: `${prefix}.col.handler` },
          { field: 'n', label: `${prefix}.col.runs` },
        ],
        tone: (r: Row) => (Number(r.n) > 1 ? 'violated' : undefined),
      },
    },
    [FENCE]: {
      durable: true,
      view: {
        title: `${prefix}.table.fence`,
        columns: [
          { field: 'xid', label: `${prefix}.col.xid` },
          { field: 'branch_id', label: `${prefix}.col.branch` },
          { field: 'action_name', label: `${prefix}.col.action` },
          { field: 'status', label: `${prefix}.col.status`, valueKey: `${prefix}.fence` },
        ],
        tone: (r: Row) => FENCE_TONE[String(r.status)],
      },
    },
    [PLOG]: {
      durable: true,
      view: {
        title: `${prefix}.table.plog`,
        columns: [
          { field: 'gid', label: `${prefix}.col.gid` },
          { field: 'branch', label: `${prefix}.col.branch` },
          { field: 'phase', label: `${prefix}.col.phase`, valueKey: `${prefix}.status` },
        ],
        tone: (r: Row) => SERVICE_TONE[String(r.phase)],
      },
    },
    [BARRIER]: {
      durable: true,
      view: {
        title: `${prefix}.table.barrier`,
        columns: [
          { field: 'gid', label: `${prefix}.col.gid` },
          { field: 'branch', label: `${prefix}.col.branch` },
          { field: 'op', label: `${prefix}.col.op` },
          { field: 'reason', label: `${prefix}.col.reason` },
        ],
      },
    },
  };
}

/** The reply to a request: `${TYPE}_OK` / `${TYPE}_FAIL` (`types`), naming the request it answers (gid, saga step). */
function reply(to: string, types: ReplyTypes, r: OpResult, gid: string, step: unknown): Effect {
  const ok = r.verdict === 'run' || r.verdict === 'empty' || r.verdict === 'duplicate';
  const reason =
    r.verdict === 'failed' ? r.reason : r.verdict === 'transient' || r.verdict === 'refused' ? r.verdict : undefined;
  const msg: Msg = { type: ok ? types.ok : types.fail, tx: gid };
  if (step !== undefined) msg.step = Number(step);
  if (reason) msg.reason = reason;
  return { kind: 'send', to, msg };
}

interface ReplyTypes {
  ok: string;
  fail: string;
}

/** The request/reply service (TCC branches, orchestrated Saga steps): answers `${TYPE}_OK` / `${TYPE}_FAIL`. */
export function serviceRole(cfg: ServiceConfig): RoleDef<ServiceDurable, ServiceVolatile> {
  const byType = new Map(cfg.ops.map((o) => [o.type, o]));
  // built once: a reply's type is not a new string per message
  const replyTypes = new Map<OpSpec, ReplyTypes>(
    cfg.ops.map((o) => [o, { ok: `${o.type}_OK`, fail: `${o.type}_FAIL` }]),
  );
  return {
    init: (ctx) => ({ durable: initialService(cfg, ctx), volatile: { handled: 0 } }),
    tables: serviceTables(cfg.prefix, cfg.reservations),
    step(s, input, ctx) {
      if (input.kind !== 'deliver') return same(s);
      const msg = input.msg;
      const vol = { handled: s.volatile.handled + 1 };
      if (msg.type === 'READ') {
        return {
          state: { durable: s.durable, volatile: vol },
          effects: [{ kind: 'send', to: input.from, msg: readReply(s.durable, ctx) }],
        };
      }
      const op = byType.get(msg.type);
      if (!op) return same(s);
      const gid = String(msg.tx);
      const effects: Effect[] = [];
      const d = s.durable;
      const r = handleOp(cfg, d, op, gid, Number(msg.amount), ctx, effects);
      effects.push(reply(input.from, replyTypes.get(op) as ReplyTypes, r, gid, msg.step));
      const durable = changed(d, r) ? { available: r.available, failures: r.failures } : d;
      return { state: { durable, volatile: vol }, effects };
    },
  };
}

/**
 * State and message shapes of the two-phase commit pattern (XA / DTP model: application, transaction manager,
 * resource managers). All node state is plain data; durable parts survive a crash, volatile parts do not.
 */
import type { NodeId, NodeState, Params, StepContext } from '../../engine/types';

/** The one row each participant's database holds; every transaction updates it (a hot row, so locks matter). */
export const ROW = 'x';
export const COORD = 'C';
export const STANDBY = 'C2';
export const APP = 'app';

/** A participant's durable per-transaction state (its XA branch as the resource manager's log knows it). */
export type PDurableSt = 'prepared' | 'precommitted' | 'committed' | 'aborted';
/**
 * Local state of a transaction at a participant: waiting = queued for the row lock, working = executing or executed
 * but not voted, none = unknown here.
 */
export type PLocalSt = PDurableSt | 'working' | 'waiting' | 'none';

export interface PTxRec {
  st: PDurableSt;
  /** The value the transaction writes to ROW when it commits (redo). */
  val: number;
  parts: NodeId[];
  coord: NodeId;
  /** Virtual time this record was written (for the inspector and the 'blocked' judgement). */
  since: number;
}

export interface LogLine {
  tx: string;
  rec: string;
}

/**
 * A participant's small state. Its per-transaction records live in tables (see PT below), so a step costs the same
 * whatever the number of transactions before it.
 */
export interface PDurable {
  data: Record<string, number>;
  /** Log lines written so far (the `log` table holds them, keyed 0 … logN−1). */
  logN: number;
  /** The prepared (or precommitted) transaction holding ROW's lock durably, if any. */
  held: string | null;
}

export interface PWork {
  val: number;
  done: boolean;
  /** The application that asked for the work. */
  from: NodeId;
  coord: NodeId;
  /** This branch will vote NO at prepare (e.g. a deferred constraint check fails). */
  voteNo: boolean;
}

export interface Waiter {
  kind: 'tx' | 'third';
  tx: string;
  from: NodeId;
  since: number;
  coord: NodeId;
  voteNo: boolean;
}

export interface PVolatile {
  /** The transaction executing or executed but not yet voted (holds ROW's lock in memory; lost in a crash). */
  worker: string | null;
  /** The lock wait queue for ROW: rows `queue[qHead … qTail−1]`. */
  qHead: number;
  qTail: number;
  /** A coordinator that took over (the standby), if one asked. */
  coord: NodeId | null;
}

/** Participant tables: durable txs (PTxRec) and log (LogLine); volatile work (PWork), queue (Waiter), waitingTx
 * (tx → queue slot), inDoubt (tx → {}), backoff (tx → {ms}). */
export const PT = {
  txs: 'txs',
  log: 'log',
  work: 'work',
  queue: 'queue',
  waitingTx: 'waitingTx',
  inDoubt: 'inDoubt',
  backoff: 'backoff',
} as const;

export type PState = NodeState<PDurable, PVolatile>;

export type CPhase = 'voting' | 'precommit' | 'committing' | 'aborting' | 'done-commit' | 'done-abort';

export interface CTx {
  parts: NodeId[];
  client: NodeId;
  votes: Record<NodeId, boolean>;
  acks: NodeId[];
  phase: CPhase;
  backoff: number;
}

/** The coordinator's durable log record of a transaction: COMMIT (forced before the first COMMIT leaves), then END. */
export interface CLogRec {
  rec: 'COMMIT' | 'END';
  parts: NodeId[];
}

export interface CDurable {
  /** Log records written (for the view's newest lines). */
  logN: number;
}

export interface CVolatile {
  /** Heartbeats to the standby are running. */
  hb: boolean;
  /** Transactions in an active phase (voting, precommit, committing): the standby's lease matters while > 0. */
  active: number;
}

/** Coordinator tables: durable log (tx → CLogRec), open (tx → {} committed, not yet ended: recovery resends these);
 * volatile gtx (tx → CTx). */
export const CT = { log: 'log', open: 'open', gtx: 'gtx' } as const;

export type CState = NodeState<CDurable, CVolatile>;

export interface STx {
  parts: NodeId[];
  states: Record<NodeId, PLocalSt>;
  decided: 'commit' | 'abort' | null;
  /** Already narrated that it cannot decide. */
  stuck: boolean;
}

export type SDurable = Record<string, never>;

export interface SVolatile {
  watching: boolean;
  active: boolean;
  backoff: number;
}

/** Standby tables: durable decisions (tx → {d}) it made after taking over; volatile txs (tx → STx) it learned. */
export const ST = { decisions: 'decisions', txs: 'txs' } as const;

export type SState = NodeState<SDurable, SVolatile>;

export type ADurable = Record<string, never>;

export interface ATx {
  ok: NodeId[];
  phase: 'exec' | 'commit' | 'rollback' | 'done';
  start: number;
}

export interface AVolatile {
  /** Third-party lock requests waiting, by participant (a handful at most). */
  third: Record<NodeId, number>;
}

/** Application tables: durable results (tx → {r, at}); volatile txs (tx → ATx). */
export const AT = { results: 'results', txs: 'txs' } as const;

export type AState = NodeState<ADurable, AVolatile>;

// ---------------------------------------------------------------- helpers

export function num(params: Params, key: string): number {
  return Number(params[key]);
}

const idsCache = new WeakMap<object, NodeId[]>();

/** The participants' ids, computed once per topology (every client and standby step needs them). */
export function participantIds(ctx: StepContext): NodeId[] {
  let ids = idsCache.get(ctx.topology);
  if (!ids) {
    ids = ctx.topology.nodes.filter((n) => n.role === 'participant').map((n) => n.id);
    idsCache.set(ctx.topology, ids);
  }
  return ids;
}

export function isThreePC(ctx: StepContext): boolean {
  return !!ctx.guards.threePC;
}

/** Participant timeouts are on with the guard, and always in 3PC (3PC relies on them). */
export function timeoutsOn(ctx: StepContext): boolean {
  return !!ctx.guards.participantTimeout || isThreePC(ctx);
}

export const phase1Type = (ctx: StepContext) => (isThreePC(ctx) ? 'CANCOMMIT' : 'PREPARE');
export const commitType = (ctx: StepContext) => (isThreePC(ctx) ? 'DOCOMMIT' : 'COMMIT');

/** Records need a plain object without the key (small records only: never a table). */
export function omit<T>(rec: Record<string, T>, key: string): Record<string, T> {
  const r = { ...rec };
  delete r[key];
  return r;
}

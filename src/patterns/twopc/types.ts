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

export interface PDurable {
  data: Record<string, number>;
  txs: Record<string, PTxRec>;
  log: LogLine[];
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
  /** Transactions executing or executed but not yet voted (locks held in memory; lost in a crash). */
  work: Record<string, PWork>;
  /** Lock wait queue for ROW. */
  waiting: Waiter[];
  /** Prepared transactions this participant knows it is blocked on (in doubt). */
  inDoubt: string[];
  /** A coordinator that took over (the standby), if one asked. */
  coord: NodeId | null;
  /** Current retry interval of outcome queries per tx (doubles up to a cap). */
  backoff: Record<string, number>;
}

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

export interface CLogRec {
  tx: string;
  rec: 'COMMIT' | 'END';
  parts: NodeId[];
}

export interface CDurable {
  log: CLogRec[];
}

export interface CVolatile {
  txs: Record<string, CTx>;
  /** Heartbeats to the standby are running. */
  hb: boolean;
}

export type CState = NodeState<CDurable, CVolatile>;

export interface STx {
  parts: NodeId[];
  states: Record<NodeId, PLocalSt>;
  decided: 'commit' | 'abort' | null;
  /** Already narrated that it cannot decide. */
  stuck: boolean;
}

export interface SDurable {
  /** Decisions the standby made after taking over (it logs them like a coordinator would). */
  decisions: Record<string, 'commit' | 'abort'>;
}

export interface SVolatile {
  watching: boolean;
  active: boolean;
  txs: Record<string, STx>;
  backoff: number;
}

export type SState = NodeState<SDurable, SVolatile>;

export interface ADurable {
  results: Record<string, 'committed' | 'aborted'>;
}

export interface ATx {
  ok: NodeId[];
  phase: 'exec' | 'commit' | 'rollback' | 'done';
}

export interface AVolatile {
  txs: Record<string, ATx>;
  third: Record<NodeId, number>;
}

export type AState = NodeState<ADurable, AVolatile>;

// ---------------------------------------------------------------- helpers

export function num(params: Params, key: string): number {
  return Number(params[key]);
}

export function participantIds(ctx: StepContext): NodeId[] {
  return ctx.topology.nodes.filter((n) => n.role === 'participant').map((n) => n.id);
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

export function omit<T>(rec: Record<string, T>, key: string): Record<string, T> {
  const r = { ...rec };
  delete r[key];
  return r;
}

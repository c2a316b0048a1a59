/**
 * The pattern contract (DESIGN.md, "one folder, one plug-in"). Each src/patterns/<name>/ exports one
 * PatternDef; the UI, the CLI, the lab and the tests only ever iterate over these.
 */
import type {
  DbReader,
  Effect,
  Input,
  InvariantVerdict,
  NoteTag,
  NetworkSpec,
  NodeId,
  NodeState,
  ParamValue,
  Params,
  Row,
  Scenario,
  StepContext,
  StepResult,
  Time,
  Topology,
  WorkloadItem,
} from './types';
import type { RequestSpec } from './requests';
import type { TourDef } from './tour';

/** One table of a node's database: durable tables survive a crash, volatile ones are emptied by it. */
export interface TableSpec {
  durable: boolean;
  /** How the generic table view draws it (columns, a tone per row). Absent: an internal table, not shown. */
  view?: TableView;
}

export interface TableColumn {
  /** Row field; '$key' for the row's key. */
  field: string;
  /** i18n key or literal. */
  label: string;
  /** i18n key prefix for values that are pattern words (value → `${valueKey}.${value}`). */
  valueKey?: string;
}

export interface TableView {
  /** i18n key or literal of the table's title. */
  title: string;
  columns: TableColumn[];
  /** The row's colour (UI.md tones). */
  tone?(row: Row, key: string): Tone | 'violated' | undefined;
}

/** The engine's own table on every node: locks and reservations held, keyed by resource. */
export const LOCKS_TABLE = 'locks';
export interface LockRow {
  since: Time;
  durable: boolean;
}

/** A node role's behaviour: a pure reducer plus its initial state. */
export interface RoleDef<D = unknown, V = unknown> {
  /** Initial state; `ctx.db` may be written (initial rows, e.g. an account's balance). */
  init(ctx: StepContext): NodeState<D, V>;
  /**
   * Pure: (state, tables, input) → new state, table writes (through ctx.db, committed with the step) and effects.
   * Must not mutate `state`. Cost must not depend on history: per-transaction data lives in tables, not in `state`.
   */
  step(state: NodeState<D, V>, input: Input, ctx: StepContext): StepResult<D, V>;
  /** The node's tables by name. `locks` is added by the engine. */
  tables?: Record<string, TableSpec>;
}

/**
 * What invariants and outcomes see: every node's state and tables, whether it is up, and the clock. Read-only.
 * Crashed nodes included: their durable state is what they will come back with.
 */
export interface World {
  t: Time;
  states: Readonly<Record<NodeId, NodeState>>;
  up: Readonly<Record<NodeId, boolean>>;
  params: Params;
  db(node: NodeId): DbReader;
  /** Node ids of a role, in topology order. */
  nodesOf(role: string): readonly NodeId[];
}

/**
 * What changed in one step: a table row (before / after; undefined when absent), or the node's own state
 * (table '$state', key = node id, before / after NodeState). The checker reuses one object: read it, don't keep it.
 */
export interface Change {
  node: NodeId;
  table: string;
  key: string;
  before: unknown;
  after: unknown;
}

export const STATE_TABLE = '$state';

/** A per-key check's answer: holds or not; optionally "look again at time t" (a time-bounded rule). */
export type KeyVerdict = boolean | { ok: boolean; recheckAt?: Time };

/**
 * How an invariant is kept up to date incrementally (TigerBeetle's state checker: check only what the step touched):
 * - by key: it holds iff every key it has checked holds; a change maps to the key(s) to re-check (a transaction id,
 *   a node, a lock);
 * - by total: a running sum over rows (money in the system, open reservations), updated by each change's delta.
 */
export type InvariantWatch =
  | {
      by: 'key';
      /** Tables whose changes concern it (STATE_TABLE for node states). */
      tables: readonly string[];
      keyOf(c: Change): string | readonly string[] | null | undefined;
      check(w: World, key: string): KeyVerdict;
    }
  | {
      by: 'total';
      tables: readonly string[];
      /** A row's (or a node state's) contribution to the total. */
      value(node: NodeId, table: string, row: unknown, key: string): number;
      ok(total: number, w: World): boolean;
    };

export interface InvariantDef {
  /** Shared names across patterns: atomicity, conservation, no-leak, exactly-once, bounded-blocking, … */
  id: string;
  /**
   * always: must hold after every event (a break may later be restored — a window of inconsistency).
   * eventually: must be true at the end of the run; while false during the run it is "not yet decided".
   */
  kind: 'always' | 'eventually';
  watch: InvariantWatch;
  /** The whole-world check from scratch: the reference the incremental one is compared with in tests. */
  reference(w: World): boolean;
}

/** 'text': free text the pattern parses (a custom retry ladder "1s,5s,30s"). */
export type ParamKind = 'int' | 'ms' | 'prob' | 'enum' | 'bool' | 'text';

export interface ParamDef {
  key: string;
  kind: ParamKind;
  default: number | string | boolean;
  min?: number;
  max?: number;
  options?: string[];
  /** Where the default comes from (a real system's code or docs), shown in the UI. */
  source?: string;
  /**
   * Defaults that follow another (enum) parameter — e.g. a framework preset: per option of `by`, this parameter's
   * value and where it comes from. The parameters panel sets the value and shows the source when `by` changes.
   */
  presets?: { by: string; values: Record<string, { value: ParamValue; source: string }> };
}

export interface GuardDef {
  key: string;
  default: boolean;
  /** Other guards this one needs (e.g. 3PC needs timeouts). Informational. */
  requires?: string[];
}

/**
 * The outcome the pattern reports per transaction, under names shared by every pattern. Messaging adds: delivered
 * (the message's effect took place), given-up (retries exhausted), half (a half / prepared message still waiting for
 * its check), dead-lettered (moved to a DLQ), repaired (inconsistent for a while, then fixed by a check-back,
 * reconciliation or reverse flow).
 */
export type TxOutcome =
  | 'committed'
  | 'aborted'
  | 'blocked'
  | 'inconsistent'
  | 'pending'
  | 'delivered'
  | 'given-up'
  | 'half'
  | 'dead-lettered'
  | 'repaired';

/** Every shared outcome name, in the order reports and charts list them. */
export const TX_OUTCOMES: readonly TxOutcome[] = [
  'committed',
  'aborted',
  'blocked',
  'inconsistent',
  'pending',
  'delivered',
  'given-up',
  'half',
  'dead-lettered',
  'repaired',
];

/** Transaction ids in report order: shorter first, then by text (T2 before T10); no allocation per comparison. */
export const byTxId = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export interface TxReport {
  tx: string;
  outcome: TxOutcome;
  /** Per node: the local state of this transaction there (pattern words: prepared, committed, frozen, …). */
  at: Record<NodeId, string>;
  /** Virtual time the transaction began and (when finished) ended: the lab's latency. */
  start?: Time;
  end?: Time;
}

/** What a named scenario promises; a test runs it and checks every field given. */
export interface Expectation {
  outcomes?: Record<string, TxOutcome>;
  invariants?: Record<string, InvariantVerdict>;
  /** Invariants that must break at some time during the run (even if restored). */
  breaks?: string[];
  /** Invariants that must never break during the run. */
  neverBreaks?: string[];
  /** Durable state checks: node → (path → value), path as dot-separated keys. */
  durable?: Record<NodeId, Record<string, unknown>>;
}

export interface NamedScenario {
  /** Stable id, used in URLs, example file names and tests (e.g. "s-2pc-2"). */
  id: string;
  /** Seed claim labels it reproduces (S-2PC-1 …), empty for extra scenarios. */
  claims: string[];
  /** i18n keys under `scenario.<pattern>.<id>.title / .desc` are looked up by the UI. */
  /** Overrides of the pattern's defaults. */
  params?: Params;
  guards?: Record<string, boolean>;
  network?: Partial<NetworkSpec>;
  faults?: Scenario['faults'];
  workload?: WorkloadItem[];
  horizon?: Time;
  seed?: number;
  expect: Expectation;
}

/** Node look for diagrams and the inspector, derived from state only. */
export type Tone = 'working' | 'prepared' | 'committed' | 'aborted' | 'blocked' | 'idle';

export interface NodeViewRow {
  /** i18n key or literal label. */
  label: string;
  value: string | number;
  /** i18n key for the value when it is a pattern word (state names). */
  valueKey?: string;
  tone?: Tone | 'violated';
  /** The row the diagram's small node card shows when it has room for one (else a violated row, else the newest). */
  pin?: boolean;
}

/** A node's look: small facts as rows (counts, the newest entries); whole tables are drawn by the table view. */
export interface NodeView {
  tone: Tone;
  /** Main status word (an i18n key). */
  statusKey: string;
  durable: NodeViewRow[];
  volatile: NodeViewRow[];
}

/** One handler a business team must write for this pattern (the "code burden" panel). */
export interface HandlerDef {
  id: string;
  /** Which role runs it. */
  role: string;
  /** Short pseudo-code, one string per line (not translated: code). */
  code: string[];
  /** Message types / timer names whose handling runs this handler (for highlighting during playback). */
  runsOn: string[];
}

/**
 * What can break in a pattern, for random fault schedules (property tests, the lab): the nodes that may crash and
 * the message channels with the types they carry. Declared by the pattern, so nothing outside its folder lists its
 * node ids.
 */
export interface FaultSurface {
  crashable: NodeId[];
  channels: { from: NodeId; to: NodeId; types: string[] }[];
}

/**
 * The comparison lab's business-level workload: every pattern runs the same business transactions (at the same
 * rate, with the same failure odds) on its own topology.
 */
export interface LabWorkload {
  /** Business transactions per run. */
  transactions: number;
  /** Arrival rate (transactions per second of virtual time). */
  perSecond: number;
  /** Probability that a transaction's business logic fails (insufficient funds, a constraint, an oversold item). */
  failureRate: number;
}

/**
 * How the lab maps its workload onto this pattern. Default: the txCount / txGap parameters, the pattern's own
 * workload, and `failureParam` (a probability parameter) set to the business failure rate.
 */
export interface LabDef {
  /** A probability parameter that makes a transaction's business logic fail (2PC: a branch votes no). */
  failureParam?: string;
  /** A mapping of its own, replacing the default. */
  scenario?(w: LabWorkload, seed: number): Scenario;
  /**
   * Which of its nodes plays each business role of a lab fault plan ("the service that holds the money crashes"):
   * money = where the money (the order, the payment) is held, coordinator = what drives the transaction,
   * receiver = the side that gets the effect. Absent: the lab takes its first / last crashable node.
   */
  roles?: Partial<Record<LabRole, NodeId>>;
}

/** Business roles a lab fault plan names, each mapped by the pattern onto one of its nodes. */
export type LabRole = 'money' | 'coordinator' | 'receiver';
export const LAB_ROLES: readonly LabRole[] = ['money', 'coordinator', 'receiver'];

export interface PatternDef {
  /** URL/file id: "2pc", "tcc", … */
  id: string;
  /** Pattern family, for grouping in the picker: "atomic-commit", "compensation", "messaging". */
  family: string;
  roles: Record<string, RoleDef<never, never>>;
  params: ParamDef[];
  guards: GuardDef[];
  /** Topology from parameters (node count may depend on them). */
  topology(params: Params): Topology;
  defaultNetwork: NetworkSpec;
  defaultHorizon: Time;
  /** Default workload from parameters (the client requests). */
  workload(params: Params): WorkloadItem[];
  invariants: InvariantDef[];
  outcomes(world: World): TxReport[];
  /** A node's look at a cursor, from its state and its tables there. */
  view(node: NodeId, role: string, state: NodeState, up: boolean, db: DbReader): NodeView;
  scenarios: NamedScenario[];
  handlers: HandlerDef[];
  /** The fault surface for these parameters. */
  surface(params: Params): FaultSurface;
  /** The comparison lab's mapping of its business workload onto this pattern. */
  lab?: LabDef;
  /**
   * The requests a workload item may carry, by type (src/engine/requests.ts). The scenario schema rejects any other
   * type, a missing or ill-typed field, an unknown field and a node that is not in the topology. Absent: any payload
   * (only a depth bound is checked).
   */
  requests?: Record<string, RequestSpec>;
  /** The guided tour (src/engine/tour.ts): chapters of steps over the named scenarios. Every pattern ships one. */
  tour?: TourDef;
}

/** Helper for reducers: no change. */
export function same<D, V>(state: NodeState<D, V>, effects: Effect[] = []): StepResult<D, V> {
  return { state, effects };
}

/**
 * A pattern's narration effects: `notes('2pc.note')('decide', { tx })` is the note `2pc.note.decide`. One maker for
 * every pattern (the keys' strings live in the pattern's folder); a key's full name is built once, and the effect has
 * one of two fixed shapes (with or without a tag) rather than a spread.
 */
export function notes(
  prefix: string,
): (key: string, params: Record<string, string | number>, tag?: NoteTag) => Extract<Effect, { kind: 'note' }> {
  const full = new Map<string, string>();
  return (key, params, tag) => {
    let k = full.get(key);
    if (k === undefined) {
      k = `${prefix}.${key}`;
      full.set(key, k);
    }
    return tag === undefined ? { kind: 'note', key: k, params } : { kind: 'note', key: k, params, tag };
  };
}

/** Narrow a RoleDef with typed state to the registry's erased form. */
export function role<D, V>(def: RoleDef<D, V>): RoleDef<never, never> {
  return def as unknown as RoleDef<never, never>;
}

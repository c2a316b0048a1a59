/**
 * The pattern contract (DESIGN.md, "one folder, one plug-in"). Each src/patterns/<name>/ exports one
 * PatternDef; the UI, the CLI, the lab and the tests only ever iterate over these.
 */
import type {
  Effect,
  Input,
  InvariantVerdict,
  NetworkSpec,
  NodeId,
  NodeState,
  Params,
  Scenario,
  StepContext,
  StepResult,
  Time,
  Topology,
  WorkloadItem,
} from './types';
import type { RequestSpec } from './requests';

/** A node role's behaviour: a pure reducer plus its initial state. */
export interface RoleDef<D = unknown, V = unknown> {
  init(ctx: StepContext): NodeState<D, V>;
  /** Pure: (state, input) → new state and effects. Must not mutate `state`. */
  step(state: NodeState<D, V>, input: Input, ctx: StepContext): StepResult<D, V>;
  /** Resources this node holds locked in `state` (for blocking metrics and the bounded-blocking invariant). */
  locks?(state: NodeState<D, V>): readonly string[];
}

/** What an invariant sees: every node's current state, whether it is up, and the clock. Read-only. */
export interface World {
  t: Time;
  states: Readonly<Record<NodeId, NodeState>>;
  up: Readonly<Record<NodeId, boolean>>;
  params: Params;
}

export interface InvariantDef {
  /** Shared names across patterns: atomicity, conservation, no-leak, exactly-once, bounded-blocking, … */
  id: string;
  /**
   * always: must hold after every event (a break may later be restored — a window of inconsistency).
   * eventually: must be true at the end of the run; while false during the run it is "not yet decided".
   */
  kind: 'always' | 'eventually';
  check(world: World): boolean;
}

export type ParamKind = 'int' | 'ms' | 'prob' | 'enum' | 'bool';

export interface ParamDef {
  key: string;
  kind: ParamKind;
  default: number | string | boolean;
  min?: number;
  max?: number;
  options?: string[];
  /** Where the default comes from (a real system's code or docs), shown in the UI. */
  source?: string;
}

export interface GuardDef {
  key: string;
  default: boolean;
  /** Other guards this one needs (e.g. 3PC needs timeouts). Informational. */
  requires?: string[];
}

/** The outcome the pattern reports per transaction. */
export type TxOutcome = 'committed' | 'aborted' | 'blocked' | 'inconsistent' | 'pending';

export interface TxReport {
  tx: string;
  outcome: TxOutcome;
  /** Per node: the local state of this transaction there (pattern words: prepared, committed, frozen, …). */
  at: Record<NodeId, string>;
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

export interface NodeView {
  tone: Tone;
  /** Main status word (an i18n key). */
  statusKey: string;
  locks: string[];
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
  /** Max lock hold (ms) before "bounded-blocking" is violated, read from this param; absent → not checked. */
  lockBoundParam?: string;
  outcomes(world: World): TxReport[];
  view(node: NodeId, role: string, state: NodeState, up: boolean): NodeView;
  scenarios: NamedScenario[];
  handlers: HandlerDef[];
  /**
   * The requests a workload item may carry, by type (src/engine/requests.ts). The scenario schema rejects any other
   * type, a missing or ill-typed field, an unknown field and a node that is not in the topology. Absent: any payload
   * (only a depth bound is checked).
   */
  requests?: Record<string, RequestSpec>;
}

/** Helper for reducers: no change. */
export function same<D, V>(state: NodeState<D, V>, effects: Effect[] = []): StepResult<D, V> {
  return { state, effects };
}

/** Narrow a RoleDef with typed state to the registry's erased form. */
export function role<D, V>(def: RoleDef<D, V>): RoleDef<never, never> {
  return def as unknown as RoleDef<never, never>;
}

/**
 * Core data types of the deterministic simulator. Everything here is plain, serializable data:
 * a scenario in, a trace out. No React, DOM, wall clock or unseeded randomness anywhere under src/engine.
 */

export type NodeId = string;
/** Virtual time in milliseconds. */
export type Time = number;

/** A protocol message. `type` names it (PREPARE, VOTE, …); the rest is its payload (plain JSON). */
export interface Msg {
  type: string;
  /** Transaction id (global transaction / gid), when the message belongs to one. */
  tx?: string;
  /**
   * A stable message identity across retries and redeliveries, set by the pattern (a notify_id, RocketMQ's msgId,
   * an outbox row id). Fault triggers can match it ("the 3rd delivery of message M").
   */
  mid?: string;
  [key: string]: unknown;
}

/** A table row: plain, serializable data. */
export type Row = Readonly<Record<string, unknown>>;

/** One row written by a step (row null: deleted). Tables are per node; see RoleDef.tables. */
export interface TableWrite {
  table: string;
  key: string;
  row: Row | null;
}

/** A node's state is split so that a crash is exact: `durable` survives, `volatile` is reset. */
export interface NodeState<D = unknown, V = unknown> {
  durable: D;
  volatile: V;
}

/** What a reducer is asked to handle. */
export type Input =
  | { kind: 'start' }
  | { kind: 'recover' }
  | { kind: 'deliver'; from: NodeId; msg: Msg; msgId: number }
  | { kind: 'timer'; name: string; data?: unknown }
  | { kind: 'request'; request: Msg };

/**
 * What a reducer asks the engine to do. `lock` / `unlock` are part of the step's local transaction (committed with
 * its state and table writes, as rows of the node's built-in `locks` table); the others are applied in order after
 * the commit.
 */
export type Effect =
  /** Acquire a lock / reservation on `resource`. `durable`: it survives a crash (a prepared XA branch's locks). */
  | { kind: 'lock'; resource: string; durable?: boolean }
  | { kind: 'unlock'; resource: string }
  | { kind: 'send'; to: NodeId; msg: Msg }
  | { kind: 'setTimer'; name: string; after: Time; data?: unknown }
  | { kind: 'cancelTimer'; name: string }
  /** A narration line (i18n key + params). `tag` marks it on the timeline. */
  | { kind: 'note'; key: string; params?: Record<string, string | number>; tag?: NoteTag };

export type NoteTag = 'decision' | 'info' | 'warn' | 'block' | 'effect';

export interface StepResult<D = unknown, V = unknown> {
  state: NodeState<D, V>;
  effects: Effect[];
}

/** Read access to one node's tables (at the current step, or at a cursor in a recorded trace). */
export interface DbReader {
  get<R extends Row = Row>(table: string, key: string): R | undefined;
  has(table: string, key: string): boolean;
  size(table: string): number;
  /** Keys in insertion order. O(rows): for recovery, end-of-run reports and reference checks, not hot paths. */
  keys(table: string): Iterable<string>;
  /** The `n` most recently written keys still present, newest first (for views: bounded cost in a trace). */
  newest(table: string, n: number): string[];
}

/**
 * A node's database during one step: reads see the step's own writes; the writes commit with the step (one local
 * transaction) and are recorded in its trace event.
 */
export interface Db extends DbReader {
  put(table: string, key: string, row: Row): void;
  del(table: string, key: string): void;
}

/** Context a reducer may read. `random()` draws from the node's own seeded stream. */
export interface StepContext<P = Params> {
  now: Time;
  self: NodeId;
  params: P;
  guards: Record<string, boolean>;
  topology: Topology;
  random(): number;
  /** The node's own tables (RoleDef.tables), inside the step's local transaction. */
  db: Db;
}

export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

// ---------------------------------------------------------------- network

export type Dist =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number; min?: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number };

/**
 * What a link is: separate RPC calls (HTTP / gRPC requests: no order between them — a Cancel can overtake a delayed
 * Try) or one stream (a TCP connection, a Kafka partition, a broker queue: FIFO).
 */
export type LinkKind = 'rpc' | 'stream';

export interface LinkSpec {
  latency: Dist;
  /** Probability a message is lost. */
  loss: number;
  /** Probability a message is delivered twice. */
  duplicate: number;
  /** On a stream: probability a message may overtake earlier ones (an rpc link never keeps order). */
  reorder: number;
  /** Overrides the kind the pattern's topology gives the link. */
  kind?: LinkKind;
}

export interface LinkOverride extends Partial<LinkSpec> {
  from: NodeId;
  to: NodeId;
  /** Apply to both directions. */
  both?: boolean;
}

export interface NetworkSpec {
  default: LinkSpec;
  links?: LinkOverride[];
}

// ---------------------------------------------------------------- faults

/** Selects trace events for fault triggers ("after the coordinator's 1st COMMIT send"). */
export interface EventMatcher {
  kind: 'send' | 'deliver' | 'timer' | 'note' | 'crash' | 'recover' | 'request' | 'drop';
  /** The node the event happens at (sender for a send, receiver for a deliver). */
  node?: NodeId;
  /** For send: the destination. */
  to?: NodeId;
  /** For deliver / drop: the sender. */
  from?: NodeId;
  /** Message type (send / deliver / drop), timer name (timer), note key (note). */
  type?: string;
  tx?: string;
  /** The message's stable id (Msg.mid), for send / deliver / drop. */
  mid?: string;
}

export type Trigger =
  | { at: Time }
  /** Fires after the `nth` (default 1) event matching `on`, `delay` ms later (default 0: at once). */
  | { on: EventMatcher; nth?: number; delay?: Time };

export interface MsgMatcher {
  from?: NodeId;
  to?: NodeId;
  type?: string;
  /** The message's stable id (Msg.mid). */
  mid?: string;
  /** How many of the next matching messages this applies to (default 1). */
  count?: number;
}

export type FaultAction =
  | { crash: NodeId }
  | { recover: NodeId }
  /** Cut links between groups a and b (both directions unless oneWay: then only a → b). */
  | { partition: { a: NodeId[]; b: NodeId[]; oneWay?: boolean } }
  | { heal: true }
  | { drop: MsgMatcher }
  | { delay: MsgMatcher; by: Time }
  | { duplicate: MsgMatcher };

export interface Fault {
  id: string;
  when: Trigger;
  do: FaultAction;
}

// ---------------------------------------------------------------- scenario

export interface WorkloadItem {
  at: Time;
  node: NodeId;
  request: Msg;
}

/** A scenario is plain data: everything a run depends on. Edits of it are the only user actions. */
export interface Scenario {
  version: 1;
  pattern: string;
  /** Optional name of the named scenario this came from. */
  name?: string;
  title?: string;
  seed: number;
  params: Params;
  guards: Record<string, boolean>;
  network: NetworkSpec;
  workload: WorkloadItem[];
  faults: Fault[];
  /** Stop simulating after this virtual time (ms). */
  horizon: Time;
  /** Event budget: the run stops after this many events (default 2,000,000), with stop reason 'maxEvents'. */
  maxEvents?: number;
}

// ---------------------------------------------------------------- topology

export interface TopologyNode {
  id: NodeId;
  role: string;
  /** i18n key of its label, or a literal. */
  label: string;
  /** Layout position for diagrams (px). */
  x: number;
  y: number;
}

export interface TopologyEdge {
  from: NodeId;
  to: NodeId;
  /** Both directions of the edge are this kind of link (default: stream). */
  kind?: LinkKind;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

// ---------------------------------------------------------------- trace

interface EventBase {
  /** Sequence number: index in the trace, the tie-break for equal times. */
  seq: number;
  t: Time;
  node: NodeId;
}

export type DropReason = 'loss' | 'partition' | 'crashed' | 'fault';

/** One delivery the network planned for a send (two for a duplicate). */
export interface PlannedCopy {
  deliverAt: Time;
}

/**
 * Events that run a reducer carry the node's state after it (`state`) and the table rows the step wrote (`writes`,
 * absent when none). A crash carries the deletions of the node's volatile rows and non-durable locks.
 */
interface StateBase extends EventBase {
  state: NodeState;
  writes?: TableWrite[];
}

export type TraceEvent =
  | (StateBase & { kind: 'start' })
  | (StateBase & { kind: 'recover' })
  | (StateBase & { kind: 'crash' })
  | (StateBase & {
      kind: 'deliver';
      from: NodeId;
      msgId: number;
      /** seq of the send event this delivery answers. */
      sendSeq: number;
      msg: Msg;
    })
  | (StateBase & { kind: 'timer'; name: string })
  | (StateBase & { kind: 'request'; msg: Msg })
  | (EventBase & {
      kind: 'send';
      to: NodeId;
      msgId: number;
      msg: Msg;
      /** Planned deliveries; empty when the network lost it at once. */
      copies: PlannedCopy[];
      lost?: DropReason;
      /** A fault changed this message (drop / delay / duplicate), by fault id. */
      faultId?: string;
    })
  | (EventBase & {
      kind: 'drop';
      /** Receiver is `node`. */
      from: NodeId;
      msgId: number;
      sendSeq: number;
      msg: Msg;
      reason: DropReason;
    })
  | (EventBase & {
      kind: 'note';
      key: string;
      params?: Record<string, string | number>;
      tag?: NoteTag;
    })
  /** A fault action took effect (node is the affected node, or '*' for network-wide). */
  | (EventBase & { kind: 'fault'; faultId: string; action: FaultAction });

export type EventKind = TraceEvent['kind'];

export interface LockInterval {
  node: NodeId;
  resource: string;
  from: Time;
  /** null while still held at the end of the run. */
  to: Time | null;
  fromSeq: number;
  toSeq: number | null;
}

export interface InvariantInterval {
  from: Time;
  fromSeq: number;
  to: Time | null;
  toSeq: number | null;
}

export type InvariantVerdict = 'holds' | 'violated' | 'undecided';

export interface InvariantResult {
  id: string;
  kind: 'always' | 'eventually';
  /** For 'always': intervals during which it was broken. For 'eventually': intervals during which it was not (yet) true. */
  broken: InvariantInterval[];
  /** Verdict at the end of the run. */
  final: InvariantVerdict;
  /** First time it broke (always) / was found violated at the end (eventually). */
  firstBreak: Time | null;
  firstBreakSeq: number | null;
}

export type StopReason = 'quiescent' | 'horizon' | 'maxEvents';

export interface RunStats {
  events: number;
  /** Table rows written (lock rows included). */
  writes: number;
  /** Invariant evaluations (incremental checks run): per event, independent of history. */
  invariantChecks: number;
  messagesSent: number;
  messagesDelivered: number;
  messagesDropped: number;
  byType: Record<string, { sent: number; delivered: number; dropped: number }>;
}

/**
 * The deterministic discrete-event simulator. (pattern, scenario) → one exact trace.
 *
 * Its parts, each in a file of its own: the scheduler (heap.ts: virtual clock order + insertion tie-break), the
 * network (network.ts: links, loss, duplication, partitions), fault injection (faults.ts), node databases (db.ts),
 * the invariant checkers (checkers.ts) and the recorder below (every event goes through one `emit`, recorded or only
 * counted, so batch and record mode count the same events).
 *
 * Order of work inside one event: the reducer's new state, its table writes and its lock effects are committed first
 * (a local ACID transaction on the node's own database), then its other effects run one by one; a fault triggered by
 * one of those effects (e.g. "crash the coordinator after its 1st COMMIT send") takes effect at once, so the node's
 * remaining effects are lost with it.
 *
 * A run can be advanced in slices (`Run.advance(n)`), so the page can simulate a long scenario in chunks with a
 * progress bar and a Cancel button, and stop at an event budget with a clear reason.
 */
import { InvariantChecker, type Recheck, type Watchers } from './checkers';
import { DiscardDb, NodeDb, StepDb } from './db';
import { FaultInjector } from './faults';
import { EventQueue } from './heap';
import { Network, type LinkState } from './network';
import {
  LOCKS_TABLE,
  STATE_TABLE,
  type LockRow,
  type PatternDef,
  type RoleDef,
  type TxReport,
  type World,
} from './pattern';
import { rngNext, rngState, type RngState } from './prng';
import { traceHash } from './hash';
import type {
  DropReason,
  Effect,
  Fault,
  FaultAction,
  Input,
  InvariantResult,
  LockInterval,
  Msg,
  NodeId,
  NodeState,
  Params,
  PlannedCopy,
  Row,
  RunStats,
  Scenario,
  StepContext,
  StopReason,
  TableWrite,
  Time,
  Topology,
  TraceEvent,
} from './types';

export interface RunOptions {
  /** Keep the full trace (default true). Batch mode (false) keeps only counters, locks and invariant results. */
  record?: boolean;
  /** Event budget: the run stops after this many events with stop reason 'maxEvents' (default 2,000,000). */
  maxEvents?: number;
  /** Evaluate invariants (default true). */
  invariants?: boolean;
  /** Tests: also run every invariant's whole-world reference check after every event and report disagreements. */
  referenceCheck?: boolean;
  /** Hash the trace in result() (default true). The page hashes in slices itself (TraceHasher) and passes false. */
  hash?: boolean;
}

/** Every node's state and rows before the first event (what the views show at cursor 0). */
export interface InitialState {
  states: Record<NodeId, NodeState>;
  writes: Record<NodeId, TableWrite[]>;
}

export interface SimResult {
  scenario: Scenario;
  topology: Topology;
  events: TraceEvent[];
  initial: InitialState;
  endTime: Time;
  stoppedBy: StopReason;
  /** The event budget the run had (for the 'maxEvents' message). */
  maxEvents: number;
  final: World;
  invariants: InvariantResult[];
  locks: LockInterval[];
  stats: RunStats;
  outcomes: TxReport[];
  /** Hash of the recorded trace ('' in batch mode). */
  hash: string;
  /** Per node: its durable tables' names (the report lists their final rows). */
  durableTables: Record<NodeId, string[]>;
  /** Reference mode: disagreements between incremental and whole-world invariant checks (empty when they agree). */
  referenceMismatches: string[];
}

/**
 * A queue item. Every item has one shape, six fields (`s`, `a`, `b`, `o` mean what the kind says), so the
 * scheduler's property reads stay monomorphic and an item is small: one is allocated per scheduled event.
 */
type QItem =
  | { k: 'start'; rt: NodeRt }
  /** s: sender, a: msgId, b: seq of the send, o: the message. */
  | { k: 'deliver'; rt: NodeRt; s: NodeId; a: number; b: number; o: Msg }
  /** s: timer name, a: its generation, o: its data. */
  | { k: 'timer'; rt: NodeRt; s: string; a: number; o: unknown }
  | { k: 'request'; rt: NodeRt; o: Msg }
  | { k: 'fault'; o: Fault }
  | { k: 'recheck'; o: Recheck };

class Item {
  constructor(
    readonly k: QItem['k'],
    readonly rt: NodeRt | null,
    readonly s: string,
    readonly a: number,
    readonly b: number,
    readonly o: unknown,
  ) {}
}
const q = {
  start: (rt: NodeRt) => new Item('start', rt, '', 0, 0, null) as unknown as QItem,
  deliver: (rt: NodeRt, from: NodeId, msgId: number, sendSeq: number, msg: Msg) =>
    new Item('deliver', rt, from, msgId, sendSeq, msg) as unknown as QItem,
  timer: (rt: NodeRt, name: string, gen: number, data: unknown) =>
    new Item('timer', rt, name, gen, 0, data) as unknown as QItem,
  request: (rt: NodeRt, msg: Msg) => new Item('request', rt, '', 0, 0, msg) as unknown as QItem,
  fault: (fault: Fault) => new Item('fault', null, '', 0, 0, fault) as unknown as QItem,
  recheck: (r: Recheck) => new Item('recheck', null, '', 0, 0, r) as unknown as QItem,
};

/**
 * A node's pending timers: name → generation of the one pending (a queued timer item whose generation is not the
 * current one is dead). A node has few timers pending at once, so they sit in two small lists scanned by ===; a
 * fired or cancelled timer's slot keeps generation 0 (no generation is 0) and is reused. A node with more than 8
 * pending moves to a Map. (A Map whose same few keys are deleted and re-added fills up with deleted slots and keeps
 * rehashing: that was a third of the scheduler's time on timer-driven runs.)
 */
class Timers {
  private names: string[] = [];
  private gens: number[] = [];
  private map: Map<string, number> | null = null;

  get(name: string): number {
    if (this.map !== null) return this.map.get(name) ?? 0;
    const names = this.names;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.gens[i];
    return 0;
  }

  set(name: string, gen: number): void {
    if (this.map !== null) {
      this.map.set(name, gen);
      return;
    }
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) {
        this.gens[i] = gen;
        return;
      }
    }
    for (let i = 0; i < names.length; i++) {
      if (this.gens[i] === 0) {
        names[i] = name;
        this.gens[i] = gen;
        return;
      }
    }
    if (names.length < 8) {
      names.push(name);
      this.gens.push(gen);
      return;
    }
    const map = new Map<string, number>();
    for (let i = 0; i < names.length; i++) if (this.gens[i] !== 0) map.set(names[i], this.gens[i]);
    map.set(name, gen);
    this.map = map;
    this.names = [];
    this.gens = [];
  }

  /** The timer fired or was cancelled. */
  forget(name: string): void {
    if (this.map !== null) {
      this.map.delete(name);
      return;
    }
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) {
        this.gens[i] = 0;
        return;
      }
    }
  }

  clear(): void {
    if (this.map !== null) this.map.clear();
    this.gens.fill(0);
  }
}

interface NodeRt {
  id: NodeId;
  role: RoleDef<never, never>;
  up: boolean;
  ctx: StepContext;
  timers: Timers;
  db: NodeDb;
  /** The node's random stream as plain data (sfc32's four words). */
  rng: RngState;
  /** Open lock intervals by resource (the lock log's view of the `locks` table). */
  held: Map<string, LockInterval>;
  /**
   * The node's state, the same as `states[id]` (the world's record, keyed by node id): read from here, since a
   * keyed load from that record by a variable id is a hash lookup, on every step.
   */
  state: NodeState;
  /** Where its messages go, by destination (sends look up no node and no link by name). */
  routes: Map<NodeId, Route>;
  /** Its tables as the commit sees them, by name (made at a table's first commit). */
  tables: Map<string, CommitTable>;
}

/** A node's table, resolved once for the commit path: its rows and who must hear of their changes. */
interface CommitTable {
  rows: Map<string, Row>;
  /** The invariants watching it (null: none, or invariants are off). */
  watchers: Watchers | null;
  /** It is the built-in locks table (its changes feed the lock log). */
  locks: boolean;
}

interface Route {
  to: NodeRt;
  link: LinkState;
}

export class UnknownNodeError extends Error {}

export function defaultParams(p: PatternDef): Params {
  const r: Params = {};
  for (const d of p.params) r[d.key] = d.default;
  return r;
}

export function defaultGuards(p: PatternDef): Record<string, boolean> {
  const r: Record<string, boolean> = {};
  for (const g of p.guards) r[g.key] = g.default;
  return r;
}

/** A run in progress. `advance` simulates up to n more events; `result()` once `done`. */
export class Run {
  readonly record: boolean;
  readonly maxEvents: number;
  private readonly hashTrace: boolean;
  done = false;
  now: Time = 0;

  private readonly pattern: PatternDef;
  private readonly scenario: Scenario;
  private readonly topology: Topology;
  private readonly queue = new EventQueue<QItem>();
  private readonly network: Network;
  private readonly faults: FaultInjector;
  private readonly checker: InvariantChecker | null;
  /** The invariants watching node states (looked up once: a step that changes its node's state reports it). */
  private readonly stateWatchers: Watchers | null;
  private readonly nodes = new Map<NodeId, NodeRt>();
  private readonly states: Record<NodeId, NodeState> = {};
  private readonly up: Record<NodeId, boolean> = {};
  private readonly world: World;
  private readonly events: TraceEvent[] = [];
  private readonly lockLog: LockInterval[] = [];
  private readonly initial: InitialState = { states: {}, writes: {} };
  private readonly stats: RunStats = {
    events: 0,
    writes: 0,
    invariantChecks: 0,
    messagesSent: 0,
    messagesDelivered: 0,
    messagesDropped: 0,
    byType: {},
  };
  private readonly stepDb: StepDb;
  /** The node whose step is being committed (batch mode commits straight from the step's overlay). */
  private commitRt: NodeRt | null = null;
  private readonly commitSink = (table: string, key: string, row: Row | null) =>
    this.commitWrite(this.commitRt as NodeRt, table, key, row);
  /** Events are built only when someone reads them: the trace, or event-triggered faults. */
  private wantEvents = false;
  private seq = 0;
  private msgCounter = 0;
  private timerGen = 0;
  private stoppedBy: StopReason = 'quiescent';
  /** A check that would break past the horizon of an otherwise quiet run: the run ends at the horizon. */
  private pendingPastHorizon = false;

  constructor(pattern: PatternDef, scenario: Scenario, opts: RunOptions = {}) {
    this.pattern = pattern;
    this.scenario = scenario;
    this.record = opts.record ?? true;
    this.maxEvents = opts.maxEvents ?? scenario.maxEvents ?? 2_000_000;
    this.hashTrace = opts.hash ?? true;
    const params = { ...defaultParams(pattern), ...scenario.params };
    const guards = { ...defaultGuards(pattern), ...scenario.guards };
    const topology = pattern.topology(params);
    this.topology = topology;
    this.network = new Network(scenario.network, scenario.seed, topology.edges);
    const byRole = new Map<string, NodeId[]>();
    for (const n of topology.nodes) {
      const list = byRole.get(n.role) ?? [];
      list.push(n.id);
      byRole.set(n.role, list);
    }
    const nodes = this.nodes;
    this.world = {
      t: 0,
      states: this.states,
      up: this.up,
      params,
      db: (id) => {
        const rt = nodes.get(id);
        if (!rt) throw new UnknownNodeError(`no node ${id}`);
        return rt.db;
      },
      nodesOf: (role) => byRole.get(role) ?? [],
    };
    const checkInvariants = opts.invariants ?? true;
    this.checker = checkInvariants
      ? new InvariantChecker(
          pattern.invariants,
          this.world,
          (at, r) => this.queue.push(at, q.recheck(r)),
          !!opts.referenceCheck,
        )
      : null;
    this.stateWatchers = this.checker?.watchersOf(STATE_TABLE) ?? null;

    let first: StepDb | null = null;
    for (const n of topology.nodes) {
      const role = pattern.roles[n.role];
      if (!role) throw new Error(`pattern ${pattern.id}: node ${n.id} has unknown role ${n.role}`);
      const durable = new Set<string>();
      for (const [name, spec] of Object.entries(role.tables ?? {})) if (spec.durable) durable.add(name);
      const db = new NodeDb(durable);
      const stepDb: StepDb = first ?? new StepDb(db);
      first = stepDb;
      stepDb.reset(db);
      const rt: NodeRt = {
        id: n.id,
        role,
        up: true,
        ctx: null as unknown as StepContext,
        timers: new Timers(),
        db,
        rng: rngState(scenario.seed, 'node:' + n.id),
        held: new Map(),
        state: null as unknown as NodeState,
        routes: new Map(),
        tables: new Map(),
      };
      rt.ctx = {
        now: 0,
        self: n.id,
        params,
        guards,
        topology,
        random: () => rngNext(rt.rng),
        db: stepDb,
      };
      nodes.set(n.id, rt);
      const st = role.init(rt.ctx) as NodeState;
      this.setState(rt, st);
      this.up[n.id] = true;
      this.initial.states[n.id] = st;
      const writes = stepDb.writes();
      this.initial.writes[n.id] = writes;
      this.commitWrites(rt, writes);
      this.checker?.change(n.id, STATE_TABLE, n.id, undefined, st);
    }
    this.stepDb = first ?? new StepDb(new NodeDb(new Set()));
    // Verdicts before the first event count from it (seq 0 at t = 0).
    this.checker?.flush(0, 0);

    // Schedule: time-triggered faults first (so "crash at 0" precedes start), then starts, then the workload.
    this.faults = new FaultInjector(scenario.faults, (at, f) => this.queue.push(at, q.fault(f)));
    this.wantEvents = this.record || this.faults.watchesEvents;
    for (const rt of nodes.values()) this.queue.push(0, q.start(rt));
    const times: number[] = [];
    const items: QItem[] = [];
    for (const w of scenario.workload) {
      const rt = nodes.get(w.node);
      if (!rt) throw new UnknownNodeError(`workload names unknown node ${w.node}`);
      times.push(Math.max(0, w.at));
      items.push(q.request(rt, w.request));
    }
    this.queue.preload(times, items);
  }

  /** Events simulated so far. */
  get eventCount(): number {
    return this.stats.events;
  }

  get horizon(): Time {
    return this.scenario.horizon;
  }

  // ------------------------------------------------------------------ recorder

  /** The one place an event is counted (and recorded, and matched against fault triggers). */
  private emit(ev: TraceEvent | null): void {
    this.seq++;
    this.stats.events++;
    if (ev === null) return;
    if (this.record) this.events.push(ev);
    if (this.faults.watchesEvents) {
      this.faults.observe(
        ev,
        (f) => this.applyFault(f),
        (delay, f) => this.queue.push(this.now + delay, q.fault(f)),
      );
    }
  }

  private typeStats(type: string) {
    return (this.stats.byType[type] ??= { sent: 0, delivered: 0, dropped: 0 });
  }

  private setState(rt: NodeRt, state: NodeState): void {
    rt.state = state;
    this.states[rt.id] = state;
  }

  // ------------------------------------------------------------------ commit

  /** Apply a step's table writes to the node's database, feed the checkers and the lock log. */
  private commitWrites(rt: NodeRt, writes: TableWrite[]): void {
    for (let i = 0; i < writes.length; i++) this.commitWrite(rt, writes[i].table, writes[i].key, writes[i].row);
  }

  private commitTable(rt: NodeRt, name: string): CommitTable {
    let t = rt.tables.get(name);
    if (t === undefined) {
      t = { rows: rt.db.table(name), watchers: this.checker?.watchersOf(name) ?? null, locks: name === LOCKS_TABLE };
      rt.tables.set(name, t);
    }
    return t;
  }

  private commitWrite(rt: NodeRt, tableName: string, key: string, row: Row | null): void {
    const t = this.commitTable(rt, tableName);
    const rows = t.rows;
    // Only the invariants read the row a write replaces: on a table none watches, skip that lookup (on a big table,
    // a miss for a new key walks cold entries).
    const before = t.watchers !== null ? rows.get(key) : undefined;
    if (row === null) rows.delete(key);
    else rows.set(key, row);
    this.stats.writes++;
    if (t.locks) this.lockChange(rt, key, row !== null);
    if (t.watchers !== null)
      (this.checker as InvariantChecker).changeFor(t.watchers, rt.id, tableName, key, before, row ?? undefined);
  }

  private lockChange(rt: NodeRt, resource: string, held: boolean): void {
    const open = rt.held.get(resource);
    if (held && !open) {
      const iv: LockInterval = {
        node: rt.id,
        resource,
        from: this.now,
        fromSeq: this.seq,
        to: null,
        toSeq: null,
      };
      rt.held.set(resource, iv);
      this.lockLog.push(iv);
    } else if (!held && open) {
      open.to = this.now;
      open.toSeq = this.seq;
      rt.held.delete(resource);
    }
  }

  /** Lock effects become rows of the node's `locks` table, committed with the step. */
  private lockWrites(effects: Effect[]): void {
    const db = this.stepDb;
    for (let i = 0; i < effects.length; i++) {
      const e = effects[i];
      if (e.kind === 'lock') {
        // Taking a held lock again keeps its start; it may change whether it survives a crash (a branch that
        // prepares turns its working lock into a durable one).
        const cur = db.get(LOCKS_TABLE, e.resource) as LockRow | undefined;
        if (!cur || cur.durable !== !!e.durable) {
          const row: LockRow = { since: cur ? cur.since : this.now, durable: !!e.durable };
          db.put(LOCKS_TABLE, e.resource, row as unknown as Row);
        }
      } else if (e.kind === 'unlock') db.del(LOCKS_TABLE, e.resource);
    }
  }

  private runStep(rt: NodeRt, input: Input, sendSeq = 0): void {
    const ctx = rt.ctx;
    ctx.now = this.now;
    const db = this.stepDb;
    db.reset(rt.db);
    ctx.db = db;
    const before = rt.state;
    const res = rt.role.step(before as never, input, ctx);
    const effects = res.effects;
    for (let i = 0; i < effects.length; i++) {
      const k = effects[i].kind;
      if (k === 'lock' || k === 'unlock') {
        this.lockWrites(effects);
        break;
      }
    }
    const state = res.state as NodeState;
    if (state !== before) this.setState(rt, state);
    const wantEvents = this.wantEvents;
    let writes: TableWrite[] | undefined;
    if (db.dirty) {
      if (wantEvents) {
        writes = db.writes();
        this.commitWrites(rt, writes);
      } else {
        this.commitRt = rt;
        db.forEach(this.commitSink);
      }
    }
    const evSeq = this.seq;
    if (state !== before && this.stateWatchers !== null) {
      (this.checker as InvariantChecker).changeFor(this.stateWatchers, rt.id, STATE_TABLE, rt.id, before, state);
    }
    let ev: TraceEvent | null = null;
    if (wantEvents) ev = this.stepEvent(rt, input, state, sendSeq, writes);
    this.emit(ev);
    this.checker?.flush(this.now, evSeq);
    if (effects.length) this.applyEffects(rt, effects);
  }

  /**
   * A step's trace event, built as one object literal per kind (every field, `writes` undefined when the step wrote
   * nothing) rather than spread from a base object: spread-built events carried ~130 bytes of slack each, a third of
   * a recorded run's heap. JSON (and so the trace hash) is unchanged: undefined fields are not serialized.
   */
  private stepEvent(
    rt: NodeRt,
    input: Input,
    state: NodeState,
    sendSeq: number,
    writes: TableWrite[] | undefined,
  ): TraceEvent {
    const seq = this.seq;
    const t = this.now;
    const node = rt.id;
    switch (input.kind) {
      case 'start':
        return { seq, t, node, kind: 'start', state, writes };
      case 'recover':
        return { seq, t, node, kind: 'recover', state, writes };
      case 'deliver':
        return {
          seq,
          t,
          node,
          kind: 'deliver',
          from: input.from,
          msgId: input.msgId,
          sendSeq,
          msg: input.msg,
          state,
          writes,
        };
      case 'timer':
        return { seq, t, node, kind: 'timer', name: input.name, state, writes };
      case 'request':
        return { seq, t, node, kind: 'request', msg: input.request, state, writes };
    }
  }

  private applyEffects(rt: NodeRt, effects: Effect[]): void {
    const startedUp = rt.up;
    for (let i = 0; i < effects.length; i++) {
      const e = effects[i];
      if (!rt.up || !startedUp) return; // crashed by a fault triggered by an earlier effect
      switch (e.kind) {
        case 'send':
          this.send(rt, e.to, e.msg);
          break;
        case 'setTimer': {
          const gen = ++this.timerGen;
          rt.timers.set(e.name, gen);
          this.queue.push(this.now + Math.max(0, e.after), q.timer(rt, e.name, gen, e.data));
          break;
        }
        case 'cancelTimer':
          rt.timers.forget(e.name);
          break;
        case 'note':
          this.emit(
            this.wantEvents
              ? { seq: this.seq, t: this.now, node: rt.id, kind: 'note', key: e.key, params: e.params, tag: e.tag }
              : null,
          );
          break;
        case 'lock':
        case 'unlock':
          break; // committed with the step
      }
    }
  }

  // ------------------------------------------------------------------ network

  /** The route from a node to `to`, looked up once per pair. */
  private route(rt: NodeRt, to: NodeId, msg: Msg): Route {
    let r = rt.routes.get(to);
    if (r === undefined) {
      const toRt = this.nodes.get(to);
      if (!toRt) throw new UnknownNodeError(`${rt.id} sent ${msg.type} to unknown node ${to}`);
      r = { to: toRt, link: this.network.link(rt.id, to) };
      rt.routes.set(to, r);
    }
    return r;
  }

  private send(fromRt: NodeRt, to: NodeId, msg: Msg): void {
    const route = this.route(fromRt, to, msg);
    const from = fromRt.id;
    const toRt = route.to;
    const now = this.now;
    const network = this.network;
    const msgId = ++this.msgCounter;
    const ts = this.typeStats(msg.type);
    ts.sent++;
    this.stats.messagesSent++;
    const plan = network.plan(route.link, now);
    let lost: DropReason | undefined = plan.lost ? 'loss' : undefined;
    // Delivery delays of the copies: n of them (0, 1 or 2), d0 then d1.
    let n = plan.copies;
    let d0 = plan.first;
    let d1 = plan.second;
    let faultId: string | undefined;
    if (!lost && network.isCut(from, to)) {
      lost = 'partition';
      n = 0;
    }
    if (this.faults.anyArmed) {
      const f = this.faults.take(from, to, msg);
      if (f) {
        faultId = f.id;
        const act = f.do;
        if ('drop' in act) {
          lost = 'fault';
          n = 0;
        } else if ('delay' in act) {
          if (!lost) {
            d0 += act.by;
            d1 += act.by;
            network.bumpFifo(route.link, now + d0);
          }
        } else if ('duplicate' in act) {
          if (!lost && n < 2) {
            d1 = d0 + Math.max(1, d0 / 2);
            n = 2;
          }
        }
      }
    }
    if (lost) {
      n = 0;
      ts.dropped++;
      this.stats.messagesDropped++;
    }
    const sendSeq = this.seq;
    this.emit(
      this.wantEvents
        ? {
            seq: sendSeq,
            t: now,
            node: from,
            kind: 'send',
            to,
            msgId,
            msg,
            copies:
              n === 0
                ? NO_COPIES
                : n === 1
                  ? [{ deliverAt: now + d0 }]
                  : [{ deliverAt: now + d0 }, { deliverAt: now + d1 }],
            lost,
            faultId,
          }
        : null,
    );
    if (n > 0) this.queue.push(now + d0, q.deliver(toRt, from, msgId, sendSeq, msg));
    if (n > 1) this.queue.push(now + d1, q.deliver(toRt, from, msgId, sendSeq, msg));
  }

  private deliver(item: Extract<QItem, { k: 'deliver' }>): void {
    const rt = item.rt;
    const from = item.s;
    const msg = item.o;
    const reason: DropReason | null = !rt.up ? 'crashed' : this.network.isCut(from, rt.id) ? 'partition' : null;
    if (reason) {
      this.typeStats(msg.type).dropped++;
      this.stats.messagesDropped++;
      this.emit(
        this.wantEvents
          ? {
              seq: this.seq,
              t: this.now,
              node: rt.id,
              kind: 'drop',
              from,
              msgId: item.a,
              sendSeq: item.b,
              msg,
              reason,
            }
          : null,
      );
      return;
    }
    this.typeStats(msg.type).delivered++;
    this.stats.messagesDelivered++;
    this.runStep(rt, { kind: 'deliver', from, msg, msgId: item.a }, item.b);
  }

  // ------------------------------------------------------------------ faults

  private nodeOf(id: NodeId): NodeRt {
    const rt = this.nodes.get(id);
    if (!rt) throw new UnknownNodeError(`fault names unknown node ${id}`);
    return rt;
  }

  private faultEvent(node: NodeId, fault: Fault): void {
    this.emit(
      this.wantEvents ? { seq: this.seq, t: this.now, node, kind: 'fault', faultId: fault.id, action: fault.do } : null,
    );
  }

  private applyFault(fault: Fault): void {
    const act: FaultAction = fault.do;
    if ('crash' in act) {
      const rt = this.nodeOf(act.crash);
      if (!rt.up) return;
      rt.up = false;
      this.up[rt.id] = false;
      rt.timers.clear();
      rt.ctx.now = this.now;
      this.faultEvent(rt.id, fault);
      // Volatile state and rows are lost; durable ones (and durable locks) stay.
      const deletions: TableWrite[] = [];
      for (const [name, table] of rt.db.tables) {
        if (name === LOCKS_TABLE) {
          for (const [key, row] of table)
            if (!(row as unknown as LockRow).durable) deletions.push({ table: name, key, row: null });
        } else if (!rt.db.durable.has(name)) {
          for (const key of table.keys()) deletions.push({ table: name, key, row: null });
        }
      }
      const before = rt.state;
      const fresh = rt.role.init({ ...rt.ctx, db: new DiscardDb(rt.db) }) as NodeState;
      const state: NodeState = { durable: before.durable, volatile: fresh.volatile };
      this.setState(rt, state);
      const evSeq = this.seq;
      if (deletions.length) this.commitWrites(rt, deletions);
      this.checker?.change(rt.id, STATE_TABLE, rt.id, before, state);
      this.emit(
        this.wantEvents
          ? {
              seq: evSeq,
              t: this.now,
              node: rt.id,
              kind: 'crash',
              state,
              writes: deletions.length ? deletions : undefined,
            }
          : null,
      );
      this.checker?.flush(this.now, evSeq);
    } else if ('recover' in act) {
      const rt = this.nodeOf(act.recover);
      if (rt.up) return;
      rt.up = true;
      this.up[rt.id] = true;
      this.faultEvent(rt.id, fault);
      this.runStep(rt, { kind: 'recover' });
    } else {
      if ('partition' in act) this.network.cut(act.partition.a, act.partition.b, !!act.partition.oneWay);
      else if ('heal' in act) this.network.healAll();
      else this.faults.arm(fault, 'drop' in act ? act.drop : 'delay' in act ? act.delay : act.duplicate);
      this.faultEvent(faultNode(act), fault);
    }
  }

  // ------------------------------------------------------------------ scheduler loop

  /** Items that would do nothing: they are skipped without moving the clock. */
  private isDead(item: QItem, t: Time): boolean {
    switch (item.k) {
      case 'timer':
        return !item.rt.up || item.rt.timers.get(item.s) !== item.a;
      case 'start':
      case 'request':
        return !item.rt.up;
      case 'recheck':
        return (this.checker as InvariantChecker).recheckWould(item.o, t) === 'none';
      default:
        return false;
    }
  }

  /** Simulate up to `n` more events (or to the end). Returns true when the run is finished. */
  advance(n = Infinity): boolean {
    if (this.done) return true;
    const queue = this.queue;
    const horizon = this.scenario.horizon;
    const limit = Math.min(this.maxEvents, this.stats.events + n);
    while (queue.size) {
      if (this.stats.events >= this.maxEvents) {
        this.stoppedBy = 'maxEvents';
        return this.finish();
      }
      if (this.stats.events >= limit) return false;
      const item = queue.pop() as QItem;
      const t = queue.poppedTime;
      // Dead items (a cancelled or replaced timer, a start or request at a node that is down, a stale re-check)
      // are skipped before the horizon test: a run ends at its last real event, not at a timer nobody waits for.
      if (this.isDead(item, t)) continue;
      if (t > horizon) {
        if (item.k === 'recheck') {
          // A lock still held would break its bound after the horizon: the run went quiet holding it.
          this.pendingPastHorizon = true;
          continue;
        }
        this.stoppedBy = 'horizon';
        this.now = horizon;
        return this.finish();
      }
      this.now = t;
      switch (item.k) {
        case 'start':
          this.runStep(item.rt, { kind: 'start' });
          break;
        case 'deliver':
          this.deliver(item);
          break;
        case 'timer':
          item.rt.timers.forget(item.s);
          this.runStep(item.rt, { kind: 'timer', name: item.s, data: item.o });
          break;
        case 'request':
          this.runStep(item.rt, { kind: 'request', request: item.o });
          break;
        case 'fault':
          this.applyFault(item.o);
          break;
        case 'recheck':
          (this.checker as InvariantChecker).recheck(item.o, t, this.seq);
          break;
      }
    }
    if (this.pendingPastHorizon) this.now = horizon;
    return this.finish();
  }

  private finish(): boolean {
    this.done = true;
    return true;
  }

  result(): SimResult {
    if (!this.done) this.advance();
    const endTime = this.now;
    this.world.t = endTime;
    const checker = this.checker;
    if (checker) this.stats.invariantChecks = checker.checks;
    return {
      scenario: this.scenario,
      topology: this.topology,
      events: this.events,
      initial: this.initial,
      endTime,
      stoppedBy: this.stoppedBy,
      maxEvents: this.maxEvents,
      final: this.world,
      invariants: checker ? checker.results(endTime, this.seq - 1) : [],
      locks: this.lockLog,
      stats: this.stats,
      outcomes: this.pattern.outcomes(this.world),
      hash: this.record && this.hashTrace ? traceHash(this.events) : '',
      referenceMismatches: checker ? checker.mismatches : [],
      durableTables: Object.fromEntries([...this.nodes.values()].map((rt) => [rt.id, [...rt.db.durable]])),
    };
  }
}

export function simulate(pattern: PatternDef, scenario: Scenario, opts: RunOptions = {}): SimResult {
  const run = new Run(pattern, scenario, opts);
  run.advance();
  return run.result();
}

/** The copies of a message the network lost at once: one shared (never mutated) empty list. */
const NO_COPIES: PlannedCopy[] = [];

function faultNode(act: FaultAction): NodeId {
  if ('drop' in act) return act.drop.from ?? act.drop.to ?? '*';
  if ('delay' in act) return act.delay.from ?? act.delay.to ?? '*';
  if ('duplicate' in act) return act.duplicate.from ?? act.duplicate.to ?? '*';
  return '*';
}

/**
 * The deterministic discrete-event simulator. (pattern, scenario) → one exact trace.
 *
 * Order of work inside one event: the reducer's new state is committed first (a local ACID transaction on the node's
 * own database), then its effects run one by one; a fault triggered by one of those effects (e.g. "crash the
 * coordinator after its 1st COMMIT send") takes effect at once, so the node's remaining effects are lost with it.
 */
import { EventQueue } from './heap';
import { Network } from './network';
import type { PatternDef, RoleDef, World } from './pattern';
import { createRng, type Rng } from './prng';
import { matchesEvent, matchesMsg } from './match';
import type {
  DropReason,
  Effect,
  Fault,
  FaultAction,
  Input,
  InvariantInterval,
  InvariantResult,
  LockInterval,
  Msg,
  MsgMatcher,
  NodeId,
  NodeState,
  RunStats,
  Scenario,
  StepContext,
  StopReason,
  Time,
  Topology,
  TraceEvent,
} from './types';
import type { TxReport } from './pattern';
import { traceHash } from './hash';

export interface RunOptions {
  /** Keep the full trace (default true). Batch mode (false) keeps only counters, locks and invariant results. */
  record?: boolean;
  /** Safety stop (default 2,000,000 events). */
  maxEvents?: number;
  /** Evaluate invariants (default true). */
  invariants?: boolean;
}

export interface SimResult {
  scenario: Scenario;
  topology: Topology;
  events: TraceEvent[];
  endTime: Time;
  stoppedBy: StopReason;
  final: World;
  invariants: InvariantResult[];
  locks: LockInterval[];
  stats: RunStats;
  outcomes: TxReport[];
  /** Hash of the recorded trace ('' in batch mode). */
  hash: string;
}

type QItem =
  | { k: 'start'; node: NodeId }
  | { k: 'deliver'; to: NodeRt; from: NodeId; msgId: number; sendSeq: number; msg: Msg }
  | { k: 'timer'; rt: NodeRt; name: string; gen: number; data: unknown }
  | { k: 'request'; node: NodeId; msg: Msg }
  | { k: 'fault'; fault: Fault };

interface NodeRt {
  id: NodeId;
  role: RoleDef<never, never>;
  up: boolean;
  ctx: StepContext;
  timers: Map<string, number>;
  held: Map<string, LockInterval>;
}

interface ArmedMsgFault {
  fault: Fault;
  matcher: MsgMatcher;
  remaining: number;
}

export class UnknownNodeError extends Error {}

export function simulate(pattern: PatternDef, scenario: Scenario, opts: RunOptions = {}): SimResult {
  const record = opts.record ?? true;
  const maxEvents = opts.maxEvents ?? 2_000_000;
  const checkInvariants = opts.invariants ?? true;
  const params = { ...defaultParams(pattern), ...scenario.params };
  const guards = { ...defaultGuards(pattern), ...scenario.guards };
  const topology = pattern.topology(params);
  const queue = new EventQueue<QItem>();
  const network = new Network(scenario.network, scenario.seed);
  const events: TraceEvent[] = [];
  const states: Record<NodeId, NodeState> = {};
  const up: Record<NodeId, boolean> = {};
  const nodes = new Map<NodeId, NodeRt>();
  const lockLog: LockInterval[] = [];
  const stats: RunStats = { events: 0, messagesSent: 0, messagesDelivered: 0, messagesDropped: 0, byType: {} };
  let now = 0;
  let seq = 0;
  let msgCounter = 0;
  let timerGen = 0;

  for (const n of topology.nodes) {
    const role = pattern.roles[n.role];
    if (!role) throw new Error(`pattern ${pattern.id}: node ${n.id} has unknown role ${n.role}`);
    const rng: Rng = createRng(scenario.seed, 'node:' + n.id);
    const ctx: StepContext = { now: 0, self: n.id, params, guards, topology, random: () => rng.next() };
    const rt: NodeRt = { id: n.id, role, up: true, ctx, timers: new Map(), held: new Map() };
    nodes.set(n.id, rt);
    states[n.id] = role.init(ctx);
    up[n.id] = true;
  }
  const world: World = { t: 0, states, up, params };

  // ---- invariants
  const invDefs = checkInvariants ? pattern.invariants : [];
  const invBroken: InvariantInterval[][] = invDefs.map(() => []);
  const invOpen: (InvariantInterval | null)[] = invDefs.map(() => null);
  const evalInvariants = () => {
    world.t = now;
    for (let i = 0; i < invDefs.length; i++) {
      const ok = invDefs[i].check(world);
      const open = invOpen[i];
      if (!ok && !open) {
        const iv: InvariantInterval = { from: now, fromSeq: seq - 1, to: null, toSeq: null };
        invOpen[i] = iv;
        invBroken[i].push(iv);
      } else if (ok && open) {
        open.to = now;
        open.toSeq = seq - 1;
        invOpen[i] = null;
      }
    }
  };

  // ---- fault triggers
  const onTriggers: { fault: Fault; count: number; done: boolean }[] = [];
  const armed: ArmedMsgFault[] = [];
  const needEvents = () => record || onTriggers.length > 0;

  const emit = (ev: TraceEvent) => {
    if (record) events.push(ev);
    seq++;
    stats.events++;
    if (onTriggers.length) {
      for (const tr of onTriggers) {
        if (tr.done) continue;
        const w = tr.fault.when;
        if (!('on' in w) || !matchesEvent(w.on, ev)) continue;
        tr.count++;
        if (tr.count === (w.nth ?? 1)) {
          tr.done = true;
          if (!w.delay) applyFault(tr.fault);
          else queue.push(now + w.delay, { k: 'fault', fault: tr.fault });
        }
      }
    }
  };

  const typeStats = (type: string) => (stats.byType[type] ??= { sent: 0, delivered: 0, dropped: 0 });

  const trackLocks = (rt: NodeRt) => {
    const lf = rt.role.locks;
    if (!lf) return;
    const now_ = lf(states[rt.id] as never);
    const held = rt.held;
    if (now_.length === 0 && held.size === 0) return;
    const cur = new Set(now_);
    for (const [res, iv] of held) {
      if (!cur.has(res)) {
        iv.to = now;
        iv.toSeq = seq - 1;
        held.delete(res);
      }
    }
    for (const res of now_) {
      if (!held.has(res)) {
        const iv: LockInterval = { node: rt.id, resource: res, from: now, fromSeq: seq - 1, to: null, toSeq: null };
        held.set(res, iv);
        lockLog.push(iv);
      }
    }
  };

  const afterStateChange = (rt: NodeRt) => {
    trackLocks(rt);
    if (invDefs.length) evalInvariants();
  };

  /** The trace event of a reducer step (only built when events are needed: recording or event triggers). */
  const stepEvent = (rt: NodeRt, input: Input, state: NodeState, sendSeq: number): TraceEvent => {
    switch (input.kind) {
      case 'start':
      case 'recover':
        return { seq, t: now, node: rt.id, kind: input.kind, state };
      case 'deliver':
        return {
          seq,
          t: now,
          node: rt.id,
          kind: 'deliver',
          from: input.from,
          msgId: input.msgId,
          sendSeq,
          msg: input.msg,
          state,
        };
      case 'timer':
        return { seq, t: now, node: rt.id, kind: 'timer', name: input.name, state };
      case 'request':
        return { seq, t: now, node: rt.id, kind: 'request', msg: input.request, state };
    }
  };

  const runStep = (rt: NodeRt, input: Input, sendSeq = 0) => {
    rt.ctx.now = now;
    const res = rt.role.step(states[rt.id] as never, input, rt.ctx);
    states[rt.id] = res.state as NodeState;
    if (record || onTriggers.length > 0) emit(stepEvent(rt, input, res.state as NodeState, sendSeq));
    else {
      seq++;
      stats.events++;
    }
    afterStateChange(rt);
    if (res.effects.length) applyEffects(rt, res.effects);
  };

  const applyEffects = (rt: NodeRt, effects: Effect[]) => {
    const startedUp = rt.up;
    for (const e of effects) {
      if (!rt.up || !startedUp) return; // crashed by a fault triggered by an earlier effect
      switch (e.kind) {
        case 'send':
          send(rt.id, e.to, e.msg);
          break;
        case 'setTimer': {
          const gen = ++timerGen;
          rt.timers.set(e.name, gen);
          queue.push(now + Math.max(0, e.after), { k: 'timer', rt, name: e.name, gen, data: e.data });
          break;
        }
        case 'cancelTimer':
          rt.timers.delete(e.name);
          break;
        case 'note':
          if (needEvents()) {
            emit({ seq, t: now, node: rt.id, kind: 'note', key: e.key, params: e.params, tag: e.tag });
          } else {
            seq++;
            stats.events++;
          }
          break;
      }
    }
  };

  const send = (from: NodeId, to: NodeId, msg: Msg) => {
    const toRt = nodes.get(to);
    if (!toRt) throw new UnknownNodeError(`${from} sent ${msg.type} to unknown node ${to}`);
    const msgId = ++msgCounter;
    const ts = typeStats(msg.type);
    ts.sent++;
    stats.messagesSent++;
    const plan = network.plan(from, to, now);
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
    if (armed.length) {
      for (const a of armed) {
        if (a.remaining <= 0 || !matchesMsg(a.matcher, from, to, msg.type)) continue;
        a.remaining--;
        faultId = a.fault.id;
        const act = a.fault.do;
        if ('drop' in act) {
          lost = 'fault';
          n = 0;
        } else if ('delay' in act) {
          if (!lost) {
            d0 += act.by;
            d1 += act.by;
            network.bumpFifo(from, to, now + d0);
          }
        } else if ('duplicate' in act) {
          if (!lost && n < 2) {
            d1 = d0 + Math.max(1, d0 / 2);
            n = 2;
          }
        }
        break;
      }
    }
    if (lost) {
      n = 0;
      ts.dropped++;
      stats.messagesDropped++;
    }
    const sendSeq = seq;
    if (record || onTriggers.length > 0) {
      emit({
        seq,
        t: now,
        node: from,
        kind: 'send',
        to,
        msgId,
        msg,
        copies: n === 0 ? [] : n === 1 ? [{ deliverAt: now + d0 }] : [{ deliverAt: now + d0 }, { deliverAt: now + d1 }],
        ...(lost ? { lost } : {}),
        ...(faultId ? { faultId } : {}),
      });
    } else {
      seq++;
      stats.events++;
    }
    if (n > 0) queue.push(now + d0, { k: 'deliver', to: toRt, from, msgId, sendSeq, msg });
    if (n > 1) queue.push(now + d1, { k: 'deliver', to: toRt, from, msgId, sendSeq, msg });
  };

  const applyFault = (fault: Fault) => {
    const act: FaultAction = fault.do;
    if ('crash' in act) {
      const rt = nodeOf(act.crash);
      if (!rt.up) return;
      rt.up = false;
      up[rt.id] = false;
      rt.timers.clear();
      rt.ctx.now = now;
      const s = states[rt.id];
      states[rt.id] = { durable: s.durable, volatile: rt.role.init(rt.ctx).volatile };
      if (needEvents()) emit({ seq, t: now, node: rt.id, kind: 'fault', faultId: fault.id, action: act });
      else seq++;
      if (needEvents()) emit({ seq, t: now, node: rt.id, kind: 'crash', state: states[rt.id] });
      else seq++;
      afterStateChange(rt);
    } else if ('recover' in act) {
      const rt = nodeOf(act.recover);
      if (rt.up) return;
      rt.up = true;
      up[rt.id] = true;
      if (needEvents()) emit({ seq, t: now, node: rt.id, kind: 'fault', faultId: fault.id, action: act });
      else seq++;
      runStep(rt, { kind: 'recover' });
    } else {
      if ('partition' in act) network.cut(act.partition.a, act.partition.b, !!act.partition.oneWay);
      else if ('heal' in act) network.healAll();
      else {
        const matcher = 'drop' in act ? act.drop : 'delay' in act ? act.delay : act.duplicate;
        armed.push({ fault, matcher, remaining: matcher.count ?? 1 });
      }
      if (needEvents()) emit({ seq, t: now, node: faultNode(act), kind: 'fault', faultId: fault.id, action: act });
      else seq++;
    }
  };

  const nodeOf = (id: NodeId): NodeRt => {
    const rt = nodes.get(id);
    if (!rt) throw new UnknownNodeError(`fault names unknown node ${id}`);
    return rt;
  };

  // ---- schedule: time-triggered faults first (so "crash at 0" precedes start), then starts, then the workload
  for (const f of scenario.faults) {
    if ('at' in f.when) queue.push(Math.max(0, f.when.at), { k: 'fault', fault: f });
    else onTriggers.push({ fault: f, count: 0, done: false });
  }
  for (const n of topology.nodes) queue.push(0, { k: 'start', node: n.id });
  for (const w of scenario.workload) {
    if (!nodes.has(w.node)) throw new UnknownNodeError(`workload names unknown node ${w.node}`);
    queue.push(Math.max(0, w.at), { k: 'request', node: w.node, msg: w.request });
  }

  let stoppedBy: StopReason = 'quiescent';
  const horizon = scenario.horizon;
  while (queue.size) {
    const t = queue.peekTime();
    if (t > horizon) {
      stoppedBy = 'horizon';
      now = horizon;
      break;
    }
    if (stats.events >= maxEvents) {
      stoppedBy = 'maxEvents';
      break;
    }
    const item = queue.pop() as QItem;
    // Items that do nothing (a cancelled or replaced timer, a start or request at a node that is down) leave the
    // clock where it is, so a run ends at its last real event, not at a timer nobody waits for any more.
    if (item.k === 'timer' ? !item.rt.up || item.rt.timers.get(item.name) !== item.gen : false) continue;
    if ((item.k === 'start' || item.k === 'request') && !(nodes.get(item.node) as NodeRt).up) continue;
    now = t;
    switch (item.k) {
      case 'start': {
        const rt = nodes.get(item.node) as NodeRt;
        if (!rt.up) break;
        runStep(rt, { kind: 'start' });
        break;
      }
      case 'deliver': {
        const rt = item.to;
        const reason = !rt.up ? 'crashed' : network.isCut(item.from, rt.id) ? 'partition' : null;
        if (reason) {
          const ts = typeStats(item.msg.type);
          ts.dropped++;
          stats.messagesDropped++;
          if (needEvents())
            emit({
              seq,
              t: now,
              node: rt.id,
              kind: 'drop',
              from: item.from,
              msgId: item.msgId,
              sendSeq: item.sendSeq,
              msg: item.msg,
              reason,
            });
          else {
            seq++;
            stats.events++;
          }
          break;
        }
        typeStats(item.msg.type).delivered++;
        stats.messagesDelivered++;
        runStep(rt, { kind: 'deliver', from: item.from, msg: item.msg, msgId: item.msgId }, item.sendSeq);
        break;
      }
      case 'timer': {
        const rt = item.rt;
        if (!rt.up || rt.timers.get(item.name) !== item.gen) break; // cancelled, replaced, or lost in a crash
        rt.timers.delete(item.name);
        runStep(rt, { kind: 'timer', name: item.name, data: item.data });
        break;
      }
      case 'request': {
        const rt = nodes.get(item.node) as NodeRt;
        if (!rt.up) break;
        runStep(rt, { kind: 'request', request: item.msg });
        break;
      }
      case 'fault':
        applyFault(item.fault);
        break;
    }
  }

  let endTime = now;
  // A run that went quiet while a lock is still held holds it forever: let the bounded-blocking break, if any,
  // fall inside the run (never past the horizon), so it shows on the timeline and in the verdict.
  const bound = pattern.lockBoundParam ? Number(params[pattern.lockBoundParam]) : NaN;
  if (stoppedBy === 'quiescent' && checkInvariants && Number.isFinite(bound)) {
    for (const l of lockLog) {
      if (l.to === null && l.from + bound > endTime) endTime = Math.min(horizon, l.from + bound);
    }
  }
  world.t = endTime;
  const invariants: InvariantResult[] = invDefs.map((d, i) => {
    const broken = invBroken[i];
    const open = invOpen[i];
    const final = open ? 'violated' : 'holds';
    const first = d.kind === 'always' ? broken[0] : open;
    return {
      id: d.id,
      kind: d.kind,
      broken,
      final,
      firstBreak: first ? (d.kind === 'always' ? first.from : endTime) : null,
      firstBreakSeq: first ? (d.kind === 'always' ? first.fromSeq : seq - 1) : null,
    };
  });
  if (checkInvariants && pattern.lockBoundParam) {
    invariants.push(boundedBlocking(lockLog, Number(params[pattern.lockBoundParam]), endTime, events));
  }

  return {
    scenario,
    topology,
    events,
    endTime,
    stoppedBy,
    final: world,
    invariants,
    locks: lockLog,
    stats,
    outcomes: pattern.outcomes(world),
    hash: record ? traceHash(events) : '',
  };
}

function faultNode(act: FaultAction): NodeId {
  if ('drop' in act) return act.drop.from ?? act.drop.to ?? '*';
  if ('delay' in act) return act.delay.from ?? act.delay.to ?? '*';
  if ('duplicate' in act) return act.duplicate.from ?? act.duplicate.to ?? '*';
  return '*';
}

export function defaultParams(p: PatternDef): Record<string, number | string | boolean> {
  const r: Record<string, number | string | boolean> = {};
  for (const d of p.params) r[d.key] = d.default;
  return r;
}

export function defaultGuards(p: PatternDef): Record<string, boolean> {
  const r: Record<string, boolean> = {};
  for (const g of p.guards) r[g.key] = g.default;
  return r;
}

/**
 * The generic "no blocking beyond a bound" invariant, derived from lock intervals: broken from the instant any
 * lock has been held longer than `bound` until it is released.
 */
function boundedBlocking(locks: LockInterval[], bound: number, endTime: Time, events: TraceEvent[]): InvariantResult {
  const raw = locks
    .filter((l) => (l.to ?? Infinity) - l.from > bound && l.from + bound <= endTime)
    .map((l) => ({ from: l.from + bound, to: l.to }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number | null }[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || r.from <= last.to)) {
      if (last.to !== null && (r.to === null || r.to > last.to)) last.to = r.to;
    } else merged.push({ ...r });
  }
  const seqAt = (t: number) => {
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid].t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const broken: InvariantInterval[] = merged.map((m) => ({
    from: m.from,
    fromSeq: seqAt(m.from),
    to: m.to,
    toSeq: m.to === null ? null : seqAt(m.to),
  }));
  const last = broken[broken.length - 1];
  return {
    id: 'bounded-blocking',
    kind: 'always',
    broken,
    final: last && last.to === null ? 'violated' : 'holds',
    firstBreak: broken[0]?.from ?? null,
    firstBreakSeq: broken[0]?.fromSeq ?? null,
  };
}

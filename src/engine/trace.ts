/**
 * Queries over a recorded trace, for every view: the state of each node at a cursor, the messages in flight at a
 * virtual time, invariant and lock status at a cursor. Built once per trace; each query is a binary search, so
 * seeking anywhere in a 100,000-event trace costs microseconds.
 *
 * The cursor is (pos, t): `pos` events have been applied (0 … events.length) and `t` is the virtual time shown
 * (events[pos-1].t ≤ t ≤ events[pos].t). Playback moves t and derives pos; stepping moves pos and sets t.
 */
import type { SimResult } from './simulator';
import type {
  InvariantResult,
  InvariantVerdict,
  LockInterval,
  Msg,
  NodeId,
  NodeState,
  Time,
  TraceEvent,
} from './types';

export interface Cursor {
  pos: number;
  t: Time;
}

export interface InFlight {
  sendSeq: number;
  msgId: number;
  from: NodeId;
  to: NodeId;
  msg: Msg;
  sentAt: Time;
  deliverAt: Time;
  /** 0 … 1 along the way at the cursor's time. */
  progress: number;
  /** Index of the copy (1 for a network duplicate). */
  copy: number;
  /** Will be dropped on arrival (receiver crashed / partitioned). */
  doomed: boolean;
}

export interface TraceIndex {
  result: SimResult;
  events: TraceEvent[];
  nodeIds: NodeId[];
  /** For each node: seqs of state-carrying events, ascending, and the states after them. */
  stateSeqs: Map<NodeId, number[]>;
  stateVals: Map<NodeId, NodeState[]>;
  /** Up/down changes per node: seqs and value after. */
  upSeqs: Map<NodeId, number[]>;
  upVals: Map<NodeId, boolean[]>;
  /** Message arrivals (deliver or drop events) keyed by `${sendSeq}:${copyIndex}` → arrival seq. */
  arrivalSeq: Map<string, number>;
  /** Sends sorted by seq, for in-flight queries; with their copies' deliverAt. */
  sends: Extract<TraceEvent, { kind: 'send' }>[];
  /** Largest flight duration, to bound the in-flight search range. */
  maxFlight: Time;
  endTime: Time;
}

export function indexTrace(result: SimResult): TraceIndex {
  const events = result.events;
  const nodeIds = result.topology.nodes.map((n) => n.id);
  const stateSeqs = new Map<NodeId, number[]>();
  const stateVals = new Map<NodeId, NodeState[]>();
  const upSeqs = new Map<NodeId, number[]>();
  const upVals = new Map<NodeId, boolean[]>();
  for (const id of nodeIds) {
    stateSeqs.set(id, []);
    stateVals.set(id, []);
    upSeqs.set(id, [-1]);
    upVals.set(id, [true]);
  }
  const arrivalSeq = new Map<string, number>();
  const copyCounter = new Map<number, number>();
  const sends: Extract<TraceEvent, { kind: 'send' }>[] = [];
  let maxFlight = 0;
  for (const ev of events) {
    if ('state' in ev) {
      stateSeqs.get(ev.node)?.push(ev.seq);
      stateVals.get(ev.node)?.push(ev.state);
    }
    if (ev.kind === 'crash' || ev.kind === 'recover') {
      upSeqs.get(ev.node)?.push(ev.seq);
      upVals.get(ev.node)?.push(ev.kind === 'recover');
    }
    if (ev.kind === 'send') {
      sends.push(ev);
      for (const c of ev.copies) maxFlight = Math.max(maxFlight, c.deliverAt - ev.t);
    }
    if (ev.kind === 'deliver' || ev.kind === 'drop') {
      const k = copyCounter.get(ev.sendSeq) ?? 0;
      copyCounter.set(ev.sendSeq, k + 1);
      arrivalSeq.set(`${ev.sendSeq}:${k}`, ev.seq);
    }
  }
  return {
    result,
    events,
    nodeIds,
    stateSeqs,
    stateVals,
    upSeqs,
    upVals,
    arrivalSeq,
    sends,
    maxFlight,
    endTime: result.endTime,
  };
}

/** Index of the last element ≤ x in an ascending array, or -1. */
export function lastAtOrBefore(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Number of events with time ≤ t (the pos that playback at time t shows). */
export function posAtTime(ix: TraceIndex, t: Time): number {
  const ev = ix.events;
  let lo = 0;
  let hi = ev.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ev[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A node's state after the first `pos` events (its initial state if none touched it yet). */
export function stateAt(ix: TraceIndex, node: NodeId, pos: number): NodeState | undefined {
  const seqs = ix.stateSeqs.get(node);
  const vals = ix.stateVals.get(node);
  if (!seqs || !vals) return undefined;
  const i = lastAtOrBefore(seqs, pos - 1);
  return i >= 0 ? vals[i] : undefined;
}

export function isUpAt(ix: TraceIndex, node: NodeId, pos: number): boolean {
  const seqs = ix.upSeqs.get(node);
  const vals = ix.upVals.get(node);
  if (!seqs || !vals) return true;
  return vals[lastAtOrBefore(seqs, pos - 1)];
}

/** Messages sent before the cursor that have not arrived (delivered or dropped) at it. */
export function inFlightAt(ix: TraceIndex, cur: Cursor): InFlight[] {
  const out: InFlight[] = [];
  const sends = ix.sends;
  // sends with t >= cur.t - maxFlight could still be in flight
  let lo = 0;
  let hi = sends.length;
  const tMin = cur.t - ix.maxFlight;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sends[mid].t < tMin) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sends.length; i++) {
    const s = sends[i];
    if (s.seq >= cur.pos) break;
    s.copies.forEach((c, k) => {
      const arr = ix.arrivalSeq.get(`${s.seq}:${k}`);
      if (arr !== undefined && arr < cur.pos) return;
      const span = c.deliverAt - s.t;
      const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (cur.t - s.t) / span));
      const arrEv = arr !== undefined ? ix.events[arr] : undefined;
      out.push({
        sendSeq: s.seq,
        msgId: s.msgId,
        from: s.node,
        to: s.to,
        msg: s.msg,
        sentAt: s.t,
        deliverAt: c.deliverAt,
        progress,
        copy: k,
        doomed: arrEv?.kind === 'drop',
      });
    });
  }
  return out;
}

export interface InvariantAt {
  id: string;
  kind: 'always' | 'eventually';
  verdict: InvariantVerdict;
  /** When the current status began (break start / restore), if any. */
  since: Time | null;
  /** seq of the first break, for "jump there". */
  firstBreakSeq: number | null;
  /** True when it is broken now or was at some earlier time. */
  everBroken: boolean;
}

/** Invariant status at a cursor. 'eventually' invariants that are false before the end are "undecided". */
export function invariantsAt(ix: TraceIndex, pos: number): InvariantAt[] {
  const atEnd = pos >= ix.events.length;
  const lastSeq = pos - 1;
  return ix.result.invariants.map((inv: InvariantResult) => {
    let current: (typeof inv.broken)[number] | null = null;
    let lastRestore: Time | null = null;
    let everBroken = false;
    for (const b of inv.broken) {
      if (b.fromSeq > lastSeq) break;
      everBroken = true;
      if (b.toSeq === null || b.toSeq > lastSeq) current = b;
      else lastRestore = b.to;
    }
    let verdict: InvariantVerdict;
    if (!current) verdict = 'holds';
    else if (inv.kind === 'always') verdict = 'violated';
    else verdict = atEnd ? 'violated' : 'undecided';
    return {
      id: inv.id,
      kind: inv.kind,
      verdict,
      since: current ? current.from : lastRestore,
      firstBreakSeq: inv.firstBreakSeq,
      everBroken: inv.kind === 'always' ? everBroken : everBroken && verdict === 'violated',
    };
  });
}

/** Locks held at the cursor, with how long they have been held at time t. */
export function locksAt(ix: TraceIndex, cur: Cursor): (LockInterval & { heldFor: Time })[] {
  const last = cur.pos - 1;
  return ix.result.locks
    .filter((l) => l.fromSeq <= last && (l.toSeq === null || l.toSeq > last))
    .map((l) => ({ ...l, heldFor: Math.max(0, cur.t - l.from) }));
}

/**
 * Pure derived views of a trace for the panels: per-node event lists, the event log's rows with routine events
 * collapsed, and which handler runs at the cursor. Cached per trace (WeakMap), each query a binary search.
 */
import type { HandlerDef } from '../../engine';
import type { TraceEvent } from '../../engine';

const byNodeCache = new WeakMap<readonly TraceEvent[], Map<string, number[]>>();

/** seqs of the events at each node (ascending). */
export function eventsByNode(events: readonly TraceEvent[]): Map<string, number[]> {
  let m = byNodeCache.get(events);
  if (!m) {
    m = new Map();
    for (const ev of events) {
      const list = m.get(ev.node);
      if (list) list.push(ev.seq);
      else m.set(ev.node, [ev.seq]);
    }
    byNodeCache.set(events, m);
  }
  return m;
}

/**
 * The last `n` events at `node` strictly before pos (newest first). `byNode`: the trace index's per-node seqs
 * (TraceIndex.nodeSeqs, built while the trace loads) — else they are built here, once per trace.
 */
export function recentAt(
  events: readonly TraceEvent[],
  node: string,
  pos: number,
  n: number,
  byNode: ReadonlyMap<string, readonly number[]> = eventsByNode(events),
): TraceEvent[] {
  const seqs = byNode.get(node) ?? [];
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  const out: TraceEvent[] = [];
  for (let i = lo - 1; i >= 0 && out.length < n; i--) out.push(events[seqs[i]]);
  return out;
}

/** Routine events fold into one row when the log is collapsed: plain sends, receipts, timers and starts. */
export function isRoutine(ev: TraceEvent): boolean {
  switch (ev.kind) {
    case 'start':
    case 'timer':
    case 'deliver':
      return true;
    case 'send':
      return !ev.lost && ev.copies.length <= 1 && !ev.faultId;
    default:
      return false;
  }
}

/** A log row: one event, or a run of routine events [from, to] (inclusive seqs). */
export type LogRow = { kind: 'event'; seq: number } | { kind: 'group'; from: number; to: number };

/**
 * Rows of the event log. Collapsed: each run of ≥ 2 routine events becomes a group row unless its first seq is in
 * `expanded`. `firstSeq[i]` is the first seq row i covers (ascending), for binary search.
 */
export function logRows(
  events: readonly TraceEvent[],
  collapsed: boolean,
  expanded: ReadonlySet<number>,
): { rows: LogRow[]; firstSeq: Int32Array } {
  const rows: LogRow[] = [];
  if (!collapsed) {
    const firstSeq = new Int32Array(events.length);
    for (let i = 0; i < events.length; i++) {
      rows.push({ kind: 'event', seq: i });
      firstSeq[i] = i;
    }
    return { rows, firstSeq };
  }
  let i = 0;
  while (i < events.length) {
    if (!isRoutine(events[i])) {
      rows.push({ kind: 'event', seq: i });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < events.length && isRoutine(events[j + 1])) j++;
    if (j > i && !expanded.has(i)) rows.push({ kind: 'group', from: i, to: j });
    else for (let k = i; k <= j; k++) rows.push({ kind: 'event', seq: k });
    i = j + 1;
  }
  const firstSeq = new Int32Array(rows.length);
  rows.forEach((r, k) => (firstSeq[k] = r.kind === 'event' ? r.seq : r.from));
  return { rows, firstSeq };
}

/** Index of the row that contains seq (the last row whose first seq ≤ seq), or -1. */
export function rowOfSeq(firstSeq: Int32Array, seq: number): number {
  let lo = 0;
  let hi = firstSeq.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firstSeq[mid] <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Does handler h run on this event (a delivery of one of its message types, or one of its timers)? */
export function handlerRunsOn(h: HandlerDef, role: string | undefined, ev: TraceEvent): boolean {
  if (role !== undefined && role !== h.role) return false;
  let names: string[];
  if (ev.kind === 'deliver' || ev.kind === 'request') names = [ev.msg.type];
  else if (ev.kind === 'timer') names = [ev.name, ev.name.split(':')[0]];
  else if (ev.kind === 'recover' || ev.kind === 'start') names = [ev.kind];
  else return false;
  return h.runsOn.some((r) => names.includes(r));
}

/**
 * The handler executing at the cursor: the last event before pos that ran a reducer (deliver / timer / request /
 * recover), provided it is the event right before the cursor or only its own effects (sends, notes) follow it.
 */
export function activeHandlers(
  handlers: readonly HandlerDef[],
  events: readonly TraceEvent[],
  pos: number,
  roleOf: (node: string) => string | undefined,
): Set<string> {
  const out = new Set<string>();
  for (let i = pos - 1; i >= 0; i--) {
    const ev = events[i];
    if (ev.kind === 'send' || ev.kind === 'note') continue;
    for (const h of handlers) if (handlerRunsOn(h, roleOf(ev.node), ev)) out.add(h.id);
    break;
  }
  return out;
}

/**
 * An invariant's status at the cursor, in the one vocabulary of the panel, the verdict strip and the timeline:
 * - 'holds': true now and never broken before the cursor;
 * - 'was-broken': true now, broken earlier from `from` to `to` (a window of inconsistency that closed again, e.g.
 *   while commit messages were in flight) — a window, not an alarm;
 * - 'broken': broken now, since `from` (an 'always' invariant that is false now, or an 'eventually' one still false
 *   at the end of the run);
 * - 'undecided': an 'eventually' invariant not true yet while the run goes on (since `from`).
 * Derived from the engine's broken intervals (result.invariants[].broken), by time as well as by event, so a
 * break the engine placed between events (bounded blocking) shows from its instant.
 */
export type InvStatus = 'broken' | 'undecided' | 'was-broken' | 'holds';

export interface InvView {
  id: string;
  kind: 'always' | 'eventually';
  status: InvStatus;
  /** broken / undecided: since when; was-broken: start of the last closed window. */
  from: number | null;
  /** was-broken: end of the last closed window. */
  to: number | null;
  /** seq of the event where the current (or last) break began, for "show where" (-1/none when between events). */
  fromSeq: number | null;
  /** Closed windows before the cursor ('always' only). */
  windows: number;
}

interface Interval {
  from: number;
  fromSeq: number;
  to: number | null;
  toSeq: number | null;
}

/**
 * Has the instant (its time, and seq of the first event at or after it) been reached at the cursor? A change that
 * an event makes is reached once that event is applied; one the engine placed between events (bounded blocking)
 * once the cursor's time gets there.
 */
export function reached(
  events: readonly { t: number }[],
  seq: number,
  time: number,
  cursor: { pos: number; t: number },
): boolean {
  if (seq < cursor.pos) return true;
  const atEvent = seq < events.length && events[seq].t === time;
  return atEvent ? false : time <= cursor.t;
}

/** Sort order: what is broken first, then what is not decided yet, then past windows, then what holds. */
const RANK: Record<InvStatus, number> = { broken: 0, undecided: 1, 'was-broken': 2, holds: 3 };

export function invariantViews(
  invs: readonly { id: string; kind: 'always' | 'eventually'; broken: readonly Interval[] }[],
  events: readonly { t: number }[],
  cursor: { pos: number; t: number },
): InvView[] {
  const atEnd = cursor.pos >= events.length;
  const out = invs.map((inv) => {
    // An invariant's intervals follow each other in time without overlapping (the checker opens one when it breaks
    // and closes it when it holds again), so the ones begun by the cursor are a prefix: found by binary search, not
    // by walking the tens of thousands a long run has.
    const broken = inv.broken;
    let lo = 0;
    let hi = broken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reached(events, broken[mid].fromSeq, broken[mid].from, cursor)) lo = mid + 1;
      else hi = mid;
    }
    let current: Interval | null = null;
    let last: Interval | null = null;
    let windows = lo;
    const b = lo > 0 ? broken[lo - 1] : null;
    if (b && (b.to === null || b.toSeq === null || !reached(events, b.toSeq, b.to, cursor))) {
      current = b;
      windows--;
      last = lo > 1 ? broken[lo - 2] : null;
    } else last = b;
    const v: InvView = { id: inv.id, kind: inv.kind, status: 'holds', from: null, to: null, fromSeq: null, windows };
    if (current) {
      v.status = inv.kind === 'always' || atEnd ? 'broken' : 'undecided';
      v.from = current.from;
      v.fromSeq = current.fromSeq;
    } else if (last && inv.kind === 'always') {
      // An 'eventually' invariant that became true was only "not yet", never broken.
      v.status = 'was-broken';
      v.from = last.from;
      v.to = last.to;
      v.fromSeq = last.fromSeq;
    }
    return v;
  });
  return out
    .map((v, i) => ({ v, i }))
    .sort((a, b) => RANK[a.v.status] - RANK[b.v.status] || a.i - b.i)
    .map((x) => x.v);
}

/**
 * The timeline's invariant marks: a break still open at the end of the run is an alarm (●) where it began; a
 * break that closed again is a window from its start to its end. 'eventually' invariants are marked only when
 * still false at the end (from the moment they last became false).
 */
export interface InvMark {
  id: string;
  kind: 'alarm' | 'window';
  from: number;
  fromSeq: number;
  to: number | null;
  toSeq: number | null;
}

const marksCache = new WeakMap<object, InvMark[]>();

/** Cached per invariants array (the timeline's markers and its window bands both ask, once per trace). */
export function invariantMarks(
  invs: readonly { id: string; kind: 'always' | 'eventually'; broken: readonly Interval[] }[],
): InvMark[] {
  const hit = marksCache.get(invs);
  if (hit) return hit;
  const out: InvMark[] = [];
  for (const inv of invs)
    for (const b of inv.broken) {
      const { from, fromSeq, to, toSeq } = b;
      if (to === null) out.push({ id: inv.id, kind: 'alarm', from, fromSeq, to, toSeq });
      else if (inv.kind === 'always') out.push({ id: inv.id, kind: 'window', from, fromSeq, to, toSeq });
    }
  marksCache.set(invs, out);
  return out;
}

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

/** The last `n` events at `node` strictly before pos (newest first). */
export function recentAt(events: readonly TraceEvent[], node: string, pos: number, n: number): TraceEvent[] {
  const seqs = eventsByNode(events).get(node) ?? [];
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

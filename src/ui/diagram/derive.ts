/**
 * Derived, cached facts about a trace that the diagram needs on every frame. Each is computed once per
 * TraceIndex (WeakMap) so playback only pays for binary searches.
 */
import {
  inFlightAt,
  tableHistory,
  type Msg,
  type Cursor,
  type InFlight,
  type NodeId,
  type Topology,
  type TraceEvent,
  type TraceIndex,
} from '../../engine';
import type { Selection } from '../../store/run';

export interface Pair {
  id: string;
  a: NodeId;
  b: NodeId;
  /** Declared by the pattern's topology; undeclared pairs still carry messages and get a straight path. */
  declared: boolean;
}

export function pairId(a: NodeId, b: NodeId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const pairsCache = new WeakMap<TraceIndex, Pair[]>();

/** One edge per unordered node pair: the declared ones, then every other pair a message travelled between. */
export function pairsOf(ix: TraceIndex, topo: Topology): Pair[] {
  const hit = pairsCache.get(ix);
  if (hit) return hit;
  const seen = new Map<string, Pair>();
  const ids = new Set(topo.nodes.map((n) => n.id));
  for (const e of topo.edges) {
    if (e.from === e.to || !ids.has(e.from) || !ids.has(e.to)) continue;
    const id = pairId(e.from, e.to);
    if (!seen.has(id)) seen.set(id, { id, a: e.from, b: e.to, declared: true });
  }
  // The index lists the pairs messages went between (not a walk of hundreds of thousands of sends).
  for (const [from, to] of ix.links) {
    if (from === to || !ids.has(from) || !ids.has(to)) continue;
    const id = pairId(from, to);
    if (!seen.has(id)) seen.set(id, { id, a: from, b: to, declared: false });
  }
  const out = [...seen.values()];
  pairsCache.set(ix, out);
  return out;
}

type DropEv = Extract<TraceEvent, { kind: 'drop' }>;
const dropsCache = new WeakMap<TraceIndex, Map<NodeId, DropEv[]>>();

/** Drop events per receiving node, ascending by seq (from the index's list of drops, not a walk of every event). */
export function dropsByNode(ix: TraceIndex): Map<NodeId, DropEv[]> {
  const hit = dropsCache.get(ix);
  if (hit) return hit;
  const m = new Map<NodeId, DropEv[]>();
  for (const seq of ix.kindSeqs.drop) {
    const ev = ix.events[seq];
    if (ev.kind !== 'drop') continue;
    const list = m.get(ev.node);
    if (list) list.push(ev);
    else m.set(ev.node, [ev]);
  }
  dropsCache.set(ix, m);
  return m;
}

const typesCache = new WeakMap<TraceIndex, Map<NodeId, string[]>>();

/** Message types each node sends in this run (for "crash after its next send of type X"). */
export function sendTypesByNode(ix: TraceIndex): Map<NodeId, string[]> {
  const hit = typesCache.get(ix);
  if (hit) return hit;
  const sets = new Map<NodeId, Set<string>>();
  for (const s of ix.sends) {
    const set = sets.get(s.node) ?? new Set<string>();
    set.add(s.msg.type);
    sets.set(s.node, set);
  }
  const m = new Map([...sets].map(([k, v]) => [k, [...v].sort()]));
  typesCache.set(ix, m);
  return m;
}

const flightCache = new WeakMap<TraceIndex, number>();

/** Mean flight time of the run's messages (ms): how long a drop's ✕ stays visible. */
export function meanFlight(ix: TraceIndex): number {
  const hit = flightCache.get(ix);
  if (hit !== undefined) return hit;
  let sum = 0;
  let n = 0;
  for (const s of ix.sends) {
    for (const c of s.copies) {
      sum += c.deliverAt - s.t;
      n++;
    }
  }
  const v = n ? Math.max(1, sum / n) : 10;
  flightCache.set(ix, v);
  return v;
}

let lastFlight: { ix: TraceIndex; cur: Cursor; val: InFlight[] } | null = null;

/** inFlightAt, memoized on the (index, cursor) objects so every edge of one frame shares one query. */
export function inFlight(ix: TraceIndex, cur: Cursor): InFlight[] {
  if (lastFlight && lastFlight.ix === ix && lastFlight.cur === cur) return lastFlight.val;
  const val = inFlightAt(ix, cur);
  lastFlight = { ix, cur, val };
  return val;
}

/** Nodes a selection refers to (a node, or the sender and receiver of a message / event). */
export function nodesOf(sel: Selection | null, ix: TraceIndex): NodeId[] {
  if (!sel) return [];
  if (sel.kind === 'node' || sel.kind === 'row') return [sel.node];
  if (sel.kind === 'group') return sel.nodes;
  if (sel.kind === 'fault') {
    // A fault refers to the nodes it acts on (crash / recover / partition / the ends of a message fault).
    const f = ix.result.scenario.faults.find((x) => x.id === sel.id);
    if (!f) return [];
    const a = f.do;
    if ('crash' in a) return [a.crash];
    if ('recover' in a) return [a.recover];
    if ('partition' in a) return [...a.partition.a, ...a.partition.b];
    const m = 'drop' in a ? a.drop : 'delay' in a ? a.delay : 'duplicate' in a ? a.duplicate : null;
    return m ? [m.from, m.to].filter((x): x is string => !!x) : [];
  }
  const seq = sel.kind === 'message' ? sel.sendSeq : sel.kind === 'event' ? sel.seq : -1;
  const ev = ix.events[seq];
  if (!ev) return [];
  if (ev.kind === 'send') return [ev.node, ev.to];
  if (ev.kind === 'deliver' || ev.kind === 'drop') return [ev.from, ev.node];
  return [ev.node];
}

/** The pair a message selection travels on, if any. */
export function pairOfSelection(sel: Selection | null, ix: TraceIndex): string | null {
  if (!sel) return null;
  const seq = sel.kind === 'message' ? sel.sendSeq : sel.kind === 'event' ? sel.seq : -1;
  const ev = ix.events[seq];
  if (!ev) return null;
  if (ev.kind === 'send') return pairId(ev.node, ev.to);
  if (ev.kind === 'deliver' || ev.kind === 'drop') return pairId(ev.from, ev.node);
  return null;
}

/** The sendSeq a selection refers to (message, or an event that is a send / delivery / drop). */
export function sendSeqOf(sel: Selection | null, ix: TraceIndex): number | null {
  if (!sel) return null;
  if (sel.kind === 'message') return sel.sendSeq;
  if (sel.kind !== 'event') return null;
  const ev = ix.events[sel.seq];
  if (!ev) return null;
  if (ev.kind === 'send') return ev.seq;
  if (ev.kind === 'deliver' || ev.kind === 'drop') return ev.sendSeq;
  return null;
}

const rowKeysCache = new WeakMap<Selection, { ix: TraceIndex; keys: ReadonlySet<string> }>();

/** Row fields that name the messages of a row (a transaction id, a global transaction id, a message id). */
export const LINK_FIELDS = ['tx', 'gid', 'mid'] as const;

/**
 * For a table-row selection: the ids its messages carry (`msg.tx` or `msg.mid`): the row's key and its tx / gid /
 * mid fields (from any version of the row). Null for other selections. Cached per selection object, so selectors
 * may call it on every store change.
 */
export function rowKeysOf(sel: Selection | null, ix: TraceIndex): ReadonlySet<string> | null {
  if (!sel || sel.kind !== 'row') return null;
  const hit = rowKeysCache.get(sel);
  if (hit && hit.ix === ix) return hit.keys;
  const keys = new Set<string>([sel.key]);
  const versions = tableHistory(ix, sel.node, sel.table)?.byKey.get(sel.key);
  for (const row of versions?.rows ?? []) {
    if (!row) continue;
    for (const f of LINK_FIELDS) {
      const v = row[f];
      if (typeof v === 'string' || typeof v === 'number') keys.add(String(v));
    }
  }
  rowKeysCache.set(sel, { ix, keys });
  return keys;
}

/** The sends a group selection (a tour step) highlights; null for other selections. */
export function groupSendsOf(sel: Selection | null): readonly number[] | null {
  return sel?.kind === 'group' ? sel.sends : null;
}

/** Whether a message belongs to a row selection's ids. */
export function msgOfRow(msg: Msg, keys: ReadonlySet<string> | null): boolean {
  if (!keys) return false;
  return (msg.tx !== undefined && keys.has(String(msg.tx))) || (msg.mid !== undefined && keys.has(String(msg.mid)));
}

/** Black or white text, whichever contrasts more with a fill colour (one WCAG formula, in theme.ts). */
export { textOn } from '../theme';

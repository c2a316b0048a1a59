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
  DbReader,
  InvariantResult,
  InvariantVerdict,
  LockInterval,
  Msg,
  NodeId,
  NodeState,
  NoteTag,
  Row,
  TableWrite,
  Time,
  TraceEvent,
} from './types';

/**
 * The history of one table of one node: every write in seq order (seq -1 for the initial rows), the row count after
 * each, and per key its versions. A query at a cursor is a binary search.
 */
export interface TableHistory {
  seqs: number[];
  keys: string[];
  sizes: number[];
  byKey: Map<string, { seqs: number[]; rows: (Row | null)[] }>;
  /** Keys in order of first insertion, with the seq of that insertion. */
  order: string[];
  firstSeq: number[];
}

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
  /** For each node: its tables' histories. */
  tables: Map<NodeId, Map<string, TableHistory>>;
  /** For each node: seqs of state-carrying events, ascending, and the states after them (seq -1: initial). */
  stateSeqs: Map<NodeId, number[]>;
  stateVals: Map<NodeId, NodeState[]>;
  /** Up/down changes per node: seqs and value after. */
  upSeqs: Map<NodeId, number[]>;
  upVals: Map<NodeId, boolean[]>;
  /**
   * Message arrivals (deliver or drop events): the seq of the arrival of a send's first copy, by the send's seq (-1:
   * none, or not a send). A typed array, not a map of a million keys: seeks and the garbage collector never walk it.
   */
  arrival: Int32Array;
  /** Arrivals of a send's further copies (duplicates), keyed `${sendSeq}:${copyIndex}` → arrival seq. */
  arrivalMore: Map<string, number>;
  /** Sends sorted by seq, for in-flight queries; with their copies' deliverAt. */
  sends: Extract<TraceEvent, { kind: 'send' }>[];
  /** Largest flight duration, to bound the in-flight search range. */
  maxFlight: Time;
  endTime: Time;
  /** seqs of the events at each node, ascending (a node's history in the inspector). */
  nodeSeqs: Map<NodeId, number[]>;
  /**
   * seqs of the events of the rarer kinds, ascending (views that want only faults, crashes or drops need not walk a
   * million events when a trace arrives).
   */
  kindSeqs: Record<IndexedKind, number[]>;
  /** seqs of the notes with each tag, ascending (the timeline's decisions). */
  noteSeqs: Record<NoteTag, number[]>;
  /** seqs of the sends a fault acted on (dropped, delayed, duplicated: `faultId` set), ascending. */
  faultSends: number[];
  /** Every (sender, receiver) pair that a message went between, in the order of its first message. */
  links: [NodeId, NodeId][];
}

/** The event kinds TraceIndex.kindSeqs lists. */
export const INDEXED_KINDS = ['fault', 'crash', 'recover', 'drop'] as const;
const NOTE_TAGS: readonly NoteTag[] = ['decision', 'info', 'warn', 'block', 'effect'];
export type IndexedKind = (typeof INDEXED_KINDS)[number];

export function indexTrace(result: SimResult): TraceIndex {
  const b = new IndexBuilder(result);
  b.add(result.events, 0, result.events.length);
  return b.finish();
}

/**
 * indexTrace in pieces, so the page can index a long trace in slices between frames: `add` the events in order
 * (each range once, from where the last one ended), then `finish()`.
 */
export class IndexBuilder {
  private readonly nodeIds: NodeId[];
  private readonly stateSeqs = new Map<NodeId, number[]>();
  private readonly stateVals = new Map<NodeId, NodeState[]>();
  private readonly upSeqs = new Map<NodeId, number[]>();
  private readonly upVals = new Map<NodeId, boolean[]>();
  private readonly tables = new Map<NodeId, Map<string, TableHistory>>();
  private readonly arrival: Int32Array;
  private readonly arrivalMore = new Map<string, number>();
  /** Arrivals seen so far per send (which copy the next one is). */
  private readonly copyCounter: Uint16Array;
  private readonly sends: Extract<TraceEvent, { kind: 'send' }>[] = [];
  private readonly nodeSeqs = new Map<NodeId, number[]>();
  private readonly kindSeqs = Object.fromEntries(INDEXED_KINDS.map((k) => [k, []])) as unknown as Record<
    IndexedKind,
    number[]
  >;
  private readonly noteSeqs = Object.fromEntries(NOTE_TAGS.map((k) => [k, []])) as unknown as Record<NoteTag, number[]>;
  private readonly faultSends: number[] = [];
  private readonly links: [NodeId, NodeId][] = [];
  private readonly linked = new Map<NodeId, Set<NodeId>>();
  private maxFlight = 0;
  /** Events indexed so far. */
  done = 0;

  constructor(private readonly result: SimResult) {
    this.nodeIds = result.topology.nodes.map((n) => n.id);
    this.arrival = new Int32Array(result.events.length).fill(-1);
    this.copyCounter = new Uint16Array(result.events.length);
    for (const id of this.nodeIds) {
      const init = result.initial.states[id];
      this.stateSeqs.set(id, init ? [-1] : []);
      this.stateVals.set(id, init ? [init] : []);
      this.upSeqs.set(id, [-1]);
      this.upVals.set(id, [true]);
      this.tables.set(id, new Map());
      this.nodeSeqs.set(id, []);
      for (const w of result.initial.writes[id] ?? []) addWrite(this.tables, id, w, -1);
    }
  }

  add(events: readonly TraceEvent[], from: number, to: number): void {
    const {
      stateSeqs,
      stateVals,
      upSeqs,
      upVals,
      tables,
      arrival,
      arrivalMore,
      copyCounter,
      sends,
      nodeSeqs,
      kindSeqs,
      noteSeqs,
    } = this;
    let maxFlight = this.maxFlight;
    for (let i = from; i < to; i++) {
      const ev = events[i];
      const mine = nodeSeqs.get(ev.node);
      if (mine) mine.push(ev.seq);
      else nodeSeqs.set(ev.node, [ev.seq]);
      const kind = kindSeqs[ev.kind as IndexedKind] as number[] | undefined;
      if (kind) kind.push(ev.seq);
      if (ev.kind === 'note' && ev.tag) (noteSeqs[ev.tag] as number[] | undefined)?.push(ev.seq);
      if ('state' in ev) {
        stateSeqs.get(ev.node)?.push(ev.seq);
        stateVals.get(ev.node)?.push(ev.state);
        if (ev.writes) for (const w of ev.writes) addWrite(tables, ev.node, w, ev.seq);
      }
      if (ev.kind === 'crash' || ev.kind === 'recover') {
        upSeqs.get(ev.node)?.push(ev.seq);
        upVals.get(ev.node)?.push(ev.kind === 'recover');
      }
      if (ev.kind === 'send') {
        sends.push(ev);
        if (ev.faultId) this.faultSends.push(ev.seq);
        let to = this.linked.get(ev.node);
        if (!to) this.linked.set(ev.node, (to = new Set()));
        if (!to.has(ev.to)) {
          to.add(ev.to);
          this.links.push([ev.node, ev.to]);
        }
        for (const c of ev.copies) maxFlight = Math.max(maxFlight, c.deliverAt - ev.t);
      }
      if (ev.kind === 'deliver' || ev.kind === 'drop') {
        const k = copyCounter[ev.sendSeq]++;
        if (k === 0) arrival[ev.sendSeq] = ev.seq;
        else arrivalMore.set(`${ev.sendSeq}:${k}`, ev.seq);
      }
    }
    this.maxFlight = maxFlight;
    this.done = Math.max(this.done, to);
  }

  finish(): TraceIndex {
    const r = this.result;
    return {
      result: r,
      events: r.events,
      nodeIds: this.nodeIds,
      tables: this.tables,
      stateSeqs: this.stateSeqs,
      stateVals: this.stateVals,
      upSeqs: this.upSeqs,
      upVals: this.upVals,
      arrival: this.arrival,
      arrivalMore: this.arrivalMore,
      sends: this.sends,
      maxFlight: this.maxFlight,
      endTime: r.endTime,
      nodeSeqs: this.nodeSeqs,
      kindSeqs: this.kindSeqs,
      links: this.links,
      noteSeqs: this.noteSeqs,
      faultSends: this.faultSends,
    };
  }
}

function addWrite(tables: Map<NodeId, Map<string, TableHistory>>, node: NodeId, w: TableWrite, seq: number): void {
  let byTable = tables.get(node);
  if (!byTable) {
    byTable = new Map();
    tables.set(node, byTable);
  }
  let h = byTable.get(w.table);
  if (!h) {
    h = { seqs: [], keys: [], sizes: [], byKey: new Map(), order: [], firstSeq: [] };
    byTable.set(w.table, h);
  }
  let k = h.byKey.get(w.key);
  const size = h.sizes.length ? h.sizes[h.sizes.length - 1] : 0;
  const existed = !!k && k.rows[k.rows.length - 1] !== null;
  if (!k) {
    k = { seqs: [], rows: [] };
    h.byKey.set(w.key, k);
    h.order.push(w.key);
    h.firstSeq.push(seq);
  }
  k.seqs.push(seq);
  k.rows.push(w.row);
  h.seqs.push(seq);
  h.keys.push(w.key);
  h.sizes.push(size + (w.row ? 1 : 0) - (existed ? 1 : 0));
}

/** seq of the arrival (deliver or drop) of copy `copy` of the message sent at `sendSeq`, if it arrived. */
export function arrivalSeqOf(ix: TraceIndex, sendSeq: number, copy: number): number | undefined {
  if (copy > 0) return ix.arrivalMore.get(`${sendSeq}:${copy}`);
  const a = ix.arrival[sendSeq];
  return a === undefined || a < 0 ? undefined : a;
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

/** A table's history at a node (undefined when nothing was ever written to it). */
export function tableHistory(ix: TraceIndex, node: NodeId, table: string): TableHistory | undefined {
  return ix.tables.get(node)?.get(table);
}

/** A row after the first `pos` events. */
export function rowAt(h: TableHistory | undefined, key: string, pos: number): Row | undefined {
  const k = h?.byKey.get(key);
  if (!k) return undefined;
  const i = lastAtOrBefore(k.seqs, pos - 1);
  return i >= 0 ? (k.rows[i] ?? undefined) : undefined;
}

/** Rows in the table after the first `pos` events. */
export function sizeAt(h: TableHistory | undefined, pos: number): number {
  if (!h) return 0;
  const i = lastAtOrBefore(h.seqs, pos - 1);
  return i >= 0 ? h.sizes[i] : 0;
}

/** Keys present after the first `pos` events, in order of first insertion. O(keys ever written before pos). */
export function keysAt(h: TableHistory | undefined, pos: number): string[] {
  if (!h) return [];
  const out: string[] = [];
  const n = lastAtOrBefore(h.firstSeq, pos - 1) + 1;
  for (let i = 0; i < n; i++) if (rowAt(h, h.order[i], pos) !== undefined) out.push(h.order[i]);
  return out;
}

/**
 * The `n` most recently written keys still present after the first `pos` events, newest first (a node card's
 * "newest rows"). Looks back at most `scan` writes, so its cost is bounded whatever the history.
 */
export function newestAt(h: TableHistory | undefined, pos: number, n: number, scan = 400): string[] {
  if (!h) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  let i = lastAtOrBefore(h.seqs, pos - 1);
  for (let steps = 0; i >= 0 && out.length < n && steps < scan; i--, steps++) {
    const k = h.keys[i];
    if (seen.has(k)) continue;
    seen.add(k);
    if (rowAt(h, k, pos) !== undefined) out.push(k);
  }
  return out;
}

/** A node's database as it was after the first `pos` events (`newest` looks back a bounded number of writes). */
export type DbAt = DbReader;

export function dbAt(ix: TraceIndex, node: NodeId, pos: number): DbAt {
  const t = ix.tables.get(node);
  return {
    get: <R extends Row = Row>(table: string, key: string) => rowAt(t?.get(table), key, pos) as R | undefined,
    has: (table, key) => rowAt(t?.get(table), key, pos) !== undefined,
    size: (table) => sizeAt(t?.get(table), pos),
    keys: (table) => keysAt(t?.get(table), pos),
    newest: (table, n) => newestAt(t?.get(table), pos, n),
  };
}

/** seq of the last event ≤ pos-1 that changed this node (state or rows): views of the node re-render on it. */
export function versionAt(ix: TraceIndex, node: NodeId, pos: number): number {
  const seqs = ix.stateSeqs.get(node);
  if (!seqs) return -1;
  const i = lastAtOrBefore(seqs, pos - 1);
  return i >= 0 ? seqs[i] : -2;
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
      const arr = arrivalSeqOf(ix, s.seq, k);
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

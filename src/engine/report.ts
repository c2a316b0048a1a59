/**
 * The run report (what `npm run sim -- file.json --json` prints), built from a SimResult by pure functions, and the
 * check of a report against a named scenario's Expectation. One module for the CLI, the examples test and every
 * pattern's tests, so they all judge a run by the same rules.
 */
import { LOCKS_TABLE, type Expectation, type TxOutcome } from './pattern';
import type { SimResult } from './simulator';
import type { InvariantVerdict, NodeId, StopReason, Time } from './types';

export interface InvariantReport {
  id: string;
  kind: 'always' | 'eventually';
  verdict: InvariantVerdict;
  /** First instant it broke (always) / was found false at the end (eventually); null if never. */
  firstBreak: Time | null;
  /** Whether it was ever broken during the run (even if restored later). */
  everBroken: boolean;
  /** Broken intervals [from, to] (to null: still broken at the end). */
  broken: { from: Time; to: Time | null }[];
}

export interface LockReport {
  node: NodeId;
  /** Number of lock acquisitions. */
  count: number;
  /** Longest single hold (ms); a lock still held at the end counts until the end time. */
  max: Time;
  /** Sum of all holds (ms). */
  total: Time;
  /** Locks still held when the run ended. */
  heldAtEnd: string[];
}

export interface RunReport {
  pattern: string;
  scenario: { name: string | null; title: string | null; seed: number };
  stopReason: StopReason;
  endTime: Time;
  events: number;
  transactions: { tx: string; outcome: TxOutcome; at: Record<NodeId, string>; start?: Time; end?: Time }[];
  invariants: InvariantReport[];
  messages: {
    sent: number;
    delivered: number;
    dropped: number;
    byType: Record<string, { sent: number; delivered: number; dropped: number }>;
  };
  locks: LockReport[];
  durable: Record<NodeId, unknown>;
  up: Record<NodeId, boolean>;
  traceHash: string;
}

export function buildReport(r: SimResult): RunReport {
  const s = r.scenario;
  const locks = new Map<NodeId, LockReport>();
  for (const n of r.topology.nodes) locks.set(n.id, { node: n.id, count: 0, max: 0, total: 0, heldAtEnd: [] });
  for (const l of r.locks) {
    const lr = locks.get(l.node) ?? { node: l.node, count: 0, max: 0, total: 0, heldAtEnd: [] };
    locks.set(l.node, lr);
    const held = (l.to ?? r.endTime) - l.from;
    lr.count++;
    lr.max = Math.max(lr.max, held);
    lr.total += held;
    if (l.to === null) lr.heldAtEnd.push(l.resource);
  }
  const byType = Object.fromEntries(
    Object.keys(r.stats.byType)
      .sort()
      .map((k) => [k, { ...r.stats.byType[k] }] as const),
  );
  return {
    pattern: s.pattern,
    scenario: { name: s.name ?? null, title: s.title ?? null, seed: s.seed },
    stopReason: r.stoppedBy,
    endTime: r.endTime,
    events: r.stats.events,
    transactions: r.outcomes.map((o) => ({
      tx: o.tx,
      outcome: o.outcome,
      at: { ...o.at },
      ...(o.start !== undefined ? { start: o.start } : {}),
      ...(o.end !== undefined ? { end: o.end } : {}),
    })),
    invariants: r.invariants.map((i) => ({
      id: i.id,
      kind: i.kind,
      verdict: i.final,
      firstBreak: i.firstBreak,
      everBroken: i.kind === 'always' ? i.broken.length > 0 : i.final === 'violated',
      broken: i.broken.map((b) => ({ from: b.from, to: b.to })),
    })),
    messages: {
      sent: r.stats.messagesSent,
      delivered: r.stats.messagesDelivered,
      dropped: r.stats.messagesDropped,
      byType,
    },
    locks: [...locks.values()],
    durable: Object.fromEntries(r.topology.nodes.map((n) => [n.id, durableOf(r, n.id)] as const)),
    up: Object.fromEntries(r.topology.nodes.map((n) => [n.id, r.final.up[n.id] ?? false] as const)),
    traceHash: r.hash,
  };
}

/**
 * A node's durable data at the end: its durable state's fields, and each durable table as an object keyed by row key
 * (so an expectation path reads `txs.T1.st` whether T1's record is a state field or a table row).
 */
export function durableOf(r: SimResult, node: NodeId): Record<string, unknown> {
  const st = r.final.states[node]?.durable;
  const out: Record<string, unknown> =
    st !== null && typeof st === 'object' ? { ...(st as Record<string, unknown>) } : { value: st };
  const db = r.final.db(node);
  for (const name of r.durableTables[node] ?? []) {
    if (name === LOCKS_TABLE) continue;
    const obj: Record<string, unknown> = Object.create(null);
    for (const k of db.keys(name)) obj[k] = db.get(name, k);
    out[name] = obj;
  }
  return out;
}

/** Value at a dot-separated path ("data.balance", "log.0.state") in plain data; undefined if absent. */
export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function eq(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every way the report misses the expectation, as readable lines (empty: all met). */
export function checkExpectation(rep: RunReport, exp: Expectation): string[] {
  const out: string[] = [];
  for (const [tx, want] of Object.entries(exp.outcomes ?? {})) {
    const got = rep.transactions.find((t) => t.tx === tx)?.outcome;
    if (got !== want) out.push(`transaction ${tx}: expected ${want}, got ${got ?? 'no such transaction'}`);
  }
  const inv = (id: string) => rep.invariants.find((i) => i.id === id);
  for (const [id, want] of Object.entries(exp.invariants ?? {})) {
    const got = inv(id)?.verdict;
    if (got !== want) out.push(`invariant ${id}: expected ${want}, got ${got ?? 'no such invariant'}`);
  }
  for (const id of exp.breaks ?? []) {
    const i = inv(id);
    if (!i) out.push(`invariant ${id}: expected to break, but there is no such invariant`);
    else if (!i.everBroken) out.push(`invariant ${id}: expected to break at some time, but it never broke`);
  }
  for (const id of exp.neverBreaks ?? []) {
    const i = inv(id);
    if (!i) out.push(`invariant ${id}: expected never to break, but there is no such invariant`);
    else if (i.everBroken) out.push(`invariant ${id}: expected never to break, but it broke at ${i.firstBreak} ms`);
  }
  for (const [node, checks] of Object.entries(exp.durable ?? {})) {
    for (const [path, want] of Object.entries(checks)) {
      const got = getPath(rep.durable[node], path);
      if (!eq(got, want))
        out.push(`durable ${node}.${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return out;
}

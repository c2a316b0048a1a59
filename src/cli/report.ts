/**
 * The run report of the CLI (`npm run sim -- file.json [--json]`), built from a SimResult by pure functions so the
 * examples test checks exactly what the CLI prints. Also: checking a report against a named scenario's Expectation.
 */
import type { Expectation, TxOutcome } from '../engine/pattern';
import type { SimResult } from '../engine/simulator';
import type { InvariantVerdict, NodeId, StopReason, Time } from '../engine/types';

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
  transactions: { tx: string; outcome: TxOutcome; at: Record<NodeId, string> }[];
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
    transactions: r.outcomes.map((o) => ({ tx: o.tx, outcome: o.outcome, at: { ...o.at } })),
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
    durable: Object.fromEntries(r.topology.nodes.map((n) => [n.id, r.final.states[n.id]?.durable] as const)),
    up: Object.fromEntries(r.topology.nodes.map((n) => [n.id, r.final.up[n.id] ?? false] as const)),
    traceHash: r.hash,
  };
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

const ms = (t: number | null) => (t === null ? '—' : `${+t.toFixed(3)} ms`);

/** The human summary the CLI prints. */
export function formatReport(rep: RunReport): string {
  const L: string[] = [];
  const name = rep.scenario.name ?? '(unnamed)';
  L.push(`pattern   ${rep.pattern}`);
  L.push(`scenario  ${name}${rep.scenario.title ? ` — ${rep.scenario.title}` : ''} (seed ${rep.scenario.seed})`);
  L.push(`stopped   ${rep.stopReason} at ${ms(rep.endTime)} after ${rep.events} events`);
  L.push('');
  L.push('transactions');
  if (rep.transactions.length === 0) L.push('  (none reported)');
  for (const t of rep.transactions) {
    const at = Object.entries(t.at)
      .map(([n, s]) => `${n}=${s}`)
      .join(' ');
    L.push(`  ${t.tx.padEnd(10)} ${t.outcome.padEnd(13)} ${at}`);
  }
  L.push('');
  L.push('invariants');
  for (const i of rep.invariants) {
    const extra = i.everBroken
      ? `first break ${ms(i.firstBreak)}${i.kind === 'always' ? `, ${i.broken.length} window(s)` : ''}`
      : 'never broken';
    L.push(`  ${i.id.padEnd(22)} ${i.kind.padEnd(10)} ${i.verdict.padEnd(9)} ${extra}`);
  }
  L.push('');
  L.push(`messages  sent ${rep.messages.sent}, delivered ${rep.messages.delivered}, dropped ${rep.messages.dropped}`);
  for (const [type, c] of Object.entries(rep.messages.byType)) {
    L.push(
      `  ${type.padEnd(14)} sent ${String(c.sent).padStart(5)}  delivered ${String(c.delivered).padStart(5)}  dropped ${String(c.dropped).padStart(5)}`,
    );
  }
  L.push('');
  L.push('lock holds (per node)');
  for (const l of rep.locks) {
    if (l.count === 0) continue;
    const still = l.heldAtEnd.length ? `  still held: ${l.heldAtEnd.join(', ')}` : '';
    L.push(
      `  ${l.node.padEnd(10)} ${String(l.count).padStart(4)} holds  max ${ms(l.max)}  total ${ms(l.total)}${still}`,
    );
  }
  if (rep.locks.every((l) => l.count === 0)) L.push('  (no locks taken)');
  L.push('');
  L.push('final durable state');
  for (const [node, d] of Object.entries(rep.durable)) {
    L.push(`  ${node}${rep.up[node] ? '' : ' (down)'}: ${JSON.stringify(d)}`);
  }
  L.push('');
  L.push(`trace hash ${rep.traceHash}`);
  return L.join('\n');
}

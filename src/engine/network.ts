/**
 * The network model: per-link latency distributions, loss, duplication, reordering, partitions.
 * Each directed link draws from its own seeded stream, always the same number of draws per message, so what
 * happens on one link never depends on traffic elsewhere.
 */
import { createRng, type Rng } from './prng';
import type { Dist, LinkKind, LinkSpec, NetworkSpec, NodeId, TopologyEdge } from './types';

export function sampleDist(d: Dist, rng: Rng): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'exponential': {
      const u = rng.next();
      return Math.max(d.min ?? 0, -Math.log(1 - u) * d.mean);
    }
    case 'normal': {
      // Box–Muller, one value per call (two uniforms), clipped below.
      const u1 = rng.next() || 1e-12;
      const u2 = rng.next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.max(d.min ?? 0, d.mean + d.sd * z);
    }
  }
}

export function distMean(d: Dist): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
      return d.mean;
  }
}

export interface LinkPlan {
  lost: boolean;
  /** How many copies will be delivered: 0 (lost), 1, or 2 (duplicated). */
  copies: number;
  /** Delay from now of the first copy (when copies ≥ 1). */
  first: number;
  /** Delay from now of the second copy (when copies = 2). */
  second: number;
  /** May overtake earlier messages on this link. */
  reorder: boolean;
}

/** A directed link's state: what `link()` hands out for a sender to keep (plan() then needs no lookup). */
export interface LinkState {
  spec: LinkSpec;
  rng: Rng;
  lastDeliverAt: number;
  /** FIFO (a stream) or independent calls (rpc). */
  fifo: boolean;
}

export class Network {
  private links = new Map<NodeId, Map<NodeId, LinkState>>();
  private cuts: { a: Set<NodeId>; b: Set<NodeId>; oneWay: boolean }[] = [];
  private out: LinkPlan = { lost: false, copies: 0, first: 0, second: 0, reorder: false };

  /** Link kinds from the topology's edges, by "from\0to" (both directions of an edge). */
  private kinds = new Map<string, LinkKind>();

  constructor(
    private spec: NetworkSpec,
    private seed: number,
    edges: readonly TopologyEdge[] = [],
  ) {
    for (const e of edges) {
      if (!e.kind) continue;
      this.kinds.set(e.from + '\u0000' + e.to, e.kind);
      this.kinds.set(e.to + '\u0000' + e.from, e.kind);
    }
  }

  /** The kind of the link from → to: a scenario override, else its topology edge's, else a stream. */
  kindOf(from: NodeId, to: NodeId): LinkKind {
    return this.link(from, to).fifo ? 'stream' : 'rpc';
  }

  /** The directed link from → to, made on first use (its random stream is named by its ends, so order is moot). */
  link(from: NodeId, to: NodeId): LinkState {
    let byTo = this.links.get(from);
    if (!byTo) {
      byTo = new Map();
      this.links.set(from, byTo);
    }
    let l = byTo.get(to);
    if (!l) {
      const key = from + '\u0000' + to;
      let spec = this.spec.default;
      for (const o of this.spec.links ?? []) {
        if ((o.from === from && o.to === to) || (o.both && o.from === to && o.to === from)) {
          spec = { ...spec, ...stripEnds(o) };
        }
      }
      const kind = spec.kind ?? this.kinds.get(key) ?? 'stream';
      l = { spec, rng: createRng(this.seed, 'link:' + key), lastDeliverAt: -Infinity, fifo: kind === 'stream' };
      byTo.set(to, l);
    }
    return l;
  }

  /**
   * Plan a message's fate. Always draws five numbers plus the latency samples from the link's stream.
   * Returns a shared object that the next call overwrites (no allocation per message): read it at once.
   */
  plan(l: LinkState, now: number): LinkPlan {
    const { spec, rng } = l;
    const out = this.out;
    const lossU = rng.next();
    const dupU = rng.next();
    const reorderU = rng.next();
    const d1 = sampleDist(spec.latency, rng);
    const d2 = sampleDist(spec.latency, rng);
    const reorder = !l.fifo || reorderU < spec.reorder;
    out.reorder = reorder;
    if (lossU < spec.loss) {
      out.lost = true;
      out.copies = 0;
      return out;
    }
    let first = d1;
    if (!reorder) {
      // FIFO link: never overtake what was sent before on it.
      first = Math.max(first, l.lastDeliverAt - now);
      l.lastDeliverAt = now + first;
    }
    out.lost = false;
    out.first = first;
    if (dupU < spec.duplicate) {
      out.copies = 2;
      out.second = first + d2;
    } else out.copies = 1;
    return out;
  }

  /**
   * Note a delivery time chosen outside plan() (a delayed message). On a stream the messages behind it wait for it
   * (FIFO); on an rpc link a delay holds back only the message it names.
   */
  bumpFifo(l: LinkState, deliverAt: number): void {
    if (l.fifo && deliverAt > l.lastDeliverAt) l.lastDeliverAt = deliverAt;
  }

  cut(a: NodeId[], b: NodeId[], oneWay: boolean): void {
    this.cuts.push({ a: new Set(a), b: new Set(b), oneWay });
  }

  healAll(): void {
    this.cuts = [];
  }

  isCut(from: NodeId, to: NodeId): boolean {
    for (const c of this.cuts) {
      if (c.a.has(from) && c.b.has(to)) return true;
      if (!c.oneWay && c.b.has(from) && c.a.has(to)) return true;
    }
    return false;
  }
}

function stripEnds(o: Partial<LinkSpec> & { from?: unknown; to?: unknown; both?: unknown }): Partial<LinkSpec> {
  const r: Partial<LinkSpec> = {};
  if (o.latency) r.latency = o.latency;
  if (o.loss !== undefined) r.loss = o.loss;
  if (o.duplicate !== undefined) r.duplicate = o.duplicate;
  if (o.reorder !== undefined) r.reorder = o.reorder;
  if (o.kind !== undefined) r.kind = o.kind;
  return r;
}

/**
 * Incremental invariant checking (DESIGN.md "Scale"; TigerBeetle's state checker checks only the transition a replica
 * just made). Each invariant declares what it depends on (InvariantWatch): the checker routes every change of a step
 * to the invariants that watch its table, re-checks only the keys it maps to (or adds its delta to a running total),
 * and records the intervals during which an invariant did not hold. The whole-world `reference` check is run only
 * in reference mode (tests), where any disagreement is reported.
 */
import type { Change, InvariantDef, KeyVerdict, World } from './pattern';
import type { InvariantInterval, InvariantResult, NodeId, Time } from './types';

interface KeyState {
  kind: 'key';
  i: number;
  def: InvariantDef;
  keyOf: (c: Change) => string | readonly string[] | null | undefined;
  check: (w: World, key: string) => KeyVerdict;
  bad: Set<string>;
  dirty: DirtyKeys;
  queued: boolean;
  /** The earliest re-check queued per key (a later one for the same key would only repeat it); made when needed. */
  due: Map<string, Time> | null;
}

interface TotalState {
  kind: 'total';
  i: number;
  def: InvariantDef;
  value: (node: NodeId, table: string, row: unknown, key: string) => number;
  ok: (total: number, w: World) => boolean;
  total: number;
  changed: boolean;
  queued: boolean;
}

type Watcher = KeyState | TotalState;

/** The invariants watching one table (opaque outside the checker). */
export type Watchers = readonly Watcher[];

/**
 * The keys a step touched for one invariant, in first-touch order, without repeats. A step touches a few keys, so
 * they sit in a list deduplicated by scanning; a big step (a recovery pass) adds a Set. (A Set cleared after every
 * event allocates a new table each time.)
 */
class DirtyKeys {
  keys: string[] = [];
  length = 0;
  private set: Set<string> | null = null;

  add(k: string): void {
    const keys = this.keys;
    if (this.set !== null) {
      if (this.set.has(k)) return;
      this.set.add(k);
    } else {
      for (let i = 0; i < this.length; i++) if (keys[i] === k) return;
      if (this.length >= 16) this.set = new Set(keys.slice(0, this.length)).add(k);
    }
    keys[this.length++] = k;
  }

  clear(): void {
    if (this.length > 64) this.keys = [];
    this.length = 0;
    this.set = null;
  }
}

export interface Recheck {
  inv: number;
  key: string;
}

export class InvariantChecker {
  private watchers: Watcher[];
  private byTable = new Map<string, Watcher[]>();
  private holds: boolean[];
  private broken: InvariantInterval[][];
  private open: (InvariantInterval | null)[];
  /**
   * The watchers this event touched, each once (its `queued` flag), the first `nTouched` entries: a count rather
   * than `length = 0`, which is a runtime call, once per event.
   */
  private touched: Watcher[] = [];
  private nTouched = 0;
  /** Number of per-key checks and total evaluations run (the cost counter tests compare across history sizes). */
  checks = 0;
  mismatches: string[] = [];

  constructor(
    defs: readonly InvariantDef[],
    private world: World,
    /** Called when a key check asks to be looked at again at a later time. */
    private schedule: (at: Time, r: Recheck) => void,
    private reference = false,
  ) {
    this.watchers = defs.map((def, i): Watcher => {
      const w = def.watch;
      return w.by === 'key'
        ? {
            kind: 'key',
            i,
            def,
            keyOf: w.keyOf,
            check: w.check,
            bad: new Set(),
            dirty: new DirtyKeys(),
            queued: false,
            due: null,
          }
        : { kind: 'total', i, def, value: w.value, ok: w.ok, total: 0, changed: true, queued: false };
    });
    for (const w of this.watchers) {
      for (const t of w.def.watch.tables) {
        let list = this.byTable.get(t);
        if (!list) {
          list = [];
          this.byTable.set(t, list);
        }
        list.push(w);
      }
    }
    this.holds = defs.map(() => true);
    this.broken = defs.map(() => []);
    this.open = defs.map(() => null);
    // Totals start from nothing; initial rows arrive as changes. Every total is evaluated once at the first flush.
    for (const w of this.watchers) if (w.kind === 'total') this.touch(w);
  }

  private touch(w: Watcher): void {
    if (w.queued) return;
    w.queued = true;
    this.touched[this.nTouched++] = w;
  }

  get size(): number {
    return this.watchers.length;
  }

  /** One Change object, reused: invariants read it during keyOf / value and must not keep it. */
  private scratch: Change = { node: '', table: '', key: '', before: undefined, after: undefined };

  /** The invariants that watch `table` (null: none, so its changes need not be reported, nor their before-rows). */
  watchersOf(table: string): Watchers | null {
    return this.byTable.get(table) ?? null;
  }

  /** Route one change to the invariants that watch its table. */
  change(node: NodeId, table: string, key: string, before: unknown, after: unknown): void {
    const list = this.byTable.get(table);
    if (list) this.changeFor(list, node, table, key, before, after);
  }

  /** `change`, for a caller that holds the table's watchers (watchersOf). */
  changeFor(list: Watchers, node: NodeId, table: string, key: string, before: unknown, after: unknown): void {
    const c = this.scratch;
    c.node = node;
    c.table = table;
    c.key = key;
    c.before = before;
    c.after = after;
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (w.kind === 'key') {
        const k = w.keyOf(c);
        if (k === null || k === undefined) continue;
        if (typeof k === 'string') w.dirty.add(k);
        else for (const kk of k) w.dirty.add(kk);
        if (w.dirty.length) this.touch(w);
      } else {
        const before = c.before === undefined ? 0 : w.value(c.node, c.table, c.before, c.key);
        const after = c.after === undefined ? 0 : w.value(c.node, c.table, c.after, c.key);
        if (before !== after) {
          w.total += after - before;
          w.changed = true;
          this.touch(w);
        }
      }
    }
  }

  /** Re-check what this event touched and update the intervals. `seq`: the event the verdicts follow. */
  flush(now: Time, seq: number): void {
    const touched = this.touched;
    const n = this.nTouched;
    if (n) {
      this.world.t = now;
      for (let i = 0; i < n; i++) {
        const w = touched[i];
        if (w.kind === 'key') {
          const dirty = w.dirty;
          if (!dirty.length) continue;
          for (let j = 0; j < dirty.length; j++) this.checkKey(w, dirty.keys[j], now);
          dirty.clear();
        } else if (w.changed) {
          w.changed = false;
          this.checks++;
          this.setHolds(w.i, w.ok(w.total, this.world), now, seq);
        }
      }
      for (let i = 0; i < n; i++) {
        const w = touched[i];
        w.queued = false;
        if (w.kind === 'key') this.setHolds(w.i, w.bad.size === 0, now, seq);
      }
      this.nTouched = 0;
    }
    if (this.reference) this.compare(now);
  }

  private checkKey(w: KeyState, key: string, now: Time): void {
    this.checks++;
    const v = w.check(this.world, key);
    const ok = typeof v === 'boolean' ? v : v.ok;
    // Most keys hold and most invariants have no bad key: skip hashing the key into an empty set.
    if (ok) {
      if (w.bad.size !== 0) w.bad.delete(key);
    } else w.bad.add(key);
    if (typeof v !== 'boolean' && v.recheckAt !== undefined && v.recheckAt > now) this.recheckAt(w, key, v.recheckAt);
  }

  /**
   * Queue a re-check of `key` at `at`, unless one at or before `at` is queued already: that one re-checks and asks
   * again for the later time if it still matters. (A lock taken again, or held by the next transaction, asked for
   * a second and a third re-check of the same deadline: 19 checks per 2PC transaction for 3 lock intervals.)
   */
  private recheckAt(w: KeyState, key: string, at: Time): void {
    const due = (w.due ??= new Map());
    const cur = due.get(key);
    if (cur !== undefined && cur <= at) return;
    due.set(key, at);
    this.schedule(at, { inv: w.i, key });
  }

  /**
   * What a time-triggered re-check at `at` would do: change the verdict, only ask to look again later (then it is
   * re-scheduled here), or nothing (a stale one: the lock was released). Only a change is an instant of the run that
   * moves the clock.
   */
  recheckWould(r: Recheck, at: Time): 'change' | 'none' {
    const w = this.watchers[r.inv] as KeyState;
    // Superseded by an earlier re-check of the key (recheckAt), which did whatever this one would.
    if (w.due?.get(r.key) !== at) return 'none';
    w.due.delete(r.key);
    this.world.t = at;
    const v = w.check(this.world, r.key);
    const ok = typeof v === 'boolean' ? v : v.ok;
    if (ok === w.bad.has(r.key)) return 'change';
    if (typeof v !== 'boolean' && v.recheckAt !== undefined && v.recheckAt > at) this.recheckAt(w, r.key, v.recheckAt);
    return 'none';
  }

  /** A time-triggered re-check (between events: `nextSeq` is the index of the next event). */
  recheck(r: Recheck, now: Time, nextSeq: number): void {
    const w = this.watchers[r.inv] as KeyState;
    this.world.t = now;
    this.checkKey(w, r.key, now);
    this.setHolds(r.inv, w.bad.size === 0, now, nextSeq);
  }

  private setHolds(i: number, ok: boolean, now: Time, seq: number): void {
    if (ok === this.holds[i]) return;
    this.holds[i] = ok;
    if (!ok) {
      const iv: InvariantInterval = { from: now, fromSeq: seq, to: null, toSeq: null };
      this.open[i] = iv;
      this.broken[i].push(iv);
    } else {
      const iv = this.open[i] as InvariantInterval;
      iv.to = now;
      iv.toSeq = seq;
      this.open[i] = null;
    }
  }

  private compare(now: Time): void {
    for (let i = 0; i < this.watchers.length; i++) {
      const ref = this.watchers[i].def.reference(this.world);
      if (ref !== this.holds[i]) {
        this.mismatches.push(`${this.watchers[i].def.id} at ${now} ms: incremental ${this.holds[i]}, reference ${ref}`);
      }
    }
  }

  results(endTime: Time, lastSeq: number): InvariantResult[] {
    return this.watchers.map((w, i) => {
      const d = w.def;
      const broken = this.broken[i];
      const open = this.open[i];
      const first = d.kind === 'always' ? broken[0] : open;
      return {
        id: d.id,
        kind: d.kind,
        broken,
        final: open ? 'violated' : 'holds',
        firstBreak: first ? (d.kind === 'always' ? first.from : endTime) : null,
        firstBreakSeq: first ? (d.kind === 'always' ? first.fromSeq : lastSeq) : null,
      };
    });
  }
}

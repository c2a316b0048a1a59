/**
 * Node databases: named tables of plain rows, per node. A table is a Map (no inherited keys: a transaction called
 * "constructor" is an ordinary key), so a step touches only the rows it reads or writes, whatever the history.
 *
 * A step sees its node's tables through a StepDb: reads see the step's own writes; at commit the writes are applied
 * and handed back (for the trace, the invariant checkers and the lock log).
 */
import type { Db, DbReader, Row, TableWrite } from './types';

export class NodeDb implements DbReader {
  readonly tables = new Map<string, Map<string, Row>>();

  constructor(readonly durable: ReadonlySet<string>) {}

  table(name: string): Map<string, Row> {
    let t = this.tables.get(name);
    if (!t) {
      t = new Map();
      this.tables.set(name, t);
    }
    return t;
  }

  /** The table the last read found, by name: reads come in runs on one table (a check reads it at every node). */
  private lastName = '';
  private lastTable: Map<string, Row> | undefined = undefined;

  private find(name: string): Map<string, Row> | undefined {
    if (name === this.lastName) return this.lastTable;
    const t = this.tables.get(name);
    // A table that does not exist yet is not remembered: its first write makes it.
    if (t !== undefined) {
      this.lastName = name;
      this.lastTable = t;
    }
    return t;
  }

  get<R extends Row = Row>(table: string, key: string): R | undefined {
    return this.find(table)?.get(key) as R | undefined;
  }

  has(table: string, key: string): boolean {
    return this.find(table)?.has(key) ?? false;
  }

  size(table: string): number {
    return this.tables.get(table)?.size ?? 0;
  }

  keys(table: string): Iterable<string> {
    return this.tables.get(table)?.keys() ?? [];
  }

  /** Newest by insertion order (a rewrite of an existing key does not move it): O(rows), for reports and tests. */
  newest(table: string, n: number): string[] {
    const all = [...this.keys(table)];
    return all.slice(Math.max(0, all.length - n)).reverse();
  }
}

const ABSENT = null;

/** Past this many distinct rows written in one step, lookups go through a Map instead of a scan. */
const SCAN_MAX = 8;

/**
 * The step's view of a node's database: an overlay of this step's writes on the committed tables.
 *
 * A step writes a handful of rows, so the overlay is a flat list (table, key, row) scanned from the start, and a
 * step that writes many (a recovery pass) gets a Map index once it passes SCAN_MAX rows: no per-step Map clearing
 * and one string compare per written row on a read.
 */
export class StepDb implements Db {
  private tbl: string[] = [];
  private key: string[] = [];
  /** null: deleted in this step. */
  private row: (Row | null)[] = [];
  /** Distinct (table, key) pairs written in this step, in first-write order. */
  private n = 0;
  /** "table\0key" → slot, built when a step writes more than SCAN_MAX rows. */
  private index: Map<string, number> | null = null;

  constructor(private base: NodeDb) {}

  /** Start a new step (reuses the object and its lists: no allocation per step). */
  reset(base: NodeDb): void {
    this.base = base;
    if (this.n) {
      if (this.n > 64) {
        // Let a big step's rows go rather than keep them alive until the slots are reused.
        this.tbl.length = 0;
        this.key.length = 0;
        this.row.length = 0;
      }
      this.n = 0;
      this.index = null;
    }
  }

  private find(table: string, key: string): number {
    if (this.index !== null) return this.index.get(table + '\u0000' + key) ?? -1;
    const keys = this.key;
    const tbl = this.tbl;
    for (let i = 0; i < this.n; i++) if (keys[i] === key && tbl[i] === table) return i;
    return -1;
  }

  get<R extends Row = Row>(table: string, key: string): R | undefined {
    if (this.n) {
      const i = this.find(table, key);
      if (i >= 0) return (this.row[i] ?? undefined) as R | undefined;
    }
    return this.base.get<R>(table, key);
  }

  has(table: string, key: string): boolean {
    return this.get(table, key) !== undefined;
  }

  size(table: string): number {
    let n = this.base.size(table);
    for (let i = 0; i < this.n; i++) {
      if (this.tbl[i] !== table) continue;
      n += (this.row[i] ? 1 : 0) - (this.base.has(table, this.key[i]) ? 1 : 0);
    }
    return n;
  }

  keys(table: string): Iterable<string> {
    let mine = false;
    for (let i = 0; i < this.n && !mine; i++) mine = this.tbl[i] === table;
    if (!mine) return this.base.keys(table);
    const out: string[] = [];
    for (const k of this.base.keys(table)) if (this.has(table, k)) out.push(k);
    for (let i = 0; i < this.n; i++) {
      if (this.tbl[i] === table && this.row[i] && !this.base.has(table, this.key[i])) out.push(this.key[i]);
    }
    return out;
  }

  newest(table: string, n: number): string[] {
    return this.base.newest(table, n);
  }

  put(table: string, key: string, row: Row): void {
    this.write(table, key, row);
  }

  del(table: string, key: string): void {
    if (this.has(table, key)) this.write(table, key, ABSENT);
  }

  private write(table: string, key: string, row: Row | null): void {
    const i = this.n ? this.find(table, key) : -1;
    if (i >= 0) {
      this.row[i] = row;
      return;
    }
    const j = this.n++;
    this.tbl[j] = table;
    this.key[j] = key;
    this.row[j] = row;
    if (this.index !== null) this.index.set(table + '\u0000' + key, j);
    else if (this.n > SCAN_MAX) {
      const index = new Map<string, number>();
      for (let k = 0; k < this.n; k++) index.set(this.tbl[k] + '\u0000' + this.key[k], k);
      this.index = index;
    }
  }

  /** Whether this step wrote anything. */
  get dirty(): boolean {
    return this.n > 0;
  }

  /**
   * Visit the slots in commit order: by table in first-write order, then by row in first-write order (the last
   * value of each key). Allocation-free for a usual step (a few rows); a big one groups through a Map.
   */
  private visit(f: (i: number) => void): void {
    const tbl = this.tbl;
    const n = this.n;
    if (n > 32) {
      const byTable = new Map<string, number[]>();
      for (let i = 0; i < n; i++) {
        const list = byTable.get(tbl[i]);
        if (list) list.push(i);
        else byTable.set(tbl[i], [i]);
      }
      for (const list of byTable.values()) for (const i of list) f(i);
      return;
    }
    outer: for (let i = 0; i < n; i++) {
      const t = tbl[i];
      for (let j = 0; j < i; j++) if (tbl[j] === t) continue outer;
      f(i);
      for (let k = i + 1; k < n; k++) if (tbl[k] === t) f(k);
    }
  }

  private sink: ((table: string, key: string, row: Row | null) => void) | null = null;
  /** forEach's visitor, made once: a closure made per call was the commit path's one allocation per step. */
  private readonly toSink = (i: number): void => {
    (this.sink as (table: string, key: string, row: Row | null) => void)(this.tbl[i], this.key[i], this.row[i]);
  };

  /** Visit the step's writes in commit order. */
  forEach(f: (table: string, key: string, row: Row | null) => void): void {
    this.sink = f;
    this.visit(this.toSink);
    this.sink = null;
  }

  /** The step's writes as a list (for the trace), in commit order, allocated at its exact length. */
  writes(): TableWrite[] {
    const out = new Array<TableWrite>(this.n);
    let j = 0;
    this.visit((i) => {
      out[j++] = { table: this.tbl[i], key: this.key[i], row: this.row[i] };
    });
    return out;
  }
}

/** A Db whose writes go nowhere (a crash re-initialises volatile state through init(); its rows are not re-seeded). */
export class DiscardDb implements Db {
  constructor(private base: DbReader) {}
  get<R extends Row = Row>(table: string, key: string): R | undefined {
    return this.base.get<R>(table, key);
  }
  has(table: string, key: string): boolean {
    return this.base.has(table, key);
  }
  size(table: string): number {
    return this.base.size(table);
  }
  keys(table: string): Iterable<string> {
    return this.base.keys(table);
  }
  newest(table: string, n: number): string[] {
    return this.base.newest(table, n);
  }
  put(): void {}
  del(): void {}
}

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

  get<R extends Row = Row>(table: string, key: string): R | undefined {
    return this.tables.get(table)?.get(key) as R | undefined;
  }

  has(table: string, key: string): boolean {
    return this.tables.get(table)?.has(key) ?? false;
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

/** The step's view of a node's database: an overlay of this step's writes on the committed tables. */
export class StepDb implements Db {
  /** table → key → row (null: deleted in this step), in first-write order. Inner maps are kept between steps. */
  private over = new Map<string, Map<string, Row | null>>();
  /** Tables written in this step, in first-write order. */
  private used: string[] = [];
  private n = 0;

  constructor(private base: NodeDb) {}

  /** Start a new step (reuses the object and its maps: no allocation per step when nothing is written). */
  reset(base: NodeDb): void {
    this.base = base;
    if (this.n) {
      for (let i = 0; i < this.used.length; i++) (this.over.get(this.used[i]) as Map<string, Row | null>).clear();
      this.used.length = 0;
      this.n = 0;
    }
  }

  get<R extends Row = Row>(table: string, key: string): R | undefined {
    if (this.n) {
      const o = this.over.get(table);
      if (o !== undefined && o.has(key)) return (o.get(key) ?? undefined) as R | undefined;
    }
    return this.base.get<R>(table, key);
  }

  has(table: string, key: string): boolean {
    return this.get(table, key) !== undefined;
  }

  size(table: string): number {
    let n = this.base.size(table);
    const o = this.n ? this.over.get(table) : undefined;
    if (o !== undefined) for (const [k, r] of o) n += (r ? 1 : 0) - (this.base.has(table, k) ? 1 : 0);
    return n;
  }

  keys(table: string): Iterable<string> {
    const o = this.n ? this.over.get(table) : undefined;
    if (o === undefined || o.size === 0) return this.base.keys(table);
    const out: string[] = [];
    for (const k of this.base.keys(table)) if (this.has(table, k)) out.push(k);
    for (const [k, r] of o) if (r && !this.base.has(table, k)) out.push(k);
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
    let o = this.over.get(table);
    if (o === undefined) {
      o = new Map();
      this.over.set(table, o);
    }
    if (o.size === 0) this.used.push(table);
    o.set(key, row);
    this.n++;
  }

  /** Whether this step wrote anything. */
  get dirty(): boolean {
    return this.n > 0;
  }

  /** Visit the step's writes, in first-write order (the last value of each key). */
  forEach(f: (table: string, key: string, row: Row | null) => void): void {
    for (let i = 0; i < this.used.length; i++) {
      const table = this.used[i];
      for (const [key, row] of this.over.get(table) as Map<string, Row | null>) f(table, key, row);
    }
  }

  /**
   * The step's writes as a list (for the trace), allocated at its exact length: a list grown by push keeps room for
   * 17 entries, and a recorded run keeps one list per writing step.
   */
  writes(): TableWrite[] {
    const used = this.used;
    let count = 0;
    for (let i = 0; i < used.length; i++) count += (this.over.get(used[i]) as Map<string, Row | null>).size;
    const out = new Array<TableWrite>(count);
    let j = 0;
    for (let i = 0; i < used.length; i++) {
      const table = used[i];
      for (const [key, row] of this.over.get(table) as Map<string, Row | null>) out[j++] = { table, key, row };
    }
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

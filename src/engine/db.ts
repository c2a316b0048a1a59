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
}

const ABSENT = null;

/** The step's view of a node's database: an overlay of this step's writes on the committed tables. */
export class StepDb implements Db {
  /** table → key → row (null: deleted in this step), in first-write order. */
  private over = new Map<string, Map<string, Row | null>>();
  private delta = new Map<string, number>();
  private n = 0;

  constructor(private base: NodeDb) {}

  /** Start a new step on the same node (reuses the object: no allocation per step when nothing is written). */
  reset(base: NodeDb): void {
    this.base = base;
    if (this.n) {
      this.over.clear();
      this.delta.clear();
      this.n = 0;
    }
  }

  get<R extends Row = Row>(table: string, key: string): R | undefined {
    if (this.n) {
      const o = this.over.get(table);
      if (o && o.has(key)) return (o.get(key) ?? undefined) as R | undefined;
    }
    return this.base.get<R>(table, key);
  }

  has(table: string, key: string): boolean {
    return this.get(table, key) !== undefined;
  }

  size(table: string): number {
    return this.base.size(table) + (this.n ? (this.delta.get(table) ?? 0) : 0);
  }

  keys(table: string): Iterable<string> {
    if (!this.n || !this.over.has(table)) return this.base.keys(table);
    const out: string[] = [];
    for (const k of this.base.keys(table)) if (this.has(table, k)) out.push(k);
    for (const [k, r] of this.over.get(table) as Map<string, Row | null>)
      if (r && !this.base.has(table, k)) out.push(k);
    return out;
  }

  put(table: string, key: string, row: Row): void {
    this.write(table, key, row);
  }

  del(table: string, key: string): void {
    if (this.has(table, key)) this.write(table, key, ABSENT);
  }

  private write(table: string, key: string, row: Row | null): void {
    const existed = this.has(table, key);
    let o = this.over.get(table);
    if (!o) {
      o = new Map();
      this.over.set(table, o);
    }
    o.set(key, row);
    this.n++;
    const d = (row ? 1 : 0) - (existed ? 1 : 0);
    if (d) this.delta.set(table, (this.delta.get(table) ?? 0) + d);
  }

  /** Whether this step wrote anything. */
  get dirty(): boolean {
    return this.n > 0;
  }

  /** The step's writes, in first-write order (the last value of each key). Call once, then reset(). */
  writes(): TableWrite[] {
    const out: TableWrite[] = [];
    if (!this.n) return out;
    for (const [table, rows] of this.over) for (const [key, row] of rows) out.push({ table, key, row });
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
  put(): void {}
  del(): void {}
}

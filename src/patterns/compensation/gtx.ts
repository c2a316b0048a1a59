/**
 * The skeleton both transaction managers share (TCC's TM, the Saga coordinator): a durable log of global
 * transactions (`txs`, gid → row), an `open` table holding only the unfinished ones (recovery iterates it, finished
 * transactions leave it but stay in `txs` as tombstones that late messages still consult), a volatile `awaiting`
 * table (requests sent in this incarnation and not answered yet; a crash empties it), and the retry timer per gid
 * (its waits are the framework preset's: frameworks.ts).
 */
import type { TableColumn, TableSpec, Tone } from '../../engine/pattern';
import type { Db, DbReader, Row } from '../../engine/types';

export const TXS = 'txs';
export const OPEN = 'open';
export const AWAITING = 'awaiting';

/** The fields every global transaction row has. */
export type GtxRow = {
  gid: string;
  amount: number;
  client: string;
  phase: string;
  /** The framework preset the transaction ran under (frameworks.ts), shown in the tables and the diagram. */
  fw?: string;
  /** Current retry interval (dtm keeps next_cron_interval in its store). */
  interval: number;
  retries: number;
  /** Virtual time the transaction began and (once finished) ended. */
  start: number;
  end?: number;
};

export type AwaitRow = { gid: string; what: string };

export interface Phases {
  committed: string;
  aborted: string;
}

export function gtxTone(phase: string, retries: number, phases: Phases): Tone {
  return phase === phases.committed
    ? 'committed'
    : phase === phases.aborted
      ? 'aborted'
      : retries > 0
        ? 'blocked'
        : 'working';
}

export function gtxTables(prefix: string, phases: Phases, extra: TableColumn[] = []): Record<string, TableSpec> {
  return {
    [TXS]: {
      durable: true,
      view: {
        title: `${prefix}.table.txs`,
        columns: [
          { field: '$key', label: `${prefix}.col.gid` },
          { field: 'phase', label: `${prefix}.col.phase`, valueKey: `${prefix}.status` },
          { field: 'fw', label: `${prefix}.col.fw`, valueKey: `param.${prefix}.framework.opt` },
          ...extra,
          { field: 'amount', label: `${prefix}.col.amount` },
          { field: 'retries', label: `${prefix}.col.retries` },
          { field: 'interval', label: `${prefix}.col.interval` },
        ],
        tone: (r: Row) => gtxTone(String(r.phase), Number(r.retries), phases),
      },
    },
    [OPEN]: { durable: true },
    [AWAITING]: {
      durable: false,
      view: {
        title: `${prefix}.table.awaiting`,
        columns: [
          { field: 'gid', label: `${prefix}.col.gid` },
          { field: 'what', label: `${prefix}.col.request` },
        ],
      },
    },
  };
}

/** Write a transaction's row; it is in `open` while unfinished. */
export function saveTx<T extends GtxRow>(db: Db, tx: T, finished: boolean): void {
  db.put(TXS, tx.gid, tx);
  if (finished) db.del(OPEN, tx.gid);
  else if (!db.has(OPEN, tx.gid)) db.put(OPEN, tx.gid, {});
}

export const getTx = <T extends GtxRow>(db: DbReader, gid: string): T | undefined => db.get<T>(TXS, gid);

/** The unfinished transactions, oldest first (recovery: touches only open work). */
export function openTxs<T extends GtxRow>(db: DbReader): T[] {
  const out: T[] = [];
  for (const g of [...db.keys(OPEN)]) {
    const tx = getTx<T>(db, g);
    if (tx) out.push(tx);
  }
  return out;
}

export const awaitKey = (gid: string, what: string) => `${gid} ${what}`;
export function awaitAdd(db: Db, gid: string, what: string): void {
  db.put(AWAITING, awaitKey(gid, what), { gid, what } satisfies AwaitRow);
}
export function awaitDel(db: Db, gid: string, what: string): void {
  db.del(AWAITING, awaitKey(gid, what));
}

export const retryTimer = (gid: string) => `retry:${gid}`;
export const timeoutTimer = (gid: string) => `timeout:${gid}`;

/** A timer's kind and gid ("retry:g1" → ["retry", "g1"]; a gid may itself contain ':'). */
export function parseTimer(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * The table view's pure side: which tables a node shows (its role's tables with a `view`, plus the engine's locks
 * table), their keys and rows at a cursor (from the trace's table histories), and the text of a cell. Every query
 * is a binary search in a table's history; the keys at a cursor are recomputed only when the table changed.
 */
import {
  keysAt,
  lastAtOrBefore,
  LOCKS_TABLE,
  newestAt,
  rowAt,
  sizeAt,
  tableHistory,
  type Cursor,
  type LockRow,
  type NodeId,
  type PatternDef,
  type Row,
  type TableColumn,
  type TableHistory,
  type TableView,
  type Time,
  type TraceIndex,
} from '../../engine';

/** The computed column of the locks table: how long the lock has been held at the cursor. */
export const HELD_FIELD = '$held';
export const KEY_FIELD = '$key';

/** How the table view draws the engine's own locks table. */
export const LOCKS_VIEW: TableView = {
  title: 'tables.locks.title',
  columns: [
    { field: KEY_FIELD, label: 'tables.locks.resource' },
    { field: 'since', label: 'tables.locks.since' },
    { field: HELD_FIELD, label: 'tables.locks.held' },
    { field: 'durable', label: 'tables.locks.durable' },
  ],
  tone: () => 'blocked',
};

export interface ShownTable {
  name: string;
  view: TableView;
  durable: boolean;
  /** The engine's locks table (not declared by the pattern). */
  builtin: boolean;
}

/** The tables the table view shows for a node of `role`: those its role declares with a view, then its locks. */
export function tablesOf(pattern: PatternDef, role: string): ShownTable[] {
  const out: ShownTable[] = [];
  for (const [name, spec] of Object.entries(pattern.roles[role]?.tables ?? {})) {
    if (spec.view && name !== LOCKS_TABLE) out.push({ name, view: spec.view, durable: spec.durable, builtin: false });
  }
  out.push({ name: LOCKS_TABLE, view: LOCKS_VIEW, durable: true, builtin: true });
  return out;
}

/** The table's version at a cursor: the index of its last write before `pos` (−1: none yet). */
export function tableVersion(h: TableHistory | undefined, pos: number): number {
  return h ? lastAtOrBefore(h.seqs, pos - 1) : -1;
}

const keysCache = new WeakMap<TableHistory, { version: number; keys: string[] }>();

/** Keys present at `pos`, in order of first insertion; cached per table version (playback does not rescan). */
export function tableKeys(h: TableHistory | undefined, pos: number): string[] {
  if (!h) return [];
  const version = tableVersion(h, pos);
  const hit = keysCache.get(h);
  if (hit && hit.version === version) return hit.keys;
  const keys = keysAt(h, pos);
  keysCache.set(h, { version, keys });
  return keys;
}

/** Rows at `pos` (size: O(log writes)). */
export function tableSize(ix: TraceIndex, node: NodeId, table: string, pos: number): number {
  return sizeAt(tableHistory(ix, node, table), pos);
}

export function tableRow(ix: TraceIndex, node: NodeId, table: string, key: string, pos: number): Row | undefined {
  return rowAt(tableHistory(ix, node, table), key, pos);
}

export interface LockAt {
  node: NodeId;
  resource: string;
  since: Time;
  durable: boolean;
  heldFor: Time;
}

/** Below this many resources ever locked, a node's locks are listed exactly; above, the newest are (bounded). */
const EXACT_LOCKS = 256;

/**
 * Locks a node holds at the cursor (rows of its locks table), longest held first, at most `limit`, and how many it
 * holds in all. Held time = cursor time − the row's `since`. Cost bounded whatever the history.
 */
export function locksOfNode(
  ix: TraceIndex,
  node: NodeId,
  cur: Cursor,
  limit: number,
): { rows: LockAt[]; total: number } {
  const h = tableHistory(ix, node, LOCKS_TABLE);
  const total = sizeAt(h, cur.pos);
  if (!h || total === 0) return { rows: [], total: 0 };
  const keys = h.order.length <= EXACT_LOCKS ? tableKeys(h, cur.pos) : newestAt(h, cur.pos, Math.max(limit, 32));
  const rows: LockAt[] = [];
  for (const k of keys) {
    const r = rowAt(h, k, cur.pos) as unknown as LockRow | undefined;
    if (!r) continue;
    rows.push({ node, resource: k, since: r.since, durable: !!r.durable, heldFor: Math.max(0, cur.t - r.since) });
  }
  rows.sort((a, b) => a.since - b.since || (a.resource < b.resource ? -1 : 1));
  return { rows: rows.slice(0, limit), total };
}

/** Every node's locks at the cursor, longest held first (at most `limit` listed), and the total held. */
export function allLocksAt(ix: TraceIndex, cur: Cursor, limit: number): { rows: LockAt[]; total: number } {
  let total = 0;
  const rows: LockAt[] = [];
  for (const id of ix.nodeIds) {
    const r = locksOfNode(ix, id, cur, limit);
    total += r.total;
    rows.push(...r.rows);
  }
  rows.sort((a, b) => b.heldFor - a.heldFor || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return { rows: rows.slice(0, limit), total };
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * A cell's text: the key for '$key', the held time for the locks table's '$held', a pattern word through
 * `valueKey`, a time for the locks table's `since`, else the value as text (objects as JSON). Never shortened.
 */
export function cellText(
  col: TableColumn,
  key: string,
  row: Row,
  cur: Cursor,
  t: Translate,
  exists: (k: string) => boolean,
  formatTime: (ms: number) => string,
  builtin = false,
): string {
  if (col.field === KEY_FIELD) return key;
  if (builtin && col.field === HELD_FIELD) return formatTime(Math.max(0, cur.t - Number(row.since)));
  const v = row[col.field];
  if (v === undefined || v === null) return '—';
  if (builtin && col.field === 'since') return formatTime(Number(v));
  if (col.valueKey && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
    const k = `${col.valueKey}.${String(v)}`;
    if (exists(k)) return t(k);
  }
  if (typeof v === 'boolean') return t(v ? 'tables.yes' : 'tables.no');
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** A label or title: an i18n key when one exists, else the literal. */
export function labelText(label: string, t: Translate, exists: (k: string) => boolean): string {
  return exists(label) ? t(label) : label;
}

/**
 * Ready-made invariant shapes built on the InvariantWatch contract (patterns may write their own).
 */
import { LOCKS_TABLE, STATE_TABLE, type Change, type InvariantDef, type LockRow, type World } from './pattern';
import type { NodeId, Time } from './types';

const SEP = '\u0000';

/**
 * No lock or reservation held longer than the bound read from `boundParam` (ms): broken from the instant a lock has
 * been held that long until it is released. Rechecked when a lock is taken or released, and once at its deadline.
 */
export function boundedBlocking(boundParam: string, id = 'bounded-blocking'): InvariantDef {
  const bound = (w: World) => Number(w.params[boundParam]);
  return {
    id,
    kind: 'always',
    watch: {
      by: 'key',
      tables: [LOCKS_TABLE],
      keyOf: (c) => c.node + SEP + c.key,
      check(w, key) {
        const i = key.indexOf(SEP);
        const row = w.db(key.slice(0, i)).get(LOCKS_TABLE, key.slice(i + 1)) as LockRow | undefined;
        if (!row) return true;
        const due: Time = row.since + bound(w);
        return w.t >= due ? false : { ok: true, recheckAt: due };
      },
    },
    reference(w) {
      const b = bound(w);
      for (const id of Object.keys(w.states)) {
        const db = w.db(id);
        for (const k of db.keys(LOCKS_TABLE)) {
          const row = db.get(LOCKS_TABLE, k) as LockRow | undefined;
          if (row && w.t >= row.since + b) return false;
        }
      }
      return true;
    },
  };
}

/** An invariant judged per node from its state and tables; rechecked for a node when its state or `tables` change. */
export function perNode(
  id: string,
  kind: 'always' | 'eventually',
  tables: readonly string[],
  check: (w: World, node: NodeId) => boolean,
): InvariantDef {
  return {
    id,
    kind,
    watch: { by: 'key', tables: [STATE_TABLE, ...tables], keyOf: (c) => c.node, check },
    reference: (w) => Object.keys(w.states).every((n) => check(w, n)),
  };
}

/**
 * An invariant judged per key (a transaction, an order, a message): a change maps to the key it concerns (`keyOf`),
 * only that key is re-checked; the reference check walks every key `keys` lists.
 */
export function perKey(
  id: string,
  kind: 'always' | 'eventually',
  on: {
    tables: readonly string[];
    keyOf: (c: Change) => string | null | undefined;
    keys: (w: World) => Iterable<string>;
  },
  check: (w: World, key: string) => boolean,
): InvariantDef {
  return {
    id,
    kind,
    watch: { by: 'key', tables: on.tables, keyOf: on.keyOf, check },
    reference: (w) => {
      for (const k of on.keys(w)) if (!check(w, k)) return false;
      return true;
    },
  };
}

/** How a node looks in the diagram and the inspector: counts and the newest rows of its tables at the cursor. */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState } from '../../engine/types';
import { CT, MT, PT, type COrder, type MOrder, type MState, type PNotify, type PState } from './types';

const S = (w: string) => 'notify.status.' + w;
const L = (w: string) => 'notify.row.' + w;

/** The newest `n` keys of a table, oldest first, and how many more there are. */
function newest(db: DbReader, table: string, n: number): { keys: string[]; more: number } {
  const keys = db.newest(table, n).reverse();
  return { keys, more: Math.max(0, db.size(table) - keys.length) };
}
const moreRow = (more: number): NodeViewRow[] => (more > 0 ? [{ label: L('more'), value: `+${more}` }] : []);

const notifyTone = (st: PNotify['st']): Tone | 'violated' =>
  st === 'delivered' ? 'committed' : st === 'given-up' ? 'violated' : st === 'failed' ? 'blocked' : 'working';

function platformView(s: PState, db: DbReader): NodeView {
  const rec = newest(db, PT.notify, 3);
  // The card shows a violated row (given up) if any, else the last one: notifications delivered.
  const durable: NodeViewRow[] = [
    { label: L('givenUp'), value: s.durable.givenUp, ...(s.durable.givenUp ? { tone: 'violated' as const } : {}) },
    { label: L('paid'), value: s.durable.paid },
    { label: L('delivered'), value: s.durable.delivered },
  ];
  const volatile: NodeViewRow[] = [...moreRow(rec.more)];
  rec.keys.forEach((tx, i) => {
    const r = db.get<PNotify & Record<string, unknown>>(PT.notify, tx);
    if (!r) return;
    const pin = i === rec.keys.length - 1;
    volatile.push({
      label: `${tx} #${r.n}`,
      value: r.st,
      valueKey: S(r.st),
      tone: notifyTone(r.st),
      ...(pin ? { pin } : {}),
    });
  });
  const open = db.size(PT.open);
  const retrying = rec.keys.some((tx) => db.get<PNotify & Record<string, unknown>>(PT.notify, tx)?.st === 'failed');
  const word = open === 0 ? 'idle' : retrying ? 'retrying' : 'notifying';
  return {
    tone: open === 0 ? 'idle' : retrying ? 'blocked' : 'working',
    statusKey: S(word),
    durable,
    volatile,
  };
}

function merchantView(s: MState, db: DbReader): NodeView {
  const rec = newest(db, MT.orders, 3);
  // The card shows the newest order (pinned), else the number of payments applied (the last row).
  const durable: NodeViewRow[] = [
    { label: L('unpaid'), value: db.size(MT.open) },
    { label: L('processed'), value: db.size(MT.processed) },
    { label: L('applied'), value: s.durable.applied },
    ...moreRow(rec.more),
  ];
  let twice = false;
  rec.keys.forEach((tx, i) => {
    const o = db.get<MOrder & Record<string, unknown>>(MT.orders, tx);
    if (!o) return;
    const bad = o.applied > 1;
    twice ||= bad;
    durable.push({
      label: tx,
      value: o.st,
      valueKey: S(o.st),
      tone: bad ? 'violated' : o.st === 'paid' ? 'committed' : 'working',
      ...(i === rec.keys.length - 1 ? { pin: true } : {}),
    });
  });
  const volatile: NodeViewRow[] = [];
  if (s.durable.queries) volatile.push({ label: L('queries'), value: s.durable.queries });
  if (s.volatile.armed) volatile.push({ label: L('reconcile'), value: 'armed', valueKey: S('armed') });
  const waiting = db.size(MT.open) > 0;
  return {
    tone: twice ? 'blocked' : waiting ? 'working' : 'idle',
    statusKey: S(twice ? 'appliedTwice' : waiting ? 'waiting' : 'idle'),
    durable,
    volatile,
  };
}

function clientView(db: DbReader): NodeView {
  const rec = newest(db, CT.orders, 3);
  const durable: NodeViewRow[] = [...moreRow(rec.more)];
  for (const tx of rec.keys) {
    const o = db.get<COrder & Record<string, unknown>>(CT.orders, tx);
    if (o) durable.push({ label: tx, value: o.st, valueKey: S(o.st) });
  }
  return { tone: 'idle', statusKey: S('idle'), durable, volatile: [] };
}

export function view(_node: NodeId, role: string, state: NodeState, up: boolean, db: DbReader): NodeView {
  void up;
  switch (role) {
    case 'platform':
      return platformView(state as PState, db);
    case 'merchant':
      return merchantView(state as MState, db);
    default:
      return clientView(db);
  }
}

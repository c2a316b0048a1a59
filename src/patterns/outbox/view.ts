/** Node looks: counts and the newest rows (whole tables are drawn by the generic table view). */
import type { NodeView, NodeViewRow } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState, Row } from '../../engine/types';
import { BT, committedOffset, CT, logEnd, type LogRecord } from '../broker';
import {
  GROUP,
  KT,
  OT,
  RT,
  TOPIC,
  type ConsumerDurable,
  type EffectRow,
  type InflightRow,
  type OutboxRow,
} from './types';

const S = (w: string) => 'outbox.status.' + w;
const L = (w: string) => 'outbox.row.' + w;

function orderView(db: DbReader): NodeView {
  const pending = db.size(OT.pending);
  const rows: NodeViewRow[] = [];
  for (const id of db.newest(OT.outbox, 3).reverse()) {
    const r = db.get<OutboxRow & Row>(OT.outbox, id);
    if (r)
      rows.push({
        label: id,
        value: r.status,
        valueKey: 'outbox.word.' + r.status,
        tone: r.status === 'sent' ? 'committed' : 'prepared',
      });
  }
  rows.push({ label: L('orders'), value: db.size(OT.orders) });
  rows.push({ label: L('pending'), value: pending, tone: pending ? 'prepared' : 'committed', pin: true });
  return {
    tone: pending ? 'prepared' : db.size(OT.orders) ? 'committed' : 'idle',
    statusKey: S(pending ? 'pending' : 'idle'),
    durable: rows,
    volatile: [],
  };
}

function relayView(db: DbReader, up: boolean): NodeView {
  const n = db.size(RT.inflight);
  const volatile: NodeViewRow[] = [];
  for (const mid of db.newest(RT.inflight, 3).reverse()) {
    const f = db.get<InflightRow & Row>(RT.inflight, mid);
    if (f) volatile.push({ label: mid, value: `×${f.tries}`, tone: f.tries > 1 ? 'blocked' : 'working' });
  }
  volatile.push({ label: L('inflight'), value: n, pin: true });
  return {
    tone: !up ? 'idle' : n ? 'working' : 'idle',
    statusKey: S(!up ? 'down' : n ? 'publishing' : 'idle'),
    durable: [],
    volatile,
  };
}

function brokerView(db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  for (const k of db.newest(BT.log, 3).reverse()) {
    const r = db.get<LogRecord & Row>(BT.log, k);
    if (r) durable.push({ label: k, value: r.mid });
  }
  // Per partition (at most four): log end and the group's committed offset; the gap is what waits in the queue.
  let total = 0;
  let waiting = 0;
  const commits: string[] = [];
  for (let p = 0; p < 4; p++) {
    const end = logEnd(db, TOPIC, p);
    if (!end) continue;
    const committed = committedOffset(db, GROUP, TOPIC, p) ?? 0;
    total += end;
    waiting += Math.max(0, end - committed);
    commits.push(`p${p}@${committed}`);
  }
  durable.push({ label: L('messages'), value: total });
  durable.push({ label: L('uncommitted'), value: waiting, tone: waiting ? 'prepared' : 'committed' });
  durable.push({ label: L('committed'), value: commits.length ? commits.join(' ') : '—', pin: true });
  return { tone: !up ? 'idle' : 'committed', statusKey: S(up ? 'serving' : 'down'), durable, volatile: [] };
}

function consumerView(s: ConsumerDurable, db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  for (const tx of db.newest(KT.effects, 3).reverse()) {
    const e = db.get<EffectRow & Row>(KT.effects, tx);
    if (e) durable.push({ label: tx, value: `×${e.n}`, tone: e.n > 1 ? 'violated' : 'committed' });
  }
  durable.push({ label: L('inbox'), value: db.size(KT.inbox) });
  durable.push({ label: L('stock'), value: s.stock, pin: true });
  const queued = db.size(CT.queue);
  const volatile: NodeViewRow[] = queued ? [{ label: L('queued'), value: queued, tone: 'working' }] : [];
  return {
    tone: !up ? 'idle' : queued ? 'working' : 'idle',
    statusKey: S(!up ? 'down' : queued ? 'consuming' : 'idle'),
    durable,
    volatile,
  };
}

export function view(_node: NodeId, role: string, state: NodeState, up: boolean, db: DbReader): NodeView {
  switch (role) {
    case 'order':
      return orderView(db);
    case 'relay':
      return relayView(db, up);
    case 'broker':
      return brokerView(db, up);
    default:
      return consumerView(state.durable as ConsumerDurable, db, up);
  }
}

/** Node looks: counts and the newest rows (whole tables are drawn by the generic table view). */
import type { NodeView, NodeViewRow } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState, Row } from '../../engine/types';
import { BT } from '../broker';
import { DDMQ, type DelayedRow } from '../broker/ddmq';
import { halfRows } from '../broker/mq';
import { TT } from '../broker/txn';
import { CT, OT, type CouponRow, type InflightRow } from './types';

const S = (w: string) => 'didi.status.' + w;
const L = (w: string) => 'didi.row.' + w;
const W = (w: string) => 'didi.word.' + w;

function orderView(db: DbReader, up: boolean): NodeView {
  const volatile: NodeViewRow[] = [];
  let saving = false;
  for (const tx of db.newest(OT.inflight, 3).reverse()) {
    const f = db.get<InflightRow & Row>(OT.inflight, tx);
    if (!f) continue;
    saving ||= f.step === 'saving';
    volatile.push({
      label: tx,
      value: f.step,
      valueKey: W(f.step),
      tone: f.step === 'saving' ? 'working' : f.step === 'failed' || f.step === 'gave-up' ? 'aborted' : 'prepared',
    });
  }
  const durable: NodeViewRow[] = [];
  for (const tx of db.newest(OT.orders, 2).reverse())
    durable.push({ label: tx, value: 'saved', valueKey: W('saved'), tone: 'committed' });
  durable.push({ label: L('orders'), value: db.size(OT.orders), pin: true });
  return {
    tone: !up
      ? 'idle'
      : saving
        ? 'working'
        : db.size(OT.inflight)
          ? 'prepared'
          : db.size(OT.orders)
            ? 'committed'
            : 'idle',
    statusKey: S(!up ? 'down' : saving ? 'saving' : db.size(OT.inflight) ? 'busy' : 'idle'),
    durable,
    volatile,
  };
}

function couponView(db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  let locked = 0;
  for (const id of db.newest(CT.coupons, 3).reverse()) {
    const c = db.get<CouponRow & Row>(CT.coupons, id);
    if (!c) continue;
    if (c.st === 'locked') locked++;
    durable.push({
      label: id,
      value: c.st,
      valueKey: W(c.st),
      tone: c.st === 'locked' ? 'prepared' : 'aborted',
      pin: true,
    });
  }
  if (!durable.length) durable.push({ label: L('coupons'), value: 0, pin: true });
  return {
    tone: !up ? 'idle' : locked ? 'prepared' : 'idle',
    statusKey: S(!up ? 'down' : locked ? 'locked' : 'idle'),
    durable,
    volatile: [],
  };
}

/** RocketMQ's side: the half messages with their state and check count. */
function rocketView(db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = halfRows(db, 3);
  const open = db.size(TT.open);
  durable.push({ label: L('halfOpen'), value: open, tone: open ? 'prepared' : 'committed', pin: true });
  return {
    tone: !up ? 'idle' : open ? 'prepared' : 'committed',
    statusKey: S(up ? 'serving' : 'down'),
    durable,
    volatile: [],
  };
}

function brokerView(db: DbReader, up: boolean): NodeView {
  if (db.size(BT.half) && !db.size(DDMQ.delayed)) return rocketView(db, up);
  // Nothing sent yet (on either model): say so, rather than one model's "waiting 0".
  if (!db.size(DDMQ.delayed))
    return {
      tone: !up ? 'idle' : 'committed',
      statusKey: S(up ? 'serving' : 'down'),
      durable: [{ label: L('messages'), value: 0, pin: true }],
      volatile: [],
    };
  const durable: NodeViewRow[] = [];
  for (const mid of db.newest(DDMQ.delayed, 3).reverse()) {
    const r = db.get<DelayedRow & Row>(DDMQ.delayed, mid);
    if (!r) continue;
    durable.push({
      label: mid,
      value: r.status,
      valueKey: 'broker.ddmq.word.' + r.status,
      tone: r.status === 'waiting' ? 'prepared' : r.status === 'cancelled' ? 'aborted' : 'committed',
    });
  }
  const waiting = db.size(DDMQ.open);
  durable.push({ label: L('waiting'), value: waiting, tone: waiting ? 'prepared' : 'committed', pin: true });
  return {
    tone: !up ? 'idle' : waiting ? 'prepared' : 'committed',
    statusKey: S(up ? 'serving' : 'down'),
    durable,
    volatile: [],
  };
}

export function view(_node: NodeId, role: string, _state: NodeState, up: boolean, db: DbReader): NodeView {
  switch (role) {
    case 'order':
      return orderView(db, up);
    case 'coupon':
      return couponView(db, up);
    default:
      return brokerView(db, up);
  }
}

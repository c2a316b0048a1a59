/** Node looks: counts and the newest rows (whole tables are drawn by the generic table view). */
import type { NodeView, NodeViewRow } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState, Row } from '../../engine/types';
import { BT, committedOffset, CT, logEnd } from '../broker';
import { RETRY_TABLE } from '../broker/ddmq';
import { KT, LEDGER, PT, STOCK, TOPIC, type AppliedRow, type ConsumerDurable } from './types';

const S = (w: string) => 'didipay.status.' + w;
const L = (w: string) => 'didipay.row.' + w;

function payView(db: DbReader, up: boolean): NodeView {
  const unacked = db.size(PT.unacked);
  const refunds = db.size(PT.refunds);
  const durable: NodeViewRow[] = [{ label: L('payments'), value: db.size(PT.payments) }];
  if (refunds) durable.push({ label: L('refunds'), value: refunds, tone: 'aborted' });
  durable.push({ label: L('unacked'), value: unacked, tone: unacked ? 'prepared' : 'committed', pin: true });
  return {
    tone: !up ? 'idle' : unacked ? 'prepared' : db.size(PT.payments) ? 'committed' : 'idle',
    statusKey: S(!up ? 'down' : unacked ? 'publishing' : 'idle'),
    durable,
    volatile: [],
  };
}

function brokerView(db: DbReader, up: boolean): NodeView {
  let total = 0;
  for (let p = 0; p < 4; p++) total += logEnd(db, TOPIC, p);
  const durable: NodeViewRow[] = [];
  for (const k of db.newest(BT.log, 2).reverse())
    durable.push({ label: k, value: String(db.get(BT.log, k)?.mid ?? '') });
  durable.push({ label: L('messages'), value: total, pin: true });
  return { tone: !up ? 'idle' : 'committed', statusKey: S(up ? 'serving' : 'down'), durable, volatile: [] };
}

function consumerView(node: NodeId, s: ConsumerDurable, db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  for (const tx of db.newest(KT.applied, 2).reverse()) {
    const a = db.get<AppliedRow & Row>(KT.applied, tx);
    if (a) durable.push({ label: tx, value: `×${a.n}`, tone: a.n > 1 ? 'violated' : 'committed' });
  }
  const retrying = db.size(RETRY_TABLE);
  const dead = db.size(KT.dead);
  if (retrying) durable.push({ label: L('retrying'), value: retrying, tone: 'prepared' });
  if (dead) durable.push({ label: L('dead'), value: dead, tone: 'violated' });
  if (node === STOCK) durable.push({ label: L('stock'), value: s.value, pin: true });
  else if (node === LEDGER) durable.push({ label: L('commission'), value: s.value, pin: true });
  else durable.push({ label: L('applied'), value: db.size(KT.applied), pin: true });
  const queued = db.size(CT.queue);
  return {
    tone: !up ? 'idle' : dead ? 'blocked' : retrying ? 'prepared' : queued ? 'working' : 'idle',
    statusKey: S(!up ? 'down' : retrying ? 'retrying' : queued ? 'consuming' : 'idle'),
    durable,
    volatile: queued ? [{ label: L('queued'), value: queued, tone: 'working' }] : [],
  };
}

/** The group's committed offset on partition 0 (tests and the inspector). */
export const committed = (db: DbReader, group: string) => committedOffset(db, group, TOPIC, 0);

export function view(node: NodeId, role: string, state: NodeState, up: boolean, db: DbReader): NodeView {
  if (role === 'pay') return payView(db, up);
  if (role === 'broker') return brokerView(db, up);
  return consumerView(node, state.durable as ConsumerDurable, db, up);
}

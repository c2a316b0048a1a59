/** Node looks: counts and the newest rows (whole tables are drawn by the generic table view). */
import type { NodeView, NodeViewRow } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState, Row } from '../../engine/types';
import { BT, committedOffset, CT, logEnd } from '../broker';
import { RETRY_TABLE } from '../broker/ddmq';
import { halfRows } from '../broker/mq';
import { dlqTopicOf, TT } from '../broker/txn';
import { CONSUMERS, KT, LEDGER, PT, STOCK, TOPIC, type AppliedRow, type ConsumerDurable } from './types';

const S = (w: string) => 'didipay.status.' + w;
const L = (w: string) => 'didipay.row.' + w;

function payView(db: DbReader, up: boolean): NodeView {
  const unacked = db.size(PT.unacked);
  const refunds = db.size(PT.refunds);
  const durable: NodeViewRow[] = [{ label: L('payments'), value: db.size(PT.payments) }];
  if (refunds) durable.push({ label: L('refunds'), value: refunds, tone: 'aborted' });
  durable.push({ label: L('unacked'), value: unacked, tone: unacked ? 'prepared' : 'committed', pin: true });
  // RocketMQ: half messages sent, their SEND_OK not back yet (the local transaction waits for it).
  const sending = db.size(PT.sending);
  const busy = unacked || sending;
  return {
    tone: !up ? 'idle' : busy ? 'prepared' : db.size(PT.payments) ? 'committed' : 'idle',
    statusKey: S(!up ? 'down' : busy ? 'publishing' : 'idle'),
    durable,
    volatile: sending ? [{ label: L('sending'), value: sending, tone: 'working' }] : [],
  };
}

/** RocketMQ's model: the half messages (state, checks), what is visible, scheduled retries, dead letters. */
function rocketView(db: DbReader, up: boolean, visible: number): NodeView {
  const durable: NodeViewRow[] = halfRows(db, 2);
  durable.push({ label: L('messages'), value: visible });
  const scheduled = db.size(BT.delayed);
  const open = db.size(TT.open);
  // The small card shows the pinned row: an open half message first, else a retry waiting on the ladder.
  if (scheduled) durable.push({ label: L('scheduled'), value: scheduled, tone: 'prepared', pin: !open });
  let dlq = 0;
  for (const c of CONSUMERS) dlq += logEnd(db, dlqTopicOf(c), 0);
  if (dlq) durable.push({ label: L('dlq'), value: dlq, tone: 'violated' });
  durable.push({
    label: L('halfOpen'),
    value: open,
    tone: open ? 'prepared' : 'committed',
    pin: !!open || !scheduled,
  });
  return {
    tone: !up ? 'idle' : open || scheduled ? 'prepared' : 'committed',
    statusKey: S(!up ? 'down' : 'serving'),
    durable,
    volatile: [],
  };
}

function brokerView(db: DbReader, up: boolean): NodeView {
  let total = 0;
  for (let p = 0; p < 4; p++) total += logEnd(db, TOPIC, p);
  if (db.size(BT.half)) return rocketView(db, up, total);
  // DDMQ — and either model before the first message: the topic's messages, truthfully 0 at first.
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

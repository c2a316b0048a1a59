/** Node looks: counts and the newest rows (whole tables are drawn by the generic table view). */
import type { NodeView, NodeViewRow, Tone } from '../../engine/pattern';
import type { DbReader, NodeId, NodeState, Row } from '../../engine/types';
import { BT, CT, logEnd } from '../broker';
import { dlqTopicOf, retryTopicOf, TT, TXN, type HalfRow } from '../broker/txn';
import { GROUP, KT, PT, TOPIC, type ConsumerDurable, type EffectRow, type FailedRow, type TxLogRow } from './types';

const S = (w: string) => 'rocketmq.status.' + w;
const L = (w: string) => 'rocketmq.row.' + w;

const halfTone: Record<string, Tone | 'violated'> = {
  half: 'prepared',
  committed: 'committed',
  'rolled-back': 'aborted',
  discarded: 'violated',
};

function producerView(db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  for (const tx of db.newest(PT.txLog, 3).reverse()) {
    const r = db.get<TxLogRow & Row>(PT.txLog, tx);
    if (r)
      durable.push({
        label: tx,
        value: r.st,
        valueKey: 'rocketmq.word.' + r.st,
        tone: r.st === 'committed' ? 'committed' : 'aborted',
      });
  }
  durable.push({ label: L('orders'), value: db.size(PT.orders), pin: true });
  const running = db.size(PT.running);
  const sending = db.size(PT.sending);
  const volatile: NodeViewRow[] = [];
  if (sending) volatile.push({ label: L('sending'), value: sending, tone: 'working' });
  if (running) volatile.push({ label: L('running'), value: running, tone: 'working' });
  return {
    tone: !up ? 'idle' : running || sending ? 'working' : db.size(PT.orders) ? 'committed' : 'idle',
    statusKey: S(!up ? 'down' : running ? 'localTx' : sending ? 'sending' : 'idle'),
    durable,
    volatile,
  };
}

function brokerView(db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  let newest: HalfRow | undefined;
  for (const mid of db.newest(BT.half, 3).reverse()) {
    const h = db.get<HalfRow & Row>(BT.half, mid);
    if (!h) continue;
    newest = h;
    durable.push({ label: mid, value: h.state, valueKey: 'broker.word.' + h.state, tone: halfTone[h.state] });
  }
  // The newest half message's check count (TRANSACTION_CHECK_TIMES): what the check-back scenarios are about.
  if (newest) durable.push({ label: L('checks'), value: newest.checks, tone: newest.checks ? 'blocked' : undefined });
  const open = db.size(TT.open);
  let visible = 0;
  for (let p = 0; p < 4; p++) visible += logEnd(db, TOPIC, p);
  // Before the first half message there is nothing "waiting": the store is empty, and the card says so.
  if (!db.size(BT.half)) durable.push({ label: L('halfNone'), value: 0, pin: true });
  else durable.push({ label: L('half'), value: open, tone: open ? 'prepared' : 'committed', pin: true });
  durable.push({ label: L('visible'), value: visible });
  const scheduled = db.size(BT.delayed);
  if (scheduled) durable.push({ label: L('scheduled'), value: scheduled, tone: 'prepared' });
  const retried = logEnd(db, retryTopicOf(GROUP), 0);
  if (retried) durable.push({ label: L('retried'), value: retried });
  const dlq = logEnd(db, dlqTopicOf(GROUP), 0);
  if (dlq) durable.push({ label: L('dlq'), value: dlq, tone: 'violated' });
  const max = logEnd(db, TXN.maxTopic, 0);
  if (max) durable.push({ label: L('maxCheck'), value: max, tone: 'violated' });
  return {
    tone: !up ? 'idle' : open ? 'prepared' : 'committed',
    statusKey: S(!up ? 'down' : open ? 'halfWaiting' : 'serving'),
    durable,
    volatile: [],
  };
}

function consumerView(s: ConsumerDurable, db: DbReader, up: boolean): NodeView {
  const durable: NodeViewRow[] = [];
  for (const tx of db.newest(KT.effects, 3).reverse()) {
    const e = db.get<EffectRow & Row>(KT.effects, tx);
    if (e) durable.push({ label: tx, value: `×${e.n}`, tone: e.n > 1 ? 'violated' : 'committed' });
  }
  for (const mid of db.newest(KT.failed, 2).reverse()) {
    const f = db.get<FailedRow & Row>(KT.failed, mid);
    if (f)
      durable.push({
        label: mid,
        value: f.st,
        valueKey: 'rocketmq.word.' + f.st,
        tone: f.st === 'swallowed' ? 'violated' : 'blocked',
      });
  }
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
    case 'producer':
      return producerView(db, up);
    case 'broker':
      return brokerView(db, up);
    default:
      return consumerView(state.durable as ConsumerDurable, db, up);
  }
}

/**
 * The order service: a RocketMQ TransactionMQProducer and its database (SEED-EN.md steps 1–5).
 * sendMessageInTransaction (DefaultMQProducerImpl.sendMessageInTransaction): send the half message, synchronously;
 * on SEND_OK run the local transaction (TransactionListener.executeLocalTransaction: the order row and the
 * transaction-log row in one local transaction, `localTxTime` long), then end the transaction one way
 * (DefaultMQProducerImpl.endTransaction: COMMIT, ROLLBACK or UNKNOW). If the half message is not acknowledged within
 * `sendTimeout` the send throws: the order fails and no local transaction runs.
 * The check listener (TransactionListener.checkLocalTransaction) answers the broker's CHECK_TX from the
 * transaction-log table: committed → COMMIT; rolled back / failed / no row → ROLLBACK; still running → UNKNOW. With
 * the `checkListener` guard off it is the buggy listener that always answers UNKNOW.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Row, StepContext, StepResult } from '../../engine/types';
import { partitionOf } from '../broker';
import { endTxMsg, halfMsg, type TxState } from '../broker/txn';
import { note } from './notes';
import {
  BROKER,
  midOf,
  num,
  PT,
  TOPIC,
  txOfMid,
  type OrderRow,
  type RunningRow,
  type SendingRow,
  type TxLogRow,
} from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type S = { durable: D; volatile: V };
type R = StepResult<D, V>;

const end = (mid: string, tx: string, state: TxState, fromCheck = false): Effect => ({
  kind: 'send',
  to: BROKER,
  msg: endTxMsg({ mid, tx, state, fromCheck }),
});

function place(s: S, tx: string, qty: number, ctx: StepContext): R {
  const db = ctx.db;
  if (db.has(PT.txLog, tx) || db.has(PT.sending, tx) || db.has(PT.running, tx)) return same(s);
  const mid = midOf(tx);
  const partitions = Math.max(1, Math.round(num(ctx.params, 'partitions') || 1));
  db.put(PT.sending, tx, { mid, since: ctx.now, qty } satisfies SendingRow);
  return same(s, [
    {
      kind: 'send',
      to: BROKER,
      msg: halfMsg({
        topic: TOPIC,
        partition: partitionOf(tx, partitions),
        key: tx,
        mid,
        tx,
        type: 'OrderCreated',
        payload: { qty },
        born: ctx.now,
      }),
    },
    { kind: 'setTimer', name: 'send:' + tx, after: num(ctx.params, 'sendTimeout') },
    note('sendHalf', { tx, mid }),
  ]);
}

/** SEND_OK: executeLocalTransaction starts (it takes localTxTime). */
function onHalfOk(s: S, tx: string, ctx: StepContext): R {
  const db = ctx.db;
  const sending = db.get<SendingRow & Row>(PT.sending, tx);
  if (!sending) return same(s); // a late or repeated ack: the send already failed, or the local transaction ran
  db.del(PT.sending, tx);
  db.put(PT.running, tx, { mid: sending.mid, since: ctx.now, qty: sending.qty } satisfies RunningRow);
  return same(s, [
    { kind: 'cancelTimer', name: 'send:' + tx },
    { kind: 'setTimer', name: 'local:' + tx, after: num(ctx.params, 'localTxTime') },
    note('localStart', { tx }),
  ]);
}

/** The local transaction ends: commit (order + log row) or roll back; then the one-way end-transaction. */
function localDone(s: S, tx: string, ctx: StepContext): R {
  const db = ctx.db;
  const run = db.get<RunningRow & Row>(PT.running, tx);
  if (!run) return same(s);
  db.del(PT.running, tx);
  const fails = ctx.random() < num(ctx.params, 'bizFail');
  if (fails) {
    db.put(PT.txLog, tx, { mid: run.mid, st: 'rolled-back', at: ctx.now } satisfies TxLogRow);
    return same(s, [end(run.mid, tx, 'ROLLBACK'), note('localRollback', { tx }, 'decision')]);
  }
  db.put(PT.orders, tx, { qty: run.qty, mid: run.mid, at: ctx.now } satisfies OrderRow);
  db.put(PT.txLog, tx, { mid: run.mid, st: 'committed', at: ctx.now } satisfies TxLogRow);
  // executeLocalTransaction's answer: COMMIT_MESSAGE, or UNKNOW (e.g. it could not tell whether its commit went
  // through, or the business finishes asynchronously): then only the broker's check-back ends the transaction.
  const state: TxState = ctx.params.localAnswer === 'unknow' ? 'UNKNOW' : 'COMMIT';
  return same(s, [
    end(run.mid, tx, state),
    note(state === 'COMMIT' ? 'localCommit' : 'localUnknown', { tx }, 'decision'),
  ]);
}

/** No SEND_OK in time: the send throws, the order fails; the failure is recorded (the broker may hold the half). */
function sendTimeout(s: S, tx: string, ctx: StepContext): R {
  const db = ctx.db;
  const sending = db.get<SendingRow & Row>(PT.sending, tx);
  if (!sending) return same(s);
  db.del(PT.sending, tx);
  db.put(PT.txLog, tx, { mid: sending.mid, st: 'send-failed', at: ctx.now } satisfies TxLogRow);
  return same(s, [note('sendFailed', { tx }, 'warn')]);
}

/** checkLocalTransaction: the answer comes from the transaction-log table (or, buggy, always UNKNOW). */
function onCheck(s: S, mid: string, tx: string, ctx: StepContext): R {
  const db = ctx.db;
  let state: TxState;
  if (!ctx.guards.checkListener) state = 'UNKNOW';
  else {
    const log = db.get<TxLogRow & Row>(PT.txLog, tx);
    if (log) state = log.st === 'committed' ? 'COMMIT' : 'ROLLBACK';
    else state = db.has(PT.running, tx) || db.has(PT.sending, tx) ? 'UNKNOW' : 'ROLLBACK';
  }
  return same(s, [end(mid, tx, state, true), note('checked', { tx, state })]);
}

export const producerRole = role<D, V>({
  tables: {
    [PT.orders]: {
      durable: true,
      view: {
        title: 'rocketmq.table.orders',
        columns: [
          { field: '$key', label: 'rocketmq.col.order' },
          { field: 'mid', label: 'rocketmq.col.mid' },
          { field: 'qty', label: 'rocketmq.col.qty' },
          { field: 'at', label: 'rocketmq.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [PT.txLog]: {
      durable: true,
      view: {
        title: 'rocketmq.table.txLog',
        columns: [
          { field: '$key', label: 'rocketmq.col.tx' },
          { field: 'mid', label: 'rocketmq.col.mid' },
          { field: 'st', label: 'rocketmq.col.state', valueKey: 'rocketmq.word' },
          { field: 'at', label: 'rocketmq.col.at' },
        ],
        tone: (row) => (row.st === 'committed' ? 'committed' : 'aborted'),
      },
    },
    [PT.running]: {
      durable: false,
      view: {
        title: 'rocketmq.table.running',
        columns: [
          { field: '$key', label: 'rocketmq.col.tx' },
          { field: 'mid', label: 'rocketmq.col.mid' },
          { field: 'since', label: 'rocketmq.col.at' },
        ],
        tone: () => 'working',
      },
    },
    [PT.sending]: { durable: false },
  },
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'request':
        if (input.request.type === 'PLACE')
          return place(s, String(input.request.tx), Number(input.request.qty ?? 1), ctx);
        return same(s);
      case 'timer':
        if (input.name.startsWith('local:')) return localDone(s, input.name.slice(6), ctx);
        if (input.name.startsWith('send:')) return sendTimeout(s, input.name.slice(5), ctx);
        return same(s);
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? txOfMid(String(m.mid)) ?? '');
        if (m.type === 'HALF_OK') return onHalfOk(s, tx, ctx);
        if (m.type === 'CHECK_TX') return onCheck(s, String(m.mid), tx, ctx);
        return same(s);
      }
      default:
        return same(s);
    }
  },
});

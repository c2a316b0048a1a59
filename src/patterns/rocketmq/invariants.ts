/**
 * Invariants and outcomes per transaction, each re-checked only for the transaction whose rows a step wrote (the
 * producer's transaction log, the broker's half-message row, the consumer's effect row). Reference checks walk every
 * transaction.
 */
import type { Change, InvariantDef, TxOutcome, TxReport, World } from '../../engine/pattern';
import { byTxId } from '../../engine/pattern';
import type { Row } from '../../engine/types';
import { perKey } from '../../engine/invariants';
import { BT, type LogRecord } from '../broker';
import { dlqTopicOf, TT, type HalfRow } from '../broker/txn';
import {
  BROKER,
  CONSUMER,
  GROUP,
  KT,
  midOf,
  PRODUCER,
  PT,
  txOfMid,
  type EffectRow,
  type FailedRow,
  type TxLogRow,
} from './types';

const log = (w: World, tx: string) => w.db(PRODUCER).get<TxLogRow & Row>(PT.txLog, tx);
const committed = (w: World, tx: string) => log(w, tx)?.st === 'committed';
const half = (w: World, tx: string) => w.db(BROKER).get<HalfRow & Row>(BT.half, midOf(tx));
const applied = (w: World, tx: string) => w.db(CONSUMER).get<EffectRow & Row>(KT.effects, tx)?.n ?? 0;

/** Changes name a transaction: by its id (transaction log, effects) or by its message id (half messages). */
function txOf(c: Change): string | null {
  if (c.table === PT.txLog || c.table === KT.effects) return c.key;
  if (c.table === BT.half) return txOfMid(c.key);
  return null;
}

function allTx(w: World): string[] {
  const out = new Set<string>(w.db(PRODUCER).keys(PT.txLog));
  for (const mid of w.db(BROKER).keys(BT.half)) {
    const tx = txOfMid(mid);
    if (tx) out.add(tx);
  }
  for (const tx of w.db(CONSUMER).keys(KT.effects)) out.add(tx);
  return [...out];
}

const perTx = (id: string, kind: 'always' | 'eventually', tables: string[], check: (w: World, tx: string) => boolean) =>
  perKey(id, kind, { tables, keyOf: txOf, keys: allTx }, check);

/**
 * No message visible (committed into the real topic, or consumed) for a transaction whose local transaction did not
 * commit: what the half message is for.
 */
export const noVisibleRollback = perTx('no-visible-rollback', 'always', [PT.txLog, BT.half, KT.effects], (w, tx) => {
  const visible = half(w, tx)?.state === 'committed' || applied(w, tx) > 0;
  return !visible || committed(w, tx);
});

/** No transaction's effect applied more than once (broken at the second application). */
export const exactlyOnce = perTx('exactly-once', 'always', [KT.effects], (w, tx) => applied(w, tx) <= 1);

/** Local transaction ⇔ message: a committed transaction's message is eventually consumed, and only then. */
export const eventuallyConsistent = perTx(
  'eventually-consistent',
  'eventually',
  [PT.txLog, KT.effects],
  (w, tx) => committed(w, tx) === applied(w, tx) > 0,
);

/** Eventually no half message is left waiting (committed, rolled back or discarded): a running count. */
export const noStuckHalf: InvariantDef = {
  id: 'no-stuck-half',
  kind: 'eventually',
  watch: {
    by: 'total',
    tables: [TT.open],
    value: (node, _t, row) => (node === BROKER && row ? 1 : 0),
    ok: (total) => total === 0,
  },
  reference: (w) => w.db(BROKER).size(TT.open) === 0,
};

export const invariants: InvariantDef[] = [noVisibleRollback, exactlyOnce, eventuallyConsistent, noStuckHalf];

/** Message ids in the dead-letter topic (end-of-run report: one pass over the log). */
function deadLettered(w: World): Set<string> {
  const out = new Set<string>();
  const db = w.db(BROKER);
  const prefix = dlqTopicOf(GROUP) + '/';
  for (const k of db.keys(BT.log)) {
    if (!k.startsWith(prefix)) continue;
    const r = db.get<LogRecord & Row>(BT.log, k);
    if (r) out.add(r.mid);
  }
  return out;
}

export function outcomes(w: World): TxReport[] {
  const dlq = deadLettered(w);
  const kdb = w.db(CONSUMER);
  return allTx(w)
    .sort(byTxId)
    .map((tx) => {
      const l = log(w, tx);
      const h = half(w, tx);
      const eff = kdb.get<EffectRow & Row>(KT.effects, tx);
      const n = eff?.n ?? 0;
      const ok = l?.st === 'committed';
      const swallowed = kdb.get<FailedRow & Row>(KT.failed, midOf(tx))?.st === 'swallowed';
      let outcome: TxOutcome;
      if (n >= 2 || (n === 1 && !ok)) outcome = 'inconsistent';
      else if (n === 1) outcome = h?.by === 'check' ? 'repaired' : 'delivered';
      else if (dlq.has(midOf(tx))) outcome = 'dead-lettered';
      else if (h?.state === 'half') outcome = 'half';
      else if (!ok) outcome = 'aborted';
      else if (h?.state !== 'committed' || swallowed) outcome = 'inconsistent';
      else outcome = 'pending';
      const at: Record<string, string> = {
        [PRODUCER]: l?.st ?? 'none',
        [CONSUMER]: n === 0 ? (swallowed ? 'swallowed' : 'none') : `applied×${n}`,
      };
      if (h) at[BROKER] = `${h.state}, ${h.checks} check(s)`;
      const start = h?.born ?? l?.at;
      const report: TxReport = { tx, outcome, at };
      if (start !== undefined) report.start = start;
      if (eff) report.end = eff.first;
      return report;
    });
}

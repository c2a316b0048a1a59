/**
 * The payment platform (the active party): its local transaction marks the order paid and creates the order's
 * notification; it calls the merchant's notify URL, waits at most `deadline` for the answer, and after a failed
 * attempt (an error answer, no answer in time, the merchant down) tries again by the time ladder — attempt k + 1 is
 * sent ladder[k − 1] after attempt k was — and gives up after the last step. It also serves the order-query API the
 * merchant reconciles with.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, StepContext, StepResult } from '../../engine/types';
import {
  after,
  fmtDuration,
  ladderOf,
  MERCHANT,
  midOf,
  num,
  PT,
  type PDurable,
  type PNotify,
  type POrder,
  type PState,
} from './types';

type R = StepResult<PDurable, Record<string, never>>;
type NotifyRow = PNotify & Record<string, unknown>;

// Rows and states are written out field by field, in their declared order (what a spread of them gave): spreading
// them took V8's slow clone path on every attempt.
const attempt = (r: PNotify, st: PNotify['st'], nextAt: number | null, endAt: number | null): PNotify => ({
  mid: r.mid,
  n: r.n,
  st,
  sentAt: r.sentAt,
  nextAt,
  endAt,
});
const counted = (s: PState, paid: number, delivered: number, givenUp: number): PState => ({
  durable: { paid, delivered, givenUp },
  volatile: s.volatile,
});

const notifyOf = (ctx: StepContext, tx: string) => ctx.db.get<NotifyRow>(PT.notify, tx);

function send(ctx: StepContext, tx: string, row: PNotify, effects: Effect[]): void {
  effects.push(
    { kind: 'send', to: MERCHANT, msg: { type: 'NOTIFY', tx, mid: row.mid, n: row.n } },
    { kind: 'setTimer', name: 'deadline:' + tx, after: num(ctx.params, 'deadline') },
  );
}

/** Attempt `row.n` failed: wait for the next step of the ladder, or give up after the last one. */
function fail(s: PState, ctx: StepContext, tx: string, row: PNotify, effects: Effect[]): PState {
  const ladder = ladderOf(ctx.params);
  effects.push({ kind: 'cancelTimer', name: 'deadline:' + tx });
  if (row.n - 1 < ladder.length) {
    const nextAt = row.sentAt + ladder[row.n - 1];
    ctx.db.put(PT.notify, tx, attempt(row, 'failed', nextAt, row.endAt));
    effects.push(
      { kind: 'setTimer', name: 'retry:' + tx, after: Math.max(0, nextAt - ctx.now) },
      {
        kind: 'note',
        key: 'notify.note.attemptFailed',
        params: { tx, n: row.n, wait: fmtDuration(ladder[row.n - 1]) },
        tag: 'warn',
      },
    );
    return s;
  }
  ctx.db.put(PT.notify, tx, attempt(row, 'given-up', null, ctx.now));
  ctx.db.del(PT.open, tx);
  effects.push({ kind: 'note', key: 'notify.note.givenUp', params: { tx, n: row.n }, tag: 'block' });
  return counted(s, s.durable.paid, s.durable.delivered, s.durable.givenUp + 1);
}

export const platformRole = role<PDurable, Record<string, never>>({
  init: () => ({ durable: { paid: 0, delivered: 0, givenUp: 0 }, volatile: {} }),
  tables: {
    [PT.orders]: {
      durable: true,
      view: {
        title: 'notify.table.platformOrders',
        columns: [
          { field: '$key', label: 'notify.col.order' },
          { field: 'st', label: 'notify.col.state', valueKey: 'notify.status' },
          { field: 'at', label: 'notify.col.paidAt' },
        ],
        tone: () => 'committed',
      },
    },
    [PT.notify]: {
      durable: true,
      view: {
        title: 'notify.table.attempts',
        columns: [
          { field: '$key', label: 'notify.col.order' },
          { field: 'mid', label: 'notify.col.notifyId' },
          { field: 'n', label: 'notify.col.attempt' },
          { field: 'st', label: 'notify.col.state', valueKey: 'notify.status' },
          { field: 'sentAt', label: 'notify.col.sentAt' },
          { field: 'nextAt', label: 'notify.col.nextAt' },
        ],
        tone: (row) =>
          row.st === 'delivered'
            ? 'committed'
            : row.st === 'given-up'
              ? 'violated'
              : row.st === 'failed'
                ? 'blocked'
                : 'working',
      },
    },
    // Unfinished notifications: what a restarted platform resumes (finished ones leave it).
    [PT.open]: { durable: true },
  },
  step(s, input, ctx): R {
    const db = ctx.db;
    const effects: Effect[] = [];
    switch (input.kind) {
      case 'start':
        return same(s);
      case 'recover': {
        // The notifier's timers died with the process; its rows say where each notification stood.
        let st = s;
        for (const tx of [...db.keys(PT.open)]) {
          const row = notifyOf(ctx, tx);
          if (!row) continue;
          if (row.st === 'sending') st = fail(st, ctx, tx, row, effects);
          else if (row.st === 'failed' && row.nextAt !== null)
            effects.push({ kind: 'setTimer', name: 'retry:' + tx, after: Math.max(0, row.nextAt - ctx.now) });
        }
        return same(st, effects);
      }
      case 'request':
        return same(s);
      case 'timer': {
        const dl = after(input.name, 'deadline');
        if (dl !== null) {
          const row = notifyOf(ctx, dl);
          if (!row || row.st !== 'sending') return same(s);
          effects.push({ kind: 'note', key: 'notify.note.deadline', params: { tx: dl, n: row.n }, tag: 'warn' });
          return same(fail(s, ctx, dl, row, effects), effects);
        }
        const rt = after(input.name, 'retry');
        if (rt !== null) {
          const row = notifyOf(ctx, rt);
          if (!row || row.st !== 'failed') return same(s);
          const next: PNotify = {
            mid: row.mid,
            n: row.n + 1,
            st: 'sending',
            sentAt: ctx.now,
            nextAt: null,
            endAt: row.endAt,
          };
          db.put(PT.notify, rt, next);
          send(ctx, rt, next, effects);
          effects.push({ kind: 'note', key: 'notify.note.retry', params: { tx: rt, n: next.n } });
          return same(s, effects);
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        if (m.type === 'PAY') {
          if (db.has(PT.orders, tx)) return same(s);
          // One local transaction: the order is paid and its notification is due.
          db.put(PT.orders, tx, { st: 'paid', at: ctx.now } satisfies POrder);
          const row: PNotify = { mid: midOf(tx), n: 1, st: 'sending', sentAt: ctx.now, nextAt: null, endAt: null };
          db.put(PT.notify, tx, row);
          db.put(PT.open, tx, {});
          send(ctx, tx, row, effects);
          effects.push({ kind: 'note', key: 'notify.note.paid', params: { tx }, tag: 'decision' });
          return same(counted(s, s.durable.paid + 1, s.durable.delivered, s.durable.givenUp), effects);
        }
        if (m.type === 'ACK') {
          const row = notifyOf(ctx, tx);
          // An answer after the deadline belongs to an attempt already counted as failed: ignored.
          if (!row || row.st !== 'sending' || m.n !== row.n) return same(s);
          if (m.ok !== true) return same(fail(s, ctx, tx, row, effects), effects);
          db.put(PT.notify, tx, attempt(row, 'delivered', null, ctx.now));
          db.del(PT.open, tx);
          effects.push(
            { kind: 'cancelTimer', name: 'deadline:' + tx },
            { kind: 'note', key: 'notify.note.delivered', params: { tx, n: row.n }, tag: 'effect' },
          );
          return same(counted(s, s.durable.paid, s.durable.delivered + 1, s.durable.givenUp), effects);
        }
        if (m.type === 'QUERY') {
          // The order-query API: what the platform's own database says, with the notification's id.
          const paid = db.has(PT.orders, tx);
          return same(s, [{ kind: 'send', to: input.from, msg: { type: 'QUERY_RESULT', tx, paid, mid: midOf(tx) } }]);
        }
        return same(s);
      }
    }
  },
});

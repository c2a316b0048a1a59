/**
 * S-DIDI-2 and S-DIDI-4 asserted from the trace: one publish fans out to four consumers with their own databases;
 * a transient failure is retried at the retry delay until it succeeds; without retries the commission is never
 * booked; an oversold item runs the reverse flow (a refund); a duplicate delivery is applied once by idempotent
 * consumers and twice otherwise — with final rows, message counts and the instants invariants break and recover.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../engine/report';
import type { SimResult } from '../../engine/simulator';
import type { Row } from '../../engine/types';
import { BT, type LogRecord } from '../broker';
import { evs, inv, notes, runNamed } from './testkit';
import { CONSUMERS, KT, PT, type AppliedRow } from './types';
import { committed } from './view';

const applied = (r: SimResult, node: string, tx = 'P1') =>
  r.final.db(node).get<AppliedRow & Row>(KT.applied, tx)?.n ?? 0;
const value = (r: SimResult, node: string) => (r.final.states[node].durable as { value: number }).value;
const sent = (r: SimResult, type: string) => buildReport(r).messages.byType[type]?.sent ?? 0;
const logRows = (r: SimResult) => {
  const db = r.final.db('broker');
  return [...db.keys(BT.log)].map((k) => db.get<LogRecord & Row>(BT.log, k) as LogRecord);
};

describe('S-DIDI-2: payment succeeded fans out to four consumers', () => {
  const r = runNamed('s-didi-2-happy');
  it('one publish, one log record, each consumer applies it once in its own database and commits offset 1', () => {
    expect(sent(r, 'PRODUCE')).toBe(1);
    expect(logRows(r).map((x) => [x.mid, x.offset])).toEqual([['pay-P1', 0]]);
    for (const c of CONSUMERS) {
      expect(applied(r, c), c).toBe(1);
      expect(committed(r.final.db('broker'), c), c).toBe(1);
      expect(r.final.db(c).has(KT.processed, 'pay-P1'), c).toBe(true);
    }
    expect([value(r, 'stock'), value(r, 'ledger')]).toEqual([99, 400]); // 2000 × 0.2
    expect(r.final.db('pay').size(PT.unacked)).toBe(0);
    expect(r.outcomes[0]).toMatchObject({ tx: 'P1', outcome: 'delivered', start: 10 });
  });
  it('the invariants are “not yet” only until the last consumer applied it', () => {
    const last = Math.max(...CONSUMERS.map((c) => r.final.db(c).get<AppliedRow & Row>(KT.applied, 'P1')?.first ?? 0));
    expect(r.outcomes[0].end).toBe(last);
    expect(inv(r, 'eventually-consistent').broken.map((b) => [b.from, b.to])).toEqual([[10, last]]);
    expect(inv(r, 'commission-or-refund').broken[0].to).toBe(
      r.final.db('ledger').get<AppliedRow & Row>(KT.applied, 'P1')?.first,
    );
  });
});

describe('S-DIDI-2: transient failures are retried to success', () => {
  it('the ledger fails three attempts, each retried retryDelay (1 s) later; the fourth books the commission', () => {
    const r = runNamed('s-didi-2-ledger-retry');
    const fails = notes(r, 'failed').filter((e) => e.node === 'ledger');
    expect(fails.map((e) => e.params?.n)).toEqual([1, 2, 3]);
    for (let i = 1; i < fails.length; i++) expect(fails[i].t - fails[i - 1].t).toBe(1_000);
    const booked = notes(r, 'applied.ledger')[0];
    expect(booked.t).toBe(fails[2].t + 1_000);
    expect(applied(r, 'ledger')).toBe(1);
    expect(value(r, 'ledger')).toBe(400);
    // “paid ⇒ commission or refund” is not yet true from the payment until the booking, then holds
    const cr = inv(r, 'commission-or-refund');
    expect(cr.broken.map((b) => [b.from, b.to])).toEqual([[10, booked.t]]);
    expect(cr.final).toBe('holds');
    // the other consumers were not held up
    for (const c of ['stock', 'orders', 'procure']) expect(applied(r, c)).toBe(1);
    expect(r.final.db('ledger').size('retries')).toBe(0);
  });
  it('retries off: the ledger drops it; the order is paid, the commission never booked', () => {
    const r = runNamed('s-didi-2-no-retry');
    expect(notes(r, 'dropped')).toHaveLength(1);
    expect(applied(r, 'ledger')).toBe(0);
    expect(r.final.db('ledger').get(KT.dead, 'P1')).toMatchObject({ reason: 'dropped', attempts: 1 });
    expect(committed(r.final.db('broker'), 'ledger')).toBe(1); // consumed, and lost
    expect(inv(r, 'commission-or-refund').final).toBe('violated');
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
  it('more failures than retries: given up after maxRetries, dead-lettered', () => {
    const base = runNamed('s-didi-2-ledger-retry');
    const r = runNamed('s-didi-2-ledger-retry', {
      params: { ...base.scenario.params, ledgerFailures: 10, maxRetries: 3 },
    });
    expect(notes(r, 'gaveUp')).toHaveLength(1);
    expect(r.final.db('ledger').get(KT.dead, 'P1')).toMatchObject({ reason: 'retries', attempts: 4 });
    expect(r.outcomes[0].outcome).toBe('dead-lettered');
  });
});

describe('S-DIDI-2: oversold → the reverse flow', () => {
  const r = runNamed('s-didi-2-oversold');
  it('one item, two payments: P2 can never succeed at the stock service, which asks for a refund once', () => {
    expect(applied(r, 'stock', 'P1')).toBe(1);
    expect(applied(r, 'stock', 'P2')).toBe(0);
    expect(value(r, 'stock')).toBe(0);
    expect(notes(r, 'oversold').map((e) => e.params?.tx)).toEqual(['P2']);
    expect(notes(r, 'failed')).toHaveLength(0); // not retried: permanent
    expect(sent(r, 'REFUND')).toBe(1);
    expect(r.final.db('pay').get(PT.refunds, 'P2')).toMatchObject({ reason: 'oversold', asked: 1 });
    expect(r.final.db('stock').get(KT.reverse, 'P2')).toMatchObject({ st: 'done' });
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['delivered', 'repaired']);
    expect(inv(r, 'commission-or-refund').final).toBe('holds');
  });
  it('a refunded payment keeps no commission: the reverse flow then takes P2’s back at the ledger, once', () => {
    expect(sent(r, 'REVERSE')).toBe(1);
    expect(r.final.db('ledger').get(KT.reversed, 'P2')).toMatchObject({ cents: 400, asked: 1 });
    expect(value(r, 'ledger')).toBe(400); // P1's commission only
    const refundedAt = (r.final.db('pay').get(PT.refunds, 'P2') as { at: number }).at;
    const reversedAt = (r.final.db('ledger').get(KT.reversed, 'P2') as { at: number }).at;
    expect(notes(r, 'reverseDone').map((e) => e.params?.tx)).toEqual(['P2']);
    // "commission or refund — not both" is not yet true from the refund until the reversal, then holds
    const cr = inv(r, 'commission-or-refund').broken.map((b) => [b.from, b.to]);
    expect(cr).toContainEqual([refundedAt, reversedAt]);
    expect(r.outcomes[1]).toMatchObject({ outcome: 'repaired', end: reversedAt });
  });
  it('if the reversal never arrives, the commission stays booked on a refunded payment: the invariant says so', () => {
    const x = runNamed('s-didi-2-oversold', {
      faults: [{ id: 'no-reverse', when: { at: 0 }, do: { drop: { type: 'REVERSE', count: 1_000 } } }],
    });
    expect(x.final.db('pay').has(PT.refunds, 'P2')).toBe(true);
    expect(value(x, 'ledger')).toBe(800);
    expect(inv(x, 'commission-or-refund').final).toBe('violated');
    expect(x.outcomes[1].outcome).not.toBe('repaired');
  });
  it('a reversal that comes before the booking (the ledger still retrying) stops the booking', () => {
    const x = runNamed('s-didi-2-oversold', {
      params: { ...runNamed('s-didi-2-oversold').scenario.params, ledgerFailures: 3 },
    });
    expect(x.final.db('ledger').get(KT.reversed, 'P2')).toMatchObject({ cents: 0 });
    expect(notes(x, 'bookSkipped').map((e) => e.params?.tx)).toEqual(['P2']);
    expect(applied(x, 'ledger', 'P2')).toBe(0);
    expect(value(x, 'ledger')).toBe(400);
    expect(x.outcomes.map((o) => o.outcome)).toEqual(['delivered', 'repaired']);
    for (const id of ['commission-or-refund', 'eventually-consistent']) expect(inv(x, id).final).toBe('holds');
  });
  it('a lost refund call is repeated until answered; the payment is refunded once', () => {
    const x = runNamed('s-didi-2-oversold', {
      faults: [
        { id: 'drop-refund', when: { at: 0 }, do: { drop: { from: 'stock', to: 'pay', type: 'REFUND', count: 2 } } },
      ],
    });
    expect(sent(x, 'REFUND')).toBe(3);
    expect(x.final.db('pay').get(PT.refunds, 'P2')).toMatchObject({ asked: 1 });
    expect(x.outcomes[1].outcome).toBe('repaired');
  });
});

describe('S-DIDI-4: duplicate delivery', () => {
  const on = runNamed('s-didi-4-idempotent');
  const off = runNamed('s-didi-4-not-idempotent');
  it('the lost ack makes the payment service send again: two copies in the topic, same message id', () => {
    for (const r of [on, off]) {
      expect(sent(r, 'PRODUCE')).toBe(2);
      expect(notes(r, 'resend')).toHaveLength(1);
      expect(logRows(r).map((x) => [x.offset, x.mid])).toEqual([
        [0, 'pay-P1'],
        [1, 'pay-P1'],
      ]);
    }
  });
  it('idempotent: every consumer skips the second copy', () => {
    expect(notes(on, 'duplicate')).toHaveLength(4);
    for (const c of CONSUMERS) expect(applied(on, c), c).toBe(1);
    expect([value(on, 'stock'), value(on, 'ledger')]).toEqual([99, 400]);
    expect(inv(on, 'exactly-once').broken).toEqual([]);
  });
  it('not idempotent: applied twice everywhere; exactly-once breaks at the first second application, for good', () => {
    for (const c of CONSUMERS) expect(applied(off, c), c).toBe(2);
    expect([value(off, 'stock'), value(off, 'ledger')]).toEqual([98, 800]);
    const again = notes(off, 'appliedAgain');
    expect(again).toHaveLength(4);
    const eo = inv(off, 'exactly-once');
    expect(eo.firstBreak).toBe(Math.min(...again.map((e) => e.t)));
    expect(eo.broken.map((b) => b.to)).toEqual([null]);
    expect(off.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('DDMQ retries survive a consumer crash', () => {
  it('the ledger crashes while its retry waits: the durable retry row is re-armed and the commission booked once', () => {
    const r = runNamed('s-didi-2-ledger-retry', {
      faults: [
        {
          id: 'c',
          when: { on: { kind: 'note', node: 'ledger', type: 'didipay.note.failed' } },
          do: { crash: 'ledger' },
        },
        {
          id: 'r',
          when: { on: { kind: 'note', node: 'ledger', type: 'didipay.note.failed' }, delay: 300 },
          do: { recover: 'ledger' },
        },
      ],
    });
    expect(applied(r, 'ledger')).toBe(1);
    expect(evs(r, 'crash', (e) => e.node === 'ledger')).toHaveLength(1);
    expect(inv(r, 'commission-or-refund').final).toBe('holds');
  });
});

/**
 * Each claim asserted precisely: every retry instant against the published ladders, when the merchant applies,
 * how many times, which invariant breaks and when it is restored.
 */
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../engine/simulator';
import { evs, inv, notes, notifySends, runNamed, scenarioById } from './testkit';
import { ALIPAY_LADDER, MT, parseLadder, PT, WECHAT_LADDER, type MOrder, type PNotify } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;

const mOrder = (r: SimResult, tx = 'O1') => r.final.db('merchant').get<MOrder & Record<string, unknown>>(MT.orders, tx);
const pNotify = (r: SimResult, tx = 'O1') =>
  r.final.db('platform').get<PNotify & Record<string, unknown>>(PT.notify, tx);
const paidAt = (r: SimResult, tx = 'O1') => Number(r.final.db('platform').get(PT.orders, tx)?.at);
/** Offsets of each attempt from the first: 0, l0, l0 + l1, … */
const cumulative = (ladder: readonly number[], n: number) => {
  const out = [0];
  for (let i = 0; i < n - 1; i++) out.push(out[i] + ladder[i]);
  return out;
};
const offsets = (r: SimResult) => {
  const s = notifySends(r);
  return s.map((e) => e.t - s[0].t);
};
const outcome = (r: SimResult, tx = 'O1') => r.outcomes.find((o) => o.tx === tx);

describe('the ladders', () => {
  it('WeChat Pay: 15 intervals after the first notification, 24 h 4 min in total', () => {
    expect(WECHAT_LADDER).toHaveLength(15);
    expect(WECHAT_LADDER.reduce((a, b) => a + b, 0)).toBe(24 * HOUR + 4 * MIN);
  });
  it('Alipay: 8 notifications within 25 h (7 intervals, 24 h 24 min)', () => {
    expect(ALIPAY_LADDER).toHaveLength(7);
    expect(ALIPAY_LADDER.reduce((a, b) => a + b, 0)).toBe(24 * HOUR + 24 * MIN);
  });
  it('a custom ladder parses units and skips what does not parse', () => {
    expect(parseLadder('1s,5s,30s')).toEqual([1_000, 5_000, 30_000]);
    expect(parseLadder(' 500ms, 2m ,1h, x, 1.5s, 250')).toEqual([500, 120_000, 3_600_000, 1_500, 250]);
    expect(parseLadder('')).toEqual([]);
  });
});

describe('happy path', () => {
  const r = runNamed('ben-happy');
  it('one notification, applied once, answered within the deadline, delivered', () => {
    expect(notifySends(r)).toHaveLength(1);
    expect(notes(r, 'delivered')).toHaveLength(1);
    expect(mOrder(r)?.applied).toBe(1);
    const ack = evs(r, 'deliver', (e) => e.msg.type === 'ACK')[0];
    expect(ack.t - notifySends(r)[0].t).toBeLessThan(5_000);
    const o = outcome(r);
    expect(o?.outcome).toBe('delivered');
    expect(o?.end).toBe(mOrder(r)?.paidAt);
    expect(o?.start).toBe(10);
  });
  it('the inconsistency window is one network hop: from the platform’s commit to the merchant’s', () => {
    const b = inv(r, 'eventually-consistent').broken;
    expect(b).toHaveLength(1);
    expect(b[0].from).toBe(paidAt(r));
    expect(b[0].to).toBe(mOrder(r)?.paidAt);
    expect(Number(b[0].to) - b[0].from).toBeLessThanOrEqual(80);
  });
});

describe('S-BEN-1 retries on the WeChat Pay ladder', () => {
  const r = runNamed('s-ben-1');
  it('attempts at +0, 15 s, 30 s, 1 min, 4 min fail (merchant down); the 6th at +14 min is delivered', () => {
    expect(offsets(r)).toEqual(cumulative(WECHAT_LADDER, 6));
    expect(offsets(r)).toEqual([0, 15_000, 30_000, 60_000, 240_000, 840_000]);
    const sends = notifySends(r);
    // The first five reach a crashed merchant; the sixth is handled.
    for (const s of sends.slice(0, 5)) expect(s.t).toBeLessThan(5 * MIN);
    expect(evs(r, 'drop', (e) => e.msg.type === 'NOTIFY' && e.reason === 'crashed')).toHaveLength(5);
    expect(sends.map((s) => s.msg.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(sends.map((s) => s.msg.mid))).toEqual(new Set(['N-O1']));
    expect(notes(r, 'delivered')[0].params).toEqual({ tx: 'O1', n: 6 });
  });
  it('every failure is the 5 s deadline passing', () => {
    const sends = notifySends(r);
    const deadlines = notes(r, 'deadline').map((e) => e.t);
    expect(deadlines).toEqual(sends.slice(0, 5).map((s) => s.t + 5_000));
  });
  it('eventually consistent after a 14-minute window; exactly once', () => {
    const b = inv(r, 'eventually-consistent').broken;
    expect(b).toHaveLength(1);
    expect(b[0].from).toBe(paidAt(r));
    const window = Number(b[0].to) - b[0].from;
    expect(window).toBeGreaterThanOrEqual(14 * MIN);
    expect(window).toBeLessThan(14 * MIN + 200);
    expect(mOrder(r)?.applied).toBe(1);
  });
});

describe('S-BEN-1 down past the last step: given up', () => {
  const r = runNamed('s-ben-1-give-up');
  it('16 notifications at the published instants, the last 24 h 4 min after the first, then nothing', () => {
    const off = offsets(r);
    expect(off).toEqual(cumulative(WECHAT_LADDER, 16));
    expect(off[15]).toBe(24 * HOUR + 4 * MIN);
    const giveUp = notes(r, 'givenUp');
    expect(giveUp).toHaveLength(1);
    expect(giveUp[0].t).toBe(notifySends(r)[15].t + 5_000);
    expect(pNotify(r)).toMatchObject({ n: 16, st: 'given-up', endAt: giveUp[0].t });
  });
  it('paid at the platform, unpaid at the merchant, for good: no-lost-notification broken from the give-up on', () => {
    expect(mOrder(r)?.st).toBe('unpaid');
    const b = inv(r, 'no-lost-notification').broken;
    expect(b).toEqual([expect.objectContaining({ from: notes(r, 'givenUp')[0].t, to: null })]);
    expect(inv(r, 'eventually-consistent').final).toBe('violated');
    expect(outcome(r)).toMatchObject({ outcome: 'given-up', end: notes(r, 'givenUp')[0].t });
  });
});

describe('S-BEN-2 reconciliation repairs a given-up notification', () => {
  it('scheduled: the first run after the merchant is back (25 h + 10 min) queries the order and applies it', () => {
    const r = runNamed('s-ben-2');
    const q = evs(r, 'send', (e) => e.msg.type === 'QUERY');
    expect(q).toHaveLength(1);
    expect(q[0].t).toBe(25 * HOUR + 10 * MIN);
    const res = evs(r, 'deliver', (e) => e.msg.type === 'QUERY_RESULT');
    expect(res[0].msg).toMatchObject({ tx: 'O1', paid: true, mid: 'N-O1' });
    expect(mOrder(r)).toMatchObject({ st: 'paid', via: 'reconcile', applied: 1, paidAt: res[0].t });
    // Broken from the give-up to the repair: the window reconciliation closes.
    const b = inv(r, 'no-lost-notification').broken;
    expect(b).toEqual([expect.objectContaining({ from: notes(r, 'givenUp')[0].t, to: res[0].t })]);
    expect(outcome(r)).toMatchObject({ outcome: 'repaired', end: res[0].t });
    const window = res[0].t - paidAt(r);
    expect(window).toBeGreaterThan(25 * HOUR);
  });
  it('on demand: one query at the operator’s request (25 h + 1 min)', () => {
    const r = runNamed('s-ben-2-on-demand');
    const q = evs(r, 'send', (e) => e.msg.type === 'QUERY');
    expect(q.map((e) => e.t)).toEqual([25 * HOUR + MIN]);
    expect(outcome(r)?.outcome).toBe('repaired');
  });
  it('reconciliation off: the same outage stays given up (the s-ben-1-give-up scenario is this one without it)', () => {
    expect(scenarioById('s-ben-2').faults).toEqual(scenarioById('s-ben-1-give-up').faults);
  });
  it('the scheduled job skips orders younger than one interval and goes quiet when nothing is unpaid', () => {
    const r = runNamed('ben-happy', { params: { ...runNamed('ben-happy').scenario.params, reconcile: 'schedule' } });
    expect(evs(r, 'send', (e) => e.msg.type === 'QUERY')).toHaveLength(0);
    expect(r.stoppedBy).toBe('quiescent');
  });
});

describe('duplicates: idempotency by notify_id', () => {
  it('a duplicated notification with the guard: two deliveries, one application, one processed row', () => {
    const r = runNamed('ben-duplicate');
    const d = evs(r, 'deliver', (e) => e.node === 'merchant' && e.msg.type === 'NOTIFY');
    expect(d).toHaveLength(2);
    expect(d[0].msg.mid).toBe(d[1].msg.mid);
    expect(mOrder(r)?.applied).toBe(1);
    expect(r.final.db('merchant').size(MT.processed)).toBe(1);
    expect(notes(r, 'duplicateIgnored')).toHaveLength(1);
    expect(inv(r, 'exactly-once').broken).toHaveLength(0);
  });
  it('without the guard: applied twice, exactly-once broken from the second delivery to the end', () => {
    const r = runNamed('ben-duplicate-no-idempotency');
    const d = evs(r, 'deliver', (e) => e.node === 'merchant' && e.msg.type === 'NOTIFY');
    expect(mOrder(r)?.applied).toBe(2);
    expect(inv(r, 'exactly-once').broken).toEqual([expect.objectContaining({ from: d[1].t, to: null })]);
    expect(r.final.db('merchant').size(MT.processed)).toBe(0);
  });
  it('a lost “success”: the platform retries 15 s after the first attempt with the same notify_id', () => {
    const on = runNamed('ben-lost-ack');
    expect(offsets(on)).toEqual([0, 15_000]);
    expect(notifySends(on).map((s) => s.msg.mid)).toEqual(['N-O1', 'N-O1']);
    expect(mOrder(on)?.applied).toBe(1);
    const off = runNamed('ben-lost-ack-no-idempotency');
    expect(offsets(off)).toEqual([0, 15_000]);
    expect(mOrder(off)?.applied).toBe(2);
    expect(inv(off, 'exactly-once').final).toBe('violated');
  });
});

describe('the handler’s deadline', () => {
  const r = runNamed('ben-slow-handler');
  it('an 8 s answer misses the 5 s deadline: counted failed, retried at +15 s, the late answer ignored', () => {
    const sends = notifySends(r);
    expect(offsets(r)).toEqual([0, 15_000]);
    expect(notes(r, 'deadline').map((e) => e.t)).toEqual([sends[0].t + 5_000]);
    const acks = evs(r, 'deliver', (e) => e.node === 'platform' && e.msg.type === 'ACK');
    expect(acks.map((a) => a.msg.n)).toEqual([1, 2]);
    expect(acks[0].t - sends[0].t).toBeGreaterThan(8_000);
    // The late answer (attempt 1) arrives while attempt 2 is not yet sent: it does not end the notification.
    expect(acks[0].t).toBeLessThan(sends[1].t);
    expect(notes(r, 'delivered').map((e) => e.params)).toEqual([{ tx: 'O1', n: 2 }]);
    // The order was applied by the slow first attempt already; the second is a duplicate.
    expect(mOrder(r)?.applied).toBe(1);
    expect(mOrder(r)?.paidAt).toBeLessThan(sends[0].t + 5_000);
  });
  it('a handler always slower than the deadline makes every attempt fail: given up although applied', () => {
    const base = runNamed('ben-slow-handler').scenario;
    const r = runNamed('ben-slow-handler', { params: { ...base.params, slowCount: 100 } });
    expect(notifySends(r)).toHaveLength(16);
    expect(pNotify(r)?.st).toBe('given-up');
    expect(mOrder(r)?.applied).toBe(1);
    expect(outcome(r)?.outcome).toBe('delivered');
  });
});

describe('Alipay’s ladder', () => {
  it('down 2 h: attempts at +0, 4 m, 14 m, 24 m, 1 h 24 m fail; the one at 3 h 24 m is delivered', () => {
    const r = runNamed('ben-alipay');
    expect(offsets(r)).toEqual(cumulative(ALIPAY_LADDER, 6));
    expect(offsets(r)).toEqual([0, 4 * MIN, 14 * MIN, 24 * MIN, 84 * MIN, 204 * MIN]);
    expect(outcome(r)?.outcome).toBe('delivered');
  });
  it('down for good: 8 notifications, the last 24 h 24 min after the first, then given up', () => {
    const sc = runNamed('ben-alipay').scenario;
    const r = runNamed('ben-alipay', { faults: sc.faults.filter((f) => !('recover' in f.do)) });
    expect(offsets(r)).toEqual(cumulative(ALIPAY_LADDER, 8));
    expect(offsets(r)[7]).toBe(24 * HOUR + 24 * MIN);
    expect(pNotify(r)?.st).toBe('given-up');
  });
});

describe('custom ladder', () => {
  it('1 s, 5 s, 30 s: four attempts, given up after the last one’s deadline, repaired by the on-demand run at 2 min', () => {
    const r = runNamed('ben-custom');
    // An interval shorter than the 5 s deadline: an attempt is known failed only at its deadline, so the next one
    // goes then (1 s → at +5 s, 5 s → at +10 s); the 30 s step is counted from the 3rd attempt as usual.
    expect(offsets(r)).toEqual([0, 5_000, 10_000, 40_000]);
    expect(notes(r, 'givenUp')[0].t).toBe(notifySends(r)[3].t + 5_000);
    expect(evs(r, 'send', (e) => e.msg.type === 'QUERY').map((e) => e.t)).toEqual([2 * MIN]);
    expect(outcome(r)?.outcome).toBe('repaired');
  });
});

describe('platform crash', () => {
  it('a restarted platform resumes its open notifications from its rows (timers died with it)', () => {
    const base = runNamed('ben-happy').scenario;
    const r = runNamed('ben-happy', {
      faults: [
        { id: 'down', when: { on: { kind: 'send', node: 'platform', type: 'NOTIFY' } }, do: { crash: 'platform' } },
        { id: 'drop', when: { at: 0 }, do: { drop: { from: 'merchant', to: 'platform', type: 'ACK' } } },
        { id: 'up', when: { at: 60_000 }, do: { recover: 'platform' } },
      ],
      params: base.params,
    });
    // Attempt 1 in flight at the crash counts failed on recovery; its retry (due at +15 s) is sent at once.
    expect(notifySends(r).map((s) => s.t)).toEqual([notifySends(r)[0].t, 60_000]);
    expect(outcome(r)?.outcome).toBe('delivered');
    expect(mOrder(r)?.applied).toBe(1);
  });
});

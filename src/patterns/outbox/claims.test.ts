/**
 * Each scenario asserted from the trace: the three steps in order, who publishes or applies twice and when, the
 * instant exactly-once breaks, delivery after a broker outage, and the latency of polling against log tailing.
 */
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../engine/simulator';
import type { Row } from '../../engine/types';
import { BT, type LogRecord } from '../broker';
import { baseScenario } from '../../engine/scenario';
import { outbox } from './index';
import { evs, inv, notes, runNamed } from './testkit';
import { KT, OT, type EffectRow } from './types';

const logRows = (r: SimResult) => {
  const db = r.final.db('broker');
  return [...db.keys(BT.log)].map((k) => db.get<LogRecord & Row>(BT.log, k) as LogRecord);
};
const applied = (r: SimResult, tx = 'T1') => r.final.db('consumer').get<EffectRow & Row>(KT.effects, tx)?.n ?? 0;
const wrote = (r: SimResult, node: string, table: string) =>
  r.events.filter((e) => e.node === node && 'writes' in e && e.writes?.some((w) => w.table === table && w.row));
const latency = (r: SimResult) => r.outcomes.map((o) => (o.end ?? Infinity) - (o.start ?? 0));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('happy path: the seed’s three steps, in order', () => {
  const r = runNamed('s-outbox-happy');
  it('(1) the order and its outbox row are written by one step: one local transaction', () => {
    const placed = evs(r, 'request', (e) => e.msg.type === 'PLACE');
    expect(placed).toHaveLength(1);
    const tables = (placed[0].writes ?? []).map((w) => w.table).sort();
    expect(tables).toEqual([OT.orders, OT.outbox, OT.pending].sort());
    const row = placed[0].writes?.find((w) => w.table === OT.outbox)?.row;
    expect(row).toMatchObject({
      id: 'evt-T1',
      aggregatetype: 'order',
      aggregateid: 'T1',
      type: 'OrderCreated',
      payload: { qty: 1 },
      status: 'pending',
    });
  });
  it('(2) the relay publishes at its first poll, the broker appends, the row is marked sent after the ack', () => {
    const placed = evs(r, 'request')[0];
    const publish = evs(r, 'send', (e) => e.node === 'relay' && e.msg.type === 'PRODUCE');
    expect(publish).toHaveLength(1);
    expect(publish[0].msg.mid).toBe('evt-T1');
    expect(publish[0].t).toBeGreaterThanOrEqual(1_000); // the first poll (pollInterval 1 s)
    const appended = wrote(r, 'broker', BT.log);
    expect(appended).toHaveLength(1);
    const ack = evs(r, 'deliver', (e) => e.node === 'relay' && e.msg.type === 'PRODUCE_ACK')[0];
    const mark = evs(r, 'deliver', (e) => e.node === 'order' && e.msg.type === 'MARK')[0];
    expect(placed.seq < publish[0].seq && publish[0].seq < appended[0].seq).toBe(true);
    expect(appended[0].seq < ack.seq && ack.seq < mark.seq).toBe(true);
    expect(mark.writes?.find((w) => w.table === OT.outbox)?.row).toMatchObject({ status: 'sent', sentAt: mark.t });
    expect(logRows(r).map((x) => [x.topic, x.partition, x.offset, x.mid])).toEqual([
      ['outbox.event.order', 0, 0, 'evt-T1'],
    ]);
  });
  it('(3) the consumer applies the effect after the append, then commits offset 1', () => {
    const appended = wrote(r, 'broker', BT.log)[0];
    const apply = wrote(r, 'consumer', KT.effects);
    expect(apply).toHaveLength(1);
    expect(apply[0].seq).toBeGreaterThan(appended.seq);
    const commit = evs(r, 'send', (e) => e.node === 'consumer' && e.msg.type === 'OFFSET_COMMIT');
    expect(commit).toHaveLength(1);
    expect(commit[0].msg.offset).toBe(1);
    expect(commit[0].seq).toBeGreaterThan(apply[0].seq);
    expect(r.final.db('broker').get(BT.offsets, 'inventory/outbox.event.order/0')).toMatchObject({ offset: 1 });
    expect(r.outcomes[0]).toMatchObject({ tx: 'T1', outcome: 'delivered', start: 10, end: apply[0].t });
  });
  it('on ack the row can be deleted instead of marked', () => {
    const params = { ...baseScenario(outbox).params, onAck: 'delete' };
    const d = runNamed('s-outbox-happy', { params });
    expect(d.final.db('order').size(OT.outbox)).toBe(0);
    expect(d.final.db('order').size(OT.orders)).toBe(1);
    expect(d.outcomes[0].outcome).toBe('delivered');
    expect(d.invariants.every((i) => i.final === 'holds')).toBe(true);
  });
});

describe('relay crash between publish and mark', () => {
  it('dedup on: published twice, applied once; the inbox skips the second copy', () => {
    const r = runNamed('s-outbox-relay-crash');
    const crash = evs(r, 'crash', (e) => e.node === 'relay')[0];
    const ack = evs(r, 'deliver', (e) => e.node === 'relay' && e.msg.type === 'PRODUCE_ACK')[0];
    expect(crash.t).toBe(ack.t);
    // Not marked before the crash: no MARK left the relay until it republished.
    const marks = evs(r, 'send', (e) => e.node === 'relay' && e.msg.type === 'MARK');
    expect(marks).toHaveLength(1);
    expect(marks[0].t).toBeGreaterThan(crash.t + 300);
    expect(evs(r, 'send', (e) => e.msg.type === 'PRODUCE')).toHaveLength(2);
    expect(logRows(r).map((x) => [x.offset, x.mid])).toEqual([
      [0, 'evt-T1'],
      [1, 'evt-T1'],
    ]);
    expect(applied(r)).toBe(1);
    expect(notes(r, 'duplicate').map((e) => e.params?.offset)).toEqual([1]);
    expect(inv(r, 'exactly-once').broken).toHaveLength(0);
  });
  it('dedup off: applied twice; exactly-once breaks at the second application and stays broken', () => {
    const r = runNamed('s-outbox-relay-crash-no-dedup');
    expect(applied(r)).toBe(2);
    const again = notes(r, 'appliedAgain');
    expect(again).toHaveLength(1);
    const eo = inv(r, 'exactly-once');
    expect(eo.firstBreak).toBe(again[0].t);
    expect(eo.final).toBe('violated');
    expect(eo.broken[0].to).toBeNull();
    expect(r.final.states.consumer.durable).toEqual({ stock: 999_998 });
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('consumer crash between processing and offset commit', () => {
  it('dedup on: the redelivered message (same offset, one copy in the log) is skipped', () => {
    const r = runNamed('s-outbox-consumer-crash');
    const crash = evs(r, 'crash', (e) => e.node === 'consumer')[0];
    expect(crash.t).toBe(notes(r, 'applied')[0].t);
    const commits = evs(r, 'send', (e) => e.node === 'consumer' && e.msg.type === 'OFFSET_COMMIT');
    expect(commits.every((c) => c.t > crash.t)).toBe(true);
    expect(logRows(r)).toHaveLength(1);
    // After the restart it fetches from the committed offset (none: 0) and gets offset 0 again.
    const refetch = evs(r, 'send', (e) => e.node === 'consumer' && e.msg.type === 'FETCH' && e.t > crash.t)[0];
    expect(refetch.msg.offset).toBeNull();
    expect(notes(r, 'duplicate').map((e) => e.params?.offset)).toEqual([0]);
    expect(applied(r)).toBe(1);
    expect(inv(r, 'exactly-once').broken).toHaveLength(0);
  });
  it('dedup off: applied twice; exactly-once breaks at the redelivery', () => {
    const r = runNamed('s-outbox-consumer-crash-no-dedup');
    expect(applied(r)).toBe(2);
    expect(inv(r, 'exactly-once').firstBreak).toBe(notes(r, 'appliedAgain')[0].t);
    expect(inv(r, 'exactly-once').firstBreak).toBeGreaterThan(evs(r, 'crash')[0].t + 300);
  });
});

describe('broker down for a while', () => {
  const r = runNamed('s-outbox-broker-down');
  it('publishes are lost while it is down; the relay retries every ack timeout; delivered right after recovery', () => {
    const recover = evs(r, 'recover', (e) => e.node === 'broker')[0];
    expect(recover.t).toBe(4_000);
    const produce = evs(r, 'send', (e) => e.msg.type === 'PRODUCE');
    expect(produce.length).toBeGreaterThanOrEqual(6); // 1 s … 4 s, every 500 ms
    for (let i = 1; i < produce.length; i++) expect(produce[i].t - produce[i - 1].t).toBeCloseTo(500, 6);
    expect(evs(r, 'drop', (e) => e.msg.type === 'PRODUCE' && e.reason === 'crashed').length).toBe(produce.length - 1);
    expect(notes(r, 'retry').length).toBe(produce.length - 1);
    expect(logRows(r)).toHaveLength(1);
    const end = r.outcomes[0].end as number;
    expect(end).toBeGreaterThan(4_000);
    expect(end - 4_000).toBeLessThan(500 + 200);
    expect(r.outcomes[0].outcome).toBe('delivered');
    // The outbox row waited, pending and durable, the whole outage.
    expect(inv(r, 'outbox-drained').final).toBe('holds');
  });
});

describe('polling publisher vs log tailing: end-to-end delivery time', () => {
  const poll = runNamed('s-outbox-polling');
  const tail = runNamed('s-outbox-log-tailing');
  it('log tailing delivers every order within ~cdcLag plus three hops; polling waits for the next poll', () => {
    const lp = latency(poll);
    const lt = latency(tail);
    expect(lp).toHaveLength(5);
    expect(lt).toHaveLength(5);
    for (const x of lt) expect(x).toBeLessThan(50 + 4 * 30 + 20 + 10);
    for (const x of lp) expect(x).toBeLessThan(1_000 + 4 * 30 + 20 + 10);
    expect(mean(lp)).toBeGreaterThan(400);
    expect(mean(lt)).toBeLessThan(170);
    expect(mean(lp) - mean(lt)).toBeGreaterThan(300);
    // The same orders, the same effects.
    expect(poll.outcomes.map((o) => o.outcome)).toEqual(tail.outcomes.map((o) => o.outcome));
  });
  it('log tailing never queries the table; polling queries it every second', () => {
    expect(evs(tail, 'send', (e) => e.msg.type === 'SCAN')).toHaveLength(0);
    expect(evs(tail, 'send', (e) => e.msg.type === 'CDC').length).toBeGreaterThanOrEqual(5);
    const scans = evs(poll, 'send', (e) => e.msg.type === 'SCAN');
    expect(scans.length).toBeGreaterThanOrEqual(9);
    expect(scans[1].t - scans[0].t).toBe(1_000);
  });
});

describe('auto-commit commits what was polled, processed or not', () => {
  it('a crash after the commit and before processing loses the message for good', () => {
    const r = runNamed('s-outbox-auto-commit-loss');
    const commit = evs(r, 'send', (e) => e.node === 'consumer' && e.msg.type === 'OFFSET_COMMIT')[0];
    expect(commit.msg.offset).toBe(1);
    expect(notes(r, 'applied')).toHaveLength(0);
    expect(applied(r)).toBe(0);
    expect(inv(r, 'eventually-consistent').final).toBe('violated');
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('partitions', () => {
  it('orders spread over three partitions by key, each delivered once, every partition’s offset committed', () => {
    const params = { ...baseScenario(outbox).params, partitions: 3, txCount: 12, txGap: 100, relay: 'log-tailing' };
    const r = runNamed('s-outbox-happy', { params, workload: outbox.workload(params) }, true);
    expect(r.referenceMismatches).toEqual([]);
    expect(r.outcomes.map((o) => o.outcome)).toEqual(Array(12).fill('delivered'));
    const parts = new Set(logRows(r).map((x) => x.partition));
    expect(parts.size).toBe(3);
    const db = r.final.db('broker');
    let committed = 0;
    for (const p of [0, 1, 2])
      committed += db.get<{ offset: number }>(BT.offsets, `inventory/outbox.event.order/${p}`)?.offset ?? 0;
    expect(committed).toBe(12);
  });
});

/** Reducers are pure (frozen state and rows give the same trace), state is plain JSON, and the views read right. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { rocketmq } from './index';
import { runNamed } from './testkit';

const frozen = frozenPattern(rocketmq);

/** A node's view just after the event at `seq`. */
function viewAfter(r: SimResult, seq: number, node: string, role: string, up = true) {
  const ix = indexTrace(r);
  const st = r.events
    .slice(0, seq + 1)
    .reverse()
    .find((e) => e.node === node && 'state' in e);
  const state = st && 'state' in st ? st.state : r.initial.states[node];
  return rocketmq.view(node, role, state, up, dbAt(ix, node, seq + 1));
}

describe('rocketmq reducers', () => {
  for (const ns of rocketmq.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(rocketmq, ns);
      const a = simulate(rocketmq, sc);
      expect(simulate(frozen, sc).hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('rocketmq views', () => {
  it('before the first half message the broker card says none is stored, not "waiting"', () => {
    const r = runNamed('s-rmq-happy');
    const first = r.events.find((e) => e.kind === 'deliver' && e.msg.type === 'SEND_HALF');
    if (!first) throw new Error('no SEND_HALF');
    const b = viewAfter(r, first.seq - 1, 'broker', 'broker');
    expect(b.durable.find((x) => x.pin)).toMatchObject({ label: 'rocketmq.row.halfNone', value: 0 });
    expect(b.durable.some((x) => x.label === 'rocketmq.row.half')).toBe(false);
    expect(b.statusKey).toBe('rocketmq.status.serving');
    // once stored, the half message is what waits
    const after = viewAfter(r, first.seq, 'broker', 'broker');
    expect(after.durable.find((x) => x.pin)).toMatchObject({ label: 'rocketmq.row.half', value: 1 });
  });
  it('while the COMMIT is lost: the broker shows one half message waiting (amber), the order is committed', () => {
    const r = runNamed('s-rmq-commit-lost');
    const drop = r.events.find((e) => e.kind === 'send' && e.msg.type === 'END_TX');
    if (!drop) throw new Error('no END_TX');
    const b = viewAfter(r, drop.seq, 'broker', 'broker');
    expect(b.statusKey).toBe('rocketmq.status.halfWaiting');
    expect(b.tone).toBe('prepared');
    expect(b.durable.find((x) => x.label === 'msg-T1')).toMatchObject({
      value: 'half',
      valueKey: 'broker.word.half',
      tone: 'prepared',
    });
    expect(b.durable.find((x) => x.pin)).toMatchObject({ label: 'rocketmq.row.half', value: 1 });
    const p = viewAfter(r, drop.seq, 'producer', 'producer');
    expect(p.durable.find((x) => x.label === 'T1')).toMatchObject({ value: 'committed', tone: 'committed' });
    // After the check: committed, one check, nothing waiting.
    const end = rocketmq.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker'));
    expect(end.durable.find((x) => x.label === 'rocketmq.row.checks')?.value).toBe(1);
    expect(end.durable.find((x) => x.pin)).toMatchObject({ value: 0, tone: 'committed' });
    expect(end.statusKey).toBe('rocketmq.status.serving');
  });
  it('after the last check: discarded in red, the max-check topic counted', () => {
    const r = runNamed('s-rmq-check-max');
    const b = rocketmq.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker'));
    expect(b.durable.find((x) => x.label === 'msg-T1')).toMatchObject({ value: 'discarded', tone: 'violated' });
    expect(b.durable.find((x) => x.label === 'rocketmq.row.checks')?.value).toBe(15);
    expect(b.durable.find((x) => x.label === 'rocketmq.row.maxCheck')?.value).toBe(1);
  });
  it('dead-lettered and duplicated: the consumer and broker say so', () => {
    const d = runNamed('s-rmq-dlq');
    const b = rocketmq.view('broker', 'broker', d.final.states.broker, true, d.final.db('broker'));
    expect(b.durable.find((x) => x.label === 'rocketmq.row.dlq')).toMatchObject({ value: 1, tone: 'violated' });
    expect(b.durable.find((x) => x.label === 'rocketmq.row.retried')?.value).toBe(16);
    const c = rocketmq.view('consumer', 'consumer', d.final.states.consumer, true, d.final.db('consumer'));
    expect(c.durable.find((x) => x.label === 'msg-T1')).toMatchObject({ value: 'retrying', tone: 'blocked' });
    const n = runNamed('s-rmq-duplicate-no-idempotency');
    const cn = rocketmq.view('consumer', 'consumer', n.final.states.consumer, true, n.final.db('consumer'));
    expect(cn.durable[0]).toMatchObject({ label: 'T1', value: '×2', tone: 'violated' });
    expect(cn.durable.find((x) => x.pin)).toMatchObject({ label: 'rocketmq.row.stock', value: 999_998 });
  });
  it('a crashed producer is down and its local transaction gone', () => {
    const r = runNamed('s-rmq-producer-crash');
    const crash = r.events.find((e) => e.kind === 'crash');
    if (!crash) throw new Error('no crash');
    const p = viewAfter(r, crash.seq, 'producer', 'producer', false);
    expect(p.statusKey).toBe('rocketmq.status.down');
    expect(p.volatile).toEqual([]);
  });
  it('every visible table has a view spec with a title and columns', () => {
    const shown = Object.entries(rocketmq.roles).flatMap(([role, def]) =>
      Object.entries(def.tables ?? {})
        .filter(([, spec]) => spec.view)
        .map(([name]) => `${role}.${name}`),
    );
    expect(shown.sort()).toEqual(
      [
        'producer.orders',
        'producer.txLog',
        'producer.localTx',
        'broker.topicLog',
        'broker.logEnds',
        'broker.groupOffsets',
        'broker.halfMsgs',
        'broker.delayedMsgs',
        'consumer.consumed',
        'consumer.reservations',
        'consumer.failedConsumes',
      ].sort(),
    );
  });
});

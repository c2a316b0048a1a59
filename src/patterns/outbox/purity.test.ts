/** Reducers are pure (frozen state and rows give the same trace), state is plain JSON, and the views read right. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { outbox } from './index';
import { runNamed } from './testkit';

const frozen = frozenPattern(outbox);

describe('outbox reducers', () => {
  for (const ns of outbox.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(outbox, ns);
      const a = simulate(outbox, sc);
      expect(simulate(frozen, sc).hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('outbox views', () => {
  it('mid-run (relay crashed after the ack): the row is pending, the topic holds the message, the relay is down', () => {
    const r = runNamed('s-outbox-relay-crash');
    const ix = indexTrace(r);
    const crash = r.events.find((e) => e.kind === 'crash');
    if (!crash) throw new Error('no crash');
    const pos = crash.seq + 1;
    const at = (node: string, role: string, up: boolean) => {
      const st = r.events
        .slice(0, pos)
        .reverse()
        .find((e) => e.node === node && 'state' in e);
      const state = st && 'state' in st ? st.state : r.initial.states[node];
      return outbox.view(node, role, state, up, dbAt(ix, node, pos));
    };
    const order = at('order', 'order', true);
    expect(order.statusKey).toBe('outbox.status.pending');
    expect(order.durable.find((x) => x.label === 'evt-T1')).toMatchObject({ value: 'pending', tone: 'prepared' });
    expect(order.durable.find((x) => x.pin)).toMatchObject({ label: 'outbox.row.pending', value: 1 });
    const broker = at('broker', 'broker', true);
    expect(broker.durable[0]).toMatchObject({ label: 'outbox.event.order/0/0', value: 'evt-T1' });
    expect(at('relay', 'relay', false).statusKey).toBe('outbox.status.down');
  });
  it('at the end without dedup: the reservation shows ×2 in red, stock pinned', () => {
    const r = runNamed('s-outbox-relay-crash-no-dedup');
    const v = outbox.view('consumer', 'consumer', r.final.states.consumer, true, r.final.db('consumer'));
    expect(v.durable[0]).toMatchObject({ label: 'T1', value: '×2', tone: 'violated' });
    expect(v.durable.find((x) => x.pin)).toMatchObject({ label: 'outbox.row.stock', value: 999_998 });
    const b = outbox.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker'));
    expect(b.durable.find((x) => x.pin)?.value).toBe('p0@2');
    expect(b.durable.find((x) => x.label === 'outbox.row.messages')?.value).toBe(2);
  });
  it('every visible table has a view spec with a title and columns', () => {
    const shown = Object.entries(outbox.roles).flatMap(([role, def]) =>
      Object.entries(def.tables ?? {})
        .filter(([, spec]) => spec.view)
        .map(([name]) => `${role}.${name}`),
    );
    expect(shown.sort()).toEqual(
      [
        'order.orders',
        'order.outbox',
        'relay.relayInflight',
        'broker.topicLog',
        'broker.logEnds',
        'broker.groupOffsets',
        'consumer.inbox',
        'consumer.reservations',
      ].sort(),
    );
  });
});

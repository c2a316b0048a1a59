/** The broker module on its own: a producer, the broker and a consumer in a three-node test pattern. */
import { describe, expect, it } from 'vitest';
import type { PatternDef } from '../../engine/pattern';
import { role, same } from '../../engine/pattern';
import { baseScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Effect, Fault, Row } from '../../engine/types';
import {
  append,
  BT,
  brokerRole,
  brokerTables,
  committedOffset,
  consumerParams,
  consumerRole,
  logEnd,
  logKey,
  partitionOf,
  produceMsg,
  type LogRecord,
} from './index';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** Sends one message per key at start, 100 ms apart (timer per message). */
const producer = role<Record<string, never>, Record<string, never>>({
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx) {
    if (input.kind === 'start') return same(s, [{ kind: 'setTimer', name: 'send:0', after: 100 }]);
    if (input.kind !== 'timer') return same(s);
    const i = Number(input.name.slice(5));
    const key = KEYS[i];
    const partition = partitionOf(key, Number(ctx.params.partitions));
    const effects = [
      {
        kind: 'send' as const,
        to: 'broker',
        msg: produceMsg({ topic: 't', partition, key, mid: 'm-' + key, type: 'E', payload: {} }),
      },
    ];
    if (i + 1 < KEYS.length) effects.push({ kind: 'setTimer', name: 'send:' + (i + 1), after: 100 } as never);
    return same(s, effects);
  },
});

const consumer = consumerRole<{ seen: number }>({
  group: 'g',
  topic: 't',
  broker: 'broker',
  notePrefix: 'test',
  init: () => ({ seen: 0 }),
  handle: (d, rec, ctx) => {
    ctx.db.put('handled', `${rec.partition}/${rec.offset}`, { mid: rec.mid, at: ctx.now });
    return { durable: { seen: d.seen + 1 }, effects: [] };
  },
  tables: { handled: { durable: true } },
});

const test: PatternDef = {
  id: 'broker-test',
  family: 'test',
  roles: { producer, broker: brokerRole(), consumer },
  params: [...consumerParams],
  guards: [],
  topology: () => ({
    nodes: [
      { id: 'producer', role: 'producer', label: 'producer', x: 0, y: 0 },
      { id: 'broker', role: 'broker', label: 'broker', x: 200, y: 0 },
      { id: 'consumer', role: 'consumer', label: 'consumer', x: 400, y: 0 },
    ],
    edges: [
      { from: 'producer', to: 'broker', kind: 'stream' },
      { from: 'broker', to: 'consumer', kind: 'stream' },
    ],
  }),
  defaultNetwork: { default: { latency: { kind: 'constant', value: 10 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 6_000,
  workload: () => [],
  invariants: [],
  outcomes: () => [],
  view: () => ({ tone: 'idle', statusKey: 'x', durable: [], volatile: [] }),
  scenarios: [],
  handlers: [],
  surface: () => ({ crashable: ['broker', 'consumer'], channels: [] }),
};

function run(params: Record<string, number | string> = {}, faults: Fault[] = []): SimResult {
  const base = baseScenario(test);
  return simulate(test, { ...base, params: { ...base.params, ...params }, faults });
}
const handled = (r: SimResult) => [...r.final.db('consumer').keys('handled')];

describe('broker module', () => {
  it('appends are rows of a FIFO log per partition; the producer gets each offset; the consumer reads them in order', () => {
    const r = run();
    const db = r.final.db('broker');
    expect(logEnd(db, 't', 0)).toBe(6);
    expect(KEYS.map((_, i) => db.get<LogRecord & Row>(BT.log, logKey('t', 0, i))?.mid)).toEqual(
      KEYS.map((k) => 'm-' + k),
    );
    const acks = r.events.filter((e) => e.kind === 'deliver' && e.msg.type === 'PRODUCE_ACK');
    expect(acks.map((e) => ('msg' in e ? e.msg.offset : -1))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(handled(r)).toEqual(['0/0', '0/1', '0/2', '0/3', '0/4', '0/5']);
    expect(committedOffset(db, 'g', 't', 0)).toBe(6);
    expect(Object.keys(brokerTables).filter((t) => brokerTables[t].durable)).toEqual([
      BT.log,
      BT.ends,
      BT.offsets,
      BT.delayed,
      BT.half,
    ]);
  });
  it('a fetch at the log end is parked and answered by the next append (long poll)', () => {
    const r = run();
    for (const e of r.events) {
      if (e.kind !== 'deliver' || e.node !== 'broker' || e.msg.type !== 'PRODUCE') continue;
      const records = r.events.find((x) => x.kind === 'send' && x.msg.type === 'RECORDS' && x.seq > e.seq);
      expect(records?.t).toBe(e.t);
    }
  });
  it('keys spread over partitions; each partition keeps its own order and committed offset', () => {
    const r = run({ partitions: 3 });
    const db = r.final.db('broker');
    let total = 0;
    for (let p = 0; p < 3; p++) {
      total += logEnd(db, 't', p);
      expect(committedOffset(db, 'g', 't', p) ?? 0).toBe(logEnd(db, 't', p));
    }
    expect(total).toBe(6);
    expect(handled(r)).toHaveLength(6);
  });
  it('log, ends and offsets survive a broker crash; the consumer re-fetches and nothing is read twice', () => {
    const r = run({}, [
      { id: 'crash', when: { at: 380 }, do: { crash: 'broker' } },
      { id: 'recover', when: { at: 900 }, do: { recover: 'broker' } },
    ]);
    const db = r.final.db('broker');
    const crash = r.events.find((e) => e.kind === 'crash');
    // Only the parked fetch (volatile) was lost.
    expect(crash && 'writes' in crash ? crash.writes?.map((w) => w.table) : []).toEqual([BT.parked]);
    expect(logEnd(db, 't', 0)).toBe(3); // sends at 400, 500, 600, 700 were lost while it was down; 800 is too
    expect(handled(r)).toEqual(['0/0', '0/1', '0/2']);
    expect(committedOffset(db, 'g', 't', 0)).toBe(3);
  });
  it('a consumer restarts from the committed offset: with auto-commit it may skip what it had polled', () => {
    const after = run({ procTime: 300 }, [
      { id: 'crash', when: { at: 450 }, do: { crash: 'consumer' } },
      { id: 'recover', when: { at: 1_500 }, do: { recover: 'consumer' } },
    ]);
    expect(handled(after)).toHaveLength(6);
    const auto = run({ procTime: 300, commit: 'auto', autoCommitInterval: 100 }, [
      { id: 'crash', when: { at: 450 }, do: { crash: 'consumer' } },
      { id: 'recover', when: { at: 1_500 }, do: { recover: 'consumer' } },
    ]);
    expect(handled(auto).length).toBeLessThan(6);
  });
});

describe('broker extension hooks (what RocketMQ half messages will use)', () => {
  /** HALF stores a half message (invisible); COMMIT moves it into the topic with `append`. */
  const halfBroker = brokerRole({
    extend(input, ctx) {
      if (input.kind !== 'deliver') return null;
      const m = input.msg;
      if (m.type === 'HALF') {
        ctx.db.put(BT.half, String(m.mid), { key: String(m.key), checks: 0, born: ctx.now });
        return [];
      }
      if (m.type === 'COMMIT') {
        const h = ctx.db.get<{ key: string } & Row>(BT.half, String(m.mid));
        if (!h) return [];
        ctx.db.del(BT.half, String(m.mid));
        const effects: Effect[] = [];
        append(
          ctx,
          { topic: 't', partition: 0, key: h.key, mid: String(m.mid), type: 'E', payload: {}, from: input.from },
          effects,
        );
        return effects;
      }
      return null;
    },
  });
  const halfProducer = role<Record<string, never>, Record<string, never>>({
    init: () => ({ durable: {}, volatile: {} }),
    step(s, input) {
      if (input.kind === 'start')
        return same(s, [
          { kind: 'send', to: 'broker', msg: { type: 'HALF', mid: 'h1', key: 'a' } },
          { kind: 'setTimer', name: 'commit', after: 500 },
        ]);
      if (input.kind === 'timer') return same(s, [{ kind: 'send', to: 'broker', msg: { type: 'COMMIT', mid: 'h1' } }]);
      return same(s);
    },
  });
  it('a half message is a row of the half table, invisible to the consumer until committed, then appended', () => {
    const p: PatternDef = { ...test, roles: { producer: halfProducer, broker: halfBroker, consumer } };
    const r = simulate(p, baseScenario(p));
    const halfWrite = r.events.find(
      (e) => e.node === 'broker' && 'writes' in e && e.writes?.some((w) => w.table === BT.half && w.row),
    );
    expect(halfWrite?.t).toBe(10);
    const handledAt = r.final.db('consumer').get<{ at: number } & Row>('handled', '0/0')?.at ?? 0;
    expect(handledAt).toBeGreaterThan(500);
    expect(r.final.db('broker').size(BT.half)).toBe(0);
    expect(logEnd(r.final.db('broker'), 't', 0)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from './simulator';
import { baseScenario } from './scenario';
import { pingPong } from './testing/pingpong';
import { dbAt, indexTrace, inFlightAt, stateAt, isUpAt, posAtTime, invariantsAt } from './trace';
import type { Scenario } from './types';
import { LOCKS_TABLE, role, type PatternDef, type RoleDef } from './pattern';
import { boundedBlocking } from './invariants';

const run = (patch: Partial<Scenario> = {}) => simulate(pingPong, { ...baseScenario(pingPong, 7), ...patch });

describe('engine determinism', () => {
  it('same scenario twice → identical trace and hash', () => {
    const net = {
      default: { latency: { kind: 'exponential' as const, mean: 20 }, loss: 0.2, duplicate: 0.2, reorder: 0.3 },
    };
    const a = run({ network: net });
    const b = run({ network: net });
    expect(a.hash).toBe(b.hash);
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect(a.events.length).toBeGreaterThan(10);
  });
  it('another seed → another trace', () => {
    const net = {
      default: { latency: { kind: 'exponential' as const, mean: 20 }, loss: 0.2, duplicate: 0, reorder: 0 },
    };
    expect(run({ network: net }).hash).not.toBe(run({ network: net, seed: 8 }).hash);
  });
  it('batch mode gives the same counts without recording events', () => {
    const sc = {
      ...baseScenario(pingPong, 3),
      network: {
        default: { latency: { kind: 'uniform' as const, min: 1, max: 30 }, loss: 0.3, duplicate: 0.1, reorder: 0 },
      },
    };
    const a = simulate(pingPong, sc);
    const b = simulate(pingPong, sc, { record: false });
    expect(b.events).toHaveLength(0);
    expect(b.stats).toEqual(a.stats);
    expect(b.final.states).toEqual(a.final.states);
  });
});

describe('network faults', () => {
  it('loss = 1 drops everything; the client retries until the horizon', () => {
    const r = run({
      network: { default: { latency: { kind: 'constant', value: 10 }, loss: 1, duplicate: 0, reorder: 0 } },
      horizon: 1000,
    });
    expect(r.stats.messagesDelivered).toBe(0);
    expect(r.stoppedBy).toBe('horizon');
    const inv = r.invariants.find((i) => i.id === 'all-acked');
    expect(inv?.final).toBe('violated');
  });
  it('duplication delivers a message twice, both deliveries naming the same send', () => {
    const r = run({
      network: { default: { latency: { kind: 'constant', value: 10 }, loss: 0, duplicate: 1, reorder: 0 } },
    });
    const firstSend = r.events.find((e) => e.kind === 'send');
    const deliveries = r.events.filter((e) => e.kind === 'deliver' && e.sendSeq === firstSend?.seq);
    expect(deliveries).toHaveLength(2);
  });
  it('FIFO links keep order unless reordering is on', () => {
    const lat = { kind: 'uniform' as const, min: 1, max: 100 };
    const order = (reorder: number) => {
      const r = run({ network: { default: { latency: lat, loss: 0, duplicate: 0, reorder } } });
      return r.events
        .filter((e) => e.kind === 'deliver' && e.node === 'server')
        .map((e) => (e.kind === 'deliver' ? e.msgId : 0));
    };
    const fifo = order(0);
    expect(fifo).toEqual([...fifo].sort((a, b) => a - b));
    const seen = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
      const r = simulate(pingPong, {
        ...baseScenario(pingPong, seed),
        network: { default: { latency: lat, loss: 0, duplicate: 0, reorder: 1 } },
      });
      const ids = r.events
        .filter((e) => e.kind === 'deliver' && e.node === 'server')
        .map((e) => (e.kind === 'deliver' ? e.msgId : 0));
      return ids.join() !== [...ids].sort((a, b) => a - b).join();
    });
    expect(seen).toBe(true);
  });
  it('a partition drops messages across it until healed', () => {
    const r = run({
      faults: [
        { id: 'p', when: { at: 0 }, do: { partition: { a: ['client'], b: ['server'] } } },
        { id: 'h', when: { at: 250 }, do: { heal: true } },
      ],
    });
    const drops = r.events.filter((e) => e.kind === 'send' && e.lost === 'partition');
    expect(drops.length).toBeGreaterThan(0);
    expect(r.invariants.find((i) => i.id === 'all-acked')?.final).toBe('holds');
  });
  it('one-way partition blocks only one direction', () => {
    const r = run({
      faults: [{ id: 'p', when: { at: 0 }, do: { partition: { a: ['server'], b: ['client'], oneWay: true } } }],
      horizon: 500,
    });
    expect(r.events.some((e) => e.kind === 'deliver' && e.node === 'server')).toBe(true);
    expect(r.events.some((e) => e.kind === 'deliver' && e.node === 'client')).toBe(false);
  });
  it('drop / duplicate / delay faults act on the next matching message', () => {
    const base = run();
    const dropped = run({ faults: [{ id: 'd', when: { at: 0 }, do: { drop: { from: 'client', type: 'PING' } } }] });
    expect(dropped.events.filter((e) => e.kind === 'send' && e.lost === 'fault')).toHaveLength(1);
    const dup = run({ faults: [{ id: 'd', when: { at: 0 }, do: { duplicate: { to: 'server' } } }] });
    expect(dup.stats.messagesDelivered).toBe(base.stats.messagesDelivered + 2); // extra PING and its extra PONG
    const delayed = run({ faults: [{ id: 'd', when: { at: 0 }, do: { delay: { to: 'server', count: 1 }, by: 500 } }] });
    expect(delayed.endTime).toBeGreaterThan(base.endTime + 400);
  });
});

describe('crash semantics', () => {
  it('a crash drops volatile state and timers, keeps durable state; deliveries to a down node are dropped', () => {
    const r = run({
      faults: [
        { id: 'c', when: { on: { kind: 'deliver', node: 'client', type: 'PONG' } }, do: { crash: 'client' } },
        { id: 'r', when: { at: 400 }, do: { recover: 'client' } },
      ],
    });
    const crash = r.events.find((e) => e.kind === 'crash');
    expect(crash && 'state' in crash && crash.state).toEqual({ durable: { acked: 1 }, volatile: { inflight: 0 } });
    expect(r.events.some((e) => e.kind === 'drop' && e.reason === 'crashed')).toBe(true);
    // timers were lost in the crash: the lost PONGs' retries never fire, so not all are acked
    expect((r.final.states.client.durable as { acked: number }).acked).toBe(1);
  });
  it('a trigger on a send crashes the sender before its remaining effects', () => {
    const r = run({
      faults: [{ id: 'c', when: { on: { kind: 'send', node: 'client', type: 'PING' } }, do: { crash: 'client' } }],
    });
    // the first request's timer (set after the send) never got set
    expect(r.events.filter((e) => e.kind === 'timer')).toHaveLength(0);
    expect(r.events.filter((e) => e.kind === 'send' && e.node === 'client')).toHaveLength(1);
  });
});

describe('trace queries', () => {
  it('state, liveness and in-flight messages at any cursor', () => {
    const r = run({
      faults: [
        { id: 'c', when: { at: 50 }, do: { crash: 'server' } },
        { id: 'r', when: { at: 60 }, do: { recover: 'server' } },
      ],
    });
    const ix = indexTrace(r);
    const send = r.events.find((e) => e.kind === 'send');
    if (!send || send.kind !== 'send') throw new Error('no send');
    const mid = (send.t + send.copies[0].deliverAt) / 2;
    const pos = posAtTime(ix, mid);
    const fl = inFlightAt(ix, { pos, t: mid });
    expect(fl.map((f) => f.sendSeq)).toContain(send.seq);
    expect(fl.find((f) => f.sendSeq === send.seq)?.progress).toBeCloseTo(0.5);
    expect(stateAt(ix, 'client', r.events.length)).toEqual(r.final.states.client);
    expect(isUpAt(ix, 'server', posAtTime(ix, 55))).toBe(false);
    expect(isUpAt(ix, 'server', posAtTime(ix, 65))).toBe(true);
    const invEnd = invariantsAt(ix, r.events.length);
    expect(invEnd.find((i) => i.id === 'all-acked')?.verdict).toBe('holds');
    expect(invariantsAt(ix, 1).find((i) => i.id === 'all-acked')?.verdict).toBe('undecided');
  });
});

describe('run end', () => {
  it('a cancelled timer does not move the clock: the run ends at its last real event', () => {
    const r = run();
    const last = r.events[r.events.length - 1];
    expect(r.stoppedBy).toBe('quiescent');
    expect(r.endTime).toBe(last.t);
    expect(r.endTime).toBeLessThan(Number(r.scenario.params.timeout) + 100);
  });
  it('a lock still held when the run goes quiet is held forever: bounded-blocking breaks inside the run', () => {
    // The server takes a lock (an effect) on its first PING and never releases it.
    const server = pingPong.roles.server as unknown as RoleDef;
    const locking: PatternDef = {
      ...pingPong,
      invariants: [...pingPong.invariants, boundedBlocking('timeout')],
      roles: {
        ...pingPong.roles,
        server: role({
          init: server.init,
          step(s, input, ctx) {
            const r = server.step(s, input, ctx);
            return input.kind === 'deliver' ? { ...r, effects: [...r.effects, { kind: 'lock', resource: 'row' }] } : r;
          },
        }),
      },
    };
    const r = simulate(locking, baseScenario(locking, 7));
    const bb = r.invariants.find((i) => i.id === 'bounded-blocking');
    const lock = r.locks[0];
    expect(lock.to).toBeNull();
    expect(bb?.final).toBe('violated');
    expect(bb?.firstBreak).toBe(lock.from + 100);
    expect(r.endTime).toBe(lock.from + 100);
    // the lock is a row of the server's `locks` table, in the trace like any other write
    const ix = indexTrace(r);
    expect(dbAt(ix, 'server', ix.events.length).get(LOCKS_TABLE, 'row')).toEqual({ since: lock.from, durable: false });
    expect(dbAt(ix, 'server', 0).size(LOCKS_TABLE)).toBe(0);
  });
  it('a cancelled timer past the horizon does not make the run stop at the horizon', () => {
    // The client's retry timers (timeout 100 ms) are cancelled by each PONG; with a horizon inside the last
    // timer's deadline the run must still end quiescent at its last real event (issue 11).
    const sc = { ...baseScenario(pingPong, 3), params: { timeout: 50_000 }, horizon: 10_000 };
    const r = simulate(pingPong, sc);
    expect(r.stoppedBy).toBe('quiescent');
    expect(r.endTime).toBe(r.events[r.events.length - 1].t);
  });
  it('batch mode counts exactly the events record mode records', () => {
    const sc: Scenario = {
      ...baseScenario(pingPong, 5),
      faults: [
        { id: 'c', when: { at: 12 }, do: { crash: 'server' } },
        { id: 'r', when: { at: 300 }, do: { recover: 'server' } },
        { id: 'd', when: { at: 0 }, do: { drop: { type: 'PONG' } } },
      ],
    };
    const rec = simulate(pingPong, sc);
    const batch = simulate(pingPong, sc, { record: false });
    expect(batch.stats.events).toBe(rec.events.length);
    expect(rec.stats.events).toBe(rec.events.length);
  });
});

describe('links: rpc calls or streams', () => {
  const delayed = (kind: 'rpc' | 'stream') => {
    const sc: Scenario = {
      ...baseScenario(pingPong, 9),
      network: {
        ...baseScenario(pingPong, 9).network,
        links: [{ from: 'client', to: 'server', kind }],
      },
      faults: [{ id: 'd', when: { at: 0 }, do: { delay: { type: 'PING', to: 'server' }, by: 1_000 } }],
    };
    const r = simulate(pingPong, sc);
    return r.events
      .filter((e) => e.kind === 'deliver' && e.node === 'server')
      .map((e) => [e.kind === 'deliver' ? String(e.msg.tx) : '', e.t] as const);
  };
  it('on a stream a delayed message holds back the ones behind it (FIFO)', () => {
    const d = delayed('stream');
    expect(d[0][0]).toBe('T1');
    expect(d.every(([, t]) => t >= 1_000)).toBe(true);
  });
  it('on an rpc link a delay holds back only the message it names; later calls overtake it', () => {
    const d = delayed('rpc');
    expect(d[0][0]).toBe('T2');
    // the delayed copy of T1 still arrives late (its retry, a new call, does not wait for it either)
    expect(d.some(([tx, t]) => tx === 'T1' && t >= 1_000)).toBe(true);
    for (const tx of ['T2', 'T3']) expect(d.find(([x]) => x === tx)?.[1]).toBeLessThan(1_000);
  });
  it('a topology edge can declare its kind (both directions)', () => {
    const p: PatternDef = {
      ...pingPong,
      topology: (params) => ({
        ...pingPong.topology(params),
        edges: [{ from: 'client', to: 'server', kind: 'rpc' }],
      }),
    };
    const sc: Scenario = {
      ...baseScenario(p, 9),
      faults: [{ id: 'd', when: { at: 0 }, do: { delay: { type: 'PING', to: 'server' }, by: 1_000 } }],
    };
    const first = simulate(p, sc).events.find((e) => e.kind === 'deliver' && e.node === 'server');
    expect(first?.kind === 'deliver' && first.msg.tx).toBe('T2');
  });
});

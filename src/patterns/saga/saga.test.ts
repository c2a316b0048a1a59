import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../engine/simulator';
import i18n from './strings';
import { keysDeclared, keysShown, misses, runNamed, scenarioOf } from '../compensation/testkit';
import { simulate } from '../../engine/simulator';
import { inv } from '../../engine/testing/kit';
import { tcc } from '../tcc';
import { saga } from './index';
import { sagaBusinessExpect, sagaGuardedExpect, sagaUnguardedExpect } from './scenarios';

const sends = (r: SimResult, type: string) =>
  r.events
    .filter((e) => e.kind === 'send' && e.node === 'TM' && e.msg.type === type)
    .map((e) => (e.kind === 'send' ? e.to : ''));

describe('Saga named scenarios, barrier guard off and on', () => {
  for (const ns of saga.scenarios) {
    const shippedGuard = ns.guards?.barrier ?? true;
    it(`${ns.id}: as shipped (barrier ${shippedGuard ? 'on' : 'off'}) meets its expect`, () => {
      expect(misses(runNamed(saga, ns.id), ns.expect)).toEqual([]);
    });
    const other = shippedGuard ? sagaUnguardedExpect[ns.id] : sagaGuardedExpect[ns.id];
    it(`${ns.id}: barrier ${shippedGuard ? 'off' : 'on'}`, () => {
      expect(misses(runNamed(saga, ns.id, !shippedGuard), other ?? ns.expect)).toEqual([]);
    });
  }
});

describe('per-account books (issue 11 regression)', () => {
  it('barrier off, TM crash after sending Bob’s refund: Bob 130 / Smith 20 from 100 / 50 is inconsistent, not aborted', () => {
    const r = runNamed(saga, 'saga-tm-crash-compensate');
    const bal = (n: string) => (r.final.states[n].durable as { available: number }).available;
    expect([bal('bob'), bal('smith')]).toEqual([130, 20]);
    // the sum is right at the end and no settled row is left: the old invariants call it fine …
    expect(inv(r, 'conservation').final).toBe('holds');
    expect(inv(r, 'atomicity').final).toBe('holds');
    // … the per-account check does not, and neither does the outcome
    expect(inv(r, 'account-balance').final).toBe('violated');
    expect(r.outcomes.find((o) => o.tx === 'g1')?.outcome).toBe('inconsistent');
    // it breaks at the empty compensation C2 taking 30 from Smith, the first wrong book
    const seq = inv(r, 'account-balance').firstBreakSeq;
    const e = seq === null ? undefined : r.events[seq];
    expect(e?.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'COMPENSATE').toBe(true);
  });
  it('the same run with the barrier is a clean abort with every book right', () => {
    const r = runNamed(saga, 'saga-tm-crash-compensate', true);
    expect(inv(r, 'account-balance').broken).toEqual([]);
    expect(r.outcomes[0].outcome).toBe('aborted');
  });
  it('the incremental account-balance check agrees with its whole-world reference on every named scenario', () => {
    for (const ns of saga.scenarios)
      for (const g of [false, true]) {
        const r = simulate(saga, scenarioOf(saga, ns.id, g), { referenceCheck: true });
        expect(r.referenceMismatches).toEqual([]);
      }
  });
});

describe('Saga behaviour', () => {
  it('happy path: T1 debit Bob, then T2 credit Smith; money in transit in between, conserved throughout', () => {
    const r = runNamed(saga, 'saga-happy');
    expect(sends(r, 'ACTION')).toEqual(['bob', 'smith']);
    expect(inv(r, 'conservation').broken).toEqual([]);
  });

  it('a failed forward step → compensations in reverse order (C2 then C1)', () => {
    const r = runNamed(saga, 'saga-compensate');
    expect(sends(r, 'ACTION')).toEqual(['bob', 'smith']);
    expect(sends(r, 'COMPENSATE')).toEqual(['smith', 'bob']);
  });

  it('unguarded, the empty compensation C2 breaks conservation exactly at its delivery', () => {
    const r = runNamed(saga, 'saga-compensate', false);
    const seq = inv(r, 'conservation').firstBreakSeq;
    const e = seq === null ? undefined : r.events[seq];
    expect(e?.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'COMPENSATE').toBe(true);
  });

  it('a compensation failing 3 times is retried after 10, 20, 40 s', () => {
    const r = runNamed(saga, 'saga-compensation-retry');
    const t = r.events
      .filter((e) => e.kind === 'send' && e.to === 'bob' && e.msg.type === 'COMPENSATE')
      .map((e) => e.t);
    expect(t).toHaveLength(4);
    expect(t.slice(1).map((x, i) => Math.round(x - t[i]))).toEqual([10_000, 20_000, 40_000]);
  });

  it('dirty read: the auditor saw Smith credited; no-dirty-read breaks when C1 takes it back', () => {
    const r = runNamed(saga, 'saga-dirty-read');
    const seq = inv(r, 'no-dirty-read').firstBreakSeq;
    const e = seq === null ? undefined : r.events[seq];
    expect(e?.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'COMPENSATE').toBe(true);
    const read = r.events.find((x) => x.kind === 'deliver' && x.node === 'client' && x.msg.type === 'READ_REPLY');
    expect(read && e && read.seq < e.seq).toBe(true);
  });

  it('the same business under TCC keeps no-dirty-read (tcc-no-dirty-read)', () => {
    const r = runNamed(tcc, 'tcc-no-dirty-read');
    expect(inv(r, 'no-dirty-read').broken).toEqual([]);
    expect(r.outcomes[0].outcome).toBe('aborted');
  });

  it('same scenario → same trace hash; state is plain data', () => {
    for (const id of ['saga-dirty-read', 'saga-tm-crash'])
      expect(runNamed(saga, id).hash).toBe(runNamed(saga, id).hash);
    const r = runNamed(saga, 'saga-tm-crash');
    for (const s of Object.values(r.final.states)) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('en and zh have the same keys, and every key a run shows or the definition names exists', () => {
    expect(Object.keys(i18n.zh).sort()).toEqual(Object.keys(i18n.en).sort());
    const need = new Set(keysDeclared(saga));
    for (const ns of saga.scenarios)
      for (const g of [false, true]) for (const k of keysShown(saga, runNamed(saga, ns.id, g))) need.add(k);
    expect([...need].filter((k) => !(k in i18n.en))).toEqual([]);
  });
});

describe('Saga by choreography', () => {
  it('no coordinator in the topology; Bob publishes T2 to Smith through his outbox, then it is acked', () => {
    const r = runNamed(saga, 'saga-choreography');
    expect(r.topology.nodes.map((n) => n.id)).toEqual(['client', 'bob', 'smith']);
    const ev = r.events.find(
      (e) => e.kind === 'send' && e.node === 'bob' && e.to === 'smith' && e.msg.type === 'ACTION',
    );
    expect(ev).toBeDefined();
    expect(r.events.some((e) => e.kind === 'deliver' && e.node === 'bob' && e.msg.type === 'ACK')).toBe(true);
  });
  it('a lost ack makes the relay publish again: unguarded Smith is credited at the second delivery', () => {
    const r = runNamed(saga, 'saga-choreography-lost-ack', false);
    const actions = r.events.filter((e) => e.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'ACTION');
    expect(actions).toHaveLength(2);
    expect(inv(r, 'exactly-once').firstBreakSeq).toBe(actions[1].seq);
    expect(Math.round(actions[1].t - actions[0].t)).toBeGreaterThanOrEqual(9_900);
  });
});

describe('Saga: with the business code guarding what its framework leaves to it', () => {
  for (const [id, exp] of Object.entries(sagaBusinessExpect))
    it(`${id}: framework guard + business guard meet the business expectation`, () => {
      const sc = scenarioOf(saga, id, true);
      const r = simulate(saga, { ...sc, guards: { ...sc.guards, business: true } });
      expect(misses(r, exp)).toEqual([]);
    });
});

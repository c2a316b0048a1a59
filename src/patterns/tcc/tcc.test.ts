import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../engine/simulator';
import type { TraceEvent } from '../../engine/types';
import i18n from './strings';
import { keysDeclared, keysShown, misses, rowsOf, runNamed, scenarioOf } from '../compensation/testkit';
import { simulate } from '../../engine/simulator';
import { inv } from '../../engine/testing/kit';
import { tcc } from './index';
import { tccBusinessExpect, tccGuardedExpect, tccUnguardedExpect } from './scenarios';

const ev = (r: SimResult, seq: number | null): TraceEvent => {
  if (seq === null) throw new Error('no break');
  return r.events[seq];
};
const deliveries = (r: SimResult, node: string, type: string) =>
  r.events.filter((e) => e.kind === 'deliver' && e.node === node && e.msg.type === type);
const avail = (r: SimResult, node: string) => (r.final.states[node].durable as { available: number }).available;

describe('TCC named scenarios, barrier guard off and on', () => {
  for (const ns of tcc.scenarios) {
    const shippedGuard = ns.guards?.barrier ?? true;
    it(`${ns.id}: as shipped (barrier ${shippedGuard ? 'on' : 'off'}) meets its expect`, () => {
      expect(misses(runNamed(tcc, ns.id), ns.expect)).toEqual([]);
    });
    const other = shippedGuard ? tccUnguardedExpect[ns.id] : tccGuardedExpect[ns.id];
    it(`${ns.id}: barrier ${shippedGuard ? 'off' : 'on'}`, () => {
      expect(misses(runNamed(tcc, ns.id, !shippedGuard), other ?? ns.expect)).toEqual([]);
    });
  }
});

describe('TCC: when things break, relative to the event that breaks them', () => {
  it('happy path: exact balances, Confirm after both Trys, no freeze left', () => {
    const r = runNamed(tcc, 's-tcc-1');
    expect([avail(r, 'bob'), avail(r, 'smith')]).toEqual([70, 80]);
    const decide = r.events.find((e) => e.kind === 'note' && e.key === 'tcc.note.decideConfirm');
    const tryOks = r.events.filter((e) => e.kind === 'deliver' && e.node === 'TM' && e.msg.type === 'TRY_OK');
    expect(tryOks).toHaveLength(2);
    expect(decide && decide.seq).toBeGreaterThan(tryOks[1].seq);
    expect(r.locks.every((l) => l.to !== null)).toBe(true);
  });

  it('confirm retry: retried at +10 s then +20 s (dtm doubling) until it succeeds', () => {
    const r = runNamed(tcc, 's-tcc-1-confirm-retry');
    const sends = r.events.filter((e) => e.kind === 'send' && e.to === 'smith' && e.msg.type === 'CONFIRM');
    expect(sends).toHaveLength(3);
    expect(Math.round(sends[1].t - sends[0].t)).toBe(10_000);
    expect(Math.round(sends[2].t - sends[1].t)).toBe(20_000);
  });

  it('empty rollback without the guard: conservation breaks exactly at the Cancel delivered to Bob', () => {
    const r = runNamed(tcc, 'tcc-empty-rollback', false);
    const br = ev(r, inv(r, 'conservation').firstBreakSeq);
    expect(br.kind === 'deliver' && br.node === 'bob' && br.msg.type === 'CANCEL').toBe(true);
    expect(inv(r, 'conservation').broken[0].to).toBeNull();
    expect(r.events.some((e) => e.kind === 'note' && e.key === 'tcc.note.emptyApplied')).toBe(true);
    // the TM cancelled on its try timeout (35 s), not before
    expect(br.t).toBeGreaterThanOrEqual(35_000);
  });

  it('empty rollback with the guard: the barrier records try+cancel rows written by the cancel', () => {
    const r = runNamed(tcc, 'tcc-empty-rollback', true);
    expect(rowsOf(r, 'bob', 'barrier')).toEqual([
      { gid: 'g1', branch: 'bob', op: 'try', reason: 'cancel' },
      { gid: 'g1', branch: 'bob', op: 'cancel', reason: 'cancel' },
    ]);
  });

  it('hanging: the late Try reaches Smith after the Cancel; unguarded it leaks, guarded it is refused', () => {
    const off = runNamed(tcc, 'tcc-hanging', false);
    const [cancel] = deliveries(off, 'smith', 'CANCEL');
    const [late] = deliveries(off, 'smith', 'TRY');
    expect(late.seq).toBeGreaterThan(cancel.seq);
    expect(inv(off, 'no-leak').final).toBe('violated');
    expect(off.locks.filter((l) => l.to === null).map((l) => `${l.node}:${l.resource}`)).toEqual(['smith:pending:g1']);
    const on = runNamed(tcc, 'tcc-hanging', true);
    expect(on.events.some((e) => e.kind === 'note' && e.key === 'tcc.note.barrier.refused')).toBe(true);
    expect(on.locks.every((l) => l.to !== null)).toBe(true);
  });

  it('hanging reproduces with no per-link tweak: TM ↔ branch links are rpc, the delayed Try alone is held back', () => {
    const ns = tcc.scenarios.find((s) => s.id === 'tcc-hanging');
    expect(ns?.network).toBeUndefined();
    const r = runNamed(tcc, 'tcc-hanging', false);
    expect(r.topology.edges.filter((e) => e.from === 'TM').map((e) => `${e.to}:${e.kind}`)).toEqual([
      'bob:rpc',
      'smith:rpc',
    ]);
    const [cancel] = deliveries(r, 'smith', 'CANCEL');
    const [late] = deliveries(r, 'smith', 'TRY');
    // the Cancel, sent ~35 s later than the Try, arrives within its own latency, not behind the delayed Try
    const sent = r.events.find((e) => e.kind === 'send' && e.to === 'smith' && e.msg.type === 'CANCEL');
    expect(cancel.t - (sent?.t ?? 0)).toBeLessThan(100);
    expect(late.t).toBeGreaterThan(cancel.t);
  });

  it('idempotency: the second Confirm delivered to Smith is what breaks conservation and exactly-once', () => {
    const r = runNamed(tcc, 'tcc-idempotency', false);
    const confirms = deliveries(r, 'smith', 'CONFIRM');
    expect(confirms).toHaveLength(2);
    expect(inv(r, 'conservation').firstBreakSeq).toBe(confirms[1].seq);
    expect(inv(r, 'exactly-once').firstBreakSeq).toBe(confirms[1].seq);
    // Bob's lost reply made the TM confirm him again after its retry interval
    expect(deliveries(r, 'bob', 'CONFIRM')).toHaveLength(2);
  });

  it('TM crash: the TM was down, recovered from its log and confirmed the rest', () => {
    const r = runNamed(tcc, 'tcc-tm-crash');
    const crash = r.events.find((e) => e.kind === 'crash' && e.node === 'TM');
    const rec = r.events.find((e) => e.kind === 'note' && e.key === 'tcc.note.recover.confirming');
    expect(crash && rec && rec.t - crash.t).toBe(5_000);
    expect(deliveries(r, 'smith', 'CONFIRM').every((d) => d.t > (rec?.t ?? 0))).toBe(true);
  });

  it('no dirty read: the auditor reads Smith while his credit is only reserved', () => {
    const r = runNamed(tcc, 'tcc-no-dirty-read');
    const read = r.events.find((e) => e.kind === 'deliver' && e.node === 'smith' && e.msg.type === 'READ');
    const [tryS] = deliveries(r, 'smith', 'TRY');
    const [cancelS] = deliveries(r, 'smith', 'CANCEL');
    expect(read && read.seq > tryS.seq && read.seq < cancelS.seq).toBe(true);
    expect(rowsOf(r, 'client', 'reads')[0].balance).toBe(50);
  });
});

describe('TCC determinism, purity and strings', () => {
  it('same scenario → same trace hash', () => {
    for (const id of ['s-tcc-1', 'tcc-hanging', 'tcc-tm-crash'])
      expect(runNamed(tcc, id).hash).toBe(runNamed(tcc, id).hash);
  });
  it('node state stays plain JSON data', () => {
    const r = runNamed(tcc, 'tcc-idempotency');
    for (const s of Object.values(r.final.states)) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  it('en and zh have the same keys, and every key a run shows or the definition names exists', () => {
    expect(Object.keys(i18n.zh).sort()).toEqual(Object.keys(i18n.en).sort());
    const need = new Set(keysDeclared(tcc));
    for (const ns of tcc.scenarios)
      for (const g of [false, true]) for (const k of keysShown(tcc, runNamed(tcc, ns.id, g))) need.add(k);
    const missing = [...need].filter((k) => !(k in i18n.en));
    expect(missing).toEqual([]);
  });
});

describe('Tcc: with the business code guarding what its framework leaves to it', () => {
  for (const [id, exp] of Object.entries(tccBusinessExpect))
    it(`${id}: framework guard + business guard meet the business expectation`, () => {
      const sc = scenarioOf(tcc, id, true);
      const r = simulate(tcc, { ...sc, guards: { ...sc.guards, business: true } });
      expect(misses(r, exp)).toEqual([]);
    });
});

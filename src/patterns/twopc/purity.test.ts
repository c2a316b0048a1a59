/** Reducers are pure: they never mutate their input state, and node state is plain JSON data. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import type { DbReader } from '../../engine/types';
import { LOCKS_TABLE } from '../../engine/pattern';
import { durableOf } from '../../engine/report';
import { twoPC } from './index';
import { PT, type PState } from './types';

const frozen = frozenPattern(twoPC);

describe('2PC reducers', () => {
  for (const ns of twoPC.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(twoPC, ns);
      const a = simulate(twoPC, sc);
      const b = simulate(frozen, sc);
      expect(b.hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
      const rows = a.topology.nodes.map((n) => durableOf(a, n.id));
      expect(JSON.parse(JSON.stringify(rows))).toEqual(JSON.parse(JSON.stringify(rows, null, 0)));
    });
  }
});

describe('2PC view', () => {
  const r = simulate(
    twoPC,
    namedScenario(twoPC, twoPC.scenarios.find((s) => s.id === 's-2pc-2') ?? twoPC.scenarios[0]),
  );
  it('blocked participants are purple (blocked) and show their lock and durable prepared record', () => {
    const v = twoPC.view('P1', 'participant', r.final.states.P1, true, r.final.db('P1'));
    expect(v.tone).toBe('blocked');
    expect(v.statusKey).toBe('2pc.status.blocked');
    // the prepared branch holds the row lock durably (it survives a crash)
    expect(r.final.db('P1').get(LOCKS_TABLE, 'x')).toMatchObject({ durable: true });
    expect(v.durable.map((d) => d.value)).toEqual(['prepared', 'PREPARED T1', 'x = 0']);
    expect(v.durable[0]).toMatchObject({ label: 'T1', valueKey: '2pc.status.prepared', tone: 'blocked' });
  });
  it('prepared before anyone noticed is amber; committed is green; a coordinator shows its log', () => {
    const s = r.final.states.P1 as PState;
    const db = r.final.db('P1');
    // the same database before the participant noticed it is in doubt
    const noDoubt: DbReader = {
      ...db,
      get: (t, k) => (t === PT.inDoubt ? undefined : db.get(t, k)),
      has: (t, k) => t !== PT.inDoubt && db.has(t, k),
      size: (t) => (t === PT.inDoubt ? 0 : db.size(t)),
      keys: (t) => (t === PT.inDoubt ? [] : db.keys(t)),
      newest: (t, n) => (t === PT.inDoubt ? [] : db.newest(t, n)),
    };
    expect(twoPC.view('P1', 'participant', s, true, noDoubt).tone).toBe('prepared');
    const happy = simulate(twoPC, namedScenario(twoPC, twoPC.scenarios[0]));
    expect(twoPC.view('P2', 'participant', happy.final.states.P2, true, happy.final.db('P2')).tone).toBe('committed');
    const c = twoPC.view('C', 'coordinator', r.final.states.C, false, r.final.db('C'));
    expect(c.durable.map((d) => d.value)).toEqual(['COMMIT T1']);
    expect(twoPC.view('C2', 'standby', r.final.states.C2, true, r.final.db('C2')).tone).toBe('blocked');
  });
  it('topology: coordinator top centre, participants in a row below, app left, standby right', () => {
    const t = twoPC.topology({ participants: 4 });
    const pos = Object.fromEntries(t.nodes.map((n) => [n.id, n]));
    expect(t.nodes.filter((n) => n.role === 'participant').map((n) => n.id)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(pos.app.x).toBeLessThan(pos.C.x);
    expect(pos.C2.x).toBeGreaterThan(pos.C.x);
    expect(pos.P1.y).toBeGreaterThan(pos.C.y);
    expect(pos.P1.x).toBeLessThan(pos.P4.x);
  });
});

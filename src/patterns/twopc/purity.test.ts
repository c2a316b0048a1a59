/** Reducers are pure: they never mutate their input state, and node state is plain JSON data. */
import { describe, expect, it } from 'vitest';
import type { PatternDef, RoleDef } from '../../engine/pattern';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import type { NodeState } from '../../engine/types';
import { twoPC } from './index';
import type { PState } from './types';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** The same pattern with every reducer fed deep-frozen state (a mutation throws in strict mode). */
const frozen: PatternDef = {
  ...twoPC,
  roles: Object.fromEntries(
    Object.entries(twoPC.roles).map(([k, r]) => {
      const role = r as unknown as RoleDef<unknown, unknown>;
      const wrapped: RoleDef<unknown, unknown> = {
        ...role,
        step: (s: NodeState<unknown, unknown>, input, ctx) => role.step(deepFreeze(structuredClone(s)), input, ctx),
      };
      return [k, wrapped as unknown as RoleDef<never, never>];
    }),
  ),
};

describe('2PC reducers', () => {
  for (const ns of twoPC.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(twoPC, ns);
      const a = simulate(twoPC, sc);
      const b = simulate(frozen, sc);
      expect(b.hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('2PC view', () => {
  const r = simulate(
    twoPC,
    namedScenario(twoPC, twoPC.scenarios.find((s) => s.id === 's-2pc-2') ?? twoPC.scenarios[0]),
  );
  it('blocked participants are purple (blocked) and show their lock and durable prepared record', () => {
    const v = twoPC.view('P1', 'participant', r.final.states.P1, true);
    expect(v.tone).toBe('blocked');
    expect(v.statusKey).toBe('2pc.status.blocked');
    expect(v.locks).toEqual(['x (T1)']);
    expect(v.durable.map((d) => d.value)).toEqual(['prepared', 'PREPARED T1', 'x = 0']);
    expect(v.durable[0]).toMatchObject({ label: 'T1', valueKey: '2pc.status.prepared', tone: 'blocked' });
  });
  it('prepared before anyone noticed is amber; committed is green; a coordinator shows its log', () => {
    const s = r.final.states.P1 as PState;
    const prepared: PState = { ...s, volatile: { ...s.volatile, inDoubt: [] } };
    expect(twoPC.view('P1', 'participant', prepared, true).tone).toBe('prepared');
    const happy = simulate(twoPC, namedScenario(twoPC, twoPC.scenarios[0]));
    expect(twoPC.view('P2', 'participant', happy.final.states.P2, true).tone).toBe('committed');
    const c = twoPC.view('C', 'coordinator', r.final.states.C, false);
    expect(c.durable.map((d) => d.value)).toEqual(['COMMIT T1']);
    expect(twoPC.view('C2', 'standby', r.final.states.C2, true).tone).toBe('blocked');
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

import { describe, expect, it } from 'vitest';
import { baseScenario, dbAt, indexTrace, simulate, type PatternDef } from '../../engine';
import { saga } from '../saga';
import { tcc } from '../tcc';
import tccStrings from '../tcc/strings';
import sagaStrings from '../saga/strings';
import { scenarioOf } from './testkit';

const patterns: PatternDef[] = [tcc, saga];

describe('compensation patterns: incremental invariants agree with their whole-world reference', () => {
  for (const p of patterns)
    for (const ns of p.scenarios)
      for (const guard of [false, true])
        it(`${p.id} ${ns.id} (barrier ${guard ? 'on' : 'off'})`, () => {
          const r = simulate(p, scenarioOf(p, ns.id, guard), { referenceCheck: true });
          expect(r.referenceMismatches).toEqual([]);
        });
});

describe('compensation patterns: node views stay small with thousands of transactions', () => {
  const viewRows = (p: PatternDef, txCount: number, extra: Record<string, string> = {}) => {
    const base = baseScenario(p);
    const params = { ...base.params, ...extra, txCount, txGap: 600 };
    const r = simulate(p, { ...base, params, workload: p.workload(params), horizon: txCount * 600 + 600_000 });
    const ix = indexTrace(r);
    const end = r.events.length;
    return r.topology.nodes.map((n) => {
      const st = r.final.states[n.id];
      const v = p.view(n.id, n.role, st, true, dbAt(ix, n.id, end));
      const strings: Record<string, string> = p.id === 'tcc' ? tccStrings.en : sagaStrings.en;
      for (const row of [...v.durable, ...v.volatile]) expect(strings[row.label], row.label).toBeDefined();
      return [n.id, v.durable.length + v.volatile.length] as const;
    });
  };
  for (const [name, p, extra] of [
    ['TCC', tcc, {}],
    ['Saga', saga, {}],
    ['Saga choreography', saga, { coordination: 'choreography' }],
  ] as const)
    it(`${name}: as many view rows at 50 as at 1,000 transactions ("+N more" for the rest)`, () => {
      expect(viewRows(p, 1_000, extra)).toEqual(viewRows(p, 50, extra));
    }, 60_000);

  it('the pattern declares what can crash and which links carry what', () => {
    expect(tcc.surface(baseScenario(tcc).params).crashable).toEqual(['TM', 'bob', 'smith']);
    const choreo = saga.surface({ ...baseScenario(saga).params, coordination: 'choreography' });
    expect(choreo.crashable).toEqual(['bob', 'smith']);
    expect(choreo.channels.some((c) => c.from === 'TM' || c.to === 'TM')).toBe(false);
  });
});

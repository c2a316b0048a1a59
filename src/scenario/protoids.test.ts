/**
 * Issue 10: transaction ids that are also names of Object.prototype members ("constructor", "toString",
 * "__proto__", "hasOwnProperty") are ordinary transactions. Each pattern's default and named scenarios are run with
 * their transaction ids renamed; every outcome and invariant verdict must be the same as with the original ids.
 * (Reducers that keep transactions in plain objects read `txs["constructor"]` as an existing entry and ignore it.)
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulator';
import { baseScenario, namedScenario } from '../engine/scenario';
import type { Scenario } from '../engine/types';
import { patterns } from '../patterns/registry';
import { parseScenario } from './schema';

const PROTO_IDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function renamed(s: Scenario): { scenario: Scenario; names: Map<string, string> } {
  const names = new Map<string, string>();
  const workload = s.workload.map((w) => {
    const tx = w.request.tx;
    if (typeof tx !== 'string') return w;
    if (!names.has(tx))
      names.set(tx, PROTO_IDS[names.size % PROTO_IDS.length] + (names.size >= PROTO_IDS.length ? names.size : ''));
    return { ...w, request: { ...w.request, tx: names.get(tx) } };
  });
  const faults = JSON.parse(
    JSON.stringify(s.faults).replace(/"tx":"([^"]*)"/g, (m, tx: string) =>
      names.has(tx) ? `"tx":"${names.get(tx)}"` : m,
    ),
  ) as Scenario['faults'];
  return { scenario: { ...s, workload, faults }, names };
}

describe('transaction ids named like Object.prototype members are ordinary transactions', () => {
  for (const p of patterns) {
    const runs = [
      { id: 'default', s: baseScenario(p) },
      ...p.scenarios.map((ns) => ({ id: ns.id, s: namedScenario(p, ns) })),
    ];
    for (const { id, s } of runs) {
      it(`${p.id}/${id}`, () => {
        const { scenario, names } = renamed(s);
        if (names.size === 0) return; // a scenario without transaction ids in its workload
        // The schema accepts them (a link or a file with such ids is valid).
        expect(parseScenario(JSON.parse(JSON.stringify(scenario))).ok).toBe(true);
        const a = simulate(p, s);
        const b = simulate(p, scenario);
        const outcomes = (r: typeof a, rename: (tx: string) => string) =>
          Object.fromEntries(r.outcomes.map((o) => [rename(o.tx), o.outcome]));
        expect(outcomes(b, (tx) => tx)).toEqual(outcomes(a, (tx) => names.get(tx) ?? tx));
        expect(b.invariants.map((i) => [i.id, i.final, i.firstBreak])).toEqual(
          a.invariants.map((i) => [i.id, i.final, i.firstBreak]),
        );
        expect(b.stats.events).toBe(a.stats.events);
      });
    }
  }
});

/**
 * Test helpers for the compensation patterns (used by their Vitest suites only): run a named scenario with the
 * guard set either way, check an expectation the same way the CLI does, collect every i18n key a run can show.
 */
import type { Expectation, PatternDef } from '../../engine/pattern';
import { namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { buildReport, checkExpectation } from '../../cli/report';

export function scenarioOf(p: PatternDef, id: string, guard?: boolean): Scenario {
  const ns = p.scenarios.find((s) => s.id === id);
  if (!ns) throw new Error(`${p.id}: no scenario ${id}`);
  const sc = namedScenario(p, ns);
  return guard === undefined ? sc : { ...sc, guards: { ...sc.guards, barrier: guard } };
}

export function runNamed(p: PatternDef, id: string, guard?: boolean): SimResult {
  return simulate(p, scenarioOf(p, id, guard));
}

export function misses(r: SimResult, exp: Expectation): string[] {
  return checkExpectation(buildReport(r), exp);
}

/** Every i18n key a run shows: notes, node labels, status words, row labels and value keys at every state. */
export function keysShown(p: PatternDef, r: SimResult): Set<string> {
  const keys = new Set<string>();
  const roleOf = Object.fromEntries(r.topology.nodes.map((n) => [n.id, n.role]));
  for (const n of r.topology.nodes) keys.add(n.label);
  for (const e of r.events) {
    if (e.kind === 'note') keys.add(e.key);
    if ('state' in e) {
      const v = p.view(e.node, roleOf[e.node], e.state, true);
      keys.add(v.statusKey);
      for (const row of [...v.durable, ...v.volatile]) {
        keys.add(row.label);
        if (row.valueKey) keys.add(row.valueKey);
      }
    }
  }
  return keys;
}

/** Keys every pattern definition names: pattern, roles, scenarios, params, guards, invariants. */
export function keysDeclared(p: PatternDef): string[] {
  return [
    `pattern.${p.id}.name`,
    `pattern.${p.id}.desc`,
    ...Object.keys(p.roles).map((r) => `role.${p.id}.${r}`),
    ...p.scenarios.flatMap((s) => [`scenario.${p.id}.${s.id}.title`, `scenario.${p.id}.${s.id}.desc`]),
    ...p.params.flatMap((d) => [`param.${p.id}.${d.key}`, `param.${p.id}.${d.key}.help`]),
    ...p.guards.flatMap((g) => [`guard.${p.id}.${g.key}`, `guard.${p.id}.${g.key}.desc`]),
    ...p.invariants.flatMap((i) => [`inv.${i.id}`, `inv.${i.id}.desc`]),
  ];
}

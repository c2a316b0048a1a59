/**
 * Test helpers for the compensation patterns (used by their Vitest suites only): run a named scenario with the
 * guard set either way, check an expectation with the engine's rules (the CLI's), collect every i18n key a run can
 * show, and ONE property harness — random fault schedules from the pattern's surface, judged by its invariants.
 */
import fc from 'fast-check';
import {
  buildReport,
  checkExpectation,
  dbAt,
  indexTrace,
  namedScenario,
  baseScenario,
  simulate,
  type Expectation,
  type PatternDef,
  type Row,
  type Scenario,
  type SimResult,
} from '../../engine';
import { scheduleArb, type Schedule } from './faultgen';

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

/** A node's table at the end of a run, as rows in insertion order. */
export function rowsOf(r: SimResult, node: string, table: string): Row[] {
  const db = r.final.db(node);
  return [...db.keys(table)].map((k) => db.get(table, k) as Row);
}

/**
 * Every i18n key a run shows: notes, node labels, status words, row labels and value keys at every state, the titles
 * and column labels of the tables a role declares, and the value keys of every row written to them.
 */
export function keysShown(p: PatternDef, r: SimResult): Set<string> {
  const keys = new Set<string>();
  const roleOf = Object.fromEntries(r.topology.nodes.map((n) => [n.id, n.role]));
  const ix = indexTrace(r);
  for (const n of r.topology.nodes) {
    keys.add(n.label);
    for (const spec of Object.values(p.roles[n.role]?.tables ?? {})) {
      if (!spec.view) continue;
      keys.add(spec.view.title);
      for (const c of spec.view.columns) keys.add(c.label);
    }
  }
  const rowKeys = (node: string, table: string, row: Row | null) => {
    const view = p.roles[roleOf[node]]?.tables?.[table]?.view;
    if (!view || !row) return;
    for (const c of view.columns)
      if (c.valueKey && c.field !== '$key') keys.add(`${c.valueKey}.${String(row[c.field])}`);
  };
  for (const n of r.topology.nodes) for (const w of r.initial.writes[n.id] ?? []) rowKeys(n.id, w.table, w.row);
  for (const e of r.events) {
    if (e.kind === 'note') keys.add(e.key);
    if ('state' in e) {
      for (const w of e.writes ?? []) rowKeys(e.node, w.table, w.row);
      const v = p.view(e.node, roleOf[e.node], e.state, true, dbAt(ix, e.node, e.seq + 1));
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

// ---------------------------------------------------------------- the property harness

type Knobs = Record<string, string | number>;

/** A random schedule of the pattern's surface (for these knobs), run in batch mode with the reference check on. */
export function runSchedule(
  p: PatternDef,
  s: Schedule,
  knobs: Knobs,
  barrier: boolean,
  guards: Record<string, boolean> = {},
): SimResult {
  const base = baseScenario(p, s.seed);
  const params = { ...base.params, ...knobs };
  return simulate(
    p,
    {
      ...base,
      params,
      workload: p.workload(params),
      guards: { ...base.guards, ...guards, barrier },
      network: s.network,
      faults: s.faults,
      horizon: 3_000_000,
    },
    { record: false, referenceCheck: true },
  );
}

/** Reference mismatches seen by any run of the harness (a property test asserts there are none). */
export const referenceMismatches: string[] = [];

/**
 * Safe: the run went quiet; the `never` invariants never broke, the `finally` ones hold at the end; every transaction
 * committed or aborted. Records the incremental checkers' disagreements with the reference checks.
 */
export function safeUnder(
  p: PatternDef,
  s: Schedule,
  knobs: Knobs,
  barrier: boolean,
  rules: { never: string[]; finally: string[] },
): boolean {
  const r = runSchedule(p, s, knobs, barrier);
  referenceMismatches.push(...r.referenceMismatches);
  const inv = (id: string) => r.invariants.find((i) => i.id === id);
  return (
    r.stoppedBy === 'quiescent' &&
    rules.never.every((id) => inv(id)?.broken.length === 0) &&
    rules.finally.every((id) => inv(id)?.final === 'holds') &&
    r.outcomes.every((o) => o.outcome === 'committed' || o.outcome === 'aborted')
  );
}

/** Schedules from the pattern's surface for each knob setting (the surface may depend on them). */
export function scheduleWithKnobs(p: PatternDef, knobs: fc.Arbitrary<Knobs>): fc.Arbitrary<[Schedule, Knobs]> {
  return knobs.chain((k) => {
    const base = baseScenario(p);
    return scheduleArb(p.surface({ ...base.params, ...k })).map((s) => [s, k] as [Schedule, Knobs]);
  });
}
